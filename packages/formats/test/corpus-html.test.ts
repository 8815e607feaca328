/**
 * The corpus HTML files (Cellar proposals, EUR-Lex page): counts from
 * corpus/README.md, and exactly which warnings each import gives — every
 * one a real defect of the source, none a lost heading.
 */
import {describe, expect, it} from 'vitest'
import {countProvisions} from '@redlex/tree'
import {importDocument} from '@redlex/formats'
import {HAS_CORPUS, kids, ownText, read} from './corpus.js'

const files = [
  {
    path: 'ai-act/proposal-com-2021-206.xhtml',
    counts: {recitals: 89, articles: 85},
    warnings: {'formats/duplicate-number': 2, 'formats/skipped-number': 1}
  },
  {
    path: 'dsa/proposal-com-2020-825.xhtml',
    counts: {recitals: 106, articles: 74},
    warnings: {'formats/skipped-number': 1}
  },
  {path: 'csa-proposal/proposal-com-2022-209.html', counts: {recitals: 84, articles: 89, annexes: 8}, warnings: {}},
  {path: 'ai-act/final-eurlex.html', counts: {recitals: 180, articles: 113, annexes: 13}, warnings: {}}
]

function byCode(warnings: ReadonlyArray<{code: string}>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const w of warnings) out[w.code] = (out[w.code] ?? 0) + 1
  return out
}

describe.skipIf(!HAS_CORPUS)('corpus HTML: counts and warnings per file', () => {
  for (const file of files) {
    it(file.path, () => {
      const {document, warnings} = importDocument(read(file.path), {file: file.path})
      expect(countProvisions(document)).toMatchObject(file.counts)
      expect(byCode(warnings)).toEqual(file.warnings)
    })
  }

  it('the source defects are the ones reported: (a) twice in Article 1 and (1), (1), (3) in Article 3 of the AI Act proposal', () => {
    const {document, warnings} = importDocument(read('ai-act/proposal-com-2021-206.xhtml'))
    expect(kids(document, 'art_1').slice(0, 2)).toEqual(['art_1__point_a', 'art_1__point_a_2'])
    expect(warnings.map((w) => w.message.replace(/^\d+:\d+: /, ''))).toEqual([
      'point (a) (art_1__point_a_2) has the same number as the point before it (art_1__point_a): kept as in the source [formats/duplicate-number]',
      'point (1) (art_3__point_1_2) has the same number as the point before it (art_3__point_1): kept as in the source [formats/duplicate-number]',
      'point (3) (art_3__point_3) follows (1): numbers skip; kept as in the source [formats/skipped-number]'
    ])
  })

  it('a paragraph style without a printed number continues the paragraph (AI Act proposal, Article 15(3) and 29(4))', () => {
    const {document} = importDocument(read('ai-act/proposal-com-2021-206.xhtml'))
    expect(kids(document, 'art_15')).toEqual(['art_15__para_1', 'art_15__para_2', 'art_15__para_3', 'art_15__para_4'])
    expect(kids(document, 'art_15__para_3')).toEqual(['art_15__para_3__subpara_2', 'art_15__para_3__subpara_3'])
    expect(ownText(document, 'art_15__para_3__subpara_2')).toMatch(
      /^The robustness of high-risk AI systems may be achieved/
    )
    expect(kids(document, 'art_29')).toEqual([
      'art_29__para_1',
      'art_29__para_2',
      'art_29__para_3',
      'art_29__para_4',
      'art_29__para_5',
      'art_29__para_6'
    ])
  })
})
