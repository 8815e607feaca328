import {describe, expect, it} from 'vitest'
import {article, assignEids, content, division, paragraph, point, textOf} from '@redlex/tree'
import type {Document} from '@redlex/tree'
import {compareDocuments, reconstruct, sideOf} from '../src/index.js'
import type {Comparison, ProvisionChange} from '../src/index.js'
import {ARTICLES, baseline, numbered, regulation} from './fixtures.js'

/** Every change in the tree, depth first. */
function all(comparison: Comparison): ProvisionChange[] {
  const out: ProvisionChange[] = []
  const visit = (list: ProvisionChange[]): void => {
    for (const change of list) {
      out.push(change)
      visit(change.children)
    }
  }
  visit(comparison.changes)
  return out
}

function byBefore(comparison: Comparison, eId: string): ProvisionChange | undefined {
  return all(comparison).find((c) => c.before?.eId === eId)
}

function byAfter(comparison: Comparison, eId: string): ProvisionChange | undefined {
  return all(comparison).find((c) => c.after?.eId === eId)
}

/** The invariants every comparison keeps: lossless, diffs consistent with sides. */
function checkInvariants(before: Document, after: Document, comparison: Comparison): void {
  expect(reconstruct(comparison, 'before')).toBe(textOf(before))
  expect(reconstruct(comparison, 'after')).toBe(textOf(after))
  for (const change of all(comparison)) {
    if (change.before) expect(sideOf(change.diff, 'before')).toBe(change.before.text)
    if (change.after) expect(sideOf(change.diff, 'after')).toBe(change.after.text)
  }
  expect(JSON.parse(JSON.stringify(comparison))).toEqual(comparison)
}

