import {readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {format, fromMarkdown, parseMarkdown, stripPositions, toMarkdown} from '@redlex/markdown'
import type {Document} from '@redlex/tree'

const fixtures = new URL('fixtures/', import.meta.url)
const example = new URL('../../../examples/eprivacy-derogation/pre-isc.md', import.meta.url)
const canonical: Array<[string, string]> = [
  ...readdirSync(fixtures)
    .filter((f) => f.endsWith('.md'))
    .map((f): [string, string] => [f, readFileSync(new URL(f, fixtures), 'utf8')]),
  ['examples/eprivacy-derogation/pre-isc.md', readFileSync(example, 'utf8')]
]

describe('canonical Markdown', () => {
  it.each(canonical)('should round-trip %s byte for byte', (_name, text) => {
    expect(toMarkdown(fromMarkdown(text))).toBe(text)
  })

  it.each(canonical)('should give the same tree when written and read again (%s)', (_name, text) => {
    const tree = fromMarkdown(text)
    expect(stripPositions(fromMarkdown(toMarkdown(tree)))).toEqual(stripPositions(tree))
  })

  it.each(canonical)('should be JSON-safe (%s)', (_name, text) => {
    const tree = fromMarkdown(text)
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree)
  })

  it.each(canonical)('should be a fixed point of format (%s)', (_name, text) => {
    expect(format(text)).toBe(text)
  })
})

describe('normalisation', () => {
  const cases: Array<[string, string, string]> = [
    [
      'underscore emphasis becomes asterisks',
      '### Article 1\n\nIn the _Official Journal_.\n',
      '### Article 1\n\nIn the *Official Journal*.\n'
    ],
    ['extra spaces after a paragraph number go', '### Article 1\n\n1.   Text.\n', '### Article 1\n\n1. Text.\n'],
    [
      'lines that start with a label become blocks',
      '### Article 1\n\n1. First:\n(a) one;\n(b) two.\n2. Second.\n',
      '### Article 1\n\n1. First:\n\n(a) one;\n\n(b) two.\n\n2. Second.\n'
    ],
    [
      'the concluding formulas get their `---` line',
      '### Article 1\n\nText.\n\nThis Regulation shall be binding in its entirety and directly applicable in all Member States.\n',
      '### Article 1\n\nText.\n\n---\n\nThis Regulation shall be binding in its entirety and directly applicable in all Member States.\n'
    ],
    ['Windows line endings become \\n', '### Article 1\r\n\r\nText.\r\n', '### Article 1\n\nText.\n'],
    [
      'indented points lose their indentation',
      '### Article 1\n\nIntro:\n\n   (a) one;\n\n   (b) two.\n',
      '### Article 1\n\nIntro:\n\n(a) one;\n\n(b) two.\n'
    ],
    ['a missing final newline is added', '### Article 1\n\nText.', '### Article 1\n\nText.\n']
  ]
  it.each(cases)('%s', (_name, input, output) => {
    expect(format(input)).toBe(output)
    expect(format(output)).toBe(output)
  })

  it('should keep curly quotes, non-breaking spaces, em dashes and ellipses', () => {
    const text = '### Article 1\n\nThe term ‘widget’ in Article\u00a03 — see “x” … [...] and [provisional text].\n'
    expect(toMarkdown(fromMarkdown(text))).toBe(text)
    const article = findFirst(fromMarkdown(text), 'content')
    expect(JSON.stringify(article)).toContain('\u00a0')
  })

  it('should escape text that would read as a label, and read it back as text', () => {
    const tree = fromMarkdown(
      '### Article 1\n\n\\(a) is not a point here.\n\n&#x2014; nor is this an indent.\n\n1\\. nor a paragraph.\n'
    )
    const json = JSON.stringify(stripPositions(tree))
    expect(json).not.toContain('"type":"point"')
    expect(json).not.toContain('"type":"indent"')
    expect(json).not.toContain('"type":"paragraph"')
    expect(toMarkdown(tree)).toBe(
      '### Article 1\n\n\\(a) is not a point here.\n\n&#x2014; nor is this an indent.\n\n1\\. nor a paragraph.\n'
    )
  })
})

describe('cases where the numbering or the case of a letter would mislead', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'a roman list under point (h) is marked by indenting its first point',
      '### Article 1\n\nIntro:\n\n(a) a;\n\n(b) b;\n\n(c) c;\n\n(d) d;\n\n(e) e;\n\n(f) f;\n\n(g) g;\n\n(h) with:\n\n  (i) first;\n\n(ii) second;\n\n(i) ninth.\n',
      ['art_1__point_h__point_i', 'art_1__point_h__point_ii', 'art_1__point_i']
    ],
    [
      'closing words that start with a capital are marked as a wrap-up',
      '### Article 1\n\nIntro:\n\n(a) one;\n\n(b) two,\n\n<!-- wrap-up -->\n\nEach as applicable.\n',
      ['art_1__point_a', 'art_1__point_b']
    ],
    [
      'a subparagraph that starts in lower case after a list is marked',
      '### Article 1\n\nIntro:\n\n(a) one;\n\n(b) two.\n\n<!-- subparagraph -->\n\ne-commerce is also covered.\n',
      ['art_1__point_a', 'art_1__point_b', 'art_1__subpara_2']
    ],
    [
      'points numbered as the source prints them are marked with their list level ((c), (a), (b) in a source)',
      '### Article 1\n\nIntro:\n\n<!-- level 1 -->\n\n(c) third;\n\n<!-- level 1 -->\n\n(a) first;\n\n(b) second.\n',
      ['art_1__point_c', 'art_1__point_a', 'art_1__point_b']
    ],
    [
      'annex items numbered 1., 2. are points',
      '## ANNEX I\n\n## List\n\n1. First item:\n\n(a) detail.\n\n2. Second item.\n',
      ['anx_I', 'anx_I__point_1', 'anx_I__point_1__point_a', 'anx_I__point_2']
    ],
    [
      '“This Directive is addressed to …” inside an article stays in the article',
      '### Article 3\n\n#### Addressees\n\nThis Directive is addressed to the Member States.\n',
      ['art_3']
    ]
  ]
  it.each(cases)('%s', (_name, text, eIds) => {
    // Lenient: a source numbered (c), (a), (b) is a numbering error, reported as a warning.
    const tree = parseMarkdown(text, {lenient: true}).document
    const json = JSON.stringify(tree)
    for (const eId of eIds) expect(json).toContain(`"eId":"${eId}"`)
    expect(toMarkdown(tree)).toBe(text)
  })
  it('should read the wrap-up marker as a wrap-up', () => {
    expect(JSON.stringify(stripPositions(fromMarkdown(cases[1]![1])))).toContain(
      '{"type":"wrapUp","children":[{"type":"text","value":"Each as applicable."}]}'
    )
    expect(JSON.stringify(fromMarkdown(cases[4]![1]))).not.toContain('"conclusions"')
  })
})

