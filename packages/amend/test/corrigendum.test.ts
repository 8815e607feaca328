import {describe, expect, it} from 'vitest'
import {
  article,
  assignEids,
  content,
  documentOf,
  findByEid,
  paragraph,
  point,
  recital,
  subparagraph,
  textOf,
  type Document
} from '@redlex/tree'
import {
  applyAmendments,
  correctionsToAmendments,
  eIdsFromLocation,
  parseAmendments,
  type Amendment,
  type CorrectionInput
} from '@redlex/amend'

/** A one-article act whose Article 1(1) has the given text. */
function actWith(text: string): Document {
  return assignEids(
    documentOf(
      [{type: 'body', children: [article('Article 1', undefined, [paragraph('1.', [content(text)])])]}],
      'regulation',
      'act'
    )
  ).document
}

/** Apply the amendments made from "for: old, read: new" on Article 1(1) and return its text. */
function corrected(
  old: string,
  read: string,
  options: Parameters<typeof correctionsToAmendments>[1] = {}
): {text: string; amendments: Amendment[]} {
  const {amendments, skipped} = correctionsToAmendments(
    [{location: 'On page 1, Article 1(1)', old: `1. ${old}`, new: `1. ${read}`}],
    options
  )
  expect(skipped).toEqual([])
  const result = applyAmendments(actWith(old), amendments, {renumber: 'amending-act'})
  return {text: textOf(findByEid(result.document, 'art_1__para_1')!, {num: false}), amendments}
}

describe('eIdsFromLocation', () => {
  it.each([
    ['Page 2, recital 8', ['rec_8']],
    ['On page 3, recitals 8 and 9', ['rec_8', 'rec_9']],
    ['On page 3, recitals 8 to 10', ['rec_8', 'rec_9', 'rec_10']],
    ['On page 14, recital 71, fifth and sixth sentences', ['rec_71']],
    ['On page 33, Article 4, point (11)', ['art_4__point_11']],
    ['On page 70, Article 58(3)(b)', ['art_58__para_3__point_b']],
    ['On page 55, point (c) of Article 37(1)', ['art_37__para_1__point_c']],
    ['On page 36, points (a) and (b) of Article 6(1)', ['art_6__para_1__point_a', 'art_6__para_1__point_b']],
    ['On page 36, point (b)(ii) of Article 6(1)', ['art_6__para_1__point_b__point_ii']],
    ['On page 74, Article 64(6), (7) and (8)', ['art_64__para_6', 'art_64__para_7', 'art_64__para_8']],
    ['On page 37, second subparagraph of Article 5(2)', ['art_5__para_2__subpara_2']],
    ['On page 37, Article 5(2), first subparagraph', ['art_5__para_2']],
    ['On page 60, Article 43(3), first sentence', ['art_43__para_3']],
    ['On page 12, Article 10', ['art_10']],
    ['On page 1, second citation', ['cit_2']],
    ['On page 80, Annex II, point 3', ['anx_II__point_3']],
    ['On page\u00a055, Article\u00a041(3)', ['art_41__para_3']]
  ])('%s', (location, eIds) => {
    expect(eIdsFromLocation(location)).toEqual(eIds)
  })

  it.each(['On page 1, title', 'On page 20, heading of Article 5', 'On page 5, footnote 2', 'On the cover page', ''])(
    '%j names no provision',
    (location) => {
      expect(eIdsFromLocation(location)).toBeUndefined()
    }
  )
})

