/**
 * A Word document of the second version with the changes as real tracked
 * changes (`w:ins`/`w:del` revisions, and inserted or deleted paragraph
 * marks), so that Word's "Accept all" gives the second version and "Reject
 * all" the first. Each revision's author is the service that asked for the
 * change (or its ISC conclusion), its date the ISC date; Word comments on
 * the changed text carry the conclusion.
 *
 * Layout: one paragraph per text block; a point's, paragraph's or
 * recital's number starts its first block, followed by a tab; divisions,
 * articles and annexes get a heading paragraph for their number
 * (`Heading 1`/`Heading 2`, so they show in Word's navigation pane) and
 * one for their heading (style `Provision heading`).
 */
import type {Cause, Comparison, FrameChange, ProvisionChange, Segment} from '@redlex/compare'
import JSZip from 'jszip'
import {causeAuthor, causeParts, documentOrder} from '@redlex/compare'
import {xmlDroppedWarning, xmlSafe} from '@redlex/tree'
import type {Warning} from '@redlex/tree'
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, Header,
  HeadingLevel, InsertedTextRun, Packer, Paragraph, Tab, TextRun
} from 'docx'
import type {ICommentOptions, IParagraphOptions, ParagraphChild} from 'docx'

/** Options for `toDocx`. */
export interface DocxOptions {
  /** Author of revisions whose cause names no service or conclusion (default `redlex`). */
  author?: string | null | undefined
  /**
   * Date of the revisions and comments, ISO 8601 (`2020-09-02` or a full
   * date-time). Default: the ISC date; with neither, revisions carry no date.
   */
  date?: string | null | undefined
  /** Add Word comments with the causes of changes and notes on moves and fallbacks (default `true`). */
  comments?: boolean | null | undefined
  /** The document title in its properties (default `Redline: <before> → <after>`). */
  title?: string | null | undefined
  /**
   * Told about what could not be written exactly: characters XML 1.0 does
   * not allow (U+FFFE, C0 controls…) are dropped from the document, with
   * one `tree/xml-invalid-character` warning.
   */
  onWarning?: ((warning: Warning) => void) | null | undefined
}

type Kind = 'common' | 'added' | 'removed'

/** A piece of text (or a tab) of one kind. */
interface Piece {
  text: string
  kind: Kind
  tab?: true
}

/** One paragraph: its pieces and the state of its paragraph mark. */
interface Line {
  pieces: Piece[]
  mark: Kind
  style: 'title' | 'num1' | 'num2' | 'heading' | 'text'
  indent: number
  /** A hanging indent for the number. */
  hang?: true
}

/** Paragraphs that stand together, with the first entry index they have in the first version. */
interface Unit {
  lines: Line[]
  key?: number
  author: string
  /** Comment on the unit's changed text: id and text. */
  comment?: {paragraphs: string[]; author: string}
}

const kindOf = (s: Segment): Kind => (s.added ? 'added' : s.removed ? 'removed' : 'common')

/** A paragraph mark (or tab) that exists in the first version, the second, or both. */
const presence = (inBefore: boolean, inAfter: boolean): Kind | undefined =>
  inBefore && inAfter ? 'common' : inAfter ? 'added' : inBefore ? 'removed' : undefined

