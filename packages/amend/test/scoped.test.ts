/**
 * A term across a scope: `substitute` and `placeholder` on an article with
 * paragraphs, a chapter, the recitals or the whole act change the words
 * wherever they stand in it — whole words, either case of the first letter,
 * one log effect per provision changed.
 */
import {describe, expect, it} from 'vitest'
import {
  article,
  assignEids,
  content,
  division,
  documentOf,
  findByEid,
  linkReferences,
  paragraph,
  recital,
  textOf,
  type Document
} from '@redlex/tree'
import {amendmentPlaces, applyAmendments, loadAmendments, type Amendment} from '@redlex/amend'
import {checkAmendments} from './helpers.js'

function draft(): Document {
  return linkReferences(
    assignEids(
      documentOf([
        {
          type: 'preamble',
          children: [
            {
              type: 'recitals',
              children: [
                recital('(1)', [content('A gatekeeper has a strong position.')]),
                recital('(2)', [content('Gatekeepers and the gatekeeper’s users benefit.')])
              ]
            }
          ]
        },
        {
          type: 'body',
          children: [
            division('chapter', 'CHAPTER I', 'Obligations', [
              article('Article 1', 'Obligations of gatekeepers', [
                paragraph('1.', [
                  content('The gatekeeper shall comply. Where the gatekeeper fails, Article 2 applies.')
                ]),
                paragraph('2.', [content('Gatekeeper obligations are listed in Annex I. Gatekeepers report yearly.')]),
                paragraph('3.', [
                  content('No obligation applies to the GATEKEEPER REGISTER or to a gatekeeping service.')
                ])
              ]),
              article('Article 2', undefined, [content('The gatekeeper may appeal.')])
            ]),
            article('Article 3', undefined, [content('The gatekeeper shall be notified.')])
          ]
        }
      ])
    ).document
  )
}

const own = (doc: Document, eId: string): string => textOf(findByEid(doc, eId)!, {num: false, deep: false})

describe('scoped substitute', () => {
  it('changes a term across an article: whole words, in the case it replaces, one effect per provision', () => {
    const base = draft()
    const amendments: Amendment[] = [
      {
        id: 's1',
        type: 'substitute',
        target: 'art_1',
        text: 'gatekeeper',
        by: 'designated provider',
        occurrence: 'all',
        provenance: {conclusion: 'c3'}
      }
    ]
    const result = applyAmendments(base, amendments)
    expect(own(result.document, 'art_1__para_1')).toBe(
      'The designated provider shall comply. Where the designated provider fails, Article 2 applies.'
    )
    expect(own(result.document, 'art_1__para_2')).toBe(
      'Designated provider obligations are listed in Annex I. Gatekeepers report yearly.'
    )
    expect(own(result.document, 'art_1__para_3')).toBe(
      'No obligation applies to the DESIGNATED PROVIDER REGISTER or to a gatekeeping service.'
    )
    // outside the scope nothing changes
    expect(own(result.document, 'art_2')).toBe('The gatekeeper may appeal.')
    expect(result.log[0]!.effects.map(({text: _text, ...effect}) => effect)).toEqual([
      {action: 'modified', before: 'art_1__para_1', after: 'art_1__para_1'},
      {action: 'modified', before: 'art_1__para_2', after: 'art_1__para_2'},
      {action: 'modified', before: 'art_1__para_3', after: 'art_1__para_3'}
    ])
    expect(result.log[0]!.description).toBe(
      'Article 1: ‘gatekeeper’ replaced by ‘designated provider’ (4 time(s) in 3 provision(s))'
    )
    checkAmendments(base, amendments, result.document)
  })

  it('takes a chapter, the recitals, the body or the whole act as its scope', () => {
    const by = (target: string): Document =>
      applyAmendments(draft(), [
        {id: 's', type: 'substitute', target, text: 'gatekeeper', by: 'provider', occurrence: 'all'}
      ]).document
    const chapter = by('chp_I')
    expect(own(chapter, 'art_2')).toBe('The provider may appeal.')
    expect(own(chapter, 'art_3')).toBe('The gatekeeper shall be notified.')
    const recitals = by('recitals')
    expect(own(recitals, 'rec_1')).toBe('A provider has a strong position.')
    // "gatekeeper’s" is the word followed by an apostrophe: it is the term
    expect(own(recitals, 'rec_2')).toBe('Gatekeepers and the provider’s users benefit.')
    expect(own(recitals, 'art_3')).toBe('The gatekeeper shall be notified.')
    const body = by('body')
    expect(own(body, 'rec_1')).toBe('A gatekeeper has a strong position.')
    expect(own(body, 'art_3')).toBe('The provider shall be notified.')
    const act = by('act')
    expect([own(act, 'rec_1'), own(act, 'art_3')]).toEqual([
      'A provider has a strong position.',
      'The provider shall be notified.'
    ])
  })

  it('picks the Nth occurrence in document order', () => {
    const result = applyAmendments(draft(), [
      {id: 's', type: 'substitute', target: 'art_1', text: 'gatekeeper', by: 'provider', occurrence: 3}
    ])
    expect(own(result.document, 'art_1__para_1')).toBe(
      'The gatekeeper shall comply. Where the gatekeeper fails, Article 2 applies.'
    )
    expect(own(result.document, 'art_1__para_2')).toBe(
      'Provider obligations are listed in Annex I. Gatekeepers report yearly.'
    )
  })

  it('asks which occurrence when there are several', () => {
    expect(() =>
      applyAmendments(draft(), [{id: 's', type: 'substitute', target: 'art_1', text: 'gatekeeper', by: 'provider'}])
    ).toThrow(
      expect.objectContaining({
        code: 'amend/text-ambiguous',
        amendment: 's',
        actual: 'art_1__para_1, art_1__para_2, art_1__para_3'
      })
    )
  })

  it('reports a scoped substitution that matches nothing with the amendment, its conclusion and its place', () => {
    const yaml = [
      '- id: ok',
      '  type: substitute',
      '  target: art_3',
      '  text: notified',
      '  by: informed',
      '- id: nothing',
      '  type: substitute',
      '  target: chp_I',
      '  text: keeper',
      '  by: holder',
      '  occurrence: all',
      '  provenance: {conclusion: c7}'
    ].join('\n')
    const error = (() => {
      try {
        applyAmendments(draft(), loadAmendments(yaml), {file: 'isc.yaml', places: amendmentPlaces(yaml)})
      } catch (e) {
        return e as Record<string, unknown>
      }
      return undefined
    })()
    expect(error).toMatchObject({
      code: 'amend/text-not-found',
      amendment: 'nothing',
      conclusion: 'c7',
      file: 'isc.yaml',
      place: {start: {line: 6, column: 3}}
    })
    expect(String(error!.message)).toContain('‘keeper’ are not in Chapter I (6 provision(s) searched, whole words')
  })

  it('rejects a scope that is not an eId or a scope name', () => {
    expect(() =>
      applyAmendments(draft(), [{id: 's', type: 'substitute', target: 'Chapter III', text: 'a', by: 'b'}])
    ).toThrow(expect.objectContaining({code: 'amend/invalid-field', path: '[0].target'}))
    expect(() =>
      applyAmendments(draft(), [{id: 's', type: 'substitute', target: 'chp_IX', text: 'a', by: 'b'}])
    ).toThrow(expect.objectContaining({code: 'amend/target-not-found', amendment: 's'}))
  })

  it('leaves a provision without units as before: its own text, exact', () => {
    const result = applyAmendments(draft(), [
      {id: 's', type: 'substitute', target: 'art_1__para_3', text: 'keeping', by: 'keeping-up'}
    ])
    expect(own(result.document, 'art_1__para_3')).toBe(
      'No obligation applies to the GATEKEEPER REGISTER or to a gatekeeping-up service.'
    )
  })
})

