/**
 * The word-level redline: jsdiff's Myers algorithm over redlex's legal
 * tokens. `LegalDiff` plugs the tokenizer into jsdiff's `Diff` hooks
 * (`castInput`, `tokenize`, `equals`, `join`) and defines what the redline
 * computes; `diffTokens` runs the same search step for step over integer
 * token ids (myers.ts), which is several times faster and is tested to give
 * jsdiff's result. The result is turned into `Segment`s from the token
 * arrays themselves (not from jsdiff's joined values, which take common text
 * from the new side), so that both texts can be rebuilt exactly. */
import {Diff} from 'diff'
import type {Segment} from './types.js'
import {longestIncreasing} from './similarity.js'
import {TokenIds, myersIds, type MyersOptions} from './myers.js'
import {tokenize, type Token} from './tokenize.js'

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
  /** Milliseconds jsdiff may spend before giving up (default 50). */
  timeout?: number
  /** Largest edit distance (in tokens) jsdiff may consider; no limit by default. */
  maxEditLength?: number
  /** Reference renumbering treated as a formal change (see `Segment.formal`). */
  renumbered?: RenumberLookup
}

export interface TextDiff {
  segments: Segment[]
  /** Set when jsdiff gave up: the segments are a whole replacement. */
  fallback?: 'replaced'
  /** Tokens kept (formal pairs included), removed and added. */
  tokens: {common: number; removed: number; added: number}
}

interface Op {
  kind: 'common' | 'removed' | 'added'
  old: Token[]
  new: Token[]
}

/**
 * Redline `before` against `after`. Joining the values of the segments
 * without `added` gives `before`; without `removed`, `after`.
 */
export function diffText(beforeInput: string | readonly Token[], afterInput: string | readonly Token[], options: Readonly<TextDiffOptions> = {}): TextDiff {
  const oldTokens = typeof beforeInput === 'string' ? tokenize(beforeInput) : beforeInput
  const newTokens = typeof afterInput === 'string' ? tokenize(afterInput) : afterInput
  const before = typeof beforeInput === 'string' ? beforeInput : joinTokens(beforeInput)
  const after = typeof afterInput === 'string' ? afterInput : joinTokens(afterInput)
  return diffTokens(oldTokens, newTokens, before, after, options)
}

/**
 * `diffText` for callers that already hold both the tokens and the texts
 * they join to (`before === tokens.map(t => t.text).join('')`), so that
 * neither is computed twice.
 */
