import {describe, expect, it} from 'vitest'
import {
  article,
  content,
  findByEid,
  inlineText,
  paragraph,
  point,
  recital,
  subparagraph,
  textOf,
  type Article,
  type Document,
  type Node,
  type Provision
} from '@redlex/tree'
import {applyAmendments, type Amendment} from '@redlex/amend'
import {checkAmendments, edited, sample, strip} from './helpers.js'

const text = (doc: Document, eId: string): string => textOf(findByEid(doc, eId)!, {num: false})

/** Children array of a node found by eId (for hand edits of the expected text). */
function kids(node: Node): Node[] {
  return (node as {children: Node[]}).children
}

function setText(node: Node, value: string): void {
  const block = kids(node).find((c) => c.type === 'content' || c.type === 'intro')!
  ;(block as {children: unknown[]}).children = [{type: 'text', value}]
}

describe('provision amendments', () => {
  it('replace: a whole article (tree JSON)', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {
        id: 'r1',
        type: 'replace',
        target: 'art_3',
        provenance: {conclusion: 'c1', services: ['SJ']},
        content: article('Article 3', 'Safeguards', [
          content('The processing shall be proportionate and limited to what is necessary.')
        ])
      }
    ]
    const expected = edited(base, (_, at) =>
      setText(at('art_3'), 'The processing shall be proportionate and limited to what is necessary.')
    )
    const result = checkAmendments(base, amendments, expected)
    expect(result.log[0]).toEqual({
      amendment: 'r1',
      type: 'replace',
      provenance: {conclusion: 'c1', services: ['SJ']},
      description: 'Article 3 replaced',
      effects: [{action: 'modified', before: 'art_3', after: 'art_3'}]
    })
  })

  it('insert (sequential): a new article after Article 1 renumbers 2–4 and every reference follows', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {
        id: 'i1',
        type: 'insert',
        at: {after: 'art_1'},
        content: [
          article('Article 1a', 'Definitions', [
            content('For the purposes of Article 3, the following definitions apply.')
          ])
        ]
      }
    ]
    const expected = edited(base, (copy, at) => {
      const body = copy.children.find((c) => c.type === 'body')!
      kids(body).splice(
        1,
        0,
        article('Article 2', 'Definitions', [
          content('For the purposes of Article 4, the following definitions apply.')
        ])
      )
      ;(at('art_2') as Article).num = 'Article 3'
      ;(at('art_3') as Article).num = 'Article 4'
      ;(at('art_4') as Article).num = 'Article 5'
      setText(at('rec_2'), 'The rules in Articles 3 to 4 should be proportionate.')
      setText(at('rec_3'), 'The definitions in Article 3(1), point (a), are narrow.')
      setText(at('art_1'), 'This Regulation lays down temporary rules; see recital 4 and Article 4.')
      setText(at('art_2__para_2'), 'Paragraph 1 applies without prejudice to Article 4.')
    })
    const result = checkAmendments(base, amendments, expected, {renumber: 'sequential'})
    expect(result.renames).toMatchObject({
      art_2: 'art_3',
      art_3: 'art_4',
      art_4: 'art_5',
      art_2__para_1__point_a: 'art_3__para_1__point_a'
    })
    expect(result.log.map((e) => e.amendment)).toEqual(['i1', '#renumber'])
    expect(result.log[0]!.effects).toEqual([{action: 'inserted', after: 'art_2'}])
    // Consequences carry their cause: Article 4 became 5, and recital 2's reference followed, because i1 inserted an article before it.
    expect(result.log[1]!.effects).toContainEqual({
      action: 'renumbered',
      before: 'art_4',
      after: 'art_5',
      because: ['i1']
    })
    expect(result.log[1]!.effects).toContainEqual({
      action: 'modified',
      before: 'rec_2',
      after: 'rec_2',
      because: ['i1']
    })
  })

  it('insert (amending-act): the new article is 1a and nothing is renumbered', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {id: 'i1', type: 'insert', at: {after: 'art_1'}, content: [article('Article 99', undefined, [content('New.')])]}
    ]
    const expected = edited(base, (copy) => {
      const body = copy.children.find((c) => c.type === 'body')!
      kids(body).splice(1, 0, article('Article 1a', undefined, [content('New.')]))
    })
    const result = checkAmendments(base, amendments, expected, {renumber: 'amending-act'})
    expect(result.renames).toEqual({})
    expect(findByEid(result.document, 'art_1a')).toBeDefined()
  })

  it('insert: before the first unit gives -1 (amending-act), points get (aa), and Markdown-free positions work', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {id: 'i1', type: 'insert', at: {firstChildOf: 'art_2'}, content: [paragraph('1.', [content('First.')])]},
      {
        id: 'i2',
        type: 'insert',
        at: {after: 'art_2__para_1__point_a'},
        content: [point('(x)', [content('new point;')])]
      },
      {
        id: 'i3',
        type: 'insert',
        at: {lastChildOf: 'recitals'},
        content: [recital('(9)', [content('A new last recital.')])]
      }
    ]
    const expected = edited(base, (_, at) => {
      kids(at('art_2')).unshift(paragraph('-1.', [content('First.')]))
      kids(at('art_2__para_1')).splice(2, 0, point('(aa)', [content('new point;')]))
      const recitals = kids(at('rec_1'))
      void recitals
    })
    const recitalsOf = (doc: Document): Node =>
      (doc.children.find((c) => c.type === 'preamble') as {children: Node[]}).children.find(
        (c) => c.type === 'recitals'
      )!
    kids(recitalsOf(expected)).push(recital('(5)', [content('A new last recital.')]))
    const fixed = edited(expected, () => undefined)
    const result = checkAmendments(base, amendments, fixed, {renumber: 'amending-act'})
    expect(result.log.map((e) => e.effects[0])).toEqual([
      {action: 'inserted', after: 'art_2__para_-1'},
      {action: 'inserted', after: 'art_2__para_1__point_aa'},
      {action: 'inserted', after: 'rec_5'}
    ])
  })

  it('delete (sequential): Article 2 goes, 3 → 2, 4 → 3, and ranges shrink with their endpoints', () => {
    const base = sample()
    const amendments: Amendment[] = [{id: 'd1', type: 'delete', target: 'art_2'}]
    const expected = edited(base, (copy, at) => {
      const body = copy.children.find((c) => c.type === 'body')!
      kids(body).splice(1, 1)
      ;(at('art_3') as Article).num = 'Article 2'
      ;(at('art_4') as Article).num = 'Article 3'
      setText(at('art_1'), 'This Regulation lays down temporary rules; see recital 4 and Article 2.')
      // `Articles 2 to 3`: the start endpoint was deleted and keeps its text; the end follows.
      setText(at('rec_2'), 'The rules in Articles 2 to 2 should be proportionate.')
    })
    const result = checkAmendments(base, amendments, expected)
    expect(result.log[0]!.effects).toEqual([{action: 'deleted', before: 'art_2'}])
  })

  it('move: a paragraph becomes a recital (across kinds), numbered in place', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {id: 'm1', type: 'move', target: 'art_2__para_2', to: {after: 'rec_4'}, as: 'recital'}
    ]
    const expected = edited(base, (copy, at) => {
      const para = kids(at('art_2')).pop()!
      const recitals = (copy.children.find((c) => c.type === 'preamble') as {children: Node[]}).children.find(
        (c) => c.type === 'recitals'
      )!
      kids(recitals).push({type: 'recital', eId: '', num: '(5)', children: kids(para)} as Provision)
    })
    const result = checkAmendments(base, amendments, expected)
    expect(result.log[0]!.effects).toEqual([{action: 'moved', before: 'art_2__para_2', after: 'rec_5'}])
  })

  it('move: a sentence of an article becomes a recital', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {
        id: 'm2',
        type: 'move',
        target: 'art_3',
        text: 'The processing shall be limited to what is strictly necessary.',
        as: 'recital',
        to: {after: 'rec_1'}
      }
    ]
    const expected = edited(base, (copy, at) => {
      setText(at('art_3'), 'The processing shall be proportionate.')
      const recitals = (copy.children.find((c) => c.type === 'preamble') as {children: Node[]}).children.find(
        (c) => c.type === 'recitals'
      )!
      kids(recitals).splice(
        1,
        0,
        recital('(2)', [content('The processing shall be limited to what is strictly necessary.')])
      )
      ;(at('rec_2') as Provision).num = '(3)'
      ;(at('rec_3') as Provision).num = '(4)'
      ;(at('rec_4') as Provision).num = '(5)'
      setText(at('art_1'), 'This Regulation lays down temporary rules; see recital 5 and Article 3.')
    })
    checkAmendments(base, amendments, expected)
  })

  it('setNum and setHeading', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {id: 'n1', type: 'setHeading', target: 'art_3', heading: 'Conditions'},
      {id: 'n2', type: 'setHeading', target: 'art_1', heading: null},
      {id: 'n3', type: 'setNum', target: 'art_4', num: 'Article 9'}
    ]
    const expected = edited(base, (_, at) => {
      ;(at('art_3') as Article).heading = [{type: 'text', value: 'Conditions'}]
      delete (at('art_1') as Article).heading
      ;(at('art_4') as Article).num = 'Article 9'
    })
    const result = checkAmendments(base, amendments, expected, {renumber: 'amending-act'})
    expect(result.renames).toEqual({art_4: 'art_9', art_4__subpara_2: 'art_9__subpara_2'})
    expect(result.log[2]!.effects).toEqual([{action: 'renumbered', before: 'art_4', after: 'art_9'}])
  })

  it('maps base targets through earlier changes (insert, move, setNum)', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {id: 'a', type: 'setNum', target: 'art_3', num: 'Article 7'},
      {id: 'b', type: 'move', target: 'art_2__para_2', to: {lastChildOf: 'art_3'}, as: 'subparagraph'},
      // Both still name the base eIds: art_3 (now art_7) and art_2__para_2 (now inside it).
      {id: 'c', type: 'substitute', target: 'art_3', text: 'proportionate', by: 'adequate'},
      {id: 'd', type: 'substitute', target: 'art_2__para_2', text: 'Paragraph 1', by: 'Paragraph 1 of Article 2'}
    ]
    const result = applyAmendments(base, amendments, {renumber: 'amending-act'})
    expect(text(result.document, 'art_7')).toContain('The processing shall be adequate.')
    expect(result.renames.art_2__para_2).toBe('art_7__subpara_2')
    expect(text(result.document, 'art_7__subpara_2')).toBe(
      'Paragraph 1 of Article 2 applies without prejudice to Article 3.'
    )
    expect(
      strip(applyAmendments(result.document, result.inverse, {targets: 'current', renumber: 'amending-act'}).document)
    ).toEqual(strip(base))
  })
})

