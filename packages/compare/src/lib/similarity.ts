/**
 * Text similarity for alignment: Dice's coefficient over sets of word
 * features (lower-cased words and word bigrams; references, dates and
 * amounts count as one word). Feature strings are interned to numbers and a
 * set is a sorted `Uint32Array`, so that unions and intersections are
 * linear merges.
 */
import {KeyIds, PUNCTUATION_TOKEN, SPACE_TOKEN, type TokenList} from './tokenize.js'

/** A sorted array of distinct feature ids. */
export type FeatureSet = Uint32Array

const EMPTY: FeatureSet = new Uint32Array(0)

/**
 * Interns words to ids (below 2^29); a bigram's id is a 29-bit hash of its
 * two word ids, offset by 2^29 (a rare collision only blurs a score a little).
 * One space per comparison. It also holds the comparison's table of token
 * key ids (`keys`), and maps a key id to its word id once, so that a word is
 * lower-cased and looked up once per comparison, not once per occurrence.
 */
export class FeatureSpace {
  readonly ids = new Map<string, number>()
  readonly keys = new KeyIds()
  /** Key id → word id + 1 (0: not known yet). */
  private wordOfKey = new Int32Array(1024)
  /**
   * Where `of` writes a list's features before sorting them into a set of
   * their own: one array per space, not one per list (a typed array of more
   * than 64 bytes is memory allocated and freed outside V8's heap, and a
   * first comparison makes some 2 000 feature sets).
   */
  private scratch = new Uint32Array(1024)

  id(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) {
      id = this.ids.size
      this.ids.set(word, id)
    }
    return id
  }

  /** The features of a token list made with `keys` (punctuation and whitespace skipped). */
  of(tokens: TokenList): FeatureSet {
    const {type, id} = tokens
    // At most a word and a bigram per token, written straight into a typed array.
    if (2 * tokens.length > this.scratch.length) this.scratch = new Uint32Array(2 * 2 * tokens.length)
    const out = this.scratch
    let n = 0
    let previous = -1
    // Every key id is below the size of `keys`: grown before the loop, not in it
    // (a branch the loop takes rarely sends its compiled code back to the interpreter).
    if (this.keys.map.size > this.wordOfKey.length) this.grow(this.keys.map.size)
    for (let i = 0; i < tokens.length; i++) {
      if (type[i] === PUNCTUATION_TOKEN || type[i] === SPACE_TOKEN) continue
      const key = id[i]!
      let word = this.wordOfKey[key]! - 1
      if (word === -1) this.wordOfKey[key] = (word = this.id(this.keys.keys[key]!.toLowerCase())) + 1
      out[n++] = word
      if (previous !== -1) out[n++] = bigramId(previous, word)
      previous = word
    }
    return n === 0 ? EMPTY : distinct(out.subarray(0, n))
  }

  /** Room in `wordOfKey` for key ids below `size`. */
  private grow(size: number): void {
    const grown = new Int32Array(Math.max(size, this.wordOfKey.length * 2))
    grown.set(this.wordOfKey)
    this.wordOfKey = grown
  }
}

// Bigram ids live in [2^29, 2^30): small integers (Smis) for V8, which
// keeps Maps keyed by them fast; word ids stay below 2^29.
const BIGRAM = 0x20000000

function bigramId(first: number, second: number): number {
  return ((Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca6b)) & (BIGRAM - 1)) | BIGRAM
}

/** True for the id of a bigram. */
export function isBigram(id: number): boolean {
  return id >= BIGRAM
}

/** Sorted, without duplicates, in an array of its own size. */
function distinct(ids: Uint32Array): FeatureSet {
  ids.sort()
  let n = 0
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[n++] = ids[i]!
  return ids.slice(0, n)
}

/** The union of feature sets. */
export function union(sets: readonly FeatureSet[]): FeatureSet {
  const nonEmpty = sets.filter((s) => s.length > 0)
  if (nonEmpty.length === 0) return EMPTY
  if (nonEmpty.length === 1) return nonEmpty[0]!
  let total = 0
  for (const s of nonEmpty) total += s.length
  const all = new Uint32Array(total)
  let at = 0
  for (const s of nonEmpty) {
    all.set(s, at)
    at += s.length
  }
  all.sort()
  let n = 0
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!
  return all.subarray(0, n)
}

