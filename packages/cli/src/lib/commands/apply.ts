/** `redlex apply [DRAFT] --isc RECORD`: the post-ISC text (and the change log); the draft defaults to the record's `draft:`. */
import {toMarkdown} from '@redlex/markdown'
import {applyIsc, changeLogFile} from 'redlex/core'
import {choice, COMMON, formatWarning, one, RENUMBER, required, UsageError, type Io, type Values} from '../command.js'
import {checkOutputs, emit} from '../emit.js'
import {writeAtomic} from '../io.js'
import {loadDocument, loadRecord, loadRecordDraft, recordDraft} from '../load.js'

export const options = {
  ...COMMON,
  isc: {type: 'string'},
  amendments: {type: 'string'},
  output: {type: 'string', short: 'o'},
  log: {type: 'string'},
  renumber: {type: 'string'},
  lenient: {type: 'boolean'}
} as const

export async function run(positionals: string[], values: Values, io: Io): Promise<number> {
  if (values['amendments'] !== undefined) {
    if (values['isc'] !== undefined) throw new UsageError('give --isc RECORD or --amendments FILE, not both', 'apply')
    return (await import('./apply-list.js')).run(one(positionals, 'apply'), values, io)
  }
  if (positionals.length > 1) one(positionals, 'apply')
  const recordFile = required(values['isc'], 'isc', 'apply')
  const renumber = choice(values['renumber'], RENUMBER, 'renumber', 'apply', 'sequential')
  const loaded = await loadRecord(recordFile)
  // Without a DRAFT argument, the draft is the record's `draft:` (relative to the record).
  const file = positionals[0] ?? recordDraft(loaded)
  const inputs = [file, recordFile]
  checkOutputs('apply', {'-o': values['output'] ?? '-', '--log': values['log']}, inputs)
  const lenient = Boolean(values['lenient'])
  const draft =
    positionals[0] !== undefined
      ? await loadDocument(file, {lenient})
      : await loadRecordDraft({file: loaded.file, draft: loaded.record.draft!, place: loaded.draftPlace}, {lenient})
  for (const warning of draft.warnings) io.stderr(formatWarning(warning))
  const record = loaded.record
  const result = applyIsc(draft.document, record, {renumber, recordFile: loaded.file, places: loaded.places})
  for (const warning of result.warnings) io.stderr(formatWarning(warning))
  // Write the log first: if it fails, the text is not written either.
  const log = JSON.stringify(changeLogFile(result), null, 2) + '\n'
  if (values['log'] === '-') io.stdout(log)
  else if (typeof values['log'] === 'string') writeAtomic(values['log'], log, {inputs})
  emit(io, values['output'], toMarkdown(result.post), inputs)
  if (typeof values['output'] === 'string' && values['output'] !== '-')
    io.stderr(`${values['output']}: ${result.log.length} amendments applied (${record.reference})\n`)
  return 0
}
