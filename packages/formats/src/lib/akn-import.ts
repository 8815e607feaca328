/**
 * Akoma Ntoso 3.0 / AKN4EU (LEOS) → redlex tree.
 *
 * eIds are always recomputed with `assignEids` (the project's convention);
 * a source identifier that differs (a LEOS `xml:id` such as `akn_art_B6BGPx`,
 * or a non-conforming `eId` such as `chp_I__art_2`) is kept in
 * `node.data.aknId`, and `ref`s pointing at it are resolved to the new eId.
 */
import type {
  Annex,
  Article,
  Citation,
  Content,
  FormulaName,
  Intro,
  Subparagraph,
  WrapUp,
  Citations,
  Division,
  Document,
  Formula,
  Heading,
  Indent,
  Inline,
  Paragraph,
  Point,
  Preamble,
  Preface,
  ProvisionContent,
  Recital,
  Recitals,
  Table,
  TableCell,
  TableRow,
  TitleLine
} from '@redlex/tree'
import {ImportContext} from './context.js'
import type {ImportOptions} from './context.js'
import {finishDocument, setData} from './finish.js'
import {warnIfNoProvisions} from './numbering.js'
import {
  assemble,
  conclusionsOf,
  divisionKind,
  isRecitalsIntroText,
  makeUnit,
  titleLines,
  unitChildren
} from './structure.js'
import type {Item, Unit} from './structure.js'
import {joinLines, normalizeInlines, plain} from './text.js'
import {
  attr,
  attrNS,
  childElements,
  childNodes,
  descendants,
  firstChild,
  isElement,
  isText,
  nameOf,
  parseXml,
  pointOf,
  positionOf,
  textContent,
  nodeValue,
  wrapperElement
} from './xml.js'
import type {Element, XmlNode} from './xml.js'

export const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'
/** AKN 3.0 and the namespaces of its drafts and of AKN 2.0, which files in the wild still use. */
const AKN_NAMESPACE =
  /^http:\/\/(?:docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0(?:\/[\w-]+)?|www\.akomantoso\.org\/[23]\.0)$/

function isAkn(el: Element): boolean {
  return AKN_NAMESPACE.test(el.namespaceURI ?? '')
}
/** Namespace of the few attributes redlex adds to AKN to round-trip its tree exactly. */
export const REDLEX_NS = 'urn:redlex:akn'

export interface AknImportOptions extends ImportOptions {
  /** Run @redlex/tree `linkReferences` on the result when available (default true). */
  linkReferences?: boolean
}

/** Parse Akoma Ntoso XML (3.0, AKN4EU, LEOS) into a redlex document. */
export function fromAkn(xml: string, options?: Readonly<AknImportOptions> | null): Document {
  return readAkn(xml, new ImportContext(options), options?.linkReferences)
}

/** As {@link fromAkn}, collecting warnings in `context`. */
export function readAkn(xml: string, context: ImportContext, linkReferences?: boolean): Document {
  const root = parseXml(xml, context.file, (code, message, place) => context.warn(code, message, place))
  if (nameOf(root) !== 'akomaNtoso') {
    throw context.error('formats/not-akn', `not an Akoma Ntoso document: the root element is <${root.name}>`, {
      place: pointOf(root),
      actual: root.name,
      expected: ['akomaNtoso'],
      hint: 'Give an AKN file whose root is <akomaNtoso>'
    })
  }
  const main = childElements(root)[0]
  if (!main)
    throw context.error('formats/akn-empty', 'the <akomaNtoso> element has no document inside', {place: pointOf(root)})
  const reader = new AknReader(context)
  const doc = reader.document(main)
  warnIfNoProvisions(doc, context)
  return finishDocument(doc, linkReferences === false ? {linkReferences: false} : {})
}

