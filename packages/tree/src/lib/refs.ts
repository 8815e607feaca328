/**
 * Cross-references in EU text: finding them (`Article 3(2), point (a)`,
 * `Articles 2 to 4`, `recital 12`, `the first subparagraph of Article 5(1)`…),
 * linking them as `ref` nodes with resolved target eIds, and rewriting the
 * numbers inside them when the document is renumbered (domain.md §2.6, §9.3).
 *
 * A reference followed by `of Directive …`, `of Regulation …`, `of Decision …`,
 * `of the Treaty …`, `TFEU`, `TEU` or `thereof` points into another act: it is
 * marked `external` and never resolved or renumbered. `of this Regulation` is
 * internal. References in citations are always external (they cite the Treaty).
 */
import type {Document, Inline, Node, Provision, Ref, Text} from './types.js'
import {parseEid} from './eid.js'
import {fromOrdinalWord, ordinalWord} from './numbering.js'
import {isProvision} from './walk.js'

/** What one step of a reference names. */
export type ReferenceUnit =
  | 'article'
  | 'paragraph'
  | 'subparagraph'
  | 'point'
  | 'recital'
  | 'part'
  | 'title'
  | 'chapter'
  | 'section'
  | 'subsection'
  | 'annex'

/** One number inside a reference: `3` in `Article 3`, `a` in `point (a)`, `first` in `the first subparagraph`. */
export interface ReferenceStep {
  unit: ReferenceUnit
  /** The clean number (`3`, `2`, `a`, `II`); for ordinals the value as digits (`1` for `first`). */
  num: string
  /** Offsets of the number's text inside the span's `value` (`[start, end)`). */
  start: number
  end: number
  /** For `paragraph` steps read from `Article 3(2)(a)`: the group may be a point when the article has no paragraphs. */
  paren?: true
  /** For ordinal steps: the unit word as written (`paragraph` or `subparagraph`). */
  ordinal?: 'paragraph' | 'subparagraph'
}

/** One target path: `Article 3(2), point (a)` is one item of three steps. */
export interface ReferenceItem {
  steps: ReferenceStep[]
  /** True when the path starts below the article (`paragraph 2`, `point (a)`): it resolves against its context. */
  relative: boolean
  /**
   * The end of a range whose start is the item before it: `102 to 109` in
   * `Article 6(1), Articles 102 to 109 and Article 112`. A span that is one
   * range (`range`) marks its second item so too.
   */
  to?: true
}

/** A reference found in text. */
export interface ReferenceSpan {
  /** Offsets in the searched text (`[start, end)`). */
  start: number
  end: number
  /** The reference as written (`text.slice(start, end)`). */
  value: string
  /** One item per target (two endpoints for a range). */
  items: ReferenceItem[]
  external?: true
  /** `Articles 2 to 4`: `items` are the two endpoints. */
  range?: true
}

// ---------------------------------------------------------------------------
// Finding

const WS = '[ \\u00a0\\t]+(?:\\n[ \\u00a0\\t]*)?|\\n[ \\u00a0\\t]*'
const SP = `(?:${WS})`
/**
 * The ordinal words, always used inside a group. The lookahead `(?=[a-z])`
 * matches nothing and every word passes it, but it tells V8's regular
 * expression compiler what may come next: without it, compiling the
 * patterns that hold an ordinal after a separator (`first and second`) took
 * about 3 ms each, on the first import of every process.
 */
const ORDINALS =
  '(?=[a-z])(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)'
/** `first and second`, `first, second and third`, `second to fourth`: ordinals before a plural unit word. */
const ORDINAL_LIST = `(?:${ORDINALS})(?:(?:,${SP}(?:(?:and|or)${SP})?|${SP}(?:and|or|to)${SP})(?:${ORDINALS}))+`
const DIVISIONS: Record<string, ReferenceUnit> = {
  part: 'part',
  title: 'title',
  chapter: 'chapter',
  section: 'section',
  subsection: 'subsection',
  annex: 'annex'
}
/** Sticky: tested where a reference ends. */
const EXTERNAL = new RegExp(
  `(?:,?${SP}(?:of|to|in)${SP}(?!this\\b)(?:(?:the|that|a|Council|Commission|Delegated|Implementing|European|Parliament|and|of)${SP})*` +
    `(?:Directive|Regulation|Decision|Framework${SP}Decision|Treaty|Treaties|Charter|Protocol|Convention|Agreement|Act)\\b` +
    `|${SP}(?:TFEU|TEU|thereof)\\b)`,
  'y'
)

interface Cursor {
  text: string
  pos: number
}

/**
 * A pattern of the grammar, compiled once when the module loads (compiling
 * one at every call cost more than the matching, and so did building its
 * source string to look it up). Sticky, so `lastIndex` anchors each match
 * at the cursor.
 */
function sticky(source: string): RegExp {
  return new RegExp(source, 'yu')
}

function match(cursor: Cursor, re: RegExp): RegExpExecArray | undefined {
  re.lastIndex = cursor.pos
  const m = re.exec(cursor.text)
  if (!m) return undefined
  cursor.pos = re.lastIndex
  return m
}

type Builder = {steps: ReferenceStep[]; relative: boolean; to?: true}

/** `(2)(a)(iv)` groups right after a number. */
/**
 * Read the separator before the next item of a list of references (", ",
 * ", and ", " or ", " to ") when `next` follows it. A range ("(a) to (d)")
 * joins exactly two items, and a list that has been a range takes no more
 * items: then the separator is left unread. Returns what was read, or
 * `undefined` where the list ends.
 */
function listSeparator(cursor: Cursor, next: RegExp, count: number, range: boolean): 'item' | 'range' | undefined {
  const save = cursor.pos
  const sep = match(cursor, next)
  if (!sep) return undefined
  const to = /\bto\b/.test(sep[0])
  if (to ? count > 1 : range) {
    cursor.pos = save
    return undefined
  }
  return to ? 'range' : 'item'
}

