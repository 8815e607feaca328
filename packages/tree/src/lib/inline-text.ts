/**
 * Plain text → inline nodes, with the conventions every redlex source
 * shares: `[…]` and `[provisional text]` are placeholders, ‘…’ and “…” are
 * quotations. A `’` between two letters is an apostrophe (`Member State’s`),
 * never a closing quote.
 */
import type {Inline, Placeholder} from './types.js'

const CLOSE_QUOTE: Record<string, string> = {'‘': '’', '“': '”'}

/** Split text into text, placeholder and quotation nodes. */
export function textToInlines(value: string): Inline[] {
  const out: Inline[] = []
  let buffer = ''
  const flush = (): void => {
    if (buffer) out.push({type: 'text', value: buffer})
    buffer = ''
  }
  let i = 0
  while (i < value.length) {
    const char = value[i]!
    if (char === '[') {
      const close = value.indexOf(']', i + 1)
      const inner = close === -1 ? '' : value.slice(i + 1, close)
      if (close !== -1 && inner.length > 0 && !inner.includes('[') && !inner.includes('\n')) {
        flush()
        out.push(placeholderNode(inner))
        i = close + 1
        continue
      }
    }
    const closeQuote = CLOSE_QUOTE[char]
    if (closeQuote) {
      const end = findClose(value, i + 1, char, closeQuote)
      if (end !== -1) {
        flush()
        out.push({
          type: 'quotedText',
          startQuote: char,
          endQuote: closeQuote,
          children: textToInlines(value.slice(i + 1, end))
        })
        i = end + 1
        continue
      }
    }
    buffer += char
    i++
  }
  flush()
  return out
}

/** A placeholder node: `…` (or `...`, blank) is a value set later, anything else provisional text. */
export function placeholderNode(value: string, reason?: string): Placeholder {
  const node: Placeholder = {
    type: 'placeholder',
    kind: /^(?:…|\.\.\.|\s*)$/.test(value) ? 'value' : 'provisional',
    value
  }
  if (reason !== undefined) node.reason = reason
  return node
}

/** The matching closing quote, skipping apostrophes and nested pairs; -1 if none before a blank line. */
function findClose(value: string, from: number, open: string, close: string): number {
  let depth = 0
  for (let j = from; j < value.length; j++) {
    const c = value[j]!
    if (c === '\n' && value[j + 1] === '\n') return -1
    if (c === open) depth++
    else if (c === close) {
      if (close === '’' && /\p{L}/u.test(value[j - 1] ?? '') && /\p{L}/u.test(value[j + 1] ?? '')) continue
      if (depth === 0) return j
      depth--
    }
  }
  return -1
}
