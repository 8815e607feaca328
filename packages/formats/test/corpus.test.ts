/**
 * Every act in ../shared/corpus imports with the counts of corpus/README.md
 * and the exact text of sampled provisions (looked up in the files).
 */
import {describe, expect, it} from 'vitest'
import {countProvisions, findByEid, inlineText} from '@redlex/tree'
import type {Document, Inline} from '@redlex/tree'
import {fromAkn, fromCellarHtml, fromEurlexHtml, fromFormex, importDocument} from '@redlex/formats'
import {HAS_CORPUS, aiActAnnexes, headingOf, kids, norm, numOf, ownText, read} from './corpus.js'

const cache = new Map<string, Document>()
function load(path: string): Document {
  let doc = cache.get(path)
  if (!doc) {
    const annexes = path.includes('final-formex/') ? aiActAnnexes() : undefined
    const result = importDocument(read(path), annexes ? {file: path, annexes} : {file: path})
    doc = result.document
    cache.set(path, doc)
  }
  return doc
}

describe.skipIf(!HAS_CORPUS)('corpus: GDPR (Formex 4 ACT)', () => {
  const path = 'gdpr/original-oj-2016/L_2016119EN.01000101.xml'
  it('has 6 citations, 173 recitals, 99 articles in 11 chapters, no annexes', () => {
    expect(countProvisions(load(path))).toEqual({citations: 6, recitals: 173, articles: 99, chapters: 11, annexes: 0})
  })
  it('is detected as Formex and is a regulation act', () => {
    const result = importDocument(read(path))
    expect(result.format).toBe('formex')
    expect(result.document.kind).toBe('regulation')
    expect(result.document.stage).toBe('act')
    expect(result.warnings).toEqual([])
  })
  it('reads sampled provisions exactly', () => {
    const doc = load(path)
    expect(headingOf(doc, 'art_6')).toBe('Lawfulness of processing')
    expect(kids(doc, 'art_6')).toEqual(['art_6__para_1', 'art_6__para_2', 'art_6__para_3', 'art_6__para_4'])
    expect(ownText(doc, 'art_6__para_1')).toBe(
      'Processing shall be lawful only if and to the extent that at least one of the following applies:'
    )
    expect(kids(doc, 'art_6__para_1')).toEqual([
      'art_6__para_1__point_a',
      'art_6__para_1__point_b',
      'art_6__para_1__point_c',
      'art_6__para_1__point_d',
      'art_6__para_1__point_e',
      'art_6__para_1__point_f',
      'art_6__para_1__subpara_2'
    ])
    expect(ownText(doc, 'art_6__para_1__subpara_2')).toBe(
      'Point (f) of the first subparagraph shall not apply to processing carried out by public authorities in the performance of their tasks.'
    )
    expect(ownText(doc, 'art_4__point_1')).toMatch(
      /^‘personal data’ means any information relating to an identified or identifiable natural person \(‘data subject’\); .* social identity of that natural person;$/
    )
    expect(ownText(doc, 'rec_1')).toBe(
      'The protection of natural persons in relation to the processing of personal data is a fundamental right. Article 8(1) of the Charter of Fundamental Rights of the European Union (the ‘Charter’) and Article 16(1) of the Treaty on the Functioning of the European Union (TFEU) provide that everyone has the right to the protection of personal data concerning him or her.'
    )
    expect(ownText(doc, 'cit_1')).toBe(
      'Having regard to the Treaty on the Functioning of the European Union, and in particular Article 16 thereof,'
    )
    expect(numOf(doc, 'chp_IX')).toBe('CHAPTER IX')
    expect(headingOf(doc, 'chp_IX')).toBe('Provisions relating to specific processing situations')
    // FT TYPE="NUMBER" printed as the OJ prints it (no-break spaces).
    expect(ownText(doc, 'art_83__para_5')).toContain('administrative fines up to 20 000 000 EUR')
    expect(headingOf(doc, 'art_99')).toBe('Entry into force and application')
  })
  it('keeps footnotes as authorialNote with their OJ reference', () => {
    const doc = load(path)
    const cit4 = findByEid(doc, 'cit_4')
    expect(JSON.stringify(cit4)).toContain('"type":"authorialNote","marker":"1"')
    expect(JSON.stringify(cit4)).toContain('OJ C 229, 31.7.2012, p. 90')
  })
})