function parens(cursor: Cursor, steps: ReferenceStep[], first: 'paragraph' | 'point', base: number): void {
  let kind = first
  for (;;) {
    const m = match(cursor, PAREN_GROUP)
    if (!m) return
    const num = m[1]!
    const step: ReferenceStep = {
      unit: kind === 'paragraph' && /^-?\d/.test(num) ? 'paragraph' : 'point',
      num,
      start: m.index + 1 - base,
      end: m.index + 1 + num.length - base
    }
    if (step.unit === 'paragraph' && first === 'paragraph') step.paren = true
    steps.push(step)
    kind = 'point'
  }
}

type Read = {items: Builder[]; range: boolean}

/**
 * `, point (a)(3)(iv)` or ` points (j) and (k)` after an article or
 * paragraph (the comma is optional: real acts write `paragraph 1 point (b)`
 * and `Article 6(1) points (j) and (k)`). Returns the items (one per point),
 * or `undefined` (cursor unchanged) when no point list follows.
 */
function pointTail(cursor: Cursor, base: number, item: Builder): Read | undefined {
  const save = cursor.pos
  // `points (j) and (k)`, and the singular written with a list too: `paragraph 2 point (g) and (h)`
  if (match(cursor, POINTS_AFTER)) {
    const list = pointList(cursor, base)
    if (!list) {
      cursor.pos = save
      return undefined
    }
    return markRange({
      items: list.items.map((steps) => ({steps: [...item.steps, ...steps], relative: item.relative})),
      range: list.range
    })
  }
  return undefined
}

/** `(a) and (b)`, `(a), (c) and (d)`, `(a) to (c)`. */
function pointList(cursor: Cursor, base: number): {items: ReferenceStep[][]; range: boolean} | undefined {
  const items: ReferenceStep[][] = []
  let range = false
  for (;;) {
    const steps: ReferenceStep[] = []
    parens(cursor, steps, 'point', base)
    if (steps.length === 0) break
    items.push(steps)
    const next = listSeparator(cursor, SEPARATOR_BEFORE_PAREN, items.length, range)
    if (next === undefined) break
    if (next === 'range') range = true
  }
  if (items.length === 0) return undefined
  if (range && items.length !== 2) return undefined
  return {items, range}
}

/** Mark the second endpoint of a range read as two items. */
function markRange(read: Read): Read {
  if (read.range && read.items.length === 2) read.items[1]!.to = true
  return read
}

/** `, first subparagraph` after an article or paragraph. */
function ordinalTail(cursor: Cursor, base: number, item: Builder): void {
  const m = match(cursor, ORDINAL_AFTER)
  if (!m) return
  const start = m.index + m[0].indexOf(m[1]!, 1) - base
  item.steps.push({
    unit: 'subparagraph',
    num: String(fromOrdinalWord(m[1]!)),
    start,
    end: start + m[1]!.length,
    ordinal: m[2] as 'paragraph' | 'subparagraph'
  })
}

/** What may follow an article or paragraph: `, first subparagraph`, then `, point (a)` / `points (a) and (b)`. */
function tails(cursor: Cursor, base: number, item: Builder): Read {
  ordinalTail(cursor, base, item)
  return pointTail(cursor, base, item) ?? {items: [item], range: false}
}

/** One `Article 3(2), point (a)` (singular keyword already consumed up to the number). */
function articleItem(cursor: Cursor, base: number): Read | undefined {
  const m = match(cursor, ARTICLES.number)
  if (!m) return undefined
  const item: Builder = {
    steps: [{unit: 'article', num: m[1]!, start: m.index - base, end: m.index + m[1]!.length - base}],
    relative: false
  }
  parens(cursor, item.steps, 'paragraph', base)
  return tails(cursor, base, item)
}

/** A list of numbers after a plural keyword: `2 to 4`, `1, 4 and 9`, `3(1) and 5`. */
function numberList(
  cursor: Cursor,
  base: number,
  unit: ReferenceUnit,
  form: NumberForm,
  relative: boolean
): Read | undefined {
  const items: Builder[] = []
  let range = false
  for (;;) {
    const m = match(cursor, form.number)
    if (!m) break
    const item: Builder = {
      steps: [{unit, num: m[1]!, start: m.index - base, end: m.index + m[1]!.length - base}],
      relative
    }
    if (unit === 'article' || unit === 'paragraph') {
      parens(cursor, item.steps, unit === 'article' ? 'paragraph' : 'point', base)
      // `paragraphs 1, point (d), 2 and 3`: a point of one member, the list goes on
      const tail = pointTail(cursor, base, item)
      items.push(...(tail && !tail.range ? tail.items : [item]))
    } else items.push(item)
    const next = listSeparator(cursor, form.next, items.length, range)
    if (next === undefined) break
    if (next === 'range') range = true
  }
  if (items.length === 0 || (range && items.length !== 2)) return undefined
  return markRange({items, range})
}

const ARTICLE_NUM = '-?\\d{1,4}[a-z]{0,3}'
const DIVISION_NUM = '[IVXLCDM]{1,6}|\\d{1,3}[a-z]?|[A-Z]'
/** Points of an annex: `3`, `3.2`, `(a)`. */
const ANNEX_POINT = '\\d{1,3}(?:\\.\\d{1,3})*[a-z]?'

/** Between two items of a list: `, `, `, and `, ` or `, ` to `. */
const LIST_SEPARATOR = `(?:,${SP}(?:(?:and|or)${SP})?|${SP}(?:and|or|to)${SP})`

/** How the numbers of one unit are written in a list: one number, and a separator before the next one. */
interface NumberForm {
  number: RegExp
  next: RegExp
}

function numberForm(pattern: string): NumberForm {
  const number = `(?:${pattern})(?![\\p{L}\\d/])`
  return {number: sticky(`(${pattern})(?![\\p{L}\\d/])`), next: sticky(`${LIST_SEPARATOR}(?=${number})`)}
}

