/**
 * Formex 4 / 6 (Official Journal XML) → redlex tree: `ACT` (with its
 * separate `ANNEX` files), `CONS.ACT` (consolidated text) and a lone `ANNEX`.
 *
 * Quoted structures (`QUOT.S`, the text an amending provision inserts) have
 * no node type in the tree: each quoted block becomes its own unnumbered
 * unit of the amending provision, its number and quotes kept as printed
 * (see docs/formats.md).
 */
import type {
  Annex,
  Article,
  Citation,
  Content,
  Intro,
  Division,
  Document,
  Heading,
  Indent,
  Inline,
  Paragraph,
  Point,
  Preamble,
  ProvisionContent,
  Recital,
  Table,
  TableCell,
  TableRow
} from '@redlex/tree'
import {ImportContext} from './context.js'
import type {ImportOptions} from './context.js'
import {finishDocument} from './finish.js'
import {warnIfNoProvisions} from './numbering.js'
import {
  annexChildren,
  assemble,
  conclusionsOf,
  divisionKind,
  gluedRecitalNumber,
  isRecitalsIntroText,
  makeUnit,
  titleLines,
  unitsOfBlocks
} from './structure.js'
import type {Block, Item, Unit} from './structure.js'
import {joinLines, normalizeInlines, plain} from './text.js'
import {
  attr,
  childElements,
  childNodes,
  firstChild,
  isElement,
  isText,
  nameOf,
  parseXml,
  pointOf,
  positionOf,
  textContent,
  nodeValue
} from './xml.js'
import type {Element} from './xml.js'

export interface FormexOptions extends ImportOptions {
  /** The XML texts of the act's separate ANNEX files, in order. */
  annexes?: readonly string[]
  /** File names of those annexes, for messages (same order). */
  annexFiles?: readonly string[]
  /** Run @redlex/tree `linkReferences` on the result when available (default true). */
  linkReferences?: boolean
}

/** Parse a Formex `ACT`, `CONS.ACT` or `ANNEX` (plus separate annex files) into a redlex document. */
export function fromFormex(xml: string, options?: Readonly<FormexOptions> | null): Document {
  return readFormex(xml, new ImportContext(options), options ?? {})
}

export function readFormex(xml: string, ctx: ImportContext, options: Readonly<FormexOptions>): Document {
  const root = parseXml(xml, ctx.file, (code, message, place) => ctx.warn(code, message, place))
  const reader = new FormexReader(ctx)
  const rootName = nameOf(root)
  let doc: Document
  if (rootName === 'ACT') doc = reader.act(root)
  else if (rootName === 'CONS.ACT') {
    const consDoc = firstChild(root, 'CONS.DOC')
    if (!consDoc) throw ctx.error('formats/formex-structure', 'CONS.ACT without CONS.DOC', {place: pointOf(root)})
    doc = reader.act(consDoc)
  } else if (rootName === 'ANNEX' || rootName === 'CONS.ANNEX') {
    doc = {type: 'document', kind: 'regulation', stage: 'act', children: [reader.annex(root)]}
  } else {
    const hint =
      rootName === 'DOC'
        ? 'This is the Formex metadata file (.doc.xml); import the act file (…000101…xml) instead'
        : rootName === 'CORR'
          ? 'This is a corrigendum: use parseCorrigendum()'
          : 'Give a Formex ACT, CONS.ACT, ANNEX or CONS.ANNEX file'
    throw ctx.error('formats/formex-unsupported', `unsupported Formex document <${root.name}>`, {
      place: pointOf(root),
      actual: root.name,
      expected: ['ACT', 'CONS.ACT', 'ANNEX', 'CONS.ANNEX'],
      hint
    })
  }
  const annexTexts = options.annexes ?? []
  annexTexts.forEach((text, i) => {
    const file = options.annexFiles?.[i] ?? (ctx.file !== undefined ? `${ctx.file} (annex ${i + 1})` : `annex ${i + 1}`)
    const sub = new ImportContext({file, lenient: ctx.lenient})
    const annexRoot = parseXml(text, file, (code, message, place) => sub.warn(code, message, place))
    if (nameOf(annexRoot) !== 'ANNEX' && nameOf(annexRoot) !== 'CONS.ANNEX') {
      throw sub.error('formats/formex-unsupported', `annex file ${i + 1} is <${annexRoot.name}>, not <ANNEX>`, {
        place: pointOf(annexRoot),
        actual: annexRoot.name,
        expected: ['ANNEX', 'CONS.ANNEX']
      })
    }
    doc.children.push(new FormexReader(sub).annex(annexRoot))
    ctx.warnings.push(...sub.warnings)
  })
  if (rootName !== 'ANNEX' && rootName !== 'CONS.ANNEX') warnIfNoProvisions(doc, ctx)
  return finishDocument(doc, options.linkReferences === false ? {linkReferences: false} : {})
}

