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
  division,
  documentOf,
  findByEid,
  intro,
  linkReferences,
  paragraph,
  point,
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

  it('is carried over, with its warning, by a replacement of the unit holding it', () => {
    // An article printing two points (a), its text made its paragraph 1 (as an EP amendment numbering it does):
    // the pair comes along, one level down.
    const base = assignEids(
      documentOf([
        {
          type: 'body',
          children: [
            article('Article 1', undefined, [
              intro('This Regulation lays down:'),
              point('(a)', [content('rules;')]),
              point('(a)', [content('bans;')]),
              point('(b)', [content('duties.')])
            ])
          ]
        }
      ])
    ).document
    const article1 = findByEid(base, 'art_1')!
    const wrapped = {
      ...structuredClone(article1),
      children: [paragraph('1.', structuredClone(article1.children) as never)]
    }
    const result = applyAmendments(base, [{id: 'wrap', type: 'replace', target: 'art_1', content: wrapped as never}], {
      targets: 'current',
      renumber: 'amending-act'
    })
    expect(textOf(findByEid(result.document, 'art_1__para_1__point_a_2')!)).toContain('bans;')
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'amend/source-duplicate-number',
        eId: 'art_1__para_1__point_a_2',
        amendment: 'wrap'
      })
    ])
  })

  it('is still refused when a replacement makes one its unit did not have', () => {
    const base = defective()
    const article1 = {
      ...structuredClone(findByEid(base, 'art_1')!),
      children: [paragraph('1.', [content('A.')]), paragraph('1.', [content('B.')])]
    }
    expect(() =>
      applyAmendments(base, [{id: 'bad', type: 'replace', target: 'art_1', content: article1 as never}], {
        targets: 'current',
        renumber: 'amending-act'
      })
    ).toThrow(expect.objectContaining({code: 'amend/duplicate-number', amendment: 'bad'}))
  })
})

describe('references: leave', () => {
  it('leaves the result’s references as they were, for a caller that resolves them later', () => {
    const insert: Amendment = {
      id: 'new',
      type: 'insert',
      at: {after: 'art_2__para_3'},
      content: [paragraph('4.', [content('See Article 1.')])],
      numbering: 'keep'
    }
    const refOf = (document: Document) =>
      (
        findByEid(document, 'art_2__para_4') as unknown as {children: Array<{children: Array<{type: string}>}>}
      ).children[0]!.children.find((c) => c.type === 'ref')
    const resolved = applyAmendments(defective(), [insert], {renumber: 'amending-act'})
    const left = applyAmendments(defective(), [insert], {renumber: 'amending-act', references: 'leave'})
    expect(refOf(resolved.document)).toMatchObject({value: 'Article 1', targets: ['art_1']})
    expect(refOf(left.document)).toMatchObject({value: 'Article 1'})
    expect(refOf(left.document)).not.toMatchObject({targets: ['art_1']})
  })
})

/** Chapter I, then a chapter the source (or its import) numbers V where the sequence has II; Article 3 refers to it. */
function outOfSequence(): Document {
  return linkReferences(
    assignEids(
      documentOf([
        {
          type: 'body',
          children: [
            division('chapter', 'CHAPTER I', undefined, [
              article('Article 1', undefined, [content('First.')]),
              article('Article 2', undefined, [content('Second.')])
            ]),
            division('chapter', 'CHAPTER V', undefined, [
              article('Article 3', undefined, [content('Chapter V and Article 2 apply.')])
            ])
          ]
        }
      ])
    ).document
  )
}

describe('a number out of sequence in the source (found on the CSA proposal)', () => {
  it('keeps its number under sequential renumbering, says so, and the rest still follows', () => {
    const result = applyAmendments(outOfSequence(), [{id: 'gone', type: 'delete', target: 'art_1'}], {
      renumber: 'sequential'
    })
    expect(findByEid(result.document, 'chp_V')?.num).toBe('CHAPTER V')
    expect(textOf(findByEid(result.document, 'art_2')!, {num: false})).toBe('Chapter V and Article 1 apply.')
    expect(result.warnings.filter((w) => w.code === 'amend/source-irregular-number')).toEqual([
      {
        code: 'amend/source-irregular-number',
        eId: 'chp_V',
        message: expect.stringContaining(
          'chp_V is numbered `CHAPTER V` where the sequence of the draft has `CHAPTER II`'
        )
      }
    ])
  })
})
