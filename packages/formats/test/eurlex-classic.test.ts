/**
 * EUR-Lex pages without `eli-container` ids: the OJ HTML of 2004–2013
 * (`p.ti-art`, `p.normal`, layout tables) and the plain-text pages of acts
 * before 2004 (`div#TexteOnly`, bare paragraphs). Fixtures written for this
 * repository (fixtures/eurlex-classic-*.html, fixtures/eurlex-plain-*.html)
 * and acts generated at random in both layouts.
 */
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fromMarkdown, toMarkdown} from '@redlex/markdown'
import {countProvisions, findByEid, inlineText, walk} from '@redlex/tree'
import type {Document, Warning} from '@redlex/tree'
import {detectFormat, importDocument} from '@redlex/formats'
import {comparable} from '../../../test/lossless.js'
import {headingOf, kids, numOf, ownText, withoutPositions} from './corpus.js'

function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')
}

function load(name: string, html = fixture(name)): {document: Document; warnings: Warning[]} {
  const result = importDocument(html, {file: name})
  expect(result.format).toBe('eurlex')
  return {document: result.document, warnings: result.warnings}
}

function codes(warnings: readonly Warning[]): string[] {
  return warnings.map((w) => w.code)
}

function part(doc: Document, type: string): Document['children'][number] | undefined {
  return doc.children.find((c) => c.type === type)
}

/** Conclusions as `kind: text` lines. */
function conclusions(doc: Document): string[] {
  const c = part(doc, 'conclusions')
  if (c?.type !== 'conclusions') return []
  return c.children.map((n) => `${n.type === 'formula' ? n.name : n.type}: ${inlineText(n.children)}`)
}

function notes(doc: Document): string[] {
  const out: string[] = []
  walk(doc, (node) => {
    if (node.type === 'authorialNote') out.push(`${node.marker}: ${inlineText(node.children)}`)
  })
  return out
}

