// The ePrivacy-derogation example end to end: apply the conclusions of
// ISC/2020/06507 to the pre-ISC draft and write the post-ISC text and the
// comparison in every format. Run it with `npx -y pnpm@10 run example`.
import {mkdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {writeAtomic} from '@redlex/cli'
import {applyIsc, changeLogFile, fromMarkdown, redline, toDocx, toHtml, toMarkdown, toMarkdownRedline} from 'redlex'

const here = (name) => fileURLToPath(new URL(name, import.meta.url))
const out = (name) => fileURLToPath(new URL('out/' + name, import.meta.url))

const pre = fromMarkdown(readFileSync(here('pre-isc.md'), 'utf8'), {file: 'pre-isc.md'})

// All or nothing: a failing amendment throws a RedlexError naming it and its line in isc.yaml.
const applied = applyIsc(pre, readFileSync(here('isc.yaml'), 'utf8'), {recordFile: 'isc.yaml'})
const record = applied.isc

// The log, the renames and the record in `applied` give every change its causes.
const comparison = redline(pre, applied.post, {...applied, names: {before: 'pre-ISC draft', after: 'post-ISC text'}})

mkdirSync(here('out'), {recursive: true})
writeAtomic(out('post-isc.md'), toMarkdown(applied.post))
writeAtomic(out('comparison.html'), toHtml(comparison))
writeAtomic(out('comparison.docx'), await toDocx(comparison, {date: record.date}))
writeAtomic(out('comparison.md'), toMarkdownRedline(comparison))
writeAtomic(out('changes.json'), JSON.stringify(changeLogFile(applied), null, 2) + '\n')

const counts = Object.entries(comparison.summary)
  .filter(([, n]) => n > 0)
  .map(([status, n]) => `${n} ${status}`)
  .join(', ')
const amendments = record.conclusions.reduce((n, conclusion) => n + (conclusion.amendments?.length ?? 0), 0)
console.log(
  `${record.reference}: ${amendments} amendments of ${record.conclusions.length} conclusions applied; provisions: ${counts}.`
)
for (const name of ['post-isc.md', 'comparison.html', 'comparison.docx', 'comparison.md', 'changes.json']) {
  console.log('  ' + fileURLToPath(new URL('out/' + name, import.meta.url)))
}
