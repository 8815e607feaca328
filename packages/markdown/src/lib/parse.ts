/**
 * Dialect Markdown → redlex tree. remark-parse gives a flat list of blocks;
 * this module reads the act's structure out of them (docs/markdown.md):
 * the title block up to the acting-entity formula, citations up to
 * `Whereas:`, recitals `(1)`, the enacting formula, `##` divisions, `###`
 * articles with `####` headings, numbered paragraphs `1.`, points `(a)`
 * nested by their numbering, em-dash indents, `---` before the concluding
 * formulas, `## ANNEX` annexes, and footnotes.
 */
import type {
  FootnoteDefinition,
  Paragraph as MdParagraph,
  PhrasingContent,
  Root,
  RootContent,
  Table as MdTable
} from 'mdast'
import {
  RedlexError,
  assignEids,
  cleanNum,
  linkReferences,
  inlineText,
  parseNumber,
  pointStyles,
  toWarning,
  type Annex,
  type Article,
  type Body,
  type Citation,
  type Conclusions,
  type Content,
  type Division,
  type DivisionKind,
  type Document,
  type DocumentKind,
  type FormulaName,
  type Indent,
  type Inline,
  type Intro,
  type NumberStyle,
  type ParsedNumber,
  type Point,
  type Position,
  type Preamble,
  type Preface,
  type Provision,
  type ProvisionContent,
  type Recital,
  type Recitals,
  type Subparagraph,
  type Table,
  type TitleLine,
  type Signature,
  type Warning,
  type WrapUp,
  type Heading
} from '@redlex/tree'
import {fromPhrasing, type InlineContext} from './inline.js'
import {parseMdast} from './processor.js'
import {checkSequence, isFirst} from './sequence.js'

/** Appended to the hint of every structural error the lenient mode turns into a warning. */
const LENIENT_ADVICE =
  'or read the text as it is, with such problems as warnings: `--lenient` (redlex check, convert, apply, compare, verify) or `{lenient: true}` (API)'

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export interface ParseOptions {
  /** File name used in error messages. */
  file?: string
  /**
   * Lenient mode: structural problems (skipped or duplicate numbers, text
   * that fits no construct, a point outside any provision) become warnings
   * and parsing goes on with a best guess. Default: strict (throw).
   */
  lenient?: boolean
}

export interface ParseResult {
  document: Document
  warnings: Warning[]
}

const DIVISION_RANK: Record<DivisionKind, number> = {part: 0, title: 1, chapter: 2, section: 3, subsection: 4}
const DIVISION_RE = /^(PART|TITLE|CHAPTER|SECTION|SUB-?SECTION)\s+(\S+)$/i
const ANNEX_RE = /^ANNEX(?:\s+(\S+))?$/i
const ARTICLE_RE = /^Article(?:\s+(\S+))?$/
const PARA_RE = /^(-?\d+[a-z]*)\.(?=\s|$)/
/** Annex items: `1.`, and the multi-level `3.1.`, `3.1.2.` of technical annexes. */
const ANNEX_ITEM_RE = /^(-?\d+[a-z]*(?:\.\d+[a-z]*)*)\.(?=\s|$)/
const POINT_RE = /^\((-?[a-z]+|-?\d+[a-z]*)\)(?=\s|$)/
const INDENT_RE = /^—(?=\s|$)/
const BINDING_RE =
  /^This (?:Regulation|Directive|Decision) shall be binding in its entirety|^This (?:Directive|Decision) is addressed to/
/** Sentences that end the articles even without a `---` line (not "is addressed to", often an article). */
const CONCLUDING_RE = /^This (?:Regulation|Directive|Decision) shall be binding in its entirety|^Done at\b/
/** `<!-- wrap-up -->` / `<!-- subparagraph -->` before a block says what it is where the case of its first letter would mislead. */
const MARKER_RE = /^<!--\s*(wrap-up|subparagraph|same-list)\s*-->$/
/**
 * `<!-- as-printed -->` before a numbered unit: its number is a defect of the
 * source (duplicate, skipped, out of order), kept on purpose; `<!-- level N -->`
 * before a point: it sits in the list at depth N (1 = a list of the paragraph)
 * whatever its number suggests, and its number too is as printed. The writer
 * puts them exactly where the numbering alone would mislead the reader.
 */
const PRINTED_RE = /^<!--\s*(?:(as-printed)|level\s+([1-9]\d?))\s*-->$/
const DONE_RE = /^Done at\b/
/** `<!-- recital -->` before a block: a recital printed without a number (acts before about 2000: `Whereas …;`). */
const UNNUMBERED_RECITAL_RE = /^<!--\s*recital\s*-->$/

type Host = Article | Recital | Annex

// Characters XML cannot carry (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; lone surrogates) and DEL.
const INVALID_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const MAYBE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/

/** The deepest list of points the reader opens (acts use four or five levels). */
const MAX_LIST_DEPTH = 32

/** The level style of multi-level annex numbers (`3.1.`). */
const DOTTED = 'dotted' as NumberStyle

/** One open list level: its numbering style, last number and the node holding its items. */
interface Level {
  style: NumberStyle
  last: ParsedNumber | undefined
  container: Host | Provision
  item: Point | Indent
}

/** Parse dialect Markdown; strict unless `lenient` (then problems are warnings). */
export function parseMarkdown(text: string, options?: Readonly<ParseOptions> | null): ParseResult {
  return new Parser(text, options ?? {}).run()
}

/** Parse dialect Markdown strictly and return the tree; throws {@link RedlexError}. */
export function fromMarkdown(text: string, options?: Readonly<ParseOptions> | null): Document {
  return parseMarkdown(text, {...options, lenient: false}).document
}

class Parser {
  private readonly warnings: Warning[] = []
  private readonly inline: InlineContext
  private readonly notes = new Map<string, Inline[]>()

  private state: 'front' | 'citations' | 'recitals' | 'body' | 'conclusions' | 'annex' = 'front'
  private preface: Preface | undefined
  private preamble: Preamble | undefined
  private citations: Citation[] | undefined
  private recitals: Recitals | undefined
  private readonly body: Body = {type: 'body', children: []}
  private conclusions: Conclusions | undefined
  private readonly annexes: Annex[] = []
  private divisions: Division[] = []
  private lastArticleNum: ParsedNumber | undefined
  private lastRecitalNum: ParsedNumber | undefined
  /** The block before: a division/annex heading may follow its number line. */
  private expectHeading: Division | Annex | Article | undefined

