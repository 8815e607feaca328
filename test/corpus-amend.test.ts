/**
 * Amendments as a drafter writes them, on a real proposal (the DSA proposal
 * COM(2020) 825, Cellar XHTML, from ../shared/corpus; skipped when absent):
 * a deleted point that other provisions name gives a warning naming each,
 * the points after it move up and the references to them follow, a term is
 * changed across an article in one amendment, and the sunset is set.
 */
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {findByEid, findReferencesTo, textOf, type Document} from '@redlex/tree'
import {importDocument} from '@redlex/formats'
import {applyAmendments, type Amendment} from '@redlex/amend'

const file = fileURLToPath(new URL('../../shared/corpus/dsa/proposal-com-2020-825.xhtml', import.meta.url))
const own = (doc: Document, eId: string): string => textOf(findByEid(doc, eId)!, {num: false, deep: false})

describe.skipIf(!existsSync(file))('amendments on the DSA proposal', () => {
  const draft = (): Document => importDocument(readFileSync(file, 'utf8'), {file}).document

  it('warns about every reference to a deleted point, and rewrites the ones to points that moved up', () => {
    const base = draft()
    const deleted = 'art_22__para_1__point_d'
    const naming = findReferencesTo(base, new Set([deleted]))
    expect(naming.length).toBeGreaterThan(0)
    const result = applyAmendments(
      base,
      [{id: 'del', type: 'delete', target: deleted, provenance: {conclusion: 'c1'}}],
      {renumber: 'sequential'}
    )
    const warned = result.warnings.filter((w) => w.code === 'amend/reference-to-deleted')
    expect(warned.map((w) => w.eId).sort()).toEqual(naming.map((r) => r.eId).sort())
    for (const ref of naming) expect(warned.some((w) => w.message.includes(`\`${ref.value}\``))).toBe(true)
    // Article 22(2) named points (a), (d) and (e) of paragraph 1: (e) is now (d); the deleted (d) is reported
    expect(own(base, 'art_22__para_2')).toContain('points (a), (d) and (e) of paragraph 1')
    expect(own(result.document, 'art_22__para_2')).toContain('points (a), (d) and (d) of paragraph 1')
    expect(result.warnings.some((w) => w.code === 'amend/reference-kept' && w.eId === 'art_22__para_2')).toBe(true)
  })

  it('changes a term across an article in one amendment, one effect per provision', () => {
    const base = draft()
    const amendments: Amendment[] = [
      {
        id: 'term',
        type: 'substitute',
        target: 'art_26',
        text: 'very large online platforms',
        by: 'very large online services',
        occurrence: 'all'
      }
    ]
    const result = applyAmendments(base, amendments, {renumber: 'sequential'})
    const effects = result.log[0]!.effects
    expect(effects.length).toBeGreaterThan(1)
    expect(new Set(effects.map((e) => e.after)).size).toBe(effects.length)
    for (const effect of effects)
      expect(own(result.document, effect.after!)).not.toMatch(/\bvery large online platforms\b/i)
    // the case of the words replaced: a sentence-initial "Very large online platforms" stays capitalised
    expect(own(result.document, 'art_26__para_1')).toMatch(/^Very large online services shall identify/)
    expect(own(result.document, 'art_26__para_2')).toContain('very large online services shall take into account')
  })

  it('sets the sunset in the final article, at the current term’s end, with the provisional warning', () => {
    const result = applyAmendments(draft(), [{id: 'end', type: 'sunset', date: 'ep-term-end:current'}], {
      renumber: 'sequential'
    })
    expect(textOf(findByEid(result.document, 'art_74')!, {num: false})).toContain('It shall apply until 16 July 2029.')
    expect(result.warnings.map((w) => w.code)).toContain('amend/provisional-date')
  })
})
