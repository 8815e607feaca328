/**
 * redlex tree → dialect Markdown, through mdast and remark-stringify. The
 * output is canonical: parsing it and writing it again gives the same bytes.
 */
import type {PhrasingContent, Root, RootContent} from 'mdast'
import {
  inlineText, cleanNum, parseNumber, pointStyles,
  type Annex, type Article, type Division, type Document, type Inline, type ProvisionContent
} from '@redlex/tree'
import {toPhrasing} from './inline.js'
import {checkSequence} from './sequence.js'
import {stringifyMdast} from './processor.js'

const LABEL_START = /^(?:\((?:-?[a-z]+|-?\d+[a-z]*)\)|-?\d+[a-z]*\.|—)(?=\s|$)/

/** Write a document as canonical dialect Markdown. */
export function toMarkdown(document: Document): string {
  return new Writer().document(document)
}

class Writer {
  private readonly notes = new Map<string, Inline[]>()
  private readonly out: RootContent[] = []

  document(document: Document): string {
    for (const part of document.children) {
      switch (part.type) {
        case 'preface':
          for (const line of part.children) {
            if (line.type === 'docType') this.out.push({type: 'heading', depth: 1, children: this.phrasing(line.children)})
            else this.plain(line.children)
          }
          break
        case 'preamble':
          for (const item of part.children) {
            if (item.type === 'formula') this.plain(item.children)
            else if (item.type === 'citations') for (const citation of item.children) for (const block of citation.children) this.plain(block.children)
            else {
              if (item.intro) this.plain(item.intro)
              for (const recital of item.children) this.unit(recital.num ?? '', recital.children, 0)
            }
          }
          break
        case 'body':
          this.divisionsOrArticles(part.children)
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
    if (LABEL_START.test(text) && text.startsWith('(')) prefix += '\\'
    const phrasing = this.phrasing(children)
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
    this.out.push({type: 'redlexBlock', prefix, children} as unknown as RootContent)
  }

  private divisionsOrArticles(children: ReadonlyArray<Division | Article>): void {
    for (const child of children) {
      if (child.type === 'division') {
        this.out.push({type: 'heading', depth: 2, children: [{type: 'text', value: child.num}]})
        if (child.heading) this.out.push({type: 'heading', depth: 2, children: this.phrasing(child.heading)})
        this.divisionsOrArticles(child.children)
      } else {
        this.out.push({type: 'heading', depth: 3, children: [{type: 'text', value: child.num}]})
        if (child.heading) this.out.push({type: 'heading', depth: 4, children: this.phrasing(child.heading)})
        this.contents(child.children, 0)
      }
    }
  }

  private annex(annex: Annex): void {
    this.out.push({type: 'heading', depth: 2, children: [{type: 'text', value: annex.num}]})
    if (annex.heading) this.out.push({type: 'heading', depth: 2, children: this.phrasing(annex.heading)})
    for (const child of annex.children) {
      if (child.type === 'heading') this.out.push({type: 'heading', depth: Math.min(6, Math.max(3, child.depth)) as 3 | 4 | 5 | 6, children: this.phrasing(child.children)})
      else this.contents([child], 0)
    }
  }

  /**
   * A numbered unit: its label and first text block on one line, then its
   * other children. `depth` is its point depth (0 for paragraphs, recitals).
   */
  private unit(label: string, children: readonly ProvisionContent[], depth: number, ancestors: readonly string[] = [], indent = ''): void {
    const first = children[0]
    let rest = children
    if (first && (first.type === 'content' || first.type === 'intro')) {
      this.block(indent + label + ' ', this.phrasing(first.children))
      rest = children.slice(1)
    } else {
      this.block(indent + label, [])
    }
    this.contents(rest, depth, depth > 0 ? [...ancestors, label] : ancestors)
  }

  /**
   * Children of a unit whose own point depth is `depth`; `ancestors` are the
   * labels of the points it sits in (outermost first), to see where a nested
   * list's first number could be misread as continuing an outer list.
   */
  private contents(children: readonly ProvisionContent[], depth: number, ancestors: readonly string[] = []): void {
    const indent = '  '.repeat(depth)
    let previous: ProvisionContent | undefined
    let firstItem = true
    let previousItem: string | undefined
    for (const child of children) {
      const afterList = previous?.type === 'point' || previous?.type === 'indent'
      previous = child
      switch (child.type) {
        case 'content':
        case 'intro':
          this.plain(child.children, indent)
          break
        case 'wrapUp':
          // The reader takes lower-case text after a list as its closing words; say so otherwise.
          if (!startsLower(child.children)) this.out.push({type: 'html', value: '<!-- wrap-up -->'})
          this.block(indent, this.phrasing(child.children))
          break
        case 'paragraph':
          this.unit(child.num ?? '', child.children, 0)
          break
        case 'subparagraph':
          if (afterList && startsLower(firstText(child.children))) this.out.push({type: 'html', value: '<!-- subparagraph -->'})
          this.subparagraph(child.children, indent, depth, ancestors)
          break
        case 'point':
        case 'indent': {
          // The first point of a nested list is indented when its number could continue an outer list ((i) under (h)).
          const ambiguous = firstItem && depth > 0 && continuesAny(child.num, ancestors)
          // A later point whose number would open a new list ((a) after (c)) is marked as a sibling.
          if (!firstItem && previousItem && opensList(child.num) && !continuesAny(child.num, [previousItem])) this.out.push({type: 'html', value: '<!-- same-list -->'})
          firstItem = false
          previousItem = child.num
          this.unit(child.num, child.children, depth + 1, ancestors, ambiguous ? indent : '')
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

  private subparagraph(children: readonly ProvisionContent[], indent: string, depth: number, ancestors: readonly string[]): void {
    const first = children[0]
    let rest = children
    if (first && (first.type === 'content' || first.type === 'intro')) {
      this.plain(first.children, indent)
      rest = children.slice(1)
    }
    this.contents(rest, depth, ancestors)
  }
}

function startsLower(children: readonly Inline[]): boolean {
  return /^\p{Ll}/u.test(inlineText(children).trimStart())
}

function firstText(children: readonly ProvisionContent[]): Inline[] {
  const first = children[0]
  return first && (first.type === 'content' || first.type === 'intro') ? first.children : []
}

/** True when point label `num` is a first number ((a), (i), (1), (-a)) that the reader takes to open a list. */
function opensList(num: string): boolean {
  const clean = cleanNum(num)
  return pointStyles(clean).some((style) => {
    const parsed = parseNumber(clean, style)
    return parsed !== undefined && (parsed.negative || (parsed.base === 1 && parsed.suffix === ''))
  })
}

/** True when point label `num` would read as the next number after one of `ancestors`. */
function continuesAny(num: string, ancestors: readonly string[]): boolean {
  const clean = cleanNum(num)
  const styles = pointStyles(clean)
  return ancestors.some((ancestor) => {
    const outer = cleanNum(ancestor)
    return pointStyles(outer).some((style) => {
      if (!styles.includes(style)) return false
      const a = parseNumber(outer, style)
      const b = parseNumber(clean, style)
      return a !== undefined && b !== undefined && checkSequence(a, b) === 'ok'
    })
  })
}
