/**
 * Units as Word paragraphs: text runs, tracked insertions and deletions
 * (also of paragraph marks), footnotes with tracked changes inside them, and
 * comments anchored on each unit's changed text.
 */
import type {NoteChange} from '@redlex/compare'
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  FootnoteReferenceRun,
  InsertedTextRun,
  Paragraph,
  Tab,
  TextRun
} from 'docx'
import type {ICommentOptions, IParagraphOptions, ParagraphChild} from 'docx'
import {foldItems, plainItems, splitLines, type Line, type Piece} from './lines.js'
import type {Unit} from './units.js'

/** A revision's attributes for `docx`: id, author, date. */
export type Revision = (author: string) => {id: number; author: string; date: string}

/** What the paragraphs of the act collect besides themselves. */
export interface Collected {
  paragraphs: Paragraph[]
  comments: ICommentOptions[]
  footnotes: Record<number, {children: Paragraph[]}>
}

export interface ParagraphContext {
  revision: Revision
  withComments: boolean
  commentDate: Date | undefined
  formal: boolean
  /** Comments already made (the title block's come first). */
  commentCount: number
}

/** The style id of each kind of line. */
const STYLE: Readonly<Record<Line['style'], string | undefined>> = {
  title: 'ActTitle',
  division: 'DivisionNumber',
  article: 'ArticleNumber',
  heading: 'ProvisionHeading',
  text: undefined
}

export function unitParagraphs(units: readonly Unit[], context: ParagraphContext): Collected {
  const out: Collected = {paragraphs: [], comments: [], footnotes: {}}
  let footnoteId = 1
  const footnote = (note: NoteChange, author: string): number => {
    const id = footnoteId++
    const lines = splitLines(foldItems(plainItems(note.diff), context.formal), 'common', 'text', 0)
    out.footnotes[id] = {
      children: lines.map((line) => new Paragraph({children: line.pieces.map((p) => run(p, author, context.revision))}))
    }
    return id
  }
  for (const unit of units) {
    const anchors = context.withComments
      ? unit.comments.map((comment) => {
          const id = context.commentCount + out.comments.length
          const entry: ICommentOptions = {
            id,
            author: comment.author,
            initials: initials(comment.author),
            children: comment.paragraphs.map((text) => new Paragraph({children: [new TextRun(text)]}))
          }
          out.comments.push(context.commentDate ? {...entry, date: context.commentDate} : entry)
          return id
        })
      : []
    const [start, end] = commentRange(unit)
    unit.lines.forEach((line, l) => {
      const children: ParagraphChild[] = []
      line.pieces.forEach((piece, i) => {
        if (start[0] === l && start[1] === i) children.push(...anchors.map((id) => new CommentRangeStart(id)))
        children.push(
          piece.note
            ? new FootnoteReferenceRun(footnote(piece.note, unit.author))
            : run(piece, unit.author, context.revision)
        )
        if (end[0] === l && end[1] === i)
          children.push(
            ...anchors.flatMap((id) => [new CommentRangeEnd(id), new TextRun({children: [new CommentReference(id)]})])
          )
      })
      if (start[0] === l && line.pieces.length === 0) {
        // An empty paragraph: anchor the comments on its mark.
        children.push(
          ...anchors.flatMap((id) => [
            new CommentRangeStart(id),
            new CommentRangeEnd(id),
            new TextRun({children: [new CommentReference(id)]})
          ])
        )
      }
      out.paragraphs.push(new Paragraph(paragraphOptions(line, children, unit.author, context.revision)))
    })
  }
  return out
}

/** A run of text or a tab, tracked when it is only in one version. */
function run(piece: Piece, author: string, revision: Revision): ParagraphChild {
  const content = piece.tab ? {children: [new Tab()]} : {text: piece.text}
  if (piece.kind === 'added') return new InsertedTextRun({...revision(author), ...content})
  if (piece.kind === 'removed') return new DeletedTextRun({...revision(author), ...content})
  return new TextRun(content)
}

function paragraphOptions(
  line: Line,
  children: ParagraphChild[],
  author: string,
  revision: Revision
): IParagraphOptions {
  const props: {-readonly [K in keyof IParagraphOptions]: IParagraphOptions[K]} = {children}
  if (line.mark === 'added') props.run = {insertion: revision(author)}
  else if (line.mark === 'removed') props.run = {deletion: revision(author)}
  const style = STYLE[line.style]
  if (style) props.style = style
  if (line.indent > 0) props.indent = line.hang ? {left: 567 * line.indent, hanging: 567} : {left: 567 * line.indent}
  else if (line.hang) props.indent = {left: 567, hanging: 567}
  if (line.style === 'text') props.alignment = AlignmentType.JUSTIFIED
  return props
}

/** Where a unit's comments start and end: its changed pieces, else its first paragraph. */
function commentRange(unit: Unit): [readonly [number, number], readonly [number, number]] {
  const changed = unit.lines
    .flatMap((line, l) => line.pieces.map((p, i) => [l, i, p.kind] as const))
    .filter(([, , k]) => k !== 'common')
  const first = Math.max(
    unit.lines.findIndex((line) => line.pieces.length > 0),
    0
  )
  const start = changed[0] ? ([changed[0][0], changed[0][1]] as const) : ([first, 0] as const)
  const last = changed[changed.length - 1]
  const end = last ? ([last[0], last[1]] as const) : ([first, (unit.lines[first]?.pieces.length ?? 1) - 1] as const)
  return [start, end]
}

/** `SJ, HOME` → `SH`; `Conclusion C4` → `CC`. */
export function initials(author: string): string {
  return author
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 4)
}
