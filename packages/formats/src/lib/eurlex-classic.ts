/**
 * EUR-Lex pages without the `eli-container` ids (`rct_N`, `art_N`) of
 * today's OJ HTML → redlex tree. Two layouts, read as one flat sequence of
 * blocks (paragraphs and layout tables) whose structure is recognised by
 * class where there is one and by text otherwise, as the Cellar importer
 * does:
 *
 * - the **classic OJ layout** (acts of about 2004–2013, and later pages
 *   served without the ids): `p.doc-ti` title lines, `p.normal` text,
 *   `p.ti-art` / `p.sti-art` article number and heading, `p.ti-section-1/2`
 *   division number and heading, points and recitals as two-column layout
 *   tables, `p.note` footnotes, `p.signatory` in a signature table,
 *   `p.ti-grseq-N` headings in annexes (the same names with the `oj-`
 *   prefix are read too);
 * - the **plain text layout** (`div#TexteOnly`, acts before 2004): bare
 *   `<p>` paragraphs, "Article 1" lines, points typed as `(a) …`, notes
 *   as `(1) OJ …` lines. Nothing but the words says what is what, so an
 *   import of such a page always carries `formats/plain-text-act`.
 *
 * Numbered paragraphs (`1.   …`) are taken in sequence only (`1.` first,
 * then the next number), so a definition list `1. 'x' means` after a colon
 * stays a list of points and amending prose (`Article 9.2 is replaced by`)
 * never becomes an article. Text inside quotation marks (the new wording an
 * amending act inserts) stays text of the article quoting it.
 */
import type {
  Annex,
  Article,
  Citation,
  Division,
  Document,
  Formula,
  Heading,
  Indent,
  Inline,
  Paragraph,
  Point,
  ProvisionContent,
  Recital
} from '@redlex/tree'
import type {ImportContext} from './context.js'
import {EurlexReader, collectNotes} from './eurlex.js'
import {finishDocument} from './finish.js'
import {
  INLINE_ELEMENTS,
  blocksWithLooseText,
  classes,
  elements,
  findAll,
  findFirst,
  hAttr,
  hasWords,
  isTextNode,
  pointOfEl,
  positionOfEl,
  reportHtmlIssues,
  textOfEl
} from './html.js'
import type {HDocument, HElement, HNode, HText} from './html.js'
import {checkNumbering, ordinal, warnIfNoProvisions} from './numbering.js'
import {
  annexChildren,
  assemble,
  conclusionsOf,
  divisionKind,
  gluedRecitalNumber,
  isRecitalsIntroText,
  makeUnit,
  numStyle,
  splitFormula,
  titleLines,
  unitChildren,
  placeDivision,
  unitsOfBlocks
} from './structure.js'
import type {Block, Item, Unit} from './structure.js'
import {clean, joinLines, normalizeInlines, plain, stripPrefix} from './text.js'

export type ClassicLayout = 'classic' | 'plain'

/** The act's blocks in order, and which layout the page uses; undefined when the page holds no act. */
export interface ClassicAct {
  layout: ClassicLayout
  blocks: HElement[]
  /** `oj-` when the page writes the classes of today's OJ (`oj-ti-art`), else none. */
  prefix: '' | 'oj-'
  /** A consolidated text: how many amendment markers (`▼M1`, `►M1 … ◄`) were taken out. */
  consolidated?: {markers: number}
}

/** Class names as the classic layout writes them (`oj-` prefix removed). */
function cls(el: HElement): string[] {
  return classes(el).map((c) => CONSOLIDATED_CLASS[c] ?? (c.startsWith('oj-') ? c.slice(3) : c))
}

/** The consolidated texts' classes (EUR-Lex "CONVEX" HTML) as their OJ counterparts. */
const CONSOLIDATED_CLASS: Readonly<Record<string, string>> = {
  'title-doc-first': 'doc-ti',
  'title-doc-last': 'doc-ti',
  'title-division-1': 'ti-section-1',
  'title-division-2': 'ti-section-2',
  'title-article-norm': 'ti-art',
  'stitle-article-norm': 'sti-art',
  'title-annex-1': 'ti-annex',
  'title-annex-2': 'doc-ti',
  'title-gr-seq-level-1': 'ti-grseq-1',
  'title-gr-seq-level-2': 'ti-grseq-2',
  'title-gr-seq-level-3': 'ti-grseq-3',
  norm: 'normal',
  footnote: 'note'
}

function hasCls(el: HElement, name: string): boolean {
  return cls(el).includes(name)
}

