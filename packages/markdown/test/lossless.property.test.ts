/**
 * Lossless for any tree the importers make: `fromMarkdown(toMarkdown(t))`
 * (the strict reader) gives `t` back — eIds, numbers, text, footnotes,
 * frame — for randomized trees with the defects and characters real sources
 * and amendments bring (test/arbitrary-tree.ts).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fromMarkdown, toMarkdown} from '@redlex/markdown'
import {documentTree} from '../../../test/arbitrary-tree.js'
import {comparable} from '../../../test/lossless.js'

/** Trees per run; the seed is fixed so that every run checks the same trees (deterministic CI). */
export const MARKDOWN_RUNS = Number(process.env.REDLEX_PROPERTY_RUNS ?? 150)

describe('Markdown round trip of randomized trees', () => {
  it(`fromMarkdown(toMarkdown(t)) deep-equals t (${MARKDOWN_RUNS} trees)`, () => {
    fc.assert(
      fc.property(documentTree, (tree) => {
        const text = toMarkdown(tree)
        let back
        try {
          back = fromMarkdown(text)
        } catch (error) {
          throw new Error(`${String(error)}\n--- the Markdown written:\n${text}`)
        }
        expect(comparable(back), text).toEqual(comparable(tree))
      }),
      {numRuns: MARKDOWN_RUNS, seed: 11}
    )
  }, 600_000)
})
