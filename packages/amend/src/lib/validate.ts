/**
 * The shapes of amendments, defined once (shape.ts): each field's check is
 * also its JSON Schema fragment and, through `Infer`, its TypeScript type,
 * so the validator, the published schema and the public types (types.ts)
 * cannot drift. Validating amendments given as plain data (parsed JSON or
 * YAML): every problem carries the JSON path (`[3].target`) and, when a
 * locator is given, the place in the file.
 */
import {RedlexError, type Inline, type Position, type Provenance, type Provision} from '@redlex/tree'
import type {Amendment} from './types.js'
import {Failure, type AmendErrorCode} from './failure.js'
import {resolveDate} from './dates.js'
import {INLINE_TYPES, PROVISION_TYPES, treeProblem} from './tree-schema.js'
import {
  formatPath,
  isObject,
  optional,
  passes,
  shape,
  shapes,
  type Infer,
  type JsonSchema,
  type Path,
  type Problem,
  type Rule,
  type Shape
} from './shape.js'

export {formatPath}

export interface ParseAmendmentsOptions {
  /** File name for messages. */
  file?: string
  /** Path of the list inside a larger document (e.g. `['conclusions', 0, 'amendments']`). */
  path?: Path
  /** Maps a JSON path to its place in the source (see `parseSource`). */
  locate?: (path: Path) => Position | undefined
}

const CODES = {
  invalid: 'amend/invalid-field',
  unknown: 'amend/unknown-field',
  missing: 'amend/missing-field'
} as const satisfies Record<string, AmendErrorCode>
const {invalid, string, integer, oneOf, listOf, record, object, oneKeyOf, literal} = shapes<AmendErrorCode>(CODES)

const str = string({schema: {$ref: '#/$defs/nonEmpty'}, refuse: 'empty'})
const text = string()
/** Names JavaScript gives every object: never an eId, a field or a type (`__proto__`, `constructor`, `toString` …). */
const RESERVED = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)])
const EID = '^[A-Za-z0-9_\\-#.]+$'
const eId: Shape<string> = shape({$ref: '#/$defs/eId'}, (v, path, problems) => {
  if (!passes(str.check, v, path, problems)) return
  const hint = 'Use the eId of a provision, e.g. art_3__para_2'
  if (RESERVED.has(v as string))
    problems.push(invalid(path, `is a reserved name, not an eId: \`${String(v)}\``, {hint}))
  else if (!new RegExp(EID).test(v as string)) problems.push(invalid(path, `is not an eId: \`${String(v)}\``, {hint}))
})
const occurrence = integer(1)
const occurrenceOrAll: Shape<number | 'all'> = shape(
  {oneOf: [{type: 'integer', minimum: 1}, {const: 'all'}]},
  (v, path, problems) => {
    if (v !== 'all') occurrence.check(v, path, problems)
  }
)
const AT_KEYS = ['before', 'after', 'firstChildOf', 'lastChildOf'] as const
const at = oneKeyOf(AT_KEYS, eId, {$ref: '#/$defs/at'})
/** Tree JSON checked all the way down (see tree-schema.ts): the problem with the path of the first wrong node. */
const tree = <T>(schema: JsonSchema, allowed: readonly string[]): Shape<T> =>
  shape(schema, (v, path, problems) => {
    const problem = treeProblem(v, path, allowed)
    if (problem)
      problems.push({
        code: CODES.invalid,
        reason: `\`${formatPath(problem.path)}\` ${problem.reason}`,
        path: problem.path,
        ...(problem.expected ? {expected: problem.expected} : {})
      })
  })