const ARTICLE_LINE = /^(?:Article|ARTICLE)[\s\u00a0]+(\d+[a-z]*)(?:[\s\u00a0]+(.*))?$/
const SOLE_ARTICLE = /^(?:sole|single|only)[\s\u00a0]+article$|^article[\s\u00a0]+unique$/i
const DIVISION_LINE =
  /^(?:PART|TITLE|CHAPTER|SECTION|SUB-?SECTION|Part|Title|Chapter|Section|Sub-?section)[\s\u00a0]+(?:[0-9]+[A-Za-z]?|[IVXLCDM]+|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\.?(?=$|[\s\u00a0])/
const ANNEX_LINE = /^(?:ANNEX|APPENDIX)(?:ES)?(?:[\s\u00a0]+[IVXLCDM0-9]+[A-Za-z]?)?\.?$/
const ENACTING = /^(?:HAVE|HAS)[\s\u00a0]+(?:ADOPTED|DECIDED)\b.{0,60}$/
const ACTING = /^THE[\s\u00a0].*(?:COUNCIL|COMMISSION|PARLIAMENT|BANK|COMMITTEE|COURT)[^a-z]*,?$/
const PARAGRAPH_NUM = /^(\d+[a-z]*)\.(?:[\s\u00a0]+|(?=[A-Z‘“]))/
const POINT_LABEL = /^(\((?:[a-z]{1,5}|\d+[a-z]*|[A-Z])\)|[a-z]\)|[—–-]|•)[\s\u00a0]+(?=\S)/
const BINDING = /^th(?:is|ese) .{0,40}shall be binding in (?:its|their) entirety/i
const ADDRESSED = /^th(?:is|ese) (?:regulation|directive|decision|recommendation)s? (?:is|are) addressed to\b/i
const DONE_AT = /^done at\b/i
const OPENS_QUOTE = /^[‘“'"]/
const AMENDED_BY = /^(?:amended|corrected|replaced|repealed) by\b:?/i
const QUOTED_TERM = /^[‘“'"][^‘“’”'"]{1,80}[’”'"](?=[\s\u00a0,;:.)]|$)/
const CLOSES_QUOTE = /[’”'"][\s\u00a0]*[.;,:]?[\s\u00a0]*$/

/**
 * Find the act in a page without `eli-container` ids: the classic OJ layout
 * by its classes (`ti-art`, `doc-ti`), the plain layout by an "Article N"
 * line. Returns undefined when neither is there.
 */
export function findClassicAct(dom: HDocument): ClassicAct | undefined {
  // The European Parliament's amendments (OJ C) print the Commission's text beside theirs in tables:
  // not an act (see the ep-amendments command).
  if (/Text proposed by the Commission/.test(dom.source)) return undefined
  const root = findFirst(dom, (el) => hAttr(el, 'id') === 'TexteOnly') ?? findFirst(dom, (el) => el.tagName === 'body')
  const consolidated = findFirst(dom, (el) => classes(el).includes('title-article-norm'))
    ? {markers: rewriteConsolidated(root ?? dom)}
    : undefined
  const blocks = flatBlocks(root ?? dom)
  const classic = blocks.findIndex((b) => hasCls(b, 'ti-art') || hasCls(b, 'doc-ti'))
  if (classic !== -1) {
    // Site chrome before the act's first title or article line is not part of it.
    const prefix = classes(blocks[classic]!).some((c) => c.startsWith('oj-')) ? 'oj-' : ''
    const act: ClassicAct = {layout: 'classic', blocks: blocks.slice(classic), prefix}
    if (consolidated) act.consolidated = consolidated
    return act
  }
  const texts = blocks.map((b) => clean(textOfEl(b)))
  const firstArticle = texts.findIndex((t) => ARTICLE_LINE.test(t) && !/[.;:,]$/.test(t))
  if (firstArticle === -1) return undefined
  // The act starts at its title: the lines before the acting entity (or the first citation).
  let start = texts.findIndex((t, i) => i < firstArticle && ACTING.test(t) && t === t.toUpperCase())
  if (start === -1) start = texts.findIndex((t, i) => i < firstArticle && /^having regard to\b/i.test(t))
  if (start === -1) start = firstArticle
  let titleStart = start
  while (titleStart > 0 && start - titleStart < 4 && texts[titleStart - 1] !== '') titleStart--
  return {layout: 'plain', blocks: blocks.slice(titleStart), prefix: ''}
}

const MARKER = /[▼►](?:[BMACRI]\d*|[MACRI]\d+)\b[\s\u00a0]*|[\s\u00a0]*◄/g

/**
 * A consolidated text's markup in the OJ layout, in place: a numbered
 * paragraph (`div.norm` holding `span.no-parag` and the text) becomes a
 * `p.numbered` with the number before its first words (its other blocks
 * follow it); a point (`div.grid-container`: number column, text column)
 * becomes a one-row layout table; amendment markers (`p.modref`,
 * `p.arrow` holding `▼M1`, and `►M1 … ◄` in the text) are taken out (they
 * say which act changed the text, they are not text); footnote links
 * (`a#src.E0001` → `p.footnote a#E0001`) get the OJ's ids. Returns how
 * many markers were taken out. Iterative.
 */
function rewriteConsolidated(root: HElement | HDocument): number {
  const count = {markers: 0}
  const stack: Array<HElement | HDocument> = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    const out = node.childNodes.flatMap((child) => rewriteChild(child, count))
    node.childNodes.splice(0, node.childNodes.length, ...out)
    for (const child of out) if (!isTextNode(child)) stack.push(child)
  }
  return count.markers
}

/** One child in the OJ layout (see {@link rewriteConsolidated}); its own children are rewritten later. */
function rewriteChild(child: HNode, count: {markers: number}): HNode[] {
  if (isTextNode(child)) {
    const found = child.value.match(MARKER)
    if (found) {
      count.markers += found.length
      child.value = child.value.replace(MARKER, '')
    }
    return [child]
  }
  const c = classes(child)
  if (c.includes('modref') || c.includes('arrow')) {
    count.markers++
    return []
  }
  const id = hAttr(child, 'id') ?? ''
  if (child.tagName === 'a' && id.startsWith('src.')) setAttr(child, 'id', 'ntc' + id.slice(4))
  if (child.tagName === 'p' && c.includes('footnote')) {
    const a = findFirst(child, (el) => el.tagName === 'a' && hAttr(el, 'id') !== undefined)
    if (a) setAttr(a, 'id', 'ntr' + hAttr(a, 'id'))
    setAttr(child, 'class', `${hAttr(child, 'class')} note`)
  }
  if (child.tagName === 'div' && c.includes('grid-container')) return [gridRow(child)]
  if (child.tagName === 'div' && c.includes('norm') && child.childNodes.some((n) => isNumberSpan(n))) {
    const [head, ...rest] = numberedParagraph(child)
    return [head!, ...rest.flatMap((n) => rewriteChild(n, count))]
  }
  return [child]
}

