/**
 * AKN-style eIds (Akoma Ntoso Naming Convention, simplified; see
 * docs/tree.md § eIds for every deviation): the ancestor path joined by
 * `__`, each step `<abbrev>_<num>`.
 */
import type {Annex, Article, Division, Document, DivisionKind, Node, Provision, ProvisionContent} from './types.js'
import {cleanNum} from './numbering.js'

/** eId prefix of each unit (AKN-NC abbreviations). */
export const EID_PREFIX = {
  citation: 'cit',
  recital: 'rec',
  part: 'part',
  title: 'title',
  chapter: 'chp',
  section: 'sec',
  subsection: 'subsec',
  article: 'art',
  paragraph: 'para',
  subparagraph: 'subpara',
  point: 'point',
  indent: 'indent',
  annex: 'anx'
} as const

/** `art_3__para_2__point_a` → `[['art','3'],['para','2'],['point','a']]`. */
export function parseEid(eId: string): Array<[string, string]> {
  return eId.split('__').map((step) => {
    const i = step.indexOf('_')
    return i === -1 ? [step, ''] : [step.slice(0, i), step.slice(i + 1)]
  })
}

/** Old eId → new eId for every provision whose eId changed. */
export type EidRenames = Record<string, string>

export interface AssignResult {
  /** A new tree with recomputed eIds (the input is not changed). */
  document: Document
  /** Old eId → new eId, for provisions whose eId changed. */
  renames: EidRenames
}

function isProvisionContent(node: Node): node is Provision {
  return 'eId' in node
}

/**
 * Recompute every eId from the numbers and order of units. Returns a new
 * tree and the old → new map (empty when nothing changed). Duplicates get a
 * `_2`, `_3` suffix so eIds stay unique (parsers report the duplicate).
 */
export function assignEids(document: Document): AssignResult {
  return assignEidsInPlace(structuredClone(document))
}

/**
 * {@link assignEids} on a tree the caller owns and gives up: its eIds are
 * changed where it stands and it is returned as `document`. Importers use
 * it on the tree they have just built, where a copy would only be garbage.
 */
export function assignEidsInPlace(copy: Document): AssignResult {
  const renames: EidRenames = {}
  const used = new Set<string>()

  const give = (node: Provision, wanted: string): void => {
    let eId = wanted
    for (let n = 2; used.has(eId); n++) eId = `${wanted}_${n}`
    used.add(eId)
    if (node.eId && node.eId !== eId) renames[node.eId] = eId
    node.eId = eId
  }

  for (const top of copy.children) {
    if (top.type === 'preamble') {
      for (const part of top.children) {
        if (part.type === 'citations') {
          part.children.forEach((citation, i) => give(citation, `cit_${i + 1}`))
        } else if (part.type === 'recitals') {
          part.children.forEach((recital, i) => {
            give(recital, `rec_${numOr(recital.num, i + 1)}`)
            inner(recital.eId, recital.children)
          })
        }
      }
    } else if (top.type === 'body') {
      divisions('', top.children)
    } else if (top.type === 'annex') {
      const annexes = copy.children.filter((c): c is Annex => c.type === 'annex')
      give(top, `anx_${numOr(top.num, annexes.indexOf(top) + 1)}`)
      inner(top.eId, top.children)
    }
  }

  function divisions(prefix: string, children: Array<Division | Article>): void {
    const counts: Partial<Record<DivisionKind, number>> = {}
    for (const child of children) {
      if (child.type === 'article') {
        give(child, `art_${numOr(child.num, 0)}`)
        inner(child.eId, child.children)
      } else {
        const n = (counts[child.kind] ?? 0) + 1
        counts[child.kind] = n
        give(child, `${prefix}${EID_PREFIX[child.kind]}_${numOr(child.num, n)}`)
        divisions(child.eId + '__', child.children)
      }
    }
  }

  function inner(parent: string, children: Array<ProvisionContent | Node>): void {
    const hasOwnText = children.some((c) => c.type === 'content' || c.type === 'intro')
    let subparagraphs = hasOwnText ? 1 : 0
    let indents = 0
    let paragraphs = 0
    for (const child of children) {
      if (!isProvisionContent(child)) continue
      let step: string
      if (child.type === 'paragraph') {
        paragraphs++
        step = `para_${numOr(child.num, paragraphs)}`
      } else if (child.type === 'subparagraph') {
        subparagraphs++
        step = `subpara_${subparagraphs}`
      } else if (child.type === 'point') {
        step = `point_${numOr(child.num, 0)}`
      } else if (child.type === 'indent') {
        indents++
        step = `indent_${indents}`
      } else {
        continue
      }
      give(child, `${parent}__${step}`)
      if ('children' in child) inner(child.eId, child.children as ProvisionContent[])
    }
  }

  return {document: copy, renames}
}

function numOr(num: string | undefined, fallback: number): string {
  const clean = num === undefined ? '' : cleanNum(num)
  return clean === '' ? String(fallback) : clean
}
