/**
 * `redlex check FILE…`: detect, validate, count; an ISC record with a `draft:` is checked against
 * it; an amendment list is validated.
 */
import {detectFormat} from '@redlex/formats'
import {checkIscRecord} from '@redlex/isc'
import {countProvisions, isRedlexError, RedlexError} from '@redlex/tree'
import {
  amendmentPlaces,
  dryRunAmendments,
  isObject,
  parseSource,
  validateAmendments,
  type SourceData
} from '@redlex/amend'
import {parseFragment} from '@redlex/markdown'
import {COMMON, formatError, formatWarning, UsageError, type Io, type Values} from '../command.js'
import {draftPath, isDataFile, loadDocument, loadRecordDraft, readInput} from '../load.js'

export const options = {...COMMON, json: {type: 'boolean'}, lenient: {type: 'boolean'}} as const

export async function run(files: string[], values: Values, io: Io): Promise<number> {
  if (files.length === 0) throw new UsageError('`check` takes at least one file', 'check')
  const reports: unknown[] = []
  let failed = false
  for (const [i, file] of files.entries()) {
    if (io.isTTY && files.length > 1)
      io.stderr(`\r[${i + 1}/${files.length}] ${file}`.padEnd(70) + (i + 1 === files.length ? '\n' : ''))
    try {
      const text = readInput(file, isDataFile(file) ? 'data' : 'document')
      const format = detectOrList(text, file)
      if (typeof format !== 'string') {
        if (checkList(file, format, reports, values, io)) failed = true
        continue
      }
      if (format === 'isc-record') {
        if (await checkRecord(file, text, reports, values, io)) failed = true
        continue
      }
      const loaded = await loadDocument(file, {lenient: Boolean(values['lenient'])})
      const counts = countProvisions(loaded.document)
      reports.push({file, format: loaded.format, counts, warnings: loaded.warnings})
      if (!values['json']) {
        io.stdout(
          `${file}: ${loaded.format}, ${loaded.document.kind} (${loaded.document.stage}): ${counts.citations} citations, ${counts.recitals} recitals, ${counts.articles} articles, ${counts.chapters} chapters, ${counts.annexes} annexes\n`
        )
        for (const warning of loaded.warnings) io.stderr(formatWarning(warning))
      }
    } catch (error) {
      if (!isRedlexError(error) || files.length === 1) throw error
      failed = true
      reports.push({file, error: error.toJSON()})
      if (!values['json']) io.stderr(formatError(error))
    }
  }
  if (values['json']) io.stdout(JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2) + '\n')
  return failed ? 1 : 0
}

/**
 * The format of a file, or, for a file in no document format that holds
 * an amendment list, the list. A file named `*.yaml`/`*.json` is data,
 * never Markdown: its syntax error, not "unknown format"; an object is
 * checked as a record even when its `reference` is mistyped (and says so).
 */
function detectOrList(text: string, file: string): ReturnType<typeof detectFormat> | SourceData {
  let unknown: unknown
  try {
    const format = detectFormat(text, {file})
    if (format !== 'markdown' || !isDataFile(file)) return format
  } catch (error) {
    if (!isRedlexError(error) || error.code !== 'formats/unknown-format') throw error
    unknown = error
  }
  let source: SourceData
  try {
    // A syntax error in what reads as a record has the record's code.
    source = parseSource(text, {file, ...(/^(?:reference|conclusions):/m.test(text) ? {area: 'isc' as const} : {})})
  } catch (syntax) {
    if (isDataFile(file) || unknown === undefined) throw syntax
    throw unknown
  }
  const data = source.data
  const record = isObject(data) && ('reference' in data || 'conclusions' in data)
  if (Array.isArray(data) || (isObject(data) && 'amendments' in data && !record)) return source
  if (isObject(data) && isDataFile(file)) return 'isc-record'
  if (unknown !== undefined && !isDataFile(file)) throw unknown
  throw new RedlexError('This file holds neither an ISC record nor an amendment list', {
    code: 'cli/unknown-data',
    file,
    hint: 'A record is an object (`reference`, `conclusions` …), an amendment list a list of amendments'
  })
}

/** An amendment list: every problem of every amendment, with its place. Returns true when there is any. */
function checkList(file: string, source: SourceData, reports: unknown[], values: Values, io: Io): boolean {
  const {amendments, problems} = validateAmendments(source.data, {file, locate: source.locate})
  reports.push({
    file,
    format: 'amendments',
    amendments: amendments.length,
    problems: problems.map((p) => p.toJSON()),
    warnings: []
  })
  if (!values['json']) {
    for (const problem of problems) io.stderr(formatError(problem))
    io.stdout(
      `${file}: amendment list, ${amendments.length} well-formed amendments` +
        (problems.length > 0 ? `, ${problems.length} problem(s)\n` : '\n')
    )
  }
  return problems.length > 0
}

/**
 * An ISC record: every problem of its shape and of the rules across its
 * fields (each with its place in the file, conclusion and amendment), then,
 * when it names a `draft:`, every target and quoted text of the
 * well-formed amendments against that draft, without applying anything.
 * All problems at once; returns true when there is any.
 */
async function checkRecord(file: string, text: string, reports: unknown[], values: Values, io: Io): Promise<boolean> {
  const source = parseSource(text, {file, area: 'isc'})
  const checked = checkIscRecord(source.data, {file, locate: source.locate})
  const data = isObject(source.data) ? source.data : {}
  const conclusions = Array.isArray(data['conclusions']) ? data['conclusions'].length : 0
  const report: Record<string, unknown> = {
    file,
    format: 'isc-record',
    ...(typeof data['reference'] === 'string' ? {reference: data['reference']} : {}),
    conclusions,
    amendments: checked.amendments.length,
    problems: checked.problems.map((p) => p.toJSON()),
    warnings: []
  }
  reports.push(report)
  const json = Boolean(values['json'])
  if (!json) {
    for (const problem of checked.problems) io.stderr(formatError(problem))
    io.stdout(
      `${file}: ISC record ${String(data['reference'] ?? '(no reference)')}, ${conclusions} conclusions, ${checked.amendments.length} well-formed amendments` +
        (checked.problems.length > 0 ? `, ${checked.problems.length} problem(s) in the record\n` : '\n')
    )
  }
  const draft = data['draft']
  if (typeof draft !== 'string' || draft.trim() === '') return checked.problems.length > 0
  const draftFile = draftPath(file, draft)
  const place = source.locate(['draft'])
  const loaded = await loadRecordDraft({file, draft, place}, {lenient: Boolean(values['lenient'])})
  const document = loaded.document
  const {problems, warnings} = dryRunAmendments(document, checked.amendments, {
    parseFragment,
    file,
    places: amendmentPlaces(text, {file})
  })
  report['draft'] = draftFile
  report['problems'] = [...(report['problems'] as unknown[]), ...problems.map((p) => p.toJSON())]
  // The draft's own warnings first (its inline HTML …, or its structural problems with --lenient).
  report['warnings'] = [...loaded.warnings, ...warnings]
  if (!json) {
    for (const problem of problems) io.stderr(formatError(problem))
    for (const warning of [...loaded.warnings, ...warnings]) io.stderr(formatWarning(warning))
    io.stdout(
      problems.length === 0
        ? `${file}: every ${checked.problems.length > 0 ? 'well-formed ' : ''}amendment applies to ${draftFile}\n`
        : `${file}: ${problems.length} amendment(s) cannot be applied to ${draftFile}\n`
    )
  }
  return checked.problems.length + problems.length > 0
}
