import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {toMarkdownRedline} from '../src/index.js'
import {comparison} from '../../../test/fixtures/comparisons/example.js'

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

  it('shows the example’s exact output', () => {
    const yields = /Yields:\n\n````markdown\n([\s\S]*?)\n````/.exec(readme)
    expect(yields).not.toBeNull()
    expect(toMarkdownRedline(comparison)).toBe(yields![1] + '\n')
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
