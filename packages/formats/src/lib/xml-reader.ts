/**
 * A small XML 1.0 reader (with Namespaces in XML) that builds the light
 * element tree the AKN and Formex importers walk. It checks well-formedness
 * and reports the first problem with its offset; it does not read DTDs (no
 * entity is defined but the five of XML, so nothing is ever expanded).
 *
 * Why our own reader and not a DOM library: the importers only need names,
 * attributes, children and text with their places, and a DOM costs several
 * times more (objects, live lists, per-node checks) on a 0.5 MB act. The
 * reader keeps what redlex did before with xmldom where it matters for the
 * text: line ends (`\r\n`, `\r`, U+0085, U+2028, U+2029) are read as `\n`
 * as XML 1.1 says, and characters XML 1.0 forbids are let through here so
 * that `parseXml` (xml.ts) can drop them with a located warning.
 *
 * Speed: a start tag is read by one sticky regular expression (the engine
 * does the character loop); only when it does not match is the tag walked
 * again step by step to say exactly what is wrong and where.
 */

/** An element of the light tree. `line`/`column` (1-based) are its `<`; 0 when it was not read from a source. */
export interface XmlElement {
  readonly type: 'element'
  /** The name as written, with its prefix (`leos:ref`). */
  readonly name: string
  readonly localName: string
  readonly namespaceURI: string | null
  readonly attributes: XmlAttribute[]
  readonly children: XmlNode[]
  readonly line: number
  readonly column: number
}

export interface XmlAttribute {
  readonly name: string
  readonly localName: string
  readonly namespaceURI: string | null
  value: string
}

/** Character data: text (references decoded) and CDATA sections. */
export interface XmlText {
  readonly type: 'text' | 'cdata'
  value: string
}

/** Comments and processing instructions (`value` is the comment, or the instruction's data): no text of the element. */
export interface XmlMarkup {
  readonly type: 'comment' | 'instruction'
  readonly value: string
}

export type XmlNode = XmlElement | XmlText | XmlMarkup

/** A well-formedness error at an offset of the (line-end normalised) text. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
  }
}

/** An element nested deeper than the reader's `maxDepth` (the first one, in document order). */
export class XmlTooDeep extends Error {
  constructor(readonly element: XmlElement) {
    super('elements nested too deep')
  }
}

export interface XmlReadResult {
  /** The text read, after line-end normalisation (offsets refer to it). */
  readonly text: string
  readonly root: XmlElement
}

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/'

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}'
const NAME_CHAR = NAME_START + '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040'
const NAME = `[${NAME_START}][${NAME_CHAR}]*`
const S = '[ \\t\\n\\r]'
const ATTRIBUTE = `${S}+(${NAME})${S}*=${S}*(?:"([^<"]*)"|'([^<']*)')`

const ATTRIBUTE_SHAPE = `${S}+${NAME}${S}*=${S}*(?:"[^<"]*"|'[^<']*')`
/** A whole start tag: name, attributes, `/` of an empty element. */
const START_TAG = new RegExp(`<(${NAME})((?:${ATTRIBUTE_SHAPE})*)${S}*(/?)>`, 'uy')
const ATTRIBUTES = new RegExp(ATTRIBUTE, 'gu')
const END_TAG = new RegExp(`</(${NAME})${S}*>`, 'uy')
const NAME_AT = new RegExp(NAME, 'uy')
const SPACES = new RegExp(`${S}*`, 'y')
const REFERENCE = new RegExp(`&(?:#x([0-9a-fA-F]+);|#([0-9]+);|(${NAME});)?`, 'gu')
const XML_DECLARATION = new RegExp(
  `<\\?xml${S}+version${S}*=${S}*(["'])1\\.[0-9]+\\1` +
    `(?:${S}+encoding${S}*=${S}*(["'])[A-Za-z][A-Za-z0-9._-]*\\2)?` +
    `(?:${S}+standalone${S}*=${S}*(["'])(?:yes|no)\\3)?${S}*\\?>`,
  'y'
)
const LINE_ENDS = /[\r\u0085\u2028\u2029]/
const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"]
])

/** XML 1.1 line-end handling, as redlex has always read XML (see the module comment). */
export function normalizeLineEnds(text: string): string {
  return LINE_ENDS.test(text) ? text.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028\u2029]/g, '\n') : text
}

