/**
 * HTML parsing for the Cellar and EUR-Lex importers, and small DOM helpers.
 *
 * The parser is htmlparser2's tokenizer (forgiving, no Node built-ins, so it
 * runs in browsers; about four times faster than parse5 with source
 * locations on the corpus, see test/bench/import.mjs) feeding a light tree
 * built here, which lets this module decide what input may do:
 *
 * - `script`, `style`, `noscript` and `template` content is never part of
 *   the tree (it is code or inert markup, not legal text);
 * - elements nested deeper than {@link MAX_DEPTH} are flattened into the
 *   deepest kept element (their text is kept), so no walker can overflow
 *   the call stack on hostile input;
 * - control characters, NUL, U+FFFE/U+FFFF and lone surrogates are
 *   removed from text (they cannot be written to XML; same code as the
 *   XML importers, `formats/invalid-character`);
 * - a `</p>` with no open paragraph (a block such as `<div>` inside `<p>`
 *   closed it early) and table cells outside any table are noted.
 *
 * Each of these leaves an {@link HtmlIssue} on the document; the importers
 * report them as warnings. Self-closing syntax (`<span class="num"/>`) is
 * honoured because both Cellar and EUR-Lex files are serialised as XML.
 */
import {Parser} from 'htmlparser2'
import type {Inline, Position, RedlexError, SourcePoint} from '@redlex/tree'
import type {ImportContext} from './context.js'
import {HtmlTokenizer} from './html-tokenizer.js'
import {clean} from './text.js'

/** Elements deeper than this are flattened into their deepest kept ancestor (real acts stay below 40). */
export const MAX_DEPTH = 256

export interface HText {
  readonly nodeName: '#text'
  value: string
  readonly parentNode: HElement | HDocument
  /** Offset of the text in the source (after a BOM). */
  readonly start: number
}

export interface HElement {
  readonly nodeName: string
  readonly tagName: string
  /** Attributes by lower-case name (a prototype-free record). */
  readonly attrs: Readonly<Record<string, string>>
  readonly childNodes: HNode[]
  readonly parentNode: HElement | HDocument
  readonly root: HDocument
  readonly start: number
  end: number
  /** Set on the paragraphs the Cellar importer makes of text found outside any `<p>`. */
  loose?: boolean
  /** The `class` attribute split (computed on first use by {@link classes}). */
  classList?: string[]
}

export type HNode = HElement | HText

/** Something the parser repaired or removed, for the importer to report. */
export interface HtmlIssue {
  code: 'formats/html-malformed-nesting' | 'formats/html-too-deep' | 'formats/invalid-character'
  message: string
  offset: number
}

export interface HDocument {
  readonly nodeName: '#document'
  readonly childNodes: HNode[]
  readonly source: string
  readonly issues: HtmlIssue[]
  /** Offsets where lines start (computed on first use). */
  lineStarts?: number[]
}

const IGNORED = new Set(['script', 'style', 'noscript', 'template'])
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot'])
// Characters XML cannot carry (C0 controls other than tab, LF, FF and CR; U+FFFE, U+FFFF; lone surrogates) and DEL.
const CONTROL =
  /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// A cheap first look (surrogate pairs pass it too, then the exact pattern decides).
const MAYBE_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/

