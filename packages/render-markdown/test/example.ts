/** The example of the README's "Use" section (the same in each renderer package). */
import {compareDocuments} from '@redlex/compare'
import {article, assignEids, content, documentOf, subparagraph} from '@redlex/tree'

const version = (heading: string, until: string) =>
  assignEids(documentOf([{type: 'body', children: [
    article('Article 6', heading, [
      content('This Regulation shall enter into force on the twentieth day following that of its publication.'),
      subparagraph([content(`It shall apply until ${until}.`)])
    ])
  ]}])).document

export const comparison = compareDocuments(
  version('Entry into force', '31 December 2025'),
  version('Entry into force and application', '3 August 2024'),
  {
    names: {before: 'pre-ISC', after: 'post-ISC'},
    isc: {reference: 'ISC/2020/06507', date: '2020-09-02', conclusions: [{id: 'C3', text: 'Expire at the end of the legislative term.'}]},
    log: [{amendment: 'sunset', type: 'sunset', provenance: {conclusion: 'C3', services: ['SG', 'SJ']},
      description: 'Set the expiry date', effects: [{action: 'modified', before: 'art_6__subpara_2', after: 'art_6__subpara_2'}]}]
  }
)