describe('correctionsToAmendments', () => {
  it('one changed word: one substitution with id, target and provenance', () => {
    const corrections: CorrectionInput[] = [
      {
        index: 3,
        location: 'On page 58, Article 41(3)',
        old: '3. The authority shall submit the draft criteria for accreditation to the Board.',
        new: '3. The authority shall submit the draft requirements for accreditation to the Board.'
      }
    ]
    const {amendments, skipped} = correctionsToAmendments(corrections, {conclusion: 'corrigendum OJ L 127, 23.5.2018'})
    expect(skipped).toEqual([])
    expect(amendments).toEqual([
      {
        id: 'corr-3',
        type: 'substitute',
        target: 'art_41__para_3',
        text: 'criteria',
        by: 'requirements',
        provenance: {conclusion: 'corrigendum OJ L 127, 23.5.2018', note: 'On page 58, Article 41(3)'}
      }
    ])
    // Plain data that validates as amendments.
    expect(parseAmendments(JSON.parse(JSON.stringify(amendments)))).toEqual(amendments)
  })

  it('a recurring word gets an occurrence, counted on the text as changed by the substitutions before it', () => {
    const old = 'provided that the requirements continue to be met, or where the requirements are no longer met.'
    const read = 'provided that the criteria continue to be met, or where the criteria are no longer met.'
    const {text, amendments} = corrected(old, read)
    expect(amendments.map((a) => ({...a, provenance: undefined}))).toEqual([
      {
        id: 'corr-1-1',
        type: 'substitute',
        target: 'art_1__para_1',
        text: 'requirements',
        by: 'criteria',
        occurrence: 1,
        provenance: undefined
      },
      // After the first substitution the second ‘requirements’ is the only one left.
      {
        id: 'corr-1-2',
        type: 'substitute',
        target: 'art_1__para_1',
        text: 'requirements',
        by: 'criteria',
        provenance: undefined
      }
    ])
    expect(text).toBe(read)
  })

  it('the second of two identical words: occurrence 2', () => {
    const {text, amendments} = corrected(
      'data pursuant to Article 9 and data relating to convictions and offences.',
      'data pursuant to Article 9 and data relating to convictions or offences.'
    )
    expect(amendments).toMatchObject([{text: 'and', by: 'or', occurrence: 2}])
    expect(text).toBe('data pursuant to Article 9 and data relating to convictions or offences.')
  })

  it('changes one word apart become one substitution; a reference is never cut apart; a bare number gets its word', () => {
    const {text, amendments} = corrected(
      'of the data subject and that prevents, inter alia, effects pursuant to Article 43(3) or a body pursuant to Article 43;',
      'of the data subject, and prevent, inter alia, effects pursuant to Article 43(3), of a body pursuant to Article 42;'
    )
    expect(amendments.map((a) => [(a as {text: string}).text, (a as {by: string}).by])).toEqual([
      ['subject and that prevents,', 'subject, and prevent,'],
      ['43(3) or', '43(3), of'],
      ['Article 43;', 'Article 42;']
    ])
    expect(text).toBe(
      'of the data subject, and prevent, inter alia, effects pursuant to Article 43(3), of a body pursuant to Article 42;'
    )
  })

  it('deletions and insertions at the ends quote a neighbouring word', () => {
    const del = corrected(
      'The Board shall transmit them. The Board shall collate all seals in a register.',
      'The Board shall transmit them.'
    )
    expect(del.amendments).toMatchObject([
      {text: 'them. The Board shall collate all seals in a register.', by: 'them.'}
    ])
    expect(del.text).toBe('The Board shall transmit them.')
    const ins = corrected(
      'supervisory authority shall not adopt its decision.',
      'The competent supervisory authority shall not adopt its decision.'
    )
    expect(ins.amendments).toMatchObject([{text: 'supervisory', by: 'The competent supervisory'}])
    expect(ins.text).toBe('The competent supervisory authority shall not adopt its decision.')
  })

  it('`…` leaves words out: each quoted part is diffed alone, with enough words to be unique in it', () => {
    const base =
      'where the lead authority objects and the lead authority has rejected such an objection. The rest is long and unchanged.'
    const corrections: CorrectionInput[] = [
      {
        location: 'On page 74, Article 1(1)',
        old: '1. where the lead authority objects and the lead authority has rejected such an objection. …',
        new: '1. where the lead authority objects and the lead supervisory authority has rejected such an objection. …'
      }
    ]
    const {amendments, skipped} = correctionsToAmendments(corrections)
    expect(skipped).toEqual([])
    // ‘lead authority’ recurs, ‘the lead authority’ too; words are added on the left until unique
    // (no occurrence: the words left out are unknown, so occurrences cannot be counted).
    expect(amendments).toMatchObject([{text: 'and the lead authority', by: 'and the lead supervisory authority'}])
    expect(amendments[0]).not.toHaveProperty('occurrence')
    const result = applyAmendments(actWith(base), amendments, {renumber: 'amending-act'})
    expect(textOf(findByEid(result.document, 'art_1__para_1')!, {num: false})).toBe(
      base.replace('and the lead authority', 'and the lead supervisory authority')
    )
  })

  it('granularity unit: the whole quoted text is substituted', () => {
    const {text, amendments} = corrected(
      'The draft criteria for accreditation.',
      'The draft requirements for accreditation.',
      {granularity: 'unit'}
    )
    expect(amendments).toMatchObject([
      {text: 'The draft criteria for accreditation.', by: 'The draft requirements for accreditation.'}
    ])
    expect(text).toBe('The draft requirements for accreditation.')
  })

  it('applies to the right units when a correction quotes several', () => {
    const doc = assignEids(
      documentOf(
        [
          {
            type: 'preamble',
            children: [
              {
                type: 'recitals',
                children: [
                  recital('(7)', [content('First paragraph.'), subparagraph([content('It should prevents effects.')])])
                ]
              }
            ]
          },
          {
            type: 'body',
            children: [
              article('Article 64', undefined, [
                paragraph('1.', [content('The Board shall adopt an opinion.')]),
                paragraph('6.', [content('The supervisory authority shall not adopt it.')]),
                paragraph('7.', [content('The supervisory authority shall take account of it.')]),
                paragraph('8.', [
                  content('The authority shall apply:'),
                  point('(a)', [content('the rule of the Board;')])
                ])
              ])
            ]
          }
        ],
        'regulation',
        'act'
      )
    ).document
    const {amendments, skipped} = correctionsToAmendments([
      {
        location: 'On page 74, Article 64(6) and (7)',
        old: '6. The supervisory authority shall not adopt it.\n7. The supervisory authority shall take account of it.',
        new: '6. The competent supervisory authority shall not adopt it.\n7. The competent supervisory authority shall take account of it.'
      },
      {
        location: 'On page 2, recital 7',
        old: '(7) … First paragraph.\nIt should prevents effects.',
        new: '(7) … First paragraph.\nIt should prevent effects.'
      },
      {
        location: 'On page 74, Article 64(8)',
        old: '8. The authority shall apply:\n(a) the rule of the Board;',
        new: '8. The authority shall apply:\n(a) the rules of the Board;'
      }
    ])
    expect(skipped).toEqual([])
    expect(amendments.map((a) => [a.id, (a as {target: string}).target])).toEqual([
      ['corr-1-1', 'art_64__para_6'],
      ['corr-1-2', 'art_64__para_7'],
      ['corr-2', 'rec_7__subpara_2'],
      ['corr-3', 'art_64__para_8__point_a']
    ])
    const result = applyAmendments(doc, amendments, {renumber: 'amending-act'}).document
    expect(textOf(findByEid(result, 'art_64__para_7')!)).toBe(
      '7.\nThe competent supervisory authority shall take account of it.'
    )
    expect(textOf(findByEid(result, 'rec_7__subpara_2')!)).toBe('It should prevent effects.')
    expect(textOf(findByEid(result, 'art_64__para_8__point_a')!)).toBe('(a)\nthe rules of the Board;')
  })

  it('an explicit target wins over the location; idPrefix names the ids', () => {
    const {amendments} = correctionsToAmendments(
      [{location: 'On page 9, Article 2', target: {eId: 'art_2__para_1'}, old: 'one', new: 'two'}],
      {idPrefix: 'oj-'}
    )
    expect(amendments).toMatchObject([{id: 'oj-1', target: 'art_2__para_1', text: 'one', by: 'two'}])
  })

  it('what cannot become a substitution is skipped with the reason', () => {
    const {amendments, skipped} = correctionsToAmendments([
      {location: '', old: 'a', new: 'b'},
      {location: 'On page 1, title', old: 'Regulation (EU) 2016/679', new: 'Regulation (EU) 2016/680'},
      {location: 'On page 90, Article 3', old: 'Column A | 10', new: 'Column A | 12'},
      {location: 'On page 9, Article 2(1)', old: '1. One.', new: '1. One.\n(a) a new point.'},
      {location: 'On page 9, Article 2(1) and (2)', old: '1. One.', new: '1. Two.'},
      {location: 'On page 9, point (c) of Article 2(1)', old: '(c) the data.', new: '(d) the data.'},
      {location: 'On page 9, Article 2(1)', old: '1. One.', new: '1.\u00a0One.'},
      {location: 'On page 9, Article 2(1)', old: '1. One … two.', new: '1. One … two … three.'},
      {location: 'On page 9, Article 2(1)', old: '', new: '1. One.'},
      {location: 'On page 9, Article 2(1)', old: '1. One and two.', new: '1. One and three.'}
    ])
    expect(skipped).toEqual([
      {index: 1, location: '', reason: 'no location'},
      {index: 2, location: 'On page 1, title', reason: 'the location names no provision that can be targeted (title)'},
      {
        index: 3,
        location: 'On page 90, Article 3',
        reason: 'a table: the correction replaces table cells, not quoted text'
      },
      {
        index: 4,
        location: 'On page 9, Article 2(1)',
        reason: 'the old text has 1 unit(s) and the new 2: units are added or removed, not substituted'
      },
      {
        index: 5,
        location: 'On page 9, Article 2(1) and (2)',
        reason: 'the location names 2 provisions but 1 unit(s) are quoted'
      },
      {
        index: 6,
        location: 'On page 9, point (c) of Article 2(1)',
        reason: 'the number changes from (c) to (d) (a renumbering, not a substitution)'
      },
      {index: 7, location: 'On page 9, Article 2(1)', reason: 'the old and the new text are the same'},
      {index: 8, location: 'On page 9, Article 2(1)', reason: 'the old and new text leave out (…) different parts'},
      {
        index: 9,
        location: 'On page 9, Article 2(1)',
        reason: 'nothing quoted as the old text: an insertion, not a substitution'
      }
    ])
    expect(amendments).toMatchObject([{id: 'corr-10', target: 'art_2__para_1', text: 'two.', by: 'three.'}])
  })

  it('any word-level correction applied gives exactly the new text (generated cases)', () => {
    const words =
      'the supervisory authority shall and or of to in Article 43(3) 42(5), criteria requirements Board. body pursuant referred data processing'.split(
        ' '
      )
    let seed = 7
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const sentence = (n: number): string[] => Array.from({length: n}, () => words[random(words.length)]!)
    for (let k = 0; k < 150; k++) {
      const old = sentence(6 + random(20))
      const read = [...old]
      for (let e = 1 + random(4); e > 0; e--) {
        const at = random(read.length)
        const op = random(3)
        if (op === 0) read[at] = words[random(words.length)]!
        else if (op === 1 && read.length > 2) read.splice(at, 1)
        else read.splice(at, 0, words[random(words.length)]!)
      }
      if (read.join(' ') === old.join(' ')) continue
      const {text} = corrected(old.join(' '), read.join(' '))
      expect(text, `${old.join(' ')} → ${read.join(' ')}`).toBe(read.join(' '))
    }
  })
})