describe('text amendments', () => {
  it('substitute (one occurrence, and all)', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {id: 's1', type: 'substitute', target: 'art_3', text: 'The processing', by: 'Such processing', occurrence: 'all'},
      {id: 's2', type: 'substitute', target: 'art_4__subpara_2', text: '31 December 2025', by: '3 August 2024'}
    ]
    const expected = edited(base, (_, at) => {
      setText(
        at('art_3'),
        'Such processing shall be proportionate. Such processing shall be limited to what is strictly necessary.'
      )
      setText(
        at('art_4__subpara_2'),
        'It shall apply until 3 August 2024. The long-term legislation shall repeal this Regulation.'
      )
    })
    const result = checkAmendments(base, amendments, expected)
    expect(result.log[1]!.description).toBe(
      'Article 4, second paragraph: ‘31 December 2025’ replaced by ‘3 August 2024’'
    )
  })

  it('insertText and deleteText, and a substitution that creates a cross-reference', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {
        id: 't1',
        type: 'insertText',
        target: 'art_3',
        anchor: 'strictly necessary',
        position: 'before',
        text: 'what is '
      },
      {id: 't2', type: 'deleteText', target: 'art_3', text: 'what is what is '},
      {
        id: 't3',
        type: 'insertText',
        target: 'art_1',
        anchor: 'temporary rules',
        position: 'after',
        text: ' as described in recital 2'
      }
    ]
    const expected = edited(base, (_, at) => {
      setText(
        at('art_3'),
        'The processing shall be proportionate. The processing shall be limited to strictly necessary.'
      )
      setText(
        at('art_1'),
        'This Regulation lays down temporary rules as described in recital 2; see recital 4 and Article 3.'
      )
    })
    // t2 touches words t1 inserted: a conflict
    expect(() => applyAmendments(base, amendments)).toThrow(/overlaps words already changed by amendment t1/)
    const ok = [
      amendments[0]!,
      {id: 't2', type: 'deleteText', target: 'art_3', text: 'limited to what is '} as Amendment,
      amendments[2]!
    ]
    const expected2 = edited(base, (_, at) => {
      setText(at('art_3'), 'The processing shall be proportionate. The processing shall be what is strictly necessary.')
      setText(
        at('art_1'),
        'This Regulation lays down temporary rules as described in recital 2; see recital 4 and Article 3.'
      )
    })
    void expected
    const result = checkAmendments(base, ok, expected2)
    const refs = (findByEid(result.document, 'art_1') as Article).children[0]
    expect(JSON.stringify(refs)).toContain('"type":"ref","value":"recital 2","targets":["rec_2"]')
  })
})

