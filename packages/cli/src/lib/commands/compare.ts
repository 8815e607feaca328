/** `redlex compare BEFORE AFTER --format html|md|docx|json`. */
import {basename, extname} from 'node:path'
import type {Comparison} from '@redlex/compare'
import type {IscApplied} from 'redlex/core'
import {redline} from 'redlex/redline'
import {choice, COMMON, formatWarning, RENUMBER, two, UsageError, type Io, type Values} from '../command.js'
import {checkOutputs, emit} from '../emit.js'
import {loadDocument, loadRecord} from '../load.js'

export const options = {
  ...COMMON,
  isc: {type: 'string'},
  format: {type: 'string'},
  output: {type: 'string', short: 'o'},
  renumber: {type: 'string'},
  'show-renumbering': {type: 'boolean'},
  'hide-renumbering': {type: 'boolean'},
  lenient: {type: 'boolean'},
  names: {type: 'string'},
  title: {type: 'string'},
  'show-unchanged': {type: 'boolean'},
  'show-formal': {type: 'boolean'}
} as const

export async function run(positionals: string[], values: Values, io: Io): Promise<number> {
  const [beforeFile, afterFile] = two(positionals, 'compare')
  const format = choice(values['format'], ['html', 'md', 'docx', 'json'] as const, 'format', 'compare')
  if (format === 'docx' && typeof values['output'] !== 'string')
    throw new UsageError('`--format docx` needs -o FILE (it is a binary file)', 'compare')
  const inputs = [beforeFile, afterFile, ...(typeof values['isc'] === 'string' ? [values['isc']] : [])]
  checkOutputs('compare', {'-o': values['output']}, inputs)
  if (values['hide-renumbering'] && values['show-renumbering'])
    throw new UsageError(
      '`--hide-renumbering` and `--show-renumbering` contradict each other (renumbering is shown by default)',
      'compare'
    )
  const lenient = Boolean(values['lenient'])
  const before = await loadDocument(beforeFile, {lenient})
  const after = await loadDocument(afterFile, {lenient})
  for (const warning of [...before.warnings, ...after.warnings]) io.stderr(formatWarning(warning))
  let applied: IscApplied | undefined
  if (typeof values['isc'] === 'string') {
    // Applying the record to BEFORE tells what each amendment changed: the causes.
    const loaded = await loadRecord(values['isc'])
    const renumber = choice(values['renumber'], RENUMBER, 'renumber', 'compare', 'sequential')
    const {applyIsc} = await import('redlex/core')
    applied = applyIsc(before.document, loaded.record, {renumber, recordFile: loaded.file, places: loaded.places})
    for (const warning of applied.warnings) io.stderr(formatWarning(warning))
  }
  const comparison = redline(before.document, after.document, {
    ...applied,
    names: versionNames(values['names'], beforeFile, afterFile),
    // Shown by default, as in the API: a drafter must see that Article 23 became Article 24.
    showRenumbering: !values['hide-renumbering']
  })
  emit(io, values['output'], await render(format, comparison, values, io), inputs)
  return 0
}

/** The comparison in the asked format; each renderer is loaded only when asked for (Word's is heavy). */
async function render(
  format: 'html' | 'md' | 'docx' | 'json',
  comparison: Comparison,
  values: Values,
  io: Io
): Promise<string | Uint8Array> {
  const title = typeof values['title'] === 'string' ? values['title'] : undefined
  const unchanged = Boolean(values['show-unchanged'])
  const formal = Boolean(values['show-formal'])
  switch (format) {
    case 'json':
      return JSON.stringify(comparison, null, 2) + '\n'
    case 'md':
      return (await import('@redlex/render-markdown')).toMarkdownRedline(comparison, {title, unchanged, formal})
    case 'html':
      return (await import('@redlex/render-html')).toHtml(comparison, {title, unchanged, formal})
    case 'docx':
      return (await import('@redlex/render-docx')).toDocx(comparison, {
        title,
        formal,
        onWarning: (warning) => io.stderr(formatWarning(warning))
      })
  }
}

/**
 * The versions' names: `--names "pre-ISC draft,post-ISC text"`, else the
 * files' names without folder or extension (a path never reaches an output).
 */
export function versionNames(
  option: string | boolean | undefined,
  beforeFile: string,
  afterFile: string
): {before: string; after: string} {
  if (typeof option === 'string') {
    const names = option.split(',').map((name) => name.trim())
    if (names.length !== 2 || names.some((name) => name === '')) {
      throw new UsageError(
        `--names takes two names separated by a comma ("pre-ISC draft,post-ISC text"), not \`${option}\``,
        'compare'
      )
    }
    return {before: names[0]!, after: names[1]!}
  }
  const name = (file: string): string => basename(file, extname(file)) || file
  const before = name(beforeFile)
  const after = name(afterFile)
  // Two files of one name in different folders: keep them apart.
  return before === after ? {before: `${before} (before)`, after: `${after} (after)`} : {before, after}
}
