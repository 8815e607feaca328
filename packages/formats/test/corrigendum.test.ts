/** Formex corrigendum (CORR) → plain-data corrections. */
import {describe, expect, it} from 'vitest'
import {findByEid, textOf} from '@redlex/tree'
import {fromFormex, guessTarget, parseCorrigendum} from '@redlex/formats'
import {HAS_CORPUS, norm, read} from './corpus.js'

describe.skipIf(!HAS_CORPUS)('GDPR corrigendum (OJ L 127, 23.5.2018)', () => {
  // vitest runs a skipped describe's body to collect its tests: read only when the corpus is there.
  const corrections = HAS_CORPUS ? parseCorrigendum(read('gdpr/corrigendum-2018/L_2018127EN.01000201.xml')) : []

  it('has 15 corrections, in order, with the location as printed', () => {
    expect(corrections).toHaveLength(15)
    expect(corrections.map((c) => c.index)).toEqual(Array.from({length: 15}, (_, i) => i + 1))
    expect(norm(corrections[0]!.location)).toBe('On page 14, recital 71, fifth and sixth sentences')
    expect(norm(corrections[9]!.location)).toBe('On page 74, Article 64(6), (7) and (8)')
  })

  it('guesses the target eIds', () => {
    expect(corrections.map((c) => c.target?.eId)).toEqual([
      'rec_71',
      'art_37__para_1__point_c',
      'art_41__para_3',
      'art_41__para_5',
      'art_42__para_7',
      'art_43__para_3',
      'art_43__para_6',
      'art_57__para_1__point_p',
      'art_64__para_1__point_c',
      'art_64__para_6',
      'art_65__para_1__point_a',
      'art_69__para_2',
      'art_70__para_1__point_l',
      'art_70__para_1__point_o',
      'art_70__para_1__point_p'
    ])
    expect(corrections[9]!.target).toEqual({eId: 'art_64__para_6', others: ['art_64__para_7', 'art_64__para_8']})
  })

  it('gives old and new text as printed, without the surrounding quotes', () => {
    const c = corrections[1]!
    expect(norm(c.old)).toBe(
      '(c) the core activities of the controller or the processor consist of processing on a large scale of special categories of data pursuant to Article 9 and personal data relating to criminal convictions and offences referred to in Article 10.'
    )
    expect(norm(c.new)).toBe(
      '(c) the core activities of the controller or the processor consist of processing on a large scale of special categories of data pursuant to Article 9 or personal data relating to criminal convictions and offences referred to in Article 10.'
    )
    expect(norm(corrections[12]!.old)).toBe(
      '(l) review the practical application of the guidelines, recommendations and best practices referred to in points (e) and (f);'
    )
    expect(norm(corrections[12]!.new)).toBe(
      '(l) review the practical application of the guidelines, recommendations and best practices;'
    )
    // Several quoted blocks are separated by a line break.
    expect(corrections[9]!.old.split('\n').map((l) => l.slice(0, 2))).toEqual(['6.', '7.', '8.'])
  })

  it("each correction's old text is in the 2016 act and its new text in the consolidated text", () => {
    const original = fromFormex(read('gdpr/original-oj-2016/L_2016119EN.01000101.xml'))
    const consolidated = fromFormex(read('gdpr/consolidated-2018/gdpr-consolidated-en.xml'))
    const c = corrections[1]!
    const words = (s: string) => norm(s.replace(/^\([a-z]\) /, ''))
    expect(norm(textOf(findByEid(original, c.target!.eId)!, {num: false}))).toBe(words(c.old))
    expect(norm(textOf(findByEid(consolidated, c.target!.eId)!, {num: false}))).toBe(words(c.new))
  })
})

describe('guessTarget', () => {
  it('reads the usual location forms', () => {
    expect(guessTarget('On page 3, recital 8')).toEqual({eId: 'rec_8'})
    expect(guessTarget('On page 55, point (c) of Article 37(1)')).toEqual({eId: 'art_37__para_1__point_c'})
    expect(guessTarget('Page 12, Article 5(1), second subparagraph')).toEqual({eId: 'art_5__para_1__subpara_2'})
    expect(guessTarget('Page 90, Annex II, point 3')).toEqual({eId: 'anx_II'})
    expect(guessTarget('Page 1, title')).toBeUndefined()
  })
})
