/**
 * Validation uses own properties only and checks tree JSON all the way
 * down: reserved names are unknown fields, types or eIds at check time, and
 * malformed tree JSON is a coded error with its path, never a crash later.
 */
import {describe, expect, it} from 'vitest'
import {loadAmendments, parseAmendments} from '@redlex/amend'

function error(data: unknown): {code: string; path?: string; message: string} {
  try {
    parseAmendments(data)
  } catch (e) {
    return e as {code: string; path?: string; message: string}
  }
  throw new Error('expected an error')
}

const article = (extra: Record<string, unknown>): unknown => [
  {
    id: 'r',
    type: 'replace',
    target: 'art_1',
    content: {
      type: 'article',
      num: 'Article 1',
      children: [{type: 'content', children: [{type: 'text', value: 'x'}]}],
      ...extra
    }
  }
]

describe('reserved names', () => {
  it('rejects __proto__ and constructor as fields (own properties, as JSON.parse makes them)', () => {
    expect(
      error(JSON.parse('[{"id": "a", "type": "delete", "target": "art_1", "__proto__": {"polluted": true}}]'))
    ).toMatchObject({code: 'amend/unknown-field', path: '[0].__proto__'})
    expect(error([{id: 'a', type: 'delete', target: 'art_1', constructor: 'x'}])).toMatchObject({
      code: 'amend/unknown-field',
      path: '[0].constructor'
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('rejects Object names as types and as eIds', () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(error([{id: 'a', type, target: 'art_1'}])).toMatchObject({code: 'amend/unknown-type', path: '[0].type'})
    }
    expect(error([{id: 'a', type: 'delete', target: 'constructor'}])).toMatchObject({
      code: 'amend/invalid-field',
      path: '[0].target'
    })
    expect(error([{id: 'a', type: 'renumber', nums: JSON.parse('{"__proto__": "2"}')}])).toMatchObject({
      code: 'amend/invalid-field'
    })
    // the same through YAML
    expect(() => loadAmendments('- id: a\n  type: toString\n  target: art_1\n')).toThrow(
      expect.objectContaining({code: 'amend/unknown-type'})
    )
  })
})

describe('tree JSON inside amendments', () => {
  it('reports children: [null], num: {x: 1} and a heading of the wrong shape with their path', () => {
    expect(error(article({children: [null]}))).toMatchObject({
      code: 'amend/invalid-field',
      path: '[0].content.children[0]'
    })
    expect(error(article({num: {x: 1}}))).toMatchObject({code: 'amend/invalid-field', path: '[0].content.num'})
    expect(error(article({heading: 'Scope'}))).toMatchObject({code: 'amend/invalid-field', path: '[0].content.heading'})
    expect(error(article({heading: [{type: 'text'}]}))).toMatchObject({
      code: 'amend/invalid-field',
      path: '[0].content.heading[0].value'
    })
    expect(
      error([{id: 'h', type: 'setHeading', target: 'art_1', heading: [{type: 'paragraph', children: []}]}])
    ).toMatchObject({code: 'amend/invalid-field', path: '[0].heading[0].type'})
    expect(error([{id: 'h', type: 'setHeading', target: 'art_1', heading: {x: 1}}])).toMatchObject({
      code: 'amend/invalid-field',
      path: '[0].heading'
    })
  })

  it('checks children types, fields and depth all the way down', () => {
    const para = (children: unknown[]): unknown => ({type: 'paragraph', num: '1.', children})
    expect(error(article({children: [para([{type: 'content', children: [{type: 'text', value: 1}]}])]}))).toMatchObject(
      {path: '[0].content.children[0].children[0].children[0].value'}
    )
    expect(error(article({children: [{type: 'recital', children: []}]}))).toMatchObject({
      path: '[0].content.children[0].type'
    })
    expect(
      error(article({children: [{type: 'content', children: [{type: 'text', value: 'x', colour: 'red'}]}]}))
    ).toMatchObject({path: '[0].content.children[0].children[0].colour'})
    let deep: unknown = {type: 'text', value: 'x'}
    for (let i = 0; i < 5000; i++) deep = {type: 'emphasis', children: [deep]}
    const e = error([{id: 's', type: 'spliceText', target: 'art_1', block: 0, start: 0, end: 0, insert: [deep]}])
    expect(e.code).toBe('amend/invalid-field')
    expect(e.message).toContain('nests deeper than 64 levels')
  })

  it('accepts well-formed tree JSON, with or without eIds', () => {
    expect(parseAmendments(article({heading: [{type: 'text', value: 'Scope'}], eId: ''}))).toHaveLength(1)
    expect(
      parseAmendments([
        {
          id: 'i',
          type: 'insert',
          at: {after: 'art_1'},
          content: [
            {
              type: 'paragraph',
              num: '2.',
              children: [
                {type: 'intro', children: [{type: 'text', value: 'as follows:'}]},
                {
                  type: 'point',
                  num: '(a)',
                  children: [
                    {
                      type: 'content',
                      children: [
                        {type: 'ref', value: 'Article 2', targets: []},
                        {type: 'placeholder', kind: 'value', value: '…', reason: 'later'}
                      ]
                    }
                  ]
                }
              ]
            }
          ]
        }
      ])
    ).toHaveLength(1)
  })
})