const ARTICLES = numberForm(ARTICLE_NUM)
const PARAGRAPHS = numberForm('\\d{1,3}[a-z]{0,3}')
const RECITALS = numberForm('\\d{1,4}[a-z]{0,3}')
const DIVISION_NUMBERS = numberForm(DIVISION_NUM)

const PAREN_GROUP = sticky('\\((-?[0-9]{1,3}[a-z]{0,3}|-?[a-z]{1,4})\\)')
const SEPARATOR_BEFORE_PAREN = sticky(`${LIST_SEPARATOR}(?=\\()`)
const POINTS_AFTER = sticky(`(?:,${SP}|${SP})points?${SP}(?=\\()`)
const ORDINAL_AFTER = sticky(`,${SP}(${ORDINALS})${SP}(subparagraph|paragraph)\\b`)
const OF_PARENT = sticky(
  `${SP}of${SP}(?=(?:the${SP})?(?:(?:${ORDINALS})${SP}(?:subparagraph|paragraph)\\b|(?:Article|paragraph|point|Annex|Part|Title|Chapter|Section|Subsection)${SP}))`
)
const DIVISION_AFTER = sticky(`,${SP}(Part|Title|Chapter|Section|Subsection)${SP}(${DIVISION_NUM})(?![\\p{L}\\d/])`)
const ANNEX_POINT_AFTER = sticky(`,${SP}points?${SP}(${ANNEX_POINT})(?![\\p{L}\\d/])`)

/**
 * `of Article 6(1)`, `of paragraph 1`, `of the first subparagraph of
 * Article 5`, `of Chapter III`: the unit a relative head (`points (h) and
 * (i)`, `the second subparagraph`, `Section 2`) belongs to. Every item of
 * the head is prefixed with the one item read after `of`; without such an
 * item (nothing, a list, a range) the cursor is restored and the head stays
 * relative.
 */
function ofTail(cursor: Cursor, base: number, head: Read): Read {
  const save = cursor.pos
  if (!match(cursor, OF_PARENT)) return head
  const inner = readReference(cursor, base)
  const only = inner && !inner.range && inner.items.length === 1 ? inner.items[0]! : undefined
  if (!only) {
    cursor.pos = save
    return head
  }
  return {
    items: head.items.map((item) => ({
      steps: [...only.steps, ...item.steps],
      relative: only.relative,
      ...(item.to ? {to: true as const} : {})
    })),
    range: head.range
  }
}

/** Sub-units after a division or annex: `Chapter III, Section 2`, `Annex I, point 3`, `Annex II, Section A, point 1`. */
function divisionTail(cursor: Cursor, base: number, item: Builder): Read {
  for (;;) {
    const save = cursor.pos
    const div = match(cursor, DIVISION_AFTER)
    if (div) {
      const start = div.index + div[0].lastIndexOf(div[2]!) - base
      item.steps.push({unit: DIVISIONS[div[1]!.toLowerCase()]!, num: div[2]!, start, end: start + div[2]!.length})
      continue
    }
    cursor.pos = save
    const point = match(cursor, ANNEX_POINT_AFTER)
    if (point) {
      const start = point.index + point[0].lastIndexOf(point[1]!) - base
      item.steps.push({unit: 'point', num: point[1]!, start, end: start + point[1]!.length})
      parens(cursor, item.steps, 'point', base)
      return {items: [item], range: false}
    }
    cursor.pos = save
    const tail = pointTail(cursor, base, item)
    return tail ?? {items: [item], range: false}
  }
}

/** Between two members of a list written with its keyword each: `, `, `, and `, ` and `, ` or `. */
const MEMBER_SEPARATOR = `(?:,${SP}(?:(?:and|or)${SP})?|${SP}(?:and|or)${SP})`
const MORE_ARTICLES = sticky(`${MEMBER_SEPARATOR}[Aa]rticles${SP}`)
const MORE_ARTICLE = sticky(`${MEMBER_SEPARATOR}[Aa]rticle${SP}`)

/**
 * `Article 2 and Article 3(1)`, `Article 6(1), Articles 102 to 109 and
 * Article 112`: mixed levels, lists and ranges are written out in full,
 * each member with its keyword. One span holds them all; a range member
 * keeps its end marked (`to`), and the span is a `range` only when it is
 * one range and nothing else.
 */
function moreArticles(cursor: Cursor, base: number, first: Read): Read {
  const groups = [first]
  for (;;) {
    const save = cursor.pos
    let next: Read | undefined
    if (match(cursor, MORE_ARTICLES)) next = numberList(cursor, base, 'article', ARTICLES, false)
    else if (match(cursor, MORE_ARTICLE)) {
      next = articleItem(cursor, base)
      // `Article 7(1), points (a) and (b)` after a list would blur which article the points belong to
      if (next && (next.range || next.items.length > 1)) next = undefined
    }
    if (!next) {
      cursor.pos = save
      break
    }
    groups.push(next)
  }
  return groups.length === 1 ? first : {items: groups.flatMap((group) => group.items), range: false}
}

const ORDINAL_HEAD = sticky(`(?:[Tt]he${SP})?(${ORDINALS})${SP}(subparagraph|paragraph)\\b`)
const ORDINALS_HEAD = sticky(`(?:[Tt]he${SP})?(${ORDINAL_LIST})${SP}(subparagraph|paragraph)s\\b`)
const ORDINAL_WORDS = new RegExp(`(?:${ORDINALS})`, 'g')
const ARTICLES_HEAD = sticky(`[Aa]rticles${SP}`)
const ARTICLE_HEAD = sticky(`[Aa]rticle${SP}`)
const PARAGRAPHS_HEAD = sticky(`[Pp]aragraphs${SP}`)
const PARAGRAPH_HEAD = sticky(`[Pp]aragraph${SP}`)
const PARAGRAPH_NUMBER = sticky('(-?\\d{1,3}[a-z]{0,3})(?![\\p{L}\\d/])')
const POINTS_HEAD = sticky(`[Pp]oints?${SP}(?=\\()`)
const RECITALS_HEAD = sticky(`[Rr]ecitals?${SP}`)
const DIVISION_HEAD = sticky(`(Part|Title|Chapter|Section|Subsection|Annex)(es|s)?${SP}`)

