/**
 * New division headings, a deleted chapeau, a point printed twice in the
 * proposal and a new paragraph 1 before an article's unnumbered text: a
 * small proposal and EP table written for each case.
 */
import {describe, expect, it} from 'vitest'
import {applyAmendments} from '@redlex/amend'
import {applyEpText, applyInOrder, readEpText} from '@redlex/ep'
import {
  article,
  assignEids,
  content,
  documentOf,
  findByEid,
  inlineText,
  intro,
  paragraph,
  point,
  type Document,
  type Node
} from '@redlex/tree'
import {epPage, unitWords} from './helpers.js'

const division = (kind: 'title' | 'chapter', num: string, heading: string, children: Node[]) =>
  ({type: 'division', kind, eId: '', num, heading: [{type: 'text', value: heading}], children}) as never

function proposal(): Document {
  return assignEids(
    documentOf([
      {
        type: 'body',
        children: [
          division('title', 'TITLE I', 'GENERAL PROVISIONS', [
            division('chapter', 'CHAPTER 1', 'Scope', [
              article('Article 1', 'Subject matter', [content('This Regulation lays down rules on gadgets.')]),
              article('Article 2', 'Scope', [content('It applies to gadgets sold in the Union.')])
            ]),
            division('chapter', 'CHAPTER 2', 'Obligations', [
              article('Article 3', 'Duties', [
                paragraph('1.', [
                  intro('Sellers shall:'),
                  point('(a)', [content('label gadgets;')]),
                  point('(b)', [content('keep records.')])
                ])
              ]),
              article('Article 4', 'Records', [
                paragraph('1.', [
                  intro('Records shall show:'),
                  point('(a)', [content('the buyer;')]),
                  point('(a)', [content('the price;')]),
                  point('(b)', [content('the date.')])
                ])
              ])
            ])
          ]),
          division('title', 'TITLE II', 'BODIES', [
            article('Article 5', 'Gadget Board', [content('A Gadget Board is established.')]),
            article('Article 6', 'Tasks', [content('The Board shall advise the Commission.')])
          ])
        ]
      }
    ])
  ).document
}

const html = epPage([
  ['1', 'Title I — Chapter 1 a (new)', [], ['CHAPTER 1a', 'Gadgets at home']],
  ['2', 'Article 2 a (new)', [], ['Article 2 a', 'Home use', 'It applies to gadgets used at home.']],
  ['3', 'Article 5 — SECTION 1 — Title', [], ['Title', 'SECTION 1: The Board']],
  ['4', 'Article — 5 a (new) — SECTION 2 — title', [], ['Title', 'SECTION 2: Its secretariat']],
  ['5', 'Article 5 a (new)', [], ['Article 5 a', 'Secretariat', 'The Board shall have a secretariat.']],
  ['6', 'Article 6 — SECTION 3 — title', ['Tasks'], ['Advice']],
  ['7', 'Article 3 — paragraph 1 — introductory part', ['Sellers shall:'], ['deleted']],
  ['8', 'Article 4 — paragraph 1 — point a', ['(a) the price;'], ['(a) the price paid;']],
  ['9', 'Article 4 — paragraph 1 — point a', ['(a) the seller;'], ['(a) the seller’s name;']],
  ['10', 'Article 1 — paragraph 1 (new)', [], ['1. The purpose of this Regulation is safety.']],
  [
    '11',
    'Article 1 — paragraph 1',
    ['This Regulation lays down rules on gadgets.'],
    ['This Regulation lays down common rules on gadgets.']
  ],
  ['12', 'Title II — Chapter 0 a (new)', [], ['deleted']],
  ['13', 'Title II — Chapter 1 — title', ['Scope'], ['Reach']],
  ['14', 'Title I — Chapter 2 — title', ['Obligations'], ['Duties']]
])

