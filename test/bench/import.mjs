#!/usr/bin/env node
/**
 * Import speed of @redlex/formats on the largest corpus files (the AI Act as
 * EUR-Lex HTML and as Formex with its 13 annex files, plus the GDPR Formex
 * and the CSA proposal for comparison). Prints, per file: size, time per
 * import (min / median / max over the repetitions) and peak RSS.
 *
 *   npx tsc -b packages/formats && node test/bench/import.mjs [repetitions]
 *
 * Reads ../shared/corpus relative to the repository root; exits quietly
 * when it is absent. No thresholds: this measures, it does not judge.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {performance} from 'node:perf_hooks'
import {resourceUsage} from 'node:process'

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
const {importDocument, toAkn} = await import(dist.href)
const repetitions = Number(process.argv[2] ?? 5)

const formexDir = new URL('ai-act/final-formex/', corpus)
const annexes = readdirSync(formexDir).filter((f) => /\.01\d{4}\.fmx\.xml$/.test(f)).sort().map((f) => readFileSync(new URL(f, formexDir), 'utf8'))
const cases = [
  {name: 'AI Act, EUR-Lex HTML', path: 'ai-act/final-eurlex.html'},
  {name: 'AI Act, Formex 6 + 13 annexes', path: 'ai-act/final-formex/L_202401689EN.000101.fmx.xml', annexes},
  {name: 'GDPR, Formex 4', path: 'gdpr/original-oj-2016/L_2016119EN.01000101.xml'},
  {name: 'CSA proposal, Cellar HTML', path: 'csa-proposal/proposal-com-2022-209.html'}
]

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1)
console.log(`@redlex/formats import benchmark, ${repetitions} repetitions, Node ${process.version}`)
for (const c of cases) {
  const text = readFileSync(new URL(c.path, corpus), 'utf8')
  const size = Buffer.byteLength(text) + (c.annexes ?? []).reduce((n, a) => n + Buffer.byteLength(a), 0)
  const times = []
  let provisions = 0
  for (let i = 0; i < repetitions; i++) {
    const t0 = performance.now()
    const {document} = importDocument(text, c.annexes ? {annexes: c.annexes} : {})
    times.push(performance.now() - t0)
    if (i === 0) provisions = JSON.stringify(document).split('"eId"').length - 1
  }
  const doc = importDocument(text, c.annexes ? {annexes: c.annexes} : {}).document
  const t1 = performance.now()
  const xml = toAkn(doc)
  const exportMs = performance.now() - t1
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  console.log(`${c.name.padEnd(32)} ${mb(size).padStart(5)} MB  ${provisions} provisions  import min ${times[0].toFixed(0)} ms, median ${median.toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms  toAkn ${exportMs.toFixed(0)} ms (${mb(xml.length)} MB)`)
}
console.log(`peak RSS ${mb(resourceUsage().maxRSS * 1024)} MB`)
