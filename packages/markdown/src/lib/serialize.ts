/**
 * redlex tree → dialect Markdown, through mdast and remark-stringify. The
 * output is canonical: parsing it and writing it again gives the same bytes.
 */
import type {PhrasingContent, Root, RootContent} from 'mdast'
import {
  inlineText,
  cleanNum,
  parseNumber,
  pointStyles,
  type Annex,
  type NumberStyle,
  type ParsedNumber,
  type Article,
  type Division,
  type Document,
  type Inline,
  type ProvisionContent
} from '@redlex/tree'
import {toPhrasing} from './inline.js'
import {checkSequence, isFirst} from './sequence.js'
import {stringifyMdast} from './processor.js'

/** The reader's CONCLUDING_RE (parse.ts): text that ends the articles. */
const CONCLUDING_START = /^This (?:Regulation|Directive|Decision) shall be binding in its entirety|^Done at\b/
const LABEL_START = /^(?:\((?:-?[a-z]+|-?\d+[a-z]*)\)|-?\d+[a-z]*\.|—)(?=\s|$)/

/** Write a document as canonical dialect Markdown. */
export function toMarkdown(document: Document): string {
  return new Writer().document(document)
}

class Writer {
  private readonly notes = new Map<string, Inline[]>()
  private readonly out: RootContent[] = []
  /** The number of the article written last (article numbers run across divisions). */
  private lastArticle: string | undefined
  /** True while writing recitals: there `(3)` reads as a recital unless marked as a point. */
  private inRecital = false
  /** True while writing the enacting terms. */
  private inBody = false
  /** The numbering style the reader gives each list (keyed by its first item). */
  private readonly listStyles = new WeakMap<ProvisionContent, ListStyle>()

  /** `<!-- as-printed -->`: the next unit's number is the source's, defect included. */
  private asPrinted(): void {
    this.out.push({type: 'html', value: '<!-- as-printed -->'})
  }

  document(document: Document): string {
    for (const part of document.children) {
      switch (part.type) {
        case 'preface':
          for (const line of part.children) {
            if (line.type === 'docType')
              this.out.push({type: 'heading', depth: 1, children: this.phrasing(line.children)})
            else this.plain(line.children)
          }
          break
        case 'preamble':
          for (const item of part.children) {
            if (item.type === 'formula') this.plain(item.children)
            else if (item.type === 'citations')
              for (const citation of item.children) for (const block of citation.children) this.plain(block.children)
            else {
              if (item.intro) this.plain(item.intro)
              let previous: string | undefined
              this.inRecital = true
              for (const recital of item.children) {
                if (previous !== undefined && recital.num !== undefined && !inSequence(previous, recital.num))
                  this.asPrinted()
                previous = recital.num
                // A recital printed without a number would read as a citation: say what it is.
                if (recital.num === undefined) this.out.push({type: 'html', value: '<!-- recital -->'})
                this.unit(recital.num ?? '', recital.children, 0)
              }
              this.inRecital = false
            }
          }
          break
        case 'body':
          this.inBody = true
          this.divisionsOrArticles(part.children)
          this.inBody = false
          break
        case 'conclusions':
          this.out.push({type: 'thematicBreak'})
          for (const item of part.children) this.plain(item.children)
          break
        case 'annex':
          this.annex(part)
          break
      }
    }
    if (this.notes.size > 0) {
      for (const [label, children] of this.notes) {
        this.out.push({
          type: 'footnoteDefinition',
          identifier: label.toLowerCase(),
          label,
          children: [{type: 'paragraph', children: this.phrasing(children)}]
        })
      }
    }
    const root: Root = {type: 'root', children: this.out}
    return stringifyMdast(root)
  }

  private phrasing(children: readonly Inline[]): PhrasingContent[] {
    return toPhrasing(children, this.notes)
  }

