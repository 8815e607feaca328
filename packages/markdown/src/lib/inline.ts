/**
 * Inline content: mdast phrasing ⇄ redlex inline nodes. Placeholders
 * (`[…]`, `[provisional text]`) and quotations (‘…’, “…”) are recognised
 * inside text; everything else maps one to one.
 */
import type {PhrasingContent} from 'mdast'
import {RedlexError, textToInlines, type Inline, type Position} from '@redlex/tree'

/** What the block parser needs from inline conversion. */
export interface InlineContext {
  /** Footnote definitions by identifier (their inline content). */
  notes: Map<string, Inline[]>
  /** The Markdown source the positions point into (to tell literal text from markup). */
  source?: string
  /** Report something that was kept but not in canonical form. */
  warn: (code: string, message: string, position: Position | undefined) => void
}

/** Convert mdast phrasing content to redlex inline nodes. */
export function fromPhrasing(nodes: readonly PhrasingContent[], context: InlineContext): Inline[] {
  const out: Inline[] = []
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    switch (node.type) {
      case 'text':
        out.push(...splitText(node.value, node.position))
        break
      case 'emphasis':
        out.push(withPosition({type: 'emphasis', children: fromPhrasing(node.children, context)}, node.position))
        break
      case 'strong':
        out.push(withPosition({type: 'strong', children: fromPhrasing(node.children, context)}, node.position))
        break
      case 'break':
        out.push(withPosition({type: 'break'}, node.position))
        break
      case 'link': {
        // A web or e-mail address in running text (GFM's autolink literal) is text, not a link: text stays text.
        const start = node.position?.start.offset
        const first = start === undefined || context.source === undefined ? '' : context.source[start]
        if (first !== '[' && first !== '<') out.push(...fromPhrasing(node.children, context))
        else
          out.push(
            withPosition({type: 'link', url: node.url, children: fromPhrasing(node.children, context)}, node.position)
          )
        break
      }
      case 'footnoteReference': {
        const children = context.notes.get(node.identifier)
        if (!children)
          context.warn(
            'markdown/missing-footnote',
            `Footnote \`[^${node.label ?? node.identifier}]\` has no definition; add \`[^${node.label ?? node.identifier}]: …\` at the end of the document`,
            node.position
          )
        out.push(
          withPosition(
            {
              type: 'authorialNote',
              marker: noteMarker(node.label ?? node.identifier),
              children: structuredClone(children ?? [])
            },
            node.position
          )
        )
        break
      }
      case 'html': {
        // `[…]<!--reason: …-->`: the reason of the placeholder just before.
        const match = /^<!--\s*reason:\s*([\s\S]*?)\s*-->$/.exec(node.value)
        const previous = out[out.length - 1]
        if (match && previous?.type === 'placeholder') {
          previous.reason = match[1]!
          break
        }
        context.warn('markdown/inline-html', `Inline HTML \`${node.value}\` is kept as text`, node.position)
        out.push(withPosition({type: 'text', value: node.value}, node.position))
        break
      }
      case 'inlineCode':
        context.warn('markdown/inline-code', 'Inline code is not part of the dialect; kept as text', node.position)
        out.push(withPosition({type: 'text', value: node.value}, node.position))
        break
      case 'delete':
        context.warn(
          'markdown/strikethrough',
          'Strikethrough is not part of the dialect; its text is kept',
          node.position
        )
        out.push(...fromPhrasing(node.children, context))
        break
      case 'image':
        context.warn(
          'markdown/image',
          `Image \`${node.url}\` is not part of the dialect; its alt text is kept`,
          node.position
        )
        out.push(withPosition({type: 'text', value: node.alt ?? ''}, node.position))
        break
      default:
        context.warn(
          'markdown/unknown-inline',
          `Inline \`${node.type}\` is not part of the dialect; its text is kept`,
          node.position
        )
        if ('value' in node && typeof node.value === 'string') out.push({type: 'text', value: node.value})
        else if ('children' in node) out.push(...fromPhrasing(node.children as PhrasingContent[], context))
    }
  }
  return mergeText(out)
}

function withPosition<T extends Inline>(node: T, position: Position | undefined): T {
  if (position) node.position = position
  return node
}

/** Adjacent text nodes become one (so that escapes do not split words). */
function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = {type: 'text', value: last.value + node.value}
    } else {
      out.push(node)
    }
  }
  return out
}

/** Split text into text, placeholders and quotations (a lone text node keeps the position). */
export function splitText(value: string, position?: Position): Inline[] {
  const out = textToInlines(value)
  if (out.length === 1 && out[0]!.type === 'text' && position) out[0]!.position = position
  return out
}

// ---------------------------------------------------------------------------
// Serialising

/** Custom mdast phrasing nodes that the stringify handlers know. */
export interface RawPhrasing {
  type: 'redlexRaw'
  value: string
}

