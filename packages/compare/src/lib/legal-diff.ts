/**
 * The word-level redline: jsdiff's Myers algorithm over redlex's legal
 * tokens. `LegalDiff` plugs the tokenizer into jsdiff's `Diff` hooks
 * (`castInput`, `tokenize`, `equals`, `join`) and defines what the redline
 * computes; `diffLists` runs the same search step for step over integer
 * token ids (myers.ts), which is several times faster and is tested to give
 * jsdiff's result. Segments are cut from both texts by token offsets (not
 * taken from jsdiff's joined values, which take common text from the new
 * side), so that both texts can be rebuilt exactly.
 */
// The base class only: the package's index loads every differ and the patch tools.
import Diff from 'diff/lib/diff/base.js'
import type {Segment} from './types.js'
import {longestIncreasing} from './similarity.js'
import {type IdPair, idPair, myersIds, type MyersOptions, sameToken} from './myers.js'
import {
  KeyIds,
  PUNCTUATION_TOKEN,
  SPACE_TOKEN,
  WORD_TOKEN,
  listOf,
  tokenList,
  tokenize,
  type Token,
  type TokenList
} from './tokenize.js'

/**
 * jsdiff `Diff` over legal tokens. Tokens are equal when their keys are equal
 * (whitespace and quote style aside) or, when a renumbering map is given,
 * when the old token is a reference that the renumbering turns into the new
 * one.
 */
export class LegalDiff extends Diff<Token, Token[], string | Token[]> {
  /** Reference keys of the first version → the same references after renumbering. */
  readonly renumbered: RenumberLookup | undefined

  constructor(renumbered?: RenumberLookup) {
    super()
    this.renumbered = renumbered
  }

  override castInput(value: string | Token[]): Token[] {
    return typeof value === 'string' ? tokenize(value) : value
  }

  override tokenize(value: Token[]): Token[] {
    return value
  }

  override equals(left: Token, right: Token): boolean {
    if (left.key === right.key) return true
    if (this.renumbered && left.type === 'reference') return this.renumbered.get(left.key) === right.key
    return false
  }

  override join(tokens: Token[]): Token[] {
    return tokens
  }

  override removeEmpty(tokens: Token[]): Token[] {
    return tokens
  }
}

/** Maps a reference token's key in the first version to its key after renumbering. */
export interface RenumberLookup {
  get(key: string): string | undefined
}

export interface TextDiffOptions {
  /**
   * Most search steps this redline may take, over all its passages (default
   * `REDLINE_STEPS`); past it the redline is a whole replacement. A work
   * limit: the same texts give the same redline on any machine at any load.
   */
  maxSteps?: number
  /**
   * A budget of steps shared by several redlines (a whole comparison): each
   * redline takes at most what is left and subtracts what it used. Once it
   * is spent, redlines that need a search fall back.
   */
  budget?: WorkBudget
  /** Largest edit distance (in tokens) the search may consider; no limit by default. */
  maxEditLength?: number
  /**
   * Opt-in, for interactive use only: milliseconds the search may spend
   * before giving up. It makes the result depend on the machine's load; by
   * default there is none and no clock is read.
   */
  timeout?: number
  /** Reference renumbering treated as a formal change (see `Segment.formal`). */
  renumbered?: RenumberLookup
}

/** Steps left for the redlines that share it (see `TextDiffOptions.budget`). */
export interface WorkBudget {
  steps: number
}

/**
 * Default step limit of one redline: 2^22 steps (0.1–0.2 s of search). The
 * heaviest redline of the corpus pairs (DSA, AI Act, Council drafts) took
 * 10 870 steps, about 400 times less; see docs/comparison.md.
 */
export const REDLINE_STEPS = 1 << 22

export interface TextDiff {
  segments: Segment[]
  /** Set when the search gave up (time, edit length or memory): the segments are a whole replacement. */
  fallback?: 'replaced'
  /** Tokens kept (formal pairs included), removed and added. */
  tokens: {common: number; removed: number; added: number}
}

/**
 * A run of tokens: `old[o0, o1)` and `new[n0, n1)` (a removed run adds no
 * new tokens, an added run removes no old ones). Runs are ranges, not
 * copies: a redline makes many and joins few.
 */
interface Op {
  kind: 'common' | 'removed' | 'added'
  o0: number
  o1: number
  n0: number
  n1: number
}

