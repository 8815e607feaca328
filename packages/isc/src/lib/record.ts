/**
 * The fields of an ISC record, defined once as shapes (@redlex/amend
 * shape.ts): each is the validator's check (load.ts), the JSON Schema
 * fragment of the published schema (`iscRecordSchema()`, written to
 * schema/isc-record.schema.json by scripts/schema.mjs) and, through
 * `Infer`, the TypeScript type (types.ts). One source: they cannot drift.
 * The amendment part comes the same way from `@redlex/amend`.
 *
 * What the schema cannot state (a service listed twice, ids used twice, a
 * point naming a conclusion that does not exist, approval before the
 * meeting) stays in load.ts, run after the shape; the schema also lets 29
 * February of a common year through, which `isoDate` refuses.
 */
import {
  AMENDMENT_LIST,
  amendmentSchemaDefs,
  optional,
  passes,
  shape,
  shapes,
  type JsonSchema,
  type Rule,
  type Shape
} from '@redlex/amend'

/** Every error code @redlex/isc reports (docs/errors.md § isc lists each; a test checks both ways). */
export type IscErrorCode =
  | 'isc/invalid-field'
  | 'isc/unknown-field'
  | 'isc/missing-field'
  | 'isc/invalid-date'
  | 'isc/duplicate-service'
  | 'isc/duplicate-id'
  | 'isc/provenance-mismatch'
  | 'isc/unknown-conclusion'
  | 'isc/date-order'
  | 'isc/yaml-syntax'
  | 'isc/yaml-unreadable'
  | 'isc/json-syntax'

const {invalid, string, boolean, oneOf, listOf, object} = shapes<IscErrorCode>({
  invalid: 'isc/invalid-field',
  unknown: 'isc/unknown-field',
  missing: 'isc/missing-field'
})

/** Days of each month, February with 29: only the runtime check below knows a common year's 29 February is no date. */
const ISO_DATE =
  '^\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2\\d))$'

/** Definitions of the record part shared by several fields (the amendment ones come from @redlex/amend). */
const RECORD_DEFS: Record<string, JsonSchema> = {
  nonBlank: {type: 'string', pattern: '\\S', description: 'A string with at least one character that is not a space'},
  isoDate: {type: 'string', pattern: ISO_DATE, description: 'A calendar date, YYYY-MM-DD'}
}

/** A string with something in it (spaces alone are not a name, a text or a code). */
const str = string({schema: {$ref: '#/$defs/nonBlank'}, refuse: 'blank'})
const isoDate: Shape<string> = shape({$ref: '#/$defs/isoDate'}, (v, path, problems) => {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined
  const real =
    m &&
    day &&
    day.getUTCFullYear() === Number(m[1]) &&
    day.getUTCMonth() === Number(m[2]) - 1 &&
    day.getUTCDate() === Number(m[3])
  if (!real)
    problems.push({
      ...invalid(path, 'must be a date YYYY-MM-DD', {actual: JSON.stringify(v), hint: 'Write the date as 2020-09-02'}),
      code: 'isc/invalid-date'
    })
})
/** A real calendar date written YYYY-MM-DD (the rules across fields compare only those). */
export const isIsoDate = (v: unknown): v is string => passes(isoDate.check, v, [], [])

const matching = (pattern: string, example: string): Shape<string> =>
  shape({type: 'string', pattern, examples: [example]}, (v, path, problems) => {
    if (passes(str.check, v, path, problems) && !new RegExp(pattern).test(v as string))
      problems.push(invalid(path, `must look like ${example}`, {actual: String(v)}))
  })

/** `name` present, or `redacted: true`: what the published record blacks out needs no text. */
const presentOrRedacted = (field: string, message: string): Rule => ({
  schema: {anyOf: [{required: [field]}, {required: ['redacted'], properties: {redacted: {const: true}}}]},
  check: (value, path, problems) => {
    if (value[field] === undefined && value.redacted !== true) problems.push(invalid(path, message))
  }
})

