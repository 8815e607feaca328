/**
 * Revisions `docx` cannot write, written into its output afterwards.
 *
 * `docx` writes insertions (`w:ins`) and deletions (`w:del`) but not moves
 * (`w:moveFrom`/`w:moveTo` inside `w:moveFromRangeStart/End` and
 * `w:moveToRangeStart/End` containers named alike, ECMA-376 Part 1
 * §17.13.5), and it cannot put a footnote reference inside a revision. So
 * the paragraphs are made with `docx`'s insertions and deletions, each
 * revision id noting here what it is to become, and `markRevisions` then
 * rewrites `word/document.xml`:
 *
 * - a `moveFrom` deletion becomes `w:moveFrom` (its `w:delText` becoming
 *   `w:t`, as the standard's examples show moved-away text);
 * - a `moveTo` insertion becomes `w:moveTo`;
 * - a footnote reference run of an inserted, deleted or moved note is
 *   wrapped in the revision noted for it;
 * - each move's content gets its range markers around the paragraphs that
 *   hold it, at body level, with the move's name, author and date.
 *
 * A move with only one side in the document (nothing to show where it
 * went) falls back to a plain deletion or insertion, as the standard asks.
 * Every id, old or new, comes from one counter, so ids are unique across
 * all revisions and the output is the same bytes for the same comparison.
 */
import {attribute, element, type XmlElement, type XmlNode, type XmlPart} from './xml-tree.js'

/** What a `docx` insertion or deletion is to become. */
export type Role = {as: 'moveFrom' | 'moveTo'; move: string}

/** A revision's attributes as `docx` takes them. */
export interface RevisionAttributes {
  id: number
  author: string
  date: string
}

/** How a footnote reference run is tracked: the revision wrapping it. */
interface NoteMark {
  wrap: 'w:ins' | 'w:del'
  revision: RevisionAttributes
}

const side = (role: Role): 'from' | 'to' => (role.as === 'moveFrom' ? 'from' : 'to')

/** The revision ids of a document and what each is to become. */
export class Revisions {
  private next = 1
  private readonly roles = new Map<number, Role>()
  private readonly noteMarks = new Map<number, NoteMark>()
  private readonly noteContents = new Map<number, NoteMark>()
  /** For each move, the sides that have content. */
  private readonly sides = new Map<string, Set<'from' | 'to'>>()
  /** Author and date of each move, for its range markers. */
  private readonly moves = new Map<string, {author: string; date: string | undefined}>()

  constructor(private readonly date: string | undefined) {}

  /** A new revision id. */
  id(): number {
    return this.next++
  }

  /** A revision for `docx` (`w:date` is left out when undefined), to become `role` later. */
  revision = (author: string, role?: Role): RevisionAttributes => {
    const attributes = {id: this.id(), author, date: this.date as string}
    if (role) {
      this.roles.set(attributes.id, role)
      if (!this.sides.has(role.move)) this.sides.set(role.move, new Set())
      this.sides.get(role.move)!.add(side(role))
      if (!this.moves.has(role.move)) this.moves.set(role.move, {author, date: this.date})
    }
    return attributes
  }

  /** Track the reference run of footnote `footnote` as an insertion or deletion (which may become a move). */
  markNote(footnote: number, wrap: NoteMark['wrap'], author: string, role?: Role): void {
    this.noteMarks.set(footnote, {wrap, revision: this.revision(author, role)})
  }

  /** The role of revision `id`, unless its move lacks a side (then it stays an insertion or deletion). */
  roleOf(id: number): Role | undefined {
    const role = this.roles.get(id)
    if (!role) return undefined
    const sides = this.sides.get(role.move)!
    return sides.has('from') && sides.has('to') ? role : undefined
  }

  /** Track footnote `footnote` as wholly inserted or deleted: its own number mark inside the note too. */
  markNoteContent(footnote: number, wrap: NoteMark['wrap'], author: string): void {
    this.noteContents.set(footnote, {wrap, revision: this.revision(author)})
  }

  noteContent(footnote: number): NoteMark | undefined {
    return this.noteContents.get(footnote)
  }

  noteMark(footnote: number): NoteMark | undefined {
    return this.noteMarks.get(footnote)
  }

  moveAttributes(move: string): {author: string; date: string | undefined} {
    return this.moves.get(move)!
  }
}

