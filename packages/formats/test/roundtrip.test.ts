/**
 * AKN export: `fromAkn(toAkn(tree))` gives the tree back (positions aside),
 * for a hand-written tree with every node type and for every corpus act;
 * through Markdown (@redlex/markdown) the provisions and their texts survive.
 */
import {describe, expect, it} from 'vitest'
import {DOMParser} from '@xmldom/xmldom'
import * as markdown from '@redlex/markdown'
import {
  article,
  assignEids,
  content,
  division,
  documentOf,
  indent,
  intro,
  linkReferences,
  listProvisions,
  paragraph,
  point,
  recital,
  subparagraph,
  text,
  textOf,
  wrapUp
} from '@redlex/tree'
import type {Document, Inline} from '@redlex/tree'
import {AKN_NS, fromAkn, importDocument, toAkn} from '@redlex/formats'
import {HAS_CORPUS, aiActAnnexes, norm, read, withoutPositions} from './corpus.js'

const note: Inline = {
  type: 'authorialNote',
  marker: '1',
  children: [text('OJ L 119, 4.5.2016, p. 1.'), {type: 'break'}, text('Second line of the note.')]
}

/** A tree using every node type of @redlex/tree. */
function everyNodeType(): Document {
  const doc = documentOf(
    [
      {
        type: 'preface',
        children: [
          {type: 'docStage', children: [text('Proposal for a')]},
          {type: 'docType', children: [text('REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL')]},
          {type: 'docDate', children: [text('of […]')]},
          {
            type: 'docPurpose',
            children: [
              text('on a temporary derogation from certain provisions of '),
              {type: 'emphasis', children: [text('Directive 2002/58/EC')]}
            ]
          },
          {type: 'docNote', children: [text('(Text with EEA relevance)')]}
        ]
      },
      {
        type: 'preamble',
        children: [
          {
            type: 'formula',
            name: 'actingEntity',
            children: [text('THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,')]
          },
          {
            type: 'citations',
            children: [
              {
                type: 'citation',
                eId: '',
                children: [
                  content(
                    'Having regard to the Treaty on the Functioning of the European Union, and in particular Article 16 thereof,'
                  )
                ]
              },
              {
                type: 'citation',
                eId: '',
                children: [
                  content(['Having regard to the opinion of the European Economic and Social Committee', note, ','])
                ]
              }
            ]
          },
          {
            type: 'recitals',
            intro: [text('Whereas:')],
            children: [
              recital('(1)', [
                content([
                  'Directive 2002/58/EC lays down rules; see ',
                  {
                    type: 'quotedText',
                    startQuote: '‘',
                    endQuote: '’',
                    children: [text('electronic communications service')]
                  },
                  '.'
                ])
              ]),
              recital('(2)', [
                content('A first subparagraph.'),
                subparagraph([content('A second subparagraph of a recital.')])
              ])
            ]
          },
          {type: 'formula', name: 'enactingFormula', children: [text('HAVE ADOPTED THIS REGULATION:')]}
        ]
      },
      {
        type: 'body',
        children: [
          division('part', 'PART ONE', 'General', [
            division('title', 'TITLE I', undefined, [
              division(
                'chapter',
                'CHAPTER I',
                [{type: 'strong', children: [text('Subject matter')]}],
                [
                  division('section', 'Section 1', 'Scope', [
                    division('subsection', 'Subsection 1', 'Definitions', [
                      article('Article 1', 'Subject matter', [
                        paragraph('1.', [
                          intro('This Regulation lays down:'),
                          point('(a)', [
                            intro('rules on:'),
                            point('(i)', [content('the first matter; and')]),
                            point('(ii)', [
                              intro('the second matter, namely:'),
                              indent([content('one thing;')]),
                              indent([content('another thing;')])
                            ])
                          ]),
                          point('(b)', [
                            content(['a period ending on ', {type: 'placeholder', kind: 'value', value: '…'}, ';'])
                          ]),
                          wrapUp('without prejudice to other rules.'),
                          subparagraph([
                            content([
                              'It shall apply from ',
                              {
                                type: 'placeholder',
                                kind: 'provisional',
                                value: '24 months after entry into force',
                                reason: 'ISC comment SJ-3'
                              },
                              '.'
                            ])
                          ])
                        ]),
                        paragraph('2.', [
                          content([
                            'See ',
                            {type: 'ref', value: 'Article 2', targets: ['art_2']},
                            ' and ',
                            {type: 'ref', value: 'Articles 1 to 2', targets: ['art_1', 'art_2'], range: true},
                            ' and ',
                            {type: 'ref', value: 'Article 5 of Directive 2002/58/EC', targets: [], external: true},
                            '.'
                          ])
                        ])
                      ])
                    ])
                  ])
                ]
              )
            ])
          ]),
          article('Article 2', 'Entry into force', [
            content(['It shall enter into force on the ', {type: 'strong', children: [text('third')]}, ' day.']),
            subparagraph([content('It shall apply until 3 August 2024.')]),
            subparagraph([
              intro('It shall not apply to:'),
              point('(a)', [content('anything;')]),
              point('(b)', [content('anything else.')])
            ])
          ])
        ]
      },
      {
        type: 'conclusions',
        children: [
          {
            type: 'formula',
            name: 'bindingForce',
            children: [
              text('This Regulation shall be binding in its entirety and directly applicable in all Member States.')
            ]
          },
          {type: 'formula', name: 'doneAt', children: [text('Done at Brussels,')]},
          {type: 'signature', children: [text('For the European Parliament\nThe President')]},
          {type: 'signature', children: [text('For the Council\nThe President')]},
          content('A closing line.')
        ]
      },
      {
        type: 'annex',
        eId: '',
        num: 'ANNEX I',
        heading: [text('List of acts')],
        children: [
          {type: 'heading', depth: 1, children: [text('Section A')]},
          content([
            'See ',
            {type: 'link', url: 'http://data.europa.eu/eli/reg/2016/679/oj', children: [text('the GDPR')]},
            '.'
          ]),
          intro('The acts are:'),
          point('1.', [content('Directive 2006/42/EC;')]),
          point('2.', [content('Directive 2009/48/EC.')]),
          {type: 'heading', depth: 2, children: [text('Table')]},
          {
            type: 'table',
            children: [
              {
                type: 'tableRow',
                children: [
                  {type: 'tableCell', children: [text('Act')]},
                  {type: 'tableCell', children: [text('OJ')]}
                ]
              },
              {
                type: 'tableRow',
                children: [
                  {type: 'tableCell', children: [text('Directive 2006/42/EC')]},
                  {type: 'tableCell', children: [text('OJ L 157, 9.6.2006, p. 24')]}
                ]
              }
            ]
          },
          indent([content('a dashed item')])
        ]
      },
      {type: 'annex', eId: '', num: 'ANNEX II', children: [content('Second annex.')]}
    ],
    'regulation',
    'proposal'
  )
  return assignEids(doc).document
}