export function diffTokens(oldTokens: readonly Token[], newTokens: readonly Token[], before: string, after: string, options: Readonly<TextDiffOptions> = {}): TextDiff {
  const tokens = {common: 0, removed: 0, added: 0}
  if (before === after) {
    tokens.common = oldTokens.length
    return {segments: before === '' ? [] : [{value: before}], tokens}
  }
  // Trim the common prefix and suffix first: jsdiff only skips the prefix.
  const equal = new LegalDiff(options.renumbered)
  let start = 0
  const max = Math.min(oldTokens.length, newTokens.length)
  while (start < max && equal.equals(oldTokens[start]!, newTokens[start]!)) start++
  let endOld = oldTokens.length
  let endNew = newTokens.length
  while (endOld > start && endNew > start && equal.equals(oldTokens[endOld - 1]!, newTokens[endNew - 1]!)) {
    endOld--
    endNew--
  }
  const oldMiddle = oldTokens.slice(start, endOld)
  const newMiddle = newTokens.slice(start, endNew)
  let middle: Op[]
  let fallback = false
  if (oldMiddle.length === 0 || newMiddle.length === 0) {
    middle = [{kind: 'removed', old: oldMiddle, new: []}, {kind: 'added', old: [], new: newMiddle}]
  } else {
    const deadline = Date.now() + (options.timeout ?? 50)
    const ids = new TokenIds(oldMiddle, newMiddle, options.renumbered)
    middle = []
    // Long passages: anchor on words that occur once on each side (as in
    // patience diff) and let Myers work between the anchors, which keeps
    // its O(N·D) small and the result readable.
    const anchors = oldMiddle.length + newMiddle.length > ANCHOR_MIN ? uniqueAnchors(oldMiddle, newMiddle) : []
    let o = 0
    let n = 0
    for (const [i, j] of [...anchors, [oldMiddle.length, newMiddle.length] as const]) {
      const part = myers(ids, o, i, n, j, oldMiddle, newMiddle, deadline, options.maxEditLength)
      if (part === undefined) {
        fallback = true
        break
      }
      middle.push(...part)
      if (i < oldMiddle.length) middle.push({kind: 'common', old: [oldMiddle[i]!], new: [newMiddle[j]!]})
      o = i + 1
      n = j + 1
    }
    if (fallback) middle = [{kind: 'removed', old: oldMiddle, new: []}, {kind: 'added', old: [], new: newMiddle}]
    else middle = cleanup(middle)
  }
  const ops: Op[] = [
    {kind: 'common', old: oldTokens.slice(0, start), new: newTokens.slice(0, start)},
    ...middle,
    {kind: 'common', old: oldTokens.slice(endOld), new: newTokens.slice(endNew)}
  ]
  const segments = toSegments(ops, tokens)
  if (fallback) {
    // A whole replacement: one removed and one added run, nothing shared.
    const whole: TextDiff = {segments: [], fallback: 'replaced', tokens: {common: 0, removed: oldTokens.length, added: newTokens.length}}
    if (before !== '') whole.segments.push({value: before, removed: true})
    if (after !== '') whole.segments.push({value: after, added: true})
    return whole
  }
  return {segments, tokens}
}

/** Above this many tokens (both sides together), a passage is anchored on unique words first. */
const ANCHOR_MIN = 60

/**
 * Myers between the runs [o0, o1) and [n0, n1), as ops; `undefined` when it
 * gave up. The search is jsdiff's (see myers.ts).
 */
function myers(ids: TokenIds, o0: number, o1: number, n0: number, n1: number, oldAll: readonly Token[], newAll: readonly Token[], deadline: number, maxEditLength: number | undefined): Op[] | undefined {
  const oldLength = o1 - o0
  const newLength = n1 - n0
  if (oldLength === 0 || newLength === 0) {
    return [{kind: 'removed', old: oldAll.slice(o0, o1), new: []}, {kind: 'added', old: [], new: newAll.slice(n0, n1)}]
  }
  if (deadline - Date.now() < 0) return undefined
  // Two cases need no search (most runs between anchors are one of them),
  // and the search would give the same result: runs equal token by token
  // are one common run; runs without a single equal pair are all removed
  // and all added (the order inside a change run does not matter: `merge`
  // groups it as removed then added).
  if (oldLength === newLength) {
    let k = 0
    while (k < oldLength && ids.equal(o0 + k, n0 + k)) k++
    if (k === oldLength) return [{kind: 'common', old: oldAll.slice(o0, o1), new: newAll.slice(n0, n1)}]
  }
  if (oldLength * newLength <= NO_MATCH_CHECK && (maxEditLength === undefined || oldLength + newLength <= maxEditLength) && !anyEqual(ids, o0, o1, n0, n1)) {
    return [{kind: 'removed', old: oldAll.slice(o0, o1), new: []}, {kind: 'added', old: [], new: newAll.slice(n0, n1)}]
  }
  const search: MyersOptions = {deadline}
  if (maxEditLength !== undefined) search.maxEditLength = maxEditLength
  const runs = myersIds(ids.old.subarray(o0, o1), ids.new.subarray(n0, n1), ids.alt?.subarray(o0, o1), search)
  if (runs === undefined) return undefined
  const ops: Op[] = []
  let o = o0
  let n = n0
  for (const run of runs) {
    if (run.added) {
      ops.push({kind: 'added', old: [], new: newAll.slice(n, n + run.count)})
      n += run.count
    } else if (run.removed) {
      ops.push({kind: 'removed', old: oldAll.slice(o, o + run.count), new: []})
      o += run.count
    } else {
      ops.push({kind: 'common', old: oldAll.slice(o, o + run.count), new: newAll.slice(n, n + run.count)})
      o += run.count
      n += run.count
    }
  }
  return ops
}

