/**
 * Walking and finding: small utilities over the tree. The tree is also a
 * plain unist tree, so `unist-util-visit` and friends work on it too (they
 * do not see article/division/annex `heading` arrays, which are fields).
 */
import type {Document, Inline, Node, Parent, Provision} from './types.js'

/** Return `false` from a visitor to skip a node's children. */
export type Visitor = (node: Node, ancestors: readonly Parent[]) => boolean | void

/** Depth-first, preorder walk over `children` (headings included for provisions). */
export function walk(node: Node, visitor: Visitor, ancestors: Parent[] = []): void {
  if (visitor(node, ancestors) === false) return
  if ('children' in node) {
    const parent = node as Parent
    ancestors.push(parent)
    for (const child of parent.children as Node[]) walk(child, visitor, ancestors)
    ancestors.pop()
  }
}

/** True when `node` is an addressable unit (has an eId). */
export function isProvision(node: Node): node is Provision {
  return 'eId' in node && typeof (node as {eId?: unknown}).eId === 'string'
}

/** Every provision in document order, with its ancestors (outermost first). */
export function listProvisions(root: Node): Array<{node: Provision; ancestors: Parent[]}> {
  const out: Array<{node: Provision; ancestors: Parent[]}> = []
  walk(root, (node, ancestors) => {
    if (isProvision(node)) out.push({node, ancestors: [...ancestors]})
  })
  return out
}

/** The provision with this eId, or `undefined`. */
export function findByEid(root: Node, eId: string): Provision | undefined {
  let found: Provision | undefined
  walk(root, (node) => {
    if (found) return false
    if (isProvision(node) && node.eId === eId) {
      found = node
      return false
    }
    return undefined
  })
  return found
}

/** The provision with this eId and its parent and index, or `undefined`. */
export function locate(
  root: Node,
  eId: string
): {node: Provision; parent: Parent; index: number; ancestors: Parent[]} | undefined {
  let result: {node: Provision; parent: Parent; index: number; ancestors: Parent[]} | undefined
  walk(root, (node, ancestors) => {
    if (result) return false
    if (isProvision(node) && node.eId === eId) {
      const parent = ancestors[ancestors.length - 1]!
      result = {node, parent, index: (parent.children as Node[]).indexOf(node), ancestors: [...ancestors]}
      return false
    }
    return undefined
  })
  return result
}

/** Options of `inlineText`, `blockText` and `textOf`. */
export interface InlineTextOptions {
  /**
   * Write each footnote where its marker stands, as `[^marker: text]`
   * (default false: footnotes are left out). The note's own text is its
   * plain text, footnotes inside it left out.
   */
  notes?: boolean
}

/** The plain text of inline content (footnote texts left out unless `notes`; breaks become `\n`). */
export function inlineText(nodes: readonly Inline[], options?: Readonly<InlineTextOptions> | null): string {
  const notes = options?.notes === true
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
        out += node.startQuote + inlineText(node.children, options) + node.endQuote
        break
      case 'break':
        out += '\n'
        break
      case 'authorialNote':
        if (notes) out += noteText(node.marker, inlineText(node.children))
        break
      default:
        out += inlineText(node.children, options)
    }
  }
  return out
}

/** How a footnote is written in plain text with `notes: true`: `[^marker: text]`. */
export function noteText(marker: string, text: string): string {
  return '[^' + marker + ': ' + text + ']'
}

export interface TextOptions extends InlineTextOptions {
  /** Include the printed number (`1.`, `(a)`) and heading (default true). */
  num?: boolean
  /** Include the text of sub-provisions (default true). */
  deep?: boolean
}

/**
 * The plain text of a node: for a provision its number, heading and text
 * blocks, one line per block, sub-provisions included unless `deep: false`.
 */
export function textOf(node: Node, options?: Readonly<TextOptions> | null): string {
  const withNum = options?.num ?? true
  const deep = options?.deep ?? true
  const lines: string[] = []
  const visit = (n: Node, top: boolean): void => {
    if (!top && !deep && isProvision(n)) return
    if (isProvision(n)) {
      const head: string[] = []
      if (withNum && n.num) head.push(n.num)
      if (withNum && 'heading' in n && n.heading) head.push(inlineText(n.heading, options))
      if (head.length > 0) lines.push(head.join(' '))
    }
    const line = blockText(n, options)
    if (line !== undefined) {
      lines.push(line)
      return
    }
    if ('children' in n) for (const child of n.children as Node[]) visit(child, false)
  }
  visit(node, true)
  return lines.join('\n')
}

/**
 * The inline runs a leaf block is made of (a text block, title line,
 * formula, signature or annex heading: one run; a table row: one run per
 * cell; a stray inline node: itself), or `undefined` for containers and
 * provisions. The one list of leaf blocks: `blockText` and the comparison's
 * entries both read it.
 */
export function blockInlineRuns(node: Node): ReadonlyArray<readonly Inline[]> | undefined {
  switch (node.type) {
    case 'content':
    case 'intro':
    case 'wrapUp':
    case 'heading':
    case 'formula':
    case 'signature':
    case 'docStage':
    case 'docType':
    case 'docDate':
    case 'docPurpose':
    case 'docNote':
      return [node.children]
    case 'tableRow':
      return node.children.map((cell) => cell.children)
    case 'text':
    case 'ref':
    case 'placeholder':
    case 'quotedText':
    case 'emphasis':
    case 'strong':
    case 'link':
    case 'break':
    case 'authorialNote':
      return [[node]]
    default:
      return undefined
  }
}

/**
 * The one line of text a leaf block stands for in `textOf` (its inline runs,
 * table cells joined by ` | `), or `undefined` for containers and provisions.
 */
export function blockText(node: Node, options?: Readonly<InlineTextOptions> | null): string | undefined {
  return blockInlineRuns(node)
    ?.map((run) => inlineText(run, options))
    .join(' | ')
}

/** All provisions of a document by eId. */
export function indexByEid(document: Document): Map<string, Provision> {
  const map = new Map<string, Provision>()
  for (const {node} of listProvisions(document)) map.set(node.eId, node)
  return map
}
