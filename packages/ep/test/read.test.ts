import {describe, expect, it} from 'vitest'
import {formatAddress, lineText, parseAddress, readEpText} from '@redlex/ep'
import {isRedlexError} from '@redlex/tree'
import {fixtureHtml} from './helpers.js'

describe('readEpText', () => {
  const text = readEpText(fixtureHtml())

  it('reads the reference, the date and every amendment in order', () => {
    expect(text.form).toBe('table')
    expect(text.reference).toBe('P9_TA(2099)0001')
    expect(text.date).toBe('2099-02-03')
    expect(text.amendments.map((a) => a.number)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
      '13',
      '15 and 16',
      '17',
      '18'
    ])
    expect(text.amendments[4]!.target).toBe('Article 1 — paragraph 1 a (new)')
    expect(text.amendments[0]!.instrument).toBe('Proposal for a regulation')
  })

  it('keeps bold italic words as added runs, drops footnote calls and the converter’s indentation', () => {
    const recital = text.amendments[1]!
    expect(recital.commission[0]!.num).toBe('(1)')
    expect(recital.commission[0]!.runs).toEqual([
      {text: 'Widgets are '},
      {text: 'sometimes', added: true},
      {text: ' useful for citizens.'}
    ])
    expect(lineText(recital.amendment[0]!)).toBe('Widgets are always useful for citizens and businesses.')
    expect(lineText(recital.amendment[0]!, {withNum: true})).toBe(
      '(1) Widgets are always useful for citizens and businesses.'
    )
  })

  it('reads a right column “deleted” as a deletion and an empty left column as nothing', () => {
    expect(text.amendments[7]!.deletes).toBe(true)
    expect(text.amendments[7]!.amendment).toEqual([])
    expect(text.amendments[0]!.commission).toEqual([])
    expect(text.amendments[0]!.deletes).toBe(false)
  })

  it('keeps script out of the words and survives deep nesting', () => {
    const deep = '<span>'.repeat(20000) + 'x' + '</span>'.repeat(20000)
    const html = fixtureHtml().replace('Widgets are ', `Widgets <script>alert("no")</script>are ${deep} `)
    const recital = readEpText(html).amendments[1]!
    expect(lineText(recital.commission[0]!)).toBe('Widgets are x sometimes useful for citizens.')
  })

  it('refuses a page without amendments with a coded error', () => {
    try {
      readEpText('<html><body><p class="oj-normal">Nothing here.</p></body></html>', {file: 'x.html'})
      expect.unreachable()
    } catch (error) {
      expect(isRedlexError(error) && error.code).toBe('ep/not-amendments')
      expect(isRedlexError(error) && error.file).toBe('x.html')
    }
  })
})

describe('parseAddress', () => {
  const ok = (target: string) => {
    const parsed = parseAddress(target)
    if ('reason' in parsed) throw new Error(parsed.reason)
    return parsed.address
  }

  it('reads steps, new units and parts', () => {
    expect(ok('Article 13 — paragraph 1 a (new)')).toEqual({
      steps: [
        {unit: 'article', num: '13'},
        {unit: 'paragraph', num: '1a'}
      ],
      isNew: true
    })
    expect(ok('Article 13 a (new)')).toEqual({steps: [{unit: 'article', num: '13a'}], isNew: true})
    expect(ok('Article 3 — paragraph 1 — point 44 — introductory part')).toEqual({
      steps: [
        {unit: 'article', num: '3'},
        {unit: 'paragraph', num: '1'},
        {unit: 'point', num: '44'}
      ],
      isNew: false,
      part: 'intro'
    })
    expect(ok('Article 52 — title').part).toBe('heading')
    expect(ok('Citation 4 a (new)').steps).toEqual([{unit: 'citation', num: '4a'}])
    expect(ok('Annex III — paragraph 1 — point 1 — point a a (new)').steps.at(-1)).toEqual({unit: 'point', num: 'aa'})
  })

  it('accepts the variants plenary texts print', () => {
    expect(ok('Article 8 — paragraph 2 — point a — indent - 1 a (new)').steps.at(-1)).toEqual({
      unit: 'indent',
      num: '-1a'
    })
    expect(ok('Article — 57 a (new)')).toEqual({steps: [{unit: 'article', num: '57a'}], isNew: true})
    expect(ok('Article 16 – paragraph 2 – point h –').steps.at(-1)).toEqual({unit: 'point', num: 'h'})
    // "(new)" before a division heading: the new article the division opens with.
    expect(ok('Article — 57 a (new) — SECTION 2 — title')).toEqual({
      steps: [
        {unit: 'article', num: '57a', isNew: true},
        {unit: 'section', num: '2'}
      ],
      isNew: false,
      part: 'heading'
    })
    expect(ok('ANNEX VIII — SECTION B (new)').steps).toEqual([
      {unit: 'annex', num: 'VIII'},
      {unit: 'section', num: 'B'}
    ])
  })

  it('says why an address is outside the grammar', () => {
    expect(parseAddress('Article 5 a (new) — paragraph 1')).toEqual({reason: expect.stringContaining('(new)')})
    expect(parseAddress('Footnote 3')).toEqual({reason: expect.stringContaining('not a unit')})
    expect(parseAddress('Article')).toEqual({reason: expect.stringContaining('no number')})
  })

  it('writes an address back', () => {
    expect(formatAddress(ok('Article 13 — paragraph 1 a (new)'))).toBe('Article 13 — paragraph 1a (new)')
  })
})
