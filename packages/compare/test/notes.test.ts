/**
 * Footnotes in the comparison: every footnote of both versions is in the
 * model (marker, text, offset), a changed note makes its provision
 * modified with the redline inside the note, and both versions rebuild
 * with their footnotes.
 */
import {describe, expect, it} from 'vitest'
import {article, assignEids, content, documentOf, paragraph, text, textOf} from '@redlex/tree'
import type {AuthorialNote, Document, Inline} from '@redlex/tree'
import {compareDocuments, reconstruct, sideText, withNotes} from '../src/index.js'
import type {Comparison, NoteChange, ProvisionChange} from '../src/index.js'

const note = (marker: string, value: string): AuthorialNote => ({
  type: 'authorialNote',
  marker,
  children: [text(value)]
})

/** One article whose paragraph 1 holds `inlines`, and a frame with a title line holding `title`. */
function act(inlines: Inline[], title: Inline[] = [text('REGULATION')], heading: Inline[] = [text('Scope')]): Document {
  const doc = documentOf([
    {type: 'preface', children: [{type: 'docType', children: title}]},
    {type: 'body', children: [article('Article 1', heading, [paragraph('1.', [content(inlines)])])]}
  ])
  return assignEids(doc).document
}

function paragraphOf(comparison: Comparison): ProvisionChange {
  return comparison.changes[0]!.children[0]!
}

function lossless(before: Document, after: Document, comparison: Comparison): void {
  expect(reconstruct(comparison, 'before')).toBe(textOf(before))
  expect(reconstruct(comparison, 'after')).toBe(textOf(after))
  expect(reconstruct(comparison, 'before', {notes: true})).toBe(textOf(before, {notes: true}))
  expect(reconstruct(comparison, 'after', {notes: true})).toBe(textOf(after, {notes: true}))
}