/**
 * How deep emphasis and strong may nest in a text the writer is given. The
 * importers never nest them beyond two levels (italic in italic says
 * nothing); Markdown's emphasis pairing takes time polynomial in the depth
 * (80 levels: about a second), so a hand-made tree deeper than this is
 * refused rather than left to run for minutes.
 */
export const MAX_ATTENTION_DEPTH = 16

/** Convert redlex inline nodes to mdast phrasing (with `redlexRaw` for literal runs). */
export function toPhrasing(nodes: readonly Inline[], notes: Map<string, Inline[]>, attention = 0): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'ref':
        out.push(...textPhrasing(node.value))
        break
      case 'emphasis':
      case 'strong':
        if (attention >= MAX_ATTENTION_DEPTH) throw tooDeep()
        out.push({type: node.type, children: toPhrasing(node.children, notes, attention + 1)})
        break
      case 'break':
        out.push({type: 'break'})
        break
      case 'link':
        out.push({type: 'link', url: node.url, children: toPhrasing(node.children, notes, attention)})
        break
      case 'authorialNote': {
        const label = noteLabel(node.marker, node.children, notes)
        out.push({type: 'footnoteReference', identifier: label.toLowerCase(), label})
        break
      }
      case 'placeholder':
        out.push(raw('[' + node.value + ']'))
        if (node.reason !== undefined) out.push(raw('<!--reason: ' + node.reason.replace(/--/g, '‐‐') + '-->'))
        break
      case 'quotedText':
        out.push({type: 'text', value: node.startQuote}, ...toPhrasing(node.children, notes, attention), {
          type: 'text',
          value: node.endQuote
        })
        break
    }
  }
  return out
}

/**
 * Text as phrasing that reads back as the same text: a line break stays a
 * line break only where the next line starts with a letter or digit that
 * cannot open a block (so signature lines stay readable); every other line
 * break — before a blank line, a label such as `(e)` or `1.`, markup, or
 * after a space — and every carriage return are written as character
 * references, which a Markdown reader takes as text, never as structure.
 */
export function textPhrasing(value: string): PhrasingContent[] {
  if (!/[\n\r]|\[\^/.test(value)) return [{type: 'text', value}]
  const out: PhrasingContent[] = []
  let from = 0
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!
    let written: string
    if (char === '\n' && !safeLineBreak(value, i)) written = '&#10;'
    else if (char === '\r') written = '&#13;'
    // `[^1]` in a text is not a footnote reference (remark-stringify leaves it unescaped).
    else if (char === '[' && value[i + 1] === '^') written = '\\['
    else continue
    if (i > from) out.push({type: 'text', value: value.slice(from, i)})
    out.push(raw(written))
    from = i + 1
  }
  if (from < value.length) out.push({type: 'text', value: value.slice(from)})
  return out
}

/** A line break at `i` that Markdown reads back as a line break of the same paragraph. */
function safeLineBreak(value: string, i: number): boolean {
  const before = value[i - 1]
  if (
    before === undefined ||
    before === ' ' ||
    before === '\t' ||
    before === '\\' ||
    before === '\n' ||
    before === '\r'
  )
    return false
  const line = value.slice(i + 1, i + 40)
  // At the end of a text the next node starts the line: a placeholder `[…]`, a footnote, emphasis — none opens a block.
  if (line === '') return true
  // Letters and digits open no block, except a number label (`1.`, `2)`) or a digit-led list marker.
  return /^[\p{L}\p{N}]/u.test(line) && !/^\d+[a-z]*[.)]/.test(line)
}

/**
 * The footnote label for a note: its marker, or — when another note with
 * that marker but other words was written already (acts reuse `*`) —
 * `marker~2`, `marker~3` …, which the reader reads back as the marker.
 */
function noteLabel(marker: string, children: Inline[], notes: Map<string, Inline[]>): string {
  for (let k = 1; ; k++) {
    const label = k === 1 ? marker : `${marker}~${k}`
    const known = notes.get(label)
    if (!known) {
      notes.set(label, children)
      return label
    }
    if (known === children || JSON.stringify(known) === JSON.stringify(children)) return label
  }
}

/** The marker of a footnote written with label `marker~2` (see noteLabel). */
export function noteMarker(label: string): string {
  return label.replace(/~\d+$/, '')
}

function raw(value: string): PhrasingContent {
  return {type: 'redlexRaw', value} as unknown as PhrasingContent
}

function tooDeep(): RedlexError {
  return new RedlexError(`Emphasis nested more than ${MAX_ATTENTION_DEPTH} levels deep cannot be written as Markdown`, {
    code: 'markdown/too-deep',
    hint: 'Italic inside italic and bold inside bold say nothing: splice such wrappers into their parent (the importers do)'
  })
}
