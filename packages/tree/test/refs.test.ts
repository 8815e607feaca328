import {describe, expect, it} from 'vitest'
import {
  article,
  assignEids,
  content,
  division,
  documentOf,
  findByEid,
  findReferences,
  intro,
  linkReferences,
  linkReferencesInPlace,
  paragraph,
  point,
  recital,
  renumberReferences,
  type Article,
  renumberReferencesWithWarnings,
  resolveReferences,
  subparagraph,
  type Document,
  type Inline,
  type Node,
  type Ref
} from '@redlex/tree'

/** The spans of `text` as compact strings: value, flags, and each item's steps. */
function spans(text: string): string[] {
  return findReferences(text).map((span) => {
    const items = span.items.map(
      (item) =>
        item.steps.map((s) => `${s.unit}:${span.value.slice(s.start, s.end)}`).join('/') + (item.relative ? '~' : '')
    )
    return `${span.value}${span.external ? ' [ext]' : ''}${span.range ? ' [range]' : ''} = ${items.join(' | ')}`
  })
}

describe('findReferences', () => {
  it('reads single references in current and older style', () => {
    expect(spans('see Article 4 and')).toEqual(['Article 4 = article:4'])
    expect(spans('Article 3(2), point (a) of this Regulation')).toEqual([
      'Article 3(2), point (a) = article:3/paragraph:2/point:a'
    ])
    expect(spans('under Article 47(1), point (d)(3)(iv).')).toEqual([
      'Article 47(1), point (d)(3)(iv) = article:47/paragraph:1/point:d/point:3/point:iv'
    ])
    expect(spans('Article 3(2)(a)')).toEqual(['Article 3(2)(a) = article:3/paragraph:2/point:a'])
    expect(spans('Article 4a')).toEqual(['Article 4a = article:4a'])
    expect(spans('Article -1')).toEqual(['Article -1 = article:-1'])
  })

  it('reads lists, ranges and mixed levels', () => {
    expect(spans('Articles 2 to 4 apply')).toEqual(['Articles 2 to 4 [range] = article:2 | article:4'])
    expect(spans('Articles 1, 4 and 9')).toEqual(['Articles 1, 4 and 9 = article:1 | article:4 | article:9'])
    expect(spans('Article 2 and Article 3(1)')).toEqual([
      'Article 2 and Article 3(1) = article:2 | article:3/paragraph:1'
    ])
    expect(spans('Article 3(2), points (a) and (b)')).toEqual([
      'Article 3(2), points (a) and (b) = article:3/paragraph:2/point:a | article:3/paragraph:2/point:b'
    ])
    expect(spans('recitals 5 and 6')).toEqual(['recitals 5 and 6 = recital:5 | recital:6'])
    expect(spans('recitals 5 to 7')).toEqual(['recitals 5 to 7 [range] = recital:5 | recital:7'])
  })

  it('reads relative references and ordinals', () => {
    expect(spans('referred to in paragraph 1')).toEqual(['paragraph 1 = paragraph:1~'])
    expect(spans('paragraphs 1 and 2')).toEqual(['paragraphs 1 and 2 = paragraph:1~ | paragraph:2~'])
    expect(spans('in point (a)')).toEqual(['point (a) = point:a~'])
    expect(spans('points (a) to (c)')).toEqual(['points (a) to (c) [range] = point:a~ | point:c~'])
    expect(spans('By way of derogation from the first subparagraph,')).toEqual([
      'first subparagraph = subparagraph:first~'
    ])
    expect(spans('the first subparagraph of Article 5(1)')).toEqual([
      'first subparagraph of Article 5(1) = article:5/paragraph:1/subparagraph:first'
    ])
    expect(spans('the second paragraph of Article 10')).toEqual([
      'second paragraph of Article 10 = article:10/subparagraph:second'
    ])
    expect(spans('Article 5(1), first subparagraph')).toEqual([
      'Article 5(1), first subparagraph = article:5/paragraph:1/subparagraph:first'
    ])
  })

  it('reads recitals, divisions and annexes', () => {
    expect(spans('as explained in recital 12,')).toEqual(['recital 12 = recital:12'])
    expect(spans('Chapter II applies')).toEqual(['Chapter II = chapter:II'])
    expect(spans('Chapters I and II')).toEqual(['Chapters I and II = chapter:I | chapter:II'])
    expect(spans('listed in Annex I to this Regulation')).toEqual(['Annex I = annex:I'])
  })

  it('marks references into other acts as external', () => {
    expect(spans('Article 5(1) of Directive 2002/58/EC')).toEqual(['Article 5(1) [ext] = article:5/paragraph:1'])
    expect(spans('Article 4, point (1), of Regulation (EU) 2016/679')).toEqual([
      'Article 4, point (1) [ext] = article:4/point:1'
    ])
    expect(spans('Article 114 TFEU')).toEqual(['Article 114 [ext] = article:114'])
    expect(spans('Article 16(2) of the Treaty on the Functioning of the European Union')).toEqual([
      'Article 16(2) [ext] = article:16/paragraph:2'
    ])
    expect(spans('Article 114(1) thereof,')).toEqual(['Article 114(1) [ext] = article:114/paragraph:1'])
    expect(spans('Article 6 of that Directive')).toEqual(['Article 6 [ext] = article:6'])
    expect(spans('Article 6 of this Regulation')).toEqual(['Article 6 = article:6'])
  })

  it('finds several references and leaves ordinary words alone', () => {
    const text = 'The articles in this part, point of view, Article 2 and recital 3; see also paragraph 2, point (b).'
    expect(findReferences(text).map((s) => s.value)).toEqual(['Article 2', 'recital 3', 'paragraph 2, point (b)'])
    expect(findReferences('Title of the act; section headings; no article here')).toEqual([])
  })

  it('gives offsets into the searched text', () => {
    const text = 'as laid down in Articles 2 to 4, and'
    const [span] = findReferences(text)
    expect(text.slice(span!.start, span!.end)).toBe('Articles 2 to 4')
  })
})

