/**
 * A real comparison: two small versions of a regulation built with the
 * @redlex/tree builders (written for these tests) and compared with
 * `compareDocuments`, with an amendment log and ISC record for the causes.
 * The same file sits in each renderer package's test folder.
 */
import {compareDocuments} from '@redlex/compare'
import type {ChangeLogEntry, Comparison} from '@redlex/compare'
import {article, assignEids, content, documentOf, intro, paragraph, point, recital, subparagraph, text} from '@redlex/tree'
import type {Article, Document} from '@redlex/tree'

function regulation(articles: Article[], recitals: string[], doneAt: string): Document {
  return assignEids(documentOf([
    {type: 'preface', children: [
      {type: 'docType', children: [text('REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL')]},
      {type: 'docPurpose', children: [text('on a temporary derogation from certain provisions of Directive 2002/58/EC')]}
    ]},
    {type: 'preamble', children: [
      {type: 'formula', name: 'actingEntity', children: [text('THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,')]},
      {type: 'citations', children: [
        {type: 'citation', eId: '', children: [content('Having regard to the Treaty on the Functioning of the European Union, and in particular Article 16(2) thereof,')]}
      ]},
      {type: 'recitals', intro: [text('Whereas:')], children: recitals.map((t, i) => recital(`(${i + 1})`, [content(t)]))},
      {type: 'formula', name: 'enactingFormula', children: [text('HAVE ADOPTED THIS REGULATION:')]}
    ]},
    {type: 'body', children: articles},
    {type: 'conclusions', children: [
      {type: 'formula', name: 'doneAt', children: [text(doneAt)]},
      {type: 'signature', children: [text('For the European Parliament'), {type: 'break'}, text('The President')]}
    ]}
  ])).document
}

const subject = (): Article => article('Article 1', 'Subject matter', [
  paragraph('1.', [content('This Regulation lays down temporary and strictly limited rules derogating from certain obligations laid down in Directive 2002/58/EC.')]),
  paragraph('2.', [
    intro('This Regulation covers the following:'),
    point('(a)', [content('material constituting child pornography within the meaning of Article 2, point (c), of Directive 2011/93/EU;')]),
    point('(b)', [content('conduct constituting solicitation of children for sexual purposes within the meaning of Article 6 of Directive 2011/93/EU.')])
  ])
])
const definitions = (num: string): Article => article(num, 'Definitions', [
  content('For the purposes of this Regulation, the definitions laid down in Article 2 of Directive (EU) 2018/1972 apply.')
])

export const realBefore = regulation([
  subject(),
  definitions('Article 2'),
  article('Article 3', 'Entry into force', [
    content('This Regulation shall enter into force on the third day following that of its publication in the Official Journal of the European Union.'),
    subparagraph([content('It shall apply until 31 December 2025.')])
  ])
], [
  'Directive 2002/58/EC lays down rules ensuring the right to privacy and confidentiality with respect to the processing of personal data.',
  'This Regulation should apply for a limited period.'
], 'Done at Brussels, […]')

const subjectAfter = subject()
const para2 = subjectAfter.children[1] as {children: Array<{children: unknown[]}>}
para2.children[1]!.children = [content('material constituting child sexual abuse material within the meaning of Article 2, point (c), of Directive 2011/93/EU;')]

export const realAfter = regulation([
  subjectAfter,
  article('Article 2', 'Objective', [content('The objective of this Regulation is to allow providers to continue voluntary detection while safeguarding privacy & confidentiality.')]),
  definitions('Article 3'),
  article('Article 4', 'Entry into force and application', [
    content('This Regulation shall enter into force on the third day following that of its publication in the Official Journal of the European Union.'),
    subparagraph([content('It shall apply until 3 August 2024.')])
  ])
], [
  'Directive 2002/58/EC lays down rules ensuring the right to privacy and confidentiality with respect to the processing of personal data.',
  'This Regulation should apply for a limited period.',
  'The Commission intends to propose long-term legislation <by 2021>.'
], 'Done at Brussels, […]')

const log: ChangeLogEntry[] = [
  {amendment: 'sunset', type: 'sunset', provenance: {conclusion: 'C3', services: ['SG', 'SJ'], note: 'end of the legislative term'},
    description: 'Set the date of expiry', effects: [{action: 'modified', before: 'art_3__subpara_2', after: 'art_4__subpara_2'}, {action: 'modified', before: 'art_3', after: 'art_4'}]},
  {amendment: 'objective', type: 'insert', provenance: {conclusion: 'C1', services: ['HOME']},
    description: 'Insert an article on the objective', effects: [{action: 'inserted', after: 'art_2'}]}
]

/** The real comparison of the two versions, with causes. */
export const real: Comparison = compareDocuments(realBefore, realAfter, {
  names: {before: 'pre-ISC', after: 'post-ISC'},
  log,
  isc: {reference: 'ISC/2020/06507', date: '2020-09-02', conclusions: [
    {id: 'C1', text: 'State the objective in an article.', requestedBy: 'HOME'},
    {id: 'C3', text: 'The Regulation should expire at the end of the current legislative period.', requestedBy: ['SG', 'SJ']}
  ]}
})
