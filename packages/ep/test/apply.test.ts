import {describe, expect, it} from 'vitest'
import {applyAmendments} from '@redlex/amend'
import {applyEpText, applyInOrder, readEpText} from '@redlex/ep'
import {findByEid, provenanceLabel, textOf} from '@redlex/tree'
import {fixtureHtml, proposal, unitWords} from './helpers.js'

describe('applyEpText on the fixture', () => {
  const text = readEpText(fixtureHtml())
  const base = proposal()
  const result = applyEpText(base, text)
  const item = (n: string) => result.report.items.find((i) => i.number === n)!
  const typed = (n: string) => result.amendments.filter((a) => item(n).amendments?.includes(a.id))

  it('reports every amendment: applied, not located (why), conflict (why)', () => {
    expect(result.report).toMatchObject({
      reference: 'P9_TA(2099)0001',
      date: '2099-02-03',
      total: 16,
      applied: 15,
      notLocated: 1,
      conflicts: 0
    })
    expect(item('13')).toMatchObject({
      status: 'notLocated',
      target: 'Annex I — point 1',
      reason: 'the proposal as given has no annexes (Annex I)'
    })
    expect(result.report.items.map((i) => i.form ?? i.status)).toEqual([
      'insert',
      'words',
      'insert',
      'words',
      'insert',
      'replace',
      'insert',
      'delete',
      'words',
      'heading',
      'insert',
      'delete',
      'notLocated',
      'words',
      'insert',
      'insert'
    ])
  })

  it('turns matching Commission text into word-level substitutions, last first', () => {
    expect(typed('2')).toEqual([
      {
        id: 'ep-2.1',
        type: 'insertText',
        target: 'rec_1',
        anchor: 'citizens',
        position: 'after',
        text: ' and businesses',
        provenance: expect.anything()
      },
      {
        id: 'ep-2.2',
        type: 'substitute',
        target: 'rec_1',
        text: 'sometimes',
        by: 'always',
        provenance: expect.anything()
      }
    ])
    expect(typed('4')).toMatchObject([{type: 'deleteText', target: 'art_1__para_1', text: 'harmonised '}])
    expect(typed('9')).toMatchObject([{type: 'substitute', target: 'art_3__para_1', text: 'ensure', by: 'guarantee'}])
  })

  it('quotes a word that occurs twice with its occurrence', () => {
    expect(typed('15 and 16')).toMatchObject([
      {id: 'ep-15+16', type: 'substitute', text: 'report', by: 'reporting', occurrence: 2}
    ])
    expect(
      unitWords(findByEid(result.document, 'art_4__para_1')!, {heading: false}).startsWith(
        '1. The report shall cover the reporting period.'
      )
    ).toBe(true)
  })

  it('replaces the unit when the Commission column is not the proposal’s text', () => {
    expect(typed('6')).toMatchObject([{type: 'replace', target: 'art_2__para_1__point_a'}])
    expect(unitWords(findByEid(result.document, 'art_2__para_1__point_a')!)).toBe(
      '(a) ‘widget’ means a small mechanical device;'
    )
  })

  it('inserts new units with the EP’s numbers, at their place', () => {
    expect(textOf(findByEid(result.document, 'cit_3')!)).toBe(
      'Having regard to the opinion of the European Data Protection Supervisor,'
    )
    expect(unitWords(findByEid(result.document, 'rec_1a')!)).toBe('(1a) Gadgets are not widgets.')
    expect(unitWords(findByEid(result.document, 'art_1__para_1a')!)).toBe(
      '1a. It applies to widgets placed on the market.'
    )
    expect(unitWords(findByEid(result.document, 'art_2__para_1__point_ba')!)).toBe('(ba) ‘gadget’ means anything else;')
    expect(unitWords(findByEid(result.document, 'art_3a')!)).toBe(
      'Article 3a Review 1. The Commission shall review this Regulation: (a) by 2100; (b) every five years thereafter. 2. It shall report to the Parliament.'
    )
    const body = result.document.children.find((c) => c.type === 'body')!
    expect(body.children.map((a) => a.num)).toEqual(['Article 1', 'Article 2', 'Article 3', 'Article 3a', 'Article 4'])
  })

  it('inserts subparagraphs and indents by the EP’s ranks', () => {
    expect(unitWords(findByEid(result.document, 'art_4__para_1')!)).toBe(
      '1. The report shall cover the reporting period. The Commission shall publish the report.'
    )
    expect(findByEid(result.document, 'art_4__para_1__subpara_2')).toBeDefined()
    // "indent - 1 (new)": before the proposal's first indent (the second was deleted by amendment 8).
    expect(unitWords(findByEid(result.document, 'art_2__para_1__point_b')!)).toBe(
      '(b) ‘coloured widget’ means one of these: — green ones; — red ones;'
    )
  })

  it('deletes units and sets titles', () => {
    // Amendment 8 deleted the second indent (`blue ones`); see the indents' test for what is left.
    expect(JSON.stringify(findByEid(result.document, 'art_2__para_1__point_b'))).not.toContain('blue ones')
    expect(findByEid(result.document, 'art_4__para_2')).toBeUndefined()
    expect(
      unitWords(findByEid(result.document, 'art_3')!, {heading: true}).startsWith(
        'Article 3 Obligations of Member States 1. Member States shall guarantee:'
      )
    ).toBe(true)
  })

  it('keeps the footnote where the words around it change', () => {
    const rec = findByEid(result.document, 'rec_1')!
    expect(JSON.stringify(rec)).toContain('authorialNote')
    expect(unitWords(rec)).toBe('(1) Widgets are always useful for citizens and businesses.')
  })

  it('names the EP amendment in every change-log entry', () => {
    expect(result.log.length).toBeGreaterThan(0)
    for (const entry of result.log)
      expect(entry.provenance.source).toMatchObject({
        kind: 'ep-amendment',
        reference: 'P9_TA(2099)0001',
        date: '2099-02-03'
      })
    const entry = result.log.find((e) => e.amendment === 'ep-6')!
    expect(provenanceLabel(entry.provenance)).toBe('EP amendment 6')
  })

  it('writes a list that gives the same text when applied in one run (targets: current)', () => {
    const again = applyAmendments(base, result.amendments, {targets: 'current', renumber: 'amending-act'})
    expect(textOf(again.document)).toBe(textOf(result.document))
  })

  it('applies that list unit by unit to the same text (applyInOrder), all or nothing', () => {
    expect(textOf(applyInOrder(base, result.amendments).document)).toBe(textOf(result.document))
    const broken = [...result.amendments.slice(0, 3), {id: 'x', type: 'delete' as const, target: 'art_9'}]
    expect(() => applyInOrder(base, broken)).toThrow(/art_9/)
  })

  it('never changes its input', () => {
    expect(textOf(base)).toBe(textOf(proposal()))
  })
})
