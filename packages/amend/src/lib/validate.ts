/**
 * Validating amendments given as plain data (parsed JSON or YAML). Errors
 * carry the JSON path (`[3].target`) and, when a locator is given, the
 * place in the file.
 */
import {RedlexError, type Position} from '@redlex/tree'
import type {Amendment} from './types.js'
import {Failure, type AmendErrorCode} from './failure.js'
import {resolveDate} from './dates.js'
import {INLINE_TYPES, PROVISION_TYPES, treeProblem} from './tree-schema.js'

type Path = Array<string | number>
/** A field check, with the JSON Schema fragment that says the same (the published schema is generated from these). */
type Check = ((value: unknown, path: Path) => void) & {schema?: JsonSchema}
type JsonSchema = Record<string, unknown>
/** Attach the JSON Schema `schema` to `check`. */
const says = (schema: JsonSchema, check: (value: unknown, path: Path) => void): Check => Object.assign(check, {schema})

/** `['conclusions', 0, 'amendments', 1, 'target']` → `conclusions[0].amendments[1].target`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = ''
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out === '' ? step : `.${step}`
  return out || '(root)'
}

export interface ParseAmendmentsOptions {
  /** File name for messages. */
  file?: string
  /** Path of the list inside a larger document (e.g. `['conclusions', 0, 'amendments']`). */
  path?: Path
  /** Maps a JSON path to its place in the source (see `parseSource`). */
  locate?: (path: Path) => Position | undefined
}

