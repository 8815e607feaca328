import {describe, expect, it} from 'vitest'
import {parseAmendments} from '@redlex/amend'
import {epTextOf, markedChanges} from '@redlex/ep'
import {article, assignEids, content, documentOf, paragraph, textOf, type Inline} from '@redlex/tree'

const added = (text: string): Inline => ({
  type: 'strong',
  children: [{type: 'emphasis', children: [{type: 'text', value: text}]}]
})

/** A whole-text position as the EUR-Lex importer gives it: bold italic kept as strong › emphasis, `▌` as text. */
const position = assignEids(
  documentOf([
    {
      type: 'body',
      children: [
        article('Article 1', 'Scope', [
          paragraph('1.', [
            content(['This Regulation applies to ', added('connected '), 'products ▌ placed on the market.'])
          ]),
          paragraph('1a.', [content([added('It also applies to related services.')])]),
          paragraph('▌', [content('▌')])
        ])
      ]
    }
  ])
).document

describe('the whole-text form', () => {
  it('recovers the typed changes from the marks', () => {
    expect(markedChanges(position)).toEqual([
      {eId: 'art_1__para_1', kind: 'added', text: 'connected', after: 'This Regulation applies to'},
      {eId: 'art_1__para_1', kind: 'deleted', after: 'Regulation applies to connected products'},
      {eId: 'art_1__para_1a', kind: 'inserted', text: 'It also applies to related services.'},
      {eId: 'art_1__para_▌', kind: 'removed'}
    ])
  })

  it('gives the EP’s text without the marks, and leaves its input alone', () => {
    const text = epTextOf(position)
    expect(textOf(text)).toBe(
      'Article 1 Scope\n1.\nThis Regulation applies to connected products placed on the market.\n1a.\nIt also applies to related services.'
    )
    expect(JSON.stringify(text)).not.toContain('strong')
    expect(textOf(position)).toContain('▌')
  })
})

describe('provenance sources in amendment lists', () => {
  it('are accepted with their kind, and checked', () => {
    const list = [
      {
        id: 'a',
        type: 'delete',
        target: 'art_1',
        provenance: {source: {kind: 'ep-amendment', reference: 'P9_TA(2022)0014', number: '200', date: '2022-01-20'}}
      }
    ]
    expect(parseAmendments(list)).toEqual(list)
    expect(() => parseAmendments([{...list[0], provenance: {source: {number: '200'}}}])).toThrow(/kind/)
    expect(() => parseAmendments([{...list[0], provenance: {source: {kind: 'ep-amendment', page: 3}}}])).toThrow(
      /Unknown field/
    )
  })
})
