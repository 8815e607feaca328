/**
 * The shipped examples run as a user runs them (after the build that
 * `pnpm test` does first) and write what they promise.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, statSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('../', import.meta.url))
const built = existsSync(new URL('../packages/cli/dist/index.js', import.meta.url))
const corpus = existsSync(new URL('../../shared/corpus/dsa/', import.meta.url))

describe.skipIf(!built)('examples', () => {
  it('eprivacy-derogation/run.mjs writes the five outputs', () => {
    const started = Date.now()
    const printed = execFileSync(process.execPath, ['examples/eprivacy-derogation/run.mjs'], {
      cwd: root,
      encoding: 'utf8'
    })
    expect(printed).toMatch(/^ISC\/2020\/06507: 10 amendments of 3 conclusions applied; provisions: /)
    const out = (name: string) => new URL(`../examples/eprivacy-derogation/out/${name}`, import.meta.url)
    for (const name of ['post-isc.md', 'comparison.html', 'comparison.docx', 'comparison.md', 'changes.json']) {
      expect(printed).toContain(fileURLToPath(out(name)))
      expect(statSync(out(name)).mtimeMs).toBeGreaterThanOrEqual(started - 1000)
    }
    expect(readFileSync(out('post-isc.md'), 'utf8')).toBe(
      readFileSync(new URL('../examples/eprivacy-derogation/expected-post-isc.md', import.meta.url), 'utf8')
    )
    expect(readFileSync(out('comparison.docx')).subarray(0, 2).toString()).toBe('PK')
    const changes = JSON.parse(readFileSync(out('changes.json'), 'utf8'))
    expect(changes.isc).toBe('ISC/2020/06507')
    expect(changes.changes.every((c: {provenance: unknown}) => typeof c.provenance === 'object')).toBe(true)
  })

  it.skipIf(!corpus)('real-versions/run.mjs compares the DSA proposal with Regulation (EU) 2022/2065', () => {
    const printed = execFileSync(process.execPath, ['examples/real-versions/run.mjs'], {cwd: root, encoding: 'utf8'})
    expect(printed).toMatch(/DSA proposal → Regulation \(EU\) 2022\/2065: \{/)
    const comparison = JSON.parse(
      readFileSync(new URL('../examples/real-versions/out/comparison.json', import.meta.url), 'utf8')
    )
    expect(comparison.summary.renumbered).toBeGreaterThan(0)
  })
})
