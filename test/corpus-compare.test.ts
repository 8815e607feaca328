/**
 * The comparison engine on real pairs from ../shared/corpus (skipped when
 * that folder is absent): the DSA and AI Act proposals against the adopted
 * regulations, and the ten successive Council drafts of the AI Act.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it, vi} from 'vitest'
import {textOf} from '@redlex/tree'
import type {Document} from '@redlex/tree'
import {fromCellarHtml, fromFormex} from '@redlex/formats'
import {parseMarkdown} from '@redlex/markdown'
import {compareDocuments, reconstruct, sideText} from '@redlex/compare'
import type {Comparison, ProvisionChange} from '@redlex/compare'

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url))
const read = (path: string): string => readFileSync(corpus + path, 'utf8')

function articles(comparison: Comparison): ProvisionChange[] {
  const out: ProvisionChange[] = []
  const visit = (list: ProvisionChange[]): void => {
    for (const change of list) {
      if (change.kind === 'article') out.push(change)
      else if (change.kind === 'division') visit(change.children)
    }
  }
  visit(comparison.changes)
  return out
}

/** Share of the first version's words kept, and of the second version's words that were already there. */
function shares(comparison: Comparison): {kept: number; reused: number} {
  const {common, removed, added} = comparison.tokens!
  return {kept: common / (common + removed), reused: common / (common + added)}
}

/**
 * Frame lines (closing lines, and annex text the lenient reader keeps outside provisions) whose text
 * occurs once in its part on each side: a line kept verbatim, which an alignment by content reports
 * unchanged wherever other lines were inserted or deleted around it.
 */
function framesKeptVerbatim(comparison: Comparison): number {
  const counts = (side: 'before' | 'after'): Map<string, number> => {
    const counted = new Map<string, number>()
    for (const line of comparison.frame) {
      if ((side === 'before' ? line.beforeSeq : line.afterSeq) === undefined) continue
      const key = `${line.part}|${line.kind}|${sideText(line.diff, side)}`
      counted.set(key, (counted.get(key) ?? 0) + 1)
    }
    return counted
  }
  const after = counts('after')
  let kept = 0
  for (const [key, count] of counts('before')) if (count === 1 && after.get(key) === 1) kept++
  return kept
}

function expectLossless(comparison: Comparison, before: Document, after: Document): void {
  // Compare lengths first so that a failure does not print two whole acts.
  const b = reconstruct(comparison, 'before')
  const a = reconstruct(comparison, 'after')
  expect(b.length).toBe(textOf(before).length)
  expect(a.length).toBe(textOf(after).length)
  expect(b === textOf(before)).toBe(true)
  expect(a === textOf(after)).toBe(true)
  // With footnotes written where their markers stand: every note of both versions is in the model.
  expect(reconstruct(comparison, 'before', {notes: true}) === textOf(before, {notes: true})).toBe(true)
  expect(reconstruct(comparison, 'after', {notes: true}) === textOf(after, {notes: true})).toBe(true)
}

/** A pair compared, with its articles by before-eId. */
interface Compared {
  before: Document
  after: Document
  comparison: Comparison
  byBefore: Map<string, ProvisionChange>
}

/**
 * Compare a pair, or nothing when the corpus is absent: vitest still runs
 * the body of a skipped `describe` to collect its tests, so nothing may be
 * read there unless the files exist.
 */
function compared(present: boolean, load: () => {before: Document; after: Document; comparison: Comparison}): Compared {
  if (!present) return {} as Compared
  const pair = load()
  return {
    ...pair,
    byBefore: new Map(
      articles(pair.comparison)
        .filter((c) => c.before)
        .map((c) => [c.before!.eId, c])
    )
  }
}

const HAS_DSA = existsSync(corpus + 'dsa')
const HAS_AI_ACT = existsSync(corpus + 'ai-act')