  /** A paragraph whose text must not be read as a label: escape a leading `(a)`, `1.` or `—`. */
  private plain(children: readonly Inline[], indent = ''): void {
    const text = inlineText(children)
    let prefix = indent
    // `(a)` is kept literal by `\(`; `1.` is escaped by remark-stringify itself (`1\.`).
    const phrasing = this.phrasing(children)
    // Only a label written first reads as one (`*(a) …*` starts with `*`).
    if (LABEL_START.test(text) && text.startsWith('(') && phrasing[0]?.type === 'text') prefix += '\\'
    if (CONCLUDING_START.test(text) && phrasing[0]?.type === 'text' && this.inBody) {
      // Words that would end the articles (`Done at …`) stay in the article: their first letter as a reference.
      const first = phrasing[0]
      phrasing[0] = {...first, value: first.value.slice(1)}
      prefix += `&#x${first.value.charCodeAt(0).toString(16).toUpperCase()};`
    }
    if (text.startsWith('—')) {
      // An em dash cannot be backslash-escaped; a character reference keeps it literal.
      const first = phrasing[0]
      if (first && first.type === 'text') {
        phrasing[0] = {...first, value: first.value.slice(1)}
        prefix += '&#x2014;'
      }
    }
    this.block(prefix, phrasing)
  }

  private block(prefix: string, children: PhrasingContent[]): void {
    this.out.push({
      type: 'redlexBlock',
      prefix,
      children: protectEdges(children, prefix === '' || /\s$/.test(prefix))
    } as unknown as RootContent)
  }

  private divisionsOrArticles(children: ReadonlyArray<Division | Article>): void {
    for (const child of children) {
      if (child.type === 'division') {
        this.out.push({type: 'heading', depth: 2, children: [{type: 'text', value: child.num}]})
        if (child.heading) this.out.push({type: 'heading', depth: 2, children: this.phrasing(child.heading)})
        this.divisionsOrArticles(child.children)
      } else {
        if (this.lastArticle !== undefined && !inSequence(this.lastArticle, child.num)) this.asPrinted()
        this.lastArticle = child.num
        this.out.push({type: 'heading', depth: 3, children: [{type: 'text', value: child.num}]})
        if (child.heading) this.out.push({type: 'heading', depth: 4, children: this.phrasing(child.heading)})
        this.contents(child.children, 0)
      }
    }
  }

  private annex(annex: Annex): void {
    this.out.push({type: 'heading', depth: 2, children: [{type: 'text', value: annex.num}]})
    if (annex.heading) this.out.push({type: 'heading', depth: 2, children: this.phrasing(annex.heading)})
    // Runs of content between headings are written together, so that what follows a list knows it.
    let run: ProvisionContent[] = []
    for (const child of annex.children) {
      if (child.type !== 'heading') {
        run.push(child)
        continue
      }
      this.contents(run, 0)
      run = []
      this.out.push({
        type: 'heading',
        depth: Math.min(6, Math.max(1, child.depth) + 2) as 3 | 4 | 5 | 6,
        children: this.phrasing(child.children)
      })
    }
    this.contents(run, 0)
  }

  /**
   * A numbered unit: its label and first text block on one line, then its
   * other children. `depth` is its point depth (0 for paragraphs, recitals).
   */
  private unit(
    label: string,
    children: readonly ProvisionContent[],
    depth: number,
    open: readonly OpenLevel[] = [],
    indent = ''
  ): void {
    const first = children[0]
    let rest = children
    if (first && (first.type === 'content' || first.type === 'intro')) {
      this.block(indent + label + ' ', this.phrasing(first.children))
      rest = children.slice(1)
    } else {
      this.block(indent + label, [])
    }
    this.contents(rest, depth, open)
  }