const TRANSPARENT = new Set([
  'span',
  'date',
  'location',
  'docketNumber',
  'term',
  'def',
  'inline',
  'organization',
  'person',
  'role',
  'entity',
  'concept',
  'object',
  'event',
  'process',
  'shortTitle',
  'docTitle',
  'docNumber',
  'docProponent',
  'docStatus',
  'docJurisdiction',
  'docCommittee',
  'docIntroducer',
  'docAuthority',
  'legislature',
  'session',
  'quantity',
  'mref',
  'rref',
  'mod',
  'ins',
  'del',
  'sup',
  'sub',
  'u',
  'abbr',
  'affectedDocument',
  'relatedDocument',
  'signature',
  'courtType',
  'neutralCitation',
  'argument',
  'fillIn',
  'omissis',
  'decoration',
  'recordedTime',
  'vote',
  'outcome',
  'time'
])

const FORMULAS = new Set(['actingEntity', 'enactingFormula', 'bindingForce', 'doneAt'])
const HIER_DIVISIONS = new Set(['part', 'title', 'chapter', 'section', 'subsection'])

class AknReader {
  private notes = 0
  constructor(private readonly ctx: ImportContext) {}

  document(main: Element): Document {
    const name = attr(main, 'name') ?? ''
    const children: Document['children'] = []
    let kind: Document['kind'] | undefined = /^dir/i.test(name)
      ? 'directive'
      : /^dec/i.test(name)
        ? 'decision'
        : /^reg/i.test(name)
          ? 'regulation'
          : undefined
    let stage: Document['stage'] = nameOf(main) === 'bill' ? 'proposal' : 'act'
    const redlexStage = attrNS(main, REDLEX_NS, 'stage')
    if (redlexStage === 'proposal' || redlexStage === 'act') stage = redlexStage
    const annexes: Annex[] = []
    const pendingFormulas: Formula[] = []
    for (const el of childElements(main)) {
      switch (nameOf(el)) {
        case 'meta':
        case 'coverPage':
          break
        case 'preface': {
          const preface = this.preface(el)
          if (preface.preface.children.length > 0) children.push(preface.preface)
          kind ??= preface.kind
          break
        }
        case 'preamble':
          children.push(this.preamble(el))
          break
        case 'body':
        case 'mainBody': {
          const body = {type: 'body' as const, children: this.bodyChildren(el)}
          children.push(body)
          // AKN4EU puts the compulsory-character sentence in body/clause.
          for (const clause of childElements(el).filter((c) => nameOf(c) === 'clause')) {
            const inl = normalizeInlines(
              this.blockInlines(descendants(clause).find((c) => nameOf(c) === 'content') ?? clause)
            )
            if (inl.length > 0)
              pendingFormulas.push(this.at<Formula>({type: 'formula', name: 'bindingForce', children: inl}, clause))
          }
          break
        }
        case 'conclusions': {
          const c = this.conclusions(el)
          if (c) {
            c.children.unshift(...pendingFormulas.splice(0))
            children.push(c)
          }
          break
        }
        case 'attachments':
        case 'components':
          for (const att of childElements(el)) {
            const annex = this.attachment(att)
            if (annex) annexes.push(annex)
          }
          break
        default:
          this.unknown(el, 'document')
      }
    }
    if (pendingFormulas.length > 0) children.push({type: 'conclusions', children: pendingFormulas})
    children.push(...annexes)
    return {type: 'document', kind: kind ?? 'regulation', stage, children}
  }

  // --- frame -------------------------------------------------------------

