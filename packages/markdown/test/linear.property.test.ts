/**
 * Reading Markdown in time proportional to its length (src/lib/budget.ts).
 *
 * No clock decides anything here. What is checked instead:
 * - the walk-free constructs read every text exactly as micromark's own
 *   (walking) ones do — same syntax tree — so the speed-up changes nothing;
 * - the mark counter refuses a paragraph exactly when it holds more than
 *   MAX_INLINE_MARKS brackets and emphasis marks, at the mark over the limit;
 *   so the quadratic part of micromark walks a paragraph at most that often;
 * - large adversarial documents (deep brackets, emphasis, lists, block
 *   quotes, HTML comments, long lines, tables) end in a document or a
 *   RedlexError, never another exception.
 * Times per byte for each family are measured in test/bench/markdown-read.mjs.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parseMarkdown} from '@redlex/markdown'
import {RedlexError} from '@redlex/tree'
import {MAX_INLINE_MARKS, MAX_QUOTE_DEPTH} from '../src/lib/budget.js'
import {createMdastParser, parseMdast} from '../src/lib/processor.js'

const reference = createMdastParser({linear: false})

/** Pieces that exercise the guarded constructs: brackets, images, footnote calls, addresses, emphasis. */
const piece = fc.constantFrom(
  '[',
  ']',
  '![',
  '](u)',
  '[^1]',
  '![^1]',
  '[^a b]',
  '^1]',
  '*',
  '**',
  '_',
  '~',
  '~~',
  'a@b.eu',
  'www.europa.eu',
  'https://eur-lex.europa.eu/x_y',
  'word',
  ' ',
  ' ',
  '\n',
  '\\[',
  '`',
  '<b>',
  '&amp;'
)
const inlineText = fc.array(piece, {maxLength: 60}).map((parts) => parts.join(''))

