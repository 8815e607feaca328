import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {element, parseXml, serializeXml} from '../src/lib/xml-tree.js'

describe('the XML tree used to rewrite parts', () => {
  it('reads and writes a part back to the same bytes', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="urn:w"><w:body><w:p>' +
      '<w:r><w:t xml:space="preserve">a &amp; b &lt; c &gt; d</w:t></w:r><w:r><w:tab/></w:r></w:p></w:body></w:document>'
    expect(serializeXml(parseXml(xml))).toBe(xml)
  })

  it('holds text and attribute values decoded, and escapes them again when written', () => {
    const part = parseXml('<a b="&quot;x&quot; &amp; &#60;y&#x3E;">&#38;&lt;tag&gt;</a>')
    expect(part.root.attributes).toEqual([['b', '"x" & <y>']])
    expect(part.root.children).toEqual([{type: 'text', value: '&<tag>'}])
    expect(serializeXml(part)).toBe('<a b="&quot;x&quot; &amp; &lt;y&gt;">&amp;&lt;tag&gt;</a>')
  })

  it('never lets a value become markup: any string survives as text and as an attribute', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (value, name) => {
        const written = serializeXml({
          declaration: '',
          root: element('w:r', [['w:name', name]], [{type: 'text', value}])
        })
        const read = parseXml(written)
        expect(read.root.attributes).toEqual([['w:name', name]])
        expect(read.root.children.length).toBe(value === '' ? 0 : 1)
        if (value !== '') expect(read.root.children[0]).toEqual({type: 'text', value})
        expect(read.root.name).toBe('w:r')
      })
    )
  })

  it('refuses what it does not read rather than guessing: mismatched tags, comments, CDATA', () => {
    expect(() => parseXml('<a><b></a>')).toThrow()
    expect(() => parseXml('<a><!-- x --></a>')).toThrow()
    expect(() => parseXml('<a><![CDATA[x]]></a>')).toThrow()
    expect(() => parseXml('<a>&bogus;</a>')).toThrow()
    expect(() => parseXml('<a/><b/>')).toThrow()
  })
})
