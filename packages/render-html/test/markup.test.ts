// The renderer's one HTML writer (markup.ts): on generated trees — nasty
// texts and attribute values, void and raw-text elements, blocks — it writes
// byte for byte what `hast-util-to-html` writes for the same tree (the
// renderer's output before it wrote HTML itself), and an HTML5 parser reads
// back exactly the elements it was given, with every text and attribute value
// as the same characters: data never becomes markup.
import fc from 'fast-check'
import type {Element, ElementContent, Root} from 'hast'
import {toHtml as reference} from 'hast-util-to-html'
import {parse, parseFragment} from 'parse5'
import {describe, expect, it} from 'vitest'
import {
  block,
  documentHtml,
  escapeAttribute,
  escapeText,
  h,
  wrapText,
  type Attributes,
  type Tag
} from '../src/lib/markup.js'
import {NASTY} from '../../../test/fixtures/comparisons/fixture.js'

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
  '&#x26;',
  '</style>',
  '<script>',
  '<!--',
  ']]>',
  'a',
  'B',
  '1',
  'x'
)
const text = fc.array(piece, {maxLength: 8}).map((parts) => parts.join(''))

const STRING_ATTRIBUTES = [
  'id',
  'ariaLabel',
  'charSet',
  'content',
  'dateTime',
  'href',
  'lang',
  'name',
  'scope',
  'style',
  'title',
  'type'
] as const
const attributes: fc.Arbitrary<Attributes> = fc.record(
  {
    ...Object.fromEntries(STRING_ATTRIBUTES.map((name) => [name, fc.option(text, {nil: undefined})])),
    className: fc.option(fc.array(text, {maxLength: 3}), {nil: undefined}),
    ariaLabelledBy: fc.option(fc.array(text, {maxLength: 2}), {nil: undefined}),
    checked: fc.option(fc.boolean(), {nil: undefined}),
    open: fc.option(fc.boolean(), {nil: undefined})
  },
  {requiredKeys: []}
)

/** A tree as the renderer states it: what `h`/`block` are given. */
interface Spec {
  tagName: Tag
  block: boolean
  attributes: Attributes | null
  children: Array<Spec | string>
}

// Void, escapable raw text (`title`) and ordinary tag names (`style`, raw text, is tested below).
const tagName = fc.constantFrom<Tag>('p', 'span', 'a', 'del', 'ins', 'br', 'input', 'meta', 'col', 'title', 'h2')

const {spec} = fc.letrec<{spec: Spec; child: Spec | string}>((tie) => ({
  child: fc.oneof({weight: 3, arbitrary: text}, {weight: 2, arbitrary: tie('spec')}),
  spec: fc.record({
    tagName,
    block: fc.boolean(),
    attributes: fc.option(attributes, {nil: null}),
    children: fc.array(tie('child'), {maxLength: 4, depthIdentifier: 'tree'})
  })
}))

/** Build with the writer under test. */
const build = (s: Spec): ReturnType<typeof h> =>
  (s.block ? block : h)(
    s.tagName,
    s.attributes,
    s.children.map((c) => (typeof c === 'string' ? c : build(c)))
  )

/** The same tree as hast (a block's children each after a line break), for `hast-util-to-html`. */
function hast(s: Spec): Element {
  const properties: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(s.attributes ?? {})) if (value !== undefined) properties[key] = value
  let children: ElementContent[] = s.children
    .filter((c) => c !== '')
    .map((c): ElementContent => (typeof c === 'string' ? {type: 'text', value: c} : hast(c)))
  if (s.block && children.length > 0)
    children = [
      ...children.flatMap((c): ElementContent[] => [{type: 'text', value: '\n'}, c]),
      {type: 'text', value: '\n'}
    ]
  return {type: 'element', tagName: s.tagName, properties: properties as Element['properties'], children}
}

const referenceDocument = (s: Spec): string => {
  const root: Root = {type: 'root', children: [{type: 'doctype'}, {type: 'text', value: '\n'}, hast(s)]}
  return reference(root, {upperDoctype: true}) + '\n'
}

describe('h and block', () => {
  it('write what hast-util-to-html writes for the same tree, on generated trees', () => {
    fc.assert(
      fc.property(spec, (s) => {
        expect(documentHtml(build(s))).toBe(referenceDocument(s))
      }),
      {numRuns: 2000}
    )
  })

  it('write <style> text raw, as hast-util-to-html does, and refuse text that could end it', () => {
    const css = 'a>b{content:"&"}'
    expect(h('style', null, css).html).toBe('<style>a>b{content:"&"}</style>')
    expect(h('style', null, css).html).toBe(
      reference({type: 'element', tagName: 'style', properties: {}, children: [{type: 'text', value: css}]})
    )
    expect(() => h('style', null, 'a{}</style><script>alert(1)</script>')).toThrow(/internal error/)
    expect(() => h('style', null, '</STYLE>')).toThrow(/internal error/)
  })

  it('wrapText writes what h writes', () => {
    fc.assert(
      fc.property(fc.constantFrom('del' as const, 'ins' as const), text, (tag, value) => {
        expect(wrapText(tag, value).html).toBe(h(tag, null, value).html)
      })
    )
  })
})

