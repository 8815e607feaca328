/**
 * Parse a piece of dialect Markdown that is not a whole act: the new text of
 * an amendment (an article, a paragraph, points, a recital, plain text).
 */
import {RedlexError, type Article, type Node, type ProvisionContent, type Recital} from '@redlex/tree'
import {parseMarkdown} from './parse.js'

export type FragmentKind = 'article' | 'recital' | 'provision' | 'text'

export interface FragmentOptions {
  /**
   * What the snippet holds: `article` (`### Article 4` …), `recital` (`(8) …`),
   * `provision` (paragraphs `2. …`, points `(e) …`, indents, subparagraphs,
   * as they would stand inside an article) or `text` (unnumbered blocks).
   * Default `provision`.
   */
  kind?: FragmentKind
  /** File name for error messages. */
  file?: string
}

const NUMBERING = new Set(['markdown/skipped-number', 'markdown/number-order', 'markdown/duplicate-number'])

/**
 * Parse a snippet to tree nodes without positions (they are new text). A
 * snippet's numbers need not start at 1 (`(e)` may be inserted after `(d)`),
 * so numbering problems are ignored; anything else is an error.
 */
export function parseFragment(
  markdown: string,
  options?: Readonly<FragmentOptions> | null
): Array<Article | Recital | ProvisionContent> {
  const kind = options?.kind ?? 'provision'
  const trimmed = markdown.trim() + '\n'
  const wrapped =
    kind === 'recital' ? 'Whereas:\n\n' + trimmed : kind === 'article' ? trimmed : '### Article 1\n\n' + trimmed
  const {document, warnings} = parseMarkdown(wrapped, {lenient: true, ...(options?.file ? {file: options.file} : {})})
  const problem = warnings.find((w) => !NUMBERING.has(w.code))
  if (problem) {
    throw new RedlexError(`Cannot read the ${kind} snippet: ${problem.message}`, {
      code: 'markdown/bad-fragment',
      ...(options?.file ? {file: options.file} : {}),
      actual: markdown,
      hint: 'Write the snippet in the redlex Markdown dialect (docs/markdown.md)'
    })
  }
  let nodes: Array<Article | Recital | ProvisionContent> = []
  if (kind === 'recital') {
    const preamble = document.children.find((c) => c.type === 'preamble')
    const recitals = preamble?.type === 'preamble' ? preamble.children.find((c) => c.type === 'recitals') : undefined
    nodes = recitals && recitals.type === 'recitals' ? recitals.children : []
  } else {
    const body = document.children.find((c) => c.type === 'body')
    const articles = body?.type === 'body' ? body.children.filter((c): c is Article => c.type === 'article') : []
    nodes = kind === 'article' ? articles : (articles[0]?.children ?? [])
  }
  if (nodes.length === 0) {
    throw new RedlexError(`The ${kind} snippet is empty`, {
      code: 'markdown/bad-fragment',
      actual: markdown,
      hint: 'Give the new text'
    })
  }
  return nodes.map((node) => stripPositions(node))
}

/** A deep copy without `position` fields. */
export function stripPositions<T extends Node>(node: T): T {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value))) as T
}
