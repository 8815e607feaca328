/**
 * Rebuild either version's plain text from a comparison alone. The result
 * equals `textOf(document)` of that version (from `@redlex/tree`): every
 * number/heading line, text block and table row of the version sits in the
 * model once, with its index (`seq`, `blocks`, `beforeSeq`/`afterSeq`).
 */
import {RedlexError, noteText} from '@redlex/tree'
import {sideOf} from './legal-diff.js'
import type {Comparison, NoteChange, ProvisionChange} from './types.js'

export interface ReconstructOptions {
  /** Write footnotes where their markers stand, as `textOf(document, {notes: true})` does (default false). */
  notes?: boolean
}

/**
 * The plain text of the first (`before`) or second (`after`) version:
 * `textOf(document)`, or with `{notes: true}` `textOf(document, {notes: true})`.
 */
export function reconstruct(
  comparison: Comparison,
  side: 'before' | 'after',
  options?: Readonly<ReconstructOptions> | null
): string {
  const withNotes = options?.notes === true
  /** `text` (which starts at offset `from` of its owner's text) with the side's notes of `place` written in. */
  const noted = (
    text: string,
    from: number,
    notes: readonly NoteChange[] | undefined,
    place: 'heading' | undefined
  ): string => {
    if (!withNotes || !notes) return text
    const here = notes
      .map((note) => (note.place === place ? note[side] : undefined))
      .filter((note) => note !== undefined && note.at >= from && note.at <= from + text.length)
      .sort((x, y) => x!.at - y!.at)
    let out = ''
    let at = 0
    for (const note of here) {
      out += text.slice(at, note!.at - from) + noteText(note!.marker, note!.text)
      at = note!.at - from
    }
    return out + text.slice(at)
  }
  const entries: Array<string | undefined> = []
  const put = (seq: number, text: string, what: string): void => {
    if (entries[seq] !== undefined) {
      throw new RedlexError(`Entry ${seq} of the ${side} text is claimed twice (${what})`, {
        code: 'compare/reconstruct-overlap',
        hint: 'The comparison was edited or built by hand; compare the documents again'
      })
    }
    entries[seq] = text
  }
  for (const frame of comparison.frame) {
    const seq = side === 'before' ? frame.beforeSeq : frame.afterSeq
    if (seq !== undefined)
      put(seq, noted(sideOf(frame.diff, side), 0, frame.notes, undefined), `${frame.part} ${frame.kind}`)
  }
  const visit = (change: ProvisionChange): void => {
    const own = change[side]
    if (own) {
      if (own.seq !== undefined) {
        const head: string[] = []
        if (own.num !== undefined) head.push(own.num)
        if (own.heading !== undefined) head.push(noted(sideOf(change.heading ?? [], side), 0, change.notes, 'heading'))
        put(own.seq, head.join(' '), own.eId)
      }
      const text = sideOf(change.diff, side)
      let offset = 0
      for (const [seq, length] of own.blocks ?? []) {
        put(seq, noted(text.slice(offset, offset + length), offset, change.notes, undefined), own.eId)
        offset += length + 1
      }
    }
    for (const child of change.children) visit(child)
  }
  for (const change of comparison.changes) visit(change)
  const count = comparison.entries?.[side] ?? entries.length
  for (let seq = 0; seq < count; seq++) {
    if (entries[seq] === undefined) {
      throw new RedlexError(`Entry ${seq} of the ${side} text is missing from the comparison`, {
        code: 'compare/reconstruct-missing',
        hint: 'The comparison was edited or built by hand; compare the documents again'
      })
    }
  }
  return entries.join('\n')
}
