/**
 * Loading and validating an ISC record from YAML or JSON text. Every
 * problem carries the JSON path and `file:line:col`; `checkIscRecord`
 * reports them all at once.
 */
import type {Position, RedlexError} from '@redlex/tree'
import {isObject, parseSource, toRedlexError, type Amendment, type Path, type Problem} from '@redlex/amend'
import type {IscRecord} from './types.js'
import {isIsoDate, RECORD, type IscErrorCode} from './record.js'

type Data = Record<string, unknown>
const objects = (v: unknown): Array<[Data, number]> =>
  Array.isArray(v) ? v.flatMap((x, i) => (isObject(x) ? [[x, i] as [Data, number]] : [])) : []
const isString = (v: unknown): v is string => typeof v === 'string'

const problem = (code: IscErrorCode, reason: string, path: Path, extra: Partial<Problem> = {}): Problem => ({
  code,
  reason,
  path,
  ...extra
})

/**
 * The rules across fields the JSON Schema cannot state. They read the data
 * defensively (it may also have shape problems), so that one run reports
 * these with the shape problems.
 */
function crossFieldProblems(data: Data): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const [s, i] of objects(data.services)) {
    if (!isString(s.service)) continue
    if (seen.has(s.service))
      problems.push(
        problem('isc/duplicate-service', `Service \`${s.service}\` is listed twice`, ['services', i, 'service'])
      )
    seen.add(s.service)
  }
  const conclusionIds = new Set<string>()
  const amendmentIds = new Map<string, string>()
  for (const [conclusion, i] of objects(data.conclusions)) {
    const path = ['conclusions', i]
    const id = conclusion.id
    if (!isString(id)) continue
    if (conclusionIds.has(id))
      problems.push(problem('isc/duplicate-id', `Conclusion id \`${id}\` is used twice`, [...path, 'id']))
    conclusionIds.add(id)
    for (const [a, j] of objects(conclusion.amendments)) {
      const ap = [...path, 'amendments', j]
      if (!isString(a.id)) continue
      const other = amendmentIds.get(a.id)
      // twice in one conclusion: its amendment list reports it (amend/duplicate-id)
      if (other !== undefined && other !== id)
        problems.push(
          problem('isc/duplicate-id', `Amendment id \`${a.id}\` is also used in conclusion ${other}`, [...ap, 'id'])
        )
      else amendmentIds.set(a.id, id)
      const named = isObject(a.provenance) ? a.provenance.conclusion : undefined
      if (named !== undefined && named !== id)
        problems.push(
          problem(
            'isc/provenance-mismatch',
            `Amendment ${a.id} sits under conclusion ${id} but names conclusion ${String(named)}`,
            [...ap, 'provenance', 'conclusion'],
            {hint: 'Move the amendment under its conclusion, or drop `provenance.conclusion`'}
          )
        )
    }
  }
  for (const [point, i] of objects(data.pointsForPoliticalLevel)) {
    if (!Array.isArray(point.conclusions)) continue
    point.conclusions.forEach((ref, j) => {
      if (isString(ref) && !conclusionIds.has(ref))
        problems.push(
          problem(
            'isc/unknown-conclusion',
            `Conclusion \`${ref}\` does not exist`,
            ['pointsForPoliticalLevel', i, 'conclusions', j],
            {
              expected: [...conclusionIds]
            }
          )
        )
    })
  }
  const {date, approvalDate} = data
  if (isIsoDate(date) && isIsoDate(approvalDate) && approvalDate < date)
    problems.push(
      problem('isc/date-order', `The minutes cannot be approved (${approvalDate}) before the meeting (${date})`, [
        'approvalDate'
      ])
    )
  return problems
}

/** Line and column as one sortable number (problems without a place sort last). */
function placeKey(error: RedlexError): number {
  const point = error.place && 'start' in error.place ? error.place.start : error.place
  return point ? point.line * 100_000 + point.column : Number.MAX_SAFE_INTEGER
}

/** What `checkIscRecord` found. */
export interface IscRecordCheck {
  /** The record (a deep copy), when it has no problem at all. */
  record?: IscRecord
  /** Every problem: in the order of the file when it is known (`locate`), else the record's shape first, then the rules across fields. */
  problems: RedlexError[]
  /**
   * The well-formed amendments of the well-formed conclusions, in order,
   * with provenance filled in from their conclusion (as `amendmentsOf`):
   * what can still be checked against the draft.
   */
  amendments: Amendment[]
}

