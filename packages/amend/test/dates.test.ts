/**
 * Dates of sunset clauses: every European Parliament term up to the current
 * one, `current`, the provisional end of the 10th term (with a warning),
 * and a coded error for a term that has not started.
 */
import {describe, expect, it} from 'vitest'
import {
  article,
  assignEids,
  content,
  documentOf,
  findByEid,
  paragraph,
  subparagraph,
  textOf,
  type Document
} from '@redlex/tree'
import {applyAmendments, DATE_ANCHORS, loadAmendments, parseDate, type Amendment} from '@redlex/amend'
import {checkAmendments} from './helpers.js'

describe('European Parliament term anchors', () => {
  it('has a start and an end for every term from the 1st, each end the day before the next start', () => {
    const starts = Array.from({length: 10}, (_, i) => parseDate(`ep-term-start:${i + 1}`).iso)
    expect(starts).toEqual([
      '1979-07-17',
      '1984-07-24',
      '1989-07-25',
      '1994-07-19',
      '1999-07-20',
      '2004-07-20',
      '2009-07-14',
      '2014-07-01',
      '2019-07-02',
      '2024-07-16'
    ])
    for (let n = 1; n < 10; n++) {
      const end = new Date(parseDate(`ep-term-end:${n}`).iso + 'T00:00:00Z')
      end.setUTCDate(end.getUTCDate() + 1)
      expect(end.toISOString().slice(0, 10)).toBe(starts[n])
    }
    // the verified ones (domain.md §6.2)
    expect(parseDate('ep-term-end:8').text).toBe('1 July 2019')
    expect(parseDate('ep-term-end:9').text).toBe('15 July 2024')
  })

  it('names the current term: the latest that has started (the 10th), its end provisional', () => {
    expect(parseDate('ep-term-start:current')).toMatchObject({iso: '2024-07-16', anchor: 'ep-term-start:current'})
    const end = parseDate('ep-term-end:current')
    expect(end).toMatchObject({iso: '2029-07-16', text: '16 July 2029'})
    expect(end.provisional).toMatch(/provisional: the 2029 electoral period is not set yet/)
    expect(parseDate('ep-term-end:10')).toMatchObject({iso: '2029-07-16', provisional: end.provisional})
    expect(DATE_ANCHORS['ep-term-end:9']!.provisional).toBeUndefined()
  })

  it('refuses a term that has not started with a coded error naming the amendment place', () => {
    expect(() => parseDate('ep-term-end:11')).toThrow(expect.objectContaining({code: 'amend/ep-term-not-started'}))
    expect(() => loadAmendments('- id: s\n  type: sunset\n  date: ep-term-start:12\n', {file: 'a.yaml'})).toThrow(
      expect.objectContaining({
        code: 'amend/ep-term-not-started',
        path: '[0].date',
        file: 'a.yaml',
        place: expect.objectContaining({start: expect.objectContaining({line: 3, column: 9})})
      })
    )
    // not an EP term: an unknown anchor, as before
    expect(() => parseDate('commission-term-end:2029')).toThrow(
      expect.objectContaining({code: 'amend/unknown-date-anchor'})
    )
  })

  it('warns when a sunset uses the provisional end', () => {
    const doc = assignEids(
      documentOf([
        {
          type: 'body',
          children: [
            article('Article 1', undefined, [
              content('This Regulation shall enter into force on the day following that of its publication.')
            ])
          ]
        }
      ])
    ).document
    const result = applyAmendments(doc, [
      {id: 'end', type: 'sunset', date: 'ep-term-end:current', provenance: {conclusion: 'c2'}}
    ])
    expect(result.warnings).toEqual([
      {
        code: 'amend/provisional-date',
        amendment: 'end',
        message: expect.stringContaining(
          'ep-term-end:current: the end of the 10th European Parliament term is provisional'
        )
      }
    ])
    expect(textOf(result.document)).toContain('It shall apply until 16 July 2029.')
  })
})

const own = (doc: Document, eId: string): string => textOf(findByEid(doc, eId)!, {num: false, deep: false})