const INLINE_TRANSPARENT = new Set([
  'DATE',
  'REF.DOC.OJ',
  'REF.DOC',
  'REF.DOC.ECR',
  'FT',
  'IE',
  'LINK',
  'URI',
  'ABBR',
  'ACRONYM',
  'ADDR.S',
  'EXPONENT',
  'INF',
  'SUP',
  'SUB',
  'QUOT.INLINE',
  'INCL.ELEMENT',
  'DLIST.ITEM',
  'TERM',
  'PERIOD',
  'TIME',
  'REF.NO.OJ',
  'NO.DOC.C',
  'REF.ECR',
  'REF.CASE',
  'CASE',
  'HT',
  'CHAR',
  'SPAN',
  'MARKER',
  'WHEN',
  'NOTCOL',
  'REF.BIB.RECORD',
  'NO.CELEX'
])

export class FormexReader {
  private notes = 0
  constructor(private readonly ctx: ImportContext) {}

  act(el: Element): Document {
    const children: Document['children'] = []
    let kind: Document['kind'] = 'regulation'
    for (const c of childElements(el)) {
      switch (nameOf(c)) {
        case 'BIB.INSTANCE':
        case 'BIB.INSTANCE.CONS':
        case 'FAM.COMP':
        case 'INFO.CONSLEG':
        case 'INFO.PROD':
          break
        case 'TITLE': {
          const ti = firstChild(c, 'TI') ?? c
          const t = titleLines(childElements(ti).map((p) => this.inlines(p)))
          children.push(t.preface)
          kind = t.kind
          break
        }
        case 'PREAMBLE': {
          const preamble = this.preamble(c)
          if (preamble.children.length > 0) children.push(preamble)
          break
        }
        case 'ENACTING.TERMS':
          children.push({type: 'body', children: this.bodyChildren(c)})
          break
        case 'FINAL': {
          const con = this.final(c)
          if (con) children.push(con)
          break
        }
        case 'ANNEX':
        case 'CONS.ANNEX': // a consolidated text keeps its annexes inline in CONS.DOC
          children.push(this.annex(c))
          break
        default:
          this.unknown(c, nameOf(el))
      }
    }
    return {type: 'document', kind, stage: 'act', children}
  }

