/**
 * The redline's search (myers.ts) must return exactly what jsdiff returns:
 * it is jsdiff's loop over integer ids. Checked against `LegalDiff` (jsdiff's
 * `Diff` with the legal tokens) on random pairs drawn from small
 * vocabularies, where ties between equally short edit scripts are common and
 * any difference in tie-breaking or pruning would show.
 */
import {describe, expect, it} from 'vitest'
import {LegalDiff, tokenize, type RenumberLookup, type Token} from '../src/index.js'
import {TokenIds, myersIds} from '../src/lib/myers.js'

/** Deterministic pseudo-random numbers (a failure must be reproducible). */
function random(seed: number): () => number {
  let x = seed >>> 0
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0
    return x / 4294967296
  }
}

const WORDS = ['the', 'shall', 'Member', 'State', ',', 'data', 'of', 'Article 3', 'Article 4', 'Article 5']
const token = (key: string): Token => ({
  text: key + ' ',
  key,
  core: key.length,
  type: key.startsWith('Article') ? 'reference' : key === ',' ? 'punctuation' : 'word'
})

function sequence(rand: () => number, length: number, vocabulary: number): Token[] {
  return Array.from({length}, () => token(WORDS[Math.floor(rand() * vocabulary)]!))
}

/** A second version: the first with words deleted, replaced and inserted. */
function edit(rand: () => number, tokens: readonly Token[], vocabulary: number, rate: number): Token[] {
  const out: Token[] = []
  for (const t of tokens) {
    const r = rand()
    if (r < rate / 3) continue
    out.push(r < (2 * rate) / 3 ? token(WORDS[Math.floor(rand() * vocabulary)]!) : t)
    if (rand() < rate / 3) out.push(token(WORDS[Math.floor(rand() * vocabulary)]!))
  }
  return out
}

const shape = (changes: ReadonlyArray<{count?: number; added?: boolean; removed?: boolean}>): string[] =>
  changes.map((c) => `${c.added ? '+' : c.removed ? '-' : '='}${c.count}`)

function ours(
  a: readonly Token[],
  b: readonly Token[],
  renumbered?: RenumberLookup,
  maxEditLength?: number
): string[] | undefined {
  const ids = new TokenIds(a, b, renumbered)
  const options: {maxSteps: number; maxEditLength?: number} = {maxSteps: Infinity}
  if (maxEditLength !== undefined) options.maxEditLength = maxEditLength
  const {runs} = myersIds(ids.old, ids.new, ids.alt, options)
  return runs && shape(runs)
}

function jsdiff(a: Token[], b: Token[], renumbered?: RenumberLookup, maxEditLength?: number): string[] | undefined {
  const options: {timeout: number; maxEditLength?: number} = {timeout: 600_000}
  if (maxEditLength !== undefined) options.maxEditLength = maxEditLength
  const changes = new LegalDiff(renumbered).diff(a, b, options)
  return changes && shape(changes)
}

describe('myersIds gives jsdiff’s result', () => {
  it('on random pairs, unrelated and edited, over 2 to 10 words', () => {
    const rand = random(20261129)
    let compared = 0
    for (let round = 0; round < 4000; round++) {
      const vocabulary = 2 + (round % 9)
      const a = sequence(rand, Math.floor(rand() * 40), vocabulary)
      const b =
        round % 2 === 0
          ? sequence(rand, Math.floor(rand() * 40), vocabulary)
          : edit(rand, a, vocabulary, 0.1 + rand() * 0.8)
      expect(ours(a, b), `round ${round}`).toEqual(jsdiff(a, b))
      compared++
    }
    expect(compared).toBe(4000)
  })

  it('with a renumbering (a reference also equals its renumbered form)', () => {
    const renumbered: RenumberLookup = {get: (key) => ({'Article 3': 'Article 4', 'Article 4': 'Article 5'})[key]}
    const rand = random(7)
    for (let round = 0; round < 2000; round++) {
      const a = sequence(rand, Math.floor(rand() * 30), 10)
      const b = edit(rand, a, 10, rand())
      expect(ours(a, b, renumbered), `round ${round}`).toEqual(jsdiff(a, b, renumbered))
    }
  })

  it('gives up where jsdiff does (maxEditLength)', () => {
    const rand = random(99)
    let gaveUp = 0
    for (let round = 0; round < 1000; round++) {
      const a = sequence(rand, 1 + Math.floor(rand() * 30), 4)
      const b = sequence(rand, 1 + Math.floor(rand() * 30), 4)
      const limit = 1 + Math.floor(rand() * 30)
      const expected = jsdiff(a, b, undefined, limit)
      if (expected === undefined) gaveUp++
      expect(ours(a, b, undefined, limit), `round ${round}`).toEqual(expected)
    }
    expect(gaveUp).toBeGreaterThan(100)
  })

  it('on real sentences tokenized by the legal tokenizer', () => {
    const a = tokenize(
      'The provider shall, without undue delay, inform the competent authority referred to in Article 3(2) of any serious incident.'
    )
    const b = tokenize(
      'Providers shall inform the Digital Services Coordinator referred to in Article 4(2) without delay, and in any event within 24 hours, of any serious incident.'
    )
    expect(ours(a, b)).toEqual(jsdiff(a, b))
    expect(ours(b, a)).toEqual(jsdiff(b, a))
  })

  it('handles empty sides and identical runs', () => {
    const a = sequence(random(1), 12, 3)
    expect(ours(a, a)).toEqual(jsdiff(a, [...a]))
    expect(ours([], a)).toEqual(jsdiff([], a))
    expect(ours(a, [])).toEqual(jsdiff(a, []))
  })

  it('gives up when it would need more path components than allowed, whatever the time', () => {
    const a = sequence(random(4), 300, 4)
    const b = sequence(random(5), 300, 4)
    const ids = new TokenIds(a, b, undefined)
    expect(myersIds(ids.old, ids.new, undefined, {maxSteps: Infinity, maxComponents: 5000}).runs).toBeUndefined()
    // The same search with room enough gives jsdiff's result (and the arrays are usable again).
    expect(ours(a, b)).toEqual(jsdiff(a, b))
  })

  it('gives up at its step limit, after the same number of steps every time', () => {
    const a = sequence(random(2), 400, 10)
    const b = sequence(random(3), 400, 10)
    const ids = new TokenIds(a, b, undefined)
    const full = myersIds(ids.old, ids.new, undefined, {maxSteps: Infinity})
    expect(full.runs).toBeDefined()
    // With fewer steps than the search needs: no runs, and the count stops within one edit length of the limit.
    const limited = myersIds(ids.old, ids.new, undefined, {maxSteps: Math.floor(full.steps / 2)})
    expect(limited.runs).toBeUndefined()
    expect(limited.steps).toBeGreaterThan(full.steps / 2)
    expect(limited.steps).toBeLessThan(full.steps)
    expect(myersIds(ids.old, ids.new, undefined, {maxSteps: Math.floor(full.steps / 2)})).toEqual(limited)
    expect(myersIds(ids.old, ids.new, undefined, {maxSteps: full.steps}).runs).toEqual(full.runs)
  })

  it('gives up at an opt-in deadline', () => {
    const a = sequence(random(2), 400, 10)
    const b = sequence(random(3), 400, 10)
    const ids = new TokenIds(a, b, undefined)
    expect(myersIds(ids.old, ids.new, undefined, {maxSteps: Infinity, deadline: Date.now() - 1}).runs).toBeUndefined()
  })
})
