/**
 * Citation labels in current EU style ("Article 3(2), point (a)"; deep
 * points without repeating "point": "Article 47(1), point (d)(3)(iv)"),
 * outlines and counts.
 */
import type {Document, Node} from './types.js'
import {parseEid} from './eid.js'
import {ordinalWord} from './numbering.js'
import {inlineText, isProvision, listProvisions, walk} from './walk.js'

const DIVISION_WORD: Record<string, string> = {
  part: 'Part',
  title: 'Title',
  chp: 'Chapter',
  sec: 'Section',
  subsec: 'Subsection'
}

/**
 * The label a drafter writes for a provision, from its eId:
 * `art_3__para_2__point_a` → `Article 3(2), point (a)`;
 * `art_10__subpara_2` → `Article 10, second paragraph`;
 * `art_5__para_1__subpara_2` → `Article 5(1), second subparagraph`;
 * `rec_12` → `recital 12`; `chp_II` → `Chapter II`; `anx_I` → `Annex I`.
 */
export function citationLabel(eId: string): string {
  const steps = parseEid(eId)
  let out = ''
  let points = ''
  let inPoint = false
  const flushPoints = (): void => {
    if (points) {
      out += (out ? ', ' : '') + 'point ' + points
      points = ''
    }
  }
  for (const [kind, num] of steps) {
    switch (kind) {
      case 'cit':
        out = `citation ${num}`
        break
      case 'rec':
        out = `recital ${num}`
        break
      case 'anx':
        out = /^\d+$/.test(num) && num === '1' ? 'Annex' : `Annex ${num}`
        break
      case 'art':
        out = `Article ${num}`
        break
      case 'para':
        out += `(${num})`
        break
      case 'point':
        points += `(${num})`
        inPoint = true
        break
      case 'subpara': {
        flushPoints()
        const word = inPoint || out.includes('(') ? 'subparagraph' : 'paragraph'
        out += `, ${ordinalWord(Number(num))} ${word}`
        break
      }
      case 'indent':
        flushPoints()
        out += `, ${ordinalWord(Number(num))} indent`
        break
      default:
        if (kind in DIVISION_WORD) out = (out ? out + ', ' : '') + `${DIVISION_WORD[kind]} ${num}`
        else out += (out ? ', ' : '') + `${kind} ${num}`
    }
  }
  flushPoints()
  return out
}

/** Counts used by `redlex check`. */
export interface DocumentCounts {
  citations: number
  recitals: number
  articles: number
  chapters: number
  annexes: number
}

/** Count citations, recitals, articles, chapters and annexes. */
export function countProvisions(document: Document): DocumentCounts {
  const counts: DocumentCounts = {citations: 0, recitals: 0, articles: 0, chapters: 0, annexes: 0}
  walk(document, (node) => {
    if (node.type === 'citation') counts.citations++
    else if (node.type === 'recital') counts.recitals++
    else if (node.type === 'article') counts.articles++
    else if (node.type === 'annex') counts.annexes++
    else if (node.type === 'division' && node.kind === 'chapter') counts.chapters++
    else if (node.type === 'content' || node.type === 'intro' || node.type === 'wrapUp') return false
    return undefined
  })
  return counts
}

export interface OutlineOptions {
  /** Deepest unit to list: `article` (default) or `all` provisions. */
  depth?: 'article' | 'all'
}

/**
 * A readable outline: the title, counts of citations and recitals, then one
 * line per division, article and annex (or every provision with `depth: 'all'`),
 * indented by nesting, each ending with its eId in brackets.
 */
export function outline(document: Document, options?: Readonly<OutlineOptions> | null): string {
  const all = options?.depth === 'all'
  const lines: string[] = []
  const preface = document.children.find((c) => c.type === 'preface')
  if (preface && preface.type === 'preface') {
    const title = preface.children.map((line) => inlineText(line.children)).join(' ')
    lines.push(title)
  }
  const counts = countProvisions(document)
  lines.push(
    `${document.kind}, ${document.stage}: ${counts.citations} citations, ${counts.recitals} recitals, ${counts.articles} articles, ${counts.annexes} annexes`
  )
  for (const {node, ancestors} of listProvisions(document)) {
    if (node.type === 'citation' || node.type === 'recital') continue
    const provisionDepth = ancestors.filter((a) => isProvision(a as Node)).length
    const isTop = node.type === 'division' || node.type === 'article' || node.type === 'annex'
    if (!all && !isTop) continue
    const heading = 'heading' in node && node.heading ? ' ' + inlineText(node.heading) : ''
    const num = node.num ?? (node.type === 'subparagraph' ? '¶' : '')
    lines.push(`${'  '.repeat(provisionDepth)}${num}${heading} [${node.eId}]`)
  }
  return lines.join('\n')
}
