// The fast serialiser must write exactly what `hast-util-to-html` writes
// (with the renderer's options), escaping included: on generated trees —
// nasty texts and attribute values, void and raw-text elements, properties
// it knows and ones it hands over, nodes outside its subset — and on the
// documents the renderer builds.
import fc from 'fast-check'
import type {Element, ElementContent, Properties, Root, RootContent} from 'hast'
import {toHtml as reference} from 'hast-util-to-html'
import {parse} from 'parse5'
import {describe, expect, it} from 'vitest'
import {documentTree} from '../src/lib/html.js'
import {SERIALIZE_OPTIONS, serializeHtml} from '../src/lib/serialize.js'
import {NASTY, fixture} from '../../../test/fixtures/comparisons/fixture.js'
import {consulted, footnoted, real} from '../../../test/fixtures/comparisons/real.js'

// Characters that matter to HTML (references, quotes, raw-text ends, NUL,
// controls, non-ASCII, a lone and a paired surrogate) and plain letters.
const piece = fc.constantFrom(
  '&',
  '<',
  '>',
  '"',
  "'",
  '`',
  '=',
  '/',
  ' ',
  '\n',
  '\t',
  '\0',
  '\u0001',
  '\u00a0',
  'é',
  '→',
  '\ud83d',
  '\ud83d\ude00',
  '&amp;',
  '</style>',
  '<script>',
  'a',
  'B',
  '1',
  'x'
)
const text = fc.array(piece, {maxLength: 8}).map((parts) => parts.join(''))

// The renderer's properties (the fast path's table) and a few it does not know (handed over).
interface El {
  nodeName: string
  tagName?: string
  value?: string
  attrs?: Array<{name: string; value: string}>
  childNodes?: El[]
}

const KNOWN = [
  'className',
  'ariaLabelledBy',
  'ariaLabel',
  'charSet',
  'checked',
  'open',
  'content',
  'dateTime',
  'href',
  'id',
  'lang',
  'name',
  'scope',
  'style',
  'title',
  'type'
]
const UNKNOWN = ['colSpan', 'accept', 'hidden', 'dataFoo', 'download']
const value = fc.oneof(
  text,
  fc.constantFrom('checked', 'open', '', 'class'),
  fc.integer({min: -5, max: 100}),
  fc.constant(Number.NaN),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(text, {maxLength: 3})
)
const properties = (keys: fc.Arbitrary<string>): fc.Arbitrary<Properties> =>
  fc.dictionary(keys, value, {maxKeys: 4}) as fc.Arbitrary<Properties>
const knownProperties = properties(fc.constantFrom(...KNOWN))
const anyProperties = properties(fc.constantFrom(...KNOWN, ...KNOWN, ...UNKNOWN))

// Void (also in capitals), raw-text, foreign and ordinary tag names.
const tagName = fc.constantFrom(
  'p',
  'span',
  'a',
  'del',
  'ins',
  'br',
  'BR',
  'input',
  'meta',
  'col',
  'wbr',
  'style',
  'script',
  'title',
  'textarea',
  'svg',
  'template',
  'circle',
  'Div'
)

const {node} = fc.letrec<{node: ElementContent; element: Element}>((tie) => ({
  node: fc.oneof(
    {weight: 3, arbitrary: text.map((value): ElementContent => ({type: 'text', value}))},
    {weight: 3, arbitrary: tie('element')},
    {weight: 1, arbitrary: text.map((value): ElementContent => ({type: 'comment', value}))}
  ),
  element: fc.record({
    type: fc.constant('element' as const),
    tagName,
    properties: fc.oneof({weight: 4, arbitrary: knownProperties}, {weight: 1, arbitrary: anyProperties}),
    children: fc.array(tie('node'), {maxLength: 4, depthIdentifier: 'tree'})
  }) as fc.Arbitrary<Element>
}))

const root: fc.Arbitrary<Root> = fc
  .array(
    fc.oneof(
      node.map((n) => n as RootContent),
      fc.constant<RootContent>({type: 'doctype'})
    ),
    {maxLength: 5}
  )
  .map((children) => ({type: 'root', children}))

describe('serializeHtml', () => {
  it('writes what hast-util-to-html writes, on generated trees', () => {
    fc.assert(
      fc.property(root, (tree) => {
        expect(serializeHtml(tree)).toBe(reference(tree, SERIALIZE_OPTIONS))
      }),
      {numRuns: 2000}
    )
  })

  it('takes the fast path only when it knows every part, and escapes like the reference there', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {type: 'doctype'},
        {
          type: 'element',
          tagName: 'p',
          properties: {className: ['a', NASTY], title: NASTY, checked: 'checked', open: false},
          children: [
            {type: 'text', value: NASTY},
            {type: 'element', tagName: 'br', properties: {}, children: []},
            {type: 'element', tagName: 'style', properties: {}, children: [{type: 'text', value: 'a>b{color:red}'}]}
          ]
        }
      ]
    }
    const html = serializeHtml(tree)
    expect(html).toBe(reference(tree, SERIALIZE_OPTIONS))
    // Data never becomes markup: read as a browser does, the document holds the tree's elements and the data as text and values.
    const p = (parse(html) as unknown as El).childNodes![1]!.childNodes![1]!.childNodes![0]!
    expect(p.tagName).toBe('p')
    expect(p.childNodes!.map((n) => n.nodeName)).toEqual(['#text', 'br', 'style'])
    expect(p.childNodes![0]!.value).toBe(NASTY)
    expect(Object.fromEntries(p.attrs!.map((a) => [a.name, a.value]))).toEqual({
      class: `a ${NASTY}`,
      title: NASTY,
      checked: ''
    })
  })

  it('writes the rendered documents byte for byte as hast-util-to-html does', () => {
    for (const comparison of [fixture, real, consulted, footnoted]) {
      for (const options of [{}, {unchanged: true}, {formal: true}]) {
        const tree = documentTree(comparison, options)
        expect(serializeHtml(tree)).toBe(reference(tree, SERIALIZE_OPTIONS))
      }
    }
  })
})
