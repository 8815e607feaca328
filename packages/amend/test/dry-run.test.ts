/** dryRunAmendments: every problem of a list at once, nothing applied. */
import {describe, expect, it} from 'vitest'
import {dryRunAmendments, type Amendment} from '@redlex/amend'
import {sample} from './helpers.js'

describe('dryRunAmendments', () => {
  it('reports every amendment that cannot be applied, in order, and carries on after each', () => {
    const base = sample()
    const frozen = structuredClone(base)
    const amendments: Amendment[] = [
      {id: 'gone', type: 'delete', target: 'art_2__para_1__point_b'},
      {id: 'no-such', type: 'delete', target: 'art_9', provenance: {conclusion: 'c1'}},
      {id: 'after-gone', type: 'substitute', target: 'art_2__para_1__point_b', text: 'children', by: 'minors'},
      {id: 'no-text', type: 'substitute', target: 'art_3', text: 'proportional', by: 'proportionate'},
      {id: 'fine', type: 'substitute', target: 'art_1', text: 'temporary', by: 'interim'}
    ]
    const {problems, warnings} = dryRunAmendments(base, amendments)
    expect(problems.map((p) => [p.amendment, p.code])).toEqual([
      ['no-such', 'amend/target-not-found'],
      ['after-gone', 'amend/target-deleted'],
      ['no-text', 'amend/text-not-found']
    ])
    expect(problems[0]!.conclusion).toBe('c1')
    expect(problems[0]!.expected).toEqual(['art_1', 'art_2', 'art_3', 'art_4'])
    expect(problems[2]!.actual).toContain('The processing shall be proportionate.')
    // point (b)'s own reference goes with it; recital 3 names point (a), untouched
    expect(warnings).toEqual([])
    expect(base).toEqual(frozen)
  })

  it('finds nothing in a list that applies', () => {
    expect(
      dryRunAmendments(sample(), [{id: 'fine', type: 'substitute', target: 'art_1', text: 'temporary', by: 'interim'}])
        .problems
    ).toEqual([])
  })
})
