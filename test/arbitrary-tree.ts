/**
 * fast-check generators of redlex document trees shaped like the ones the
 * importers make — with the defects real sources have (duplicate, skipped
 * and backward numbers, numbers glued to their text, a recital right before
 * the enacting formula) and texts full of characters that mean something in
 * Markdown or XML. Used by the lossless round-trip properties (Markdown and
 * AKN).
 */
import fc from 'fast-check'
import {assignEids, toAlpha, toRoman} from '@redlex/tree'
import type {
  Annex,
  Article,
  Division,
  Document,
  Indent,
  Inline,
  Paragraph,
  Point,
  Preamble,
  ProvisionContent,
  Recital,
  Subparagraph
} from '@redlex/tree'

/** Pieces that mean something to a Markdown or XML reader, or that a writer might mangle. */
const TRICKY = [
  '(e) ',
  '(e)',
  '(17)',
  '(17)This',
  '\n\n(e) …',
  '\n(a) ',
  '\n\n',
  '\n',
  '\n1. ',
  '\n— ',
  '\n## CHAPTER I',
  '\n---\n',
  '#',
  '# ',
  '## ',
  '1.',
  '1. ',
  '2) ',
  '- ',
  '+ ',
  '* ',
  '*',
  '**',
  '_',
  '__',
  '`',
  '```',
  '~~',
  '|',
  '> ',
  '=',
  '===',
  '\\',
  '\\\\',
  '<',
  '<b>',
  '</p>',
  '<!-- x -->',
  '&',
  '&amp;',
  '&#10;',
  '&#x2014;',
  '[',
  ']',
  '[^1]',
  '[^1]: x',
  '[x](y)',
  '![i](j)',
  '\u00a0',
  ' \u00a0',
  '\t',
  '  ',
  '\u0007',
  '\u001f',
  '\u200b',
  '\u2028',
  '—',
  ' — ',
  '…',
  '‘',
  '’',
  '“',
  '”',
  'é',
  'Article 3',
  'Article 3(2), point (a)',
  'HAVE ADOPTED THIS REGULATION:',
  'Whereas:',
  'Having regard to',
  'Done at Brussels,',
  'This Regulation shall be binding in its entirety',
  'ANNEX',
  '---',
  '***',
  '<!-- wrap-up -->',
  'http://x.eu',
  'a@b.eu',
  'www.x.eu',
  '\uD83D\uDE00'
]
const WORDS = [
  'the',
  'Member',
  'States',
  'shall',
  'widget',
  'label',
  'data',
  'a',
  'of',
  'in',
  'Union',
  'safety',
  'x',
  'OJ L 1'
]

/** A text value: words and tricky pieces, joined with or without spaces. */
export const textValue: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      {weight: 3, arbitrary: fc.constantFrom(...WORDS)},
      {weight: 2, arbitrary: fc.constantFrom(...TRICKY)},
      {weight: 1, arbitrary: fc.string({maxLength: 4})}
    ),
    {minLength: 1, maxLength: 8}
  )
  .chain((parts) =>
    fc
      .array(fc.constantFrom(' ', '', ' '), {minLength: parts.length, maxLength: parts.length})
      .map((seps) => parts.map((p, i) => (i > 0 ? seps[i]! : '') + p).join(''))
  )
  // C0/C1 control characters (tab, LF and CR aside) never reach a tree: XML forbids most of them and the
  // importers drop them with a warning; CommonMark cannot carry them (a reference to one reads as U+FFFD).
  .map((value) => value.replace(/[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g, ''))
  .filter((value) => value.length > 0)

/** Footnote markers are unique in a document (importers number them 1, 2, 3 …). */
class Notes {
  next = 1
  marker(): string {
    return String(this.next++)
  }
}

function inlineRun(notes: Notes, depth: number): fc.Arbitrary<Inline[]> {
  const leaf: fc.Arbitrary<Inline> = textValue.map((value) => ({type: 'text', value}))
  const formatted: fc.Arbitrary<Inline> =
    depth > 1
      ? leaf
      : fc.oneof(
          {weight: 6, arbitrary: leaf},
          // Emphasis as sources have it: words, between words (Markdown cannot tell `****x****` from nested emphasis).
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.constantFrom('emphasis', 'strong'), fc.constantFrom(...WORDS))
              .map(([type, word]) => ({type, children: [{type: 'text', value: word}]}) as Inline)
          },
          // Footnotes hold no footnotes (no source nests them).
          ...(depth === 0
            ? [
                {
                  weight: 1,
                  arbitrary: inlineRun(notes, 2).map(
                    (children) => ({type: 'authorialNote', marker: '', children}) as Inline
                  )
                }
              ]
            : [])
        )
  return fc
    .array(formatted, {minLength: 1, maxLength: 3})
    .map((nodes) =>
      mergeTexts(nodes.flatMap((node, i) => (i > 0 ? [{type: 'text', value: ' x '} as Inline, node] : [node])))
    )
}

