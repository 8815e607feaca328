/**
 * Internal failure of one step: the runner turns it into a RedlexError that
 * names the amendment, its conclusion and its target as written and mapped.
 */
export class Failure extends Error {
  readonly code: string
  readonly actual?: string
  readonly expected?: string[]
  readonly hint?: string
  readonly eId?: string

  constructor(code: string, reason: string, extra?: {actual?: string; expected?: string[]; hint?: string; eId?: string}) {
    super(reason)
    this.code = code
    if (extra?.actual !== undefined) this.actual = extra.actual
    if (extra?.expected !== undefined) this.expected = extra.expected
    if (extra?.hint !== undefined) this.hint = extra.hint
    if (extra?.eId !== undefined) this.eId = extra.eId
  }
}
