/** Every error code @redlex/amend throws (docs/errors.md § amend lists each; a test checks both ways). */
export type AmendErrorCode =
  | 'amend/unknown-type'
  | 'amend/missing-field'
  | 'amend/invalid-field'
  | 'amend/unknown-field'
  | 'amend/not-a-list'
  | 'amend/duplicate-id'
  | 'amend/target-not-found'
  | 'amend/target-deleted'
  | 'amend/text-not-found'
  | 'amend/text-ambiguous'
  | 'amend/text-spans-markup'
  | 'amend/conflict'
  | 'amend/move-into-itself'
  | 'amend/content-model'
  | 'amend/duplicate-number'
  | 'amend/invalid-date'
  | 'amend/unknown-date-anchor'
  | 'amend/ep-term-not-started'
  | 'amend/sunset-ambiguous'
  | 'amend/no-markdown-parser'
  | 'amend/yaml-syntax'
  | 'amend/yaml-unreadable'
  | 'amend/json-syntax'

/** Every warning code of an application (`ApplyResult.warnings`). */
export type AmendWarningCode =
  | 'amend/reference-kept'
  | 'amend/reference-to-deleted'
  | 'amend/source-duplicate-number'
  | 'amend/source-irregular-number'
  | 'amend/term-in-heading'
  | 'amend/provisional-date'

/**
 * Internal failure of one step: the runner turns it into a RedlexError that
 * names the amendment, its conclusion and its target as written and mapped.
 */
export class Failure extends Error {
  readonly code: AmendErrorCode
  readonly actual?: string
  readonly expected?: string[]
  readonly hint?: string
  readonly eId?: string

  constructor(
    code: AmendErrorCode,
    reason: string,
    extra?: {actual?: string; expected?: string[]; hint?: string; eId?: string}
  ) {
    super(reason)
    this.code = code
    if (extra?.actual !== undefined) this.actual = extra.actual
    if (extra?.expected !== undefined) this.expected = extra.expected
    if (extra?.hint !== undefined) this.hint = extra.hint
    if (extra?.eId !== undefined) this.eId = extra.eId
  }
}