function mergeTexts(nodes: Inline[]): Inline[] {
  const out: Inline[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text')
      out[out.length - 1] = {type: 'text', value: last.value + node.value}
    else out.push(node)
  }
  return out
}

/** A number sequence 1, 2, 3 … with defects: a duplicate, a skip, a step back, an inserted 2a. */
const sequence = (length: number): fc.Arbitrary<number[]> =>
  fc.array(fc.constantFrom(1, 1, 1, 1, 1, 1, 0, 2, -1), {minLength: length, maxLength: length}).map((steps) => {
    const out: number[] = []
    let n = 0
    for (const step of steps) {
      n = Math.max(1, n + step)
      out.push(n)
    }
    return out
  })

type PointStyle = 'alpha' | 'roman' | 'arabic'
const label = (style: PointStyle, n: number): string =>
  `(${style === 'alpha' ? toAlpha(n) : style === 'roman' ? toRoman(n).toLowerCase() : n})`

/** Children of a unit: its text, then maybe a list (points or indents) with a wrap-up, then subparagraphs. */
function unitChildren(notes: Notes, depth: number): fc.Arbitrary<ProvisionContent[]> {
  const text = inlineRun(notes, 0)
  const list = depth >= 4 ? fc.constant(undefined) : fc.option(listOf(notes, depth + 1), {freq: 2})
  return fc
    .tuple(text, list, fc.option(text, {freq: 3}), fc.array(text, {maxLength: depth === 0 ? 2 : 1}))
    .map(([own, items, wrap, subs]) => {
      const children: ProvisionContent[] = []
      if (items) {
        children.push({type: 'intro', children: own}, ...items)
        if (wrap) children.push({type: 'wrapUp', children: wrap})
      } else {
        children.push({type: 'content', children: own})
      }
      for (const sub of subs)
        children.push({
          type: 'subparagraph',
          eId: '',
          children: [{type: 'content', children: sub}]
        } satisfies Subparagraph)
      return children
    })
}

function listOf(notes: Notes, depth: number): fc.Arbitrary<Array<Point | Indent>> {
  return fc
    .tuple(
      fc.constantFrom<PointStyle | 'dash'>('alpha', 'alpha', 'roman', 'arabic', 'dash'),
      fc.integer({min: 1, max: 4})
    )
    .chain(([style, length]) =>
      fc
        .tuple(sequence(length), fc.array(unitChildren(notes, depth), {minLength: length, maxLength: length}))
        .map(([numbers, bodies]) =>
          bodies.map((children, i) =>
            style === 'dash'
              ? ({type: 'indent', eId: '', num: '—', children} satisfies Indent)
              : ({type: 'point', eId: '', num: label(style, numbers[i]!), children} satisfies Point)
          )
        )
    )
}

function articleOf(notes: Notes, n: number): fc.Arbitrary<Article> {
  const heading = fc.option(fc.oneof(inlineRun(notes, 1), fc.constant<Inline[]>([{type: 'text', value: '\u00a0'}])), {
    freq: 3
  })
  const paragraphs = fc
    .integer({min: 1, max: 4})
    .chain((length) =>
      fc
        .tuple(sequence(length), fc.array(unitChildren(notes, 0), {minLength: length, maxLength: length}))
        .map(([numbers, bodies]) =>
          bodies.map((children, i): Paragraph => ({type: 'paragraph', eId: '', num: `${numbers[i]}.`, children}))
        )
    )
  return fc.tuple(heading, fc.oneof(unitChildren(notes, 0), paragraphs)).map(([h, children]) => {
    const article: Article = {type: 'article', eId: '', num: `Article ${n}`, children}
    if (h) article.heading = h
    return article
  })
}

const ROMAN_CHAPTERS = ['I', 'II', 'III', 'IV', 'V']

