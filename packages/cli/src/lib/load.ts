/**
 * Load any supported input: a document in any format (the Markdown dialect,
 * Akoma Ntoso, Formex, Cellar or EUR-Lex HTML), an ISC record or an amendment
 * list; an input of the wrong kind or an empty one is a coded error. Each loader
 * imports the reader it needs when it runs: the Markdown reader (unified,
 * remark) only for a Markdown file, the ISC and amendment code only for a
 * record, so that comparing two published acts loads neither (a third of
 * the command's start-up).
 */
import type {SourceData} from '@redlex/amend'
import {detectFormat, importDocument as importPublished} from '@redlex/formats/xml-html'
import type {IscRecord} from '@redlex/isc'
import {isRedlexError, RedlexError, type Document, type Position, type Warning} from '@redlex/tree'
import {readText} from './io.js'
import {dirname, isAbsolute, join} from 'node:path'

/** What each kind of input is, for the errors that name what was expected. */
const EXPECTED = {
  document: 'a document: an act or a draft (the Markdown dialect, Akoma Ntoso, Formex, EUR-Lex or Cellar HTML)',
  record: 'an ISC record (YAML or JSON: `reference`, `conclusions` …)',
  list: 'an amendment list (YAML or JSON: a list of amendments, or `{amendments: […]}`)',
  data: 'an ISC record or an amendment list (YAML or JSON)'
} as const

/** The text of an input file; an empty one (nothing but white space) is an error that says so. */
export function readInput(file: string, kind: keyof typeof EXPECTED): string {
  const text = readText(file)
  if (text.replace(/^\uFEFF/, '').trim() === '')
    throw new RedlexError('The file is empty', {code: 'cli/empty-file', file, hint: `Give ${EXPECTED[kind]}`})
  return text
}

export interface LoadedDocument {
  file: string
  format: string
  document: Document
  warnings: Warning[]
}

/**
 * A file named as YAML or JSON data. Its text is never read as Markdown:
 * a YAML comment (`# …`) looks like a heading, and a record whose
 * `reference` is mistyped would otherwise pass for an empty draft.
 */
export const isDataFile = (file: string): boolean => /\.(?:ya?ml|json)$/i.test(file)

/** Read a document file in any format. */
export async function loadDocument(file: string, options?: {lenient?: boolean}): Promise<LoadedDocument> {
  const text = readInput(file, 'document')
  const format = detectFormat(text, {file})
  if (format === 'isc-record' || (format === 'markdown' && isDataFile(file))) {
    throw new RedlexError(
      `This is ${format === 'isc-record' ? 'an ISC record' : 'a YAML or JSON file'}, not a document`,
      {
        code: 'cli/not-a-document',
        file,
        hint: 'Give a draft act here; pass a record with --isc, an amendment list with --amendments'
      }
    )
  }
  const importDocument = format === 'markdown' ? (await import('@redlex/formats')).importDocument : importPublished
  const result = importDocument(text, {file, lenient: options?.lenient ?? false})
  return {file, format: result.format, document: result.document, warnings: result.warnings}
}

/** An ISC record with where each of its amendments stands in the file. */
export interface LoadedRecord {
  file: string
  record: IscRecord
  /** Amendment id → its place in the file, so that failures point into the record. */
  places: Record<string, Position>
  /** Where the record's `draft:` is written. */
  draftPlace?: Position
}

/** Read an ISC record (YAML or JSON). */
export async function loadRecord(file: string): Promise<LoadedRecord> {
  const text = readInput(file, 'record')
  const [{validateIscRecord}, {amendmentPlaces}] = await Promise.all([import('@redlex/isc'), import('@redlex/amend')])
  const source = await readData(text, file, 'record')
  const record = validateIscRecord(source.data, {file, locate: source.locate})
  const draftPlace = record.draft === undefined ? undefined : source.locate(['draft'])
  return {file, record, places: amendmentPlaces(text, {file}), ...(draftPlace ? {draftPlace} : {})}
}

/** Read an amendment list (YAML or JSON): its text and its data with their places. */
export async function loadAmendmentList(file: string): Promise<{text: string; source: SourceData}> {
  const text = readInput(file, 'list')
  return {text, source: await readData(text, file, 'list')}
}

