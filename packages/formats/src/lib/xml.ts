/**
 * XML parsing (via @xmldom/xmldom) with every parser complaint turned into a
 * RedlexError carrying `file:line:column`, plus small DOM helpers.
 */
import {DOMParser} from '@xmldom/xmldom'
import type {Document as XmlDocument, Element, Node as XmlNode} from '@xmldom/xmldom'
import {RedlexError, codePointName, isXmlSafe, xmlSafe} from '@redlex/tree'
import type {SourcePoint} from '@redlex/tree'

export type {Element, XmlNode}

const ELEMENT = 1
const TEXT = 3
const CDATA = 4

/**
 * The deepest element nesting the importers accept. Real acts nest about 25
 * deep (body › part › title › chapter › section › article › paragraph ›
 * list › point … › p › i); the tree walkers and the Markdown writer recurse
 * once per level, so a hostile file nested thousands deep would exhaust the
 * stack. Deeper input is refused with `formats/too-deep` (docs/formats.md).
 */
export const MAX_XML_DEPTH = 100

/** Reports a problem that was repaired (a warning), with its place in the source. */
export type XmlWarn = (code: string, message: string, place?: SourcePoint) => void

/**
 * Parse XML text; malformed input throws `formats/malformed-xml` with line
 * and column. A UTF-8 byte order mark is accepted. Characters XML 1.0 does
 * not allow (NUL and other C0 controls, U+FFFE, U+FFFF, lone surrogates),
 * written raw or as `&#1;`, are dropped from the text with a
 * `formats/invalid-character` warning naming their line and column. Nesting
 * deeper than {@link MAX_XML_DEPTH} throws `formats/too-deep`.
 */
export function parseXml(text: string, file?: string, warn?: XmlWarn): XmlDocument {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
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
    }).parseFromString(source, 'text/xml')
  } catch (error) {
    const where = problem ?? {message: error instanceof Error ? error.message : String(error), line: 0, column: 0}
    throw malformed(where.message, where.line, where.column, source, file, error)
  }
  if (!doc.documentElement) throw malformed('missing root element', 1, 1, source, file, undefined)
  const invalid = invalidCharacters(source)
  for (const found of invalid.slice(0, MAX_CHARACTER_WARNINGS)) {
    warn?.(
      'formats/invalid-character',
      `${found.name} (written ${found.written}) is not allowed in XML 1.0: dropped`,
      found.place
    )
  }
  if (invalid.length > MAX_CHARACTER_WARNINGS) {
    warn?.(
      'formats/invalid-character',
      `${invalid.length - MAX_CHARACTER_WARNINGS} more characters not allowed in XML 1.0 dropped`,
      invalid[MAX_CHARACTER_WARNINGS]!.place
    )
  }
  checkAndClean(doc.documentElement, invalid.length > 0, file)
  return doc
}

/** Warnings are given one by one up to this many; the rest are counted in one more. */
const MAX_CHARACTER_WARNINGS = 20

const RAW_NOT_XML_CHAR =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const CHARACTER_REFERENCE = /&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));/g

function isXmlCodePoint(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  )
}

interface InvalidCharacter {
  name: string
  written: string
  place: SourcePoint
}

/** Characters XML 1.0 forbids, raw or as character references, with their places (in source order). */
function invalidCharacters(text: string): InvalidCharacter[] {
  const found: Array<{offset: number; name: string; written: string}> = []
  if (!isXmlSafe(text)) {
    RAW_NOT_XML_CHAR.lastIndex = 0
    for (let m = RAW_NOT_XML_CHAR.exec(text); m; m = RAW_NOT_XML_CHAR.exec(text))
      found.push({offset: m.index, name: codePointName(m[0]), written: 'raw'})
  }
  if (text.includes('&#')) {
    CHARACTER_REFERENCE.lastIndex = 0
    for (let m = CHARACTER_REFERENCE.exec(text); m; m = CHARACTER_REFERENCE.exec(text)) {
      const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10)
      if (!isXmlCodePoint(code))
        found.push({offset: m.index, name: 'U+' + code.toString(16).toUpperCase().padStart(4, '0'), written: m[0]})
    }
  }
  if (found.length === 0) return []
  found.sort((a, b) => a.offset - b.offset)
  const places = pointsAt(
    text,
    found.map((f) => f.offset)
  )
  return found.map((f, i) => ({name: f.name, written: f.written, place: places[i]!}))
}