/** Read a whole document; throws {@link XmlSyntaxError} at the first well-formedness error. */
export function readXml(source: string, maxDepth: number): XmlReadResult {
  const text = normalizeLineEnds(source)
  const reader = new Reader(text, maxDepth)
  const root = reader.document()
  return {text, root}
}

/**
 * Namespace bindings in scope: an element's own declarations (prefix, '' for the default → URI,
 * '' unbinding the default) and its parent scope's. Chained rather than copied, so that a hostile
 * file declaring thousands of prefixes costs no more than its size; elements that declare nothing
 * share their parent's scope.
 */
interface Scope {
  readonly own: ReadonlyMap<string, string>
  readonly parent: Scope | undefined
  /** The default namespace here (null: none), looked up once per scope. */
  readonly defaultNamespace: string | null
}
const INITIAL_SCOPE: Scope = {own: new Map([['xml', XML_NAMESPACE]]), parent: undefined, defaultNamespace: null}

class Reader {
  private pos = 0
  // Line bookkeeping for element places: the line of `lineStart`, and the next '\n' at or after it.
  private line = 1
  private lineStart = 0
  private nextNewline: number
  /** Set after an empty CDATA section: the next text joins the text before it. */
  private textContinues = false

  constructor(
    private readonly s: string,
    private readonly maxDepth: number
  ) {
    this.nextNewline = this.newlineFrom(0)
  }

  document(): XmlElement {
    const s = this.s
    if (s.startsWith('<?xml', 0) && /[ \t\n?]/.test(s.charAt(5))) this.declaration()
    let doctype = false
    for (;;) {
      this.skipSpaces()
      if (this.pos >= s.length) throw new XmlSyntaxError('missing root element (unexpected end of input)', this.pos)
      if (s.startsWith('<!--', this.pos)) this.comment()
      else if (s.startsWith('<?', this.pos)) this.instruction()
      else if (s.startsWith('<!DOCTYPE', this.pos) && !doctype) {
        this.doctype()
        doctype = true
      } else if (s.charCodeAt(this.pos) === 60 /* < */ && s.charAt(this.pos + 1) !== '!') break
      else throw this.outside('before')
    }
    const root = this.content()
    for (;;) {
      this.skipSpaces()
      if (this.pos >= s.length) return root
      if (s.startsWith('<!--', this.pos)) this.comment()
      else if (s.startsWith('<?', this.pos)) this.instruction()
      else throw this.outside('after')
    }
  }

