/**
 * Word edits, checked by applying them: for many generated pairs of texts,
 * the text amendments made from the edits turn the first text into the
 * second when @redlex/amend applies them.
 */
import {describe, expect, it} from 'vitest'
import {applyAmendments} from '@redlex/amend'
import {article, assignEids, content, documentOf, findByEid, textOf} from '@redlex/tree'
import {textAmendments, wordEdits} from '../src/lib/words.js'

/** A small deterministic generator (no wall clock, same cases everywhere). */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const WORDS = [
  'the',
  'report',
  'shall',
  'cover',
  'period',
  'Member',
  'States',
  'data',
  ',',
  ';',
  '(a)',
  'Article',
  '5',
  'of',
  'and',
  'or',
  '‘term’'
]

function sentence(next: () => number, length: number): string[] {
  return Array.from({length}, () => WORDS[Math.floor(next() * WORDS.length)]!)
}

function edit(next: () => number, words: string[]): string[] {
  const out = [...words]
  const changes = 1 + Math.floor(next() * 4)
  for (let i = 0; i < changes; i++) {
    const at = Math.floor(next() * (out.length + 1))
    const r = next()
    if (r < 0.33 && out.length > 1) out.splice(Math.min(at, out.length - 1), 1)
    else if (r < 0.66) out.splice(at, 0, WORDS[Math.floor(next() * WORDS.length)]!)
    else if (out.length > 0) out[Math.min(at, out.length - 1)] = WORDS[Math.floor(next() * WORDS.length)]!
  }
  return out
}

const join = (words: string[]): string => words.join(' ').replace(/ ([,;])/g, '$1')

describe('wordEdits + textAmendments', () => {
  it('give the edited text back when applied (500 generated cases)', () => {
    const next = random(20260101)
    for (let n = 0; n < 500; n++) {
      const before = join(sentence(next, 3 + Math.floor(next() * 12)))
      const after = join(edit(next, before.split(' ')))
      const doc = assignEids(
        documentOf([{type: 'body', children: [article('Article 1', undefined, [content(before)])]}])
      ).document
      const amendments = textAmendments(before, wordEdits(before, after), 'art_1', (i) => `e${i}`)
      const result = applyAmendments(doc, amendments, {targets: 'current', renumber: 'amending-act'})
      expect(textOf(findByEid(result.document, 'art_1')!, {num: false}), `${before} → ${after}`).toBe(after)
    }
  })

  it('makes one edit of changes separated by a single space', () => {
    expect(wordEdits('online platforms allowing consumers', 'online platforms that allow consumers')).toEqual([
      {start: 17, end: 25, text: 'that allow'}
    ])
  })

  it('keeps the base text’s own spacing', () => {
    expect(wordEdits('a\u00a0b c', 'a b d')).toEqual([{start: 4, end: 5, text: 'd'}])
  })
})
