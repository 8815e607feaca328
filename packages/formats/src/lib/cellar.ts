/**
 * Cellar XHTML/HTML of Commission proposals → redlex tree. Both variants
 * are flat sequences of `<p class="…">` whose Word/LegisWrite style names
 * carry the structure: the Word-generated one (`Titrearticle`,
 * `ManualConsidrant`, `ManualNumPar1`, `Point0`…) and the LEOS-generated
 * one (articles as `ManualHeading3/4`, chapters as `ManualHeading1`).
 *
 * Only the legal act is imported, from the acting-entity formula
 * (`Institutionquiagit`) to the signatures; its title lines are taken from
 * the `Statut`/`Typedudocument`/`Titreobjet` paragraphs just before it.
 * The explanatory memorandum (everything before) and the legislative
 * financial statement (from `Fichefinanciretitre` on) are skipped; annexes
 * that follow (`Annexetitre`) are imported as free-form annexes.
 * Point nesting is rebuilt from the style level (`Point0`, `Point1`,
 * `Point2`, `Tiret1`…) and the numbering style of the labels.
 */
import type {
  Annex, Article, Citation, Division, Document, Formula, Indent, Inline, Paragraph, Point, Recital, Signature,
  TitleLine
} from '@redlex/tree'
import {ImportContext} from './context.js'
import type {ImportOptions} from './context.js'
import {finishDocument} from './finish.js'
import {classes, findAll, hAttr, hasClass, isEl, isTextNode, notAnAct, parseHtml, positionOfEl, textOfEl, trimTrailingSpace} from './html.js'
import type {HElement, HNode} from './html.js'
import {annexChildren, assemble, divisionKind, makeUnit, numStyle, unitChildren} from './structure.js'
import type {Item, Unit} from './structure.js'
import {clean, normalizeInlines, plain, stripPrefix, joinLines} from './text.js'

export interface CellarOptions extends ImportOptions {
  /** Run @redlex/tree `linkReferences` on the result when available (default true). */
  linkReferences?: boolean
}

/** Parse the Cellar XHTML of a Commission proposal (Word or LEOS variant) into a redlex document. */
export function fromCellarHtml(html: string, options?: Readonly<CellarOptions> | null): Document {
  return readCellar(html, new ImportContext(options), options?.linkReferences)
}

/** A provision being built: its parts in order (units under construction and sub-provisions). */
interface Builder {
  parts: Array<UnitB | Paragraph | Item>
}
interface UnitB {
  kind: 'unit'
  text?: Inline[]
  items: Array<{item: Item; builder: Builder}>
  at?: ReturnType<typeof positionOfEl>
}

const DIVISION_NUM = /^(part|title|chapter|section|sub-?section)\s*([0-9]+(?![0-9])|[IVXLCDM]+\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b)\.?/i
const ARTICLE_NUM = /^article\s+\d+[a-z]*$/i

export function readCellar(html: string, ctx: ImportContext, linkReferences?: boolean): Document {
  const dom = parseHtml(html)
  const ps = findAll(dom, (el) => el.tagName === 'p')
  const notes = new Map<string, HElement>()
  for (const dd of findAll(dom, (el) => (hAttr(el, 'id') ?? '').startsWith('footnote') && el.tagName !== 'a')) notes.set(hAttr(dd, 'id')!, dd)
  const start = ps.findIndex((p) => hasClass(p, 'Institutionquiagit'))
  if (start === -1 || !ps.some((p) => /Considrant/.test(hAttr(p, 'class') ?? '') || hasClass(p, 'Titrearticle') || ARTICLE_NUM.test(clean(textOfEl(p))))) {
    throw notAnAct(dom, ctx, 'no acting-entity formula (p.Institutionquiagit) and no articles were found (Cellar proposal XHTML)')
  }
  const reader = new CellarReader(ctx, notes)
  const doc = reader.read(ps, start)
  return finishDocument(doc, linkReferences === false ? {linkReferences: false} : {})
}

