import {existsSync, readFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const require = createRequire(import.meta.url)

/**
 * Every module `entry` loads before running anything: the static imports, followed through the
 * package's own files and, with `workspace`, into the redlex packages it imports (their dist).
 */
function staticGraph(entry: string, workspace = false): {files: string[]; packages: string[]} {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const code = readFileSync(file, 'utf8')
    // `import … from 'x'` and `export … from 'x'`, not `import('x')` (that is loaded on demand).
    for (const match of code.matchAll(
      /^(?:import|export)\s[^;'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm
    )) {
      const specifier = match[1] ?? match[2]!
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier))
      else {
        packages.add(specifier)
        if (workspace && /^(?:@redlex\/|redlex(?:\/|$))/.test(specifier)) visit(require.resolve(specifier))
      }
    }
  }
  visit(entry)
  return {files: [...files], packages: [...packages].sort()}
}

describe.skipIf(!existsSync(dist))('redlex start-up', () => {
  it('should load no library package before a command runs (help and version stay fast)', () => {
    const {files, packages} = staticGraph(resolve(dist, 'bin.js'))
    expect(packages).toEqual(['node:util'])
    expect(files.some((file) => file.includes('/commands/'))).toBe(false)
    // The help and usage texts are loaded when printed, not by a command that runs.
    expect(files.some((file) => file.endsWith('/help.js'))).toBe(false)
  })

  it('should load each command module only with what that command uses', () => {
    const convert = staticGraph(resolve(dist, 'lib/commands/convert.js')).packages
    expect(convert).not.toContain('@redlex/compare')
    expect(convert).not.toContain('@redlex/render-docx')
    // Each output format's renderer is loaded when asked for: an HTML comparison loads no Word writer.
    const compare = staticGraph(resolve(dist, 'lib/commands/compare.js')).packages
    expect(compare).toContain('redlex/redline')
    expect(compare).not.toContain('@redlex/render-docx')
    expect(compare).not.toContain('@redlex/render-markdown')
    expect(compare).not.toContain('@redlex/render-html')
  })

  it('should compare two published acts without the Markdown, ISC or amendment code', () => {
    // Through the redlex packages too: those are loaded only for a Markdown input or with --isc.
    const compare = staticGraph(resolve(dist, 'lib/commands/compare.js'), true).packages
    expect(compare).toEqual(expect.arrayContaining(['@redlex/formats/xml-html', '@redlex/compare', 'htmlparser2']))
    for (const heavy of ['@redlex/formats', '@redlex/markdown', 'unified', '@redlex/isc', '@redlex/amend', 'yaml'])
      expect(compare, heavy).not.toContain(heavy)
  })
})