/**
 * Try to read one reference starting at `cursor.pos` (which must be at a
 * keyword). Returns the items and flags, with step offsets relative to `base`.
 */
function readReference(cursor: Cursor, base: number): Read | undefined {
  const start = cursor.pos
  // the second subparagraph [, point (a)] [of Article 5(1)]
  const ord = match(cursor, ORDINAL_HEAD)
  if (ord) {
    const word = ord[1]!
    const wordStart = ord.index + ord[0].indexOf(word) - base
    const step: ReferenceStep = {
      unit: 'subparagraph',
      num: String(fromOrdinalWord(word)),
      start: wordStart,
      end: wordStart + word.length,
      ordinal: ord[2] as 'paragraph' | 'subparagraph'
    }
    const item: Builder = {steps: [step], relative: true}
    return ofTail(cursor, base, pointTail(cursor, base, item) ?? {items: [item], range: false})
  }
  cursor.pos = start
  // the first and second subparagraphs [of Article 5(1)]
  const ords = match(cursor, ORDINALS_HEAD)
  if (ords) {
    const listStart = ords.index + ords[0].indexOf(ords[1]!)
    const words = [...ords[1]!.matchAll(ORDINAL_WORDS)]
    const range = /\bto\b/.test(ords[1]!)
    if (!range || words.length === 2) {
      const items: Builder[] = words.map((word) => {
        const wordStart = listStart + word.index! - base
        return {
          steps: [
            {
              unit: 'subparagraph',
              num: String(fromOrdinalWord(word[0])),
              start: wordStart,
              end: wordStart + word[0].length,
              ordinal: ords[2] as 'paragraph' | 'subparagraph'
            }
          ],
          relative: true
        }
      })
      return ofTail(cursor, base, markRange({items, range}))
    }
  }
  cursor.pos = start
  if (match(cursor, ARTICLES_HEAD)) {
    const list = numberList(cursor, base, 'article', ARTICLES, false)
    return list ? moreArticles(cursor, base, list) : undefined
  }
  if (match(cursor, ARTICLE_HEAD)) {
    const first = articleItem(cursor, base)
    if (!first) return undefined
    if (first.range || first.items.length > 1) return first
    return moreArticles(cursor, base, first)
  }
  if (match(cursor, PARAGRAPHS_HEAD)) {
    const list = numberList(cursor, base, 'paragraph', PARAGRAPHS, true)
    return list ? ofTail(cursor, base, list) : undefined
  }
  if (match(cursor, PARAGRAPH_HEAD)) {
    const m = match(cursor, PARAGRAPH_NUMBER)
    if (!m) return undefined
    const item: Builder = {
      steps: [{unit: 'paragraph', num: m[1]!, start: m.index - base, end: m.index + m[1]!.length - base}],
      relative: true
    }
    parens(cursor, item.steps, 'point', base)
    return ofTail(cursor, base, tails(cursor, base, item))
  }
  if (match(cursor, POINTS_HEAD)) {
    const list = pointList(cursor, base)
    return list
      ? ofTail(
          cursor,
          base,
          markRange({items: list.items.map((steps) => ({steps, relative: true})), range: list.range})
        )
      : undefined
  }
  if (match(cursor, RECITALS_HEAD)) return numberList(cursor, base, 'recital', RECITALS, false)
  const div = match(cursor, DIVISION_HEAD)
  if (div) {
    const unit = DIVISIONS[div[1]!.toLowerCase()]!
    const list = numberList(cursor, base, unit, DIVISION_NUMBERS, false)
    if (!list || list.range || list.items.length > 1 || div[2]) return list
    const read = divisionTail(cursor, base, list.items[0]!)
    // `Section 2 of Chapter III`: the division is relative until an `of` names its parent.
    return unit === 'annex' ? read : ofTail(cursor, base, read)
  }
  return undefined
}

/**
 * Where a reference may start. Its alternatives all begin with an ASCII
 * word and never match at the same place, so only the position matters. The
 * start must not follow a letter or digit: that is tested on each match
 * ({@link LETTER_BEFORE}) rather than by a lookbehind here, which would run
 * at every position of every text (and need the slower Unicode mode).
 */
const KEYWORD = new RegExp(
  `(?:(?:[Tt]he${SP})?(?:${ORDINALS})${SP}(?:subparagraph|paragraph)\\b|(?:[Tt]he${SP})?${ORDINAL_LIST}${SP}(?:subparagraph|paragraph)s\\b|[Aa]rticles?${SP}-?\\d|[Pp]aragraphs?${SP}\\d|[Pp]oints?${SP}\\(|[Rr]ecitals?${SP}\\d|(?:Part|Title|Chapter|Section|Subsection|Annex)(?:es|s)?${SP}(?:${DIVISION_NUM}))`,
  'g'
)
/** A letter or digit (a whole code point) at the end of a string. */
const LETTER_BEFORE = /[\p{L}\d]$/u

/** True when a letter or digit ends just before `at` (two UTF-16 units: the last code point may be a pair). */
function afterLetter(text: string, at: number): boolean {
  return at > 0 && LETTER_BEFORE.test(text.slice(Math.max(0, at - 2), at))
}

/**
 * Every cross-reference in `text`, in order. Each span says which units it
 * names (`items`), where each number sits inside its value, and whether it
 * points into another act (`external`) or is a range (`range`).
 */
