/**
 * Acceptance (issue 4, real data): the GDPR corrigendum (OJ L 127,
 * 23.5.2018), read by `parseCorrigendum` and turned into typed `substitute`
 * amendments by `correctionsToAmendments`, applied to the 2016 text one by
 * one (so that a correction that cannot be located is reported, not fatal),
 * gives the consolidated text's wording article by article. The consolidated
 * text has no recitals: the corrected recital is checked against the
 * corrigendum's own new wording.
 */
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {
  applyAmendments,
  correctionsToAmendments,
  eIdsFromLocation,
  parseAmendments,
  type Amendment,
  type SubstituteAmendment
} from '@redlex/amend'
import {fromFormex, parseCorrigendum} from '@redlex/formats'
import {findByEid, isRedlexError, listProvisions, textOf, type Document} from '@redlex/tree'

const corpus = new URL('../../shared/corpus/gdpr/', import.meta.url)
const has = existsSync(corpus)
const read = (path: string): string => readFileSync(new URL(path, corpus), 'utf8')
/** Whitespace-normalised: NBSP (and the other OJ spaces) read as a space, runs collapsed. */
const norm = (text: string): string => text.replace(/[\s\u00a0\u202f\u2009\u2007]+/g, ' ').trim()
const CONCLUSION = 'corrigendum OJ L 127, 23.5.2018'

/**
 * Corrections that cannot be located, with the reason, as
 * `corr-<n>: <code>: <message>`. Measured: none. A correction that stops
 * applying (a change in the importer or in the conversion) shows up here as
 * a failed expectation listing exactly that correction and why.
 */
const NOT_LOCATED: string[] = []
/** Corrections that cannot become substitutions at all (`skipped`). Measured: none. */
const NOT_CONVERTED: Array<{index: number; location: string; reason: string}> = []
/**
 * Articles touched by the corrigendum that still differ from the
 * consolidated text after the corrections, with the reason. Measured: none.
 */
const STILL_DIFFERENT: string[] = []

function articles(document: Document): Map<string, string> {
  return new Map(
    listProvisions(document)
      .filter((p) => p.node.type === 'article')
      .map((p) => [p.node.eId, norm(textOf(p.node))])
  )
}

