/**
 * The comparison as units of Word paragraphs, in the order of the second
 * version, with the moved-away copies of moved provisions put back where
 * they stood in the first. Each unit knows who made its changes (the
 * revision author), the Word comments anchored on it, and the move it
 * belongs to.
 */
import type {
  Cause,
  Comparison,
  FrameChange,
  NoteChange,
  ProvisionChange,
  Segment,
  ServiceComment
} from '@redlex/compare'
import {causeAuthor, commentsByChange, documentOrder, withNotes} from '@redlex/compare'
import {foldItems, kindOf, numDiff, plainItems, presence, splitLines, type Line, type Piece} from './lines.js'

/** A Word comment: its paragraphs and author. */
export interface UnitComment {
  paragraphs: string[]
  author: string
}

/** A side of a move: `from` where the provision stood (all of it moved away), `to` where it stands. */
export interface Move {
  name: string
  side: 'from' | 'to'
}

/** Paragraphs that stand together, with the first entry index they have in the first version. */
export interface Unit {
  lines: Line[]
  key?: number
  author: string
  /** Comments anchored on the unit's changed text (or its first paragraph). */
  comments: UnitComment[]
  /** Set when the unit is one side of a moved provision. */
  move?: Move
}

/** What building units needs to know besides the comparison. */
export interface UnitContext {
  /** Author of revisions no cause explains. */
  fallbackAuthor: string
  /** Show formal-only pairs as revisions. */
  formal: boolean
  /** Comments of the consulted services, by the change they are about. */
  about: Map<ProvisionChange, ServiceComment[]>
  /** Cause texts for the comments. */
  commentText: (causes: readonly Cause[]) => string[]
  /** The name of the next move (`move1`, `move2`…: names pair a move's two sides). */
  moveName: () => string
}

const HEADED = new Set(['division', 'article', 'annex'])
const INDENTED = new Set(['paragraph', 'point', 'indent', 'subparagraph'])

/** The first entry index of a change in the first version (`undefined` when unknown or absent). */
const beforeKey = (change: ProvisionChange): number | undefined => change.before?.seq ?? change.before?.blocks?.[0]?.[0]

/**
 * Who made a change: the services behind its causes; for a change only the
 * renumbering explains, the lead services (who prepare the text after the
 * consultation); else the fallback author.
 */
export function authorOf(comparison: Comparison, causes: readonly Cause[] | undefined, fallback: string): string {
  const own = causeAuthor(causes?.filter((c) => !c.amendment.startsWith('#')))
  if (own) return own
  if (causes?.length && comparison.isc?.leadServices?.length) return comparison.isc.leadServices.join(', ')
  return fallback
}

export function buildUnits(comparison: Comparison, context: UnitContext): Unit[] {
  const units: Unit[] = []
  const displaced: Unit[][] = []
  for (const item of documentOrder(comparison)) {
    if (item.type === 'frame') units.push(frameUnit(item.frame, context))
    else provisionUnits(item.change, 0, undefined, units, displaced, comparison, context)
  }
  // Put deleted provisions and the moved-away copies of moved ones where they stood in the first
  // version: before the first unit still there that followed them. In the first version's order, so
  // that a block that stood inside another (a moved-away point of a deleted article) lands inside it.
  const order = (block: Unit[]): number => block[0]!.key ?? Number.POSITIVE_INFINITY
  for (const block of [...displaced].sort((x, y) => order(x) - order(y))) {
    const key = block[0]!.key
    let at = units.length
    if (key !== undefined) {
      const found = units.findIndex((u) => u.key !== undefined && u.key > key)
      if (found >= 0) at = found
    }
    units.splice(at, 0, ...block)
  }
  return units
}

export function unitsContext(
  comparison: Comparison,
  options: {author: string; formal: boolean; commentText: UnitContext['commentText']}
): UnitContext {
  let moves = 0
  return {
    fallbackAuthor: options.author,
    formal: options.formal,
    about: commentsByChange(comparison),
    commentText: options.commentText,
    moveName: () => `move${++moves}`
  }
}

function frameUnit(frame: FrameChange, context: UnitContext): Unit {
  const mark = presence(frame.status !== 'inserted', frame.status !== 'deleted')!
  const items = foldItems(withNotes(frame.diff, frame.notes), context.formal)
  const unit: Unit = {
    lines: splitLines(items, mark, frame.part === 'preface' ? 'title' : 'text', 0),
    author: context.fallbackAuthor,
    comments: []
  }
  if (frame.beforeSeq !== undefined) unit.key = frame.beforeSeq
  return unit
}

