/** `redlex verify BEFORE AFTER --isc RECORD`: a hand-edited post-ISC text against the record. */
import {verify} from '@redlex/compare'
import {applyIsc} from 'redlex/core'
import {choice, COMMON, formatWarning, RENUMBER, required, two, type Io, type Values} from '../command.js'
import {loadDocument, loadRecord} from '../load.js'

export const options = {
  ...COMMON,
  isc: {type: 'string'},
  json: {type: 'boolean'},
  renumber: {type: 'string'},
  lenient: {type: 'boolean'}
} as const

export async function run(positionals: string[], values: Values, io: Io): Promise<number> {
  const [beforeFile, afterFile] = two(positionals, 'verify')
  const recordFile = required(values['isc'], 'isc', 'verify')
  const renumber = choice(values['renumber'], RENUMBER, 'renumber', 'verify', 'sequential')
  const lenient = Boolean(values['lenient'])
  const before = await loadDocument(beforeFile, {lenient})
  const after = await loadDocument(afterFile, {lenient})
  // On stderr, so that --json output stays one JSON value.
  for (const warning of [...before.warnings, ...after.warnings]) io.stderr(formatWarning(warning))
  const loaded = await loadRecord(recordFile)
  const record = loaded.record
  const applied = applyIsc(before.document, record, {renumber, recordFile: loaded.file, places: loaded.places})
  const report = verify(before.document, after.document, {log: applied.log, renames: applied.renames, isc: record})
  if (values['json']) io.stdout(JSON.stringify(report, null, 2) + '\n')
  else io.stdout(formatReport(report))
  return report.ok ? 0 : 1
}

function formatReport(report: ReturnType<typeof verify>): string {
  const lines: string[] = []
  lines.push(
    report.ok
      ? 'OK: every change is explained and every amendment is reflected.'
      : 'NOT OK: the post-ISC text and the ISC record disagree.'
  )
  const c = report.counts
  lines.push(
    `${c.changes} changes: ${c.explained} explained, ${c.unexplained} unexplained; ${c.amendments} amendments: ${c.reflected} reflected, ${c.unreflected} missing.`
  )
  for (const item of report.explained)
    lines.push(`  explained    ${item.change.label} (${item.change.status}) by ${item.amendments.join(', ')}`)
  for (const item of report.unexplained) {
    // The words no amendment explains: `"Certain" → "Some"`.
    const words = (item.words ?? []).map(
      (w) =>
        `${w.removed !== undefined ? JSON.stringify(w.removed) : '(nothing)'} → ${w.added !== undefined ? JSON.stringify(w.added) : '(nothing)'}`
    )
    const rest = item.explainedBy?.length ? ` (the rest explained by ${item.explainedBy.join(', ')})` : ''
    lines.push(`  UNEXPLAINED  ${item.label} (${item.status})${words.length > 0 ? ': ' + words.join('; ') : ''}${rest}`)
  }
  for (const item of report.unreflected)
    lines.push(
      `  MISSING      amendment ${item.amendment}${item.conclusion ? ` (conclusion ${item.conclusion})` : ''}: ${item.description}`
    )
  return lines.join('\n') + '\n'
}