/** A document with a frame (title, citations, recitals, formulas, conclusions), articles in chapters or not, maybe an annex. */
export const documentTree: fc.Arbitrary<Document> = fc.integer({min: 0, max: 1_000_000}).chain((seed) => {
  void seed
  const notes = new Notes()
  const recitals = fc.integer({min: 1, max: 4}).chain((length) =>
    fc
      .tuple(
        sequence(length),
        fc.array(unitChildren(notes, 1), {minLength: length, maxLength: length}),
        // Acts before about 2000 print their recitals without numbers (`Whereas …;`).
        fc.oneof({weight: 4, arbitrary: fc.constant(true)}, {weight: 1, arbitrary: fc.constant(false)})
      )
      .map(([numbers, bodies, numbered]) =>
        bodies.map(
          (children, i): Recital =>
            numbered
              ? {type: 'recital', eId: '', num: `(${numbers[i]})`, children}
              : {type: 'recital', eId: '', children}
        )
      )
  )
  const articles = fc
    .integer({min: 1, max: 4})
    .chain((length) => sequence(length).chain((numbers) => fc.tuple(...numbers.map((n) => articleOf(notes, n)))))
  const chaptered = fc.boolean()
  const annex = fc.option(
    fc.tuple(fc.option(inlineRun(notes, 1), {freq: 2}), unitChildren(notes, 0)).map(([heading, children]): Annex => {
      const node: Annex = {type: 'annex', eId: '', num: 'ANNEX', children}
      if (heading) node.heading = heading
      return node
    }),
    {freq: 3}
  )
  return fc
    .tuple(textValue, fc.array(textValue, {minLength: 1, maxLength: 2}), recitals, articles, chaptered, annex)
    .map(([purpose, citations, recitalList, articleList, inChapters, annexNode]) => {
      const preamble: Preamble = {
        type: 'preamble',
        children: [
          {
            type: 'formula',
            name: 'actingEntity',
            children: [{type: 'text', value: 'THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,'}]
          },
          {
            type: 'citations',
            children: citations.map((c) => ({
              type: 'citation',
              eId: '',
              children: [{type: 'content', children: [{type: 'text', value: `Having regard to ${c},`}]}]
            }))
          },
          {type: 'recitals', intro: [{type: 'text', value: 'Whereas:'}], children: recitalList},
          {type: 'formula', name: 'enactingFormula', children: [{type: 'text', value: 'HAVE ADOPTED THIS REGULATION:'}]}
        ]
      }
      const body: Array<Division | Article> = inChapters
        ? [
            {
              type: 'division',
              eId: '',
              kind: 'chapter',
              num: `CHAPTER ${ROMAN_CHAPTERS[0]}`,
              heading: [{type: 'text', value: 'GENERAL PROVISIONS'}],
              children: articleList.slice(0, 1)
            },
            ...(articleList.length > 1
              ? [
                  {
                    type: 'division',
                    eId: '',
                    kind: 'chapter',
                    num: `CHAPTER ${ROMAN_CHAPTERS[1]}`,
                    children: articleList.slice(1)
                  } satisfies Division
                ]
              : [])
          ]
        : articleList
      const document: Document = {
        type: 'document',
        kind: 'regulation',
        stage: 'act',
        children: [
          {
            type: 'preface',
            children: [
              {
                type: 'docType',
                children: [
                  {type: 'text', value: 'REGULATION (EU) 2024/1 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL'}
                ]
              },
              {type: 'docDate', children: [{type: 'text', value: 'of 1 June 2024'}]},
              {type: 'docPurpose', children: [{type: 'text', value: `on ${purpose}`}]}
            ]
          },
          preamble,
          {type: 'body', children: body},
          {
            type: 'conclusions',
            children: [
              {
                type: 'formula',
                name: 'bindingForce',
                children: [
                  {
                    type: 'text',
                    value:
                      'This Regulation shall be binding in its entirety and directly applicable in all Member States.'
                  }
                ]
              },
              {type: 'formula', name: 'doneAt', children: [{type: 'text', value: 'Done at Brussels, 1 June 2024.'}]}
            ]
          },
          ...(annexNode ? [annexNode] : [])
        ]
      }
      numberNotes(document)
      return assignEids(document).document
    })
})

/** Footnote markers 1, 2, 3 … in document order (the generator leaves them empty). */
function numberNotes(document: Document): void {
  const notes = new Notes()
  const visit = (node: {
    type: string
    children?: unknown[]
    heading?: unknown[]
    intro?: unknown[]
    marker?: string
  }): void => {
    if (node.type === 'authorialNote') node.marker = notes.marker()
    for (const key of ['heading', 'intro', 'children'] as const) {
      const list = node[key]
      if (Array.isArray(list)) for (const child of list) visit(child as never)
    }
  }
  visit(document as never)
}
