/**
 * Applying an amendment to the smallest part of the document it touches.
 * The runner of @redlex/amend copies and re-identifies the whole document at
 * every step; hundreds of EP amendments applied one by one that way take
 * minutes. A numbered unit's eId comes from its number and its ancestors'
 * numbers, not from the rest of the document, so each amendment runs on a
 * small document holding only the path down to the unit it works on (its
 * ancestors as shells holding that one child), and the result is put back
 * in place:
 *
 * - a change of a unit's words, a replacement, a new title: the unit itself;
 * - an insertion or deletion: the unit's parent (numbers are checked among
 *   all siblings, and a parent whose last point goes changes too);
 * - citations: all of them (their eIds are ranks); a path through a
 *   subparagraph or indent (ranked too) or a nested division: its whole top
 *   unit; amendments working in several places: the whole document.
 *
 * References are resolved once, at the end, against the whole document.
 */
import {resolveReferences, walk, type Document, type Node, type Parent, type Provision} from '@redlex/tree'
import {applyAmendments, type Amendment, type ApplyResult} from '@redlex/amend'

const OPTIONS = {targets: 'current', renumber: 'amending-act'} as const

/** Where the work happens: the unit (`self`) or its parent (`parent`). */
type Reach = 'self' | 'parent'

/** The eIds an amendment names, with the reach each needs. */
function namedIds(a: Amendment): Array<{eId: string; reach: Reach}> {
  const out: Array<{eId: string; reach: Reach}> = []
  const rec = a as unknown as Record<string, unknown>
  const structural = a.type === 'insert' || a.type === 'delete' || a.type === 'move' || a.type === 'renumber'
  if (typeof rec.target === 'string') out.push({eId: rec.target, reach: structural ? 'parent' : 'self'})
  for (const key of ['at', 'to']) {
    const place = rec[key]
    if (!place || typeof place !== 'object') continue
    for (const [how, eId] of Object.entries(place as Record<string, string>)) {
      out.push({eId, reach: how === 'before' || how === 'after' ? 'parent' : 'self'})
    }
  }
  if (a.type === 'renumber') for (const eId of Object.keys(a.nums)) out.push({eId, reach: 'parent'})
  return out
}

/** Units whose eId comes from their own number (given one): they can stand in a shell. */
const NUMBERED: ReadonlySet<string> = new Set(['article', 'recital', 'paragraph', 'point', 'annex', 'division'])

interface Found {
  node: Provision
  /** From the document's top (document, preamble, recitals/body/divisions…) down to the unit's parent. */
  ancestors: Parent[]
}

function find(document: Document, eId: string): Found | undefined {
  let found: Found | undefined
  walk(document, (node, ancestors) => {
    if (found) return false
    if ('eId' in node && (node as Provision).eId === eId) {
      found = {node: node as Provision, ancestors: [...ancestors]}
      return false
    }
    // Only descend along eIds that are a prefix of the one wanted.
    if ('eId' in node && node.type !== 'division' && !eId.startsWith((node as Provision).eId + '__')) return false
    return undefined
  })
  return found
}

/** The chain of provisions from the top down to `found.node`'s parent (divisions and units). */
function provisionPath(found: Found): Provision[] {
  return found.ancestors.filter((a): a is Provision & Parent => 'eId' in a)
}

interface Slot {
  /** The array holding the slot unit in the whole document, and its index there. */
  siblings: Node[]
  index: number
  /** The small document, and where the slot unit's replacement(s) are in its result. */
  mini: Document
  take: (result: Document) => Node[]
}

function frame(document: Document, children: Document['children']): Document {
  return {type: 'document', kind: document.kind, stage: document.stage, children}
}

/**
 * The small document for `unit` (found with its ancestors): shells of its
 * ancestor provisions (each holding only the next one down), inside the
 * containers of the document's top. `undefined` when the unit cannot stand
 * alone (its or an ancestor's eId is a rank, or it is in a nested division).
 */
