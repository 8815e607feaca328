import {describe, expect, it} from 'vitest'
import {
  article,
  assignEids,
  content,
  documentOf,
  intro,
  paragraph,
  point,
  subparagraph,
  text,
  textOf,
  wrapUp
} from '@redlex/tree'
import type {Annex, Document} from '@redlex/tree'
import {compareDocuments, reconstruct} from '../src/index.js'
import type {Comparison} from '../src/index.js'
import {ARTICLES, baseline, regulation} from './fixtures.js'

function annex(num: string, heading: string | undefined, rows: string[][], extra = ''): Annex {
  const node: Annex = {
    type: 'annex',
    eId: '',
    num,
    children: [
      {type: 'heading', depth: 2, children: [text('Part A')]},
      {
        type: 'table',
        children: rows.map((cells) => ({
          type: 'tableRow' as const,
          children: cells.map((c) => ({type: 'tableCell' as const, children: [text(c)]}))
        }))
      },
      content('Points referred to in Article 4' + extra),
      point('1.', [content('first item')]),
      content('Text after the points.')
    ]
  }
  if (heading !== undefined) node.heading = [text(heading)]
  return node
}

function tricky(variant: 0 | 1): Document {
  const art = article(
    'Article 1',
    [],
    [
      paragraph('1.', [
        intro('Member States shall:'),
        point('(a)', [
          content([
            'inform the Commission',
            {type: 'authorialNote', marker: '1', children: [text('OJ L 1, 1.1.2020, p. 1.')]},
            ';'
          ])
        ]),
        point('(b)', [content(variant === 0 ? 'report;' : 'report annually;')]),
        wrapUp('by 3 August 2024.'),
        subparagraph([content('')]),
        subparagraph([content(['Line one', {type: 'break'}, 'line two'])])
      ])
    ]
  )
  const doc = documentOf([
    {type: 'preface', children: [{type: 'docType', children: [text('REGULATION')]}]},
    {
      type: 'body',
      children: [
        art,
        article('Article 2', undefined, [
          content(variant === 0 ? 'Deleted later.' : 'Replaced text entirely different here.')
        ])
      ]
    },
    {
      type: 'conclusions',
      children: [{type: 'signature', children: [text('For the Council'), {type: 'break'}, text('The President')]}]
    },
    annex(
      'ANNEX I',
      variant === 0 ? 'List' : 'List of services',
      [
        ['Service', 'Code'],
        ['A', variant === 0 ? '1' : '2']
      ],
      variant === 0 ? '' : ' and Article 5'
    ),
    ...(variant === 1 ? [annex('ANNEX II', undefined, [])] : [])
  ])
  return assignEids(doc).document
}

function roundTrip(before: Document, after: Document, comparison: Comparison = compareDocuments(before, after)): void {
  expect(reconstruct(comparison, 'before')).toBe(textOf(before))
  expect(reconstruct(comparison, 'after')).toBe(textOf(after))
  // From the JSON form too: the model alone is enough.
  const json = JSON.parse(JSON.stringify(comparison)) as Comparison
  expect(reconstruct(json, 'before')).toBe(textOf(before))
}

describe('reconstruct', () => {
  it('rebuilds wrap-ups, empty blocks, line breaks, footnotes, tables and annex text', () => {
    roundTrip(tricky(0), tricky(1))
    roundTrip(tricky(1), tricky(0))
    roundTrip(tricky(0), tricky(0))
  })

  it('rebuilds texts compared with an empty document', () => {
    const empty = documentOf([])
    roundTrip(empty, baseline())
    roundTrip(baseline(), empty)
    expect(reconstruct(compareDocuments(empty, empty), 'after')).toBe('')
  })

  it('rebuilds both texts after a time-budget fallback', () => {
    const before = regulation([ARTICLES.subject()])
    const after = regulation([ARTICLES.scope()])
    roundTrip(before, after, compareDocuments(before, after, {maxEditLength: 1}))
  })

  it('refuses a comparison with entries missing', () => {
    const comparison = compareDocuments(baseline(), baseline())
    comparison.changes.pop()
    expect(() => reconstruct(comparison, 'before')).toThrowError(/missing from the comparison/)
  })
})