describe('domain amendments', () => {
  it('placeholder: replacing text, and next to an anchor', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {
        id: 'p1',
        type: 'placeholder',
        target: 'art_2__para_1__point_b',
        text: 'solicitation of children',
        reason: 'no sufficiently clear and robust wording yet',
        provenance: {conclusion: '1'}
      },
      {
        id: 'p2',
        type: 'placeholder',
        target: 'art_3',
        anchor: 'proportionate',
        position: 'after',
        value: 'and targeted',
        reason: 'to be agreed'
      }
    ]
    const expected = edited(base, (_, at) => {
      const b = kids(at('art_2__para_1__point_b'))[0] as {children: unknown[]}
      b.children = [
        {type: 'placeholder', kind: 'value', value: '…', reason: 'no sufficiently clear and robust wording yet'},
        {type: 'text', value: ', as referred to in point (a).'}
      ]
      const c = kids(at('art_3'))[0] as {children: unknown[]}
      c.children = [
        {type: 'text', value: 'The processing shall be proportionate '},
        {type: 'placeholder', kind: 'provisional', value: 'and targeted', reason: 'to be agreed'},
        {type: 'text', value: '. The processing shall be limited to what is strictly necessary.'}
      ]
    })
    const result = checkAmendments(base, amendments, expected)
    expect(inlineText((kids(findByEid(result.document, 'art_3')!)[0] as unknown as {children: never[]}).children)).toBe(
      'The processing shall be proportionate [and targeted]. The processing shall be limited to what is strictly necessary.'
    )
  })

  it('sunset: replaces the expiry sentence; the anchor resolves to a date the text shows', () => {
    const base = sample()
    const amendments: Amendment[] = [{id: 'x1', type: 'sunset', date: 'ep-term-end:9', provenance: {conclusion: '2'}}]
    const expected = edited(base, (_, at) =>
      setText(
        at('art_4__subpara_2'),
        'It shall apply until 15 July 2024. The long-term legislation shall repeal this Regulation.'
      )
    )
    const result = checkAmendments(base, amendments, expected)
    expect(result.log[0]!.description).toBe(
      'Article 4: expiry set to 15 July 2024 (ep-term-end:9: end of the 9th European Parliament term)'
    )
    expect(result.log[0]!.effects).toEqual([
      {action: 'modified', before: 'art_4__subpara_2', after: 'art_4__subpara_2'}
    ])
  })

  it('sunset: creates the expiry sentence where missing (explicit dates in every form)', () => {
    const base = applyAmendments(sample(), [{id: 'z', type: 'delete', target: 'art_4__subpara_2'}], {
      renumber: 'amending-act'
    }).document
    for (const date of ['2024-08-03', '3 August 2024', '3.8.2024']) {
      const expected = edited(base, (_, at) =>
        kids(at('art_4')).push(subparagraph([content('It shall apply until 3 August 2024.')]))
      )
      checkAmendments(base, [{id: 'x', type: 'sunset', target: 'art_4', date}], expected)
    }
    const sentence = edited(base, (_, at) =>
      setText(
        at('art_4'),
        'This Regulation shall enter into force on the twentieth day following that of its publication. This Regulation shall expire on 3 August 2024.'
      )
    )
    checkAmendments(
      base,
      [
        {
          id: 'x',
          type: 'sunset',
          target: 'art_4',
          date: '2024-08-03',
          create: 'sentence',
          sentence: 'This Regulation shall expire on {date}.'
        }
      ],
      sentence
    )
  })

  it('moveRepealToRecitals: removes the repeal sentence and adds a recital; references follow the new numbering', () => {
    const base = sample()
    const amendments: Amendment[] = [
      {
        id: 'mr',
        type: 'moveRepealToRecitals',
        target: 'art_4',
        text: 'The long-term legislation shall repeal this Regulation.',
        recital: 'The long-term legislation referred to in Article 4 should repeal this Regulation.',
        to: {after: 'rec_3'}
      }
    ]
    const expected = edited(base, (copy, at) => {
      setText(at('art_4__subpara_2'), 'It shall apply until 31 December 2025.')
      const recitals = (copy.children.find((c) => c.type === 'preamble') as {children: Node[]}).children.find(
        (c) => c.type === 'recitals'
      )!
      kids(recitals).splice(
        3,
        0,
        recital('(4)', [content('The long-term legislation referred to in Article 4 should repeal this Regulation.')])
      )
      ;(at('rec_4') as Provision).num = '(5)'
      setText(at('art_1'), 'This Regulation lays down temporary rules; see recital 5 and Article 3.')
    })
    const result = checkAmendments(base, amendments, expected)
    expect(result.log[0]!.effects).toEqual([
      {action: 'modified', before: 'art_4__subpara_2', after: 'art_4__subpara_2'},
      {action: 'inserted', after: 'rec_4'}
    ])
    // amending-act: the new recital is (3a), nothing renumbered
    const act = applyAmendments(base, amendments, {renumber: 'amending-act'})
    expect(findByEid(act.document, 'rec_3a')?.num).toBe('(3a)')
    expect(text(act.document, 'art_1')).toBe('This Regulation lays down temporary rules; see recital 4 and Article 3.')
  })
})

