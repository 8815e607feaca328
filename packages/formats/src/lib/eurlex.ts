/**
 * EUR-Lex OJ HTML (the "eli" rendition of an act published in the Official
 * Journal) → redlex tree. The act is read from `div.eli-container` blocks;
 * site chrome (menus, headers, footers, scripts) is never looked at.
 * EUR-Lex ids map to eIds: `cit_N` → `cit_N`, `rct_N` → `rec_N`, `art_N`
 * → `art_N`, `anx_X` → `anx_X` (eIds are recomputed, so they agree).
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
  Preamble,
  ProvisionContent,
  Recital
} from '@redlex/tree'
import {ImportContext} from './context.js'
import type {ImportOptions} from './context.js'
import {findClassicAct, readClassic} from './eurlex-classic.js'
import {finishDocument} from './finish.js'
import {
  blockChildren,
  classes,
  elements,
  findAll,
  findFirst,
  hAttr,
  hasClass,
  isEl,
  isTextNode,
  notAnAct,
  parseHtml,
  pointOfEl,
  positionOfEl,
  reportHtmlIssues,
  textOfEl,
  trimTrailingSpace
} from './html.js'
import {checkNumbering, warnIfNoProvisions} from './numbering.js'
import type {HDocument, HElement, HNode} from './html.js'
import {
  annexChildren,
  assemble,
  conclusionsOf,
  divisionKind,
  gluedRecitalNumber,
  isRecitalsIntroText,
  makeUnit,
  splitFormula,
  titleLines,
  unitsOfBlocks
} from './structure.js'
import type {Block, Item, Unit} from './structure.js'
import {clean, joinLines, normalizeInlines, plain, stripPrefix} from './text.js'

export interface EurlexOptions extends ImportOptions {
  /** Run @redlex/tree `linkReferences` on the result when available (default true). */
  linkReferences?: boolean
}

/** Parse a EUR-Lex OJ HTML page into a redlex document. */
export function fromEurlexHtml(html: string, options?: Readonly<EurlexOptions> | null): Document {
  return readEurlex(html, new ImportContext(options), options?.linkReferences)
}

export function readEurlex(html: string, ctx: ImportContext, linkReferences?: boolean): Document {
  const dom = parseHtml(html)
  const containers = findAll(dom, (el) => hasClass(el, 'eli-container'), true)
  const main = containers.find(
    (c) => findFirst(c, (el) => hasClass(el, 'eli-main-title')) !== undefined || hasClass(c, 'eli-main-title')
  )
  // Pages before 2014 (and some later ones) have no eli containers, and consolidated texts have their own
  // classes (`title-article-norm`): read by class and by text.
  if (!main || findFirst(dom, (el) => hasClass(el, 'title-article-norm'))) {
    const classic = findClassicAct(dom)
    if (classic) return readClassic(dom, classic, ctx, linkReferences)
    if (/Text proposed by the Commission/.test(dom.source))
      throw notAnAct(
        dom,
        ctx,
        'the page holds amendments of the European Parliament ("Text proposed by the Commission" beside "Amendment"): read them with the ep-amendments command'
      )
    throw notAnAct(
      dom,
      ctx,
      'no div.eli-container with the act (EUR-Lex OJ HTML), no p.ti-art or p.doc-ti (OJ HTML before 2014) and no "Article 1" line were found'
    )
  }
  reportHtmlIssues(dom, ctx)
  const reader = new EurlexReader(ctx, collectNotes(dom), dom)
  const doc = finishDocument(
    reader.document(
      main,
      containers.filter((c) => c !== main && (hAttr(c, 'id') ?? '').startsWith('anx_'))
    ),
    linkReferences === false ? {linkReferences: false} : {}
  )
  checkNumbering(doc, ctx)
  warnIfNoProvisions(doc, ctx)
  return doc
}

