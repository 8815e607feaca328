/**
 * Lossless AKN for any tree the importers make: `fromAkn(toAkn(t))` gives `t`
 * back — eIds, numbers, text, footnotes, frame — for the randomized trees of
 * the Markdown property test (test/arbitrary-tree.ts).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fromAkn, toAkn} from '@redlex/formats'
import type {Inline} from '@redlex/tree'
import {normalizeInlines} from '../src/lib/text.js'
import {documentTree} from '../../../test/arbitrary-tree.js'
import {comparable} from '../../../test/lossless.js'

const RUNS = Number(process.env.REDLEX_PROPERTY_RUNS ?? 150)

describe('AKN round trip of randomized trees', () => {
  it(`fromAkn(toAkn(t)) deep-equals t (${RUNS} trees)`, () => {
    let checked = 0
    fc.assert(
      fc.property(documentTree, (generated) => {
        let tree: typeof generated
        try {
          tree = asImported(generated)
        } catch (error) {
          if (error instanceof NotImported) return fc.pre(false)
          throw error
        }
        const xml = toAkn(tree)
        const back = fromAkn(xml)
        expect(comparable(back), xml).toEqual(comparable(tree))
        checked++
      }),
      {numRuns: RUNS, seed: 12}
    )
    // fast-check counts only the trees that passed the precondition: all RUNS were checked.
    expect(checked).toBe(RUNS)
  }, 600_000)
})

/**
 * The trees the importers make: every inline run normalised as they do it
 * (`normalizeInlines`: a run of ASCII white space is one space, a block's
 * text starts and ends with a word, adjacent texts are one node). The
 * Markdown dialect keeps every character of any tree; AKN keeps every
 * character an imported act can hold.
 */
const INLINE = new Set([
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
const isInlineList = (value: unknown): value is Inline[] =>
  Array.isArray(value) && value.length > 0 && value.every((node) => INLINE.has((node as {type?: string})?.type ?? ''))

function asImported<T>(node: T): T {
  if (Array.isArray(node)) {
    if (!isInlineList(node)) return node.map(asImported) as T
    const inlines = normalizeInlines(node)
    // Only white space: no importer makes such a block (they drop it), so the tree is not one of theirs.
    if (inlines.length === 0) throw new NotImported()
    return inlines as T
  }
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) out[key] = asImported(value)
  // No importer makes a heading without words (an empty <heading/> is no heading).
  if (Array.isArray(out['heading']) && out['heading'].length === 0) delete out['heading']
  return out as T
}

class NotImported extends Error {}