function setAttr(el: HElement, name: string, value: string): void {
  ;(el.attrs as Record<string, string>)[name] = value
  delete el.classList
}

function isNumberSpan(node: HNode): node is HElement {
  return !isTextNode(node) && node.tagName === 'span' && classes(node).includes('no-parag')
}

/** A synthetic element standing where `at` was (same place in the source, for positions). */
function synthetic(at: HElement, tagName: string, childNodes: HNode[], cls?: string): HElement {
  const el: HElement = {
    nodeName: tagName,
    tagName,
    attrs: Object.assign(Object.create(null) as Record<string, string>, cls ? {class: cls} : {}),
    childNodes,
    parentNode: at.parentNode,
    root: at.root,
    start: at.start,
    end: at.end
  }
  return el
}

/** `div.grid-container` (number column, text column) → a one-row `[num, text]` layout table. */
function gridRow(div: HElement): HElement {
  const columns = elements(div)
  const num = columns.find((c) => classes(c).some((x) => x.endsWith('column-1'))) ?? columns[0]
  const text = columns.find((c) => classes(c).some((x) => x.endsWith('column-2'))) ?? columns[1]
  const cells = [num, text].map((c) => synthetic(div, 'td', c ? [...c.childNodes] : []))
  return synthetic(div, 'table', [synthetic(div, 'tr', cells)])
}

/**
 * `div.norm` = `span.no-parag` + the paragraph (often wrapped in an
 * `inline-element` div or p): a `p.numbered` with the number and the first
 * words, then the paragraph's other blocks.
 */
function numberedParagraph(div: HElement): HNode[] {
  const nodes: HNode[] = []
  for (const n of div.childNodes) {
    if (!isTextNode(n) && classes(n).includes('inline-element')) nodes.push(...n.childNodes)
    else nodes.push(n)
  }
  const span = nodes.find(isNumberSpan)!
  const rest = nodes.filter((n) => n !== span)
  const lead: HNode[] = []
  let i = 0
  for (; i < rest.length; i++) {
    const n = rest[i]!
    if (isTextNode(n) || INLINE_ELEMENTS.has(n.tagName)) lead.push(n)
    else break
  }
  // The paragraph's words in a `p` of their own: join them to the number.
  const first = rest[i]
  if (!hasWords(lead) && first && !isTextNode(first) && first.tagName === 'p') {
    lead.push(...first.childNodes)
    i++
  }
  const head = synthetic(div, 'p', [...span.childNodes, textNode(div, ' '), ...lead], 'normal numbered')
  return [head, ...rest.slice(i).filter((n) => !isTextNode(n) || /\S/.test(n.value))]
}

function textNode(at: HElement, value: string): HText {
  return {nodeName: '#text', value, parentNode: at, start: at.start}
}

/**
 * Paragraph-like elements and tables in document order, descending into
 * every other container; loose text (outside any paragraph) becomes a
 * paragraph of its own. Iterative.
 */
function flatBlocks(root: HElement | HDocument): HElement[] {
  return blocksWithLooseText(root, (el) => {
    const tag = el.tagName
    if (tag === 'table' || tag === 'p' || /^h[1-6]$/.test(tag)) {
      // A paragraph wrapping blocks (`<p><TXT_TE><p>…` in the plain pages) is a container, not a paragraph.
      if (tag === 'p' && findFirst(el, (inner) => inner.tagName === 'p' || inner.tagName === 'table')) return 'descend'
      return 'block'
    }
    return tag === 'head' || tag === 'title' || tag === 'hr' || tag === 'col' ? 'skip' : 'descend'
  })
}

/** Read the act found by {@link findClassicAct}. */
export function readClassic(dom: HDocument, act: ClassicAct, ctx: ImportContext, linkReferences?: boolean): Document {
  reportHtmlIssues(dom, ctx)
  if (act.layout === 'plain')
    ctx.warn(
      'formats/plain-text-act',
      'this page has no markup for the structure of the act (EUR-Lex plain text, before 2004): articles, paragraphs, points, recitals and notes were recognised by their words only; check them',
      pointOfEl(act.blocks[0]!)
    )
  if (act.consolidated && act.consolidated.markers > 0)
    ctx.warn(
      'formats/consolidated-markers',
      `${act.consolidated.markers} amendment marker${act.consolidated.markers > 1 ? 's' : ''} of the consolidated text (▼B, ▼M1, ►M1 … ◄) left out: they name the act that changed the text, listed at the top of the page`
    )
  const inline = new EurlexReader(ctx, collectNotes(dom, act.prefix), dom, act.prefix)
  const doc = finishDocument(
    new ClassicReader(ctx, inline, act.layout, act.consolidated !== undefined).read(act.blocks),
    linkReferences === false ? {linkReferences: false} : {}
  )
  checkNumbering(doc, ctx)
  warnIfNoProvisions(doc, ctx)
  return doc
}

/** An article (or the annex flow) being read: its leading blocks and numbered paragraphs. */
interface OpenArticle {
  node: Article
  lead: Block[]
  paragraphs: Array<{node: Paragraph; blocks: Block[]}>
  headingOpen: boolean
  /** Points typed as text (`(a) …`), open for nesting: innermost last. */
  points: Array<{style: string; item: Item; own: Inline[]; kids: Item[]}>
}