  /** The root element and everything in it, without recursion (nesting depth is the input's). */
  private content(): XmlElement {
    const s = this.s
    const root = this.startTag(INITIAL_SCOPE, 1)
    if (root.empty) return root.element
    const open: XmlElement[] = [root.element]
    const scopes: Scope[] = [root.scope]
    for (;;) {
      const parent = open[open.length - 1]!
      const lt = s.indexOf('<', this.pos)
      if (lt === -1) throw this.unclosed(open)
      if (lt > this.pos) this.text(parent, lt)
      this.textContinues = false
      const next = s.charCodeAt(lt + 1)
      if (next === 47 /* / */) {
        this.endTag(parent)
        open.pop()
        scopes.pop()
        if (open.length === 0) return root.element
      } else if (next === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) parent.children.push({type: 'comment', value: this.comment()})
        else if (s.startsWith('<![CDATA[', lt)) {
          const value = this.cdata()
          // An empty section adds no node and the texts around it are one (as with xmldom, whose
          // trees the importers were written against).
          if (value !== '') parent.children.push({type: 'cdata', value})
          else this.textContinues = true
        } else if (s.startsWith('<!DOCTYPE', lt))
          throw new XmlSyntaxError('a DOCTYPE is only allowed before the root element', lt)
        else throw new XmlSyntaxError('"<!" must start a comment or a CDATA section here', lt)
      } else if (next === 63 /* ? */) {
        parent.children.push({type: 'instruction', value: this.instruction()})
      } else if (lt + 1 >= s.length) {
        throw new XmlSyntaxError('unexpected end of input after "<"', lt)
      } else {
        const tag = this.startTag(scopes[scopes.length - 1]!, open.length + 1)
        parent.children.push(tag.element)
        if (!tag.empty) {
          open.push(tag.element)
          scopes.push(tag.scope)
        }
      }
    }
  }

  private text(parent: XmlElement, end: number): void {
    const start = this.pos
    const raw = this.s.slice(start, end)
    if (raw.includes(']]>')) throw new XmlSyntaxError('"]]>" is not allowed in text', start + raw.indexOf(']]>'))
    const value = decodeReferences(raw, start)
    const last = parent.children[parent.children.length - 1]
    if (this.textContinues && last?.type === 'text') last.value += value
    else parent.children.push({type: 'text', value})
    this.pos = end
  }

  private startTag(scope: Scope, depth: number): {element: XmlElement; scope: Scope; empty: boolean} {
    const s = this.s
    const start = this.pos
    START_TAG.lastIndex = start
    const m = START_TAG.exec(s)
    if (!m) throw this.startTagError(start)
    this.pos = START_TAG.lastIndex
    const attributes = m[2] ? this.attributes(m[2], start + 1 + m[1]!.length) : []
    const inner = attributes.length > 0 ? withDeclarations(scope, attributes, start) : scope
    const name = m[1]!
    const colon = name.indexOf(':')
    const localName = colon === -1 ? name : qualifiedPart(name, colon, start)
    const namespaceURI = colon === -1 ? inner.defaultNamespace : boundNamespace(inner, name.slice(0, colon), start)
    this.locate(start)
    const element: XmlElement = {
      type: 'element',
      name,
      localName,
      namespaceURI,
      attributes: attributes.length > 0 ? resolveAttributes(inner, attributes, start) : [],
      children: [],
      line: this.line,
      column: start - this.lineStart + 1
    }
    // Refused at once: the rest of the file is not read, so no input makes the reader hold more than
    // maxDepth open elements (or scopes).
    if (depth > this.maxDepth) throw new XmlTooDeep(element)
    return {element, scope: inner, empty: m[3] === '/'}
  }

  /** Attribute names and decoded values, in source order (`at` is the offset of `text` in the source). */
  private attributes(text: string, at: number): RawAttribute[] {
    const out: RawAttribute[] = []
    ATTRIBUTES.lastIndex = 0
    for (let m = ATTRIBUTES.exec(text); m; m = ATTRIBUTES.exec(text)) {
      const raw = m[2] ?? m[3]!
      const valueAt = at + ATTRIBUTES.lastIndex - raw.length - 1
      const spaced = /[\t\n]/.test(raw) ? raw.replace(/[\t\n]/g, ' ') : raw
      out.push({name: m[1]!, value: decodeReferences(spaced, valueAt), at: valueAt})
    }
    const twice = repeated(out, (a) => a.name)
    if (twice) throw new XmlSyntaxError(`attribute ${twice.name} is given twice`, twice.at)
    return out
  }

  private endTag(parent: XmlElement): void {
    const start = this.pos
    END_TAG.lastIndex = start
    const m = END_TAG.exec(this.s)
    if (!m) {
      if (this.s.indexOf('>', start) === -1) throw new XmlSyntaxError('unexpected end of input in an end tag', start)
      throw new XmlSyntaxError('malformed end tag (it is "</" + name + ">")', start)
    }
    if (m[1] !== parent.name) {
      throw new XmlSyntaxError(
        `mismatched end tag: <${parent.name}> is closed by </${m[1]}>`,
        this.offsetOf(parent.line, parent.column)
      )
    }
    this.pos = END_TAG.lastIndex
  }

  private comment(): string {
    const start = this.pos
    const end = this.s.indexOf('-->', start + 4)
    if (end === -1) throw new XmlSyntaxError('unexpected end of input in a comment', start)
    const value = this.s.slice(start + 4, end)
    if (value.includes('--') || value.endsWith('-'))
      throw new XmlSyntaxError('"--" is not allowed inside a comment', start)
    this.pos = end + 3
    return value
  }

  private cdata(): string {
    const start = this.pos
    const end = this.s.indexOf(']]>', start + 9)
    if (end === -1) throw new XmlSyntaxError('unexpected end of input in a CDATA section', start)
    this.pos = end + 3
    return this.s.slice(start + 9, end)
  }

  /** A processing instruction; returns its data (what follows the target). */
  private instruction(): string {
    const start = this.pos
    NAME_AT.lastIndex = start + 2
    const target = NAME_AT.exec(this.s)?.[0]
    if (!target) throw new XmlSyntaxError('a processing instruction needs a name right after "<?"', start)
    if (target.toLowerCase() === 'xml')
      throw new XmlSyntaxError('the XML declaration is only allowed at the very start of the document', start)
    const end = this.s.indexOf('?>', NAME_AT.lastIndex)
    if (end === -1) throw new XmlSyntaxError('unexpected end of input in a processing instruction', start)
    this.pos = NAME_AT.lastIndex
    if (end > this.pos && this.skipSpaces() === 0)
      throw new XmlSyntaxError('a space is needed after the name of a processing instruction', start)
    const value = this.s.slice(Math.min(this.pos, end), end)
    this.pos = end + 2
    return value
  }

  private declaration(): void {
    XML_DECLARATION.lastIndex = 0
    if (!XML_DECLARATION.exec(this.s)) throw new XmlSyntaxError('the XML declaration is not well-formed', 0)
    this.pos = XML_DECLARATION.lastIndex
  }

  /** `<!DOCTYPE name ExternalID? [internal subset]? >`: checked for shape and skipped (never expanded). */
  private doctype(): void {
    const s = this.s
    const start = this.pos
    this.pos += 9
    if (this.skipSpaces() === 0 || !this.name()) throw new XmlSyntaxError('a DOCTYPE needs a name', start)
    this.skipSpaces()
    if (s.startsWith('SYSTEM', this.pos) || s.startsWith('PUBLIC', this.pos)) {
      const literals = s.startsWith('PUBLIC', this.pos) ? 2 : 1
      this.pos += 6
      for (let i = 0; i < literals; i++) {
        if (this.skipSpaces() === 0) throw new XmlSyntaxError('malformed DOCTYPE', start)
        this.literal(start)
      }
      this.skipSpaces()
    }
    if (s.charAt(this.pos) === '[') {
      this.pos++
      this.internalSubset(start)
      this.skipSpaces()
    }
    if (s.charAt(this.pos) !== '>') {
      if (this.pos >= s.length) throw new XmlSyntaxError('unexpected end of input in a DOCTYPE', start)
      throw new XmlSyntaxError('malformed DOCTYPE', this.pos)
    }
    this.pos++
  }

  /** Skip declarations, comments, instructions and parameter-entity references up to the closing `]`. */
  private internalSubset(doctypeStart: number): void {
    const s = this.s
    for (;;) {
      this.skipSpaces()
      if (this.pos >= s.length) throw new XmlSyntaxError('unexpected end of input in a DOCTYPE', doctypeStart)
      if (s.charAt(this.pos) === ']') {
        this.pos++
        return
      }
      if (s.startsWith('<!--', this.pos)) this.comment()
      else if (s.startsWith('<?', this.pos)) this.instruction()
      else if (s.startsWith('<!', this.pos)) this.markupDeclaration(doctypeStart)
      else if (s.charAt(this.pos) === '%') {
        this.pos++
        if (!this.name() || s.charAt(this.pos) !== ';')
          throw new XmlSyntaxError('malformed parameter-entity reference', this.pos)
        this.pos++
      } else throw new XmlSyntaxError('malformed DOCTYPE internal subset', this.pos)
    }
  }

  /** `<!ELEMENT …>`, `<!ENTITY …>` and the like: up to the `>` outside quoted literals. */
  private markupDeclaration(doctypeStart: number): void {
    const s = this.s
    const start = this.pos
    this.pos += 2
    if (!this.name()) throw new XmlSyntaxError('malformed declaration in the DOCTYPE', start)
    for (;;) {
      const c = s.charAt(this.pos)
      if (c === '') throw new XmlSyntaxError('unexpected end of input in a DOCTYPE', doctypeStart)
      if (c === '>') {
        this.pos++
        return
      }
      if (c === '"' || c === "'") this.literal(doctypeStart)
      else if (c === '<') throw new XmlSyntaxError('malformed declaration in the DOCTYPE', start)
      else this.pos++
    }
  }

  private literal(doctypeStart: number): void {
    const quote = this.s.charAt(this.pos)
    if (quote !== '"' && quote !== "'") throw new XmlSyntaxError('a quoted literal is expected', this.pos)
    const end = this.s.indexOf(quote, this.pos + 1)
    if (end === -1) throw new XmlSyntaxError('unexpected end of input in a DOCTYPE', doctypeStart)
    this.pos = end + 1
  }

  private name(): string | undefined {
    NAME_AT.lastIndex = this.pos
    const m = NAME_AT.exec(this.s)
    if (m) this.pos = NAME_AT.lastIndex
    return m?.[0]
  }

  /** Skips XML white space; returns how much. */
  private skipSpaces(): number {
    SPACES.lastIndex = this.pos
    SPACES.exec(this.s)
    const skipped = SPACES.lastIndex - this.pos
    this.pos = SPACES.lastIndex
    return skipped
  }

  private outside(where: 'before' | 'after'): XmlSyntaxError {
    const s = this.s
    if (where === 'after' && s.charAt(this.pos) === '<')
      return new XmlSyntaxError('only one root element is allowed (content after the root element)', this.pos)
    const what = s.charAt(this.pos) === '<' ? 'markup' : 'text'
    return new XmlSyntaxError(`${what} is not allowed ${where} the root element`, this.pos)
  }

  private unclosed(open: readonly XmlElement[]): XmlSyntaxError {
    const innermost = open[open.length - 1]!
    const names = open.map((e) => `<${e.name}>`).join(', ')
    return new XmlSyntaxError(
      `unexpected end of input: ${names} not closed`,
      this.offsetOf(innermost.line, innermost.column)
    )
  }

  /** Say what is wrong with a start tag the fast expression did not match. */
  private startTagError(start: number): XmlSyntaxError {
    const s = this.s
    const endOfInput = (): XmlSyntaxError => new XmlSyntaxError('unexpected end of input in a start tag', start)
    this.pos = start + 1
    const name = this.name()
    if (!name) return this.pos >= s.length ? endOfInput() : new XmlSyntaxError('a name must follow "<"', this.pos)
    for (;;) {
      const spaced = this.skipSpaces() > 0
      if (this.pos >= s.length) return endOfInput()
      const c = s.charAt(this.pos)
      if (c === '>' || c === '/') {
        return s.startsWith('/>', this.pos) || c === '>'
          ? new XmlSyntaxError(`malformed start tag <${name}>`, start)
          : new XmlSyntaxError(`unexpected "/" in the start tag <${name}>`, this.pos)
      }
      if (!spaced) return new XmlSyntaxError(`a space is needed before attribute in <${name}>`, this.pos)
      const at = this.pos
      const attribute = this.name()
      if (!attribute) return new XmlSyntaxError(`unexpected "${c}" in the start tag <${name}>`, at)
      this.skipSpaces()
      if (this.pos >= s.length) return endOfInput()
      if (s.charAt(this.pos) !== '=') return new XmlSyntaxError(`attribute ${attribute} has no value`, at)
      this.pos++
      this.skipSpaces()
      const quote = s.charAt(this.pos)
      if (this.pos >= s.length) return endOfInput()
      if (quote !== '"' && quote !== "'")
        return new XmlSyntaxError(`the value of attribute ${attribute} must be in quotes`, this.pos)
      const end = s.indexOf(quote, this.pos + 1)
      const lt = s.indexOf('<', this.pos + 1)
      if (lt !== -1 && (end === -1 || lt < end))
        return end === -1 ? endOfInput() : new XmlSyntaxError('"<" is not allowed in an attribute value', lt)
      if (end === -1) return endOfInput()
      this.pos = end + 1
    }
  }

  private newlineFrom(offset: number): number {
    const found = this.s.indexOf('\n', offset)
    return found === -1 ? this.s.length : found
  }

  /** Move the line bookkeeping to `offset` (never backwards; linear over the whole text). */
  private locate(offset: number): void {
    while (this.nextNewline < offset) {
      this.line++
      this.lineStart = this.nextNewline + 1
      this.nextNewline = this.newlineFrom(this.lineStart)
    }
  }

  /** The offset of an element's place (to report an error there). */
  private offsetOf(line: number, column: number): number {
    let offset = 0
    for (let l = 1; l < line; l++) offset = this.s.indexOf('\n', offset) + 1
    return offset + column - 1
  }
}

