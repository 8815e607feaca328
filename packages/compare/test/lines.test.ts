/**
 * Lists compared as lists of lines (frame blocks, footnotes of one place):
 * aligned by content, never by position, so one inserted line shifts
 * nothing after it.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {article, assignEids, content, documentOf, paragraph, textOf} from '@redlex/tree'
import type {Document} from '@redlex/tree'
import {compareDocuments, reconstruct, sideText} from '../src/index.js'
import type {Comparison, FrameChange} from '../src/index.js'
import {alignLines, MAX_GAP_CELLS} from '../src/lib/lines.js'

const PLAIN = {group: () => '', text: (line: string) => line}

/** A document whose conclusions hold `lines` (as the lenient Markdown reader keeps an annex it cannot read). */
function withFrame(lines: readonly string[]): Document {
  return assignEids(
    documentOf([
      {type: 'body', children: [article('Article 1', 'Subject', [paragraph('1.', [content('The text.')])])]},
      {type: 'conclusions', children: lines.map((line) => content(line))}
    ])
  ).document
}

function frameOf(before: readonly string[], after: readonly string[]): {comparison: Comparison; frame: FrameChange[]} {
  const b = withFrame(before)
  const a = withFrame(after)
  const comparison = compareDocuments(b, a)
  expect(reconstruct(comparison, 'before')).toBe(textOf(b))
  expect(reconstruct(comparison, 'after')).toBe(textOf(a))
  return {comparison, frame: comparison.frame}
}

const ANNEX = [
  'ANNEX II',
  'LIST OF UNION HARMONISATION LEGISLATION',
  'Section A. List of Union harmonisation legislation based on the New Legislative Framework',
  '1. Directive 2006/42/EC of the European Parliament and of the Council of 17 May 2006 on machinery;',
  '2. Directive 2009/48/EC of the European Parliament and of the Council of 18 June 2009 on the safety of toys;',
  '3. Directive 2013/53/EU of the European Parliament and of the Council of 20 November 2013 on recreational craft;',
  'Section B. List of other Union harmonisation legislation'
]