  private preamble(el: Element): Preamble {
    const pre: Preamble = {type: 'preamble', children: []}
    for (const c of childElements(el)) {
      const n = nameOf(c)
      if (n === 'PREAMBLE.INIT' || n === 'PREAMBLE.FINAL') {
        const words = this.flat(c)
        // Consolidated texts keep the two formulas as empty elements.
        if (words.length > 0)
          pre.children.push({
            type: 'formula',
            name: n === 'PREAMBLE.INIT' ? 'actingEntity' : 'enactingFormula',
            children: words
          })
      } else if (n === 'GR.VISA') {
        const citations: Citation[] = []
        for (const v of childElements(c)) {
          if (nameOf(v) !== 'VISA') {
            this.unknown(v, 'GR.VISA')
            continue
          }
          const citation: Citation = {type: 'citation', eId: '', children: [{type: 'content', children: this.flat(v)}]}
          citations.push(this.at(citation, v))
        }
        pre.children.push({type: 'citations', children: citations})
      } else if (n === 'GR.CONSID') {
        const recitals: Recital[] = []
        let intro: Inline[] | undefined
        for (const r of childElements(c)) {
          if (nameOf(r) === 'GR.CONSID.INIT') intro = this.flat(r)
          else if (nameOf(r) === 'CONSID' && recitals.length === 0 && intro === undefined && isRecitalsIntro(r)) {
            // `<CONSID><P>Whereas:</P></CONSID>`: some acts put the introduction in a recital of its own.
            intro = this.flatBlocks(r)
          } else if (nameOf(r) === 'CONSID') recitals.push(this.recital(r))
          else this.unknown(r, 'GR.CONSID')
        }
        pre.children.push(
          intro && intro.length > 0
            ? {type: 'recitals', intro, children: recitals}
            : {type: 'recitals', children: recitals}
        )
      } else {
        this.unknown(c, 'PREAMBLE')
      }
    }
    return pre
  }

  private recital(el: Element): Recital {
    const np = firstChild(el, 'NP')
    const built = np ? this.numbered(np) : gluedRecitalNumber(assemble(this.units(el)))
    if (!np && built.num !== undefined) {
      this.ctx.warn(
        'formats/glued-number',
        `recital ${built.num} has its number in its text, not in <NO.P>: read as its number`,
        pointOf(el)
      )
    }
    const recital: Recital = {type: 'recital', eId: '', children: built.children}
    if (built.num !== undefined) recital.num = built.num
    return this.at(recital, el)
  }

  private bodyChildren(el: Element): Array<Division | Article> {
    const out: Array<Division | Article> = []
    for (const c of childElements(el)) {
      const n = nameOf(c)
      if (n === 'ARTICLE') out.push(this.article(c))
      else if (n === 'DIVISION') out.push(this.division(c))
      else if (n === 'TITLE') continue
      else this.unknown(c, nameOf(el))
    }
    return out
  }

  private division(el: Element): Division {
    const title = firstChild(el, 'TITLE')
    const ti = title ? firstChild(title, 'TI') : undefined
    const sti = title ? firstChild(title, 'STI') : undefined
    const num = ti ? plain(this.flat(ti)) : ''
    const division: Division = {
      type: 'division',
      eId: '',
      kind: divisionKind(num) ?? 'section',
      num,
      children: this.bodyChildren(el)
    }
    if (sti) {
      const h = this.flat(sti)
      if (h.length > 0) division.heading = h
    }
    return this.at(division, el)
  }

  private article(el: Element): Article {
    let num = ''
    let heading: Inline[] | undefined
    const parts: Array<Unit | ProvisionContent> = []
    for (const c of childElements(el)) {
      const n = nameOf(c)
      if (n === 'TI.ART') num = plain(this.flat(c))
      else if (n === 'STI.ART') heading = this.flat(c)
      else if (n === 'PARAG') parts.push(this.paragraph(c))
      else if (n === 'ALINEA') parts.push(...this.units(c))
      else parts.push(...this.units(c, true))
    }
    const article: Article = {type: 'article', eId: '', num, children: assemble(parts)}
    if (heading && heading.length > 0) article.heading = heading
    return this.at(article, el)
  }

  private paragraph(el: Element): Paragraph | Unit {
    let num: string | undefined
    const parts: Array<Unit | ProvisionContent> = []
    for (const c of childElements(el)) {
      if (nameOf(c) === 'NO.PARAG') num = plain(this.flat(c))
      else if (nameOf(c) === 'ALINEA') parts.push(...this.units(c))
      else parts.push(...this.units(c, true))
    }
    if (num === undefined || num === '') return makeUnit(assemble(parts), positionOf(el))
    return this.at<Paragraph>({type: 'paragraph', eId: '', num, children: assemble(parts)}, el)
  }