  private preface(el: Element): {preface: Preface; kind: Document['kind'] | undefined} {
    const longTitle = descendants(el, 'longTitle')[0]
    if (longTitle) {
      const lines: TitleLine[] = []
      let kind: Document['kind'] | undefined
      for (const p of childElements(longTitle)) {
        for (const node of childElements(p)) {
          const n = nameOf(node)
          const type =
            n === 'docStage' || n === 'docType' || n === 'docDate' || n === 'docPurpose'
              ? n
              : n === 'inline' && attr(node, 'name') === 'docNote'
                ? 'docNote'
                : undefined
          if (!type) continue
          const inl = normalizeInlines(this.inlines(node))
          if (inl.length === 0) continue
          if (type === 'docType') {
            const t = plain(inl)
            kind = /directive/i.test(t)
              ? 'directive'
              : /decision/i.test(t)
                ? 'decision'
                : /regulation/i.test(t)
                  ? 'regulation'
                  : undefined
          }
          lines.push({type, children: inl})
        }
      }
      if (lines.length > 0) return {preface: {type: 'preface', children: lines}, kind}
    }
    const blocks = childElements(el)
      .filter((c) => nameOf(c) === 'p')
      .map((p) => this.inlines(p))
    const t = titleLines(blocks)
    return {preface: t.preface, kind: blocks.length > 0 ? t.kind : undefined}
  }

  private preamble(el: Element): Preamble {
    const children: Preamble['children'] = []
    for (const c of childElements(el)) {
      const n = nameOf(c)
      if (n === 'formula' || (n === 'block' && /final|enacting/i.test(attr(c, 'name') ?? ''))) {
        const name = attr(c, 'name') ?? ''
        const formula: Formula = {
          type: 'formula',
          name: /enact|final/i.test(name)
            ? 'enactingFormula'
            : name === 'bindingForce'
              ? 'bindingForce'
              : name === 'doneAt'
                ? 'doneAt'
                : children.some((x) => x.type === 'citations' || x.type === 'recitals')
                  ? 'enactingFormula'
                  : 'actingEntity',
          children: this.blockInlines(c)
        }
        this.at(formula, c)
        children.push(formula)
      } else if (n === 'citations') {
        const citations: Citations = {type: 'citations', children: []}
        for (const cit of childElements(c)) {
          if (nameOf(cit) === 'citation') citations.children.push(this.citation(cit))
          else if (nameOf(cit) !== 'intro') this.unknown(cit, 'citations')
        }
        children.push(citations)
      } else if (n === 'recitals') {
        const recitals: Recitals = {type: 'recitals', children: []}
        for (const r of childElements(c)) {
          if (nameOf(r) === 'intro') {
            const inl = this.blockInlines(r)
            if (inl.length > 0) recitals.intro = inl
          } else if (
            nameOf(r) === 'recital' &&
            recitals.children.length === 0 &&
            !recitals.intro &&
            !firstChild(r, 'num') &&
            isRecitalsIntroText(textContent(r))
          ) {
            // A first recital without number that says only `Whereas:` is the recitals' introduction.
            const inl = this.blockInlines(r)
            if (inl.length > 0) recitals.intro = inl
          } else if (nameOf(r) === 'recital') {
            recitals.children.push(this.recital(r))
          } else {
            this.unknown(r, 'recitals')
          }
        }
        children.push(recitals)
      } else if (n === 'p' || n === 'container' || n === 'block') {
        // Loose preamble text: treat as a formula (enacting when after the recitals).
        const inl = this.blockInlines(c)
        if (inl.length > 0) {
          const after = children.some((x) => x.type === 'citations' || x.type === 'recitals')
          children.push({type: 'formula', name: after ? 'enactingFormula' : 'actingEntity', children: inl})
        }
      } else {
        this.unknown(c, 'preamble')
      }
    }
    return {type: 'preamble', children}
  }

  private citation(el: Element): Citation {
    const citation: Citation = {type: 'citation', eId: '', children: []}
    this.mark(citation, el)
    const blocks = childElements(el).flatMap((c) => (nameOf(c) === 'content' ? childElements(c) : [c]))
    for (const b of blocks) {
      const inl = normalizeInlines(this.inlines(b))
      if (inl.length > 0) citation.children.push({type: 'content', children: inl})
    }
    return citation
  }

  private recital(el: Element): Recital {
    const built = this.provisionParts(el)
    const recital: Recital = {type: 'recital', eId: '', children: built.children}
    if (built.num !== undefined) recital.num = built.num
    this.mark(recital, el)
    return recital
  }

