/**
 * Loading and validating an ISC record from YAML or JSON text. Every error
 * carries the JSON path and `file:line:col`.
 */
import {RedlexError, type Position} from '@redlex/tree'
import {formatPath, parseSource} from '@redlex/amend'
import type {IscRecord} from './types.js'
import {Invalid, RECORD, type Path} from './record.js'

/**
 * The rules across fields the JSON Schema cannot state, run once the shape
 * (RECORD, record.ts) is known to be right.
 */
function crossFieldRules(record: IscRecord): void {
  const seen = new Set<string>()
  record.services.forEach((s, i) => {
    if (seen.has(s.service))
      throw new Invalid('isc/duplicate-service', `Service \`${s.service}\` is listed twice`, ['services', i, 'service'])
    seen.add(s.service)
  })
  const conclusionIds = new Set<string>()
  const amendmentIds = new Map<string, string>()
  record.conclusions.forEach((conclusion, i) => {
    const path = ['conclusions', i]
    const id = conclusion.id
    if (conclusionIds.has(id))
      throw new Invalid('isc/duplicate-id', `Conclusion id \`${id}\` is used twice`, [...path, 'id'])
    conclusionIds.add(id)
    conclusion.amendments?.forEach((a, j) => {
      const ap = [...path, 'amendments', j]
      const other = amendmentIds.get(a.id)
      if (other !== undefined)
        throw new Invalid('isc/duplicate-id', `Amendment id \`${a.id}\` is also used in conclusion ${other}`, [
          ...ap,
          'id'
        ])
      amendmentIds.set(a.id, id)
      if (a.provenance?.conclusion !== undefined && a.provenance.conclusion !== id) {
        throw new Invalid(
          'isc/provenance-mismatch',
          `Amendment ${a.id} sits under conclusion ${id} but names conclusion ${a.provenance.conclusion}`,
          [...ap, 'provenance', 'conclusion'],
          {hint: 'Move the amendment under its conclusion, or drop `provenance.conclusion`'}
        )
      }
    })
  })
  record.pointsForPoliticalLevel?.forEach((point, i) => {
    point.conclusions?.forEach((ref, j) => {
      if (!conclusionIds.has(ref))
        throw new Invalid(
          'isc/unknown-conclusion',
          `Conclusion \`${ref}\` does not exist`,
          ['pointsForPoliticalLevel', i, 'conclusions', j],
          {expected: [...conclusionIds]}
        )
    })
  })
  if (record.approvalDate !== undefined && record.approvalDate < record.date) {
    throw new Invalid(
      'isc/date-order',
      `The minutes cannot be approved (${record.approvalDate}) before the meeting (${record.date})`,
      ['approvalDate']
    )
  }
}

function validate(
  data: unknown,
  locate: ((path: Path) => Position | undefined) | undefined,
  file: string | undefined
): IscRecord {
  RECORD(data, [], {locate, file})
  const record = structuredClone(data) as IscRecord
  crossFieldRules(record)
  return record
}

function toError(
  error: Invalid,
  locate: ((path: Path) => Position | undefined) | undefined,
  file: string | undefined
): RedlexError {
  const place = locate?.(error.path)
  return new RedlexError(error.reason, {
    code: error.code,
    ...(error.path.length > 0 ? {path: formatPath(error.path)} : {}),
    ...(file ? {file} : {}),
    ...(place ? {place} : {}),
    ...(error.extra.expected ? {expected: error.extra.expected} : {}),
    ...(error.extra.actual ? {actual: error.extra.actual} : {}),
    ...(error.extra.hint ? {hint: error.extra.hint} : {})
  })
}

/** Validate plain data (parsed JSON/YAML) as an ISC record; throws RedlexError with the JSON path. */
export function validateIscRecord(
  data: unknown,
  options?: Readonly<{file?: string; locate?: (path: Path) => Position | undefined}> | null
): IscRecord {
  try {
    return validate(data, options?.locate, options?.file)
  } catch (error) {
    if (error instanceof Invalid) throw toError(error, options?.locate, options?.file)
    throw error
  }
}

/**
 * Read an ISC record from YAML or JSON text and validate everything (the
 * amendments included). Errors say `file:line:col`, the JSON path, and what to do.
 */
export function loadIscRecord(text: string, options?: Readonly<{file?: string}> | null): IscRecord {
  const source = parseSource(text, {...(options?.file ? {file: options.file} : {}), area: 'isc'})
  return validateIscRecord(source.data, {...(options?.file ? {file: options.file} : {}), locate: source.locate})
}
