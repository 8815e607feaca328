/**
 * Load any supported input: a document in any format (the Markdown dialect,
 * Akoma Ntoso, Formex, Cellar or EUR-Lex HTML) or an ISC record.
 */
import {importDocument, detectFormat} from '@redlex/formats'
import {loadIscRecord, type IscRecord} from '@redlex/isc'
import {RedlexError, type Document, type Warning} from '@redlex/tree'
import {readText} from './io.js'

export interface LoadedDocument {
  file: string
  format: string
  document: Document
  warnings: Warning[]
}

/** Read a document file in any format. */
export function loadDocument(file: string, options?: {lenient?: boolean}): LoadedDocument {
  const text = readText(file)
  const format = detectFormat(text)
  if (format === 'isc-record') {
    throw new RedlexError('This is an ISC record, not a document', {code: 'cli/not-a-document', file, hint: 'Give a draft act here; pass the record with --isc'})
  }
  const result = importDocument(text, {file, lenient: options?.lenient ?? false})
  return {file, format: result.format, document: result.document, warnings: result.warnings}
}

/** Read an ISC record (YAML or JSON). */
export function loadRecord(file: string): IscRecord {
  return loadIscRecord(readText(file), {file})
}
