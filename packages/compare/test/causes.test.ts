import {describe, expect, it} from 'vitest'
import {content, division, paragraph} from '@redlex/tree'
import {compareDocuments, verify} from '../src/index.js'
import type {ChangeLogEntry, Comparison, IscInfo, ProvisionChange} from '../src/index.js'
import {ARTICLES, baseline, numbered, regulation} from './fixtures.js'

const ISC: IscInfo = {
  reference: 'ISC/2020/06507',
  date: '2020-09-02',
  title: 'Temporary derogation from Directive 2002/58/EC',
  conclusions: [
    {id: 'C1', text: 'Align the reporting deadline with the review.', requestedBy: ['SJ']},
    {id: 'C2', text: 'Involve the Commission in reporting.', requestedBy: 'HOME'}
  ]
}

/** The post-ISC text: paragraph 2 of Article 4 gets a new deadline and the Commission as addressee. */
function postIsc(options: {extra?: boolean} = {}) {
  const derogation = ARTICLES.derogation()
  derogation.children[1] = paragraph('2.', [
    content(
      'Providers shall publish and submit to the competent supervisory authority and to the Commission a report on the processing by 3 August 2026.'
    )
  ])
  const review = ARTICLES.review()
  if (options.extra)
    review.children = [
      content(
        'By 3 August 2023, the Commission shall submit a report on the implementation of this Regulation to the European Parliament, to the Council and to the Board.'
      )
    ]
  return regulation([
    division('chapter', 'CHAPTER I', 'General provisions', [
      ARTICLES.subject(),
      ARTICLES.scope(),
      ARTICLES.definitions()
    ]),
    division('chapter', 'CHAPTER II', 'Derogation', [derogation, review, ARTICLES.entry()])
  ])
}

const LOG: ChangeLogEntry[] = [
  {
    amendment: 'a1',
    type: 'substitute',
    provenance: {conclusion: 'C1', services: ['SJ'], note: 'deadline'},
    description: 'In Article 4(2), "3 August 2024" is replaced by "3 August 2026".',
    effects: [{action: 'modified', before: 'art_4__para_2', after: 'art_4__para_2'}]
  },
  {
    amendment: 'a2',
    type: 'insert',
    provenance: {conclusion: 'C2', services: ['HOME']},
    description: 'In Article 4, the Commission is added as addressee.',
    effects: [{action: 'modified', before: 'art_4', after: 'art_4'}]
  }
]

function find(comparison: Comparison, eId: string): ProvisionChange | undefined {
  let found: ProvisionChange | undefined
  const visit = (list: ProvisionChange[]): void => {
    for (const change of list) {
      if (change.after?.eId === eId) found = change
      visit(change.children)
    }
  }
  visit(comparison.changes)
  return found
}

describe('causes', () => {
  it('gives a change the amendments whose effects name it or an ancestor, with conclusion texts', () => {
    const comparison = compareDocuments(baseline(), postIsc(), {log: LOG, isc: ISC})
    // The consultation as the outputs show it: a lone `requestedBy` becomes a list, amendments their ids.
    expect(comparison.isc).toEqual({
      reference: 'ISC/2020/06507',
      date: '2020-09-02',
      title: 'Temporary derogation from Directive 2002/58/EC',
      conclusions: [
        {id: 'C1', text: 'Align the reporting deadline with the review.', requestedBy: ['SJ'], amendments: []},
        {id: 'C2', text: 'Involve the Commission in reporting.', requestedBy: ['HOME'], amendments: []}
      ]
    })
    expect(find(comparison, 'art_4__para_2')?.causes).toEqual([
      {
        amendment: 'a1',
        type: 'substitute',
        conclusion: 'C1',
        conclusionText: 'Align the reporting deadline with the review.',
        services: ['SJ'],
        note: 'deadline'
      },
      {
        amendment: 'a2',
        type: 'insert',
        conclusion: 'C2',
        conclusionText: 'Involve the Commission in reporting.',
        services: ['HOME']
      }
    ])
    // Article 4 only changed within: its causes sit on the paragraph, not repeated here.
    expect(find(comparison, 'art_4')?.causes).toBeUndefined()
  })

  it('leaves causes out when the log does not explain a change (never guessed)', () => {
    const comparison = compareDocuments(baseline(), postIsc({extra: true}), {log: LOG, isc: ISC})
    const review = find(comparison, 'art_5')!
    expect(review.status).toBe('modified')
    expect('causes' in review).toBe(false)
  })

  it('leaves causes out without a log', () => {
    const comparison = compareDocuments(baseline(), postIsc())
    expect('causes' in find(comparison, 'art_4__para_2')!).toBe(false)
  })
})

