import {visit} from 'unist-util-visit'
import {describe, expect, expectTypeOf, it} from 'vitest'
import * as tree from '@redlex/tree'
import {
  RedlexError,
  article,
  assignEids,
  citationLabel,
  cleanNum,
  compareNumbers,
  content,
  countProvisions,
  documentOf,
  findByEid,
  indent,
  insertedNumber,
  intro,
  locate,
  outline,
  paragraph,
  parseNumber,
  point,
  textOf,
  type Article,
  type Document,
  type Node,
  type Point
} from '@redlex/tree'

describe('API surface', () => {
  it('should export exactly the documented names', () => {
    expect(Object.keys(tree).sort()).toMatchSnapshot()
  })
})

describe('cleanNum', () => {
  const table: Array<[string, string]> = [
    ['Article 4a', '4a'],
    ['Article\u00a03', '3'],
    ['1.', '1'],
    ['(b)', 'b'],
    ['(-a)', '-a'],
    ['(iv)', 'iv'],
    ['CHAPTER II', 'II'],
    ['Section 2', '2'],
    ['ANNEX IV', 'IV'],
    ['ANNEX', ''],
    ['—', ''],
    ['(12)', '12'],
    ['2a.', '2a']
  ]
  it.each(table)('%s → %s', (label, clean) => expect(cleanNum(label)).toBe(clean))
})

describe('number order', () => {
  it('should sort -3 < -2 < -1 < 1 < 1a < 1aa < 1b < 2', () => {
    const labels = ['2', '1b', '-1', '1', '1aa', '-3', '1a', '-2']
    const sorted = [...labels].sort((a, b) => compareNumbers(parseNumber(a, 'arabic')!, parseNumber(b, 'arabic')!))
    expect(sorted).toEqual(['-3', '-2', '-1', '1', '1a', '1aa', '1b', '2'])
  })
  it('should number insertions as amending acts do', () => {
    const n = (v: string) => parseNumber(v, 'arabic')
    const none = () => false
    expect(tree.printNumber(insertedNumber(n('4'), n('5'), 'arabic', none))).toBe('4a')
    expect(tree.printNumber(insertedNumber(n('4a'), n('4b'), 'arabic', none))).toBe('4aa')
    expect(tree.printNumber(insertedNumber(undefined, n('1'), 'arabic', none))).toBe('-1')
    expect(tree.printNumber(insertedNumber(undefined, n('-1'), 'arabic', none))).toBe('-2')
    expect(tree.printNumber(insertedNumber(n('4'), n('5'), 'arabic', (x) => x.suffix === 'a'))).toBe('4b')
    expect(tree.printNumber(insertedNumber(parseNumber('b', 'alpha'), parseNumber('c', 'alpha'), 'alpha', none))).toBe(
      'ba'
    )
  })
})

function sample(): Document {
  return assignEids(
    documentOf([
      {
        type: 'body',
        children: [
          article('Article 3', 'Scope', [
            paragraph('1.', [content('First.')]),
            paragraph('2.', [
              intro('It covers:'),
              point('(a)', [
                intro('goods, namely:'),
                point('(i)', [content('food;')]),
                point('(ii)', [intro('drink:'), indent([content('water;')]), indent([content('juice;')])])
              ]),
              point('(b)', [content('services.')]),
              {type: 'subparagraph', eId: '', children: [content('Second subparagraph.')]}
            ])
          ]),
          article('Article 10', 'Entry into force', [
            content('In force.'),
            {type: 'subparagraph', eId: '', children: [content('It shall apply until 3 August 2024.')]}
          ])
        ]
      }
    ])
  ).document
}