describe('constructs', () => {
  const tree = fromMarkdown(readFileSync(new URL('complete.md', fixtures), 'utf8'))

  it('should read the title block', () => {
    const preface = tree.children[0]!
    expect(preface.type).toBe('preface')
    expect(JSON.stringify(stripPositions(preface))).toContain('"type":"docStage"')
    expect(tree.kind).toBe('regulation')
    expect(tree.stage).toBe('proposal')
  })

  it('should read placeholders with their reason', () => {
    const placeholders: unknown[] = []
    JSON.stringify(tree, (key, value: {type?: string}) => {
      if (value && value.type === 'placeholder') placeholders.push(stripPositions(value as never))
      return value
    })
    expect(placeholders).toContainEqual({
      type: 'placeholder',
      kind: 'provisional',
      value: '24 months after its entry into force',
      reason: 'date to be agreed with the co-legislators'
    })
    expect(placeholders).toContainEqual({type: 'placeholder', kind: 'value', value: '…'})
  })

  it('should read footnotes as authorial notes', () => {
    const json = JSON.stringify(stripPositions(tree))
    expect(json).toContain(
      '{"type":"authorialNote","marker":"1","children":[{"type":"text","value":"OJ C 123, 4.5.2024, p. 6."}]}'
    )
  })

  it('should read intro, wrap-up and a point’s own subparagraph', () => {
    const json = JSON.stringify(stripPositions(tree))
    expect(json).toContain(
      '{"type":"wrapUp","children":[{"type":"text","value":"which shall be printed in "},{"type":"strong","children":[{"type":"text","value":"bold"}]},{"type":"text","value":" characters."}]}'
    )
    expect(json).toContain('"eId":"art_3__para_2__point_c__subpara_2"')
    expect(json).toContain('{"type":"intro","children":[{"type":"text","value":"The label shall state:"}]}')
  })

  it('should read quoted text', () => {
    expect(JSON.stringify(stripPositions(tree))).toContain(
      '{"type":"quotedText","startQuote":"‘","endQuote":"’","children":[{"type":"text","value":"day month year"}]}'
    )
  })

  it('should read an apostrophe as text, not as a closing quote', () => {
    const json = JSON.stringify(
      stripPositions(fromMarkdown('### Article 1\n\nThe widget’s origin and the Member State’s ‘label’.\n'))
    )
    expect(json).toContain('{"type":"text","value":"The widget’s origin and the Member State’s "},{"type":"quotedText"')
  })

  it('should give parsed nodes their source position', () => {
    const json = JSON.parse(JSON.stringify(tree)) as Document
    const body = json.children.find((c) => c.type === 'body')!
    expect(body.position?.start.line).toBeGreaterThan(1)
    const article = findFirst(tree, 'article') as {position?: {start: {line: number; column: number}}}
    expect(article.position?.start).toMatchObject({line: 35, column: 1})
  })

  it('should read the concluding formulas and signatures', () => {
    const conclusions = tree.children.find((c) => c.type === 'conclusions')!
    expect(
      conclusions.type === 'conclusions' && conclusions.children.map((c) => (c.type === 'formula' ? c.name : c.type))
    ).toEqual(['bindingForce', 'doneAt', 'signature', 'signature'])
  })

  it('should read annexes with their title, tables and headings', () => {
    const annexes = tree.children.filter((c) => c.type === 'annex')
    expect(annexes.map((a) => a.type === 'annex' && a.eId)).toEqual(['anx_I', 'anx_II'])
    const json = JSON.stringify(stripPositions(annexes[0]!))
    expect(json).toContain('"type":"table"')
    expect(json).toContain('{"type":"heading","depth":1,"children":[{"type":"text","value":"Notes"}]}')
  })

  it('should report warnings only in lenient mode, and none for canonical text', () => {
    expect(parseMarkdown(readFileSync(new URL('complete.md', fixtures), 'utf8'), {lenient: true}).warnings).toEqual([])
  })
})

function findFirst(node: unknown, type: string): unknown {
  if (!node || typeof node !== 'object') return undefined
  if ((node as {type?: string}).type === type) return node
  for (const child of (node as {children?: unknown[]}).children ?? []) {
    const found = findFirst(child, type)
    if (found) return found
  }
  return undefined
}
