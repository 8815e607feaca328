#!/usr/bin/env node
/**
 * How much of the cross-reference language of real acts the reference
 * grammar (@redlex/tree `findReferences`) reads: on every act of the corpus,
 * the share of "Article …", "paragraph …", "subparagraph …" and "point …"
 * mentions that one reference span reads whole.
 *
 *   npx -y pnpm@10 run build && node test/bench/references.mjs [--misses N]
 *
 * A mention is the keyword followed by a number, an opening bracket or (for
 * subparagraphs) preceded by an ordinal. It counts as parsed when a span
 * covers it and that span is not glued to a neighbouring span by only a
 * comma, a space or `of` (which means the grammar cut one reference in two,
 * e.g. "Article 6(1)" + "points (j) and (k)"). Misses are printed with
 * their context, grouped by shape, so what the grammar lacks can be read off.
 *
 * Reads ../shared/corpus relative to the repository root; exits quietly
 * when it is absent. No thresholds: this measures, it does not judge.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'

const root = new URL('../../', import.meta.url)
const corpus = new URL('../shared/corpus/', root)
if (!existsSync(new URL('README.md', corpus))) {
  console.log('bench/references: ../shared/corpus is absent; skipped')
  process.exit(0)
}
const dist = (pkg) => new URL(`packages/${pkg}/dist/index.js`, root)
if (!existsSync(dist('formats')) || !existsSync(dist('tree'))) {
  console.error('bench/references: build first: npx -y pnpm@10 run build')
  process.exit(1)
}
const {importDocument} = await import(dist('formats').href)
const {findReferences, listProvisions, textOf} = await import(dist('tree').href)
const showMisses =
  Number(process.argv[process.argv.indexOf('--misses') + 1] || 0) || (process.argv.includes('--misses') ? 40 : 0)

const formexDir = new URL('ai-act/final-formex/', corpus)
const aiAnnexes = readdirSync(formexDir)
  .filter((f) => /\.01\d{4}\.fmx\.xml$/.test(f))
  .sort()
  .map((f) => readFileSync(new URL(f, formexDir), 'utf8'))
const ACTS = [
  {name: 'GDPR (Formex)', path: 'gdpr/original-oj-2016/L_2016119EN.01000101.xml'},
  {name: 'GDPR consolidated (Formex)', path: 'gdpr/consolidated-2018/gdpr-consolidated-en.xml'},
  {name: 'AI Act proposal (Cellar)', path: 'ai-act/proposal-com-2021-206.xhtml'},
  {name: 'AI Act (Formex + annexes)', path: 'ai-act/final-formex/L_202401689EN.000101.fmx.xml', annexes: aiAnnexes},
  {name: 'AI Act (EUR-Lex HTML)', path: 'ai-act/final-eurlex.html'},
  {name: 'DSA proposal (Cellar)', path: 'dsa/proposal-com-2020-825.xhtml'},
  {name: 'DSA (Formex)', path: 'dsa/final-formex.xml'},
  {name: 'CSA proposal (Cellar/LEOS)', path: 'csa-proposal/proposal-com-2022-209.html'},
  {name: 'JOIN(2022) 19 (AKN4EU)', path: 'akn/join-2022-19-akn4eu.xml'},
  {name: 'COM(2025) 162 (AKN4EU)', path: 'akn/com-2025-162-DIR-cmcxketrh00ca8x00qxqd29bn-en.xml'},
  {name: 'Directive 2014/92 (AKN 3)', path: 'akn/directive-2014-92.akn.xml'}
]

const ORD = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth'
const MENTION = new RegExp(
  `(?<![\\p{L}])(?:(?:${ORD})[ \\u00a0]+subparagraphs?|[Aa]rticles?[ \\u00a0]+\\d|[Pp]aragraphs?[ \\u00a0]+\\d|[Ss]ubparagraphs?[ \\u00a0]+\\d|[Pp]oints?[ \\u00a0]+\\()`,
  'gu'
)
const GLUE = /^(?:,?[ \u00a0]+(?:of[ \u00a0]+)?|,)$/

/** Plain text of every provision's own text, one string per provision. */
function texts(document) {
  return listProvisions(document)
    .map(({node}) => textOf(node, {num: false, deep: false}))
    .filter((t) => t.length > 0)
}

/** The shape of a miss: its words with numbers abstracted, for grouping. */
function shape(context) {
  return context
    .replace(/\d+[a-z]?/g, 'N')
    .replace(/\([a-z]{1,4}\)/g, '(x)')
    .replace(/\((?:N)\)/g, '(N)')
}

let totalMentions = 0
let totalParsed = 0
const missesByShape = new Map()
console.log('act | mentions | parsed | share')
console.log('---|---:|---:|---:')
for (const act of ACTS) {
  const url = new URL(act.path, corpus)
  if (!existsSync(url)) continue
  const {document} = importDocument(readFileSync(url, 'utf8'), {
    file: act.path,
    ...(act.annexes ? {annexes: act.annexes} : {})
  })
  let mentions = 0
  let parsed = 0
  for (const text of texts(document)) {
    const spans = findReferences(text)
    for (const m of text.matchAll(MENTION)) {
      mentions++
      const at = m.index
      const i = spans.findIndex((s) => s.start <= at && at + m[0].length <= s.end)
      const span = spans[i]
      const glued =
        span &&
        ((spans[i + 1] && GLUE.test(text.slice(span.end, spans[i + 1].start))) ||
          (spans[i - 1] && GLUE.test(text.slice(spans[i - 1].end, span.start))))
      if (span && !glued) {
        parsed++
        continue
      }
      const context = text.slice(Math.max(0, at - 20), Math.min(text.length, at + 60)).replace(/\s+/g, ' ')
      const key = shape(text.slice(at, Math.min(text.length, at + 40)).replace(/\s+/g, ' '))
      const list = missesByShape.get(key) ?? []
      list.push(`${act.name}: …${context}…`)
      missesByShape.set(key, list)
    }
  }
  totalMentions += mentions
  totalParsed += parsed
  console.log(`${act.name} | ${mentions} | ${parsed} | ${mentions ? ((100 * parsed) / mentions).toFixed(2) : '–'} %`)
}
console.log(`**all** | ${totalMentions} | ${totalParsed} | ${((100 * totalParsed) / totalMentions).toFixed(2)} %`)
const missed = [...missesByShape.entries()].sort((a, b) => b[1].length - a[1].length)
console.log(`\n${totalMentions - totalParsed} mention(s) missed, ${missed.length} shape(s)`)
for (const [key, list] of missed.slice(0, showMisses || 15)) {
  console.log(`${String(list.length).padStart(5)}  ${key}`)
  if (showMisses) for (const example of list.slice(0, 2)) console.log(`         ${example}`)
}
