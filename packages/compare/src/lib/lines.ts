/**
 * Alignment of two lists of lines compared as lists (frame blocks, the
 * footnotes of one place): which line of the first version is which line of
 * the second, so that one inserted line shifts nothing after it.
 *
 * 1. Equal lines (same group, same text) are matched by the Myers search the
 *    redlines use, over line ids: a longest common subsequence, bounded by a
 *    count of steps (never a clock). Past the bound, no line is matched.
 * 2. Between two matched lines, the lines left over on both sides are paired
 *    by similarity (the share of words they have in common) in order: the
 *    pairing with the highest total similarity among order-preserving ones
 *    (a weighted longest common subsequence, bounded by `MAX_GAP_CELLS`).
 *    A pair is one line edited, redlined word by word; an unpaired line is
 *    inserted or deleted: a line replaced by an unrelated one is shown as
 *    such, not as a redline that keeps nothing.
 */
import {REDLINE_STEPS} from './legal-diff.js'
import {KeyIds, myersIds, type Run} from './myers.js'
import {tokenize} from './tokenize.js'

/** How a list item reads for the alignment. */
export interface LineView<T> {
  /** Lines of different groups never pair (`kind:name` for frame blocks). */
  group: (item: T) => string
  text: (item: T) => string
}

/** One step of the alignment: a matched pair, a deleted line (`after` undefined) or an inserted one. */
export type LinePair<T> = readonly [before: T | undefined, after: T | undefined]

export interface LineAlignment<T> {
  /** Every line of both lists once, in order: the first list's order and the second's both preserved. */
  pairs: Array<LinePair<T>>
  /** True when a work bound stopped a search: lines that may be equal were left unmatched. */
  fallback: boolean
}

/** Least word similarity (Dice) for two leftover lines to be one line edited rather than one replaced. */
export const LINE_SIMILARITY = 0.5

/**
 * Most cells of the similarity table of one gap (leftover lines before ×
 * after). Past it the gap's lines stay unpaired: shown as deleted and
 * inserted, which is never wrong, only less precise.
 */
export const MAX_GAP_CELLS = 1 << 18

export function alignLines<T>(before: readonly T[], after: readonly T[], view: LineView<T>): LineAlignment<T> {
  const keys = new KeyIds()
  const idsOf = (items: readonly T[]): Int32Array => {
    const ids = new Int32Array(items.length)
    for (let i = 0; i < items.length; i++) ids[i] = keys.id(view.group(items[i]!) + '\u0000' + view.text(items[i]!))
    return ids
  }
  const {runs, fallback} = equalRuns(idsOf(before), idsOf(after))
  const words = new KeyIds()
  const pairs: Array<LinePair<T>> = []
  let removed: T[] = []
  let added: T[] = []
  let gapFallback = false
  const flush = (): void => {
    gapFallback = pairGap(removed, added, view, words, pairs) || gapFallback
    removed = []
    added = []
  }
  let i = 0
  let j = 0
  for (const run of runs) {
    for (let k = 0; k < run.count; k++) {
      if (run.removed) removed.push(before[i++]!)
      else if (run.added) added.push(after[j++]!)
      else {
        flush()
        pairs.push([before[i++]!, after[j++]!])
      }
    }
  }
  flush()
  return {pairs, fallback: fallback || gapFallback}
}

/** Myers runs over line ids; past the step bound, all removed then all added. */
function equalRuns(a: Int32Array, b: Int32Array): {runs: Run[]; fallback: boolean} {
  const {runs} = a.length > 0 && b.length > 0 ? myersIds(a, b, undefined, {maxSteps: REDLINE_STEPS}) : {runs: undefined}
  if (runs) return {runs, fallback: false}
  const out: Run[] = []
  if (a.length > 0) out.push({count: a.length, added: false, removed: true})
  if (b.length > 0) out.push({count: b.length, added: true, removed: false})
  return {runs: out, fallback: a.length > 0 && b.length > 0}
}

/**
 * Pair the leftover lines of one gap and append the gap to `out`: before
 * each pair, the unpaired deleted lines, then the unpaired inserted ones.
 * Returns true when the gap was too large to pair.
 */
function pairGap<T>(
  removed: readonly T[],
  added: readonly T[],
  view: LineView<T>,
  words: KeyIds,
  out: Array<LinePair<T>>
): boolean {
  const n = removed.length
  const m = added.length
  const tooLarge = n > 0 && m > 0 && n * m > MAX_GAP_CELLS
  const matches = n > 0 && m > 0 && !tooLarge ? bestPairing(removed, added, view, words) : []
  let i = 0
  let j = 0
  for (const [x, y] of [...matches, [n, m] as [number, number]]) {
    while (i < x) out.push([removed[i++]!, undefined])
    while (j < y) out.push([undefined, added[j++]!])
    if (x < n && y < m) out.push([removed[i++]!, added[j++]!])
  }
  return tooLarge
}

/**
 * The order-preserving pairing with the highest total similarity, pairs below
 * `LINE_SIMILARITY` or across groups excluded: a dynamic programme over the
 * n × m table, walked back from the end (ties: skip a deleted line first,
 * so the result depends on the input only).
 */
function bestPairing<T>(
  removed: readonly T[],
  added: readonly T[],
  view: LineView<T>,
  words: KeyIds
): Array<[number, number]> {
  const n = removed.length
  const m = added.length
  const bags = (items: readonly T[]): Int32Array[] => items.map((item) => wordBag(view.text(item), words))
  const left = bags(removed)
  const right = bags(added)
  const score = new Float64Array(n * m)
  for (let i = 0; i < n; i++) {
    const group = view.group(removed[i]!)
    for (let j = 0; j < m; j++) {
      if (view.group(added[j]!) !== group) continue
      const similarity = diceOfBags(left[i]!, right[j]!)
      if (similarity >= LINE_SIMILARITY) score[i * m + j] = similarity
    }
  }
  // best[i][j]: the highest total over removed[i..] and added[j..].
  const width = m + 1
  const best = new Float64Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const pair = score[i * m + j]! > 0 ? score[i * m + j]! + best[(i + 1) * width + j + 1]! : 0
      best[i * width + j] = Math.max(best[(i + 1) * width + j]!, best[i * width + j + 1]!, pair)
    }
  }
  const matches: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    const here = best[i * width + j]!
    if (here === 0) break
    if (best[(i + 1) * width + j] === here) i++
    else if (best[i * width + j + 1] === here) j++
    else {
      matches.push([i, j])
      i++
      j++
    }
  }
  return matches
}

/** A line's words (tokens other than spaces, by their comparison key) as sorted ids: a multiset. */
function wordBag(text: string, words: KeyIds): Int32Array {
  const ids: number[] = []
  for (const token of tokenize(text)) if (token.type !== 'space') ids.push(words.id(token.key))
  return Int32Array.from(ids).sort()
}

/** Dice similarity of two multisets of sorted ids: twice the shared count over the total. */
function diceOfBags(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0
  let shared = 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      shared++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return (2 * shared) / (a.length + b.length)
}
