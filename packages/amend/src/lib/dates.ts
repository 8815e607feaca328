/**
 * Dates for sunset clauses: ISO (`2024-08-03`), running text (`3 August
 * 2024`), OJ numeric (`3.8.2024`) and named anchors such as `ep-term-end:9`
 * (domain.md §6.2). Output is always running text: `3 August 2024`.
 */
import {RedlexError} from '@redlex/tree'
import {Failure} from './failure.js'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** A named date anchor: the ISO date and where it comes from. */
export interface DateAnchor {
  date: string
  description: string
}

/**
 * Named anchors. "End of the current legislative period" is a choice, not a
 * rule: pick the anchor that fits (domain.md §6.2; [U] marks an unverified end).
 */
export const DATE_ANCHORS: Readonly<Record<string, DateAnchor>> = {
  'ep-term-start:8': {date: '2014-07-01', description: 'start of the 8th European Parliament term (constitutive session)'},
  'ep-term-end:8': {date: '2019-07-01', description: 'end of the 8th European Parliament term (the day before the 9th began)'},
  'ep-term-start:9': {date: '2019-07-02', description: 'start of the 9th European Parliament term (constitutive session)'},
  'ep-term-end:9': {date: '2024-07-15', description: 'end of the 9th European Parliament term'},
  'ep-last-plenary:9': {date: '2024-04-25', description: 'last plenary sitting of the 9th European Parliament term'},
  'ep-term-start:10': {date: '2024-07-16', description: 'start of the 10th European Parliament term (constitutive session)'},
  'commission-term-start:2019': {date: '2019-12-01', description: 'start of the von der Leyen I Commission'},
  'commission-term-end:2019': {date: '2024-11-30', description: 'end of the von der Leyen I Commission (end date unverified)'}
}

export interface ResolvedDate {
  /** `2024-07-15` */
  iso: string
  /** `15 July 2024` */
  text: string
  /** Set when the input was an anchor. */
  anchor?: string
  description?: string
}

function valid(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= days
}

function make(year: number, month: number, day: number, input: string): ResolvedDate {
  if (!valid(year, month, day)) {
    throw new Failure('amend/invalid-date', `\`${input}\` is not a calendar date`, {actual: input, hint: 'Write the date as 2024-08-03, 3 August 2024 or 3.8.2024'})
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return {iso, text: `${day} ${MONTHS[month - 1]} ${year}`}
}

/** Parse a date or anchor; throws `amend/invalid-date` or `amend/unknown-date-anchor`. */
export function resolveDate(input: string): ResolvedDate {
  const value = input.trim()
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]), input)
  m = /^(\d{1,2})[ \u00a0]+([A-Za-z]+)[ \u00a0]+(\d{4})$/.exec(value)
  if (m) {
    const month = MONTHS.findIndex((name) => name.toLowerCase() === m![2]!.toLowerCase())
    if (month !== -1) return make(Number(m[3]), month + 1, Number(m[1]), input)
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value)
  if (m) return make(Number(m[3]), Number(m[2]), Number(m[1]), input)
  if (/^[a-z][a-z-]*:[\w-]+$/.test(value)) {
    const anchor = DATE_ANCHORS[value]
    if (!anchor) {
      throw new Failure('amend/unknown-date-anchor', `Unknown date anchor \`${value}\``, {
        actual: value,
        expected: Object.keys(DATE_ANCHORS),
        hint: 'Use one of the documented anchors (docs/amendments.md § Dates) or give the date itself'
      })
    }
    const resolved = resolveDate(anchor.date)
    return {...resolved, anchor: value, description: anchor.description}
  }
  throw new Failure('amend/invalid-date', `\`${input}\` is not a date`, {actual: input, hint: 'Write the date as 2024-08-03, 3 August 2024, 3.8.2024 or an anchor such as ep-term-end:9'})
}

/**
 * Public form of {@link resolveDate}: throws a RedlexError
 * (`amend/invalid-date`, `amend/unknown-date-anchor`) instead of the internal failure.
 */
export function parseDate(input: string): ResolvedDate {
  try {
    return resolveDate(input)
  } catch (error) {
    if (!(error instanceof Failure)) throw error
    throw new RedlexError(error.message, {
      code: error.code,
      ...(error.actual !== undefined ? {actual: error.actual} : {}),
      ...(error.expected ? {expected: error.expected} : {}),
      ...(error.hint ? {hint: error.hint} : {})
    })
  }
}
