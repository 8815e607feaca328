/**
 * Mixed reference lists, each member with its own keyword or level:
 * "Article 6(1), Articles 102 to 109 and Article 112", "paragraphs 1, point
 * (d), 2 and 3", "the first and second subparagraphs of Article 5(2)". One
 * span reads them whole; every member resolves, follows a renumbering and is
 * found when the unit it names is deleted. A property test renders generated
 * lists and checks parse → targets and renumber → every member rewritten.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {
  article,
  assignEids,
  content,
  documentOf,
  findByEid,
  findReferences,
  findReferencesTo,
  intro,
  linkReferences,
  paragraph,
  point,
  renumberReferencesWithWarnings,
  subparagraph,
  type Document,
  type Inline,
  type Node,
  type Ref
} from '@redlex/tree'

/** `value = steps | steps` with `<to` on the end of a range and `~` on relative items. */
function spans(text: string): string[] {
  return findReferences(text).map((span) => {
    const items = span.items.map(
      (item) =>
        item.steps.map((s) => `${s.unit}:${span.value.slice(s.start, s.end)}`).join('/') +
        (item.to ? '<to' : '') +
        (item.relative ? '~' : '')
    )
    return `${span.value}${span.range ? ' [range]' : ''} = ${items.join(' | ')}`
  })
}

describe('mixed reference lists', () => {
  it('reads articles written out with their own keyword, lists and ranges among them', () => {
    expect(spans('only Article 6(1), Articles 102 to 109 and Article 112 apply')).toEqual([
      'Article 6(1), Articles 102 to 109 and Article 112 = article:6/paragraph:1 | article:102 | article:109<to | article:112'
    ])
    expect(spans('Articles 2 to 4 and Article 7(2) apply')).toEqual([
      'Articles 2 to 4 and Article 7(2) = article:2 | article:4<to | article:7/paragraph:2'
    ])
    expect(spans('Articles 2 to 4')).toEqual(['Articles 2 to 4 [range] = article:2 | article:4<to'])
  })

  it('reads a point of one member of a paragraph list', () => {
    expect(spans('As regards paragraphs 1, point (d) and 2, each')).toEqual([
      'paragraphs 1, point (d) and 2 = paragraph:1/point:d~ | paragraph:2~'
    ])
    expect(spans('listed in paragraphs 1, point (d), 2 and 3. That')).toEqual([
      'paragraphs 1, point (d), 2 and 3 = paragraph:1/point:d~ | paragraph:2~ | paragraph:3~'
    ])
  })

  it('reads a list after the singular `point`, as real acts write it', () => {
    expect(spans('the powers mentioned in paragraph 2 point (g) and (h), the Board')).toEqual([
      'paragraph 2 point (g) and (h) = paragraph:2/point:g~ | paragraph:2/point:h~'
    ])
    expect(spans('point (a) and (c) of Article 5')).toEqual([
      'point (a) and (c) of Article 5 = article:5/point:a | article:5/point:c'
    ])
  })

  it('reads lists of ordinal subparagraphs, alone or of a unit', () => {
    expect(spans('referred to in the first and second subparagraphs. It')).toEqual([
      'first and second subparagraphs = subparagraph:first~ | subparagraph:second~'
    ])
    expect(spans('the first, second and fourth subparagraphs of Article 5(2) shall')).toEqual([
      'first, second and fourth subparagraphs of Article 5(2) = article:5/paragraph:2/subparagraph:first | article:5/paragraph:2/subparagraph:second | article:5/paragraph:2/subparagraph:fourth'
    ])
    // the steps the items share are shifted once when the leading `the` is dropped
    expect(spans('the first subparagraph, points (a) and (b) of Article 5(2)')).toEqual([
      'first subparagraph, points (a) and (b) of Article 5(2) = article:5/paragraph:2/subparagraph:first/point:a | article:5/paragraph:2/subparagraph:first/point:b'
    ])
    expect(spans('the second to fourth subparagraphs of paragraph 2')).toEqual([
      'second to fourth subparagraphs of paragraph 2 [range] = paragraph:2/subparagraph:second~ | paragraph:2/subparagraph:fourth<to~'
    ])
  })
})

