/**
 * XML parsing (via @xmldom/xmldom) with every parser complaint turned into a
 * RedlexError carrying `file:line:column`, plus small DOM helpers.
 */
import {DOMParser} from '@xmldom/xmldom'
import type {Document as XmlDocument, Element, Node as XmlNode} from '@xmldom/xmldom'
import {RedlexError} from '@redlex/tree'
import type {SourcePoint} from '@redlex/tree'

export type {Element, XmlNode}

const ELEMENT = 1
const TEXT = 3
const CDATA = 4

/** Parse XML text; malformed input throws `formats/malformed-xml` with line and column. */
export function parseXml(text: string, file?: string): XmlDocument {
  let problem: {message: string; line: number; column: number} | undefined
  let doc: XmlDocument | undefined
  try {
    doc = new DOMParser({
      onError: (level, message, context) => {
        if (level === 'warning') return
        const locator = (context as {locator?: {lineNumber?: number; columnNumber?: number}} | undefined)?.locator
        problem ??= {message: String(message), line: locator?.lineNumber ?? 0, column: locator?.columnNumber ?? 0}
        throw new Error(String(message))
      }
    }).parseFromString(text, 'text/xml')
  } catch (error) {
    const where = problem ?? {message: error instanceof Error ? error.message : String(error), line: 0, column: 0}
    throw malformed(where.message, where.line, where.column, text, file, error)
  }
  if (!doc.documentElement) throw malformed('missing root element', 1, 1, text, file, undefined)
  return doc
}

function malformed(message: string, line: number, column: number, text: string, file: string | undefined, cause: unknown): RedlexError {
  const lines = text.split('\n')
  const place: SourcePoint = line > 0 ? {line, column: Math.max(column, 1)} : {line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1}
  const truncated = /end of input|unclosed|not closed|missing root/i.test(message) || text.trim() === ''
  const options: ConstructorParameters<typeof RedlexError>[1] = {
    code: 'formats/malformed-xml',
    place,
    actual: message.replace(/^\[xmldom [a-zA-Z]*\]\s*/, '').replace(/\|\|@#\[.*$/s, '').trim(),
    hint: truncated ? 'The file looks truncated: download or export it again' : 'Fix the XML at that place (a well-formed XML file is needed)',
    cause
  }
  if (file !== undefined) options.file = file
  return new RedlexError(`malformed XML: ${options.actual}`, options)
}

export function isElement(node: XmlNode | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT
}

export function isText(node: XmlNode): boolean {
  return node.nodeType === TEXT || node.nodeType === CDATA
}

/** Local name without prefix (`leos:ref` → `ref`). */
export function nameOf(element: Element): string {
  return element.localName ?? element.nodeName
}

export function childElements(element: Element): Element[] {
  const out: Element[] = []
  for (let c = element.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c)
  return out
}

export function childNodes(element: Element): XmlNode[] {
  const out: XmlNode[] = []
  for (let c = element.firstChild; c; c = c.nextSibling) out.push(c)
  return out
}

export function firstChild(element: Element, name: string): Element | undefined {
  for (let c = element.firstChild; c; c = c.nextSibling) if (isElement(c) && nameOf(c) === name) return c
  return undefined
}

export function children(element: Element, name: string): Element[] {
  return childElements(element).filter((c) => nameOf(c) === name)
}

/** All descendants with this local name, in document order. */
export function descendants(element: Element, name: string): Element[] {
  const out: Element[] = []
  const visit = (node: Element): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (isElement(c)) {
        if (nameOf(c) === name) out.push(c)
        visit(c)
      }
    }
  }
  visit(element)
  return out
}

export function textContent(node: XmlNode): string {
  return node.textContent ?? ''
}

/** The element's start in the source (xmldom locator), or undefined. */
export function pointOf(node: XmlNode): SourcePoint | undefined {
  const n = node as {lineNumber?: number; columnNumber?: number}
  return typeof n.lineNumber === 'number' && n.lineNumber > 0 ? {line: n.lineNumber, column: n.columnNumber ?? 1} : undefined
}

/** A unist position for a node (start only: end is set to the start; see docs/formats.md). */
export function positionOf(node: XmlNode): {start: SourcePoint; end: SourcePoint} | undefined {
  const point = pointOf(node)
  return point ? {start: point, end: {...point}} : undefined
}

/** Attribute by local name, any namespace (`xml:id`, `leos:x`, `eId`). */
export function attr(element: Element, name: string): string | undefined {
  if (element.hasAttribute(name)) return element.getAttribute(name) ?? undefined
  const attrs = element.attributes
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i)
    if (a && (a.localName === name || a.name === name)) return a.value
  }
  return undefined
}

/** Escape text for XML element content. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Escape text for an XML attribute value in double quotes. */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;')
}