describe.skipIf(!HAS_CORPUS)('corpus: consolidated GDPR (Formex CONS.ACT)', () => {
  const path = 'gdpr/consolidated-2018/gdpr-consolidated-en.xml'
  it('has 99 articles and no recitals (and no preamble: its formulas are empty elements)', () => {
    expect(load(path).children.map((c) => c.type)).toEqual(['preface', 'body', 'conclusions'])
    const counts = countProvisions(load(path))
    expect(counts.articles).toBe(99)
    expect(counts.recitals).toBe(0)
    expect(counts.chapters).toBe(11)
  })
  it('reads sampled provisions exactly, with the corrigendum applied', () => {
    const doc = load(path)
    expect(headingOf(doc, 'art_99')).toBe('Entry into force and application')
    expect(ownText(doc, 'art_6__para_1')).toBe(
      'Processing shall be lawful only if and to the extent that at least one of the following applies:'
    )
    expect(ownText(doc, 'art_6__para_1__point_a')).toBe(
      'the data subject has given consent to the processing of his or her personal data for one or more specific purposes;'
    )
    expect(ownText(doc, 'art_4__point_16__point_b')).toMatch(
      /^as regards a processor with establishments in more than one Member State, .* subject to specific obligations under this Regulation;$/
    )
    // Corrigendum 2018, correction 2: "… Article 9 or personal data relating to criminal convictions …".
    expect(ownText(doc, 'art_37__para_1__point_c')).toContain(
      'pursuant to Article 9 or personal data relating to criminal convictions'
    )
  })
})

describe.skipIf(!HAS_CORPUS)('corpus: AI Act (Formex 6 ACT + 13 ANNEX files)', () => {
  const path = 'ai-act/final-formex/L_202401689EN.000101.fmx.xml'
  it('has 180 recitals, 113 articles, 13 annexes', () => {
    expect(countProvisions(load(path))).toEqual({citations: 7, recitals: 180, articles: 113, chapters: 13, annexes: 13})
  })
  it('reads sampled provisions exactly', () => {
    const doc = load(path)
    expect(headingOf(doc, 'art_5')).toBe('Prohibited AI practices')
    expect(ownText(doc, 'art_5__para_1')).toBe('The following AI practices shall be prohibited:')
    expect(kids(doc, 'art_5__para_1').slice(0, 3)).toEqual([
      'art_5__para_1__point_a',
      'art_5__para_1__point_b',
      'art_5__para_1__point_c'
    ])
    expect(ownText(doc, 'art_5__para_1__point_c__point_i')).toBe(
      'detrimental or unfavourable treatment of certain natural persons or groups of persons in social contexts that are unrelated to the contexts in which the data was originally generated or collected;'
    )
    expect(ownText(doc, 'rec_180')).toBe(
      'The European Data Protection Supervisor and the European Data Protection Board were consulted in accordance with Article 42(1) and (2) of Regulation (EU) 2018/1725 and delivered their joint opinion on 18 June 2021,'
    )
    expect(numOf(doc, 'anx_III')).toBe('ANNEX III')
    expect(headingOf(doc, 'anx_III')).toBe('High-risk AI systems referred to in Article 6(2)')
    expect(headingOf(doc, 'anx_X')).toBe(
      'Union legislative acts on large-scale IT systems in the area of Freedom, Security and Justice'
    )
    expect(ownText(doc, 'art_99__para_3')).toContain('administrative fines of up to EUR 35 000 000')
  })
  it('flattens quoted structures (amending articles) into units of the amending provision', () => {
    const doc = load(path)
    expect(ownText(doc, 'art_105')).toBe('In Article 8 of Directive 2014/90/EU, the following paragraph is added:')
    expect(ownText(doc, 'art_105__subpara_2')).toMatch(
      /^‘5\. For Artificial Intelligence systems .* of that Regulation\.$/
    )
  })
})

