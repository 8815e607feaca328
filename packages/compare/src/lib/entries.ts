/**
 * A document as the sequence of entries that `textOf(document)` joins with
 * `\n` (one per number/heading line, text block and table row), each tied to
 * the provision or frame block it belongs to. This is what makes the
 * comparison lossless: every entry lands in exactly one place of the model,
 * with its index.
 */
import {blockText, inlineText, isProvision} from '@redlex/tree'
import type {Document, Node, Provision} from '@redlex/tree'

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

  const own = (owner: ProvisionInfo | undefined, text: string, kind: string, name?: string): void => {
    if (owner) owner.blocks.push({seq: seq++, text})
    else {
      const entry: FrameEntry = {part, kind, seq: seq++, text}
      if (name !== undefined) entry.name = name
      frame.push(entry)
    }
  }

  const visit = (node: Node, owner: ProvisionInfo | undefined): void => {
    if (isProvision(node)) {
      const info: ProvisionInfo = {
        node, eId: node.eId, type: node.type, parent: owner, order: provisions.length, depth: owner ? owner.depth + 1 : 0,
        num: undefined, heading: undefined, seq: undefined, blocks: [], children: []
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
        info.heading = inlineText(node.heading)
        head.push(info.heading)
      }
      if (head.length > 0) info.seq = seq++
      for (const child of node.children as Node[]) visit(child, info)
      return
    }
    // Leaf blocks: the same lines as `textOf`, so that reconstruction gives its text back.
    const line = blockText(node)
    if (line !== undefined) {
      if (node.type === 'formula') own(owner, line, 'formula', node.name)
      else own(owner, line, INLINE_TYPES.has(node.type) ? 'text' : node.type)
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

/** Inline nodes met outside a text block are logged as `text` lines. */
const INLINE_TYPES = new Set(['text', 'ref', 'placeholder', 'quotedText', 'emphasis', 'strong', 'link', 'break', 'authorialNote'])

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
