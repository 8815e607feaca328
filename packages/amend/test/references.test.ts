/**
 * References never go stale in silence: after deletions, moves and
 * renumbering, every internal reference to a renumbered or moved unit is
 * rewritten, and one that names a deleted unit (or cannot follow) gives a
 * warning with the provision, the reference and the reason. The draft below
 * reproduces the cases a drafter met on a real 2020 proposal (issue 13).
 */
import {describe, expect, it} from 'vitest'
import {
  article,
  assignEids,
  content,
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
import {checkAmendments, edited} from './helpers.js'

const letters = (upTo: string): string[] => 'abcdefghijk'.slice(0, 'abcdefghijk'.indexOf(upTo) + 1).split('')

function draft(): Document {
  return linkReferences(
    assignEids(
      documentOf([
        {
          type: 'body',
          children: [
            article('Article 1', undefined, [content('This Regulation applies; see Article 2 and Article 3.')]),
            article('Article 2', undefined, [
              paragraph('1.', [content('Definitions apply.')]),
              paragraph('2.', [
                intro('The following are covered:'),
                ...letters('g').map((l) => point(`(${l})`, [content(`case ${l};`)])),
                point('(h)', [content('any combination of points (a) to (g).')])
              ])
            ]),
            article('Article 3', undefined, [
              paragraph('1.', [
                intro('Providers shall:'),
                point('(a)', [content('assess;')]),
                point('(b)', [content('mitigate;')]),
                point('(c)', [content('report.')])
              ]),
              paragraph('2.', [
                content('The measures under paragraph 1 point (b) and paragraph 1(c) shall be effective.')
              ])
            ]),
            article('Article 4', undefined, [content('Reserved.')]),
            article('Article 5', undefined, [content('Reserved.')]),
            article('Article 6', undefined, [
              paragraph('1.', [
                intro('Processing is lawful where:'),
                ...letters('k').map((l) => point(`(${l})`, [content(`ground ${l};`)]))
              ])
            ]),
            article('Article 7', undefined, [content('Article 6(1) points (j) and (k) apply.')]),
            article('Article 8', undefined, [content('Article 6(1) points (e), (f), (h) and (i) apply.')]),
            article('Article 9', undefined, [content('Points (h), (i) and (j) of Article 6(1) apply.')])
          ]
        }
      ])
    ).document
  )
}

const own = (doc: Document, eId: string): string => textOf(findByEid(doc, eId)!, {num: false, deep: false})

describe('references after deletions (sequential renumbering)', () => {
  const amendments: Amendment[] = [
    {id: 'd-6e', type: 'delete', target: 'art_6__para_1__point_e', provenance: {conclusion: 'c4'}},
    {id: 'd-2g', type: 'delete', target: 'art_2__para_2__point_g', provenance: {conclusion: 'c5'}},
    {id: 'd-3a', type: 'delete', target: 'art_3__para_1__point_a', provenance: {conclusion: 'c6'}}
  ]

  it('rewrites every reference to a unit that moved up, in every form', () => {
    const result = applyAmendments(draft(), amendments, {renumber: 'sequential'})
    expect(own(result.document, 'art_7')).toBe('Article 6(1) points (i) and (j) apply.')
    expect(own(result.document, 'art_9')).toBe('Points (g), (h) and (i) of Article 6(1) apply.')
    expect(own(result.document, 'art_3__para_2')).toBe(
      'The measures under paragraph 1 point (a) and paragraph 1(b) shall be effective.'
    )
  })

  it('warns about each reference that names a deleted unit: provision, reference, reason', () => {
    const result = applyAmendments(draft(), amendments, {renumber: 'sequential'})
    const byCode = (code: string): string[] =>
      result.warnings.filter((w) => w.code === code).map((w) => `${w.eId} ${w.amendment}: ${w.message}`)
    expect(byCode('amend/reference-to-deleted')).toEqual([
      'art_8 d-6e: Article 8: `Article 6(1) points (e), (f), (h) and (i)` names Article 6(1), point (e), which amendment d-6e deletes; the reference is not changed for it (its other numbers still follow a renumbering): rewrite it with a substitute',
      // the range's end is deleted: after relettering, "points (a) to (g)" would name the point holding it
      'art_2__para_2__point_h d-2g: Article 2(2), point (h): `points (a) to (g)` names Article 2(2), point (g), which amendment d-2g deletes; the reference is not changed for it (its other numbers still follow a renumbering): rewrite it with a substitute'
    ])
    // The list's other numbers follow; the renumbering says the deleted one was kept.
    expect(own(result.document, 'art_8')).toBe('Article 6(1) points (e), (e), (g) and (h) apply.')
    expect(byCode('amend/reference-kept')).toEqual([
      expect.stringMatching(
        /^art_8 #renumber: `Article 6\(1\) points \(e\), \(f\), \(h\) and \(i\)` kept as written: its other numbers were rewritten, but `6\/1\/e` names no unit/
      )
    ])
  })

  it('keeps the all-or-nothing invariants (inverse gives back the draft)', () => {
    const base = draft()
    const result = applyAmendments(base, amendments, {renumber: 'sequential'})
    checkAmendments(base, amendments, result.document, {renumber: 'sequential'})
  })
})

describe('references to moved units', () => {
  const move: Amendment[] = [{id: 'm1', type: 'move', target: 'art_2', to: {after: 'art_9'}}]

  it('amending act: a moved article is named by its new number', () => {
    const base = draft()
    const expected = edited(base, (copy, at) => {
      const body = copy.children.find((c) => c.type === 'body') as {children: unknown[]}
      const moved = at('art_2')
      body.children.splice(body.children.indexOf(moved), 1)
      body.children.push(moved)
      ;(moved as {num: string}).num = 'Article 10'
      ;(at('art_1') as {children: Array<{children: unknown[]}>}).children[0]!.children = [
        {type: 'text', value: 'This Regulation applies; see Article 10 and Article 3.'}
      ]
    })
    const result = checkAmendments(base, move, expected, {renumber: 'amending-act'})
    expect(result.warnings).toEqual([])
  })

  it('sequential: the move and the renumbering both follow', () => {
    const result = applyAmendments(draft(), move, {renumber: 'sequential'})
    expect(own(result.document, 'art_1')).toBe('This Regulation applies; see Article 9 and Article 2.')
    expect(own(result.document, 'art_8')).toBe('Points (h), (i) and (j) of Article 5(1) apply.')
    expect(result.warnings).toEqual([])
  })
})