describe.skipIf(!HAS_DSA)('DSA: proposal COM(2020) 825 → Regulation (EU) 2022/2065', () => {
  const {before, after, comparison, byBefore} = compared(HAS_DSA, () => {
    const before = fromCellarHtml(read('dsa/proposal-com-2020-825.xhtml'))
    const after = fromFormex(read('dsa/final-formex.xml'))
    return {
      before,
      after,
      comparison: compareDocuments(before, after, {
        names: {before: 'COM(2020) 825', after: 'Regulation (EU) 2022/2065'}
      })
    }
  })

  it('compares completely: every article of both versions is accounted for', () => {
    const list = articles(comparison)
    expect(list.filter((c) => c.before).length).toBe(74)
    expect(list.filter((c) => c.after).length).toBe(93)
    expect(comparison.levels?.recital).toBeDefined()
    expect(comparison.fallbacks).toBe(0)
  })

  it('aligns the definitions article (proposal Article 2, Regulation Article 3) and other renumbered articles', () => {
    const definitions = byBefore.get('art_2')!
    expect(definitions).toMatchObject({
      status: 'renumbered',
      modified: true,
      before: {num: 'Article 2', heading: 'Definitions'},
      after: {eId: 'art_3', heading: 'Definitions'}
    })
    // The text really is the definitions on both sides.
    expect(definitions.before!.text + definitions.children.map((c) => c.before?.text ?? '').join(' ')).toMatch(
      /‘information society services?’ means/
    )
    expect(definitions.after!.text + definitions.children.map((c) => c.after?.text ?? '').join(' ')).toMatch(
      /‘information society services?’ means/
    )
    const sample: Array<[string, string, RegExp]> = [
      ['art_5', 'art_6', /^Hosting$/],
      ['art_14', 'art_16', /^Notice and action mechanisms$/],
      ['art_17', 'art_20', /^Internal complaint-handling system$/],
      ['art_25', 'art_33', /^Very large online platforms/],
      ['art_26', 'art_34', /^Risk assessment$/],
      ['art_38', 'art_49', /^Competent authorities and Digital Services Coordinators$/],
      ['art_47', 'art_61', /^European Board for Digital Services$/]
    ]
    for (const [from, to, heading] of sample) {
      const change = byBefore.get(from)!
      expect([from, change.after?.eId, change.status]).toEqual([from, to, 'renumbered'])
      expect(change.before!.heading).toMatch(heading)
      expect(change.after!.heading).toMatch(heading)
    }
    // Article 1 kept its number; the new Article 2 (Scope) is inserted.
    expect(byBefore.get('art_1')?.after?.eId).toBe('art_1')
    expect(articles(comparison).find((c) => c.after?.eId === 'art_2')).toMatchObject({
      status: 'inserted',
      after: {heading: 'Scope'}
    })
  })

  it('marks a plausible share of the text as changed, not everything', () => {
    const {kept, reused} = shares(comparison)
    // Measured: about 76 % of the proposal's words kept; 41 % of the act's words come from the proposal.
    expect(kept).toBeGreaterThan(0.6)
    expect(kept).toBeLessThan(0.95)
    expect(reused).toBeGreaterThan(0.3)
  })

  it('reconstructs both texts exactly', () => {
    expectLossless(comparison, before, after)
  })

  it('gives the same bytes when the clock jumps a second at every read (no time budget decides)', () => {
    let now = 0
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000))
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1000))
    try {
      const again = compareDocuments(before, after, {
        names: {before: 'COM(2020) 825', after: 'Regulation (EU) 2022/2065'}
      })
      expect(JSON.stringify(again) === JSON.stringify(comparison)).toBe(true)
      expect(now).toBe(0)
    } finally {
      vi.restoreAllMocks()
    }
  })
})