/** Rewrite `word/document.xml` (parsed) in place: moves and tracked footnote references. */
export function markRevisions(part: XmlPart, revisions: Revisions): void {
  const body = part.root.children.find((n): n is XmlElement => n.type === 'element' && n.name === 'w:body')
  if (!body) return
  const ranges = new Map<string, {first: number; last: number}>()
  body.children.forEach((child, index) => {
    if (child.type !== 'element') return
    const seen = new Set<string>()
    child.children = rewrite(child.children, revisions, seen)
    for (const key of seen) {
      const range = ranges.get(key)
      if (range) range.last = index
      else ranges.set(key, {first: index, last: index})
    }
  })
  body.children = withRanges(body.children, ranges, revisions)
}

/**
 * Rewrite `word/footnotes.xml` (parsed) in place: in a note inserted or
 * deleted as a whole, the run holding its number (`w:footnoteRef`) is
 * tracked as well as its text, so that the note goes with its reference.
 */
export function markFootnotes(part: XmlPart, revisions: Revisions): void {
  for (const note of part.root.children) {
    if (note.type !== 'element' || note.name !== 'w:footnote') continue
    const mark = revisions.noteContent(Number(attribute(note, 'w:id')))
    if (!mark) continue
    for (const paragraph of note.children) {
      if (paragraph.type !== 'element' || paragraph.name !== 'w:p') continue
      paragraph.children = paragraph.children.map((run) =>
        run.type === 'element' &&
        run.name === 'w:r' &&
        run.children.some((n) => n.type === 'element' && n.name === 'w:footnoteRef')
          ? element(mark.wrap, revisionAttributes(mark.revision), [run])
          : run
      )
    }
  }
}

/** Rewrite a list of nodes, noting (`side:move`) the moves whose revisions they hold. */
function rewrite(nodes: readonly XmlNode[], revisions: Revisions, seen: Set<string>): XmlNode[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node
    node.children = rewrite(node.children, revisions, seen)
    const wrapped = node.name === 'w:r' ? trackedReference(node, revisions) : node
    return wrapped === node ? asMove(node, revisions, seen) : asMove(wrapped, revisions, seen)
  })
}

/** A footnote reference run wrapped in the revision noted for its note, else the run itself. */
function trackedReference(run: XmlElement, revisions: Revisions): XmlElement {
  const reference = run.children.find((n): n is XmlElement => n.type === 'element' && n.name === 'w:footnoteReference')
  const mark = reference ? revisions.noteMark(Number(attribute(reference, 'w:id'))) : undefined
  if (!mark) return run
  return element(mark.wrap, revisionAttributes(mark.revision), [run])
}

const revisionAttributes = (r: {id: number; author: string; date?: string | undefined}) =>
  [
    ['w:id', String(r.id)],
    ['w:author', r.author],
    ['w:date', r.date]
  ] as const

/** An insertion or deletion turned into what its id was noted to become. */
function asMove(node: XmlElement, revisions: Revisions, seen: Set<string>): XmlElement {
  if (node.name !== 'w:ins' && node.name !== 'w:del') return node
  const role = revisions.roleOf(Number(attribute(node, 'w:id')))
  if (!role) return node
  seen.add(`${side(role)}:${role.move}`)
  if (role.as === 'moveTo') node.name = 'w:moveTo'
  else {
    node.name = 'w:moveFrom'
    renameDeep(node, 'w:delText', 'w:t')
  }
  return node
}

function renameDeep(node: XmlElement, from: string, to: string): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.name === from) child.name = to
    renameDeep(child, from, to)
  }
}

/**
 * The body's children with each move's range markers around the paragraphs
 * holding its content: the start before the first, the end after the last.
 * Ranges starting at one paragraph open longest first, and close in reverse.
 */
function withRanges(
  children: readonly XmlNode[],
  ranges: ReadonlyMap<string, {first: number; last: number}>,
  revisions: Revisions
): XmlNode[] {
  const named = [...ranges].map(([key, range]) => {
    const [which, move] = key.split(/:(.*)/s) as ['from' | 'to', string]
    const {author, date} = revisions.moveAttributes(move)
    const container = which === 'from' ? 'w:moveFromRange' : 'w:moveToRange'
    const id = String(revisions.id())
    return {
      ...range,
      start: element(`${container}Start`, [...revisionAttributes({id: Number(id), author, date}), ['w:name', move]]),
      end: element(`${container}End`, [['w:id', id]])
    }
  })
  const out: XmlNode[] = []
  children.forEach((child, index) => {
    named
      .filter((r) => r.first === index)
      .sort((x, y) => y.last - x.last)
      .forEach((r) => out.push(r.start))
    out.push(child)
    named
      .filter((r) => r.last === index)
      .sort((x, y) => y.first - x.first)
      .forEach((r) => out.push(r.end))
  })
  return out
}
