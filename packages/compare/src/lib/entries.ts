/**
 * A document as the sequence of entries that `textOf(document)` joins with
 * `\n` (one per number/heading line, text block and table row), each tied to
 * the provision or frame block it belongs to. This is what makes the
 * comparison lossless: every entry lands in exactly one place of the model,
 * with its index.
 */
import {blockInlineRuns, inlineText, isProvision} from '@redlex/tree'
import type {Document, Inline, Node, Provision} from '@redlex/tree'

/** A footnote as found in a version: marker, text, and the marker's offset in its owner's text. */
export interface NoteEntry {
  marker: string
  text: string
  at: number
}

/** What the comparison needs to know about one provision of one version. */
export interface ProvisionInfo {
  node: Provision
  /** `node.eId` and `node.type`, read often: kept here, where every entry has the same shape. */
  eId: string
  type: Provision['type']
  /** The nearest provision above it, if any. */
  parent: ProvisionInfo | undefined
  /** Index among all provisions of the document, in document order. */
  order: number
  /** Depth among provisions (0 for citations, recitals, top divisions, articles, annexes). */
  depth: number
  // The optional fields are always present (possibly undefined), so that
  // every entry has one hidden class in V8 and the code reading them stays
  // monomorphic.
  /** Printed number when non-empty (as `textOf` prints it). */
  num: string | undefined
  /** Heading text, when the node has a heading (possibly empty). */
  heading: string | undefined
  /** Entry index of the number/heading line, when there is one. */
  seq: number | undefined
  /** Own text blocks: entry index and text. */
  blocks: Array<{seq: number; text: string}>
  /** Footnotes of the own text (offsets into the blocks joined by `\n`) and of the heading. */
  notes: NoteEntry[]
  headingNotes: NoteEntry[]
  /** Direct sub-provisions, in order. */
  children: ProvisionInfo[]
}

/** A block of text outside provisions. */
export interface FrameEntry {
  part: 'preface' | 'preamble' | 'conclusions'
  kind: string
  name?: string
  /** Absent for text that `textOf` leaves out (`Whereas:`). */
  seq?: number
  text: string
  /** Footnotes of the block (offsets into `text`), when it has any. */
  notes?: NoteEntry[]
}

export interface Entries {
  /** Number of entries (`textOf(document).split` into blocks). */
  count: number
  frame: FrameEntry[]
  /** Every provision in document order. */
  provisions: ProvisionInfo[]
  /** Top-level provisions (their parent is undefined), in order. */
  top: ProvisionInfo[]
  byEid: Map<string, ProvisionInfo>
}

