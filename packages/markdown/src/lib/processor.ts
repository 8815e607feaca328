/**
 * The unified processors behind the dialect: remark-parse + remark-gfm
 * (tables, footnotes) with two CommonMark constructs switched off, and
 * remark-stringify with handlers for the dialect's raw runs.
 */
import type {Root} from 'mdast'
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified, type Processor} from 'unified'
import {checkQuoteDepth, linearInline} from './budget.js'

/**
 * Switch off lists and indented code: in the dialect `1.` starts a numbered
 * paragraph and `(a)` a point, and indentation carries meaning, so neither
 * may turn into a Markdown list or a code block.
 */
function remarkRedlexSyntax(this: Processor, options?: {linear?: boolean}): void {
  const data = this.data()
  const extensions = (data.micromarkExtensions ??= [])
  extensions.push({disable: {null: ['list', 'codeIndented']}})
  // Inline work in time proportional to the text (see budget.ts).
  if (options?.linear !== false) extensions.push(linearInline())
  // Web and e-mail addresses in running text are text (inline.ts): GFM's syntax-tree pass that finds more of them
  // only splits text nodes, and spreads them all into one call (a stack overflow on a paragraph of 64 000 addresses).
  const fromMarkdown = (data.fromMarkdownExtensions ??= []) as unknown[]
  for (let index = 0; index < fromMarkdown.length; index++)
    fromMarkdown[index] = withoutAutolinkPass(fromMarkdown[index])
}

const AUTOLINK_PASS = gfmAutolinkLiteralFromMarkdown().transforms?.[0]

/** A from-markdown extension (or list of them) without GFM's autolink literal pass over the syntax tree. */
function withoutAutolinkPass(extension: unknown): unknown {
  if (Array.isArray(extension)) return extension.map(withoutAutolinkPass)
  const transforms = (extension as {transforms?: unknown[]}).transforms
  if (!transforms?.includes(AUTOLINK_PASS)) return extension
  return {...(extension as object), transforms: transforms.filter((transform) => transform !== AUTOLINK_PASS)}
}

/**
 * The dialect's parser; `linear: false` leaves micromark's own (walking)
 * inline constructs in place and no limits — only for tests that compare the two.
 */
export function createMdastParser(options?: {linear?: boolean}): (text: string) => Root {
  const parser = unified().use(remarkParse).use(remarkGfm).use(remarkRedlexSyntax, options).freeze()
  if (options?.linear === false) return (text) => parser.parse(text)
  return (text) => {
    checkQuoteDepth(text)
    return parser.parse(text)
  }
}

/** Parse dialect text to mdast. */
export const parseMdast: (text: string) => Root = createMdastParser()

interface RawNode {
  type: 'redlexRaw'
  value: string
}

interface BlockNode {
  type: 'redlexBlock'
  /** Written before the phrasing, unescaped (`1. `, `(a) `, indentation). */
  prefix: string
  children: Root['children']
}

/** The part of mdast-util-to-markdown's `State` the handler uses. */
interface PhrasingState {
  containerPhrasing(parent: unknown, info: Record<string, unknown>): string
  enter(construct: string): () => void
}

const stringifier = unified()
  .use(remarkStringify, {
    rule: '-',
    emphasis: '*',
    strong: '*',
    bullet: '-',
    fences: true,
    handlers: {
      redlexRaw(node: RawNode) {
        return node.value
      },
      redlexBlock(node: BlockNode, _parent: unknown, state: PhrasingState, info: Record<string, unknown>) {
        // Inside a paragraph, in phrasing: remark-stringify then escapes what would read as markup there (`&#10;`, `<b>` …).
        const exitParagraph = state.enter('paragraph')
        const exitPhrasing = state.enter('phrasing')
        const inner = state.containerPhrasing(node as never, {
          ...info,
          before: node.prefix.trim() ? ' ' : '\n',
          after: '\n'
        })
        exitPhrasing()
        exitParagraph()
        return node.prefix + inner
      }
    } as never
  })
  .use(remarkGfm, {tablePipeAlign: true})
  .freeze()

/** Write mdast (with the dialect's custom nodes) as Markdown. */
export function stringifyMdast(tree: Root): string {
  return stringifier.stringify(tree)
}
