/**
 * Loading and validating an ISC record from YAML or JSON text. Every error
 * carries the JSON path and `file:line:col`.
 */
import {RedlexError, isRedlexError, type Position} from '@redlex/tree'
import {formatPath, parseAmendments, parseSource} from '@redlex/amend'
import {OPINIONS, type IscRecord} from './types.js'

type Path = Array<string | number>

class Invalid extends Error {
  constructor(readonly code: string, readonly reason: string, readonly path: Path, readonly extra: {expected?: string[]; actual?: string; hint?: string} = {}) {
    super(reason)
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function fields(value: unknown, path: Path, allowed: readonly string[], required: readonly string[]): Record<string, unknown> {
  if (!isObject(value)) throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be an object`, path)
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new Invalid('isc/unknown-field', `Unknown field \`${formatPath([...path, key])}\``, [...path, key], {expected: [...allowed]})
  }
  for (const key of required) {
    if (value[key] === undefined) throw new Invalid('isc/missing-field', `\`${formatPath([...path, key])}\` is missing`, path, {expected: [key]})
  }
  return value
}

function str(v: unknown, path: Path): string {
  if (typeof v !== 'string' || v.trim() === '') throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be a non-empty string`, path, {actual: JSON.stringify(v)})
  return v
}

function optStr(v: unknown, path: Path): void {
  if (v !== undefined) str(v, path)
}

function strings(v: unknown, path: Path, min = 0): string[] {
  if (!Array.isArray(v)) throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be a list`, path)
  if (v.length < min) throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must have at least ${min} item(s)`, path)
  return v.map((x, i) => str(x, [...path, i]))
}

function list(v: unknown, path: Path): unknown[] {
  if (!Array.isArray(v)) throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be a list`, path)
  return v
}

function isoDate(v: unknown, path: Path): string {
  const s = typeof v === 'string' ? v : undefined
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null
  const ok = m && (() => {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
  })()
  if (!ok) throw new Invalid('isc/invalid-date', `\`${formatPath(path)}\` must be a date YYYY-MM-DD`, path, {actual: JSON.stringify(v), hint: 'Write the date as 2020-09-02'})
  return s!
}

