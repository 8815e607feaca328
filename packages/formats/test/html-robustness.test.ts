/**
 * Broken and hostile HTML (issue 12): what is not legal text is never
 * imported as text, malformed markup loses no words, nothing crashes, and
 * every repair is a located warning.
 */
import {describe, expect, it} from 'vitest'
import {countProvisions} from '@redlex/tree'
import type {Warning} from '@redlex/tree'
import {fromCellarHtml, fromEurlexHtml, importDocument} from '@redlex/formats'
import {ownText} from './corpus.js'

/** A minimal Cellar proposal around `article` (the markup of Article 1's body). */
function cellar(article: string, head = ''): string {
  return `<html><head>${head}</head><body>
<p class="Institutionquiagit">THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,</p>
<p class="li ManualConsidrant"><span class="num">(1)</span><span>Rules help.</span></p>
<p class="Formuledadoption">HAVE ADOPTED THIS REGULATION:</p>
<p class="Titrearticle"><span>Article 1</span><br/><span>Scope</span></p>
${article}
</body></html>`
}

function codes(warnings: readonly Warning[]): string[] {
  return warnings.map((w) => w.code)
}

describe('HTML input: content that is not legal text', () => {
  it('ignores script, style, noscript and template content, even inside a paragraph', () => {
    const html = cellar(
      '<p class="Normal">Text<script>alert("x")</script><style>p{}</style><noscript>enable js</noscript><template><b>tpl</b></template> stays.</p>',
      '<script>var a = "<p>head</p>"</script>'
    )
    const {document, warnings} = importDocument(html)
    expect(ownText(document, 'art_1')).toBe('Text stays.')
    expect(warnings).toEqual([])
  })

  it('EUR-Lex: a script inside an article is not text', () => {
    const html = `<html><body><div class="eli-container"><div class="eli-main-title"><p class="oj-doc-ti">REGULATION (EU) 2099/1</p></div>
<div id="enc_1"><div id="art_1"><p class="oj-ti-art">Article 1</p><p class="oj-normal">Rules<script>document.write("evil")</script> apply.</p></div></div></div></body></html>`
    expect(ownText(fromEurlexHtml(html), 'art_1')).toBe('Rules apply.')
  })
})

describe('HTML input: malformed nesting keeps every word, with a warning', () => {
  it('a <div> inside a <p>', () => {
    const {document, warnings} = importDocument(
      cellar('<p class="Normal">First words <div>inner words</div> last words.</p>'),
      {file: 'x.html'}
    )
    const text = JSON.stringify(document)
    for (const words of ['First words', 'inner words', 'last words.']) expect(text).toContain(words)
    expect(codes(warnings)).toContain('formats/html-malformed-nesting')
    expect(warnings.find((w) => w.code === 'formats/html-malformed-nesting')).toMatchObject({
      file: 'x.html',
      place: {line: 6}
    })
  })

  it('EUR-Lex: a <div> inside a <p> in an article and text left directly in the article', () => {
    const html = `<html><body><div class="eli-container"><div class="eli-main-title"><p class="oj-doc-ti">REGULATION</p></div>
<div id="enc_1"><div id="art_1"><p class="oj-ti-art">Article 1</p><p class="oj-normal">First <div>inner words</div> last words.</p></div></div></div></body></html>`
    const {document, warnings} = importDocument(html)
    const text = JSON.stringify(document)
    for (const words of ['First', 'inner words', 'last words.']) expect(text).toContain(words)
    expect(codes(warnings)).toEqual(['formats/html-malformed-nesting', 'formats/html-malformed-nesting'])
  })

  it('table cells outside any table', () => {
    const {document, warnings} = importDocument(cellar('<td>cell words</td><p class="Normal">After.</p>'))
    expect(JSON.stringify(document)).toContain('cell words')
    expect(codes(warnings).filter((c) => c === 'formats/html-malformed-nesting').length).toBeGreaterThan(0)
  })
})

describe('HTML input: depth, characters, encoding', () => {
  it('inline elements nested 5000 deep: no crash, text kept, one warning', () => {
    const deep = '<span>'.repeat(5000) + 'deep words' + '</span>'.repeat(5000)
    const {document, warnings} = importDocument(cellar(`<p class="Normal">${deep}</p>`))
    expect(ownText(document, 'art_1')).toBe('deep words')
    expect(codes(warnings)).toEqual(['formats/html-too-deep'])
    const eurlex = `<div class="eli-container"><div class="eli-main-title"><p class="oj-doc-ti">REGULATION</p></div><div id="enc_1"><div id="art_1"><p class="oj-ti-art">Article 1</p><p>${'<i>'.repeat(4000)}x${'</i>'.repeat(4000)}</p></div></div></div>`
    expect(() => fromEurlexHtml(eurlex)).not.toThrow()
  })

  it('accepts a UTF-8 byte order mark, with positions counted after it', () => {
    const plain = importDocument(cellar('<p class="Normal">Text.</p>'))
    const bom = importDocument('\uFEFF' + cellar('<p class="Normal">Text.</p>'))
    expect(bom.format).toBe('cellar')
    expect(bom.document).toEqual(plain.document)
  })

  it('removes control characters, NUL, U+FFFE/U+FFFF and lone surrogates from text, with a located warning', () => {
    const {document, warnings} = importDocument(cellar('<p class="Normal">A&#1;B\u0000C\uFFFED&#xFFFF;E\uD800F</p>'), {
      file: 'c.html'
    })
    expect(ownText(document, 'art_1')).toBe('ABCDEF')
    const warning = warnings.find((w) => w.code === 'formats/invalid-character')
    expect(warning?.message).toMatch(/: 5 characters XML 1.0 does not allow/)
    expect(warning?.place).toEqual({line: 6, column: 20}) // where &#1; starts
  })

  it('an act with no articles is a warning', () => {
    const html =
      '<html><body><p class="Institutionquiagit">THE COUNCIL,</p><p class="li ManualConsidrant"><span class="num">(1)</span>Only a recital.</p><p class="Formuledadoption">HAS ADOPTED THIS DECISION:</p></body></html>'
    const {document, warnings} = importDocument(html)
    expect(countProvisions(document).recitals).toBe(1)
    expect(codes(warnings)).toEqual(['formats/no-provisions'])
    const eurlex = fromEurlexHtml(
      '<div class="eli-container"><div class="eli-main-title"><p class="oj-doc-ti">REGULATION</p></div><div id="enc_1"></div></div>'
    )
    expect(countProvisions(eurlex).articles).toBe(0)
  })

  it('text stays text: markup-like characters in the source are words, not structure', () => {
    const doc = fromCellarHtml(
      cellar('<p class="Normal">&lt;p class="Titrearticle"&gt;Article 2&lt;/p&gt; is quoted.</p>')
    )
    expect(countProvisions(doc).articles).toBe(1)
    expect(ownText(doc, 'art_1')).toBe('<p class="Titrearticle">Article 2</p> is quoted.')
  })
})