class CellarReader {
  constructor(private readonly ctx: ImportContext, private readonly notes: Map<string, HElement>) {}

  read(ps: HElement[], start: number): Document {
    const children: Document['children'] = []
    // Title lines: the Statut/Typedudocument/Titreobjet paragraphs right before the act.
    const title: TitleLine[] = []
    let kind: Document['kind'] = 'regulation'
    for (let i = start - 1; i >= 0 && i >= start - 8; i--) {
      const c = classes(ps[i]!)
      const type = c.includes('Statut') ? 'docStage' : c.includes('Typedudocument') ? 'docType' : c.includes('Titreobjet') ? 'docPurpose' : c.includes('IntrtEEE') ? 'docNote' : undefined
      if (!type) {
        if (c.some((x) => /_cp$/.test(x)) || c.includes('Rfrenceinterinstitutionnelle')) break
        continue
      }
      const inl = normalizeInlines(this.inlines(ps[i]!))
      if (inl.length > 0) title.unshift({type, children: inl})
      if (type === 'docType') kind = /directive/i.test(plain(inl)) ? 'directive' : /decision/i.test(plain(inl)) ? 'decision' : 'regulation'
    }
    if (title.length > 0) children.push({type: 'preface', children: title})

    const preamble: Formula[] = []
    const citations: Citation[] = []
    const recitals: Recital[] = []
    let recitalsIntro: Inline[] | undefined
    let enacting: Formula | undefined
    const body: Array<Division | Article> = []
    const conclusions: Array<Formula | Signature> = []
    const annexes: Annex[] = []
    let phase: 'preamble' | 'body' | 'end' | 'annex' | 'skip' = 'preamble'

    // body state
    let division: Division | undefined
    let divisionPath: Division[] = []
    let article: {node: Article; builder: Builder; awaitingHeading: boolean} | undefined
    let paragraph: {node: Paragraph; builder: Builder} | undefined
    let stack: Array<{level: number; style: string; item: Item; builder: Builder}> = []
    let awaitingDivisionHeading: Division | undefined
    let signatureLines: Inline[][][] = []
    const builders = new Map<Paragraph, Builder>()
    let annex: Annex | undefined

    const finishArticle = (): void => {
      if (!article) return
      if (paragraph) article.builder.parts.push(paragraph.node)
      finishBuilder(article.node, article.builder, builders)
      article = undefined
      paragraph = undefined
      stack = []
    }
    const containerBuilder = (): Builder | undefined => (paragraph ? paragraph.builder : article?.builder)
    const currentUnit = (b: Builder): UnitB => {
      const last = b.parts[b.parts.length - 1]
      if (last && 'kind' in last && last.kind === 'unit') return last
      const u: UnitB = {kind: 'unit', items: []}
      b.parts.push(u)
      return u
    }
    const addToBody = (node: Division | Article): void => {
      const parent = divisionPath[divisionPath.length - 1]
      if (parent) parent.children.push(node)
      else body.push(node)
    }

    for (let i = start; i < ps.length; i++) {
      const p = ps[i]!
      const cls = classes(p)
      const text = clean(textOfEl(p))
      if (cls.includes('Fichefinanciretitre')) {
        phase = 'skip'
        continue
      }
      if (cls.includes('Annexetitre')) {
        finishArticle()
        phase = 'annex'
        annex = {type: 'annex', eId: '', num: text.replace(/:$/, ''), children: []}
        const at = positionOfEl(p)
        if (at) annex.position = at
        annexes.push(annex)
        continue
      }
      if (phase === 'skip') continue
      if (phase === 'annex' && annex) {
        const inl = normalizeInlines(this.inlines(p))
        if (inl.length === 0) continue
        if (!annex.heading && annex.children.length === 0 && text === text.toUpperCase() && /[A-Z]/.test(text)) {
          annex.heading = inl
          continue
        }
        annex.children.push({type: 'content', children: inl})
        continue
      }
      if (text === '' && !cls.includes('Institutionquisigne')) continue

      if (phase === 'preamble') {
        if (cls.includes('Institutionquiagit')) preamble.push({type: 'formula', name: 'actingEntity', children: normalizeInlines(this.inlines(p))})
        else if (cls.some((c) => /Considrant/.test(c))) {
          const {num, rest} = this.numbered(p)
          const recital: Recital = {type: 'recital', eId: '', children: assemble([makeUnit(unitChildren(rest, []))])}
          if (num !== undefined) recital.num = num
          const at = positionOfEl(p)
          if (at) recital.position = at
          recitals.push(recital)
        } else if (cls.includes('Formuledadoption')) {
          enacting = {type: 'formula', name: 'enactingFormula', children: normalizeInlines(this.inlines(p))}
          phase = 'body'
        } else if (/^whereas\b/i.test(text) && recitals.length === 0) {
          recitalsIntro = normalizeInlines(this.inlines(p))
        } else if (recitals.length === 0) {
          const citation: Citation = {type: 'citation', eId: '', children: [{type: 'content', children: normalizeInlines(this.inlines(p))}]}
          const at = positionOfEl(p)
          if (at) citation.position = at
          citations.push(citation)
        } else {
          // Text between recitals: continuation of the last recital.
          recitals[recitals.length - 1]!.children.push({type: 'subparagraph', eId: '', children: [{type: 'content', children: normalizeInlines(this.inlines(p))}]})
        }
        continue
      }

      if (phase === 'end' || cls.includes('Applicationdirecte') || /^this (regulation|directive|decision) shall be binding in its entirety/i.test(text) || cls.includes('Fait') || cls.includes('Institutionquisigne') || cls.includes('Personnequisigne')) {
        finishArticle()
        phase = 'end'
        if (cls.includes('Institutionquisigne') || cls.includes('Personnequisigne')) {
          signatureLines.push(this.columns(p))
        } else {
          const inl = normalizeInlines(this.inlines(p))
          if (inl.length === 0) continue
          const done = /^done at/i.test(text)
          conclusions.push({type: 'formula', name: done ? 'doneAt' : 'bindingForce', children: inl})
        }
        continue
      }

      // --- body ---
      const styled = cls.includes('Titrearticle') || cls.includes('SectionTitle') || cls.includes('ChapterTitle') || cls.some((c) => /^ManualHeading\d$|^Heading\d$/.test(c))
      // Some LEOS exports lost the heading style: `Article 12` and `Section 4 …` in a Normal paragraph.
      const plainHeading = !styled && text.length < 150 && !/[.;:,]$/.test(text) && (ARTICLE_NUM.test(text) || DIVISION_NUM.test(text) ||
        (article !== undefined && article.awaitingHeading && article.builder.parts.length === 0 && !paragraph && !cls.some((c) => /Point|Tiret|NumPar|Text\d/.test(c))))
      const heading = styled || plainHeading
      if (heading) {
        const lines = this.lines(p)
        const first = plain(lines[0] ?? [])
        if (ARTICLE_NUM.test(first)) {
          finishArticle()
          awaitingDivisionHeading = undefined
          const node: Article = {type: 'article', eId: '', num: first, children: []}
          const at = positionOfEl(p)
          if (at) node.position = at
          article = {node, builder: {parts: []}, awaitingHeading: true}
          if (lines.length > 1) {
            node.heading = normalizeInlines(lines.slice(1).flat())
            article.awaitingHeading = false
          }
          addToBody(node)
          continue
        }
        const split = this.divisionNum(p)
        if (split) {
          finishArticle()
          const dkind = divisionKind(split.num) ?? 'section'
          const node: Division = {type: 'division', eId: '', kind: dkind, num: split.num, children: []}
          const at = positionOfEl(p)
          if (at) node.position = at
          if (split.heading.length > 0) node.heading = split.heading
          divisionPath = placeDivision(divisionPath, body, node)
          division = node
          awaitingDivisionHeading = split.heading.length > 0 ? undefined : node
          continue
        }
        if (article && article.awaitingHeading && article.builder.parts.length === 0 && !paragraph) {
          article.node.heading = normalizeInlines(this.inlines(p))
          article.awaitingHeading = false
          continue
        }
        if (awaitingDivisionHeading) {
          awaitingDivisionHeading.heading = normalizeInlines(this.inlines(p))
          awaitingDivisionHeading = undefined
          continue
        }
        // A heading without a number: a division whose number is missing in the source.
        finishArticle()
        const level = Number(cls.find((c) => /^ManualHeading\d$/.test(c))?.slice(-1) ?? '1')
        const guess: Division['kind'] = level >= 2 && division && division.kind !== 'chapter' ? division.kind : level >= 2 ? 'section' : 'chapter'
        const node: Division = {type: 'division', eId: '', kind: guess, num: '', heading: normalizeInlines(this.inlines(p)), children: []}
        this.ctx.warn('formats/cellar-unnumbered-division', `heading "${text.slice(0, 60)}" has no number: imported as a ${guess} without number`, positionOfEl(p)?.start)
        divisionPath = placeDivision(divisionPath, body, node)
        division = node
        continue
      }
      if (!article) {
        this.ctx.warn('formats/cellar-stray-text', `text outside any article: "${text.slice(0, 60)}"`, positionOfEl(p)?.start)
        continue
      }
      article.awaitingHeading = false
      awaitingDivisionHeading = undefined
      const numPar = cls.find((c) => /^(Manual)?NumPar\d$/.test(c))
      const pointCls = cls.find((c) => /^Point\d(number|letter)?$/.test(c))
      const dashCls = cls.find((c) => /^(Tiret|ListDash|ListBullet|Dash)\d?$/.test(c))
      const textCls = cls.find((c) => /^Text\d$/.test(c))
      if (numPar) {
        const {num, rest} = this.numbered(p)
        if (paragraph) article.builder.parts.push(paragraph.node)
        const prev = article.builder.parts.filter((x): x is Paragraph => 'type' in x && x.type === 'paragraph').length
        const node: Paragraph = {type: 'paragraph', eId: '', num: num ?? `${prev + 1}.`, children: []}
        const at = positionOfEl(p)
        if (at) node.position = at
        paragraph = {node, builder: {parts: [{kind: 'unit', text: rest, items: []}]}}
        builders.set(node, paragraph.builder)
        stack = []
      } else if (pointCls || dashCls) {
        const {num, rest} = this.numbered(p)
        const level = Number((pointCls ?? dashCls ?? '').replace(/\D/g, '') || '0')
        const style = dashCls ? 'dash' : numStyle(num ?? '')
        const builder: Builder = {parts: [{kind: 'unit', text: rest, items: []}]}
        const item: Item = dashCls
          ? ({type: 'indent', eId: '', num: '—', children: []} as Indent)
          : ({type: 'point', eId: '', num: num ?? '', children: []} as Point)
        const at = positionOfEl(p)
        if (at) item.position = at
        // Find the parent: pop deeper or equal levels (siblings), unless the label starts a new style.
        while (stack.length > 0) {
          const top = stack[stack.length - 1]!
          if (top.level > level) stack.pop()
          else if (top.level === level && (sameStyle(top.style, style, top.item.num, num ?? '') || !startsList(num ?? '', style))) stack.pop()
          else break
        }
        const parent = stack[stack.length - 1]
        const target = parent ? parent.builder : containerBuilder()!
        currentUnit(target).items.push({item, builder})
        stack.push({level, style: style === 'roman' && parent?.style !== 'alpha' && /^\(?i\)?$/.test(num ?? '') ? 'roman' : style, item, builder})
      } else {
        // Text: Normal / BodyText / Text1 at the paragraph level; Text2+ continues the open point at that depth.
        const level = textCls ? Number(textCls.slice(4)) : 0
        const inl = normalizeInlines(this.inlines(p))
        let target: Builder | undefined
        if (level >= 2) {
          while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop()
          target = stack[stack.length - 1]?.builder
        }
        if (!target) {
          stack = []
          target = containerBuilder()!
        } else {
          stack = stack.slice(0, stack.findIndex((s) => s.builder === target) + 1)
        }
        target.parts.push({kind: 'unit', text: inl, items: [], at: positionOfEl(p)})
      }
    }
    finishArticle()

    const pre: Document['children'][number] = {type: 'preamble', children: [...preamble]}
    if (citations.length > 0) pre.children.push({type: 'citations', children: citations})
    if (recitals.length > 0) pre.children.push(recitalsIntro ? {type: 'recitals', intro: recitalsIntro, children: recitals} : {type: 'recitals', children: recitals})
    if (enacting) pre.children.push(enacting)
    children.push(pre)
    children.push({type: 'body', children: body})
    const sigs = signatures(signatureLines)
    if (conclusions.length > 0 || sigs.length > 0) children.push({type: 'conclusions', children: [...conclusions, ...sigs]})
    for (const a of annexes) a.children = annexChildren(a.children)
    children.push(...annexes)
    signatureLines = []
    return {type: 'document', kind, stage: 'proposal', children}
  }