/** Parse HTML or XHTML (a UTF-8 BOM is skipped; offsets count from after it). Never throws. */
export function parseHtml(html: string): HDocument {
  const source = html.charCodeAt(0) === 0xfeff ? html.slice(1) : html
  const doc: HDocument = {nodeName: '#document', childNodes: [], source, issues: []}
  const open: HElement[] = []
  // What each open tag became, so its close pops the right thing: a kept element, an ignored one, or nothing.
  const kinds: Array<'element' | 'ignored' | 'none'> = []
  let ignoredDepth = 0
  let tooDeep = false
  let controls = 0
  let firstControl = 0
  let attrs: Record<string, string> = Object.create(null) as Record<string, string>
  const parent = (): HElement | HDocument => open[open.length - 1] ?? doc

  const parser: Parser = new Parser(
    {
      onattribute(name, value) {
        attrs[name] = value
      },
      onopentag(name, _attribs, isImplied) {
        const these = attrs
        attrs = Object.create(null) as Record<string, string>
        if (ignoredDepth > 0 || IGNORED.has(name)) {
          ignoredDepth++
          kinds.push('ignored')
          return
        }
        const at = parser.startIndex
        if (isImplied && name === 'p') {
          doc.issues.push({
            code: 'formats/html-malformed-nesting',
            message:
              'a </p> with no open paragraph: a block element inside <p> closed it early (its text is kept, after the paragraph)',
            offset: at
          })
          kinds.push('none')
          return
        }
        if (TABLE_PARTS.has(name) && !open.some((el) => el.tagName === 'table')) {
          doc.issues.push({
            code: 'formats/html-malformed-nesting',
            message: `a <${name}> outside any table: its content is kept as text`,
            offset: at
          })
        }
        if (open.length >= MAX_DEPTH) {
          if (!tooDeep)
            doc.issues.push({
              code: 'formats/html-too-deep',
              message: `elements nested more than ${MAX_DEPTH} deep: the deeper markup is flattened (its text is kept)`,
              offset: at
            })
          tooDeep = true
          kinds.push('none')
          return
        }
        const up = parent()
        const el: HElement = {
          nodeName: name,
          tagName: name,
          attrs: these,
          childNodes: [],
          parentNode: up,
          root: doc,
          start: at,
          end: at
        }
        up.childNodes.push(el)
        open.push(el)
        kinds.push('element')
      },
      onclosetag() {
        const kind = kinds.pop()
        if (kind === 'ignored') ignoredDepth--
        else if (kind === 'element') open.pop()!.end = parser.endIndex + 1
      },
      ontext(data) {
        if (ignoredDepth > 0) return
        let value = data
        const found = MAYBE_CONTROL.test(value) ? value.match(CONTROL) : null
        if (found) {
          if (controls === 0) firstControl = parser.startIndex
          controls += found.length
          value = value.replace(CONTROL, '')
        }
        const up = parent()
        const last = up.childNodes[up.childNodes.length - 1]
        if (last && last.nodeName === '#text') (last as HText).value += value
        else up.childNodes.push({nodeName: '#text', value, parentNode: up, start: parser.startIndex})
      }
    },
    {recognizeSelfClosing: true, Tokenizer: HtmlTokenizer}
  )
  parser.end(source)
  if (controls > 0) {
    doc.issues.push({
      code: 'formats/invalid-character',
      message: `${controls} character${controls > 1 ? 's' : ''} XML 1.0 does not allow (NUL, C0 controls, DEL, U+FFFE/U+FFFF, lone surrogates) removed from the text (the first one here)`,
      offset: firstControl
    })
  }
  return doc
}

/** Inline elements: a run of these and text outside any `<p>` is loose text. */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr'
])

/** True when the nodes hold words (not only white space). */
export function hasWords(nodes: readonly HNode[]): boolean {
  return nodes.some((n) => /\S/.test(textOfEl(n)))
}

/** What a walk over blocks does with an element: keep it as a block, look inside it, or leave it out. */
export type BlockRole = 'block' | 'descend' | 'skip'

/**
 * The blocks below `root` in document order, as `role` says, plus each run
 * of inline content found outside any block (text directly in a `div` or a
 * cell, or left behind by malformed nesting) as a loose paragraph of its
 * own, so that no words are lost. Iterative, so any depth is safe.
 */