/** Walk a document the way `textOf` does and record every entry's owner. */
export function entriesOf(document: Document): Entries {
  let seq = 0
  const frame: FrameEntry[] = []
  const provisions: ProvisionInfo[] = []
  const top: ProvisionInfo[] = []
  const byEid = new Map<string, ProvisionInfo>()
  let part: FrameEntry['part'] = 'preface'

  const own = (
    owner: ProvisionInfo | undefined,
    text: string,
    notes: NoteEntry[] | undefined,
    kind: string,
    name?: string
  ): void => {
    if (owner) {
      if (notes) {
        // Offsets into the own text: the blocks before, each followed by `\n`.
        let base = 0
        for (const block of owner.blocks) base += block.text.length + 1
        for (const note of notes) owner.notes.push({marker: note.marker, text: note.text, at: base + note.at})
      }
      owner.blocks.push({seq: seq++, text})
    } else {
      const entry: FrameEntry = {part, kind, seq: seq++, text}
      if (name !== undefined) entry.name = name
      if (notes) entry.notes = notes
      frame.push(entry)
    }
  }

  const visit = (node: Node, owner: ProvisionInfo | undefined): void => {
    if (isProvision(node)) {
      const info: ProvisionInfo = {
        node,
        eId: node.eId,
        type: node.type,
        parent: owner,
        order: provisions.length,
        depth: owner ? owner.depth + 1 : 0,
        num: undefined,
        heading: undefined,
        seq: undefined,
        blocks: [],
        notes: [],
        headingNotes: [],
        children: []
      }
      provisions.push(info)
      if (!byEid.has(node.eId)) byEid.set(node.eId, info)
      if (owner) owner.children.push(info)
      else top.push(info)
      const head: string[] = []
      if (node.num) {
        info.num = node.num
        head.push(node.num)
      }
      if ('heading' in node && node.heading) {
        const notes: NoteEntry[] = []
        info.heading = textWithNotes(node.heading, notes)
        if (notes.length > 0) info.headingNotes = notes
        head.push(info.heading)
      }
      if (head.length > 0) info.seq = seq++
      for (const child of node.children as Node[]) visit(child, info)
      return
    }
    // Leaf blocks: the same lines as `textOf`, so that reconstruction gives its text back.
    const line = blockWithNotes(node)
    if (line !== undefined) {
      if (node.type === 'formula') own(owner, line.text, line.notes, 'formula', node.name)
      else own(owner, line.text, line.notes, INLINE_TYPES.has(node.type) ? 'text' : node.type)
      return
    }
    switch (node.type) {
      case 'preface':
        part = 'preface'
        break
      case 'preamble':
        part = 'preamble'
        break
      case 'conclusions':
        part = 'conclusions'
        break
      case 'recitals':
        if (node.intro) frame.push({part: 'preamble', kind: 'recitalsIntro', text: inlineText(node.intro)})
        break
      default:
        break
    }
    if ('children' in node) for (const child of node.children as Node[]) visit(child, owner)
  }
  visit(document, undefined)
  return {count: seq, frame, provisions, top, byEid}
}

/**
 * `blockText(node)` of `@redlex/tree` with the footnotes it leaves out:
 * the same text, and each note's marker, text and offset in it (`notes`
 * absent when there are none).
 */
function blockWithNotes(node: Node): {text: string; notes?: NoteEntry[]} | undefined {
  const runs = blockInlineRuns(node)
  if (runs === undefined) return undefined
  const notes: NoteEntry[] = []
  let text = ''
  runs.forEach((run, k) => {
    if (k > 0) text += ' | '
    text += textWithNotes(run, notes, text.length)
  })
  return notes.length > 0 ? {text, notes} : {text}
}

/**
 * `inlineText(nodes)` of `@redlex/tree` (the same switch, kept in step with
 * it), pushing each footnote with the offset of its marker (plus `base`).
 */
function textWithNotes(nodes: readonly Inline[], notes: NoteEntry[], base = 0): string {
  let out = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'ref':
        out += node.value
        break
      case 'placeholder':
        out += '[' + node.value + ']'
        break
      case 'quotedText':
        out += node.startQuote
        out += textWithNotes(node.children, notes, base + out.length)
        out += node.endQuote
        break
      case 'break':
        out += '\n'
        break
      case 'authorialNote':
        notes.push({marker: node.marker, text: inlineText(node.children), at: base + out.length})
        break
      default:
        out += textWithNotes(node.children, notes, base + out.length)
    }
  }
  return out
}

/** Inline nodes met outside a text block are logged as `text` lines. */
const INLINE_TYPES = new Set([
  'text',
  'ref',
  'placeholder',
  'quotedText',
  'emphasis',
  'strong',
  'link',
  'break',
  'authorialNote'
])

/** The own text of a provision (its blocks joined by `\n`). */
export function ownText(info: ProvisionInfo): string {
  return info.blocks.map((block) => block.text).join('\n')
}

/** The whole text of a provision and its sub-provisions, without numbers (for similarity). */
export function deepText(info: ProvisionInfo): string {
  const parts: string[] = []
  const visit = (p: ProvisionInfo): void => {
    for (const block of p.blocks) parts.push(block.text)
    for (const child of p.children) visit(child)
  }
  visit(info)
  return parts.join('\n')
}