describe('eIds and citation labels', () => {
  const doc = sample()
  const table: Array<[string, string]> = [
    ['art_3', 'Article 3'],
    ['art_3__para_2', 'Article 3(2)'],
    ['art_3__para_2__point_a', 'Article 3(2), point (a)'],
    ['art_3__para_2__point_a__point_i', 'Article 3(2), point (a)(i)'],
    ['art_3__para_2__point_a__point_ii__indent_2', 'Article 3(2), point (a)(ii), second indent'],
    ['art_3__para_2__subpara_2', 'Article 3(2), second subparagraph'],
    ['art_10__subpara_2', 'Article 10, second paragraph']
  ]
  it.each(table)('should have %s labelled %s', (eId, label) => {
    expect(findByEid(doc, eId)).toBeDefined()
    expect(citationLabel(eId)).toBe(label)
  })
  it('should label other units', () => {
    expect(citationLabel('rec_12')).toBe('recital 12')
    expect(citationLabel('cit_2')).toBe('citation 2')
    expect(citationLabel('chp_II')).toBe('Chapter II')
    expect(citationLabel('chp_II__sec_1')).toBe('Chapter II, Section 1')
    expect(citationLabel('anx_I')).toBe('Annex I')
    expect(citationLabel('art_47__para_1__point_d__point_3__point_iv')).toBe('Article 47(1), point (d)(3)(iv)')
  })
  it('should recompute eIds and report old → new', () => {
    const renumbered = structuredClone(doc)
    const body = renumbered.children[0]!
    if (body.type !== 'body') throw new Error('no body')
    ;(body.children[0] as Article).num = 'Article 4'
    const {document, renames} = assignEids(renumbered)
    expect(renames['art_3']).toBe('art_4')
    expect(renames['art_3__para_2__point_a__point_i']).toBe('art_4__para_2__point_a__point_i')
    expect(findByEid(document, 'art_4__para_2__point_b')).toBeDefined()
    expect(findByEid(renumbered, 'art_3')).toBeDefined() // the input is not changed
  })
  it('should recompute eIds in place on a tree given up, as assignEids does on a copy', () => {
    const renumbered = structuredClone(doc)
    const body = renumbered.children[0]!
    if (body.type !== 'body') throw new Error('no body')
    ;(body.children[0] as Article).num = 'Article 4'
    const copied = assignEids(renumbered)
    const inPlace = tree.assignEidsInPlace(renumbered)
    expect(inPlace.document).toBe(renumbered)
    expect(inPlace).toEqual(copied)
  })
  it('should keep eIds unique', () => {
    const twice = documentOf([
      {type: 'body', children: [article('Article 1', undefined, []), article('Article 1', undefined, [])]}
    ])
    const ids = assignEids(twice).document.children[0]!
    expect(ids.type === 'body' && ids.children.map((a) => (a as Article).eId)).toEqual(['art_1', 'art_1_2'])
  })
})

describe('utilities', () => {
  const doc = sample()
  it('should give the plain text of a provision', () => {
    expect(textOf(findByEid(doc, 'art_3__para_2__point_a__point_ii')!)).toBe('(ii)\ndrink:\n—\nwater;\n—\njuice;')
    expect(textOf(findByEid(doc, 'art_3__para_2')!, {deep: false, num: false})).toBe('It covers:')
  })
  it('should locate a provision with its parent and index', () => {
    const found = locate(doc, 'art_3__para_2__point_b')!
    expect(found.index).toBe(2)
    expect((found.parent as {eId?: string}).eId).toBe('art_3__para_2')
  })
  it('should count and outline', () => {
    expect(countProvisions(doc)).toEqual({citations: 0, recitals: 0, articles: 2, chapters: 0, annexes: 0})
    expect(outline(doc)).toBe(
      'regulation, proposal: 0 citations, 0 recitals, 2 articles, 0 annexes\nArticle 3 Scope [art_3]\nArticle 10 Entry into force [art_10]'
    )
  })
  it('should work with unist-util-visit', () => {
    const seen: string[] = []
    visit(doc as never, 'point', (node: Point) => {
      seen.push(node.eId)
    })
    expect(seen).toEqual([
      'art_3__para_2__point_a',
      'art_3__para_2__point_a__point_i',
      'art_3__para_2__point_a__point_ii',
      'art_3__para_2__point_b'
    ])
  })
})

describe('RedlexError', () => {
  it('should print where, what, which provision, what to do and the code', () => {
    const error = new RedlexError('Cannot find the quoted text ‘2025’', {
      code: 'amend/text-not-found',
      file: 'isc.yaml',
      place: {line: 4, column: 7},
      eId: 'art_4',
      amendment: 'A2',
      conclusion: 'C2',
      hint: 'Quote the text exactly'
    })
    expect(error.message).toBe(
      'isc.yaml:4:7: Cannot find the quoted text ‘2025’ (amendment A2, conclusion C2, art_4). Quote the text exactly [amend/text-not-found]'
    )
    expect(String(error)).toBe(error.message)
    expect(error.toJSON()).toMatchObject({code: 'amend/text-not-found', eId: 'art_4'})
  })
})

describe('types', () => {
  it('should narrow nodes by type', () => {
    const node = {type: 'point', eId: 'x', num: '(a)', children: []} as Node
    if (node.type === 'point') expectTypeOf(node).toEqualTypeOf<Point>()
    expectTypeOf<Article['children'][number]['type']>().toEqualTypeOf<
      'content' | 'intro' | 'wrapUp' | 'paragraph' | 'subparagraph' | 'point' | 'indent' | 'table'
    >()
  })
})
