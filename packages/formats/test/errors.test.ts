/**
 * Bad input gives RedlexError with a stable code and file:line:column, never
 * a parser stack trace; unknown elements inside known structure are kept as
 * text with a warning.
 */
import {describe, expect, it} from 'vitest'
import {isRedlexError, textOf, findByEid} from '@redlex/tree'
import type {RedlexError} from '@redlex/tree'
import {
  AKN_NS,
  detectFormat,
  fromAkn,
  fromCellarHtml,
  fromEurlexHtml,
  fromFormex,
  importDocument,
  parseCorrigendum
} from '@redlex/formats'
import {HAS_CORPUS, read} from './corpus.js'

function caught(fn: () => unknown): RedlexError {
  try {
    fn()
  } catch (error) {
    expect(isRedlexError(error)).toBe(true)
    return error as RedlexError
  }
  throw new Error('expected a RedlexError')
}

const FORMEX = `<?xml version="1.0" encoding="UTF-8"?>
<ACT>
<TITLE><TI><P>REGULATION (EU) 2099/1 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL</P><P>of 1 January 2099</P><P>on testing</P></TI></TITLE>
<PREAMBLE><PREAMBLE.INIT>THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,</PREAMBLE.INIT>
<GR.VISA><VISA>Having regard to the Treaty,</VISA></GR.VISA>
<GR.CONSID><GR.CONSID.INIT>Whereas:</GR.CONSID.INIT><CONSID><NP><NO.P>(1)</NO.P><TXT>A reason.</TXT></NP></CONSID></GR.CONSID>
<PREAMBLE.FINAL>HAVE ADOPTED THIS REGULATION:</PREAMBLE.FINAL></PREAMBLE>
<ENACTING.TERMS>
<ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART><STI.ART>Subject matter</STI.ART>
<PARAG IDENTIFIER="001.001"><NO.PARAG>1.</NO.PARAG><ALINEA>This Regulation lays down <GLOSSARY.TERM>rules</GLOSSARY.TERM> on testing.</ALINEA></PARAG>
<PARAG IDENTIFIER="001.002"><NO.PARAG>2.</NO.PARAG><ALINEA>It applies to:<LIST TYPE="alpha"><ITEM><NP><NO.P>(a)</NO.P><TXT>tests;</TXT></NP></ITEM><ITEM><NP><NO.P>(b)</NO.P><TXT>more tests.</TXT></NP></ITEM></LIST></ALINEA>
<MYSTERY.BLOCK>Kept as a later unit.</MYSTERY.BLOCK></PARAG>
</ARTICLE>
</ENACTING.TERMS>
<FINAL><P>This Regulation shall be binding in its entirety and directly applicable in all Member States.</P></FINAL>
</ACT>
`

describe('malformed and truncated XML', () => {
  it('malformed XML: formats/malformed-xml with line and column', () => {
    const error = caught(() =>
      fromAkn(`<akomaNtoso xmlns="${AKN_NS}">\n<act>\n<body></bodyy>\n</act></akomaNtoso>`, {file: 'bad.xml'})
    )
    expect(error.code).toBe('formats/malformed-xml')
    expect(error.file).toBe('bad.xml')
    expect(error.place).toEqual({line: 3, column: 1})
    expect(error.message).toMatch(/^bad\.xml:3:1: malformed XML: .*mismatch.*\[formats\/malformed-xml\]$/)
    expect(error.message).not.toMatch(/\n\s+at /)
  })

  it('a truncated Formex file: the position of the end and a hint', () => {
    const truncated = FORMEX.slice(0, FORMEX.indexOf('<PARAG IDENTIFIER="001.002">') + 14)
    const error = caught(() => fromFormex(truncated, {file: 'act.xml'}))
    expect(error.code).toBe('formats/malformed-xml')
    expect(error.place).toEqual({line: 11, column: 1})
    expect(error.hint).toMatch(/truncated/)
  })

  it.skipIf(!HAS_CORPUS)('a truncated corpus file (the GDPR cut in half)', () => {
    const gdpr = read('gdpr/original-oj-2016/L_2016119EN.01000101.xml')
    const error = caught(() => importDocument(gdpr.slice(0, gdpr.length / 2), {file: 'gdpr.xml'}))
    expect(error.code).toBe('formats/malformed-xml')
    expect(error.file).toBe('gdpr.xml')
    expect(error.place).toMatchObject({line: 2})
  })

  it('a corrigendum with broken XML', () => {
    const error = caught(() => parseCorrigendum('<CORR><CONTENTS.CORR><CORRECTION></CONTENTS.CORR></CORR>'))
    expect(error.code).toBe('formats/malformed-xml')
    expect(error.place).toMatchObject({line: 1})
  })
})