describe('all or nothing, and error reports', () => {
  it('names the amendment, its conclusion, the target as written and mapped, and what was found', () => {
    const base = sample()
    const before = structuredClone(base)
    try {
      applyAmendments(
        base,
        [
          {id: 'ok', type: 'setNum', target: 'art_3', num: 'Article 8'},
          {
            id: 'bad',
            type: 'substitute',
            target: 'art_3',
            text: 'disproportionate',
            by: 'x',
            provenance: {conclusion: 'c2'}
          }
        ],
        {renumber: 'amending-act'}
      )
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({
        name: 'RedlexError',
        code: 'amend/text-not-found',
        amendment: 'bad',
        conclusion: 'c2',
        eId: 'art_8',
        actual: 'The processing shall be proportionate. The processing shall be limited to what is strictly necessary.'
      })
      expect(String(error)).toContain('[target art_3 (mapped to art_8)]')
    }
    expect(base).toEqual(before)
  })

  it('reports ambiguous text, a target deleted earlier, a missing target with its siblings, and a move into itself', () => {
    const base = sample()
    expect(() =>
      applyAmendments(base, [{id: 'a', type: 'deleteText', target: 'art_3', text: 'The processing'}])
    ).toThrow(expect.objectContaining({code: 'amend/text-ambiguous', amendment: 'a'}))
    expect(() =>
      applyAmendments(base, [
        {id: 'a', type: 'delete', target: 'art_2'},
        {id: 'b', type: 'substitute', target: 'art_2__para_2', text: 'Paragraph', by: 'paragraph'}
      ])
    ).toThrow(
      expect.objectContaining({
        code: 'amend/target-deleted',
        amendment: 'b',
        message: expect.stringContaining('deleted earlier by amendment a')
      })
    )
    expect(() => applyAmendments(base, [{id: 'c', type: 'delete', target: 'art_2__para_3'}])).toThrow(
      expect.objectContaining({code: 'amend/target-not-found', expected: ['art_2__para_1', 'art_2__para_2']})
    )
    expect(() =>
      applyAmendments(base, [{id: 'd', type: 'move', target: 'art_2', to: {lastChildOf: 'art_2__para_1'}}])
    ).toThrow(expect.objectContaining({code: 'amend/move-into-itself'}))
    expect(() => applyAmendments(base, [{id: 'e', type: 'setNum', target: 'art_3', num: 'Article 2'}])).toThrow(
      expect.objectContaining({code: 'amend/duplicate-number'})
    )
    expect(() =>
      applyAmendments(base, [{id: 'f', type: 'insert', at: {after: 'art_1'}, markdown: '### Article 9\n\nText.'}])
    ).toThrow(expect.objectContaining({code: 'amend/no-markdown-parser'}))
  })
})

void point