interface RawAttribute {
  name: string
  value: string
  /** Offset of the value, for errors. */
  at: number
}

/** The scope of an element: its parent's, plus its own `xmlns` declarations. */
function withDeclarations(scope: Scope, attributes: readonly RawAttribute[], at: number): Scope {
  let own: Map<string, string> | undefined
  for (const {name, value, at: valueAt} of attributes) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue
    const prefix = name === 'xmlns' ? '' : qualifiedPart(name, 5, at)
    if (prefix === 'xmlns' || (prefix === 'xml') !== (value === XML_NAMESPACE) || value === XMLNS_NAMESPACE)
      throw new XmlSyntaxError(`namespace declaration ${name}="${value}" is not allowed`, valueAt)
    if (prefix !== '' && value === '') throw new XmlSyntaxError(`prefix ${prefix} cannot be bound to ""`, valueAt)
    own ??= new Map()
    own.set(prefix, value)
  }
  if (!own) return scope
  const declared = own.get('')
  return {own, parent: scope, defaultNamespace: declared === undefined ? scope.defaultNamespace : declared || null}
}

/** Namespaces of the attributes; two attributes with one expanded name are an error. */
function resolveAttributes(scope: Scope, raw: readonly RawAttribute[], at: number): XmlAttribute[] {
  const out: XmlAttribute[] = []
  for (const {name, value} of raw) {
    const colon = name.indexOf(':')
    if (colon === -1) {
      out.push({name, localName: name, namespaceURI: name === 'xmlns' ? XMLNS_NAMESPACE : null, value})
      continue
    }
    const prefix = name.slice(0, colon)
    const localName = qualifiedPart(name, colon, at)
    const namespaceURI = prefix === 'xmlns' ? XMLNS_NAMESPACE : boundNamespace(scope, prefix, at)
    out.push({name, localName, namespaceURI, value})
  }
  const twice = repeated(out, (a) => `${a.namespaceURI ?? ''} ${a.localName}`)
  if (twice) throw new XmlSyntaxError(`attribute ${twice.name} has the namespace and name of another`, at)
  return out
}