describe('sunset placement by the drafting rules', () => {
  const sunset: Amendment[] = [{id: 's', type: 'sunset', date: '2024-07-15'}]

  it('in a directive, goes in the entry-into-force article, not after the Addressees formula (found on COM(2025) 162)', () => {
    const base = assignEids(
      documentOf([
        {
          type: 'body',
          children: [
            article('Article 1', undefined, [content('Scope.')]),
            article('Article 2', 'Entry into force', [
              content('This Directive shall enter into force on the twentieth day following that of its publication.')
            ]),
            article('Article 3', 'Addressees', [content('This Directive is addressed to the Member States.')])
          ]
        }
      ])
    ).document
    const result = applyAmendments(base, sunset)
    expect(own(result.document, 'art_2__subpara_2')).toBe('It shall apply until 15 July 2024.')
    expect(own(result.document, 'art_3')).toBe('This Directive is addressed to the Member States.')
    expect(result.log[0]!.description).toBe('Article 2: expiry set to 15 July 2024 (expiry sentence created)')
    checkAmendments(base, sunset, result.document)
  })

  it('puts the expiry after entry into force, before the binding-force formula (numbered paragraphs)', () => {
    // The Cellar proposal shape: "3. This Regulation shall be binding in its entirety…"
    const base = assignEids(
      documentOf([
        {
          type: 'body',
          children: [
            article('Article 1', undefined, [content('Scope.')]),
            article('Article 2', 'Entry into force', [
              paragraph('1.', [
                content(
                  'This Regulation shall enter into force on the twentieth day following that of its publication.'
                )
              ]),
              paragraph('2.', [content('It shall apply from 1 January 2021.')]),
              paragraph('3.', [
                content(
                  'This Regulation shall be binding in its entirety and directly applicable in all Member States.'
                )
              ])
            ])
          ]
        }
      ])
    ).document
    const result = applyAmendments(base, sunset)
    expect(own(result.document, 'art_2__para_2')).toBe('It shall apply from 1 January 2021.')
    expect(own(result.document, 'art_2__para_2__subpara_2')).toBe('It shall apply until 15 July 2024.')
    expect(own(result.document, 'art_2__para_3')).toBe(
      'This Regulation shall be binding in its entirety and directly applicable in all Member States.'
    )
    expect(result.log[0]!.description).toBe(
      'Article 2: expiry set to 15 July 2024 (expiry sentence created before the binding-force formula)'
    )
    checkAmendments(base, sunset, result.document)
  })

  it('puts it as a subparagraph before an unnumbered formula, in the sentence form the drafter chose', () => {
    const base = assignEids(
      documentOf([
        {
          type: 'body',
          children: [
            article('Article 1', undefined, [
              content('This Regulation shall enter into force on the day following that of its publication.'),
              subparagraph([
                content(
                  'This Regulation shall be binding in its entirety and directly applicable in all Member States.'
                )
              ])
            ])
          ]
        }
      ])
    ).document
    const amendments: Amendment[] = [
      {id: 's', type: 'sunset', date: '31 December 2027', sentence: 'This Regulation shall expire on {date}.'}
    ]
    const result = applyAmendments(base, amendments)
    expect(textOf(findByEid(result.document, 'art_1')!, {num: false})).toBe(
      'This Regulation shall enter into force on the day following that of its publication.\nThis Regulation shall expire on 31 December 2027.\nThis Regulation shall be binding in its entirety and directly applicable in all Member States.'
    )
    checkAmendments(base, amendments, result.document)
    // create: sentence appends to the text before the formula
    const sentence = applyAmendments(base, [{id: 's', type: 'sunset', date: '31 December 2027', create: 'sentence'}])
    expect(own(sentence.document, 'art_1')).toBe(
      'This Regulation shall enter into force on the day following that of its publication. It shall apply until 31 December 2027.'
    )
  })

  it('can be placed by hand with `at`', () => {
    const base = assignEids(
      documentOf([
        {
          type: 'body',
          children: [
            article('Article 1', undefined, [
              paragraph('1.', [
                content('This Regulation shall enter into force on the day following that of its publication.')
              ]),
              paragraph('2.', [
                content(
                  'This Regulation shall be binding in its entirety and directly applicable in all Member States.'
                )
              ])
            ])
          ]
        }
      ])
    ).document
    const result = applyAmendments(base, [{id: 's', type: 'sunset', date: '2024-07-15', at: {after: 'art_1__para_2'}}])
    expect(own(result.document, 'art_1__para_3')).toBe('It shall apply until 15 July 2024.')
  })
})
