/** JSON text is read as JSON: its errors say JSON with the line and column, and every value keeps its place. */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {amendmentPlaces, loadAmendments, parseSource} from '@redlex/amend'
import {isRedlexError, type RedlexError} from '@redlex/tree'

function failure(fn: () => unknown): RedlexError {
  try {
    fn()
  } catch (error) {
    if (isRedlexError(error)) return error
    throw error
  }
  throw new Error('expected a RedlexError')
}

/** `line:column` of the start of an error's place. */
const where = (e: RedlexError): string => {
  const point = e.place && 'start' in e.place ? e.place.start : e.place
  return point ? `${point.line}:${point.column}` : ''
}

describe('a malformed .json file', () => {
  // text, where the error is, words of the message
  const cases: Array<[string, string, string]> = [
    ['[{"id": "a1", "type": "delete" "target": "art_1"}]', '1:32', 'expected `,` or `}` after the value of "type"'],
    ['[\n  {"id": "a1"},\n]\n', '2:15', 'a comma before `]`'],
    ['{"amendments": [], }', '1:18', 'a comma before `}`'],
    ["[{'id': 'a1'}]", '1:3', 'keys must be in double quotes'],
    ['[{id: "a1"}]', '1:3', 'the key `id` must be in double quotes'],
    ['[{"id": a1}]', '1:9', '`a1` is not a JSON value'],
    ['[{"occurrence": 01}]', '1:17', '`01` is not a JSON number'],
    ['// amendments\n[]', '1:1', 'JSON has no comments'],
    ['[{"id": "a1\n"}]', '1:12', 'a string runs past the end of its line'],
    ['[{"text": "C:\\dir"}]', '1:14', '`\\d` is not a JSON escape'],
    ['[{"id": "a1"}] []', '1:16', 'more text after the end of the JSON value'],
    ['[{"id": "a1", "id": "a2"}]', '1:15', 'the key "id" appears twice in this object'],
    ['[{"id": "a1"', '1:13', 'expected `,` or `}` after the value of "id", found the end of the file'],
    ['["a1', '1:2', 'a string is never closed'],
    ['[\r\n  1,\r\n  ,\r\n]', '3:3', 'expected a value, found `,`'],
    ['[\r  1,\r  ,\r]', '3:3', 'expected a value, found `,`'],
    ['\uFEFF[1,]', '1:3', 'a comma before `]`'],
    ['[\t1\t2]', '1:5', 'expected `,` or `]` after item 1 of a list']
  ]
  it.each(cases)('%j: amend/json-syntax at %s', (text, place, words) => {
    const e = failure(() => loadAmendments(text, {file: 'list.json'}))
    expect(e.code).toBe('amend/json-syntax')
    expect(e.file).toBe('list.json')
    expect(e.message).toContain('Malformed JSON: ')
    expect(e.message).not.toContain('YAML')
    expect(e.message).toContain(words)
    expect(where(e)).toBe(place)
    expect(e.hint).toContain('JSON')
  })

  it('nested past the bound: a coded error, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const e = failure(() => parseSource(deep, {file: 'deep.json'}))
    expect(e.code).toBe('amend/json-syntax')
    expect(e.message).toContain('nested deeper than 512 levels')
  })

  it('in an ISC record: isc/json-syntax', () => {
    const e = failure(() =>
      parseSource('{"reference": "ISC/2020/1",\n "conclusions": [,]}', {file: 'r.json', area: 'isc'})
    )
    expect(e.code).toBe('isc/json-syntax')
    expect(where(e)).toBe('2:18')
  })

  it('YAML stays YAML: a .yaml file, and a text without a name that is not well-formed JSON', () => {
    const yaml = failure(() => loadAmendments('- id: a\n  type: delete\n  target: [art_1\n', {file: 'x.yaml'}))
    expect(yaml.code).toBe('amend/yaml-syntax')
    expect(yaml.message).toContain('Malformed YAML')
    // JSON-looking text in a .yaml file is YAML (which JSON is), and its errors are YAML's.
    expect(failure(() => loadAmendments('[{"id": "a",}', {file: 'x.yml'})).code).toBe('amend/yaml-syntax')
    const unnamed = failure(() => loadAmendments('[{"id": "a", "type": "delete", "target": "art_1"}'))
    expect(unnamed.code).toBe('amend/yaml-syntax')
    expect(unnamed.hint).toContain('name it *.json')
  })
})

describe('a well-formed JSON file', () => {
  it('CRLF, a lone CR, tabs and a byte order mark: the same data, and places as an editor counts them', () => {
    const lines = [
      '[',
      '\t{"id": "a1", "type": "delete", "target": "art_1"},',
      '\t{"id": "a2", "type": "delet", "target": "art_2"}',
      ']'
    ]
    for (const [name, text] of [
      ['LF', lines.join('\n')],
      ['CRLF', lines.join('\r\n') + '\r\n'],
      ['CR', lines.join('\r') + '\r'],
      ['BOM', '\uFEFF' + lines.join('\n')]
    ] as const) {
      const e = failure(() => loadAmendments(text, {file: 'list.json'}))
      expect(e.code, name).toBe('amend/unknown-type')
      expect(where(e), name).toBe('3:23')
      expect(amendmentPlaces(text, {file: 'list.json'})['a2']?.start, name).toMatchObject({line: 3, column: 2})
    }
    // A YAML parser would refuse the lone CR after the last value; JSON allows it.
    expect(loadAmendments('[{"id": "a1", "type": "delete", "target": "art_1"}]\r', {file: 'l.json'})).toHaveLength(1)
  })

  it('an empty file is empty data, as an empty YAML file is', () => {
    expect(parseSource(' \n', {file: 'e.json'}).data).toBeNull()
    expect(parseSource('', {file: 'e.yaml'}).data).toBeNull()
  })

  it('a text without a name that is well-formed JSON is read as JSON', () => {
    // A lone CR at the end: YAML cannot read it, JSON can.
    expect(parseSource('{"a": [1, 2]}\r').data).toEqual({a: [1, 2]})
  })

  it('property: the data is JSON.parse’s, and each path locates exactly the text of its value', () => {
    fc.assert(
      fc.property(fc.jsonValue({maxDepth: 4}), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent)
        const source = parseSource(text, {file: 'v.json'})
        expect(source.data).toEqual(JSON.parse(text))
        const visit = (v: unknown, path: Array<string | number>): void => {
          const place = source.locate(path)!
          expect(JSON.parse(text.slice(place.start.offset, place.end.offset))).toEqual(v)
          if (Array.isArray(v)) v.forEach((item, i) => visit(item, [...path, i]))
          else if (typeof v === 'object' && v !== null)
            for (const [key, item] of Object.entries(v)) visit(item, [...path, key])
        }
        visit(JSON.parse(text), [])
      }),
      {numRuns: 200}
    )
  })
})

describe('YAML nested past the reader’s stack', () => {
  it('a coded error without a place (where the stack runs out depends on the machine)', () => {
    for (const text of ['['.repeat(20_000), '- '.repeat(20_000) + 'x']) {
      const e = failure(() => parseSource(text, {file: 'deep.yaml'}))
      expect(e.code).toBe('amend/yaml-unreadable')
      expect(e.message).toBe(
        'deep.yaml: Cannot turn the YAML into data: it is nested too deeply to read. Amendments and records are never nested this deep: check that this is the right file [amend/yaml-unreadable]'
      )
      expect(e.place).toBeUndefined()
    }
  })
})
