/**
 * Word-level edits between the Commission's text and the EP's: the
 * narrowest true amendment when the Commission column matches the proposal.
 * Each edit becomes a `substitute`, `insertText` or `deleteText` quoting the
 * base text exactly (with an `occurrence` when the words occur more than once).
 */
import {diffArrays} from 'diff'
import type {Amendment} from '@redlex/amend'

/** Words, runs of spaces, and single other characters. */
const TOKEN = /[\p{L}\p{N}\p{M}]+|[\s\u00a0]+|[^\p{L}\p{N}\p{M}\s\u00a0]/gu

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? []
}

const NARROW_SPACES = /[\u00a0\u202f\u2009\u2007]/g

const isSpace = (t: string): boolean => /^[\s\u00a0]+$/.test(t)

/** One change to `before`: characters `[start, end)` become `text`. */
export interface TextEdit {
  start: number
  end: number
  text: string
}

/**
 * The edits that turn `before` into `after`, word by word. Changes separated
 * only by spaces are one edit ("A B" → "X Y", not two). Runs of spaces count
 * as equal whatever they hold, so the base keeps its own spacing.
 */
export function wordEdits(before: string, after: string): TextEdit[] {
  const a = tokens(before)
  const b = tokens(after)
  const same = (x: string, y: string): boolean => x === y || (isSpace(x) && isSpace(y))
  // The common start and end are equal: only the middle needs the diff (most EP edits are small).
  let head = 0
  while (head < a.length && head < b.length && same(a[head]!, b[head]!)) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!))
    tail++
  // Tokens as numbers (all runs of spaces one number): the diff compares with ===, which is fast.
  const ids = new Map<string, number>()
  const id = (t: string): number => {
    const key = isSpace(t) ? ' ' : t
    let n = ids.get(key)
    if (n === undefined) ids.set(key, (n = ids.size))
    return n
  }
  const aMid = a.slice(head, a.length - tail)
  const bMid = b.slice(head, b.length - tail)
  const diffed = diffArrays(aMid.map(id), bMid.map(id))
  // Back to the tokens: removed and equal parts from `before` (its own spacing), added parts from `after`.
  let ai = 0
  let bi = 0
  const middle = diffed.map((part) => {
    const n = part.value.length
    if (part.added) {
      const value = bMid.slice(bi, bi + n)
      bi += n
      return {value, added: true}
    }
    const value = aMid.slice(ai, ai + n)
    ai += n
    if (!part.removed) bi += n
    return part.removed ? {value, removed: true} : {value}
  })
  const parts = [{value: a.slice(0, head)}, ...middle, {value: a.slice(a.length - tail)}]
  const edits: TextEdit[] = []
  let offset = 0
  let pending: TextEdit | undefined
  for (const part of parts as Array<{value: string[]; added?: boolean; removed?: boolean}>) {
    if (part.value.length === 0) continue
    const text = part.value.join('')
    if (part.added) {
      pending ??= {start: offset, end: offset, text: ''}
      pending.text += text
    } else if (part.removed) {
      pending ??= {start: offset, end: offset, text: ''}
      offset += text.length
      pending.end = offset
    } else {
      if (pending) {
        if (part.value.every(isSpace) && part.value.length <= 1) {
          // Join the next change across a single space.
          pending.end = offset + text.length
          pending.text += text
          offset += text.length
          continue
        }
        edits.push(pending)
        pending = undefined
      }
      offset += text.length
    }
  }
  if (pending) edits.push(pending)
  // Edits of spacing alone (the base's `Council ,` against the EP's `Council,`) are not the EP's changes.
  return edits
    .map((e) => trimEdit(before, e))
    .filter((e) => before.slice(e.start, e.end).replace(/[\s\u00a0]/g, '') !== e.text.replace(/[\s\u00a0]/g, ''))
}

/** A joined edit may end with the space it was joined over: give it back. */
function trimEdit(before: string, edit: TextEdit): TextEdit {
  let {start, end, text} = edit
  while (end > start && text.length > 0 && isSpace(before[end - 1]!) && isSpace(text[text.length - 1]!)) {
    end--
    text = text.slice(0, -1)
  }
  while (end > start && text.length > 0 && isSpace(before[start]!) && isSpace(text[0]!)) {
    start++
    text = text.slice(1)
  }
  return {start, end, text}
}

