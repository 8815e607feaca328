/**
 * The `redlex` command line. `run(argv, io)` does the work and returns the
 * exit code (0 ok, 1 input or validation error, 2 usage error), so tests can
 * call it in-process; `bin.ts` wires it to the process.
 */
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {applyAmendments, type ChangeLogEntry} from '@redlex/amend'
import {compareDocuments, verify, type Comparison} from '@redlex/compare'
import {toAkn} from '@redlex/formats'
import {amendmentsOf, type IscRecord} from '@redlex/isc'
import {parseFragment, toMarkdown} from '@redlex/markdown'
import {toDocx} from '@redlex/render-docx'
import {toHtml} from '@redlex/render-html'
import {toMarkdownRedline} from '@redlex/render-markdown'
import {countProvisions, isRedlexError, RedlexError, type Document} from '@redlex/tree'
import {writeAtomic} from './io.js'
import {loadDocument, loadRecord, type LoadedRecord} from './load.js'
import {HELP, USAGE} from './help.js'
import {detectFormat} from '@redlex/formats'
import {readText} from './io.js'

/** Where the CLI writes. */
export interface Io {
  stdout: (text: string | Uint8Array) => void
  stderr: (text: string) => void
  /** True when stderr is a terminal (progress is shown only then). */
  isTTY?: boolean
}

/** A usage problem: exit code 2. */
class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message)
  }
}

const COMMON = {
  help: {type: 'boolean', short: 'h'},
  debug: {type: 'boolean'}
} as const

const COMMANDS: Record<string, ParseArgsConfig['options']> = {
  check: {...COMMON, json: {type: 'boolean'}, lenient: {type: 'boolean'}},
  convert: {...COMMON, to: {type: 'string'}, output: {type: 'string', short: 'o'}, lenient: {type: 'boolean'}},
  format: {...COMMON, output: {type: 'string', short: 'o'}, check: {type: 'boolean'}},
  apply: {...COMMON, isc: {type: 'string'}, output: {type: 'string', short: 'o'}, log: {type: 'string'}, renumber: {type: 'string'}},
  compare: {...COMMON, isc: {type: 'string'}, format: {type: 'string'}, output: {type: 'string', short: 'o'}, renumber: {type: 'string'}, 'show-renumbering': {type: 'boolean'}, lenient: {type: 'boolean'}},
  verify: {...COMMON, isc: {type: 'string'}, json: {type: 'boolean'}, renumber: {type: 'string'}}
}

/** Run the CLI; returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  const debug = rest.includes('--debug')
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP['main']!)
      return command === undefined ? 2 : 0
    }
    if (command === '--version' || command === '-v') {
      io.stdout('redlex 0.1.0\n')
      return 0
    }
    const options = COMMANDS[command]
    if (!options) throw new UsageError(`Unknown command \`${command}\``)
    let parsed: ReturnType<typeof parseArgs>
    try {
      parsed = parseArgs({args: [...rest], options, allowPositionals: true, strict: true})
    } catch (error) {
      throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''), command)
    }
    if (parsed.values['help']) {
      io.stdout(HELP[command]!)
      return 0
    }
    const values = parsed.values as Record<string, string | boolean | undefined>
    const positionals = parsed.positionals
    switch (command) {
      case 'check':
        return check(positionals, values, io)
      case 'convert':
        return convert(one(positionals, command), values, io)
      case 'format':
        return formatCommand(one(positionals, command), values, io)
      case 'apply':
        return apply(one(positionals, command), values, io)
      case 'compare':
        return await compare(two(positionals, command), values, io)
      case 'verify':
        return verifyCommand(two(positionals, command), values, io)
    }
    return 2
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`redlex: ${error.message}\n${USAGE[error.command ?? 'main'] ?? USAGE['main']}\n`)
      return 2
    }
    if (isRedlexError(error)) {
      io.stderr(error.message + '\n')
      if (debug && error.stack) io.stderr(error.stack + '\n')
      return 1
    }
    // Anything else is a bug in redlex: say so, with the stack.
    io.stderr(`redlex: internal error (please report it): ${(error as Error)?.stack ?? String(error)}\n`)
    return 70
  }
}

function one(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`\`${command}\` takes one file, not ${positionals.length}`, command)
  return positionals[0]!
}

function two(positionals: string[], command: string): [string, string] {
  if (positionals.length !== 2) throw new UsageError(`\`${command}\` takes two files (BEFORE AFTER), not ${positionals.length}`, command)
  return [positionals[0]!, positionals[1]!]
}

function choice<T extends string>(value: string | boolean | undefined, allowed: readonly T[], flag: string, command: string, fallback?: T): T {
  if (value === undefined || value === true) {
    if (fallback !== undefined) return fallback
    throw new UsageError(`\`${command}\` needs --${flag} ${allowed.join('|')}`, command)
  }
  if (!allowed.includes(value as T)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not \`${String(value)}\``, command)
  return value as T
}

function required(value: string | boolean | undefined, flag: string, command: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`\`${command}\` needs --${flag} FILE`, command)
  return value
}

/** Write to -o FILE atomically, or to stdout. */
function emit(io: Io, output: string | boolean | undefined, data: string | Uint8Array): void {
  if (typeof output === 'string') writeAtomic(output, data)
  else io.stdout(data)
}