export function findReferences(text: string): ReferenceSpan[] {
  const spans: ReferenceSpan[] = []
  KEYWORD.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = KEYWORD.exec(text)) !== null) {
    let start = m.index
    if (afterLetter(text, start)) {
      KEYWORD.lastIndex = start + 1
      continue
    }
    const cursor: Cursor = {text, pos: start}
    const read = readReference(cursor, start)
    if (!read || read.items.length === 0 || cursor.pos === start) continue
    // Drop a leading `the ` from ordinal references: the value starts at the ordinal.
    const lead = /^[Tt]he[ \u00a0\t\n]+/.exec(text.slice(start, cursor.pos))
    if (lead && read.items.some((item) => item.steps.some((s) => s.ordinal))) {
      start += lead[0].length
      // Items of a list share the steps of their common prefix: shift each step once.
      for (const step of new Set(read.items.flatMap((item) => item.steps))) {
        step.start -= lead[0].length
        step.end -= lead[0].length
      }
    }
    const end = cursor.pos
    const span: ReferenceSpan = {
      start,
      end,
      value: text.slice(start, end),
      items: read.items.map((b) => ({steps: b.steps, relative: b.relative, ...(b.to ? {to: true as const} : {})}))
    }
    EXTERNAL.lastIndex = end
    if (EXTERNAL.test(text)) span.external = true
    if (read.range) span.range = true
    spans.push(span)
    KEYWORD.lastIndex = end
  }
  return spans
}

// ---------------------------------------------------------------------------
// Resolving

const UNIT_PREFIX: Record<ReferenceUnit, string> = {
  article: 'art',
  paragraph: 'para',
  subparagraph: 'subpara',
  point: 'point',
  recital: 'rec',
  part: 'part',
  title: 'title',
  chapter: 'chp',
  section: 'sec',
  subsection: 'subsec',
  annex: 'anx'
}

/** Lookup tables for resolving references in one document. */
interface Index {
  byEid: Map<string, Provision>
  order: string[]
  position: Map<string, number>
  /**
   * The eIds in document order by their last step (`chp_II`, `point_a`), so
   * that finding a chapter or a point below a provision does not scan every
   * provision of the act for every reference. See {@link withLastStep}.
   */
  byLastStep: Map<string, string[]>
}

function buildIndex(document: Document): Index {
  const byEid = new Map<string, Provision>()
  const order: string[] = []
  const visit = (node: Node): void => {
    if (isProvision(node)) {
      byEid.set(node.eId, node)
      order.push(node.eId)
    }
    if ('children' in node && node.type !== 'content' && node.type !== 'intro' && node.type !== 'wrapUp') {
      for (const child of node.children as Node[]) visit(child)
    }
  }
  visit(document)
  const position = new Map<string, number>()
  const byLastStep = new Map<string, string[]>()
  order.forEach((eId, i) => {
    position.set(eId, i)
    const key = finalStep(eId)
    const list = byLastStep.get(key)
    if (list) list.push(eId)
    else byLastStep.set(key, [eId])
  })
  return {byEid, order, position, byLastStep}
}

/**
 * The eIds, in document order, that may end in the step `<kind>_<num>`: a
 * superset of those that do, so callers keep their own exact test. A number
 * with an underscore (never read from a reference, but eIds are data) could
 * straddle steps: then every eId.
 */
function withLastStep(index: Index, kind: string, num: string): readonly string[] {
  if (num === '' || num.includes('_')) return index.order
  return index.byLastStep.get(`${kind}_${num}`) ?? []
}

/** The text after the last `__` of an eId (the whole eId at the top level). */
function finalStep(eId: string): string {
  const i = eId.lastIndexOf('__')
  return i === -1 ? eId : eId.slice(i + 2)
}

function lastStep(eId: string): [string, string] {
  const steps = parseEid(eId)
  return steps[steps.length - 1] ?? ['', '']
}

function parentEid(eId: string): string {
  const i = eId.lastIndexOf('__')
  return i === -1 ? '' : eId.slice(0, i)
}

/** The shallowest descendant of `base` whose last step is `point_<num>` (unique), or `undefined`. */
function findPointBelow(index: Index, base: string, num: string): string | undefined {
  const suffix = `__point_${num}`
  let best: string | undefined
  let bestDepth = Infinity
  let ties = 0
  for (const eId of withLastStep(index, 'point', num)) {
    if (!eId.startsWith(base + '__') || !eId.endsWith(suffix)) continue
    const depth = eId.split('__').length
    if (depth < bestDepth) {
      best = eId
      bestDepth = depth
      ties = 1
    } else if (depth === bestDepth) {
      ties++
    }
  }
  return ties === 1 ? best : undefined
}

/** Resolution of one item: the eId each step names (`undefined` when not found). */
interface ResolvedItem {
  eIds: Array<string | undefined>
  /** The eId the whole item names (the last step's), if found. */
  target?: string
}

/**
 * Resolve one item. `container` lists the eIds of the provisions that
 * enclose the reference, innermost first.
 */