const common = (o0: number, o1: number, n0: number, n1: number): Op => ({kind: 'common', o0, o1, n0, n1})
const removed = (o0: number, o1: number, n: number): Op => ({kind: 'removed', o0, o1, n0: n, n1: n})
const added = (n0: number, n1: number, o: number): Op => ({kind: 'added', o0: o, o1: o, n0, n1})

/** Both token lists of a redline and the table their keys are interned in. */
interface Sides {
  old: TokenList
  new: TokenList
  keys: KeyIds
}

/**
 * Redline `before` against `after`. Joining the values of the segments
 * without `added` gives `before`; without `removed`, `after`.
 */
export function diffText(
  beforeInput: string | readonly Token[],
  afterInput: string | readonly Token[],
  options: Readonly<TextDiffOptions> = {}
): TextDiff {
  const keys = new KeyIds()
  const oldList = typeof beforeInput === 'string' ? tokenList(beforeInput, keys) : listOf(beforeInput, keys)
  const newList = typeof afterInput === 'string' ? tokenList(afterInput, keys) : listOf(afterInput, keys)
  return diffLists(oldList, newList, keys, options)
}

/**
 * `diffText` over token lists whose keys are interned in `keys` (a
 * comparison tokenizes each provision once and shares its list between
 * similarity and redline).
 */
export function diffLists(
  oldList: TokenList,
  newList: TokenList,
  keys: KeyIds,
  options: Readonly<TextDiffOptions> = {}
): TextDiff {
  const tokens = {common: 0, removed: 0, added: 0}
  const before = oldList.text
  const after = newList.text
  if (before === after) {
    tokens.common = oldList.length
    return {segments: before === '' ? [] : [{value: before}], tokens}
  }
  const ids = idPair(oldList, newList, options.renumbered, keys)
  // Trim the common prefix and suffix first: jsdiff only skips the prefix.
  let start = 0
  const max = Math.min(oldList.length, newList.length)
  while (start < max && sameToken(ids, start, start)) start++
  let endOld = oldList.length
  let endNew = newList.length
  while (endOld > start && endNew > start && sameToken(ids, endOld - 1, endNew - 1)) {
    endOld--
    endNew--
  }
  const sides: Sides = {old: oldList, new: newList, keys}
  let middle: Op[]
  let fallback = false
  if (endOld === start || endNew === start) {
    middle = [removed(start, endOld, start), added(start, endNew, endOld)]
  } else {
    const limits: Limits = {
      steps: Math.min(options.maxSteps ?? REDLINE_STEPS, options.budget?.steps ?? Infinity),
      used: 0,
      maxEditLength: options.maxEditLength,
      deadline: options.timeout === undefined ? undefined : Date.now() + options.timeout
    }
    middle = []
    // Long passages: anchor on words that occur once on each side (as in
    // patience diff) and let Myers work between the anchors, which keeps
    // its O(N·D) small and the result readable.
    const anchors =
      endOld - start + (endNew - start) > ANCHOR_MIN ? uniqueAnchors(ids, sides, start, endOld, endNew) : []
    let o = start
    let n = start
    anchors.push([endOld, endNew])
    for (let k = 0; k < anchors.length; k++) {
      const i = anchors[k]![0]
      const j = anchors[k]![1]
      const part = myers(ids, o, i, n, j, limits)
      if (part === undefined) {
        fallback = true
        break
      }
      for (let p = 0; p < part.length; p++) middle.push(part[p]!)
      if (i < endOld) middle.push(common(i, i + 1, j, j + 1))
      o = i + 1
      n = j + 1
    }
    if (options.budget) options.budget.steps = Math.max(0, options.budget.steps - limits.used)
    if (!fallback) middle = cleanup(middle, sides)
  }
  if (fallback) {
    // A whole replacement: one removed and one added run, nothing shared.
    const whole: TextDiff = {
      segments: [],
      fallback: 'replaced',
      tokens: {common: 0, removed: oldList.length, added: newList.length}
    }
    if (before !== '') whole.segments.push({value: before, removed: true})
    if (after !== '') whole.segments.push({value: after, added: true})
    return whole
  }
  const ops: Op[] = [common(0, start, 0, start), ...middle, common(endOld, oldList.length, endNew, newList.length)]
  return {segments: toSegments(ops, tokens, sides), tokens}
}

