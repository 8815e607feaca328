/**
 * Redlines cut into Word paragraphs: each piece of text (or tab, or
 * footnote marker) knows whether it is in the first version, the second or
 * both, and so does each paragraph mark.
 */
import type {NoteChange, NotedItem, Segment} from '@redlex/compare'

export type Kind = 'common' | 'added' | 'removed'

/** A piece of text, a tab, or a footnote marker, of one kind. */
export interface Piece {
  text: string
  kind: Kind
  tab?: true
  /** A footnote marker: the note (its text becomes a Word footnote). */
  note?: NoteChange
}

export type LineStyle = 'title' | 'division' | 'article' | 'heading' | 'text'

/** One paragraph: its pieces and the state of its paragraph mark. */
export interface Line {
  pieces: Piece[]
  mark: Kind
  style: LineStyle
  indent: number
  /** A hanging indent for the number. */
  hang?: true
}

export const kindOf = (s: Segment): Kind => (s.added ? 'added' : s.removed ? 'removed' : 'common')

/** A paragraph mark (or tab) that exists in the first version, the second, or both. */
export const presence = (inBefore: boolean, inAfter: boolean): Kind | undefined =>
  inBefore && inAfter ? 'common' : inAfter ? 'added' : inBefore ? 'removed' : undefined

/**
 * A redline's items with formal pairs (spacing, quote style, references
 * updated for renumbering: `Segment.formal`) shown in their new form as
 * plain text, unless `keep` asks for them as revisions.
 */
export function foldItems(items: readonly NotedItem[], keep: boolean): NotedItem[] {
  if (keep) return [...items]
  const out: NotedItem[] = []
  for (const item of items) {
    if (item.type === 'segment' && item.segment.formal) {
      if (item.segment.removed) continue
      out.push({type: 'segment', segment: {value: item.segment.value}})
    } else out.push(item)
  }
  return out
}

/** Split a redline into paragraphs at `\n`: a break of kind k ends a paragraph whose mark is of kind k. */
export function splitLines(items: readonly NotedItem[], end: Kind, style: LineStyle, indent: number): Line[] {
  const lines: Line[] = []
  let pieces: Piece[] = []
  for (const item of items) {
    if (item.type === 'note') {
      pieces.push({
        text: '',
        kind: item.note.status === 'inserted' ? 'added' : item.note.status === 'deleted' ? 'removed' : 'common',
        note: item.note
      })
      continue
    }
    const kind = kindOf(item.segment)
    item.segment.value.split('\n').forEach((part, index) => {
      if (index > 0) {
        lines.push({pieces, mark: kind, style, indent})
        pieces = []
      }
      if (part !== '') pieces.push({text: part, kind})
    })
  }
  lines.push({pieces, mark: end, style, indent})
  return lines
}

/** Segments as redline items without footnotes. */
export const plainItems = (segments: readonly Segment[]): NotedItem[] =>
  segments.map((segment) => ({type: 'segment', segment}))

/** Redline of a number: common leading words kept, the rest replaced (`Article ` + `5`→`4`). */
export function numDiff(before: string | undefined, after: string | undefined, formal = false): Segment[] {
  if (before === after) return before ? [{value: before}] : []
  // Only the spacing differs (`Article\u00a01`): a formal change, shown in the second version's form.
  if (
    !formal &&
    before !== undefined &&
    after !== undefined &&
    before.replace(/\s+/g, ' ') === after.replace(/\s+/g, ' ')
  )
    return [{value: after}]
  if (before === undefined) return [{value: after!, added: true}]
  if (after === undefined) return [{value: before, removed: true}]
  const a = before.split(/(?<=\s)/)
  const b = after.split(/(?<=\s)/)
  let common = 0
  while (common < a.length - 1 && common < b.length - 1 && a[common] === b[common]) common++
  const out: Segment[] = []
  if (common > 0) out.push({value: a.slice(0, common).join('')})
  out.push({value: a.slice(common).join(''), removed: true}, {value: b.slice(common).join(''), added: true})
  return out
}