export function blocksWithLooseText(root: HElement | HDocument, role: (el: HElement) => BlockRole): HElement[] {
  const out: HElement[] = []
  const frames: Array<{node: HElement | HDocument; i: number; run: HNode[]}> = [{node: root, i: 0, run: []}]
  const flush = (frame: {node: HElement | HDocument; run: HNode[]}): void => {
    if (hasWords(frame.run)) out.push(looseParagraph(frame.node, frame.run))
    frame.run = []
  }
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!
    const child = frame.node.childNodes[frame.i++]
    if (!child) {
      flush(frame)
      frames.pop()
      continue
    }
    if (isTextNode(child) || INLINE_ELEMENTS.has(child.tagName)) {
      frame.run.push(child)
      continue
    }
    flush(frame)
    const what = role(child)
    if (what === 'block') out.push(child)
    else if (what === 'descend') frames.push({node: child, i: 0, run: []})
  }
  return out
}

/**
 * A paragraph made of `nodes` found directly in `parent` outside any `<p>`
 * (text in a `div` or a cell, or left behind by a `div` inside a `p`),
 * marked `loose` so the importer can report it. The nodes stay where they
 * are in the parsed tree.
 */
export function looseParagraph(parent: HElement | HDocument, nodes: HNode[]): HElement {
  const first = nodes[0]!
  const last = nodes[nodes.length - 1]!
  const root = isEl(first) ? first.root : (documentOf(first) as HDocument)
  return {
    nodeName: 'p',
    tagName: 'p',
    attrs: Object.create(null) as Record<string, string>,
    childNodes: nodes,
    parentNode: parent,
    root,
    start: first.start,
    end: isEl(last) ? last.end : last.start + last.value.length,
    loose: true
  }
}

/**
 * The children of `el` that are elements, with each run of loose text
 * (and the inline elements around it) as one {@link looseParagraph}.
 */
export function blockChildren(el: HElement): HElement[] {
  const out: HElement[] = []
  let run: HNode[] = []
  const flush = (): void => {
    if (run.length > 0 && run.some((n) => isTextNode(n) && /\S/.test(n.value))) out.push(looseParagraph(el, run))
    else for (const n of run) if (isEl(n)) out.push(n)
    run = []
  }
  for (const node of el.childNodes) {
    if (isTextNode(node) || INLINE_ELEMENTS.has(node.tagName)) run.push(node)
    else {
      flush()
      out.push(node)
    }
  }
  flush()
  return out
}

/** Report what the parser repaired or removed as warnings, at most `limit` of each code. */
export function reportHtmlIssues(doc: HDocument, ctx: ImportContext, limit = 20): void {
  const seen = new Map<string, number>()
  for (const issue of doc.issues) {
    const n = (seen.get(issue.code) ?? 0) + 1
    seen.set(issue.code, n)
    if (n <= limit) ctx.warn(issue.code, issue.message, pointAt(doc, issue.offset))
  }
  for (const [code, n] of seen) {
    if (n > limit) ctx.warn(code, `${n - limit} more like the above`)
  }
}

export function isEl(node: HNode | HDocument): node is HElement {
  return 'tagName' in node
}

export function isTextNode(node: HNode): node is HText {
  return node.nodeName === '#text'
}

export function hAttr(el: HElement, name: string): string | undefined {
  return el.attrs[name]
}

export function classes(el: HElement): string[] {
  if (!el.classList) el.classList = splitClasses(el.attrs['class'] ?? '')
  return el.classList
}

const SPACE = /\s/

/**
 * The names in a `class` attribute. Most hold one name: testing for a space
 * first and returning it as it is costs less than the split and the filter,
 * which would give the same list (the whole import reads every element's classes).
 */
function splitClasses(value: string): string[] {
  if (!SPACE.test(value)) return value === '' ? [] : [value]
  return value.split(/\s+/).filter(Boolean)
}

export function hasClass(el: HElement, name: string): boolean {
  return classes(el).includes(name)
}

export function elements(el: HElement | HDocument): HElement[] {
  return el.childNodes.filter(isEl)
}

