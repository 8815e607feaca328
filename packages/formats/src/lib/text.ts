/**
 * Text normalisation shared by every importer.
 *
 * Inside a block, runs of ASCII whitespace (space, tab, CR, LF, FF) collapse
 * to one space and the block is trimmed at both ends. Everything else is
 * kept exactly: no-break spaces (U+00A0), curly quotes, em dashes, `…`.
 * (Sources disagree on NBSP: EUR-Lex HTML puts three after a paragraph
 * number, Formex puts one in `Article 5`; comparisons that must ignore this
 * normalise `\s` themselves, see docs/formats.md.)
 */
import type {Inline, Text} from '@redlex/tree'

// Only the runs that change: two or more characters, or one that is not a space. Text already
// collapsed (most of what importers pass here, often more than once) then has no match, and
// `replace` returns it as it is instead of building the same string again.
const ASCII_SPACE_TO_COLLAPSE = /[ \t\r\n\f]{2,}|[\t\r\n\f]/g

/** Collapse ASCII whitespace runs to one space (no trimming). */
export function collapse(value: string): string {
  return value.replace(ASCII_SPACE_TO_COLLAPSE, ' ')
}

/**
 * Collapse and trim (all Unicode space at the ends, NBSP included). `trim`
 * removes exactly what `\s` matches (WhiteSpace and LineTerminator), without
 * a regular expression scanning the whole text for a run at its end.
 */
export function clean(value: string): string {
  return collapse(value).trim()
}

type WithChildren = Inline & {children: Inline[]}

function hasChildren(node: Inline): node is WithChildren {
  return 'children' in node
}

/**
 * Normalise the inline content of one block: collapse whitespace, merge
 * adjacent text nodes, drop empty text and empty formatting, collapse a
 * space that straddles two nodes, and trim the block's outer edges.
 */
export function normalizeInlines(nodes: readonly Inline[]): Inline[] {
  const out = merge(unwrapRedundantAttention(nodes, false, false))
  trimEdge(out, 'start')
  trimEdge(out, 'end')
  return prune(out)
}

/**
 * Italic inside italic is italic, bold inside bold is bold: such wrappers
 * (`<HT TYPE="ITALIC">` or `<i>` nested in their own kind, common in converted
 * files) say nothing and are spliced into their parent. Besides keeping the
 * tree to what a reader sees, this bounds the nesting of emphasis to two
 * levels: Markdown's emphasis pairing takes time polynomial in that depth.
 */
function unwrapRedundantAttention(nodes: readonly Inline[], inEmphasis: boolean, inStrong: boolean): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    const redundant = (node.type === 'emphasis' && inEmphasis) || (node.type === 'strong' && inStrong)
    if (redundant) {
      out.push(...unwrapRedundantAttention(node.children, inEmphasis, inStrong))
    } else if (node.type === 'authorialNote') {
      // A footnote starts afresh: its text is its own block.
      out.push({...node, children: unwrapRedundantAttention(node.children, false, false)})
    } else if (hasChildren(node)) {
      const children = unwrapRedundantAttention(
        node.children,
        inEmphasis || node.type === 'emphasis',
        inStrong || node.type === 'strong'
      )
      out.push({...node, children} as Inline)
    } else {
      out.push(node)
    }
  }
  return out
}

function merge(nodes: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  // Adjacent text nodes (often one per <span>, even inside a word) are joined once, not pairwise.
  let run: string[] = []
  const flush = (): void => {
    if (run.length === 0) return
    const value = collapse(run.length === 1 ? run[0]! : run.join(''))
    run = []
    if (value !== '') out.push({type: 'text', value})
  }
  for (const node of nodes) {
    if (node.type === 'text') {
      run.push(node.value)
      continue
    }
    flush()
    if (node.type === 'authorialNote') {
      // A footnote's text is its own block.
      out.push({...node, children: normalizeInlines(node.children)})
      continue
    }
    if (hasChildren(node)) {
      out.push({...node, children: merge(node.children)} as Inline)
      continue
    }
    if (node.type === 'ref' || node.type === 'placeholder') {
      out.push({...node, value: collapse(node.value)} as Inline)
      continue
    }
    out.push({...node})
  }
  flush()
  // A space at the end of one node followed by a space at the start of the next.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = lastText(out[i]!)
    const b = firstText(out[i + 1]!)
    if (a && b && a.value.endsWith(' ') && b.value.startsWith(' ')) b.value = b.value.slice(1)
  }
  return out
}

