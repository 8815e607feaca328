/**
 * XML parsing (our own reader, xml-reader.ts) with every well-formedness
 * error turned into a RedlexError carrying `file:line:column`, plus small
 * helpers over the light element tree the importers walk.
 */
import {RedlexError, codePointName, isXmlSafe, xmlSafe} from '@redlex/tree'
import type {SourcePoint} from '@redlex/tree'
import {XmlSyntaxError, XmlTooDeep, normalizeLineEnds, readXml} from './xml-reader.js'
import type {XmlElement, XmlNode, XmlText} from './xml-reader.js'

export type {XmlNode}
/** An element of the tree `parseXml` returns. */
export type Element = XmlElement

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
 * Parse XML text into its root element; malformed input throws
 * `formats/malformed-xml` with line and column. A UTF-8 byte order mark is
 * accepted. Characters XML 1.0 does not allow (NUL and other C0 controls,
 * U+FFFE, U+FFFF, lone surrogates), written raw or as `&#1;`, are dropped
 * from the text with a `formats/invalid-character` warning naming their line
 * and column. Nesting deeper than {@link MAX_XML_DEPTH} throws `formats/too-deep`.
 */
export function parseXml(text: string, file?: string, warn?: XmlWarn): Element {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let read: ReturnType<typeof readXml>
  try {
    read = readXml(source, MAX_XML_DEPTH)
  } catch (error) {
    if (error instanceof XmlTooDeep) throw tooDeep(error.element, file)
    if (!(error instanceof XmlSyntaxError)) throw error
    throw malformed(error, source, file)
  }
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
  if (invalid.length > 0) dropInvalidCharacters(read.root)
  return read.root
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

function tooDeep(element: Element, file: string | undefined): RedlexError {
  const options: ConstructorParameters<typeof RedlexError>[1] = {
    code: 'formats/too-deep',
    hint: `Real acts nest about 25 elements deep; this file is probably damaged or hostile (the limit is ${MAX_XML_DEPTH})`
  }
  const place = pointOf(element)
  if (place) options.place = place
  if (file !== undefined) options.file = file
  return new RedlexError(`elements nested more than ${MAX_XML_DEPTH} deep`, options)
}

/** Drop the characters XML 1.0 forbids from text and attribute values (the reader keeps them). */
function dropInvalidCharacters(root: Element): void {
  const stack: XmlNode[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'element') {
      for (const a of node.attributes) if (!isXmlSafe(a.value)) a.value = xmlSafe(a.value)
      for (const child of node.children) stack.push(child)
    } else if (isText(node) && !isXmlSafe(node.value)) {
      node.value = xmlSafe(node.value)
    }
  }
}

function malformed(error: XmlSyntaxError, source: string, file: string | undefined): RedlexError {
  // The offset is in the text as read, line ends normalised (as the places of elements).
  const text = normalizeLineEnds(source)
  const [place] = pointsAt(text, [Math.min(error.offset, text.length)])
  const truncated = /end of input|not closed|missing root/i.test(error.message) || text.trim() === ''
  const options: ConstructorParameters<typeof RedlexError>[1] = {
    code: 'formats/malformed-xml',
    place: place!,
    actual: error.message,
    hint: truncated
      ? 'The file looks truncated: download or export it again'
      : 'Fix the XML at that place (a well-formed XML file is needed)'
  }
  if (file !== undefined) options.file = file
  return new RedlexError(`malformed XML: ${error.message}`, options)
}

export function isElement(node: XmlNode | null | undefined): node is Element {
  return node?.type === 'element'
}

/** Text and CDATA (not comments or processing instructions). */
export function isText(node: XmlNode): node is XmlText {
  return node.type === 'text' || node.type === 'cdata'
}

/** The value of a text, CDATA, comment or instruction node; '' for an element (as a DOM's nodeValue). */
export function nodeValue(node: XmlNode): string {
  return node.type === 'element' ? '' : node.value
}

/** Local name without prefix (`leos:ref` → `ref`). */
export function nameOf(element: Element): string {
  return element.localName
}

export function childElements(element: Element): Element[] {
  const out: Element[] = []
  for (const c of element.children) if (c.type === 'element') out.push(c)
  return out
}

export function childNodes(element: Element): readonly XmlNode[] {
  return element.children
}

export function firstChild(element: Element, name: string): Element | undefined {
  for (const c of element.children) if (c.type === 'element' && c.localName === name) return c
  return undefined
}

export function children(element: Element, name: string): Element[] {
  return childElements(element).filter((c) => nameOf(c) === name)
}

/** All descendants with this local name (or every descendant element, without a name), in document order. */
export function descendants(element: Element, name?: string): Element[] {
  const out: Element[] = []
  const visit = (node: Element): void => {
    for (const c of node.children) {
      if (c.type === 'element') {
        if (name === undefined || c.localName === name) out.push(c)
        visit(c)
      }
    }
  }
  visit(element)
  return out
}

/** The text of a node: an element's text and CDATA descendants joined (comments and instructions left out). */
export function textContent(node: XmlNode): string {
  if (node.type !== 'element') return node.value
  let out = ''
  for (const c of node.children) {
    if (c.type === 'element') out += textContent(c)
    else if (c.type === 'text' || c.type === 'cdata') out += c.value
  }
  return out
}

/** A new element not read from the source (no place), e.g. to wrap some nodes for an inline walker. */
export function wrapperElement(name: string, children: XmlNode[]): Element {
  return {type: 'element', name, localName: name, namespaceURI: null, attributes: [], children, line: 0, column: 0}
}

/** The element's start (its `<`) in the source, or undefined. */
export function pointOf(node: XmlNode): SourcePoint | undefined {
  return node.type === 'element' && node.line > 0 ? {line: node.line, column: node.column} : undefined
}

/** A unist position for a node (start only: end is set to the start; see docs/formats.md). */
export function positionOf(node: XmlNode): {start: SourcePoint; end: SourcePoint} | undefined {
  const point = pointOf(node)
  return point ? {start: point, end: {...point}} : undefined
}

/** Attribute by local name, any namespace (`xml:id`, `leos:x`, `eId`); the name as written wins. */
export function attr(element: Element, name: string): string | undefined {
  const attrs = element.attributes
  for (const a of attrs) if (a.name === name) return a.value
  for (const a of attrs) if (a.localName === name) return a.value
  return undefined
}

/** Attribute by namespace and local name. */
export function attrNS(element: Element, namespace: string, localName: string): string | undefined {
  for (const a of element.attributes) if (a.localName === localName && a.namespaceURI === namespace) return a.value
  return undefined
}

/** Escape text for XML element content. */
export function escapeText(value: string): string {
  // U+0085 and U+2028 are line ends to XML 1.1 parsers, and redlex's reader (as xmldom did) also
  // reads U+2029 as one (see xml-reader.ts): each would come back as a line feed. Written as
  // character references they come back as themselves.
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\u0085\u2028\u2029]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)
}

/** Escape text for an XML attribute value in double quotes. */
export function escapeAttr(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
    .replace(/\r/g, '&#13;')
}