/** Footnote texts by key (`1-L_…-E0001`), from `p.oj-note` elements (`p.note` in pages before 2014). */
export function collectNotes(dom: HDocument, prefix = 'oj-'): Map<string, HElement> {
  const notes = new Map<string, HElement>()
  for (const p of findAll(dom, (el) => el.tagName === 'p' && hasClass(el, prefix + 'note'))) {
    const a = findFirst(p, (el) => el.tagName === 'a' && (hAttr(el, 'id') ?? '').startsWith('ntr'))
    if (a) notes.set((hAttr(a, 'id') ?? '').slice(3), p)
  }
  return notes
}

const PARAGRAPH_ID = /^\d{3}\.\d{3}$/
const PARAGRAPH_NUM = /^(\d+[a-z]*\.)[\s\u00a0]+/

export class EurlexReader {
  constructor(
    private readonly ctx: ImportContext,
    private readonly notes: Map<string, HElement>,
    private readonly dom: HDocument,
    /** `oj-` on pages since 2014; none on the OJ pages of 2004–2013 (`ti-art`, `normal`, `note`). */
    private readonly prefix = 'oj-'
  ) {}

  document(main: HElement, annexEls: HElement[]): Document {
    const children: Document['children'] = []
    let kind: Document['kind'] = 'regulation'
    const title = findFirst(main, (el) => hasClass(el, 'eli-main-title'))
    if (title) {
      const t = titleLines(
        elements(title)
          .filter((p) => p.tagName === 'p')
          .map((p) => this.inlines(p))
      )
      children.push(t.preface)
      kind = t.kind
    }
    const preamble = findFirst(main, (el) => hAttr(el, 'id') === 'pbl_1')
    if (preamble) children.push(this.preamble(preamble))
    const enacting = findFirst(main, (el) => hAttr(el, 'id') === 'enc_1')
    if (!enacting) throw notAnAct(this.dom, this.ctx, 'the act has no enacting terms (div#enc_1)')
    children.push({type: 'body', children: this.bodyChildren(enacting)})
    const final = findFirst(main, (el) => hAttr(el, 'id') === 'fnp_1' || hasClass(el, this.prefix + 'final'))
    if (final) {
      const c = this.final(final)
      if (c) children.push(c)
    }
    for (const a of annexEls) children.push(this.annex(a))
    return {type: 'document', kind, stage: 'act', children}
  }

  private preamble(el: HElement): Preamble {
    const pre: Preamble = {type: 'preamble', children: []}
    const citations: Citation[] = []
    const recitals: Recital[] = []
    let intro: Inline[] | undefined
    const enacting: Formula[] = []
    for (const c of this.blockChildren(el)) {
      const id = hAttr(c, 'id') ?? ''
      if (id.startsWith('cit_')) {
        const content = elements(c)
          .filter((p) => p.tagName === 'p')
          .map((p) => ({type: 'content' as const, children: normalizeInlines(this.inlines(p))}))
        citations.push(this.at<Citation>({type: 'citation', eId: '', children: content}, c))
      } else if (id.startsWith('rct_')) {
        recitals.push(this.recital(c))
      } else if (c.tagName === 'p') {
        const inl = normalizeInlines(this.inlines(c))
        if (inl.length === 0) continue
        if (citations.length === 0 && recitals.length === 0)
          pre.children.push({type: 'formula', name: 'actingEntity', children: inl})
        else if (recitals.length === 0 && isRecitalsIntroText(plain(inl))) intro = inl
        else enacting.push({type: 'formula', name: 'enactingFormula', children: inl})
      } else {
        this.ctx.warn(
          'formats/unknown-element',
          `unexpected <${c.tagName}${id ? ' id=' + id : ''}> in the preamble: skipped`,
          pointOfEl(c)
        )
      }
    }
    const last = recitals[recitals.length - 1]
    if (enacting.length === 0 && last) {
      const formula = this.formulaInRecital(last)
      if (formula) enacting.push(formula)
    }
    if (citations.length > 0) pre.children.push({type: 'citations', children: citations})
    if (recitals.length > 0 || intro)
      pre.children.push(intro ? {type: 'recitals', intro, children: recitals} : {type: 'recitals', children: recitals})
    pre.children.push(...enacting)
    return pre
  }