class ClassicReader {
  constructor(
    private readonly ctx: ImportContext,
    private readonly html: EurlexReader,
    private readonly layout: ClassicLayout,
    private readonly consolidated = false
  ) {}

  read(blocks: HElement[]): Document {
    const texts = blocks.map((b) => clean(textOfEl(b)))
    let i = 0
    // --- title: doc-ti lines (classic) or the lines before the acting entity (plain) ---
    const titleLines: Inline[][] = []
    for (; i < blocks.length; i++) {
      const b = blocks[i]!
      const c = cls(b)
      if (c.some((x) => x.startsWith('hd-'))) continue
      // A consolidated text lists the acts that amended it under its title (`Amended by:` and a table).
      if (this.consolidated && (b.tagName === 'table' || c.includes('disclaimer') || AMENDED_BY.test(texts[i]!)))
        continue
      if (this.layout === 'classic' ? c.includes('doc-ti') : !this.startsPreamble(texts[i]!)) {
        if (this.layout === 'plain') titleLines.push(...plainTitleLines(this.html.inlines(b)))
        else titleLines.push(this.html.inlines(b))
      } else break
    }
    const children: Document['children'] = []
    let kind: Document['kind'] = 'regulation'
    // A consolidated text may print its title twice (above the list of amending acts and above the act).
    const half = titleLines.length / 2
    if (this.consolidated && Number.isInteger(half) && half > 0) {
      const key = (lines: Inline[][]) => JSON.stringify(lines.map((l) => plain(normalizeInlines(l))))
      if (key(titleLines.slice(0, half)) === key(titleLines.slice(half))) titleLines.splice(half)
    }
    if (titleLines.length > 0) {
      const t = titleLines.length === 1 ? splitPlainTitle(titleLines[0]!) : titleLinesOf(titleLines)
      children.push(t.preface)
      kind = t.kind
    }
    // --- preamble ---
    const pre = this.preamble(blocks, texts, i)
    // A consolidated text may have no preamble at all.
    if (pre.node.type === 'preamble' && pre.node.children.length > 0) children.push(pre.node)
    // --- body, conclusions, annexes ---
    const rest = this.body(blocks, texts, pre.end)
    children.push({type: 'body', children: rest.body})
    if (rest.conclusions) children.push(rest.conclusions)
    children.push(...rest.annexes)
    return {type: 'document', kind, stage: 'act', children}
  }

  private startsPreamble(text: string): boolean {
    return (ACTING.test(text) && text === text.toUpperCase()) || /^having regard to\b/i.test(text)
  }

  // --- preamble --------------------------------------------------------------------

  private preamble(
    blocks: HElement[],
    texts: string[],
    from: number
  ): {node: Document['children'][number]; end: number} {
    const node: Extract<Document['children'][number], {type: 'preamble'}> = {type: 'preamble', children: []}
    const citations: Citation[] = []
    const recitals: Recital[] = []
    let intro: Inline[] | undefined
    let enacting: Formula | undefined
    let i = from
    for (; i < blocks.length; i++) {
      const b = blocks[i]!
      const text = texts[i]!
      if (text === '' || cls(b).includes('note')) continue
      if (this.isArticleStart(b, text, undefined) || this.isDivisionStart(b, text)) break
      if (b.tagName === 'table') {
        const items = this.html.tableItems(b)
        for (const item of items)
          recitals.push(this.at<Recital>({type: 'recital', eId: '', num: item.num, children: item.children}, b))
        if (items.length === 0 && recitals.length > 0) this.continueRecital(recitals, this.html.blocksOf(b))
        continue
      }
      const inl = normalizeInlines(this.html.inlines(b))
      if (ENACTING.test(text)) {
        enacting = {type: 'formula', name: 'enactingFormula', children: inl}
        i++
        break
      }
      if (
        citations.length === 0 &&
        recitals.length === 0 &&
        !intro &&
        node.children.length === 0 &&
        text === text.toUpperCase()
      ) {
        node.children.push({type: 'formula', name: 'actingEntity', children: inl})
        continue
      }
      if (recitals.length === 0 && isRecitalsIntroText(text)) {
        intro = inl
        continue
      }
      const recital = this.recitalOf(b, inl, text, recitals, intro !== undefined)
      if (recital) {
        recitals.push(recital)
      } else if (recitals.length === 0) {
        citations.push(this.at<Citation>({type: 'citation', eId: '', children: [{type: 'content', children: inl}]}, b))
      } else {
        this.continueRecital(recitals, [{kind: 'text', inl, at: positionOfEl(b)}])
      }
      const last = recitals[recitals.length - 1]
      const split = last && recital === last ? this.formulaIn(last) : undefined
      if (split) {
        enacting = split
        i++
        break
      }
    }
    if (citations.length > 0) node.children.push({type: 'citations', children: citations})
    if (recitals.length > 0 || intro)
      node.children.push(intro ? {type: 'recitals', intro, children: recitals} : {type: 'recitals', children: recitals})
    if (enacting) node.children.push(enacting)
    return {node, end: i}
  }

  /**
   * A recital: `(N)` printed at the start (in sequence, so a citation never is
   * one), or — in acts before about 2000 — a paragraph starting "Whereas".
   */
  private recitalOf(
    b: HElement,
    inl: Inline[],
    text: string,
    recitals: Recital[],
    introSeen: boolean
  ): Recital | undefined {
    const last = recitals[recitals.length - 1]
    const printed = /^\((\d+)\)/.exec(text)
    const expected = last ? (ordinal(last.num) ?? -1) + 1 : 1
    if (printed && Number(printed[1]) === expected) {
      const {num, children} = gluedRecitalNumber([{type: 'content', children: inl}])
      const recital = this.at<Recital>({type: 'recital', eId: '', children}, b)
      if (num !== undefined) recital.num = num
      return recital
    }
    if (/^whereas\b/i.test(text) || (introSeen && recitals.length === 0))
      return this.at<Recital>({type: 'recital', eId: '', children: [{type: 'content', children: inl}]}, b)
    return undefined
  }

