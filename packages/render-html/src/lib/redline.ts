/**
 * A redline (the segments of one text) as HTML blocks: one list of inline
 * nodes per text block. `inline` shows both versions with `<del>`/`<ins>`;
 * `before`/`after` show one version, with what the other lacks marked.
 */
import type {NoteChange, NotedItem, Segment} from '@redlex/compare'
import {withNotes} from '@redlex/compare'
import {h, wrapText, type Child, type Markup} from './markup.js'

export type Mode = 'inline' | 'before' | 'after'

/** How a run of text is wrapped: as it is, deleted or inserted. */
type Wrap = (text: string) => Child

// Plain text is a string: the element it ends up in escapes it.
const plain: Wrap = (text) => text
// `h('del', null, text)` without its general path: a redline makes thousands.
const del: Wrap = (text) => wrapText('del', text)
const ins: Wrap = (text) => wrapText('ins', text)

/**
 * The blocks of a redline. A formal pair (see `Segment.formal`) shows one
 * form, dotted, with the other in its tooltip, unless `formal` asks for
 * them as deletions and insertions.
 */
export function redline(segments: readonly Segment[], mode: Mode, formal: boolean, notes?: FootnoteMarks): Child[][] {
  // Most provisions have no footnotes: then the segments are the items (read as such below, not copied).
  const items: readonly NotedItem[] | undefined = notes?.notes?.length
    ? withNotes(segments, notes.notes, notes.place)
    : undefined
  const count = items ? items.length : segments.length
  /** The segment at `i`, or `undefined` for a footnote marker. */
  const segmentAt = (i: number): Segment | undefined => {
    if (!items) return segments[i]
    const item = items[i]
    return item?.type === 'segment' ? item.segment : undefined
  }
  const blocks: Child[][] = []
  let block: Child[] = []
  const allRemoved = segments.every((s) => s.removed)
  // `split`: a `\n` starts a new block; `pilcrow`: a deleted break inside mixed text shows as a deleted `¶`.
  const emit = (text: string, wrap: Wrap, breaks: 'split' | 'pilcrow'): void => {
    // Most runs hold no break: no split, no array.
    if (!text.includes('\n')) {
      if (text !== '') block.push(wrap(text))
      return
    }
    const parts = breaks === 'split' ? text.split('\n') : [text.replace(/\n/g, '¶')]
    parts.forEach((part, index) => {
      if (index > 0) {
        blocks.push(block)
        block = []
      }
      if (part !== '') block.push(wrap(part))
    })
  }
  for (let i = 0; i < count; i++) {
    const s = segmentAt(i)
    if (s === undefined) {
      // A footnote marker, where the note stands in the version(s) shown.
      const item = items![i] as {type: 'note'; note: NoteChange}
      if (mode === 'inline' || item.note[mode]) block.push(notes!.mark(item.note, mode))
      continue
    }
    if (s.formal && !formal) {
      const next = segmentAt(i + 1)
      if (s.removed && next?.formal && next.added) {
        const shown = mode === 'before' ? s.value : next.value
        const other = mode === 'before' ? next.value : s.value
        const title = `${s.formal === 'renumbering' ? 'Reference updated' : 'Changed in form only'}; ${mode === 'before' ? 'now' : 'was'}: ${other}`
        emit(shown, (t) => h('span', {className: ['formal'], title}, t), 'split')
        i++
      } else if (s.removed ? mode !== 'after' : mode !== 'before') emit(s.value, plain, 'split')
      continue
    }
    if (s.added) {
      if (mode !== 'before') emit(s.value, ins, 'split')
    } else if (s.removed) {
      if (mode !== 'after') emit(s.value, del, mode === 'inline' && !allRemoved ? 'pilcrow' : 'split')
    } else emit(s.value, plain, 'split')
  }
  blocks.push(block)
  return blocks.filter((b) => b.length > 0)
}

/** The footnotes of a redline and how to draw a marker (a link to the note, marked as its status). */
export interface FootnoteMarks {
  notes: readonly NoteChange[] | undefined
  place?: 'heading' | undefined
  mark: (note: NoteChange, mode: Mode) => Markup
}