export interface CheckOptions {
  file?: string
  locate?: (path: Path) => Position | undefined
}

/** The conclusion and amendment a problem at `path` is inside, by their ids. */
function owners(data: unknown, path: Path): {conclusion?: string; amendment?: string} {
  if (!isObject(data) || path[0] !== 'conclusions' || typeof path[1] !== 'number') return {}
  const conclusion = Array.isArray(data.conclusions) ? data.conclusions[path[1]] : undefined
  if (!isObject(conclusion)) return {}
  const out: {conclusion?: string; amendment?: string} = {}
  if (isString(conclusion.id) && conclusion.id.trim() !== '') out.conclusion = conclusion.id
  if (path[2] === 'amendments' && typeof path[3] === 'number' && Array.isArray(conclusion.amendments)) {
    const item = conclusion.amendments[path[3]]
    if (isObject(item) && isString(item.id) && item.id !== '') out.amendment = item.id
  }
  return out
}

/** The amendments no problem is inside, with provenance from their conclusion. */
function wellFormedAmendments(data: unknown, problems: readonly Problem[]): Amendment[] {
  const bad = new Set(problems.map((p) => p.path.slice(0, 4).join('\u0000')))
  const badConclusion = new Set(
    problems
      .filter((p) => p.path[0] === 'conclusions' && p.path.length <= 3 && p.path[2] !== 'amendments')
      .map((p) => p.path[1])
  )
  if (!isObject(data)) return []
  const out: Amendment[] = []
  for (const [conclusion, i] of objects(data.conclusions)) {
    if (!isString(conclusion.id) || badConclusion.has(i)) continue
    const requestedBy = Array.isArray(conclusion.requestedBy) ? conclusion.requestedBy.filter(isString) : undefined
    for (const [item, j] of objects(conclusion.amendments)) {
      if (bad.has(['conclusions', i, 'amendments', j].join('\u0000'))) continue
      const copy = structuredClone(item) as unknown as Amendment
      const provenance = {...copy.provenance}
      provenance.conclusion ??= conclusion.id
      if (provenance.services === undefined && requestedBy) provenance.services = [...requestedBy]
      copy.provenance = provenance
      out.push(copy)
    }
  }
  return out
}

/**
 * Check plain data (parsed JSON/YAML) as an ISC record and report EVERY
 * problem, each a RedlexError with its code, JSON path, place in the file
 * (given `locate`) and the conclusion and amendment it is in.
 */
export function checkIscRecord(data: unknown, options?: Readonly<CheckOptions> | null): IscRecordCheck {
  const problems: Problem[] = []
  RECORD.check(data, [], problems)
  if (isObject(data)) problems.push(...crossFieldProblems(data))
  const errors = problems.map((p) =>
    toRedlexError(p, {
      ...(options?.file ? {file: options.file} : {}),
      ...(options?.locate ? {locate: options.locate} : {}),
      ...owners(data, p.path)
    })
  )
  // Read top to bottom, as the file is (a stable sort: problems without a place keep their order).
  if (options?.locate) errors.sort((a, b) => placeKey(a) - placeKey(b))
  const result: IscRecordCheck = {problems: errors, amendments: wellFormedAmendments(data, problems)}
  if (errors.length === 0) result.record = structuredClone(data) as IscRecord
  return result
}

/** Validate plain data (parsed JSON/YAML) as an ISC record; throws the first problem (`checkIscRecord` gives all). */
export function validateIscRecord(data: unknown, options?: Readonly<CheckOptions> | null): IscRecord {
  const {record, problems} = checkIscRecord(data, options)
  if (!record) throw problems[0]!
  return record
}

/**
 * Read an ISC record from YAML or JSON text and validate everything (the
 * amendments included). Errors say `file:line:col`, the JSON path, and what to do.
 */
export function loadIscRecord(text: string, options?: Readonly<{file?: string}> | null): IscRecord {
  const source = parseSource(text, {...(options?.file ? {file: options.file} : {}), area: 'isc'})
  return validateIscRecord(source.data, {...(options?.file ? {file: options.file} : {}), locate: source.locate})
}

/** Read an ISC record from YAML or JSON text and report every problem (a YAML syntax error still throws). */
export function checkIscRecordText(text: string, options?: Readonly<{file?: string}> | null): IscRecordCheck {
  const source = parseSource(text, {...(options?.file ? {file: options.file} : {}), area: 'isc'})
  return checkIscRecord(source.data, {...(options?.file ? {file: options.file} : {}), locate: source.locate})
}
