/**
 * The whole-text form: an EP position printed as one amendment restating
 * the proposal, words the EP added in bold italic and `▌` where it deleted
 * words (the Data Act, P9_TA(2023)0069). Imported as a document (the
 * EUR-Lex importer of @redlex/formats reads it), it gives:
 *
 * - the EP's text: the marks taken out (`epTextOf`);
 * - the typed changes the marks record (`markedChanges`): units the EP
 *   added whole, words it added (with the words before them, to place them),
 *   and places where it deleted words — which words, the page does not say.
 */
import {listProvisions, type Document, type Inline, type Node, type Provision} from '@redlex/tree'
import {normalise} from './types.js'

/** One change recovered from the marks of a whole-text position. */
export interface MarkedChange {
  /** The unit (eId in the imported position). */
  eId: string
  /** `inserted`: the whole unit is new; `removed`: the whole unit is gone (only `▌` left of it); `added`: words added; `deleted`: words deleted (`▌`). */
  kind: 'inserted' | 'removed' | 'added' | 'deleted'
  /** The added words (`added`), or the unit's text (`inserted`). */
  text?: string
  /** Up to five words before the change, in the EP's text (empty at the start of a block). */
  after?: string
}

interface Segment {
  text: string
  added: boolean
}

const DELETED = '▌'

/** Bold and italic together mark the EP's words, whichever is outside. */
function isAddedMark(node: Inline): boolean {
  if (node.type !== 'strong' && node.type !== 'emphasis') return false
  const inner = node.type === 'strong' ? 'emphasis' : 'strong'
  return (
    node.children.length > 0 &&
    node.children.every((c) => c.type === inner || (c.type === 'text' && c.value.trim() === ''))
  )
}

function segments(inlines: readonly Inline[], added = false, out: Segment[] = []): Segment[] {
  for (const node of inlines) {
    if (node.type === 'text' || node.type === 'ref') out.push({text: node.value, added})
    else if (node.type === 'authorialNote' || node.type === 'break') continue
    else if (node.type === 'placeholder') out.push({text: `[${node.value}]`, added})
    else if (node.type === 'quotedText') {
      out.push({text: node.startQuote, added})
      segments(node.children, added, out)
      out.push({text: node.endQuote, added})
    } else segments(node.children, added || isAddedMark(node), out)
  }
  return out
}

function ownBlocks(node: Provision): Array<{children: Inline[]}> {
  return ('children' in node ? (node.children as Node[]) : []).filter(
    (c) => c.type === 'content' || c.type === 'intro' || c.type === 'wrapUp'
  ) as never
}

const lastWords = (text: string): string => normalise(text).split(' ').filter(Boolean).slice(-5).join(' ')

/** The changes the marks of a whole-text position record, unit by unit in reading order. */
export function markedChanges(document: Document): MarkedChange[] {
  const out: MarkedChange[] = []
  const insertedAbove: string[] = []
  for (const {node} of listProvisions(document)) {
    if (insertedAbove.some((id) => node.eId.startsWith(id + '__'))) continue
    if (isRemoved(node)) {
      out.push({eId: node.eId, kind: 'removed'})
      continue
    }
    const blocks = ownBlocks(node).map((b) => segments(b.children))
    const heading = 'heading' in node && node.heading ? segments(node.heading) : []
    if (heading.length > 0) blocks.unshift(heading)
    const all = blocks.flat().filter((s) => s.text.trim() !== '')
    if (all.length > 0 && all.every((s) => s.added) && subtreeAdded(node)) {
      out.push({eId: node.eId, kind: 'inserted', text: normalise(all.map((s) => s.text).join(''))})
      insertedAbove.push(node.eId)
      continue
    }
    for (const block of blocks) {
      let before = ''
      for (const s of block) {
        if (s.added) {
          if (s.text.trim() !== '')
            out.push({eId: node.eId, kind: 'added', text: normalise(s.text), after: lastWords(before)})
          before += s.text
          continue
        }
        const parts = s.text.split(DELETED)
        parts.forEach((part, i) => {
          if (i > 0) out.push({eId: node.eId, kind: 'deleted', after: lastWords(before)})
          before += part
        })
      }
    }
  }
  return out
}

/** A unit the EP deleted whole: `▌` as its number, or as all of its text. */
function isRemoved(node: Provision): boolean {
  if (node.num?.trim() === DELETED) return true
  const words = ownBlocks(node)
    .flatMap((b) => segments(b.children))
    .map((s) => s.text)
    .join('')
    .trim()
  const units = listProvisions(node).length > 1
  return words === DELETED && !units
}

/** Every text of a unit and its sub-units is marked as added. */
function subtreeAdded(node: Provision): boolean {
  return listProvisions(node).every(({node: unit}) => {
    const words = ownBlocks(unit)
      .flatMap((b) => segments(b.children))
      .filter((s) => s.text.trim() !== '')
    return words.every((s) => s.added)
  })
}

/** Text without the deletion marks: `a ▌ b` → `a b`. */
function unmark(value: string): string {
  return value.replace(/\s*▌\s*/g, (m) => (/^\s/.test(m) || /\s$/.test(m) ? ' ' : ''))
}

function clean(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  for (const node of inlines) {
    if (node.type === 'text') {
      const value = unmark(node.value)
      if (value !== '') out.push({...node, value})
    } else if (isAddedMark(node)) {
      // The mark is the EP's, not the law's: keep the words, drop the bold italic.
      for (const inner of (node as {children: Inline[]}).children) {
        if ('children' in inner && (inner.type === 'strong' || inner.type === 'emphasis'))
          out.push(...clean(inner.children))
        else out.push(...clean([inner]))
      }
    } else if ('children' in node && node.type !== 'authorialNote') {
      out.push({...node, children: clean(node.children)} as Inline)
    } else out.push(node)
  }
  // Adjacent texts merged so that a removed mark leaves one space, not two.
  const merged: Inline[] = []
  for (const node of out) {
    const last = merged[merged.length - 1]
    if (last && last.type === 'text' && node.type === 'text')
      merged[merged.length - 1] = {type: 'text', value: (last.value + node.value).replace(/ {2,}/g, ' ')}
    else merged.push(node)
  }
  return merged
}

/** The EP's text as a document: the whole-text position with its marks (bold italic, `▌`) taken out. Returns a new tree. */
export function epTextOf(document: Document): Document {
  const copy = structuredClone(document)
  const visit = (node: Node): void => {
    if (!('children' in node)) return
    // Units the EP deleted whole go.
    const children = (node.children as Node[]).filter((c) => !('eId' in c && isRemoved(c as Provision)))
    ;(node as {children: Node[]}).children = children
    if (children.length > 0 && children.every(isInline)) {
      ;(node as {children: Inline[]}).children = clean(children as Inline[])
      return
    }
    for (const child of children) visit(child)
    if ('heading' in node && Array.isArray(node.heading))
      (node as {heading: Inline[]}).heading = clean(node.heading as Inline[])
  }
  visit(copy)
  return copy
}

const INLINE_TYPES: ReadonlySet<string> = new Set([
  'text',
  'emphasis',
  'strong',
  'authorialNote',
  'ref',
  'placeholder',
  'quotedText',
  'break',
  'link'
])

function isInline(node: Node): boolean {
  return INLINE_TYPES.has(node.type)
}