/** Above this many tokens (both sides together), a passage is anchored on unique words first. */
const ANCHOR_MIN = 60

/** The limits of one redline's searches, and the steps they used so far. */
interface Limits {
  steps: number
  used: number
  maxEditLength: number | undefined
  deadline: number | undefined
}

/**
 * Myers between the runs [o0, o1) and [n0, n1), as ops; `undefined` when it
 * gave up. The search is jsdiff's (see myers.ts).
 */
function myers(ids: IdPair, o0: number, o1: number, n0: number, n1: number, limits: Limits): Op[] | undefined {
  const oldLength = o1 - o0
  const newLength = n1 - n0
  const maxEditLength = limits.maxEditLength
  if (oldLength === 0 || newLength === 0) return [removed(o0, o1, n0), added(n0, n1, o1)]
  if (limits.used >= limits.steps) return undefined
  if (limits.deadline !== undefined && limits.deadline - Date.now() < 0) return undefined
  // Two cases need no search (most runs between anchors are one of them),
  // and the search would give the same result: runs equal token by token
  // are one common run; runs without a single equal pair are all removed
  // and all added (the order inside a change run does not matter: `merge`
  // groups it as removed then added).
  if (oldLength === newLength) {
    let k = 0
    while (k < oldLength && sameToken(ids, o0 + k, n0 + k)) k++
    if (k === oldLength) return [common(o0, o1, n0, n1)]
  }
  if (
    oldLength * newLength <= NO_MATCH_CHECK &&
    (maxEditLength === undefined || oldLength + newLength <= maxEditLength) &&
    !anyEqual(ids, o0, o1, n0, n1)
  ) {
    return [removed(o0, o1, n0), added(n0, n1, o1)]
  }
  const search: MyersOptions = {maxSteps: limits.steps - limits.used}
  if (maxEditLength !== undefined) search.maxEditLength = maxEditLength
  if (limits.deadline !== undefined) search.deadline = limits.deadline
  const {runs, steps} = myersIds(ids.old.subarray(o0, o1), ids.new.subarray(n0, n1), ids.alt?.subarray(o0, o1), search)
  limits.used += steps
  if (runs === undefined) return undefined
  const ops: Op[] = []
  let o = o0
  let n = n0
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!
    if (run.added) {
      ops.push(added(n, n + run.count, o))
      n += run.count
    } else if (run.removed) {
      ops.push(removed(o, o + run.count, n))
      o += run.count
    } else {
      ops.push(common(o, o + run.count, n, n + run.count))
      o += run.count
      n += run.count
    }
  }
  return ops
}

/** Up to this many token pairs, a run is checked for any equal pair before the search runs. */
const NO_MATCH_CHECK = 64

function anyEqual(ids: IdPair, o0: number, o1: number, n0: number, n1: number): boolean {
  for (let i = o0; i < o1; i++) for (let j = n0; j < n1; j++) if (sameToken(ids, i, j)) return true
  return false
}

/**
 * Pairs of positions (in [start, endOld) and [start, endNew)) of words (not
 * punctuation) whose key occurs exactly once on each side, reduced to a
 * longest order-preserving chain.
 */
function uniqueAnchors(
  ids: IdPair,
  sides: Sides,
  start: number,
  endOld: number,
  endNew: number
): Array<readonly [number, number]> {
  const stamp = anchorTables(Math.max(maxId(ids.old, start, endOld), maxId(ids.new, start, endNew)) + 1)
  markOnce(sides.old.type, ids.old, start, endOld, stamp, anchorSeenOld, anchorAtOld)
  markOnce(sides.new.type, ids.new, start, endNew, stamp, anchorSeenNew, anchorAtNew)
  // In the order of the first side: sorted by old position.
  const pairs: Array<readonly [number, number]> = []
  for (let i = start; i < endOld; i++) {
    const key = ids.old[i]!
    if (anchorSeenOld[key] !== stamp || anchorAtOld[key] !== i) continue
    if (anchorSeenNew[key] === stamp && anchorAtNew[key]! >= 0) pairs.push([i, anchorAtNew[key]!])
  }
  const keep = longestIncreasing(pairs)
  return pairs.filter((_pair, k) => keep.has(k))
}