  private conclusions(el: Element) {
    const blocks: Parameters<typeof conclusionsOf>[0] = []
    const visit = (node: Element): void => {
      for (const c of childElements(node)) {
        const n = nameOf(c)
        if (n === 'container' || (n === 'block' && attr(c, 'name') !== 'signatory') || n === 'blockContainer') {
          if (n === 'block') blocks.push({inlines: this.inlines(c), position: positionOf(c)})
          else visit(c)
        } else if (n === 'block' || n === 'signature') {
          const sigs = n === 'signature' ? [c] : childElements(c).filter((s) => nameOf(s) === 'signature')
          for (const s of sigs) blocks.push({inlines: this.signature(s), signature: true, position: positionOf(s)})
        } else if (n === 'formula') {
          const name = attr(c, 'name') ?? ''
          const as = FORMULAS.has(name) ? (name as FormulaName) : undefined
          blocks.push({inlines: this.blockInlines(c), as, position: positionOf(c)})
        } else if (n === 'p') {
          const only = childElements(c)
          if (
            only.length > 0 &&
            only.every((s) => nameOf(s) === 'signature') &&
            childNodes(c).every((x) => isElement(x) || nodeValue(x).trim() === '')
          ) {
            // One paragraph of <signature>s (CIRSFID): "Done at …", or the lines of one signature block.
            if (only.length === 1 && /^\s*done at/i.test(textContent(only[0]!))) {
              blocks.push({inlines: this.signature(only[0]!), position: positionOf(c)})
            } else {
              const lines = joinLines(only.map((s) => this.signature(s)))
              blocks.push({inlines: lines, signature: true, position: positionOf(c)})
            }
          } else {
            const as = attrNS(c, REDLEX_NS, 'as') === 'content' ? 'content' : undefined
            blocks.push({inlines: this.inlines(c), as, position: positionOf(c)})
          }
        } else {
          this.unknown(c, 'conclusions')
        }
      }
    }
    visit(el)
    return conclusionsOf(blocks)
  }

  /** A signature block's lines, joined by `\n` as in the tree (parts such as <role>, or lines ended by <eol/>). */
  private signature(el: Element): Inline[] {
    const parts = childElements(el)
    const looseText = childNodes(el).some((n) => isText(n) && nodeValue(n).trim() !== '')
    const lines: Inline[][] = []
    if (
      !looseText &&
      parts.length > 0 &&
      parts.every((p) => ['organization', 'role', 'person', 'location', 'date'].includes(nameOf(p)))
    ) {
      for (const p of parts) lines.push(normalizeInlines(this.inlines(p)))
    } else if (parts.some((p) => nameOf(p) === 'eol')) {
      let current: XmlNode[] = []
      const flush = (): void => {
        lines.push(normalizeInlines(this.inlines(wrapperElement('span', current))))
        current = []
      }
      for (const n of childNodes(el)) {
        if (isElement(n) && nameOf(n) === 'eol') flush()
        else current.push(n)
      }
      flush()
    } else {
      return this.inlines(el)
    }
    return joinLines(lines)
  }

