/** Bad amendment data ends in a coded error, never in a crash or in wrong text. */
import {describe, expect, it} from 'vitest'
import {applyAmendments, loadAmendments, type Amendment} from '@redlex/amend'
import {article, assignEids, content, documentOf, isRedlexError, paragraph, textOf} from '@redlex/tree'

const base = () =>
  assignEids(
    documentOf([{type: 'body', children: [article('Article 1', 'Scope', [paragraph('1.', [content('It applies.')])])]}])
  ).document

/** An alias bomb: each line repeats the one before ten times (10^12 strings if expanded). */
function aliasBomb(levels = 12): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
  for (let i = 1; i < levels; i++)
    lines.push(`a${i}: &a${i} [${Array.from({length: 10}, () => `*a${i - 1}`).join(', ')}]`)
  return lines.join('\n') + '\n'
}

describe('spliceText with an inserted node that has no text', () => {
  for (const insert of [
    [{type: 'text'}],
    [{type: 'emphasis', children: [{type: 'text', value: 1}]}],
    [{type: 'ref', targets: []}]
  ]) {
    it(`fails with amend/invalid-field instead of writing "undefined" (${JSON.stringify(insert)})`, () => {
      const amendment = {
        id: 's1',
        type: 'spliceText',
        target: 'art_1__para_1',
        block: 0,
        start: 0,
        end: 0,
        insert
      } as unknown as Amendment
      let caught: unknown
      try {
        const result = applyAmendments(base(), [amendment])
        expect(textOf(result.document)).not.toContain('undefined')
      } catch (error) {
        caught = error
      }
      expect(isRedlexError(caught)).toBe(true)
      expect((caught as {code: string}).code).toBe('amend/invalid-field')
    })
  }

  it('still splices a well-formed insert', () => {
    const amendment: Amendment = {
      id: 's1',
      type: 'spliceText',
      target: 'art_1__para_1',
      block: 0,
      start: 3,
      end: 10,
      insert: [{type: 'text', value: 'is void'}]
    }
    expect(textOf(applyAmendments(base(), [amendment]).document)).toContain('It is void.')
  })
})

describe('an amendments file that is a YAML alias bomb', () => {
  it('fails with amend/yaml-unreadable naming the file', () => {
    let caught: unknown
    try {
      loadAmendments(aliasBomb(), {file: 'bomb.yaml'})
    } catch (error) {
      caught = error
    }
    expect(isRedlexError(caught)).toBe(true)
    expect(caught).toMatchObject({code: 'amend/yaml-unreadable', file: 'bomb.yaml'})
    expect(String(caught)).toMatch(/^bomb\.yaml: Cannot turn the YAML into data: .*alias.*\[amend\/yaml-unreadable\]$/)
  })
})
