/**
 * Shapes of plain data (amendments, ISC records), defined once. A shape is
 * at the same time
 *
 * - the runtime check: `check(value, path, problems)` adds EVERY problem of
 *   `value` with its JSON path (never throws, never stops at the first);
 * - the JSON Schema fragment that says the same (`schema`: the published
 *   schemas are generated from these);
 * - the TypeScript type: `Infer<typeof shape>` (the public types of
 *   amendments and records are these inferred types).
 *
 * One source, three views: they cannot drift. A small builder of our own,
 * zod-like: plain objects and closures, no eval, so it runs in browsers.
 */

export type Path = Array<string | number>
export type JsonSchema = Record<string, unknown>

/** A validation problem before it becomes a RedlexError (the loader adds file, place, amendment, conclusion). */
export interface Problem<Code extends string = string> {
  code: Code
  reason: string
  path: Path
  expected?: string[]
  actual?: string
  hint?: string
}

/** A check, its JSON Schema and (type only) the TypeScript type of the values it accepts. */
export interface Shape<T> {
  readonly schema: JsonSchema
  /** Said when the field is missing from an object (what to do). */
  readonly hint?: string
  /** Add every problem of `value` (at `path`) to `problems`; none added: `value` is a `T`. */
  readonly check: (value: unknown, path: Path, problems: Problem[]) => void
  /** Type only, never set: what `Infer` reads. */
  readonly '~type'?: T
}

/** A field that may be left out. */
export type Optional<T> = Shape<T> & {readonly optional: true}

/** The TypeScript type a shape accepts. */
export type Infer<S> = S extends Shape<infer T> ? T : never

type Fields = Readonly<Record<string, Shape<unknown>>>
type Flat<T> = {-readonly [K in keyof T]: T[K]} & {}
/** The object type of a field list: required fields, then `?` ones (none of them `| undefined`). */
export type ObjectOf<F extends Fields> = Flat<
  {-readonly [K in keyof F as F[K] extends {readonly optional: true} ? never : K]: Infer<F[K]>} & {
    -readonly [K in keyof F as F[K] extends {readonly optional: true} ? K : never]?: Infer<F[K]>
  }
>

/** `['conclusions', 0, 'amendments', 1, 'target']` → `conclusions[0].amendments[1].target`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = ''
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out === '' ? step : `.${step}`
  return out || '(root)'
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** A shape from its schema and its check (`T` says what the check guarantees). */
export function shape<T>(schema: JsonSchema, check: Shape<T>['check']): Shape<T> {
  return {schema, check}
}

/** The field may be left out (`undefined` is never checked). */
export function optional<T>(inner: Shape<T>): Optional<T> {
  return {...inner, optional: true}
}

/** A rule across the fields of one object, with the schema that says it; run when the fields are right. */
export interface Rule {
  readonly schema?: JsonSchema
  readonly check: (value: Record<string, unknown>, path: Path, problems: Problem[]) => void
}

/** The codes a package reports its shape problems with (`amend/invalid-field` …). */
export interface ShapeCodes<Code extends string> {
  readonly invalid: Code
  readonly unknown: Code
  readonly missing: Code
}

/** Run `check` into a fresh list: true when it found nothing. */
export function passes(check: Shape<unknown>['check'], value: unknown, path: Path, problems: Problem[]): boolean {
  const before = problems.length
  check(value, path, problems)
  return problems.length === before
}

/**
 * The generic builders, reporting with a package's codes. What is specific
 * (an eId, a date, tree JSON) is a `shape()` of the package's own.
 */