  /** Split a heading paragraph into `CHAPTER II` and its heading when both are in one paragraph. */
  private divisionNum(p: HElement): {num: string; heading: Inline[]} | undefined {
    const text = clean(textOfEl(p))
    const m = DIVISION_NUM.exec(text)
    if (!m) return undefined
    const num = m[0].replace(/\.$/, '')
    if (clean(text.slice(m[0].length)) === '') return {num: text, heading: []}
    // Number and heading in one paragraph (separate spans or a line break).
    const lines = this.lines(p)
    if (lines.length > 1 && plain(lines[0]!) === num) return {num, heading: normalizeInlines(lines.slice(1).flat())}
    const spans = (p.childNodes as HNode[]).filter((n) => isEl(n) && clean(textOfEl(n)) !== '') as HElement[]
    if (spans.length > 1 && clean(textOfEl(spans[0]!)) === num) return {num, heading: normalizeInlines(spans.slice(1).flatMap((s) => this.inline(s)))}
    return {num, heading: normalizeInlines([{type: 'text', value: text.slice(m[0].length)}])}
  }

  /** The label in `span.num` (or a leading `(a)`/`1.`) and the rest of the paragraph. */
  private numbered(p: HElement): {num: string | undefined; rest: Inline[]} {
    const numEl = findAll(p, (el) => el.tagName === 'span' && hasClass(el, 'num'))[0]
    if (numEl) {
      const num = clean(textOfEl(numEl))
      const rest = normalizeInlines(this.inlines(p, numEl))
      return {num: num === '' ? undefined : num, rest}
    }
    // No span.num: the label may be typed at the start of the text, `(i) a hosting service;`.
    const all = normalizeInlines(this.inlines(p))
    const {removed, rest} = stripPrefix(all, /^(\([a-z]{1,5}\)|\(\d+[a-z]*\)|\d+[a-z]*\.|[—–-])[\s\u00a0]+/)
    if (removed !== '') return {num: removed.trim(), rest}
    return {num: undefined, rest: all}
  }

