import fc from 'fast-check'
import {SaxesParser} from 'saxes'
import {describe, expect, it} from 'vitest'
import {codePointName, isXmlSafe, xmlDroppedWarning, xmlSafe} from '@redlex/tree'

/** Whether `<t>text</t>` is well-formed XML 1.0 for a strict parser (saxes checks every character). */
function parsesAsXml(text: string): boolean {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  let ok = true
  const parser = new SaxesParser()
  parser.on('error', () => {
    ok = false
  })
  parser.write(`<t>${escaped}</t>`).close()
  return ok
}

describe('xmlSafe', () => {
  it('should drop the characters XML 1.0 forbids and keep the rest', () => {
    const dropped: string[] = []
    const text = 'a\u0001b\uFFFEc\uFFFFd\u0000e\u001Ff\tg\nh\ri\uD800j\uDC00k\u{1F600}l\u0085m\uFFFD'
    expect(xmlSafe(text, (c) => dropped.push(c))).toBe('abcdef\tg\nh\rijk\u{1F600}l\u0085m\uFFFD')
    expect(dropped.map(codePointName)).toEqual(['U+0001', 'U+FFFE', 'U+FFFF', 'U+0000', 'U+001F', 'U+D800', 'U+DC00'])
  })

  it('should return the same string when nothing has to go', () => {
    const text = 'Article 3 — ‘quoted’ 😀'
    expect(xmlSafe(text)).toBe(text)
    expect(isXmlSafe(text)).toBe(true)
    expect(isXmlSafe('\uFFFF')).toBe(false)
  })

  it('should always give text a strict XML parser accepts, and be idempotent', () => {
    // The parser does reject what xmlSafe drops, so the property below means something.
    for (const bad of ['\u0001', '\u0000', '\uFFFE', '\uFFFF']) expect(parsesAsXml(`a${bad}b`)).toBe(false)
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 40}), (text) => {
        const safe = xmlSafe(text)
        expect(parsesAsXml(safe)).toBe(true)
        expect(isXmlSafe(safe)).toBe(true)
        expect(xmlSafe(safe)).toBe(safe)
      }),
      {seed: 12, numRuns: 300}
    )
  })

  it('should say a text is safe exactly when each of its code points is an XML 1.0 Char', () => {
    // Iterating a string by code points gives a lone surrogate as itself (saxes reads it as a character).
    const isChar = (c: number) =>
      c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000
    const allChars = (text: string) => [...text].every((char) => isChar(char.codePointAt(0)!))
    const characters = fc.constantFrom(
      'a',
      ' ',
      '\t',
      '\u0001',
      '\uFFFE',
      '\uFFFF',
      '\uFFFD',
      '\uD83D',
      '\uDE00',
      '\u{1F600}'
    )
    fc.assert(
      fc.property(
        fc.oneof(fc.string({unit: 'binary', maxLength: 40}), fc.string({unit: characters, maxLength: 12})),
        (text) => {
          expect(isXmlSafe(text)).toBe(allChars(text))
        }
      ),
      {seed: 7, numRuns: 1000}
    )
  })

  it('should report what it dropped as one warning', () => {
    expect(xmlDroppedWarning([], 'the AKN export')).toBeUndefined()
    const warning = xmlDroppedWarning(['\u0001', '\uFFFE', '\u0001'], 'the AKN export')
    expect(warning?.code).toBe('tree/xml-invalid-character')
    expect(warning?.message).toContain(': U+0001, U+FFFE.')
    expect(warning?.message).toContain('the AKN export')
  })
})
