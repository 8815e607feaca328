/**
 * Real data for the amendments: the GDPR corrigendum (OJ L 127, 23.5.2018)
 * turned into typed `substitute` amendments and applied to the 2016 text
 * gives the consolidated text's wording, article by article. Corrections
 * that cannot be located are listed with the reason.
 */
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {applyAmendments, type Amendment} from '@redlex/amend'
import {fromFormex, parseCorrigendum, type Correction} from '@redlex/formats'
import {findByEid, isRedlexError, textOf, type Document} from '@redlex/tree'

const corpus = new URL('../../shared/corpus/gdpr/', import.meta.url)
const has = existsSync(corpus)
const read = (path: string) => readFileSync(new URL(path, corpus), 'utf8')
const norm = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim()
/** A corrected line without its printed number: `(c) `, `3. `, `(71) … `. */
const bare = (line: string) => line.replace(/^(?:\(\w+\)|\d+[a-z]*\.)\s*/, '').replace(/^…\s*/, '').trim()

/**
 * One correction → `substitute` amendments. A correction quotes whole
 * provisions (`3. …`), one line per unit: several provisions (Article 64(6),
 * (7) and (8)) or the paragraphs of one (recital 71: its second paragraph is
 * `rec_71__subpara_2`). `…` stands for unchanged words, so each line is cut
 * at `…` and only the pieces that differ become substitutions.
 */
function toAmendments(correction: Correction, base: Document): Amendment[] {
  const targets = correction.target ? [correction.target.eId, ...(correction.target.others ?? [])] : []
  const olds = correction.old.split('\n').map(bare)
  const news = correction.new.split('\n').map(bare)
  const out: Amendment[] = []
  olds.forEach((line, i) => {
    const target = i < targets.length ? targets[i] : `${targets[0]}__subpara_${i + 1}`
    if (news[i] === undefined || target === undefined || !findByEid(base, target)) return
    const pieces = line.split('…').map((p) => p.trim())
    const replacements = news[i]!.split('…').map((p) => p.trim())
    pieces.forEach((text, j) => {
      const by = replacements[j]
      if (by === undefined || text === '' || text === by) return
      out.push({
        id: `corr-${correction.index}${olds.length > 1 ? `-${i + 1}` : ''}${pieces.length > 1 ? `.${j + 1}` : ''}`,
        type: 'substitute',
        target,
        text,
        by,
        provenance: {conclusion: 'Corrigendum, OJ L 127, 23.5.2018', note: correction.location}
      } as Amendment)
    })
  })
  return out
}

describe.skipIf(!has)('GDPR corrigendum → typed substitutions → the consolidated text', () => {
  const original = has ? fromFormex(read('original-oj-2016/L_2016119EN.01000101.xml')) : undefined!
  const consolidated = has ? fromFormex(read('consolidated-2018/gdpr-consolidated-en.xml')) : undefined!
  const corrections = has ? parseCorrigendum(read('corrigendum-2018/L_2018127EN.01000201.xml')) : []
  const amendments = corrections.flatMap((c) => toAmendments(c, original))

  // Apply one by one, so that a correction that cannot be located is reported, not fatal.
  let corrected: Document = original
  const failed: string[] = []
  const applied: Amendment[] = []
  for (const amendment of amendments) {
    try {
      corrected = applyAmendments(corrected, [amendment], {renumber: 'amending-act'}).document
      applied.push(amendment)
    } catch (error) {
      if (!isRedlexError(error)) throw error
      failed.push(`${amendment.id} (${amendment.provenance?.note}): ${error.code}`)
    }
  }

  it('turns the 15 corrections into substitutions of whole provisions', () => {
    expect(corrections).toHaveLength(15)
    expect(amendments.length).toBe(17) // Article 64(6)–(8) is three units; recital 71's change is in its second paragraph
  })

  it('locates and applies every correction (or lists those it cannot, with the reason)', () => {
    expect(failed).toEqual([])
    expect(applied).toHaveLength(amendments.length)
  })

  it('gives the consolidated wording in every corrected article', () => {
    const articles = [...new Set(applied.map((a) => (a as {target: string}).target.split('__')[0]!).filter((eId) => eId.startsWith('art_')))]
    expect(articles).toEqual(['art_37', 'art_41', 'art_42', 'art_43', 'art_57', 'art_64', 'art_65', 'art_69', 'art_70'])
    const differs: string[] = []
    const fixed: string[] = []
    for (const eId of articles) {
      const want = norm(textOf(findByEid(consolidated, eId)!))
      if (norm(textOf(findByEid(corrected, eId)!)) !== want) differs.push(eId)
      if (norm(textOf(findByEid(original, eId)!)) !== want) fixed.push(eId)
    }
    expect(differs).toEqual([])
    // Before the corrections, these articles did differ from the consolidated text.
    expect(fixed).toEqual(articles)
  })

  it('leaves the other articles as they were', () => {
    const touched = new Set(applied.map((a) => (a as {target: string}).target.split('__')[0]))
    for (let n = 1; n <= 99; n++) {
      const eId = `art_${n}`
      if (touched.has(eId)) continue
      expect(textOf(findByEid(corrected, eId)!)).toBe(textOf(findByEid(original, eId)!))
    }
  })

  it('corrects recital 71 as the corrigendum reads (the consolidated text has no recitals)', () => {
    const recital = corrections.find((c) => c.location.includes('recital 71'))!
    const text = norm(textOf(findByEid(corrected, 'rec_71')!))
    for (const line of recital.new.split('\n').map(bare)) expect(text).toContain(norm(line))
  })
})
