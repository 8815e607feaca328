/**
 * Alignment of two lists of provisions: a global assignment, best pair
 * first, with a preference for pairs that keep the document order.
 *
 * 1. Strong pairs (score ≥ `strong`) are taken greedily, best first. Their
 *    longest order-preserving chain becomes the anchors.
 * 2. Weaker pairs (≥ `weak`) are taken best first, a pair that fits between
 *    the anchors getting a bonus; a pair against the order needs `moveMargin`
 *    more to be taken (a move needs more evidence than a renumbering).
 * 3. Leftover pairs with the same identity (eId, or a known rename) that fit
 *    the order are taken when their score reaches `floor`.
 *
 * An identity match is only a bonus: when a document was renumbered as a
 * whole, `art_2` against `art_2` scores low and loses to the far better
 * `art_2` against `art_3`. Cost: sorting the candidate pairs, O(p log p).
 */
import {longestIncreasing} from './similarity.js'

export interface AlignThresholds {
  strong: number
  weak: number
  floor: number
  moveMargin: number
}

export interface AlignInput {
  /** Candidate pairs `[before index, after index]` (duplicates allowed). */
  candidates: ReadonlyArray<readonly [number, number]>
  /** Similarity of a pair in [0, 1], or `undefined` when the pair may not match. */
  score: (before: number, after: number) => number | undefined
  /** The after index with the same identity as a before index, if any. */
  identity: (before: number) => number | undefined
  /** True when the pair is known to match (a rename recorded by an amendment run). */
  forced?: (before: number, after: number) => boolean
  thresholds: AlignThresholds
}

export interface Match {
  before: number
  after: number
  score: number
  /** False when the pair goes against the order of the other matches (a move). */
  inOrder: boolean
}

const IDENTITY_BONUS = 0.1
const ORDER_BONUS = 0.1

export function align(input: AlignInput): Match[] {
  const {thresholds} = input
  const scored = new Map<number, {before: number; after: number; score: number}>()
  const consider = (i: number, j: number): void => {
    const key = i * 0x100000 + j
    if (scored.has(key)) return
    let score = input.score(i, j)
    if (score === undefined) return
    if (input.identity(i) === j) score += IDENTITY_BONUS
    if (input.forced?.(i, j)) score += 10
    scored.set(key, {before: i, after: j, score})
  }
  // An indexed loop: no iterator results to allocate, even before the JIT compiles it.
  for (let k = 0; k < input.candidates.length; k++) {
    const pair = input.candidates[k]!
    consider(pair[0], pair[1])
  }
  const pairs = [...scored.values()].sort((x, y) => y.score - x.score || x.before - y.before || x.after - y.after)

  const usedBefore = new Map<number, number>()
  const usedAfter = new Set<number>()
  const accepted: Array<{before: number; after: number; score: number}> = []
  const take = (pair: {before: number; after: number; score: number}): void => {
    usedBefore.set(pair.before, pair.after)
    usedAfter.add(pair.after)
    accepted.push(pair)
  }

  // 1. Strong pairs.
  for (const pair of pairs) {
    if (pair.score < thresholds.strong) break
    if (usedBefore.has(pair.before) || usedAfter.has(pair.after)) continue
    take(pair)
  }
  // 2. Weaker pairs, order-preserving ones first.
  let chain = chainOf(accepted)
  const rest: Array<{before: number; after: number; score: number; fits: boolean; rank: number}> = []
  for (const p of pairs) {
    if (p.score < thresholds.weak || usedBefore.has(p.before) || usedAfter.has(p.after)) continue
    const fit = fits(chain, p.before, p.after)
    rest.push({before: p.before, after: p.after, score: p.score, fits: fit, rank: p.score + (fit ? ORDER_BONUS : 0)})
  }
  rest.sort((x, y) => y.rank - x.rank || x.before - y.before || x.after - y.after)
  for (const pair of rest) {
    if (usedBefore.has(pair.before) || usedAfter.has(pair.after)) continue
    if (!pair.fits && pair.score < thresholds.weak + thresholds.moveMargin) continue
    take(pair)
  }
  // 3. Same identity, in order, above the floor.
  chain = chainOf(accepted)
  for (const pair of pairs) {
    if (usedBefore.has(pair.before) || usedAfter.has(pair.after)) continue
    if (input.identity(pair.before) !== pair.after) continue
    if (pair.score - IDENTITY_BONUS < thresholds.floor || !fits(chain, pair.before, pair.after)) continue
    take(pair)
  }

  const sorted = accepted.sort((x, y) => x.before - y.before)
  const inOrder = longestIncreasing(sorted.map((p) => [p.before, p.after] as const))
  return sorted.map((p, k) => ({
    before: p.before,
    after: p.after,
    score: Math.min(1, p.score),
    inOrder: inOrder.has(k)
  }))
}

interface Chain {
  before: number[]
  after: number[]
}

/** The longest order-preserving chain of accepted pairs. */
function chainOf(accepted: ReadonlyArray<{before: number; after: number}>): Chain {
  const sorted = [...accepted].sort((x, y) => x.before - y.before)
  const keep = longestIncreasing(sorted.map((p) => [p.before, p.after] as const))
  const chain: Chain = {before: [], after: []}
  sorted.forEach((p, k) => {
    if (keep.has(k)) {
      chain.before.push(p.before)
      chain.after.push(p.after)
    }
  })
  return chain
}

/** True when the pair sits between its chain neighbours in both lists. */
function fits(chain: Chain, i: number, j: number): boolean {
  let lo = 0
  let hi = chain.before.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (chain.before[mid]! < i) lo = mid + 1
    else hi = mid
  }
  const previous = lo - 1
  const next = lo < chain.before.length && chain.before[lo] === i ? -1 : lo
  if (previous >= 0 && chain.after[previous]! >= j) return false
  if (next >= 0 && next < chain.after.length && chain.after[next]! <= j) return false
  return true
}
