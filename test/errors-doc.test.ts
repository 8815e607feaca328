/** Every error and warning code used in the sources is documented in docs/errors.md. */
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('../', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

const files = readdirSync(join(root, 'packages')).flatMap((p) => sources(join(root, 'packages', p, 'src')))
const codes = new Set<string>()
for (const file of files) {
  for (const match of readFileSync(file, 'utf8').matchAll(/['`]((?:markdown|formats|amend|isc|compare|cli|tree|ep)\/[a-z]+(?:-[a-z]+)*)['`]/g)) codes.add(match[1]!)
}

describe('docs/errors.md', () => {
  const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8')
  it('should find the codes in the sources', () => {
    expect(codes.size).toBeGreaterThan(40)
  })
  it.each([...codes].sort())('documents %s', (code) => {
    expect(doc).toContain('`' + code + '`')
  })
})
