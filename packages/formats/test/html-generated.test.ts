/**
 * Property tests for the HTML importers: acts generated at random and
 * written in the markup variants met in official Cellar files (style
 * families, headings split by <br/> or spans or in the next paragraph,
 * words cut into spans, numbers typed or in span.num) import with exactly
 * the structure they were made from; and mutated HTML (fixtures cut,
 * tags duplicated or nested deep) ends in a document or a RedlexError,
 * never another exception. Seeded: the same cases on every run.
 */
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {RedlexError, countProvisions} from '@redlex/tree'
import {importDocument} from '@redlex/formats'
import {headingOf, kids, numOf, ownText} from './corpus.js'

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI']
const LETTERS = 'abcdefgh'
const word = fc.constantFrom(
  'rules',
  'data',
  'providers',
  'Union',
  'market',
  'safety',
  'café',
  '‘term’',
  'non-binding',
  'users',
  'Member',
  'States'
)
const words = (min: number, max: number) => fc.array(word, {minLength: min, maxLength: max}).map((w) => w.join(' '))
const sentence = words(2, 8).map((s) => s[0]!.toUpperCase() + s.slice(1) + '.')
const heading = words(1, 4).map((s) => s[0]!.toUpperCase() + s.slice(1))

interface Model {
  recitals: string[]
  chapters: Array<{
    heading: string
    style: number
    articles: Array<{
      heading: string
      style: number
      cls: string
      paragraphs: Array<{text: string; points: string[]; typed: boolean}>
    }>
  }>
}

const paragraph = fc.record({
  text: sentence,
  points: fc.array(
    sentence.map((s) => s.replace(/\.$/, ';')),
    {maxLength: 3}
  ),
  typed: fc.boolean()
})
const article = fc.record({
  heading,
  style: fc.integer({min: 0, max: 3}),
  cls: fc.constantFrom('Titrearticle', 'Titrearticle0', 'Titrearticleb', 'Titrearticlefa', 'li ManualHeading3'),
  paragraphs: fc.array(paragraph, {maxLength: 3})
})
const chapter = fc.record({
  heading: heading.map((h) => h.toUpperCase()),
  style: fc.integer({min: 0, max: 3}),
  articles: fc.array(article, {minLength: 1, maxLength: 3})
})
const model: fc.Arbitrary<Model> = fc.record({
  recitals: fc.array(sentence, {minLength: 1, maxLength: 4}),
  chapters: fc.array(chapter, {minLength: 1, maxLength: 3})
})

/** Text cut into spans at arbitrary places (LEOS does this inside words). */
function spans(text: string, cuts: number): string {
  const out: string[] = []
  const step = Math.max(1, Math.floor(text.length / (cuts + 1)))
  for (let i = 0; i < text.length; i += step) out.push(`<span>${escape(text.slice(i, i + step))}</span>`)
  return out.join('')
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}

function render(m: Model): string {
  const out: string[] = [
    '<html><body>',
    '<p class="Institutionquiagit">THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,</p>',
    '<p class="Normal">Having regard to the Treaty,</p>',
    '<p class="Normal">Whereas:</p>'
  ]
  m.recitals.forEach((r, i) =>
    out.push(`<p class="li ManualConsidrant"><span class="num">(${i + 1})</span>${spans(r, i)}</p>`)
  )
  out.push('<p class="Formuledadoption">HAVE ADOPTED THIS REGULATION:</p>')
  let n = 0
  m.chapters.forEach((c, ci) => {
    const num = `CHAPTER ${ROMAN[ci]}`
    out.push(
      [
        `<p class="ChapterTitle"><span>${num}</span><br/><span>${c.heading}</span></p>`,
        `<p class="li ManualHeading1"><span>${num}</span></p><p class="li ManualHeading1"><span>${c.heading}</span></p>`,
        `<p class="ChapterTitle">${num}</p><p class="Normal"><span>${c.heading}</span></p>`,
        `<p class="ChapterTitle"><span>${num}</span><span><br/>${c.heading}</span></p>`
      ][c.style]!
    )
    for (const a of c.articles) {
      n++
      out.push(
        [
          `<p class="${a.cls}"><span>Article ${n}</span><span><br/>${escape(a.heading)}</span></p>`,
          `<p class="${a.cls}"><span>Art</span><span>icle ${n}</span><br/>${spans(a.heading, 2)}</p>`,
          `<p class="${a.cls}"><span>Article ${n}</span></p><p class="${a.cls}">${spans(a.heading, 1)}</p>`,
          `<p class="Normal"><span>Article ${n}</span></p><p class="Normal"><span>${escape(a.heading)}</span></p>`
        ][a.style]!
      )
      if (a.paragraphs.length === 0) out.push(`<p class="Normal">${spans('This Article applies.', 3)}</p>`)
      a.paragraphs.forEach((p, pi) => {
        const label = `${pi + 1}.`
        out.push(
          p.typed
            ? `<p class="li ManualNumPar1"><span>${label} ${escape(p.text)}</span></p>`
            : `<p class="li ManualNumPar1"><span class="num">${label}</span>${spans(p.text, pi + 1)}</p>`
        )
        p.points.forEach((t, ti) =>
          out.push(`<p class="li Point1"><span class="num">(${LETTERS[ti]})</span>${spans(t, ti)}</p>`)
        )
      })
    }
  })
  out.push('<p class="Fait">Done at Brussels,</p></body></html>')
  return out.join('\n')
}