describe('compareDocuments', () => {
  it('finds nothing to report between a document and itself', () => {
    const doc = baseline()
    const comparison = compareDocuments(doc, baseline(), {names: {before: 'pre-ISC', after: 'post-ISC'}})
    checkInvariants(doc, doc, comparison)
    expect(comparison.before).toEqual({
      name: 'pre-ISC',
      title:
        'REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on a temporary derogation from certain provisions of Directive 2002/58/EC'
    })
    expect(comparison.summary).toEqual({
      unchanged: 2 + 3 + 2 + 6 + 4 + 3 + 2,
      modified: 0,
      inserted: 0,
      deleted: 0,
      moved: 0,
      renumbered: 0
    })
    expect(comparison.levels?.article?.unchanged).toBe(6)
    expect(comparison.frame.every((f) => f.status === 'unchanged')).toBe(true)
    expect(comparison.changes.map((c) => c.kind)).toEqual([
      'citation',
      'citation',
      'recital',
      'recital',
      'recital',
      'division',
      'division'
    ])
    expect(comparison.tokens?.removed).toBe(0)
  })

  it('shows renumbered articles as renumbered, not deleted and inserted', () => {
    const before = baseline()
    const after = regulation([
      division('chapter', 'CHAPTER I', 'General provisions', [
        ARTICLES.subject(),
        article('Article 2', 'Objective', [
          content(
            'The objective of this Regulation is to allow providers to continue voluntary detection while safeguarding privacy.'
          )
        ]),
        numbered(ARTICLES.scope(), 'Article 3'),
        numbered(ARTICLES.definitions(), 'Article 4')
      ]),
      division('chapter', 'CHAPTER II', 'Derogation', [
        numbered(ARTICLES.derogation(), 'Article 5'),
        numbered(ARTICLES.review(), 'Article 6'),
        numbered(ARTICLES.entry(), 'Article 7')
      ])
    ])
    const comparison = compareDocuments(before, after)
    checkInvariants(before, after, comparison)
    expect(byAfter(comparison, 'art_2')).toMatchObject({
      status: 'inserted',
      kind: 'article',
      after: {label: 'Article 2', heading: 'Objective'}
    })
    expect(byBefore(comparison, 'art_2')).toMatchObject({
      status: 'renumbered',
      after: {eId: 'art_3', num: 'Article 3'},
      before: {num: 'Article 2'}
    })
    expect(byBefore(comparison, 'art_2')?.modified).toBeUndefined()
    expect(byBefore(comparison, 'art_6')).toMatchObject({status: 'renumbered', after: {eId: 'art_7'}})
    expect(comparison.levels?.article).toEqual({
      unchanged: 1,
      modified: 0,
      inserted: 1,
      deleted: 0,
      moved: 0,
      renumbered: 5
    })
    // Paragraphs of a renumbered article keep their own numbers: unchanged.
    expect(byBefore(comparison, 'art_4__para_2')).toMatchObject({
      status: 'unchanged',
      after: {eId: 'art_5__para_2', label: 'Article 5(2)'}
    })
    // The chapter holding the new article changed within.
    expect(comparison.changes.find((c) => c.after?.eId === 'chp_I')).toMatchObject({status: 'modified', within: true})
  })

  it('pairs an article moved to another chapter as moved, with the label it came from', () => {
    const before = baseline()
    const after = regulation([
      division('chapter', 'CHAPTER I', 'General provisions', [
        ARTICLES.subject(),
        ARTICLES.scope(),
        ARTICLES.definitions(),
        numbered(ARTICLES.review(), 'Article 4')
      ]),
      division('chapter', 'CHAPTER II', 'Derogation', [numbered(ARTICLES.derogation(), 'Article 5'), ARTICLES.entry()])
    ])
    const comparison = compareDocuments(before, after)
    checkInvariants(before, after, comparison)
    const review = byBefore(comparison, 'art_5')!
    expect(review).toMatchObject({status: 'moved', before: {label: 'Article 5'}, after: {label: 'Article 4'}})
    expect(review.modified).toBeUndefined()
    // It sits in chapter I of the comparison, where the second version has it.
    const chapter1 = comparison.changes.find((c) => c.after?.eId === 'chp_I')!
    expect(chapter1.children.map((c) => c.after?.eId)).toEqual(['art_1', 'art_2', 'art_3', 'art_4'])
    expect(byBefore(comparison, 'art_4')).toMatchObject({status: 'renumbered', after: {eId: 'art_5'}})
    expect(byBefore(comparison, 'art_6')).toMatchObject({status: 'unchanged'})
  })

  it('marks deleted articles where they stood and inserted ones where they are', () => {
    const before = baseline()
    const after = regulation([
      division('chapter', 'CHAPTER I', 'General provisions', [
        ARTICLES.subject(),
        ARTICLES.scope(),
        ARTICLES.definitions()
      ]),
      division('chapter', 'CHAPTER II', 'Derogation', [ARTICLES.derogation(), numbered(ARTICLES.entry(), 'Article 5')])
    ])
    const comparison = compareDocuments(before, after)
    checkInvariants(before, after, comparison)
    const chapter2 = comparison.changes.find((c) => c.after?.eId === 'chp_II')!
    expect(chapter2.children.map((c) => [c.status, c.before?.eId, c.after?.eId])).toEqual([
      ['unchanged', 'art_4', 'art_4'],
      ['deleted', 'art_5', undefined],
      ['renumbered', 'art_6', 'art_5']
    ])
    const deleted = chapter2.children[1]!
    expect(deleted.diff).toEqual([{value: deleted.before!.text, removed: true}])
    expect(deleted.heading).toEqual([{value: 'Review', removed: true}])
  })

  it('redlines a modified paragraph word by word, dates whole', () => {
    const before = baseline()
    const derogation = ARTICLES.derogation()
    derogation.children[1] = paragraph('2.', [
      content(
        'Providers shall publish and submit to the competent supervisory authority and to the Commission a report on the processing by 3 August 2026.'
      )
    ])
    const after = regulation([
      division('chapter', 'CHAPTER I', 'General provisions', [
        ARTICLES.subject(),
        ARTICLES.scope(),
        ARTICLES.definitions()
      ]),
      division('chapter', 'CHAPTER II', 'Derogation', [derogation, ARTICLES.review(), ARTICLES.entry()])
    ])
    const comparison = compareDocuments(before, after)
    checkInvariants(before, after, comparison)
    const para = byAfter(comparison, 'art_4__para_2')!
    expect(para.status).toBe('modified')
    expect(para.within).toBeUndefined()
    expect(para.diff).toEqual([
      {value: 'Providers shall publish and submit to the competent supervisory authority '},
      {value: 'and to the Commission ', added: true},
      {value: 'a report on the processing by '},
      {value: '3 August 2024', removed: true},
      {value: '3 August 2026', added: true},
      {value: '.'}
    ])
    expect(para.tokens).toEqual({common: 17, removed: 1, added: 5})
    expect(byAfter(comparison, 'art_4')).toMatchObject({status: 'modified', within: true})
    expect(comparison.summary.modified).toBe(3) // paragraph, article, chapter
  })

  it('combines renumbered with modified', () => {
    const before = baseline()
    const review = numbered(ARTICLES.review(), 'Article 4')
    review.children = [
      content(
        'By 3 August 2023, the Commission shall submit a report on the implementation of this Regulation to the European Parliament, to the Council and to the European Data Protection Board.'
      )
    ]
    const after = regulation([
      division('chapter', 'CHAPTER I', 'General provisions', [
        ARTICLES.subject(),
        ARTICLES.scope(),
        ARTICLES.definitions()
      ]),
      division('chapter', 'CHAPTER II', 'Derogation', [review, numbered(ARTICLES.entry(), 'Article 5')])
    ])
    const comparison = compareDocuments(before, after)
    checkInvariants(before, after, comparison)
    expect(byBefore(comparison, 'art_5')).toMatchObject({status: 'renumbered', modified: true, after: {eId: 'art_4'}})
    expect(byBefore(comparison, 'art_4')).toMatchObject({status: 'deleted'})
  })

  it('prefers a far better candidate to an eId match when the whole document was renumbered', () => {
    // As in the DSA: definitions are Article 2 in the proposal, Article 3 in the act.
    const before = regulation([
      ARTICLES.subject(),
      numbered(ARTICLES.definitions(), 'Article 2'),
      numbered(ARTICLES.derogation(), 'Article 3')
    ])
    const definitions = ARTICLES.definitions()
    definitions.children.push(
      point('(4)', [
        content('‘provider’ means a provider of number-independent interpersonal communications services;')
      ])
    )
    const after = regulation([
      ARTICLES.subject(),
      article('Article 2', 'Scope', [
        content(
          'This Regulation applies to providers of services offered in the Union, irrespective of their place of establishment.'
        )
      ]),
      definitions,
      numbered(ARTICLES.derogation(), 'Article 4')
    ])
    const comparison = compareDocuments(before, after)
    checkInvariants(before, after, comparison)
    expect(byBefore(comparison, 'art_2')).toMatchObject({
      status: 'renumbered',
      modified: true,
      after: {eId: 'art_3', heading: 'Definitions'}
    })
    expect(byAfter(comparison, 'art_2')).toMatchObject({status: 'inserted'})
    expect(byAfter(comparison, 'art_3__point_4')).toMatchObject({status: 'inserted', kind: 'point'})
    expect(byAfter(comparison, 'art_3__point_1')).toMatchObject({status: 'unchanged', before: {eId: 'art_2__point_1'}})
    expect(byBefore(comparison, 'art_3')).toMatchObject({status: 'renumbered', after: {eId: 'art_4'}})
  })

  it('aligns points when one is inserted before others (renumbering them)', () => {
    const before = regulation([ARTICLES.definitions()])
    const definitions = ARTICLES.definitions()
    const [introBlock, p1, p2, p3] = definitions.children
    definitions.children = [
      introBlock!,
      p1!,
      point('(2)', [
        content('‘provider’ means a provider of number-independent interpersonal communications services;')
      ]),
      {...p2!, num: '(3)'} as typeof p2 & object,
      {...p3!, num: '(4)'} as typeof p3 & object
    ]
    const after = regulation([definitions])
    const comparison = compareDocuments(before, after)
    checkInvariants(before, after, comparison)
    const art = byAfter(comparison, 'art_3')!
    expect(art.children.map((c) => [c.status, c.before?.eId, c.after?.eId])).toEqual([
      ['unchanged', 'art_3__point_1', 'art_3__point_1'],
      ['inserted', undefined, 'art_3__point_2'],
      ['renumbered', 'art_3__point_2', 'art_3__point_3'],
      ['renumbered', 'art_3__point_3', 'art_3__point_4']
    ])
  })

  it('pairs a paragraph moved to another article (moved from Article 4(2))', () => {
    const before = baseline()
    const derogation = ARTICLES.derogation()
    const moved = derogation.children.splice(1, 1)[0]!
    const review = ARTICLES.review()
    review.children = [paragraph('1.', review.children), {...moved, num: '2.'} as typeof moved]
    const after = regulation([
      division('chapter', 'CHAPTER I', 'General provisions', [
        ARTICLES.subject(),
        ARTICLES.scope(),
        ARTICLES.definitions()
      ]),
      division('chapter', 'CHAPTER II', 'Derogation', [derogation, review, ARTICLES.entry()])
    ])
    const comparison = compareDocuments(before, after)
    checkInvariants(before, after, comparison)
    const change = byAfter(comparison, 'art_5__para_2')!
    expect(change).toMatchObject({
      status: 'moved',
      kind: 'paragraph',
      before: {eId: 'art_4__para_2', label: 'Article 4(2)'}
    })
    expect(byAfter(comparison, 'art_4')!.children.some((c) => c.before?.eId === 'art_4__para_2')).toBe(false)
  })

  it('can suppress renumbering: numbers-only changes are unchanged and updated references formal', () => {
    const before = regulation([
      ARTICLES.subject(),
      numbered(ARTICLES.definitions(), 'Article 2'),
      article('Article 3', 'Reporting', [
        content('Providers shall report the cases referred to in Article 2 to the authorities.')
      ])
    ])
    const after = regulation([
      ARTICLES.subject(),
      article('Article 2', 'Scope', [
        content(
          'This Regulation applies to providers of services offered in the Union, irrespective of their place of establishment.'
        )
      ]),
      numbered(ARTICLES.definitions(), 'Article 3'),
      article('Article 4', 'Reporting', [
        content('Providers shall report the cases referred to in Article 3 to the authorities.')
      ])
    ])
    const shown = compareDocuments(before, after)
    expect(byBefore(shown, 'art_3')).toMatchObject({status: 'renumbered', modified: true})
    expect(byBefore(shown, 'art_3')!.diff).toContainEqual({value: 'Article 2 ', removed: true})

    const quiet = compareDocuments(before, after, {showRenumbering: false})
    checkInvariants(before, after, quiet)
    expect(byBefore(quiet, 'art_2')).toMatchObject({status: 'unchanged', after: {eId: 'art_3'}})
    const reporting = byBefore(quiet, 'art_3')!
    expect(reporting.status).toBe('unchanged')
    expect(reporting.diff).toEqual([
      {value: 'Providers shall report the cases referred to in '},
      {value: 'Article 2', removed: true, formal: 'renumbering'},
      {value: 'Article 3', added: true, formal: 'renumbering'},
      {value: ' to the authorities.'}
    ])
  })

  it('does not report whitespace or quote style as a change', () => {
    const before = regulation([ARTICLES.definitions()])
    const after = regulation([ARTICLES.definitions()])
    const json = JSON.stringify(after)
      .replace(
        '‘number-independent interpersonal communications service’',
        "'number-independent interpersonal communications service'"
      )
      .replace('Article 2, point (7)', 'Article\u00a02, point (7)')
    const edited = JSON.parse(json) as Document
    const comparison = compareDocuments(before, edited)
    checkInvariants(before, edited, comparison)
    const p1 = byAfter(comparison, 'art_3__point_1')!
    expect(p1.status).toBe('unchanged')
    expect(p1.diff.filter((s) => s.added || s.removed).every((s) => s.formal === 'layout')).toBe(true)
    expect(p1.diff).toContainEqual({value: 'Article 2', removed: true, formal: 'layout'})
    expect(comparison.summary.modified).toBe(0)
  })

  it('compares the frame: title lines, formulas, signatures', () => {
    const before = baseline()
    const after = regulation(
      [
        division('chapter', 'CHAPTER I', 'General provisions', [
          ARTICLES.subject(),
          ARTICLES.scope(),
          ARTICLES.definitions()
        ]),
        division('chapter', 'CHAPTER II', 'Derogation', [ARTICLES.derogation(), ARTICLES.review(), ARTICLES.entry()])
      ],
      {
        title:
          'on a temporary derogation from certain provisions of Directive 2002/58/EC as regards combating child sexual abuse online'
      }
    )
    const comparison = compareDocuments(before, after)
    checkInvariants(before, after, comparison)
    const purpose = comparison.frame.find((f) => f.kind === 'docPurpose')!
    expect(purpose.status).toBe('modified')
    expect(purpose.diff.at(-1)).toEqual({value: ' as regards combating child sexual abuse online', added: true})
    expect(comparison.frame.map((f) => f.name ?? f.kind)).toEqual([
      'docType',
      'docPurpose',
      'actingEntity',
      'recitalsIntro',
      'enactingFormula',
      'bindingForce',
      'doneAt',
      'signature'
    ])
    expect(comparison.frame.find((f) => f.kind === 'recitalsIntro')?.beforeSeq).toBeUndefined()
  })

  it('aligns recitals with an inserted recital and keeps the rest', () => {
    const before = baseline()
    const after = regulation(
      [
        division('chapter', 'CHAPTER I', 'General provisions', [
          ARTICLES.subject(),
          ARTICLES.scope(),
          ARTICLES.definitions()
        ]),
        division('chapter', 'CHAPTER II', 'Derogation', [ARTICLES.derogation(), ARTICLES.review(), ARTICLES.entry()])
      ],
      {
        recitals: [
          'Directive 2002/58/EC lays down rules ensuring the right to privacy and confidentiality with respect to the processing of personal data in data exchanges in the electronic communication sector.',
          'The European Data Protection Supervisor was consulted and delivered an opinion on 10 November 2020.',
          'Certain providers of number-independent interpersonal communications services are currently using specific technologies to detect child sexual abuse on their services.',
          'This Regulation should apply for a limited period so that providers can continue those practices.'
        ]
      }
    )
    const comparison = compareDocuments(before, after)
    checkInvariants(before, after, comparison)
    const recitals = comparison.changes.filter((c) => c.kind === 'recital')
    expect(recitals.map((c) => [c.status, c.before?.num, c.after?.num])).toEqual([
      ['unchanged', '(1)', '(1)'],
      ['inserted', undefined, '(2)'],
      ['renumbered', '(2)', '(3)'],
      ['renumbered', '(3)', '(4)']
    ])
  })

  it('honours renames known from an amendment run', () => {
    const before = regulation([ARTICLES.subject(), ARTICLES.scope()])
    const after = regulation([ARTICLES.subject(), numbered(ARTICLES.scope(), 'Article 3')])
    const comparison = compareDocuments(before, after, {renames: {art_2: 'art_3'}})
    checkInvariants(before, after, comparison)
    expect(byBefore(comparison, 'art_2')).toMatchObject({status: 'renumbered', after: {eId: 'art_3'}})
  })

  it('counts every level and kind', () => {
    const before = baseline()
    const after = assignEids(
      regulation([
        division('chapter', 'CHAPTER I', 'General provisions', [
          ARTICLES.subject(),
          ARTICLES.scope(),
          ARTICLES.definitions()
        ]),
        division('chapter', 'CHAPTER II', 'Derogation', [ARTICLES.derogation(), ARTICLES.entry()])
      ])
    ).document
    const comparison = compareDocuments(before, after)
    const total = Object.values(comparison.summary).reduce((x, y) => x + y, 0)
    expect(total).toBe(all(comparison).length)
    const perKind = Object.values(comparison.levels ?? {}).reduce(
      (sum, counts) => sum + Object.values(counts).reduce((x, y) => x + y, 0),
      0
    )
    expect(perKind).toBe(total)
    expect(comparison.levels?.article?.deleted).toBe(1)
    expect(comparison.levels?.division?.modified).toBe(1)
  })
})