  private attachment(el: Element): Annex | undefined {
    const n = nameOf(el)
    const docEl =
      n === 'attachment' || n === 'component'
        ? childElements(el).find((c) => nameOf(c) !== 'documentRef' && nameOf(c) !== 'interstitial')
        : el
    if (!docEl) {
      const ref = firstChild(el, 'documentRef')
      if (ref) {
        this.ctx.warn(
          'formats/akn-external-annex',
          `annex "${attr(ref, 'showAs') ?? ''}" is a separate file (${attr(ref, 'href') ?? '?'}) and was not imported; import that file on its own`,
          pointOf(ref)
        )
        return undefined
      }
      this.unknown(el, 'attachments')
      return undefined
    }
    const annex: Annex = {type: 'annex', eId: '', num: '', children: []}
    this.mark(annex, el.name === docEl.name ? docEl : el)
    for (const c of childElements(docEl)) {
      const cn = nameOf(c)
      if (cn === 'meta') continue
      if (cn === 'preface') {
        const lines = descendants(c, 'block')
        const num = lines.find((b) => attr(b, 'name') === 'num')
        const heading = lines.find((b) => attr(b, 'name') === 'heading')
        const ps = num || heading ? [] : descendants(c, 'p')
        if (num) annex.num = plain(this.inlines(num))
        else if (ps[0]) annex.num = plain(this.inlines(ps[0]))
        const h = heading ? normalizeInlines(this.inlines(heading)) : ps[1] ? normalizeInlines(this.inlines(ps[1])) : []
        if (h.length > 0) annex.heading = h
      } else if (cn === 'mainBody' || cn === 'body') {
        annex.children = this.freeFlow(c)
      } else {
        this.unknown(c, 'annex')
      }
    }
    return annex
  }

  /** Annex content: blocks in order, no unit logic (annexes are free-form). */
  private freeFlow(el: Element): Annex['children'] {
    const out: Annex['children'] = []
    for (const c of childElements(el)) {
      const n = nameOf(c)
      if (n === 'p') {
        const inl = normalizeInlines(this.inlines(c))
        if (inl.length > 0) out.push(this.at<Content>({type: 'content', children: inl}, c))
      } else if (n === 'block' && /^heading-\d+$/.test(attr(c, 'name') ?? '')) {
        const heading: Heading = {
          type: 'heading',
          depth: Number((attr(c, 'name') ?? '').slice(8)),
          children: normalizeInlines(this.inlines(c))
        }
        out.push(this.at(heading, c))
      } else if (n === 'intro' || n === 'wrapUp') {
        out.push(this.at<Intro | WrapUp>({type: n, children: this.blockInlines(c)}, c))
      } else if (n === 'content') {
        out.push(...this.freeFlow(c))
      } else if (n === 'point' || n === 'indent') {
        out.push(this.item(c))
      } else if (n === 'list' || n === 'blockList') {
        const unit = this.listUnit(c)
        out.push(...unit)
      } else if (n === 'paragraph' || n === 'subparagraph' || n === 'alinea') {
        const built = this.provisionParts(c)
        if (n === 'paragraph' && built.num !== undefined) {
          const para: Paragraph = {type: 'paragraph', eId: '', num: built.num, children: built.children}
          out.push(this.mark(para, c))
        } else {
          out.push(this.mark<Subparagraph>({type: 'subparagraph', eId: '', children: built.children}, c))
        }
      } else if (n === 'table') {
        out.push(this.table(c))
      } else if (n === 'container' || n === 'hcontainer' || n === 'tblock' || n === 'div') {
        out.push(...this.freeFlow(c))
      } else {
        const inl = normalizeInlines(this.unknownInline(c, 'annex'))
        if (inl.length > 0) out.push({type: 'content', children: inl})
      }
    }
    return out
  }

  // --- body ----------------------------------------------------------------

  private bodyChildren(el: Element): Array<Division | Article> {
    const out: Array<Division | Article> = []
    for (const c of childElements(el)) {
      const n = nameOf(c)
      if (n === 'article') out.push(this.article(c))
      else if (HIER_DIVISIONS.has(n)) out.push(this.division(c, n as Division['kind']))
      else if (n === 'hcontainer' || n === 'division') {
        const num = firstChild(c, 'num')
        const kind = num ? divisionKind(textContent(num)) : undefined
        if (kind) out.push(this.division(c, kind))
        else out.push(...this.bodyChildren(c))
      } else if (n === 'num' || n === 'heading' || n === 'subheading' || (n === 'clause' && nameOf(el) === 'body'))
        continue
      else {
        this.unknown(c, 'body')
      }
    }
    return out
  }

