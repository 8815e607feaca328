/**
 * Small Formex and AKN files written for each variant the importers must
 * recognise by family (see fixtures/): they run in a clean clone, without
 * the corpus.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {fromMarkdown, toMarkdown} from '@redlex/markdown'
import {importDocument} from '@redlex/formats'
import {inlineText, listProvisions, type Document, type Recitals} from '@redlex/tree'
import {comparable} from '../../../test/lossless.js'

function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')
}

function recitalsOf(document: Document): Recitals {
  const preamble = document.children.find((c) => c.type === 'preamble')
  const recitals = preamble?.children.find((c) => c.type === 'recitals')
  if (!recitals || recitals.type !== 'recitals') throw new Error('no recitals')
  return recitals
}

describe("the recitals' introduction, wherever the source puts it", () => {
  const variants = [
    'formex-whereas-init.xml',
    'formex-whereas-in-consid.xml',
    'akn-whereas-in-recital.xml',
    'formex-glued-recital-number.xml'
  ]
  it.each(variants)('%s: `Whereas:` is the introduction, not a recital', (name) => {
    const {document} = importDocument(fixture(name), {file: name})
    const recitals = recitalsOf(document)
    expect(inlineText(recitals.intro ?? [])).toBe('Whereas:')
    expect(recitals.children.map((r) => [r.eId, r.num])).toEqual([
      ['rec_1', '(1)'],
      ['rec_2', '(2)']
    ])
  })

  it.each(variants)('%s survives a Markdown round trip (strict reader, same tree)', (name) => {
    const {document} = importDocument(fixture(name), {file: name})
    const back = fromMarkdown(toMarkdown(document))
    expect(comparable(back)).toEqual(comparable(document))
    expect(listProvisions(back).filter((p) => p.node.type === 'citation')).toHaveLength(1)
  })

  it('a recital number glued to its text is read as its number, with a warning', () => {
    const {document, warnings} = importDocument(fixture('formex-glued-recital-number.xml'), {file: 'glued.xml'})
    const first = recitalsOf(document).children[0]!
    expect(first.num).toBe('(1)')
    expect(inlineText(first.children[0]!.type === 'content' ? first.children[0]!.children : [])).toBe(
      'Widgets should be safe.'
    )
    expect(warnings.map((w) => w.code)).toContain('formats/glued-number')
  })
})
