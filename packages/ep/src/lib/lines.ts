/**
 * Lines of a column as numbered text, and provisions built from them: the
 * EP prints a new or rewritten unit as paragraphs of text, each starting
 * with its number (`1a.`, `(b)`, `—`), which this module turns back into a
 * tree (paragraphs, points, indents, subparagraphs).
 */
import {textToInlines, type Content, type Inline, type Intro, type Provision, type ProvisionContent} from '@redlex/tree'
import {lineText, type EpLine} from './types.js'

/** A line with its number split off. */
export interface NumberedLine {
  num?: string
  text: string
}

// `1a.`, `(b)`, `(b a)`, `b)`, `(33b` (a slip), `—`: followed by a space or the end of the line.
const LEADING_NUMBER =
  /^(\d+\s?[a-z]{0,3}\.|\((?:-?[a-z]{1,4}(?:\s[a-z]{1,3})?|-?\d+\s?[a-z]{0,3})\)?|(?:[a-z]{1,4}|\d+[a-z]{0,3})\)|[—–]|-)(?=\s|$)\s*/i

/** Split the number printed at the start of a line (in its own cell, or at the start of the text). */
export function numberedLine(line: EpLine): NumberedLine {
  const text = lineText(line)
  if (line.num !== undefined) return {num: line.num.replace(/\s+/g, ''), text}
  const m = LEADING_NUMBER.exec(text)
  if (m && m[0].length < text.length) return {num: m[1]!.replace(/\s+/g, ''), text: text.slice(m[0].length)}
  if (m && m[0].trim() === text) return {num: m[1]!.replace(/\s+/g, ''), text: ''}
  return {text}
}

type LineClass = 'paragraph' | 'point' | 'roman' | 'indent' | 'text'

const ROMAN = /^\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv)[a-z]?\)$/

function classOf(num: string | undefined, previousPoint: string | undefined, nextNum: string | undefined): LineClass {
  if (num === undefined) return 'text'
  if (/^\d+[a-z]*\.$/i.test(num)) return 'paragraph'
  if (/^[—–-]$/.test(num)) return 'indent'
  if (ROMAN.test(num)) {
    // `(i)` after `(h)` is a letter, unless `(ii)` follows; otherwise a roman sub-point.
    const prev = previousPoint?.replace(/[()]/g, '')
    const letter = num.replace(/[()]/g, '')
    const follows =
      prev !== undefined &&
      /^[a-z]$/.test(prev) &&
      letter.length === 1 &&
      letter.charCodeAt(0) === prev.charCodeAt(0) + 1
    const romanNext = letter === 'i' && nextNum !== undefined && nextNum.replace(/[()]/g, '') === 'ii'
    if (!follows || romanNext) return 'roman'
  }
  return 'point'
}

const RANK: Record<LineClass, number> = {paragraph: 1, point: 2, roman: 3, indent: 4, text: 9}

function unitType(c: LineClass): 'paragraph' | 'point' | 'indent' {
  return c === 'paragraph' ? 'paragraph' : c === 'indent' ? 'indent' : 'point'
}

interface Open {
  node: Provision & {children: ProvisionContent[]}
  rank: number
}

function inlines(text: string): Inline[] {
  return textToInlines(text)
}

/** Give a unit its own text: `content`, or `intro` once it has sub-units. */
function ownText(node: {children: ProvisionContent[]}, text: string): void {
  if (text !== '') node.children.push({type: 'content', children: inlines(text)})
}

function makeIntro(node: {children: ProvisionContent[]}): void {
  const first = node.children[0]
  if (first && first.type === 'content') node.children[0] = {type: 'intro', children: first.children} satisfies Intro
}

/**
 * Build the unit a column describes. `kind` is the unit's type; the first
 * line is the unit itself (its number and own text; for an article, its
 * `Article N` line and heading), the rest its sub-units.
 */
