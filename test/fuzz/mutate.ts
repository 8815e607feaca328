/**
 * Mutations for the fuzz suite: a seed text changed by a few edits — a
 * range deleted, duplicated or moved, the text cut short, a hostile token
 * inserted (control characters, character references XML forbids, entity
 * declarations, BOMs, lone surrogates, Markdown and YAML syntax), or markup
 * nested thousands deep. fast-check picks the edits, so a failure shrinks to
 * a small list of them.
 */
import fc from 'fast-check'
import type {SeedKind} from './seeds.js'

/** Tokens that have broken, or could break, a reader of each kind. */
const COMMON_TOKENS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u001B',
  '\uFFFE',
  '\uFFFF',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '\u{1F600}',
  '\u00A0',
  '\u2028',
  '\r',
  '\r\n',
  '\n\n',
  '\t',
  '',
  ' ',
  '&',
  '<',
  '>',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '\\',
  '…',
  '‘',
  '’',
  '«'
]

const TOKENS: Record<SeedKind, string[]> = {
  xml: [
    '&#1;',
    '&#0;',
    '&#xFFFE;',
    '&#xD800;',
    '&#x10FFFF;',
    '&amp;',
    '&lt;',
    '&nosuch;',
    '&#99999999;',
    '<![CDATA[x]]>',
    ']]>',
    '<!-- c -->',
    '<?pi x?>',
    '<!DOCTYPE ACT [<!ENTITY e "ee">]>',
    '&e;',
    '</P>',
    '<P>',
    '<NP>',
    '<NO.P>(a)</NO.P>',
    '<TXT>x</TXT>',
    '<HI STYLE="BOLD">',
    '<NOTE NOTE.ID="E0001"><P>n</P></NOTE>',
    '<ARTICLE IDENTIFIER="001"><TI.ART>Article 1</TI.ART></ARTICLE>',
    '<num>1.</num>',
    '<p>',
    '</p>',
    '<article eId="art_1">',
    '<authorialNote marker="1">',
    'xmlns="urn:x"',
    ' eId="dup"',
    ' IDENTIFIER=""',
    '<ACT/>',
    '<akomaNtoso/>'
  ],
  html: [
    '<script>alert(1)</script>',
    '<style>p{}</style>',
    '<noscript>n</noscript>',
    '<template>t</template>',
    '<div>',
    '</div>',
    '<p>',
    '</p>',
    '<table><tr><td>',
    '</td></tr></table>',
    '<td>stray</td>',
    '<br>',
    '<span class="num">(1)</span>',
    '&nbsp;',
    '&#1;',
    '&#xFFFE;',
    '<p class="Titrearticle">Article 9</p>',
    '<p class="ManualConsidrant">(9) x</p>',
    '<p class="oj-ti-art">Article 9</p>',
    '<div class="eli-subdivision" id="art_9">',
    ' id="art_1"',
    '<a href="javascript:x">',
    '<!-- c -->',
    '<![CDATA[x]]>',
    '<svg><p>'
  ],
  markdown: [
    '### Article 1',
    '### Article',
    '#### Heading',
    '## CHAPTER I',
    '# ANNEX',
    '1. ',
    '2. ',
    '(a) ',
    '(b) ',
    '(i) ',
    '— ',
    '- ',
    '* ',
    '(1) ',
    'Whereas:',
    '---',
    '[^1]',
    '[^1]: note',
    '**',
    '_',
    '`',
    '```',
    '> ',
    '| a | b |',
    '<div>',
    '<!-- c -->',
    '[x](y)',
    '[…]',
    '    ',
    '\\',
    '&#1;',
    'HAVE ADOPTED THIS REGULATION:',
    'Article 4a',
    '(ba) '
  ],
  isc: [
    '&a',
    '*a',
    '&a [x]',
    '<<: *a',
    '!!binary',
    '!!str',
    '!!js/function',
    '%YAML 1.1\n---\n',
    '---\n',
    '...\n',
    '__proto__:',
    'constructor:',
    'prototype:',
    'toString',
    'type: constructor',
    '- ',
    ': ',
    '? ',
    '{',
    '[',
    'null',
    '~',
    '1e309',
    '-0',
    '0x10',
    '.inf',
    '"',
    "'",
    '\n  - id: x\n    type: substitute\n',
    'insert: [{type: text}]',
    'children: [null]',
    'num: {x: 1}',
    'heading: 7',
    'target: art_99'
  ]
}