  private continueRecital(recitals: Recital[], blocks: Block[]): void {
    const recital = recitals[recitals.length - 1]!
    for (const unit of unitsOfBlocks(blocks))
      if (unit.children.length > 0) recital.children = assemble([makeUnit(recital.children), unit])
  }

  /** The enacting formula run into the end of a recital (a source defect): split off, with a warning. */
  private formulaIn(recital: Recital): Formula | undefined {
    const block = recital.children[recital.children.length - 1]
    if (block?.type !== 'content') return undefined
    const split = splitFormula(block.children)
    if (!split) return undefined
    block.children = split.before
    this.ctx.warn(
      'formats/formula-in-recital',
      `the enacting formula "${plain(split.formula)}" is run into the text of recital ${recital.num ?? ''}: split off`,
      recital.position?.start && {line: recital.position.start.line, column: recital.position.start.column}
    )
    return {type: 'formula', name: 'enactingFormula', children: split.formula}
  }

  // --- body ---------------------------------------------------------------------------

  private body(
    blocks: HElement[],
    texts: string[],
    from: number
  ): {body: Array<Division | Article>; conclusions: Document['children'][number] | undefined; annexes: Annex[]} {
    const body: Array<Division | Article> = []
    let path: Division[] = []
    let awaitingHeading: Division | undefined
    let article: OpenArticle | undefined
    let quoting = false
    const ending: Parameters<typeof conclusionsOf>[0] = []
    let signatureLines: Inline[][] = []
    const annexes: Annex[] = []
    let annexFlow: Array<ProvisionContent | Heading> | undefined
    let annexPoints: OpenArticle | undefined
    let phase: 'body' | 'end' | 'annex' = 'body'
    let notes = 0

    const finish = (): void => {
      if (article) this.closeArticle(article)
      article = undefined
    }
    const flushSignature = (): void => {
      if (signatureLines.length > 0) ending.push({inlines: joinLines(signatureLines), signature: true})
      signatureLines = []
    }
    const closeAnnex = (): void => {
      const annex = annexes[annexes.length - 1]
      if (!annex || !annexFlow) return
      if (annexPoints) annexFlow.push(...this.flushPoints(annexPoints))
      annex.children = annexChildren(annexFlow)
    }

    for (let i = from; i < blocks.length; i++) {
      const b = blocks[i]!
      const text = texts[i]!
      const c = cls(b)
      if (text === '' || c.some((x) => x.startsWith('hd-'))) continue
      if (c.includes('note')) continue // footnote texts are read where they are referenced
      const position = positionOfEl(b)

      // --- annexes ---
      if (!quoting && this.isAnnexStart(b, text, phase)) {
        finish()
        flushSignature()
        closeAnnex()
        phase = 'annex'
        const annex: Annex = this.at<Annex>({type: 'annex', eId: '', num: text, children: []}, b)
        annexes.push(annex)
        annexFlow = []
        annexPoints = undefined
        continue
      }
      if (phase === 'annex') {
        const annex = annexes[annexes.length - 1]!
        const flow = annexFlow!
        const inl = b.tagName === 'table' ? [] : normalizeInlines(this.html.inlines(b))
        const headingLike =
          c.includes('doc-ti') ||
          c.includes('ti-annex') ||
          (this.layout === 'plain' && text === text.toUpperCase() && /[A-Z]/.test(text))
        if (!annex.heading && flow.length === 0 && headingLike) {
          annex.heading = inl
          continue
        }
        if (annex.heading && flow.length === 0 && (c.includes('doc-ti') || c.includes('ti-annex'))) {
          annex.heading = normalizeInlines([...annex.heading, {type: 'text', value: ' '}, ...inl])
          continue
        }
        const grseq = c.find((x) => x.startsWith('ti-grseq-'))
        if (grseq) {
          if (annexPoints) flow.push(...this.flushPoints(annexPoints))
          annexPoints = undefined
          flow.push(
            this.at<Heading>({type: 'heading', depth: Number(grseq.slice('ti-grseq-'.length)) || 1, children: inl}, b)
          )
          continue
        }
        if (b.tagName === 'table') {
          if (annexPoints) flow.push(...this.flushPoints(annexPoints))
          annexPoints = undefined
          for (const block of this.html.blocksOf(b)) {
            if (block.kind === 'list') flow.push(...block.items)
            else for (const u of block.kind === 'quote' ? block.units : unitsOfBlocks([block])) flow.push(...u.children)
          }
          continue
        }
        const label = stripPrefix(inl, POINT_LABEL)
        if (label.removed !== '' && label.rest.length > 0) {
          annexPoints ??= this.emptyHolder()
          this.placePoint(annexPoints, label.removed.trim(), label.rest, b)
          continue
        }
        if (annexPoints) flow.push(...this.flushPoints(annexPoints))
        annexPoints = undefined
        flow.push(this.at<ProvisionContent>({type: 'content', children: inl} as ProvisionContent, b))
        continue
      }

      // --- conclusions: binding force, "Done at", signatures ---
      const addressedAfterText = ADDRESSED.test(text) && article !== undefined && this.hasText(article)
      if (
        !quoting &&
        (phase === 'end' ||
          BINDING.test(text) ||
          DONE_AT.test(text) ||
          addressedAfterText ||
          c.includes('final') ||
          c.includes('signatory'))
      ) {
        finish()
        phase = 'end'
        if (b.tagName === 'table') {
          for (const cell of findAll(b, (el) => el.tagName === 'td', true)) {
            const lines = elements(cell)
              .map((p) => normalizeInlines(this.html.inlines(p)))
              .filter((l) => l.length > 0)
            if (lines.length > 0)
              ending.push({inlines: joinLines(lines), signature: true, position: positionOfEl(cell)})
          }
          continue
        }
        const inl = normalizeInlines(this.html.inlines(b))
        if (BINDING.test(text) || ADDRESSED.test(text)) {
          flushSignature()
          ending.push({inlines: inl, as: 'bindingForce', position})
        } else if (DONE_AT.test(text)) {
          flushSignature()
          ending.push({inlines: inl, as: 'doneAt', position})
        } else if (
          this.layout === 'plain' &&
          /^\(\d+\)[\s\u00a0]/.test(text) &&
          ending.some((e) => e.as === 'doneAt')
        ) {
          // `(1) OJ C 73, 24.3.1992, p. 7.`: a note whose marker stays in the text as printed.
          flushSignature()
          notes++
          ending.push({inlines: inl, as: 'content', position})
        } else if (c.includes('signatory') || ending.some((e) => e.as === 'doneAt')) {
          if (/^for the\b/i.test(text)) flushSignature()
          signatureLines.push(inl)
        } else {
          ending.push({inlines: inl, position})
        }
        continue
      }

      // --- divisions ---
      if (!quoting) {
        const division = this.divisionOf(b, text, c)
        if (division) {
          finish()
          path = placeDivision(path, body, division)
          awaitingHeading = division.heading ? undefined : division
          continue
        }
        if (
          awaitingHeading &&
          !article &&
          (c.includes('ti-section-2') || (this.layout === 'plain' && text === text.toUpperCase()))
        ) {
          awaitingHeading.heading = normalizeInlines(this.html.inlines(b))
          awaitingHeading = undefined
          continue
        }
        if (c.some((x) => /^ti-section-\d$/.test(x)) && !article) {
          // A heading without a number: a division whose number is missing in the source.
          const node: Division = this.at<Division>(
            {
              type: 'division',
              eId: '',
              kind: 'chapter',
              num: '',
              heading: normalizeInlines(this.html.inlines(b)),
              children: []
            },
            b
          )
          this.ctx.warn(
            'formats/cellar-unnumbered-division',
            `heading "${text.slice(0, 60)}" has no number: imported as a chapter without number`,
            pointOfEl(b)
          )
          path = placeDivision(path, body, node)
          continue
        }
      }
      awaitingHeading = undefined

      // --- articles ---
      if (!quoting && this.isArticleStart(b, text, article)) {
        finish()
        // Plain pages run the heading into the number line (`Article 3 Scope`).
        const runIn = this.layout === 'plain' ? ARTICLE_LINE.exec(text)?.[2] : undefined
        const num = runIn ? text.slice(0, text.length - runIn.length).trim() : text
        const node = this.at<Article>({type: 'article', eId: '', num, children: []}, b)
        if (runIn) node.heading = [{type: 'text', value: runIn}]
        article = {node, lead: [], paragraphs: [], headingOpen: !node.heading, points: []}
        const parent = path[path.length - 1]
        if (parent) parent.children.push(node)
        else body.push(node)
        continue
      }
      if (!article) {
        this.ctx.warn(
          'formats/cellar-stray-text',
          `text outside any article: "${text.slice(0, 60)}": not imported`,
          pointOfEl(b)
        )
        continue
      }
      if (
        !quoting &&
        article.headingOpen &&
        article.lead.length === 0 &&
        article.paragraphs.length === 0 &&
        this.isArticleHeading(b, text, c)
      ) {
        article.node.heading = normalizeInlines(this.html.inlines(b))
        article.headingOpen = false
        continue
      }
      article.headingOpen = false

      // --- the article's text ---
      if (quoting) {
        this.addBlocks(article, this.blocksOf(b))
        if (CLOSES_QUOTE.test(text)) quoting = false
        continue
      }
      if (b.tagName === 'table') {
        this.addBlocks(article, this.html.blocksOf(b))
        continue
      }
      const inl = normalizeInlines(this.html.inlines(b))
      const para = PARAGRAPH_NUM.exec(text)
      // A consolidated text marks its numbered paragraphs (`span.no-parag`, see rewriteConsolidated).
      if (para && (c.includes('numbered') || this.nextParagraph(article, para[1]!))) {
        this.flushOpenPoints(article)
        const {removed, rest} = stripPrefix(inl, PARAGRAPH_NUM)
        const node: Paragraph = this.at<Paragraph>(
          {type: 'paragraph', eId: '', num: removed.replace(/[\s\u00a0]+$/, ''), children: []},
          b
        )
        article.paragraphs.push({node, blocks: rest.length > 0 ? [{kind: 'text', inl: rest, at: position}] : []})
        continue
      }
      const label = stripPrefix(inl, POINT_LABEL)
      const numbered = para && this.listOpen(article) ? stripPrefix(inl, PARAGRAPH_NUM) : undefined
      if (label.removed !== '' && label.rest.length > 0) {
        this.placePoint(article, label.removed.trim(), label.rest, b)
      } else if (numbered && numbered.rest.length > 0) {
        // `1. 'term' means …` after an introduction ending in a colon: a numbered point.
        this.placePoint(article, numbered.removed.replace(/[\s\u00a0]+$/, ''), numbered.rest, b)
      } else {
        this.flushOpenPoints(article)
        this.addBlocks(article, [{kind: 'text', inl, at: position}])
      }
      if (opensQuotation(text)) quoting = true
    }
    finish()
    flushSignature()
    closeAnnex()
    if (notes > 0)
      this.ctx.warn(
        'formats/plain-text-act',
        `${notes} footnote${notes > 1 ? 's' : ''} printed as plain lines after the signatures: kept as text of the conclusions, their markers stay in the text as printed`
      )
    return {body, conclusions: conclusionsOf(ending), annexes}
  }