/** Dice's coefficient: 2|A∩B| / (|A|+|B|); 1 for two empty sets. */
export function dice(a: FeatureSet, b: FeatureSet): number {
  if (a.length === 0 && b.length === 0) return 1
  if (a.length === 0 || b.length === 0) return 0
  let i = 0
  let j = 0
  let shared = 0
  // A merge without branches on the data: which side steps is arithmetic
  // (ids are below 2^30, so differences are exact 32-bit integers). Half
  // the steps of a merge of unrelated sets mispredicted a branch; this
  // loop ran in 60 % of the time on sets the size of provisions'.
  while (i < a.length && j < b.length) {
    const x = a[i]! | 0
    const y = b[j]! | 0
    const stepA = (x - y - 1) >>> 31 // 1 when x <= y
    const stepB = (y - x - 1) >>> 31 // 1 when y <= x
    shared += stepA & stepB
    i += stepA
    j += stepB
  }
  return (2 * shared) / (a.length + b.length)
}

/** The highest Dice's coefficient two sets of these sizes can reach. */
export function diceBound(a: FeatureSet, b: FeatureSet): number {
  if (a.length === 0 && b.length === 0) return 1
  return (2 * Math.min(a.length, b.length)) / (a.length + b.length)
}

/** Most items one feature's run may hold and still count (lists of more than 5 120 items only). */
export const MAX_RUN = 256

/**
 * Candidate pairs by shared rare features (an inverted index), so that long
 * lists are not compared all against all: for each item of either list, the
 * `k` items of the other list sharing most bigram features whose document
 * frequency is at most `maxShare` of `right` (at least 3 items, at most `MAX_RUN`).
 */
export function candidates(
  left: readonly FeatureSet[],
  right: readonly FeatureSet[],
  k = 8,
  maxShare = 0.05
): Array<[number, number]> {
  const index = invertedIndex(right)
  // A feature shared by more items than this says little and costs much:
  // its run is skipped (at most MAX_RUN, so that a list of any length costs
  // at most MAX_RUN items per feature of each left item).
  const cap = Math.min(MAX_RUN, Math.max(3, Math.ceil(right.length * maxShare)))
  const out: Array<[number, number]> = []
  const best = new BestPartners(right.length, k)
  const ranking = new Ranking(right.length)
  // Each loop of this search is a function of its own: the JIT compiles a
  // hot loop by itself instead of recompiling a whole function whenever
  // code after the loop runs for the first time (this runs once per list).
  for (let i = 0; i < left.length; i++) ranking.rank(left[i]!, index, cap, i, k, out, best)
  best.pairs(out)
  return out
}

/** The right items sharing features with one left item, best first (scratch tables reused for every left item). */
class Ranking {
  readonly counts: Int32Array
  /** Sort keys: fewest missing shared features first, then lowest right index (pairs, see `pairWords`). */
  readonly order: Float64Array
  readonly orderWords: Uint32Array
  readonly touched: number[] = []

  constructor(items: number) {
    this.counts = new Int32Array(items)
    this.order = new Float64Array(items)
    this.orderWords = pairWords(this.order)
  }

  /** Push `[i, j]` for the `k` right items `j` sharing most features with `set`, and offer `i` to every item touched. */
  rank(
    set: FeatureSet,
    index: InvertedIndex,
    cap: number,
    i: number,
    k: number,
    out: Array<[number, number]>,
    best: BestPartners
  ): void {
    const {counts, touched} = this
    countShared(set, index, cap, counts, touched)
    // Most shared features first (ties: lower right index first): one numeric sort, no comparator.
    sortKeys(counts, touched, this.orderWords)
    this.order.subarray(0, touched.length).sort()
    offerAll(this.orderWords, touched.length, counts, i, k, out, best)
    clear(counts, touched)
  }
}

