/**
 * Hand-written fixtures: a small regulation in the shape of the temporary
 * ePrivacy derogation (written for these tests, not copied from the OJ).
 */
import {
  article,
  assignEids,
  content,
  division,
  documentOf,
  intro,
  paragraph,
  point,
  recital,
  subparagraph,
  text,
  wrapUp
} from '@redlex/tree'
import type {Article, Division, Document} from '@redlex/tree'

export const ARTICLES = {
  subject: () =>
    article('Article 1', 'Subject matter', [
      content(
        'This Regulation lays down temporary and strictly limited rules derogating from certain obligations laid down in Directive 2002/58/EC, with the sole objective of enabling providers to continue the use of technologies for the processing of personal data to the extent necessary to detect and report child sexual abuse online.'
      )
    ]),
  scope: () =>
    article('Article 2', 'Scope', [
      content(
        'This Regulation applies to the processing of personal and other data in connection with the provision of number-independent interpersonal communications services.'
      )
    ]),
  definitions: () =>
    article('Article 3', 'Definitions', [
      intro('For the purposes of this Regulation, the following definitions apply:'),
      point('(1)', [
        content(
          '‘number-independent interpersonal communications service’ means a service as defined in Article 2, point (7), of Directive (EU) 2018/1972;'
        )
      ]),
      point('(2)', [
        content(
          '‘online child sexual abuse’ means online child sexual abuse material and solicitation of children for sexual purposes;'
        )
      ]),
      point('(3)', [
        content(
          '‘child pornography’ means material as defined in Article 2, point (c), of Directive 2011/93/EU of the European Parliament and of the Council;'
        )
      ])
    ]),
  derogation: () =>
    article('Article 4', 'Derogation', [
      paragraph('1.', [
        intro(
          'Articles 5(1) and 6(1) of Directive 2002/58/EC shall not apply to the processing of personal data by providers where:'
        ),
        point('(a)', [
          content(
            'the processing is strictly necessary for the use of specific technology for the sole purpose of detecting and removing online child sexual abuse material;'
          )
        ]),
        point('(b)', [
          content(
            'the technology used is in accordance with the state of the art in the industry and is the least privacy-intrusive;'
          )
        ]),
        wrapUp('and the provider has carried out a prior data protection impact assessment.')
      ]),
      paragraph('2.', [
        content(
          'Providers shall publish and submit to the competent supervisory authority a report on the processing by 3 August 2024.'
        )
      ]),
      subparagraph([
        content(
          'The report shall cover the number of cases identified, with amounts of up to EUR 10 000 000 or 4 % of turnover.'
        )
      ])
    ]),
  review: () =>
    article('Article 5', 'Review', [
      content(
        'By 3 August 2023, the Commission shall submit a report on the implementation of this Regulation to the European Parliament and to the Council.'
      )
    ]),
  entry: () =>
    article('Article 6', 'Entry into force and application', [
      content(
        'This Regulation shall enter into force on the third day following that of its publication in the Official Journal of the European Union.'
      ),
      subparagraph([content('It shall apply until 3 August 2024.')])
    ])
}

export function regulation(
  body: Array<Division | Article>,
  options: {recitals?: string[]; title?: string} = {}
): Document {
  const recitals = (
    options.recitals ?? [
      'Directive 2002/58/EC lays down rules ensuring the right to privacy and confidentiality with respect to the processing of personal data in data exchanges in the electronic communication sector.',
      'Certain providers of number-independent interpersonal communications services are currently using specific technologies to detect child sexual abuse on their services.',
      'This Regulation should apply for a limited period so that providers can continue those practices.'
    ]
  ).map((t, i) => recital(`(${i + 1})`, [content(t)]))
  const doc = documentOf([
    {
      type: 'preface',
      children: [
        {type: 'docType', children: [text('REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL')]},
        {
          type: 'docPurpose',
          children: [text(options.title ?? 'on a temporary derogation from certain provisions of Directive 2002/58/EC')]
        }
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
                  'Having regard to the Treaty on the Functioning of the European Union, and in particular Article 16(2) thereof,'
                )
              ]
            },
            {
              type: 'citation',
              eId: '',
              children: [content('Having regard to the proposal from the European Commission,')]
            }
          ]
        },
        {type: 'recitals', intro: [text('Whereas:')], children: recitals},
        {type: 'formula', name: 'enactingFormula', children: [text('HAVE ADOPTED THIS REGULATION:')]}
      ]
    },
    {type: 'body', children: body},
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
        {type: 'formula', name: 'doneAt', children: [text('Done at Brussels, […]')]},
        {type: 'signature', children: [text('For the European Parliament'), {type: 'break'}, text('The President')]}
      ]
    }
  ])
  return assignEids(doc).document
}

/** The default before version: two chapters. */
export function baseline(): Document {
  return regulation([
    division('chapter', 'CHAPTER I', 'General provisions', [
      ARTICLES.subject(),
      ARTICLES.scope(),
      ARTICLES.definitions()
    ]),
    division('chapter', 'CHAPTER II', 'Derogation', [ARTICLES.derogation(), ARTICLES.review(), ARTICLES.entry()])
  ])
}

/** Renumber an article in place (builders give fresh nodes, so this is safe). */
export function numbered(node: Article, num: string): Article {
  node.num = num
  return node
}
