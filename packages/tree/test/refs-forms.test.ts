/**
 * The reference forms of the Joint Practical Guide and of real acts, in both
 * orders ("points (h) and (i) of Article 6(1)" / "Article 6(1), points (h)
 * and (i)"), each read, resolved to eIds and followed through a renumbering.
 */
import {describe, expect, it} from 'vitest'
import {
  article,
  assignEids,
  content,
  division,
  documentOf,
  findByEid,
  findReferences,
  findReferencesTo,
  intro,
  linkReferences,
  paragraph,
  point,
  recital,
  renumberReferencesWithWarnings,
  subparagraph,
  type Document,
  type Inline,
  type Node,
  type Ref
} from '@redlex/tree'

function spans(text: string): string[] {
  return findReferences(text).map((span) => {
    const items = span.items.map(
      (item) =>
        item.steps.map((s) => `${s.unit}:${span.value.slice(s.start, s.end)}`).join('/') + (item.relative ? '~' : '')
    )
    return `${span.value}${span.external ? ' [ext]' : ''}${span.range ? ' [range]' : ''} = ${items.join(' | ')}`
  })
}

describe('reference forms', () => {
  it('reads points before and after their article, with and without a comma', () => {
    expect(spans('points (h), (i) and (j) of Article 6(1) apply')).toEqual([
      'points (h), (i) and (j) of Article 6(1) = article:6/paragraph:1/point:h | article:6/paragraph:1/point:i | article:6/paragraph:1/point:j'
    ])
    expect(spans('Article 6(1), points (e) to (h)')).toEqual([
      'Article 6(1), points (e) to (h) [range] = article:6/paragraph:1/point:e | article:6/paragraph:1/point:h'
    ])
    expect(spans('Article 6(1) points (j) and (k)')).toEqual([
      'Article 6(1) points (j) and (k) = article:6/paragraph:1/point:j | article:6/paragraph:1/point:k'
    ])
    expect(spans('Article 6(1) points (e), (f), (h) and (i)')).toEqual([
      'Article 6(1) points (e), (f), (h) and (i) = article:6/paragraph:1/point:e | article:6/paragraph:1/point:f | article:6/paragraph:1/point:h | article:6/paragraph:1/point:i'
    ])
    expect(spans('point (a) of Article 6(1) or point (a) of Article 9(2)')).toEqual([
      'point (a) of Article 6(1) = article:6/paragraph:1/point:a',
      'point (a) of Article 9(2) = article:9/paragraph:2/point:a'
    ])
    expect(spans('points (c), and (e) of paragraph 1')).toEqual([
      'points (c), and (e) of paragraph 1 = paragraph:1/point:c~ | paragraph:1/point:e~'
    ])
  })

  it('reads paragraph and point with and without a comma, relative to the article', () => {
    expect(spans('paragraph 1, point (b)')).toEqual(['paragraph 1, point (b) = paragraph:1/point:b~'])
    expect(spans('paragraph 1 point (b)')).toEqual(['paragraph 1 point (b) = paragraph:1/point:b~'])
    expect(spans('point (b) of paragraph 1 of this Article')).toEqual([
      'point (b) of paragraph 1 = paragraph:1/point:b~'
    ])
  })

  it('reads subparagraphs in both orders, with points after them', () => {
    expect(spans('the second subparagraph of Article 3(2)')).toEqual([
      'second subparagraph of Article 3(2) = article:3/paragraph:2/subparagraph:second'
    ])
    expect(spans('Article 3(2), first subparagraph')).toEqual([
      'Article 3(2), first subparagraph = article:3/paragraph:2/subparagraph:first'
    ])
    expect(spans('Article 5(1), first subparagraph, point (g), to the extent')).toEqual([
      'Article 5(1), first subparagraph, point (g) = article:5/paragraph:1/subparagraph:first/point:g'
    ])
    expect(spans('paragraph 1, first subparagraph, point (h), shall')).toEqual([
      'paragraph 1, first subparagraph, point (h) = paragraph:1/subparagraph:first/point:h~'
    ])
    expect(spans('point (b) of the first subparagraph of Article 5(1)')).toEqual([
      'point (b) of the first subparagraph of Article 5(1) = article:5/paragraph:1/subparagraph:first/point:b'
    ])
  })

  it('reads annexes, divisions in both orders and recitals', () => {
    expect(spans('Annex I, point 3')).toEqual(['Annex I, point 3 = annex:I/point:3'])
    expect(spans('Annex III, point 1(a)')).toEqual(['Annex III, point 1(a) = annex:III/point:1/point:a'])
    expect(spans('Chapter III, Section 2')).toEqual(['Chapter III, Section 2 = chapter:III/section:2'])
    expect(spans('Section 2 of Chapter III')).toEqual(['Section 2 of Chapter III = chapter:III/section:2'])
    expect(spans('recital 12')).toEqual(['recital 12 = recital:12'])
    expect(spans('recitals 3, 5 and 7')).toEqual(['recitals 3, 5 and 7 = recital:3 | recital:5 | recital:7'])
  })

  it('keeps references into other acts external in the new forms', () => {
    expect(spans('point (b) of Article 1(1) of Directive (EU) 2015/1535')).toEqual([
      'point (b) of Article 1(1) [ext] = article:1/paragraph:1/point:b'
    ])
    expect(spans('points (a) and (b) of Article 3 TFEU')).toEqual([
      'points (a) and (b) of Article 3 [ext] = article:3/point:a | article:3/point:b'
    ])
  })
})