/**
 * The touched items as pairs that sort best first: (most shared − shared, item).
 * The first is offset by 2^20 so that every key is a normal double (see `pairWords`).
 */
function sortKeys(counts: Int32Array, touched: readonly number[], words: Uint32Array): void {
  let most = 0
  for (let n = 0; n < touched.length; n++) if (counts[touched[n]!]! > most) most = counts[touched[n]!]!
  for (let n = 0; n < touched.length; n++) {
    words[2 * n + HIGH] = most - counts[touched[n]!]! + 0x100000
    words[2 * n + LOW] = touched[n]!
  }
}

function offerAll(
  words: Uint32Array,
  length: number,
  counts: Int32Array,
  i: number,
  k: number,
  out: Array<[number, number]>,
  best: BestPartners
): void {
  for (let n = 0; n < length; n++) {
    const j = words[2 * n + LOW]!
    if (n < k) out.push([i, j])
    best.offer(j, counts[j]!, i)
  }
}

/**
 * Pairs of integers sorted as pairs by one native numeric sort, with no
 * number allocated: a pair is written through this `Uint32Array` view as
 * the high word (`HIGH`) and the low word (`LOW`) of a float64 of
 * `numbers`. Non-negative doubles sort in the order of their bits, so
 * sorting `numbers` sorts the pairs, given a first of at least 2^20 and
 * below 2^31 (a normal, positive double). Keys computed as
 * `first · 2^k + second` were doubles: a heap number per key and step
 * before the JIT had compiled the loops (5 MB of a first comparison's
 * 44 MB). The words are written inline, not by a helper: calls cost more
 * than the numbers did in code not compiled yet.
 */
function pairWords(numbers: Float64Array): Uint32Array {
  return new Uint32Array(numbers.buffer, numbers.byteOffset, 2 * numbers.length)
}

/** Which 32-bit word of a float64 holds its high bits: typed arrays use the machine's byte order. */
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0
const LOW = 1 - HIGH

function clear(counts: Int32Array, touched: number[]): void {
  for (let n = 0; n < touched.length; n++) counts[touched[n]!] = 0
  touched.length = 0
}

/**
 * The bigram features of a list as an inverted index, without an array per
 * feature: the distinct features in ascending order, where each one's run
 * starts, and the items in feature order (ascending within a feature).
 * Indexed loops throughout: they allocate nothing, even before the JIT
 * compiles them (a for-of over a typed array makes an iterator result per
 * element until then, and this runs once per comparison).
 */
interface InvertedIndex {
  /** Bigram ids are below 2^30: they fit an Int32Array (small integers, not doubles, when read). */
  features: Int32Array
  runStart: Int32Array
  items: Int32Array
}

function invertedIndex(right: readonly FeatureSet[]): InvertedIndex {
  // (feature, item) pairs sorted by feature, then item (see `pairWords`:
  // bigram ids are at least 2^29 and below 2^30).
  const keys = new Float64Array(countBigrams(right))
  const words = pairWords(keys)
  bigramKeys(right, words)
  keys.sort()
  const total = keys.length
  const index: InvertedIndex = {
    features: new Int32Array(total),
    runStart: new Int32Array(total + 1),
    items: new Int32Array(total)
  }
  const runs = splitRuns(words, index)
  index.runStart[runs] = total
  index.features = index.features.subarray(0, runs)
  index.runStart = index.runStart.subarray(0, runs + 1)
  return index
}

function countBigrams(sets: readonly FeatureSet[]): number {
  let total = 0
  for (let j = 0; j < sets.length; j++) total += sets[j]!.length - firstBigram(sets[j]!)
  return total
}

/**
 * Where a set's bigrams start: a set is ascending and bigram ids are above
 * word ids, so its bigrams are its tail (found by bisection, not a test per feature).
 */
