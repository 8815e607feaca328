/**
 * Load any supported input: a document in any format (the Markdown dialect,
 * Akoma Ntoso, Formex, Cellar or EUR-Lex HTML) or an ISC record. Each loader
 * imports the reader it needs when it runs: the Markdown reader (unified,
 * remark) only for a Markdown file, the ISC and amendment code only for a
 * record, so that comparing two published acts loads neither (a third of
 * the command's start-up).
 */
import {detectFormat, importDocument as importPublished} from '@redlex/formats/xml-html'
import type {IscRecord} from '@redlex/isc'
import {RedlexError, type Document, type Position, type Warning} from '@redlex/tree'
import {readText} from './io.js'
import {dirname, join} from 'node:path'

export interface LoadedDocument {
  file: string
  format: string
  document: Document
  warnings: Warning[]
}

/** Read a document file in any format. */
export async function loadDocument(file: string, options?: {lenient?: boolean}): Promise<LoadedDocument> {
  const text = readText(file)
  const format = detectFormat(text, {file})
  if (format === 'isc-record') {
    throw new RedlexError('This is an ISC record, not a document', {
      code: 'cli/not-a-document',
      file,
      hint: 'Give a draft act here; pass the record with --isc'
    })
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
}

/** Read an ISC record (YAML or JSON). */
export async function loadRecord(file: string): Promise<LoadedRecord> {
  const text = readText(file)
  const [{loadIscRecord}, {amendmentPlaces}] = await Promise.all([import('@redlex/isc'), import('@redlex/amend')])
  const record = loadIscRecord(text, {file})
  return {file, record, places: amendmentPlaces(text, {file})}
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
  return join(dirname(loaded.file), draft)
}