/** A redline with its footnote markers, formal pairs folded unless asked for. */
const items = (
  segments: readonly Segment[],
  notes: readonly NoteChange[] | undefined,
  place: 'heading' | undefined,
  formal: boolean
) => foldItems(withNotes(segments, notes, place), formal)

/**
 * The units of a change and its sub-provisions. `within` is set inside the
 * place a moved provision now stands: what it lost is shown where it stood,
 * not here (see `movedUnits`); `self` renders a moved change itself there.
 */
function provisionUnits(
  change: ProvisionChange,
  depth: number,
  inherited: readonly Cause[] | undefined,
  into: Unit[],
  displaced: Unit[][],
  comparison: Comparison,
  context: UnitContext,
  within = false,
  self = false,
  placed = false
): void {
  if (change.status === 'moved' && !self)
    return movedUnits(change, depth, inherited, into, displaced, comparison, context)
  if (within && change.status === 'deleted') return
  if (change.status === 'deleted' && !placed && beforeKey(change) !== undefined) {
    // Where it stood in the first version, among what is still there (see `buildUnits`), rather than
    // after what now precedes it: that may be a moved neighbour's new place, and "Reject all" would
    // then give the first version out of order.
    const block: Unit[] = []
    provisionUnits(change, depth, inherited, block, displaced, comparison, context, false, false, true)
    displaced.push(block)
    return
  }
  const causes =
    change.causes ??
    (change.status === 'inserted' || change.status === 'deleted' || change.status === 'moved' ? inherited : undefined)
  const author = authorOf(comparison, causes, context.fallbackAuthor)
  const lines = HEADED.has(change.kind) ? headedLines(change, context.formal) : textLines(change, depth, context.formal)
  const unit: Unit = {lines, author, comments: []}
  const key = beforeKey(change)
  if (key !== undefined && change.status !== 'inserted') unit.key = key
  const notes: string[] = []
  if (change.causes && change.causes.length > 0) notes.push(...context.commentText(change.causes))
  if (change.status === 'renumbered')
    notes.push(`Renumbered from ${change.before?.label ?? '?'} of the ${comparison.before.name}`)
  if (change.fallback === 'replaced') notes.push('The word-level redline fell back to a whole replacement.')
  if (lines.length > 0) {
    if (notes.length > 0) unit.comments.push({paragraphs: notes, author})
    for (const comment of context.about.get(change) ?? []) {
      unit.comments.push({
        paragraphs: [comment.redacted ? '[redacted]' : (comment.text ?? '')],
        author: comment.service
      })
    }
  }
  into.push(unit)
  for (const child of change.children)
    provisionUnits(child, depth + 1, causes, into, displaced, comparison, context, within, false, placed)
}

/** A division's, article's or annex's number, heading and own text, each a paragraph. */
function headedLines(change: ProvisionChange, formal: boolean): Line[] {
  const b = change.before
  const a = change.after
  const lines: Line[] = []
  const numMark = presence(Boolean(b?.num), Boolean(a?.num))
  if (numMark)
    lines.push(
      ...splitLines(
        plainItems(numDiff(b?.num, a?.num, formal)),
        numMark,
        change.kind === 'article' ? 'article' : 'division',
        0
      )
    )
  const headingMark = presence(Boolean(b?.heading), Boolean(a?.heading))
  if (headingMark && change.heading)
    lines.push(...splitLines(items(change.heading, change.notes, 'heading', formal), headingMark, 'heading', 0))
  const textMark = presence(Boolean(b && b.text !== ''), Boolean(a && a.text !== ''))
  if (textMark) lines.push(...splitLines(items(change.diff, change.notes, undefined, formal), textMark, 'text', 0))
  return lines
}

/** A numbered or plain block: its number, a tab, then its text, indented by depth. */
function textLines(change: ProvisionChange, depth: number, formal: boolean): Line[] {
  const b = change.before
  const a = change.after
  // Sub-units are indented by depth; an unnumbered subparagraph lines up with its parent's text.
  const indent = INDENTED.has(change.kind) ? Math.max(change.kind === 'subparagraph' ? depth - 1 : depth, 0) : 0
  const textMark = presence(Boolean(b && (b.num || b.text !== '')), Boolean(a && (a.num || a.text !== '')))
  if (!textMark) return []
  const text = splitLines(items(change.diff, change.notes, undefined, formal), textMark, 'text', indent)
  const tab = presence(Boolean(b?.num && b.text !== ''), Boolean(a?.num && a.text !== ''))
  const head: Piece[] = numDiff(b?.num, a?.num, formal)
    .filter((s) => s.value !== '')
    .map((s) => ({text: s.value, kind: kindOf(s)}))
  if (tab) head.push({text: '\t', kind: tab, tab: true})
  text[0]!.pieces.unshift(...head)
  if (b?.num || a?.num) text[0]!.hang = true
  return text
}

