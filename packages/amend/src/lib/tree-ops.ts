/**
 * Finding places in the tree: provisions and the named containers
 * (`recitals`, `citations`, `body`), own text blocks, where a new unit goes
 * among a parent's children, and what may go where.
 */
import {findByEid, locate, type Document, type Node, type Parent, type Provision, type TextBlock} from '@redlex/tree'
import {Failure} from './failure.js'

export const CONTAINER_NAMES = ['recitals', 'citations', 'body'] as const

/** A provision or a named container, or `undefined`. */
export function findParent(document: Document, ref: string): Parent | undefined {
  if ((CONTAINER_NAMES as readonly string[]).includes(ref)) {
    let found: Parent | undefined
    const visit = (n: Node): void => {
      if (found) return
      if (n.type === ref) found = n as Parent
      else if (n.type === 'document' || n.type === 'preamble') for (const c of n.children as Node[]) visit(c)
    }
    visit(document)
    return found
  }
  return findByEid(document, ref) as Parent | undefined
}

/** How to name `parent` in an `At`: its eId or its container name. */
export function parentRef(parent: Parent): string {
  if ('eId' in parent && typeof parent.eId === 'string') return parent.eId
  if ((CONTAINER_NAMES as readonly string[]).includes(parent.type)) return parent.type
  throw new Failure('amend/content-model', `Cannot address a ${parent.type} as a parent`)
}

/** The text blocks (content, intro, wrapUp) of a provision's own text. */
export function ownBlocks(node: Provision): TextBlock[] {
  if (!('children' in node)) return []
  return (node.children as Node[]).filter(
    (c): c is TextBlock => c.type === 'content' || c.type === 'intro' || c.type === 'wrapUp'
  )
}

/** Order of children inside a provision: own text, units, wrap-up, later subparagraphs. */
function rank(type: string): number {
  switch (type) {
    case 'content':
    case 'intro':
    case 'heading':
    case 'table':
      return 0
    case 'wrapUp':
      return 2
    case 'subparagraph':
      return 3
    default:
      return 1
  }
}

/** Index at which `type` goes as first (or last) unit of its rank among `children`. */
export function childIndex(children: readonly Node[], type: string, where: 'first' | 'last'): number {
  const r = rank(type)
  if (where === 'first') {
    const i = children.findIndex((c) => rank(c.type) >= r)
    return i === -1 ? children.length : i
  }
  for (let i = children.length - 1; i >= 0; i--) if (rank(children[i]!.type) <= r) return i + 1
  return 0
}

const ALLOWED: Record<string, readonly string[]> = {
  body: ['article', 'division'],
  division: ['article', 'division'],
  recitals: ['recital'],
  citations: ['citation'],
  article: ['paragraph', 'subparagraph', 'point', 'indent'],
  paragraph: ['subparagraph', 'point', 'indent'],
  subparagraph: ['point', 'indent'],
  point: ['subparagraph', 'point', 'indent'],
  indent: ['subparagraph', 'point', 'indent'],
  recital: ['subparagraph', 'point', 'indent'],
  annex: ['subparagraph', 'point', 'indent', 'paragraph']
}

/** Throw `amend/content-model` unless a `child` may go into `parent`. */
export function checkAllowed(parent: Parent, child: Node): void {
  const allowed = ALLOWED[parent.type] ?? []
  const where = 'eId' in parent ? (parent as Provision).eId : parent.type
  if (!allowed.includes(child.type)) {
    throw new Failure('amend/content-model', `A ${child.type} cannot go into ${where} (a ${parent.type})`, {
      expected: [...allowed],
      hint: `A ${parent.type} may contain ${allowed.join(', ') || 'no units'}`
    })
  }
  if (
    (child.type === 'point' || child.type === 'indent') &&
    (parent.children as Node[]).some((c) => c.type === 'content')
  ) {
    throw new Failure(
      'amend/content-model',
      `${where} has plain text and no list; a ${child.type} cannot be added to it`,
      {
        hint: 'Replace the provision with one whose text introduces a list (an `intro`)'
      }
    )
  }
}

/** Resolve an `At` to a parent and an index (before insertion). */
export function resolveAt(
  document: Document,
  at: Record<string, string>,
  type: string
): {parent: Parent; index: number; anchor: string} {
  const [mode, ref] = Object.entries(at)[0]!
  if (mode === 'before' || mode === 'after') {
    const found = locate(document, ref)
    if (!found) throw new Failure('amend/target-not-found', `No provision \`${ref}\``, {eId: ref})
    return {parent: found.parent, index: found.index + (mode === 'after' ? 1 : 0), anchor: ref}
  }
  const parent = findParent(document, ref)
  if (!parent) throw new Failure('amend/target-not-found', `No provision or container \`${ref}\``, {eId: ref})
  return {
    parent,
    index: childIndex(parent.children as Node[], type, mode === 'firstChildOf' ? 'first' : 'last'),
    anchor: ref
  }
}

/** Where a provision stands, as an `At` that puts it back there. */
export function placeOf(parent: Parent, index: number): {after: string} | {firstChildOf: string} {
  const children = parent.children as Node[]
  const previous = children[index - 1]
  if (previous && 'eId' in previous && typeof previous.eId === 'string') return {after: previous.eId}
  return {firstChildOf: parentRef(parent)}
}
