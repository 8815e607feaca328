/** Broken or hostile input ends in a coded error (exit 1) or a warning, never in exit 70. */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {SaxesParser} from 'saxes'
import {describe, expect, it} from 'vitest'
import {cli, example} from './run-cli.js'

describe('redlex on hostile input', () => {
  it('apply with an ISC record that is a YAML alias bomb: isc/yaml-unreadable, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redlex-robust-'))
    const record = join(dir, 'bomb.yaml')
    const lines = [readFileSync(example('isc.yaml'), 'utf8'), 'x0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 12; i++)
      lines.push(`x${i}: &a${i} [${Array.from({length: 10}, () => `*a${i - 1}`).join(', ')}]`)
    writeFileSync(record, lines.join('\n') + '\n')
    const result = await cli('apply', example('pre-isc.md'), '--isc', record)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^.*bomb\.yaml: Cannot turn the YAML into data: .*\[isc\/yaml-unreadable\]\n$/)
  })

  it('convert --to akn drops characters XML forbids, says so, and writes XML a strict parser accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redlex-robust-'))
    const draft = join(dir, 'draft.md')
    writeFileSync(draft, '### Article 1\n\n1. Member\u0001 States shall\uFFFE act.\n')
    const out = join(dir, 'draft.xml')
    const result = await cli('convert', draft, '--to', 'akn', '-o', out)
    expect(result.code).toBe(0)
    // The Markdown reader drops them first, naming where (the AKN writer's own net: formats/test/akn-export-xml-safe).
    expect(result.stderr).toContain('draft.md:3:10: 2 characters XML 1.0 does not allow')
    expect(result.stderr).toContain('[markdown/invalid-character]')
    const xml = readFileSync(out, 'utf8')
    const parser = new SaxesParser({xmlns: true})
    let error: Error | undefined
    parser.on('error', (e) => {
      error ??= e
    })
    parser.write(xml).close()
    expect(error).toBeUndefined()
    expect(xml).toContain('Member States shall act.')
  })
})
