import {readFileSync} from 'node:fs'
import JSZip from 'jszip'
import {describe, expect, it} from 'vitest'
import {toDocx} from '../src/index.js'
import {comparison} from '../../../test/fixtures/comparisons/example.js'
import {readDocx} from './read-docx.js'

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

  it('shows an exact excerpt of the example’s word/document.xml and its comment', async () => {
    const excerpt = /```xml\n([\s\S]*?)\n```/.exec(readme)
    expect(excerpt).not.toBeNull()
    const bytes = await toDocx(comparison)
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
    expect(xml).toContain(excerpt![1])
    const read = await readDocx(bytes)
    expect(read.paragraphs.length).toBe(4)
    expect(read.comments).toEqual([
      {
        id: '0',
        author: 'SG, SJ',
        initials: 'SS',
        date: '2020-09-02T00:00:00.000Z',
        text: [
          'Conclusion C3, requested by SG, SJ:',
          'Expire at the end of the legislative term.',
          'Amendment sunset (sunset)'
        ]
      }
    ])
  })

  it('shows the example’s code', () => {
    const code = readFileSync(new URL('../../../test/fixtures/comparisons/example.ts', import.meta.url), 'utf8')
      .split('\n')
      .slice(1)
      .join('\n')
      .replace('export const', 'const')
      .trim()
    expect(readme).toContain(code)
  })
})
