/**
 * The packages install and work as a user gets them: every package is
 * packed with pnpm (which builds it first and turns `workspace:*` into
 * versions), the tarballs are installed with plain npm — engines enforced —
 * into an empty project, and a consumer script does the common job from
 * there; a TypeScript consumer type-checks against the shipped declarations,
 * and the installed `redlex` command runs. Third-party dependencies come
 * from npm's cache when they are there, else from the registry.
 */
import {execFile} from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  copyFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('../', import.meta.url))
const fixture = (name: string) => join(root, 'test/fixtures/consumer', name)
const example = (name: string) => join(root, 'examples/eprivacy-derogation', name)
const packages = readdirSync(join(root, 'packages')).filter((name) =>
  existsSync(join(root, 'packages', name, 'package.json'))
)
const work = mkdtempSync(join(tmpdir(), 'redlex-pack-'))
const tarballs = join(work, 'tarballs')
const project = join(work, 'project')

// Asynchronous, so that the test worker stays responsive while they run.
const exec = async (file: string, args: string[], cwd: string): Promise<string> =>
  (await promisify(execFile)(file, args, {cwd, encoding: 'utf8', maxBuffer: 64 << 20})).stdout

/** pnpm as the test command was started with it, else the version the README names. */
function pnpm(args: string[], cwd: string): Promise<string> {
  const execpath = process.env['npm_execpath']
  if (execpath && /pnpm/.test(execpath)) return exec(process.execPath, [execpath, ...args], cwd)
  return exec('npx', ['-y', 'pnpm@10', ...args], cwd)
}

const npm = (args: string[]) => exec('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], project)

describe('the packed packages', () => {
  beforeAll(async () => {
    await pnpm(['-r', 'pack', '--pack-destination', tarballs], root)
    mkdirSync(project)
    writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}))
    const files = readdirSync(tarballs).map((name) => join(tarballs, name))
    await npm(['install', '--engine-strict', '--prefer-offline', ...files])
  }, 300_000)

  afterAll(() => {
    rmSync(work, {recursive: true, force: true})
  })

  it('should pack every package, each with its code, types, README and licence', () => {
    expect(readdirSync(tarballs)).toHaveLength(packages.length)
    for (const name of packages) {
      const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'))
      const installed = join(project, 'node_modules', manifest.name)
      for (const file of ['dist/index.js', 'dist/index.d.ts', 'README.md', 'LICENSE', 'package.json']) {
        expect(existsSync(join(installed, file)), `${manifest.name}: ${file}`).toBe(true)
      }
      // Internal dependencies became versions.
      const shipped = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))
      for (const [dependency, range] of Object.entries<string>(shipped.dependencies ?? {})) {
        expect(range, `${manifest.name} → ${dependency}`).not.toMatch(/^workspace:/)
      }
    }
  })

  it('should do the common job from an empty project: the example record applied, the redline with causes in HTML and Word', async () => {
    const out = join(work, 'out')
    mkdirSync(out)
    copyFileSync(fixture('consumer.mjs'), join(project, 'consumer.mjs'))
    const printed = await exec(
      process.execPath,
      ['consumer.mjs', example('pre-isc.md'), example('isc.yaml'), out],
      project
    )
    const result = JSON.parse(printed)
    expect(result.reference).toBe('ISC/2020/06507')
    expect(result.summary.modified + result.summary.inserted + result.summary.deleted).toBeGreaterThan(5)
    expect(result.caused).toBeGreaterThan(5)
    expect(result.schemas).toEqual(['redlex comparison', 'redlex change log', 'redlex ISC record'])
    const html = readFileSync(join(out, 'comparison.html'), 'utf8')
    expect(html).toMatch(/<ins\b/)
    expect(html).toMatch(/<del\b/)
    expect(readFileSync(join(out, 'comparison.docx')).subarray(0, 2).toString()).toBe('PK')
  })

  it('should type-check a TypeScript consumer against the shipped declarations', async () => {
    copyFileSync(fixture('consumer.ts'), join(project, 'consumer.ts'))
    copyFileSync(fixture('tsconfig.json'), join(project, 'tsconfig.json'))
    const tsc = join(root, 'node_modules/typescript/bin/tsc')
    await expect(exec(process.execPath, [tsc, '-p', project], project)).resolves.toBe('')
  })

  it('should install the redlex command', async () => {
    const bin = join(project, 'node_modules/.bin/redlex')
    expect(await exec(bin, ['--version'], project)).toMatch(/^redlex \d+\.\d+\.\d+\n$/)
    const html = await exec(
      bin,
      [
        'compare',
        example('pre-isc.md'),
        example('expected-post-isc.md'),
        '--isc',
        example('isc.yaml'),
        '--format',
        'html'
      ],
      project
    )
    expect(html).toMatch(/^<!DOCTYPE html>/i)
  })
})
