import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {MAX_RUN, type FeatureSet, candidates, dice, isBigram} from '../src/lib/similarity.js'

const BIGRAM = 0x20000000

/** Feature sets over a small vocabulary (words and bigrams), so that items share features often. */
const featureSet = fc
  .uniqueArray(fc.oneof(fc.integer({min: 0, max: 40}), fc.integer({min: BIGRAM, max: BIGRAM + 60})), {maxLength: 30})
  .map((ids) => Uint32Array.from(ids).sort())
const lists = fc.tuple(fc.array(featureSet, {maxLength: 25}), fc.array(featureSet, {maxLength: 25}))

/** What `candidates` is specified to return, computed pair by pair. */
function reference(left: FeatureSet[], right: FeatureSet[], k: number, maxShare: number): Array<[number, number]> {
  const cap = Math.min(MAX_RUN, Math.max(3, Math.ceil(right.length * maxShare)))
  const holders = new Map<number, number>()
  for (const set of right) for (const f of set) if (isBigram(f)) holders.set(f, (holders.get(f) ?? 0) + 1)
  const shared = (a: FeatureSet, b: FeatureSet): number =>
    [...a].filter((f) => isBigram(f) && holders.get(f)! <= cap && b.includes(f)).length
  const out: Array<[number, number]> = []
  const offers: Array<Array<{i: number; count: number}>> = right.map(() => [])
  left.forEach((set, i) => {
    const touched = right
      .map((other, j) => ({j, count: shared(set, other)}))
      .filter((t) => t.count > 0)
      .sort((x, y) => y.count - x.count || x.j - y.j)
    for (const t of touched.slice(0, k)) out.push([i, t.j])
    for (const t of touched) offers[t.j]!.push({i, count: t.count})
  })
  offers.forEach((list, j) => {
    const best = list.sort((x, y) => y.count - x.count || x.i - y.i).slice(0, k)
    for (const {i} of best) out.push([i, j])
  })
  return out
}

describe('candidates', () => {
  it('gives, for each item, the items of the other list sharing most rare bigrams', () => {
    fc.assert(
      fc.property(lists, fc.integer({min: 1, max: 4}), fc.constantFrom(0.05, 0.2), ([left, right], k, maxShare) => {
        expect(candidates(left, right, k, maxShare)).toEqual(reference(left, right, k, maxShare))
      })
    )
  })

  it('orders features across the whole range of bigram ids', () => {
    // Bigram ids span [2^29, 2^30): the index sorts (feature, item) pairs as
    // doubles, whose exponent changes within that range.
    const wide = fc
      .uniqueArray(
        fc.oneof(
          fc.integer({min: 0, max: 40}),
          fc.integer({min: BIGRAM, max: BIGRAM + 30}),
          fc.integer({min: 2 * BIGRAM - 30, max: 2 * BIGRAM - 1})
        ),
        {maxLength: 30}
      )
      .map((ids) => Uint32Array.from(ids).sort())
    fc.assert(
      fc.property(fc.array(wide, {maxLength: 25}), fc.array(wide, {maxLength: 25}), (left, right) => {
        expect(candidates(left, right, 3, 0.2)).toEqual(reference(left, right, 3, 0.2))
      })
    )
  })
})

describe('dice', () => {
  it('is twice the shared features over both sizes', () => {
    fc.assert(
      fc.property(featureSet, featureSet, (a, b) => {
        const shared = [...a].filter((f) => b.includes(f)).length
        expect(dice(a, b)).toBe(a.length + b.length === 0 ? 1 : (2 * shared) / (a.length + b.length))
      })
    )
  })
})
