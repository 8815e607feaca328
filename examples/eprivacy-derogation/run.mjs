// The ePrivacy-derogation example end to end: apply the conclusions of
// ISC/2020/06507 to the pre-ISC draft and write the post-ISC text and the
// comparison in every format. Run it with `npx -y pnpm@10 run example`.
import {mkdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {applyAmendments} from '@redlex/amend'
import {writeAtomic} from '@redlex/cli'
import {compareDocuments} from '@redlex/compare'
import {amendmentsOf, loadIscRecord} from '@redlex/isc'
import {fromMarkdown, parseFragment, toMarkdown} from '@redlex/markdown'
import {toDocx} from '@redlex/render-docx'
import {toHtml} from '@redlex/render-html'
import {toMarkdownRedline} from '@redlex/render-markdown'

const here = (name) => fileURLToPath(new URL(name, import.meta.url))
const out = (name) => fileURLToPath(new URL('out/' + name, import.meta.url))

const pre = fromMarkdown(readFileSync(here('pre-isc.md'), 'utf8'), {file: 'pre-isc.md'})
const record = loadIscRecord(readFileSync(here('isc.yaml'), 'utf8'), {file: 'isc.yaml'})

// All or nothing: a failing amendment throws a RedlexError naming it.
const amendments = amendmentsOf(record)
const applied = applyAmendments(pre, amendments, {renumber: 'sequential', parseFragment})

const comparison = compareDocuments(pre, applied.document, {
  names: {before: 'pre-ISC draft', after: 'post-ISC text'},
  log: applied.log,
  renames: applied.renames,
  isc: {
    reference: record.reference,
    date: record.date,
    conclusions: record.conclusions.map((c) => ({id: c.id, text: c.text, requestedBy: c.requestedBy}))
  }
})

mkdirSync(here('out'), {recursive: true})
writeAtomic(out('post-isc.md'), toMarkdown(applied.document))
writeAtomic(out('comparison.html'), toHtml(comparison))
writeAtomic(out('comparison.docx'), await toDocx(comparison, {date: record.date}))
writeAtomic(out('comparison.md'), toMarkdownRedline(comparison))
writeAtomic(out('changes.json'), JSON.stringify({isc: record.reference, changes: applied.log, summary: comparison.summary}, null, 2) + '\n')

const counts = Object.entries(comparison.summary).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`).join(', ')
console.log(`${record.reference}: ${amendments.length} amendments of ${record.conclusions.length} conclusions applied; provisions: ${counts}.`)
for (const name of ['post-isc.md', 'comparison.html', 'comparison.docx', 'comparison.md', 'changes.json']) {
  console.log('  ' + fileURLToPath(new URL('out/' + name, import.meta.url)))
}