/** The first item whose key an earlier item has, or undefined (a Set only for long lists: hostile files). */
function repeated<T>(items: readonly T[], key: (item: T) => string): T | undefined {
  if (items.length < 2) return undefined
  if (items.length <= 8) {
    for (let i = 1; i < items.length; i++) {
      const k = key(items[i]!)
      for (let j = 0; j < i; j++) if (key(items[j]!) === k) return items[i]
    }
    return undefined
  }
  const seen = new Set<string>()
  for (const item of items) {
    const k = key(item)
    if (seen.has(k)) return item
    seen.add(k)
  }
  return undefined
}

/** The local part of a prefixed name (one colon, with a name on each side). */
function qualifiedPart(name: string, colon: number, at: number): string {
  const local = name.slice(colon + 1)
  if (colon === 0 || local === '' || local.includes(':'))
    throw new XmlSyntaxError(`"${name}" is not a valid name with a namespace prefix`, at)
  return local
}

function boundNamespace(scope: Scope, prefix: string, at: number): string {
  let uri: string | undefined
  for (let s: Scope | undefined = scope; s && uri === undefined; s = s.parent) uri = s.own.get(prefix)
  if (!uri) throw new XmlSyntaxError(`namespace prefix ${prefix} is not declared`, at)
  return uri
}

/**
 * Text with its entity and character references replaced (`at` is its offset, for errors).
 * Character references to characters XML forbids give that character (or nothing, beyond
 * U+10FFFF): parseXml drops them with a warning.
 */
function decodeReferences(text: string, at: number): string {
  if (!text.includes('&')) return text
  REFERENCE.lastIndex = 0
  return text.replace(REFERENCE, (_whole: string, hex?: string, decimal?: string, name?: string, offset?: number) => {
    if (hex !== undefined || decimal !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(decimal!, 10)
      return code <= 0xffff ? String.fromCharCode(code) : code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    if (name === undefined) {
      throw new XmlSyntaxError('"&" must start a reference such as &amp; (ending in ";")', at + (offset ?? 0))
    }
    const value = PREDEFINED.get(name)
    if (value === undefined) {
      throw new XmlSyntaxError(
        `undefined entity &${name}; (XML knows &amp; &lt; &gt; &quot; &apos;)`,
        at + (offset ?? 0)
      )
    }
    return value
  })
}
