/**
 * Every fenced YAML/JSON example in docs/amendments.md and docs/isc.md is
 * complete and valid: amendment lists load with loadAmendments, records with
 * loadIscRecord; the seed draft examples apply.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {applyAmendments, loadAmendments} from '@redlex/amend'
import {fromMarkdown, parseFragment, toMarkdown} from '@redlex/markdown'
import {amendmentsOf, loadIscRecord} from '@redlex/isc'

const docs = new URL('../../../docs/', import.meta.url)
const blocks = (name: string): Array<{lang: string; text: string; line: number}> => {
  const source = readFileSync(new URL(name, docs), 'utf8')
  const out: Array<{lang: string; text: string; line: number}> = []
  const re = /^```(yaml|json)\n([\s\S]*?)^```$/gm
  for (const m of source.matchAll(re))
    out.push({lang: m[1]!, text: m[2]!, line: source.slice(0, m.index).split('\n').length})
  return out
}

describe('fenced examples in docs/', () => {
  it('amendments.md: every example is a valid amendment list, and every type has one', () => {
    const found = blocks('amendments.md')
    expect(found.length).toBeGreaterThanOrEqual(14)
    const types = new Set<string>()
    for (const block of found) {
      const list = loadAmendments(block.text, {file: `docs/amendments.md:${block.line}`})
      for (const a of list) types.add(a.type)
    }
    expect([...types].sort()).toEqual([
      'delete',
      'deleteText',
      'insert',
      'insertText',
      'move',
      'moveRepealToRecitals',
      'placeholder',
      'renumber',
      'replace',
      'setHeading',
      'setNum',
      'spliceText',
      'substitute',
      'sunset'
    ])
  })

  it('amendments.md: the examples written for the seed draft apply to it', () => {
    const source = readFileSync(new URL('../examples/eprivacy-derogation/pre-isc.md', docs), 'utf8')
    const draft = fromMarkdown(source)
    const apply = (index: number): string =>
      toMarkdown(
        applyAmendments(draft, loadAmendments(blocks('amendments.md')[index]!.text), {
          parseFragment,
          renumber: 'amending-act'
        }).document
      )
    expect(apply(0)).toContain(
      '(3) ‘provider’ means a provider of number-independent interpersonal communications services.'
    )
    expect(apply(1)).toContain(
      '(3) ‘provider’ means a provider of number-independent interpersonal communications services.'
    )
    expect(apply(2)).toContain('### Article 3a\n\n#### Guidance')
    // the spliceText example undoes the substitution in recital 1
    const substituted = applyAmendments(draft, [
      {id: 's', type: 'substitute', target: 'rec_1', text: 'communication sector', by: 'communications sector'}
    ]).document
    const splice = loadAmendments(blocks('amendments.md').find((b) => b.text.includes('spliceText'))!.text)
    expect(
      toMarkdown(applyAmendments(substituted, splice, {targets: 'current', renumber: 'amending-act'}).document)
    ).toBe(source)
  })

  it('isc.md: the record example loads and its amendments apply to the seed draft', () => {
    const found = blocks('isc.md')
    expect(found).toHaveLength(1)
    const record = loadIscRecord(found[0]!.text, {file: 'docs/isc.md'})
    const draft = fromMarkdown(readFileSync(new URL('../examples/eprivacy-derogation/pre-isc.md', docs), 'utf8'))
    const result = applyAmendments(draft, amendmentsOf(record), {parseFragment})
    expect(toMarkdown(result.document)).toContain('It shall apply until 15 July 2024.')
  })
})