  /** The paragraph's inline content split at line breaks. */
  private lines(p: HElement): Inline[][] {
    const out: Inline[][] = [[]]
    for (const node of this.inlines(p)) {
      if (node.type === 'break') out.push([])
      else out[out.length - 1]!.push(node)
    }
    return out.map((l) => normalizeInlines(l)).filter((l) => l.length > 0)
  }

  /** Signature paragraphs hold one column per signatory, separated by tabs. */
  private columns(p: HElement): Inline[][] {
    const cols: Inline[][] = [[]]
    const visit = (el: HElement): void => {
      for (const node of el.childNodes as HNode[]) {
        if (isTextNode(node)) cols[cols.length - 1]!.push({type: 'text', value: node.value})
        else if (isEl(node)) {
          if (hasClass(node, 'tab')) cols.push([])
          else visit(node)
        }
      }
    }
    visit(p)
    return cols.map((c) => normalizeInlines(c)).filter((c) => c.length > 0)
  }

  inlines(el: HElement, skip?: HElement): Inline[] {
    const out: Inline[] = []
    for (const node of el.childNodes as HNode[]) {
      if (node === skip) continue
      if (isTextNode(node)) out.push({type: 'text', value: node.value})
      else if (isEl(node)) {
        if (skip && findAll(node, (x) => x === skip).length > 0) {
          out.push(...this.inlines(node, skip))
          continue
        }
        const inl = this.inline(node)
        if (inl[0]?.type === 'authorialNote') trimTrailingSpace(out)
        out.push(...inl)
      }
    }
    return out
  }