class Invalid extends Error {
  constructor(
    readonly code: AmendErrorCode,
    readonly reason: string,
    readonly path: Path,
    readonly extra: {expected?: string[]; actual?: string; hint?: string} = {}
  ) {
    super(reason)
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

const str: Check = says({$ref: '#/$defs/nonEmpty'}, (v, path) => {
  if (typeof v !== 'string' || v === '')
    throw new Invalid('amend/invalid-field', `\`${formatPath(path)}\` must be a non-empty string`, path, {
      actual: JSON.stringify(v)
    })
})
const text: Check = says({type: 'string'}, (v, path) => {
  if (typeof v !== 'string')
    throw new Invalid('amend/invalid-field', `\`${formatPath(path)}\` must be a string`, path, {
      actual: JSON.stringify(v)
    })
})
/** Names JavaScript gives every object: never an eId, a field or a type (`__proto__`, `constructor`, `toString` …). */
const RESERVED = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)])
const eId: Check = says({$ref: '#/$defs/eId'}, (v, path) => {
  str(v, path)
  if (RESERVED.has(v as string))
    throw new Invalid(
      'amend/invalid-field',
      `\`${formatPath(path)}\` is a reserved name, not an eId: \`${String(v)}\``,
      path,
      {hint: 'Use the eId of a provision, e.g. art_3__para_2'}
    )
  if (!/^[A-Za-z0-9_\-#.]+$/.test(v as string))
    throw new Invalid('amend/invalid-field', `\`${formatPath(path)}\` is not an eId: \`${String(v)}\``, path, {
      hint: 'Use the eId of a provision, e.g. art_3__para_2'
    })
})
const oneOf = (...values: string[]): Check =>
  says({enum: values}, (v, path) => {
    if (typeof v !== 'string' || !values.includes(v))
      throw new Invalid('amend/invalid-field', `\`${formatPath(path)}\` must be one of ${values.join(', ')}`, path, {
        expected: values,
        actual: JSON.stringify(v)
      })
  })
const integer = (min: number): Check =>
  says({type: 'integer', minimum: min}, (v, path) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
      throw new Invalid('amend/invalid-field', `\`${formatPath(path)}\` must be an integer ≥ ${min}`, path, {
        actual: JSON.stringify(v)
      })
  })
const occurrence = (all: boolean): Check =>
  says(all ? {oneOf: [{type: 'integer', minimum: 1}, {const: 'all'}]} : {type: 'integer', minimum: 1}, (v, path) => {
    if (all && v === 'all') return
    integer(1)(v, path)
  })
const at: Check = says({$ref: '#/$defs/at'}, (v, path) => {
  const keys = ['before', 'after', 'firstChildOf', 'lastChildOf']
  if (!isObject(v) || Object.keys(v).length !== 1 || !keys.includes(Object.keys(v)[0]!)) {
    throw new Invalid(
      'amend/invalid-field',
      `\`${formatPath(path)}\` must be one of {before: eId}, {after: eId}, {firstChildOf: eId}, {lastChildOf: eId}`,
      path,
      {expected: keys}
    )
  }
  const [key, value] = Object.entries(v)[0]!
  eId(value, [...path, key])
})
/** Tree JSON checked all the way down (see tree-schema.ts): a coded error with the path of the first problem. */
const tree =
  (allowed: readonly string[]): Check =>
  (v, path) => {
    const problem = treeProblem(v, path, allowed)
    if (problem)
      throw new Invalid(
        'amend/invalid-field',
        `\`${formatPath(problem.path)}\` ${problem.reason}`,
        problem.path,
        problem.expected ? {expected: problem.expected} : {}
      )
  }
const node = says({$ref: '#/$defs/node'}, tree(INLINE_TYPES))
const provision = says({$ref: '#/$defs/provision'}, tree(PROVISION_TYPES))
const listOf = (item: Check, min = 0): Check =>
  says({type: 'array', items: item.schema ?? {}, ...(min > 0 ? {minItems: min} : {})}, (v, path) => {
    if (!Array.isArray(v)) throw new Invalid('amend/invalid-field', `\`${formatPath(path)}\` must be a list`, path)
    if (v.length < min)
      throw new Invalid('amend/invalid-field', `\`${formatPath(path)}\` must have at least ${min} item(s)`, path)
    v.forEach((x, i) => item(x, [...path, i]))
  })
const inlinesOrString: Check = says(
  {oneOf: [{type: 'string'}, {type: 'null'}, {type: 'array', items: {$ref: '#/$defs/node'}}]},
  (v, path) => {
    if (v === null || typeof v === 'string') return
    listOf(node)(v, path)
  }
)
const date: Check = says(
  {
    type: 'string',
    description: '2024-08-03, 3 August 2024, 3.8.2024 or an anchor such as ep-term-end:9 or ep-term-end:current',
    pattern: '^(\\d{4}-\\d{2}-\\d{2}|\\d{1,2} [A-Za-z]+ \\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|[a-z][a-z-]*:[\\w-]+)$'
  },
  (v, path) => {
    str(v, path)
    try {
      resolveDate(v as string)
    } catch (error) {
      if (error instanceof Failure)
        throw new Invalid(error.code, `\`${formatPath(path)}\`: ${error.message}`, path, {
          ...(error.expected ? {expected: error.expected} : {}),
          ...(error.hint ? {hint: error.hint} : {})
        })
      throw error
    }
  }
)
const references: Check = says(
  {
    oneOf: [
      {enum: ['follow', 'keep']},
      {
        type: 'array',
        items: {
          type: 'object',
          required: ['at', 'index', 'from', 'to'],
          additionalProperties: false,
          properties: {
            at: {$ref: '#/$defs/eId'},
            index: {type: 'integer', minimum: 0},
            from: {type: 'string'},
            to: {type: 'string'}
          }
        }
      }
    ]
  },
  (v, path) => {
    if (v === 'follow' || v === 'keep') return
    listOf((e, p) => {
      if (!isObject(e))
        throw new Invalid('amend/invalid-field', `\`${formatPath(p)}\` must be {at, index, from, to}`, p)
      eId(e.at, [...p, 'at'])
      integer(0)(e.index, [...p, 'index'])
      text(e.from, [...p, 'from'])
      text(e.to, [...p, 'to'])
    })(v, path)
  }
)
const nums: Check = says({type: 'object', additionalProperties: {type: 'string'}}, (v, path) => {
  if (!isObject(v)) throw new Invalid('amend/invalid-field', `\`${formatPath(path)}\` must map eIds to numbers`, path)
  for (const [k, n] of Object.entries(v)) {
    eId(k, path)
    text(n, [...path, k])
  }
})
const provenance: Check = says({$ref: '#/$defs/provenance'}, (v, path) => {
  if (!isObject(v))
    throw new Invalid(
      'amend/invalid-field',
      `\`${formatPath(path)}\` must be an object {conclusion?, services?, note?, source?}`,
      path
    )
  for (const key of Object.keys(v)) {
    if (!['conclusion', 'services', 'note', 'source'].includes(key))
      throw new Invalid('amend/unknown-field', `Unknown field \`${formatPath([...path, key])}\``, [...path, key], {
        expected: ['conclusion', 'services', 'note', 'source']
      })
  }
  if (v.conclusion !== undefined) str(v.conclusion, [...path, 'conclusion'])
  if (v.services !== undefined) listOf(str)(v.services, [...path, 'services'])
  if (v.note !== undefined) text(v.note, [...path, 'note'])
  if (v.source !== undefined) source(v.source, [...path, 'source'])
})
/** `{kind, reference?, number?, date?}`: the text an amendment comes from (an EP amendment, a corrigendum…). */
const source: Check = (v, path) => {
  const fields = ['kind', 'reference', 'number', 'date']
  if (!isObject(v))
    throw new Invalid(
      'amend/invalid-field',
      `\`${formatPath(path)}\` must be an object {kind, reference?, number?, date?}`,
      path
    )
  for (const key of Object.keys(v)) {
    if (!fields.includes(key))
      throw new Invalid('amend/unknown-field', `Unknown field \`${formatPath([...path, key])}\``, [...path, key], {
        expected: fields
      })
  }
  if (v.kind === undefined)
    throw new Invalid(
      'amend/missing-field',
      `\`${formatPath(path)}\` needs a \`kind\` (ep-amendment, corrigendum, isc-conclusion…)`,
      [...path, 'kind']
    )
  for (const key of fields) if (v[key] !== undefined) str(v[key], [...path, key])
}

type Spec = Record<string, {check: Check; required?: boolean}>
const req = (check: Check) => ({check, required: true})
const opt = (check: Check) => ({check})

/** Fields of each amendment type (besides id, type, provenance). */
const SPECS: Record<string, Spec> = {
  replace: {target: req(eId), content: opt(provision), markdown: opt(str)},
  insert: {at: req(at), content: opt(listOf(provision, 1)), markdown: opt(str), numbering: opt(oneOf('auto', 'keep'))},
  delete: {target: req(eId)},
  move: {
    target: req(eId),
    to: req(at),
    as: opt(oneOf('article', 'paragraph', 'subparagraph', 'point', 'indent', 'recital')),
    text: opt(str),
    occurrence: opt(occurrence(false)),
    num: opt(str)
  },
  setNum: {target: req(eId), num: req(text)},
  setHeading: {target: req(eId), heading: req(inlinesOrString)},
  substitute: {target: req(eId), text: req(str), by: req(text), occurrence: opt(occurrence(true))},
  insertText: {
    target: req(eId),
    anchor: req(str),
    position: req(oneOf('before', 'after')),
    text: req(str),
    occurrence: opt(occurrence(false))
  },
  deleteText: {target: req(eId), text: req(str), occurrence: opt(occurrence(true))},
  placeholder: {
    target: req(eId),
    text: opt(str),
    anchor: opt(str),
    position: opt(oneOf('before', 'after')),
    occurrence: opt(occurrence(true)),
    value: opt(str),
    reason: req(str)
  },
  sunset: {
    target: opt(eId),
    date: req(date),
    sentence: opt(says({type: 'string', pattern: '\\{date\\}'}, (v, p) => str(v, p))),
    existing: opt(str),
    create: opt(oneOf('subparagraph', 'sentence')),
    at: opt(at)
  },
  moveRepealToRecitals: {
    target: req(eId),
    text: req(str),
    occurrence: opt(occurrence(false)),
    recital: req(str),
    to: req(at)
  },
  renumber: {nums: req(nums), references: opt(references)},
  spliceText: {
    target: req(eId),
    block: req(integer(0)),
    start: req(integer(0)),
    end: req(integer(0)),
    insert: req(listOf(node))
  }
}

/** Every amendment type, in documentation order. */
export const AMENDMENT_TYPES: readonly string[] = Object.keys(SPECS)

/** What each type does, for the published JSON Schema. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  replace: 'Replace a whole provision (content as tree JSON, or a Markdown snippet)',
  insert: 'Insert new provisions',
  delete: 'Delete a provision',
  move: 'Move a provision, or a sentence of it, possibly as another kind of unit',
  setNum: 'Set the printed number',
  setHeading: 'Set or remove (null) a heading',
  substitute:
    'Replace quoted text in a provision, or a term across a scope (an article, a chapter, recitals, body, act)',
  insertText: 'Insert text before or after a quoted anchor',
  deleteText: 'Delete quoted text',
  placeholder: 'Put a placeholder in place of quoted text, or next to an anchor (in a provision or across a scope)',
  sunset: 'Set or replace the expiry sentence of the final provisions (before the binding-force formula)',
  moveRepealToRecitals: 'Remove repeal wording from an article and add a recital',
  renumber: 'Set many numbers at once',
  spliceText: 'Low level (inverses): replace characters of a text block'
}

/**
 * The JSON Schema `$defs` of amendments, generated from the checks the
 * validator runs (each check carries its schema fragment), so the published
 * schema cannot drift from the code: `packages/isc/schema/isc-record.schema.json`
 * embeds them (a test compares; `node packages/isc/scripts/schema.mjs` rewrites them).
 * Rules across fields (exactly one of `content` and `markdown` …) and the
 * deep tree check are the validator's; the schema says the shape.
 */
export function amendmentSchemaDefs(): Record<string, JsonSchema> {
  const nonEmpty = {type: 'string', minLength: 1}
  const defs: Record<string, JsonSchema> = {
    nonEmpty,
    eId: {
      type: 'string',
      pattern: '^[A-Za-z0-9_\\-#.]+$',
      description: 'eId of a provision in the base (pre-ISC) text, or a scope name (act, recitals, citations, body)'
    },
    at: {
      description: 'A place in the tree',
      oneOf: ['before', 'after', 'firstChildOf', 'lastChildOf'].map((key) => ({
        type: 'object',
        properties: {[key]: {$ref: '#/$defs/eId'}},
        required: [key],
        additionalProperties: false
      }))
    },
    node: {
      type: 'object',
      required: ['type'],
      properties: {type: {enum: [...INLINE_TYPES]}, children: {type: 'array'}}
    },
    provision: {
      type: 'object',
      required: ['type', 'children'],
      properties: {type: {enum: [...PROVISION_TYPES]}, children: {type: 'array'}}
    },
    provenance: {
      type: 'object',
      additionalProperties: false,
      properties: {
        conclusion: {$ref: '#/$defs/nonEmpty'},
        services: {type: 'array', items: {$ref: '#/$defs/nonEmpty'}},
        note: {type: 'string'},
        source: {
          type: 'object',
          required: ['kind'],
          additionalProperties: false,
          properties: Object.fromEntries(
            ['kind', 'reference', 'number', 'date'].map((k) => [k, {$ref: '#/$defs/nonEmpty'}])
          )
        }
      }
    },
    amendment: {oneOf: AMENDMENT_TYPES.map((type) => ({$ref: `#/$defs/${type}`}))}
  }
  for (const [type, spec] of Object.entries(SPECS)) {
    const properties: Record<string, JsonSchema> = {
      id: {$ref: '#/$defs/nonEmpty'},
      type: {const: type},
      provenance: {$ref: '#/$defs/provenance'}
    }
    for (const [key, field] of Object.entries(spec)) properties[key] = field.check.schema ?? {}
    defs[type] = {
      type: 'object',
      description: DESCRIPTIONS[type],
      properties,
      required: ['id', 'type', ...Object.keys(spec).filter((key) => spec[key]!.required)],
      additionalProperties: false
    }
  }
  return defs
}

function validateOne(value: unknown, path: Path, ids: Map<string, number>, index: number): Amendment {
  if (!isObject(value)) throw new Invalid('amend/invalid-field', `\`${formatPath(path)}\` must be an object`, path)
  if (value.type === undefined)
    throw new Invalid('amend/missing-field', `\`${formatPath([...path, 'type'])}\` is missing`, path, {
      expected: [...AMENDMENT_TYPES]
    })
  // Own properties only: `type: constructor` or `toString` is an unknown type, not Object's.
  const spec = typeof value.type === 'string' && Object.hasOwn(SPECS, value.type) ? SPECS[value.type] : undefined
  if (!spec) {
    throw new Invalid(
      'amend/unknown-type',
      `Unknown amendment type \`${String(value.type)}\`; known types: ${AMENDMENT_TYPES.join(', ')}`,
      [...path, 'type'],
      {expected: [...AMENDMENT_TYPES], actual: String(value.type)}
    )
  }
  if (value.id === undefined)
    throw new Invalid('amend/missing-field', `\`${formatPath([...path, 'id'])}\` is missing`, path, {
      hint: 'Give every amendment a unique id'
    })
  str(value.id, [...path, 'id'])
  const seen = ids.get(value.id as string)
  if (seen !== undefined)
    throw new Invalid(
      'amend/duplicate-id',
      `Amendment id \`${String(value.id)}\` is used twice (items ${seen} and ${index})`,
      [...path, 'id']
    )
  ids.set(value.id as string, index)
  if (value.provenance !== undefined) provenance(value.provenance, [...path, 'provenance'])
  for (const key of Object.keys(value)) {
    if (key !== 'id' && key !== 'type' && key !== 'provenance' && !Object.hasOwn(spec, key)) {
      throw new Invalid(
        'amend/unknown-field',
        `Unknown field \`${formatPath([...path, key])}\` for a ${value.type} amendment`,
        [...path, key],
        {expected: ['id', 'type', 'provenance', ...Object.keys(spec)]}
      )
    }
  }
  for (const [key, field] of Object.entries(spec)) {
    if (value[key] === undefined) {
      if (field.required)
        throw new Invalid(
          'amend/missing-field',
          `\`${formatPath([...path, key])}\` is missing (a ${value.type} amendment needs it)`,
          path,
          {expected: [key]}
        )
      continue
    }
    field.check(value[key], [...path, key])
  }
  // Cross-field rules.
  if (value.type === 'replace' || value.type === 'insert') {
    if ((value.content === undefined) === (value.markdown === undefined)) {
      throw new Invalid(
        'amend/invalid-field',
        `\`${formatPath(path)}\` needs exactly one of \`content\` (tree JSON) and \`markdown\``,
        path
      )
    }
  }
  if (value.type === 'placeholder') {
    if ((value.text === undefined) === (value.anchor === undefined)) {
      throw new Invalid(
        'amend/invalid-field',
        `\`${formatPath(path)}\` needs exactly one of \`text\` (to replace) and \`anchor\` (to insert next to)`,
        path
      )
    }
    if (value.anchor !== undefined && value.position === undefined)
      throw new Invalid(
        'amend/missing-field',
        `\`${formatPath([...path, 'position'])}\` is missing (before or after the anchor)`,
        path
      )
  }
  if (value.type === 'sunset' && value.sentence !== undefined && !(value.sentence as string).includes('{date}')) {
    throw new Invalid('amend/invalid-field', `\`${formatPath([...path, 'sentence'])}\` must contain \`{date}\``, [
      ...path,
      'sentence'
    ])
  }
  return structuredClone(value) as unknown as Amendment
}

/**
 * Validate plain data as a list of amendments (an array, or an object with
 * an `amendments` array). Throws a RedlexError with the JSON path (and the
 * file place, given `locate`) of the first problem; returns a deep copy.
 */
export function parseAmendments(data: unknown, options?: Readonly<ParseAmendmentsOptions> | null): Amendment[] {
  const base: Path = options?.path ? [...options.path] : []
  let list = data
  let listPath = base
  if (isObject(data) && Array.isArray(data.amendments)) {
    list = data.amendments
    listPath = [...base, 'amendments']
  }
  try {
    if (!Array.isArray(list))
      throw new Invalid('amend/not-a-list', 'Amendments must be a list (or an object with an `amendments` list)', base)
    const ids = new Map<string, number>()
    return list.map((item, i) => validateOne(item, [...listPath, i], ids, i))
  } catch (error) {
    if (!(error instanceof Invalid)) throw error
    const place = options?.locate?.(error.path)
    // Name the amendment when the problem is inside one that has an id.
    const index = error.path[listPath.length]
    const item = typeof index === 'number' && Array.isArray(list) ? (list as unknown[])[index] : undefined
    const amendment =
      isObject(item) && Object.hasOwn(item, 'id') && typeof item.id === 'string' && item.id !== '' ? item.id : undefined
    throw new RedlexError(error.reason, {
      code: error.code,
      ...(amendment !== undefined ? {amendment} : {}),
      ...(error.path.length > 0 ? {path: formatPath(error.path)} : {}),
      ...(options?.file ? {file: options.file} : {}),
      ...(place ? {place} : {}),
      ...(error.extra.expected ? {expected: error.extra.expected} : {}),
      ...(error.extra.actual ? {actual: error.extra.actual} : {}),
      ...(error.extra.hint ? {hint: error.extra.hint} : {})
    })
  }
}