describe('toAkn / fromAkn round trip', () => {
  it('gives back a hand-written tree with every node type', () => {
    // Imported trees have their cross-references linked; so must the tree we compare.
    const tree = linkReferences(everyNodeType())
    const back = withoutPositions(fromAkn(toAkn(tree)))
    expect(back).toEqual(tree)
  })

  it('writes well-formed, namespaced AKN4EU with eIds and FRBR metadata', () => {
    const xml = toAkn(everyNodeType(), {number: 'COM(2020) 568', date: '2020-09-10'})
    const errors: string[] = []
    const dom = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(String(message))
      }
    }).parseFromString(xml, 'text/xml')
    expect(errors).toEqual([])
    const root = dom.documentElement!
    expect(root.namespaceURI).toBe(AKN_NS)
    const bill = root.getElementsByTagNameNS(AKN_NS, 'bill')[0]!
    expect(bill.getAttribute('name')).toBe('REG')
    expect(root.getElementsByTagNameNS(AKN_NS, 'FRBRWork').length).toBe(1)
    expect(root.getElementsByTagNameNS(AKN_NS, 'FRBRnumber')[0]!.getAttribute('value')).toBe('COM(2020) 568')
    expect(root.getElementsByTagNameNS(AKN_NS, 'FRBRthis')[0]!.getAttribute('value')).toBe(
      '/akn/eu/bill/regulation/2020-09-10/COM-2020-568/!main'
    )
    const eIds = Array.from(root.getElementsByTagNameNS(AKN_NS, 'point')).map((p) => p.getAttribute('eId'))
    expect(eIds).toContain('art_1__para_1__point_a__point_ii')
    expect(xml).toContain('<subparagraph refersTo="~INP">')
    expect(xml).toContain('<attachment eId="anx_I">')
  })

  it('keeps LEOS ids as xml:id so LEOS can align versions', () => {
    const leos = `<?xml version="1.0"?><akomaNtoso xmlns="${AKN_NS}"><bill name="REG"><body>
      <article xml:id="akn_art_B6BGPx"><num>Article 1</num><heading>Scope</heading>
        <paragraph xml:id="akn_par_1"><num>1.</num><content><p>Text of <ref href="#akn_art_B6BGPx">this Article</ref>.</p></content></paragraph>
      </article></body></bill></akomaNtoso>`
    const doc = fromAkn(leos)
    const art = listProvisions(doc).find((p) => p.node.type === 'article')!.node
    expect(art.eId).toBe('art_1')
    expect(art.data).toEqual({aknId: 'akn_art_B6BGPx'})
    expect(JSON.stringify(doc)).toContain('"type":"ref","value":"this Article","targets":["art_1"]')
    const xml = toAkn(doc)
    expect(xml).toContain('<article eId="art_1" xml:id="akn_art_B6BGPx">')
    expect(withoutPositions(fromAkn(xml))).toEqual(withoutPositions(doc))
  })
})

