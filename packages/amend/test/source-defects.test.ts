/**
 * A defect of the source never blocks (issue 11): a draft whose Article 2
 * has two paragraphs numbered "1." (imported as art_2__para_1 and
 * art_2__para_1_2) takes amendments to other provisions, reports the
 * defect as a warning, and an amendment can repair it (setNum).
 */
import {describe, expect, it} from 'vitest'
import {
  article,
  assignEids,
  content,
  documentOf,
  findByEid,
  linkReferences,
  paragraph,
  textOf,
  type Document
} from '@redlex/tree'
import {applyAmendments, type Amendment} from '@redlex/amend'

function defective(): Document {
  return linkReferences(
    assignEids(
      documentOf([
        {
          type: 'body',
          children: [
            article('Article 1', undefined, [content('The gatekeeper shall comply with Article 2(3).')]),
            article('Article 2', undefined, [
              paragraph('1.', [content('First.')]),
              paragraph('1.', [content('Second, numbered 1 by mistake.')]),
              paragraph('3.', [content('Third.')])
            ])
          ]
        }
      ])
    ).document
  )
}

describe('a duplicate number in the source', () => {
  it('is imported with a suffixed eId', () => {
    expect(findByEid(defective(), 'art_2__para_1_2')).toBeDefined()
  })

  for (const renumber of ['amending-act', 'sequential'] as const) {
    it(`lets amendments to other provisions apply and is reported as a warning (${renumber})`, () => {
      const amendments: Amendment[] = [
        {id: 'a1', type: 'substitute', target: 'art_1', text: 'gatekeeper', by: 'provider'}
      ]
      const result = applyAmendments(defective(), amendments, {renumber})
      expect(textOf(findByEid(result.document, 'art_1')!, {num: false})).toBe(
        'The provider shall comply with Article 2(3).'
      )
      expect(result.warnings.filter((w) => w.code === 'amend/source-duplicate-number')).toEqual([
        {
          code: 'amend/source-duplicate-number',
          eId: 'art_2__para_1_2',
          message: expect.stringContaining('art_2__para_1 and art_2__para_1_2 are both numbered `1.`')
        }
      ])
      expect(result.warnings.every((w) => w.amendment !== 'a1')).toBe(true)
    })
  }

  it('can be repaired by setNum (amending act: nothing else is renumbered)', () => {
    const result = applyAmendments(defective(), [{id: 'fix', type: 'setNum', target: 'art_2__para_1_2', num: '2.'}], {
      renumber: 'amending-act'
    })
    expect(findByEid(result.document, 'art_2__para_2')?.num).toBe('2.')
    expect(result.renames).toEqual({art_2__para_1_2: 'art_2__para_2'})
    expect(textOf(findByEid(result.document, 'art_1')!, {num: false})).toBe(
      'The gatekeeper shall comply with Article 2(3).'
    )
  })

  it('is still refused when an amendment creates a new duplicate', () => {
    expect(() =>
      applyAmendments(defective(), [{id: 'bad', type: 'setNum', target: 'art_2__para_3', num: '1.'}], {
        renumber: 'amending-act'
      })
    ).toThrow(expect.objectContaining({code: 'amend/duplicate-number', amendment: 'bad'}))
  })
})