/** Split a redline into paragraphs at `\n`: a break of kind k ends a paragraph whose mark is of kind k. */
function splitLines(segments: readonly Segment[], end: Kind, style: Line['style'], indent: number): Line[] {
  const lines: Line[] = []
  let pieces: Piece[] = []
  for (const segment of segments) {
    const kind = kindOf(segment)
    segment.value.split('\n').forEach((part, index) => {
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

/** Redline of a number: common leading words kept, the rest replaced (`Article ` + `5`→`4`). */
function numDiff(before: string | undefined, after: string | undefined): Segment[] {
  if (before === after) return before ? [{value: before}] : []
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

const HEADED = new Set(['division', 'article', 'annex'])
const INDENTED = new Set(['paragraph', 'point', 'indent', 'subparagraph'])

/** The first entry index of a change in the first version (`undefined` when unknown or absent). */
const beforeKey = (change: ProvisionChange): number | undefined => change.before?.seq ?? change.before?.blocks?.[0]?.[0]

/** A change turned into a wholly inserted (`after`) or deleted (`before`) subtree, for moves. */
function wholly(change: ProvisionChange, which: 'before' | 'after', top: boolean): ProvisionChange | undefined {
  const side = change[which]
  if (!side) return undefined
  // A moved descendant stood elsewhere in the first version: it gets its own deleted copy there.
  if (!top && which === 'before' && change.status === 'moved') return undefined
  const flag = which === 'after' ? {added: true as const} : {removed: true as const}
  const out: ProvisionChange = {
    status: which === 'after' ? 'inserted' : 'deleted', kind: change.kind, [which]: side,
    diff: side.text === '' ? [] : [{value: side.text, ...flag}],
    children: change.children.flatMap((c) => wholly(c, which, false) ?? [])
  }
  if (side.heading) out.heading = [{value: side.heading, ...flag}]
  if (change.causes) out.causes = change.causes
  return out
}

function commentText(causes: readonly Cause[]): string[] {
  return causes.flatMap((cause) => {
    const parts = causeParts(cause)
    const head = [
      parts.amendment, parts.conclusion ? `conclusion ${parts.conclusion}` : undefined,
      parts.services ? `requested by ${parts.services}` : undefined
    ].filter(Boolean).join(', ')
    return [parts.text ?? head, ...(parts.text ? [head] : []), ...(parts.note ? [`Note: ${parts.note}`] : [])]
  })
}

/** Normalise an ISO date to an `xsd:dateTime` (`2020-09-02` → `2020-09-02T00:00:00Z`). */
function revisionDate(value: string | undefined): string | undefined {
  if (!value) return undefined
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * Render a comparison as a Word document with tracked changes.
 *
 * @param comparison The comparison (from `compareDocuments`).
 * @param options Rendering options.
 * @returns The bytes of a `.docx` file.
 */
export async function toDocx(input: Comparison, inputOptions?: Readonly<DocxOptions> | null): Promise<Uint8Array> {
  const dropped: string[] = []
  const comparison = withoutInvalidCharacters(input, (char) => dropped.push(char))
  const options = withoutInvalidCharacters(inputOptions, (char) => dropped.push(char))
  const warning = xmlDroppedWarning(dropped, 'the Word document')
  if (warning) inputOptions?.onWarning?.(warning)
  const fallbackAuthor = options?.author ?? 'redlex'
  const date = revisionDate(options?.date ?? comparison.isc?.date)
  const withComments = options?.comments ?? true
  const title = options?.title ?? `Redline: ${comparison.before.name} → ${comparison.after.name}`

  // 1. Units in the order of the second version; deleted copies of moved provisions aside.
  const units: Unit[] = []
  const displaced: Unit[][] = []
  const frameUnit = (frame: FrameChange): Unit => {
    const inBefore = frame.status !== 'inserted'
    const inAfter = frame.status !== 'deleted'
    const style: Line['style'] = frame.part === 'preface' ? 'title' : 'text'
    const unit: Unit = {lines: splitLines(frame.diff, presence(inBefore, inAfter)!, style, 0), author: fallbackAuthor}
    if (frame.beforeSeq !== undefined) unit.key = frame.beforeSeq
    return unit
  }
  const provisionUnits = (change: ProvisionChange, depth: number, inherited: readonly Cause[] | undefined, into: Unit[]): void => {
    if (change.status === 'moved') {
      // Inserted where it now stands, deleted where it stood.
      const note = `Moved from ${change.before?.label ?? '?'}`
      const inserted = wholly(change, 'after', true)
      const deleted = wholly(change, 'before', true)
      if (inserted) {
        const at = into.length
        provisionUnits(inserted, depth, change.causes ?? inherited, into)
        const first = into[at]
        if (first && !first.comment) first.comment = {paragraphs: [note], author: fallbackAuthor}
        else if (first?.comment) first.comment.paragraphs.push(note)
      }
      if (deleted) {
        const block: Unit[] = []
        provisionUnits(deleted, depth, change.causes ?? inherited, block)
        const first = block[0]
        if (first) {
          const to = `Moved to ${change.after?.label ?? '?'}`
          if (first.comment) first.comment.paragraphs.push(to)
          else first.comment = {paragraphs: [to], author: fallbackAuthor}
          // Where it stood: before the first unit of the first version that followed it.
          const key = beforeKey(change)
          if (key !== undefined) for (const unit of block) unit.key ??= key
          displaced.push(block)
        }
      }
      return
    }
    const causes = change.causes ?? (change.status === 'inserted' || change.status === 'deleted' ? inherited : undefined)
    const author = causeAuthor(causes) ?? fallbackAuthor
    const b = change.before
    const a = change.after
    const lines: Line[] = []
    // Sub-units are indented by depth; an unnumbered subparagraph lines up with its parent's text.
    const indent = INDENTED.has(change.kind) ? Math.max(change.kind === 'subparagraph' ? depth - 1 : depth, 0) : 0
    if (HEADED.has(change.kind)) {
      const numMark = presence(Boolean(b?.num), Boolean(a?.num))
      if (numMark) {
        lines.push(...splitLines(numDiff(b?.num, a?.num), numMark, change.kind === 'article' ? 'num2' : 'num1', 0))
      }
      const headingMark = presence(Boolean(b?.heading), Boolean(a?.heading))
      if (headingMark && change.heading) lines.push(...splitLines(change.heading, headingMark, 'heading', 0))
      const textMark = presence(Boolean(b && b.text !== ''), Boolean(a && a.text !== ''))
      if (textMark) lines.push(...splitLines(change.diff, textMark, 'text', 0))
    } else {
      const textMark = presence(Boolean(b && (b.num || b.text !== '')), Boolean(a && (a.num || a.text !== '')))
      if (textMark) {
        const text = splitLines(change.diff, textMark, 'text', indent)
        const num = numDiff(b?.num, a?.num)
        const tab = presence(Boolean(b?.num && b.text !== ''), Boolean(a?.num && a.text !== ''))
        const head: Piece[] = num.filter((s) => s.value !== '').map((s) => ({text: s.value, kind: kindOf(s)}))
        if (tab) head.push({text: '\t', kind: tab, tab: true})
        text[0]!.pieces.unshift(...head)
        if (b?.num || a?.num) text[0]!.hang = true
        lines.push(...text)
      }
    }
    const unit: Unit = {lines, author}
    const key = beforeKey(change)
    if (key !== undefined && change.status !== 'inserted') unit.key = key
    const notes: string[] = []
    if (change.causes && change.causes.length > 0) notes.push(...commentText(change.causes))
    if (change.status === 'renumbered') notes.push(`Renumbered from ${change.before?.label ?? '?'}`)
    if (change.fallback === 'replaced') notes.push('The word-level redline ran out of time: replaced as a whole.')
    if (notes.length > 0 && lines.length > 0) unit.comment = {paragraphs: notes, author}
    into.push(unit)
    for (const child of change.children) provisionUnits(child, depth + 1, causes, into)
  }
  for (const item of documentOrder(comparison)) {
    if (item.type === 'frame') units.push(frameUnit(item.frame))
    else provisionUnits(item.change, 0, undefined, units)
  }
  // 2. Put the deleted copies of moved provisions where they stood in the first version.
  for (const block of displaced) {
    const key = block[0]!.key
    let at = units.length
    if (key !== undefined) {
      const found = units.findIndex((u) => u.key !== undefined && u.key > key)
      if (found >= 0) at = found
    }
    units.splice(at, 0, ...block)
  }

  // 3. Paragraphs, with revision and comment ids.
  let revision = 1
  const comments: ICommentOptions[] = []
  const commentDate = date ? new Date(date) : undefined
  const change = (author: string): {id: number; author: string; date: string} =>
    ({id: revision++, author, date: date as string}) // docx leaves `w:date` out when it is undefined
  const paragraphs: Paragraph[] = []
  for (const unit of units) {
    const changed = unit.lines.flatMap((line, l) => line.pieces.map((p, i) => [l, i, p.kind] as const)).filter(([, , k]) => k !== 'common')
    let commentId: number | undefined
    let start: readonly [number, number] | undefined
    let end: readonly [number, number] | undefined
    if (withComments && unit.comment) {
      commentId = comments.length
      const entry: ICommentOptions = {
        id: commentId, author: unit.comment.author, initials: initials(unit.comment.author),
        children: unit.comment.paragraphs.map((text) => new Paragraph({children: [new TextRun(text)]}))
      }
      comments.push(commentDate ? {...entry, date: commentDate} : entry)
      const firstChanged = changed[0]
      const lastChanged = changed[changed.length - 1]
      const firstLine = unit.lines.findIndex((line) => line.pieces.length > 0)
      start = firstChanged ? [firstChanged[0], firstChanged[1]] : [Math.max(firstLine, 0), 0]
      end = lastChanged ? [lastChanged[0], lastChanged[1]] : [Math.max(firstLine, 0), (unit.lines[Math.max(firstLine, 0)]?.pieces.length ?? 1) - 1]
    }
    unit.lines.forEach((line, l) => {
      const children: ParagraphChild[] = []
      line.pieces.forEach((piece, i) => {
        if (commentId !== undefined && start && start[0] === l && start[1] === i) children.push(new CommentRangeStart(commentId))
        const content = piece.tab ? {children: [new Tab()]} : {text: piece.text}
        if (piece.kind === 'added') children.push(new InsertedTextRun({...change(unit.author), ...content}))
        else if (piece.kind === 'removed') children.push(new DeletedTextRun({...change(unit.author), ...content}))
        else children.push(new TextRun(content))
        if (commentId !== undefined && end && end[0] === l && end[1] === i) {
          children.push(new CommentRangeEnd(commentId), new TextRun({children: [new CommentReference(commentId)]}))
        }
      })
      if (commentId !== undefined && start && start[0] === l && line.pieces.length === 0) {
        // An empty paragraph: anchor the comment on its mark.
        children.push(new CommentRangeStart(commentId), new CommentRangeEnd(commentId), new TextRun({children: [new CommentReference(commentId)]}))
      }
      const props: {-readonly [K in keyof IParagraphOptions]: IParagraphOptions[K]} = {children}
      if (line.mark === 'added') props.run = {insertion: change(unit.author)}
      else if (line.mark === 'removed') props.run = {deletion: change(unit.author)}
      if (line.style === 'num1') props.heading = HeadingLevel.HEADING_1
      else if (line.style === 'num2') props.heading = HeadingLevel.HEADING_2
      else if (line.style === 'heading') props.style = 'ProvisionHeading'
      else if (line.style === 'title') props.style = 'ActTitle'
      if (line.indent > 0) props.indent = line.hang ? {left: 567 * line.indent, hanging: 567} : {left: 567 * line.indent}
      paragraphs.push(new Paragraph(props))
    })
  }

  const headerText = [
    `Redline: ${comparison.before.name} → ${comparison.after.name}`,
    comparison.isc ? `${comparison.isc.reference}${comparison.isc.date ? ` (${comparison.isc.date})` : ''}` : undefined
  ].filter(Boolean).join(' · ')
  const document = new Document({
    creator: 'redlex',
    title,
    subject: `Changes from ${comparison.before.name} to ${comparison.after.name}`,
    description: [comparison.after.title, comparison.isc ? `Interservice consultation ${comparison.isc.reference}` : ''].filter(Boolean).join(' — '),
    features: {trackRevisions: true},
    comments: {children: comments},
    styles: {
      paragraphStyles: [
        {id: 'ActTitle', name: 'Act title', basedOn: 'Normal', next: 'Normal', quickFormat: true,
          run: {bold: true}, paragraph: {alignment: AlignmentType.CENTER, spacing: {after: 120}}},
        {id: 'ProvisionHeading', name: 'Provision heading', basedOn: 'Normal', next: 'Normal', quickFormat: true,
          run: {bold: true}, paragraph: {alignment: AlignmentType.CENTER, keepNext: true, spacing: {after: 120}}}
      ]
    },
    sections: [{
      headers: {default: new Header({children: [new Paragraph({children: [new TextRun({text: headerText, size: 16})]})]})},
      children: paragraphs.length > 0 ? paragraphs : [new Paragraph({children: []})]
    }]
  })
  const buffer = await Packer.toBuffer(document)
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  return date ? stamp(bytes, date) : bytes
}

/**
 * `value` with the characters XML 1.0 forbids dropped from every string in
 * it; what did not change is shared, so a clean comparison comes back as it
 * is. `docx` drops C0 controls without a word and writes U+FFFE and U+FFFF
 * as they are, which makes Word refuse the file.
 */
function withoutInvalidCharacters<T>(value: T, onDrop: (char: string) => void): T {
  if (typeof value === 'string') return xmlSafe(value, onDrop) as T
  if (typeof value !== 'object' || value === null) return value
  let changed = false
  const entries = Object.entries(value).map(([key, item]) => {
    const safe = withoutInvalidCharacters(item, onDrop)
    if (safe !== item) changed = true
    return [key, safe] as const
  })
  if (!changed) return value
  return (Array.isArray(value) ? entries.map(([, item]) => item) : Object.fromEntries(entries)) as T
}

/**
 * Give the package one date throughout — the document properties' created
 * and modified, and every zip entry — so that one comparison renders to the
 * same bytes every time. `docx` stamps both with the time of rendering and
 * has no option for it.
 */
async function stamp(bytes: Uint8Array, date: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes)
  const core = zip.file('docProps/core.xml')
  if (core) {
    const xml = await core.async('string')
    zip.file('docProps/core.xml', xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${date}$3`))
  }
  const when = new Date(date)
  zip.forEach((_path, entry) => {
    entry.date = when
  })
  return zip.generateAsync({type: 'uint8array', compression: 'DEFLATE'})
}

/** `SJ, HOME` → `SH`; `redlex` → `R`; `Conclusion C4` → `CC`. */
function initials(author: string): string {
  return author.split(/[\s,]+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join('').slice(0, 4)
}