/** Elements matching `test` in document order (not descending into matches when `stop`). Iterative. */
export function findAll(root: HElement | HDocument, test: (el: HElement) => boolean, stop = false): HElement[] {
  const out: HElement[] = []
  const stack: HNode[] = [...root.childNodes].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!isEl(node)) continue
    if (test(node)) {
      out.push(node)
      if (stop) continue
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!)
  }
  return out
}

export function findFirst(root: HElement | HDocument, test: (el: HElement) => boolean): HElement | undefined {
  const stack: HNode[] = [...root.childNodes].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!isEl(node)) continue
    if (test(node)) return node
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!)
  }
  return undefined
}

/** True when `node` is `ancestor` or inside it. */
export function contains(ancestor: HElement, node: HNode): boolean {
  for (let n: HNode | HDocument = node; n.nodeName !== '#document'; n = (n as HNode).parentNode) {
    if (n === ancestor) return true
  }
  return false
}

/** The text of a node and its descendants. Iterative. */
export function textOfEl(node: HNode): string {
  if (isTextNode(node)) return node.value
  let out = ''
  const stack: HNode[] = [node]
  while (stack.length > 0) {
    const n = stack.pop()!
    if (isTextNode(n)) out += n.value
    else for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!)
  }
  return out
}

/** Line and column (1-based) of an offset in the parsed source. */
export function pointAt(doc: HDocument, offset: number): SourcePoint {
  const starts = lineStarts(doc)
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return {line: lo + 1, column: offset - starts[lo]! + 1}
}

function lineStarts(doc: HDocument): number[] {
  if (!doc.lineStarts) doc.lineStarts = findLineStarts(doc.source)
  return doc.lineStarts
}

/** Offsets where lines start: a line ends at LF, CRLF or a lone CR (as in HTML and XML). */
function findLineStarts(source: string): number[] {
  const starts = [0]
  if (source.indexOf('\r') === -1) {
    // Most files end lines with LF alone: a native search per line costs less than a pattern's.
    for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) starts.push(at + 1)
    return starts
  }
  const breaks = /\r\n?|\n/g
  while (breaks.exec(source) !== null) starts.push(breaks.lastIndex)
  return starts
}

export function pointOfEl(el: HNode): SourcePoint | undefined {
  const doc = isEl(el) ? el.root : documentOf(el)
  return doc ? pointAt(doc, el.start) : undefined
}

export function positionOfEl(el: HElement): Position {
  const start = pointAt(el.root, el.start)
  const end = pointAt(el.root, el.end)
  return {start: {...start, offset: el.start}, end: {...end, offset: el.end}}
}

function documentOf(node: HNode): HDocument | undefined {
  const up = node.parentNode
  return up.nodeName === '#document' ? (up as HDocument) : (up as HElement).root
}

/** Remove trailing spaces of the last text node (before a footnote marker). */
export function trimTrailingSpace(out: Inline[]): void {
  const last = out[out.length - 1]
  if (last && last.type === 'text') last.value = last.value.replace(/[\s]+$/, '')
}

/** `formats/not-an-act`: the page title (or first words) and the position of `<body>`. */
export function notAnAct(dom: HDocument, ctx: ImportContext, why: string): RedlexError {
  const title = findFirst(dom, (el) => el.tagName === 'title')
  const body =
    findFirst(dom, (el) => el.tagName === 'body') ??
    findFirst(dom, (el) => el.tagName === 'html') ??
    findFirst(dom, () => true)
  const place = body ? pointOfEl(body) : undefined
  const seen = title
    ? `page titled "${clean(textOfEl(title)).slice(0, 80)}"`
    : `text starting "${clean(body ? textOfEl(body) : '').slice(0, 60)}"`
  return ctx.error('formats/not-an-act', `HTML is not an act in a supported layout: ${why}; found a ${seen}`, {
    place,
    actual: seen,
    hint: 'Give the EUR-Lex page of the act (…/TXT/HTML/?uri=OJ:…) or the Cellar XHTML of a proposal'
  })
}
