/**
 * Every package is ready to publish: complete metadata, the licence text,
 * a README that works on the registry page (no links relative to the
 * repository), and what `exports` and `files` promise is really there.
 * (test/pack.test.ts packs and installs them for real.)
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'

const root = new URL('../', import.meta.url)
const REPOSITORY = 'https://github.com/redlex/redlex'
const names = readdirSync(new URL('packages/', root)).filter((name) =>
  existsSync(new URL(`packages/${name}/package.json`, root))
)
const rootVersion = JSON.parse(readFileSync(new URL('packages/tree/package.json', root), 'utf8')).version as string

interface Manifest {
  name: string
  version: string
  description?: string
  keywords?: string[]
  repository?: {type: string; url: string; directory: string}
  homepage?: string
  license?: string
  engines?: {node?: string}
  exports?: Record<string, unknown>
  types?: string
  sideEffects?: boolean
  files?: string[]
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
}

const manifest = (name: string): Manifest =>
  JSON.parse(readFileSync(new URL(`packages/${name}/package.json`, root), 'utf8'))

describe('package metadata', () => {
  it('should find the packages', () => {
    expect(names).toContain('tree')
    expect(names).toContain('cli')
  })

  it.each(names)('%s has complete metadata', (name) => {
    const m = manifest(name)
    expect(m.description?.length ?? 0).toBeGreaterThan(20)
    expect(m.keywords).toContain('redlex')
    expect(m.repository).toEqual({type: 'git', url: `git+${REPOSITORY}.git`, directory: `packages/${name}`})
    expect(m.homepage).toBe(`${REPOSITORY}/tree/main/packages/${name}#readme`)
    expect(m.license).toBe('EUPL-1.2')
    expect(m.engines?.node).toBe('>=20')
    expect(m.types).toBe('./dist/index.d.ts')
    expect(m.exports?.['.']).toEqual({types: './dist/index.d.ts', default: './dist/index.js'})
    expect(m.sideEffects).toBe(false)
    expect(m.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'LICENSE']))
    // Build before packing, so that a clean clone packs the compiled code.
    expect(m.scripts?.['prepack']).toBe('tsc -b')
  })

  it.each(names)('%s ships every folder its exports name, and versions in step', (name) => {
    const m = manifest(name)
    for (const [key, target] of Object.entries(m.exports ?? {})) {
      if (typeof target !== 'string' || key === './package.json') continue
      const folder = target.replace(/^\.\//, '').split('/')[0]!
      expect(m.files, `${key} → ${target}`).toContain(folder)
      expect(existsSync(new URL(`packages/${name}/${folder}`, root)), folder).toBe(true)
    }
    // One version for all packages (the versioning policy in CHANGELOG.md).
    expect(m.version).toBe(rootVersion)
    for (const [dependency, range] of Object.entries(m.dependencies ?? {})) {
      if (dependency.startsWith('@redlex/') || dependency === 'redlex') expect(range, dependency).toBe('workspace:*')
    }
  })

  it.each(names)('%s carries the licence text', (name) => {
    expect(readFileSync(new URL(`packages/${name}/LICENSE`, root), 'utf8')).toBe(
      readFileSync(new URL('LICENSE', root), 'utf8')
    )
  })

  it.each(names)('%s README links work outside the repository', (name) => {
    const text = readFileSync(new URL(`packages/${name}/README.md`, root), 'utf8')
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      expect(target, `link ${target}`).toMatch(/^(https?:|mailto:|#)/)
      if (!target!.startsWith(REPOSITORY + '/')) continue
      // A link into this repository names a file or folder that exists.
      const path = /^\/(?:blob|tree)\/main\/([^#]+)/.exec(target!.slice(REPOSITORY.length))?.[1]
      expect(path, `link ${target}`).toBeDefined()
      expect(existsSync(new URL(path!, root)), `link ${target}`).toBe(true)
    }
  })
})

describe('the licence', () => {
  it('should be the EUPL-1.2 text', () => {
    const text = readFileSync(new URL('LICENSE', root), 'utf8')
    expect(text).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/)
    expect(text).toContain('Appendix')
  })
})