describe('EUR-Lex OJ HTML of 2004–2013 (classes without oj-, no eli ids): a directive', () => {
  const name = 'eurlex-classic-directive.html'
  const {document: doc, warnings} = load(name)

  it('is detected as EUR-Lex and imported whole, without warnings', () => {
    expect(detectFormat(fixture(name))).toBe('eurlex')
    expect(countProvisions(doc)).toMatchObject({citations: 2, recitals: 3, articles: 6, chapters: 2, annexes: 1})
    expect(doc.kind).toBe('directive')
    expect(warnings).toEqual([])
    const json = JSON.stringify(doc)
    for (const chrome of ['Advanced search', 'Top of page', '4.3.2099', 'L 60/1']) expect(json).not.toContain(chrome)
  })

  it('reads title lines, the acting entity, "Whereas:" and the recital tables', () => {
    const preface = part(doc, 'preface')
    expect(preface?.type === 'preface' && preface.children.map((l) => l.type)).toEqual([
      'docType',
      'docDate',
      'docPurpose',
      'docNote'
    ])
    const preamble = part(doc, 'preamble')!
    expect(preamble.type === 'preamble' && preamble.children.map((c) => c.type)).toEqual([
      'formula',
      'citations',
      'recitals',
      'formula'
    ])
    expect([numOf(doc, 'rec_3'), ownText(doc, 'rec_3')]).toEqual([
      '(3)',
      'Since the objective of this Directive cannot be achieved by the Member States alone, the Union may adopt measures.'
    ])
  })

  it('reads chapters from ti-section-1/2, articles from ti-art/sti-art, paragraphs by their numbers', () => {
    expect([numOf(doc, 'chp_I'), headingOf(doc, 'chp_I'), kids(doc, 'chp_I')]).toEqual([
      'CHAPTER I',
      'GENERAL PROVISIONS',
      ['art_1', 'art_2']
    ])
    expect(kids(doc, 'chp_II')).toEqual(['art_3', 'art_4', 'art_5', 'art_6'])
    expect(headingOf(doc, 'art_1')).toBe('Subject matter and scope')
    expect(kids(doc, 'art_1')).toEqual(['art_1__para_1', 'art_1__para_2'])
    expect(kids(doc, 'art_4')).toEqual(['art_4__para_1', 'art_4__para_2'])
    expect(kids(doc, 'art_4__para_1')).toEqual(['art_4__para_1__subpara_2'])
  })

  it('reads points from layout tables, nested tables as nested points, and the text after them', () => {
    expect(kids(doc, 'art_1__para_2')).toEqual([
      'art_1__para_2__point_a',
      'art_1__para_2__point_b',
      'art_1__para_2__subpara_2'
    ])
    expect(kids(doc, 'art_1__para_2__point_b')).toEqual([
      'art_1__para_2__point_b__point_i',
      'art_1__para_2__point_b__point_ii'
    ])
    expect(ownText(doc, 'art_1__para_2__point_b__point_ii')).toBe('tables for camping.')
    // Numbered definitions in a table are points, not paragraphs.
    expect(kids(doc, 'art_2')).toEqual(['art_2__point_1', 'art_2__point_2'])
  })

  it('keeps the article an amending act quotes as text of the amending article', () => {
    expect(countProvisions(doc).articles).toBe(6)
    expect(kids(doc, 'art_3').every((e) => e.startsWith('art_3__subpara_'))).toBe(true)
    expect(ownText(doc, 'art_3__subpara_5')).toBe('2. Labels shall be durable.’')
  })

  it('links footnotes, and reads the addressees article, "Done at" and the signature table', () => {
    expect(notes(doc)).toEqual(['1: OJ C 1, 1.1.2098, p. 1.', '2: See the study of 2097.'])
    expect(ownText(doc, 'art_6')).toBe('This Directive is addressed to the Member States.')
    expect(conclusions(doc)).toEqual([
      'doneAt: Done at Strasbourg, 3 March 2099.',
      'signature: For the European Parliament\nThe President\nA. EXAMPLE',
      'signature: For the Council\nThe President\nB. SAMPLE'
    ])
  })

  it('reads the annex title lines, its group headings and its point table', () => {
    expect([numOf(doc, 'anx_1'), headingOf(doc, 'anx_1')]).toEqual(['ANNEX', 'SIZES OF LABELS'])
    const annex = findByEid(doc, 'anx_1')!
    const headings = (annex as {children: Array<{type: string; children?: unknown}>}).children
      .filter((c) => c.type === 'heading')
      .map((h) => inlineText(h.children as never))
    expect(headings).toEqual(['1. Small furniture', '2. Large furniture'])
    expect(kids(doc, 'anx_1')).toEqual(['anx_1__point_a', 'anx_1__point_b', 'anx_1__subpara_2'])
  })

  it('reads the same act when the classes carry the oj- prefix (pages after 2013 without eli ids)', () => {
    const prefixed = fixture(name).replace(
      /class="(hd-[a-z]+|doc-ti|normal|ti-art|sti-art|ti-section-\d|ti-grseq-\d|note|signatory|super|italic|bold)"/g,
      'class="oj-$1"'
    )
    const result = load(name, prefixed)
    expect(withoutPositions(result.document)).toEqual(withoutPositions(doc))
    expect(result.warnings).toEqual([])
  })

  it('survives a Markdown round trip (strict reader, same tree)', () => {
    expect(comparable(fromMarkdown(toMarkdown(doc)))).toEqual(comparable(doc))
  })
})

