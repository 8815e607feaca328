/**
 * The common job in two calls: apply an ISC record to a draft, then compare
 * the draft with the result so that every change carries the amendment and
 * the conclusion that caused it. Browser-safe: no file system, no Node
 * built-ins; texts in, models out.
 */
import {amendmentPlaces, applyAmendments, type ApplyWarning} from '@redlex/amend'
import type {ChangeLogEntry} from '@redlex/compare'
import {amendmentsOf, loadIscRecord, type IscRecord} from '@redlex/isc'
import {fromMarkdown, parseFragment} from '@redlex/markdown'
import type {Document, Position} from '@redlex/tree'

export interface ApplyIscOptions {
  /**
   * `sequential` (default for a draft): renumber 1…n and let cross-references
   * follow. `amending-act`: inserted units get 4a, 4b; nothing is renumbered.
   */
  renumber?: 'sequential' | 'amending-act'
  /** The draft's file name, for messages (when the draft is given as text). */
  draftFile?: string
  /** The record's file name, for messages. */
  recordFile?: string
  /** Where each amendment stands in the record file, when the record is given already loaded. */
  places?: Readonly<Record<string, Position>>
}

/** What applying an ISC record gave: pass it whole as the options of `redline` (./redline.ts). */
export interface IscApplied {
  /** The draft (parsed, when it was given as text). */
  pre: Document
  /** The post-ISC text. */
  post: Document
  /** What each amendment did, with its provenance (the change log). */
  log: ChangeLogEntry[]
  /** eId in the draft → eId in the post-ISC text, for every provision whose eId changed. */
  renames: Record<string, string>
  /** Cross-references that could not follow a renumbering, and similar advice. */
  warnings: ApplyWarning[]
  /** The record, loaded. */
  isc: IscRecord
}

/**
 * Apply every amendment of the record's conclusions to the draft, all or
 * nothing. `draft` is a document or dialect Markdown text; `record` an ISC
 * record or its YAML/JSON text. Throws a `RedlexError` naming the amendment
 * (and its line in the record, when given as text) that cannot be applied.
 */
export function applyIsc(
  draft: Document | string,
  record: IscRecord | string,
  options: Readonly<ApplyIscOptions> = {}
): IscApplied {
  const file = options.recordFile
  const pre =
    typeof draft === 'string' ? fromMarkdown(draft, options.draftFile ? {file: options.draftFile} : null) : draft
  const isc = typeof record === 'string' ? loadIscRecord(record, file ? {file} : null) : record
  const places = typeof record === 'string' ? amendmentPlaces(record, file ? {file} : null) : options.places
  const result = applyAmendments(pre, amendmentsOf(isc), {
    renumber: options.renumber ?? 'sequential',
    // New text in amendments may be written as dialect Markdown.
    parseFragment,
    ...(file ? {file} : {}),
    ...(places ? {places} : {})
  })
  return {pre, post: result.document, log: result.log, renames: result.renames, warnings: result.warnings, isc}
}