describe.skipIf(!has)('GDPR corrigendum (OJ L 127, 23.5.2018) as typed substitutions on the 2016 text', () => {
  const corrXml = has ? read('corrigendum-2018/L_2018127EN.01000201.xml') : ''
  const original = has
    ? fromFormex(read('original-oj-2016/L_2016119EN.01000101.xml'))
    : (undefined as unknown as Document)
  const consolidated = has
    ? fromFormex(read('consolidated-2018/gdpr-consolidated-en.xml'))
    : (undefined as unknown as Document)
  const corrections = has ? parseCorrigendum(corrXml) : []
  // The eIds come from the printed location (the importer's own guess is dropped, so that amend's reading is what is tested).
  const {amendments, skipped} = correctionsToAmendments(
    corrections.map(({target: _, ...c}) => c),
    {conclusion: CONCLUSION}
  )

  let corrected = original
  const applied: SubstituteAmendment[] = []
  const failed: string[] = []
  for (const amendment of amendments) {
    try {
      corrected = applyAmendments(corrected, [amendment], {renumber: 'amending-act'}).document
      applied.push(amendment as SubstituteAmendment)
    } catch (error) {
      if (!isRedlexError(error)) throw error
      failed.push(`${amendment.id}: ${error.code}: ${error.message}`)
    }
  }

  it('parses every correction of the file (15 CORRECTION elements)', () => {
    const inFile = corrXml.match(/<CORRECTION[\s>]/g) ?? []
    expect(inFile).toHaveLength(15)
    expect(corrections).toHaveLength(inFile.length)
  })

  it('reads the target of every correction from its printed location, as the importer guesses it', () => {
    for (const c of corrections) {
      expect(eIdsFromLocation(c.location), c.location).toEqual([c.target!.eId, ...(c.target!.others ?? [])])
    }
    expect(eIdsFromLocation(corrections[9]!.location)).toEqual(['art_64__para_6', 'art_64__para_7', 'art_64__para_8'])
  })

  it('converts every correction into substitutions of the changed words, with provenance', () => {
    expect(skipped).toEqual(NOT_CONVERTED)
    const converted = new Set(amendments.map((a) => a.provenance!.note))
    expect(converted.size).toBe(corrections.length - skipped.length)
    expect(amendments).toHaveLength(30)
    expect(amendments.every((a) => a.type === 'substitute')).toBe(true)
    // Plain data: the list validates as amendments.
    expect(parseAmendments(JSON.parse(JSON.stringify(amendments)))).toEqual(amendments)
    const byId = new Map(amendments.map((a) => [a.id, a]))
    // The note is the location as printed (with its no-break spaces).
    expect(byId.get('corr-3')).toEqual({
      id: 'corr-3',
      type: 'substitute',
      target: 'art_41__para_3',
      text: 'criteria',
      by: 'requirements',
      provenance: {conclusion: CONCLUSION, note: 'On page\u00a058, Article\u00a041(3)'}
    })
    // ‘and’ recurs in point (c): the occurrence says which.
    expect(byId.get('corr-2')).toMatchObject({target: 'art_37__para_1__point_c', text: 'and', by: 'or', occurrence: 1})
    // Recital 71: the quoted first paragraph is unchanged; the change is in its second paragraph.
    expect(amendments.filter((a) => a.id.startsWith('corr-1-')).map((a) => (a as SubstituteAmendment).target)).toEqual([
      'rec_71__subpara_2',
      'rec_71__subpara_2'
    ])
    // Article 43(6): the last sentence goes.
    expect(byId.get('corr-7')).toMatchObject({target: 'art_43__para_6', by: 'Board.'})
  })

  it('applies the substitutions one by one; those that cannot be located are listed with the reason', () => {
    expect(failed).toEqual(NOT_LOCATED)
    // Measured: 30 of 30 apply. The floor leaves room for a reported failure without hiding a collapse.
    expect(applied.length / amendments.length).toBeGreaterThanOrEqual(0.9)
    expect(applied.length + failed.length).toBe(amendments.length)
  })

  it('gives the same text applied as one list (all or nothing)', () => {
    const once = applyAmendments(original, applied, {renumber: 'amending-act'})
    expect(once.log.map((e) => e.amendment)).toEqual(applied.map((a) => a.id))
    expect(once.log.every((e) => e.provenance.conclusion === CONCLUSION)).toBe(true)
    expect(textOf(once.document)).toBe(textOf(corrected))
  })

  it('gives the consolidated wording in every corrected article; the other articles are unchanged', () => {
    const before = articles(original)
    const after = articles(corrected)
    const want = articles(consolidated)
    expect(before.size).toBe(99)
    expect([...want.keys()]).toEqual([...before.keys()])
    const touched = [...new Set(applied.map((a) => a.target.split('__')[0]!).filter((eId) => eId.startsWith('art_')))]
    expect(touched).toEqual(['art_37', 'art_41', 'art_42', 'art_43', 'art_57', 'art_64', 'art_65', 'art_69', 'art_70'])
    const equalBefore = [...want].filter(([eId, text]) => before.get(eId) === text).map(([eId]) => eId)
    const equalAfter = [...want].filter(([eId, text]) => after.get(eId) === text).map(([eId]) => eId)
    // Before: the 90 articles the corrigendum does not touch already read as consolidated; after: all 99.
    expect(equalBefore).toHaveLength(90)
    expect(equalBefore.filter((eId) => touched.includes(eId))).toEqual([])
    expect(touched.filter((eId) => after.get(eId) !== want.get(eId))).toEqual(STILL_DIFFERENT)
    expect(equalAfter).toHaveLength(99 - STILL_DIFFERENT.length)
    for (const [eId, text] of before) if (!touched.includes(eId)) expect(after.get(eId)).toBe(text)
  })

  it('corrects recital 71 as the corrigendum reads (the consolidated text has no recitals)', () => {
    const correction = corrections.find((c) => c.location.includes('recital 71'))!
    const lines = (quoted: string): string[] =>
      quoted.split('\n').map((l) => norm(l.replace(/^\(\d+\)\s*/, '').replace(/^…\s*/, '')))
    const [, oldSecond] = lines(correction.old)
    const [first, newSecond] = lines(correction.new)
    // The corrigendum quotes the fifth and sixth sentences; the paragraph goes on after them.
    const rest =
      ' Automated decision-making and profiling based on special categories of personal data should be allowed only under specific conditions.'
    expect(norm(textOf(findByEid(original, 'rec_71__subpara_2')!))).toBe(oldSecond + rest)
    expect(norm(textOf(findByEid(corrected, 'rec_71__subpara_2')!))).toBe(newSecond + rest)
    expect(norm(textOf(findByEid(corrected, 'rec_71')!, {deep: false}))).toContain(first)
    // No other recital changed.
    const recitals = (d: Document): string[] =>
      listProvisions(d)
        .filter((p) => p.node.type === 'recital' && p.node.eId !== 'rec_71')
        .map((p) => textOf(p.node))
    expect(recitals(corrected)).toEqual(recitals(original))
  })
})
