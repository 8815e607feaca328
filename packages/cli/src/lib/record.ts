/** Applying an ISC record to a draft, shared by `apply`, `compare --isc` and `verify`. */
import {applyAmendments, type ChangeLogEntry} from '@redlex/amend'
import {amendmentsOf, type IscRecord} from '@redlex/isc'
import {parseFragment} from '@redlex/markdown'
import type {Document} from '@redlex/tree'
import type {LoadedRecord} from './load.js'

export type Renumber = 'sequential' | 'amending-act'

export const RENUMBER = ['sequential', 'amending-act'] as const

export function applyRecord(loaded: LoadedRecord, document: Document, renumber: Renumber): {document: Document; log: ChangeLogEntry[]; renames: Record<string, string>} {
  // New text in amendments may be written as dialect Markdown; failures point into the record.
  return applyAmendments(document, amendmentsOf(loaded.record), {renumber, parseFragment, file: loaded.file, places: loaded.places})
}

export function iscInfo(record: IscRecord): {reference: string; date?: string; conclusions: Array<{id: string; text: string; requestedBy?: string[]}>} {
  return {
    reference: record.reference,
    ...(record.date ? {date: record.date} : {}),
    conclusions: record.conclusions.map((c) => ({id: c.id, text: c.text, ...(c.requestedBy ? {requestedBy: c.requestedBy} : {})}))
  }
}