describe('EP amendments that open divisions, delete a chapeau, pick a duplicate', () => {
  const base = proposal()
  const result = applyEpText(base, readEpText(html))
  const item = (n: string) => result.report.items.find((i) => i.number === n)!
  const children = (eId: string) =>
    (findByEid(result.document, eId) as unknown as {children: Array<{eId: string; type: string}>}).children
      .filter((c) => c.type === 'division' || c.type === 'article')
      .map((c) => c.eId)
  const heading = (eId: string) => inlineText((findByEid(result.document, eId) as {heading?: never}).heading ?? [])

  it('inserts a new chapter after the one numbered before it; the new articles after that one go in it', () => {
    expect(item('1')).toMatchObject({status: 'applied', form: 'division'})
    expect(children('title_I')).toEqual(['title_I__chp_1', 'title_I__chp_1a', 'title_I__chp_2'])
    expect(findByEid(result.document, 'title_I__chp_1a')).toMatchObject({num: 'CHAPTER 1a'})
    expect(heading('title_I__chp_1a')).toBe('Gadgets at home')
    expect(children('title_I__chp_1')).toEqual(['art_1', 'art_2'])
    expect(children('title_I__chp_1a')).toEqual(['art_2a'])
  })

  it('opens a section at the article it names, up to the next heading', () => {
    expect(children('title_II')).toEqual(['title_II__sec_1', 'title_II__sec_2', 'title_II__sec_3'])
    expect(children('title_II__sec_1')).toEqual(['art_5'])
    expect(heading('title_II__sec_1')).toBe('The Board')
    // Section 2 opens with the new Article 5a, inserted by the next amendment.
    expect(children('title_II__sec_2')).toEqual(['art_5a'])
    expect(heading('title_II__sec_2')).toBe('Its secretariat')
  })

  it('gives an article’s title to a section when the Commission column is that title', () => {
    expect(children('title_II__sec_3')).toEqual(['art_6'])
    expect(heading('title_II__sec_3')).toBe('Advice')
    expect(findByEid(result.document, 'art_6')).not.toHaveProperty('heading')
    expect(item('6').reason).toContain('left without one')
  })

  it('writes the division as an insert and one move per article it takes', () => {
    const typed = result.amendments.filter((a) => item('3').amendments!.includes(a.id))
    // A heading opens a division that runs to the next heading: Section 1 takes Articles 5 and 6 (Section 2 takes 6 from it).
    expect(typed.map((a) => a.type)).toEqual(['insert', 'move', 'move'])
    expect(typed[0]).toMatchObject({at: {before: 'art_5'}, numbering: 'keep'})
    expect(typed[1]).toMatchObject({target: 'art_5', to: {lastChildOf: 'title_II__sec_1'}, num: 'Article 5'})
  })

  it('deletes a chapeau and keeps its points', () => {
    expect(item('7')).toMatchObject({status: 'applied', form: 'delete'})
    expect(unitWords(findByEid(result.document, 'art_3__para_1') as never)).toBe(
      '1. (a) label gadgets; (b) keep records.'
    )
  })

  it('picks the one of two points (a) whose text is the Commission column; neither: not located, both named', () => {
    expect(item('8')).toMatchObject({status: 'applied', form: 'words'})
    expect(unitWords(findByEid(result.document, 'art_4__para_1__point_a_2') as never)).toBe('(a) the price paid;')
    expect(unitWords(findByEid(result.document, 'art_4__para_1__point_a') as never)).toBe('(a) the buyer;')
    expect(item('9')).toMatchObject({status: 'notLocated'})
    expect(item('9').reason).toBe(
      "art_4__para_1 has 2 points (a) (art_4__para_1__point_a, art_4__para_1__point_a_2), and the Commission's text is the text of none of them: which one is meant is not known"
    )
  })

  it('puts a new paragraph 1 before an article’s unnumbered text, which becomes paragraph 2 and keeps its EP name', () => {
    expect(unitWords(findByEid(result.document, 'art_1') as never, {heading: false})).toBe(
      'Article 1 1. The purpose of this Regulation is safety. 2. This Regulation lays down common rules on gadgets.'
    )
    expect(item('11').amendments).toEqual(['ep-11'])
  })

  it('reports a deleted heading the proposal does not have as a conflict', () => {
    expect(item('12')).toMatchObject({status: 'conflict'})
    expect(result.report).toMatchObject({total: 14, applied: 11, notLocated: 2, conflicts: 1})
  })

  it('finds a division among those of the division the address names first', () => {
    // Title II has no chapters: Title I's Chapter 1 is not meant.
    expect(item('13')).toMatchObject({status: 'notLocated', reason: 'the proposal has no chapter 1 in title_II'})
    expect(heading('title_I__chp_1')).toBe('Scope')
    expect(item('14')).toMatchObject({status: 'applied', form: 'heading'})
    expect(heading('title_I__chp_2')).toBe('Duties')
  })

  it('writes a list that gives the same text when applied in one run', () => {
    const again = applyAmendments(base, result.amendments, {targets: 'current', renumber: 'amending-act'})
    expect(again.document).toEqual(result.document)
    // And one by one, each new division in the top division holding it (its eId carries its parents').
    expect(applyInOrder(base, result.amendments).document).toEqual(result.document)
  })
})
