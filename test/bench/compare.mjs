// Benchmark of the comparison engine (not a test). Run after a build:
//
//   npx tsc -b tsconfig.build.json && node test/bench/compare.mjs
//
// For each pair (DSA proposal → Regulation 2022/2065, AI Act proposal →
// Regulation 2024/1689, both from ../shared/corpus when present, and a
// generated ~1 MB heavily edited pair) it runs, each in a fresh child
// process so that peak memory (maxRSS) is its own:
//
//   redlex    import both versions + compareDocuments + render (Markdown, HTML, DOCX when built)
//   jsdiff    whole-text diffWords on textOf(before) / textOf(after), with its `timeout` option
//   dmp       whole-text diff-match-patch diff_main + diff_cleanupSemantic
//
// and prints wall times, the share of characters each engine marks as
// unchanged, and peak RSS, with ratios against redlex. Figures are recorded
// in docs/performance.md. Environment: BENCH_JSDIFF_TIMEOUT (ms, default
// 60000), BENCH_DMP_TIMEOUT (seconds, default 1, diff-match-patch's own
// default; 0 = unlimited), BENCH_PAIRS (comma list: dsa,ai,generated),
// BENCH_ENGINES (comma list: redlex,jsdiff,dmp), BENCH_REPEAT (fresh redlex
// processes per pair, default 3; the one with the median first compare is
// shown), BENCH_BASELINE (another built checkout of redlex, e.g. a git
// worktree of an earlier commit: its redlex runs alternate with this one's,
// each in a fresh process, and the ratio of the medians is printed — the way
// to measure a change on a machine whose load moves).
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'

// BENCH_ROOT is set by the parent for the baseline's child processes.
const root = process.env.BENCH_ROOT ?? fileURLToPath(new URL('../../', import.meta.url))
const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
const dist = (name) => pathToFileURL(`${root}packages/${name}/dist/index.js`).href
const JSDIFF_TIMEOUT = Number(process.env.BENCH_JSDIFF_TIMEOUT ?? 60_000)
const DMP_TIMEOUT = Number(process.env.BENCH_DMP_TIMEOUT ?? 1)
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3))
const BASELINE = process.env.BENCH_BASELINE
  ? fileURLToPath(new URL(process.env.BENCH_BASELINE.replace(/\/?$/, '/'), pathToFileURL(process.cwd() + '/')))
  : undefined

// ---------------------------------------------------------------------------
// The pairs

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
  'annual publish appropriate necessary proportionate effective within without delay pursuant accordance ' +
  'referred shall may should including relevant specific particular concerned intermediary hosting online ' +
  'marketplace search engine very large designated access researcher vetted fundamental rights protection'
).split(' ')

async function generated() {
  const tree = await import(dist('tree'))
  const rand = random(20240613)
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const sentence = (n) => {
    const words = []
    for (let i = 0; i < n; i++) words.push(pick(VOCABULARY))
    if (rand() < 0.5)
      words.splice(Math.floor(rand() * n), 0, `Article ${1 + Math.floor(rand() * 400)}(${1 + Math.floor(rand() * 5)})`)
    if (rand() < 0.2) words.push(`by ${1 + Math.floor(rand() * 28)} June ${2020 + Math.floor(rand() * 10)}`)
    return words.join(' ') + '.'
  }
  // ~1 MB: 420 articles × 5 paragraphs × ~480 characters.
  const articles = []
  for (let a = 0; a < 420; a++) {
    const paragraphs = []
    for (let p = 0; p < 5; p++) paragraphs.push([sentence(30), sentence(35)].join(' '))
    articles.push({heading: `${pick(VOCABULARY)} ${pick(VOCABULARY)}`, paragraphs})
  }
  const edit = (text) => {
    const words = text.split(' ')
    const out = []
    for (const word of words) {
      const r = rand()
      if (r < 0.06) continue // delete
      if (r < 0.12)
        out.push(pick(VOCABULARY)) // replace
      else out.push(word)
      if (rand() < 0.05) out.push(pick(VOCABULARY), pick(VOCABULARY)) // insert
    }
    return out.join(' ')
  }
  // Heavily edited: 1 article in 12 deleted, 1 in 9 followed by a new one,
  // 1 in 25 moved 30 places on, 60 % of paragraphs edited; then renumbered.
  const edited = []
  const moved = []
  articles.forEach((article, i) => {
    if (i % 12 === 5) return
    const copy = {heading: article.heading, paragraphs: article.paragraphs.map((p) => (rand() < 0.6 ? edit(p) : p))}
    if (i % 25 === 7) moved.push([i + 30, copy])
    else edited.push(copy)
    if (i % 9 === 3) edited.push({heading: 'new ' + pick(VOCABULARY), paragraphs: [sentence(40), sentence(40)]})
    while (moved.length > 0 && moved[0][0] <= i) edited.push(moved.shift()[1])
  })
  for (const [, m] of moved) edited.push(m)
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
    const doc = tree.documentOf([
      {type: 'preface', children: [{type: 'docType', children: [tree.text('REGULATION (generated)')]}]},
      {type: 'body', children: body}
    ])
    return tree.assignEids(doc).document
  }
  return {before: build(articles), after: build(edited)}
}

