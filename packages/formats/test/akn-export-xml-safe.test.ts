/** The AKN export is well-formed XML 1.0 whatever characters the tree's texts hold. */
import {SaxesParser} from 'saxes'
import {describe, expect, it} from 'vitest'
import {article, assignEids, content, documentOf, paragraph, textOf, type Warning} from '@redlex/tree'
import {fromAkn, toAkn} from '@redlex/formats'

function parseStrictly(xml: string): void {
  const parser = new SaxesParser({xmlns: true})
  parser.on('error', (error) => {
    throw new Error(error.message)
  })
  parser.write(xml).close()
}

const tree = (text: string, heading: string) =>
  assignEids(
    documentOf([{type: 'body', children: [article('Article 1', heading, [paragraph('1.', [content(text)])])]}])
  ).document

describe('toAkn and characters XML 1.0 forbids', () => {
  it('drops U+0001, U+FFFE, U+FFFF and other controls, warns once, and keeps the rest of the text', () => {
    const warnings: Warning[] = []
    const xml = toAkn(tree('Member\u0001 States\uFFFE shall\uFFFF act.\u001B', 'Sco\u0000pe'), {
      onWarning: (w) => warnings.push(w),
      number: '2016/\u0002679'
    })
    expect(() => parseStrictly(xml)).not.toThrow()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({code: 'tree/xml-invalid-character'})
    for (const name of ['U+0000', 'U+0001', 'U+0002', 'U+001B', 'U+FFFE', 'U+FFFF'])
      expect(warnings[0]!.message).toContain(name)
    expect(textOf(fromAkn(xml))).toBe(textOf(tree('Member States shall act.', 'Scope')))
  })

  it('the strict check is sharp: the raw text in XML fails it', () => {
    expect(() => parseStrictly('<p>a\u0001b</p>')).toThrow()
  })

  it('says nothing about a clean tree', () => {
    const warnings: Warning[] = []
    parseStrictly(toAkn(tree('Member States shall act.', 'Scope'), {onWarning: (w) => warnings.push(w)}))
    expect(warnings).toEqual([])
  })
})