/** How many times `needle` occurs in `haystack` before offset `at` (overlaps counted). */
function occurrenceAt(text: string, quoted: string, at: number): {occurrence: number; total: number} {
  // Counted as @redlex/amend finds quoted text: no-break and thin spaces read as spaces.
  const haystack = text.replace(NARROW_SPACES, ' ')
  const needle = quoted.replace(NARROW_SPACES, ' ')
  let n = 0
  let total = 0
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    total++
    if (i < at) n++
  }
  return {occurrence: n + 1, total}
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/** The rank of the words at `at` among whole-word matches of `quoted` in either case of its first letter (or in capitals). */
function scopedOccurrence(text: string, quoted: string, at: number): number {
  const haystack = text.replace(NARROW_SPACES, ' ')
  const needle = quoted.replace(NARROW_SPACES, ' ')
  const first = needle.charAt(0)
  const forms = new Set([
    needle,
    first.toUpperCase() + needle.slice(1),
    first.toLowerCase() + needle.slice(1),
    needle.toUpperCase()
  ])
  const starts = new Set<number>()
  for (const form of forms) {
    for (let i = haystack.indexOf(form); i !== -1; i = haystack.indexOf(form, i + 1)) {
      const before = haystack.charAt(i - 1)
      const after = haystack.charAt(i + form.length)
      if (WORD_CHAR.test(needle.charAt(0)) && before !== '' && WORD_CHAR.test(before)) continue
      if (WORD_CHAR.test(needle.charAt(needle.length - 1)) && after !== '' && WORD_CHAR.test(after)) continue
      starts.add(i)
    }
  }
  return [...starts].filter((i) => i < at).length + 1
}

/** A word's boundaries around an offset, for anchors. */
function previousWord(text: string, at: number): number {
  let i = at
  while (i > 0 && isSpace(text[i - 1]!)) i--
  while (i > 0 && !isSpace(text[i - 1]!)) i--
  return i
}

function nextWordEnd(text: string, at: number): number {
  let i = at
  while (i < text.length && isSpace(text[i]!)) i++
  while (i < text.length && !isSpace(text[i]!)) i++
  return i
}

/**
 * The text amendments for `edits` of the block text `base` of provision
 * `target`, last edit first so that each one's quoted text and occurrence
 * are counted in text that no earlier one has changed.
 */
export function textAmendments(
  base: string,
  edits: readonly TextEdit[],
  target: string,
  id: (n: number) => string,
  options?: Readonly<{scoped?: boolean}>
): Amendment[] {
  const out: Amendment[] = []
  const ordered = [...edits].sort((x, y) => y.start - x.start)
  // The text as each amendment finds it: the later edits already made. Its
  // part before the edit is the base's, so the occurrence counts there hold.
  let current = base
  ordered.forEach((edit, i) => {
    out.push(textAmendment(base, current, edit, target, id(i), options?.scoped === true))
    current = current.slice(0, edit.start) + edit.text + current.slice(edit.end)
  })
  return out
}

/**
 * `scoped`: the target has units inside it, so @redlex/amend reads a
 * `substitute` of it as the same words anywhere in it (whole words, either
 * case of the first letter). Its own text comes first in that search, so the
 * occurrence counted in its own text, that way, picks the right words.
 */
function textAmendment(
  base: string,
  current: string,
  edit: TextEdit,
  target: string,
  id: string,
  scoped: boolean
): Amendment {
  const withOccurrence = <T extends Amendment>(a: T, quoted: string, at: number): T => {
    if (scoped && a.type === 'substitute') return {...a, occurrence: scopedOccurrence(current, quoted, at)}
    const {occurrence, total} = occurrenceAt(current, quoted, at)
    return total > 1 ? {...a, occurrence} : a
  }
  if (edit.start === edit.end) {
    // An insertion: anchored on the word before it (or, at the start, the word after).
    if (edit.start > 0) {
      const from = previousWord(base, edit.start)
      const anchor = base.slice(from, edit.start)
      return withOccurrence({id, type: 'insertText', target, anchor, position: 'after', text: edit.text}, anchor, from)
    }
    const anchor = base.slice(0, nextWordEnd(base, 0))
    return withOccurrence({id, type: 'insertText', target, anchor, position: 'before', text: edit.text}, anchor, 0)
  }
  const quoted = base.slice(edit.start, edit.end)
  if (edit.text === '') return withOccurrence({id, type: 'deleteText', target, text: quoted}, quoted, edit.start)
  return withOccurrence({id, type: 'substitute', target, text: quoted, by: edit.text}, quoted, edit.start)
}