  /** NP (`NO.P` + `TXT` + `P`…) → number and children. */
  private numbered(np: Element): {num: string | undefined; children: ProvisionContent[]} {
    let num: string | undefined
    const rest: Element[] = []
    for (const c of childElements(np)) {
      if (nameOf(c) === 'NO.P' && num === undefined) num = plain(this.flat(c))
      else rest.push(c)
    }
    return {num, children: assemble(unitsOfBlocks(rest.flatMap((c) => this.blocks(c))))}
  }

  private item(el: Element, listType: string): Item {
    const np = firstChild(el, 'NP')
    let num: string | undefined
    let children: ProvisionContent[]
    if (np && childElements(el).length === 1) {
      const built = this.numbered(np)
      num = built.num
      children = built.children
    } else {
      children = assemble(
        unitsOfBlocks(
          childElements(el).flatMap((c) =>
            nameOf(c) === 'NP'
              ? this.numberedBlocks(c, (n) => {
                  num = n
                })
              : this.blocks(c)
          )
        )
      )
    }
    const dash = listType === 'DASH' || listType === 'BULLET' || (num !== undefined && /^[—–-]$/.test(num.trim()))
    if (dash && (num === undefined || /^[—–•-]?$/.test(num.trim()))) {
      const indent: Indent = {type: 'indent', eId: '', num: '—', children}
      return this.at(indent, el)
    }
    const point: Point = {type: 'point', eId: '', num: num ?? '', children}
    return this.at(point, el)
  }

  private numberedBlocks(np: Element, setNum: (n: string) => void): Block[] {
    const out: Block[] = []
    for (const c of childElements(np)) {
      if (nameOf(c) === 'NO.P') setNum(plain(this.flat(c)))
      else out.push(...this.blocks(c))
    }
    return out
  }

  private list(el: Element): Item[] {
    const type = attr(el, 'TYPE') ?? ''
    const items: Item[] = []
    for (const c of childElements(el)) {
      if (nameOf(c) === 'ITEM') items.push(this.item(c, type))
      else this.unknown(c, 'LIST')
    }
    return items
  }

  // --- blocks and units ---------------------------------------------------------------

  /** Units of a container such as ALINEA (each text block is a unit; a list joins the text before it). */
  private units(el: Element, unknownContainer = false): Unit[] {
    if (unknownContainer && !['P', 'LIST', 'TBL', 'QUOT.S', 'NP', 'GR.SEQ'].includes(nameOf(el))) {
      this.ctx.warn('formats/unknown-element', `unknown Formex element <${el.name}>: kept as text`, pointOf(el))
    }
    return unitsOfBlocks(this.blocks(el))
  }

  /** Split mixed content into text runs, lists, tables and quoted structures. */
  private blocks(el: Element): Block[] {
    const out: Block[] = []
    let run: Inline[] = []
    const flush = (): void => {
      if (run.length > 0) out.push({kind: 'text', inl: run, at: positionOf(el)})
      run = []
    }
    for (const node of childNodes(el)) {
      if (isText(node)) {
        run.push({type: 'text', value: nodeValue(node)})
        continue
      }
      if (!isElement(node)) continue
      const n = nameOf(node)
      if (n === 'P' || n === 'TXT' || n === 'ALINEA') {
        flush()
        out.push(...this.blocks(node))
      } else if (n === 'LIST') {
        flush()
        out.push({kind: 'list', items: this.list(node), at: positionOf(node)})
      } else if (n === 'QUOT.S') {
        flush()
        out.push({kind: 'quote', units: this.quoted(node), at: positionOf(node)})
      } else if (n === 'TBL') {
        flush()
        out.push({kind: 'table', table: this.table(node), at: positionOf(node)})
      } else if (n === 'NP') {
        flush()
        out.push(...this.numberedAsText(node))
      } else if (n === 'PARAG') {
        flush()
        out.push(...this.quotedParag(node))
      } else if (n === 'GR.SEQ') {
        flush()
        out.push(...this.blocks(node))
      } else if (n === 'TITLE' || n === 'TI' || n === 'STI') {
        flush()
        out.push(...this.blocks(node))
      } else {
        run.push(...this.inline(node))
      }
    }
    flush()
    return out
  }