  private division(el: Element, kind: Division['kind']): Division {
    const num = firstChild(el, 'num')
    const heading = firstChild(el, 'heading')
    const division: Division = {
      type: 'division',
      eId: '',
      kind,
      num: num ? plain(this.inlines(num)) : '',
      children: this.bodyChildren(el)
    }
    if (heading) {
      const h = normalizeInlines(this.inlines(heading))
      if (h.length > 0) division.heading = h
    }
    return this.mark(division, el)
  }

  private article(el: Element): Article {
    const built = this.provisionParts(el)
    const article: Article = {type: 'article', eId: '', num: built.num ?? '', children: built.children}
    if (built.heading) article.heading = built.heading
    return this.mark(article, el)
  }

  /** num, heading and children of any provision element. */
  private provisionParts(el: Element): {num?: string; heading?: Inline[]; children: ProvisionContent[]} {
    let num: string | undefined
    let heading: Inline[] | undefined
    const parts: Array<Unit | ProvisionContent> = []
    let pending: {text?: Inline[]; items: Array<Item | Table>; wrap?: Inline[]; at: Element} | undefined
    const flush = (): void => {
      if (pending) parts.push(this.unitFrom(unitChildren(pending.text, pending.items, pending.wrap), pending.at))
      pending = undefined
    }
    for (const c of childElements(el)) {
      const n = nameOf(c)
      switch (n) {
        case 'num':
          if (num === undefined) num = plain(this.inlines(c))
          else if (heading === undefined) heading = normalizeInlines(this.inlines(c)) // CIRSFID puts the heading in a second <num>
          break
        case 'heading': {
          const h = normalizeInlines(this.inlines(c))
          if (h.length > 0) heading = h
          break
        }
        case 'subheading':
          this.unknown(c, nameOf(el))
          break
        case 'content':
          flush()
          for (const b of childElements(c)) {
            if (nameOf(b) === 'table') parts.push(this.unitFrom([this.table(b)], b))
            else
              parts.push(
                this.unitFrom(
                  unitChildren(nameOf(b) === 'p' ? this.inlines(b) : this.unknownInline(b, 'content'), []),
                  b
                )
              )
          }
          break
        case 'p':
          flush()
          parts.push(this.unitFrom(unitChildren(this.inlines(c), []), c))
          break
        case 'intro':
          flush()
          pending = {text: this.blockInlines(c), items: [], at: c}
          break
        case 'point':
        case 'indent':
          pending ??= {items: [], at: c}
          pending.items.push(this.item(c))
          break
        case 'table':
          pending ??= {items: [], at: c}
          pending.items.push(this.table(c))
          break
        case 'wrapUp':
          pending ??= {items: [], at: c}
          pending.wrap = this.blockInlines(c)
          flush()
          break
        case 'list':
        case 'blockList':
          flush()
          parts.push(this.unitFrom(this.listUnit(c), c))
          break
        case 'paragraph':
        case 'subparagraph':
        case 'alinea': {
          flush()
          const inner = this.provisionParts(c)
          if (n === 'paragraph' && inner.num !== undefined && inner.num !== '') {
            const para: Paragraph = {type: 'paragraph', eId: '', num: inner.num, children: inner.children}
            parts.push(this.mark(para, c))
          } else {
            parts.push(this.unitFrom(inner.children, c))
          }
          break
        }
        default: {
          flush()
          const inl = this.unknownInline(c, nameOf(el))
          parts.push(this.unitFrom(unitChildren(inl, []), c))
        }
      }
    }
    flush()
    const out: {num?: string; heading?: Inline[]; children: ProvisionContent[]} = {children: assemble(parts)}
    if (num !== undefined) out.num = num
    if (heading !== undefined) out.heading = heading
    return out
  }