/** Up to this many token pairs, a run is checked for any equal pair before the search runs. */
const NO_MATCH_CHECK = 64

function anyEqual(ids: TokenIds, o0: number, o1: number, n0: number, n1: number): boolean {
  for (let i = o0; i < o1; i++) for (let j = n0; j < n1; j++) if (ids.equal(i, j)) return true
  return false
}

/**
 * Pairs of positions of words (not punctuation) whose key occurs exactly
 * once on each side, reduced to a longest order-preserving chain.
 */
function uniqueAnchors(oldTokens: readonly Token[], newTokens: readonly Token[]): Array<readonly [number, number]> {
  const count = (tokens: readonly Token[]): Map<string, number> => {
    const seen = new Map<string, number>()
    tokens.forEach((token, i) => {
      if (token.type === 'punctuation' || token.type === 'space') return
      seen.set(token.key, seen.has(token.key) ? -1 : i)
    })
    return seen
  }
  const inOld = count(oldTokens)
  const inNew = count(newTokens)
  const pairs: Array<readonly [number, number]> = []
  for (const [key, i] of inOld) {
    if (i < 0) continue
    const j = inNew.get(key)
    if (j !== undefined && j >= 0) pairs.push([i, j])
  }
  pairs.sort((x, y) => x[0] - y[0])
  const keep = longestIncreasing(pairs)
  return pairs.filter((_pair, k) => keep.has(k))
}

/**
 * Semantic cleanup in the manner of diff-match-patch's `diff_cleanupSemantic`:
 * a short common run of filler words or punctuation between two changes, no
 * longer than the changes on either side, is folded into them, so a
 * rewritten sentence reads as one replacement instead of a comb of
 * `the`/`of`/`,` islands. Common words of substance always stay common.
 */
function cleanup(ops: Op[]): Op[] {
  let list = merge(ops)
  for (let pass = 0; pass < 8; pass++) {
    let changed = false
    for (let i = 0; i < list.length; i++) {
      const op = list[i]!
      if (op.kind !== 'common' || i === 0 || i === list.length - 1) continue
      const length = chars(op.old)
      const before = around(list, i, -1)
      const after = around(list, i, 1)
      if (before === 0 || after === 0) continue
      if (length <= before && length <= after && op.old.length <= 3 && op.old.every(isFiller)) {
        list[i] = {kind: 'removed', old: op.old, new: []}
        list.splice(i + 1, 0, {kind: 'added', old: [], new: op.new})
        changed = true
      }
    }
    list = merge(list)
    if (!changed) break
  }
  return list
}

/** Words that carry no meaning of their own in a redline (and punctuation). */
const FILLERS = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'or', 'for', 'by', 'with', 'at', 'as', 'that', 'which', 'be', 'is', 'are', 'shall'])

function isFiller(token: Token): boolean {
  return token.type === 'punctuation' || token.type === 'space' || (token.type === 'word' && FILLERS.has(token.key.toLowerCase()))
}

/** The larger of the removed/added lengths in the change run next to `i`, in direction `step`. */
function around(list: Op[], i: number, step: 1 | -1): number {
  let removed = 0
  let added = 0
  for (let j = i + step; j >= 0 && j < list.length && list[j]!.kind !== 'common'; j += step) {
    removed += chars(list[j]!.old)
    added += chars(list[j]!.new)
  }
  return Math.max(removed, added)
}

function chars(tokens: Token[]): number {
  let n = 0
  for (const token of tokens) n += token.core
  return n
}