export function shapes<Code extends string>(codes: ShapeCodes<Code>) {
  const invalid = (path: Path, reason: string, extra: Omit<Problem, 'code' | 'reason' | 'path'> = {}): Problem => ({
    code: codes.invalid,
    reason: `\`${formatPath(path)}\` ${reason}`,
    path,
    ...extra
  })

  /** A string; `refuse: 'empty'` refuses '', `refuse: 'blank'` spaces alone too. */
  const string = (options: {schema?: JsonSchema; refuse?: 'empty' | 'blank'} = {}): Shape<string> =>
    shape(options.schema ?? {type: 'string'}, (v, path, problems) => {
      const empty =
        typeof v === 'string' && (options.refuse === 'blank' ? v.trim() === '' : options.refuse === 'empty' && v === '')
      if (typeof v !== 'string' || empty)
        problems.push(
          invalid(path, options.refuse ? 'must be a non-empty string' : 'must be a string', {actual: JSON.stringify(v)})
        )
    })

  const boolean: Shape<boolean> = shape({type: 'boolean'}, (v, path, problems) => {
    if (typeof v !== 'boolean') problems.push(invalid(path, 'must be true or false', {actual: JSON.stringify(v)}))
  })

  const integer = (min: number): Shape<number> =>
    shape({type: 'integer', minimum: min}, (v, path, problems) => {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
        problems.push(invalid(path, `must be an integer ≥ ${min}`, {actual: JSON.stringify(v)}))
    })

  /** One of the given strings (a union of literals). */
  const oneOf = <const V extends readonly string[]>(values: V): Shape<V[number]> =>
    shape({enum: [...values]}, (v, path, problems) => {
      if (typeof v !== 'string' || !values.includes(v))
        problems.push(
          invalid(path, `must be one of ${values.join(', ')}`, {expected: [...values], actual: JSON.stringify(v)})
        )
    })

  const listOf = <T>(item: Shape<T>, min = 0): Shape<T[]> =>
    shape({type: 'array', items: item.schema, ...(min > 0 ? {minItems: min} : {})}, (v, path, problems) => {
      if (!Array.isArray(v)) return void problems.push(invalid(path, 'must be a list'))
      if (v.length < min) problems.push(invalid(path, `must have at least ${min} item(s)`))
      v.forEach((x, i) => item.check(x, [...path, i], problems))
    })

  /** A map from strings to values (`nums: {art_3: '4'}`); `key` checks each key. */
  const record = <T>(value: Shape<T>, key?: Shape<string>): Shape<Record<string, T>> =>
    shape({type: 'object', additionalProperties: value.schema}, (v, path, problems) => {
      if (!isObject(v)) return void problems.push(invalid(path, 'must be an object (a map)'))
      for (const [k, x] of Object.entries(v)) {
        key?.check(k, path, problems)
        value.check(x, [...path, k], problems)
      }
    })

  /**
   * An object with exactly these fields. Problems in order: unknown fields,
   * missing fields, then each field's own in the order given, then `rule`
   * (only when the fields are right). `what` names the object in messages
   * ("a replace amendment").
   */
  const object = <F extends Fields>(
    fields: F,
    options: {rule?: Rule; what?: string; description?: string} = {}
  ): Shape<ObjectOf<F>> => {
    const keys = Object.keys(fields)
    const isOptional = (key: string): boolean => (fields[key] as Partial<Optional<unknown>>).optional === true
    const required = keys.filter((k) => !isOptional(k))
    const of = options.what ? ` for ${options.what}` : ''
    const schema: JsonSchema = {
      type: 'object',
      ...(options.description ? {description: options.description} : {}),
      ...(required.length > 0 ? {required} : {}),
      additionalProperties: false,
      properties: Object.fromEntries(keys.map((k) => [k, fields[k]!.schema])),
      ...(options.rule?.schema ?? {})
    }
    return shape(schema, (v, path, problems) => {
      if (!isObject(v)) return void problems.push(invalid(path, 'must be an object'))
      const before = problems.length
      for (const key of Object.keys(v))
        if (!Object.hasOwn(fields, key))
          problems.push({
            code: codes.unknown,
            reason: `Unknown field \`${formatPath([...path, key])}\`${of}`,
            path: [...path, key],
            expected: keys
          })
      for (const key of keys)
        if (v[key] === undefined && !isOptional(key))
          problems.push({
            code: codes.missing,
            reason: `\`${formatPath([...path, key])}\` is missing${options.what ? ` (${options.what} needs it)` : ''}`,
            path,
            expected: [key],
            ...(fields[key]!.hint ? {hint: fields[key]!.hint} : {})
          })
      for (const key of keys) if (v[key] !== undefined) fields[key]!.check(v[key], [...path, key], problems)
      if (options.rule && problems.length === before) options.rule.check(v, path, problems)
    })
  }

  /** An object with exactly one of `keys`, whose value is `value`: `{before: eId}` | `{after: eId}` …. */
  const oneKeyOf = <const K extends readonly string[], T>(
    keys: K,
    value: Shape<T>,
    schema: JsonSchema
  ): Shape<{[P in K[number]]: {[Q in P]: T}}[K[number]]> =>
    shape(schema, (v, path, problems) => {
      const [key] = isObject(v) ? Object.keys(v) : []
      if (!isObject(v) || Object.keys(v).length !== 1 || !keys.includes(key!))
        return void problems.push(
          invalid(path, `must be one of ${keys.map((k) => `{${k}: eId}`).join(', ')}`, {expected: [...keys]})
        )
      value.check(v[key!], [...path, key!], problems)
    })

  /** Exactly `value` (the `type` of an amendment). */
  const literal = <const V extends string>(value: V): Shape<V> =>
    shape({const: value}, (v, path, problems) => {
      if (v !== value) problems.push(invalid(path, `must be \`${value}\``, {actual: JSON.stringify(v)}))
    })

  return {invalid, string, boolean, integer, oneOf, listOf, record, object, oneKeyOf, literal}
}