describe('footnotes in the comparison', () => {
  const base = [text('Regulation (EU) 2016/679'), note('1', 'OJ L 119, 4.5.2016, p. 1.'), text(' applies.')]

  it('records each footnote with its marker, text and offset; unchanged notes change nothing', () => {
    const before = act(base)
    const comparison = compareDocuments(before, act(base))
    const change = paragraphOf(comparison)
    expect(change.status).toBe('unchanged')
    expect(change.notes).toEqual([
      {
        status: 'unchanged',
        before: {marker: '1', text: 'OJ L 119, 4.5.2016, p. 1.', at: 24},
        after: {marker: '1', text: 'OJ L 119, 4.5.2016, p. 1.', at: 24},
        diff: [{value: 'OJ L 119, 4.5.2016, p. 1.'}]
      }
    ])
    expect(textOf(before, {notes: true})).toContain('Regulation (EU) 2016/679[^1: OJ L 119, 4.5.2016, p. 1.] applies.')
    lossless(before, act(base), comparison)
  })

  it('a changed footnote makes its provision modified, with the redline inside the note', () => {
    const before = act(base)
    const after = act([
      base[0]!,
      note('1', 'OJ L 119, 4.5.2016, p. 1, as corrected by OJ L 127, 23.5.2018, p. 2.'),
      base[2]!
    ])
    const comparison = compareDocuments(before, after)
    const change = paragraphOf(comparison)
    expect(change.status).toBe('modified')
    expect(comparison.changes[0]!).toMatchObject({status: 'modified', within: true})
    expect(change.diff).toEqual([{value: 'Regulation (EU) 2016/679 applies.'}])
    const [only] = change.notes!
    expect(only!.status).toBe('modified')
    expect(
      only!.diff
        .filter((s) => s.added)
        .map((s) => s.value)
        .join('')
    ).toContain('as corrected by OJ L 127')
    expect(sideText(only!.diff, 'before')).toBe('OJ L 119, 4.5.2016, p. 1.')
    expect(comparison.summary.modified).toBe(2)
    lossless(before, after, comparison)
  })

  it('a footnote removed with its marker is a deleted note, and the provision is modified', () => {
    const before = act(base)
    const after = act([text('Regulation (EU) 2016/679 applies.')])
    const comparison = compareDocuments(before, after)
    const change = paragraphOf(comparison)
    expect(change.status).toBe('modified')
    expect(change.notes).toMatchObject([
      {status: 'deleted', before: {marker: '1', at: 24}, diff: [{value: 'OJ L 119, 4.5.2016, p. 1.', removed: true}]}
    ])
    expect(change.notes![0]!.after).toBeUndefined()
    lossless(before, after, comparison)
  })

  it('a new marker for the same text is renumbered, which is not a change of the provision', () => {
    const before = act(base)
    const after = act([base[0]!, note('2', 'OJ L 119, 4.5.2016, p. 1.'), base[2]!])
    const comparison = compareDocuments(before, after)
    expect(paragraphOf(comparison).status).toBe('unchanged')
    expect(paragraphOf(comparison).notes).toMatchObject([
      {status: 'renumbered', before: {marker: '1'}, after: {marker: '2'}}
    ])
  })

  it('footnotes of headings and title lines are compared too', () => {
    const before = act(
      base,
      [text('REGULATION'), note('*', 'Text with EEA relevance.')],
      [text('Scope'), note('a', 'First note.')]
    )
    const after = act(
      base,
      [text('REGULATION'), note('*', 'Text with EEA relevance (corrected).')],
      [text('Scope'), note('a', 'Second note.')]
    )
    const comparison = compareDocuments(before, after)
    expect(comparison.frame[0]).toMatchObject({
      status: 'modified',
      notes: [{status: 'modified', before: {marker: '*', at: 10}}]
    })
    expect(comparison.changes[0]).toMatchObject({
      status: 'modified',
      notes: [{status: 'modified', place: 'heading', before: {at: 5}}]
    })
    lossless(before, after, comparison)
  })

  it('withNotes places each marker in the redline exactly once', () => {
    const before = act([text('The controller shall'), note('1', 'A.'), text(' inform the authority.')])
    const after = act([
      text('The processor shall'),
      note('2', 'B.'),
      text(' inform the authority'),
      note('3', 'C.'),
      text('.')
    ])
    const change = paragraphOf(compareDocuments(before, after))
    const items = withNotes(change.diff, change.notes)
    const notes = items.filter((i): i is {type: 'note'; note: NoteChange} => i.type === 'note').map((i) => i.note)
    expect(notes).toHaveLength(change.notes!.length)
    // The after side read off the items, markers written as [n], gives the after text with its markers.
    const afterText = items
      .map((i) =>
        i.type === 'note' ? (i.note.after ? `[${i.note.after.marker}]` : '') : i.segment.removed ? '' : i.segment.value
      )
      .join('')
    expect(afterText).toBe('The processor shall[2] inform the authority[3].')
    const beforeText = items
      .map((i) =>
        i.type === 'note'
          ? i.note.before && !i.note.after
            ? `[${i.note.before.marker}]`
            : ''
          : i.segment.added
            ? ''
            : i.segment.value
      )
      .join('')
    expect(beforeText).toBe('The controller shall inform the authority.')
  })

  it('random notes in random places rebuild exactly, with and without notes (seeded)', () => {
    let seed = 20261129
    const rand = (n: number): number => {
      seed = (seed * 1664525 + 1013904223) >>> 0
      return seed % n
    }
    const words = ['the', 'Commission', 'shall', 'Article 3', 'report', ',', ' ', 'data']
    const phrase = (max: number): string =>
      Array.from({length: rand(max + 1)}, () => words[rand(words.length)]).join(' ')
    const inlines = (): Inline[] =>
      Array.from({length: 1 + rand(6)}, () =>
        rand(3) === 0 ? note(['1', '2', '*'][rand(3)]!, phrase(3)) : text(phrase(4) || 'x')
      )
    const count = (list: Inline[]): number => list.filter((i) => i.type === 'authorialNote').length
    for (let run = 0; run < 300; run++) {
      const x = inlines()
      const y = rand(4) === 0 ? x : inlines()
      const before = act(x)
      const after = act(y)
      const comparison = compareDocuments(before, after)
      lossless(before, after, comparison)
      const change = paragraphOf(comparison)
      expect((change.notes ?? []).filter((n) => n.before).length).toBe(count(x))
      expect((change.notes ?? []).filter((n) => n.after).length).toBe(count(y))
      expect(withNotes(change.diff, change.notes).filter((i) => i.type === 'note')).toHaveLength(
        change.notes?.length ?? 0
      )
    }
  })
})