function resolveItem(item: ReferenceItem, index: Index, container: readonly string[]): ResolvedItem {
  const eIds: Array<string | undefined> = []
  let current: string | undefined
  let failed = false
  item.steps.forEach((step, i) => {
    if (failed) {
      eIds.push(undefined)
      return
    }
    let found: string | undefined
    const first = i === 0
    switch (step.unit) {
      case 'article':
      case 'recital': {
        const eId = `${UNIT_PREFIX[step.unit]}_${step.num}`
        if (index.byEid.has(eId)) found = eId
        break
      }
      case 'annex': {
        const eId = `anx_${step.num}`
        if (index.byEid.has(eId)) found = eId
        break
      }
      case 'part':
      case 'title':
      case 'chapter':
      case 'section':
      case 'subsection': {
        const want = `${UNIT_PREFIX[step.unit]}_${step.num}`
        const hits = withLastStep(index, UNIT_PREFIX[step.unit], step.num).filter((eId) => {
          const [k, n] = lastStep(eId)
          return (
            `${k}_${n}` === want &&
            index.byEid.get(eId)?.type === 'division' &&
            (first || eId.startsWith(current + '__'))
          )
        })
        found = hits.length === 1 ? hits[0] : hits.find((eId) => container.some((c) => c.startsWith(parentEid(eId))))
        break
      }
      case 'paragraph': {
        const base = first ? container.map((c) => parseEid(c)[0]).find((s) => s?.[0] === 'art') : undefined
        const parent = first ? (base ? `art_${base[1]}` : undefined) : current
        if (parent !== undefined) {
          const eId = `${parent}__para_${step.num}`
          if (index.byEid.has(eId)) found = eId
          else if (step.paren)
            found = index.byEid.has(`${parent}__point_${step.num}`)
              ? `${parent}__point_${step.num}`
              : findPointBelow(index, parent, step.num)
        }
        break
      }
      case 'point': {
        if (!first) {
          const eId = `${current}__point_${step.num}`
          found = index.byEid.has(eId) ? eId : findPointBelow(index, current!, step.num)
        } else {
          for (const c of container) {
            const eId = `${c}__point_${step.num}`
            if (index.byEid.has(eId)) {
              found = eId
              break
            }
          }
          if (!found) {
            const article = container.find((c) => !c.includes('__') && c.startsWith('art_'))
            if (article) found = findPointBelow(index, article, step.num)
          }
        }
        break
      }
      case 'subparagraph': {
        let parent = current
        if (first) {
          if (step.ordinal === 'paragraph') parent = container.find((c) => !c.includes('__') && c.startsWith('art_'))
          else
            parent = container.find((c) => {
              const type = index.byEid.get(c)?.type
              return type === 'paragraph' || type === 'article'
            })
        }
        if (parent !== undefined) {
          if (step.num === '1') found = parent
          else if (index.byEid.has(`${parent}__subpara_${step.num}`)) found = `${parent}__subpara_${step.num}`
        }
        break
      }
    }
    if (found === undefined) failed = true
    eIds.push(found)
    current = found
  })
  const result: ResolvedItem = {eIds}
  if (!failed && current !== undefined) result.target = current
  return result
}

/**
 * The targets of a span: its items' eIds, each range (an item marked `to`
 * and the one before it) expanded to every unit between its endpoints
 * (inserted 3a, 3b included).
 */
function spanTargets(span: ReferenceSpan, index: Index, container: readonly string[]): string[] {
  const resolved = span.items.map((item) => resolveItem(item, index, container).target)
  const out: string[] = []
  resolved.forEach((target, i) => {
    const from = resolved[i - 1]
    if (span.items[i]!.to && from !== undefined && target !== undefined) out.push(...unitsBetween(index, from, target))
    else if (target !== undefined) out.push(target)
  })
  return [...new Set(out)]
}

/** The units of the same kind and level from `from` to `to`, both included (only `to` when they do not make a range). */
function unitsBetween(index: Index, from: string, to: string): string[] {
  const kind = lastStep(from)[0]
  const sameLevel = (eId: string): boolean =>
    lastStep(eId)[0] === kind && (kind === 'art' || kind === 'rec' || parentEid(eId) === parentEid(from))
  const a = index.position.get(from)!
  const b = index.position.get(to)!
  return lastStep(to)[0] === kind && a <= b ? index.order.slice(a, b + 1).filter(sameLevel) : [to]
}

// ---------------------------------------------------------------------------
// Walking text blocks with their context

type Inlines = Inline[]

interface BlockVisit {
  /** eIds of the enclosing provisions, innermost first. */
  container: string[]
  /** True inside citations (Treaty references): every reference is external. */
  citation: boolean
}

/**
 * Call `fn` for every list of inline nodes that may hold references (text
 * blocks of provisions and table cells in annexes), with its context; `fn`
 * returns the replacement list. Returns a new tree; titles, formulas,
 * headings and footnotes are left alone.
 */
function mapBlocks(document: Document, fn: (inlines: Inlines, visit: BlockVisit) => Inlines): Document {
  return mapBlocksInPlace(structuredClone(document), fn)
}

/** {@link mapBlocks} on a tree the caller owns: changes it and returns it. */
function mapBlocksInPlace(copy: Document, fn: (inlines: Inlines, visit: BlockVisit) => Inlines): Document {
  const visit = (node: Node, container: string[], citation: boolean): void => {
    let inner = container
    if (isProvision(node)) inner = [node.eId, ...container]
    const inCitation = citation || node.type === 'citation'
    if (!('children' in node)) return
    if (node.type === 'content' || node.type === 'intro' || node.type === 'wrapUp' || node.type === 'tableCell') {
      node.children = fn(node.children, {container: inner, citation: inCitation})
      return
    }
    if (node.type === 'preface' || node.type === 'formula' || node.type === 'signature' || node.type === 'conclusions')
      return
    for (const child of node.children as Node[]) visit(child, inner, inCitation)
  }
  visit(copy, [], false)
  return copy
}

/** Apply `fn` to every `ref` in a list of inlines (into emphasis/strong, not into quotes, links or notes). */
function mapRefs(inlines: Inlines, fn: (ref: Ref) => void): void {
  for (const node of inlines) {
    if (node.type === 'ref') fn(node)
    else if (node.type === 'emphasis' || node.type === 'strong') mapRefs(node.children, fn)
  }
}

/**
 * Split the text nodes of `inlines` into text and `ref` nodes (targets left
 * empty; see {@link resolveReferences}). Text in quotations, links and
 * footnotes is not searched; existing `ref` nodes are kept. With
 * `external`, every reference found is marked external (citations).
 */
export function linkInlines(inlines: readonly Inline[], options?: Readonly<{external?: boolean}> | null): Inline[] {
  const out: Inline[] = []
  for (const node of inlines) {
    if (node.type === 'text') out.push(...splitText(node, options?.external === true))
    else if (node.type === 'emphasis' || node.type === 'strong')
      out.push({...node, children: linkInlines(node.children, options)})
    else out.push(node)
  }
  return out
}