  /**
   * Children of a unit whose own point depth is `depth`; `open` are the list
   * levels the reader has open there (the points it sits in, outermost
   * first), to see where a point's number alone would be misread.
   */
  private contents(children: readonly ProvisionContent[], depth: number, open: readonly OpenLevel[] = []): void {
    const indent = '  '.repeat(depth)
    let previous: ProvisionContent | undefined
    let previousParagraph: string | undefined
    let list: {level: OpenLevel; first: ProvisionContent} | undefined
    let previousItem: ProvisionContent | undefined
    for (const child of children) {
      const afterList = previous?.type === 'point' || previous?.type === 'indent'
      previous = child
      if (child.type !== 'point' && child.type !== 'indent') {
        list = undefined
        previousItem = undefined
      }
      switch (child.type) {
        case 'content':
        case 'intro':
          this.plain(child.children, indent)
          break
        case 'wrapUp':
          // The reader takes lower-case text after a list as its closing words; say so otherwise.
          if (!startsLower(child.children)) this.out.push({type: 'html', value: '<!-- wrap-up -->'})
          this.plain(child.children, indent)
          break
        case 'paragraph':
          if (
            child.num !== undefined &&
            !(previousParagraph === undefined ? startsSequence(child.num) : inSequence(previousParagraph, child.num))
          )
            this.asPrinted()
          previousParagraph = child.num
          this.unit(child.num ?? '', child.children, 0)
          break
        case 'subparagraph':
          if (afterList && startsLower(firstText(child.children)))
            this.out.push({type: 'html', value: '<!-- subparagraph -->'})
          this.subparagraph(child.children, indent, depth, open)
          break
        case 'point':
        case 'indent': {
          const label = labelOf(child.num)
          let levels: OpenLevel[]
          let indented = false
          if (!list) {
            // The first point of a list: a new level under the open ones.
            levels = [...open]
            // A first number that could continue an outer list ((i) under (h)) is indented (the reader opens a deeper list).
            indented = depth > 0 && child.type === 'point' && startsList(label) && continuesAnyLevel(label, open)
          } else {
            levels = [...open, list.level, ...openBelow(previousItem!, this.listStyles)]
          }
          const placed = readerPlacement(levels, label, indented)
          const wanted = open.length
          let level: OpenLevel
          // In the recitals an arabic `(3)` would read as a recital: such points always say their level.
          const readAsRecital = this.inRecital && label !== undefined && parseNumber(label, 'arabic') !== undefined
          if (!readAsRecital && placed && placed.index === wanted && (list ? placed.continues : !placed.continues)) {
            level = list ? {style: list.level.style, last: child.num} : {style: placed.style, last: child.num}
          } else {
            // The numbering alone would mislead the reader (a defect of the source, or a number that fits another list).
            this.out.push({type: 'html', value: `<!-- level ${wanted + 1} -->`})
            indented = false
            level = {style: list ? list.level.style : guessStyle(label), last: child.num}
          }
          if (!list) list = {level, first: child}
          else list.level = level
          this.listStyles.set(child, level.style)
          previousItem = child
          this.unit(child.num, child.children, depth + 1, [...open, level], indented ? indent : '')
          break
        }
        case 'table':
          this.out.push({
            type: 'table',
            align: child.align ?? [],
            children: child.children.map((row) => ({
              type: 'tableRow',
              children: row.children.map((cell) => ({type: 'tableCell', children: this.phrasing(cell.children)}))
            }))
          })
          break
      }
    }
  }

  private subparagraph(
    children: readonly ProvisionContent[],
    indent: string,
    depth: number,
    open: readonly OpenLevel[]
  ): void {
    const first = children[0]
    let rest = children
    if (first && (first.type === 'content' || first.type === 'intro')) {
      this.plain(first.children, indent)
      rest = children.slice(1)
    }
    this.contents(rest, depth, open)
  }
}

function startsLower(children: readonly Inline[]): boolean {
  return /^\p{Ll}/u.test(inlineText(children).trimStart())
}

function firstText(children: readonly ProvisionContent[]): Inline[] {
  const first = children[0]
  return first && (first.type === 'content' || first.type === 'intro') ? first.children : []
}

type ListStyle = NumberStyle | 'dotted'

/** A list level as the reader keeps it: its numbering style and the number of its last item. */
interface OpenLevel {
  style: ListStyle
  last: string
}

/** What the reader matches a point's number against: `a` of `(a)`, `3.1` of `3.1.`; undefined for an indent. */
function labelOf(num: string): string | undefined {
  if (/^\s*[—–-]\s*$/.test(num)) return undefined
  return cleanNum(num).replace(/\.$/, '')
}

function stylesOf(label: string | undefined): ListStyle[] {
  return label === undefined ? ['dash'] : label.includes('.') ? ['dotted'] : pointStyles(label)
}

function parsed(label: string, style: ListStyle): ParsedNumber | undefined {
  return style === 'dash' || style === 'dotted' ? undefined : parseNumber(label, style)
}

/** True when `label` is a first number ((a), (i), (1), (-a)) that opens a list. */
function startsList(label: string | undefined): boolean {
  return (
    label !== undefined &&
    stylesOf(label).some((style) => {
      const n = parsed(label, style)
      return n !== undefined && isFirst(n)
    })
  )
}

/** True when `label` reads as the next number of one of the `levels`. */
function continuesAnyLevel(label: string | undefined, levels: readonly OpenLevel[]): boolean {
  return levels.some((level) => continuesLevel(label, level))
}

