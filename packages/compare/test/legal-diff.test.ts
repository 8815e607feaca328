import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {diffLists} from '../src/lib/legal-diff.js'
import {KeyIds, tokenList} from '../src/lib/tokenize.js'
import {content} from '@redlex/tree'
import {
  LegalDiff,
  compareDocuments,
  diffText,
  reconstruct,
  sideOf,
  tokenize,
  type RenumberLookup
} from '../src/index.js'
import {regulation} from './fixtures.js'
import {article} from '@redlex/tree'

/**
 * Deterministic pseudo-random text over two words (no Math.random: the test
 * must not flake). No word is unique, so nothing anchors the diff, and two
 * such texts differ by an edit distance of thousands of tokens: Myers needs
 * hundreds of millions of steps, far beyond any budget used here.
 */
function words(count: number, seed: number): string {
  let x = seed
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    out.push((x >> 16) % 2 === 0 ? 'data' : 'service')
  }
  return out.join(' ')
}

describe('LegalDiff', () => {
  it('is a jsdiff Diff over legal tokens', () => {
    const changes = new LegalDiff().diff('see Article 3(2) now', 'see Article 3(3) now', {})
    expect(changes.map((c) => [c.count, c.added, c.removed])).toEqual([
      [1, false, false],
      [1, false, true],
      [1, true, false],
      [1, false, false]
    ])
  })

  it('treats a renumbered reference as equal only through the lookup', () => {
    const lookup = {get: (key: string) => (key === 'Article 2' ? 'Article 3' : undefined)}
    const diff = new LegalDiff(lookup)
    expect(diff.diff('in Article 2 and', 'in Article 3 and', {}).length).toBe(1)
    expect(new LegalDiff().diff('in Article 2 and', 'in Article 3 and', {}).length).toBe(4)
  })
})

describe('diffText', () => {
  it('keeps references and amounts whole in the redline', () => {
    const {segments} = diffText(
      'fines of up to EUR 10 000 000 under Article 83(4)',
      'fines of up to EUR 20 000 000 under Article 83(5)'
    )
    expect(segments).toEqual([
      {value: 'fines of up to '},
      {value: 'EUR 10 000 000 ', removed: true},
      {value: 'EUR 20 000 000 ', added: true},
      {value: 'under '},
      {value: 'Article 83(4)', removed: true},
      {value: 'Article 83(5)', added: true}
    ])
  })

  it('folds short common islands into a rewritten passage', () => {
    const {segments} = diffText(
      'the provider shall inform the user of the decision',
      'the platform must notify the recipient of the measure'
    )
    expect(segments.filter((s) => !s.added && !s.removed).map((s) => s.value)).toEqual(['the '])
    expect(sideOf(segments, 'before')).toBe('the provider shall inform the user of the decision')
    expect(sideOf(segments, 'after')).toBe('the platform must notify the recipient of the measure')
  })

  it('gives an insertion at the end with its space', () => {
    expect(diffText('and to the Council.', 'and to the Council and the Board.').segments).toEqual([
      {value: 'and to the Council'},
      {value: ' and the Board', added: true},
      {value: '.'}
    ])
  })

  it('falls back to a whole replacement beyond maxEditLength', () => {
    const result = diffText('the provider shall inform the user', 'a platform must notify each recipient', {
      maxEditLength: 3
    })
    expect(result.fallback).toBe('replaced')
    expect(result.segments).toEqual([
      {value: 'the provider shall inform the user', removed: true},
      {value: 'a platform must notify each recipient', added: true}
    ])
    expect(
      diffText('the provider shall inform the user', 'the provider must inform the user', {maxEditLength: 3}).fallback
    ).toBeUndefined()
  })

  it('falls back to a whole replacement when the edit needs more search steps than allowed (no clock involved)', () => {
    const before = words(20_000, 1)
    const after = words(20_000, 2)
    const result = diffText(before, after)
    expect(result.fallback).toBe('replaced')
    expect(result.segments).toEqual([
      {value: before, removed: true},
      {value: after, added: true}
    ])
    // A limit of the caller's choosing, and a budget shared by several redlines, spent as used.
    const edited = 'the platform shall notify the user'
    expect(diffText('the provider shall inform the user', edited, {maxSteps: 1}).fallback).toBe('replaced')
    const budget = {steps: 1000}
    expect(diffText('the provider shall inform the user', edited, {budget}).fallback).toBeUndefined()
    expect(budget.steps).toBeLessThan(1000)
    expect(
      diffText('the provider shall inform the user', 'a platform must notify the user', {budget: {steps: 0}}).fallback
    ).toBe('replaced')
  })

  it('marks a pathological provision pair as replaced in the comparison, and still rebuilds both texts', () => {
    const before = regulation([article('Article 1', 'Long', [content(words(20_000, 3))])])
    const after = regulation([article('Article 1', 'Long', [content(words(20_000, 4))])])
    const comparison = compareDocuments(before, after)
    const change = comparison.changes.find((c) => c.kind === 'article')!
    expect(change.fallback).toBe('replaced')
    expect(change.status).toBe('modified')
    expect(comparison.fallbacks).toBe(1)
    expect(reconstruct(comparison, 'after').includes(words(20_000, 4))).toBe(true)
  })
})

describe('diffLists', () => {
  const word = fc.constantFrom('the', 'The', 'provider', 'shall', 'Article 3', 'Article 4', '‘', "'", ',', '.', 'of')
  const text = fc
    .array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n', '')), {maxLength: 40})
    .map((parts) => parts.map(([w, s]) => w + s).join(''))
  const renumbered: RenumberLookup = {get: (key) => (key === 'Article 3' ? 'Article 4' : undefined)}

  it('gives diffText’s redline over lists sharing a comparison’s key table', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (before, after, renumber) => {
        const keys = new KeyIds()
        // Keys of other provisions come first in a comparison's table.
        tokenList('Article 4 of the provision', keys)
        const options = renumber ? {renumbered} : {}
        const lists = diffLists(tokenList(before, keys), tokenList(after, keys), keys, options)
        expect(lists).toEqual(diffText(before, after, options))
        expect(diffText(tokenize(before), tokenize(after), options)).toEqual(lists)
      })
    )
  })
})
