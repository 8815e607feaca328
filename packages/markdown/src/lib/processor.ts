/**
 * The unified processors behind the dialect: remark-parse + remark-gfm
 * (tables, footnotes) with two CommonMark constructs switched off, and
 * remark-stringify with handlers for the dialect's raw runs.
 */
import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified, type Processor} from 'unified'

/**
 * Switch off lists and indented code: in the dialect `1.` starts a numbered
 * paragraph and `(a)` a point, and indentation carries meaning, so neither
 * may turn into a Markdown list or a code block.
 */
function remarkRedlexSyntax(this: Processor): void {
  const data = this.data()
  const extensions = (data.micromarkExtensions ??= [])
  extensions.push({disable: {null: ['list', 'codeIndented']}})
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkRedlexSyntax).freeze()

/** Parse dialect text to mdast. */
export function parseMdast(text: string): Root {
  return parser.parse(text)
}

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