describe.skipIf(!HAS_CORPUS)('corpus: AI Act (EUR-Lex HTML)', () => {
  const path = 'ai-act/final-eurlex.html'
  it('has 180 recitals, 113 articles, 13 annexes', () => {
    expect(countProvisions(load(path))).toEqual({citations: 7, recitals: 180, articles: 113, chapters: 13, annexes: 13})
  })
  it('maps rct_N to rec_N and reads sampled provisions exactly', () => {
    const doc = load(path)
    expect(ownText(doc, 'rec_2')).toBe(
      'This Regulation should be applied in accordance with the values of the Union enshrined as in the Charter, facilitating the protection of natural persons, undertakings, democracy, the rule of law and environmental protection, while boosting innovation and employment and making the Union a leader in the uptake of trustworthy AI.'
    )
    expect(headingOf(doc, 'art_4')).toBe('AI literacy')
    expect(ownText(doc, 'art_2__para_1__point_a')).toBe(
      'providers placing on the market or putting into service AI systems or placing on the market general-purpose AI models in the Union, irrespective of whether those providers are established or located within the Union or in a third country;'
    )
    expect(headingOf(doc, 'anx_XIII')).toBe(
      'Criteria for the designation of general-purpose AI models with systemic risk referred to in Article 51'
    )
    expect(headingOf(doc, 'chp_II')).toBe('PROHIBITED AI PRACTICES')
    expect(numOf(doc, 'chp_III__sec_1')).toBe('SECTION 1')
  })
  it('ignores the site chrome', () => {
    const doc = load(path)
    expect(JSON.stringify(doc)).not.toMatch(/piwik|ecl-site|Official Journal of the European Union\s*EN\s*L series/)
    expect(doc.children.map((c) => c.type)).toEqual([
      'preface',
      'preamble',
      'body',
      'conclusions',
      ...Array(13).fill('annex')
    ])
  })
})

describe.skipIf(!HAS_CORPUS)('corpus: AI Act proposal (Cellar XHTML, Word classes)', () => {
  const path = 'ai-act/proposal-com-2021-206.xhtml'
  it('has 89 recitals and 85 articles; the explanatory memorandum is skipped', () => {
    const doc = load(path)
    const counts = countProvisions(doc)
    expect(counts.recitals).toBe(89)
    expect(counts.articles).toBe(85)
    expect(counts.annexes).toBe(0)
    expect(doc.stage).toBe('proposal')
    expect(JSON.stringify(doc)).not.toContain('CONTEXT OF THE PROPOSAL')
    expect(JSON.stringify(doc)).not.toContain('LEGISLATIVE FINANCIAL STATEMENT')
  })
  it('reads sampled provisions exactly', () => {
    const doc = load(path)
    expect(headingOf(doc, 'art_1')).toBe('Subject matter')
    expect(ownText(doc, 'art_1')).toBe('This Regulation lays down:')
    expect(ownText(doc, 'art_5__para_1__point_d__point_i')).toBe(
      'the targeted search for specific potential victims of crime, including missing children;'
    )
    expect(ownText(doc, 'art_3__point_40__point_b')).toMatch(
      /^any other body or entity entrusted by Member State law .* threats to public security;$/
    )
    expect(ownText(doc, 'rec_89')).toBe(
      'The European Data Protection Supervisor and the European Data Protection Board were consulted in accordance with Article 42(2) of Regulation (EU) 2018/1725 and delivered an opinion on […]”.'
    )
    expect(ownText(doc, 'art_85__para_2')).toBe(
      'This Regulation shall apply from [24 months following the entering into force of the Regulation].'
    )
    expect(numOf(doc, 'title_III__chp_2')).toBe('Chapter 2')
  })
})