/**
 * A moved provision as a Word move: where it stands, the provision as it
 * is now, moved here, with its new words inserted (what it lost is left to
 * the other side, see `arrivedLines`); where it stood, the provision as it
 * was, all moved away. Each side also gets a comment naming the other.
 */
function movedUnits(
  change: ProvisionChange,
  depth: number,
  inherited: readonly Cause[] | undefined,
  into: Unit[],
  displaced: Unit[][],
  comparison: Comparison,
  context: UnitContext
): void {
  const name = context.moveName()
  const author = authorOf(comparison, change.causes ?? inherited, context.fallbackAuthor)
  const say = (unit: Unit | undefined, text: string): void => {
    if (!unit) return
    if (unit.comments[0]) unit.comments[0].paragraphs.push(text)
    else unit.comments.push({paragraphs: [text], author})
  }
  if (change.after) {
    const at = into.length
    provisionUnits(change, depth, inherited, into, displaced, comparison, context, true, true)
    for (const unit of into.slice(at)) {
      if (unit.move) continue // a moved sub-provision: a move of its own
      unit.move = {name, side: 'to'}
      unit.lines = arrivedLines(unit.lines)
      // Not where it stood in the first version: no place among the moved-away copies' landmarks.
      delete unit.key
    }
    say(into[at], `Moved from ${change.before?.label ?? '?'} of the ${comparison.before.name}`)
  }
  const deleted = wholly(change, true)
  if (deleted) {
    const block: Unit[] = []
    provisionUnits(
      deleted,
      depth,
      change.causes ?? inherited,
      block,
      displaced,
      comparison,
      context,
      false,
      false,
      true
    )
    if (block[0]) {
      say(block[0], `Moved to ${change.after?.label ?? '?'} of the ${comparison.after.name}`)
      // Where it stood: before the first unit of the first version that followed it.
      const key = beforeKey(change)
      for (const unit of block) {
        if (key !== undefined) unit.key ??= key
        unit.move = {name, side: 'from'}
      }
      displaced.push(block)
    }
  }
}

/**
 * Lines with only what a moved provision has where it now stands: its
 * moved text and its new words. What it lost on the way — words, footnotes,
 * paragraph marks — is left out here (a paragraph it lost is joined to the
 * next): it shows where the provision stood, moved away. Moved-here text
 * that is then deleted (`w:moveTo` around `w:del`) would say the same in
 * Word, but LibreOffice reads it as moved text only and keeps it after
 * "Accept all"; leaving it out is exact in both.
 */
function arrivedLines(lines: readonly Line[]): Line[] {
  const out: Line[] = []
  let carried: Piece[] = []
  lines.forEach((line, i) => {
    const pieces = line.pieces.filter((piece) => piece.kind !== 'removed')
    if (line.mark === 'removed' && i < lines.length - 1) {
      carried.push(...pieces)
      return
    }
    out.push({...line, pieces: [...carried, ...pieces], mark: line.mark === 'removed' ? 'common' : line.mark})
    carried = []
  })
  return out
}

/** A change as it stood in the first version, wholly deleted (with its footnotes), for the moved-away side. */
function wholly(change: ProvisionChange, top: boolean): ProvisionChange | undefined {
  const side = change.before
  if (!side) return undefined
  // A moved descendant stood elsewhere in the first version: it gets its own moved-away copy there.
  if (!top && change.status === 'moved') return undefined
  const out: ProvisionChange = {
    status: 'deleted',
    kind: change.kind,
    before: side,
    diff: side.text === '' ? [] : [{value: side.text, removed: true}],
    children: change.children.flatMap((c) => wholly(c, false) ?? [])
  }
  if (side.heading) out.heading = [{value: side.heading, removed: true}]
  if (change.causes) out.causes = change.causes
  const notes = (change.notes ?? []).flatMap((note): NoteChange[] => {
    if (!note.before) return []
    const copy: NoteChange = {status: 'deleted', before: note.before, diff: [{value: note.before.text, removed: true}]}
    if (note.place) copy.place = note.place
    return [copy]
  })
  if (notes.length > 0) out.notes = notes
  return out
}
