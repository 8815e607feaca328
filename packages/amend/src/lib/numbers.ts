/**
 * Numbers of units: the number an inserted unit gets (amending-act style:
 * 4a, 4b, -1; or the next number at the end), and sequential renumbering.
 */
import {
  cleanNum,
  insertedNumber,
  parseNumber,
  printNumber,
  type Document,
  type Node,
  type NumberStyle,
  type ParsedNumber,
  type Provision
} from '@redlex/tree'

/** Unit types that carry a printed number. */
export const NUMBERED = new Set(['article', 'paragraph', 'point', 'recital', 'division', 'annex'])

/** The printed label for a clean number, shaped like `sample` (`Article 4` → `Article 5`, `(b)` → `(c)`). */
export function relabel(node: {type: string; kind?: string}, sample: string | undefined, clean: string): string {
  if (sample !== undefined) {
    const old = cleanNum(sample)
    const i = old === '' ? -1 : sample.lastIndexOf(old)
    if (i !== -1) return sample.slice(0, i) + clean + sample.slice(i + old.length)
  }
  switch (node.type) {
    case 'article':
      return `Article ${clean}`
    case 'paragraph':
      return `${clean}.`
    case 'division':
      return `${(node.kind ?? 'chapter').toUpperCase()} ${clean}`
    case 'annex':
      return `ANNEX ${clean}`
    default:
      return `(${clean})`
  }
}

/** The numbering style of a group of clean numbers of one unit type. */
export function styleOf(type: string, cleans: readonly string[]): NumberStyle {
  const plain = cleans.map((c) => c.replace(/^-/, '')).filter((c) => c !== '')
  if (type === 'division' || type === 'annex') {
    return plain.length > 0 && plain.every((c) => /^[IVXLCDM]+[a-z]*$/i.test(c) && !/^\d/.test(c)) ? 'roman' : 'arabic'
  }
  if (type !== 'point') return 'arabic'
  if (plain.some((c) => /^\d/.test(c))) return 'arabic'
  if (
    plain.length > 0 &&
    plain.every((c) => parseNumber(c, 'roman')) &&
    plain[0] === 'i' &&
    (plain.length === 1 || plain[1] === 'ii')
  )
    return 'roman'
  return 'alpha'
}

function format(n: ParsedNumber, upper: boolean): string {
  const text = printNumber(n)
  if (!upper) return text
  // Upper-case the roman base, keep suffix letters lower-case.
  const base = printNumber({...n, suffix: ''})
  return base.toUpperCase() + text.slice(base.length)
}

/**
 * The clean number for a unit inserted into `group` (same-type units in
 * order, the new one at `index`): after the last unit, the next number;
 * between two units, an amending-act number (4a, 4aa, -1).
 */
export function insertedClean(type: string, group: readonly Provision[], index: number): string {
  const others = group.filter((_, i) => i !== index)
  const cleans = others.map((u) => cleanNum(u.num ?? ''))
  const style = styleOf(type, cleans)
  const upper = cleans.some((c) => /^[IVXLCDM]+/.test(c))
  const parse = (u: Provision | undefined): ParsedNumber | undefined =>
    u ? parseNumber(cleanNum(u.num ?? '').toLowerCase(), style) : undefined
  let prev: ParsedNumber | undefined
  for (let i = index - 1; i >= 0 && !prev; i--) prev = parse(group[i])
  let next: ParsedNumber | undefined
  for (let i = index + 1; i < group.length && !next; i++) next = parse(group[i])
  if (!next) {
    if (!prev) return format({style, negative: false, base: 1, suffix: ''}, upper)
    if (prev.negative)
      return format(
        prev.base > 1 ? {...prev, base: prev.base - 1, suffix: ''} : {style, negative: false, base: 1, suffix: ''},
        upper
      )
    return format({style, negative: false, base: prev.base + 1, suffix: ''}, upper)
  }
  const taken = new Set(cleans.map((c) => c.toLowerCase()))
  return format(
    insertedNumber(prev, next, style, (n) => taken.has(printNumber(n))),
    upper
  )
}

/** Same-type units that are numbered together with `node` (articles: all of the body; others: siblings). */
export function numberingGroup(document: Document, parent: Node, node: Provision): Provision[] {
  if (node.type === 'article') {
    const out: Provision[] = []
    const visit = (n: Node): void => {
      if (n.type === 'article') out.push(n)
      else if (n.type === 'body' || n.type === 'division') for (const c of n.children) visit(c)
    }
    for (const top of document.children) if (top.type === 'body') visit(top)
    return out
  }
  if (!('children' in parent)) return []
  return (parent.children as Node[]).filter(
    (c): c is Provision =>
      c.type === node.type &&
      (c.type !== 'division' || (node.type === 'division' && c.kind === node.kind)) &&
      'num' in c &&
      c.num !== undefined
  )
}

/**
 * Sequential numbering of a whole draft: articles 1…n across divisions,
 * recitals 1…n, and paragraphs, points and divisions 1…n within their
 * parent, each in its style. Returns eId → new label for units whose label changes.
 */
export function sequentialNums(document: Document): Record<string, string> {
  const out: Record<string, string> = {}
  const number = (type: string, group: Provision[]): void => {
    const cleans = group.map((u) => cleanNum(u.num ?? ''))
    if (cleans.some((c) => c === '')) return
    const style = styleOf(type, cleans)
    const upper = cleans.some((c) => /^[IVXLCDM]+/.test(c))
    group.forEach((unit, i) => {
      const clean = format({style, negative: false, base: i + 1, suffix: ''}, upper)
      if (clean !== cleans[i]) out[unit.eId] = relabel(unit, unit.num, clean)
    })
  }
  const articles: Provision[] = []
  const walk = (n: Node): void => {
    if (!('children' in n)) return
    const children = n.children as Node[]
    if (n.type === 'body' || n.type === 'division') {
      for (const kind of ['part', 'title', 'chapter', 'section', 'subsection']) {
        number(
          'division',
          children.filter((c): c is Provision => c.type === 'division' && c.kind === kind)
        )
      }
    }
    if (n.type === 'recitals') number('recital', children as Provision[])
    if (n.type !== 'body' && n.type !== 'division') {
      number(
        'paragraph',
        children.filter((c): c is Provision => c.type === 'paragraph' && c.num !== undefined)
      )
      number(
        'point',
        children.filter((c): c is Provision => c.type === 'point')
      )
    }
    for (const c of children) {
      if (c.type === 'article') articles.push(c)
      if (c.type === 'content' || c.type === 'intro' || c.type === 'wrapUp') continue
      walk(c)
    }
  }
  walk(document)
  number('article', articles)
  const annexes = document.children.filter((c): c is Provision & {type: 'annex'} => c.type === 'annex')
  if (annexes.length > 1) number('annex', annexes)
  return out
}