  /** A quoted structure: each block becomes a unit; numbers are kept at the start of the text. */
  quoted(el: Element): Unit[] {
    const units: Unit[] = []
    for (const c of childElements(el)) {
      const n = nameOf(c)
      if (n === 'PARAG') units.push(...unitsOfBlocks(this.quotedParag(c)))
      else if (n === 'LIST') {
        for (const item of childElements(c)) {
          const np = firstChild(item, 'NP')
          units.push(...unitsOfBlocks(np ? this.numberedAsText(np) : this.blocks(item)))
        }
      } else if (n === 'ARTICLE') {
        for (const a of childElements(c)) {
          if (nameOf(a) === 'PARAG') units.push(...unitsOfBlocks(this.quotedParag(a)))
          else units.push(...unitsOfBlocks(this.blocks(a)))
        }
      } else units.push(...unitsOfBlocks(this.blocks(c)))
    }
    return units
  }

  /** A PARAG inside a quotation: its number prefixed to the first text. */
  private quotedParag(el: Element): Block[] {
    return this.withNumberInText(el, 'NO.PARAG')
  }

  /** An NP outside a list (quotations, annexes): number and text as one text block. */
  private numberedAsText(np: Element): Block[] {
    return this.withNumberInText(np, 'NO.P')
  }

  /** The blocks of an element whose number (child `numberTag`) starts its first text block. */
  private withNumberInText(el: Element, numberTag: string): Block[] {
    const num = firstChild(el, numberTag)
    const blocks = childElements(el)
      .filter((c) => c !== num)
      .flatMap((c) => this.blocks(c))
    if (num) {
      const first = blocks[0]
      const n = this.inlines(num)
      if (first && first.kind === 'text') first.inl = [...n, {type: 'text', value: ' '}, ...first.inl]
      else blocks.unshift({kind: 'text', inl: n, at: positionOf(num)})
    }
    return blocks
  }

  private table(el: Element): Table {
    const rows: TableRow[] = []
    const visit = (node: Element): void => {
      for (const c of childElements(node)) {
        const n = nameOf(c)
        if (n === 'ROW') {
          const cells: TableCell[] = childElements(c)
            .filter((x) => nameOf(x) === 'CELL')
            .map((cell) => ({type: 'tableCell', children: this.flatBlocks(cell)}))
          rows.push({type: 'tableRow', children: cells})
        } else if (n === 'CORPUS' || n === 'BLK' || n === 'GR.ROW') visit(c)
      }
    }
    visit(el)
    return this.at<Table>({type: 'table', children: rows}, el)
  }

  // --- annexes ---------------------------------------------------------------------

  annex(el: Element): Annex {
    const annex: Annex = {type: 'annex', eId: '', num: '', children: []}
    for (const c of childElements(el)) {
      const n = nameOf(c)
      if (n === 'BIB.INSTANCE') continue
      if (n === 'TITLE') {
        const ti = firstChild(c, 'TI')
        const sti = firstChild(c, 'STI')
        const tiPs = ti ? childElements(ti).filter((p) => nameOf(p) === 'P') : []
        if (ti && tiPs.length > 1 && !sti) {
          // `ANNEX X` and its title as two lines of TI.
          annex.num = plain(this.flat(tiPs[0]!))
          const h = normalizeInlines(
            tiPs
              .slice(1)
              .flatMap((p, i) => [...(i > 0 ? [{type: 'text' as const, value: ' '}] : []), ...this.inlines(p)])
          )
          if (h.length > 0) annex.heading = h
        } else if (ti) annex.num = plain(this.flatBlocks(ti))
        if (sti) {
          const h = this.flatBlocks(sti)
          if (h.length > 0) annex.heading = h
        }
      } else if (n === 'CONTENTS') {
        annex.children = annexChildren(this.freeFlow(c, 1))
      } else {
        this.unknown(c, 'ANNEX')
      }
    }
    return this.at(annex, el)
  }