  /** A division heading where the preamble should have ended (an act without enacting formula). */
  private isDivisionStart(b: HElement, text: string): boolean {
    if (cls(b).some((x) => /^ti-section-\d$/.test(x))) return true
    return this.layout === 'plain' && DIVISION_LINE.test(text) && text === text.toUpperCase()
  }

  private isAnnexStart(b: HElement, text: string, phase: string): boolean {
    const c = cls(b)
    if (c.includes('ti-annex')) return true
    if (!ANNEX_LINE.test(text)) return false
    return c.includes('doc-ti') || this.layout === 'plain' || phase !== 'body'
  }

  private isArticleStart(b: HElement, text: string, open: OpenArticle | undefined): boolean {
    if (OPENS_QUOTE.test(text)) return false
    if (hasCls(b, 'ti-art')) return true
    if (b.tagName === 'table') return false
    if (SOLE_ARTICLE.test(text)) return true
    const m = ARTICLE_LINE.exec(text)
    if (!m) return false
    if (!m[2]) return true
    // "Article 3 Scope" (plain pages run the heading into the number line) — but never amending prose
    // ("Article 9 is replaced by …"): only the next article in sequence, and no sentence punctuation.
    if (/[.;:,]$/.test(m[2]) || !/^[A-Z]/.test(m[2])) return false
    const prev = ordinal(open?.node.num)
    return prev === undefined ? true : Number.parseInt(m[1]!, 10) === prev + 1
  }