/** A small draft: recitals 1–3; Articles 1–4; Article 3 has paragraphs with points. */
function draft(): Document {
  return assignEids(
    documentOf([
      {
        type: 'preamble',
        children: [
          {
            type: 'citations',
            children: [
              {
                type: 'citation',
                eId: '',
                children: [
                  content(
                    'Having regard to the Treaty, and in particular Article 16(2), in conjunction with Article 114(1) thereof,'
                  )
                ]
              }
            ]
          },
          {
            type: 'recitals',
            children: [
              recital('(1)', [content('Article 3 lays down the derogation.')]),
              recital('(2)', [content('Articles 2 to 4 set out the rules.')]),
              recital('(3)', [content('See recitals 1 and 2.')])
            ]
          }
        ]
      },
      {
        type: 'body',
        children: [
          division('chapter', 'CHAPTER I', 'General', [
            article('Article 1', 'Subject matter', [
              content('This Regulation lays down rules; see Article 3(2), point (a), and Chapter I.')
            ]),
            article('Article 2', 'Definitions', [
              content(
                'For the purposes of Article 3 and Article 4(1), the definitions of Article 2 of Directive 2002/58/EC apply.'
              )
            ])
          ]),
          article('Article 3', 'Scope', [
            paragraph('1.', [content('Providers may process data, subject to paragraph 2.')]),
            paragraph('2.', [
              intro('The processing shall be:'),
              point('(a)', [content('limited to what is necessary;')]),
              point('(b)', [content('subject to point (a).')])
            ]),
            paragraph('3.', [
              content('Paragraphs 1 and 2 apply.'),
              subparagraph([content('The first subparagraph does not apply to Article 4.')])
            ])
          ]),
          article('Article 4', 'Entry into force', [
            content('This Regulation shall enter into force on the twentieth day.'),
            subparagraph([content('The first paragraph is without prejudice to Articles 1, 2 and 3.')])
          ])
        ]
      }
    ])
  ).document
}

function refsIn(node: Node | undefined): Ref[] {
  const out: Ref[] = []
  const visit = (n: Node): void => {
    if (n.type === 'ref') out.push(n)
    if ('children' in n) for (const c of n.children as Node[]) visit(c)
  }
  if (node) visit(node)
  return out
}

function textIn(node: Node | undefined): string {
  const inl = (list: readonly Inline[]): string =>
    list.map((n) => ('value' in n ? n.value : 'children' in n ? inl(n.children) : '')).join('')
  const out: string[] = []
  const visit = (n: Node): void => {
    if (n.type === 'content' || n.type === 'intro') out.push(inl(n.children))
    else if ('children' in n) for (const c of n.children as Node[]) visit(c)
  }
  if (node) visit(node)
  return out.join(' / ')
}