async function load(pair) {
  const formats = await import(dist('formats'))
  if (pair === 'dsa') {
    return {
      before: formats.fromCellarHtml(readFileSync(corpus + 'dsa/proposal-com-2020-825.xhtml', 'utf8')),
      after: formats.fromFormex(readFileSync(corpus + 'dsa/final-formex.xml', 'utf8'))
    }
  }
  if (pair === 'ai') {
    const dir = corpus + 'ai-act/final-formex/'
    const annexes = readdirSync(dir)
      .filter((f) => /\.01\d{2}01\.fmx\.xml$/.test(f))
      .sort()
    return {
      before: formats.fromCellarHtml(readFileSync(corpus + 'ai-act/proposal-com-2021-206.xhtml', 'utf8')),
      after: formats.fromFormex(readFileSync(dir + 'L_202401689EN.000101.fmx.xml', 'utf8'), {
        annexes: annexes.map((f) => readFileSync(dir + f, 'utf8'))
      })
    }
  }
  return generated()
}

// ---------------------------------------------------------------------------
// One measurement (in a child process)

async function one(pair, engine) {
  const tree = await import(dist('tree'))
  let t = performance.now()
  const {before, after} = await load(pair)
  const importMs = performance.now() - t
  const textBefore = tree.textOf(before)
  const textAfter = tree.textOf(after)
  const result = {pair, engine, chars: [textBefore.length, textAfter.length]}
  if (engine === 'redlex') {
    result.importMs = importMs
    const {compareDocuments} = await import(dist('compare'))
    let cpu = process.cpuUsage()
    t = performance.now()
    const comparison = compareDocuments(before, after)
    result.compareMs = performance.now() - t
    cpu = process.cpuUsage(cpu)
    result.compareCpuMs = (cpu.user + cpu.system) / 1000
    // A second run shows the cost without JIT warm-up (a server or a batch of comparisons).
    t = performance.now()
    compareDocuments(before, after)
    result.compareWarmMs = performance.now() - t
    const render = {}
    for (const [name, pkg, fn] of [
      ['markdown', 'render-markdown', 'toMarkdownRedline'],
      ['html', 'render-html', 'toHtml'],
      ['docx', 'render-docx', 'toDocx']
    ]) {
      if (!existsSync(fileURLToPath(dist(pkg)))) continue
      const mod = await import(dist(pkg))
      t = performance.now()
      await mod[fn](comparison)
      render[name] = performance.now() - t
    }
    result.renderMs = render
    let common = 0
    let removed = 0
    let added = 0
    const count = (segments) => {
      for (const s of segments) {
        if (s.added) added += s.value.length
        else if (s.removed) removed += s.value.length
        else common += s.value.length
      }
    }
    const visit = (list) => {
      for (const c of list) {
        count(c.diff)
        if (c.heading) count(c.heading)
        visit(c.children)
      }
    }
    visit(comparison.changes)
    for (const f of comparison.frame) count(f.diff)
    result.unchanged = [common / (common + removed), common / (common + added)]
    result.fallbacks = comparison.fallbacks
    result.summary = comparison.summary
  } else if (engine === 'jsdiff') {
    const {diffWords} = await import('diff')
    t = performance.now()
    const changes = diffWords(textBefore, textAfter, {timeout: JSDIFF_TIMEOUT})
    result.compareMs = performance.now() - t
    if (changes === undefined) result.gaveUp = true
    else
      result.unchanged = shareOf(
        changes.map((c) => [c.added ? 1 : c.removed ? -1 : 0, c.value]),
        textBefore,
        textAfter
      )
  } else {
    const {default: DiffMatchPatch} = await import('diff-match-patch')
    const dmp = new DiffMatchPatch()
    dmp.Diff_Timeout = DMP_TIMEOUT
    t = performance.now()
    const diffs = dmp.diff_main(textBefore, textAfter)
    dmp.diff_cleanupSemantic(diffs)
    result.compareMs = performance.now() - t
    result.unchanged = shareOf(
      diffs.map(([op, text]) => [op, text]),
      textBefore,
      textAfter
    )
  }
  result.maxRssMB = process.resourceUsage().maxRSS / 1024
  process.stdout.write(JSON.stringify(result) + '\n')
}

function shareOf(ops, before, after) {
  let common = 0
  for (const [op, text] of ops) if (op === 0) common += text.length
  return [common / before.length, common / after.length]
}

// ---------------------------------------------------------------------------
// The run