function continuesLevel(label: string | undefined, level: OpenLevel): boolean {
  const styles = stylesOf(label)
  if (!styles.includes(level.style)) return false
  if (level.style === 'dash' || level.style === 'dotted') return true
  const last = labelOf(level.last)
  const a = last === undefined ? undefined : parsed(last, level.style)
  const b = parsed(label!, level.style)
  return a !== undefined && b !== undefined && checkSequence(a, b) === 'ok'
}

/**
 * Where the reader puts a point from its number alone (parse.ts, `listItem`):
 * continuing the innermost open level it fits (`continues`), else a new
 * level with the first style its number starts; undefined when neither.
 */
function readerPlacement(
  levels: readonly OpenLevel[],
  label: string | undefined,
  forceDeeper: boolean
): {index: number; continues: boolean; style: ListStyle} | undefined {
  if (!forceDeeper) {
    for (let i = levels.length - 1; i >= 0; i--) {
      if (continuesLevel(label, levels[i]!)) return {index: i, continues: true, style: levels[i]!.style}
    }
  }
  const first = stylesOf(label).find(
    (style) =>
      style === 'dash' ||
      style === 'dotted' ||
      (label !== undefined &&
        isFirst(parsed(label, style) ?? ({base: 0, suffix: 'x', negative: false} as ParsedNumber)))
  )
  return first === undefined ? undefined : {index: levels.length, continues: false, style: first}
}

/** The style the reader gives a list opened by `<!-- level N -->` (parse.ts, `placeAtLevel`). */
function guessStyle(label: string | undefined): ListStyle {
  const styles = stylesOf(label)
  if (label === undefined) return 'dash'
  if (styles.includes('dotted')) return 'dotted'
  const first = styles.find((style) => {
    const n = parsed(label, style)
    return n !== undefined && isFirst(n)
  })
  return first ?? (styles.includes('alpha') && label.length === 1 && label !== 'i' ? 'alpha' : styles[0]!)
}

/** The list levels still open after `item`: its last child's list, that list's last item's list … */
function openBelow(item: ProvisionContent, styles: WeakMap<ProvisionContent, ListStyle>): OpenLevel[] {
  const out: OpenLevel[] = []
  let current: ProvisionContent | undefined = item
  while (current && 'children' in current) {
    const children = current.children as ProvisionContent[]
    const last = children[children.length - 1]
    if (!last || (last.type !== 'point' && last.type !== 'indent')) break
    out.push({style: styles.get(last) ?? guessStyle(labelOf(last.num)), last: last.num})
    current = last
  }
  return out
}

/** True when `next` follows `previous` (arabic numbers of articles, paragraphs, recitals). */
function inSequence(previous: string, next: string): boolean {
  const a = parseNumber(cleanNum(previous).replace(/\.$/, ''), 'arabic')
  const b = parseNumber(cleanNum(next).replace(/\.$/, ''), 'arabic')
  return a !== undefined && b !== undefined && checkSequence(a, b) === 'ok'
}

/** True when a first paragraph number is one the reader accepts without a mark (1., or an inserted -1.). */
function startsSequence(num: string): boolean {
  const n = parseNumber(cleanNum(num).replace(/\.$/, ''), 'arabic')
  return n !== undefined && checkSequence(undefined, n) === 'ok'
}

/**
 * Markdown drops the spaces and tabs at the start and end of a paragraph;
 * a text that has them (an amendment's inserted words, say) keeps them as
 * character references.
 */
function protectEdges(children: PhrasingContent[], atLineStart: boolean): PhrasingContent[] {
  const out = [...children]
  const first = out[0]
  if (first?.type === 'text' && atLineStart) {
    const lead = /^[ \t]+/.exec(first.value)
    if (lead)
      out.splice(
        0,
        1,
        ...rawWhitespace(lead[0]),
        ...(first.value.length > lead[0].length ? [{...first, value: first.value.slice(lead[0].length)}] : [])
      )
  }
  const last = out[out.length - 1]
  if (last?.type === 'text') {
    const trail = /[ \t]+$/.exec(last.value)
    if (trail)
      out.splice(
        out.length - 1,
        1,
        ...(trail.index > 0 ? [{...last, value: last.value.slice(0, trail.index)}] : []),
        ...rawWhitespace(trail[0])
      )
  }
  return out
}

function rawWhitespace(value: string): PhrasingContent[] {
  return [
    {
      type: 'redlexRaw',
      value: [...value].map((c) => (c === '\t' ? '&#9;' : '&#32;')).join('')
    } as unknown as PhrasingContent
  ]
}
