import {readFileSync, readdirSync, existsSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {fromMarkdown, parseMarkdown, toMarkdown} from '@redlex/markdown'
import {RedlexError, isRedlexError} from '@redlex/tree'

// [name, input, code, line, column]
const cases: Array<[string, string, string, number, number]> = [
  ['a skipped paragraph number', '### Article 1\n\n1. One.\n\n3. Three.\n', 'markdown/skipped-number', 5, 1],
  ['a duplicate paragraph number', '### Article 1\n\n1. One.\n\n1. Again.\n', 'markdown/duplicate-number', 5, 1],
  ['a skipped article number', '### Article 1\n\nText.\n\n### Article 3\n\nText.\n', 'markdown/skipped-number', 5, 1],
  ['a skipped recital number', 'Whereas:\n\n(1) One.\n\n(3) Three.\n', 'markdown/skipped-number', 5, 1],
  ['a skipped point', '### Article 1\n\nIntro:\n\n(a) one;\n\n(c) three.\n', 'markdown/skipped-number', 7, 1],
  ['a list that starts in the middle', '### Article 1\n\nIntro:\n\n(c) three.\n', 'markdown/skipped-number', 5, 1],
  ['an article without a number', '### Article\n\nText.\n', 'markdown/missing-number', 1, 1],
  [
    'a point outside any article',
    'HAVE ADOPTED THIS REGULATION:\n\n## CHAPTER I\n\n(a) stray point.\n',
    'markdown/misplaced-point',
    5,
    1
  ],
  [
    'text in no article',
    'HAVE ADOPTED THIS REGULATION:\n\n## CHAPTER I\n\n## General\n\nStray text.\n',
    'markdown/unexpected-text',
    7,
    1
  ],
  ['a heading that fits nothing', '### Article 1\n\nText.\n\n##### Odd heading\n', 'markdown/unexpected-heading', 5, 1],
  [
    'an article after the concluding formulas',
    '### Article 1\n\nText.\n\n---\n\nDone at Brussels,\n\n### Article 2\n',
    'markdown/unexpected-article',
    9,
    1
  ],
  ['a code block', '### Article 1\n\n```\ncode\n```\n', 'markdown/unexpected-block', 3, 1],
  ['text after Whereas: that is no recital', 'Whereas:\n\nNot a recital.\n', 'markdown/unexpected-text', 3, 1]
]

describe('structural errors', () => {
  it.each(cases)('should report %s with its code and position', (_name, input, code, line, column) => {
    let caught: unknown
    try {
      fromMarkdown(input, {file: 'draft.md'})
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(RedlexError)
    const error = caught as RedlexError
    expect(error.code).toBe(code)
    expect(error.file).toBe('draft.md')
    const start = error.place && 'start' in error.place ? error.place.start : error.place
    expect(start).toMatchObject({line, column})
    expect(error.message.startsWith(`draft.md:${line}:${column}: `)).toBe(true)
    expect(error.message.endsWith(`[${code}]`)).toBe(true)
    expect(error.hint).toBeTruthy()
  })

  it.each(cases)('should turn %s into a warning in lenient mode', (_name, input, code, line) => {
    const {warnings} = parseMarkdown(input, {file: 'draft.md', lenient: true})
    const warning = warnings.find((w) => w.code === code)
    expect(warning).toBeDefined()
    const start = warning!.place && 'start' in warning!.place ? warning!.place.start : warning!.place
    expect(start?.line).toBe(line)
    // The lenient mode is already on: its warnings do not advise it.
    expect(warnings.every((w) => !w.message.includes('lenient'))).toBe(true)
  })

  it.each(cases)('should say in the hint of %s how to read it leniently (CLI and API)', (_name, input) => {
    let caught: RedlexError | undefined
    try {
      fromMarkdown(input, {file: 'draft.md'})
    } catch (error) {
      caught = error as RedlexError
    }
    expect(caught?.hint).toContain('`--lenient`')
    expect(caught?.hint).toContain('`{lenient: true}`')
    // The rule broken still comes first; the advice ends the message, before the code.
    expect(caught?.hint?.startsWith('or ')).toBe(false)
    expect(caught?.message).toMatch(/\(API\) \[markdown\/[a-z-]+\]$/)
  })

  it('should not advise the lenient mode for a problem it does not accept (nesting without end)', () => {
    const input = `### Article 1\n\nIntro:\n\n${'(a) x;\n\n'.repeat(200)}`
    let caught: RedlexError | undefined
    try {
      parseMarkdown(input, {lenient: true})
    } catch (error) {
      caught = error as RedlexError
    }
    expect(caught?.code).toBe('markdown/too-deep')
    expect(caught?.hint).not.toContain('lenient')
  })
})

const council = new URL('../../../../shared/corpus/ai-act/council-drafts-md/', import.meta.url)

describe.skipIf(!existsSync(council))('noisy third-party Markdown (AI Act Council drafts)', () => {
  const files = existsSync(council) ? readdirSync(council).filter((f) => f.endsWith('.md')) : []
  it.each(files)('should never throw anything but RedlexError on %s, and parse it leniently', (file) => {
    const text = readFileSync(new URL(file, council), 'utf8')
    try {
      fromMarkdown(text, {file})
    } catch (error) {
      expect(isRedlexError(error)).toBe(true)
    }
    const {document, warnings} = parseMarkdown(text, {file, lenient: true})
    const articles = JSON.stringify(document).match(/"type":"article"/g)?.length ?? 0
    expect(articles).toBeGreaterThanOrEqual(85)
    expect(warnings.every((w) => typeof w.code === 'string' && w.code.startsWith('markdown/'))).toBe(true)
  })
})

describe('characters no output could carry', () => {
  it('NUL, C0 controls and U+FFFE are dropped with one located warning (NUL would become U+FFFD)', () => {
    const text = '# REGULATION\n\n### Article 1\n\n1. a \u0000b \u0001c\uFFFE d.\n'
    const {document, warnings} = parseMarkdown(text, {file: 'in.md'})
    const paragraph = JSON.stringify(document)
    expect(paragraph).toContain('a b c d.')
    expect(paragraph).not.toMatch(/[\u0000\u0001\uFFFE\uFFFD]/)
    const found = warnings.filter((w) => w.code === 'markdown/invalid-character')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({file: 'in.md', place: {line: 5, column: 6}})
    expect(found[0]!.message).toContain('3 characters')
    expect(found[0]!.message).toContain('U+0000')
  })
})

describe('warnings of inline content', () => {
  // A paragraph's or a heading's inline content is read twice (its plain text decides what the
  // block is, then it becomes content): each warning must still be given once, with its place.
  it.each([
    ['inline HTML in a paragraph', '### Article 1\n\n1. Member <b>States</b> shall act.\n', 'markdown/inline-html', 2],
    ['inline code in a paragraph', '### Article 1\n\n1. Use `code` here.\n', 'markdown/inline-code', 1],
    ['strikethrough in a point', '### Article 1\n\nIntro:\n\n(a) ~~old~~ new;\n', 'markdown/strikethrough', 1],
    ['inline HTML in a heading', '### Article 1\n\n#### <i>Scope</i>\n\nText.\n', 'markdown/inline-html', 2]
  ])('%s: each once, located', (_, input, code, count) => {
    const {warnings} = parseMarkdown(input, {file: 'draft.md'})
    const found = warnings.filter((w) => w.code === code)
    expect(found).toHaveLength(count)
    for (const warning of found) {
      expect(warning.file).toBe('draft.md')
      expect(warning.place && 'start' in warning.place ? warning.place.start.line : undefined).toBeGreaterThan(1)
    }
  })
})

describe('line ends', () => {
  const example = new URL('../../../examples/eprivacy-derogation/pre-isc.md', import.meta.url)
  it('CRLF, CR and a byte order mark read as LF: the same document, no CR in any text', () => {
    const text = readFileSync(example, 'utf8')
    expect(text).toContain('For the Council\nThe President') // a paragraph of several lines
    const lf = parseMarkdown(text, {file: 'draft.md'})
    for (const [name, variant] of [
      ['CRLF', text.replace(/\n/g, '\r\n')],
      ['CR', text.replace(/\n/g, '\r')],
      ['BOM and CRLF', '\uFEFF' + text.replace(/\n/g, '\r\n')]
    ] as const) {
      const read = parseMarkdown(variant, {file: 'draft.md'})
      expect(toMarkdown(read.document), name).toBe(toMarkdown(lf.document))
      expect(JSON.stringify(read.document), name).not.toContain('\\r')
    }
  })

  it('a warning in a CRLF text has the line and column of the LF one', () => {
    const text = '### Article 1\n\n1. One.\n\n1. Again <b>here</b>.\n'
    const lf = parseMarkdown(text, {file: 'draft.md', lenient: true}).warnings
    const crlf = parseMarkdown(text.replace(/\n/g, '\r\n'), {file: 'draft.md', lenient: true}).warnings
    const where = (w: (typeof lf)[number]) =>
      w.place && 'start' in w.place ? [w.code, w.place.start.line, w.place.start.column] : [w.code]
    expect(crlf.map(where)).toEqual(lf.map(where))
    expect(lf.length).toBeGreaterThan(1)
  })
})
