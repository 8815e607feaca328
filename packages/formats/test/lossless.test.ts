/**
 * Lossless Markdown for real acts (issue 11): for every corpus act, the
 * strict Markdown reader takes the writer's output and gives the same tree
 * (randomized trees: packages/markdown/test/lossless.property.test.ts).
 */
import {describe, expect, it} from 'vitest'
import {fromMarkdown, toMarkdown} from '@redlex/markdown'
import {importDocument} from '@redlex/formats'
import {comparable} from '../../../test/lossless.js'
import {HAS_CORPUS, aiActAnnexes, read} from './corpus.js'

const CORPUS_ACTS = [
  'gdpr/original-oj-2016/L_2016119EN.01000101.xml',
  'gdpr/consolidated-2018/gdpr-consolidated-en.xml',
  'ai-act/final-formex/L_202401689EN.000101.fmx.xml',
  'ai-act/final-eurlex.html',
  'ai-act/proposal-com-2021-206.xhtml',
  'dsa/proposal-com-2020-825.xhtml',
  'dsa/final-formex.xml',
  'csa-proposal/proposal-com-2022-209.html',
  'akn/join-2022-19-akn4eu.xml',
  'akn/directive-2014-92.akn.xml',
  'akn/com-2025-162-DIR-cmcxketrh00ca8x00qxqd29bn-en.xml'
]

describe.skipIf(!HAS_CORPUS)('every corpus act: fromMarkdown(toMarkdown(t)) gives t (strict reader)', () => {
  for (const path of HAS_CORPUS ? CORPUS_ACTS : []) {
    it(path, () => {
      const {document} = importDocument(read(path), path.includes('final-formex/') ? {annexes: aiActAnnexes()} : {})
      const back = fromMarkdown(toMarkdown(document))
      expect(comparable(back)).toEqual(comparable(document))
    })
  }
})
