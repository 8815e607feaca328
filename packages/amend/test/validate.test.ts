import {describe, expect, it} from 'vitest'
import {
  AMENDMENT_TYPES,
  DATE_ANCHORS,
  loadAmendments,
  parseAmendments,
  parseDate,
  stringifyAmendments,
  type Amendment
} from '@redlex/amend'
import {RedlexError} from '@redlex/tree'

/** The thrown RedlexError (fails the test when nothing is thrown). */
function failure(fn: () => unknown): RedlexError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(RedlexError)
    return error as RedlexError
  }
  throw new Error('expected a RedlexError')
}

const start = (e: RedlexError): string => {
  const place = e.place && 'start' in e.place ? e.place.start : e.place
  return place ? `${place.line}:${place.column}` : '(none)'
}

describe('parseAmendments / loadAmendments: bad input', () => {
  it('unknown amendment type: lists the known types, with path and place', () => {
    const yaml =
      '- id: a1\n  type: substitute\n  target: art_1\n  text: x\n  by: y\n- id: a2\n  type: substitue\n  target: art_1\n'
    const e = failure(() => loadAmendments(yaml, {file: 'isc.yaml'}))
    expect(e.code).toBe('amend/unknown-type')
    expect(e.path).toBe('[1].type')
    expect(start(e)).toBe('7:9')
    expect(e.expected).toEqual([...AMENDMENT_TYPES])
    expect(e.message).toMatch(
      /^isc\.yaml:7:9: Unknown amendment type `substitue`; known types: replace, insert, delete, move/
    )
  })

  it('missing target: points at the amendment', () => {
    const e = failure(() => loadAmendments('- id: d\n  type: delete\n', {file: 'a.yaml'}))
    expect(e.code).toBe('amend/missing-field')
    expect(e.path).toBe('[0]')
    expect(start(e)).toBe('1:3')
    expect(e.message).toContain('`[0].target` is missing')
  })

  it('invalid date and unknown date anchor: the place of the date', () => {
    const bad = failure(() => loadAmendments('- id: s\n  type: sunset\n  date: 2024-02-30\n'))
    expect(bad.code).toBe('amend/invalid-date')
    expect(bad.path).toBe('[0].date')
    expect(start(bad)).toBe('3:9')
    const anchor = failure(() => loadAmendments('- id: s\n  type: sunset\n  date: ep-term-end:ten\n'))
    expect(anchor.code).toBe('amend/unknown-date-anchor')
    expect(anchor.expected).toEqual(Object.keys(DATE_ANCHORS))
    expect(failure(() => parseDate('31 Febuary 2024')).code).toBe('amend/invalid-date')
    expect(parseDate('ep-term-end:9')).toMatchObject({iso: '2024-07-15', text: '15 July 2024', anchor: 'ep-term-end:9'})
    expect(parseDate('30.7.2021').text).toBe('30 July 2021')
  })

  it('malformed YAML: the place of the syntax error', () => {
    const e = failure(() => loadAmendments('- id: a\n  type: delete\n  target: [art_1\n', {file: 'x.yaml'}))
    expect(e.code).toBe('amend/yaml-syntax')
    expect(e.file).toBe('x.yaml')
    expect(start(e)).toMatch(/^[34]:\d+$/)
    const json = failure(() => loadAmendments('[{"id": "a", "type": "delete", "target": "art_1"}'))
    expect(json.code).toBe('amend/yaml-syntax')
  })

  it('schema violations: wrong types, unknown fields, duplicate ids, both or neither of two fields', () => {
    const cases: Array<[string, string, string, string]> = [
      [
        '- id: a\n  type: substitute\n  target: art_1\n  text: x\n  by: y\n  occurrence: 0\n',
        'amend/invalid-field',
        '[0].occurrence',
        '6:15'
      ],
      ['- id: a\n  type: delete\n  target: art_1\n  targte: art_2\n', 'amend/unknown-field', '[0].targte', '4:11'],
      [
        '- id: a\n  type: delete\n  target: art_1\n- id: a\n  type: delete\n  target: art_2\n',
        'amend/duplicate-id',
        '[1].id',
        '4:7'
      ],
      ['- id: a\n  type: insert\n  at: {after: art_1}\n', 'amend/invalid-field', '[0]', '1:3'],
      ['- id: a\n  type: insert\n  at: {behind: art_1}\n  markdown: x\n', 'amend/invalid-field', '[0].at', '3:7'],
      ['- id: a\n  type: placeholder\n  target: art_1\n  reason: r\n', 'amend/invalid-field', '[0]', '1:3'],
      ['- id: a\n  type: delete\n  target: "art 1"\n', 'amend/invalid-field', '[0].target', '3:11'],
      [
        '- id: a\n  type: delete\n  target: art_1\n  provenance: {conclusion: c1, services: SJ}\n',
        'amend/invalid-field',
        '[0].provenance.services',
        '4:42'
      ],
      ['amendments: 3\n', 'amend/not-a-list', undefined as unknown as string, '1:1']
    ]
    for (const [yaml, code, path, place] of cases) {
      const e = failure(() => loadAmendments(yaml))
      expect([e.code, e.path, start(e)], yaml).toEqual([code, path, place])
    }
  })

  it('accepts a list or {amendments: [...]}, and prefixes paths inside a larger file', () => {
    const one: Amendment = {id: 'a', type: 'delete', target: 'art_1'}
    expect(parseAmendments({amendments: [one]})).toEqual([one])
    const e = failure(() => parseAmendments([{id: 'a', type: 'nope'}], {path: ['conclusions', 2, 'amendments']}))
    expect(e.path).toBe('conclusions[2].amendments[0].type')
  })

  it('round-trips every type through YAML and JSON', () => {
    const all: Amendment[] = [
      {id: 'a1', type: 'replace', target: 'art_1', markdown: '### Article 1\n\nText.'},
      {
        id: 'a2',
        type: 'insert',
        at: {after: 'art_1'},
        content: [
          {
            type: 'article',
            eId: '',
            num: 'Article 2',
            children: [{type: 'content', children: [{type: 'text', value: 'T.'}]}]
          }
        ],
        numbering: 'keep'
      },
      {id: 'a3', type: 'delete', target: 'art_2', provenance: {conclusion: '1', services: ['SJ', 'HOME'], note: 'n'}},
      {id: 'a4', type: 'move', target: 'art_3__para_2', to: {lastChildOf: 'recitals'}, as: 'recital'},
      {id: 'a5', type: 'setNum', target: 'art_4', num: 'Article 4a'},
      {id: 'a6', type: 'setHeading', target: 'art_4', heading: null},
      {id: 'a7', type: 'substitute', target: 'art_4', text: '2025', by: '2024', occurrence: 'all'},
      {id: 'a8', type: 'insertText', target: 'art_4', anchor: 'until', position: 'after', text: ' 3 August 2024'},
      {id: 'a9', type: 'deleteText', target: 'art_4', text: ' x', occurrence: 2},
      {
        id: 'b1',
        type: 'placeholder',
        target: 'art_1',
        text: 'child prostitution',
        value: '…',
        reason: 'no agreed wording'
      },
      {id: 'b2', type: 'sunset', date: 'ep-term-end:9', sentence: 'It shall apply until {date}.'},
      {
        id: 'b3',
        type: 'moveRepealToRecitals',
        target: 'art_4',
        text: 'It shall repeal this Regulation.',
        recital: 'It should repeal this Regulation.',
        to: {after: 'rec_7'}
      },
      {
        id: 'b4',
        type: 'renumber',
        nums: {art_5: 'Article 4'},
        references: [{at: 'rec_1', index: 0, from: 'Article 5', to: 'Article 4'}]
      },
      {
        id: 'b5',
        type: 'spliceText',
        target: 'art_1',
        block: 0,
        start: 3,
        end: 7,
        insert: [{type: 'placeholder', kind: 'value', value: '…'}]
      }
    ]
    expect(new Set(all.map((a) => a.type))).toEqual(new Set(AMENDMENT_TYPES))
    expect(loadAmendments(stringifyAmendments(all))).toEqual(all)
    expect(loadAmendments(stringifyAmendments(all, {format: 'json'}))).toEqual(all)
  })
})
