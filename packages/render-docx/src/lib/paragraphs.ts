/**
 * Units as Word paragraphs: text runs, tracked insertions and deletions
 * (also of paragraph marks), footnotes with tracked changes inside them, and
 * comments anchored on each unit's changed text. The content of a moved
 * provision is made of insertions and deletions noted as moves, which
 * `markRevisions` turns into `w:moveFrom`/`w:moveTo` (see revisions.ts).
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
import {foldItems, plainItems, splitLines, type Kind, type Line, type Piece} from './lines.js'
import type {Revisions, Role} from './revisions.js'
import type {Move, Unit} from './units.js'

/** What the paragraphs of the act collect besides themselves. */
export interface Collected {
  paragraphs: Paragraph[]
  comments: ICommentOptions[]
  footnotes: Record<number, {children: Paragraph[]}>
}

export interface ParagraphContext {
  revisions: Revisions
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
  const footnote = (piece: Piece & {note: NoteChange}, author: string, move: Move | undefined): number => {
    const id = footnoteId++
    const {note} = piece
    const tracked = trackedAs(piece.kind, move)
    if (tracked) context.revisions.markNote(id, tracked.wrap, author, tracked.role)
    // Moved away with its provision: the note as it stood (it goes, or comes back, with its reference).
    const movedAway = tracked?.role?.as === 'moveFrom'
    const segments = movedAway ? [{value: note.before?.text ?? ''}] : note.diff
    if (!movedAway && (note.status === 'inserted' || note.status === 'deleted'))
      context.revisions.markNoteContent(id, note.status === 'inserted' ? 'w:ins' : 'w:del', author)
    const lines = splitLines(foldItems(plainItems(segments), context.formal), 'common', 'text', 0)
    out.footnotes[id] = {
      children: lines.map(
        (line) => new Paragraph({children: line.pieces.map((p) => run(p, author, context.revisions, undefined))})
      )
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
            ? new FootnoteReferenceRun(footnote({...piece, note: piece.note}, unit.author, unit.move))
            : run(piece, unit.author, context.revisions, unit.move)
        )
        if (end[0] === l && end[1] === i)
          children.push(
            ...anchors.flatMap((id) => [
              new CommentRangeEnd(id),
              reference(id, line.mark, unit.author, context.revisions, unit.move)
            ])
          )
      })
      if (start[0] === l && line.pieces.length === 0) {
        // An empty paragraph: anchor the comments on its mark.
        children.push(
          ...anchors.flatMap((id) => [
            new CommentRangeStart(id),
            new CommentRangeEnd(id),
            reference(id, line.mark, unit.author, context.revisions, unit.move)
          ])
        )
      }
      out.paragraphs.push(new Paragraph(paragraphOptions(line, children, unit.author, context.revisions, unit.move)))
    })
  }
  return out
}

/**
 * How content of a kind is tracked: outside moves, an insertion or a
 * deletion; where a moved provision stood, all of it moved away; where it
 * stands, its common text moved here and its new words inserted (the words
 * it lost are not there: see `arrivedLines`).
 */
function trackedAs(kind: Kind, move: Move | undefined): {wrap: 'w:ins' | 'w:del'; role?: Role} | undefined {
  if (move?.side === 'from') return {wrap: 'w:del', role: {as: 'moveFrom', move: move.name}}
  if (move?.side === 'to') {
    return kind === 'added' ? {wrap: 'w:ins'} : {wrap: 'w:ins', role: {as: 'moveTo', move: move.name}}
  }
  if (kind === 'added') return {wrap: 'w:ins'}
  return kind === 'removed' ? {wrap: 'w:del'} : undefined
}

/** A run of text or a tab, tracked when it is only in one version, or moved. */
function run(piece: Piece, author: string, revisions: Revisions, move: Move | undefined): ParagraphChild {
  const content = piece.tab ? {children: [new Tab()]} : {text: piece.text}
  const tracked = trackedAs(piece.kind, move)
  if (!tracked) return new TextRun(content)
  const revision = revisions.revision(author, tracked.role)
  return tracked.wrap === 'w:ins'
    ? new InsertedTextRun({...revision, ...content})
    : new DeletedTextRun({...revision, ...content})
}

/**
 * A comment's reference run, tracked like the paragraph mark it stands
 * before: a plain run between a tracked paragraph's text and its mark makes
 * LibreOffice drop the mark's revision (a moved-away paragraph would then
 * stay behind, empty, after "Accept all").
 */
function reference(
  id: number,
  mark: Kind,
  author: string,
  revisions: Revisions,
  move: Move | undefined
): ParagraphChild {
  const content = {children: [new CommentReference(id)]}
  const tracked = trackedAs(mark, move)
  if (!tracked) return new TextRun(content)
  const revision = revisions.revision(author, tracked.role)
  return tracked.wrap === 'w:ins'
    ? new InsertedTextRun({...revision, ...content})
    : new DeletedTextRun({...revision, ...content})
}

function paragraphOptions(
  line: Line,
  children: ParagraphChild[],
  author: string,
  revisions: Revisions,
  move: Move | undefined
): IParagraphOptions {
  const props: {-readonly [K in keyof IParagraphOptions]: IParagraphOptions[K]} = {children}
  const tracked = trackedAs(line.mark, move)
  if (tracked) {
    const revision = revisions.revision(author, tracked.role)
    props.run = tracked.wrap === 'w:ins' ? {insertion: revision} : {deletion: revision}
  }
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
