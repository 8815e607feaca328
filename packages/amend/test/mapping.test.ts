/** EidMapping: every provision followed through an application; composable, invertible. */
import {describe, expect, it} from 'vitest'
import {article, content, listProvisions} from '@redlex/tree'
import {applyAmendments, applyInverse, EidMapping, type Amendment} from '@redlex/amend'
import {sample} from './helpers.js'

const ids = (doc: Parameters<typeof listProvisions>[0]): string[] => listProvisions(doc).map((p) => p.node.eId)

describe('EidMapping', () => {
  const amendments: Amendment[] = [
    {id: 'ins', type: 'insert', at: {after: 'art_1'}, content: [article('Article 9', undefined, [content('New.')])]},
    {id: 'del', type: 'delete', target: 'rec_2'}
  ]

  it('is returned with the result and maps every base eId: renamed, kept or deleted', () => {
    const base = sample()
    const result = applyAmendments(base, amendments, {renumber: 'sequential'})
    const m = result.mapping
    expect(m.map('art_2')).toBe('art_3')
    expect(m.map('art_2__para_1__point_a')).toBe('art_3__para_1__point_a')
    expect(m.map('art_1')).toBe('art_1')
    expect(m.map('rec_2')).toBeNull()
    expect(m.map('rec_3')).toBe('rec_2')
    expect(m.map('art_99')).toBeUndefined()
    expect(m.inserted).toEqual(['art_2'])
    expect(m.deleted).toEqual(['rec_2'])
    expect(m.renames).toEqual(result.renames)
    // every result eId is reached from the base or inserted
    const reached = ids(base)
      .map((eId) => m.map(eId))
      .filter((eId): eId is string => typeof eId === 'string')
    expect([...reached, ...m.inserted].sort()).toEqual(ids(result.document).sort())
  })

  it('inverts: the inverse application maps back exactly as mapping.invert()', () => {
    const base = sample()
    const result = applyAmendments(base, amendments, {renumber: 'sequential'})
    const back = applyAmendments(result.document, result.inverse, {targets: 'current', renumber: 'amending-act'})
    const inverted = result.mapping.invert()
    for (const eId of ids(result.document)) expect(inverted.map(eId), eId).toBe(back.mapping.map(eId))
    expect(inverted.inserted).toEqual(['rec_2'])
    expect(applyInverse(result.document, result.inverse)).toBeDefined()
  })

  it('composes: two applications in a row map as one', () => {
    const base = sample()
    const first = applyAmendments(base, amendments, {renumber: 'sequential'})
    const second = applyAmendments(first.document, [{id: 'd', type: 'delete', target: 'art_1'}], {
      renumber: 'sequential'
    })
    const both = first.mapping.compose(second.mapping)
    expect(both.map('art_1')).toBeNull()
    expect(both.map('art_2')).toBe('art_2') // base Article 2 → 3 → 2
    expect(both.inserted).toEqual(['art_1']) // the inserted article, renumbered to 1
    expect(both.deleted).toEqual(['rec_2', 'art_1'])
    // composing with the inverse gives the identity on what survives
    const round = first.mapping.compose(first.mapping.invert())
    for (const eId of ids(base)) if (first.mapping.map(eId) !== null) expect(round.map(eId)).toBe(eId)
  })

  it('refuses two eIds mapped to one', () => {
    expect(
      () =>
        new EidMapping([
          ['a', 'x'],
          ['b', 'x']
        ])
    ).toThrow(TypeError)
    expect(EidMapping.identity(['a']).toJSON()).toEqual({map: {a: 'a'}, inserted: []})
  })
})