describe.skipIf(!HAS_CORPUS)('corpus: DSA proposal (Cellar XHTML, Word classes)', () => {
  const path = 'dsa/proposal-com-2020-825.xhtml'
  it('has 106 recitals and 74 articles', () => {
    const counts = countProvisions(load(path))
    expect(counts.recitals).toBe(106)
    expect(counts.articles).toBe(74)
  })
  it('reads sampled provisions exactly', () => {
    const doc = load(path)
    expect(headingOf(doc, 'art_74')).toBe('Entry into force and application')
    expect(ownText(doc, 'art_1__para_1')).toBe(
      'This Regulation lays down harmonised rules on the provision of intermediary services in the internal market. In particular, it establishes:'
    )
    expect(ownText(doc, 'art_1__para_1__point_a')).toBe(
      'a framework for the conditional exemption from liability of providers of intermediary services;'
    )
    expect(ownText(doc, 'art_2__point_f__indent_3')).toBe(
      'a ‘hosting’ service that consists of the storage of information provided by, and at the request of, a recipient of the service;'
    )
    expect(ownText(doc, 'art_8__para_2__point_a__indent_1')).toBe(
      'a statement of reasons explaining why the information is illegal content, by reference to the specific provision of Union or national law infringed;'
    )
    // The source prints Article 66(1)'s points as (c), (a), (b): kept as siblings, in that order.
    expect(kids(doc, 'art_66__para_1')).toEqual([
      'art_66__para_1__point_c',
      'art_66__para_1__point_a',
      'art_66__para_1__point_b'
    ])
    expect(ownText(doc, 'art_66__para_1__point_a')).toBe('the hearings provided for in Article 63;')
    expect(ownText(doc, 'rec_106')).toMatch(
      /^Since the objective of this Regulation, .* in order to achieve that objective,$/
    )
  })
})

describe.skipIf(!HAS_CORPUS)('corpus: DSA (Formex ACT)', () => {
  const path = 'dsa/final-formex.xml'
  it('has 156 recitals and 93 articles', () => {
    const counts = countProvisions(load(path))
    expect(counts.recitals).toBe(156)
    expect(counts.articles).toBe(93)
    expect(counts.chapters).toBe(5)
  })
  it('reads sampled provisions exactly', () => {
    const doc = load(path)
    expect(headingOf(doc, 'art_3')).toBe('Definitions')
    expect(ownText(doc, 'art_1__para_2')).toBe(
      'This Regulation lays down harmonised rules on the provision of intermediary services in the internal market. In particular, it establishes:'
    )
    expect(ownText(doc, 'art_3__point_g__point_i')).toBe(
      'a ‘mere conduit’ service, consisting of the transmission in a communication network of information provided by a recipient of the service, or the provision of access to a communication network;'
    )
    expect(ownText(doc, 'rec_156')).toBe(
      'The European Data Protection Supervisor was consulted in accordance with Article 42(1) of Regulation (EU) 2018/1725 of the European Parliament and of the Council and delivered an opinion on 10 February 2021,'
    )
  })
})

describe.skipIf(!HAS_CORPUS)('corpus: CSA proposal (Cellar HTML made by LEOS)', () => {
  const path = 'csa-proposal/proposal-com-2022-209.html'
  it('has 84 recitals, 89 articles and its annexes; the financial statement is skipped', () => {
    const doc = load(path)
    const counts = countProvisions(doc)
    expect(counts.recitals).toBe(84)
    expect(counts.articles).toBe(89)
    expect(counts.annexes).toBe(8)
    expect(JSON.stringify(doc)).not.toContain('Title of the proposal/initiative')
  })
  it('reads sampled provisions exactly', () => {
    const doc = load(path)
    expect(headingOf(doc, 'art_89')).toBe('Entry into force and application')
    expect(ownText(doc, 'art_1__para_3')).toBe(
      'This Regulation shall not affect the rules laid down by the following legal acts:'
    )
    expect(ownText(doc, 'art_2__point_f')).toBe(
      '‘relevant information society services’ means all of the following services:'
    )
    expect(ownText(doc, 'art_2__point_f__point_i')).toBe('a hosting service;')
    expect(numOf(doc, 'chp_II__sec_1')).toBe('Section 1')
    expect(headingOf(doc, 'chp_II__sec_1')).toBe('Risk assessment and mitigation obligations')
    // `Article 12` in a Normal paragraph (the source lost the heading style) is still an article.
    expect(headingOf(doc, 'art_12')).toBe('Reporting obligations')
    expect(numOf(doc, 'anx_I')).toBe('ANNEX I')
    expect(headingOf(doc, 'anx_I')).toBe('TEMPLATE FOR DETECTION ORDERS')
  })
})

