/**
 * jsdiff's Myers search, step for step, over integer token ids.
 *
 * `diff` (jsdiff 8) finds the redline of every provision, but its search
 * allocates two objects per step and keeps its diagonals in an array with
 * negative indices; on rewritten passages (edit distance close to their
 * length, so the search is near quadratic) that was a fifth of a
 * comparison's time. This is the same loop — `Diff.diffWithOptionsObj`,
 * `addToPath`, `extractCommon`, the same diagonal pruning and the same tie
 * breaks — with paths kept in typed arrays. Tokens are compared as ids
 * interned from their keys, so an equality test is one integer comparison.
 *
 * It must return exactly what jsdiff returns for the same tokens:
 * `test/myers.test.ts` checks it against jsdiff (`LegalDiff`) on thousands of
 * random pairs. Change the two together or not at all.
 */
import type {RenumberLookup} from './legal-diff.js'
import {KeyIds, REFERENCE_TOKEN, listOf, type Token, type TokenList} from './tokenize.js'

export {KeyIds}

/** Two token lists as ids for the search, as `LegalDiff.equals` compares them (see `idPair`). */
export interface IdPair {
  readonly old: Int32Array
  readonly new: Int32Array
  /** A second id of each old token (-1: none): the key a renumbering turns it into. */
  readonly alt: Int32Array | undefined
}

/** True when old token `i` equals new token `j`. */
export function sameToken(ids: IdPair, i: number, j: number): boolean {
  const y = ids.new[j]!
  return ids.old[i] === y || (ids.alt !== undefined && ids.alt[i] === y)
}

/**
 * Two token lists (their keys interned in `keys`) as ids: equal keys have one
 * id; with a renumbering, a reference of the first version also has the id
 * of its renumbered key (`alt`, -1 when none), as `LegalDiff.equals` has it.
 */
export function idPair(
  oldList: TokenList,
  newList: TokenList,
  renumbered: RenumberLookup | undefined,
  keys: KeyIds
): IdPair {
  return {old: oldList.id, new: newList.id, alt: renumbered && alternatives(oldList, renumbered, keys)}
}

function alternatives(list: TokenList, renumbered: RenumberLookup, keys: KeyIds): Int32Array | undefined {
  let alt: Int32Array | undefined
  for (let i = 0; i < list.length; i++) {
    if (list.type[i] !== REFERENCE_TOKEN) continue
    const key = renumbered.get(keys.keys[list.id[i]!]!)
    // A key that no token has cannot match: no id needed.
    const id = key === undefined ? undefined : keys.map.get(key)
    if (id === undefined) continue
    alt ??= new Int32Array(list.length).fill(-1)
    alt[i] = id
  }
  return alt
}

/** `idPair` for token objects. */
export class TokenIds implements IdPair {
  readonly old: Int32Array
  readonly new: Int32Array
  readonly alt: Int32Array | undefined

  constructor(oldTokens: readonly Token[], newTokens: readonly Token[], renumbered: RenumberLookup | undefined) {
    const keys = new KeyIds()
    const pair = idPair(listOf(oldTokens, keys), listOf(newTokens, keys), renumbered, keys)
    this.old = pair.old
    this.new = pair.new
    this.alt = pair.alt
  }

  equal(i: number, j: number): boolean {
    return sameToken(this, i, j)
  }
}

/** One run of jsdiff's result: `count` tokens common, added or removed. */
export interface Run {
  count: number
  added: boolean
  removed: boolean
}

export interface MyersOptions {
  /**
   * Most steps the search may take (a step: one diagonal visited or one
   * token pair compared along a diagonal). The search counts them and gives
   * up past this, at the end of an edit length: a work limit, so the same
   * tokens give the same result on any machine at any load.
   */
  maxSteps: number
  /** Largest edit distance to consider (as jsdiff's `maxEditLength`). */
  maxEditLength?: number
  /** Most path components to create before giving up (default `MAX_COMPONENTS`). */
  maxComponents?: number
  /**
   * Opt-in only: `Date.now()` after which the search gives up (as jsdiff's
   * `timeout`). A deadline makes the result depend on the machine's load;
   * without one the clock is never read.
   */
  deadline?: number
}

/** What a search returns: its runs (`undefined` when it gave up) and the steps it took. */
export interface MyersResult {
  runs: Run[] | undefined
  steps: number
}

const COMMON = 0
const ADDED = 1
const REMOVED = 2