export function buildUnit(
  kind: Provision['type'],
  lines: readonly NumberedLine[],
  fallbackNum: string | undefined
): Provision {
  const rest = [...lines]
  if (kind === 'article') return buildArticle(rest, fallbackNum)
  if (kind === 'citation') {
    return {
      type: 'citation',
      eId: '',
      children: [{type: 'content', children: inlines(rest.map((l) => l.text).join(' '))}]
    }
  }
  const first = rest.shift() ?? {text: ''}
  const num = first.num ?? fallbackNum
  const node = {
    type: kind,
    eId: '',
    ...(num !== undefined && kind !== 'subparagraph' ? {num} : {}),
    children: [] as ProvisionContent[]
  } as unknown as Provision & {children: ProvisionContent[]}
  ownText(node, first.text)
  fill(node, rankOf(kind, num), rest)
  return node
}

function rankOf(kind: Provision['type'], num: string | undefined): number {
  if (kind === 'paragraph') return 1
  if (kind === 'point') return num !== undefined && ROMAN.test(num) ? 3 : 2
  if (kind === 'indent') return 4
  return 0
}

function buildArticle(lines: NumberedLine[], fallbackNum: string | undefined): Provision {
  let num = fallbackNum ?? ''
  const head = lines[0]
  // A whole article is printed `Article 13a` / heading / paragraphs; without
  // that first line the lines are the article's text only (its "paragraph 1").
  const printedWhole = head !== undefined && head.num === undefined && /^Article\b/i.test(head.text)
  if (printedWhole) {
    num = head.text
      .replace(/[—–]\s*/g, '')
      .replace(/(\d)\s+([a-z])\b/gi, '$1$2')
      .replace(/\s+/g, ' ')
      .trim()
    lines.shift()
  }
  let heading: Inline[] | undefined
  const next = lines[0]
  if (printedWhole && next && next.num === undefined && lines.length > 1) {
    heading = inlines(next.text)
    lines.shift()
  }
  const node = {
    type: 'article' as const,
    eId: '',
    num,
    ...(heading ? {heading} : {}),
    children: [] as ProvisionContent[]
  }
  fill(node as never, 0, lines)
  return node
}

/** Put `lines` under `top`: numbered lines open units by rank, unnumbered ones become subparagraphs. */
function fill(top: Provision & {children: ProvisionContent[]}, topRank: number, lines: readonly NumberedLine[]): void {
  const stack: Open[] = [{node: top, rank: topRank}]
  // The last lettered point: `i)` after `h)` continues that list.
  let lastLetter: string | undefined
  lines.forEach((line, i) => {
    const cls = classOf(line.num, lastLetter, lines[i + 1]?.num)
    if (cls === 'text') {
      // Unnumbered: a subparagraph of the nearest paragraph (or of the top unit).
      while (stack.length > 1 && stack[stack.length - 1]!.node.type !== 'paragraph') stack.pop()
      const owner = stack[stack.length - 1]!.node
      if (owner.children.length === 0) ownText(owner, line.text)
      else
        owner.children.push({
          type: 'subparagraph',
          eId: '',
          children: [{type: 'content', children: inlines(line.text)}]
        } as ProvisionContent)
      return
    }
    const rank = RANK[cls]
    while (stack.length > 1 && stack[stack.length - 1]!.rank >= rank) stack.pop()
    const parent = stack[stack.length - 1]!
    const type = unitType(cls)
    const unit = {type, eId: '', num: line.num!, children: [] as ProvisionContent[]} as unknown as Provision & {
      children: ProvisionContent[]
    }
    ownText(unit, line.text)
    makeIntro(parent.node)
    // Sub-units go before the parent's later subparagraphs? They come in reading order, so append.
    parent.node.children.push(unit as ProvisionContent)
    if (cls === 'point') lastLetter = line.num
    else if (cls === 'paragraph') lastLetter = undefined
    stack.push({node: unit, rank})
  })
}

export type {Content}
