/**
 * How the CLI treats its input: every problem is a coded error that names the
 * file and the place (or a located warning), in the terms of the file's own
 * syntax — never a stack trace, never a silent guess.
 */
import {copyFileSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {run} from '@redlex/cli'

const example = (name: string) =>
  fileURLToPath(new URL(`../../../examples/eprivacy-derogation/${name}`, import.meta.url))

async function cli(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {
    stdout: (text) => {
      stdout += typeof text === 'string' ? text : ''
    },
    stderr: (text) => {
      stderr += text
    }
  })
  return {code, stdout, stderr}
}

/** A folder with the example's draft and its record, as YAML and as JSON. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redlex-input-'))
  copyFileSync(example('pre-isc.md'), join(dir, 'pre-isc.md'))
  copyFileSync(example('isc.yaml'), join(dir, 'isc.yaml'))
  writeFileSync(join(dir, 'isc.json'), JSON.stringify(parse(readFileSync(example('isc.yaml'), 'utf8')), null, 2) + '\n')
  return dir
}

describe('a malformed JSON input is reported as JSON', () => {
  it('apply --amendments list.json: amend/json-syntax at the line and column of the mistake', async () => {
    const dir = workspace()
    const list = join(dir, 'list.json')
    writeFileSync(list, '[\n  {"id": "a1", "type": "delete" "target": "art_1"}\n]\n')
    const result = await cli('apply', join(dir, 'pre-isc.md'), '--amendments', list)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `${list}:2:33: Malformed JSON: expected \`,\` or \`}\` after the value of "type", found \`"\`. Fix the JSON syntax at this place (double quotes, commas, brackets) [amend/json-syntax]\n`
    )
  })

  it('an ISC record in JSON: apply, verify and check say isc/json-syntax with the place', async () => {
    const dir = workspace()
    const record = join(dir, 'isc.json')
    writeFileSync(
      record,
      readFileSync(record, 'utf8').replace('"reference": "ISC/2020/06507",', '"reference": "ISC/2020/06507",,')
    )
    const draft = join(dir, 'pre-isc.md')
    for (const argv of [
      ['apply', '--isc', record],
      ['verify', draft, draft, '--isc', record],
      ['check', record]
    ]) {
      const result = await cli(...argv)
      expect(result.code, argv[0]).toBe(1)
      expect(result.stderr, argv[0]).toMatch(
        /isc\.json:2:33: Malformed JSON: expected a key in double quotes, found `,`\..*\[isc\/json-syntax\]\n$/
      )
      expect(result.stderr).not.toContain('YAML')
    }
  })

  it('a well-formed JSON record with CRLF line ends and a byte order mark applies as the YAML one does', async () => {
    const dir = workspace()
    const record = join(dir, 'isc.json')
    writeFileSync(record, '\uFEFF' + readFileSync(record, 'utf8').replace(/\n/g, '\r\n').replace(/\r\n$/, '\r'))
    const fromJson = await cli('apply', '--isc', record)
    const fromYaml = await cli('apply', '--isc', join(dir, 'isc.yaml'))
    expect(fromJson.stderr).toBe('')
    expect(fromJson.code).toBe(0)
    expect(fromJson.stdout).toBe(fromYaml.stdout)
  })

  it('YAML stays YAML', async () => {
    const dir = workspace()
    const record = join(dir, 'isc.yaml')
    writeFileSync(record, readFileSync(record, 'utf8').replace('procedure: fast-track', 'procedure: [fast-track'))
    const result = await cli('check', record)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/isc\.yaml:\d+:\d+: Malformed YAML: .*\[isc\/yaml-syntax\]\n$/)
  })
})
