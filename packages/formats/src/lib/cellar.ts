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
 * that follow (`Annexetitre`) are imported with their text read as an
 * article's (numbered paragraphs, points and indents by their styles).
 * Point nesting is rebuilt from the style level (`Point0`, `Point1`,
 * `Point2`, `Tiret1`…) and the numbering style of the labels.
 */
import type {
  Annex,
  Article,
  Citation,
  Division,
  Document,
  Formula,
  Indent,
  Inline,
  Paragraph,
  Point,
  Recital,
  Signature,
  TitleLine
} from '@redlex/tree'
import {ImportContext} from './context.js'
import type {ImportOptions} from './context.js'
import {finishDocument} from './finish.js'
import {checkNumbering, ordinal, warnIfNoProvisions} from './numbering.js'
import {
  blocksWithLooseText,
  classes,
  contains,
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
import type {HDocument, HElement, HNode} from './html.js'
import {
  ENACTING_FORMULA,
  annexChildren,
  assemble,
  divisionKind,
  isRecitalsIntroText,
  makeUnit,
  numStyle,
  splitFormula,
  placeDivision,
  unitChildren
} from './structure.js'
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

const DIVISION_NUM =
  /^(part|title|chapter|section|sub-?section)\s*([0-9]+(?![0-9])|[IVXLCDM]+\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b)\.?/i
const ARTICLE_NUM = /^article\s+\d+[a-z]*$/i
const ARTICLE_PREFIX = /^(?:article|ARTICLE|Article)[\s\u00a0]+\d+(?:[a-z]{1,2}(?![a-z]))?/

/**
 * Style families, recognised by prefix rather than by exact name: Word,
 * LegisWrite and LEOS all derive their names from these (`Titrearticle0`,
 * `Titrearticlefa`, `li ManualNumPar2`, `Point0number`, `Tiret1`…).
 */
const STYLE = {
  article: /^Titrearticle/,
  division: /^(ChapterTitle|SectionTitle|Titrechapitre|Titresection|Titrepartie|PartTitle|TitleTitle)/,
  heading: /^(Manual)?Heading\d$/,
  recital: /Considrant/,
  numPar: /^(Manual)?NumPar\d*$/,
  point: /^(Manual)?Point\d/,
  dash: /^(Tiret|ListDash|ListBullet|Dash|Bullet)\d*$/,
  text: /^Text\d$/
}
type Family = keyof typeof STYLE

function family(cls: readonly string[], name: Family): string | undefined {
  return cls.find((c) => STYLE[name].test(c))
}

export function readCellar(html: string, ctx: ImportContext, linkReferences?: boolean): Document {
  const dom = parseHtml(html)
  const ps = paragraphs(dom)
  const notes = new Map<string, HElement>()
  for (const dd of findAll(dom, (el) => (hAttr(el, 'id') ?? '').startsWith('footnote') && el.tagName !== 'a'))
    notes.set(hAttr(dd, 'id')!, dd)
  const start = actingEntity(ps)
  if (
    start === -1 ||
    !ps.some(
      (p) =>
        family(classes(p), 'recital') !== undefined ||
        family(classes(p), 'article') !== undefined ||
        ARTICLE_NUM.test(clean(textOfEl(p)))
    )
  ) {
    throw notAnAct(
      dom,
      ctx,
      'no acting-entity formula (p.Institutionquiagit) and no articles were found (Cellar proposal XHTML)'
    )
  }
  reportHtmlIssues(dom, ctx)
  const reader = new CellarReader(ctx, notes)
  const doc = finishDocument(reader.read(ps, start), linkReferences === false ? {linkReferences: false} : {})
  checkNumbering(doc, ctx)
  warnIfNoProvisions(doc, ctx)
  return doc
}

/**
 * The title of the legislative financial statement (from 2024 "… AND DIGITAL STATEMENT") when its style
 * (`Fichefinanciretitre`) was lost: it follows the act and is not part of it.
 */
const FINANCIAL_STATEMENT = /^(?:LEGISLATIVE\s+)?FINANCIAL(?:\s+AND\s+DIGITAL)?\s+STATEMENT(?:\s+FOR\s+.*)?$/

const ACTING_ENTITY =
  /^THE (?:EUROPEAN PARLIAMENT AND THE )?COUNCIL OF THE EUROPEAN UNION,?$|^THE EUROPEAN (?:COMMISSION|PARLIAMENT|CENTRAL BANK),?$/

/**
 * Where the act starts: the acting-entity formula, by its style
 * (`Institutionquiagit`) or, when the style was lost, by its words
 * (`THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,`).
 */
function actingEntity(ps: readonly HElement[]): number {
  const styled = ps.findIndex((p) => hasClass(p, 'Institutionquiagit'))
  return styled !== -1 ? styled : ps.findIndex((p) => ACTING_ENTITY.test(clean(textOfEl(p))))
}

/**
 * The document's paragraphs in order: every `<p>`, plus each run of text
 * found outside any `<p>` (text directly in a `<div>` or a cell, or left
 * behind by a `<div>` inside a `<p>`) as a paragraph of its own marked
 * `loose`, so malformed nesting never loses words. Iterative.
 */
function paragraphs(dom: HDocument): HElement[] {
  return blocksWithLooseText(dom, (el) => {
    if (el.tagName === 'p') return 'block'
    // Footnote texts (`dl#footnotes`, `dd#footnoteN`) are read where they are referenced.
    if (el.tagName === 'title' || el.tagName === 'head' || (hAttr(el, 'id') ?? '').startsWith('footnote')) return 'skip'
    return 'descend'
  })
}

class CellarReader {
  constructor(
    private readonly ctx: ImportContext,
    private readonly notes: Map<string, HElement>
  ) {}

  read(ps: HElement[], start: number): Document {
    const children: Document['children'] = []
    // Title lines: the Statut/Typedudocument/Titreobjet paragraphs right before the act.
    const title: TitleLine[] = []
    let kind: Document['kind'] = 'regulation'
    for (let i = start - 1; i >= 0 && i >= start - 8; i--) {
      const c = classes(ps[i]!)
      const type = c.includes('Statut')
        ? 'docStage'
        : c.includes('Typedudocument')
          ? 'docType'
          : c.includes('Titreobjet')
            ? 'docPurpose'
            : c.includes('IntrtEEE')
              ? 'docNote'
              : undefined
      if (!type) {
        if (c.some((x) => /_cp$/.test(x)) || c.includes('Rfrenceinterinstitutionnelle')) break
        continue
      }
      const inl = normalizeInlines(this.inlines(ps[i]!))
      if (inl.length > 0) title.unshift({type, children: inl})
      if (type === 'docType')
        kind = /directive/i.test(plain(inl)) ? 'directive' : /decision/i.test(plain(inl)) ? 'decision' : 'regulation'
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
    /** Each annex's text, read as an article's (see the annex phase). */
    const annexShells = new Map<Annex, Article>()

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

    /**
     * A numbered paragraph, a point, an indent or text of the open unit (an
     * article, or the annex being read): its place by its style and number.
     */
    const addToUnit = (p: (typeof ps)[number], cls: readonly string[], unit: NonNullable<typeof article>): void => {
      const numPar = family(cls, 'numPar')
      const pointCls = family(cls, 'point')
      const dashCls = family(cls, 'dash')
      const textCls = family(cls, 'text')
      const numbered = numPar ? this.numbered(p, 'paragraph') : undefined
      if (numbered && numbered.num === undefined && paragraph) {
        // A paragraph style with no number printed (Word's `NumPar1` whose automatic number Cellar
        // does not render): in the published acts these are further subparagraphs of the paragraph.
        stack = []
        paragraph.builder.parts.push({kind: 'unit', text: numbered.rest, items: [], at: positionOfEl(p)})
      } else if (numbered) {
        const {num, rest} = numbered
        if (paragraph) unit.builder.parts.push(paragraph.node)
        const prev = unit.builder.parts.filter((x): x is Paragraph => 'type' in x && x.type === 'paragraph').length
        const node: Paragraph = {type: 'paragraph', eId: '', num: num ?? `${prev + 1}.`, children: []}
        node.position = positionOfEl(p)
        paragraph = {node, builder: {parts: [{kind: 'unit', text: rest, items: []}]}}
        builders.set(node, paragraph.builder)
        stack = []
      } else if (pointCls || dashCls) {
        const {num, rest} = this.numbered(p, 'point')
        const level = Number(/\d/.exec(pointCls ?? dashCls ?? '')?.[0] ?? '0')
        // A dash label is an indent whatever the style (`li Point2` holding `–`).
        const dashed = dashCls !== undefined || /^[—–-]$|^•$/.test(num ?? '')
        const style = dashed ? 'dash' : numStyle(num ?? '')
        const builder: Builder = {parts: [{kind: 'unit', text: rest, items: []}]}
        const item: Item = dashed
          ? ({type: 'indent', eId: '', num: '—', children: []} as Indent)
          : ({type: 'point', eId: '', num: num ?? '', children: []} as Point)
        const at = positionOfEl(p)
        if (at) item.position = at
        // Find the parent: pop deeper or equal levels (siblings), unless the label starts a new style.
        while (stack.length > 0) {
          const top = stack[stack.length - 1]!
          if (top.level > level) stack.pop()
          else if (
            top.level === level &&
            (sameStyle(top.style, style, top.item.num, num ?? '') || !startsList(num ?? '', style))
          )
            stack.pop()
          else break
        }
        const parent = stack[stack.length - 1]
        const target = parent ? parent.builder : containerBuilder()!
        currentUnit(target).items.push({item, builder})
        stack.push({
          level,
          style: style === 'roman' && parent?.style !== 'alpha' && /^\(?i\)?$/.test(num ?? '') ? 'roman' : style,
          item,
          builder
        })
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

    for (let i = start; i < ps.length; i++) {
      const p = ps[i]!
      const cls = classes(p)
      const text = clean(textOfEl(p))
      if (cls.includes('Fichefinanciretitre') || FINANCIAL_STATEMENT.test(text)) {
        phase = 'skip'
        continue
      }
      if (cls.includes('Annexetitre')) {
        finishArticle()
        phase = 'annex'
        annex = {type: 'annex', eId: '', num: text.replace(/:$/, ''), children: []}
        annex.position = positionOfEl(p)
        annexes.push(annex)
        continue
      }
      if (phase === 'skip') continue
      if (p.loose && text !== '')
        this.ctx.warn(
          'formats/html-malformed-nesting',
          `text outside any paragraph element: "${text.slice(0, 60)}": kept as a paragraph`,
          pointOfEl(p)
        )
      if (phase === 'annex' && annex) {
        const inl = normalizeInlines(this.inlines(p))
        if (inl.length === 0) continue
        if (!annex.heading && !article && text === text.toUpperCase() && /[A-Z]/.test(text)) {
          annex.heading = inl
          continue
        }
        // The annex's text is read as an article's is: numbered paragraphs, points and indents by their
        // styles, in a shell whose units become the annex's once it ends.
        if (!article) {
          const shell: Article = {type: 'article', eId: '', num: '', children: []}
          annexShells.set(annex, shell)
          article = {node: shell, builder: {parts: []}, awaitingHeading: false}
        }
        addToUnit(p, cls, article)
        continue
      }
      if (text === '' && !cls.includes('Institutionquisigne')) continue

      if (phase === 'preamble') {
        if (i === start || cls.includes('Institutionquiagit')) {
          preamble.push({type: 'formula', name: 'actingEntity', children: normalizeInlines(this.inlines(p))})
          continue
        }
        if (
          cls.includes('Formuledadoption') ||
          (ENACTING_FORMULA.test(text) && text.length < 60 && !family(cls, 'recital'))
        ) {
          enacting = {type: 'formula', name: 'enactingFormula', children: normalizeInlines(this.inlines(p))}
          phase = 'body'
          continue
        }
        const last = recitals[recitals.length - 1]
        const recitalStyled = family(cls, 'recital') !== undefined
        // A recital whose style was lost: `(N)` right after recital N-1.
        // A recital whose style was lost: `(1) …` first (no citation starts so), or `(N)` right after recital N-1.
        const printed = /^\(\d+\)/.exec(text)
        const recitalByText =
          !recitalStyled && printed !== null && ordinal(printed[0]) === (last ? (ordinal(last.num) ?? -1) + 1 : 1)
        let inl: Inline[]
        if (isRecitalsIntroText(text) && recitals.length === 0) {
          recitalsIntro = normalizeInlines(this.inlines(p))
          continue
        } else if (recitalStyled || recitalByText) {
          const {num, rest} = this.numbered(p, 'recital')
          const recital: Recital = {type: 'recital', eId: '', children: []}
          if (num !== undefined) recital.num = num
          recital.position = positionOfEl(p)
          recitals.push(recital)
          inl = rest
        } else if (recitals.length === 0) {
          const citation: Citation = {
            type: 'citation',
            eId: '',
            children: [{type: 'content', children: normalizeInlines(this.inlines(p))}]
          }
          citation.position = positionOfEl(p)
          citations.push(citation)
          continue
        } else {
          inl = normalizeInlines(this.inlines(p))
        }
        // The enacting formula run into the end of the last recital (`…principlesHAVE ADOPTED THIS REGULATION:`).
        const split = splitFormula(inl)
        if (split) {
          inl = split.before
          enacting = {type: 'formula', name: 'enactingFormula', children: split.formula}
          this.ctx.warn(
            'formats/formula-in-recital',
            `the enacting formula "${plain(split.formula)}" is run into the text of recital ${recitals[recitals.length - 1]!.num ?? ''}: split off`,
            pointOfEl(p)
          )
          phase = 'body'
        }
        const recital = recitals[recitals.length - 1]!
        const unit = makeUnit(unitChildren(inl, []))
        if (recital.children.length === 0) recital.children = assemble([unit])
        // Text between recitals: continuation of the last recital.
        else if (inl.length > 0)
          recital.children.push({type: 'subparagraph', eId: '', children: [{type: 'content', children: inl}]})
        continue
      }

      if (
        phase === 'end' ||
        cls.includes('Applicationdirecte') ||
        /^this (regulation|directive|decision) shall be binding in its entirety/i.test(text) ||
        cls.includes('Fait') ||
        cls.includes('Institutionquisigne') ||
        cls.includes('Personnequisigne')
      ) {
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
      const numPar = family(cls, 'numPar')
      const pointCls = family(cls, 'point')
      const dashCls = family(cls, 'dash')
      const textCls = family(cls, 'text')
      const provisionStyled = numPar !== undefined || pointCls !== undefined || dashCls !== undefined
      const styled =
        family(cls, 'article') !== undefined ||
        family(cls, 'division') !== undefined ||
        family(cls, 'heading') !== undefined
      // A heading by its look: short, no closing punctuation, not styled as a provision's text.
      const headingLike = !provisionStyled && text.length < 200 && !/[.;:,]$/.test(text)
      const lines = styled || headingLike ? this.lines(p) : []
      const articleNum = lines.length > 0 ? articleNumber(plain(lines[0]!), styled) : undefined
      if (articleNum !== undefined) {
        finishArticle()
        awaitingDivisionHeading = undefined
        const node: Article = {type: 'article', eId: '', num: articleNum, children: []}
        node.position = positionOfEl(p)
        article = {node, builder: {parts: []}, awaitingHeading: true}
        const heading = afterNumber(lines, articleNum)
        if (heading.length > 0) {
          node.heading = heading
          article.awaitingHeading = false
        }
        addToBody(node)
        continue
      }
      const split = lines.length > 0 ? this.divisionNum(lines) : undefined
      if (split) {
        finishArticle()
        const dkind = divisionKind(split.num) ?? 'section'
        const node: Division = {type: 'division', eId: '', kind: dkind, num: split.num, children: []}
        node.position = positionOfEl(p)
        if (split.heading.length > 0) node.heading = split.heading
        divisionPath = placeDivision(divisionPath, body, node)
        division = node
        awaitingDivisionHeading = split.heading.length > 0 ? undefined : node
        continue
      }
      if (
        (styled || (headingLike && !textCls)) &&
        article &&
        article.awaitingHeading &&
        article.builder.parts.length === 0 &&
        !paragraph
      ) {
        article.node.heading = normalizeInlines(this.inlines(p))
        article.awaitingHeading = false
        continue
      }
      // The heading of a division whose number stood alone (`CHAPTER I`), whatever its style.
      if ((styled || headingLike) && awaitingDivisionHeading) {
        awaitingDivisionHeading.heading = normalizeInlines(this.inlines(p))
        awaitingDivisionHeading = undefined
        continue
      }
      if (styled) {
        // A heading without a number: a division whose number is missing in the source.
        finishArticle()
        const level = Number(family(cls, 'heading')?.slice(-1) ?? '1')
        const guess: Division['kind'] =
          level >= 2 && division && division.kind !== 'chapter' ? division.kind : level >= 2 ? 'section' : 'chapter'
        const node: Division = {
          type: 'division',
          eId: '',
          kind: guess,
          num: '',
          heading: normalizeInlines(this.inlines(p)),
          children: []
        }
        this.ctx.warn(
          'formats/cellar-unnumbered-division',
          `heading "${text.slice(0, 60)}" has no number: imported as a ${guess} without number`,
          pointOfEl(p)
        )
        divisionPath = placeDivision(divisionPath, body, node)
        division = node
        continue
      }
      if (!article) {
        this.ctx.warn('formats/cellar-stray-text', `text outside any article: "${text.slice(0, 60)}"`, pointOfEl(p))
        continue
      }
      article.awaitingHeading = false
      awaitingDivisionHeading = undefined
      addToUnit(p, cls, article)
    }
    finishArticle()

    const pre: Document['children'][number] = {type: 'preamble', children: [...preamble]}
    if (citations.length > 0) pre.children.push({type: 'citations', children: citations})
    if (recitals.length > 0)
      pre.children.push(
        recitalsIntro
          ? {type: 'recitals', intro: recitalsIntro, children: recitals}
          : {type: 'recitals', children: recitals}
      )
    if (enacting) pre.children.push(enacting)
    children.push(pre)
    children.push({type: 'body', children: body})
    const sigs = signatures(signatureLines)
    if (conclusions.length > 0 || sigs.length > 0)
      children.push({type: 'conclusions', children: [...conclusions, ...sigs]})
    for (const a of annexes) {
      const shell = annexShells.get(a)
      a.children = shell ? (shell.children as Annex['children']) : annexChildren(a.children)
    }
    children.push(...annexes)
    signatureLines = []
    return {type: 'document', kind, stage: 'proposal', children}
  }

  /** `CHAPTER II` and its heading, from the first line (the heading after a line break, a span, or glued). */
  private divisionNum(lines: Inline[][]): {num: string; heading: Inline[]} | undefined {
    const first = plain(lines[0] ?? [])
    const m = DIVISION_NUM.exec(first)
    if (!m) return undefined
    if (clean(first.slice(m[0].length)) === '') return {num: first, heading: joinHeading(lines.slice(1))}
    const num = m[0].replace(/\.$/, '')
    return {num, heading: afterNumber(lines, num)}
  }

  /**
   * The label in `span.num`, else one typed at the start of the text
   * (`(i) a hosting service;`), else one glued to the text (`(17)This
   * Regulation …`, reported), and the rest of the paragraph.
   */
  private numbered(p: HElement, kind: 'recital' | 'paragraph' | 'point'): {num: string | undefined; rest: Inline[]} {
    const numEl = findFirst(p, (el) => el.tagName === 'span' && hasClass(el, 'num'))
    const num = numEl ? clean(textOfEl(numEl)) : ''
    if (numEl && num !== '') return {num, rest: normalizeInlines(this.inlines(p, numEl))}
    const all = normalizeInlines(this.inlines(p))
    const typed = stripPrefix(all, /^(\([a-z]{1,5}\)|\(\d+[a-z]*\)|\d+[a-z]*\.|[—–-])[\s\u00a0]+/)
    if (typed.removed !== '') return {num: typed.removed.trim(), rest: typed.rest}
    const glued = stripPrefix(all, GLUED[kind])
    if (glued.removed !== '' && glued.rest.length > 0) {
      this.ctx.warn(
        'formats/glued-number',
        `the number ${glued.removed} of this ${kind} is glued to its text in the source ("${plain(all).slice(0, 40)}"): read as its number`,
        pointOfEl(p)
      )
      return {num: glued.removed, rest: glued.rest}
    }
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
        if (skip && contains(node, skip)) {
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
    if (el.tagName === 'i' || el.tagName === 'em' || cls.includes('Emphasis'))
      return [{type: 'emphasis', children: this.inlines(el)}]
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

function sameStyle(a: string, b: string, prevNum: string, num: string): boolean {
  if (a === b) return true
  // (i) after (h) is alpha; (v) after (u), (x) after (w).
  const p = prevNum.replace(/[()]/g, '')
  const n = num.replace(/[()]/g, '')
  if (a === 'alpha' && b === 'roman' && n.length === 1 && p.length === 1 && n.charCodeAt(0) === p.charCodeAt(0) + 1)
    return true
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

/** Numbers glued to the text that follows, by kind of provision (a paragraph's only before a capital or quote). */
const GLUED = {
  recital: /^\(\d+[a-z]*\)(?=\S)/,
  paragraph: /^\d+[a-z]*\.(?=[A-Z‘“(])/,
  point: /^\((?:[a-z]{1,5}|\d+[a-z]*)\)(?=\S)/
}

/** The article number of a heading paragraph: the whole first line, or its start when styled as a heading. */
function articleNumber(firstLine: string, styled: boolean): string | undefined {
  if (ARTICLE_NUM.test(firstLine)) return firstLine
  return styled ? ARTICLE_PREFIX.exec(firstLine)?.[0] : undefined
}

/** Heading lines joined by a space. */
function joinHeading(lines: readonly Inline[][]): Inline[] {
  return normalizeInlines(lines.flatMap((line, i) => (i > 0 ? [{type: 'text' as const, value: ' '}, ...line] : line)))
}

/** What follows a number (`Article 1`, `CHAPTER I`) in a heading paragraph: the heading. */
function afterNumber(lines: readonly Inline[][], num: string): Inline[] {
  const [head = [], ...more] = lines
  const text = plain(head)
  if (text === num) return joinHeading(more)
  const escaped = num.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\u00a0]+')
  const {removed, rest} = stripPrefix(normalizeInlines(head), new RegExp('^' + escaped + '[\\s\\u00a0]*'))
  // The number inside formatting: keep the rest of the line as plain text.
  const first = removed !== '' ? rest : normalizeInlines([{type: 'text', value: text.slice(num.length)}])
  return joinHeading([first, ...more])
}