function slotFor(document: Document, found: Found): Slot | undefined {
  const {node, ancestors} = found
  const path = provisionPath(found)
  const unitsOnPath = [...path.filter((p) => p.type !== 'division'), node]
  if (unitsOnPath.some((u) => !NUMBERED.has(u.type) || u.num === undefined || u.num === '')) return undefined
  // A unit printed with its sibling's number (`point_a_2`) is told apart by its place among them: keep them together.
  if ([...path, node].some((u) => isDuplicate(u.eId))) return undefined
  // A division's eId carries its parent divisions' (`title_III__chp_3`): only a top one stands alone.
  if (node.type === 'division' && path.some((p) => p.type === 'division')) return undefined
  const parent = ancestors[ancestors.length - 1]!
  const siblings = parent.children as Node[]
  const index = siblings.indexOf(node)
  // Shells from the unit up: each ancestor provision holds only the next one down (divisions are left out: an article's eId does not depend on them).
  let inner: Node = node
  const units = path.filter((p) => p.type !== 'division')
  for (let i = units.length - 1; i >= 0; i--) inner = {...units[i]!, children: [inner]} as Node
  const top = inner as Provision
  const depth = units.length
  /** Down the shells (each holds one child) to the children of the unit's parent. */
  const holder = (topNode: Node): Node[] => {
    let cur = topNode as Parent
    for (let i = 0; i < depth - 1; i++) cur = (cur.children as Node[])[0] as Parent
    return cur.children as Node[]
  }
  // A unit at the top is replaced by the whole container's content; one deeper by its shell parent's children.
  const unwrapDepth = (container: Node[]): Node[] => (depth === 0 ? container : holder(container[0]!))
  if (top.type === 'recital') {
    const mini = frame(document, [{type: 'preamble', children: [{type: 'recitals', children: [top as never]}]}])
    return {
      siblings,
      index,
      mini,
      take: (r) => unwrapDepth(((r.children[0] as Parent).children[0] as Parent).children as Node[])
    }
  }
  if (top.type === 'article' || top.type === 'division') {
    const mini = frame(document, [{type: 'body', children: [top as never]}])
    return {siblings, index, mini, take: (r) => unwrapDepth((r.children[0] as Parent).children as Node[])}
  }
  if (top.type === 'annex') {
    const mini = frame(document, [top as never])
    return {siblings, index, mini, take: (r) => unwrapDepth(r.children as Node[])}
  }
  return undefined
}

/** `art_4__para_1__point_a_2`: the second unit numbered (a) there (see assignEids). */
function isDuplicate(eId: string): boolean {
  return eId.slice(eId.lastIndexOf('__') + 2).split('_').length > 2
}

/** The slot holding every citation (their eIds are ranks). */
function citationsSlot(document: Document): Slot | undefined {
  const preamble = document.children.find((c) => c.type === 'preamble')
  if (!preamble) return undefined
  const index = preamble.children.findIndex((c) => c.type === 'citations')
  if (index === -1) return undefined
  const mini = frame(document, [{type: 'preamble', children: [preamble.children[index]!]}])
  return {
    siblings: preamble.children as Node[],
    index,
    mini,
    take: (r) => (r.children[0] as Parent).children.slice(0, 1) as Node[]
  }
}

/** The one place all of `amendments` work in, as a slot; `undefined` for the whole document. */
function slotOf(document: Document, amendments: readonly Amendment[]): Slot | undefined {
  const named = amendments.flatMap(namedIds)
  if (named.length === 0) return undefined
  if (named.every((n) => n.eId.startsWith('cit_') || n.eId === 'citations')) return citationsSlot(document)
  if (named.some((n) => n.eId === 'recitals' || n.eId === 'body' || n.eId === 'citations' || n.eId.startsWith('cit_')))
    return undefined
  // A new division's eId carries its parent divisions': the top division holding its place (or the whole document).
  if (amendments.some((a) => a.type === 'insert' && a.content?.some((c) => c.type === 'division'))) {
    const tops = new Set(
      named.map((n) => {
        const found = find(document, n.eId) ?? divisionAbove(document, n.eId)
        return found ? (provisionPath(found)[0] ?? found.node) : undefined
      })
    )
    const [top] = tops
    if (tops.size !== 1 || !top || top.type !== 'division') return undefined
    const found = find(document, top.eId)
    return found ? slotFor(document, found) : undefined
  }
  // The unit each name needs: itself, or its parent.
  const units: Found[] = []
  for (const n of named) {
    const found = find(document, n.eId)
    if (!found) {
      // A division inserted by an earlier amendment of the same list (`title_VI__chp_1__sec_1`): the division it goes in.
      const holder = divisionAbove(document, n.eId)
      if (!holder) return undefined
      units.push(holder)
      continue
    }
    if (n.reach === 'self') units.push(found)
    else {
      const up = provisionPath(found)
      const parent = up[up.length - 1]
      if (!parent || parent.type === 'division') {
        // A unit at the top (an article among articles, a recital): the unit stands for the place.
        units.push(found)
        continue
      }
      const parentFound = find(document, parent.eId)
      if (!parentFound) return undefined
      units.push(parentFound)
    }
  }
  // All in one unit: the shallowest of them, if it holds the others.
  const chosen = units.reduce((a, b) => (b.node.eId.length < a.node.eId.length ? b : a))
  if (units.some((u) => u.node.eId !== chosen.node.eId && !u.node.eId.startsWith(chosen.node.eId + '__'))) {
    // Units of one top division (a new section and the articles it takes): that division holds them all.
    const tops = new Set(units.map((u) => provisionPath(u)[0] ?? u.node))
    const [top] = tops
    if (tops.size === 1 && top!.type === 'division') {
      const found = find(document, top!.eId)
      return found ? slotFor(document, found) : undefined
    }
    // Different top-level units (e.g. an article inserted after another): the whole document.
    return undefined
  }
  // A path through ranked units (subparagraphs, indents) or nested divisions: the top unit holds it all.
  return slotFor(document, chosen) ?? slotFor(document, topOf(document, chosen))
}