describe('linkReferences', () => {
  it('links a tree given up in place, as it links a copy', () => {
    const given = draft()
    const copied = linkReferences(given)
    expect(linkReferencesInPlace(given)).toBe(given)
    expect(given).toEqual(copied)
  })
  it('splits text into text and ref nodes with resolved targets', () => {
    const linked = linkReferences(draft())
    const art1 = findByEid(linked, 'art_1')!
    expect(art1.children[0]).toEqual(
      content([
        'This Regulation lays down rules; see ',
        {type: 'ref', value: 'Article 3(2), point (a)', targets: ['art_3__para_2__point_a']},
        ', and ',
        {type: 'ref', value: 'Chapter I', targets: ['chp_I']},
        '.'
      ])
    )
    expect(refsIn(findByEid(linked, 'art_2')).map((r) => [r.value, r.targets, r.external ?? false])).toEqual([
      // Mixed levels are one reference; Article 4 has no paragraph 1, so only Article 3 resolves.
      ['Article 3 and Article 4(1)', ['art_3'], false],
      ['Article 2', [], true]
    ])
  })

  it('resolves relative references against the enclosing article and paragraph', () => {
    const linked = linkReferences(draft())
    expect(refsIn(findByEid(linked, 'art_3__para_1')).map((r) => r.targets)).toEqual([['art_3__para_2']])
    expect(refsIn(findByEid(linked, 'art_3__para_2__point_b')).map((r) => r.targets)).toEqual([
      ['art_3__para_2__point_a']
    ])
    expect(refsIn(findByEid(linked, 'art_3__para_3')).map((r) => [r.value, r.targets])).toEqual([
      ['Paragraphs 1 and 2', ['art_3__para_1', 'art_3__para_2']],
      ['first subparagraph', ['art_3__para_3']],
      ['Article 4', ['art_4']]
    ])
    expect(refsIn(findByEid(linked, 'art_4__subpara_2')).map((r) => [r.value, r.targets])).toEqual([
      ['first paragraph', ['art_4']],
      ['Articles 1, 2 and 3', ['art_1', 'art_2', 'art_3']]
    ])
  })

  it('expands ranges to every unit between the endpoints, and treats citations as external', () => {
    const linked = linkReferences(draft())
    expect(refsIn(findByEid(linked, 'rec_2'))[0]).toEqual({
      type: 'ref',
      value: 'Articles 2 to 4',
      targets: ['art_2', 'art_3', 'art_4'],
      range: true
    })
    expect(refsIn(findByEid(linked, 'rec_3'))[0]!.targets).toEqual(['rec_1', 'rec_2'])
    expect(refsIn(findByEid(linked, 'cit_1')).map((r) => [r.value, r.external])).toEqual([
      ['Article 16(2)', true],
      ['Article 114(1)', true]
    ])
  })

  it('does not change its input and is idempotent', () => {
    const base = draft()
    const before = structuredClone(base)
    const once = linkReferences(base)
    expect(base).toEqual(before)
    expect(linkReferences(once)).toEqual(once)
  })

  it('gives split text nodes positions when the source maps one to one', () => {
    const doc = documentOf([
      {
        type: 'body',
        children: [
          article('Article 1', undefined, [
            {
              type: 'content',
              children: [
                {
                  type: 'text',
                  value: 'See Article 1.',
                  position: {start: {line: 3, column: 1, offset: 20}, end: {line: 3, column: 15, offset: 34}}
                }
              ]
            }
          ])
        ]
      }
    ])
    const linked = linkReferences(assignEids(doc).document)
    const ref = refsIn(linked)[0]!
    expect(ref.position).toEqual({start: {line: 3, column: 5, offset: 24}, end: {line: 3, column: 14, offset: 33}})
  })
})

describe('resolveReferences', () => {
  it('recomputes targets after the tree changed', () => {
    const linked = linkReferences(draft())
    const body = linked.children[1]!
    if (body.type !== 'body') throw new Error('no body')
    body.children.pop() // drop Article 4
    const resolved = resolveReferences(linked)
    // A range whose end no longer resolves keeps only the endpoint that does.
    expect(refsIn(findByEid(resolved, 'rec_2'))[0]!.targets).toEqual(['art_2'])
    expect(refsIn(findByEid(resolved, 'art_3__para_3')).map((r) => r.targets)[2]).toEqual([])
  })
})