const args = process.argv.slice(2)
if (args[0] === '--one') {
  await one(args[1], args[2])
} else {
  const wanted = (process.env.BENCH_PAIRS ?? 'dsa,ai,generated').split(',')
  const pairs = wanted.filter((p) => p === 'generated' || existsSync(corpus + (p === 'dsa' ? 'dsa' : 'ai-act')))
  if (pairs.length < wanted.length) console.log(`(corpus not found at ${corpus}: real pairs skipped)`)
  const self = fileURLToPath(import.meta.url)
  const pct = (x) => (x === undefined ? '   —  ' : (100 * x).toFixed(1).padStart(5) + '%')
  const ms = (x) => (x === undefined ? '—' : x < 10_000 ? x.toFixed(0) + ' ms' : (x / 1000).toFixed(1) + ' s')
  const os = await import('node:os')
  console.log(
    `node ${process.version}, ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; jsdiff timeout ${JSDIFF_TIMEOUT} ms; diff-match-patch Diff_Timeout ${DMP_TIMEOUT} s`
  )
  for (const pair of pairs) {
    const rows = {}
    const spawn = (engine, env) => {
      const child = spawnSync(process.execPath, ['--max-old-space-size=4096', self, '--one', pair, engine], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        env
      })
      const line = child.stdout.trim().split('\n').pop()
      if (child.status !== 0 || !line) {
        console.log(`${pair} ${engine}: failed (${child.status}) ${child.stderr.slice(0, 500)}`)
        return undefined
      }
      return JSON.parse(line)
    }
    // The run with the median first compare, and all first compares.
    const median = (runs) => {
      if (runs.length === 0) return undefined
      runs.sort((x, y) => x.compareMs - y.compareMs)
      const row = runs[(runs.length - 1) >> 1]
      if (runs.length > 1) row.firstRuns = runs.map((x) => x.compareMs)
      return row
    }
    for (const engine of (process.env.BENCH_ENGINES ?? 'redlex,jsdiff,dmp').split(',')) {
      // redlex runs REPEAT times (fresh processes) and the run with the median
      // first compare is shown: a single run moves with the machine's load.
      // With a baseline, its runs alternate with redlex's.
      const runs = []
      const baseline = []
      for (let r = 0; r < (engine === 'redlex' ? REPEAT : 1); r++) {
        const run = spawn(engine, process.env)
        if (run) runs.push(run)
        if (engine === 'redlex' && BASELINE) {
          const base = spawn(engine, {...process.env, BENCH_ROOT: BASELINE})
          if (base) baseline.push(base)
        }
      }
      if (runs.length > 0) rows[engine] = median(runs)
      if (baseline.length > 0) rows.baseline = median(baseline)
    }
    const r = rows.redlex
    console.log(`\n${pair}: ${rows.redlex?.chars.map((c) => (c / 1024).toFixed(0) + ' KiB').join(' → ') ?? ''}`)
    if (r) {
      const render = Object.entries(r.renderMs)
        .map(([k, v]) => `${k} ${ms(v)}`)
        .join(', ')
      const renderSum = Object.entries(r.renderMs)
        .filter(([k]) => k !== 'docx')
        .reduce((s, [, v]) => s + v, 0)
      console.log(
        `  redlex  import ${ms(r.importMs)}, compare ${ms(r.compareMs)} (CPU ${ms(r.compareCpuMs)}; second run ${ms(r.compareWarmMs)}), render ${render || 'n/a'}; compare+render (md+html) ${ms(r.compareMs + renderSum)}`
      )
      if (r.firstRuns)
        console.log(
          `          first compare over ${r.firstRuns.length} fresh processes: ${r.firstRuns.map(ms).join(', ')} (median shown)`
        )
      console.log(
        `          unchanged ${pct(r.unchanged[0])} of before, ${pct(r.unchanged[1])} of after; fallbacks ${r.fallbacks}; peak RSS ${r.maxRssMB.toFixed(0)} MB`
      )
      console.log(
        `          ${Object.entries(r.summary)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`
      )
    }
    const b = rows.baseline
    if (b && r) {
      const renderOf = (x) =>
        Object.entries(x.renderMs)
          .filter(([k]) => k !== 'docx')
          .reduce((sum, [, v]) => sum + v, 0)
      console.log(
        `  baseline ${BASELINE}: compare ${ms(b.compareMs)} (second run ${ms(b.compareWarmMs)}); compare+render (md+html) ${ms(b.compareMs + renderOf(b))}`
      )
      if (b.firstRuns)
        console.log(
          `          first compare over ${b.firstRuns.length} fresh processes: ${b.firstRuns.map(ms).join(', ')} (median shown)`
        )
      console.log(
        `          redlex / baseline: compare ${(r.compareMs / b.compareMs).toFixed(2)}×, second run ${(r.compareWarmMs / b.compareWarmMs).toFixed(2)}×, compare+render ${((r.compareMs + renderOf(r)) / (b.compareMs + renderOf(b))).toFixed(2)}×`
      )
    }
    for (const engine of ['jsdiff', 'dmp']) {
      const e = rows[engine]
      if (!e) continue
      const ratio = r ? ` (${(e.compareMs / r.compareMs).toFixed(1)}× redlex compare)` : ''
      const what = e.gaveUp
        ? `gave up after ${ms(e.compareMs)}`
        : `${ms(e.compareMs)}${ratio}, unchanged ${pct(e.unchanged[0])} of before, ${pct(e.unchanged[1])} of after`
      console.log(`  ${engine.padEnd(7)} ${what}; peak RSS ${e.maxRssMB.toFixed(0)} MB`)
    }
  }
}