  private inline(el: HElement): Inline[] {
    const cls = classes(el)
    if (el.tagName === 'a' && cls.includes('footnoteRef')) {
      const id = (hAttr(el, 'href') ?? '').replace(/^#/, '')
      const note = this.notes.get(id)
      const children: Inline[] = []
      if (note) {
        for (const node of note.childNodes as HNode[]) {
          if (isEl(node) && hasClass(node, 'num')) continue
          if (isTextNode(node)) children.push({type: 'text', value: node.value})
          else if (isEl(node)) children.push(...this.inline(node))
        }
      }
      return [{type: 'authorialNote', marker: clean(textOfEl(el)), children: normalizeInlines(children)}]
    }
    if (cls.includes('tab')) return [{type: 'text', value: ' '}]
    if (el.tagName === 'br') return [{type: 'break'}]
    if (el.tagName === 'i' || el.tagName === 'em' || cls.includes('Emphasis')) return [{type: 'emphasis', children: this.inlines(el)}]
    if (el.tagName === 'b' || el.tagName === 'strong') return [{type: 'strong', children: this.inlines(el)}]
    return this.inlines(el)
  }
}

/** Convert a builder's parts into the provision's children (units → content/subparagraphs). */
function finishBuilder(node: {children: unknown[]}, builder: Builder, builders: Map<Paragraph, Builder>): void {
  const parts: Array<Unit | Paragraph | Item> = []
  for (const part of builder.parts) {
    if ('kind' in part) {
      const items = part.items.map(({item, builder: b}) => {
        finishBuilder(item, b, builders)
        return item
      })
      parts.push(makeUnit(unitChildren(part.text, items), part.at))
    } else {
      if (part.type === 'paragraph') {
        const b = builders.get(part)
        if (b) {
          finishBuilder(part, b, builders)
          builders.delete(part)
        }
      }
      parts.push(part)
    }
  }
  node.children = assemble(parts)
}

function placeDivision(path: Division[], body: Array<Division | Article>, node: Division): Division[] {
  const rank = {part: 0, title: 1, chapter: 2, section: 3, subsection: 4}
  const out = [...path]
  while (out.length > 0 && rank[out[out.length - 1]!.kind] >= rank[node.kind]) out.pop()
  const parent = out[out.length - 1]
  if (parent) parent.children.push(node)
  else body.push(node)
  out.push(node)
  return out
}

function sameStyle(a: string, b: string, prevNum: string, num: string): boolean {
  if (a === b) return true
  // (i) after (h) is alpha; (v) after (u), (x) after (w).
  const p = prevNum.replace(/[()]/g, '')
  const n = num.replace(/[()]/g, '')
  if (a === 'alpha' && b === 'roman' && n.length === 1 && p.length === 1 && n.charCodeAt(0) === p.charCodeAt(0) + 1) return true
  return false
}

function startsList(num: string, style: string): boolean {
  const n = num.replace(/[()\s.]/g, '')
  return style === 'dash' || n === 'a' || n === 'i' || n === '1' || n === 'A' || n === 'I'
}

function signatures(lines: Inline[][][]): Signature[] {
  const width = Math.max(0, ...lines.map((l) => l.length))
  const out: Signature[] = []
  for (let col = 0; col < width; col++) {
    const children = joinLines(lines.map((line) => line[col] ?? []))
    if (children.length > 0) out.push({type: 'signature', children})
  }
  return out
}
