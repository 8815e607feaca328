/**
 * Hostile and unusual XML input (issue 12): deep nesting, characters XML 1.0
 * forbids, byte order marks, UTF-16, an empty act. Each ends in a result
 * with warnings or a coded RedlexError, never another exception.
 */
import {describe, expect, it} from 'vitest'
import {parseMarkdown, toMarkdown} from '@redlex/markdown'
import {decodeText, detectFormat, fromAkn, importDocument, toAkn} from '@redlex/formats'
import {RedlexError, findByEid, inlineText, isXmlSafe, type Document} from '@redlex/tree'
import {DOMParser} from '@xmldom/xmldom'

const AKN = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'
const akn = (inner: string): string =>
  `<akomaNtoso xmlns="${AKN}"><bill name="REG"><body><article><num>Article 1</num><content><p>${inner}</p></content></article></body></bill></akomaNtoso>`
const formex = (inner: string): string =>
  `<ACT><ENACTING.TERMS><ARTICLE><TI.ART>Article 1</TI.ART><ALINEA>${inner}</ALINEA></ARTICLE></ENACTING.TERMS></ACT>`

function codeOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof RedlexError) return error.code
    throw error
  }
  return 'no error'
}

function articleText(document: Document): string {
  const article = findByEid(document, 'art_1')
  const first = article && 'children' in article ? article.children[0] : undefined
  return first && 'children' in first && first.type === 'content' ? inlineText(first.children) : ''
}

describe('deep nesting', () => {
  for (const depth of [1000, 20000]) {
    it(`inline elements ${depth} deep are a coded error (formats/too-deep), not a stack overflow`, () => {
      expect(
        codeOf(() => importDocument(akn('<i>'.repeat(depth) + 'x' + '</i>'.repeat(depth)), {file: 'deep.xml'}))
      ).toBe('formats/too-deep')
      expect(
        codeOf(() => importDocument(formex('<HT TYPE="ITALIC">'.repeat(depth) + 'x' + '</HT>'.repeat(depth))))
      ).toBe('formats/too-deep')
    })
  }
  it('names the file and the line of the element past the limit', () => {
    const xml = akn('\n' + '<i>'.repeat(150) + 'x' + '</i>'.repeat(150))
    try {
      importDocument(xml, {file: 'deep.xml'})
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(RedlexError)
      expect((error as RedlexError).file).toBe('deep.xml')
      expect((error as RedlexError).place).toMatchObject({line: 2})
    }
  })
  it('italic inside italic and bold inside bold are spliced away, so emphasis never nests beyond two levels', () => {
    const depth = 90
    const nested =
      Array.from({length: depth}, (_, i) => (i % 2 ? '<HT TYPE="ITALIC">' : '<HT TYPE="BOLD">')).join('') +
      'x' +
      '</HT>'.repeat(depth)
    const {document} = importDocument(formex(`a ${nested} b`))
    const deepest = attentionDepth(document)
    expect(deepest).toBe(2)
    expect(articleText(document)).toBe('a x b')
    // What Markdown's emphasis pairing makes of the tree stays fast and exact.
    const again = parseMarkdown(toMarkdown(document)).document
    expect(attentionDepth(again)).toBe(2)
    expect(articleText(again)).toBe('a x b')
  })
  it('ordinary nesting (formatting inside formatting a few levels deep) imports', () => {
    expect(articleText(importDocument(akn('<b><i><u>x</u></i></b>')).document)).toBe('x')
  })
})

describe('characters XML 1.0 does not allow', () => {
  const cases: Array<[string, string, string]> = [
    ['a character reference &#1;', 'a&#1;b', 'U+0001'],
    ['a character reference &#xFFFE;', 'a&#xFFFE;b', 'U+FFFE'],
    ['a raw NUL', 'a\u0000b', 'U+0000'],
    ['a raw control character', 'a\u0007b', 'U+0007']
  ]
  for (const [name, inner, code] of cases) {
    for (const [format, wrap] of [
      ['AKN', akn],
      ['Formex', formex]
    ] as const) {
      it(`${format}: ${name} is dropped with a warning naming its line and column`, () => {
        const xml = wrap(inner)
        const {document, warnings} = importDocument(xml, {file: 'x.xml'})
        expect(articleText(document)).toBe('ab')
        const warning = warnings.find((w) => w.code === 'formats/invalid-character')
        expect(warning?.message).toContain(code)
        expect(warning?.place).toEqual({line: 1, column: xml.indexOf(inner) + 2})
      })
    }
  }
  it('the AKN export never writes them, even when the tree holds them', () => {
    const document = fromAkn(akn('clean'))
    const article = findByEid(document, 'art_1') as {children: Array<{children: Array<{value: string}>}>}
    article.children[0]!.children[0]!.value = 'a\u0001b\uFFFEc\u0000d'
    const xml = toAkn(document)
    expect(isXmlSafe(xml)).toBe(true)
    const errors: string[] = []
    new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message)
      }
    }).parseFromString(xml, 'text/xml')
    expect(errors).toEqual([])
    expect(articleText(fromAkn(xml))).toBe('abcd')
  })
})

