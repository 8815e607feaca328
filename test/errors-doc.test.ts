/** Every error and warning code used in the sources is documented in docs/errors.md, and every documented code is used. */
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
  for (const match of readFileSync(file, 'utf8').matchAll(
    /['`]((?:markdown|formats|amend|isc|compare|cli|tree|ep)\/[a-z]+(?:-[a-z]+)*)['`]/g
  ))
    codes.add(match[1]!)
}

describe('docs/errors.md', () => {
  const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8')
  it('should find the codes in the sources', () => {
    expect(codes.size).toBeGreaterThan(40)
  })
  it.each([...codes].sort())('documents %s', (code) => {
    expect(doc).toContain('`' + code + '`')
  })
  // The other direction: every code in the tables is one the sources use (none stale, none
  // built from a template string the search above cannot see).
  const documented = new Set<string>()
  for (const line of doc.split('\n').filter((l) => l.startsWith('|'))) {
    const first = line.split('|')[1] ?? ''
    for (const match of first.matchAll(/`((?:markdown|formats|amend|isc|compare|cli|tree|ep)\/[a-z]+(?:-[a-z]+)*)`/g))
      documented.add(match[1]!)
  }
  it('should find the codes in its tables', () => {
    expect(documented.size).toBeGreaterThan(40)
  })
  it.each([...documented].sort())('%s is used in the sources', (code) => {
    expect(codes).toContain(code)
  })
})
