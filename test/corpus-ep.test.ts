/**
 * The EP's plenary amendments applied to the Commission proposals in
 * ../shared/corpus (skipped when that folder is absent): the DSA
 * (P9_TA(2022)0014) and the AI Act (P9_TA(2023)0236). Ground truth: for 30
 * amendments per act, sampled deterministically, the amended unit equals the
 * EP's "Amendment" column (whitespace normalised).
 */
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {findByEid, listProvisions, inlineText, textOf, type Document, type Provision} from '@redlex/tree'
import {plainText} from '@redlex/amend'
import {importDocument} from '@redlex/formats'
import {
  applyEpText,
  applyInOrder,
  epTextOf,
  lineText,
  markedChanges,
  normalise,
  readEpText,
  type EpApplyResult,
  type EpText
} from '@redlex/ep'

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url))
const present = existsSync(corpus + 'dsa/ep-amendments-2022.html')

function run(ep: string, proposal: string): {text: EpText; document: Document; result: EpApplyResult} {
  const text = readEpText(readFileSync(corpus + ep, 'utf8'), {file: ep})
  const document = importDocument(readFileSync(corpus + proposal, 'utf8'), {file: proposal}).document
  return {text, document, result: applyEpText(document, text)}
}

/**
 * Whitespace normalised, no space before closing punctuation (a footnote call
 * leaves one in the proposal's text), and new numbers compact: the EP prints
 * `(b a)`, `Article 15 a`; the text carries amending-act numbers `(ba)`, `Article 15a`.
 */
const compact = (text: string): string =>
  normalise(text)
    .replace(/ (?=[,.;:)\]’”])/g, '')
    .replace(/\((\w+) (\w{1,3})\)/g, '($1$2)')
    .replace(/(\d) ([a-z])\b/g, '$1$2')

/** A unit's words: numbers, headings and text (footnotes left out); `own`: its number and own text only. */
function words(node: Provision, own: boolean): string {
  const out: string[] = []
  for (const {node: unit} of own ? [{node}] : listProvisions(node)) {
    if (unit.num && unit.type !== 'citation') out.push(unit.num)
    if (!own && 'heading' in unit && unit.heading) out.push(inlineText(unit.heading))
    for (const c of 'children' in unit ? (unit.children as Array<{type: string; children: never}>) : []) {
      if (c.type === 'content' || c.type === 'intro' || c.type === 'wrapUp') out.push(plainText(c.children))
    }
  }
  return out.join(' ')
}

/**
 * 30 applied amendments, evenly spread, whose unit no later amendment
 * touches (so the final text shows each one's result), and whose address
 * names the unit itself (not an article's unnumbered "paragraph 1").
 */
function sample({
  text,
  result
}: {
  text: EpText
  result: EpApplyResult
}): Array<{number: string; want: string; got: string}> {
  const eligible: Array<{number: string; want: string; got: string}> = []
  result.report.items.forEach((item, k) => {
    if (item.status !== 'applied' || !item.amendments || !['words', 'replace', 'insert'].includes(item.form!)) return
    const index = result.log.findIndex((e) => e.amendment === item.amendments![0])
    const after = result.log[index]?.effects.find((e) => e.after)?.after
    if (!after) return
    const later = result.log
      .slice(index + 1)
      .some(
        (e) =>
          !item.amendments!.includes(e.amendment) &&
          e.effects.some((f) => f.after && (f.after.startsWith(after) || after.startsWith(f.after)))
      )
    const node = findByEid(result.document, after)
    const last = text.amendments[k]!.target.split(/\s+[—–]\s+/)
      .at(-1)!
      .toLowerCase()
    if (later || !node || (node.type === 'article' && !last.startsWith('article'))) return
    const own = /introductory part|subparagraph 1$/.test(item.target) || (item.reason ?? '').includes('located by')
    eligible.push({
      number: item.number,
      want: compact(text.amendments[k]!.amendment.map((l) => lineText(l, {withNum: true})).join(' ')),
      got: compact(words(node, own))
    })
  })
  const step = eligible.length / 30
  return Array.from({length: 30}, (_, i) => eligible[Math.floor(i * step)]!)
}

