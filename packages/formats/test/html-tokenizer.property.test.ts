/**
 * The HTML importers' tokenizer (src/lib/html-tokenizer.ts) must call
 * htmlparser2's Parser exactly as htmlparser2's own tokenizer does: same
 * events, same order, same offsets. Markup is generated from the forms it
 * reads and from the forms it leaves to the stock tokenizer (entities it
 * does not know, unquoted values, raw-text elements, stray `<`, quirky
 * comments and declarations, markup cut short), and both event streams are
 * compared. Seeded: the same cases on every run.
 */
import fc from 'fast-check'
import {Parser, Tokenizer} from 'htmlparser2'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {HtmlTokenizer} from '../src/lib/html-tokenizer.js'
import {HAS_CORPUS, read} from './corpus.js'

const HANDLERS = [
  'onopentagname',
  'onopentag',
  'onattribute',
  'onclosetag',
  'ontext',
  'oncomment',
  'oncommentend',
  'oncdatastart',
  'oncdataend',
  'onprocessinginstruction',
  'onend',
  'onerror'
]

/** Every parser callback with its arguments and the parser's offsets at that moment. */
function events(html: string, tokenizer: typeof Tokenizer): string[] {
  const out: string[] = []
  const handler = Object.fromEntries(
    HANDLERS.map((name) => [
      name,
      (...args: unknown[]) => out.push(`${name} ${JSON.stringify(args)} @${parser.startIndex}-${parser.endIndex}`)
    ])
  )
  const parser: Parser = new Parser(handler, {recognizeSelfClosing: true, Tokenizer: tokenizer})
  parser.end(html)
  return out
}

const text = fc.constantFrom(
  'Article 1',
  ' ',
  '\n   ',
  '\t',
  'café — ‘quoted’',
  '&amp;',
  '&lt;&gt;',
  '&quot;&apos;',
  '&nbsp;',
  '&#38;',
  '&#x9f;',
  'A & B',
  '&amp',
  '&',
  'a < b',
  '<3',
  '<',
  '>',
  '\u000f\u001c',
  '\u0000'
)
const name = fc.constantFrom(
  'p',
  'P',
  'span',
  'div',
  'br',
  'table',
  'td',
  'a',
  's',
  'sup',
  't',
  'x',
  'title',
  'TITLE',
  'titlex',
  'script',
  'style',
  'textarea',
  'xmp',
  'svg'
)
const attribute = fc.constantFrom(
  ' class="Normal"',
  " id='footnote1'",
  ' hidden',
  ' a = "b"',
  ' v="a&amp;b"',
  ' w="&lt;&gt;&quot;"',
  ' e="&nbsp;"',
  " q='a&b'",
  ' empty=""',
  ' u=unquoted',
  ' =q',
  '/x',
  ' c="x"d="y"',
  ' n\n=\n"multi\nline"',
  ' "odd"'
)
const tagEnd = fc.constantFrom('>', '/>', ' />', '/ >', ' >', '')
const startTag = fc
  .tuple(name, fc.array(attribute, {maxLength: 3}), tagEnd)
  .map(([n, attrs, end]) => `<${n}${attrs.join('')}${end}`)
const endTag = fc.tuple(name, fc.constantFrom('>', ' >', ' x="y">', '/>', '')).map(([n, end]) => `</${n}${end}`)
const other = fc.constantFrom(
  '</ p>',
  '</>',
  '</3>',
  '<!-- note -->',
  '<!---->',
  '<!-->',
  '<!--->',
  '<!-- a --->',
  '<!-- cut',
  '<!DOCTYPE html>',
  '<!>',
  '<!->',
  '<!-x>',
  '<![CDATA[x]]>',
  '<!x',
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<?>',
  '</title >',
  '</TITLE>',
  '<//title>'
)
const markup = fc.array(fc.oneof(text, startTag, endTag, other), {maxLength: 30}).map((parts) => parts.join(''))

describe('the HTML tokenizer', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('calls the parser as the stock tokenizer does, on any markup', () => {
    fc.assert(
      fc.property(markup, (html) => {
        expect(events(html, HtmlTokenizer)).toEqual(events(html, Tokenizer))
      }),
      {numRuns: 3000, seed: 15}
    )
  })

  it('reads the forms of official acts without the stock tokenizer', () => {
    const stock = vi.spyOn(Tokenizer.prototype, 'write')
    const html =
      '<?xml version="1.0"?><!DOCTYPE html><html><head><title>COM(2020) 825 final</title></head>' +
      '<body><!-- act --><p class="Titrearticle" id=\'a1\'>Article&#160;1<br/></p>' +
      '<p class="Normal" hidden><span class="num">(a)</span> text &amp; more &lt;here&gt;</p>' +
      '<a href="x?a=1&amp;b=2">link</a></body></html>'
    expect(events(html, HtmlTokenizer)).toEqual(events(html, Tokenizer))
    const before = stock.mock.calls.length
    events(html.replace('&#160;', ' '), HtmlTokenizer)
    expect(stock.mock.calls.length).toBe(before)
  })

  const files = ['dsa/proposal-com-2020-825.xhtml', 'ai-act/proposal-com-2021-206.xhtml', 'ai-act/final-eurlex.html']
  it.skipIf(!HAS_CORPUS).each(files)('calls the parser as the stock tokenizer does on %s', (file) => {
    const html = read(file)
    expect(events(html, HtmlTokenizer)).toEqual(events(html, Tokenizer))
  })
})
