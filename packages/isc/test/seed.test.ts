/**
 * The seed case: ISC/2020/06507 as a record (examples/eprivacy-derogation/isc.yaml)
 * applied to the pre-ISC draft gives the hand-written expected post-ISC text.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {findByEid, textOf} from '@redlex/tree'
import {applyAmendments, applyInverse} from '@redlex/amend'
import {fromMarkdown, parseFragment, toMarkdown} from '@redlex/markdown'
import {amendmentsOf, loadIscRecord} from '@redlex/isc'

const dir = new URL('../../../examples/eprivacy-derogation/', import.meta.url)
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8')

describe('ISC/2020/06507 applied to the pre-ISC draft', () => {
  const record = loadIscRecord(read('isc.yaml'), {file: 'isc.yaml'})
  const pre = fromMarkdown(read('pre-isc.md'))
  const amendments = amendmentsOf(record)
  const result = applyAmendments(pre, amendments, {renumber: 'sequential', parseFragment})

  it('reads the record as in the minutes', () => {
    expect(record).toMatchObject({
      reference: 'ISC/2020/06507',
      date: '2020-09-02',
      procedure: 'fast-track',
      approvalDate: '2020-09-03',
      chair: {name: 'William SLEATH'},
      leadServices: ['CNECT', 'HOME']
    })
    expect(record.services.map((s) => `${s.service}:${s.opinion}`)).toEqual([
      'COMP:unknown',
      'EEAS:unknown',
      'GROW:unknown',
      'TRADE:unknown'
    ])
    expect(record.participants?.filter((p) => p.redacted).length).toBe(8)
    expect(record.conclusions.map((c) => [c.id, c.amendments?.length])).toEqual([
      ['1', 5],
      ['2', 2],
      ['3', 3]
    ])
    expect(record.pointsForPoliticalLevel?.map((p) => p.conclusions)).toEqual([['1'], ['2']])
  })

  it('yields the expected post-ISC text, byte for byte', () => {
    expect(toMarkdown(result.document)).toBe(read('expected-post-isc.md'))
  })

  it('shows the sunset date and moves the repeal to a recital that refers to the renumbered recital', () => {
    expect(textOf(findByEid(result.document, 'art_4__subpara_2')!, {num: false})).toBe(
      'It shall apply until 15 July 2024.'
    )
    expect(textOf(findByEid(result.document, 'rec_9')!, {num: false})).toContain(
      'the long-term legislation referred to in recital 8. That long-term legislation should repeal this Regulation.'
    )
    expect(result.renames).toMatchObject({rec_3: 'rec_4', rec_7: 'rec_8'})
  })

  it('logs every amendment with its conclusion and services', () => {
    // Effects without the resulting text they record for verify (checked in test/verify.test.ts).
    const byId = new Map(
      result.log.map((e) => [e.amendment, {...e, effects: e.effects.map(({text: _text, ...effect}) => effect)}])
    )
    expect(byId.get('sunset-date')).toMatchObject({
      type: 'sunset',
      provenance: {conclusion: '2'},
      description: 'Article 4: expiry set to 15 July 2024 (ep-term-end:9: end of the 9th European Parliament term)'
    })
    expect(byId.get('rec1-terminology')?.provenance).toEqual({conclusion: '3', services: ['SJ']})
    expect(byId.get('scope-delete-c')?.effects).toEqual([{action: 'deleted', before: 'art_1__para_2__point_c'}])
    expect(byId.get('rec-legal-gap')?.effects).toEqual([{action: 'inserted', after: 'rec_3'}])
    expect(byId.get('repeal-to-recital')?.effects).toEqual([
      {action: 'modified', before: 'art_4__subpara_2', after: 'art_4__subpara_2'},
      {action: 'inserted', after: 'rec_9'}
    ])
    expect(result.log.at(-1)?.amendment).toBe('#renumber')
    expect(result.warnings).toEqual([])
  })

  it('inverts back to the pre-ISC text, byte for byte', () => {
    expect(toMarkdown(applyInverse(result.document, result.inverse, {parseFragment}))).toBe(read('pre-isc.md'))
  })

  it('under the amending-act policy gives the inserted recital (2a), adds the last one as (8), and renumbers nothing', () => {
    const act = applyAmendments(pre, amendments, {renumber: 'amending-act'})
    expect(findByEid(act.document, 'rec_2a')?.num).toBe('(2a)')
    expect(findByEid(act.document, 'rec_8')?.num).toBe('(8)')
    expect(act.renames).toEqual({})
    expect(textOf(findByEid(act.document, 'rec_8')!, {num: false})).toContain('referred to in recital 7.')
    expect(toMarkdown(applyInverse(act.document, act.inverse))).toBe(read('pre-isc.md'))
  })
})