/**
 * Per key id, for `uniqueAnchors`: whether the key was met in this call
 * (its stamp) and where, or -1 when it occurs more than once. Shared by
 * all calls and grown on demand, so that a redline allocates no map.
 */
let anchorStamp = 0
let anchorSeenOld = new Int32Array(1024)
let anchorAtOld = new Int32Array(1024)
let anchorSeenNew = new Int32Array(1024)
let anchorAtNew = new Int32Array(1024)

/** Tables for key ids below `size`; returns this call's stamp. */
function anchorTables(size: number): number {
  if (size > anchorSeenOld.length) {
    let length = anchorSeenOld.length
    while (length < size) length *= 2
    // Fresh tables hold no stamp: what earlier calls marked is forgotten, as it should be.
    anchorSeenOld = new Int32Array(length)
    anchorAtOld = new Int32Array(length)
    anchorSeenNew = new Int32Array(length)
    anchorAtNew = new Int32Array(length)
  }
  // The tables hold stamps as 32-bit integers: before a stamp would not fit (after 2^31 calls in
  // one process), forget every mark and count again, so that no call ever sees an earlier one's.
  if (anchorStamp === 0x7fffffff) {
    anchorSeenOld.fill(0)
    anchorSeenNew.fill(0)
    anchorStamp = 0
  }
  return ++anchorStamp
}

function maxId(keys: Int32Array, from: number, to: number): number {
  let max = 0
  for (let i = from; i < to; i++) if (keys[i]! > max) max = keys[i]!
  return max
}

/** Mark where each word's key occurs in [from, to): its position, or -1 when it occurs more than once. */
function markOnce(
  types: Uint8Array,
  keys: Int32Array,
  from: number,
  to: number,
  stamp: number,
  seen: Int32Array,
  at: Int32Array
): void {
  for (let i = from; i < to; i++) {
    const type = types[i]!
    if (type === PUNCTUATION_TOKEN || type === SPACE_TOKEN) continue
    const key = keys[i]!
    if (seen[key] === stamp) at[key] = -1
    else {
      seen[key] = stamp
      at[key] = i
    }
  }
}

/**
 * Semantic cleanup in the manner of diff-match-patch's `diff_cleanupSemantic`:
 * a short common run of filler words or punctuation between two changes, no
 * longer than the changes on either side, is folded into them, so a
 * rewritten sentence reads as one replacement instead of a comb of
 * `the`/`of`/`,` islands. Common words of substance always stay common.
 */
function cleanup(ops: Op[], sides: Sides): Op[] {
  let list = merge(ops)
  for (let pass = 0; pass < 8; pass++) {
    let changed = false
    for (let i = 0; i < list.length; i++) {
      const op = list[i]!
      if (op.kind !== 'common' || i === 0 || i === list.length - 1 || op.o1 - op.o0 > 3) continue
      const length = chars(sides.old, op.o0, op.o1)
      const before = around(list, i, -1, sides)
      const after = around(list, i, 1, sides)
      if (before === 0 || after === 0) continue
      if (length <= before && length <= after && allFillers(sides, op.o0, op.o1)) {
        list[i] = removed(op.o0, op.o1, op.n0)
        list.splice(i + 1, 0, added(op.n0, op.n1, op.o1))
        changed = true
      }
    }
    list = merge(list)
    if (!changed) break
  }
  return list
}

/** Words that carry no meaning of their own in a redline (and punctuation). */
const FILLERS = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'and',
  'or',
  'for',
  'by',
  'with',
  'at',
  'as',
  'that',
  'which',
  'be',
  'is',
  'are',
  'shall'
])

function allFillers(sides: Sides, from: number, to: number): boolean {
  const {type, id} = sides.old
  for (let i = from; i < to; i++) {
    if (type[i] === PUNCTUATION_TOKEN || type[i] === SPACE_TOKEN) continue
    if (type[i] !== WORD_TOKEN || !FILLERS.has(sides.keys.keys[id[i]!]!.toLowerCase())) return false
  }
  return true
}

/** The larger of the removed/added lengths in the change run next to `i`, in direction `step`. */
function around(list: Op[], i: number, step: 1 | -1, sides: Sides): number {
  let removedChars = 0
  let addedChars = 0
  for (let j = i + step; j >= 0 && j < list.length && list[j]!.kind !== 'common'; j += step) {
    const op = list[j]!
    removedChars += chars(sides.old, op.o0, op.o1)
    addedChars += chars(sides.new, op.n0, op.n1)
  }
  return Math.max(removedChars, addedChars)
}