/**
 * Components (jsdiff's linked `lastComponent` lists) live in these arrays,
 * shared by all calls and grown on demand: a component is an index, `-1`
 * is none. A search runs to its end before returning, so sharing is safe.
 * Unlike jsdiff's objects, components of abandoned paths are not collected
 * during a search, so a search is bounded (`MAX_COMPONENTS`) and large
 * arrays are let go after it.
 */
const INITIAL_COMPONENTS = 1024
let componentKind = new Uint8Array(INITIAL_COMPONENTS)
let componentCount = new Int32Array(INITIAL_COMPONENTS)
let componentPrevious = new Int32Array(INITIAL_COMPONENTS)
let components = 0

/**
 * A search that needs more components than this (9 bytes each: about 75 MB)
 * gives up, as one that reaches its step limit does. A component is made at
 * most once per step, so the default step limits (docs/comparison.md) stop a
 * search long before; this bounds memory when they are raised.
 */
export const MAX_COMPONENTS = 1 << 23

/** Arrays above this size are replaced by small ones after a search. */
const KEEP_COMPONENTS = 1 << 16

function component(kind: number, count: number, previous: number): number {
  if (components === componentKind.length) {
    const size = components * 2
    const kinds = new Uint8Array(size)
    kinds.set(componentKind)
    componentKind = kinds
    const counts = new Int32Array(size)
    counts.set(componentCount)
    componentCount = counts
    const previouses = new Int32Array(size)
    previouses.set(componentPrevious)
    componentPrevious = previouses
  }
  componentKind[components] = kind
  componentCount[components] = count
  componentPrevious[components] = previous
  return components++
}

/**
 * The runs that turn `a` into `b` (ids: equal ids are equal tokens; `alt[i]`,
 * when given and not -1, is a second id `a[i]` also equals), in jsdiff's
 * order, or `undefined` runs when the step limit, the edit length, the
 * component bound or an opt-in deadline ran out; with the steps taken.
 */
export function myersIds(
  a: Int32Array,
  b: Int32Array,
  alt: Int32Array | undefined,
  options: Readonly<MyersOptions>
): MyersResult {
  try {
    return search(a, b, alt, options)
  } finally {
    if (componentKind.length > KEEP_COMPONENTS) {
      componentKind = new Uint8Array(INITIAL_COMPONENTS)
      componentCount = new Int32Array(INITIAL_COMPONENTS)
      componentPrevious = new Int32Array(INITIAL_COMPONENTS)
    }
  }
}

/**
 * The state of the running search, at module level like the components: the
 * two helpers below read and write it, so that no closure is made per
 * search (a closure per call costs a first comparison its compiled code).
 */
let searchA: Int32Array = new Int32Array(0)
let searchB: Int32Array = new Int32Array(0)
let searchAlt: Int32Array | undefined
let searchOldPos = 0
let searchLast = -1
let searchSteps = 0

/** Follow the diagonal while tokens are equal; returns the new position in `b` (jsdiff's `extractCommon`). */
function extractCommon(diagonal: number): number {
  const a = searchA
  const b = searchB
  const alt = searchAlt
  const oldLen = a.length
  const newLen = b.length
  let oldPos = searchOldPos
  let newPos = oldPos - diagonal
  let commonCount = 0
  while (newPos + 1 < newLen && oldPos + 1 < oldLen) {
    const x = a[oldPos + 1]!
    const y = b[newPos + 1]!
    if (x !== y && (alt === undefined || alt[oldPos + 1] !== y)) break
    newPos++
    oldPos++
    commonCount++
  }
  searchOldPos = oldPos
  searchSteps += commonCount
  if (commonCount > 0) searchLast = component(COMMON, commonCount, searchLast)
  return newPos
}

/** Extend a path by one insertion or removal, merging with a last component of the same kind (jsdiff's `addToPath`). */
function addToPath(fromOld: number, fromComponent: number, kind: number, oldPosInc: number): void {
  searchOldPos = fromOld + oldPosInc
  if (fromComponent !== -1 && componentKind[fromComponent] === kind) {
    searchLast = component(kind, componentCount[fromComponent]! + 1, componentPrevious[fromComponent]!)
  } else {
    searchLast = component(kind, 1, fromComponent)
  }
}