function splitText(node: Text, external: boolean): Inline[] {
  const spans = findReferences(node.value)
  if (spans.length === 0) return [node]
  const out: Inline[] = []
  const exact =
    node.position?.start.offset !== undefined &&
    node.position.end.offset !== undefined &&
    node.position.end.offset - node.position.start.offset === node.value.length &&
    !node.value.includes('\n')
  const piece = <T extends Inline>(n: T, from: number, to: number): T => {
    if (exact && node.position) {
      const s = node.position.start
      n.position = {
        start: {line: s.line, column: s.column + from, offset: s.offset! + from},
        end: {line: s.line, column: s.column + to, offset: s.offset! + to}
      }
    }
    return n
  }
  let at = 0
  for (const span of spans) {
    if (span.start > at) out.push(piece({type: 'text', value: node.value.slice(at, span.start)}, at, span.start))
    const ref: Ref = {type: 'ref', value: span.value, targets: []}
    if (span.external || external) ref.external = true
    if (span.range) ref.range = true
    out.push(piece(ref, span.start, span.end))
    at = span.end
  }
  if (at < node.value.length) out.push(piece({type: 'text', value: node.value.slice(at)}, at, node.value.length))
  return out
}

/**
 * Turn `ref` nodes back into text, merged with the text around them: the
 * inverse of {@link linkInlines}. Positions of merged text are dropped.
 */
export function dissolveReferences(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  let mergeable = false
  for (const node of inlines) {
    let next: Inline = node
    if (node.type === 'ref') next = {type: 'text', value: node.value}
    else if (node.type === 'emphasis' || node.type === 'strong')
      next = {...node, children: dissolveReferences(node.children)}
    const last = out[out.length - 1]
    if (next.type === 'text' && last?.type === 'text' && (mergeable || node.type === 'ref')) {
      out[out.length - 1] = {type: 'text', value: last.value + next.value}
      mergeable = true
    } else {
      out.push(next)
      mergeable = node.type === 'ref'
    }
  }
  return out
}

/**
 * Link every cross-reference of a document: text nodes in provisions become
 * text + `ref` nodes, and every ref's `targets` is resolved to eIds in this
 * document (relative references such as `paragraph 2` or `point (a)`
 * against the enclosing article or paragraph). Returns a new document.
 */
export function linkReferences(document: Document): Document {
  return linkReferencesInPlace(structuredClone(document))
}

/**
 * {@link linkReferences} on a tree the caller owns and gives up: its text
 * blocks are replaced where they stand and it is returned. Importers use it
 * on the tree they have just built, where a copy would only be garbage.
 */
export function linkReferencesInPlace(document: Document): Document {
  const linked = mapBlocksInPlace(document, (inlines, visit) => linkInlines(inlines, {external: visit.citation}))
  return resolveInPlace(linked)
}

/** Recompute `targets` of every `ref` (external ones get none). Returns a new document. */
export function resolveReferences(document: Document): Document {
  return resolveInPlace(structuredClone(document))
}

function resolveInPlace(document: Document): Document {
  const index = buildIndex(document)
  // The same reference text recurs across an act (`Article 2`, `paragraph 1`): read each text once.
  // Spans are only read below, so one array may serve every ref of that text.
  const read = new Map<string, ReferenceSpan[]>()
  return mapBlocksInPlace(document, (inlines, visit) => {
    mapRefs(inlines, (ref) => {
      if (ref.external) {
        ref.targets = []
        return
      }
      let spans = read.get(ref.value)
      if (spans === undefined) {
        spans = findReferences(ref.value)
        read.set(ref.value, spans)
      }
      ref.targets = spans.flatMap((span) => spanTargets(span, index, visit.container))
    })
    return inlines
  })
}

// ---------------------------------------------------------------------------
// Renumbering

/** A reference that could not follow a renumbering (its text was kept). */
export interface ReferenceWarning {
  /** The enclosing provision's eId (in the renumbered document). */
  eId: string
  value: string
  reason: string
}

export interface RenumberReferencesResult {
  document: Document
  warnings: ReferenceWarning[]
}

const PREFIX_UNIT: Record<string, ReferenceUnit> = Object.fromEntries(
  Object.entries(UNIT_PREFIX).map(([unit, prefix]) => [prefix, unit as ReferenceUnit])
)

/** The printed form of a clean number for a step (`4`, `b`, `II`, `second`). */
function stepText(step: ReferenceStep, num: string): string {
  if (step.ordinal) {
    const n = Number(num)
    return Number.isInteger(n) && n > 0 ? ordinalWord(n) : num
  }
  return num
}

/**
 * Rewrite the numbers inside every internal reference so the text follows a
 * renumbering. `document` is the renumbered tree (refs still carry the old
 * values), `before` the tree the references were written against, and
 * `renames` the old → new eIds (as returned by `assignEids`). Only the
 * numbers change (`Article 4` → `Article 5`, `Articles 2 to 4` →
 * `Articles 3 to 5`); a reference whose target changed kind or left the
 * article it is relative to is kept as written and reported in
 * `warnings`. Targets are recomputed.
 */