/** A service's answer. `unknown`: not readable in the source (e.g. the published minutes). */
export const OPINIONS = ['positive', 'positive-with-comments', 'negative', 'no-reply', 'unknown'] as const

const person = {name: optional(str), service: optional(str), role: optional(str)}

/** One written comment; `redacted: true` when the published record blacks it out. */
const COMMENT = object(
  {
    text: optional(str),
    redacted: optional(boolean),
    /** What it is about: an eId or a topic (`recitals`). */
    about: optional(str)
  },
  {rule: presentOrRedacted('text', 'needs `text`, or `redacted: true` when the comment is not public')}
)

const CONSULTED_SERVICE = object({
  /** Service code: `SJ`, `SG`, `HOME`, `CNECT`… */
  service: str,
  opinion: oneOf(OPINIONS),
  comments: optional(listOf(COMMENT)),
  note: optional(str)
})

/** A person at the meeting; names may be redacted. */
const PARTICIPANT = object(
  {...person, redacted: optional(boolean)},
  {rule: presentOrRedacted('name', 'needs `name`, or `redacted: true`')}
)

const CHAIR = object({...person, name: str})

const CONCLUSION = object({
  /** Referred to by amendments' provenance (`conclusion`). */
  id: str,
  /** The conclusion as written in the minutes. */
  text: str,
  /** The services that asked for it (they become the amendments' `services`). */
  requestedBy: optional(listOf(str)),
  /** How the lead services implement it, against the pre-ISC text. */
  amendments: optional(AMENDMENT_LIST),
  note: optional(str)
})

/** An issue drawn to the attention of the political level. */
const POLITICAL_POINT = object({
  text: str,
  /** Conclusions it relates to. */
  conclusions: optional(listOf(str))
})

/** Every field of an ISC record (docs/isc.md), in the order they are checked. */
export const RECORD = object({
  /** `ISC/2020/06507` */
  reference: matching('^[A-Z]+/\\d{4}/\\d+$', 'ISC/2020/06507'),
  /** Subject of the consultation. */
  title: optional(str),
  /** The meeting (or launch) date, ISO `YYYY-MM-DD`. */
  date: isoDate,
  procedure: oneOf(['normal', 'fast-track']),
  /** When the SG authorised the fast track, if it did. */
  fastTrackAuthorised: optional(isoDate),
  chair: optional(CHAIR),
  leadServices: listOf(str, 1),
  services: listOf(CONSULTED_SERVICE),
  participants: optional(listOf(PARTICIPANT)),
  conclusions: listOf(CONCLUSION),
  pointsForPoliticalLevel: optional(listOf(POLITICAL_POINT)),
  /** When the minutes were approved. */
  approvalDate: optional(isoDate),
  /** The pre-ISC draft the amendments are written against (a path relative to the record). */
  draft: optional(str),
  note: optional(str),
  /** The JSON Schema the record declares (editors read it). */
  $schema: optional(string())
})

/** The shapes of the record's parts, which types.ts infers the public types from. */
export const RECORD_PARTS = {COMMENT, CONSULTED_SERVICE, PARTICIPANT, CHAIR, CONCLUSION, POLITICAL_POINT}

/**
 * The published JSON Schema of an ISC record (draft 2020-12), generated from
 * the shapes the validator runs: `RECORD` for the record's own fields,
 * `amendmentSchemaDefs()` for the amendments.
 */
export function iscRecordSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://redlex.dev/schema/isc-record.schema.json',
    title: 'redlex ISC record',
    description:
      'The conclusions of a Commission interservice consultation and the amendments that implement them (docs/isc.md). Generated from the validator of @redlex/isc: do not edit by hand.',
    ...RECORD.schema,
    $defs: {...RECORD_DEFS, ...amendmentSchemaDefs()}
  }
}
