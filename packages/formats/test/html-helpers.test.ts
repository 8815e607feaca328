/**
 * Helpers of the light HTML tree that take shortcuts for the common case:
 * `classes` (one name, no split) must give exactly the list a split at
 * white space (`\s`, so NBSP and other Unicode spaces too) gives, and
 * `pointAt` (LF-only files, no pattern) exactly the lines and columns of
 * LF, CRLF and lone-CR line ends, for any input.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {classes, parseHtml, pointAt} from '../src/lib/html.js'
import type {HElement} from '../src/lib/html.js'

function classesOf(value: string): string[] {
  const doc = parseHtml('<p class="x"></p>')
  const p = doc.childNodes[0] as HElement
  const {classList: _, ...fresh} = p
  return classes({...fresh, attrs: {class: value}} as HElement)
}

const reference = (value: string): string[] => value.split(/\s+/).filter(Boolean)

describe('classes', () => {
  it('splits at any white space and drops empty names', () => {
    expect(classesOf('')).toEqual([])
    expect(classesOf('Normal')).toEqual(['Normal'])
    expect(classesOf(' li  ManualNumPar1 ')).toEqual(['li', 'ManualNumPar1'])
    expect(classesOf('a\tb\nc\u00a0d\u2003e')).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(classesOf('   ')).toEqual([])
  })

  it('gives what a split at white space gives, on generated values', () => {
    const piece = fc.constantFrom('a', 'Normal', 'li', ' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', 'é', '-')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 8}), (pieces) => {
        const value = pieces.join('')
        expect(classesOf(value)).toEqual(reference(value))
      })
    )
  })

  it('is read from the parsed attribute', () => {
    const doc = parseHtml('<p class="li  Point0">x</p><p>y</p>')
    const [first, second] = doc.childNodes as HElement[]
    expect(classes(first!)).toEqual(['li', 'Point0'])
    expect(classes(second!)).toEqual([])
  })
})

/** Line and column of every offset, counted one character at a time (LF, CRLF and a lone CR end a line). */
function pointsByHand(source: string): Array<{line: number; column: number}> {
  const out: Array<{line: number; column: number}> = []
  let line = 1
  let column = 1
  for (let i = 0; i <= source.length; i++) {
    out.push({line, column})
    const c = source[i]
    if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) {
      line++
      column = 1
    } else column++
  }
  return out
}

describe('pointAt', () => {
  it('counts lines ended by LF, CRLF or a lone CR, with or without any CR in the file', () => {
    const piece = fc.constantFrom('a', '<p>', '\n', '\r\n', '\r', '\n\n', ' ')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 12}), (pieces) => {
        const source = pieces.join('')
        const doc = parseHtml(source)
        const expected = pointsByHand(source)
        for (let offset = 0; offset <= source.length; offset++) expect(pointAt(doc, offset)).toEqual(expected[offset])
      })
    )
  })
})
