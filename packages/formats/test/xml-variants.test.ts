/**
 * Small Formex and AKN files written for each variant the importers must
 * recognise by family (see fixtures/): they run in a clean clone, without
 * the corpus.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {fromMarkdown, toMarkdown} from '@redlex/markdown'
import {importDocument} from '@redlex/formats'
import {countProvisions, inlineText, listProvisions, type Document, type Recitals} from '@redlex/tree'
import {comparable} from '../../../test/lossless.js'

function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')
}

function recitalsOf(document: Document): Recitals {
  const preamble = document.children.find((c) => c.type === 'preamble')
  const recitals = preamble?.children.find((c) => c.type === 'recitals')
  if (!recitals || recitals.type !== 'recitals') throw new Error('no recitals')
  return recitals
}

describe("the recitals' introduction, wherever the source puts it", () => {
  const variants = [
    'formex-whereas-init.xml',
    'formex-whereas-in-consid.xml',
    'akn-whereas-in-recital.xml',
    'formex-glued-recital-number.xml'
  ]
  it.each(variants)('%s: `Whereas:` is the introduction, not a recital', (name) => {
    const {document} = importDocument(fixture(name), {file: name})
    const recitals = recitalsOf(document)
    expect(inlineText(recitals.intro ?? [])).toBe('Whereas:')
    expect(recitals.children.map((r) => [r.eId, r.num])).toEqual([
      ['rec_1', '(1)'],
      ['rec_2', '(2)']
    ])
  })

  it.each(variants)('%s survives a Markdown round trip (strict reader, same tree)', (name) => {
    const {document} = importDocument(fixture(name), {file: name})
    const back = fromMarkdown(toMarkdown(document))
    expect(comparable(back)).toEqual(comparable(document))
    expect(listProvisions(back).filter((p) => p.node.type === 'citation')).toHaveLength(1)
  })

  it('a recital number glued to its text is read as its number, with a warning', () => {
    const {document, warnings} = importDocument(fixture('formex-glued-recital-number.xml'), {file: 'glued.xml'})
    const first = recitalsOf(document).children[0]!
    expect(first.num).toBe('(1)')
    expect(inlineText(first.children[0]!.type === 'content' ? first.children[0]!.children : [])).toBe(
      'Widgets should be safe.'
    )
    expect(warnings.map((w) => w.code)).toContain('formats/glued-number')
  })
})

describe('Formex consolidated text (CONS.ACT) with its annexes inline as CONS.ANNEX', () => {
  const name = 'formex-cons-act.xml'
  const {document, warnings} = importDocument(fixture(name), {file: name})

  it('reads the act in CONS.DOC, articles outside any division, and every CONS.ANNEX as an annex', () => {
    expect(warnings).toEqual([])
    expect(document.kind).toBe('directive')
    expect(countProvisions(document)).toMatchObject({citations: 0, recitals: 0, articles: 2, chapters: 0, annexes: 2})
    expect(listProvisions(document).map((p) => p.node.eId)).toEqual([
      'art_1',
      'art_1__para_1',
      'art_1__para_2',
      'art_1__para_2__point_a',
      'art_1__para_2__point_b',
      'art_2',
      'anx_I',
      'anx_I__point_a',
      'anx_I__point_b',
      'anx_I__subpara_2',
      'anx_II'
    ])
  })

  it('keeps nested GR.SEQ titles as headings at their depth, and amendment markers out of the text', () => {
    const annex = document.children.find((c) => c.type === 'annex' && c.num === 'ANNEX I')
    expect(annex?.type === 'annex' && inlineText(annex.heading ?? [])).toBe('SIZES OF LABELS')
    const headings = annex?.type === 'annex' ? annex.children.filter((c) => c.type === 'heading') : []
    expect(headings.map((h) => (h.type === 'heading' ? `${h.depth} ${inlineText(h.children)}` : ''))).toEqual([
      '1 PART A',
      '1 Small furniture',
      '2 1. Height',
      '2 2. Width',
      '1 PART B',
      '1 Large furniture'
    ])
    expect(JSON.stringify(document)).not.toContain('CLG.MDF')
  })

  it('reads a CONS.ANNEX given alone or as a separate annex file', () => {
    const annexXml = fixture(name).replace(/^[\s\S]*?(<CONS\.ANNEX>[\s\S]*?<\/CONS\.ANNEX>)[\s\S]*$/, '$1')
    expect(importDocument(annexXml).document.children.map((c) => c.type)).toEqual(['annex'])
    const actOnly = fixture(name).replace(/<CONS\.ANNEX>[\s\S]*<\/CONS\.ANNEX>/, '')
    const joined = importDocument(actOnly, {annexes: [annexXml]})
    expect(countProvisions(joined.document).annexes).toBe(1)
    expect(joined.warnings).toEqual([])
  })

  it('survives a Markdown round trip (strict reader, same tree)', () => {
    expect(comparable(fromMarkdown(toMarkdown(document)))).toEqual(comparable(document))
  })
})

describe('Akoma Ntoso in the namespaces files in the wild still use', () => {
  const name = 'akn-whereas-in-recital.xml'
  // An element AKN does not define, inside the title: kept as text, with a warning.
  const withUnknown = fixture(name).replace(
    '<docPurpose>on widgets</docPurpose>',
    '<docPurpose>on <gadget>widgets</gadget></docPurpose>'
  )
  const reference = importDocument(withUnknown, {file: name})
  it('the reference warns about the unknown element', () => {
    expect(reference.warnings.map((w) => w.code)).toEqual(['formats/unknown-element'])
  })
  it.each([
    'http://docs.oasis-open.org/legaldocml/ns/akn/3.0/CSD13',
    'http://www.akomantoso.org/2.0',
    'http://www.akomantoso.org/3.0'
  ])('%s gives the tree of AKN 3.0, with no warning', (ns) => {
    const xml = withUnknown.replace('xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"', `xmlns="${ns}"`)
    expect(xml).toContain(ns)
    const result = importDocument(xml, {file: name})
    expect(result.document).toEqual(reference.document)
    expect(result.warnings).toEqual(reference.warnings)
  })
})