  /** The enacting formula run into the end of the last recital's text (a source defect): split off, with a warning. */
  private formulaInRecital(recital: Recital): Formula | undefined {
    const block = recital.children[recital.children.length - 1]
    if (!block || block.type !== 'content') return undefined
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

  private recital(el: HElement): Recital {
    const items = this.tableItems(el)
    const first = items[0]
    if (first && first.type === 'point') {
      return this.at<Recital>({type: 'recital', eId: '', num: first.num, children: first.children}, el)
    }
    // No number cell: the number may be printed at the start of the text, `(17)This …` (a source defect).
    const {num, children} = gluedRecitalNumber(assemble(unitsOfBlocks(this.blocks(el))))
    if (num === undefined) return this.at<Recital>({type: 'recital', eId: '', children}, el)
    this.ctx.warn(
      'formats/glued-number',
      `recital ${num} has its number in its text, not in a number cell: read as its number`,
      pointOfEl(el)
    )
    return this.at<Recital>({type: 'recital', eId: '', num, children}, el)
  }

  private bodyChildren(el: HElement): Array<Division | Article> {
    const out: Array<Division | Article> = []
    for (const c of this.blockChildren(el)) {
      const id = hAttr(c, 'id') ?? ''
      if (/^art_/.test(id)) out.push(this.article(c))
      else if (/^(cpt|tis|prt|sct|sbs)_/.test(id.split('.').pop() ?? '')) out.push(this.division(c))
      else if (c.loose)
        this.ctx.warn(
          'formats/cellar-stray-text',
          `text outside any article: "${clean(textOfEl(c)).slice(0, 60)}": not imported`,
          pointOfEl(c)
        )
      else if (hasClass(c, 'eli-title') || c.tagName === 'p') continue
      else if (c.tagName === 'div') out.push(...this.bodyChildren(c))
    }
    return out
  }

  private division(el: HElement): Division {
    const numEl = elements(el).find((p) => p.tagName === 'p' && hasClass(p, this.prefix + 'ti-section-1'))
    const titleEl = elements(el).find((d) => hasClass(d, 'eli-title'))
    const num = numEl ? plain(this.inlines(numEl)) : ''
    const division: Division = {
      type: 'division',
      eId: '',
      kind: divisionKind(num) ?? 'section',
      num,
      children: this.bodyChildren(el)
    }
    if (titleEl) {
      const h = normalizeInlines(elements(titleEl).flatMap((p) => this.inlines(p)))
      if (h.length > 0) division.heading = h
    }
    return this.at(division, el)
  }

  private article(el: HElement): Article {
    let num = ''
    let heading: Inline[] | undefined
    const parts: Array<Unit | ProvisionContent> = []
    let blocks: Block[] = []
    const flush = (): void => {
      parts.push(...unitsOfBlocks(blocks))
      blocks = []
    }
    for (const c of this.blockChildren(el)) {
      if (c.tagName === 'p' && hasClass(c, this.prefix + 'ti-art')) num = plain(this.inlines(c))
      else if (hasClass(c, 'eli-title')) heading = normalizeInlines(elements(c).flatMap((p) => this.inlines(p)))
      else if (c.tagName === 'div' && PARAGRAPH_ID.test(hAttr(c, 'id') ?? '')) {
        flush()
        parts.push(this.paragraph(c))
      } else if (c.tagName === 'div' && !hAttr(c, 'id')) {
        blocks.push({kind: 'quote', units: unitsOfBlocks(this.blocks(c)), at: positionOfEl(c)})
      } else {
        blocks.push(...this.blocksOf(c))
      }
    }
    flush()
    const article: Article = {type: 'article', eId: '', num, children: assemble(parts)}
    if (heading && heading.length > 0) article.heading = heading
    return this.at(article, el)
  }

  private paragraph(el: HElement): Paragraph | Unit {
    const units = unitsOfBlocks(this.blocks(el))
    const first = units[0]
    const firstBlock = first?.children[0]
    if (first && firstBlock && (firstBlock.type === 'content' || firstBlock.type === 'intro')) {
      const {removed, rest} = stripPrefix(firstBlock.children, PARAGRAPH_NUM)
      if (removed !== '') {
        if (rest.length > 0) firstBlock.children = rest
        else first.children.shift()
        return this.at<Paragraph>(
          {type: 'paragraph', eId: '', num: removed.replace(/[\s\u00a0]+$/, ''), children: assemble(units)},
          el
        )
      }
    }
    return makeUnit(assemble(units), positionOfEl(el))
  }

  // --- blocks -----------------------------------------------------------------------

  /** Blocks of a container: paragraphs, point tables, quoted divs. */
  blocks(el: HElement): Block[] {
    const out: Block[] = []
    let run: Inline[] = []
    const flush = (): void => {
      if (normalizeInlines(run).length > 0) out.push({kind: 'text', inl: run, at: positionOfEl(el)})
      run = []
    }
    for (const node of el.childNodes as HNode[]) {
      if (isTextNode(node)) {
        run.push({type: 'text', value: node.value})
        continue
      }
      if (!isEl(node)) continue
      if (['p', 'table', 'div'].includes(node.tagName)) {
        flush()
        out.push(...this.blocksOf(node))
      } else {
        run.push(...this.inline(node))
      }
    }
    flush()
    return out
  }

  blocksOf(c: HElement): Block[] {
    if (c.tagName === 'p') {
      if (hasClass(c, this.prefix + 'note')) return []
      return [{kind: 'text', inl: this.inlines(c), at: positionOfEl(c)}]
    }
    if (c.tagName === 'table') {
      const quoted = this.quotedTable(c)
      if (quoted) return [quoted]
      return [{kind: 'list', items: this.tableItems(c), at: positionOfEl(c)}]
    }
    if (c.tagName === 'div' && hasClass(c, this.prefix + 'enumeration-spacing'))
      return [{kind: 'list', items: [this.enumeration(c)], at: positionOfEl(c)}]
    if (c.tagName === 'div') return [{kind: 'quote', units: unitsOfBlocks(this.blocks(c)), at: positionOfEl(c)}]
    if (c.tagName === 'hr' || c.tagName === 'col') return []
    this.ctx.warn('formats/unknown-element', `unexpected <${c.tagName}> in the act: kept as text`, pointOfEl(c))
    return [{kind: 'text', inl: this.inlines(c), at: positionOfEl(c)}]
  }

  /** A table of points whose first number opens a quotation (`‘(68)`): quoted text, one unit per row. */
  private quotedTable(table: HElement): Block | undefined {
    const rows = findAll(table, (el) => el.tagName === 'tr', true)
    const cellsOf = (tr: HElement): HElement[] =>
      elements(tr).filter((td) => td.tagName === 'td' && (clean(textOfEl(td)) !== '' || elements(td).length > 0))
    const firstCells = rows[0] ? cellsOf(rows[0]) : []
    if (firstCells.length < 2 || !/^[‘“]/.test(clean(textOfEl(firstCells[firstCells.length - 2]!)))) return undefined
    const units: Unit[] = []
    for (const tr of rows) {
      const cells = cellsOf(tr)
      if (cells.length < 2) continue
      const num = clean(textOfEl(cells[cells.length - 2]!))
      const blocks = this.blocks(cells[cells.length - 1]!)
      const first = blocks[0]
      if (first && first.kind === 'text') first.inl = [{type: 'text', value: num + ' '}, ...first.inl]
      else blocks.unshift({kind: 'text', inl: [{type: 'text', value: num}], at: positionOfEl(tr)})
      units.push(...unitsOfBlocks(blocks))
    }
    return {kind: 'quote', units, at: positionOfEl(table)}
  }

  /** `div.oj-enumeration-spacing`: an inline number paragraph followed by the text (annex points). */
  private enumeration(div: HElement): Item {
    const ps = elements(div)
    const num = clean(ps[0] ? textOfEl(ps[0]) : '')
    const blocks = ps.slice(1).flatMap((p) => this.blocksOf(p))
    return this.at<Point>({type: 'point', eId: '', num, children: assemble(unitsOfBlocks(blocks))}, div)
  }

  /** A layout table of points: each row is [num, text] or [empty, num, text]. */
  tableItems(table: HElement): Item[] {
    const items: Item[] = []
    for (const tr of findAll(table, (el) => el.tagName === 'tr', true)) {
      const cells = elements(tr).filter((td) => td.tagName === 'td')
      const nonEmpty = cells.filter((td) => clean(textOfEl(td)) !== '' || elements(td).length > 0)
      if (nonEmpty.length < 2) {
        if (nonEmpty.length === 1)
          this.ctx.warn(
            'formats/unexpected-table',
            'a one-cell layout table: its text was not placed in the tree',
            pointOfEl(tr)
          )
        continue
      }
      const numCell = nonEmpty[nonEmpty.length - 2]!
      const body = nonEmpty[nonEmpty.length - 1]!
      const num = clean(textOfEl(numCell))
      const children = assemble(unitsOfBlocks(this.blocks(body)))
      if (/^[—–-]$/.test(num) || num === '•') {
        items.push(this.at<Indent>({type: 'indent', eId: '', num: '—', children}, tr))
      } else {
        items.push(this.at<Point>({type: 'point', eId: '', num, children}, tr))
      }
    }
    return items
  }

  // --- annexes and final -------------------------------------------------------------

  private annex(el: HElement): Annex {
    const annex: Annex = {type: 'annex', eId: '', num: '', children: []}
    const titles = elements(el).filter((p) => p.tagName === 'p' && hasClass(p, this.prefix + 'doc-ti'))
    if (titles[0]) annex.num = plain(this.inlines(titles[0]))
    if (titles.length > 1) {
      const h = normalizeInlines(
        titles.slice(1).flatMap((p, i) => [...(i > 0 ? [{type: 'text' as const, value: ' '}] : []), ...this.inlines(p)])
      )
      if (h.length > 0) annex.heading = h
    }
    annex.children = annexChildren(this.freeFlow(el, titles))
    return this.at(annex, el)
  }

  private freeFlow(el: HElement, skip: HElement[]): Annex['children'] {
    const out: Annex['children'] = []
    const kids = elements(el).filter((c) => !skip.includes(c))
    kids.forEach((c, i) => {
      const cls = classes(c).find((x) => x.startsWith(this.prefix + 'ti-grseq-'))
      if (c.tagName === 'p' && cls) {
        out.push(
          this.at<Heading>(
            {
              type: 'heading',
              depth: Number(cls.slice((this.prefix + 'ti-grseq-').length)) || 1,
              children: normalizeInlines(this.inlines(c))
            },
            c
          )
        )
      } else if (c.tagName === 'p') {
        if (hasClass(c, this.prefix + 'note')) return
        const inl = normalizeInlines(this.inlines(c))
        if (inl.length === 0) return
        const next = kids[i + 1]
        const intro = next !== undefined && next.tagName === 'table' && this.tableItems(next).length > 0
        out.push(this.at({type: intro ? 'intro' : 'content', children: inl} as ProvisionContent, c))
      } else if (c.tagName === 'table') {
        out.push(...this.tableItems(c))
      } else if (c.tagName === 'div' && hasClass(c, this.prefix + 'enumeration-spacing')) {
        out.push(this.enumeration(c))
      } else if (c.tagName === 'div') {
        out.push(...this.freeFlow(c, []))
      } else if (c.tagName !== 'hr') {
        this.ctx.warn('formats/unknown-element', `unexpected <${c.tagName}> in an annex: kept as text`, pointOfEl(c))
        const inl = normalizeInlines(this.inlines(c))
        if (inl.length > 0) out.push({type: 'content', children: inl})
      }
    })
    return out
  }

  private final(el: HElement) {
    const blocks: Parameters<typeof conclusionsOf>[0] = []
    const visit = (node: HElement): void => {
      for (const c of elements(node)) {
        if (hasClass(c, this.prefix + 'signatory') && c.tagName === 'div') {
          const lines = joinLines(elements(c).map((p) => normalizeInlines(this.inlines(p))))
          blocks.push({inlines: lines, signature: true, position: positionOfEl(c)})
        } else if (c.tagName === 'p') blocks.push({inlines: this.inlines(c), position: positionOfEl(c)})
        else if (c.tagName === 'div') visit(c)
      }
    }
    visit(el)
    return conclusionsOf(blocks)
  }

  // --- inline -------------------------------------------------------------------

  inlines(el: HElement): Inline[] {
    const out: Inline[] = []
    for (const node of el.childNodes as HNode[]) {
      if (isTextNode(node)) out.push({type: 'text', value: node.value})
      else if (isEl(node)) {
        const inl = this.inline(node)
        if (inl[0]?.type === 'authorialNote') trimTrailingSpace(out)
        out.push(...inl)
      }
    }
    return out
  }

  private inline(el: HElement): Inline[] {
    const id = hAttr(el, 'id') ?? ''
    if (el.tagName === 'a' && id.startsWith('ntc')) {
      const marker = clean(textOfEl(findFirst(el, (s) => hasClass(s, this.prefix + 'super')) ?? el)).replace(
        /^\(|\)$/g,
        ''
      )
      const note = this.notes.get(id.slice(3))
      const children: Inline[] = []
      if (note) {
        for (const node of note.childNodes as HNode[]) {
          if (isEl(node) && node.tagName === 'a' && (hAttr(node, 'id') ?? '').startsWith('ntr')) continue
          if (isTextNode(node)) children.push({type: 'text', value: node.value})
          else if (isEl(node)) children.push(...this.inline(node))
        }
      }
      return [{type: 'authorialNote', marker, children: normalizeInlines(children)}]
    }
    if (hasClass(el, this.prefix + 'italic') || el.tagName === 'i' || el.tagName === 'em')
      return [{type: 'emphasis', children: this.inlines(el)}]
    if (hasClass(el, this.prefix + 'bold') || el.tagName === 'b' || el.tagName === 'strong')
      return [{type: 'strong', children: this.inlines(el)}]
    if (el.tagName === 'br') return [{type: 'break'}]
    if (el.tagName === 'p' || el.tagName === 'div')
      return [{type: 'text', value: ' '}, ...this.inlines(el), {type: 'text', value: ' '}]
    if (el.tagName === 'table') {
      this.ctx.warn('formats/unknown-element', 'a table inside running text: kept as text', pointOfEl(el))
      return [{type: 'text', value: ' ' + textOfEl(el) + ' '}]
    }
    return this.inlines(el)
  }

  /** Element children, with loose text (left by malformed nesting) as paragraphs, reported. */
  private blockChildren(el: HElement): HElement[] {
    const out = blockChildren(el)
    for (const c of out) {
      if (c.loose)
        this.ctx.warn(
          'formats/html-malformed-nesting',
          `text outside any paragraph element: "${clean(textOfEl(c)).slice(0, 60)}": kept as a paragraph`,
          pointOfEl(c)
        )
    }
    return out
  }

  private at<T extends {position?: unknown}>(node: T, el: HElement): T {
    const position = positionOfEl(el)
    if (position) (node as {position?: unknown}).position = position
    return node
  }
}
