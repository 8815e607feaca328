/**
 * `classes` reads an element's `class` attribute with a shortcut for the
 * common one-name case: it must give exactly the list a split at white space
 * (`\s`, so NBSP and other Unicode spaces too) gives, for any value.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {classes, parseHtml} from '../src/lib/html.js'
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