describe('EUR-Lex OJ HTML of 2004–2013: an implementing regulation without chapters', () => {
  const name = 'eurlex-classic-implementing-regulation.html'
  const {document: doc, warnings} = load(name)

  it('reads citations of the basic act, articles outside any division, the binding-force formula', () => {
    expect(countProvisions(doc)).toMatchObject({citations: 2, recitals: 2, articles: 2, chapters: 0, annexes: 1})
    expect(warnings).toEqual([])
    expect(ownText(doc, 'cit_2')).toContain('Having regard to Regulation (EU) No 12/2098')
    expect(kids(doc, 'art_2')).toEqual(['art_2__subpara_2'])
    expect(conclusions(doc)).toEqual([
      'bindingForce: This Regulation shall be binding in its entirety and directly applicable in all Member States.',
      'doneAt: Done at Brussels, 11 May 2099.',
      'signature: For the Commission\nThe President\nC. EXEMPLAR'
    ])
  })

  it('reads the annex: heading lines, a group heading, numbered points whose text runs on', () => {
    expect(headingOf(doc, 'anx_1')).toBe('Model notice')
    expect(kids(doc, 'anx_1')).toEqual(['anx_1__point_1', 'anx_1__point_2'])
    expect(kids(doc, 'anx_1__point_2')).toEqual(['anx_1__point_2__subpara_2'])
  })

  it('reads a decision with a sole article', () => {
    const html = fixture(name)
      .replace('COMMISSION IMPLEMENTING REGULATION (EU) No 321/2099', 'COMMISSION DECISION')
      .replace('HAS ADOPTED THIS REGULATION:', 'HAS ADOPTED THIS DECISION:')
      .replace(/<p class="ti-art">Article 2<\/p>[\s\S]*?(?=<p class="normal">This Regulation shall be binding)/, '')
      .replace('<p class="ti-art">Article 1</p>', '<p class="ti-art">Sole Article</p>')
    const result = load('decision.html', html)
    expect(result.document.kind).toBe('decision')
    expect(countProvisions(result.document)).toMatchObject({articles: 1})
    expect(result.warnings).toEqual([])
  })

  it('survives a Markdown round trip (strict reader, same tree)', () => {
    expect(comparable(fromMarkdown(toMarkdown(doc)))).toEqual(comparable(doc))
  })
})

describe('EUR-Lex plain-text page of an act before 2004 (div#TexteOnly, bare paragraphs)', () => {
  const name = 'eurlex-plain-1993.html'
  const {document: doc, warnings} = load(name)

  it('says the structure was recognised by words only', () => {
    expect(codes(warnings)).toEqual(['formats/plain-text-act', 'formats/plain-text-act'])
    expect(warnings[0]!.place).toEqual({line: 9, column: 1})
    expect(warnings[1]!.message).toContain('1 footnote')
  })

  it('reads the one-line title, citations and the "Whereas" recitals (unnumbered)', () => {
    const preface = part(doc, 'preface')
    expect(preface?.type === 'preface' && preface.children.map((l) => `${l.type}: ${inlineText(l.children)}`)).toEqual([
      'docType: Council Directive 93/99/EEC',
      'docDate: of 5 April 1993',
      'docPurpose: on the colour of park benches'
    ])
    expect(countProvisions(doc)).toMatchObject({citations: 2, recitals: 2, articles: 5, annexes: 1})
    expect([numOf(doc, 'rec_2'), ownText(doc, 'rec_2')]).toEqual([
      undefined,
      'Whereas the colour of park benches differs between Member States;'
    ])
    expect(JSON.stringify(doc)).not.toContain('Official Journal L 095')
  })

  it('leaves the CELEX number and an OJ reference run on after the title out of the title', () => {
    const html = fixture(name)
      .replace('<p>Council Directive', '<p>31993L0099</p>\n<p>Council Directive')
      .replace(
        'park benches</p>\n<p>Official Journal L 095 , 21/04/1993 P. 0029 - 0034</p>',
        'park benches Official Journal L 095 , 21/04/1993 P. 0029 - 0034<br/>Finnish special edition: Chapter 15 Volume 12 P. 169</p>'
      )
    expect(html).toContain('31993L0099</p>')
    expect(html).toContain('benches Official Journal')
    const preface = part(load(name, html).document, 'preface')
    expect(preface).toEqual(part(doc, 'preface'))
  })

  it('reads paragraphs by number, points typed as (a) and (i) with their nesting', () => {
    expect(kids(doc, 'art_1')).toEqual(['art_1__para_1', 'art_1__para_2'])
    expect(kids(doc, 'art_2')).toEqual(['art_2__point_a', 'art_2__point_b'])
    expect(kids(doc, 'art_2__point_b')).toEqual(['art_2__point_b__point_i', 'art_2__point_b__point_ii'])
    expect(ownText(doc, 'art_2__point_b__point_ii')).toBe('squares.')
  })

  it('keeps a quoted article as text, and takes "is addressed to" as the last article', () => {
    expect(kids(doc, 'art_3').every((e) => e.startsWith('art_3__subpara_'))).toBe(true)
    expect(ownText(doc, 'art_5')).toBe('This Directive is addressed to the Member States.')
    expect(conclusions(doc)).toEqual([
      'doneAt: Done at Luxembourg, 5 April 1993.',
      'signature: For the Council\nThe President\nJ. EXAMPLE',
      'content: (1) OJ No C 1, 1. 1. 1992, p. 1.'
    ])
    expect([numOf(doc, 'anx_1'), headingOf(doc, 'anx_1'), kids(doc, 'anx_1')]).toEqual([
      'ANNEX',
      'COLOURS ALLOWED',
      ['anx_1__point_a', 'anx_1__point_b']
    ])
  })

  it('never takes amending prose for an article ("Article 9 is replaced by …")', () => {
    const html = fixture(name).replace(
      '<p>Article 5 of Directive 80/1/EEC is replaced by the following:</p>',
      '<p>Article 4 Member States shall apply it.</p><p>Article 9 is deleted.</p>'
    )
    const result = load(name, html)
    expect(countProvisions(result.document).articles).toBe(5)
  })

  it('survives a Markdown round trip, unnumbered recitals included (strict reader, same tree)', () => {
    expect(comparable(fromMarkdown(toMarkdown(doc)))).toEqual(comparable(doc))
  })
})