function lastText(node: Inline): Text | undefined {
  if (node.type === 'text') return node
  if (hasChildren(node) && node.type !== 'authorialNote') {
    const last = node.children[node.children.length - 1]
    return last ? lastText(last) : undefined
  }
  return undefined
}

function firstText(node: Inline): Text | undefined {
  if (node.type === 'text') return node
  if (hasChildren(node) && node.type !== 'authorialNote') {
    const first = node.children[0]
    return first ? firstText(first) : undefined
  }
  return undefined
}

function trimEdge(nodes: Inline[], edge: 'start' | 'end'): void {
  const node = edge === 'start' ? nodes[0] : nodes[nodes.length - 1]
  if (!node) return
  if (node.type === 'text') {
    node.value = edge === 'start' ? node.value.trimStart() : node.value.trimEnd()
    if (node.value === '') {
      if (edge === 'start') nodes.shift()
      else nodes.pop()
      trimEdge(nodes, edge)
    }
  } else if (node.type === 'break') {
    if (edge === 'start') nodes.shift()
    else nodes.pop()
    trimEdge(nodes, edge)
  } else if (hasChildren(node) && node.type !== 'authorialNote' && node.type !== 'quotedText') {
    trimEdge(node.children, edge)
  }
}

function prune(nodes: Inline[]): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    if (node.type === 'text' && node.value === '') continue
    if ((node.type === 'emphasis' || node.type === 'strong') && node.children.length === 0) continue
    if (hasChildren(node) && node.type !== 'authorialNote') node.children = prune(node.children)
    if ((node.type === 'emphasis' || node.type === 'strong') && node.children.length === 0) continue
    out.push(node)
  }
  return out
}

/** Plain text of inline nodes with footnotes left out (for headings, numbers). */
export function plain(nodes: readonly Inline[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'ref') out += node.value
    else if (node.type === 'placeholder') out += '[' + node.value + ']'
    else if (node.type === 'quotedText') out += node.startQuote + plain(node.children) + node.endQuote
    else if (node.type === 'break') out += ' '
    else if (node.type !== 'authorialNote') out += plain(node.children)
  }
  return clean(out)
}

/** Remove a leading string (e.g. a printed number) from inline content. */
export function stripPrefix(nodes: Inline[], prefix: RegExp): {removed: string; rest: Inline[]} {
  const first = nodes[0]
  if (!first || first.type !== 'text') return {removed: '', rest: nodes}
  const m = prefix.exec(first.value)
  if (!m || m.index !== 0) return {removed: '', rest: nodes}
  const rest = [...nodes]
  const value = first.value.slice(m[0].length)
  if (value === '') rest.shift()
  else rest[0] = {type: 'text', value}
  return {removed: m[0], rest: normalizeInlines(rest)}
}

/**
 * The lines of a signature block as the tree holds them: each line
 * normalised on its own, joined by `\n`, adjacent text merged (as the
 * Markdown dialect reads a paragraph of several lines).
 */
export function joinLines(lines: ReadonlyArray<readonly Inline[]>): Inline[] {
  const out: Inline[] = []
  const push = (node: Inline): void => {
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text')
      out[out.length - 1] = {type: 'text', value: last.value + node.value}
    else out.push(node.type === 'text' ? {type: 'text', value: node.value} : node)
  }
  for (const line of lines) {
    if (line.length === 0) continue
    if (out.length > 0) push({type: 'text', value: '\n'})
    for (const node of line) push(node)
  }
  return out
}
