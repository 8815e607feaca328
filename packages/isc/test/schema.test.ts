/**
 * The published JSON Schema (schema/isc-record.schema.json) is generated
 * from the validator's own checks; here a real JSON Schema validator (ajv,
 * draft 2020-12, strict but for `required` inside `anyOf`) checks that the file is that schema and that schema
 * and runtime validator agree on the example record and on mutations of it.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {Ajv2020} from 'ajv/dist/2020.js'
import {AMENDMENT_TYPES} from '@redlex/amend'
import {OPINIONS, iscRecordSchema, validateIscRecord} from '@redlex/isc'

type Schema = Record<string, unknown>
type Json = Record<string, any>
const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8')
const schema = JSON.parse(read('../schema/isc-record.schema.json')) as Schema
/** The seed case, ISC/2020/06507. */
const seed = parse(read('../../../examples/eprivacy-derogation/isc.yaml')) as Json

const ajv = new Ajv2020({strict: true, strictRequired: false, allErrors: true})
const schemaAccepts = ajv.compile(schema)

function runtimeError(data: unknown): {code: string; path: string | undefined} | undefined {
  try {
    validateIscRecord(data)
    return undefined
  } catch (error) {
    const e = error as {code: string; path?: string}
    return {code: e.code, path: e.path}
  }
}

/** The seed with one change made by `edit`. */
function edited(edit: (record: Json) => void): Json {
  const copy = structuredClone(seed)
  edit(copy)
  return copy
}

/** Every path of `value` to a field or item, the root excluded. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...at, i], ...paths(item, [...at, i])])
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...paths(v, [...at, k])])
  return []
}

const setAt = (record: Json, path: Array<string | number>, value: unknown): void => {
  const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], record)
  parent[path.at(-1)!] = value
}
const deleteAt = (record: Json, path: Array<string | number>): void => {
  const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], record)
  if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1)
  else delete parent[path.at(-1)!]
}

/** Paths inside an amendment: their deep rules (tree content, cross-field) are @redlex/amend's and its tests'. */
const inAmendment = (path: Array<string | number>): boolean => path.includes('amendments') && path.length > 3