  /** intro/INP + points + wrapUp/WRP of an AKN4EU `list` (or AKN 3.0 list with intro). */
  private listUnit(el: Element): ProvisionContent[] {
    let text: Inline[] | undefined
    let wrap: Inline[] | undefined
    const items: Array<Item | Table> = []
    for (const c of childElements(el)) {
      const n = nameOf(c)
      const refersTo = attr(c, 'refersTo') ?? ''
      if (n === 'intro' || n === 'listIntroduction' || (n === 'subparagraph' && /INP$/.test(refersTo)))
        text = this.blockInlines(c)
      else if (n === 'wrapUp' || n === 'listWrapUp' || (n === 'subparagraph' && /WRP$/.test(refersTo)))
        wrap = this.blockInlines(c)
      else if (n === 'point' || n === 'indent' || n === 'item') items.push(this.item(c))
      else if (n === 'subparagraph' || n === 'p') {
        if (items.length === 0 && text === undefined) text = this.blockInlines(c)
        else wrap = [...(wrap ?? []), ...this.blockInlines(c)]
      } else if (n === 'num' || n === 'heading') continue
      else if (n === 'table') items.push(this.table(c))
      else {
        const inl = this.unknownInline(c, 'list')
        wrap = [...(wrap ?? []), ...inl]
      }
    }
    return unitChildren(text, items, wrap)
  }

  private item(el: Element): Item {
    const built = this.provisionParts(el)
    const num = built.num ?? ''
    const isDash = nameOf(el) === 'indent' || /^[—–-]$/.test(num.trim()) || num.trim() === '•'
    if (isDash) {
      const indent: Indent = {type: 'indent', eId: '', num: '—', children: built.children}
      return this.mark(indent, el)
    }
    const point: Point = {type: 'point', eId: '', num, children: built.children}
    return this.mark(point, el)
  }

  private table(el: Element): Table {
    const rows: TableRow[] = []
    const visit = (node: Element): void => {
      for (const c of childElements(node)) {
        const n = nameOf(c)
        if (n === 'tr') {
          const cells: TableCell[] = childElements(c)
            .filter((x) => nameOf(x) === 'td' || nameOf(x) === 'th')
            .map((td) => ({type: 'tableCell', children: this.blockInlines(td)}))
          rows.push({type: 'tableRow', children: cells})
        } else if (n === 'thead' || n === 'tbody' || n === 'tfoot') visit(c)
      }
    }
    visit(el)
    return this.at<Table>({type: 'table', children: rows}, el)
  }

  private unitFrom(children: ProvisionContent[], el: Element): Unit {
    const unit = makeUnit(children, positionOf(el))
    // The unit's identity (a later unit becomes a subparagraph node).
    const id = this.sourceId(el)
    if (id !== undefined) unit.data = {aknId: id}
    return unit
  }

  // --- inline ---------------------------------------------------------------

  /** Inline content of a block-ish element; several `p` children are joined by a line break. */
  private blockInlines(el: Element): Inline[] {
    const blocks = childElements(el).filter((c) =>
      ['p', 'content', 'subparagraph', 'block', 'list'].includes(nameOf(c))
    )
    const hasText = childNodes(el).some((n) => isText(n) && nodeValue(n).trim() !== '')
    if (blocks.length === 0 || hasText) return normalizeInlines(this.inlines(el))
    const out: Inline[] = []
    for (const b of blocks) {
      const inl = normalizeInlines(nameOf(b) === 'p' || nameOf(b) === 'block' ? this.inlines(b) : this.blockInlines(b))
      if (inl.length === 0) continue
      if (out.length > 0) out.push({type: 'break'})
      out.push(...inl)
    }
    return out
  }

  inlines(el: Element): Inline[] {
    const out: Inline[] = []
    for (const node of childNodes(el)) {
      if (isText(node)) {
        out.push({type: 'text', value: nodeValue(node)})
        continue
      }
      if (!isElement(node)) continue
      out.push(...this.inline(node))
    }
    return out
  }