/** Insert `node` into the body at `index`, renumber articles 1..n, and return the new tree + renames. */
function insertArticle(
  doc: Document,
  at: number
): {before: Document; after: Document; renames: Record<string, string>} {
  const before = structuredClone(doc)
  const edited = structuredClone(doc)
  const body = edited.children.find((c) => c.type === 'body')!
  if (body.type !== 'body') throw new Error('no body')
  // Flatten: articles are numbered across divisions.
  body.children.splice(at, 0, article('Article 2a', 'New', [content('New text referring to Article 4.')]))
  let n = 0
  const number = (list: Node[]): void => {
    for (const c of list) {
      if (c.type === 'article') c.num = `Article ${++n}`
      else if (c.type === 'division') number(c.children)
    }
  }
  number(body.children)
  const {document, renames} = assignEids(edited)
  return {before, after: document, renames}
}

describe('renumberReferences', () => {
  it('rewrites the numbers inside references, ranges included, and recomputes targets', () => {
    const base = linkReferences(draft())
    // Insert a new article after CHAPTER I (before Article 3): 3 → 4, 4 → 5.
    const {after, renames, before} = insertArticle(base, 1)
    expect(renames).toMatchObject({art_3: 'art_4', art_4: 'art_5', art_3__para_2__point_a: 'art_4__para_2__point_a'})
    const out = renumberReferences(after, renames, before)
    expect(textIn(findByEid(out, 'rec_1'))).toBe('Article 4 lays down the derogation.')
    expect(textIn(findByEid(out, 'rec_2'))).toBe('Articles 2 to 5 set out the rules.')
    expect(refsIn(findByEid(out, 'rec_2'))[0]!.targets).toEqual(['art_2', 'art_3', 'art_4', 'art_5'])
    expect(textIn(findByEid(out, 'art_1'))).toBe(
      'This Regulation lays down rules; see Article 4(2), point (a), and Chapter I.'
    )
    expect(textIn(findByEid(out, 'art_2'))).toBe(
      'For the purposes of Article 4 and Article 5(1), the definitions of Article 2 of Directive 2002/58/EC apply.'
    )
    expect(textIn(findByEid(out, 'art_5__subpara_2'))).toBe(
      'The first paragraph is without prejudice to Articles 1, 2 and 4.'
    )
    // Relative references keep their numbers; the citation (external) is untouched.
    expect(textIn(findByEid(out, 'art_4__para_3'))).toBe(
      'Paragraphs 1 and 2 apply. / The first subparagraph does not apply to Article 5.'
    )
    expect(textIn(findByEid(out, 'cit_1'))).toContain('Article 16(2), in conjunction with Article 114(1) thereof')
    // Plain text (not linked) in the inserted article is left as it is.
    expect(textIn(findByEid(out, 'art_3'))).toBe('New text referring to Article 4.')
  })

  it('rewrites points, paragraphs and ordinals', () => {
    const base = linkReferences(draft())
    const edited = structuredClone(base)
    const para2 = findByEid(edited, 'art_3__para_2')!
    // Insert a new point before (a): a → b, b → c.
    para2.children.splice(1, 0, point('(a)', [content('new;')]))
    let letter = 0
    for (const c of para2.children) if (c.type === 'point') c.num = `(${String.fromCharCode(97 + letter++)})`
    // And a new paragraph 1 in Article 3: 1 → 2 …
    const art3 = findByEid(edited, 'art_3') as Article
    art3.children.unshift(paragraph('1.', [content('New first paragraph.')]))
    let p = 0
    for (const c of art3.children) if (c.type === 'paragraph') c.num = `${++p}.`
    const {document, renames} = assignEids(edited)
    const out = renumberReferences(document, renames, base)
    expect(textIn(findByEid(out, 'art_1'))).toBe(
      'This Regulation lays down rules; see Article 3(3), point (b), and Chapter I.'
    )
    expect(textIn(findByEid(out, 'art_3__para_2'))).toBe('Providers may process data, subject to paragraph 3.')
    expect(textIn(findByEid(out, 'art_3__para_3__point_c'))).toBe('subject to point (b).')
    expect(textIn(findByEid(out, 'art_3__para_4'))).toBe(
      'Paragraphs 2 and 3 apply. / The first subparagraph does not apply to Article 4.'
    )
  })

  it('keeps and reports a reference whose target moved to another kind', () => {
    const base = linkReferences(draft())
    const {document, renames} = assignEids(base)
    const fake = {...renames, art_4: 'rec_4'}
    const {warnings} = renumberReferencesWithWarnings(document, fake, base)
    expect(warnings.map((w) => w.value)).toContain('Article 4')
    expect(warnings[0]!.reason).toMatch(/changed kind/)
  })

  it('is the identity when nothing was renamed', () => {
    const base = linkReferences(draft())
    expect(renumberReferences(base, {}, base)).toEqual(base)
  })
})
