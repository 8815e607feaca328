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

/**
 * The trees are checked in batches, one test each, so that no single test
 * keeps the worker busy for long (vitest's worker reports to the main
 * process between tests; a minute without an answer fails the run on a
 * loaded machine). Each batch has its own fixed seed.
 */
const BATCHES = 5

describe('Markdown round trip of randomized trees', () => {
  for (let batch = 0; batch < BATCHES; batch++) {
    const runs = Math.ceil(MARKDOWN_RUNS / BATCHES)
    it(`fromMarkdown(toMarkdown(t)) deep-equals t (batch ${batch + 1}: ${runs} trees)`, () => {
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
        {numRuns: runs, seed: 11 + batch}
      )
    }, 600_000)
  }
})