/** Articles 1–12; Article 6 has paragraph 1 with points (a)–(e) and paragraph 2 with three subparagraphs. */
function act(references: string): Document {
  const articles = Array.from({length: 12}, (_, i) => {
    const n = i + 1
    if (n === 6)
      return article('Article 6', undefined, [
        paragraph('1.', [intro('Where:'), ...'abcde'.split('').map((l) => point(`(${l})`, [content(`case ${l};`)]))]),
        paragraph('2.', [
          subparagraph([content('One.')]),
          subparagraph([content('Two.')]),
          subparagraph([content('Three.')])
        ]),
        paragraph('3.', [
          content('As regards paragraphs 1, point (d), 2 and 3, the first and second subparagraphs of paragraph 2.')
        ])
      ])
    return article(`Article ${n}`, undefined, [content(n === 12 ? references : `Text of Article ${n}.`)])
  })
  return linkReferences(assignEids(documentOf([{type: 'body', children: articles}])).document)
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

/** Delete Article `k` and number the later articles down; return the references' text and the warnings. */
function deleteArticle(before: Document, k: number): {doc: Document; warnings: string[]} {
  const edited = structuredClone(before)
  const body = edited.children.find((c) => c.type === 'body') as {children: Node[]}
  body.children = body.children.filter((c) => !('eId' in c && c.eId === `art_${k}`))
  const deleted = assignEids(structuredClone(edited)).document
  for (const c of body.children)
    if (c.type === 'article') {
      const n = Number(/\d+/.exec(c.num!)![0])
      if (n > k) c.num = `Article ${n - 1}`
    }
  const {document, renames} = assignEids(edited)
  const out = renumberReferencesWithWarnings(document, renames, deleted)
  return {doc: out.document, warnings: out.warnings.map((w) => `${w.eId}: ${w.reason}`)}
}

describe('mixed lists in a document', () => {
  it('resolves every member, a range to each unit in it', () => {
    const doc = act('Article 6(1), Articles 8 to 10 and Article 11 apply.')
    expect(refs(doc, 'art_12')[0]!.targets).toEqual(['art_6__para_1', 'art_8', 'art_9', 'art_10', 'art_11'])
    expect(refs(doc, 'art_6__para_3').map((r) => r.targets)).toEqual([
      ['art_6__para_1__point_d', 'art_6__para_2', 'art_6__para_3'],
      ['art_6__para_2', 'art_6__para_2__subpara_2']
    ])
  })

  it('rewrites every member when the articles are renumbered', () => {
    const {doc, warnings} = deleteArticle(act('Article 6(1), Articles 8 to 10 and Article 11 apply.'), 2)
    expect(ownText(doc, 'art_11')).toBe('Article 5(1), Articles 7 to 9 and Article 10 apply.')
    expect(warnings).toEqual([])
  })

  it('finds each member that names a unit about to be deleted', () => {
    const doc = act('Article 6(1), Articles 8 to 10 and Article 11 apply.')
    const value = 'Article 6(1), Articles 8 to 10 and Article 11'
    expect(findReferencesTo(doc, new Set(['art_10', 'art_11', 'art_9']))).toEqual([
      {eId: 'art_12', value, target: 'art_10'},
      {eId: 'art_12', value, target: 'art_11'}
    ])
    expect(findReferencesTo(doc, new Set(['art_6__para_1__point_d']))).toEqual([
      {eId: 'art_6__para_3', value: 'paragraphs 1, point (d), 2 and 3', target: 'art_6__para_1__point_d'}
    ])
  })

  it('warns for a member that names a deleted unit while the others follow', () => {
    const {doc, warnings} = deleteArticle(act('Article 6(1), Article 3 and Article 11 apply.'), 3)
    expect(ownText(doc, 'art_11')).toBe('Article 5(1), Article 3 and Article 10 apply.')
    expect(warnings).toEqual([expect.stringMatching(/^art_11: `.*` kept as written: .*`3` names no unit/)])
  })
})

/** One member of a generated list: an article, a paragraph of one, or a range of articles. */
type Member = {article: number; paragraph?: number} | {from: number; to: number}

const member: fc.Arbitrary<Member> = fc.oneof(
  fc.record({article: fc.integer({min: 1, max: 11})}),
  fc.record({article: fc.constant(6), paragraph: fc.integer({min: 1, max: 3})}),
  fc
    .tuple(fc.integer({min: 1, max: 11}), fc.integer({min: 1, max: 11}))
    .filter(([a, b]) => a < b)
    .map(([from, to]) => ({from, to}))
)

function render(members: readonly Member[], shift: (n: number) => number = (n) => n): string {
  const parts = members.map((m) =>
    'from' in m
      ? `Articles ${shift(m.from)} to ${shift(m.to)}`
      : `Article ${shift(m.article)}${m.paragraph ? `(${m.paragraph})` : ''}`
  )
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

function expectedTargets(members: readonly Member[]): string[] {
  const out = members.flatMap((m) => {
    if ('from' in m) return Array.from({length: m.to - m.from + 1}, (_, i) => `art_${m.from + i}`)
    return [m.paragraph ? `art_${m.article}__para_${m.paragraph}` : `art_${m.article}`]
  })
  return [...new Set(out)]
}

describe('generated mixed lists (property)', () => {
  const lists = fc.array(member, {minLength: 2, maxLength: 5}).filter((ms) => ms.some((m) => 'from' in m))

  it('parse one span whose targets are every member, ranges expanded', () => {
    fc.assert(
      fc.property(lists, (members) => {
        const text = render(members)
        const found = findReferences(`${text} apply.`)
        expect(found.map((s) => s.value)).toEqual([text])
        expect(refs(act(`${text} apply.`), 'art_12')[0]!.targets).toEqual(expectedTargets(members))
      }),
      {numRuns: 60, seed: 13}
    )
  })

  it('renumber rewrites every member', () => {
    const numbers = (m: Member): number[] => ('from' in m ? [m.from, m.to] : [m.article])
    const cases = fc
      .tuple(lists, fc.integer({min: 1, max: 11}))
      .filter(([members, k]) => k !== 6 && members.every((m) => !numbers(m).includes(k)))
    fc.assert(
      fc.property(cases, ([members, k]) => {
        const {doc, warnings} = deleteArticle(act(`${render(members)} apply.`), k)
        expect(ownText(doc, 'art_11')).toBe(`${render(members, (n) => (n > k ? n - 1 : n))} apply.`)
        expect(warnings).toEqual([])
      }),
      {numRuns: 60, seed: 13}
    )
  })
})