const node = tree<Inline>({$ref: '#/$defs/node'}, INLINE_TYPES)
const provision = tree<Provision>({$ref: '#/$defs/provision'}, PROVISION_TYPES)
const inlines = listOf(node)
const inlinesOrString: Shape<string | Inline[] | null> = shape(
  {oneOf: [{type: 'string'}, {type: 'null'}, inlines.schema]},
  (v, path, problems) => {
    if (v !== null && typeof v !== 'string') inlines.check(v, path, problems)
  }
)
const date: Shape<string> = shape(
  {
    type: 'string',
    description: '2024-08-03, 3 August 2024, 3.8.2024 or an anchor such as ep-term-end:9 or ep-term-end:current',
    pattern: '^(\\d{4}-\\d{2}-\\d{2}|\\d{1,2} [A-Za-z]+ \\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|[a-z][a-z-]*:[\\w-]+)$'
  },
  (v, path, problems) => {
    if (!passes(str.check, v, path, problems)) return
    try {
      resolveDate(v as string)
    } catch (error) {
      if (!(error instanceof Failure)) throw error
      problems.push({
        code: error.code,
        reason: `\`${formatPath(path)}\`: ${error.message}`,
        path,
        ...(error.expected ? {expected: error.expected} : {}),
        ...(error.hint ? {hint: error.hint} : {})
      })
    }
  }
)
const sentence: Shape<string> = shape({type: 'string', pattern: '\\{date\\}'}, (v, path, problems) => {
  if (passes(str.check, v, path, problems) && !(v as string).includes('{date}'))
    problems.push(invalid(path, 'must contain `{date}`'))
})

/** A rewrite of one cross-reference's text (used by inverses). */
const referenceEdit = object({
  /** The eId of the provision whose own text holds the reference. */
  at: eId,
  /** Index among the references of that provision's own text. */
  index: integer(0),
  from: text,
  to: text
})
const referenceEdits = listOf(referenceEdit)
const references: Shape<'follow' | 'keep' | Infer<typeof referenceEdits>> = shape(
  {oneOf: [{enum: ['follow', 'keep']}, referenceEdits.schema]},
  (v, path, problems) => {
    if (v !== 'follow' && v !== 'keep') referenceEdits.check(v, path, problems)
  }
)
const nums = record(text, eId)

/** `{kind, reference?, number?, date?}`: the text an amendment comes from (an EP amendment, a corrigendum…). */
const SOURCE = object(
  {
    kind: {...str, hint: 'Say what the text is: ep-amendment, corrigendum, isc-conclusion…'},
    reference: optional(str),
    number: optional(str),
    date: optional(str)
  },
  {what: 'a source'}
)
/** Where an amendment comes from (the same as `Provenance` of @redlex/tree; a type test checks both ways). */
export const PROVENANCE = object({
  conclusion: optional(str),
  services: optional(listOf(str)),
  note: optional(text),
  source: optional(SOURCE)
})
/** Typed as the tree's `Provenance` (which a type test holds equal to the shape's) so every amendment names one type. */
const provenance: Shape<Provenance> = {...PROVENANCE, schema: {$ref: '#/$defs/provenance'}}

/** Exactly one of two fields. */
const exactlyOne = (a: string, b: string, what: string): Rule => ({
  check: (value, path, problems) => {
    if ((value[a] === undefined) === (value[b] === undefined))
      problems.push(invalid(path, `needs exactly one of \`${a}\` ${what}`))
  }
})

/** An amendment type: `id`, `type` and `provenance`, then its own fields. */
function amendment<const T extends string, F extends Record<string, Shape<unknown>>>(
  type: T,
  description: string,
  fields: F,
  rule?: Rule
) {
  return object(
    {
      /** Unique in its list. */
      id: {...str, hint: 'Give every amendment a unique id'},
      type: literal(type),
      provenance: optional(provenance),
      ...fields
    },
    {what: `a ${type} amendment`, description, ...(rule ? {rule} : {})}
  )
}

/** Provision kinds a provision can be moved into (`as`). */
export const UNIT_KINDS = ['article', 'paragraph', 'subparagraph', 'point', 'indent', 'recital'] as const