function firstBigram(set: FeatureSet): number {
  let lo = 0
  let hi = set.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (set[mid]! < BIGRAM) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Write the pair (feature, item) for every bigram of every set into `words` (see `pairWords`). */
function bigramKeys(sets: readonly FeatureSet[], words: Uint32Array): void {
  let at = 0
  for (let j = 0; j < sets.length; j++) {
    const set = sets[j]!
    for (let n = firstBigram(set); n < set.length; n++) {
      words[at + HIGH] = set[n]!
      words[at + LOW] = j
      at += 2
    }
  }
}

/** Split the sorted pairs into the index's items, distinct features and run starts; returns the number of runs (the caller ends the last). */
function splitRuns(words: Uint32Array, index: InvertedIndex): number {
  const {features, runStart, items} = index
  let runs = 0
  let previous = -1
  for (let n = 0; n < items.length; n++) {
    const f = words[2 * n + HIGH]!
    items[n] = words[2 * n + LOW]!
    if (f !== previous) {
      features[runs] = f
      runStart[runs++] = n
      previous = f
    }
  }
  return runs
}

/**
 * Count, for each right item, the features it shares with `set` (runs
 * longer than `cap` skipped) into `counts`, and the items touched into
 * `touched`, in the order first met.
 */
function countShared(set: FeatureSet, index: InvertedIndex, cap: number, counts: Int32Array, touched: number[]): void {
  const {features, runStart, items} = index
  // `set` is ascending: each feature is searched for above the last one found.
  let lo = 0
  for (let n = 0; n < set.length; n++) {
    const feature = set[n]!
    let hi = features.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (features[mid]! < feature) lo = mid + 1
      else hi = mid
    }
    if (lo === features.length) break
    if (features[lo] !== feature) continue
    const from = runStart[lo]!
    const to = runStart[lo + 1]!
    if (to - from > cap) continue
    for (let m = from; m < to; m++) {
      const j = items[m]!
      if (counts[j] === 0) touched.push(j)
      counts[j] = counts[j]! + 1
    }
  }
}

/**
 * The best partners seen for each right item, most shared features first
 * (ties: lower left index first): `k` slots of counts and left indices per item.
 */
class BestPartners {
  readonly count: Int32Array
  readonly left: Int32Array
  readonly length: Int32Array
  readonly k: number

  constructor(items: number, k: number) {
    this.k = k
    this.count = new Int32Array(items * k)
    this.left = new Int32Array(items * k)
    this.length = new Int32Array(items)
  }

  /** Offer left item `i` sharing `count` features with right item `j`; `i` exceeds every left index offered before. */
  offer(j: number, count: number, i: number): void {
    const k = this.k
    const base = j * k
    let length = this.length[j]!
    // `i` goes after all entries with as many shared features or more.
    if (length < k || this.count[base + length - 1]! < count) {
      if (length === k) length--
      let at = length
      while (at > 0 && this.count[base + at - 1]! < count) {
        this.count[base + at] = this.count[base + at - 1]!
        this.left[base + at] = this.left[base + at - 1]!
        at--
      }
      this.count[base + at] = count
      this.left[base + at] = i
      this.length[j] = length + 1
    }
  }

  /** Push `[i, j]` for every right item `j` and its best left items `i`, in order of `j`. */
  pairs(out: Array<[number, number]>): void {
    const k = this.k
    for (let j = 0; j < this.length.length; j++) {
      for (let at = 0; at < this.length[j]!; at++) out.push([this.left[j * k + at]!, j])
    }
  }
}

/**
 * Indices (into `pairs`) of a longest chain of pairs increasing in both
 * coordinates, `pairs` sorted by the first. O(n log n) (patience sorting).
 */
export function longestIncreasing(pairs: ReadonlyArray<readonly [number, number]>): Set<number> {
  const tails: number[] = [] // index into pairs of the smallest tail of each length
  const previous: number[] = new Array<number>(pairs.length).fill(-1)
  for (let i = 0; i < pairs.length; i++) {
    const value = pairs[i]![1]
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (pairs[tails[mid]!]![1] < value) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[i] = tails[lo - 1]!
    tails[lo] = i
  }
  const out = new Set<number>()
  let at = tails.length > 0 ? tails[tails.length - 1]! : -1
  while (at !== -1) {
    out.add(at)
    at = previous[at]!
  }
  return out
}
