/**
 * The fields of an ISC record, defined once: each field check carries the
 * JSON Schema fragment that says the same, so the validator (load.ts) and
 * the published schema (`iscRecordSchema()`, written to
 * schema/isc-record.schema.json by scripts/schema.mjs) come from one source
 * and cannot drift. The amendment part comes the same way from
 * `@redlex/amend` (`amendmentSchemaDefs`). Plain objects and functions, no
 * eval/new Function: this runs in browsers.
 *
 * What the schema cannot state (a service listed twice, ids used twice, a
 * point naming a conclusion that does not exist, approval before the
 * meeting) stays in load.ts, run after the shape is known to be right; the
 * schema also lets 29 February of a common year through, which `isoDate` refuses.
 */
import {isRedlexError, type Position} from '@redlex/tree'
import {amendmentSchemaDefs, formatPath, parseAmendments} from '@redlex/amend'
import {OPINIONS} from './types.js'

export type Path = Array<string | number>
type JsonSchema = Record<string, unknown>

/** A validation problem before it becomes a RedlexError (load.ts adds file and place). */
export class Invalid extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
    readonly path: Path,
    readonly extra: {expected?: string[]; actual?: string; hint?: string} = {}
  ) {
    super(reason)
  }
}

/** Where the record comes from: amendment errors carry the file place too. */
export interface Context {
  readonly file?: string | undefined
  readonly locate?: ((path: Path) => Position | undefined) | undefined
  /** The object the checked field belongs to (an amendment list names its conclusion). */
  readonly parent?: Record<string, unknown>
}

/** A field check, with the JSON Schema fragment that says the same. */
export type Check = ((value: unknown, path: Path, context: Context) => void) & {readonly schema: JsonSchema}
const says = (schema: JsonSchema, check: (value: unknown, path: Path, context: Context) => void): Check =>
  Object.assign(check, {schema})

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Days of each month, February with 29: only the runtime check below knows a common year's 29 February is no date. */
const ISO_DATE =
  '^\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2\\d))$'

/** Definitions of the record part shared by several fields (the amendment ones come from @redlex/amend). */
const RECORD_DEFS: Record<string, JsonSchema> = {
  nonBlank: {type: 'string', pattern: '\\S', description: 'A string with at least one character that is not a space'},
  isoDate: {type: 'string', pattern: ISO_DATE, description: 'A calendar date, YYYY-MM-DD'}
}

/** A string with something in it (spaces alone are not a name, a text or a code). */
const str = says({$ref: '#/$defs/nonBlank'}, (v, path) => {
  if (typeof v !== 'string' || v.trim() === '')
    throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be a non-empty string`, path, {
      actual: JSON.stringify(v)
    })
})
const anyString = says({type: 'string'}, (v, path) => {
  if (typeof v !== 'string')
    throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be a string`, path, {
      actual: JSON.stringify(v)
    })
})
const bool = says({type: 'boolean'}, (v, path) => {
  if (typeof v !== 'boolean')
    throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be true or false`, path, {
      actual: JSON.stringify(v)
    })
})
const isoDate = says({$ref: '#/$defs/isoDate'}, (v, path) => {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined
  const real =
    m &&
    day &&
    day.getUTCFullYear() === Number(m[1]) &&
    day.getUTCMonth() === Number(m[2]) - 1 &&
    day.getUTCDate() === Number(m[3])
  if (!real)
    throw new Invalid('isc/invalid-date', `\`${formatPath(path)}\` must be a date YYYY-MM-DD`, path, {
      actual: JSON.stringify(v),
      hint: 'Write the date as 2020-09-02'
    })
})
const oneOf = (values: readonly string[]): Check =>
  says({enum: [...values]}, (v, path) => {
    if (typeof v !== 'string' || !values.includes(v))
      throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be one of ${values.join(', ')}`, path, {
        expected: [...values],
        actual: JSON.stringify(v)
      })
  })
const matching = (pattern: string, example: string): Check =>
  says({type: 'string', pattern, examples: [example]}, (v, path) => {
    str(v, path, {})
    if (!new RegExp(pattern).test(v as string))
      throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must look like ${example}`, path, {
        actual: String(v)
      })
  })
const listOf = (item: Check, min = 0): Check =>
  says({type: 'array', items: item.schema, ...(min > 0 ? {minItems: min} : {})}, (v, path, context) => {
    if (!Array.isArray(v)) throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be a list`, path)
    if (v.length < min)
      throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must have at least ${min} item(s)`, path)
    v.forEach((x, i) => item(x, [...path, i], context))
  })

