import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {KeyIds, listOf, tokenKey, tokenList, tokenTexts, tokenize, tokensOf} from '../src/lib/tokenize.js'

describe('tokenize', () => {
  const cases: Array<[string, string[]]> = [
    ['Article 3(2) applies', ['Article 3(2) ', 'applies']],
    ['referred to in point (a) of', ['referred ', 'to ', 'in ', 'point (a) ', 'of']],
    ['Articles 2 to 4 and Article 6(1)(b).', ['Articles 2 to 4 ', 'and ', 'Article 6(1)(b)', '.']],
    ['points (a), (b) and (c)', ['points (a), (b) and (c)']],
    ['recitals 12 and 13', ['recitals 12 and 13']],
    ['Annex III, Chapter II', ['Annex III', ', ', 'Chapter II']],
    ['Article 4a, Article 10', ['Article 4a', ', ', 'Article 10']],
    [
      'Regulation (EU) 2016/679 and Directive 2002/58/EC',
      ['Regulation (EU) 2016/679 ', 'and ', 'Directive 2002/58/EC']
    ],
    ['Regulation (EC) No 45/2001', ['Regulation (EC) No 45/2001']],
    ['from 3 August 2024 until 30.7.2021', ['from ', '3 August 2024 ', 'until ', '30.7.2021']],
    ['on 2024-08-02', ['on ', '2024-08-02']],
    ['up to EUR 10 000 000 or 4 % of', ['up ', 'to ', 'EUR 10 000 000 ', 'or ', '4 % ', 'of']],
    ['EUR\u00a035\u00a0000\u00a0000', ['EUR\u00a035\u00a0000\u00a0000']],
    ['1 000 persons', ['1 000 ', 'persons']],
    ['in 2024 the', ['in ', '2024 ', 'the']],
    ['0,5 %', ['0,5 %']],
    ['the Member State’s non-compliance', ['the ', 'Member ', 'State’s ', 'non-compliance']],
    ['‘provider’ means;', ['‘', 'provider', '’ ', 'means', ';']],
    ['[…] and [...]', ['[…] ', 'and ', '[...]']],
    ['  leading space', ['  ', 'leading ', 'space']],
    ['a\nb', ['a\n', 'b']],
    ['Article\u00a03', ['Article\u00a03']],
    ['Articles', ['Articles']],
    ['Part of it', ['Part ', 'of ', 'it']],
    ['Chapter I shall', ['Chapter I ', 'shall']]
  ]
  for (const [input, expected] of cases) {
    it(`splits ${JSON.stringify(input)}`, () => {
      expect(tokenTexts(input)).toEqual(expected)
      expect(tokenTexts(input).join('')).toBe(input)
    })
  }

  it('types references, acts, dates and numbers', () => {
    const types = tokenize(
      'Article 3(2) of Regulation (EU) 2016/679 on 3 August 2024 for EUR 10 000, see point (a)'
    ).map((t) => t.type)
    expect(types).toEqual([
      'reference',
      'word',
      'act',
      'word',
      'date',
      'word',
      'number',
      'punctuation',
      'word',
      'reference'
    ])
  })

  it('normalises form in keys, not words', () => {
    expect(tokenKey('Article\u00a03')).toBe('Article 3')
    expect(tokenKey('‘x’')).toBe("'x'")
    expect(tokenKey('“x”')).toBe("'x'")
    expect(tokenKey('"')).toBe("'")
    expect(tokenKey('non\u2011compliance')).toBe('non-compliance')
    expect(tokenKey('Article')).not.toBe(tokenKey('article'))
  })

  it('keeps a word whole across characters outside the BMP, whatever its case', () => {
    // The pattern's WORD (with the `u` flag) reads 𝐀 (U+1D400) as a letter; the fast path hands such words to it.
    expect(tokenTexts('annex\u{1D400} x')).toEqual(['annex\u{1D400} ', 'x'])
    expect(tokenTexts('ARTICLE\u{1D400} x')).toEqual(['ARTICLE\u{1D400} ', 'x'])
    expect(tokenTexts('foo\u{1D400}bar baz')).toEqual(['foo\u{1D400}bar ', 'baz'])
    expect(tokenTexts('non-\u{1D400} x')).toEqual(['non-\u{1D400} ', 'x'])
    expect(tokenTexts('Annex III')).toEqual(['Annex III'])
  })

  it('keeps every character of long mixed text', () => {
    const text =
      'By way of derogation from Article 5(1) and (3) of Directive 2002/58/EC,\u00a0the obligations … shall apply until 31\u00a0December\u00a02025.\n\n(a) natural persons;'
    expect(
      tokenize(text)
        .map((t) => t.text)
        .join('')
    ).toBe(text)
  })
})

describe('tokenList', () => {
  // Pieces that exercise every path of the scanner: fast words and
  // punctuation, the full pattern (units, acts, amounts, placeholders),
  // normalised keys, leading and trailing whitespace, astral characters.
  const piece = fc.constantFrom(
    'a',
    'Word',
    '3',
    ' ',
    '\u00a0',
    '\n',
    '’',
    '-',
    '(',
    ')',
    'Article ',
    'point (a)',
    'EUR ',
    '1 000',
    '%',
    '…',
    '[...]',
    '“',
    '"',
    'Regulation (EU) 2016/679',
    ' to ',
    ',',
    '\u200b',
    '😀',
    'é',
    '\u00ad'
  )
  const text = fc.array(piece, {maxLength: 30}).map((parts) => parts.join(''))

  it('holds the tokens `tokenize` gives, keys interned in the table', () => {
    fc.assert(
      fc.property(text, text, (first, second) => {
        const keys = new KeyIds()
        keys.id('an earlier key')
        for (const input of [first, second]) {
          const list = tokenList(input, keys)
          expect(list.text).toBe(input)
          expect(list.start[list.length]).toBe(input.length)
          expect(tokensOf(list, keys)).toEqual(tokenize(input))
        }
      })
    )
  })

  it('gives tokens of one key one id, across texts', () => {
    const keys = new KeyIds()
    const a = tokenList('the ‘provider’ of', keys)
    const b = tokenList("the 'provider' of", keys)
    expect([...a.id]).toEqual([...b.id])
    expect(keys.keys[a.id[1]!]).toBe("'")
  })

  it('reads a unit word with the full pattern however it was met before in the table', () => {
    // The table remembers each spelling's id and whether it may start a unit:
    // a word met alone must still start a reference later, and the reverse.
    for (const texts of [
      ['Article and', 'Article 5 and', 'EUR and EUR 10'],
      ['Article 5 and', 'Article and', 'EUR 10 and EUR']
    ]) {
      const keys = new KeyIds()
      for (const input of texts) expect(tokensOf(tokenList(input, keys), keys)).toEqual(tokenize(input))
    }
    const keys = new KeyIds()
    tokenList('Article and Article', keys)
    const list = tokenList('Article 5 and Article', keys)
    expect(tokensOf(list, keys).map((t) => [t.key, t.type])).toEqual([
      ['Article 5', 'reference'],
      ['and', 'word'],
      ['Article', 'word']
    ])
    expect(list.id[2]).toBe(keys.id('Article'))
  })

  it('turns token objects back into the same list', () => {
    fc.assert(
      fc.property(text, (input) => {
        const keys = new KeyIds()
        const list = listOf(tokenize(input), keys)
        expect(list).toEqual(tokenList(input, new KeyIds()))
      })
    )
  })
})