/** A node as parse5 reads it. */
interface Parsed {
  nodeName: string
  tagName?: string
  value?: string
  attrs?: Array<{name: string; value: string}>
  childNodes?: Parsed[]
}

/** Phrasing elements: they nest in any order without the parser moving or closing them. */
const phrasingTag = fc.constantFrom<Tag>('span', 'del', 'ins', 'em', 'sup', 'time')
const {phrasing} = fc.letrec<{phrasing: Spec; child: Spec | string}>((tie) => ({
  child: fc.oneof({weight: 3, arbitrary: text}, {weight: 2, arbitrary: tie('phrasing')}),
  phrasing: fc.record({
    tagName: phrasingTag,
    block: fc.boolean(),
    attributes: fc.option(attributes, {nil: null}),
    children: fc.array(tie('child'), {maxLength: 4, depthIdentifier: 'phrasing'})
  })
}))

/** What the parser must read for a spec: elements, attributes and text, as a browser's DOM holds them. */
function expected(s: Spec): unknown {
  const attrs: Record<string, string> = {}
  for (const [key, value] of Object.entries(s.attributes ?? {})) {
    if (value === undefined || value === false) continue
    const written = value === true ? '' : typeof value === 'string' ? value : (value as string[]).join(' ').trim()
    // A NUL in a value is written as a reference, which the parser reads as U+FFFD.
    attrs[HTML_NAMES[key] ?? key] = written.replace(/\0/g, '\ufffd')
  }
  // A block's children each follow a line break, and one ends it.
  const given = s.children.filter((c) => c !== '')
  const items = s.block && given.length > 0 ? [...given.flatMap((c) => ['\n', c]), '\n'] : given
  const children: unknown[] = []
  let run = ''
  for (const item of items) {
    if (typeof item === 'string') run += item
    else {
      children.push(...textNode(run), expected(item))
      run = ''
    }
  }
  children.push(...textNode(run))
  return {tag: s.tagName, attrs, children}
}

const HTML_NAMES: Record<string, string> = {
  className: 'class',
  ariaLabel: 'aria-label',
  ariaLabelledBy: 'aria-labelledby',
  charSet: 'charset',
  dateTime: 'datetime'
}

/** A text node as the parser keeps it: NUL is dropped in text, adjacent texts are one node. */
const textNode = (value: string): unknown[] => {
  const kept = value.replace(/\0/g, '')
  return kept === '' ? [] : [kept]
}

function read(node: Parsed): unknown {
  return {
    tag: node.tagName,
    attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])),
    children: (node.childNodes ?? []).map((c) => (c.nodeName === '#text' ? c.value : read(c)))
  }
}

describe('text stays text', () => {
  it('an HTML5 parser reads back exactly the elements written, and every text and value as given', () => {
    fc.assert(
      fc.property(phrasing, (s) => {
        const html = h('p', null, build(s)).html
        const p = (parseFragment(html) as unknown as Parsed).childNodes![0]!
        expect(p.childNodes!.length).toBe(1)
        expect(read(p.childNodes![0]!)).toEqual(expected(s))
      }),
      {numRuns: 1000}
    )
  })

  it('escapes only what it must, with hexadecimal references', () => {
    expect(escapeText('a & b < c > "d"')).toBe('a &#x26; b &#x3C; c > "d"')
    expect(escapeAttribute('a & "b" \'c\' `d` \0 <e>')).toBe(
      'a &#x26; &#x22;b&#x22; &#x27;c&#x27; &#x60;d&#x60; &#x0; <e>'
    )
    const html = documentHtml(h('html', null, h('body', null, h('p', {title: NASTY, className: ['x', NASTY]}, NASTY))))
    const body = (parse(html) as unknown as Parsed).childNodes![1]!.childNodes![1]!
    const p = body.childNodes![0]!
    expect(p.childNodes!.map((n) => n.nodeName)).toEqual(['#text'])
    expect(p.childNodes![0]!.value).toBe(NASTY)
    expect(read(p)).toEqual({tag: 'p', attrs: {title: NASTY, class: `x ${NASTY}`}, children: [NASTY]})
  })
})
