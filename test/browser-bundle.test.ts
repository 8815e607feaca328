/**
 * Every package but the CLI runs in a browser: bundled for the browser
 * (esbuild, platform `browser`), it must need no Node built-in. esbuild
 * refuses to resolve `node:fs`, `path`, `buffer`… on that platform, so a
 * package (or a dependency) that imports one fails here with the name of
 * the module and of the file that imports it.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'
import {describe, expect, it} from 'vitest'

const packages = fileURLToPath(new URL('../packages/', import.meta.url))
/** Node-only by design: reads and writes files, runs as a process. */
const NODE_ONLY = new Set(['@redlex/cli'])
const browserPackages = readdirSync(packages)
  .filter((name) => existsSync(`${packages}${name}/package.json`))
  .map((name) => ({
    name: JSON.parse(readFileSync(`${packages}${name}/package.json`, 'utf8')).name as string,
    entry: `${packages}${name}/dist/index.js`
  }))
  .filter((p) => !NODE_ONLY.has(p.name))
const built = browserPackages.every((p) => existsSync(p.entry))

describe.skipIf(!built)('browser bundles', () => {
  it('should cover the packages', () => {
    expect(browserPackages.map((p) => p.name)).toEqual(
      expect.arrayContaining(['@redlex/tree', '@redlex/render-docx', 'redlex'])
    )
  })

  it.each(browserPackages.map((p) => [p.name, p] as const))(
    '%s bundles for the browser without Node built-ins',
    async (_name, {entry}) => {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        logLevel: 'silent',
        metafile: true
      }).catch((error: {errors?: Array<{text: string; location?: {file: string} | null}>}) => error)
      const errors = 'errors' in result ? (result.errors ?? []) : []
      expect(errors.map((e) => `${e.location?.file ?? ''}: ${e.text}`)).toEqual([])
      // Nothing left for the runtime to import either.
      const outputs = Object.values(
        (result as {metafile: {outputs: Record<string, {imports: Array<{path: string; external?: boolean}>}>}}).metafile
          .outputs
      )
      expect(outputs.flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path))).toEqual([])
    }
  )
})