/** Article 6(1) with points (a)–(k); Article 7 and 8 refer to it in every form; Chapter III with two sections; Annex-less. */
function act(): Document {
  const letters = 'abcdefghijk'.split('')
  return linkReferences(
    assignEids(
      documentOf([
        {
          type: 'preamble',
          children: [
            {type: 'recitals', children: [recital('(1)', [content('Article 6(1), points (e) to (h), are narrow.')])]}
          ]
        },
        {
          type: 'body',
          children: [
            article('Article 1', undefined, [content('See Chapter II, Section 2 and Section 1 of Chapter II.')]),
            article('Article 6', undefined, [
              paragraph('1.', [
                intro('Processing shall be lawful where:'),
                ...letters.map((l) => point(`(${l})`, [content(`ground ${l};`)]))
              ]),
              paragraph('2.', [
                content('By way of derogation from paragraph 1 point (b), the following applies.'),
                subparagraph([content('The first subparagraph, point (a), applies.')])
              ])
            ]),
            article('Article 7', undefined, [
              content('Article 6(1) points (j) and (k) and points (h), (i) and (j) of Article 6(1) apply.')
            ]),
            division('chapter', 'CHAPTER II', undefined, [
              division('section', 'SECTION 1', undefined, [
                article('Article 8', undefined, [content('Article 6(1), first subparagraph, point (c).')])
              ]),
              division('section', 'SECTION 2', undefined, [article('Article 9', undefined, [content('Nothing.')])])
            ])
          ]
        }
      ])
    ).document
  )
}

function refs(document: Document, eId: string): Ref[] {
  const out: Ref[] = []
  const visit = (n: Node): void => {
    if (n.type === 'ref') out.push(n)
    else if ('children' in n && !('eId' in n && n !== findByEid(document, eId)))
      for (const c of n.children as Node[]) visit(c)
  }
  visit(findByEid(document, eId)!)
  return out
}

function ownText(document: Document, eId: string): string {
  const node = findByEid(document, eId) as {children: Node[]}
  const inl = (list: readonly Inline[]): string =>
    list.map((n) => ('value' in n ? n.value : 'children' in n ? inl(n.children) : '')).join('')
  return node.children
    .filter((c) => c.type === 'content' || c.type === 'intro')
    .map((c) => inl((c as {children: Inline[]}).children))
    .join(' / ')
}

describe('resolving the forms', () => {
  it('resolves each form to the eIds it names', () => {
    const doc = act()
    expect(refs(doc, 'art_7').map((r) => r.targets)).toEqual([
      ['art_6__para_1__point_j', 'art_6__para_1__point_k'],
      ['art_6__para_1__point_h', 'art_6__para_1__point_i', 'art_6__para_1__point_j']
    ])
    expect(refs(doc, 'rec_1')[0]!.targets).toEqual([
      'art_6__para_1__point_e',
      'art_6__para_1__point_f',
      'art_6__para_1__point_g',
      'art_6__para_1__point_h'
    ])
    expect(refs(doc, 'art_6__para_2')[0]!.targets).toEqual(['art_6__para_1__point_b'])
    expect(refs(doc, 'art_8')[0]!.targets).toEqual(['art_6__para_1__point_c'])
    expect(refs(doc, 'art_1').map((r) => r.targets)).toEqual([['chp_II__sec_2'], ['chp_II__sec_1']])
  })

  it('finds the references that name a unit by itself (not inside a range)', () => {
    const doc = act()
    const found = findReferencesTo(doc, new Set(['art_6__para_1__point_j', 'art_6__para_1__point_f']))
    expect(found).toEqual([
      {eId: 'art_7', value: 'Article 6(1) points (j) and (k)', target: 'art_6__para_1__point_j'},
      {eId: 'art_7', value: 'points (h), (i) and (j) of Article 6(1)', target: 'art_6__para_1__point_j'}
    ])
  })
})

describe('renumbering the forms', () => {
  /** Delete Article 6(1), point (e) and reletter the later points; return the rewritten text and warnings. */
  function deletePointE(): {doc: Document; warnings: string[]} {
    const before = act()
    const edited = structuredClone(before)
    const para = findByEid(edited, 'art_6__para_1') as {children: Node[]}
    para.children = para.children.filter((c) => !('eId' in c && c.eId === 'art_6__para_1__point_e'))
    // `before` for the rewrite is the text after the deletion, before relettering (as the amendment runner does).
    const deleted = assignEids(structuredClone(edited)).document
    let n = 0
    for (const c of para.children) if (c.type === 'point') c.num = `(${'abcdefghijk'[n++]})`
    const {document, renames} = assignEids(edited)
    const out = renumberReferencesWithWarnings(document, renames, deleted)
    return {doc: out.document, warnings: out.warnings.map((w) => `${w.eId}: ${w.reason}`)}
  }

  it('rewrites every form when the points move up', () => {
    const {doc} = deletePointE()
    expect(ownText(doc, 'art_7')).toBe(
      'Article 6(1) points (i) and (j) and points (g), (h) and (i) of Article 6(1) apply.'
    )
    expect(refs(doc, 'art_7')[0]!.targets).toEqual(['art_6__para_1__point_i', 'art_6__para_1__point_j'])
  })

  it('warns, naming the provision, the reference and the reason, when a listed unit names nothing', () => {
    const {doc, warnings} = deletePointE()
    // The range lost its first endpoint: kept for the end that follows, and reported.
    expect(ownText(doc, 'rec_1')).toBe('Article 6(1), points (e) to (g), are narrow.')
    expect(warnings).toEqual([
      expect.stringMatching(
        /^rec_1: `Article 6\(1\), points \(e\) to \(h\)` kept as written: its other numbers were rewritten, but `6\/1\/e` names no unit/
      )
    ])
  })
})