// ---------------------------------------------------------------------------

function check(files: string[], values: Record<string, string | boolean | undefined>, io: Io): number {
  if (files.length === 0) throw new UsageError('`check` takes at least one file', 'check')
  const reports: unknown[] = []
  let failed = false
  files.forEach((file, i) => {
    if (io.isTTY && files.length > 1) io.stderr(`\r[${i + 1}/${files.length}] ${file}`.padEnd(70) + (i + 1 === files.length ? '\n' : ''))
    try {
      const text = readText(file)
      const format = detectFormat(text, {file})
      if (format === 'isc-record') {
        const {record} = loadRecord(file)
        const report = {file, format, reference: record.reference, conclusions: record.conclusions.length, amendments: amendmentsOf(record).length, warnings: []}
        reports.push(report)
        if (!values['json']) io.stdout(`${file}: ISC record ${record.reference}, ${report.conclusions} conclusions, ${report.amendments} amendments\n`)
        return
      }
      const loaded = loadDocument(file, {lenient: Boolean(values['lenient'])})
      const counts = countProvisions(loaded.document)
      reports.push({file, format: loaded.format, counts, warnings: loaded.warnings})
      if (!values['json']) {
        io.stdout(`${file}: ${loaded.format}, ${loaded.document.kind} (${loaded.document.stage}): ${counts.citations} citations, ${counts.recitals} recitals, ${counts.articles} articles, ${counts.chapters} chapters, ${counts.annexes} annexes\n`)
        for (const warning of loaded.warnings) io.stderr(`${warning.message}${warning.message.endsWith(']') ? '' : ` [${warning.code}]`}\n`)
      }
    } catch (error) {
      if (!isRedlexError(error) || files.length === 1) throw error
      failed = true
      reports.push({file, error: error.toJSON()})
      if (!values['json']) io.stderr(error.message + '\n')
    }
  })
  if (values['json']) io.stdout(JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2) + '\n')
  return failed ? 1 : 0
}

function convert(file: string, values: Record<string, string | boolean | undefined>, io: Io): number {
  const to = choice(values['to'], ['md', 'akn', 'json'] as const, 'to', 'convert')
  const {document, warnings} = loadDocument(file, {lenient: Boolean(values['lenient'])})
  for (const warning of warnings) io.stderr(warning.message + '\n')
  const out = to === 'md' ? toMarkdown(document) : to === 'akn' ? toAkn(document) : JSON.stringify(document, null, 2) + '\n'
  emit(io, values['output'], out)
  return 0
}

function formatCommand(file: string, values: Record<string, string | boolean | undefined>, io: Io): number {
  const {document} = loadDocument(file, {lenient: true})
  const out = toMarkdown(document)
  if (values['check']) {
    const same = out === readText(file)
    io.stderr(same ? `${file}: canonical\n` : `${file}: not canonical (run \`redlex format ${file} -o ${file}\`)\n`)
    return same ? 0 : 1
  }
  emit(io, values['output'], out)
  return 0
}

type Renumber = 'sequential' | 'amending-act'

function applyRecord(loaded: LoadedRecord, document: Document, renumber: Renumber): {document: Document; log: ChangeLogEntry[]; renames: Record<string, string>} {
  // New text in amendments may be written as dialect Markdown; failures point into the record.
  return applyAmendments(document, amendmentsOf(loaded.record), {renumber, parseFragment, file: loaded.file, places: loaded.places})
}

