/**
 * Text operations on inline content, addressed by offsets into its plain
 * text: a `ref` counts as its value, a placeholder as `[value]`, a
 * quotation with its quote marks, a footnote as nothing.
 */
import type {Inline} from '@redlex/tree'
import {Failure} from './failure.js'

/** The plain text the offsets of text amendments count in. */
export function plainText(nodes: readonly Inline[]): string {
  let out = ''
  for (const node of nodes) out += plainOf(node)
  return out
}

function plainOf(node: Inline): string {
  switch (node.type) {
    case 'text':
    case 'ref':
      return node.value
    case 'placeholder':
      return '[' + node.value + ']'
    case 'quotedText':
      return node.startQuote + plainText(node.children) + node.endQuote
    case 'break':
      return '\n'
    case 'authorialNote':
      return ''
    default:
      return plainText(node.children)
  }
}

function innerOffset(node: Inline): number {
  return node.type === 'quotedText' ? node.startQuote.length : 0
}

function isContainer(node: Inline): node is Extract<Inline, {children: Inline[]}> & Inline {
  return node.type === 'emphasis' || node.type === 'strong' || node.type === 'link' || node.type === 'quotedText'
}

/** Adjacent text nodes merged, empty ones dropped. */
export function normalizeInlines(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    if (node.type === 'text' && node.value === '') continue
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text')
      out[out.length - 1] = {type: 'text', value: last.value + node.value}
    else out.push(node)
  }
  return out
}

/**
 * Replace `[start, end)` by `insert`. Text nodes are cut; a placeholder,
 * reference or line break must be covered whole; a range may lie inside
 * emphasis or a quotation but not straddle its edge.
 */
export function spliceInlines(
  nodes: readonly Inline[],
  start: number,
  end: number,
  insert: readonly Inline[]
): Inline[] {
  const out: Inline[] = []
  let inserted = false
  const put = (): void => {
    if (!inserted) {
      out.push(...structuredClone(insert as Inline[]))
      inserted = true
    }
  }
  let pos = 0
  for (const node of nodes) {
    const len = plainOf(node).length
    const from = pos
    const to = pos + len
    pos = to
    if (len === 0) {
      if (from <= start) out.push(node)
      else if (from >= end) {
        put()
        out.push(node)
      }
      // a footnote strictly inside a deleted range goes with it
      continue
    }
    if (to <= start) {
      out.push(node)
      continue
    }
    if (from >= end) {
      put()
      out.push(node)
      continue
    }
    // overlap
    if (node.type === 'text') {
      if (start > from) out.push({type: 'text', value: node.value.slice(0, start - from)})
      if (start >= from) put()
      if (end < to) out.push({type: 'text', value: node.value.slice(end - from)})
      continue
    }
    if (start <= from && end >= to) {
      put()
      continue
    }
    if (isContainer(node)) {
      const inner = from + innerOffset(node)
      const innerEnd = inner + plainText(node.children).length
      if (start >= inner && end <= innerEnd) {
        out.push({...node, children: spliceInlines(node.children, start - inner, end - inner, insert)} as Inline)
        inserted = true
        continue
      }
    }
    throw new Failure('amend/text-spans-markup', `The text to change cuts across ${describe(node)}`, {
      actual: plainOf(node),
      hint: 'Quote text that covers the whole of it, or none of it'
    })
  }
  put()
  return normalizeInlines(out)
}

/** The inline nodes covering `[start, end)` (the inverse of a splice puts them back). */
export function sliceInlines(nodes: readonly Inline[], start: number, end: number): Inline[] {
  const out: Inline[] = []
  let pos = 0
  for (const node of nodes) {
    const len = plainOf(node).length
    const from = pos
    const to = pos + len
    pos = to
    if (len === 0) {
      if (from > start && from < end) out.push(structuredClone(node))
      continue
    }
    if (to <= start || from >= end) continue
    if (node.type === 'text') {
      out.push({type: 'text', value: node.value.slice(Math.max(0, start - from), Math.min(len, end - from))})
      continue
    }
    if (start <= from && end >= to) {
      out.push(stripPosition(structuredClone(node)))
      continue
    }
    if (isContainer(node)) {
      const inner = from + innerOffset(node)
      out.push(...sliceInlines(node.children, start - inner, end - inner))
      continue
    }
    throw new Failure('amend/text-spans-markup', `The text to change cuts across ${describe(node)}`, {
      actual: plainOf(node)
    })
  }
  return normalizeInlines(out)
}

function stripPosition<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value))) as T
}

function describe(node: Inline): string {
  switch (node.type) {
    case 'placeholder':
      return `the placeholder [${node.value}]`
    case 'ref':
      return `the reference ${node.value}`
    case 'quotedText':
      return 'a quotation'
    default:
      return `${node.type} text`
  }
}

/** The spaces EU texts print inside units (`Article\u00a03`, `EUR\u202f10`): one character each, read as a space. */
const SPACES = /[\u00a0\u202f\u2009\u2007]/g

/**
 * Start offsets of every occurrence of `needle` in `haystack`. A quoted text
 * is typed with plain spaces where the act prints no-break or thin spaces,
 * so those count as spaces (one character for one: offsets stay valid).
 */
export function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = []
  if (needle === '') return out
  const hay = haystack.replace(SPACES, ' ')
  const pin = needle.replace(SPACES, ' ')
  for (let i = hay.indexOf(pin); i !== -1; i = hay.indexOf(pin, i + 1)) out.push(i)
  return out
}