  private host: Host | undefined
  private para: Provision | undefined
  private lastParaNum: ParsedNumber | undefined
  private levels: Level[] = []
  private kind: DocumentKind = 'regulation'

  private readonly text: string

  constructor(
    text: string,
    private readonly options: Readonly<ParseOptions>
  ) {
    // A UTF-8 byte order mark is not text (lines and columns are counted without it), and a line
    // ends in LF, CRLF or CR alike (Markdown's rule): text saved on Windows keeps no CR in a
    // multi-line paragraph (a signature block), which would reach every output.
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
    this.text = this.withoutInvalidCharacters(body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body)
    this.inline = {
      notes: this.notes,
      source: this.text,
      warn: (code, message, position) => this.warn(code, message, position)
    }
  }

  /**
   * Drop the characters XML 1.0 forbids (NUL — which Markdown would turn into
   * U+FFFD —, other C0 controls, DEL, U+FFFE/U+FFFF, lone surrogates) with one
   * warning naming the first and their count, as the HTML importers do: no
   * output could carry them. Lines stay where they were; a later column on the
   * same line moves left by the characters dropped before it.
   */
  private withoutInvalidCharacters(text: string): string {
    if (!MAYBE_INVALID.test(text)) return text
    let first: number | undefined
    let count = 0
    const clean = text.replace(INVALID_CHARACTERS, (_, offset: number) => {
      first ??= offset
      count++
      return ''
    })
    if (count === 0) return text
    const before = text.slice(0, first)
    const line = before.split(/\r\n|\r|\n/).length
    const column = first! - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
    const code = text.codePointAt(first!)!.toString(16).toUpperCase().padStart(4, '0')
    const reason = `${count} character${count > 1 ? 's' : ''} XML 1.0 does not allow (NUL, C0 controls, DEL, U+FFFE/U+FFFF, lone surrogates) removed from the text; the first, U+${code}, here`
    this.warnings.push(
      toWarning(
        new RedlexError(reason, {
          code: 'markdown/invalid-character',
          ...this.fileOption(),
          place: {line, column, offset: first!},
          hint: 'Remove them from the source (often a control character pasted from another program)'
        })
      )
    )
    return clean
  }

  run(): ParseResult {
    let root: Root
    try {
      root = parseMdast(this.text)
    } catch (error) {
      // A paragraph too complex to read in linear time (budget.ts): already coded and placed.
      if (error instanceof RedlexError) {
        if (this.options.file !== undefined) error.file = this.options.file
        error.message = error.format()
        throw error
      }
      throw new RedlexError('Cannot read the Markdown', {
        code: 'markdown/unreadable',
        ...this.fileOption(),
        cause: error
      })
    }
    // Footnote definitions first, so references anywhere can take their text.
    for (const node of root.children) {
      if (node.type === 'footnoteDefinition') this.notes.set(node.identifier, this.noteText(node))
    }
    for (const node of root.children) this.block(node)
    this.closeHost()

    const children: Document['children'] = []
    if (this.preface) children.push(this.preface)
    if (this.preamble) children.push(this.preamble)
    children.push(this.body)
    if (this.conclusions) children.push(this.conclusions)
    children.push(...this.annexes)
    const stageLine = this.preface?.children.some(
      (line) => line.type === 'docStage' && /proposal/i.test(inlineText(line.children))
    )
    const dated = this.preface?.children.some((line) => line.type === 'docDate')
    const document: Document = {
      type: 'document',
      kind: this.kind,
      stage: stageLine || !dated ? 'proposal' : 'act',
      children
    }
    spanPositions(document)
    // Cross-references become `ref` nodes that know their targets.
    return {document: linkReferences(assignEids(document).document), warnings: this.warnings}
  }

  // -------------------------------------------------------------------------
  // Problems

  private fileOption(): {file?: string} {
    return this.options.file === undefined ? {} : {file: this.options.file}
  }

  /**
   * A structural problem: an error when strict, a warning when lenient. The
   * strict error's hint also says how to read the text anyway: third-party
   * Markdown (a Council draft converted from Word) often breaks the
   * dialect's rules, and a reader who only wants a comparison should learn
   * about the lenient mode from the error itself.
   */
  private fail(code: string, reason: string, position: Position | undefined, hint?: string): void {
    const advice = this.options.lenient ? hint : hint ? `${hint}; ${LENIENT_ADVICE}` : capitalised(LENIENT_ADVICE)
    const error = new RedlexError(reason, {
      code,
      ...this.fileOption(),
      ...(position ? {place: position} : {}),
      ...(advice ? {hint: advice} : {})
    })
    if (!this.options.lenient) throw error
    this.warnings.push(toWarning(error))
  }

  /** The warnings given so far, by code and place: the same one is given once. */
  private readonly warned = new Set<string>()

  /**
   * A warning, once: a paragraph's or heading's inline content is read more
   * than once (its plain text decides what the block is, then it becomes
   * content), and each reading would repeat the warnings of its inline HTML
   * or code.
   */
  private warn(code: string, message: string, position: Position | undefined): void {
    if (position?.start.offset !== undefined) {
      const key = `${code}\u0000${position.start.offset}\u0000${position.end.offset}\u0000${message}`
      if (this.warned.has(key)) return
      this.warned.add(key)
    }
    const warning: Warning = {code, message}
    if (this.options.file !== undefined) warning.file = this.options.file
    if (position) warning.place = position
    this.warnings.push(warning)
  }

  // -------------------------------------------------------------------------
  // Blocks

  private noteText(node: FootnoteDefinition): Inline[] {
    const out: Inline[] = []
    node.children.forEach((child, i) => {
      if (i > 0) out.push({type: 'text', value: '\n\n'})
      if (child.type === 'paragraph')
        out.push(...fromPhrasing(child.children, {notes: new Map(), source: this.text, warn: this.inline.warn}))
      else this.warn('markdown/footnote-block', 'Only paragraphs are kept in footnotes', child.position)
    })
    return out
  }

  /** The raw source of a block (to see the label exactly as written, escapes included). */
  private raw(node: RootContent): string {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    return start === undefined || end === undefined ? '' : this.text.slice(start, end)
  }

  private phrasing(children: PhrasingContent[]): Inline[] {
    return fromPhrasing(children, this.inline)
  }

