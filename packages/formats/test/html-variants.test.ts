/**
 * The HTML importers on small fixtures written for this repository
 * (test/fixtures/*.html), one per markup variant met in official files
 * outside the corpus (issue 11), so a clean clone tests them too.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {countProvisions, findByEid, inlineText} from '@redlex/tree'
import type {Document, Warning} from '@redlex/tree'
import {detectFormat, fromCellarHtml, fromEurlexHtml, importDocument} from '@redlex/formats'
import {headingOf, kids, numOf, ownText, withoutPositions} from './corpus.js'

function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')
}

function load(name: string): {document: Document; warnings: Warning[]} {
  const result = importDocument(fixture(name), {file: name})
  return {document: result.document, warnings: result.warnings}
}

function codes(warnings: readonly Warning[]): string[] {
  return warnings.map((w) => w.code)
}

describe('Cellar XHTML made by LEOS (2022 proposal markup)', () => {
  const {document: doc, warnings} = load('cellar-leos-2022.html')

  it('finds every article and chapter whatever the Titrearticle* variant', () => {
    expect(countProvisions(doc)).toMatchObject({recitals: 2, articles: 3})
    expect(['art_1', 'art_2', 'art_3'].map((e) => headingOf(doc, e))).toEqual([
      'Subject matter and scope',
      'Definitions',
      'Entry into force'
    ])
    expect(['chp_I', 'chp_II'].map((e) => [numOf(doc, e), headingOf(doc, e)])).toEqual([
      ['CHAPTER I', 'GENERAL PROVISIONS'],
      ['CHAPTER II', 'OBLIGATIONS']
    ])
    expect(kids(doc, 'chp_I')).toEqual(['art_1'])
    expect(kids(doc, 'chp_II')).toEqual(['art_2', 'art_3'])
  })

  it('reads numbered paragraphs, nested points and indents from their style levels', () => {
    expect(kids(doc, 'art_1')).toEqual(['art_1__para_1', 'art_1__para_2'])
    expect(ownText(doc, 'art_1__para_1')).toBe('This Regulation lays down rules on:')
    expect(kids(doc, 'art_1__para_1')).toEqual(['art_1__para_1__point_a', 'art_1__para_1__point_b'])
    expect(kids(doc, 'art_1__para_1__point_a')).toEqual(['art_1__para_1__point_a__point_i'])
    expect(ownText(doc, 'art_1__para_1__point_a__point_i')).toBe('short ones;')
    // A dash in a point style is an indent.
    expect(kids(doc, 'art_1__para_1__point_a__point_i')).toEqual(['art_1__para_1__point_a__point_i__indent_1'])
    expect(kids(doc, 'art_1__para_2').filter((e) => e.includes('indent'))).toHaveLength(2)
    // Text1 after the indents: a subparagraph of paragraph 2.
    expect(JSON.stringify(findByEid(doc, 'art_1__para_2'))).toContain('Readers may also write.')
  })

  it('joins words cut into spans and takes "Whereas:" as the recitals\' introduction', () => {
    expect(ownText(doc, 'rec_1')).toBe('Examples help.')
    const preamble = doc.children.find((c) => c.type === 'preamble')!
    const recitals = preamble.children.find((c) => c.type === 'recitals')!
    expect(recitals.type === 'recitals' && recitals.intro ? inlineText(recitals.intro) : undefined).toBe('Whereas:')
  })

  it('skips the explanatory memorandum and warns about nothing', () => {
    expect(JSON.stringify(doc)).not.toContain('CONTEXT OF THE PROPOSAL')
    expect(warnings).toEqual([])
  })
})

describe('Cellar proposal followed by its legislative financial statement', () => {
  it.each([
    ['<p class="Fichefinanciretitre">LEGISLATIVE FINANCIAL STATEMENT</p>', 'styled'],
    ['<p class="Normal"><span>LEGISLATIVE FINANCIAL AND DIGITAL STATEMENT</span></p>', 'by its words (2024 title)']
  ])('leaves the statement out (%s, %s)', (title) => {
    const statement = `${title}
<p class="ManualHeading1"><span class="num">1.</span>FRAMEWORK OF THE PROPOSAL/INITIATIVE</p>
<p class="ManualHeading2"><span class="num">1.1.</span>Title of the proposal</p>
<p class="Text1">Article 1 of the proposal is its subject matter.</p>
<p class="Titrearticle">Article 99</p>`
    const html = fixture('cellar-leos-2022.html').replace('</div>\n</body>', `${statement}\n</div>\n</body>`)
    expect(html).toContain('FRAMEWORK OF THE PROPOSAL')
    const result = importDocument(html)
    expect(withoutPositions(result.document)).toEqual(withoutPositions(load('cellar-leos-2022.html').document))
    expect(result.warnings).toEqual([])
  })
})

describe('Cellar proposal whose chapter headings follow the number in another style', () => {
  const {document: doc, warnings} = load('cellar-chapter-headings.html')

  it('keeps every chapter and section heading (no stray text)', () => {
    expect(codes(warnings)).not.toContain('formats/cellar-stray-text')
    expect(headingOf(doc, 'chp_I')).toBe('GENERAL PROVISIONS')
    expect(headingOf(doc, 'chp_II')).toBe('OBLIGATIONS OF ECONOMIC OPERATORS')
    expect([numOf(doc, 'chp_II__sec_1'), headingOf(doc, 'chp_II__sec_1')]).toEqual(['Section 1', 'Manufacturers'])
    expect(headingOf(doc, 'art_1')).toBe('Subject matter')
    expect(headingOf(doc, 'art_2')).toBe('Obligations of manufacturers')
  })

  it('reads a recital number glued to its text as the number, with a located warning', () => {
    expect(numOf(doc, 'rec_17')).toBe('(17)')
    expect(ownText(doc, 'rec_17')).toBe('This Regulation should apply to all products.')
    expect(codes(warnings)).toEqual(['formats/glued-number'])
    expect(warnings[0]).toMatchObject({file: 'cellar-chapter-headings.html', place: {line: 9, column: 1}})
  })
})

describe('Cellar proposal with defects in the source', () => {
  const {document: doc, warnings} = load('cellar-defects-2020.html')

  it('keeps two paragraphs numbered "1." and reports the second, located', () => {
    expect(kids(doc, 'art_2')).toEqual(['art_2__para_1', 'art_2__para_1_2', 'art_2__para_2'])
    expect(ownText(doc, 'art_2__para_1_2')).toBe('Users shall protect data.')
    const dup = warnings.find((w) => w.code === 'formats/duplicate-number')
    expect(dup?.message).toContain('art_2__para_1_2')
    expect(dup?.place).toEqual({line: 13, column: 1})
  })

  it('splits the enacting formula off the last recital, with a warning', () => {
    expect(ownText(doc, 'rec_2')).toBe('This Regulation respects the fundamental rights and observes the principles')
    const preamble = doc.children.find((c) => c.type === 'preamble')!
    const formula = preamble.children.find((c) => c.type === 'formula' && c.name === 'enactingFormula')
    expect(formula?.type === 'formula' ? inlineText(formula.children) : undefined).toBe('HAVE ADOPTED THIS REGULATION:')
    expect(codes(warnings).sort()).toEqual(['formats/duplicate-number', 'formats/formula-in-recital'])
    expect(countProvisions(doc).articles).toBe(2)
  })
})

describe('Cellar styles by family and recitals by text', () => {
  it('detects a proposal by a Titrearticle* variant alone, and reads recitals whose style was lost', () => {
    const html = fixture('cellar-defects-2020.html')
      .replace(/li ManualConsidrant/g, 'Normal')
      .replace(/class="Titrearticle"/g, 'class="Titrearticle0"')
    expect(detectFormat(html.replace('<p class="Institutionquiagit">', '<p class="Normal">'))).toBe('cellar')
    const doc = importDocument(html).document
    expect(countProvisions(doc)).toMatchObject({citations: 1, recitals: 2, articles: 2})
    expect(ownText(doc, 'rec_1')).toBe('Data should flow.')
  })

  it('finds the start of the act by the acting-entity words when their style was lost', () => {
    const {document: doc, warnings} = load('cellar-defects-2020.html')
    const html = fixture('cellar-defects-2020.html').replace('<p class="Institutionquiagit">', '<p class="Normal">')
    const result = importDocument(html)
    // The same tree (positions aside: the class attribute is shorter).
    expect(withoutPositions(result.document)).toEqual(withoutPositions(doc))
    expect(codes(result.warnings)).toEqual(codes(warnings))
  })
})

describe('EUR-Lex OJ HTML (cut-down page)', () => {
  const {document: doc, warnings} = load('eurlex-oj-act.html')

  it('reads the act and nothing of the chrome, scripts, styles, noscript or templates', () => {
    expect(countProvisions(doc)).toMatchObject({citations: 1, recitals: 2, articles: 2, annexes: 1})
    const json = JSON.stringify(doc)
    for (const text of ['SCRIPT TEXT', 'STYLE TEXT', 'NOSCRIPT TEXT', 'TEMPLATE TEXT', 'Skip to main content'])
      expect(json).not.toContain(text)
    expect(warnings).toEqual([])
  })

  it('maps ids to eIds and reads numbers, headings and points', () => {
    expect([numOf(doc, 'chp_I'), headingOf(doc, 'chp_I')]).toEqual(['CHAPTER I', 'GENERAL PROVISIONS'])
    expect(kids(doc, 'art_1')).toEqual(['art_1__para_1', 'art_1__para_2'])
    expect(ownText(doc, 'art_1__para_2__point_b')).toBe('readers.')
    expect(ownText(doc, 'rec_2')).toBe('Rules should be clear.')
    expect(headingOf(doc, 'anx_I')).toBe('List of examples')
  })

  it('reads a recital number printed in the text (no number cell), with a warning', () => {
    const html = fixture('eurlex-oj-act.html').replace(
      '<table><tbody><tr><td><p class="oj-normal">(2)</p></td><td><p class="oj-normal">Rules should be clear.</p></td></tr></tbody></table>',
      '<p class="oj-normal">(2)Rules should be clear.</p>'
    )
    const result = importDocument(html)
    expect([numOf(result.document, 'rec_2'), ownText(result.document, 'rec_2')]).toEqual([
      '(2)',
      'Rules should be clear.'
    ])
    expect(codes(result.warnings)).toEqual(['formats/glued-number'])
  })

  it('splits the enacting formula off the last recital when the source ran them together', () => {
    const html = fixture('eurlex-oj-act.html')
      .replace('Rules should be clear.</p>', 'Rules should be clear.HAVE ADOPTED THIS REGULATION:</p>')
      .replace('<p class="oj-normal">HAVE ADOPTED THIS REGULATION:</p>', '')
    const result = importDocument(html)
    expect(ownText(result.document, 'rec_2')).toBe('Rules should be clear.')
    const preamble = result.document.children.find((c) => c.type === 'preamble')!
    expect(
      preamble.children.map((c) => (c.type === 'formula' ? `${c.name}: ${inlineText(c.children)}` : c.type))
    ).toEqual([
      'actingEntity: THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,',
      'citations',
      'recitals',
      'enactingFormula: HAVE ADOPTED THIS REGULATION:'
    ])
    expect(codes(result.warnings)).toEqual(['formats/formula-in-recital'])
  })

  it('gives the same tree through fromEurlexHtml and importDocument', () => {
    expect(fromEurlexHtml(fixture('eurlex-oj-act.html'))).toEqual(doc)
    expect(fromCellarHtml(fixture('cellar-leos-2022.html'))).toEqual(load('cellar-leos-2022.html').document)
  })
})