describe('verify', () => {
  it('is ok when every change is explained and every amendment shows', () => {
    const report = verify(baseline(), postIsc(), {log: LOG, isc: ISC})
    expect(report.ok).toBe(true)
    expect(report.explained).toEqual([
      {
        change: {
          status: 'modified',
          kind: 'paragraph',
          label: 'Article 4(2)',
          before: 'art_4__para_2',
          after: 'art_4__para_2'
        },
        amendments: ['a1', 'a2']
      }
    ])
    expect(report.counts).toEqual({
      changes: 1,
      explained: 1,
      unexplained: 0,
      amendments: 2,
      reflected: 2,
      unreflected: 0
    })
  })

  it('reports a hand edit that no amendment explains', () => {
    const report = verify(baseline(), postIsc({extra: true}), {log: LOG, isc: ISC})
    expect(report.ok).toBe(false)
    // With the words the hand edit changed (this log records no texts: verified provision by provision).
    expect(report.unexplained).toEqual([
      {
        status: 'modified',
        kind: 'article',
        label: 'Article 5',
        before: 'art_5',
        after: 'art_5',
        words: [{removed: 'and', added: ','}, {added: 'and to the Board'}]
      }
    ])
  })

  it('reports an amendment the text does not show', () => {
    const log: ChangeLogEntry[] = [
      ...LOG,
      {
        amendment: 'a3',
        type: 'delete',
        provenance: {conclusion: 'C3'},
        description: 'Article 6 is deleted.',
        effects: [{action: 'deleted', before: 'art_6'}]
      },
      {
        amendment: 'a4',
        type: 'insert',
        provenance: {},
        description: 'Point (c) is inserted.',
        effects: [{action: 'inserted', after: 'art_4__para_1__point_c'}]
      }
    ]
    const report = verify(baseline(), postIsc(), {log, isc: ISC})
    expect(report.ok).toBe(false)
    expect(report.unreflected).toEqual([
      {
        amendment: 'a3',
        conclusion: 'C3',
        description: 'Article 6 is deleted.',
        effects: [{action: 'deleted', before: 'art_6'}]
      },
      {
        amendment: 'a4',
        description: 'Point (c) is inserted.',
        effects: [{action: 'inserted', after: 'art_4__para_1__point_c'}]
      }
    ])
    expect(report.unexplained).toEqual([])
  })

  it('counts a deletion that shows only as a modification as not reflected', () => {
    const log: ChangeLogEntry[] = [
      {
        amendment: 'd1',
        type: 'delete',
        provenance: {},
        description: 'Article 4(2) is deleted.',
        effects: [{action: 'deleted', before: 'art_4__para_2'}]
      }
    ]
    const report = verify(baseline(), postIsc(), {log})
    expect(report.unreflected.map((u) => u.amendment)).toEqual(['d1'])
    // The modification is still explained by the effect naming that paragraph.
    expect(report.unexplained).toEqual([])
  })

  it('sees renumbering effects through the aligned pairs', () => {
    const before = regulation([ARTICLES.subject(), ARTICLES.scope()])
    const after = regulation([
      ARTICLES.subject(),
      numbered(ARTICLES.review(), 'Article 2'),
      numbered(ARTICLES.scope(), 'Article 3')
    ])
    const log: ChangeLogEntry[] = [
      {
        amendment: 'r1',
        type: 'insert',
        provenance: {conclusion: 'C1'},
        description: 'Article 2 is inserted.',
        effects: [
          {action: 'inserted', after: 'art_2'},
          {action: 'renumbered', before: 'art_2', after: 'art_3'}
        ]
      }
    ]
    const report = verify(before, after, {log})
    expect(report.ok).toBe(true)
    expect(report.explained.map((e) => [e.change.status, e.change.label])).toEqual([
      ['inserted', 'Article 2'],
      ['renumbered', 'Article 3']
    ])
  })
})