describe('scoped placeholder', () => {
  it('puts a placeholder in place of a term across the recitals (all), invertibly', () => {
    const base = draft()
    const amendments: Amendment[] = [
      {
        id: 'p',
        type: 'placeholder',
        target: 'recitals',
        text: 'gatekeeper',
        occurrence: 'all',
        reason: 'term not agreed'
      }
    ]
    const result = checkAmendments(base, amendments, applyAmendments(base, amendments).document)
    expect(own(result.document, 'rec_1')).toBe('A […] has a strong position.')
    expect(own(result.document, 'rec_2')).toBe('Gatekeepers and the […]’s users benefit.')
    expect(result.log[0]!.effects).toHaveLength(2)
  })

  it('inserts a placeholder after an anchor throughout an article', () => {
    const result = applyAmendments(draft(), [
      {
        id: 'p',
        type: 'placeholder',
        target: 'art_1',
        anchor: 'Gatekeepers',
        position: 'after',
        occurrence: 'all',
        reason: 'which ones'
      }
    ])
    expect(own(result.document, 'art_1__para_2')).toBe(
      'Gatekeeper obligations are listed in Annex I. Gatekeepers […] report yearly.'
    )
  })
})

describe('headings in a scope (found on the CSA proposal)', () => {
  it('are left as they are, and a warning names them', () => {
    const result = applyAmendments(draft(), [
      {id: 'plural', type: 'substitute', target: 'art_1', text: 'gatekeepers', by: 'providers', occurrence: 'all'}
    ])
    expect(own(result.document, 'art_1__para_2')).toBe(
      'Gatekeeper obligations are listed in Annex I. Providers report yearly.'
    )
    expect(findByEid(result.document, 'art_1')).toMatchObject({
      heading: [{type: 'text', value: 'Obligations of gatekeepers'}]
    })
    expect(result.warnings).toEqual([
      {
        code: 'amend/term-in-heading',
        amendment: 'plural',
        message: expect.stringContaining('‘gatekeepers’ also stands in the heading of Article 1')
      }
    ])
  })

  it('give no warning when the term is not in them', () => {
    const result = applyAmendments(draft(), [
      {id: 'one', type: 'substitute', target: 'art_1', text: 'gatekeeper', by: 'provider', occurrence: 'all'}
    ])
    expect(result.warnings.filter((w) => w.code === 'amend/term-in-heading')).toEqual([])
  })
})
