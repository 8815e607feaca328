/**
 * The published JSON Schema (schema/isc-record.schema.json) accepts the
 * example record and rejects what the loader rejects. ajv is not a
 * dependency: a small validator for the keywords the schema uses is below.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {AMENDMENT_TYPES, amendmentSchemaDefs} from '@redlex/amend'
import {OPINIONS} from '@redlex/isc'

type Schema = Record<string, unknown>
const schema = JSON.parse(readFileSync(new URL('../schema/isc-record.schema.json', import.meta.url), 'utf8')) as Schema
const example = parse(readFileSync(new URL('../../../examples/eprivacy-derogation/isc.yaml', import.meta.url), 'utf8')) as unknown

const KNOWN = new Set(['$schema', '$id', '$ref', '$defs', 'title', 'description', 'examples', 'type', 'enum', 'const', 'pattern', 'minLength', 'minItems', 'minimum', 'required', 'properties', 'additionalProperties', 'items', 'oneOf', 'anyOf'])

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

/** Errors (`path: message`) of `value` against `node`; empty when valid. */
function check(value: unknown, node: Schema, path = '$'): string[] {
  for (const key of Object.keys(node)) if (!KNOWN.has(key)) throw new Error(`validator does not know keyword ${key}`)
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/$defs/', '')
    return check(value, (schema.$defs as Record<string, Schema>)[name]!, path)
  }
  const errors: string[] = []
  if (node.type !== undefined) {
    const t = typeOf(value)
    if (!(node.type === t || (node.type === 'number' && t === 'integer'))) return [`${path}: expected ${String(node.type)}, got ${t}`]
  }
  if (node.enum && !(node.enum as unknown[]).includes(value)) errors.push(`${path}: not one of ${(node.enum as unknown[]).join(', ')}`)
  if ('const' in node && node.const !== value) errors.push(`${path}: expected ${String(node.const)}`)
  if (typeof value === 'string') {
    if (node.pattern && !new RegExp(node.pattern as string, 'u').test(value)) errors.push(`${path}: does not match ${String(node.pattern)}`)
    if (typeof node.minLength === 'number' && value.length < node.minLength) errors.push(`${path}: too short`)
  }
  if (typeof value === 'number' && typeof node.minimum === 'number' && value < node.minimum) errors.push(`${path}: below ${node.minimum}`)
  if (Array.isArray(value)) {
    if (typeof node.minItems === 'number' && value.length < node.minItems) errors.push(`${path}: fewer than ${node.minItems} items`)
    if (node.items) value.forEach((item, i) => errors.push(...check(item, node.items as Schema, `${path}[${i}]`)))
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>
    for (const key of (node.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${path}: missing ${key}`)
    const properties = (node.properties ?? {}) as Record<string, Schema>
    for (const [key, v] of Object.entries(object)) {
      if (properties[key]) errors.push(...check(v, properties[key], `${path}.${key}`))
      else if (node.additionalProperties === false) errors.push(`${path}: unknown property ${key}`)
      else if (typeOf(node.additionalProperties) === 'object') errors.push(...check(v, node.additionalProperties as Schema, `${path}.${key}`))
    }
  }
  if (node.oneOf) {
    const passing = (node.oneOf as Schema[]).filter((s) => check(value, s, path).length === 0).length
    if (passing !== 1) errors.push(`${path}: matches ${passing} of oneOf`)
  }
  if (node.anyOf && !(node.anyOf as Schema[]).some((s) => check(value, s, path).length === 0)) errors.push(`${path}: matches none of anyOf`)
  return errors
}

describe('isc-record.schema.json', () => {
  it('publishes the amendment definitions generated from the validator’s own checks (node packages/isc/scripts/schema.mjs)', () => {
    const defs = schema.$defs as Record<string, Schema>
    for (const [name, def] of Object.entries(amendmentSchemaDefs())) expect(defs[name], name).toEqual(def)
  })

  it('accepts the example record', () => {
    expect(check(example, schema)).toEqual([])
  })

  it('knows the same amendment types and opinions as the code', () => {
    const defs = schema.$defs as Record<string, Schema>
    const oneOf = (defs.amendment!.oneOf as Array<{$ref: string}>).map((r) => r.$ref.replace('#/$defs/', ''))
    expect(oneOf).toEqual([...AMENDMENT_TYPES])
    const services = (schema.properties as Record<string, Schema>).services!
    expect(((services.items as Schema).properties as Record<string, Schema>).opinion!.enum).toEqual([...OPINIONS])
  })

  it('rejects what the loader rejects', () => {
    const bad = (edit: (record: Record<string, any>) => void): string[] => {
      const copy = structuredClone(example) as Record<string, any>
      edit(copy)
      return check(copy, schema)
    }
    expect(bad((r) => (r.procedure = 'urgent'))).toEqual(['$.procedure: not one of normal, fast-track'])
    expect(bad((r) => delete r.conclusions)).toEqual(['$: missing conclusions'])
    expect(bad((r) => (r.services[0].opinion = 'favourable'))).toHaveLength(1)
    expect(bad((r) => (r.conclusions[0].amendments[0].type = 'substitue'))).toEqual(['$.conclusions[0].amendments[0]: matches 0 of oneOf'])
    expect(bad((r) => (r.participants[0] = {service: 'SJ'}))).toEqual(['$.participants[0]: matches none of anyOf'])
    expect(bad((r) => (r.date = '2 September 2020'))).toHaveLength(1)
  })
})