  private freeFlow(el: Element, depth: number): Annex['children'] {
    const out: Annex['children'] = []
    const kids = childElements(el)
    kids.forEach((c, i) => {
      const n = nameOf(c)
      const next = kids[i + 1]
      if (n === 'GR.SEQ') {
        const title = firstChild(c, 'TITLE')
        if (title) {
          for (const t of childElements(title)) {
            const h = this.flatBlocks(t)
            if (h.length > 0) out.push(this.at<Heading>({type: 'heading', depth, children: h}, t))
          }
        }
        out.push(...this.freeFlow(c, depth + 1))
      } else if (n === 'TITLE') {
        return
      } else if (n === 'LIST') {
        out.push(...this.list(c))
      } else if (n === 'NP') {
        const built = this.numbered(c)
        out.push(this.at<Point>({type: 'point', eId: '', num: built.num ?? '', children: built.children}, c))
      } else if (n === 'TBL') {
        out.push(this.table(c))
      } else {
        const blocks = this.blocks(c)
        const textOnly = blocks.every((b) => b.kind === 'text')
        for (const b of blocks) {
          if (b.kind === 'text') {
            const inl = normalizeInlines(b.inl)
            if (inl.length === 0) continue
            const intro = textOnly && b === blocks[blocks.length - 1] && next !== undefined && nameOf(next) === 'LIST'
            const block: Content | Intro = {type: intro ? 'intro' : 'content', children: inl}
            if (b.at) block.position = b.at
            out.push(block)
          } else if (b.kind === 'list') {
            const prev = out[out.length - 1]
            if (prev && prev.type === 'content') (prev as {type: string}).type = 'intro'
            out.push(...b.items)
          } else if (b.kind === 'table') out.push(b.table)
          else for (const u of b.units) out.push(...u.children)
        }
      }
    })
    return out
  }

  // --- final -------------------------------------------------------------------

  private final(el: Element) {
    const blocks: Parameters<typeof conclusionsOf>[0] = []
    const visit = (node: Element): void => {
      for (const c of childElements(node)) {
        const n = nameOf(c)
        if (n === 'P') blocks.push({inlines: this.inlines(c), position: positionOf(c)})
        else if (n === 'SIGNATURE' || n === 'PL.DATE') visit(c)
        else if (n === 'SIGNATORY') blocks.push({inlines: this.lines(c), signature: true, position: positionOf(c)})
        else this.unknown(c, 'FINAL')
      }
    }
    visit(el)
    return conclusionsOf(blocks)
  }

  private lines(el: Element): Inline[] {
    return joinLines(childElements(el).map((p) => normalizeInlines(this.inlines(p))))
  }

  // --- inline -------------------------------------------------------------------

  /** Inline content of an element whose text is one block. */
  flat(el: Element): Inline[] {
    return normalizeInlines(this.inlines(el))
  }

  /** Inline content of an element made of several P blocks (joined by a space). */
  private flatBlocks(el: Element): Inline[] {
    const ps = childElements(el)
    if (ps.some((p) => nameOf(p) === 'NP')) {
      const out: Inline[] = []
      for (const b of this.blocks(el)) {
        if (b.kind !== 'text') continue
        if (out.length > 0) out.push({type: 'text', value: ' '})
        out.push(...b.inl)
      }
      return normalizeInlines(out)
    }
    if (ps.length > 0 && ps.every((p) => nameOf(p) === 'P')) {
      const out: Inline[] = []
      for (const p of ps) {
        const inl = normalizeInlines(this.inlines(p))
        if (inl.length === 0) continue
        if (out.length > 0) out.push({type: 'text', value: ' '})
        out.push(...inl)
      }
      return normalizeInlines(out)
    }
    return this.flat(el)
  }