function oneOf(v: unknown, path: Path, values: readonly string[]): void {
  if (typeof v !== 'string' || !values.includes(v)) {
    throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be one of ${values.join(', ')}`, path, {expected: [...values], actual: JSON.stringify(v)})
  }
}

const TOP = ['reference', 'title', 'date', 'procedure', 'fastTrackAuthorised', 'chair', 'leadServices', 'services', 'participants', 'conclusions', 'pointsForPoliticalLevel', 'approvalDate', 'draft', 'note', '$schema']

function validate(data: unknown, locate: ((path: Path) => Position | undefined) | undefined, file: string | undefined): IscRecord {
  const record = fields(data, [], TOP, ['reference', 'date', 'procedure', 'leadServices', 'services', 'conclusions'])
  const reference = str(record.reference, ['reference'])
  if (!/^[A-Z]+\/\d{4}\/\d+$/.test(reference)) throw new Invalid('isc/invalid-field', `\`reference\` must look like ISC/2020/06507`, ['reference'], {actual: reference})
  optStr(record.title, ['title'])
  const date = isoDate(record.date, ['date'])
  oneOf(record.procedure, ['procedure'], ['normal', 'fast-track'])
  if (record.fastTrackAuthorised !== undefined) isoDate(record.fastTrackAuthorised, ['fastTrackAuthorised'])
  if (record.chair !== undefined) {
    const chair = fields(record.chair, ['chair'], ['name', 'service', 'role'], ['name'])
    str(chair.name, ['chair', 'name'])
    optStr(chair.service, ['chair', 'service'])
    optStr(chair.role, ['chair', 'role'])
  }
  strings(record.leadServices, ['leadServices'], 1)
  const seen = new Set<string>()
  list(record.services, ['services']).forEach((item, i) => {
    const path = ['services', i]
    const s = fields(item, path, ['service', 'opinion', 'comments', 'note'], ['service', 'opinion'])
    const code = str(s.service, [...path, 'service'])
    if (seen.has(code)) throw new Invalid('isc/duplicate-service', `Service \`${code}\` is listed twice`, [...path, 'service'])
    seen.add(code)
    oneOf(s.opinion, [...path, 'opinion'], OPINIONS)
    optStr(s.note, [...path, 'note'])
    if (s.comments !== undefined) {
      list(s.comments, [...path, 'comments']).forEach((c, j) => {
        const cp = [...path, 'comments', j]
        const comment = fields(c, cp, ['text', 'redacted', 'about'], [])
        optStr(comment.text, [...cp, 'text'])
        optStr(comment.about, [...cp, 'about'])
        if (comment.redacted !== undefined && typeof comment.redacted !== 'boolean') throw new Invalid('isc/invalid-field', `\`${formatPath([...cp, 'redacted'])}\` must be true or false`, [...cp, 'redacted'])
        if (comment.text === undefined && comment.redacted !== true) throw new Invalid('isc/invalid-field', `\`${formatPath(cp)}\` needs \`text\`, or \`redacted: true\` when the comment is not public`, cp)
      })
    }
  })
  if (record.participants !== undefined) {
    list(record.participants, ['participants']).forEach((p, i) => {
      const path = ['participants', i]
      const person = fields(p, path, ['name', 'service', 'role', 'redacted'], [])
      optStr(person.name, [...path, 'name'])
      optStr(person.service, [...path, 'service'])
      optStr(person.role, [...path, 'role'])
      if (person.redacted !== undefined && typeof person.redacted !== 'boolean') throw new Invalid('isc/invalid-field', `\`${formatPath([...path, 'redacted'])}\` must be true or false`, [...path, 'redacted'])
      if (person.name === undefined && person.redacted !== true) throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` needs \`name\`, or \`redacted: true\``, path)
    })
  }
  const conclusionIds = new Set<string>()
  const amendmentIds = new Map<string, string>()
  list(record.conclusions, ['conclusions']).forEach((c, i) => {
    const path = ['conclusions', i]
    const conclusion = fields(c, path, ['id', 'text', 'requestedBy', 'amendments', 'note'], ['id', 'text'])
    const id = str(conclusion.id, [...path, 'id'])
    if (conclusionIds.has(id)) throw new Invalid('isc/duplicate-id', `Conclusion id \`${id}\` is used twice`, [...path, 'id'])
    conclusionIds.add(id)
    str(conclusion.text, [...path, 'text'])
    if (conclusion.requestedBy !== undefined) strings(conclusion.requestedBy, [...path, 'requestedBy'])
    optStr(conclusion.note, [...path, 'note'])
    if (conclusion.amendments !== undefined) {
      const amendments = withConclusion(id, () => parseAmendments(conclusion.amendments, {path: [...path, 'amendments'], ...(locate ? {locate} : {}), ...(file ? {file} : {})}))
      amendments.forEach((a, j) => {
        const ap = [...path, 'amendments', j]
        const other = amendmentIds.get(a.id)
        if (other !== undefined) throw new Invalid('isc/duplicate-id', `Amendment id \`${a.id}\` is also used in conclusion ${other}`, [...ap, 'id'])
        amendmentIds.set(a.id, id)
        if (a.provenance?.conclusion !== undefined && a.provenance.conclusion !== id) {
          throw new Invalid('isc/provenance-mismatch', `Amendment ${a.id} sits under conclusion ${id} but names conclusion ${a.provenance.conclusion}`, [...ap, 'provenance', 'conclusion'], {hint: 'Move the amendment under its conclusion, or drop `provenance.conclusion`'})
        }
      })
    }
  })
  if (record.pointsForPoliticalLevel !== undefined) {
    list(record.pointsForPoliticalLevel, ['pointsForPoliticalLevel']).forEach((p, i) => {
      const path = ['pointsForPoliticalLevel', i]
      const point = fields(p, path, ['text', 'conclusions'], ['text'])
      str(point.text, [...path, 'text'])
      if (point.conclusions !== undefined) {
        strings(point.conclusions, [...path, 'conclusions']).forEach((ref, j) => {
          if (!conclusionIds.has(ref)) throw new Invalid('isc/unknown-conclusion', `Conclusion \`${ref}\` does not exist`, [...path, 'conclusions', j], {expected: [...conclusionIds]})
        })
      }
    })
  }
  if (record.approvalDate !== undefined) {
    const approved = isoDate(record.approvalDate, ['approvalDate'])
    if (approved < date) throw new Invalid('isc/date-order', `The minutes cannot be approved (${approved}) before the meeting (${date})`, ['approvalDate'])
  }
  optStr(record.draft, ['draft'])
  optStr(record.note, ['note'])
  return structuredClone(record) as unknown as IscRecord
}

/** Run `fn`; a RedlexError it throws also names the conclusion the amendments belong to. */
function withConclusion<T>(conclusion: string, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (isRedlexError(error) && error.conclusion === undefined) {
      error.conclusion = conclusion
      error.message = error.format()
    }
    throw error
  }
}

function toError(error: Invalid, locate: ((path: Path) => Position | undefined) | undefined, file: string | undefined): RedlexError {
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
export function validateIscRecord(data: unknown, options?: Readonly<{file?: string; locate?: (path: Path) => Position | undefined}> | null): IscRecord {
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