describe.skipIf(!HAS_AI_ACT)('AI Act: proposal COM(2021) 206 → Regulation (EU) 2024/1689', () => {
  const {before, after, comparison, byBefore} = compared(HAS_AI_ACT, () => {
    const dir = 'ai-act/final-formex/'
    const annexes = readdirSync(corpus + dir)
      .filter((f) => /\.01\d{2}01\.fmx\.xml$/.test(f))
      .sort()
    const before = fromCellarHtml(read('ai-act/proposal-com-2021-206.xhtml'))
    const after = fromFormex(read(dir + 'L_202401689EN.000101.fmx.xml'), {annexes: annexes.map((f) => read(dir + f))})
    return {before, after, comparison: compareDocuments(before, after)}
  })

  it('compares completely', () => {
    const list = articles(comparison)
    expect(list.filter((c) => c.before).length).toBe(85)
    expect(list.filter((c) => c.after).length).toBe(113)
    // The proposal file has no annexes: all 13 annexes of the act are inserted.
    expect(comparison.levels?.annex).toMatchObject({inserted: 13})
    expect(comparison.fallbacks).toBe(0)
  })

  it('aligns known articles, renumbered or not', () => {
    const sample: Array<[string, string, RegExp]> = [
      ['art_3', 'art_3', /^Definitions$/],
      ['art_6', 'art_6', /^Classification rules for high-risk AI systems$/],
      ['art_52', 'art_50', /^Transparency obligations for (providers and deployers of )?certain AI systems$/],
      ['art_53', 'art_57', /^AI regulatory sandboxes$/],
      ['art_71', 'art_99', /^Penalties$/]
    ]
    for (const [from, to, heading] of sample) {
      const change = byBefore.get(from)!
      expect([from, change.after?.eId]).toEqual([from, to])
      expect(change.before!.heading).toMatch(heading)
      expect(change.after!.heading).toMatch(heading)
    }
    expect(byBefore.get('art_52')?.status).toBe('renumbered')
  })

  it('marks a plausible share of the text as changed, not everything', () => {
    const {kept, reused} = shares(comparison)
    // Measured: about 73 % of the proposal's words kept; the act is about 2.5 times longer.
    expect(kept).toBeGreaterThan(0.55)
    expect(kept).toBeLessThan(0.95)
    expect(reused).toBeGreaterThan(0.2)
  })

  it('reconstructs both texts exactly', () => {
    expectLossless(comparison, before, after)
  })
})

describe.skipIf(!existsSync(corpus + 'ai-act/council-drafts-md'))('AI Act: the Council drafts, pairwise', () => {
  const dir = 'ai-act/council-drafts-md/'
  const files = existsSync(corpus + dir)
    ? readdirSync(corpus + dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : []

  // One test per pair, so that no single test keeps the worker busy for long.
  const docs = new Map<string, ReturnType<typeof parseMarkdown>['document']>()
  const draft = (file: string) => {
    if (!docs.has(file)) docs.set(file, parseMarkdown(read(dir + file), {lenient: true, file}).document)
    return docs.get(file)!
  }

  it('has ten drafts', () => {
    expect(files.length).toBe(10)
  })

  for (let i = 0; i + 1 < files.length; i++) {
    it(`compares ${files[i]} with the next draft, losslessly`, {timeout: 300_000}, () => {
      const before = draft(files[i]!)
      const after = draft(files[i + 1]!)
      const comparison = compareDocuments(before, after, {names: {before: files[i]!, after: files[i + 1]!}})
      expect(comparison.summary.unchanged + comparison.summary.modified).toBeGreaterThan(0)
      expect(reconstruct(comparison, 'before') === textOf(before)).toBe(true)
      expect(reconstruct(comparison, 'after') === textOf(after)).toBe(true)
      expect(reconstruct(comparison, 'before', {notes: true}) === textOf(before, {notes: true})).toBe(true)
      expect(reconstruct(comparison, 'after', {notes: true}) === textOf(after, {notes: true})).toBe(true)
      // Successive drafts share most of their words.
      expect(shares(comparison).kept).toBeGreaterThan(0.5)
      // Work limits, not time: no redline of a real pair falls back.
      expect(comparison.fallbacks).toBe(0)
      // Frame lines are aligned by content, not position: an inserted line shifts nothing (none of
      // these drafts moves a frame line across others, which would leave it out of the common sequence).
      const unchanged = comparison.frame.filter((line) => line.status === 'unchanged').length
      expect(unchanged).toBeGreaterThanOrEqual(framesKeptVerbatim(comparison))
    })
  }
})