  inlines(el: Element): Inline[] {
    const out: Inline[] = []
    for (const node of childNodes(el)) {
      if (isText(node)) out.push({type: 'text', value: nodeValue(node)})
      else if (isElement(node)) out.push(...this.inline(node))
    }
    return out
  }

  private inline(el: Element): Inline[] {
    const n = nameOf(el)
    switch (n) {
      case 'HT': {
        const type = attr(el, 'TYPE') ?? ''
        if (type === 'ITALIC') return [{type: 'emphasis', children: this.inlines(el)}]
        if (type === 'BOLD') return [{type: 'strong', children: this.inlines(el)}]
        if (type === 'UC') return upper(this.inlines(el))
        return this.inlines(el)
      }
      case 'NOTE': {
        const numbering = attr(el, 'NUMBERING') ?? 'ARAB'
        let marker: string
        if (numbering === 'ARAB') marker = String(++this.notes)
        else marker = attr(el, 'NUMBER.ORG') ?? '*'
        const out: Inline[] = []
        for (const p of childElements(el)) {
          const inl = normalizeInlines(this.inlines(p))
          if (inl.length === 0) continue
          if (out.length > 0) out.push({type: 'break'})
          out.push(...inl)
        }
        return [{type: 'authorialNote', marker, children: out}]
      }
      case 'QUOT.START':
      case 'QUOT.END': {
        const code = attr(el, 'CODE')
        const ch = code ? String.fromCodePoint(parseInt(code, 16)) : n === 'QUOT.START' ? '‘' : '’'
        return [{type: 'text', value: ch}]
      }
      case 'BR':
        return [{type: 'break'}]
      case 'FT': {
        // OJ prints long numbers in groups of three separated by no-break spaces (35 000 000).
        const value = textContent(el)
        if (attr(el, 'TYPE') === 'NUMBER' && /^\d{5,}$/.test(value))
          return [{type: 'text', value: value.replace(/\B(?=(\d{3})+$)/g, '\u00a0')}]
        return this.inlines(el)
      }
      case 'P':
      case 'TXT':
      case 'ALINEA':
        return [{type: 'text', value: ' '}, ...this.inlines(el), {type: 'text', value: ' '}]
      default:
        if (INLINE_TRANSPARENT.has(n)) return this.inlines(el)
        this.ctx.warn(
          'formats/unknown-element',
          `unknown Formex element <${el.name}> in text: kept as text`,
          pointOf(el)
        )
        return [{type: 'text', value: textContent(el)}]
    }
  }

  private unknown(el: Element, where: string): void {
    this.ctx.warn(
      'formats/unknown-element',
      `unknown Formex element <${el.name}> in ${where}: ${textContent(el).trim() === '' ? 'skipped (no text)' : 'its text was not placed in the tree'}`,
      pointOf(el)
    )
  }

  private at<T extends {position?: unknown}>(node: T, el: Element): T {
    const position = positionOf(el)
    if (position) (node as {position?: unknown}).position = position
    return node
  }
}

/** A `CONSID` that holds nothing but `Whereas:` (no number): the recitals' introduction. */
function isRecitalsIntro(el: Element): boolean {
  return !firstChild(el, 'NP') && isRecitalsIntroText(textContent(el))
}

function upper(nodes: Inline[]): Inline[] {
  return nodes.map((n) => {
    if (n.type === 'text') return {...n, value: n.value.toUpperCase()}
    if ('children' in n && n.type !== 'authorialNote') return {...n, children: upper(n.children)} as Inline
    return n
  })
}