describe('Cellar importer on generated acts in the known markup variants', () => {
  it('imports exactly the structure the act was made from, with no warning', () => {
    fc.assert(
      fc.property(model, (m) => {
        const {document: doc, warnings} = importDocument(render(m))
        expect(warnings).toEqual([])
        const articles = m.chapters.flatMap((c) => c.articles)
        expect(countProvisions(doc)).toMatchObject({recitals: m.recitals.length, articles: articles.length})
        m.recitals.forEach((r, i) =>
          expect([numOf(doc, `rec_${i + 1}`), ownText(doc, `rec_${i + 1}`)]).toEqual([`(${i + 1})`, r])
        )
        m.chapters.forEach((c, ci) => {
          const eId = `chp_${ROMAN[ci]}`
          expect([numOf(doc, eId), headingOf(doc, eId)]).toEqual([`CHAPTER ${ROMAN[ci]}`, c.heading])
          expect(kids(doc, eId)).toHaveLength(c.articles.length)
        })
        articles.forEach((a, ai) => {
          const eId = `art_${ai + 1}`
          expect([numOf(doc, eId), headingOf(doc, eId)]).toEqual([`Article ${ai + 1}`, a.heading])
          a.paragraphs.forEach((p, pi) => {
            const para = `${eId}__para_${pi + 1}`
            expect([numOf(doc, para), ownText(doc, para)]).toEqual([`${pi + 1}.`, p.text])
            p.points.forEach((t, ti) => expect(ownText(doc, `${para}__point_${LETTERS[ti]}`)).toBe(t))
          })
        })
      }),
      {numRuns: 150, seed: 20261129}
    )
  })
})

describe('HTML importers on mutated input', () => {
  const fixtures = [
    'cellar-leos-2022.html',
    'cellar-chapter-headings.html',
    'cellar-defects-2020.html',
    'eurlex-oj-act.html',
    'eurlex-classic-directive.html',
    'eurlex-classic-implementing-regulation.html',
    'eurlex-plain-1993.html',
    'eurlex-consolidated.html'
  ].map((f) => readFileSync(new URL(`fixtures/${f}`, import.meta.url), 'utf8'))
  const tags = [
    '<p class="Titrearticle">',
    '<p class="ChapterTitle">',
    '</p>',
    '<div>',
    '</div>',
    '<td>',
    '<table>',
    '<span class="num">',
    '</span>',
    '<br/>',
    '<script>',
    '<b><i>',
    '&#0;',
    '&#xFFFE;',
    '\u0001',
    '<p class="li ManualNumPar1">',
    '<div id="art_9">',
    '<p class="oj-ti-art">Article 1</p>',
    '<span>'.repeat(400),
    '<p class="ti-art">Article 1</p>',
    '<p class="ti-section-1">CHAPTER I</p>',
    '<p class="doc-ti">ANNEX</p>',
    '<p>Article 2</p>',
    '<p>(a) ‘quoted',
    '<p class="signatory">',
    '<div class="norm"><span class="no-parag">2. </span>',
    '<div class="grid-container grid-list"><div class="grid-list-column-1">(c)</div>',
    '►M2 '
  ]
  const mutation = fc.record({
    file: fc.integer({min: 0, max: fixtures.length - 1}),
    at: fc.nat(),
    cut: fc.nat({max: 200}),
    insert: fc.array(fc.constantFrom(...tags), {maxLength: 4})
  })

  it('ends in a document or a RedlexError, never another exception', () => {
    let documents = 0
    let refused = 0
    fc.assert(
      fc.property(fc.array(mutation, {minLength: 1, maxLength: 6}), (mutations) => {
        let html = fixtures[mutations[0]!.file]!
        for (const m of mutations) {
          const at = m.at % (html.length + 1)
          html = html.slice(0, at) + m.insert.join('') + html.slice(at + m.cut)
        }
        try {
          importDocument(html)
          documents++
        } catch (error) {
          if (!(error instanceof RedlexError)) throw error
          refused++
        }
      }),
      {numRuns: 300, seed: 20261129}
    )
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(documents).toBeGreaterThan(0)
    expect(refused).toBeGreaterThan(0)
  })
})
