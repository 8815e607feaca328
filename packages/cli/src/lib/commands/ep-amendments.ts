/**
 * `redlex ep-amendments EP.html --against PROPOSAL [-o amendments.yaml]
 * [--report report.json] [--text amended.md|.xml] [--redline FILE]`: the
 * European Parliament's amendments as typed amendments, applied to the
 * proposal one by one, with a report. A whole-text position (one amendment
 * restating the proposal) needs no proposal: its marked changes are written,
 * and `--text` writes the EP's text.
 */
import {stringify} from 'yaml'
import {applyEpText, epTextOf, markedChanges, readEpText, type EpApplyResult, type EpText} from '@redlex/ep'
import {importDocument, toAkn} from '@redlex/formats'
import {toMarkdown} from '@redlex/markdown'
import type {Document} from '@redlex/tree'
import {COMMON, formatWarning, one, UsageError, type Io, type Values} from '../command.js'
import {checkOutputs, emit} from '../emit.js'
import {readText, writeAtomic} from '../io.js'
import {loadDocument} from '../load.js'

export const options = {
  ...COMMON,
  against: {type: 'string'},
  output: {type: 'string', short: 'o'},
  report: {type: 'string'},
  text: {type: 'string'},
  redline: {type: 'string'}
} as const

const toFile = (value: string | boolean | undefined): value is string => typeof value === 'string' && value !== '-'

export async function run(positionals: string[], values: Values, io: Io): Promise<number> {
  const file = one(positionals, 'ep-amendments')
  const against = typeof values['against'] === 'string' ? values['against'] : undefined
  const inputs = [file, ...(against ? [against] : [])]
  checkOutputs(
    'ep-amendments',
    {
      '-o': values['output'] ?? '-',
      '--report': values['report'],
      '--text': values['text'],
      '--redline': values['redline']
    },
    inputs
  )
  const html = readText(file)
  const text = readEpText(html, {file})
  if (text.form === 'whole-text') return wholeText(file, html, text, values, io, inputs)
  if (!against)
    throw new UsageError('`ep-amendments` needs --against PROPOSAL for numbered amendments', 'ep-amendments')
  if (values['redline'] !== undefined && !/\.(?:html?|md|docx|json)$/i.test(String(values['redline']))) {
    throw new UsageError('--redline FILE must end in .html, .md, .docx or .json (its format)', 'ep-amendments')
  }
  const loaded = await loadDocument(against)
  for (const warning of loaded.warnings) io.stderr(formatWarning(warning))
  const proposal = loaded.document
  const result = applyEpText(proposal, text)
  for (const warning of result.warnings) io.stderr(formatWarning(warning))
  // Side outputs first: if one fails, the main output is not written either.
  if (typeof values['report'] === 'string')
    write(io, values['report'], JSON.stringify(result.report, null, 2) + '\n', inputs)
  if (typeof values['text'] === 'string')
    write(io, values['text'], documentText(result.document, values['text'], io), inputs)
  if (typeof values['redline'] === 'string')
    write(io, values['redline'], await redline(proposal, result, against, file, values['redline'], io), inputs)
  emit(io, values['output'], amendmentsFile(text, result), inputs)
  const {total, applied, notLocated, conflicts} = result.report
  io.stderr(
    `${file}: ${total} amendments: ${applied} applied, ${notLocated} not located, ${conflicts} in conflict${text.reference ? ` (${text.reference})` : ''}\n`
  )
  return 0
}

function write(io: Io, output: string, data: string | Uint8Array, inputs: readonly string[]): void {
  if (toFile(output)) writeAtomic(output, data, {inputs})
  else io.stdout(data)
}

/**
 * The typed amendments as a file `redlex apply --amendments` reads: they name
 * units as they stand when each runs (`targets: current`), nothing is
 * renumbered (`renumber: amending-act`).
 */
function amendmentsFile(text: EpText, result: EpApplyResult): string {
  const header = `# ${text.reference ?? 'EP amendments'}: ${result.report.applied} of ${result.report.total} amendments applied (the others are in the report).\n`
  return (
    header +
    stringify(
      {
        source: {
          kind: 'ep-amendment',
          ...(text.reference ? {reference: text.reference} : {}),
          ...(text.date ? {date: text.date} : {})
        },
        targets: 'current',
        renumber: 'amending-act',
        amendments: result.amendments
      },
      {lineWidth: 0, aliasDuplicateObjects: false}
    )
  )
}

/** `.xml`/`.akn`: Akoma Ntoso; anything else: the Markdown dialect. */
function documentText(document: Document, output: string, io: Io): string {
  if (/\.(?:xml|akn)$/i.test(output))
    return toAkn(document, {onWarning: (warning) => io.stderr(formatWarning(warning))})
  return toMarkdown(document)
}

/** The comparison of the proposal with the amended text, every change named by its EP amendment. */
async function redline(
  proposal: Document,
  result: EpApplyResult,
  before: string,
  after: string,
  output: string,
  io: Io
): Promise<string | Uint8Array> {
  const {compareDocuments} = await import('@redlex/compare')
  const comparison = compareDocuments(proposal, result.document, {
    log: result.log,
    names: {before, after: `${before} as amended by ${after}`}
  })
  if (/\.json$/i.test(output)) return JSON.stringify(comparison, null, 2) + '\n'
  if (/\.md$/i.test(output)) return (await import('@redlex/render-markdown')).toMarkdownRedline(comparison)
  if (/\.docx$/i.test(output))
    return (await import('@redlex/render-docx')).toDocx(comparison, {
      onWarning: (warning) => io.stderr(formatWarning(warning))
    })
  return (await import('@redlex/render-html')).toHtml(comparison)
}

/** A whole-text position: its marked changes (-o) and the EP's text (--text). */
function wholeText(
  file: string,
  html: string,
  text: EpText,
  values: Values,
  io: Io,
  inputs: readonly string[]
): number {
  if (values['redline'] !== undefined)
    throw new UsageError(
      '--redline needs numbered amendments and a proposal; a whole-text position has neither',
      'ep-amendments'
    )
  const position = importDocument(html, {file}).document
  const changes = markedChanges(position)
  if (typeof values['report'] === 'string') {
    const count = (kind: string): number => changes.filter((c) => c.kind === kind).length
    const report = {
      form: 'whole-text',
      ...(text.reference ? {reference: text.reference} : {}),
      ...(text.date ? {date: text.date} : {}),
      inserted: count('inserted'),
      removed: count('removed'),
      added: count('added'),
      deleted: count('deleted')
    }
    write(io, values['report'], JSON.stringify(report, null, 2) + '\n', inputs)
  }
  if (typeof values['text'] === 'string')
    write(io, values['text'], documentText(epTextOf(position), values['text'], io), inputs)
  const header = `# ${text.reference ?? 'EP position'}: the changes its marks record (bold italic: added; ▌: deleted, words not given)\n`
  emit(
    io,
    values['output'],
    header +
      stringify(
        {
          form: 'whole-text',
          ...(text.reference ? {reference: text.reference} : {}),
          ...(text.date ? {date: text.date} : {}),
          changes
        },
        {lineWidth: 0}
      ),
    inputs
  )
  io.stderr(
    `${file}: whole-text position: ${changes.length} marked changes${text.reference ? ` (${text.reference})` : ''}\n`
  )
  return 0
}