describe('EUR-Lex consolidated text (title-article-norm, div.norm, grid lists, amendment markers)', () => {
  const name = 'eurlex-consolidated.html'
  const {document: doc, warnings} = load(name)

  it('reads the act under its title, not the list of amending acts, and says it left the markers out', () => {
    expect(detectFormat(fixture(name))).toBe('eurlex')
    expect(countProvisions(doc)).toMatchObject({citations: 0, recitals: 0, articles: 4, chapters: 2, annexes: 1})
    expect(codes(warnings)).toEqual(['formats/consolidated-markers'])
    expect(warnings[0]!.message).toContain('9 amendment markers')
    const json = JSON.stringify(doc)
    for (const chrome of ['documentation tool', 'Amended by', 'Directive (EU) 2100/1', '▼', '►', '◄'])
      expect(json).not.toContain(chrome)
    const preface = part(doc, 'preface')
    expect(preface?.type === 'preface' && preface.children.length).toBe(4)
  })

  it('reads numbered paragraphs from span.no-parag, points from grid lists with their nesting', () => {
    expect([numOf(doc, 'chp_I'), headingOf(doc, 'chp_I'), kids(doc, 'chp_I')]).toEqual([
      'CHAPTER I',
      'GENERAL PROVISIONS',
      ['art_1']
    ])
    expect(kids(doc, 'art_1')).toEqual(['art_1__para_1', 'art_1__para_2'])
    expect(kids(doc, 'art_1__para_2')).toEqual([
      'art_1__para_2__point_a',
      'art_1__para_2__point_b',
      'art_1__para_2__subpara_2'
    ])
    expect(ownText(doc, 'art_1__para_2__point_b')).toBe('benches, other than:')
    expect(kids(doc, 'art_1__para_2__point_b')).toEqual([
      'art_1__para_2__point_b__point_i',
      'art_1__para_2__point_b__point_ii'
    ])
    expect(kids(doc, 'chp_II')).toEqual(['art_2', 'art_2a', 'art_3'])
    expect(kids(doc, 'art_2')).toEqual(['art_2__point_1', 'art_2__point_2'])
  })

  it('links the footnote and reads the annex with its group heading', () => {
    expect(notes(doc)).toEqual(['1: OJ C 1, 1.1.2098, p. 1.'])
    expect([numOf(doc, 'anx_I'), headingOf(doc, 'anx_I'), kids(doc, 'anx_I')]).toEqual([
      'ANNEX I',
      'SIZES OF LABELS',
      ['anx_I__point_a', 'anx_I__point_b']
    ])
  })

  it('gives the tree of the same act printed in the OJ layout, where the texts agree', () => {
    const oj = load('eurlex-classic-directive.html').document
    for (const eId of ['art_1__para_1', 'art_1__para_2__point_a', 'art_1__para_2__subpara_2', 'art_2__point_2'])
      expect(ownText(doc, eId)).toBe(ownText(oj, eId))
  })

  it('survives a Markdown round trip (strict reader, same tree)', () => {
    expect(comparable(fromMarkdown(toMarkdown(doc)))).toEqual(comparable(doc))
  })
})

