// Benchmark of the comparison's work limits on pathological input (not a
// test; generated here, never stored). Run after a build:
//
//   npx tsc -b tsconfig.build.json && node test/bench/limits.mjs
//
// Cases (BENCH_LIMITS: comma list, default all):
//
//   paragraph  one article whose single paragraph is ~2 MB of text, rewritten
//              throughout (a quarter of the words replaced, deleted or added)
//   large      two ~20 MB documents: 6 000 articles (BENCH_LIMITS_ARTICLES) × 5 paragraphs, 60 % of
//              paragraphs edited, articles deleted, inserted, moved, renumbered
//
// Each case runs twice, each in a fresh child process, and prints the
// compare time, the peak RSS, the fallbacks, the steps left of the
// comparison's budget and a SHA-256 of the comparison's JSON: the two runs
// must print the same hash (the result does not depend on time or load).
// Figures are recorded in docs/performance.md.
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const dist = (name) => pathToFileURL(`${root}packages/${name}/dist/index.js`).href

/** Deterministic pseudo-random numbers (a bench must be repeatable). */
function random(seed) {
  let x = seed >>> 0
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0
    return x / 4294967296
  }
}

const VOCABULARY = (
  'provider platform service recipient authority Member State Commission Board data processing measure ' +
  'obligation risk assessment report information content notice action order decision complaint transparency ' +
  'system user request competent national coordinator supervisory cooperation procedure independent audit ' +
  'annual publish appropriate necessary proportionate effective within without delay pursuant accordance'
).split(' ')

function words(rand, n) {
  const out = []
  for (let i = 0; i < n; i++) {
    const r = rand()
    out.push(
      r < 0.02
        ? `Article ${1 + Math.floor(rand() * 400)}(${1 + Math.floor(rand() * 5)})`
        : VOCABULARY[Math.floor(r * VOCABULARY.length)]
    )
  }
  return out
}

/** Replace, delete or insert about `rate` of the words. */
function rewrite(rand, list, rate) {
  const out = []
  for (const word of list) {
    const r = rand()
    if (r < rate / 3) continue
    if (r < (2 * rate) / 3) out.push(VOCABULARY[Math.floor(rand() * VOCABULARY.length)])
    else out.push(word)
    if (r > 1 - rate / 3) out.push(VOCABULARY[Math.floor(rand() * VOCABULARY.length)])
  }
  return out
}

async function paragraphCase() {
  const tree = await import(dist('tree'))
  const rand = random(2)
  const before = words(rand, 230_000) // ~2 MB
  const after = rewrite(rand, before, 0.25)
  const doc = (list) =>
    tree.assignEids(
      tree.documentOf([
        {
          type: 'body',
          children: [
            tree.article('Article 1', 'One paragraph', [tree.paragraph('1.', [tree.content(list.join(' ') + '.')])])
          ]
        }
      ])
    ).document
  return {before: doc(before), after: doc(after)}
}

const ARTICLES = Number(process.env.BENCH_LIMITS_ARTICLES ?? 6000)

async function largeCase() {
  const tree = await import(dist('tree'))
  const rand = random(20)
  const sentence = (n) => words(rand, n).join(' ') + '.'
  const articles = []
  for (let a = 0; a < ARTICLES; a++) {
    const paragraphs = []
    for (let p = 0; p < 5; p++) paragraphs.push(sentence(36) + ' ' + sentence(40))
    articles.push({heading: words(rand, 2).join(' '), paragraphs})
  }
  const edited = []
  articles.forEach((article, i) => {
    if (i % 12 === 5) return
    edited.push({
      heading: article.heading,
      paragraphs: article.paragraphs.map((p) => (rand() < 0.6 ? rewrite(rand, p.split(' '), 0.15).join(' ') : p))
    })
    if (i % 9 === 3) edited.push({heading: 'new ' + words(rand, 1)[0], paragraphs: [sentence(40), sentence(40)]})
  })
  // Every 25th article moved 30 places on.
  for (let i = 7; i + 30 < edited.length; i += 25) edited.splice(i + 30, 0, edited.splice(i, 1)[0])
  const build = (list) => {
    const body = []
    list.forEach((article, i) => {
      if (i % 40 === 0)
        body.push(
          tree.division('chapter', `CHAPTER ${tree.toRoman(body.length + 1)}`, `Chapter ${body.length + 1}`, [])
        )
      body[body.length - 1].children.push(
        tree.article(
          `Article ${i + 1}`,
          article.heading,
          article.paragraphs.map((text, p) => tree.paragraph(`${p + 1}.`, [tree.content(text)]))
        )
      )
    })
    return tree.assignEids(tree.documentOf([{type: 'body', children: body}])).document
  }
  return {before: build(articles), after: build(edited)}
}

async function child(name) {
  const tree = await import(dist('tree'))
  const {compareDocuments} = await import(dist('compare'))
  const {before, after} = name === 'paragraph' ? await paragraphCase() : await largeCase()
  const chars = tree.textOf(before).length + tree.textOf(after).length
  const t = performance.now()
  const comparison = compareDocuments(before, after)
  const ms = performance.now() - t
  const hash = createHash('sha256').update(JSON.stringify(comparison)).digest('hex').slice(0, 16)
  console.log(
    JSON.stringify({
      name,
      chars,
      ms: Math.round(ms),
      fallbacks: comparison.fallbacks,
      summary: comparison.summary,
      hash,
      rssMB: Math.round(process.resourceUsage().maxRSS / 1024)
    })
  )
}

if (process.env.BENCH_LIMITS_CHILD) {
  await child(process.env.BENCH_LIMITS_CHILD)
} else {
  const cases = (process.env.BENCH_LIMITS ?? 'paragraph,large').split(',')
  for (const name of cases) {
    const hashes = []
    for (let run = 0; run < 2; run++) {
      const result = spawnSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url)], {
        env: {...process.env, BENCH_LIMITS_CHILD: name},
        encoding: 'utf8'
      })
      if (result.status !== 0) {
        console.log(`${name}: failed (${result.status}) ${result.stderr.slice(-2000)}`)
        break
      }
      const figures = JSON.parse(result.stdout.trim().split('\n').pop())
      hashes.push(figures.hash)
      console.log(
        `${name} run ${run + 1}: ${(figures.chars / 1e6).toFixed(1)} M chars, compare ${figures.ms} ms, peak RSS ${figures.rssMB} MB, fallbacks ${figures.fallbacks}, hash ${figures.hash}`
      )
    }
    if (hashes.length === 2)
      console.log(`${name}: ${hashes[0] === hashes[1] ? 'same bytes in both runs' : 'DIFFERENT BYTES'}`)
  }
}