describe('encodings and byte order marks', () => {
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + akn('\n<i>text</i>').replace('<article>', '\n<article>')
  it('a UTF-8 byte order mark is accepted in XML, with the right line numbers', () => {
    const plain = importDocument(xml).document
    const withBom = importDocument('\uFEFF' + xml).document
    expect(findByEid(withBom, 'art_1')?.position?.start.line).toBe(findByEid(plain, 'art_1')?.position?.start.line)
    expect(findByEid(withBom, 'art_1')?.position?.start.line).toBe(3)
  })
  it('a UTF-8 byte order mark is accepted in Markdown, with the right line numbers', () => {
    const text = '\uFEFF### Article 1\n\nText.\n'
    const {document} = parseMarkdown(text)
    expect(findByEid(document, 'art_1')?.position?.start).toMatchObject({line: 1, column: 1})
    expect(importDocument(text).format).toBe('markdown')
  })
  it('UTF-16 files (LE and BE, with or without a byte order mark) are decoded', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(xml, 'utf16le')])
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(xml, 'utf16le').swap16()])
    const bare = new Uint8Array(Buffer.from(xml, 'utf16le'))
    for (const bytes of [le, be, bare]) expect(decodeText(bytes)).toBe(xml)
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(xml)]))).toBe(xml)
  })
  it('UTF-32 is a clear coded error naming the file', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0])
    try {
      decodeText(bytes, 'act.xml')
      expect.unreachable()
    } catch (error) {
      expect((error as RedlexError).code).toBe('formats/unsupported-encoding')
      expect((error as RedlexError).file).toBe('act.xml')
    }
  })
  it('bytes that are not UTF-8 are a coded error naming the line and column, never U+FFFD in silence', () => {
    // "Artikel 2\n  Geltungsbereich für …" saved as Windows-1252: ü is the lone byte 0xFC.
    const bytes = new Uint8Array([
      ...Buffer.from('<ACT>\n<P>Article 2\n  Scope f'),
      0xfc,
      ...Buffer.from('r</P></ACT>')
    ])
    try {
      decodeText(bytes, 'act.xml')
      expect.unreachable()
    } catch (error) {
      const e = error as RedlexError
      expect(e.code).toBe('formats/invalid-utf8')
      expect(e.file).toBe('act.xml')
      expect(e.place).toMatchObject({line: 3, column: 10})
      expect(e.actual).toContain('0xfc')
    }
    // Overlong encodings and surrogates encoded in UTF-8 are not UTF-8 either.
    for (const bad of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82]
    ]) {
      expect(codeOf(() => decodeText(new Uint8Array([0x41, ...bad])))).toBe('formats/invalid-utf8')
    }
    // An unpaired surrogate in UTF-16.
    expect(codeOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x00, 0xd8, 0x41, 0])))).toBe(
      'formats/invalid-utf8'
    )
    // Well-formed text of every length passes through unchanged.
    const text = 'Ä € 𝐀 ü\n'
    expect(decodeText(new Uint8Array(Buffer.from(text)))).toBe(text)
  })
  it('UTF-16 text decoded as UTF-8 is a clear coded error, not "unknown format"', () => {
    const garbled = Buffer.from(Buffer.from(xml, 'utf16le')).toString('utf8')
    expect(codeOf(() => detectFormat(garbled, {file: 'act.xml'}))).toBe('formats/unsupported-encoding')
  })
})

describe('an act with nothing in it', () => {
  it.each([['<ACT/>'], [`<akomaNtoso xmlns="${AKN}"><act name="REG"/></akomaNtoso>`]])(
    '%s imports with a warning that it has no provisions',
    (xml) => {
      const {warnings} = importDocument(xml, {file: 'empty.xml'})
      expect(warnings.map((w) => w.code)).toContain('formats/no-provisions')
    }
  )
})

/** The deepest run of emphasis/strong wrappers anywhere in the document. */
function attentionDepth(document: Document): number {
  let deepest = 0
  const stack: [unknown, number][] = [[document, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    const type = (node as {type?: string}).type
    const here = type === 'emphasis' || type === 'strong' ? depth + 1 : depth
    deepest = Math.max(deepest, here)
    for (const child of (node as {children?: unknown[]}).children ?? []) stack.push([child, here])
  }
  return deepest
}

describe('the Markdown writer and deep emphasis', () => {
  it('refuses a hand-made tree with emphasis nested beyond its bound, quickly and with a code', () => {
    const {document} = importDocument(formex('x'))
    const paragraph = findByEid(document, 'art_1') as unknown as {children: unknown[]}
    let inline: unknown = {type: 'text', value: 'x'}
    for (let i = 0; i < 400; i++) inline = {type: i % 2 ? 'emphasis' : 'strong', children: [inline]}
    const setText = (node: {children?: unknown[]; content?: unknown}): boolean => {
      for (const child of node.children ?? []) {
        const c = child as {type: string; value?: string; children?: unknown[]}
        if (c.type === 'text' && c.value === 'x') {
          node.children!.splice(node.children!.indexOf(child), 1, inline)
          return true
        }
        if (setText(c)) return true
      }
      return false
    }
    expect(setText(paragraph)).toBe(true)
    expect(codeOf(() => toMarkdown(document))).toBe('markdown/too-deep')
  })
})

describe('line separators in AKN out', () => {
  it('U+2028, U+2029 and U+0085 come back as themselves (XML 1.1 parsers read them raw as line ends)', () => {
    const {document} = importDocument(akn('a b'))
    const json = JSON.stringify(document)
    expect(json).toContain('"a b"')
    const back = fromAkn(toAkn(JSON.parse(json.replace('"a b"', '"a\\u2028b\\u0085c\\u2029d"'))))
    expect(articleText(back)).toBe('a\u2028b\u0085c\u2029d')
  })
})