describe('pages that are not acts', () => {
  it('a page with neither eli ids, OJ classes nor "Article" lines is refused, naming what was looked for', () => {
    const html =
      '<html><head><title>News</title></head><body><div id="TexteOnly"><p>No act here.</p></div></body></html>'
    expect(() => importDocument(html)).toThrow(/no p\.ti-art or p\.doc-ti/)
  })

  it("the European Parliament's amendment tables in the OJ layout are refused, not read as points", () => {
    const html = fixture('eurlex-classic-directive.html').replace(
      '<p class="normal">Whereas:</p>',
      '<table><tr><td><p class="normal">Text proposed by the Commission</p></td><td><p class="normal">Amendment</p></td></tr></table><p class="normal">Whereas:</p>'
    )
    expect(() => importDocument(html)).toThrow(/amendments of the European Parliament/)
  })

  it('an OJ page whose act has no article gets formats/no-provisions, never a silent empty act', () => {
    const html = fixture('eurlex-classic-implementing-regulation.html').replace(
      /<p class="ti-art">Article \d<\/p>/g,
      ''
    )
    const result = importDocument(html)
    expect(countProvisions(result.document).articles).toBe(0)
    expect(codes(result.warnings)).toContain('formats/no-provisions')
  })
})

// --- generated acts -------------------------------------------------------------------

const word = fc.constantFrom('rules', 'data', 'providers', 'Union', 'market', 'safety', 'café', 'non-binding', 'users')
const words = (min: number, max: number) => fc.array(word, {minLength: min, maxLength: max}).map((w) => w.join(' '))
const sentence = words(2, 8).map((s) => s[0]!.toUpperCase() + s.slice(1) + '.')
const headingText = words(1, 4).map((s) => s[0]!.toUpperCase() + s.slice(1))

interface GenArticle {
  heading: string
  paragraphs: Array<{text: string; points: Array<{text: string; sub: string[]}>}>
}
interface GenAct {
  recitals: string[]
  chapters: Array<{heading: string; articles: GenArticle[]}> | GenArticle[]
}

const point = fc.record({text: sentence.map((s) => s.replace(/\.$/, ';')), sub: fc.array(sentence, {maxLength: 2})})
const genArticle: fc.Arbitrary<GenArticle> = fc.record({
  heading: headingText,
  paragraphs: fc.array(fc.record({text: sentence, points: fc.array(point, {maxLength: 3})}), {
    minLength: 1,
    maxLength: 3
  })
})
const genAct: fc.Arbitrary<GenAct> = fc.record({
  recitals: fc.array(sentence, {minLength: 1, maxLength: 3}),
  chapters: fc.oneof(
    fc.array(
      fc.record({
        heading: headingText.map((h) => h.toUpperCase()),
        articles: fc.array(genArticle, {minLength: 1, maxLength: 3})
      }),
      {
        minLength: 1,
        maxLength: 3
      }
    ),
    fc.array(genArticle, {minLength: 1, maxLength: 4})
  )
})

const ROMAN = ['i', 'ii', 'iii']
const LETTER = 'abcdefgh'

function articlesOf(act: GenAct): GenArticle[] {
  return act.chapters.flatMap((c) => ('articles' in c ? c.articles : [c]))
}