/** Every amendment type, in documentation order, with its fields (docs/amendments.md). */
export const AMENDMENT_SHAPES = {
  replace: amendment(
    'replace',
    'Replace a whole provision (content as tree JSON, or a Markdown snippet)',
    {target: eId, content: optional(provision), markdown: optional(str)},
    exactlyOne('content', 'markdown', '(tree JSON) and `markdown`')
  ),
  insert: amendment(
    'insert',
    'Insert new provisions',
    {
      at,
      content: optional(listOf(provision, 1)),
      markdown: optional(str),
      /** Numbered units get their number from the policy unless `keep`. */
      numbering: optional(oneOf(['auto', 'keep']))
    },
    exactlyOne('content', 'markdown', '(tree JSON) and `markdown`')
  ),
  delete: amendment('delete', 'Delete a provision', {target: eId}),
  move: amendment('move', 'Move a provision, or a sentence of it, possibly as another kind of unit', {
    target: eId,
    to: at,
    as: optional(oneOf(UNIT_KINDS)),
    /** One sentence of the provision's text to move instead of the whole provision. */
    text: optional(str),
    occurrence: optional(occurrence),
    /** The printed number at the new place (default: given by the policy). */
    num: optional(str)
  }),
  setNum: amendment('setNum', 'Set the printed number', {target: eId, num: text}),
  setHeading: amendment('setHeading', 'Set or remove (null) a heading', {target: eId, heading: inlinesOrString}),
  substitute: amendment(
    'substitute',
    'Replace quoted text in a provision, or a term across a scope (an article, a chapter, recitals, body, act)',
    {target: eId, text: str, by: text, occurrence: optional(occurrenceOrAll)}
  ),
  insertText: amendment('insertText', 'Insert text before or after a quoted anchor', {
    target: eId,
    anchor: str,
    position: oneOf(['before', 'after']),
    text: str,
    occurrence: optional(occurrence)
  }),
  deleteText: amendment('deleteText', 'Delete quoted text', {
    target: eId,
    text: str,
    occurrence: optional(occurrenceOrAll)
  }),
  placeholder: amendment(
    'placeholder',
    'Put a placeholder in place of quoted text, or next to an anchor (in a provision or across a scope)',
    {
      target: eId,
      text: optional(str),
      anchor: optional(str),
      position: optional(oneOf(['before', 'after'])),
      /** Which occurrence; `all` for a scope (see {@link SubstituteAmendment}). */
      occurrence: optional(occurrenceOrAll),
      /** The text between the brackets: `…` (default) for a value set later, anything else for provisional text. */
      value: optional(str),
      /** Why it is there (kept on the placeholder node). */
      reason: str
    },
    {
      check: (value, path, problems) => {
        exactlyOne('text', 'anchor', '(to replace) and `anchor` (to insert next to)').check(value, path, problems)
        if (value.anchor !== undefined && value.position === undefined)
          problems.push({
            code: CODES.missing,
            reason: `\`${formatPath([...path, 'position'])}\` is missing (before or after the anchor)`,
            path
          })
      }
    }
  ),
  sunset: amendment(
    'sunset',
    'Set or replace the expiry sentence of the final provisions (before the binding-force formula)',
    {
      /** The provision holding the final provisions (default: the last article). */
      target: optional(eId),
      /** ISO (`2024-08-03`), `3 August 2024`, `3.8.2024`, or an anchor such as `ep-term-end:9`. */
      date,
      /** The sentence to write; `{date}` is replaced by the date (default `It shall apply until {date}.`). */
      sentence: optional(sentence),
      /** The existing expiry sentence, quoted, when it cannot be recognised. */
      existing: optional(str),
      /**
       * When there is none: add a `subparagraph` (default) or append a `sentence`.
       * Either goes before the binding-force formula ("This Regulation shall be
       * binding in its entirety …") when the article holds it; see `at`.
       */
      create: optional(oneOf(['subparagraph', 'sentence'])),
      /** Where the new expiry unit goes, overriding the drafting rule (a paragraph next to a paragraph, else a subparagraph). */
      at: optional(at)
    }
  ),
  moveRepealToRecitals: amendment('moveRepealToRecitals', 'Remove repeal wording from an article and add a recital', {
    target: eId,
    text: str,
    occurrence: optional(occurrence),
    recital: str,
    to: at
  }),
  renumber: amendment('renumber', 'Set many numbers at once', {nums, references: optional(references)}),
  spliceText: amendment('spliceText', 'Low level (inverses): replace characters of a text block', {
    target: eId,
    block: integer(0),
    start: integer(0),
    end: integer(0),
    insert: inlines
  })
}