/** Group each run of changes as all removed then all added, and merge neighbours of one kind. */
function merge(ops: Op[]): Op[] {
  const out: Op[] = []
  let removed: Token[] = []
  let added: Token[] = []
  const flush = (): void => {
    if (removed.length > 0) out.push({kind: 'removed', old: removed, new: []})
    if (added.length > 0) out.push({kind: 'added', old: [], new: added})
    removed = []
    added = []
  }
  for (const op of ops) {
    if (op.kind === 'removed') removed = removed.concat(op.old)
    else if (op.kind === 'added') added = added.concat(op.new)
    else if (op.old.length > 0) {
      flush()
      const last = out[out.length - 1]
      if (last && last.kind === 'common') out[out.length - 1] = {kind: 'common', old: last.old.concat(op.old), new: last.new.concat(op.new)}
      else out.push(op)
    }
  }
  flush()
  return out
}

/** Build segments from token runs, splitting common runs whose texts differ in form. */
function toSegments(ops: Op[], counts: TextDiff['tokens']): Segment[] {
  const out: Segment[] = []
  const push = (segment: Segment): void => {
    if (segment.value === '') return
    const last = out[out.length - 1]
    if (last && last.added === segment.added && last.removed === segment.removed && last.formal === segment.formal) {
      last.value += segment.value
      return
    }
    // Keep removed before added inside a run of formal pairs.
    out.push(segment)
  }
  for (const op of ops) {
    if (op.kind === 'removed') {
      counts.removed += op.old.length
      push({value: op.old.map((t) => t.text).join(''), removed: true})
    } else if (op.kind === 'added') {
      counts.added += op.new.length
      push({value: op.new.map((t) => t.text).join(''), added: true})
    } else {
      counts.common += op.old.length
      let common = ''
      let pending: {removed: string; added: string; formal: 'layout' | 'renumbering'} | undefined
      const flushPending = (): void => {
        if (!pending) return
        push({value: pending.removed, removed: true, formal: pending.formal})
        push({value: pending.added, added: true, formal: pending.formal})
        pending = undefined
      }
      const flushCommon = (): void => {
        if (common !== '') push({value: common})
        common = ''
      }
      const formal = (removed: string, added: string, kind: 'layout' | 'renumbering'): void => {
        flushCommon()
        if (pending && (pending.formal === kind)) {
          pending.removed += removed
          pending.added += added
        } else {
          flushPending()
          pending = {removed, added, formal: kind}
        }
      }
      for (let k = 0; k < op.old.length; k++) {
        const o = op.old[k]!
        const n = op.new[k]!
        if (o.text === n.text) {
          flushPending()
          common += o.text
          continue
        }
        const oCore = o.text.slice(0, o.core)
        const nCore = n.text.slice(0, n.core)
        const kind = o.key === n.key ? 'layout' : 'renumbering'
        if (oCore === nCore) {
          // Same words, different trailing whitespace: keep the words common.
          flushPending()
          common += oCore
          formal(o.text.slice(o.core), n.text.slice(n.core), 'layout')
        } else {
          const oSpace = o.text.slice(o.core)
          const nSpace = n.text.slice(n.core)
          formal(oCore, nCore, kind)
          if (oSpace === nSpace) {
            flushPending()
            common += oSpace
          } else {
            formal(oSpace, nSpace, 'layout')
          }
        }
      }
      flushPending()
      flushCommon()
    }
  }
  return absorbSpaces(out)
}

/**
 * A whitespace-only formal pair next to a real change joins that change
 * (` as regards` reads better as one insertion than as a layout space plus
 * an insertion).
 */
function absorbSpaces(segments: Segment[]): Segment[] {
  const isChange = (s: Segment | undefined): boolean => s !== undefined && (s.added === true || s.removed === true) && s.formal === undefined
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

function joinTokens(tokens: readonly Token[]): string {
  let out = ''
  for (const token of tokens) out += token.text
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
