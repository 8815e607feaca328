/**
 * EP amendments to annexes: the AI Act's proposal file in the corpus has no
 * annexes, so this proposal (Cellar XHTML, written for the test) has three,
 * with numbered points holding lettered ones, and the table below amends
 * them as the EP's AI Act amendments address annexes.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {applyAmendments} from '@redlex/amend'
import {applyEpText, readEpText} from '@redlex/ep'
import {importDocument} from '@redlex/formats'
import {findByEid, inlineText, listProvisions} from '@redlex/tree'
import {epPage, unitWords} from './helpers.js'

const FILE = 'fixtures/annexes-proposal.xhtml'

const html = epPage([
  [
    '1',
    'Annex III — paragraph 1 — point 1 — point a',
    ['(a) widgets intended to be used for cutting food;'],
    ['(a) widgets intended to be used for cutting or slicing food;']
  ],
  ['2', 'Annex III — paragraph 1 — point 1 — point a a (new)', [], ['(aa) widgets intended to cool food;']],
  [
    '3',
    'Annex III — paragraph 1 — introductory part',
    ['High-risk widgets are the widgets listed in any of the following areas:'],
    ['High-risk widgets are the widgets listed in any of the following areas or uses:']
  ],
  ['4', 'Annex IV — point 2 a (new)', [], ['2a. a description of the tests carried out;']],
  [
    '5',
    'Annex IV — point 3',
    ['3. information about its monitoring.'],
    ['3. detailed information about its monitoring and control.']
  ],
  ['6', 'Annex I — point c', ['(c) statistical approaches.'], ['deleted']],
  ['7', 'Annex I — title', ['WIDGET TECHNIQUES AND APPROACHES'], ['WIDGET TECHNIQUES']],
  ['8', 'Annex V — point 1', ['1. Widgets for children.'], ['1. Widgets for children and pets.']]
])

describe('EP amendments to a proposal’s annexes', () => {
  const source = readFileSync(new URL(FILE, import.meta.url), 'utf8')
  const proposal = importDocument(source, {file: FILE}).document
  const result = applyEpText(proposal, readEpText(html))
  const item = (n: string) => result.report.items.find((i) => i.number === n)!
  const words = (eId: string) => unitWords(findByEid(result.document, eId) as never)

  it('reads the annexes’ points, lettered points inside numbered ones', () => {
    expect(
      listProvisions(proposal.children.find((c) => c.type === 'annex' && c.eId === 'anx_III')!).map((p) => p.node.eId)
    ).toEqual([
      'anx_III',
      'anx_III__point_1',
      'anx_III__point_1__point_a',
      'anx_III__point_1__point_b',
      'anx_III__point_2',
      'anx_III__point_2__point_a'
    ])
  })

  it('applies each amendment to the annex unit its address names', () => {
    expect(result.report.items.map((i) => [i.number, i.status, i.form])).toEqual([
      ['1', 'applied', 'words'],
      ['2', 'applied', 'insert'],
      ['3', 'applied', 'words'],
      ['4', 'applied', 'insert'],
      ['5', 'applied', 'words'],
      ['6', 'applied', 'delete'],
      ['7', 'applied', 'heading'],
      ['8', 'notLocated', undefined]
    ])
    expect(words('anx_III__point_1__point_a')).toBe('(a) widgets intended to be used for cutting or slicing food;')
    expect(words('anx_III__point_1__point_aa')).toBe('(aa) widgets intended to cool food;')
    expect(unitWords(findByEid(result.document, 'anx_III') as never, {heading: false})).toMatch(
      /^ANNEX III High-risk widgets are the widgets listed in any of the following areas or uses: 1\. Kitchen widgets: \(a\)/
    )
    expect(
      listProvisions(findByEid(result.document, 'anx_IV')!)
        .slice(1)
        .map((p) => p.node.num)
    ).toEqual(['1.', '2.', '2a.', '3.'])
    expect(words('anx_IV__point_2a')).toBe('2a. a description of the tests carried out;')
    expect(words('anx_IV__point_3')).toBe('3. detailed information about its monitoring and control.')
    expect(findByEid(result.document, 'anx_I__point_c')).toBeUndefined()
    expect(inlineText((findByEid(result.document, 'anx_I') as {heading?: never}).heading ?? [])).toBe(
      'WIDGET TECHNIQUES'
    )
  })

  it('names the annex the proposal lacks', () => {
    expect(item('8').reason).toBe('the proposal has no Annex V')
  })

  it('writes a list that gives the same text when applied in one run', () => {
    const again = applyAmendments(proposal, result.amendments, {targets: 'current', renumber: 'amending-act'})
    expect(again.document).toEqual(result.document)
  })
})
