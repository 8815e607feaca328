/**
 * What every command module shares: where the CLI writes, the usage error,
 * and the argument helpers. This file imports no library package, so that
 * `redlex --help` stays fast; a command's own module loads what it needs.
 */
import type {ParseArgsConfig} from 'node:util'

/** Where the CLI writes. */
export interface Io {
  stdout: (text: string | Uint8Array) => void
  stderr: (text: string) => void
  /** True when stderr is a terminal (progress is shown only then). */
  isTTY?: boolean
}

/** Parsed flag values, by flag name. */
export type Values = Record<string, string | boolean | undefined>

/**
 * A command module (`commands/NAME.ts`): its flags and what it does.
 * `run` returns the exit code (0 ok, 1 input or validation error).
 */
export interface Command {
  options: NonNullable<ParseArgsConfig['options']>
  run: (positionals: string[], values: Values, io: Io) => number | Promise<number>
}

/** The values of --renumber. */
export const RENUMBER = ['sequential', 'amending-act'] as const

/** Flags every command takes. */
export const COMMON = {
  help: {type: 'boolean', short: 'h'},
  debug: {type: 'boolean'}
} as const

/** A usage problem: exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string
  ) {
    super(message)
  }
}

export function one(positionals: string[], command: string): string {
  if (positionals.length !== 1)
    throw new UsageError(`\`${command}\` takes one file, not ${positionals.length}`, command)
  return positionals[0]!
}

export function two(positionals: string[], command: string): [string, string] {
  if (positionals.length !== 2)
    throw new UsageError(`\`${command}\` takes two files (BEFORE AFTER), not ${positionals.length}`, command)
  return [positionals[0]!, positionals[1]!]
}

export function choice<T extends string>(
  value: string | boolean | undefined,
  allowed: readonly T[],
  flag: string,
  command: string,
  fallback?: T
): T {
  if (value === undefined || value === true) {
    if (fallback !== undefined) return fallback
    throw new UsageError(`\`${command}\` needs --${flag} ${allowed.join('|')}`, command)
  }
  if (!allowed.includes(value as T))
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not \`${String(value)}\``, command)
  return value as T
}

export function required(value: string | boolean | undefined, flag: string, command: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`\`${command}\` needs --${flag} FILE`, command)
  return value
}

/** What the CLI prints of an error: its fields, as a RedlexError has them (no import, see above). */
interface ErrorDetails {
  message: string
  amendment?: string
  expected?: string[]
  actual?: string
}

/** Longest provision text printed under an error (a whole article can be long). */
const TEXT_LIMIT = 2000

/**
 * An error as the CLI prints it: the message, then, for an error in an
 * amendment, what the API error holds for the drafter — the expected values
 * (the eIds next to a target that does not exist, the known types …) and
 * the quoted text of the provision a quotation was looked for in.
 */
export function formatError(error: ErrorDetails): string {
  let out = error.message + '\n'
  // Other errors stay one line: their message says it all.
  if (error.amendment === undefined) return out
  if (error.expected && error.expected.length > 0) out += `  expected one of: ${error.expected.join(', ')}\n`
  if (error.actual !== undefined && error.actual !== '') {
    const text = error.actual.length > TEXT_LIMIT ? error.actual.slice(0, TEXT_LIMIT) + ' …' : error.actual
    out += `  found: «${text.replace(/\n/g, '\n          ')}»\n`
  }
  return out
}

/** What the CLI prints of a warning: its fields, as a Warning has them. */
interface WarningDetails {
  code: string
  message: string
  file?: string
  place?: {line: number; column: number} | {start: {line: number; column: number}}
  eId?: string
}

/**
 * A warning line: `warning: file:line:col: message [code]`, with as much of
 * the place as the warning knows, else its eId. A warning made from an error
 * (lenient mode) has its place and code in its message already.
 */
export function formatWarning(warning: WarningDetails): string {
  const code = ` [${warning.code}]`
  if (warning.message.endsWith(code)) return `warning: ${warning.message}\n`
  const point = warning.place && 'start' in warning.place ? warning.place.start : warning.place
  const place = [warning.file, point?.line, point?.column].filter((part) => part !== undefined).join(':')
  const eId = warning.eId && !warning.message.includes(warning.eId) ? `${warning.eId}: ` : ''
  return `warning: ${place ? `${place}: ` : ''}${eId}${warning.message}${code}\n`
}
