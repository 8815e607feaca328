/** A comparison of the proposal with the EP's text names every change by its EP amendment. */
import {describe, expect, it} from 'vitest'
import {causeAuthor, causeGroups, compareDocuments, isOwnChange, type ProvisionChange} from '@redlex/compare'
import {applyEpText, readEpText} from '@redlex/ep'
import {fixtureHtml, proposal} from './helpers.js'

describe('the comparison of the proposal with the EP’s text', () => {
  const base = proposal()
  const result = applyEpText(base, readEpText(fixtureHtml()))
  const comparison = compareDocuments(base, result.document, {log: result.log})
  const changes: ProvisionChange[] = []
  const visit = (list: readonly ProvisionChange[]): void => {
    for (const c of list) {
      if (isOwnChange(c)) changes.push(c)
      if (c.status !== 'inserted' && c.status !== 'deleted') visit(c.children)
    }
  }
  visit(comparison.changes)
  const named = (eId: string) => changes.find((c) => (c.after?.eId ?? c.before?.eId) === eId)!

  it('names each change by its EP amendment, however many typed amendments it took', () => {
    expect(changes.length).toBeGreaterThanOrEqual(10)
    for (const change of changes) {
      expect(change.causes?.length, change.after?.eId ?? change.before?.eId).toBeGreaterThan(0)
      for (const group of causeGroups(change.causes))
        for (const name of group.amendments) expect(name).toMatch(/^EP amendment \d/)
    }
    expect(causeGroups(named('rec_1').causes).map((g) => g.amendments)).toEqual([['EP amendment 2']])
    expect(named('rec_1').causes!.map((c) => c.amendment)).toEqual(['ep-2.1', 'ep-2.2'])
  })

  it('authors tracked changes as the EP amendment', () => {
    expect(causeAuthor(named('art_1__para_1a').causes)).toBe('EP amendment 5')
    expect(causeAuthor(named('art_2__para_1__point_b__indent_2').causes)).toBe('EP amendment 8')
  })
})