  /** `p.sti-art` after the number, or (plain pages) a short line without sentence punctuation. */
  private isArticleHeading(b: HElement, text: string, c: string[]): boolean {
    if (c.includes('sti-art')) return true
    if (b.tagName === 'table' || this.layout !== 'plain') return false
    return (
      text.length <= 150 &&
      /^[A-Z‘“]/.test(text) &&
      !/[.;:,]$/.test(text) &&
      !PARAGRAPH_NUM.test(text) &&
      !POINT_LABEL.test(text)
    )
  }

  private divisionOf(b: HElement, text: string, c: string[]): Division | undefined {
    const styled = c.some((x) => /^ti-section-\d$/.test(x))
    if (!styled && (this.layout !== 'plain' || b.tagName === 'table')) return undefined
    const m = DIVISION_LINE.exec(text)
    if (!m) return undefined
    const num = m[0].replace(/\.$/, '').trim()
    const rest = text.slice(m[0].length).trim()
    // By text, only a line that is the number alone, or the number and an upper-case heading.
    if (!styled && rest !== '' && rest !== rest.toUpperCase()) return undefined
    const node = this.at<Division>(
      {type: 'division', eId: '', kind: divisionKind(num) ?? 'section', num, children: []},
      b
    )
    if (rest !== '') {
      const {rest: heading} = stripPrefix(
        normalizeInlines(this.html.inlines(b)),
        new RegExp('^' + m[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '[\\s\\u00a0]*')
      )
      node.heading = heading.length > 0 ? heading : [{type: 'text', value: rest}]
    }
    return node
  }

  // --- article text ------------------------------------------------------------------

  private blocksOf(b: HElement): Block[] {
    return b.tagName === 'table'
      ? this.html.blocksOf(b)
      : [{kind: 'text', inl: this.html.inlines(b), at: positionOfEl(b)}]
  }

  private hasText(article: OpenArticle): boolean {
    return article.lead.length > 0 || article.paragraphs.length > 0 || article.points.length > 0
  }

  private addBlocks(article: OpenArticle, blocks: Block[]): void {
    this.flushOpenPoints(article)
    const target = article.paragraphs[article.paragraphs.length - 1]?.blocks ?? article.lead
    target.push(...blocks)
  }

  /** `N.` continues the article's numbered paragraphs: `1.` first (unless a list was just introduced), then the next number. */
  private nextParagraph(article: OpenArticle, num: string): boolean {
    if (this.listOpen(article) || this.endsWithColon(article)) return false
    const last = article.paragraphs[article.paragraphs.length - 1]
    const n = Number.parseInt(num, 10)
    if (!last) return n === 1 && /^\d+$/.test(num)
    const prev = Number.parseInt(last.node.num ?? '', 10)
    return n === prev + 1 || (n === prev && !/^\d+$/.test(num))
  }

  private listOpen(article: OpenArticle): boolean {
    return (
      article.points.some((p) => p.style === 'arabic') || (this.endsWithColon(article) && article.points.length === 0)
    )
  }

  private endsWithColon(article: OpenArticle): boolean {
    const blocks = article.paragraphs[article.paragraphs.length - 1]?.blocks ?? article.lead
    const last = blocks[blocks.length - 1]
    if (article.points.length > 0) return false
    return last !== undefined && last.kind === 'text' && /:$/.test(plain(normalizeInlines(last.inl)))
  }

  private emptyHolder(): OpenArticle {
    return {
      node: {type: 'article', eId: '', num: '', children: []},
      lead: [],
      paragraphs: [],
      headingOpen: false,
      points: []
    }
  }

  /**
   * A point typed as text (`(a) …`, `(i) …`, `— …`): nested under the open
   * point when its label starts a list of another style (`(i)` under `(a)`),
   * a sibling of the open point of its style otherwise.
   */
  private placePoint(holder: OpenArticle, label: string, rest: Inline[], b: HElement): void {
    const dashed = /^[—–-]$|^•$/.test(label)
    let style = dashed ? 'dash' : numStyle(label)
    const top = holder.points[holder.points.length - 1]
    // `(i)` after `(h)` is a letter, not a roman one.
    if (style === 'roman' && top && top.style === 'alpha' && nextLetter(top.item.num, label)) style = 'alpha'
    const item: Item = dashed
      ? this.at<Indent>({type: 'indent', eId: '', num: '—', children: []}, b)
      : this.at<Point>({type: 'point', eId: '', num: label, children: []}, b)
    const entry = {style, item, own: rest, kids: [] as Item[]}
    const same = findLastIndex(holder.points, (p) => p.style === style)
    if (top && top.style !== style && (startsList(label, style) || same === -1)) {
      holder.points.push(entry)
      return
    }
    if (same !== -1) {
      this.closePoints(holder, same)
      holder.points.push(entry)
      return
    }
    this.flushOpenPoints(holder)
    holder.points.push(entry)
  }

  /** Close the open points deeper than `level` (their items become children of their parents), and the one at `level`. */
  private closePoints(holder: OpenArticle, level: number): void {
    while (holder.points.length > level) {
      const done = holder.points.pop()!
      done.item.children = unitChildren(done.own, done.kids)
      const parent = holder.points[holder.points.length - 1]
      if (parent) parent.kids.push(done.item)
      else this.addItems(holder, [done.item])
    }
  }

  private addItems(holder: OpenArticle, items: Item[]): void {
    const target = holder.paragraphs[holder.paragraphs.length - 1]?.blocks ?? holder.lead
    target.push({kind: 'list', items})
  }

  private flushOpenPoints(holder: OpenArticle): void {
    if (holder.points.length > 0) this.closePoints(holder, 0)
  }

  /** The annex flow's open points as items. */
  private flushPoints(holder: OpenArticle): Item[] {
    this.flushOpenPoints(holder)
    return holder.lead.flatMap((b) => (b.kind === 'list' ? b.items : []))
  }

  private closeArticle(article: OpenArticle): void {
    this.flushOpenPoints(article)
    const parts: Array<Unit | ProvisionContent> = [...unitsOfBlocks(article.lead)]
    for (const p of article.paragraphs) {
      p.node.children = assemble(unitsOfBlocks(p.blocks))
      parts.push(p.node)
    }
    article.node.children = assemble(parts)
  }

  private at<T extends {position?: unknown}>(node: T, el: HElement): T {
    ;(node as {position?: unknown}).position = positionOfEl(el)
    return node
  }
}

/** Title lines: several classic `doc-ti` lines are classified one by one. */
function titleLinesOf(lines: Inline[][]): ReturnType<typeof titleLines> {
  return titleLines(lines)
}

/**
 * A plain page's one-line title (`Council Directive 93/13/EEC of 5 April 1993
 * on unfair terms in consumer contracts`): split before the date and the
 * purpose, so the lines read as they do in the OJ.
 */
function splitPlainTitle(line: Inline[]): ReturnType<typeof titleLines> {
  const text = plain(normalizeInlines(line))
  const m = /^(.*?)\s+(of\s+\d{1,2}\s+\w+\s+\d{4})\s+(.*)$/.exec(text)
  if (!m || line.length !== 1) return titleLines([line])
  return titleLines([[{type: 'text', value: m[1]!}], [{type: 'text', value: m[2]!}], [{type: 'text', value: m[3]!}]])
}

/**
 * True when a paragraph opens a quotation that runs on into the next ones
 * (the new wording an amending act inserts): it starts with a quotation
 * mark, does not end with one, and does not merely start with a quoted term
 * (`‘label’ means …`).
 */
function opensQuotation(text: string): boolean {
  return OPENS_QUOTE.test(text) && !CLOSES_QUOTE.test(text) && !QUOTED_TERM.test(text)
}

/**
 * The title lines of a plain page's paragraph, without the page's
 * publication data: the CELEX number (`31993L0099`), the OJ reference
 * (`Official Journal L 095 , 21/04/1993 P. 0029 - 0034`, on its own line or
 * run on after the title) and the special editions.
 */
function plainTitleLines(inl: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]]
  for (const node of inl) {
    if (node.type === 'break') lines.push([])
    else lines[lines.length - 1]!.push(node)
  }
  const out: Inline[][] = []
  for (const line of lines) {
    const text = plain(normalizeInlines(line))
    if (text === '' || /^\d{5}[A-Z]{1,2}\d{4}/.test(text) || /^official journal\b|special edition\b/i.test(text))
      continue
    const runOn = /\s+Official Journal\s+[LC]\b/.exec(text)
    out.push(runOn && line.every((n) => n.type === 'text') ? [{type: 'text', value: text.slice(0, runOn.index)}] : line)
  }
  return out
}

function startsList(num: string, style: string): boolean {
  const n = num.replace(/[()\s.]/g, '')
  return style === 'dash' || n === 'a' || n === 'i' || n === '1' || n === 'A' || n === 'I'
}

function nextLetter(prev: string, num: string): boolean {
  const p = prev.replace(/[()\s.]/g, '')
  const n = num.replace(/[()\s.]/g, '')
  return p.length === 1 && n.length === 1 && n.charCodeAt(0) === p.charCodeAt(0) + 1
}

function findLastIndex<T>(list: readonly T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i
  return -1
}