/** The shapes the public types are inferred from (types.ts); not for use at run time. */
export const TYPE_SHAPES = {at, referenceEdit}

/** Every amendment type, in documentation order. */
export const AMENDMENT_TYPES: readonly (keyof typeof AMENDMENT_SHAPES)[] = Object.keys(AMENDMENT_SHAPES) as Array<
  keyof typeof AMENDMENT_SHAPES
>

/** The JSON Schema `$defs` entries that name shapes used by several amendment types. */
function sharedDefs(): Record<string, JsonSchema> {
  return {
    nonEmpty: {type: 'string', minLength: 1},
    eId: {
      type: 'string',
      pattern: EID,
      description: 'eId of a provision in the base (pre-ISC) text, or a scope name (act, recitals, citations, body)'
    },
    at: {
      description: 'A place in the tree',
      oneOf: AT_KEYS.map((key) => ({
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
    provenance: PROVENANCE.schema
  }
}

/**
 * The JSON Schema `$defs` of amendments, generated from the shapes the
 * validator runs, so the published schema cannot drift from the code:
 * `packages/isc/schema/isc-record.schema.json` embeds them (a test compares;
 * `node packages/isc/scripts/schema.mjs` rewrites them). Rules across fields
 * (exactly one of `content` and `markdown` …) and the deep tree check are
 * the validator's; the schema says the shape.
 */
export function amendmentSchemaDefs(): Record<string, JsonSchema> {
  return {
    ...sharedDefs(),
    amendment: {oneOf: AMENDMENT_TYPES.map((type) => ({$ref: `#/$defs/${type}`}))},
    ...Object.fromEntries(AMENDMENT_TYPES.map((type) => [type, AMENDMENT_SHAPES[type].schema]))
  }
}

/** The problems of one item of a list; `ids` holds the ids seen before it (index of their item). */
function itemProblems(value: unknown, path: Path, ids: Map<string, number>, index: number, problems: Problem[]): void {
  if (!isObject(value)) return void problems.push(invalid(path, 'must be an object'))
  if (value.type === undefined)
    return void problems.push({
      code: CODES.missing,
      reason: `\`${formatPath([...path, 'type'])}\` is missing`,
      path,
      expected: [...AMENDMENT_TYPES]
    })
  // Own properties only: `type: constructor` or `toString` is an unknown type, not Object's.
  if (typeof value.type !== 'string' || !Object.hasOwn(AMENDMENT_SHAPES, value.type))
    return void problems.push({
      code: 'amend/unknown-type',
      reason: `Unknown amendment type \`${String(value.type)}\`; known types: ${AMENDMENT_TYPES.join(', ')}`,
      path: [...path, 'type'],
      expected: [...AMENDMENT_TYPES],
      actual: String(value.type)
    })
  AMENDMENT_SHAPES[value.type as keyof typeof AMENDMENT_SHAPES].check(value, path, problems)
  if (typeof value.id !== 'string' || value.id === '') return
  const seen = ids.get(value.id)
  if (seen !== undefined)
    problems.push({
      code: 'amend/duplicate-id',
      reason: `Amendment id \`${value.id}\` is used twice (items ${seen} and ${index})`,
      path: [...path, 'id']
    })
  else ids.set(value.id, index)
}

/** A list of amendments (ids unique in it): the shape an ISC conclusion's `amendments` uses. */
export const AMENDMENT_LIST: Shape<Amendment[]> = shape(
  {type: 'array', items: {$ref: '#/$defs/amendment'}},
  (v, path, problems) => {
    if (!Array.isArray(v))
      return void problems.push({
        code: 'amend/not-a-list',
        reason: 'Amendments must be a list (or an object with an `amendments` list)',
        path
      })
    const ids = new Map<string, number>()
    v.forEach((item, i) => itemProblems(item, [...path, i], ids, i, problems))
  }
)

/** The id of the amendment a problem at `path` is inside, when it has one (`list` sits at `listPath`). */
export function amendmentAt(list: unknown, listPath: Path, path: Path): string | undefined {
  const index = path[listPath.length]
  const item = typeof index === 'number' && Array.isArray(list) ? (list as unknown[])[index] : undefined
  return isObject(item) && Object.hasOwn(item, 'id') && typeof item.id === 'string' && item.id !== ''
    ? item.id
    : undefined
}

/** Every problem of a list of amendments as RedlexErrors, with the well-formed amendments (a deep copy of each). */
export interface AmendmentsValidation {
  amendments: Amendment[]
  problems: RedlexError[]
}

/**
 * Validate plain data as a list of amendments (an array, or an object with
 * an `amendments` array) and report EVERY problem, each with its JSON path
 * and (given `locate`) its place in the file, naming the amendment. The
 * well-formed amendments come back too (to check them against a draft).
 */
export function validateAmendments(
  data: unknown,
  options?: Readonly<ParseAmendmentsOptions> | null
): AmendmentsValidation {
  const base: Path = options?.path ? [...options.path] : []
  const wrapped = isObject(data) && Array.isArray(data.amendments)
  const list = wrapped ? (data as {amendments: unknown[]}).amendments : data
  const listPath = wrapped ? [...base, 'amendments'] : base
  const problems: Problem[] = []
  AMENDMENT_LIST.check(list, listPath, problems)
  const bad = new Set(problems.map((p) => p.path[listPath.length]))
  const amendments = Array.isArray(list)
    ? list.filter((_, i) => !bad.has(i)).map((item) => structuredClone(item) as Amendment)
    : []
  return {
    amendments,
    problems: problems.map((problem) =>
      toRedlexError(problem, {
        ...(options?.file ? {file: options.file} : {}),
        ...(options?.locate ? {locate: options.locate} : {}),
        amendment: amendmentAt(list, listPath, problem.path)
      })
    )
  }
}

/** A problem as the RedlexError users see: code, reason, JSON path, file place, what was expected. */
export function toRedlexError(
  problem: Problem,
  context: {
    file?: string
    locate?: (path: Path) => Position | undefined
    amendment?: string | undefined
    conclusion?: string | undefined
  }
): RedlexError {
  const place = context.locate?.(problem.path)
  return new RedlexError(problem.reason, {
    code: problem.code,
    ...(context.amendment !== undefined ? {amendment: context.amendment} : {}),
    ...(context.conclusion !== undefined ? {conclusion: context.conclusion} : {}),
    ...(problem.path.length > 0 ? {path: formatPath(problem.path)} : {}),
    ...(context.file ? {file: context.file} : {}),
    ...(place ? {place} : {}),
    ...(problem.expected ? {expected: problem.expected} : {}),
    ...(problem.actual ? {actual: problem.actual} : {}),
    ...(problem.hint ? {hint: problem.hint} : {})
  })
}

/**
 * Validate plain data as a list of amendments (an array, or an object with
 * an `amendments` array). Throws a RedlexError with the JSON path (and the
 * file place, given `locate`) of the first problem (`validateAmendments`
 * reports them all); returns a deep copy.
 */
export function parseAmendments(data: unknown, options?: Readonly<ParseAmendmentsOptions> | null): Amendment[] {
  const {amendments, problems} = validateAmendments(data, options)
  if (problems.length > 0) throw problems[0]
  return amendments
}
