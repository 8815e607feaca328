import type {Point, Position} from 'unist'

/** Fields of a {@link RedlexError} beside its message. */
export interface RedlexErrorOptions {
  /** Stable code, `area/what`, e.g. `markdown/skipped-number`; listed in docs/errors.md. */
  code: string
  /** File the problem is in, as the user named it. */
  file?: string
  /** Where in that file (a point or a range). */
  place?: Point | Position
  /** The provision concerned. */
  eId?: string
  /** The amendment concerned (its `id`). */
  amendment?: string
  /** The ISC conclusion that amendment implements. */
  conclusion?: string
  /** JSON path inside a data file, e.g. `conclusions[1].amendments[0].target`. */
  path?: string
  /** What was found. */
  actual?: string
  /** What was expected instead. */
  expected?: string[]
  /** What to do about it (one sentence). */
  hint?: string
  /** The underlying error, if any. */
  cause?: unknown
}

/**
 * The one error type redlex throws for bad input. `reason` says what failed;
 * `toString()` prints `file:line:col: reason (eId) [code]` followed by the
 * hint, never a stack. Anything else thrown from redlex is a bug.
 */
export class RedlexError extends Error {
  override name = 'RedlexError'
  readonly code: string
  readonly reason: string
  file?: string
  place?: Point | Position
  eId?: string
  amendment?: string
  conclusion?: string
  path?: string
  actual?: string
  expected?: string[]
  hint?: string

  constructor(reason: string, options: RedlexErrorOptions) {
    super(reason, options.cause === undefined ? undefined : {cause: options.cause})
    this.reason = reason
    this.code = options.code
    if (options.file !== undefined) this.file = options.file
    if (options.place !== undefined) this.place = options.place
    if (options.eId !== undefined) this.eId = options.eId
    if (options.amendment !== undefined) this.amendment = options.amendment
    if (options.conclusion !== undefined) this.conclusion = options.conclusion
    if (options.path !== undefined) this.path = options.path
    if (options.actual !== undefined) this.actual = options.actual
    if (options.expected !== undefined) this.expected = options.expected
    if (options.hint !== undefined) this.hint = options.hint
    this.message = this.format()
  }

  /** `file:line:col` (or as much of it as is known), or `''`. */
  location(): string {
    const start = this.place ? ('start' in this.place ? this.place.start : this.place) : undefined
    const parts: string[] = []
    if (this.file) parts.push(this.file)
    if (start) parts.push(String(start.line), String(start.column))
    return parts.join(':')
  }

  /** The full one-paragraph message: where, what, which provision, what to do, code. */
  format(): string {
    const where = this.location()
    let text = (where ? where + ': ' : '') + this.reason
    const about: string[] = []
    if (this.amendment) about.push('amendment ' + this.amendment)
    if (this.conclusion) about.push('conclusion ' + this.conclusion)
    if (this.eId && !this.reason.includes(this.eId)) about.push(this.eId)
    if (this.path && !this.reason.includes(this.path)) about.push('at ' + this.path)
    if (about.length > 0) text += ' (' + about.join(', ') + ')'
    if (this.hint) text += '. ' + this.hint
    return text + ' [' + this.code + ']'
  }

  override toString(): string {
    return this.message
  }

  /** A JSON-safe view (for `--json` output and logs). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {code: this.code, message: this.message, reason: this.reason}
    for (const key of [
      'file',
      'place',
      'eId',
      'amendment',
      'conclusion',
      'path',
      'actual',
      'expected',
      'hint'
    ] as const) {
      if (this[key] !== undefined) out[key] = this[key]
    }
    return out
  }
}

/** A problem that lenient mode reports instead of throwing. */
export interface Warning {
  code: string
  message: string
  file?: string
  place?: Point | Position
  eId?: string
}

/** Turn an error into the warning lenient mode records. */
export function toWarning(error: RedlexError): Warning {
  const warning: Warning = {code: error.code, message: error.message}
  if (error.file !== undefined) warning.file = error.file
  if (error.place !== undefined) warning.place = error.place
  if (error.eId !== undefined) warning.eId = error.eId
  return warning
}

/** True when `value` is a {@link RedlexError} (also across package copies). */
export function isRedlexError(value: unknown): value is RedlexError {
  return value instanceof RedlexError || (value instanceof Error && value.name === 'RedlexError' && 'code' in value)
}
