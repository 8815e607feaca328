/**
 * Amendments on a Markdown draft: Markdown snippets as content (through
 * parseFragment), renumbering with cross-references, and inverses that give
 * back the draft byte for byte.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {findByEid, textOf} from '@redlex/tree'
import {applyAmendments, applyInverse, type Amendment} from '@redlex/amend'
import {fromMarkdown, parseFragment, toMarkdown} from '@redlex/markdown'
import {checkAmendments, edited} from './helpers.js'

const source = readFileSync(new URL('../../../examples/eprivacy-derogation/pre-isc.md', import.meta.url), 'utf8')
const draft = fromMarkdown(source)

/** One amendment of each type that applies to the pre-ISC draft. */
const everyType: Amendment[] = [
  {
    id: 'replace',
    type: 'replace',
    target: 'art_2__point_3',
    markdown: '(3) ‘provider’ means a provider of number-independent interpersonal communications services.'
  },
  {
    id: 'insert',
    type: 'insert',
    at: {after: 'art_2'},
    markdown:
      '### Article 3\n\n#### Guidance\n\nThe European Data Protection Board may issue guidelines on the application of Article 3.'
  },
  {id: 'delete', type: 'delete', target: 'art_3__point_d'},
  {id: 'move', type: 'move', target: 'art_1__para_1', to: {after: 'rec_7'}, as: 'recital'},
  {id: 'setNum', type: 'setNum', target: 'art_4', num: 'Article 10'},
  {id: 'setHeading', type: 'setHeading', target: 'art_3', heading: 'Scope of the derogation and conditions'},
  {id: 'substitute', type: 'substitute', target: 'rec_1', text: 'communication sector', by: 'communications sector'},
  {
    id: 'insertText',
    type: 'insertText',
    target: 'rec_2',
    anchor: 'From 21 December 2020',
    position: 'after',
    text: ' onwards'
  },
  {id: 'deleteText', type: 'deleteText', target: 'rec_3', text: ' on a voluntary basis'},
  {
    id: 'placeholder',
    type: 'placeholder',
    target: 'art_1__para_2__point_c',
    text: 'child prostitution',
    value: '…',
    reason: 'wording not agreed'
  },
  {id: 'sunset', type: 'sunset', date: '3 August 2024'},
  {
    id: 'moveRepealToRecitals',
    type: 'moveRepealToRecitals',
    target: 'art_4',
    text: 'That long-term legislation shall repeal this Regulation.',
    recital: 'That long-term legislation should repeal this Regulation.',
    to: {lastChildOf: 'recitals'}
  },
  {id: 'renumber', type: 'renumber', nums: {art_1__para_2__point_d: '(e)'}},
  {
    id: 'spliceText',
    type: 'spliceText',
    target: 'rec_6',
    block: 0,
    start: 0,
    end: 5,
    insert: [{type: 'text', value: 'As'}]
  }
]

describe('amendments on the Markdown pre-ISC draft', () => {
  for (const renumber of ['sequential', 'amending-act'] as const) {
    it(`applies one amendment of every type (${renumber}) and inverts byte for byte`, () => {
      const result = applyAmendments(draft, everyType, {renumber, parseFragment})
      expect(result.log.filter((e) => e.amendment !== '#renumber').map((e) => e.type)).toEqual(
        everyType.map((a) => a.type)
      )
      expect(toMarkdown(applyInverse(result.document, result.inverse, {parseFragment}))).toBe(source)
      const md = toMarkdown(result.document)
      expect(md).toContain('It shall apply until 3 August 2024.')
      if (renumber === 'sequential') {
        // New Article 3 after Article 2: the old 3 is 4, old 4 (set to 10) is 5; `Article 3` in the text follows.
        expect(md).toContain('### Article 4\n\n#### Scope of the derogation and conditions')
        expect(md).toContain('### Article 5\n\n#### Entry into force and application')
        expect(md).toContain('subject to the safeguards referred to in Article 4.')
        // Inserted text is written against the base numbering too: its `Article 3` is the old Article 3, now 4.
        expect(md).toContain('guidelines on the application of Article 4.')
      } else {
        expect(md).toContain('### Article 2a\n\n#### Guidance')
        expect(md).toContain('### Article 10\n\n#### Entry into force')
        expect(md).toContain('subject to the safeguards referred to in Article 3.')
      }
    })
  }

  it('renumber (user amendment): references follow, or stay with `keep`', () => {
    const follow = applyAmendments(
      draft,
      [{id: 'r', type: 'renumber', nums: {art_1: 'Article 5', art_1__para_2: '3.'}}],
      {renumber: 'amending-act'}
    )
    expect(textOf(findByEid(follow.document, 'art_2__point_2')!, {num: false})).toBe(
      '‘online child sexual abuse’ means the material and conduct referred to in Article 5(3);'
    )
    expect(toMarkdown(applyInverse(follow.document, follow.inverse))).toBe(source)
    const keep = applyAmendments(draft, [{id: 'r', type: 'renumber', nums: {art_1: 'Article 5'}, references: 'keep'}], {
      renumber: 'amending-act'
    })
    expect(textOf(findByEid(keep.document, 'art_2__point_2')!, {num: false})).toContain('referred to in Article 1(2);')
  })

  it('checkAmendments on the draft: a renumbering insertion with cross-references, in both policies', () => {
    const amendments: Amendment[] = [
      {
        id: 'new-art',
        type: 'insert',
        at: {before: 'art_1'},
        markdown: '### Article 1\n\n#### Purpose\n\nThis Regulation serves the purpose set out in Article 2.'
      }
    ]
    const sequential = edited(draft, (copy) => {
      const body = copy.children.find((c) => c.type === 'body') as {children: Array<{num: string}>}
      for (const a of body.children) a.num = a.num.replace(/\d+/, (n) => String(Number(n) + 1))
      const [article] = parseFragment(
        '### Article 1\n\n#### Purpose\n\nThis Regulation serves the purpose set out in Article 3.',
        {kind: 'article'}
      )
      ;(body.children as unknown[]).unshift(article)
    })
    const fixed = fromMarkdown(
      toMarkdown(sequential)
        .replace('referred to in Article 1(2);', 'referred to in Article 2(2);')
        .replace('safeguards referred to in Article 3.', 'safeguards referred to in Article 4.')
    )
    checkAmendments(draft, amendments, fixed, {renumber: 'sequential', parseFragment})
    const act = edited(draft, (copy) => {
      const body = copy.children.find((c) => c.type === 'body') as {children: unknown[]}
      const [article] = parseFragment(
        '### Article -1\n\n#### Purpose\n\nThis Regulation serves the purpose set out in Article 2.',
        {kind: 'article'}
      )
      body.children.unshift(article)
    })
    checkAmendments(draft, amendments, act, {renumber: 'amending-act', parseFragment})
  })
})
