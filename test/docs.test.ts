/**
 * Every fenced example in docs/ must be valid: Markdown examples parse
 * strictly in the dialect, JSON and YAML examples parse, and some examples
 * are checked against what the code actually produces.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {fromMarkdown, stripPositions} from '@redlex/markdown'

const docs = new URL('../docs/', import.meta.url)

interface Fence {
  file: string
  line: number
  lang: string
  body: string
}

function fences(file: string): Fence[] {
  const text = readFileSync(new URL(file, docs), 'utf8')
  const out: Fence[] = []
  const re = /^```([\w-]*)\n([\s\S]*?)^```$/gm
  let match: RegExpExecArray | null
  while ((match = re.exec(text))) {
    out.push({file, line: text.slice(0, match.index).split('\n').length, lang: match[1]!, body: match[2]!})
  }
  return out
}

const all = readdirSync(docs)
  .filter((f) => f.endsWith('.md'))
  .flatMap(fences)

describe('fenced examples in docs/', () => {
  it('should find examples to check', () => {
    expect(all.length).toBeGreaterThan(5)
  })
  const markdown = all.filter((f) => f.lang === 'markdown')
  it.each(markdown.map((f) => [`${f.file}:${f.line}`, f] as const))(
    'markdown example %s parses strictly',
    (_where, fence) => {
      expect(() => fromMarkdown(fence.body, {file: `${fence.file}:${fence.line}`})).not.toThrow()
    }
  )
  const json = all.filter((f) => f.lang === 'json')
  it.each(json.map((f) => [`${f.file}:${f.line}`, f] as const))('json example %s parses', (_where, fence) => {
    expect(() => JSON.parse(fence.body)).not.toThrow()
  })
  const yaml = all.filter((f) => f.lang === 'yaml')
  it.each(yaml.map((f) => [`${f.file}:${f.line}`, f] as const))('yaml example %s parses', (_where, fence) => {
    expect(() => parseYaml(fence.body)).not.toThrow()
  })
})

describe('docs match the code', () => {
  it('docs/markdown.md carries the complete worked example verbatim', () => {
    const example = fences('markdown.md').at(-1)!
    expect(example.body).toBe(
      readFileSync(new URL('../packages/markdown/test/fixtures/complete.md', import.meta.url), 'utf8')
    )
  })
  it('docs/tree.md shows what the parser yields', () => {
    const [source, yields] = [
      fences('tree.md').find((f) => f.lang === 'markdown')!,
      fences('tree.md').find((f) => f.lang === 'json')!
    ]
    const document = fromMarkdown(source.body)
    const body = document.children.find((c) => c.type === 'body')!
    expect(body.type === 'body' && stripPositions(body.children[0]!)).toEqual(JSON.parse(yields.body))
  })
})
