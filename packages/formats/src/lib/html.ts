/**
 * HTML parsing with parse5 (a spec-compliant HTML parser; it never fails,
 * so "not an act" is decided by the importers) and small DOM helpers.
 */
import {parse} from 'parse5'
import type {DefaultTreeAdapterTypes} from 'parse5'
import type {Inline, Position, RedlexError, SourcePoint} from '@redlex/tree'
import type {ImportContext} from './context.js'
import {clean} from './text.js'

export type HElement = DefaultTreeAdapterTypes.Element
export type HNode = DefaultTreeAdapterTypes.ChildNode
export type HDocument = DefaultTreeAdapterTypes.Document

export function parseHtml(html: string): HDocument {
  return parse(html, {sourceCodeLocationInfo: true})
}

export function isEl(node: HNode | DefaultTreeAdapterTypes.ParentNode): node is HElement {
  return 'tagName' in node
}

export function isTextNode(node: HNode): node is DefaultTreeAdapterTypes.TextNode {
  return node.nodeName === '#text'
}

export function hAttr(el: HElement, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value
}

export function classes(el: HElement): string[] {
  return (hAttr(el, 'class') ?? '').split(/\s+/).filter(Boolean)
}

export function hasClass(el: HElement, name: string): boolean {
  return classes(el).includes(name)
}

export function elements(el: HElement | HDocument): HElement[] {
  return (el.childNodes as HNode[]).filter(isEl)
}

/** Depth-first search for elements matching `test` (not descending into matches when `stop`). */
export function findAll(root: HElement | HDocument, test: (el: HElement) => boolean, stop = false): HElement[] {
  const out: HElement[] = []
  const visit = (node: HElement | HDocument): void => {
    for (const child of node.childNodes as HNode[]) {
      if (!isEl(child)) continue
      if (test(child)) {
        out.push(child)
        if (stop) continue
      }
      visit(child)
    }
    if (isEl(node as HNode) && (node as HElement).tagName === 'template') {
      const content = (node as DefaultTreeAdapterTypes.Template).content
      if (content) visit(content as unknown as HElement)
    }
  }
  visit(root)
  return out
}

export function findFirst(root: HElement | HDocument, test: (el: HElement) => boolean): HElement | undefined {
  let found: HElement | undefined
  const visit = (node: HElement | HDocument): boolean => {
    for (const child of node.childNodes as HNode[]) {
      if (!isEl(child)) continue
      if (test(child)) {
        found = child
        return true
      }
      if (visit(child)) return true
    }
    return false
  }
  visit(root)
  return found
}

export function textOfEl(node: HNode | HElement): string {
  if (isTextNode(node as HNode)) return (node as DefaultTreeAdapterTypes.TextNode).value
  if (!isEl(node as HNode)) return ''
  return ((node as HElement).childNodes as HNode[]).map((c) => textOfEl(c)).join('')
}

export function pointOfEl(el: HElement | HNode): SourcePoint | undefined {
  const loc = (el as {sourceCodeLocation?: {startLine: number; startCol: number} | null}).sourceCodeLocation
  return loc ? {line: loc.startLine, column: loc.startCol} : undefined
}

export function positionOfEl(el: HElement | HNode): Position | undefined {
  const loc = (el as {sourceCodeLocation?: {startLine: number; startCol: number; endLine: number; endCol: number; startOffset: number; endOffset: number} | null}).sourceCodeLocation
  return loc ? {start: {line: loc.startLine, column: loc.startCol, offset: loc.startOffset}, end: {line: loc.endLine, column: loc.endCol, offset: loc.endOffset}} : undefined
}

/** Remove trailing spaces of the last text node (before a footnote marker). */
export function trimTrailingSpace(out: Inline[]): void {
  const last = out[out.length - 1]
  if (last && last.type === 'text') last.value = last.value.replace(/[\s]+$/, '')
}

/** `formats/not-an-act`: the page title (or first words) and the position of `<body>`. */
export function notAnAct(dom: HDocument, ctx: ImportContext, why: string): RedlexError {
  const title = findFirst(dom, (el) => el.tagName === 'title')
  const body = findFirst(dom, (el) => el.tagName === 'body') ?? findFirst(dom, (el) => el.tagName === 'html')
  const place = body ? pointOfEl(body) : undefined
  const seen = title ? `page titled "${clean(textOfEl(title)).slice(0, 80)}"` : `text starting "${clean(body ? textOfEl(body) : '').slice(0, 60)}"`
  return ctx.error('formats/not-an-act', `HTML is not an act in a supported layout: ${why}; found a ${seen}`, {place, actual: seen, hint: 'Give the EUR-Lex page of the act (…/TXT/HTML/?uri=OJ:…) or the Cellar XHTML of a proposal'})
}
