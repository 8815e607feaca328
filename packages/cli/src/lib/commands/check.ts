/** `redlex check FILE…`: detect, validate, count; an ISC record with a `draft:` is checked against it. */
import {detectFormat} from '@redlex/formats'
import {amendmentsOf} from '@redlex/isc'
import {countProvisions, isRedlexError} from '@redlex/tree'
import {dryRunAmendments} from '@redlex/amend'
import {parseFragment} from '@redlex/markdown'
import {COMMON, formatError, formatWarning, UsageError, type Io, type Values} from '../command.js'
import {readText} from '../io.js'
import {loadDocument, loadRecord, recordDraft, type LoadedRecord} from '../load.js'

export const options = {...COMMON, json: {type: 'boolean'}, lenient: {type: 'boolean'}} as const

export function run(files: string[], values: Values, io: Io): number {
  if (files.length === 0) throw new UsageError('`check` takes at least one file', 'check')
  const reports: unknown[] = []
  let failed = false
  files.forEach((file, i) => {
    if (io.isTTY && files.length > 1)
      io.stderr(`\r[${i + 1}/${files.length}] ${file}`.padEnd(70) + (i + 1 === files.length ? '\n' : ''))
    try {
      const text = readText(file)
      const format = detectFormat(text, {file})
      if (format === 'isc-record') {
        const loaded = loadRecord(file)
        const record = loaded.record
        const report: Record<string, unknown> = {
          file,
          format,
          reference: record.reference,
          conclusions: record.conclusions.length,
          amendments: amendmentsOf(record).length,
          warnings: []
        }
        reports.push(report)
        if (!values['json'])
          io.stdout(
            `${file}: ISC record ${record.reference}, ${report['conclusions']} conclusions, ${report['amendments']} amendments\n`
          )
        if (record.draft !== undefined && checkAgainstDraft(loaded, report, values, io)) failed = true
        return
      }
      const loaded = loadDocument(file, {lenient: Boolean(values['lenient'])})
      const counts = countProvisions(loaded.document)
      reports.push({file, format: loaded.format, counts, warnings: loaded.warnings})
      if (!values['json']) {
        io.stdout(
          `${file}: ${loaded.format}, ${loaded.document.kind} (${loaded.document.stage}): ${counts.citations} citations, ${counts.recitals} recitals, ${counts.articles} articles, ${counts.chapters} chapters, ${counts.annexes} annexes\n`
        )
        for (const warning of loaded.warnings)
          io.stderr(`${warning.message}${warning.message.endsWith(']') ? '' : ` [${warning.code}]`}\n`)
      }
    } catch (error) {
      if (!isRedlexError(error) || files.length === 1) throw error
      failed = true
      reports.push({file, error: error.toJSON()})
      if (!values['json']) io.stderr(formatError(error))
    }
  })
  if (values['json']) io.stdout(JSON.stringify(files.length === 1 ? reports[0] : reports, null, 2) + '\n')
  return failed ? 1 : 0
}

/**
 * A record with a `draft:` is checked against it without applying anything:
 * every target and every quoted text, all problems at once. Returns true
 * when there are problems (they go into `report.problems`, and to stderr).
 */
function checkAgainstDraft(loaded: LoadedRecord, report: Record<string, unknown>, values: Values, io: Io): boolean {
  const draftFile = recordDraft(loaded)
  const draft = loadDocument(draftFile)
  const {problems, warnings} = dryRunAmendments(draft.document, amendmentsOf(loaded.record), {
    parseFragment,
    file: loaded.file,
    places: loaded.places
  })
  report['draft'] = draftFile
  report['problems'] = problems.map((p) => p.toJSON())
  report['warnings'] = warnings
  if (!values['json']) {
    for (const problem of problems) io.stderr(formatError(problem))
    for (const warning of warnings) io.stderr(formatWarning(warning))
    io.stdout(
      problems.length === 0
        ? `${loaded.file}: every amendment applies to ${draftFile}\n`
        : `${loaded.file}: ${problems.length} amendment(s) cannot be applied to ${draftFile}\n`
    )
  }
  return problems.length > 0
}