/** Characters of the tokens in [from, to), trailing whitespace left out. */
function chars(list: TokenList, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) n += list.coreEnd[i]! - list.start[i]!
  return n
}

/**
 * Group each run of changes as all removed then all added, and merge
 * neighbours of one kind. In a run, the removed tokens follow each other in
 * the old list (only removals and common runs advance in it), and so do the
 * added ones in the new list: merged, they are still ranges.
 */
function merge(ops: Op[]): Op[] {
  const out: Op[] = []
  let pendingRemoved: Op | undefined
  let pendingAdded: Op | undefined
  const flush = (): void => {
    if (pendingRemoved) out.push(pendingRemoved)
    if (pendingAdded) out.push(pendingAdded)
    pendingRemoved = undefined
    pendingAdded = undefined
  }
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!
    if (op.kind === 'removed') {
      if (op.o1 === op.o0) continue
      if (pendingRemoved) pendingRemoved.o1 = op.o1
      else pendingRemoved = removed(op.o0, op.o1, op.n0)
    } else if (op.kind === 'added') {
      if (op.n1 === op.n0) continue
      if (pendingAdded) pendingAdded.n1 = op.n1
      else pendingAdded = added(op.n0, op.n1, op.o0)
    } else if (op.o1 > op.o0) {
      flush()
      const last = out[out.length - 1]
      if (last && last.kind === 'common') out[out.length - 1] = common(last.o0, op.o1, last.n0, op.n1)
      else out.push(op)
    }
  }
  flush()
  return out
}

/** Build segments from token runs, splitting common runs whose texts differ in form. */
function toSegments(ops: Op[], counts: TextDiff['tokens'], sides: Sides): Segment[] {
  const out: Segment[] = []
  const before = sides.old.text
  const after = sides.new.text
  const oldAt = sides.old.start
  const newAt = sides.new.start
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!
    if (op.kind === 'removed') {
      counts.removed += op.o1 - op.o0
      pushSegment(out, {value: before.slice(oldAt[op.o0], oldAt[op.o1]), removed: true})
      continue
    }
    if (op.kind === 'added') {
      counts.added += op.n1 - op.n0
      pushSegment(out, {value: after.slice(newAt[op.n0], newAt[op.n1]), added: true})
      continue
    }
    counts.common += op.o1 - op.o0
    const oldText = before.slice(oldAt[op.o0], oldAt[op.o1])
    // The same text on both sides (the usual case): one common segment.
    if (oldText === after.slice(newAt[op.n0], newAt[op.n1])) pushSegment(out, {value: oldText})
    else formalSegments(op, sides, out)
  }
  return absorbSpaces(out)
}

/** Add a segment, joined to the last one when they are of one kind (empty ones are dropped). */
function pushSegment(out: Segment[], segment: Segment): void {
  if (segment.value === '') return
  const last = out[out.length - 1]
  if (last && last.added === segment.added && last.removed === segment.removed && last.formal === segment.formal) {
    last.value += segment.value
    return
  }
  // Keep removed before added inside a run of formal pairs.
  out.push(segment)
}

/**
 * The segments of a common run whose texts differ in form: equal tokens as
 * common text, the others as formal pairs (layout or renumbering). Kept
 * apart from `toSegments`, which most runs leave by its short path.
 */