export function renumberReferencesWithWarnings(
  document: Document,
  renames: Readonly<Record<string, string>>,
  before: Document
): RenumberReferencesResult {
  const oldIndex = buildIndex(before)
  const newIndex = buildIndex(document)
  const back = new Map<string, string>()
  for (const [from, to] of Object.entries(renames)) back.set(to, from)
  const warnings: ReferenceWarning[] = []
  const rewritten = mapBlocks(document, (inlines, visit) => {
    const oldContainer = visit.container.map((eId) => back.get(eId) ?? eId)
    mapRefs(inlines, (ref) => {
      if (ref.external) return
      const spans = findReferences(ref.value)
      if (spans.length === 0) return
      const edits: Array<{start: number; end: number; text: string}> = []
      const warn = (reason: string): void => {
        warnings.push({
          eId: visit.container[0] ?? '',
          value: ref.value,
          reason: `\`${ref.value}\` kept as written: ${reason}`
        })
      }
      for (const span of spans) {
        const unresolved: string[] = []
        let spanEdits = 0
        for (const item of span.items) {
          const resolved = resolveItem(item, oldIndex, oldContainer)
          const failed = resolved.eIds.indexOf(undefined)
          // `Article 4(1)` may name a point (1) of an article without paragraphs: not worth a warning.
          if (failed !== -1 && !item.steps[failed]!.paren)
            unresolved.push(item.steps.map((step) => span.value.slice(step.start, step.end)).join('/'))
          if (failed === 0) continue
          const outcome = rewriteItem(item, resolved, renames, newIndex, visit.container)
          if (typeof outcome === 'string') {
            warn(outcome)
            continue
          }
          for (const edit of outcome)
            edits.push({start: span.start + edit.start, end: span.start + edit.end, text: edit.text})
          spanEdits += outcome.length
        }
        // A list whose other numbers follow while one of them names nothing
        // (a unit deleted earlier) would silently change meaning: say so.
        if (unresolved.length > 0 && spanEdits > 0) {
          warn(
            `its other numbers were rewritten, but ${unresolved.map((u) => `\`${u}\``).join(', ')} names no unit of the text (deleted?)`
          )
        }
      }
      if (edits.length === 0) return
      edits.sort((a, b) => b.start - a.start)
      let value = ref.value
      let previous = Infinity
      for (const edit of edits) {
        if (edit.end > previous) continue
        value = value.slice(0, edit.start) + edit.text + value.slice(edit.end)
        previous = edit.start
      }
      ref.value = value
    })
    return inlines
  })
  return {document: resolveReferences(rewritten), warnings}
}

/**
 * The edits (offsets in the span's value) that make one resolved item name
 * its target's new place, or the reason it cannot follow. Each step is
 * matched with the eId it named before, by depth: `Article 5(1), first
 * subparagraph, point (g)` has four steps and its target three eId steps (a
 * first subparagraph names its paragraph, so it is skipped).
 */
function rewriteItem(
  item: ReferenceItem,
  resolved: ResolvedItem,
  renames: Readonly<Record<string, string>>,
  newIndex: Index,
  container: readonly string[]
): Array<{start: number; end: number; text: string}> | string {
  // The deepest step that resolved (the rest of the item names nothing: reported by the caller).
  const resolvedCount =
    resolved.eIds.indexOf(undefined) === -1 ? resolved.eIds.length : resolved.eIds.indexOf(undefined)
  const oldDeep = resolved.eIds[resolvedCount - 1]!
  const newDeep = renames[oldDeep] ?? oldDeep
  if (newDeep === oldDeep) return []
  const oldSteps = parseEid(oldDeep)
  const newSteps = parseEid(newDeep)
  if (newSteps.length !== oldSteps.length) return `its target moved to another level (${oldDeep} → ${newDeep})`
  for (let k = 0; k < newSteps.length; k++) {
    if (newSteps[k]![0] !== oldSteps[k]![0]) return `its target changed kind (${oldDeep} → ${newDeep})`
  }
  if (!newIndex.byEid.has(newDeep)) return `its target ${oldDeep} is no longer in the text`
  const namesParent = (k: number): boolean => item.steps[k]!.ordinal !== undefined && item.steps[k]!.num === '1'
  if (item.relative) {
    // The part of the path the reference leaves implicit must still be its context.
    const depth = parseEid(resolved.eIds[0]!).length
    const implicitNew = newSteps
      .slice(0, namesParent(0) ? depth : depth - 1)
      .map((s) => s.join('_'))
      .join('__')
    if (implicitNew && !container.some((c) => c === implicitNew || c.startsWith(implicitNew + '__'))) {
      return `its target left the provision it is relative to (${oldDeep} → ${newDeep})`
    }
  }
  const edits: Array<{start: number; end: number; text: string}> = []
  item.steps.slice(0, resolvedCount).forEach((step, k) => {
    const eId = resolved.eIds[k]!
    if (namesParent(k)) return // a first subparagraph names its parent: its word never changes
    const depth = parseEid(eId).length
    const [prefix, num] = newSteps[depth - 1]!
    if (PREFIX_UNIT[prefix] === undefined) return
    if (num === oldSteps[depth - 1]![1]) return
    edits.push({start: step.start, end: step.end, text: stepText(step, num)})
  })
  return edits
}

/** A reference that names a given unit. */
export interface ReferenceToUnit {
  /** The provision whose own text holds the reference. */
  eId: string
  /** The reference as written. */
  value: string
  /** The unit it names (one of the `targets` asked about). */
  target: string
}

/**
 * Every internal reference of `document` that names one of `targets` by
 * itself: an item of a list or an endpoint of a range, not a unit inside a
 * range (`Articles 2 to 4` does not name Article 3 by itself: deleting
 * Article 3 leaves it right). References inside the targets are left out.
 * Used to warn before a unit is deleted.
 */
export function findReferencesTo(document: Document, targets: ReadonlySet<string>): ReferenceToUnit[] {
  const index = buildIndex(document)
  const out: ReferenceToUnit[] = []
  mapBlocks(document, (inlines, visit) => {
    if (visit.citation || visit.container.some((c) => targets.has(c))) return inlines
    const collect = (nodes: readonly Inline[]): void => {
      for (const node of nodes) {
        if (node.type === 'emphasis' || node.type === 'strong') collect(node.children)
        if (node.type !== 'ref' && node.type !== 'text') continue
        if (node.type === 'ref' && node.external) continue
        for (const span of findReferences(node.value)) {
          if (span.external) continue
          for (const item of span.items) {
            const target = resolveItem(item, index, visit.container).target
            if (target !== undefined && targets.has(target))
              out.push({eId: visit.container[0] ?? '', value: span.value, target})
          }
        }
      }
    }
    collect(inlines)
    return inlines
  })
  return out
}

/**
 * Rewrite the numbers inside internal references after a renumbering (see
 * {@link renumberReferencesWithWarnings}, which also reports references
 * that could not follow). Returns a new document.
 */
export function renumberReferences(
  document: Document,
  renames: Readonly<Record<string, string>>,
  before: Document
): Document {
  return renumberReferencesWithWarnings(document, renames, before).document
}