describe('unknown Formex elements', () => {
  it('are kept as text with a warning naming element and position', () => {
    const result = importDocument(FORMEX, {file: 'act.xml'})
    expect(result.format).toBe('formex')
    expect(result.warnings.map((w) => w.message)).toEqual([
      'act.xml:10:86: unknown Formex element <GLOSSARY.TERM> in text: kept as text [formats/unknown-element]',
      'act.xml:12:1: unknown Formex element <MYSTERY.BLOCK>: kept as text [formats/unknown-element]'
    ])
    expect(result.warnings[0]!.place).toEqual({line: 10, column: 86})
    const doc = result.document
    expect(textOf(findByEid(doc, 'art_1__para_1')!, {num: false})).toBe('This Regulation lays down rules on testing.')
    expect(textOf(findByEid(doc, 'art_1__para_2__subpara_2')!, {num: false})).toBe('Kept as a later unit.')
    expect(textOf(findByEid(doc, 'art_1__para_2__point_b')!)).toBe('(b)\nmore tests.')
  })

  it('an unknown AKN element inside a provision is kept as text with a warning', () => {
    const xml = `<akomaNtoso xmlns="${AKN_NS}"><act name="REG"><body><article><num>Article 1</num><paragraph><num>1.</num><content><p>Text with <strangeInline>odd words</strangeInline>.</p></content></paragraph></article></body></act></akomaNtoso>`
    const result = importDocument(xml, {file: 'x.akn'})
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]!.code).toBe('formats/unknown-element')
    expect(result.warnings[0]!.place).toEqual({line: 1, column: 167})
    expect(textOf(findByEid(result.document, 'art_1__para_1')!, {num: false})).toBe('Text with odd words .')
  })
})