function formalSegments(op: Op, sides: Sides, out: Segment[]): void {
  let text = ''
  let pending: {removed: string; added: string; formal: 'layout' | 'renumbering'} | undefined
  const flushPending = (): void => {
    if (!pending) return
    pushSegment(out, {value: pending.removed, removed: true, formal: pending.formal})
    pushSegment(out, {value: pending.added, added: true, formal: pending.formal})
    pending = undefined
  }
  const flushText = (): void => {
    if (text !== '') pushSegment(out, {value: text})
    text = ''
  }
  const formal = (removedText: string, addedText: string, kind: 'layout' | 'renumbering'): void => {
    flushText()
    if (pending && pending.formal === kind) {
      pending.removed += removedText
      pending.added += addedText
    } else {
      flushPending()
      pending = {removed: removedText, added: addedText, formal: kind}
    }
  }
  const {old, new: neu} = sides
  for (let t = 0; t < op.o1 - op.o0; t++) {
    const o = op.o0 + t
    const n = op.n0 + t
    const oText = old.text.slice(old.start[o], old.start[o + 1])
    const nText = neu.text.slice(neu.start[n], neu.start[n + 1])
    if (oText === nText) {
      flushPending()
      text += oText
      continue
    }
    const oCore = old.text.slice(old.start[o], old.coreEnd[o])
    const nCore = neu.text.slice(neu.start[n], neu.coreEnd[n])
    const kind = old.id[o] === neu.id[n] ? 'layout' : 'renumbering'
    if (oCore === nCore) {
      // Same words, different trailing whitespace: keep the words common.
      flushPending()
      text += oCore
      formal(
        old.text.slice(old.coreEnd[o], old.start[o + 1]),
        neu.text.slice(neu.coreEnd[n], neu.start[n + 1]),
        'layout'
      )
    } else {
      const oSpace = old.text.slice(old.coreEnd[o], old.start[o + 1])
      const nSpace = neu.text.slice(neu.coreEnd[n], neu.start[n + 1])
      formal(oCore, nCore, kind)
      if (oSpace === nSpace) {
        flushPending()
        text += oSpace
      } else {
        formal(oSpace, nSpace, 'layout')
      }
    }
  }
  flushPending()
  flushText()
}

/** A whitespace-only formal pair of layout (what `absorbSpaces` moves). */
function isLayoutSpace(segment: Segment): boolean {
  return segment.formal === 'layout' && /^\s*$/.test(segment.value)
}

/** `absorbLayoutSpaces` when there is anything to absorb (most redlines have nothing). */
function absorbSpaces(segments: Segment[]): Segment[] {
  for (let i = 0; i < segments.length; i++) if (isLayoutSpace(segments[i]!)) return absorbLayoutSpaces(segments)
  return segments
}

/**
 * A whitespace-only formal pair next to a real change joins that change
 * (` as regards` reads better as one insertion than as a layout space plus
 * an insertion).
 */
function absorbLayoutSpaces(segments: Segment[]): Segment[] {
  const isChange = (s: Segment | undefined): boolean =>
    s !== undefined && (s.added === true || s.removed === true) && s.formal === undefined
  const out = [...segments]
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!
    if (s.formal !== 'layout' || !/^\s*$/.test(s.value)) continue
    // The pair: a removed and/or an added whitespace segment.
    let end = i + 1
    if (s.removed && out[end]?.formal === 'layout' && out[end]!.added && /^\s*$/.test(out[end]!.value)) end++
    const removed = out.slice(i, end).find((x) => x.removed)?.value ?? ''
    const added = out.slice(i, end).find((x) => x.added)?.value ?? ''
    let target: number | undefined
    let prepend = true
    if (isChange(out[end])) target = end
    else if (isChange(out[i - 1])) {
      target = i - 1
      prepend = false
    }
    if (target === undefined) continue
    // The change group around `target`.
    let first = target
    let last = target
    while (isChange(out[first - 1]) && first - 1 >= end) first--
    while (isChange(out[last + 1])) last++
    if (!prepend) {
      first = target
      while (isChange(out[first - 1])) first--
      last = target
    }
    const group = out.slice(first, last + 1)
    const put = (value: string, flag: 'removed' | 'added'): void => {
      if (value === '') return
      const found = prepend ? group.find((x) => x[flag]) : [...group].reverse().find((x) => x[flag])
      if (found) found.value = prepend ? value + found.value : found.value + value
      else if (flag === 'removed') group.unshift({value, removed: true})
      else group.push({value, added: true})
    }
    put(removed, 'removed')
    put(added, 'added')
    if (prepend) out.splice(i, last + 1 - i, ...group)
    else out.splice(first, end - first, ...group)
    i = -1 // restart: indices moved; the lists are short
  }
  return out
}

/** Join the values of the segments that belong to one side. */
export function sideOf(segments: readonly Segment[], side: 'before' | 'after'): string {
  let out = ''
  for (const segment of segments) {
    if (side === 'before' ? !segment.added : !segment.removed) out += segment.value
  }
  return out
}

/** True when a redline has a change of substance (formal pairs do not count). */
export function hasChange(segments: readonly Segment[]): boolean {
  return segments.some((segment) => (segment.added || segment.removed) && !segment.formal)
}