/** One edit of a text; positions are taken modulo the text's length when applied. */
export type Edit =
  | {op: 'delete'; at: number; length: number}
  | {op: 'duplicate'; at: number; length: number}
  | {op: 'move'; at: number; length: number; to: number}
  | {op: 'truncate'; at: number}
  | {op: 'insert'; at: number; text: string}
  | {op: 'nest'; at: number; depth: number; open: string; close: string}

/**
 * Openers for deep nesting (with the deepest nesting tried): inline markup an
 * importer could walk recursively. Markdown links and emphasis stay shallower:
 * micromark's label and attention matching take time quadratic in their depth
 * (reported), and the suite must stay fast.
 */
const NESTERS: Record<SeedKind, Array<[open: string, close: string, deepest: number]>> = {
  xml: [
    ['<HI STYLE="ITALIC">', '</HI>', 4000],
    ['<i>', '</i>', 4000],
    ['<P>', '</P>', 4000],
    ['<QUOT.START CODE="2018"/>', '', 4000],
    ['<b>', '</b>', 4000]
  ],
  html: [
    ['<span>', '</span>', 4000],
    ['<div>', '</div>', 4000],
    ['<i>', '</i>', 4000],
    ['<table><tr><td>', '</td></tr></table>', 4000]
  ],
  markdown: [
    ['> ', '', 4000],
    ['  - ', '', 4000],
    ['*', '*', 300],
    ['[', '](x)', 300]
  ],
  isc: [
    ['[', ']', 4000],
    ['{a: ', '}', 4000],
    ['- ', '', 4000]
  ]
}

export function edits(kind: SeedKind): fc.Arbitrary<Edit[]> {
  const at = fc.nat()
  const length = fc.nat({max: 400})
  const token = fc.oneof(
    {weight: 3, arbitrary: fc.constantFrom(...TOKENS[kind], ...COMMON_TOKENS)},
    {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 6})}
  )
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({op: fc.constant('delete' as const), at, length}),
    fc.record({op: fc.constant('duplicate' as const), at, length}),
    fc.record({op: fc.constant('move' as const), at, length, to: fc.nat()}),
    fc.record({op: fc.constant('truncate' as const), at}),
    {weight: 4, arbitrary: fc.record({op: fc.constant('insert' as const), at, text: token})},
    fc
      .tuple(at, fc.integer({min: 50, max: 4000}), fc.constantFrom(...NESTERS[kind]))
      .map(([position, depth, [open, close, deepest]]) => ({
        op: 'nest' as const,
        at: position,
        depth: Math.min(depth, deepest),
        open,
        close
      }))
  )
  return fc.array(edit, {minLength: 1, maxLength: 4})
}

/** Apply `list` to `text`, in order. Insertions into markup land just after a `>` so they reach the text. */
export function applyEdits(text: string, list: readonly Edit[], kind: SeedKind): string {
  let out = text
  for (const edit of list) {
    const size = out.length + 1
    let at = edit.at % size
    if ((kind === 'xml' || kind === 'html') && (edit.op === 'insert' || edit.op === 'nest')) {
      const after = out.indexOf('>', at)
      if (after >= 0) at = after + 1
    }
    switch (edit.op) {
      case 'delete':
        out = out.slice(0, at) + out.slice(at + edit.length)
        break
      case 'duplicate':
        out = out.slice(0, at + edit.length) + out.slice(at, at + edit.length) + out.slice(at + edit.length)
        break
      case 'move': {
        const piece = out.slice(at, at + edit.length)
        const rest = out.slice(0, at) + out.slice(at + edit.length)
        const to = edit.to % (rest.length + 1)
        out = rest.slice(0, to) + piece + rest.slice(to)
        break
      }
      case 'truncate':
        out = out.slice(0, at)
        break
      case 'insert':
        out = out.slice(0, at) + edit.text + out.slice(at)
        break
      case 'nest':
        out = out.slice(0, at) + edit.open.repeat(edit.depth) + 'x' + edit.close.repeat(edit.depth) + out.slice(at)
        break
    }
  }
  return out
}
