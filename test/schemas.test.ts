/**
 * The JSON outputs scripts read — the comparison (`redlex compare --format
 * json`) and the change log (`redlex apply --log`) — validate against the
 * JSON Schemas the packages publish, and carry the schema version. The
 * schemas are strict (no unknown fields), so a change to either model that
 * forgets its schema fails here.
 */
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {run} from '@redlex/cli'
import {COMPARISON_SCHEMA_VERSION} from '@redlex/compare'
import {CHANGE_LOG_SCHEMA_VERSION} from 'redlex'

const file = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))
const schema = (path: string) => JSON.parse(readFileSync(file(path), 'utf8'))
const ajv = new Ajv2020({allErrors: true, strict: true, strictRequired: false})
const validComparison = ajv.compile(schema('packages/compare/schema/comparison.schema.json'))
const validChangeLog = ajv.compile(schema('packages/redlex/schema/changes.schema.json'))
const example = (name: string) => file(`examples/eprivacy-derogation/${name}`)
const dsa = file('../shared/corpus/dsa/')

async function cli(...argv: string[]): Promise<string> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {stdout: (text) => (stdout += String(text)), stderr: (text) => (stderr += text)})
  expect(code, stderr).toBe(0)
  return stdout
}

/** When this fails after a model change: update the schema in step, and bump schemaVersion (with a CHANGELOG entry) if the change breaks readers. */
function expectValid(validate: typeof validComparison, data: unknown): void {
  const ok = validate(data)
  expect(
    ok ? [] : validate.errors?.slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`),
    'the output no longer matches its published JSON Schema: update the schema (packages/compare/schema, packages/redlex/schema) in step'
  ).toEqual([])
}

describe('the comparison JSON', () => {
  it('should validate, with causes, for the example with its ISC record', async () => {
    const comparison = JSON.parse(
      await cli(
        'compare',
        example('pre-isc.md'),
        example('expected-post-isc.md'),
        '--isc',
        example('isc.yaml'),
        '--format',
        'json'
      )
    )
    expect(comparison.schemaVersion).toBe(COMPARISON_SCHEMA_VERSION)
    expect(JSON.stringify(comparison)).toContain('"causes"')
    expectValid(validComparison, comparison)
  })

  it.skipIf(!existsSync(dsa))(
    'should validate for the DSA proposal and the adopted act (footnotes, moves, renumbering)',
    async () => {
      const comparison = JSON.parse(
        await cli(
          'compare',
          join(dsa, 'proposal-com-2020-825.xhtml'),
          join(dsa, 'final-formex.xml'),
          '--format',
          'json'
        )
      )
      expectValid(validComparison, comparison)
    }
  )

  it('should reject what breaks the contract', async () => {
    const comparison = JSON.parse(
      await cli('compare', example('pre-isc.md'), example('expected-post-isc.md'), '--format', 'json')
    )
    expectValid(validComparison, comparison)
    const {schemaVersion: _, ...unversioned} = comparison
    expect(validComparison(unversioned)).toBe(false)
    expect(validComparison({...comparison, schemaVersion: COMPARISON_SCHEMA_VERSION + 1})).toBe(false)
    const unknownStatus = structuredClone(comparison)
    unknownStatus.changes[0].status = 'rewritten'
    expect(validComparison(unknownStatus)).toBe(false)
    const extraField = structuredClone(comparison)
    extraField.changes[0].colour = 'red'
    expect(validComparison(extraField)).toBe(false)
  })
})

describe('the change log (changes.json)', () => {
  it('should validate as `redlex apply --log` writes it', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'redlex-schema-')), 'changes.json')
    await cli(
      'apply',
      example('pre-isc.md'),
      '--isc',
      example('isc.yaml'),
      '-o',
      join(log, '..', 'post.md'),
      '--log',
      log
    )
    const changes = JSON.parse(readFileSync(log, 'utf8'))
    expect(changes.schemaVersion).toBe(CHANGE_LOG_SCHEMA_VERSION)
    expect(changes.changes.length).toBeGreaterThan(5)
    expectValid(validChangeLog, changes)
    const broken = structuredClone(changes)
    delete broken.changes[0].provenance
    expect(validChangeLog(broken)).toBe(false)
  })
})

describe('EP amendments in the JSON outputs', () => {
  it('should validate: a comparison and a change log whose provenance names EP amendments', async () => {
    const {applyEpText, readEpText} = await import('@redlex/ep')
    const {compareDocuments} = await import('@redlex/compare')
    const {fromMarkdown} = await import('@redlex/markdown')
    const fixture = (name: string) => readFileSync(file(`packages/ep/test/fixtures/${name}`), 'utf8')
    const proposal = fromMarkdown(fixture('proposal.md'))
    const result = applyEpText(proposal, readEpText(fixture('amendments.html')))
    const comparison = JSON.parse(JSON.stringify(compareDocuments(proposal, result.document, {log: result.log})))
    expect(JSON.stringify(comparison)).toContain('"kind":"ep-amendment"')
    expectValid(validComparison, comparison)
    const dir = mkdtempSync(join(tmpdir(), 'redlex-schema-ep-'))
    await cli(
      'ep-amendments',
      file('packages/ep/test/fixtures/amendments.html'),
      '--against',
      file('packages/ep/test/fixtures/proposal.md'),
      '-o',
      join(dir, 'list.yaml')
    )
    await cli(
      'apply',
      file('packages/ep/test/fixtures/proposal.md'),
      '--amendments',
      join(dir, 'list.yaml'),
      '--log',
      join(dir, 'log.json')
    )
    const log = JSON.parse(readFileSync(join(dir, 'log.json'), 'utf8'))
    expect(log.changes[0].provenance.source.kind).toBe('ep-amendment')
    expectValid(validChangeLog, log)
  })
})