describe.skipIf(!HAS_CORPUS)('corpus: Akoma Ntoso files', () => {
  it('JOIN(2022) 19 (AKN4EU 4.2, no eIds): structure and computed eIds', () => {
    const doc = fromAkn(read('akn/join-2022-19-akn4eu.xml'))
    expect(countProvisions(doc)).toEqual({citations: 3, recitals: 8, articles: 15, chapters: 0, annexes: 0})
    expect(doc.stage).toBe('proposal')
    expect(ownText(doc, 'art_1')).toBe('For the purposes of this Regulation, the following definitions apply:')
    expect(ownText(doc, 'art_1__point_a__point_i')).toBe(
      'the negotiation or arrangement of transactions for the purchase, sale or supply of goods and technology or of financial and technical services, including from a third country to any other third country; or'
    )
    expect(ownText(doc, 'rec_1')).toMatch(
      /^On XX February 2022, in response to the signing by the President of the Russian Federation .* \[new title\]$/
    )
    expect(findByEid(doc, 'art_1')?.data).toEqual({aknId: 'd1e236'})
  })
  it('COM(2025) 162 (LEOS, leos: namespace): random ids kept in data.aknId, refs resolved', () => {
    const doc = fromAkn(read('akn/com-2025-162-DIR-cmcxketrh00ca8x00qxqd29bn-en.xml'))
    expect(countProvisions(doc)).toEqual({citations: 6, recitals: 24, articles: 20, chapters: 5, annexes: 0})
    expect(doc.kind).toBe('directive')
    expect(headingOf(doc, 'art_3')).toBe('General requirements for registration certificates')
    expect(ownText(doc, 'art_1__para_1')).toBe('This Directive lays down common rules on the following:')
    expect(ownText(doc, 'art_6__para_1__subpara_2')).toBe('In addition, the vehicle registers shall include:')
    expect(ownText(doc, 'art_6__para_1__subpara_2__point_g__point_i')).toBe(
      'has been treated as an end-of-life vehicle and a certificate of destruction has been issued in accordance with Article 5(3) of Directive 2000/53/EC;'
    )
    expect(ownText(doc, 'rec_3')).toBe(
      'To facilitate the checking and verification of vehicle registration certificates, further harmonisation of the form and content of those certificates is required.'
    )
    expect(findByEid(doc, 'art_4')?.data).toEqual({aknId: 'ecHZlDu68sJ8OIURE'})
    // "Article <ref href="…/~ecHZlDu68sJ8OIURE">4</ref>" now points at art_4.
    const para = JSON.stringify(findByEid(doc, 'art_3__para_1'))
    expect(para).toContain('{"type":"ref","value":"4","targets":["art_4"]}')
  })
  it('Directive 2014/92 (AKN 3.0, CIRSFID eIds): non-conforming eIds kept in data.aknId', () => {
    const doc = fromAkn(read('akn/directive-2014-92.akn.xml'))
    expect(countProvisions(doc)).toEqual({citations: 6, recitals: 58, articles: 31, chapters: 7, annexes: 0})
    expect(doc.kind).toBe('directive')
    expect(headingOf(doc, 'art_3')).toBe(
      'List of the most representative services linked to a payment account and subject to a fee at national level and standardised terminology'
    )
    expect(ownText(doc, 'art_1__para_6')).toBe(
      'This Directive applies to payment accounts through which consumers are able at least to:'
    )
    expect(ownText(doc, 'art_17__para_1__point_d__point_i')).toBe('direct debits;')
    expect(findByEid(doc, 'rec_3')?.data).toEqual({aknId: 'recs_1__rec_(3)'})
    expect(findByEid(doc, 'art_2')?.data).toEqual({aknId: 'chp_I__art_2'})
    // conclusions: <p><signature>Done at …</signature></p> and one <p> of <signature> lines per signatory.
    const conclusions = doc.children.find((c) => c.type === 'conclusions')!
    expect(
      conclusions.children.map(
        (c) => (c.type === 'formula' ? c.name : c.type) + ': ' + norm(inlineText(c.children as Inline[]))
      )
    ).toEqual([
      'doneAt: Done at Brussels, 23 July 2014.',
      'signature: For the European Parliament The President M. Schulz',
      'signature: For the Council The President S. Gozi'
    ])
  })
})