/** The existing division whose eId prefixes `eId` (a division's eId carries its parents'), nearest first. */
function divisionAbove(document: Document, eId: string): Found | undefined {
  const steps = eId.split('__')
  for (let n = steps.length - 1; n > 0; n--) {
    const found = find(document, steps.slice(0, n).join('__'))
    if (found) return found.node.type === 'division' ? found : undefined
  }
  return undefined
}

/** The top unit above `found` (its article, recital, annex or top division), or `found` itself. */
function topOf(document: Document, found: Found): Found {
  const path = provisionPath(found)
  // Articles stand alone inside their divisions; a division itself goes up to the top one.
  const first = found.node.type === 'division' ? path[0] : path.find((p) => p.type !== 'division')
  return first ? (find(document, first.eId) ?? found) : found
}

/**
 * Apply `amendments` (targets: eIds of `document` as it stands) to
 * `document`, changing it in place when they work in one small place, else
 * through the whole-document runner. Throws what `applyAmendments` throws.
 * Returns the amended document (the same object when done in place).
 */
export function applyScoped(
  document: Document,
  amendments: readonly Amendment[]
): {document: Document; result: ApplyResult} {
  const slot = slotOf(document, amendments)
  if (!slot) {
    const result = applyAmendments(document, amendments, OPTIONS)
    return {document: result.document, result}
  }
  // The slot's references are resolved with the whole document's, once, at the end (finishReferences).
  const result = applyAmendments(slot.mini, amendments, {...OPTIONS, references: 'leave'})
  slot.siblings.splice(slot.index, 1, ...slot.take(result.document))
  return {document, result}
}

/** Resolve every reference's targets against the whole document (after scoped steps). */
export function finishReferences(document: Document): Document {
  let linked = false
  walk(document, (node) => {
    if (linked) return false
    if (node.type === 'ref') linked = true
    return undefined
  })
  return linked ? resolveReferences(document) : document
}

/**
 * Apply a list written for `{targets: 'current', renumber: 'amending-act'}`
 * (as `applyEpText` writes it), on the part each amendment touches: the same
 * text as one `applyAmendments` run, without copying the whole document at
 * every step. The typed amendments one EP amendment became (`ep-341.1` to
 * `ep-341.3`) run together, as `applyEpText` ran them: the same document,
 * references too (a step that leaves a unit without references for a moment
 * would otherwise leave the next step's words unlinked). All or nothing: the
 * first amendment that fails throws (its RedlexError), and nothing is returned.
 */
export function applyInOrder(
  document: Document,
  amendments: readonly Amendment[]
): {document: Document; log: ApplyResult['log']; warnings: ApplyResult['warnings']} {
  let current = structuredClone(document)
  const log: ApplyResult['log'] = []
  const warnings: ApplyResult['warnings'] = []
  for (const group of byEpAmendment(amendments)) {
    const step = applyScoped(current, group)
    current = step.document
    log.push(...step.result.log)
    warnings.push(...step.result.warnings)
  }
  return {document: finishReferences(current), log, warnings}
}

/** Consecutive amendments of one EP amendment (`ep-341.1`, `ep-341.2`: the id before its last `.N`) together. */
function byEpAmendment(amendments: readonly Amendment[]): Amendment[][] {
  const groups: Amendment[][] = []
  let key: string | undefined
  for (const a of amendments) {
    const k = /^(.*)\.\d+$/.exec(a.id)?.[1]
    const last = groups[groups.length - 1]
    if (k !== undefined && k === key && last) last.push(a)
    else groups.push([a])
    key = k
  }
  return groups
}
