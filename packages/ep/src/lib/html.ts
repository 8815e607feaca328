/**
 * The few parse5 helpers this package needs. They are kept here (not shared
 * with @redlex/formats) so that the EP reader does not depend on how the act
 * importers parse HTML.
 */
import {parse} from 'parse5'
import type {DefaultTreeAdapterTypes} from 'parse5'

export type HElement = DefaultTreeAdapterTypes.Element
export type HNode = DefaultTreeAdapterTypes.ChildNode
export type HParent = DefaultTreeAdapterTypes.ParentNode

/** Parse an HTML or XHTML page; parse5 never fails (whether it is an EP text is decided by the reader). */
export function parseHtml(html: string): DefaultTreeAdapterTypes.Document {
  return parse(html)
}

export function isElement(node: HNode | HParent): node is HElement {
  return 'tagName' in node
}

export function isText(node: HNode): node is DefaultTreeAdapterTypes.TextNode {
  return node.nodeName === '#text'
}

export function hasClass(el: HElement, name: string): boolean {
  const value = el.attrs.find((a) => a.name === 'class')?.value
  return value !== undefined && value.split(/\s+/).includes(name)
}

export function attribute(el: HElement, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value
}

export function childElements(el: HParent): HElement[] {
  return (el.childNodes as HNode[]).filter(isElement)
}

/** Elements matching `test` in document order, not looking inside a match. */
export function findAll(root: HParent, test: (el: HElement) => boolean): HElement[] {
  const out: HElement[] = []
  const visit = (node: HParent): void => {
    for (const child of node.childNodes as HNode[]) {
      if (!isElement(child)) continue
      if (test(child)) out.push(child)
      else visit(child)
    }
  }
  visit(root)
  return out
}

/** The text of an element, whitespace collapsed. */
export function textContent(node: HNode | HParent): string {
  let out = ''
  const visit = (n: HNode | HParent): void => {
    if (isText(n as HNode)) out += (n as DefaultTreeAdapterTypes.TextNode).value
    else if ('childNodes' in n) for (const c of n.childNodes as HNode[]) visit(c)
  }
  visit(node)
  return out.replace(/\s+/g, ' ').trim()
}