const CORPUS_ACTS = [
  'gdpr/original-oj-2016/L_2016119EN.01000101.xml',
  'gdpr/consolidated-2018/gdpr-consolidated-en.xml',
  'ai-act/final-formex/L_202401689EN.000101.fmx.xml',
  'ai-act/final-eurlex.html',
  'ai-act/proposal-com-2021-206.xhtml',
  'dsa/proposal-com-2020-825.xhtml',
  'dsa/final-formex.xml',
  'csa-proposal/proposal-com-2022-209.html',
  'akn/join-2022-19-akn4eu.xml'
]

const imported = new Map<string, Document>()
function importCorpus(path: string): Document {
  let doc = imported.get(path)
  if (!doc) {
    doc = importDocument(read(path), path.includes('final-formex/') ? {annexes: aiActAnnexes()} : {}).document
    imported.set(path, doc)
  }
  return structuredClone(doc)
}

describe.skipIf(!HAS_CORPUS)('every corpus act round-trips through AKN', () => {
  for (const path of CORPUS_ACTS) {
    it(path, () => {
      const doc = withoutPositions(importCorpus(path))
      expect(withoutPositions(fromAkn(toAkn(doc)))).toEqual(doc)
    })
  }
})

type ParseMarkdown = (t: string, o?: {lenient?: boolean}) => {document: Document}
type Md = {toMarkdown?: (d: Document) => string; parseMarkdown?: ParseMarkdown}
const md = markdown as unknown as Md
const hasMarkdown = typeof md.toMarkdown === 'function' && typeof md.parseMarkdown === 'function'

/**
 * Acts whose Markdown round trip does not give the same provisions yet, and why
 * (measured; reported to the @redlex/markdown owner). `it.fails` turns red
 * when one of them starts passing, so this list is kept honest.
 */
// Acts that do not round-trip through the dialect yet (none at present; kept so a known gap can be pinned).
const MARKDOWN_GAPS: Record<string, string> = {}

describe.skipIf(!HAS_CORPUS || !hasMarkdown)(
  'every corpus act round-trips through Markdown (toMarkdown → parseMarkdown lenient)',
  () => {
    const list = (d: Document) => listProvisions(d).map(({node}) => `${node.eId} ${norm(textOf(node, {deep: false}))}`)
    for (const path of CORPUS_ACTS) {
      const test = (): void => {
        const doc = importCorpus(path)
        const back = md.parseMarkdown!(md.toMarkdown!(doc), {lenient: true}).document
        expect(list(back)).toEqual(list(doc))
      }
      if (MARKDOWN_GAPS[path]) it.fails(`${path} (known gap: ${MARKDOWN_GAPS[path]})`, test)
      else it(path, test)
    }
  }
)