  private block(node: RootContent): void {
    if (node.type === 'html' || node.type === 'footnoteDefinition') {
      this.blockWithMarkers(node)
      return
    }
    this.blockWithMarkers(node)
    this.printed = undefined
  }

  /** Set by `<!-- as-printed -->` / `<!-- level N -->` for the next block (see PRINTED_RE). */
  private printed: {level?: number} | undefined
  /** Set by `<!-- recital -->` for the next block (see UNNUMBERED_RECITAL_RE). */
  private unnumberedRecital = false

  private blockWithMarkers(node: RootContent): void {
    const heading = node.type === 'heading' ? inlineText(this.phrasing(node.children)).trim() : ''
    const previousExpect = this.expectHeading
    this.expectHeading = undefined
    switch (node.type) {
      case 'footnoteDefinition':
        return
      case 'heading':
        this.heading(node.depth, heading, node, previousExpect)
        return
      case 'paragraph':
        for (const part of this.splitAtLabels(node)) this.paragraph(part)
        return
      case 'thematicBreak':
        if (this.state === 'body' || this.state === 'recitals' || this.state === 'citations') {
          this.closeHost()
          this.state = 'conclusions'
          this.conclusions ??= withPos<Conclusions>({type: 'conclusions', children: []}, node.position)
        } else {
          this.fail(
            'markdown/unexpected-break',
            'A `---` line belongs only after the last article, before the concluding formulas',
            node.position,
            'Remove it'
          )
        }
        return
      case 'table':
        this.table(node)
        return
      case 'html':
        {
          const printed = PRINTED_RE.exec(node.value.trim())
          if (printed) {
            this.printed = printed[2] === undefined ? {} : {level: Number(printed[2])}
            this.expectHeading = previousExpect
            return
          }
          if (
            UNNUMBERED_RECITAL_RE.test(node.value.trim()) &&
            ['front', 'citations', 'recitals'].includes(this.state)
          ) {
            this.unnumberedRecital = true
            this.expectHeading = previousExpect
            return
          }
          const marker = MARKER_RE.exec(node.value.trim())
          if (marker && this.levels.length > 0) {
            this.marker = marker[1] as 'wrap-up' | 'subparagraph' | 'same-list'
            this.expectHeading = previousExpect
            return
          }
        }
        this.warn(
          'markdown/html',
          `HTML block \`${node.value.slice(0, 40)}\` is not part of the dialect and is left out`,
          node.position
        )
        return
      case 'code':
      case 'blockquote':
        if (this.options.lenient && this.host) {
          this.warn(
            'markdown/unexpected-block',
            `A ${node.type} block is not part of the dialect; its text is kept`,
            node.position
          )
          const children: PhrasingContent[] =
            node.type === 'code'
              ? [{type: 'text', value: node.value}]
              : node.children.flatMap((child) => (child.type === 'paragraph' ? child.children : []))
          this.plainBlock({type: 'paragraph', children, ...(node.position ? {position: node.position} : {})}, '')
          return
        }
        this.fail(
          'markdown/unexpected-block',
          `A ${node.type} block is not part of the dialect`,
          node.position,
          'Write provisions as plain paragraphs (see docs/markdown.md)'
        )
        return
      case 'definition':
      default:
        this.fail(
          'markdown/unexpected-block',
          `A ${node.type} block is not part of the dialect`,
          node.position,
          'Write provisions as plain paragraphs (see docs/markdown.md)'
        )
    }
  }

  /**
   * `1. a⏎2. b` without a blank line is one Markdown paragraph; the dialect
   * reads a line that starts with a label as a new block (normalisation).
   */
  private splitAtLabels(node: MdParagraph): MdParagraph[] {
    const parts: MdParagraph[] = []
    let current: PhrasingContent[] = []
    let start = node.position?.start
    const finish = (end: Position['end'] | undefined): void => {
      if (current.length === 0) return
      const part: MdParagraph = {type: 'paragraph', children: current}
      if (start && end) part.position = {start, end}
      parts.push(part)
      current = []
    }
    for (const child of node.children) {
      const source =
        child.position && child.position.start.offset !== undefined && child.position.end.offset !== undefined
          ? this.text.slice(child.position.start.offset, child.position.end.offset)
          : undefined
      if (child.type !== 'text' || source !== child.value || !child.position) {
        current.push(child)
        continue
      }
      const re = /\n(?=(?:\((?:-?[a-z]+|-?\d+[a-z]*)\)|-?\d+[a-z]*\.|—)(?:[ \t]|$))/gm
      let from = 0
      let match: RegExpExecArray | null
      while ((match = re.exec(child.value))) {
        const before = child.value.slice(from, match.index)
        const offset = child.position.start.offset! + match.index
        if (before) current.push({type: 'text', value: before})
        finish(this.pointAt(offset))
        start = this.pointAt(offset + 1)
        from = match.index + 1
      }
      const rest = child.value.slice(from)
      if (from === 0) current.push(child)
      else if (rest) current.push({type: 'text', value: rest})
    }
    finish(node.position?.end)
    return parts.length > 0 ? parts : [node]
  }

