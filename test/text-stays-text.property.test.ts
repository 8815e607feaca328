/**
 * Text stays text across the whole pipeline: text from outside that looks
 * like Markdown, HTML or XML (`<script>`, `**`, `[^1]`, `# `, `|`,
 * `<!-- -->`, `&amp;`, `(a) `, `1. `) goes in through an importer (AKN),
 * out to Markdown and back through the strict reader, into a comparison and
 * out to HTML, Markdown and Word — and in each it is the same characters, never
 * an element, a heading, a list, a footnote or a comment.
 */
import fc from 'fast-check'
import JSZip from 'jszip'
import {describe, expect, it} from 'vitest'
import {compareDocuments} from '@redlex/compare'
import {importDocument, toAkn} from '@redlex/formats'
import {fromMarkdown, toMarkdown} from '@redlex/markdown'
import {toDocx} from '@redlex/render-docx'
import {toHtml} from '@redlex/render-html'
import {toMarkdownRedline} from '@redlex/render-markdown'
import {article, assignEids, content, documentOf, paragraph, textOf, type Document} from '@redlex/tree'

const hostile = fc.constantFrom(
  '<script>alert(1)</script>',
  '<b>bold</b>',
  '**',
  '*',
  '_',
  '[^1]',
  '[x](http://e.eu)',
  '# ',
  '### Article 9',
  '|',
  '| a | b |',
  '<!-- hidden -->',
  '&amp;',
  '&lt;',
  '&#65;',
  '\\',
  '`code`',
  '(a) ',
  '1. ',
  '— ',
  '> ',
  '---',
  ']]>',
  '<?xml?>',
  'word',
  ' ',
  'the Member States'
)
const text = fc
  .array(hostile, {minLength: 1, maxLength: 12})
  .map((parts) => `Start ${parts.join(' ')} end.`.replace(/\s+/g, ' '))

/** An act with one article whose paragraph holds `words`. */
function act(words: string): Document {
  return assignEids(
    documentOf([
      {
        type: 'body',
        children: [article('Article 1', 'Subject matter', [paragraph('1.', [content(words)])])]
      }
    ])
  ).document
}

/** The text of paragraph 1 of Article 1, without its number. */
function paragraphText(document: Document): string {
  const body = document.children.find((part) => part.type === 'body')!
  const first = body.children[0]!
  if (first.type !== 'article') throw new Error('no article')
  const para = first.children.find((child) => child.type === 'paragraph')!
  return textOf(para).replace(/^1\.\s*/, '')
}

/** AKN out and in (an importer), Markdown out and back in (the strict reader). */
function throughImportAndMarkdown(words: string): Document {
  const imported = importDocument(toAkn(act(words)), {file: 'in.xml'}).document
  return fromMarkdown(toMarkdown(imported), {file: 'in.md'})
}

/** Elements and markup the hostile text could have become in an output. */
const MARKUP = /<script|<b>|<!-- hidden/

describe('text stays text (import → Markdown → read → compare → render)', () => {
  it('survives as the same characters, never structure or markup (100 texts)', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, async (before, added) => {
        const after = before.replace(' end.', ` ${added} end.`)
        const first = throughImportAndMarkdown(before)
        const second = throughImportAndMarkdown(after)
        // Read back: the same characters in the same paragraph; nothing became a unit, a note or a heading.
        expect(paragraphText(first)).toBe(before)
        expect(paragraphText(second)).toBe(after)
        expect(JSON.stringify(second)).not.toMatch(/"type":"(?:authorialNote|point|subparagraph|indent)"/)
        const comparison = compareDocuments(first, second)
        const html = toHtml(comparison)
        expect(html).not.toMatch(MARKUP)
        const redline = toMarkdownRedline(comparison)
        expect(redline).not.toMatch(MARKUP)
        const docx = await JSZip.loadAsync(await toDocx(comparison))
        const xml = await docx.file('word/document.xml')!.async('string')
        expect(xml).not.toMatch(MARKUP)
        // Every hostile piece added shows in each output, escaped as that format escapes text.
        const visible = (output: string): string =>
          output
            .replace(/<[^>]+>/g, '')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&#39;|&#x27;|&apos;/g, "'")
            .replace(/&amp;/g, '&')
        for (const word of ['script', 'alert(1)', 'hidden'].filter((w) => added.includes(w))) {
          expect(visible(html)).toContain(word)
          expect(visible(xml)).toContain(word)
        }
      }),
      {numRuns: 100, seed: 12}
    )
  })
})
