/**
 * Source defects in numbering, reported and never repaired: two siblings
 * with the same number (`1.` twice in an article) and numbers that skip or
 * go back (`(3)` after `(1)`). The tree keeps the numbers as printed (the
 * eIds make duplicates unique: `art_10__para_1`, `art_10__para_1_2`), so
 * an amendment can repair them with `setNum`.
 *
 * Only plain sequences are checked: arabic numbers (`(12)`, `3.`,
 * `Article 7`) and single letters (`(c)`); a suffix (`5a`), a roman numeral
 * or a dash starts the comparison afresh.
 */
import type {Document, Node} from '@redlex/tree'
import type {ImportContext} from './context.js'

type Numbered = Node & {eId: string; num?: string | undefined; children?: Node[]}

/** Warn about duplicate and out-of-sequence numbers among recitals, articles, paragraphs and points. */
export function checkNumbering(doc: Document, ctx: ImportContext): void {
  const recitals: Numbered[] = []
  const articles: Numbered[] = []
  const visit = (nodes: readonly Node[], inBody: boolean): void => {
    for (const node of nodes) {
      if (node.type === 'recital') recitals.push(node as Numbered)
      else if (node.type === 'article' && inBody) {
        articles.push(node as Numbered)
        checkChildren(node as Numbered, ctx)
      } else if (
        node.type === 'division' ||
        node.type === 'body' ||
        node.type === 'preamble' ||
        node.type === 'recitals'
      ) {
        visit((node as {children: Node[]}).children, inBody || node.type === 'body')
      }
    }
  }
  visit(doc.children as Node[], false)
  checkSequence(recitals, ctx)
  checkSequence(articles, ctx)
}

/** Paragraphs of an article, points of a paragraph or point (depth-first, iteratively). */
function checkChildren(root: Numbered, ctx: ImportContext): void {
  const stack: Numbered[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    const kids = (node.children ?? []).filter(
      (c): c is Numbered => c.type === 'paragraph' || c.type === 'point' || c.type === 'subparagraph'
    )
    for (const type of ['paragraph', 'point'])
      checkSequence(
        kids.filter((c) => c.type === type),
        ctx
      )
    stack.push(...kids)
  }
}

function checkSequence(nodes: readonly Numbered[], ctx: ImportContext): void {
  let prev: {n: number; node: Numbered} | undefined
  for (const node of nodes) {
    const n = ordinal(node.num)
    if (n === undefined) {
      prev = undefined
      continue
    }
    if (prev) {
      const start = node.position?.start
      const place = start ? {line: start.line, column: start.column} : undefined
      const where = `${node.type} ${node.num!.trim()} (${node.eId})`
      if (n === prev.n)
        ctx.warn(
          'formats/duplicate-number',
          `${where} has the same number as the ${node.type} before it (${prev.node.eId}): kept as in the source`,
          place
        )
      else if (n !== prev.n + 1)
        ctx.warn(
          'formats/skipped-number',
          `${where} follows ${prev.node.num!.trim()}: numbers ${n > prev.n ? 'skip' : 'go back'}; kept as in the source`,
          place
        )
    }
    prev = {n, node}
  }
}

/** `(12)`, `12.`, `Article 12` → 12; `(c)` → 3; anything else (5a, (ii), —) → undefined. */
export function ordinal(num: string | undefined): number | undefined {
  if (num === undefined) return undefined
  const v = num.replace(/^\s*article\s+/i, '').replace(/[()\s.\u00a0]/g, '')
  if (/^\d{1,6}$/.test(v)) return Number(v)
  if (/^[a-z]$/.test(v)) return v.charCodeAt(0) - 96
  return undefined
}

/** `formats/no-provisions`: an act whose enacting terms hold no article. */
export function warnIfNoProvisions(doc: Document, ctx: ImportContext): void {
  const body = doc.children.find((c) => c.type === 'body') as {children: Node[]} | undefined
  const stack: Node[] = [...(body?.children ?? [])]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'article') return
    if (node.type === 'division') stack.push(...(node as {children: Node[]}).children)
  }
  ctx.warn('formats/no-provisions', 'the act has no articles: only its preamble, conclusions or annexes were imported')
}
