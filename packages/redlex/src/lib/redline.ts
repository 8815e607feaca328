/**
 * The second call of the common job: compare two versions, with the causes
 * of each change when given what `applyIsc` returned. Apart from `isc.ts` so
 * that a program that only compares (the `redlex compare` command without a
 * record) loads neither @redlex/amend, @redlex/isc nor @redlex/markdown.
 */
import {compareDocuments, type Comparison, type CompareOptions, type IscInfo} from '@redlex/compare'
import type {IscRecord} from '@redlex/isc'
import type {Document} from '@redlex/tree'
import type {IscApplied} from './isc.js'

export interface RedlineOptions extends Omit<CompareOptions, 'isc'> {
  /** The ISC record: gives the causes their conclusion texts and the outputs their consultation section. */
  isc?: IscRecord | IscInfo
}

/**
 * Compare two versions provision by provision. With the `log` and `renames`
 * of the amendment run and the `isc` record — all three are in what
 * `applyIsc` returns, so `redline(applied.pre, applied.post, applied)` does it —
 * every change carries its causes: the amendment, the conclusion and its text,
 * the services that asked for it.
 */
export function redline(pre: Document, post: Document, options: Readonly<RedlineOptions> = {}): Comparison {
  // `options` may be the whole result of `applyIsc`: its texts and warnings are not comparison options.
  const {isc, pre: _pre, post: _post, warnings: _warnings, ...compare} = options as RedlineOptions & Partial<IscApplied>
  // The record is passed whole: the comparison keeps what a reader needs of it (the consultation section).
  return compareDocuments(pre, post, {...compare, ...(isc ? {isc} : {})})
}
