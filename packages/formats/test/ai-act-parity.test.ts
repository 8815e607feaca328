/**
 * The AI Act imported from Formex (act + 13 annex files) and from the
 * EUR-Lex HTML page gives the same provisions (same eIds, same order) with
 * the same text, whitespace normalised, provision by provision.
 */
import {describe, expect, it} from 'vitest'
import {listProvisions, textOf} from '@redlex/tree'
import type {Document} from '@redlex/tree'
import {fromEurlexHtml, fromFormex} from '@redlex/formats'
import {HAS_CORPUS, aiActAnnexes, norm, read} from './corpus.js'

function provisions(doc: Document): Array<{eId: string; type: string; num: string; text: string}> {
  return listProvisions(doc).map(({node}) => ({
    eId: node.eId,
    type: node.type,
    num: norm(node.num ?? ''),
    text: norm(textOf(node, {deep: false}))
  }))
}

describe.skipIf(!HAS_CORPUS)('AI Act: Formex and EUR-Lex HTML agree', () => {
  // vitest runs a skipped describe's body to collect its tests: read only when the corpus is there.
  const formex = HAS_CORPUS
    ? provisions(fromFormex(read('ai-act/final-formex/L_202401689EN.000101.fmx.xml'), {annexes: aiActAnnexes()}))
    : []
  const html = HAS_CORPUS ? provisions(fromEurlexHtml(read('ai-act/final-eurlex.html'))) : []

  it('has the same provisions in the same order', () => {
    expect(formex.length).toBe(1610) // provisions of all kinds; annex lists after headings hang in the annex
    expect(html.map((p) => p.eId)).toEqual(formex.map((p) => p.eId))
  })

  it('gives every provision the same type, number and text', () => {
    const byId = new Map(html.map((p) => [p.eId, p]))
    const mismatches: string[] = []
    for (const p of formex) {
      const q = byId.get(p.eId)
      if (!q) mismatches.push(`${p.eId}: only in Formex`)
      else if (q.type !== p.type || q.num !== p.num || q.text !== p.text) {
        let i = 0
        while (i < p.text.length && p.text[i] === q.text[i]) i++
        mismatches.push(
          `${p.eId}: Formex "…${p.text.slice(Math.max(0, i - 30), i + 40)}" vs HTML "…${q.text.slice(Math.max(0, i - 30), i + 40)}"`
        )
      }
    }
    expect(mismatches).toEqual([])
  })

  it('covers recitals, articles, points, indents and annexes', () => {
    const types = new Set(formex.map((p) => p.type))
    expect([...types].sort()).toEqual([
      'annex',
      'article',
      'citation',
      'division',
      'indent',
      'paragraph',
      'point',
      'recital',
      'subparagraph'
    ])
  })
})