describe.skipIf(!HAS_CORPUS)('each importer also works on its own', () => {
  it('fromFormex, fromEurlexHtml and fromCellarHtml give the same tree as importDocument', () => {
    expect(fromFormex(read('dsa/final-formex.xml'))).toEqual(load('dsa/final-formex.xml'))
    expect(fromEurlexHtml(read('ai-act/final-eurlex.html'))).toEqual(load('ai-act/final-eurlex.html'))
    expect(fromCellarHtml(read('dsa/proposal-com-2020-825.xhtml'))).toEqual(load('dsa/proposal-com-2020-825.xhtml'))
  })
})

describe.skipIf(!HAS_CORPUS)('text normalisation', () => {
  it('keeps curly quotes, em dashes, ellipses and no-break spaces; collapses other whitespace', () => {
    const ai = load('ai-act/final-formex/L_202401689EN.000101.fmx.xml')
    expect(headingOf(ai, 'anx_XI')).toBe(
      'Technical documentation referred to in Article 53(1), point (a) — technical documentation for providers of general-purpose AI models'
    )
    const gdpr = load('gdpr/original-oj-2016/L_2016119EN.01000101.xml')
    const para = JSON.stringify(findByEid(gdpr, 'art_83__para_5'))
    expect(para).toContain('20\u00a0000\u00a0000 EUR')
    expect(para).not.toMatch(/ {2}|\n|\t/)
    const proposal = load('ai-act/proposal-com-2021-206.xhtml')
    expect(JSON.stringify(findByEid(proposal, 'rec_89'))).toContain('delivered an opinion on […]”.')
    expect(JSON.stringify(findByEid(gdpr, 'rec_1'))).toContain('(the ‘Charter’)')
  })

  it('gives provisions a source position (line and column of their element)', () => {
    const gdpr = load('gdpr/original-oj-2016/L_2016119EN.01000101.xml')
    expect(findByEid(gdpr, 'art_1')?.position?.start.line).toBe(2)
    const html = load('ai-act/final-eurlex.html')
    const art5 = findByEid(html, 'art_5')!
    expect(art5.position?.start.line).toBeGreaterThan(1)
    expect(art5.position!.end.line).toBeGreaterThan(art5.position!.start.line)
  })
})

describe.skipIf(!HAS_CORPUS)('Formex files on their own', () => {
  it('a lone ANNEX file gives a document with that annex', () => {
    const doc = fromFormex(read('ai-act/final-formex/L_202401689EN.012601.fmx.xml'))
    expect(doc.children.map((c) => c.type)).toEqual(['annex'])
    expect(headingOf(doc, 'anx_II')).toBe(
      'List of criminal offences referred to in Article 5(1), first subparagraph, point (h)(iii)'
    )
    expect(kids(doc, 'anx_II')).toHaveLength(16)
  })
  it('the .doc metadata file is refused with a hint', () => {
    expect(() => fromFormex(read('ai-act/final-formex/L_202401689EN.doc.fmx.xml'))).toThrow(
      /formats\/formex-unsupported/
    )
  })
})