describe('isc-record.schema.json', () => {
  it('is the schema generated from the validator’s checks (node packages/isc/scripts/schema.mjs rewrites it)', () => {
    expect(schema).toEqual(iscRecordSchema())
  })

  it('is a valid draft 2020-12 schema that accepts the seed record and the record of docs/isc.md', () => {
    expect(schemaAccepts(seed), JSON.stringify(schemaAccepts.errors)).toBe(true)
    const docs = read('../../../docs/isc.md')
    const record = /^## A complete record\n+```yaml\n([\s\S]*?)^```$/m.exec(docs)?.[1]
    expect(record).toBeDefined()
    expect(schemaAccepts(parse(record!)), JSON.stringify(schemaAccepts.errors)).toBe(true)
  })

  it('knows the same amendment types and opinions as the code', () => {
    const defs = schema.$defs as Record<string, Schema>
    const oneOf = (defs.amendment!.oneOf as Array<{$ref: string}>).map((r) => r.$ref.replace('#/$defs/', ''))
    expect(oneOf).toEqual([...AMENDMENT_TYPES])
    const services = (schema.properties as Record<string, Schema>).services!
    expect(((services.items as Schema).properties as Record<string, Schema>).opinion!.enum).toEqual([...OPINIONS])
  })

  it('rejects a field the runtime validator rejects, with the validator’s code and path', () => {
    const cases: Array<[string, (r: Json) => void, string, string | undefined]> = [
      ['procedure', (r) => (r.procedure = 'urgent'), 'isc/invalid-field', 'procedure'],
      ['missing conclusions', (r) => delete r.conclusions, 'isc/missing-field', undefined],
      ['opinion', (r) => (r.services[0].opinion = 'favourable'), 'isc/invalid-field', 'services[0].opinion'],
      [
        'amendment type',
        (r) => (r.conclusions[0].amendments[0].type = 'substitue'),
        'amend/unknown-type',
        'conclusions[0].amendments[0].type'
      ],
      [
        'participant without name',
        (r) => (r.participants[0] = {service: 'SJ'}),
        'isc/invalid-field',
        'participants[0]'
      ],
      ['date format', (r) => (r.date = '2 September 2020'), 'isc/invalid-date', 'date'],
      ['date that does not exist', (r) => (r.date = '2020-09-31'), 'isc/invalid-date', 'date'],
      ['reference', (r) => (r.reference = 'ISC 2020 06507'), 'isc/invalid-field', 'reference'],
      ['blank title', (r) => (r.title = '   '), 'isc/invalid-field', 'title'],
      ['no lead service', (r) => (r.leadServices = []), 'isc/invalid-field', 'leadServices'],
      ['chair without name', (r) => (r.chair = {service: 'SG'}), 'isc/missing-field', 'chair'],
      ['unknown field', (r) => (r.chairman = 'X'), 'isc/unknown-field', 'chairman'],
      [
        'comment neither text nor redacted',
        (r) => (r.services[0].comments = [{redacted: false}]),
        'isc/invalid-field',
        'services[0].comments[0]'
      ],
      [
        'redacted not a boolean',
        (r) => (r.participants[0].redacted = 'yes'),
        'isc/invalid-field',
        'participants[0].redacted'
      ],
      [
        'point without text',
        (r) => (r.pointsForPoliticalLevel[0] = {conclusions: ['1']}),
        'isc/missing-field',
        'pointsForPoliticalLevel[0]'
      ],
      ['draft not a string', (r) => (r.draft = 7), 'isc/invalid-field', 'draft'],
      ['$schema not a string', (r) => (r.$schema = 7), 'isc/invalid-field', '$schema']
    ]
    for (const [name, edit, code, path] of cases) {
      const record = edited(edit)
      expect(runtimeError(record), name).toEqual({code, path})
      expect(schemaAccepts(record), name).toBe(false)
    }
  })

  it('accepts what the runtime validator accepts', () => {
    const cases: Array<[string, (r: Json) => void]> = [
      ['normal procedure', (r) => (r.procedure = 'normal')],
      ['a redacted comment', (r) => (r.services[0].comments = [{redacted: true}, {text: 'Fine.', about: 'rec_3'}])],
      ['a named participant', (r) => (r.participants[0] = {name: 'A. Person', service: 'SJ', role: 'Legal officer'})],
      [
        'no optional field',
        (r) => {
          for (const k of [
            'title',
            'fastTrackAuthorised',
            'chair',
            'participants',
            'pointsForPoliticalLevel',
            'approvalDate',
            'draft',
            'note'
          ])
            delete r[k]
        }
      ],
      [
        'a leap day',
        (r) => {
          r.date = '2020-02-29'
          delete r.approvalDate
        }
      ],
      ['an editor’s $schema line', (r) => (r.$schema = '../../packages/isc/schema/isc-record.schema.json')],
      [
        'no services, a conclusion without amendments',
        (r) => {
          r.services = []
          r.conclusions[0] = {id: '1', text: 'Noted.'}
        }
      ]
    ]
    for (const [name, edit] of cases) {
      const record = edited(edit)
      expect(runtimeError(record), name).toBeUndefined()
      expect(schemaAccepts(record), `${name}: ${JSON.stringify(schemaAccepts.errors)}`).toBe(true)
    }
  })

  it('agrees with the runtime validator on every field of the seed set to a wrong kind of value or removed', () => {
    const values: unknown[] = [null, 7, true, '', ' ', [], {}, ['x'], 'x']
    let disagreements: string[] = []
    let checked = 0
    for (const path of paths(seed).filter((p) => !inAmendment(p))) {
      const mutations: Array<[string, Json]> = [
        ...values.map((v): [string, Json] => [JSON.stringify(v), edited((r) => setAt(r, path, v))]),
        ['removed', edited((r) => deleteAt(r, path))]
      ]
      for (const [what, record] of mutations) {
        const runtime = runtimeError(record)
        // The rules across fields are the validator's alone (docs/isc.md): compare the shape.
        if (
          runtime &&
          [
            'isc/duplicate-service',
            'isc/duplicate-id',
            'isc/unknown-conclusion',
            'isc/date-order',
            'isc/provenance-mismatch'
          ].includes(runtime.code)
        )
          continue
        checked++
        if ((runtime === undefined) !== schemaAccepts(record))
          disagreements.push(
            `${path.join('.')} = ${what}: runtime ${runtime ? runtime.code : 'accepts'}, schema ${schemaAccepts(record) ? 'accepts' : 'rejects'}`
          )
      }
    }
    expect(disagreements).toEqual([])
    expect(checked).toBeGreaterThan(500)
  })
})