  /** Line/column of an offset in the source. */
  private pointAt(offset: number): {line: number; column: number; offset: number} {
    let line = 1
    let lineStart = 0
    for (let i = 0; i < offset; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++
        lineStart = i + 1
      }
    }
    return {line, column: offset - lineStart + 1, offset}
  }

  private heading(
    depth: number,
    text: string,
    node: RootContent,
    expecting: Division | Annex | Article | undefined
  ): void {
    const position = node.position
    const bad = (code: string, reason: string, hint: string): void => {
      if (this.options.lenient && this.looseHeading(depth, text, node, expecting)) return
      this.fail(code, reason, position, hint)
    }
    if (depth === 1) {
      if (this.state !== 'front' || this.preface?.children.some((l) => l.type === 'docType')) {
        bad(
          'markdown/unexpected-heading',
          `A \`#\` title line is only allowed once, at the top: \`${text}\``,
          'Use `##` for divisions and annexes, `###` for articles'
        )
        return
      }
      this.prefaceLine('docType', node as {children: PhrasingContent[]; position?: Position})
      this.kind = /DIRECTIVE/i.test(text) ? 'directive' : /DECISION/i.test(text) ? 'decision' : 'regulation'
      return
    }
    if (depth === 2) {
      const annex = ANNEX_RE.exec(text)
      const division = DIVISION_RE.exec(text)
      if (annex) {
        this.closeHost()
        this.state = 'annex'
        const node2: Annex = withPos({type: 'annex', eId: '', num: text, children: []}, position)
        this.annexes.push(node2)
        this.host = node2
        this.expectHeading = node2
        return
      }
      if (division && this.state !== 'annex') {
        this.enterBody(position)
        this.closeHost()
        const kind = division[1]!.toLowerCase().replace('-', '') as DivisionKind
        const rank = DIVISION_RANK[kind]
        while (this.divisions.length > 0 && DIVISION_RANK[this.divisions[this.divisions.length - 1]!.kind] >= rank)
          this.divisions.pop()
        const parent = this.divisions[this.divisions.length - 1]
        const created: Division = withPos({type: 'division', eId: '', kind, num: text, children: []}, position)
        ;(parent ? parent.children : this.body.children).push(created)
        this.divisions.push(created)
        this.expectHeading = created
        return
      }
      if (expecting && expecting.type !== 'article' && !expecting.heading && node.type === 'heading') {
        expecting.heading = this.phrasing(node.children)
        return
      }
      bad(
        'markdown/unexpected-heading',
        `\`## ${text}\` is neither a division (PART, TITLE, CHAPTER, SECTION …), an annex (ANNEX …) nor the heading line right after one`,
        'Put a division or annex number line before it, or make it a paragraph'
      )
      return
    }
    if (this.state === 'annex' && this.host?.type === 'annex' && node.type === 'heading') {
      this.closeLists()
      this.para = undefined
      // `###` is an annex's first heading level (depth 1): `##` lines are the annex's number and title.
      const h: Heading = withPos(
        {type: 'heading', depth: Math.max(1, depth - 2), children: this.phrasing(node.children)},
        position
      )
      this.host.children.push(h)
      return
    }
    if (depth === 3) {
      const match = ARTICLE_RE.exec(text)
      if (!match) {
        bad('markdown/unexpected-heading', `\`### ${text}\` is not an article number line`, 'Write `### Article 3`')
        return
      }
      if (!match[1]) {
        bad('markdown/missing-number', 'An article has no number', 'Write `### Article 3`')
      }
      this.enterBody(position)
      this.closeHost()
      const article: Article = withPos({type: 'article', eId: '', num: text, children: []}, position)
      const parsed = parseNumber(cleanNum(text), 'arabic')
      if (parsed) {
        this.sequence('article', this.lastArticleNum, parsed, `Article ${cleanNum(text)}`, position)
        this.lastArticleNum = parsed
      } else if (match[1]) {
        this.fail(
          'markdown/bad-number',
          `\`${text}\` is not a valid article number`,
          position,
          'Use Article 1, 2, 3 … (4a for inserted articles)'
        )
      }
      const parent = this.divisions[this.divisions.length - 1]
      ;(parent ? parent.children : this.body.children).push(article)
      this.host = article
      this.expectHeading = article
      return
    }
    if (depth === 4 && expecting?.type === 'article' && node.type === 'heading') {
      expecting.heading = this.phrasing(node.children)
      return
    }
    bad(
      'markdown/unexpected-heading',
      `\`${'#'.repeat(depth)} ${text}\` does not fit here`,
      'Article headings (`####`) go right after the article line; deeper headings only in annexes'
    )
  }

  /**
   * Lenient mode: headings written the way converted documents write them
   * (`# TITLE I GENERAL PROVISIONS`, `## [Chapter 2]{.smallcaps}`,
   * `### ANNEX I` …). Returns true when it handled the heading.
   */
  private looseHeading(
    depth: number,
    text: string,
    node: RootContent,
    expecting: Division | Annex | Article | undefined
  ): boolean {
    if (depth === 1 && this.state === 'front') return false
    const clean = text
      .replace(/\{[.#][^}]*\}/g, '')
      .replace(/[[\]*]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
    const loose = /^(PART|TITLE|CHAPTER|SECTION)\s+([IVXLC]+|\d+)([A-Z]?)\b\s*(.*)$/i.exec(clean)
    const canonical = depth === 2 && (DIVISION_RE.test(text) || ANNEX_RE.test(text))
    if (canonical) return false
    if (/^ANNEX\b/i.test(clean) && depth <= 3) {
      this.warn('markdown/loose-heading', `\`${text}\` read as an annex; write \`## ANNEX …\``, node.position)
      this.heading(2, clean.split(/\s+/).slice(0, 2).join(' '), node, undefined)
      const rest = clean.split(/\s+/).slice(2).join(' ')
      if (rest && this.host?.type === 'annex') this.host.heading = [{type: 'text', value: rest}]
      return true
    }
    if (loose && this.state !== 'annex') {
      this.warn(
        'markdown/loose-heading',
        `\`${text}\` read as a division; write \`## ${loose[1]} ${loose[2]}${loose[3]}\` and the heading on its own \`##\` line`,
        node.position
      )
      const num = `${loose[1]!.toUpperCase() === loose[1] ? loose[1] : loose[1]} ${loose[2]}${loose[3]}`
      this.heading(
        2,
        num,
        {...node, type: 'heading', depth: 2, children: [{type: 'text', value: num}]} as RootContent,
        undefined
      )
      const division = this.divisions[this.divisions.length - 1]
      if (loose[4] && division) division.heading = [{type: 'text', value: loose[4]}]
      return true
    }
    if (expecting && expecting.type !== 'article' && !expecting.heading && node.type === 'heading') {
      expecting.heading = [{type: 'text', value: clean}]
      return true
    }
    if (depth === 2 || depth === 3 || depth === 4 || depth === 1) {
      if (/^Article\s+\d/.test(clean) && !ARTICLE_RE.test(text)) {
        const m = /^(Article\s+\d+[a-z]*)\s*(.*)$/.exec(clean)!
        this.warn('markdown/loose-heading', `\`${text}\` read as an article`, node.position)
        this.heading(3, m[1]!, {...node, children: [{type: 'text', value: m[1]!}]} as RootContent, undefined)
        if (m[2] && this.host?.type === 'article') this.host.heading = [{type: 'text', value: m[2]}]
        return true
      }
      if (depth !== 3 || !ARTICLE_RE.test(text)) {
        if (this.host && node.type === 'heading') {
          this.warn('markdown/loose-heading', `Heading \`${text}\` kept as text`, node.position)
          this.plainBlock({type: 'paragraph', children: node.children, position: node.position} as MdParagraph, '')
          return true
        }
      }
    }
    return false
  }

  private enterBody(position: Position | undefined): void {
    if (this.state === 'conclusions') {
      this.fail(
        'markdown/unexpected-article',
        'An article or division after the concluding formulas',
        position,
        'Move it before the `---` line'
      )
    }
    if (this.state === 'annex') {
      this.fail(
        'markdown/unexpected-article',
        'An article or division inside an annex',
        position,
        'Annexes hold free content; move the article before the concluding formulas'
      )
    }
    this.state = 'body'
  }

  private prefaceLine(
    type: TitleLine['type'],
    node: {children: PhrasingContent[]; position?: Position | undefined}
  ): void {
    this.preface ??= withPos<Preface>({type: 'preface', children: []}, node.position)
    this.preface!.children.push(withPos({type, children: this.phrasing(node.children)}, node.position))
  }

  private ensurePreamble(position: Position | undefined): Preamble {
    this.preamble ??= withPos<Preamble>({type: 'preamble', children: []}, position)
    return this.preamble
  }

  private formula(name: FormulaName, node: MdParagraph): void {
    const formula = withPos({type: 'formula' as const, name, children: this.phrasing(node.children)}, node.position)
    if (name === 'actingEntity' || name === 'enactingFormula') this.ensurePreamble(node.position).children.push(formula)
    else
      (this.conclusions ??= withPos<Conclusions>({type: 'conclusions', children: []}, node.position)).children.push(
        formula
      )
  }

  private paragraph(node: MdParagraph): void {
    const raw = this.raw(node)
    const plain = inlineText(this.phrasing(node.children))
    const isCaps = plain === plain.toUpperCase() && /[A-Z]/.test(plain)
    switch (this.state) {
      case 'front': {
        const hasType = this.preface?.children.some((l) => l.type === 'docType')
        if (isCaps && plain.trimEnd().endsWith(',')) {
          this.formula('actingEntity', node)
          this.state = 'citations'
          return
        }
        if (/^Having regard to\b/.test(plain) || /^Whereas:?$/.test(plain.trim())) {
          this.state = 'citations'
          this.paragraph(node)
          return
        }
        if (isCaps && plain.trimEnd().endsWith(':')) {
          this.formula('enactingFormula', node)
          this.state = 'body'
          return
        }
        if (!hasType) this.prefaceLine('docStage', node)
        else if (/^of\s/.test(plain)) this.prefaceLine('docDate', node)
        else if (/^\(.*\)$/.test(plain.trim())) this.prefaceLine('docNote', node)
        else this.prefaceLine('docPurpose', node)
        return
      }
      case 'citations': {
        if (this.unnumberedRecital) {
          this.openRecitals(node, undefined)
          this.recitalWithoutNumber(node)
          return
        }
        if (/^Whereas:?$/.test(plain.trim())) {
          this.openRecitals(node, this.phrasing(node.children))
          return
        }
        if (POINT_RE.test(raw) && /^\(1\)/.test(raw)) {
          // Recitals without `Whereas:`: this block is the first recital.
          this.openRecitals(node, undefined)
          this.paragraph(node)
          return
        }
        if (isCaps && plain.trimEnd().endsWith(':')) {
          this.formula('enactingFormula', node)
          this.state = 'body'
          return
        }
        if (!this.citations) {
          this.citations = []
          this.ensurePreamble(node.position).children.push(
            withPos({type: 'citations', children: this.citations}, node.position)
          )
        }
        this.citations.push(
          withPos(
            {
              type: 'citation',
              eId: '',
              children: [withPos({type: 'content', children: this.phrasing(node.children)}, node.position)]
            },
            node.position
          )
        )
        return
      }
      case 'recitals': {
        if (this.unnumberedRecital) {
          this.recitalWithoutNumber(node)
          return
        }
        if (isCaps && plain.trimEnd().endsWith(':') && !POINT_RE.test(raw)) {
          this.closeHost()
          this.formula('enactingFormula', node)
          this.state = 'body'
          return
        }
        const label = POINT_RE.exec(raw)
        const isRecital =
          label !== null && (this.printed ? this.printed.level === undefined : this.isRecitalLabel(label[1]!))
        if (label && isRecital) {
          this.closeHost()
          const parsed = parseNumber(label[1]!, 'arabic')!
          this.sequence('recital', this.lastRecitalNum, parsed, `recital (${label[1]})`, node.position)
          this.lastRecitalNum = parsed
          const recital: Recital = withPos({type: 'recital', eId: '', num: label[0], children: []}, node.position)
          this.recitals!.children.push(recital)
          this.host = recital
          this.para = undefined
          this.addOwnText(recital, node, label[0].length)
          return
        }
        if (!this.host) {
          this.fail(
            'markdown/unexpected-text',
            `Text after \`Whereas:\` that is not a recital: \`${clip(plain)}\``,
            node.position,
            'Number recitals `(1)`, `(2)` …'
          )
          return
        }
        this.inProvision(node, raw)
        return
      }
      case 'body': {
        if (this.options.lenient && this.looseArticle(node, plain)) return
        // The source as written: the writer keeps such words in an article by writing their first letter as a reference.
        if (CONCLUDING_RE.test(raw)) {
          this.closeHost()
          this.state = 'conclusions'
          this.paragraph(node)
          return
        }
        if (
          isCaps &&
          plain.trimEnd().endsWith(':') &&
          !this.host &&
          !this.preamble?.children.some((c) => c.type === 'formula' && c.name === 'enactingFormula')
        ) {
          this.formula('enactingFormula', node)
          return
        }
        if (!this.host) {
          if (PARA_RE.test(raw) || POINT_RE.test(raw) || INDENT_RE.test(raw)) {
            this.fail(
              'markdown/misplaced-point',
              `\`${clip(plain)}\` is numbered like a paragraph or point but is in no article`,
              node.position,
              'Put it under an `### Article N` line'
            )
          } else {
            this.fail(
              'markdown/unexpected-text',
              `Text that is in no article: \`${clip(plain)}\``,
              node.position,
              'Put it under an `### Article N` line, or move it to the preamble'
            )
          }
          return
        }
        this.inProvision(node, raw)
        return
      }
      case 'conclusions': {
        const conclusions = (this.conclusions ??= withPos<Conclusions>(
          {type: 'conclusions', children: []},
          node.position
        ))
        if (BINDING_RE.test(plain)) this.formula('bindingForce', node)
        else if (DONE_RE.test(plain)) this.formula('doneAt', node)
        else if (plain.includes('\n') || /^For the\b/.test(plain))
          conclusions.children.push(
            withPos<Signature>({type: 'signature', children: this.phrasing(node.children)}, node.position)
          )
        else
          conclusions.children.push(
            withPos<Content>({type: 'content', children: this.phrasing(node.children)}, node.position)
          )
        return
      }
      case 'annex':
        this.inProvision(node, raw)
        return
    }
  }

  /** Lenient mode: `*Article 1 Subject matter*` (a whole emphasised line) is an article line. */
  private looseArticle(node: MdParagraph, plain: string): boolean {
    const only = node.children.length === 1 ? node.children[0] : undefined
    if (!only || (only.type !== 'emphasis' && only.type !== 'strong')) return false
    const m = /^(Article\s+\d+[a-z]*)\s*(.*)$/s.exec(plain.trim())
    if (!m) return false
    this.warn(
      'markdown/loose-heading',
      `\`${clip(plain)}\` read as an article; write \`### ${m[1]}\` and \`#### ${m[2]}\``,
      node.position
    )
    this.heading(
      3,
      m[1]!.replace(/\s+/g, ' '),
      {type: 'heading', depth: 3, children: [{type: 'text', value: m[1]!}], position: node.position} as RootContent,
      undefined
    )
    if (m[2] && this.host?.type === 'article') this.host.heading = [{type: 'text', value: m[2].replace(/\s+/g, ' ')}]
    return true
  }

  /** The block after `<!-- recital -->`: a recital with no number. */
  private recitalWithoutNumber(node: MdParagraph): void {
    this.unnumberedRecital = false
    this.closeHost()
    const recital: Recital = withPos({type: 'recital', eId: '', children: []}, node.position)
    this.recitals!.children.push(recital)
    this.host = recital
    this.para = undefined
    this.addOwnText(recital, node, 0)
  }

  private openRecitals(node: MdParagraph, intro: Inline[] | undefined): void {
    this.recitals = withPos<Recitals>({type: 'recitals', ...(intro ? {intro} : {}), children: []}, node.position)
    this.ensurePreamble(node.position).children.push(this.recitals)
    this.state = 'recitals'
  }

  /** In the recitals, `(N)` opens a recital unless it continues an open arabic list. */
  private isRecitalLabel(label: string): boolean {
    const parsed = parseNumber(label, 'arabic')
    if (!parsed) return false
    const expected = this.lastRecitalNum ? checkSequence(this.lastRecitalNum, parsed) === 'ok' : true
    if (expected) return true
    const continues = this.levels.some(
      (level) => level.style === 'arabic' && level.last && checkSequence(level.last, parsed) === 'ok'
    )
    return !continues
  }

  private sequence(
    what: string,
    previous: ParsedNumber | undefined,
    current: ParsedNumber,
    label: string,
    position: Position | undefined
  ): void {
    // An act (or an excerpt) may start at any article or recital; paragraphs and points start at 1.
    if (!previous && (what === 'article' || what === 'recital')) return
    const verdict = checkSequence(previous, current)
    if (verdict === 'ok') return
    const code =
      verdict === 'duplicate'
        ? 'markdown/duplicate-number'
        : verdict === 'skipped'
          ? 'markdown/skipped-number'
          : 'markdown/number-order'
    if (this.printed) {
      // Marked by the writer as the source's own numbering: reported, not refused.
      this.warn(
        code,
        `${label} is numbered as printed in the source (${verdict === 'duplicate' ? 'a duplicate' : verdict === 'skipped' ? 'a skipped number' : 'out of order'}); kept`,
        position
      )
      return
    }
    const reason =
      verdict === 'duplicate'
        ? `${label} repeats the number before it`
        : verdict === 'skipped'
          ? `${label} skips a number in the ${what} sequence`
          : `${label} comes after a higher number`
    this.fail(code, reason, position, `Number ${what}s in order without gaps (inserted units: 4a after 4)`)
  }

  // -------------------------------------------------------------------------
  // Inside an article, recital or annex

  private inProvision(node: MdParagraph, raw: string): void {
    const host = this.host!
    const para = host.type === 'article' ? PARA_RE.exec(raw) : null
    const annexItem = host.type === 'annex' ? ANNEX_ITEM_RE.exec(raw) : null
    if (annexItem) {
      // Annexes number their items `1.`, `2.`: points (as in Formex and AKN), not paragraphs.
      this.listItem(node, annexItem[1]!, annexItem[0])
      return
    }
    if (para) {
      this.closeLists()
      const parsed = parseNumber(para[1]!, 'arabic')!
      this.sequence('paragraph', this.lastParaNum, parsed, `paragraph ${para[1]}`, node.position)
      this.lastParaNum = parsed
      const created: Provision = withPos({type: 'paragraph', eId: '', num: para[0], children: []}, node.position)
      host.children.push(created as never)
      this.para = created
      this.addOwnText(created, node, para[0].length)
      return
    }
    const point = POINT_RE.exec(raw)
    const indent = point ? null : INDENT_RE.exec(raw)
    if (point || indent) {
      this.listItem(node, point ? point[1]! : undefined, (point ?? indent)![0])
      return
    }
    this.plainBlock(node, raw)
  }

  /** Give `owner` the block's text (after its label) as its own content. */
  private addOwnText(owner: Host | Provision, node: MdParagraph, labelLength: number): void {
    const children = stripLabel(node.children, labelLength, this.raw(node as RootContent))
    if (children.length === 0) return
    ;(owner.children as ProvisionContent[]).push(
      withPos({type: 'content', children: this.phrasing(children)}, node.position)
    )
  }

  /** The unit whose own text a new list hangs under: the open subparagraph, paragraph or host. */
  private textOwner(): Host | Provision {
    return this.subOwner ?? this.para ?? this.host!
  }

  /** The unit that new subparagraphs are added to: the paragraph or host. */
  private unitOwner(): Host | Provision {
    return this.para ?? this.host!
  }

  /**
   * Open a deeper list level. Real acts nest four or five deep; a text that
   * nests without end (`(a)` after `(a)` after `(a)` …) would make a tree too
   * deep for every walker after this one, so it is refused.
   */
  private pushLevel(level: Level, position: Position | undefined): void {
    if (this.levels.length >= MAX_LIST_DEPTH)
      throw new RedlexError(`Points nested more than ${MAX_LIST_DEPTH} levels deep`, {
        code: 'markdown/too-deep',
        ...this.fileOption(),
        ...(position ? {place: position} : {}),
        hint: 'A point that repeats the number before it (`(a)` after `(a)`) opens a deeper list: renumber the points'
      })
    this.levels.push(level)
  }

  private listItem(node: MdParagraph, label: string | undefined, printed: string): void {
    // `3.1`-style annex numbers form a level of their own whose items are not sequence-checked.
    const style: NumberStyle[] = label === undefined ? ['dash'] : label.includes('.') ? [DOTTED] : pointStyles(label)
    const position = node.position
    // An indented first number opens a deeper list even where it could continue
    // an outer one: `(i)` under `(h)` (the writer indents exactly those).
    const indented = (position?.start.column ?? 1) > 1
    const forceDeeper =
      indented &&
      this.levels.length > 0 &&
      style.some((s) => s !== 'dash' && s !== DOTTED && label !== undefined && isFirst(parseNumber(label, s)!))
    // `<!-- same-list -->`: a sibling of the point before, whatever its number says ((c), (a), (b)).
    const sameList = this.marker === 'same-list'
    this.marker = undefined
    if (sameList && this.levels.length > 0) {
      const level = this.levels[this.levels.length - 1]!
      const parsed =
        label === undefined || level.style === 'dash' || level.style === DOTTED
          ? undefined
          : parseNumber(label, level.style)
      if (parsed) this.sequence('point', level.last, parsed, `point ${printed}`, position)
      this.appendItem(level, node, parsed, printed)
      return
    }
    const markedLevel = this.printed?.level
    if (markedLevel !== undefined && this.placeAtLevel(markedLevel, node, label, style, printed)) return
    // 1. Does it continue an open level? Innermost first.
    for (let i = forceDeeper ? -1 : this.levels.length - 1; i >= 0; i--) {
      const level = this.levels[i]!
      if (!style.includes(level.style)) continue
      if (level.style === 'dash' || level.style === DOTTED) {
        this.levels.length = i + 1
        this.appendItem(level, node, undefined, printed)
        return
      }
      const parsed = parseNumber(label!, level.style)
      if (parsed && level.last && checkSequence(level.last, parsed) === 'ok') {
        this.levels.length = i + 1
        this.appendItem(level, node, parsed, printed)
        return
      }
    }
    // 2. Does it start a new, deeper level?
    const firstStyle = style.find(
      (s) => s === 'dash' || s === DOTTED || (label !== undefined && isFirst(parseNumber(label, s)!))
    )
    if (firstStyle) {
      const container = this.levels.length > 0 ? this.levels[this.levels.length - 1]!.item : this.textOwner()
      const level: Level = {style: firstStyle, last: undefined, container, item: undefined as never}
      this.pushLevel(level, position)
      this.appendItem(level, node, label === undefined ? undefined : parseNumber(label, firstStyle), printed)
      return
    }
    // 3. A number out of sequence: report it against the level of the same style.
    const sameStyle = [...this.levels].reverse().find((level) => style.includes(level.style))
    if (sameStyle) {
      const parsed = parseNumber(label!, sameStyle.style)!
      this.sequence('point', sameStyle.last, parsed, `point ${printed}`, position)
      this.levels.length = this.levels.indexOf(sameStyle) + 1
      this.appendItem(sameStyle, node, parsed, printed)
      return
    }
    this.fail(
      'markdown/skipped-number',
      `point ${printed} starts a list but is not its first number`,
      position,
      'Lists start at (a), (i) or (1)'
    )
    const container = this.levels.length > 0 ? this.levels[this.levels.length - 1]!.item : this.textOwner()
    // A list that starts in the middle: `(c)` is a letter, not roman 100 (only `(i)` and
    // multi-letter numbers such as `(iv)` are read as roman here).
    const guess = style.includes('alpha') && label!.length === 1 && label !== 'i' ? 'alpha' : style[0]!
    const level: Level = {style: guess, last: undefined, container, item: undefined as never}
    this.pushLevel(level, position)
    this.appendItem(level, node, parseNumber(label!, guess), printed)
  }

  /**
   * `<!-- level N -->`: the point is an item of the list at depth N — a
   * sibling in the open list at that depth, or the first item of a new list
   * one level deeper than the open ones. Its number is taken as printed
   * (defects are warnings). False when N is deeper than that (reported).
   */
  private placeAtLevel(
    depth: number,
    node: MdParagraph,
    label: string | undefined,
    style: NumberStyle[],
    printed: string
  ): boolean {
    const position = node.position
    if (depth <= this.levels.length) {
      this.levels.length = depth
      const level = this.levels[depth - 1]!
      const parsed =
        label === undefined || level.style === 'dash' || level.style === DOTTED
          ? undefined
          : parseNumber(label, level.style)
      if (parsed && level.last) this.sequence('point', level.last, parsed, `point ${printed}`, position)
      this.appendItem(level, node, parsed, printed)
      return true
    }
    if (depth > this.levels.length + 1) {
      this.fail(
        'markdown/bad-level',
        `\`<!-- level ${depth} -->\` before point ${printed}, but only ${this.levels.length} list level${this.levels.length === 1 ? ' is' : 's are'} open`,
        position,
        `Use a level from 1 to ${this.levels.length + 1}, or remove the marker`
      )
      return false
    }
    const first =
      label === undefined
        ? undefined
        : style.find((s) => s !== 'dash' && s !== DOTTED && isFirst(parseNumber(label, s)!))
    const guess: NumberStyle =
      label === undefined
        ? 'dash'
        : style.includes(DOTTED)
          ? DOTTED
          : (first ?? (style.includes('alpha') && label.length === 1 && label !== 'i' ? 'alpha' : style[0]!))
    const container = this.levels.length > 0 ? this.levels[this.levels.length - 1]!.item : this.textOwner()
    const level: Level = {style: guess, last: undefined, container, item: undefined as never}
    this.pushLevel(level, node.position)
    const parsed = label === undefined || guess === 'dash' || guess === DOTTED ? undefined : parseNumber(label, guess)
    if (parsed && !isFirst(parsed))
      this.warn(
        'markdown/skipped-number',
        `point ${printed} starts a list but is not its first number; kept as printed`,
        position
      )
    this.appendItem(level, node, parsed, printed)
    return true
  }

  private appendItem(level: Level, node: MdParagraph, parsed: ParsedNumber | undefined, printed: string): void {
    const container = level.container
    const children = container.children as ProvisionContent[]
    // The text before a list is its intro.
    const hasItems = children.some((c) => c.type === 'point' || c.type === 'indent')
    if (!hasItems) {
      const last = children[children.length - 1]
      if (last && last.type === 'content') children[children.length - 1] = {...last, type: 'intro'} as Intro
    } else if (
      children[children.length - 1]?.type === 'wrapUp' ||
      children[children.length - 1]?.type === 'subparagraph'
    ) {
      this.fail(
        'markdown/unexpected-point',
        `point ${printed} continues a list that a closing text already ended`,
        node.position,
        'Move the text after the list, or indent it to belong to a point'
      )
    }
    const item: Point | Indent =
      printed === '—'
        ? withPos({type: 'indent', eId: '', num: printed, children: []}, node.position)
        : withPos({type: 'point', eId: '', num: printed, children: []}, node.position)
    children.push(item)
    level.item = item
    level.last = parsed
    this.addOwnText(item, node, printed.length)
  }

  private plainBlock(node: MdParagraph, raw: string): void {
    const column = (node.position?.start.column ?? 1) - 1
    const marker = this.marker
    this.marker = undefined
    const lower = marker ? marker === 'wrap-up' : /^\p{Ll}/u.test(inlineText(this.phrasing(node.children)).trimStart())
    if (this.levels.length > 0) {
      const depth = Math.min(Math.floor(column / 2), this.levels.length)
      if (depth > 0) {
        // Indented: belongs inside the point at that depth.
        const owner = this.levels[depth - 1]!.item
        const ownsList = this.levels.length > depth
        this.levels.length = depth
        if (lower && ownsList)
          this.push(owner, withPos({type: 'wrapUp', children: this.phrasing(node.children)}, node.position) as WrapUp)
        else this.push(owner, this.subparagraph(node))
        return
      }
      const owner = this.levels[0]!.container
      this.levels = []
      this.subOwner = undefined
      if (lower) {
        this.push(owner, withPos({type: 'wrapUp', children: this.phrasing(node.children)}, node.position) as WrapUp)
        return
      }
    } else if (column >= 2) {
      this.warn('markdown/indentation', 'Indentation only has a meaning after a point; ignored', node.position)
    }
    void raw
    const owner = this.unitOwner()
    this.subOwner = undefined
    // Only words count: after headings or a bare list, the first text is still the unit's own.
    const hasText = (owner.children as Array<ProvisionContent | Heading>).some(
      (c) =>
        c.type === 'content' ||
        c.type === 'intro' ||
        c.type === 'wrapUp' ||
        c.type === 'subparagraph' ||
        c.type === 'table'
    )
    if (!hasText) {
      this.push(owner, withPos({type: 'content', children: this.phrasing(node.children)}, node.position) as Content)
      return
    }
    const sub = this.subparagraph(node)
    this.push(owner, sub)
    // A list that follows hangs under this subparagraph.
    this.subOwner = sub
  }

  private subparagraph(node: MdParagraph): Subparagraph {
    const sub: Subparagraph = withPos({type: 'subparagraph', eId: '', children: []}, node.position)
    this.addOwnText(sub, node, 0)
    return sub
  }

  private subOwner: Subparagraph | undefined
  /** Set by a `<!-- wrap-up -->` / `<!-- subparagraph -->` marker for the next block. */
  private marker: 'wrap-up' | 'subparagraph' | 'same-list' | undefined

  private push(owner: Host | Provision, child: ProvisionContent): void {
    ;(owner.children as ProvisionContent[]).push(child)
  }

  private closeLists(): void {
    this.levels = []
    this.subOwner = undefined
  }

  private closeHost(): void {
    this.closeLists()
    this.host = undefined
    this.para = undefined
    this.lastParaNum = undefined
  }

  private table(node: MdTable): void {
    if (!this.host) {
      this.fail(
        'markdown/unexpected-block',
        'A table outside any article or annex',
        node.position,
        'Tables belong in annexes or articles'
      )
      return
    }
    const table: Table = withPos(
      {
        type: 'table',
        align: node.align ?? [],
        children: node.children.map((row) =>
          withPos(
            {
              type: 'tableRow' as const,
              children: row.children.map((cell) =>
                withPos({type: 'tableCell' as const, children: this.phrasing(cell.children)}, cell.position)
              )
            },
            row.position
          )
        )
      },
      node.position
    )
    this.closeLists()
    this.push(this.textOwner(), table)
  }
}

function withPos<T extends {type: string}>(node: T, position: Position | undefined): T {
  if (position) (node as {position?: Position}).position = {start: {...position.start}, end: {...position.end}}
  return node
}

function clip(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '…' : text
}

/** Drop the first `length` characters (the label and the space after it) from phrasing content. */
function stripLabel(children: PhrasingContent[], length: number, source: string): PhrasingContent[] {
  if (length === 0) return children
  const out = [...children]
  const first = out[0]
  if (first && first.type === 'text') {
    // Only the spaces written literally after the label separate it from the text (`&#32;` is text).
    const spaces = /^[ \t]*/.exec(source.slice(length))![0].length
    const rest = first.value.slice(length + spaces)
    const shift = first.value.length - rest.length
    if (rest) {
      const copy = {...first, value: rest}
      if (first.position && first.position.start.offset !== undefined) {
        copy.position = {
          start: {
            line: first.position.start.line,
            column: first.position.start.column + shift,
            offset: first.position.start.offset + shift
          },
          end: first.position.end
        }
      }
      out[0] = copy
    } else {
      out.shift()
    }
  }
  return out
}

/** Give every provision a position spanning its blocks. */
function spanPositions(document: Document): void {
  const visit = (node: {position?: Position; children?: unknown[]}): Position | undefined => {
    let span = node.position ? {start: node.position.start, end: node.position.end} : undefined
    if (Array.isArray(node.children)) {
      for (const child of node.children as Array<{position?: Position; children?: unknown[]}>) {
        const inner = visit(child)
        if (!inner) continue
        if (!span) span = {start: inner.start, end: inner.end}
        else {
          if ((inner.start.offset ?? 0) < (span.start.offset ?? 0)) span.start = inner.start
          if ((inner.end.offset ?? 0) > (span.end.offset ?? 0)) span.end = inner.end
        }
      }
    }
    if (span && 'type' in node && node.type !== 'document') node.position = span
    return span
  }
  visit(document as never)
}
