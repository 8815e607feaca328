/**
 * `redlex apply DOCUMENT --amendments FILE`: a plain amendment list (not an
 * ISC record), all or nothing. The file is a YAML/JSON list, or
 * `{amendments: […]}` with optional `targets` (`base`, the default, or
 * `current`, as `redlex ep-amendments` writes) and `renumber`.
 */
import {amendmentPlaces, applyAmendments, parseAmendments, type Amendment, type ApplyResult} from '@redlex/amend'
import {applyInOrder} from '@redlex/ep'
import {toMarkdown} from '@redlex/markdown'
import {changeLogFile} from 'redlex/core'
import {RedlexError, type Document, type Position} from '@redlex/tree'
import {choice, formatWarning, RENUMBER, required, type Io, type Values} from '../command.js'
import {checkOutputs, emit} from '../emit.js'
import {writeAtomic} from '../io.js'
import {loadAmendmentList, loadDocument} from '../load.js'

export async function run(file: string, values: Values, io: Io): Promise<number> {
  const listFile = required(values['amendments'], 'amendments', 'apply')
  const inputs = [file, listFile]
  checkOutputs('apply', {'-o': values['output'] ?? '-', '--log': values['log']}, inputs)
  const loaded = await loadDocument(file, {lenient: Boolean(values['lenient'])})
  for (const warning of loaded.warnings) io.stderr(formatWarning(warning))
  const document = loaded.document
  const {text, source} = await loadAmendmentList(listFile)
  const data = source.data as Record<string, unknown> | unknown[]
  const settings = Array.isArray(data) || typeof data !== 'object' || data === null ? {} : data
  unknownSetting(settings, listFile, source.locate)
  const targets = setting(settings, 'targets', ['base', 'current'] as const, listFile) ?? 'base'
  const fromFile = setting(settings, 'renumber', RENUMBER, listFile)
  const renumber = choice(
    values['renumber'],
    RENUMBER,
    'renumber',
    'apply',
    fromFile ?? (document.stage === 'act' ? 'amending-act' : 'sequential')
  )
  const amendments = parseAmendments(source.data, {file: listFile, locate: source.locate})
  const result = run_(document, amendments, {
    targets,
    renumber,
    file: listFile,
    places: amendmentPlaces(text, {file: listFile})
  })
  // Write the log first: if it fails, the text is not written either.
  const log = JSON.stringify(changeLogFile({log: result.log}), null, 2) + '\n'
  if (values['log'] === '-') io.stdout(log)
  else if (typeof values['log'] === 'string') writeAtomic(values['log'], log, {inputs})
  for (const warning of result.warnings) io.stderr(formatWarning(warning))
  emit(io, values['output'], toMarkdown(result.document), inputs)
  if (typeof values['output'] === 'string' && values['output'] !== '-')
    io.stderr(`${values['output']}: ${amendments.length} amendments applied\n`)
  return 0
}

/**
 * A list written for `targets: current` with amending-act numbering (an EP
 * list) runs unit by unit (`applyInOrder`): the same text as one run of the
 * runner, without copying the whole document at each of hundreds of steps.
 */
function run_(
  document: Document,
  amendments: Amendment[],
  options: {
    targets: 'base' | 'current'
    renumber: 'sequential' | 'amending-act'
    file: string
    places: ReturnType<typeof amendmentPlaces>
  }
): Pick<ApplyResult, 'document' | 'log' | 'warnings'> {
  if (options.targets === 'current' && options.renumber === 'amending-act') return applyInOrder(document, amendments)
  return applyAmendments(document, amendments, options)
}

/** The keys of the object form besides `amendments` (`source`: what `redlex ep-amendments` records of the EP text). */
const SETTINGS = ['targets', 'renumber', 'source']

/** A key the object form does not have: an error, not a setting ignored in silence (`renumbr: amending-act`). */
function unknownSetting(data: Record<string, unknown>, file: string, locate: (path: string[]) => Position | undefined) {
  const key = Object.keys(data).find((k) => k !== 'amendments' && !SETTINGS.includes(k))
  if (key === undefined || !('amendments' in data)) return
  const place = locate([key])
  throw new RedlexError(`\`${key}\` is not a setting of an amendment list`, {
    code: 'cli/invalid-setting',
    file,
    ...(place ? {place} : {}),
    expected: ['amendments', ...SETTINGS],
    hint: `Its keys are \`amendments\` and the settings ${SETTINGS.map((s) => `\`${s}\``).join(', ')}`
  })
}

function setting<T extends string>(
  data: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
  file: string
): T | undefined {
  const value = data[key]
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new RedlexError(`\`${key}\` must be one of ${allowed.join(', ')}, not \`${String(value)}\``, {
      code: 'cli/invalid-setting',
      file,
      hint: `Write \`${key}: ${allowed[0]}\` or leave it out`
    })
  }
  return value as T
}
