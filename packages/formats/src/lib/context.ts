/**
 * Per-import state shared by the importers: the file name (for messages),
 * the warnings collected, and the `lenient` switch.
 */
import {RedlexError} from '@redlex/tree'
import type {SourcePoint, Warning} from '@redlex/tree'

export interface ImportOptions {
  /** File name used in errors and warnings. */
  file?: string
  /** Turn some errors into warnings (see docs/formats.md); unknown elements are always warnings. */
  lenient?: boolean
}

export class ImportContext {
  readonly warnings: Warning[] = []
  readonly file: string | undefined
  readonly lenient: boolean

  constructor(options?: Readonly<ImportOptions> | null) {
    this.file = options?.file
    this.lenient = options?.lenient ?? false
  }

  warn(code: string, message: string, place?: SourcePoint): void {
    const where = [this.file, place?.line, place?.column].filter((x) => x !== undefined).join(':')
    const warning: Warning = {code, message: (where ? where + ': ' : '') + message + ' [' + code + ']'}
    if (this.file !== undefined) warning.file = this.file
    if (place !== undefined) warning.place = place
    this.warnings.push(warning)
  }

  error(
    code: string,
    reason: string,
    extra: {place?: SourcePoint | undefined; hint?: string; actual?: string; expected?: string[]; cause?: unknown} = {}
  ): RedlexError {
    const options: ConstructorParameters<typeof RedlexError>[1] = {code}
    if (this.file !== undefined) options.file = this.file
    if (extra.place !== undefined) options.place = extra.place
    if (extra.hint !== undefined) options.hint = extra.hint
    if (extra.actual !== undefined) options.actual = extra.actual
    if (extra.expected !== undefined) options.expected = extra.expected
    if (extra.cause !== undefined) options.cause = extra.cause
    return new RedlexError(reason, options)
  }
}