  private inline(el: Element): Inline[] {
    const n = nameOf(el)
    switch (n) {
      case 'i':
      case 'em':
        return [{type: 'emphasis', children: this.inlines(el)}]
      case 'b':
      case 'strong':
        return [{type: 'strong', children: this.inlines(el)}]
      case 'br':
      case 'eol':
      case 'eop':
        return [{type: 'break'}]
      case 'authorialNote':
      case 'note': {
        this.notes++
        const marker = attr(el, 'marker') ?? String(this.notes)
        return [{type: 'authorialNote', marker, children: this.blockInlines(el)}]
      }
      case 'ref': {
        const value = textContent(el)
          .replace(/[ \t\r\n]+/g, ' ')
          .trim()
        const ref: Inline = {type: 'ref', value, targets: []}
        const targets = attrNS(el, REDLEX_NS, 'targets')
        const href = attr(el, 'href') ?? ''
        if (targets) {
          ref.targets = targets.split(/\s+/).filter(Boolean)
          if (href !== '' && href !== '#' + ref.targets[0]) setData(ref, 'href', href)
        } else if (href !== '') {
          setData(ref, 'href', href)
        }
        if (attrNS(el, REDLEX_NS, 'external') === 'true') ref.external = true
        if (attrNS(el, REDLEX_NS, 'range') === 'true') ref.range = true
        return [ref]
      }
      case 'a': {
        const url = attr(el, 'href') ?? ''
        return [{type: 'link', url, children: this.inlines(el)}]
      }
      case 'placeholder': {
        const raw = textContent(el)
          .replace(/[ \t\r\n]+/g, ' ')
          .trim()
        const value = /^\[.*\]$/s.test(raw) ? raw.slice(1, -1) : raw
        const kindAttr = attrNS(el, REDLEX_NS, 'kind')
        const kind =
          kindAttr === 'value' || kindAttr === 'provisional'
            ? kindAttr
            : /^(\.\.\.|…|\s*)$/.test(value)
              ? 'value'
              : 'provisional'
        const node: Inline = {type: 'placeholder', kind, value}
        const reason = attrNS(el, REDLEX_NS, 'reason')
        if (reason) node.reason = reason
        return [node]
      }
      case 'quotedText': {
        return [
          {
            type: 'quotedText',
            startQuote: attr(el, 'startQuote') ?? '',
            endQuote: attr(el, 'endQuote') ?? '',
            children: this.inlines(el)
          }
        ]
      }
      case 'p':
      case 'block':
        return this.inlines(el)
      default:
        if (TRANSPARENT.has(n) || !isAkn(el)) return this.inlines(el)
        return this.unknownInline(el, 'inline text')
    }
  }

  private unknownInline(el: Element, where: string): Inline[] {
    this.ctx.warn('formats/unknown-element', `unknown element <${el.name}> in ${where}: kept as text`, pointOf(el))
    return [{type: 'text', value: ' ' + textContent(el) + ' '}]
  }

  private unknown(el: Element, where: string): void {
    const text = textContent(el).trim()
    if (text === '') {
      this.ctx.warn(
        'formats/unknown-element',
        `unknown element <${el.name}> in ${where}: skipped (it has no text)`,
        pointOf(el)
      )
    } else {
      this.ctx.warn(
        'formats/unknown-element',
        `unknown element <${el.name}> in ${where}: its text was not placed in the tree: "${text.slice(0, 60)}"`,
        pointOf(el)
      )
    }
  }

  // --- ids and positions ---------------------------------------------------------

  private sourceId(el: XmlNode & Element): string | undefined {
    return attrNS(el, REDLEX_NS, 'aknId') || attr(el, 'id') || attr(el, 'eId') || undefined
  }

  private mark<T extends {eId: string; data?: unknown; position?: unknown}>(node: T, el: Element): T {
    const id = this.sourceId(el)
    if (id !== undefined) setData(node as never, 'aknId', id)
    return this.at(node, el)
  }

  private at<T extends {position?: unknown}>(node: T, el: Element): T {
    const position = positionOf(el)
    if (position) (node as {position?: unknown}).position = position
    return node
  }
}