describe.skipIf(!present)('EP amendments on the corpus', () => {
  const dsa = present ? run('dsa/ep-amendments-2022.html', 'dsa/proposal-com-2020-825.xhtml') : undefined
  const ai = present ? run('ai-act/ep-amendments-2023.html', 'ai-act/proposal-com-2021-206.xhtml') : undefined

  it('applies every DSA amendment (P9_TA(2022)0014)', () => {
    const {report} = dsa!.result
    expect(report.reference).toBe('P9_TA(2022)0014')
    expect(report.total).toBe(461)
    expect(report.applied / report.total).toBeGreaterThanOrEqual(0.95)
    expect(report.items.filter((i) => i.status !== 'applied')).toEqual([])
  })

  it('applies every AI Act amendment whose unit is in the proposal file; the rest are its annexes', () => {
    const {report} = ai!.result
    expect(report.reference).toBe('P9_TA(2023)0236')
    expect(report.total).toBe(771)
    const annex = report.items.filter((i) => /^annex/i.test(i.target))
    const inFile = report.items.filter((i) => !/^annex/i.test(i.target))
    expect(annex).toHaveLength(64)
    // Each names the annex the file lacks.
    for (const i of annex)
      expect(i.reason, `${i.number} ${i.target}`).toMatch(/^the proposal as given has no annexes \(Annex [IVX]+\)$/)
    expect(annex.every((i) => i.status === 'notLocated')).toBe(true)
    expect(inFile.filter((i) => i.status !== 'applied')).toEqual([])
    expect(report.applied).toBe(707)
  })

  it('opens the EP’s new sections and chapter, with their articles under them', () => {
    const outline = (eId: string) =>
      (findByEid(ai!.result.document, eId) as unknown as {children: Array<{eId: string}>}).children.map((c) => c.eId)
    expect(outline('title_VI__chp_1')).toEqual([1, 2, 3, 4, 5].map((n) => `title_VI__chp_1__sec_${n}`))
    expect(outline('title_VI__chp_1__sec_1')).toEqual(['art_56', 'art_56a', 'art_56b', 'art_56c'])
    expect(outline('title_VI__chp_1__sec_2')).toEqual(['art_57a', 'art_57b', 'art_57c'])
    expect(outline('title_VI__chp_1__sec_3')).toEqual(['art_57'])
    expect(outline('title_VI__chp_1__sec_4')).toEqual(['art_58'])
    expect(outline('title_VI__chp_1__sec_5')).toEqual(['art_58a'])
    expect(outline('title_VIII__chp_3a')).toEqual(['art_68a', 'art_68b', 'art_68c', 'art_68d', 'art_68e'])
    const heading = (eId: string) =>
      inlineText((findByEid(ai!.result.document, eId) as {heading?: never}).heading ?? [])
    // The EP's heading lines, without the "Title" label and the printed number.
    expect(heading('title_VI__chp_1__sec_1')).toBe('General provisions on the European Artificial Intelligence Office')
    expect(heading('title_VI__chp_1__sec_3')).toBe('Secretariat')
    expect(heading('title_VIII__chp_3a')).toBe('Remedies')
    // Amendment 140: a new paragraph 1 before Article 1's unnumbered text, which becomes paragraph 2.
    expect(words(findByEid(ai!.result.document, 'art_1__para_1') as Provision, false)).toMatch(/^1\. The purpose of/)
    expect(words(findByEid(ai!.result.document, 'art_1__para_2') as Provision, true)).toBe(
      '2. This Regulation lays down:'
    )
  })

  it.each([
    ['DSA', () => dsa!],
    ['AI Act', () => ai!]
  ] as const)('%s: 30 sampled amendments give the EP’s text', (_name, get) => {
    const picked = sample(get())
    expect(new Set(picked.map((p) => p.number)).size).toBe(30)
    for (const p of picked) expect(p.got, `amendment ${p.number}`).toBe(p.want)
  })

  it('gives the same document, references too, when its typed amendments are applied again (applyInOrder)', () => {
    expect(applyInOrder(ai!.document, ai!.result.amendments).document).toEqual(ai!.result.document)
  })

  it('names the EP amendment in every change of the log', () => {
    for (const entry of ai!.result.log)
      expect(entry.provenance.source).toMatchObject({
        kind: 'ep-amendment',
        reference: 'P9_TA(2023)0236',
        date: '2023-06-14'
      })
  })
})

const DATA_ACT = 'data-act/ep-position-2023.html'

describe.skipIf(!existsSync(corpus + DATA_ACT))('the Data Act whole-text position (P9_TA(2023)0069)', () => {
  const html = existsSync(corpus + DATA_ACT) ? readFileSync(corpus + DATA_ACT, 'utf8') : ''

  it('reads as one amendment restating the proposal', () => {
    const text = readEpText(html)
    expect(text.form).toBe('whole-text')
    expect(text.reference).toBe('P9_TA(2023)0069')
    expect(() => applyEpText(importDocument(html).document, text)).toThrow(/whole proposal/)
  })

  it('gives the EP’s text and the changes its marks record', () => {
    const position = importDocument(html, {file: DATA_ACT}).document
    const changes = markedChanges(position)
    const count = (kind: string) => changes.filter((c) => c.kind === kind).length
    // 91 `▌` in the page, a few of them in titles and notes outside the units' text.
    expect(count('deleted') + count('removed')).toBeGreaterThanOrEqual(85)
    expect(count('inserted')).toBeGreaterThan(100)
    expect(changes.find((c) => c.eId === 'rec_1')).toEqual({
      eId: 'rec_1',
      kind: 'deleted',
      after: 'products connected to the Internet'
    })
    const text = textOf(epTextOf(position))
    expect(text).not.toContain('▌')
    expect(text).toContain('The proliferation in products connected to the Internet in particular has increased')
  })
})
