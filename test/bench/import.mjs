#!/usr/bin/env node
/**
 * Import speed of @redlex/formats on the corpus, in a warm process. Per file:
 * size, counts, warnings by code, the import's time (min / median / max of
 * wall-clock time over the repetitions, and the median CPU time), the same
 * without reference linking (`linkReferences: false`, which is
 * @redlex/tree's work), and beside it the parser's own time on the same text:
 * htmlparser2 (what the HTML importers use) and parse5 (what they used
 * before) for HTML; for XML, redlex's own reader (what the XML importers
 * use, src/lib/xml-reader.ts), xmldom (what they used before) and saxes (a
 * streaming parser, events only). Then `toAkn` and peak RSS.
 *
 *   npx tsc -b packages/formats && node test/bench/import.mjs [repetitions]
 *
 * Reads ../shared/corpus relative to the repository root; exits quietly
 * when it is absent. No thresholds: this measures, it does not judge. On a
 * loaded machine wall time varies; CPU time is the steadier figure.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {performance} from 'node:perf_hooks'
import {cpuUsage, resourceUsage} from 'node:process'

const root = new URL('../../', import.meta.url)
const corpus = new URL('../shared/corpus/', root)
const dist = new URL('packages/formats/dist/index.js', root)
if (!existsSync(new URL('README.md', corpus))) {
  console.log('bench/import: ../shared/corpus is absent; skipped')
  process.exit(0)
}
if (!existsSync(dist)) {
  console.error('bench/import: build first: npx tsc -b packages/formats')
  process.exit(1)
}
const {importDocument, fromCellarHtml, fromEurlexHtml, fromFormex, toAkn} = await import(dist.href)
const {countProvisions} = await import(new URL('packages/tree/dist/index.js', root).href)
const repetitions = Number(process.argv[2] ?? 5)

// The parsers, resolved from @redlex/formats (parse5 is its devDependency, for this comparison).
const require = createRequire(new URL('packages/formats/package.json', root))
const load = async (name) => import(require.resolve(name)).catch(() => undefined)
const htmlparser2 = await load('htmlparser2')
const parse5 = await load('parse5')
const xmldom = await load('@xmldom/xmldom')
const htmlParsers = {
  htmlparser2:
    htmlparser2 &&
    ((text) =>
      new htmlparser2.Parser({ontext() {}, onopentag() {}, onclosetag() {}}, {recognizeSelfClosing: true}).end(text)),
  parse5: parse5 && ((text) => parse5.parse(text, {sourceCodeLocationInfo: true}))
}
// saxes (a root devDependency): a streaming parser, events only, no tree — the floor any XML importer
// could reach; beside the reader it says how much of an import the parser is (docs/formats.md).
const reader = await import(new URL('packages/formats/dist/lib/xml-reader.js', root).href).catch(() => undefined)
const saxes = await import(createRequire(new URL('package.json', root)).resolve('saxes')).catch(() => undefined)
const xmlParsers = {
  reader: reader && ((text) => reader.readXml(text, 100)),
  xmldom: xmldom && ((text) => new xmldom.DOMParser({onError() {}}).parseFromString(text, 'text/xml')),
  saxes:
    saxes &&
    ((text) => {
      const parser = new saxes.SaxesParser({position: true})
      parser.on('opentag', () => {})
      parser.on('text', () => {})
      parser.write(text).close()
    })
}

const formexDir = new URL('ai-act/final-formex/', corpus)
const annexes = readdirSync(formexDir)
  .filter((f) => /\.01\d{4}\.fmx\.xml$/.test(f))
  .sort()
  .map((f) => readFileSync(new URL(f, formexDir), 'utf8'))
const cases = [
  {name: 'AI Act, EUR-Lex HTML', path: 'ai-act/final-eurlex.html', parsers: htmlParsers, bare: fromEurlexHtml},
  {
    name: 'AI Act proposal, Cellar XHTML',
    path: 'ai-act/proposal-com-2021-206.xhtml',
    parsers: htmlParsers,
    bare: fromCellarHtml
  },
  {
    name: 'DSA proposal, Cellar XHTML',
    path: 'dsa/proposal-com-2020-825.xhtml',
    parsers: htmlParsers,
    bare: fromCellarHtml
  },
  {
    name: 'CSA proposal, Cellar HTML',
    path: 'csa-proposal/proposal-com-2022-209.html',
    parsers: htmlParsers,
    bare: fromCellarHtml
  },
  {
    name: 'AI Act, Formex 6 + 13 annexes',
    path: 'ai-act/final-formex/L_202401689EN.000101.fmx.xml',
    annexes,
    parsers: xmlParsers,
    bare: (t) => fromFormex(t, {annexes, linkReferences: false})
  },
  {
    name: 'GDPR, Formex 4',
    path: 'gdpr/original-oj-2016/L_2016119EN.01000101.xml',
    parsers: xmlParsers,
    bare: (t) => fromFormex(t, {linkReferences: false})
  }
]

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2)
const ms = (value) => value.toFixed(0)

/** Run `fn` `repetitions` times; wall-clock min/median/max and median CPU time in ms. */
function measure(fn) {
  const wall = []
  const cpu = []
  for (let i = 0; i < repetitions; i++) {
    const c0 = cpuUsage()
    const t0 = performance.now()
    fn()
    wall.push(performance.now() - t0)
    const c = cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  wall.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const mid = Math.floor(repetitions / 2)
  return {min: wall[0], median: wall[mid], max: wall[wall.length - 1], cpu: cpu[mid]}
}

console.log(`@redlex/formats import benchmark, ${repetitions} repetitions, Node ${process.version}`)
for (const c of cases) {
  const text = readFileSync(new URL(c.path, corpus), 'utf8')
  const size = Buffer.byteLength(text) + (c.annexes ?? []).reduce((n, a) => n + Buffer.byteLength(a), 0)
  const options = c.annexes ? {annexes: c.annexes} : {}
  const first = importDocument(text, options)
  const counts = countProvisions(first.document)
  const warnings = {}
  for (const w of first.warnings) warnings[w.code] = (warnings[w.code] ?? 0) + 1
  const full = measure(() => importDocument(text, options))
  const bare = measure(() => c.bare(text))
  const parsers = Object.entries(c.parsers)
    .filter(([, fn]) => fn)
    .map(([name, fn]) => {
      const t = measure(() => fn(text))
      return `${name} ${ms(t.median)} ms (cpu ${ms(t.cpu)})`
    })
  const t1 = performance.now()
  const xml = toAkn(first.document)
  const exportMs = performance.now() - t1
  console.log(`\n${c.name} (${c.path}), ${mb(size)} MB`)
  console.log(
    `  counts   ${Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`
  )
  console.log(
    `  warnings ${
      Object.keys(warnings).length === 0
        ? 'none'
        : Object.entries(warnings)
            .map(([k, n]) => `${k} ×${n}`)
            .join(', ')
    }`
  )
  console.log(
    `  import   min ${ms(full.min)} ms, median ${ms(full.median)} ms, max ${ms(full.max)} ms (median cpu ${ms(full.cpu)} ms); without linkReferences median ${ms(bare.median)} ms (cpu ${ms(bare.cpu)})`
  )
  console.log(`  parser   ${parsers.join(', ') || 'not resolvable'}`)
  console.log(`  toAkn    ${ms(exportMs)} ms (${mb(xml.length)} MB)`)
}
console.log(`\npeak RSS ${mb(resourceUsage().maxRSS * 1024)} MB`)
