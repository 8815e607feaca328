/**
 * The last step of every import: compute eIds (`assignEids`), keep a
 * source identifier that differs from the computed eId in `data.aknId`,
 * resolve AKN `ref`s that point inside the document, and link
 * cross-references in the text (`linkReferences` of @redlex/tree).
 */
import {assignEidsInPlace, isProvision, linkReferencesInPlace, walk} from '@redlex/tree'
import type {Document, Node, Ref} from '@redlex/tree'

/** Read `node.data[key]` as a string. */
export function dataString(node: Node, key: string): string | undefined {
  const value = (node.data as Record<string, unknown> | undefined)?.[key]
  return typeof value === 'string' ? value : undefined
}

export function setData(node: Node, key: string, value: unknown): void {
  node.data = {...(node.data ?? {}), [key]: value}
}

export function deleteData(node: Node, key: string): void {
  if (!node.data) return
  const rest = {...(node.data as Record<string, unknown>)}
  delete rest[key]
  if (Object.keys(rest).length === 0) delete node.data
  else node.data = rest
}

/** The id an `href` points at (`#x`, `~x`, `file.xml/~x`, `…#x`), or undefined. */
export function hrefTarget(href: string): string | undefined {
  const m = /[#~]([^#~/]+)$/.exec(href)
  return m ? m[1] : undefined
}

/** True when an href names another document (an AKN/ELI URI or a web address). */
export function isExternalHref(href: string): boolean {
  if (/^[#~]/.test(href)) return false
  if (/^[A-Za-z0-9_.-]+\.xml\/?[#~]/.test(href)) return false
  return href !== ''
}

export interface FinishOptions {
  /** Link cross-references in plain text with @redlex/tree `linkReferences`, when present (default true). */
  linkReferences?: boolean
}

/**
 * Finish a tree an importer has just built and gives up: eIds, source
 * targets, links. The tree is changed in place (a copy of a whole act at
 * each step was a third of the import's garbage).
 */
export function finishDocument(document: Document, options?: FinishOptions): Document {
  const {document: doc} = assignEidsInPlace(document)
  const ids = new Map<string, string>()
  walk(doc, (node) => {
    if (isProvision(node)) {
      ids.set(node.eId, node.eId)
      const source = dataString(node, 'aknId')
      if (source !== undefined) {
        if (!ids.has(source)) ids.set(source, node.eId)
        if (source === node.eId) deleteData(node, 'aknId')
      }
    }
  })
  walk(doc, (node) => {
    if (node.type === 'ref') {
      resolveRef(node, ids)
      // Targets that come from the source (an AKN href) win over re-resolving the printed text.
      if (node.targets.length > 0) setData(node, 'sourceTargets', [...node.targets])
    }
  })
  const linked = options?.linkReferences === false ? doc : linkReferencesInPlace(doc)
  walk(linked, (node) => {
    if (node.type === 'ref') {
      const kept = (node.data as {sourceTargets?: string[]} | undefined)?.sourceTargets
      if (kept) {
        node.targets = kept
        deleteData(node, 'sourceTargets')
      }
    }
  })
  return linked
}

function resolveRef(ref: Ref, ids: Map<string, string>): void {
  const href = dataString(ref, 'href')
  if (href === undefined || ref.targets.length > 0) return
  if (isExternalHref(href)) {
    ref.external = true
    return
  }
  const id = hrefTarget(href)
  const eId = id === undefined ? undefined : ids.get(id)
  if (eId !== undefined) {
    ref.targets = [eId]
    deleteData(ref, 'href')
  }
}