describe('linear inline constructs', () => {
  it('read every text as micromark does (same syntax tree, 400 texts)', async () => {
    await fc.assert(
      fc.asyncProperty(inlineText, inlineText, async (first, second) => {
        await new Promise((resolve) => setImmediate(resolve))
        const text = `${first}\n\n${second}\n\n[^1]: note one\n\n[^a b]: note two\n`
        const tree = parseMdast(text)
        // micromark's own reading of `![ ^1]`, `![\n^1]` corrupts its events (and may never end): not a reference.
        if (!/!\[\s/.test(text)) expect(tree).toEqual(reference(text))
      }),
      {numRuns: 400, seed: 5}
    )
  })

  it('`![ \\n^1]` with a note 1 ends (micromark-extension-gfm-footnote 2.1.0 never does): the label is text', () => {
    const tree = parseMdast('![ \n^1]\n[^1]: x\n')
    expect(JSON.stringify(tree)).not.toContain('footnoteReference')
    expect(parseMdast('a ![^1] b\n\n[^1]: x\n').children[0]).toMatchObject({
      type: 'paragraph',
      children: [
        {type: 'text', value: 'a !'},
        {type: 'footnoteReference', identifier: '1'},
        {type: 'text', value: ' b'}
      ]
    })
  })

  it('a stray `[` before 2 000 words reads as text, with the same tree as micromark', () => {
    const text = '[ ' + 'word a@b.eu www.x.eu '.repeat(500)
    expect(parseMdast(text)).toEqual(reference(text))
  })
})

/** Brackets and emphasis marks micromark will see (escaped ones are text). */
function countMarks(paragraph: string): number {
  return paragraph.replace(/\\[[\]*_~]/g, '').replace(/[^[\]*_~]/g, '').length
}

describe('the mark counter', () => {
  const mark = fc.constantFrom('[', ']', '*', '_', '~', '\\*', '\\[', ' a ', 'word ', '[[', '***', '](u)')
  it(`refuses a paragraph exactly when it has more than ${MAX_INLINE_MARKS} marks, at the mark over the limit`, () => {
    fc.assert(
      fc.property(fc.array(mark, {minLength: 100, maxLength: 700}), (parts) => {
        const paragraph = parts.join('')
        const text = 'Intro line\n\n' + paragraph + '\n'
        const marks = countMarks(paragraph)
        let error: unknown
        try {
          parseMdast(text)
        } catch (caught) {
          error = caught
        }
        if (marks <= MAX_INLINE_MARKS) {
          expect(error).toBeUndefined()
          return
        }
        expect(error).toBeInstanceOf(RedlexError)
        const coded = error as RedlexError
        expect(coded.code).toBe('markdown/too-complex')
        const place = coded.place as {line: number; column: number; offset: number}
        expect(place.line).toBe(3)
        // The column points at the mark over the limit: exactly MAX marks stand before it.
        const before = paragraph.slice(0, place.column - 1)
        expect(countMarks(before)).toBe(MAX_INLINE_MARKS)
        expect('[]*_~').toContain(paragraph[place.column - 1])
      }),
      {numRuns: 200, seed: 6}
    )
  })

  it('counts per table cell, not per table', () => {
    const row = `| ${'*a* '.repeat(60)} | ${'[^1] '.repeat(60)} |\n`
    const table = '| A | B |\n|---|---|\n' + row.repeat(50)
    expect(() => parseMdast(table + '\n[^1]: x\n')).not.toThrow()
  })

  it(`refuses block quotes nested more than ${MAX_QUOTE_DEPTH} deep, naming line and column`, () => {
    const text = 'Title\n\n' + '> '.repeat(MAX_QUOTE_DEPTH) + 'fine\n\n' + '> '.repeat(MAX_QUOTE_DEPTH + 1) + 'deep\n'
    const error = (() => {
      try {
        parseMdast(text)
      } catch (caught) {
        return caught as RedlexError
      }
    })()
    expect(error?.code).toBe('markdown/too-complex')
    expect(error?.place).toMatchObject({line: 5, column: 2 * MAX_QUOTE_DEPTH + 1})
  })
})

/** Large hostile documents: each family repeated to ~100–300 KB. */
const family = fc.constantFrom(
  (n: number) => '['.repeat(n) + 'x' + '](u)'.repeat(n),
  (n: number) => '!['.repeat(n) + 'x' + '](u)'.repeat(n),
  (n: number) => '*'.repeat(n) + 'x' + '*'.repeat(n),
  (n: number) => '*a _'.repeat(n) + 'x' + '_ a*'.repeat(n),
  (n: number) => '[ ' + 'word a@b.eu www.x.eu http://x.eu '.repeat(n),
  (n: number) => 'a] '.repeat(n),
  (n: number) => '[^1] '.repeat(n) + '\n\n[^1]: x\n',
  (n: number) => '> '.repeat(n) + 'x',
  (n: number) => '1. (a) - '.repeat(n) + '\n' + '- (b)\n'.repeat(n),
  (n: number) => '<!-- '.repeat(n) + 'x' + ' -->'.repeat(n),
  (n: number) => 'long line '.repeat(n * 4),
  (n: number) => '| a | b |\n|---|---|\n' + '| *a* ] | [x |\n'.repeat(n),
  (n: number) => 'a@b.eu '.repeat(n * 4),
  (n: number) => '### Article 1\n\n' + '(a) [^1] *x* _y_\n\n'.repeat(n)
)

describe('large hostile documents', () => {
  it('end in a document or a RedlexError (16 documents of 10–200 KB, strict and lenient)', async () => {
    let refused = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(family, {minLength: 1, maxLength: 3}),
        fc.integer({min: 1500, max: 4000}),
        async (parts, n) => {
          // Let the test runner's messages through between documents (a busy machine blocks it for a minute otherwise).
          await new Promise((resolve) => setImmediate(resolve))
          const text = parts.map((make) => make(n)).join('\n\n')
          for (const lenient of [false, true]) {
            try {
              parseMarkdown(text, {lenient})
            } catch (error) {
              if (!(error instanceof RedlexError)) throw error
              refused++
            }
          }
        }
      ),
      {numRuns: 16, seed: 7}
    )
    expect(refused).toBeGreaterThan(0)
  })
})
