/**
 * Applying an amendment to the one top-level unit it touches. The runner of
 * @redlex/amend copies and re-identifies the whole document at every step;
 * hundreds of EP amendments applied one by one that way take minutes. An
 * article's, a recital's or an annex's eIds do not depend on the rest of
 * the document (they come from its number), so each amendment runs on a
 * small document holding only that unit (citations: all of them, since
 * their eIds are ranks), and the result is put back in its place.
 * References are resolved once, at the end, against the whole document.
 */
import {resolveReferences, walk, type Document, type Node, type Parent, type Provision} from '@redlex/tree'
import {applyAmendments, type Amendment, type ApplyResult} from '@redlex/amend'

const OPTIONS = {targets: 'current', renumber: 'amending-act'} as const

/** The eIds an amendment names (target, place, destination). */
function namedIds(a: Amendment): string[] {
  const out: string[] = []
  const rec = a as unknown as Record<string, unknown>
  if (typeof rec.target === 'string') out.push(rec.target)
  for (const key of ['at', 'to']) {
    const place = rec[key]
    if (place && typeof place === 'object') out.push(...Object.values(place as Record<string, string>))
  }
  if (a.type === 'renumber') out.push(...Object.keys(a.nums))
  return out
}

/** `art_13__para_1` → `art_13`; containers name themselves. */
function topId(eId: string): string {
  const first = eId.split('__')[0]!
  return first.startsWith('cit_') ? 'citations' : first
}

interface Slot {
  /** The array holding the unit(s) in the whole document, and where. */
  siblings: Node[]
  index: number
  count: number
  /** The small document and how to read the unit(s) back from its result. */
  mini: Document
  take: (result: Document) => Node[]
}

function frame(document: Document, children: Document['children']): Document {
  return {type: 'document', kind: document.kind, stage: document.stage, children}
}

/** Where the top unit `id` sits, as a small document of its own; `undefined` when it cannot stand alone. */
function slotOf(document: Document, id: string): Slot | undefined {
  if (id === 'citations') {
    const preamble = document.children.find((c) => c.type === 'preamble')
    if (!preamble) return undefined
    const index = preamble.children.findIndex((c) => c.type === 'citations')
    if (index === -1) return undefined
    const mini = frame(document, [{type: 'preamble', children: [preamble.children[index]!]}])
    return {siblings: preamble.children as Node[], index, count: 1, mini, take: (r) => (r.children[0] as Parent).children.slice(0, 1) as Node[]}
  }
  let found: {siblings: Node[]; index: number; node: Provision} | undefined
  walk(document, (node, ancestors) => {
    if (found) return false
    if ('eId' in node && (node as Provision).eId === id) {
      const parent = ancestors[ancestors.length - 1] as Parent
      found = {siblings: parent.children as Node[], index: (parent.children as Node[]).indexOf(node), node: node as Provision}
      return false
    }
    // Top units are never inside provisions other than divisions.
    if ('eId' in node && node.type !== 'division') return false
    return undefined
  })
  if (!found) return undefined
  const node = found.node
  if (node.type === 'article') {
    return {...found, count: 1, mini: frame(document, [{type: 'body', children: [node]}]), take: (r) => (r.children[0] as Parent).children as Node[]}
  }
  if (node.type === 'recital') {
    const recitals = {type: 'recitals' as const, children: [node]}
    return {...found, count: 1, mini: frame(document, [{type: 'preamble', children: [recitals]}]), take: (r) => ((r.children[0] as Parent).children[0] as Parent).children as Node[]}
  }
  if (node.type === 'annex' && node.num !== undefined && node.num !== '') {
    return {...found, count: 1, mini: frame(document, [node]), take: (r) => r.children as Node[]}
  }
  return undefined
}

/**
 * Apply `amendments` (targets: eIds of `document` as it stands) to
 * `document`, changing it in place when they touch one top unit, else
 * through the whole-document runner. Throws what `applyAmendments` throws.
 * Returns the amended document (the same object when done in place).
 */
export function applyScoped(document: Document, amendments: readonly Amendment[]): {document: Document; result: ApplyResult} {
  const tops = new Set(amendments.flatMap(namedIds).map(topId))
  const slot = tops.size === 1 ? slotOf(document, [...tops][0]!) : undefined
  if (!slot) {
    const result = applyAmendments(document, amendments, OPTIONS)
    return {document: result.document, result}
  }
  const result = applyAmendments(slot.mini, amendments, OPTIONS)
  slot.siblings.splice(slot.index, slot.count, ...slot.take(result.document))
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
 * (as `applyEpText` writes it), one amendment at a time on the unit it
 * touches: the same text as one `applyAmendments` run, without copying the
 * whole document at every step. All or nothing: the first amendment that
 * fails throws (its RedlexError), and nothing is returned.
 */
export function applyInOrder(document: Document, amendments: readonly Amendment[]): {document: Document; log: ApplyResult['log']; warnings: ApplyResult['warnings']} {
  let current = structuredClone(document)
  const log: ApplyResult['log'] = []
  const warnings: ApplyResult['warnings'] = []
  for (const amendment of amendments) {
    const step = applyScoped(current, [amendment])
    current = step.document
    log.push(...step.result.log)
    warnings.push(...step.result.warnings)
  }
  return {document: finishReferences(current), log, warnings}
}