function search(
  a: Int32Array,
  b: Int32Array,
  alt: Int32Array | undefined,
  options: Readonly<MyersOptions>
): MyersResult {
  const oldLen = a.length
  const newLen = b.length
  components = 0
  searchA = a
  searchB = b
  searchAlt = alt
  searchSteps = 0
  try {
    // The result is built here, not in the loop: code the loop reaches only
    // at its end would have no type feedback when the JIT compiles the loop.
    const found = searchPaths(oldLen, newLen, options)
    return {runs: found ? runs(searchLast) : undefined, steps: searchSteps}
  } finally {
    // Let the token lists go.
    searchA = searchB = new Int32Array(0)
    searchAlt = undefined
  }
}

/** The search proper: true when a path reached the end (its last component in `searchLast`), false when it gave up. */
function searchPaths(oldLen: number, newLen: number, options: Readonly<MyersOptions>): boolean {
  const maxSteps = options.maxSteps
  const deadline = options.deadline
  let maxEditLength = newLen + oldLen
  if (options.maxEditLength !== undefined) maxEditLength = Math.min(maxEditLength, options.maxEditLength)
  const maxComponents = options.maxComponents ?? MAX_COMPONENTS
  // bestPath[d] for diagonals d = oldPos - newPos in [-(n+m)-1, n+m+1].
  const offset = oldLen + newLen + 1
  const size = 2 * offset + 1
  const alive = new Uint8Array(size)
  const pathOld = new Int32Array(size)
  const pathComponent = new Int32Array(size)

  searchOldPos = -1
  searchLast = -1
  let newPos = extractCommon(0)
  if (searchOldPos + 1 >= oldLen && newPos + 1 >= newLen) return true
  alive[offset] = 1
  pathOld[offset] = searchOldPos
  pathComponent[offset] = searchLast

  let minDiagonal = -Infinity
  let maxDiagonal = Infinity
  for (
    let editLength = 1;
    editLength <= maxEditLength &&
    searchSteps <= maxSteps &&
    components < maxComponents &&
    (deadline === undefined || Date.now() <= deadline);
    editLength++
  ) {
    // The upper bound is read on every step: the loop itself may lower it.
    for (
      let diagonal = Math.max(minDiagonal, -editLength);
      diagonal <= Math.min(maxDiagonal, editLength);
      diagonal += 2
    ) {
      searchSteps++
      const removeAt = offset + diagonal - 1
      const addAt = offset + diagonal + 1
      const hasRemove = alive[removeAt] === 1
      const hasAdd = alive[addAt] === 1
      // jsdiff drops the remove path once read (no one else uses it).
      if (hasRemove) alive[removeAt] = 0
      let canAdd = false
      if (hasAdd) {
        const addPathNewPos = pathOld[addAt]! - diagonal
        canAdd = addPathNewPos >= 0 && addPathNewPos < newLen
      }
      const canRemove = hasRemove && pathOld[removeAt]! + 1 < oldLen
      // This diagonal's path lives on when it can be extended (jsdiff drops it otherwise).
      // One store either way, after the work: code that runs only in a rare
      // case would have no type feedback when the JIT compiles this loop,
      // and would send it back to the interpreter.
      let alivePath = 0
      if (canAdd || canRemove) {
        // Branch from the path farthest along in `a` that stays in bounds.
        if (!canRemove || (canAdd && pathOld[removeAt]! < pathOld[addAt]!))
          addToPath(pathOld[addAt]!, pathComponent[addAt]!, ADDED, 0)
        else addToPath(pathOld[removeAt]!, pathComponent[removeAt]!, REMOVED, 1)
        newPos = extractCommon(diagonal)
        if (searchOldPos + 1 >= oldLen && newPos + 1 >= newLen) return true
        alivePath = 1
        pathOld[offset + diagonal] = searchOldPos
        pathComponent[offset + diagonal] = searchLast
        // Both bounds computed on every step, used when a path reaches an end (same reason).
        const lower = Math.min(maxDiagonal, diagonal - 1)
        const upper = Math.max(minDiagonal, diagonal + 1)
        if (searchOldPos + 1 >= oldLen) maxDiagonal = lower
        if (newPos + 1 >= newLen) minDiagonal = upper
      }
      alive[offset + diagonal] = alivePath
    }
  }
  return false
}

/** The components from the first to `last`, as runs. */
function runs(last: number): Run[] {
  const out: Run[] = []
  for (let c = last; c !== -1; c = componentPrevious[c]!) {
    const kind = componentKind[c]!
    out.push({count: componentCount[c]!, added: kind === ADDED, removed: kind === REMOVED})
  }
  return out.reverse()
}
