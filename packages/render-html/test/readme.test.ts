import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {toHtml} from '../src/index.js'
import {comparison} from '../../../test/fixtures/comparisons/example.js'

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

  it('shows an exact excerpt of the example’s output', () => {
    const excerpt = /```html\n([\s\S]*?)\n```/.exec(readme)
    expect(excerpt).not.toBeNull()
    const html = toHtml(comparison)
    expect(html.split('\n')).toContain(excerpt![1])
    expect(html.split('\n').length).toBeGreaterThan(190)
    expect(html.split('\n').length).toBeLessThan(230)
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
