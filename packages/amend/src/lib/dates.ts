/**
 * Dates for sunset clauses: ISO (`2024-08-03`), running text (`3 August
 * 2024`), OJ numeric (`3.8.2024`) and named anchors such as `ep-term-end:9`
 * (domain.md §6.2). Output is always running text: `3 August 2024`.
 */
import {RedlexError} from '@redlex/tree'
import {Failure} from './failure.js'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]

/** A named date anchor: the ISO date and where it comes from. */
export interface DateAnchor {
  date: string
  description: string
  /** Set when the date is not fixed yet: why, and what fixes it (a warning when used). */
  provisional?: string
}

/**
 * The constitutive session (start) of each European Parliament term. The
 * Parliament meets "on the first Tuesday after expiry of an interval of one
 * month from the end of the electoral period" (Act concerning the election
 * of the members of the European Parliament by direct universal suffrage,
 * 1976, Article 11(3)); applied to the electoral periods (7–10 June 1979 …
 * 6–9 June 2024) this gives every date below, and the 8th–10th are
 * verified (domain.md §6.2). A term ends the day before the next begins.
 */
const EP_TERM_STARTS: readonly string[] = [
  '1979-07-17',
  '1984-07-24',
  '1989-07-25',
  '1994-07-19',
  '1999-07-20',
  '2004-07-20',
  '2009-07-14',
  '2014-07-01',
  '2019-07-02',
  '2024-07-16'
]

/** The latest term that has started, as shipped (not the clock: results never depend on the day they are computed). */
export const CURRENT_EP_TERM = EP_TERM_STARTS.length

/**
 * Provisional start of the 11th term: the electoral period "corresponding"
 * to the first one (Article 11(2) of the 1976 Act: Thursday 7 – Sunday
 * 10 June 2029), then Article 11(3): the first Tuesday after 10 July 2029.
 * The Council may set another period; until it does, this date is provisional.
 */
const NEXT_EP_TERM_START = '2029-07-17'

const ORDINAL_SUFFIX = (n: number): string =>
  n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'

function dayBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10)
}

function epTermAnchors(): Record<string, DateAnchor> {
  const out: Record<string, DateAnchor> = {}
  EP_TERM_STARTS.forEach((start, i) => {
    const n = i + 1
    const name = `${n}${ORDINAL_SUFFIX(n)}`
    out[`ep-term-start:${n}`] = {
      date: start,
      description: `start of the ${name} European Parliament term (constitutive session)`
    }
    const next = EP_TERM_STARTS[i + 1]
    out[`ep-term-end:${n}`] =
      next !== undefined
        ? {date: dayBefore(next), description: `end of the ${name} European Parliament term`}
        : {
            date: dayBefore(NEXT_EP_TERM_START),
            description: `end of the ${name} European Parliament term (provisional)`,
            provisional: `the end of the ${name} European Parliament term is provisional: the 2029 electoral period is not set yet; redlex assumes 7–10 June 2029 (the period corresponding to the first elections, Electoral Act Article 11(2)), so the next term would begin on Tuesday 17 July 2029 (Article 11(3)) and this one end the day before. Check the date once the Council has set the period`
          }
  })
  return out
}

/**
 * Named anchors. "End of the current legislative period" is a choice, not a
 * rule: pick the anchor that fits (domain.md §6.2; docs/amendments.md § Dates).
 * `ep-term-start:current` and `ep-term-end:current` name the latest term.
 */
export const DATE_ANCHORS: Readonly<Record<string, DateAnchor>> = {
  ...epTermAnchors(),
  'ep-last-plenary:9': {date: '2024-04-25', description: 'last plenary sitting of the 9th European Parliament term'},
  'commission-term-start:2019': {date: '2019-12-01', description: 'start of the von der Leyen I Commission'},
  'commission-term-end:2019': {
    date: '2024-11-30',
    description: 'end of the von der Leyen I Commission (end date unverified)'
  }
}

export interface ResolvedDate {
  /** `2024-07-15` */
  iso: string
  /** `15 July 2024` */
  text: string
  /** Set when the input was an anchor. */
  anchor?: string
  description?: string
  /** Set when the anchor's date is not fixed yet (say so to the user). */
  provisional?: string
}

function valid(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= days
}

function make(year: number, month: number, day: number, input: string): ResolvedDate {
  if (!valid(year, month, day)) {
    throw new Failure('amend/invalid-date', `\`${input}\` is not a calendar date`, {
      actual: input,
      hint: 'Write the date as 2024-08-03, 3 August 2024 or 3.8.2024'
    })
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
    const name = value.replace(/^(ep-term-(?:start|end)):current$/, `$1:${CURRENT_EP_TERM}`)
    const anchor = Object.hasOwn(DATE_ANCHORS, name) ? DATE_ANCHORS[name] : undefined
    const term = /^ep-[a-z-]+:(\d+)$/.exec(name)
    if (!anchor && term && Number(term[1]) > CURRENT_EP_TERM) {
      throw new Failure(
        'amend/ep-term-not-started',
        `\`${value}\`: the ${term[1]}${ORDINAL_SUFFIX(Number(term[1]))} European Parliament term has not started (the latest is the ${CURRENT_EP_TERM}${ORDINAL_SUFFIX(CURRENT_EP_TERM)}, from 16 July 2024)`,
        {
          actual: value,
          hint: `Use ep-term-end:${CURRENT_EP_TERM} (or ep-term-end:current) for the end of the current term, or give the date itself`
        }
      )
    }
    if (!anchor) {
      throw new Failure('amend/unknown-date-anchor', `Unknown date anchor \`${value}\``, {
        actual: value,
        expected: Object.keys(DATE_ANCHORS),
        hint: 'Use one of the documented anchors (docs/amendments.md § Dates) or give the date itself'
      })
    }
    const resolved = resolveDate(anchor.date)
    return {
      ...resolved,
      anchor: value,
      description: anchor.description,
      ...(anchor.provisional ? {provisional: anchor.provisional} : {})
    }
  }
  throw new Failure('amend/invalid-date', `\`${input}\` is not a date`, {
    actual: input,
    hint: 'Write the date as 2024-08-03, 3 August 2024, 3.8.2024 or an anchor such as ep-term-end:9'
  })
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