type Field = {readonly check: Check; readonly required?: boolean}
const req = (check: Check): Field => ({check, required: true})
const opt = (check: Check): Field => ({check})

/** A rule over the fields of one object, with the schema that says it. */
type Rule = {readonly schema: JsonSchema; readonly check: (value: Record<string, unknown>, path: Path) => void}

/** `name` present, or `redacted: true`: what the published record blacks out needs no text. */
const presentOrRedacted = (field: string, message: string): Rule => ({
  schema: {anyOf: [{required: [field]}, {required: ['redacted'], properties: {redacted: {const: true}}}]},
  check: (value, path) => {
    if (value[field] === undefined && value.redacted !== true)
      throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` ${message}`, path)
  }
})

/** An object with exactly these fields, checked in this order (the order of the error when several are wrong). */
const object = (spec: Readonly<Record<string, Field>>, rule?: Rule): Check => {
  const keys = Object.keys(spec)
  const required = keys.filter((k) => spec[k]!.required)
  const schema: JsonSchema = {
    type: 'object',
    ...(required.length > 0 ? {required} : {}),
    additionalProperties: false,
    properties: Object.fromEntries(keys.map((k) => [k, spec[k]!.check.schema])),
    ...(rule ? rule.schema : {})
  }
  return says(schema, (v, path, context) => {
    if (!isObject(v)) throw new Invalid('isc/invalid-field', `\`${formatPath(path)}\` must be an object`, path)
    for (const key of Object.keys(v)) {
      if (!Object.hasOwn(spec, key))
        throw new Invalid('isc/unknown-field', `Unknown field \`${formatPath([...path, key])}\``, [...path, key], {
          expected: keys
        })
    }
    for (const key of required) {
      if (v[key] === undefined)
        throw new Invalid('isc/missing-field', `\`${formatPath([...path, key])}\` is missing`, path, {expected: [key]})
    }
    for (const key of keys) if (v[key] !== undefined) spec[key]!.check(v[key], [...path, key], {...context, parent: v})
    rule?.check(v, path)
  })
}

/** The amendments of a conclusion: @redlex/amend validates them (its errors name the conclusion). */
const amendments = says({type: 'array', items: {$ref: '#/$defs/amendment'}}, (v, path, context) => {
  const conclusion = context.parent?.id
  const parse = (): unknown =>
    parseAmendments(v, {
      path,
      ...(context.locate ? {locate: context.locate} : {}),
      ...(context.file ? {file: context.file} : {})
    })
  if (typeof conclusion === 'string') withConclusion(conclusion, parse)
  else parse()
})

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

const person = {name: opt(str), service: opt(str), role: opt(str)}

/** Every field of an ISC record (docs/isc.md), in the order they are checked. */
export const RECORD: Check = object({
  reference: req(matching('^[A-Z]+/\\d{4}/\\d+$', 'ISC/2020/06507')),
  title: opt(str),
  date: req(isoDate),
  procedure: req(oneOf(['normal', 'fast-track'])),
  fastTrackAuthorised: opt(isoDate),
  chair: opt(object({...person, name: req(str)})),
  leadServices: req(listOf(str, 1)),
  services: req(
    listOf(
      object({
        service: req(str),
        opinion: req(oneOf(OPINIONS)),
        comments: opt(
          listOf(
            object(
              {text: opt(str), redacted: opt(bool), about: opt(str)},
              presentOrRedacted('text', 'needs `text`, or `redacted: true` when the comment is not public')
            )
          )
        ),
        note: opt(str)
      })
    )
  ),
  participants: opt(
    listOf(object({...person, redacted: opt(bool)}, presentOrRedacted('name', 'needs `name`, or `redacted: true`')))
  ),
  conclusions: req(
    listOf(
      object({id: req(str), text: req(str), requestedBy: opt(listOf(str)), amendments: opt(amendments), note: opt(str)})
    )
  ),
  pointsForPoliticalLevel: opt(listOf(object({text: req(str), conclusions: opt(listOf(str))}))),
  approvalDate: opt(isoDate),
  draft: opt(str),
  note: opt(str),
  $schema: opt(anyString)
})

/**
 * The published JSON Schema of an ISC record (draft 2020-12), generated from
 * the checks the validator runs: `RECORD` for the record's own fields,
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