/** Line and column (1-based) of sorted offsets, in one pass. */
function pointsAt(text: string, offsets: readonly number[]): SourcePoint[] {
  const out: SourcePoint[] = []
  let line = 1
  let lineStart = 0
  let i = 0
  for (const offset of offsets) {
    for (; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++
        lineStart = i + 1
      }
    }
    out.push({line, column: offset - lineStart + 1})
  }
  return out
}

/**
 * One iterative pass over the elements: refuse nesting deeper than
 * {@link MAX_XML_DEPTH}; when `clean`, drop characters XML 1.0 forbids from
 * text and attribute values (xmldom keeps them).
 */
function checkAndClean(root: Element, clean: boolean, file: string | undefined): void {
  const stack: Array<{node: XmlNode; depth: number}> = [{node: root, depth: 1}]
  while (stack.length > 0) {
    const {node, depth} = stack.pop()!
    if (isElement(node)) {
      if (depth > MAX_XML_DEPTH) {
        const options: ConstructorParameters<typeof RedlexError>[1] = {
          code: 'formats/too-deep',
          hint: `Real acts nest about 25 elements deep; this file is probably damaged or hostile (the limit is ${MAX_XML_DEPTH})`
        }
        const place = pointOf(node)
        if (place) options.place = place
        if (file !== undefined) options.file = file
        throw new RedlexError(`elements nested more than ${MAX_XML_DEPTH} deep`, options)
      }
      if (clean) {
        const attrs = node.attributes
        for (let i = 0; i < attrs.length; i++) {
          const a = attrs.item(i)
          if (a && !isXmlSafe(a.value)) a.value = xmlSafe(a.value)
        }
      }
      for (let c = node.firstChild; c; c = c.nextSibling) stack.push({node: c, depth: depth + 1})
    } else if (clean && isText(node) && node.nodeValue !== null && !isXmlSafe(node.nodeValue)) {
      const value = xmlSafe(node.nodeValue)
      ;(node as {data?: string}).data = value
      node.nodeValue = value
    }
  }
}

function malformed(
  message: string,
  line: number,
  column: number,
  text: string,
  file: string | undefined,
  cause: unknown
): RedlexError {
  const lines = text.split('\n')
  const place: SourcePoint =
    line > 0
      ? {line, column: Math.max(column, 1)}
      : {line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1}
  const truncated = /end of input|unclosed|not closed|missing root/i.test(message) || text.trim() === ''
  const options: ConstructorParameters<typeof RedlexError>[1] = {
    code: 'formats/malformed-xml',
    place,
    actual: message
      .replace(/^\[xmldom [a-zA-Z]*\]\s*/, '')
      .replace(/\|\|@#\[.*$/s, '')
      .trim(),
    hint: truncated
      ? 'The file looks truncated: download or export it again'
      : 'Fix the XML at that place (a well-formed XML file is needed)',
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
  return typeof n.lineNumber === 'number' && n.lineNumber > 0
    ? {line: n.lineNumber, column: n.columnNumber ?? 1}
    : undefined
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
  // U+0085 and U+2028 are line ends to XML 1.1 parsers (xmldom among them), which turn them into
  // a line feed: written as character references they come back as themselves.
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\u0085\u2028]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)
}

/** Escape text for an XML attribute value in double quotes. */
export function escapeAttr(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
    .replace(/\r/g, '&#13;')
}
