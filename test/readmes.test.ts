/**
 * The "Use" example of every package README runs, and prints exactly what
 * its "Yields:" block says.
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {format} from 'node:util'
import {afterEach, describe, expect, it, vi} from 'vitest'

const packages = new URL('../packages/', import.meta.url)
const scratch = new URL('../.tmp/readme/', import.meta.url)

interface Example {
  name: string
  code: string
  yields: string
}

function example(name: string): Example | undefined {
  const file = new URL(`${name}/README.md`, packages)
  if (!existsSync(file)) return undefined
  const text = readFileSync(file, 'utf8')
  const use = /## Use\n([\s\S]*?)\n## /.exec(text)?.[1]
  if (!use) return undefined
  const code = /```js\n([\s\S]*?)```/.exec(use)?.[1]
  const yields = /Yields:\n+```\w*\n([\s\S]*?)```/.exec(use)?.[1]
  return code && yields !== undefined ? {name, code, yields} : undefined
}

const examples = readdirSync(packages)
  .map(example)
  .filter((e): e is Example => e !== undefined)

describe('package README examples', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })
  it('should find the examples', () => {
    expect(examples.map((e) => e.name)).toContain('markdown')
  })
  it.each(examples.map((e) => [e.name, e] as const))(
    '@redlex/%s README example yields what it says',
    async (_name, ex) => {
      mkdirSync(scratch, {recursive: true})
      const path = new URL(`${ex.name}-${Date.now()}.mjs`, scratch)
      writeFileSync(path, ex.code)
      const printed: string[] = []
      vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        printed.push(format(...args))
      })
      await import(path.href)
      expect(printed.join('\n').trimEnd()).toBe(ex.yields.trimEnd())
    }
  )
})