function apply(file: string, values: Record<string, string | boolean | undefined>, io: Io): number {
  const recordFile = required(values['isc'], 'isc', 'apply')
  const renumber = choice(values['renumber'], ['sequential', 'amending-act'] as const, 'renumber', 'apply', 'sequential')
  const draft = loadDocument(file)
  const loaded = loadRecord(recordFile)
  const record = loaded.record
  const result = applyRecord(loaded, draft.document, renumber)
  // Write the log first: if it fails, the text is not written either.
  if (typeof values['log'] === 'string') writeAtomic(values['log'], JSON.stringify({isc: record.reference, changes: result.log}, null, 2) + '\n')
  emit(io, values['output'], toMarkdown(result.document))
  if (typeof values['output'] === 'string') io.stderr(`${values['output']}: ${result.log.length} amendments applied (${record.reference})\n`)
  return 0
}

function iscInfo(record: IscRecord): {reference: string; date?: string; conclusions: Array<{id: string; text: string; requestedBy?: string[]}>} {
  return {
    reference: record.reference,
    ...(record.date ? {date: record.date} : {}),
    conclusions: record.conclusions.map((c) => ({id: c.id, text: c.text, ...(c.requestedBy ? {requestedBy: c.requestedBy} : {})}))
  }
}

async function compare([beforeFile, afterFile]: [string, string], values: Record<string, string | boolean | undefined>, io: Io): Promise<number> {
  const format = choice(values['format'], ['html', 'md', 'docx', 'json'] as const, 'format', 'compare')
  if (format === 'docx' && typeof values['output'] !== 'string') throw new UsageError('`--format docx` needs -o FILE (it is a binary file)', 'compare')
  const lenient = Boolean(values['lenient'])
  const before = loadDocument(beforeFile, {lenient})
  const after = loadDocument(afterFile, {lenient})
  let comparison: Comparison
  if (typeof values['isc'] === 'string') {
    const loaded = loadRecord(values['isc'])
    const record = loaded.record
    const renumber = choice(values['renumber'], ['sequential', 'amending-act'] as const, 'renumber', 'compare', 'sequential')
    const applied = applyRecord(loaded, before.document, renumber)
    comparison = compareDocuments(before.document, after.document, {
      names: {before: beforeFile, after: afterFile},
      log: applied.log,
      renames: applied.renames,
      isc: iscInfo(record),
      showRenumbering: Boolean(values['show-renumbering'])
    })
  } else {
    comparison = compareDocuments(before.document, after.document, {names: {before: beforeFile, after: afterFile}, showRenumbering: Boolean(values['show-renumbering'])})
  }
  const out = format === 'json'
    ? JSON.stringify(comparison, null, 2) + '\n'
    : format === 'md'
      ? toMarkdownRedline(comparison)
      : format === 'html'
        ? toHtml(comparison)
        : await toDocx(comparison)
  emit(io, values['output'], out)
  return 0
}

function verifyCommand([beforeFile, afterFile]: [string, string], values: Record<string, string | boolean | undefined>, io: Io): number {
  const recordFile = required(values['isc'], 'isc', 'verify')
  const renumber = choice(values['renumber'], ['sequential', 'amending-act'] as const, 'renumber', 'verify', 'sequential')
  const before = loadDocument(beforeFile)
  const after = loadDocument(afterFile)
  const loaded = loadRecord(recordFile)
  const record = loaded.record
  const applied = applyRecord(loaded, before.document, renumber)
  const report = verify(before.document, after.document, {log: applied.log, renames: applied.renames, isc: iscInfo(record)})
  if (values['json']) io.stdout(JSON.stringify(report, null, 2) + '\n')
  else io.stdout(formatReport(report))
  return report.ok ? 0 : 1
}

function formatReport(report: ReturnType<typeof verify>): string {
  const lines: string[] = []
  lines.push(report.ok ? 'OK: every change is explained and every amendment is reflected.' : 'NOT OK: the post-ISC text and the ISC record disagree.')
  const c = report.counts
  lines.push(`${c.changes} changes: ${c.explained} explained, ${c.unexplained} unexplained; ${c.amendments} amendments: ${c.reflected} reflected, ${c.unreflected} missing.`)
  for (const item of report.explained) lines.push(`  explained    ${item.change.label} (${item.change.status}) by ${item.amendments.join(', ')}`)
  for (const item of report.unexplained) lines.push(`  UNEXPLAINED  ${item.label} (${item.status})`)
  for (const item of report.unreflected) lines.push(`  MISSING      amendment ${item.amendment}${item.conclusion ? ` (conclusion ${item.conclusion})` : ''}: ${item.description}`)
  return lines.join('\n') + '\n'
}

export {RedlexError}
