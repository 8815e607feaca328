/**
 * Same input → same bytes: no clock decides a result. A comparison (with a
 * redline that reaches its work limit) reads no clock at all, and gives the
 * same bytes when the clock jumps a second at every read. Only the opt-in
 * `timeBudgetMs` reads the clock, and then the result may change with load.
 */
import {afterEach, describe, expect, it, vi} from 'vitest'
import {article, content, paragraph} from '@redlex/tree'
import {MAX_DOCUMENT_CHARS, compareDocuments, verify} from '../src/index.js'
import {isRedlexError} from '@redlex/tree'
import {ARTICLES, baseline, regulation} from './fixtures.js'

/** `count` words from two, pseudo-random: a pair of these is rewritten throughout. */
function words(count: number, seed: number): string {
  let x = seed
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    out.push((x >> 16) % 2 === 0 ? 'data' : 'service')
  }
  return out.join(' ')
}

/** The fixture regulation, edited, plus a long article rewritten throughout (its redline reaches the work limit). */
function pair(): {before: ReturnType<typeof baseline>; after: ReturnType<typeof baseline>} {
  const before = regulation([
    ARTICLES.subject(),
    ARTICLES.scope(),
    ARTICLES.definitions(),
    ARTICLES.derogation(),
    ARTICLES.review(),
    article('Article 6', 'Long', [paragraph('1.', [content(words(12_000, 3))])])
  ])
  const derogation = ARTICLES.derogation()
  derogation.children[1] = paragraph('2.', [
    content('Providers shall publish a report on the processing by 3 August 2026.')
  ])
  const after = regulation([
    ARTICLES.subject(),
    ARTICLES.definitions(),
    derogation,
    ARTICLES.review(),
    article('Article 5', 'Long', [paragraph('1.', [content(words(12_000, 4))])])
  ])
  return {before, after}
}

/** Replace both clocks: `read` gives each read's value (and may count). */
function stubClocks(read: () => number): void {
  vi.spyOn(Date, 'now').mockImplementation(read)
  vi.spyOn(performance, 'now').mockImplementation(read)
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('determinism', () => {
  it('reads no clock: compareDocuments and verify', () => {
    const {before, after} = pair()
    let reads = 0
    // Where each read came from, so that a failure names the reader.
    const stacks: string[] = []
    stubClocks(() => {
      reads++
      stacks.push(new Error().stack ?? '')
      return 0
    })
    const comparison = compareDocuments(before, after)
    verify(before, after, {log: []})
    vi.restoreAllMocks()
    expect(comparison.summary.modified).toBeGreaterThan(0)
    expect(stacks.join('\n=====\n')).toBe('')
    expect(reads).toBe(0)
    // The long article did reach its work limit: the limit, not a clock, decided.
    expect(comparison.fallbacks).toBe(1)
  })

  it('gives the same bytes when the clock jumps a second at every read', () => {
    const {before, after} = pair()
    const steady = JSON.stringify(compareDocuments(before, after))
    let now = 0
    stubClocks(() => (now += 1000))
    expect(JSON.stringify(compareDocuments(before, after))).toBe(steady)
  })

  it('the opt-in time budget reads the clock, and then load can change the result', () => {
    const {before, after} = pair()
    const steady = compareDocuments(before, after)
    let now = 0
    stubClocks(() => (now += 1000))
    const hurried = compareDocuments(before, after, {timeBudgetMs: 50})
    // Every search now finds its deadline past: the edited paragraph falls back too.
    expect(hurried.fallbacks).toBeGreaterThan(steady.fallbacks!)
  })
})

describe('size limit', () => {
  it('a version beyond MAX_DOCUMENT_CHARS is a coded error, not a RangeError', () => {
    const small = regulation([ARTICLES.subject()])
    const huge = regulation([article('Article 1', 'Huge', [content('x'.repeat(MAX_DOCUMENT_CHARS + 1))])])
    let error: unknown
    try {
      compareDocuments(small, huge, {names: {after: 'huge.md'}})
    } catch (caught) {
      error = caught
    }
    expect(isRedlexError(error)).toBe(true)
    expect(error).toMatchObject({code: 'compare/too-large'})
    expect((error as Error).message).toMatch(/second version \(huge\.md\) is too large/)
  })
})