/**
 * Parse a data file expected to be an ISC record or an amendment list. When
 * it is plainly another kind of input — a list given as a record, a record
 * or a draft given as a list — the error says which, and where it goes,
 * rather than what shape the data lacks (or a YAML error about a draft's text).
 */
async function readData(text: string, file: string, expected: 'record' | 'list'): Promise<SourceData> {
  const {parseSource} = await import('@redlex/amend')
  let source: SourceData | undefined
  let failure: unknown
  try {
    source = parseSource(text, {file, ...(expected === 'record' ? {area: 'isc' as const} : {})})
  } catch (error) {
    if (!isRedlexError(error)) throw error
    failure = error
  }
  const found = kindOf(text, file, source?.data)
  if (found !== undefined && found !== expected) {
    const hint = {
      record: 'Give a record with --isc RECORD',
      list: 'Give an amendment list with --amendments FILE',
      document: 'A document is the DRAFT argument: `redlex apply DRAFT --isc RECORD` or `--amendments FILE`'
    }[found]
    throw new RedlexError(`This is ${EXPECTED[found]}, not ${EXPECTED[expected].replace(/ \(.*$/, '')}`, {
      code: expected === 'record' ? 'cli/not-a-record' : 'cli/not-an-amendment-list',
      file,
      hint
    })
  }
  if (!source) throw failure
  return source
}

/** What a file plainly is, when it can be told (undefined: leave it to the loader's own errors). */
function kindOf(text: string, file: string, data: unknown): 'document' | 'record' | 'list' | undefined {
  if (Array.isArray(data)) return 'list'
  if (typeof data === 'object' && data !== null)
    return 'conclusions' in data || 'reference' in data ? 'record' : 'amendments' in data ? 'list' : undefined
  let format: string
  try {
    format = detectFormat(text, {file})
  } catch (error) {
    if (isRedlexError(error)) return undefined
    throw error
  }
  if (format === 'isc-record') return undefined
  if (format !== 'markdown') return 'document'
  // Data that is no list or object (a YAML error, or one long string) in a file that reads as
  // Markdown: a draft — unless it is named as data is, or starts as data does (`key:`, `- `, `[`,
  // `{` after the comments, which read as headings): a record or list with a mistake in it,
  // whose own error says more.
  if (isDataFile(file)) return undefined
  const first = text.split(/\r\n?|\n/).find((line) => line.trim() !== '' && !/^\s*#/.test(line)) ?? ''
  return /^\uFEFF?\s*(?:[[{]|- |[^\s#][^:]*:(?:\s|$))/.test(first) ? undefined : 'document'
}

/**
 * The draft a record is written against: its `draft:` field, a path
 * relative to the record file. A coded error when the record has none.
 */
export function recordDraft(loaded: LoadedRecord): string {
  const draft = loaded.record.draft
  if (draft === undefined) {
    throw new RedlexError('The ISC record names no draft', {
      code: 'cli/no-draft',
      file: loaded.file,
      hint: 'Give the draft file on the command line, or add `draft: pre-isc.md` (relative to the record) to the record'
    })
  }
  return draftPath(loaded.file, draft)
}

/** Where a record's `draft:` points: relative to the record's folder; an absolute path as it is. */
export function draftPath(recordFile: string, draft: string): string {
  return isAbsolute(draft) ? draft : join(dirname(recordFile), draft)
}

/**
 * Load the draft a record names. When it cannot be read (no such file, a
 * folder), the error is at the record's `draft:` field: that is where the
 * fix may be.
 */
export async function loadRecordDraft(
  record: {file: string; draft: string; place?: Position | undefined},
  options?: {lenient?: boolean}
): Promise<LoadedDocument> {
  const file = draftPath(record.file, record.draft)
  try {
    return await loadDocument(file, options)
  } catch (error) {
    if (!isRedlexError(error) || error.code !== 'cli/unreadable-file' || error.file !== file) throw error
    throw new RedlexError(`The record's draft \`${record.draft}\` cannot be read (${file}): ${error.reason}`, {
      code: error.code,
      file: record.file,
      ...(record.place ? {place: record.place} : {}),
      hint: 'Correct `draft:` (a path relative to the record), or give the draft file on the command line',
      cause: error
    })
  }
}