describe('HTML that is not an act', () => {
  it('EUR-Lex importer: formats/not-an-act naming what was seen, with a position', () => {
    const html =
      '<!DOCTYPE html>\n<html><head><title>EUR-Lex - Search results</title></head>\n<body><div class="results">No act here</div></body></html>'
    const error = caught(() => fromEurlexHtml(html, {file: 'page.html'}))
    expect(error.code).toBe('formats/not-an-act')
    expect(error.message).toContain('page titled "EUR-Lex - Search results"')
    expect(error.place).toEqual({line: 3, column: 1})
  })

  it('Cellar importer: formats/not-an-act', () => {
    const error = caught(() =>
      fromCellarHtml('<html><body>\n<p class="Normal">Explanatory memorandum only</p></body></html>', {
        file: 'memo.html'
      })
    )
    expect(error.code).toBe('formats/not-an-act')
    expect(error.file).toBe('memo.html')
    expect(error.place).toEqual({line: 1, column: 7})
  })

  it('importDocument on an HTML page that is neither: formats/unknown-format', () => {
    const error = caught(() =>
      importDocument('<html><head><title>Cookies</title></head><body><p>Hello</p></body></html>', {file: 'c.html'})
    )
    expect(error.code).toBe('formats/unknown-format')
    expect(error.message).toBe(
      'c.html:1:1: unknown format: an HTML page that is neither a EUR-Lex act nor a Cellar proposal (title "Cookies"). Give the EUR-Lex HTML of an act or the Cellar XHTML of a proposal [formats/unknown-format]'
    )
  })

  it.skipIf(!HAS_CORPUS)('the EP amendment tables (OJ C HTML) are not acts in these formats', () => {
    const error = caught(() => importDocument(read('ai-act/ep-amendments-2023.html'), {file: 'ep.html'}))
    expect(error.code).toBe('formats/not-an-act')
    expect(error.message).toMatch(
      /^ep\.html:\d+:\d+: HTML is not an act in a supported layout: the act has no enacting terms \(div#enc_1\); found a page titled "/
    )
  })
})

describe('detectFormat', () => {
  it('names the root element of unknown XML, with its position', () => {
    const error = caught(() =>
      detectFormat('<?xml version="1.0"?>\n<!-- a comment -->\n  <invoice id="1"/>', {file: 'x.xml'})
    )
    expect(error.code).toBe('formats/unknown-format')
    expect(error.actual).toBe('XML with root element <invoice>')
    expect(error.place).toEqual({line: 3, column: 3})
  })

  it('names the first bytes of unknown text', () => {
    const error = caught(() => detectFormat('just some words\nand more'))
    expect(error.code).toBe('formats/unknown-format')
    expect(error.actual).toBe('text starting "just some words\\nand more"')
  })

  it('points at the Formex metadata file', () => {
    expect(caught(() => detectFormat('<DOC><BIB.DOC/></DOC>')).hint).toMatch(/metadata/)
  })

  it('detects every kind of input', () => {
    expect(detectFormat(`<?xml version="1.0"?><akomaNtoso xmlns="${AKN_NS}"/>`)).toBe('akn')
    expect(detectFormat('<ACT/>')).toBe('formex')
    expect(detectFormat('<CONS.ACT/>')).toBe('formex')
    expect(detectFormat('<ANNEX/>')).toBe('formex')
    expect(detectFormat('<CORR/>')).toBe('formex-corrigendum')
    expect(detectFormat('reference: ISC/2020/06507\nlaunchedOn: 2020-09-02\n')).toBe('isc-record')
    expect(detectFormat('{"reference": "ISC/2020/06507", "services": []}')).toBe('isc-record')
    expect(detectFormat('# Proposal for a REGULATION\n\n### Article 1\n\nText.\n')).toBe('markdown')
  })

  it.skipIf(!HAS_CORPUS)('detects every corpus file', () => {
    expect(detectFormat(read('gdpr/original-oj-2016/L_2016119EN.01000101.xml'))).toBe('formex')
    expect(detectFormat(read('gdpr/corrigendum-2018/L_2018127EN.01000201.xml'))).toBe('formex-corrigendum')
    expect(detectFormat(read('gdpr/consolidated-2018/gdpr-consolidated-en.xml'))).toBe('formex')
    expect(detectFormat(read('ai-act/final-formex/L_202401689EN.012401.fmx.xml'))).toBe('formex')
    expect(detectFormat(read('ai-act/final-eurlex.html'))).toBe('eurlex')
    expect(detectFormat(read('ai-act/proposal-com-2021-206.xhtml'))).toBe('cellar')
    expect(detectFormat(read('dsa/proposal-com-2020-825.xhtml'))).toBe('cellar')
    expect(detectFormat(read('csa-proposal/proposal-com-2022-209.html'))).toBe('cellar')
    expect(detectFormat(read('akn/join-2022-19-akn4eu.xml'))).toBe('akn')
    expect(detectFormat(read('akn/directive-2014-92.akn.xml'))).toBe('akn')
  })

  it('importDocument refuses a corrigendum and an ISC record with a hint', () => {
    const corr = caught(() => importDocument('<CORR/>'))
    expect(corr.code).toBe('formats/not-a-document')
    expect(corr.hint).toMatch(/parseCorrigendum/)
    expect(caught(() => importDocument('reference: ISC/2020/06507\n')).code).toBe('formats/not-a-document')
  })
})

describe('importDocument on Markdown', () => {
  it('dispatches to @redlex/markdown parseMarkdown', () => {
    const text = [
      '# Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on testing',
      '',
      '### Article 1',
      '',
      '#### Subject matter',
      '',
      'This Regulation lays down rules on testing.',
      ''
    ].join('\n')
    const result = importDocument(text, {file: 'draft.md'})
    expect(result.format).toBe('markdown')
    expect(findByEid(result.document, 'art_1')).toBeDefined()
  })
})