/** The act in the classic OJ markup (layout tables) or the plain layout (typed labels). */
function write(act: GenAct, layout: 'classic' | 'plain'): string {
  const p = (text: string, cls = 'normal') =>
    layout === 'classic' ? `<p class="${cls}">${text}</p>` : `<p>${text}</p>`
  const row = (num: string, body: string) =>
    layout === 'classic'
      ? `<table><col width="4%"/><col width="96%"/><tbody><tr><td><p class="normal">${num}</p></td><td>${body}</td></tr></tbody></table>`
      : `<p>${num} ${body.replace(/<\/?p[^>]*>/g, '')}</p>`
  const out: string[] = []
  out.push(layout === 'classic' ? '<html><body><div>' : '<html><body><div id="TexteOnly">')
  out.push(p('REGULATION (EU) 2099/1 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL', 'doc-ti'))
  out.push(p('THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,'))
  out.push(p('Having regard to the Treaty,'))
  out.push(p('Whereas:'))
  act.recitals.forEach((r, i) => out.push(layout === 'classic' ? row(`(${i + 1})`, p(r)) : p(`(${i + 1}) ${r}`)))
  out.push(p('HAVE ADOPTED THIS REGULATION:'))
  let n = 0
  const writeArticle = (a: GenArticle) => {
    n++
    out.push(p(`Article ${n}`, 'ti-art'), p(a.heading, 'sti-art'))
    const numbered = a.paragraphs.length > 1
    a.paragraphs.forEach((para, i) => {
      const intro = para.points.length > 0 ? para.text.replace(/\.$/, ':') : para.text
      out.push(p(numbered ? `${i + 1}.   ${intro}` : intro))
      para.points.forEach((pt, j) => {
        const sub = pt.sub.map((s, k) => row(`(${ROMAN[k]})`, p(s)))
        const text = pt.sub.length > 0 ? pt.text.replace(/;$/, ':') : pt.text
        if (layout === 'classic') out.push(row(`(${LETTER[j]})`, p(text) + sub.join('')))
        else out.push(p(`(${LETTER[j]}) ${text}`), ...sub)
      })
    })
  }
  act.chapters.forEach((c, i) => {
    if ('articles' in c) {
      out.push(p(`CHAPTER ${['I', 'II', 'III'][i]}`, 'ti-section-1'), p(c.heading, 'ti-section-2'))
      c.articles.forEach(writeArticle)
    } else writeArticle(c)
  })
  out.push(p('Done at Brussels, 1 January 2099.'))
  out.push('</div></body></html>')
  return out.join('\n')
}

describe('generated acts in the classic and the plain layout import with the structure they were made from', () => {
  for (const layout of ['classic', 'plain'] as const) {
    it(`${layout}: recitals, chapters, articles, headings, paragraphs, points and sub-points (150 acts)`, () => {
      fc.assert(
        fc.property(genAct, (act) => {
          const {document: doc} = importDocument(write(act, layout))
          const articles = articlesOf(act)
          const chapters = act.chapters.filter((c) => 'articles' in c).length
          expect(countProvisions(doc)).toMatchObject({
            recitals: act.recitals.length,
            articles: articles.length,
            chapters
          })
          let prefix = ''
          act.chapters.forEach((c, ci) => {
            if ('articles' in c) expect(headingOf(doc, `chp_${['I', 'II', 'III'][ci]}`)).toBe(c.heading)
          })
          articles.forEach((a, ai) => {
            const art = `art_${ai + 1}`
            expect(headingOf(doc, art)).toBe(a.heading)
            const numbered = a.paragraphs.length > 1
            if (numbered) expect(kids(doc, art)).toEqual(a.paragraphs.map((_, i) => `${art}__para_${i + 1}`))
            a.paragraphs.forEach((para, pi) => {
              prefix = numbered ? `${art}__para_${pi + 1}` : art
              expect(kids(doc, prefix).filter((e) => e.includes('__point_'))).toEqual(
                para.points.map((_, j) => `${prefix}__point_${LETTER[j]}`)
              )
              para.points.forEach((pt, j) => {
                const pe = `${prefix}__point_${LETTER[j]}`
                expect(kids(doc, pe)).toEqual(pt.sub.map((_, k) => `${pe}__point_${ROMAN[k]}`))
              })
            })
          })
        }),
        {numRuns: 150, seed: 1101}
      )
    })
  }
})