describe('frame lines are aligned by content', () => {
  it('a line inserted at the top of the list shifts nothing else', () => {
    const {frame} = frameOf(ANNEX, ['Inserted first line', ...ANNEX])
    expect(frame.map((f) => f.status)).toEqual(['inserted', ...ANNEX.map(() => 'unchanged')])
    expect(frame[0]!.afterSeq).toBeDefined()
    expect(frame[0]!.beforeSeq).toBeUndefined()
  })

  it('a line deleted in the middle leaves the lines after it unchanged', () => {
    const after = ANNEX.filter((_, i) => i !== 3)
    const {frame} = frameOf(ANNEX, after)
    expect(frame.map((f) => f.status)).toEqual(ANNEX.map((_, i) => (i === 3 ? 'deleted' : 'unchanged')))
  })

  it('an edited line is modified and redlined word by word, between an inserted and a deleted one', () => {
    const after = [...ANNEX]
    after.splice(1, 0, 'A new line of its own')
    after[4] = after[4]!.replace('on machinery', 'on machinery and amending Directive 95/16/EC')
    after.splice(6, 1)
    const {frame, comparison} = frameOf(ANNEX, after)
    expect(frame.map((f) => f.status)).toEqual([
      'unchanged',
      'inserted',
      'unchanged',
      'unchanged',
      'modified',
      'unchanged',
      'deleted',
      'unchanged'
    ])
    const edited = frame[4]!
    expect(edited.diff.filter((s) => s.added)).toEqual([{value: ' and amending Directive 95/16/EC', added: true}])
    expect(edited.diff.some((s) => s.removed)).toBe(false)
    expect(sideText(edited.diff, 'before')).toBe(ANNEX[3])
    expect(comparison.frame.filter((f) => f.status !== 'unchanged')).toHaveLength(3)
  })

  it('pairs leftover lines by similarity, not by position', () => {
    // Between the two anchors, the first line is replaced by an unrelated one and the second edited:
    // by position the unrelated line would be a "modification" of the edited one.
    const before = ['Anchor one', 'the AI systems intended to be used for risk assessment and pricing', 'Anchor two']
    const after = [
      'Anchor one',
      'A wholly different heading',
      'the AI systems intended to be used for risk assessment of natural persons and pricing',
      'Something else again',
      'Anchor two'
    ]
    const {frame} = frameOf(before, after)
    expect(frame.map((f) => f.status)).toEqual(['unchanged', 'inserted', 'modified', 'inserted', 'unchanged'])
  })

  it('keeps a line of one kind from pairing with a line of another kind', () => {
    const pairs = alignLines(
      [
        {kind: 'doneAt', text: 'Done at Brussels'},
        {kind: 'content', text: 'x'}
      ],
      [{kind: 'signature', text: 'Done at Brussels,'}],
      {group: (line) => line.kind, text: (line) => line.text}
    ).pairs
    expect(pairs.every(([b, a]) => b === undefined || a === undefined)).toBe(true)
  })

  it('a line replaced by an unrelated one is deleted and inserted, one edited is paired', () => {
    expect(alignLines(['a', 'old words', 'b'], ['a', 'entirely new', 'b'], PLAIN).pairs).toEqual([
      ['a', 'a'],
      ['old words', undefined],
      [undefined, 'entirely new'],
      ['b', 'b']
    ])
    expect(alignLines(['(b)', 'Done at Brussels,'], ['(c)', 'Done at Luxembourg,'], PLAIN).pairs).toEqual([
      ['(b)', '(c)'],
      ['Done at Brussels,', 'Done at Luxembourg,']
    ])
  })

  it('leaves a gap too large to pair unpaired, and says so', () => {
    const side = Math.ceil(Math.sqrt(MAX_GAP_CELLS)) + 1
    const before = Array.from({length: side}, (_, i) => `old line number ${i}`)
    const after = Array.from({length: side}, (_, i) => `new line number ${i}`)
    const {pairs, fallback} = alignLines(before, after, PLAIN)
    expect(fallback).toBe(true)
    expect(pairs.filter(([b, a]) => b !== undefined && a !== undefined)).toHaveLength(0)
    expect(pairs).toHaveLength(2 * side)
  })
})

/** One edit of a list of lines: keep, delete, insert a new line before, or edit words of a line. */
type Edit = 'keep' | 'delete' | 'insert' | 'edit'

describe('frame alignment on random line lists (property)', () => {
  it('reports each line as edited: unedited ones unchanged, and rebuilds both texts', () => {
    const words = fc.constantFrom('the', 'Member', 'States', 'shall', 'Directive', 'Council', '(a)', '2013/53/EU', ';')
    // Distinct lines of 6 to 10 words, so that a line edited by one word stays similar to itself.
    const line = fc.array(words, {minLength: 6, maxLength: 10}).map((w) => w.join(' '))
    const lines = fc.uniqueArray(line, {minLength: 0, maxLength: 12})
    const edits = fc.array(fc.constantFrom<Edit>('keep', 'keep', 'keep', 'delete', 'insert', 'edit'), {
      minLength: 12,
      maxLength: 12
    })
    fc.assert(
      fc.property(lines, edits, (before, plan) => {
        const after: string[] = []
        const expected: Array<{status: FrameChange['status']; text: string}> = []
        before.forEach((text, i) => {
          const edit = plan[i]!
          if (edit === 'insert') {
            const fresh = `Inserted line ${i} with words of its own`
            after.push(fresh)
            expected.push({status: 'inserted', text: fresh})
          }
          if (edit === 'delete') {
            expected.push({status: 'deleted', text})
            return
          }
          const next = edit === 'edit' ? `${text} amended` : text
          after.push(next)
          expected.push({status: edit === 'edit' ? 'modified' : 'unchanged', text: next})
        })
        const {frame} = frameOf(before, after)
        const actual = frame.map((f) => ({
          status: f.status,
          text: sideText(f.diff, f.status === 'deleted' ? 'before' : 'after')
        }))
        expect(actual).toEqual(expected)
      }),
      {seed: 20261129, numRuns: 200}
    )
  })
})
