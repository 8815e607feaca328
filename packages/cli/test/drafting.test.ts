/**
 * The drafter's loop: `outline` to find eIds, `check RECORD` to see every
 * problem of a record against its draft at once, `apply --isc RECORD` with
 * the draft taken from the record, errors and warnings printed with what the
 * API holds (the eIds next to a wrong target, the provision's text).
 */
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, example} from './run-cli.js'

const DRAFT = `Proposal for a

# REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL

on a test

HAVE ADOPTED THIS REGULATION:

### Article 1

#### Subject matter

The gatekeeper shall comply with Article 2.

### Article 2

#### Obligations

1. The gatekeeper shall report.

2. The gatekeeper shall publish.

3. This Regulation shall be binding in its entirety and directly applicable in all Member States.
`

function record(amendments: string): string {
  return `reference: ISC/2020/00001
date: 2020-09-02
procedure: normal
leadServices: [HOME]
services:
  - service: SJ
    opinion: positive
conclusions:
  - id: c1
    text: Terminology and fixes.
    amendments:
${amendments}
draft: drafts/pre-isc.md
`
}

function workspace(amendments: string): {dir: string; recordFile: string} {
  const dir = mkdtempSync(join(tmpdir(), 'redlex-drafting-'))
  const drafts = join(dir, 'drafts')
  mkdirSync(drafts)
  writeFileSync(join(drafts, 'pre-isc.md'), DRAFT)
  const recordFile = join(dir, 'isc.yaml')
  writeFileSync(recordFile, record(amendments))
  return {dir, recordFile}
}

describe('redlex outline', () => {
  it('has help and a usage line', async () => {
    const help = await cli('outline', '--help')
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, 'Usage: redlex outline FILE [--all] [--words N]'])
    expect((await cli('outline')).code).toBe(2)
  })

  it('lists the top eIds with labels and first words, and every unit with --all', async () => {
    const {dir} = workspace('      - {id: a, type: delete, target: art_1}')
    const top = await cli('outline', join(dir, 'drafts', 'pre-isc.md'))
    expect(top.code).toBe(0)
    expect(top.stdout).toBe(
      'art_1  Article 1 Subject matter — The gatekeeper shall comply with Article 2.\nart_2  Article 2 Obligations\n'
    )
    const all = await cli('outline', join(dir, 'drafts', 'pre-isc.md'), '--all', '--words', '3')
    expect(all.stdout.split('\n')).toEqual([
      'art_1  Article 1 Subject matter — The gatekeeper shall …',
      'art_2  Article 2 Obligations',
      '  art_2__para_1  1. — The gatekeeper shall …',
      '  art_2__para_2  2. — The gatekeeper shall …',
      '  art_2__para_3  3. — This Regulation shall …',
      ''
    ])
  })

  it('works on the shipped example (every unit)', async () => {
    const result = await cli('outline', example('pre-isc.md'), '--all')
    expect(result.stdout).toContain('  art_3__point_c  (c) — the processing is limited to what is strictly …\n')
  })
})

describe('redlex check RECORD (against its draft)', () => {
  it('reports every problem at once, with the expected siblings and the provision text, and exits 1', async () => {
    const {recordFile} = workspace(
      [
        '      - {id: wrong-target, type: delete, target: art_2__para_4}',
        '      - {id: fine, type: substitute, target: art_2, text: gatekeeper, by: provider, occurrence: all}',
        '      - {id: wrong-text, type: substitute, target: art_1, text: gatekeepers, by: providers}',
        '      - {id: not-started, type: insertText, target: art_1, anchor: comply, position: after, text: " fully"}'
      ].join('\n')
    )
    const result = await cli('check', recordFile)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('2 amendment(s) cannot be applied to')
    expect(result.stderr).toContain(
      'Amendment wrong-target (delete) cannot be applied: No provision `art_2__para_4` in the base text'
    )
    expect(result.stderr).toContain('  expected one of: art_2__para_1, art_2__para_2, art_2__para_3\n')
    expect(result.stderr).toContain(
      'Amendment wrong-text (substitute) cannot be applied: The quoted text ‘gatekeepers’ is not in art_1'
    )
    expect(result.stderr).toContain('  found: «The gatekeeper shall comply with Article 2.»\n')
  })

  it('reports every problem of a malformed record too, then checks its well-formed amendments', async () => {
    const {recordFile} = workspace(
      [
        '      - {id: typo, type: delete, targte: art_1}',
        '      - {id: unknown, type: substitut, target: art_1, text: a, by: b}',
        '      - {id: gone, type: delete, target: art_9}',
        '      - {id: missing-text, type: substitute, target: art_1, text: gatekeepers, by: providers}',
        '      - {id: good, type: substitute, target: art_2, text: gatekeeper, by: provider, occurrence: all}',
        '  - id: c2',
        '    amendments: []'
      ].join('\n')
    )
    writeFileSync(
      recordFile,
      readFileSync(recordFile, 'utf8').replace('date: 2020-09-02', 'date: 2020-02-30').replace('positive', 'maybe')
    )
    const result = await cli('check', recordFile)
    expect(result.code).toBe(1)
    const lines = result.stderr.split('\n').filter((line) => line.startsWith(recordFile))
    const found = lines.map((line) => line.slice(recordFile.length).replace(/ \(.*$/, ''))
    expect(lines.map((line) => /\[([a-z]+\/[a-z-]+)\]$/.exec(line)?.[1])).toEqual([
      'isc/invalid-date',
      'isc/invalid-field',
      'amend/missing-field',
      'amend/unknown-field',
      'amend/unknown-type',
      'isc/missing-field',
      'amend/target-not-found',
      'amend/text-not-found'
    ])
    // each with its place in the YAML; the amendment and conclusion named
    expect(found.slice(0, 6).every((place) => /^:\d+:\d+: /.test(place))).toBe(true)
    expect(lines[3]).toMatch(/Unknown field `conclusions\[0\]\.amendments\[0\]\.targte`/)
    expect(lines[3]).toMatch(/amendment typo.*conclusion c1|conclusion c1.*amendment typo/)
    expect(lines[5]).toMatch(/`conclusions\[1\]\.text` is missing/)
    expect(result.stdout).toContain('6 problem(s) in the record')
    expect(result.stdout).toContain('2 amendment(s) cannot be applied to')
    const json = JSON.parse((await cli('check', recordFile, '--json')).stdout) as {problems: Array<{code: string}>}
    expect(json.problems).toHaveLength(8)
  })

  it('says so when every amendment applies, and gives JSON', async () => {
    const {recordFile} = workspace(
      '      - {id: fine, type: substitute, target: art_2, text: gatekeeper, by: provider, occurrence: all}'
    )
    const ok = await cli('check', recordFile)
    expect([ok.code, ok.stdout.trim().split('\n').pop()]).toEqual([
      0,
      `${recordFile}: every amendment applies to ${join(recordFile, '..', 'drafts', 'pre-isc.md')}`
    ])
    const json = JSON.parse((await cli('check', recordFile, '--json')).stdout) as Record<string, unknown>
    expect(json).toMatchObject({reference: 'ISC/2020/00001', amendments: 1, problems: []})
  })
})

describe('redlex apply --isc RECORD (draft from the record)', () => {
  it('takes the draft from `draft:`, relative to the record, and prints warnings', async () => {
    const {dir, recordFile} = workspace(
      [
        '      - {id: scope, type: substitute, target: art_2, text: gatekeeper, by: provider, occurrence: all}',
        '      - {id: end, type: sunset, date: "ep-term-end:current"}'
      ].join('\n')
    )
    const out = join(dir, 'post.md')
    const result = await cli('apply', '--isc', recordFile, '-o', out)
    expect(result.code).toBe(0)
    const post = readFileSync(out, 'utf8')
    expect(post).toContain('The provider shall report.')
    // the sunset goes before the binding-force formula
    expect(post.indexOf('It shall apply until 16 July 2029.')).toBeLessThan(
      post.indexOf('This Regulation shall be binding')
    )
    expect(result.stderr).toContain(
      'warning: ep-term-end:current: the end of the 10th European Parliament term is provisional'
    )
    expect(result.stderr).toContain('[amend/provisional-date]')
  })

  it('a record without `draft:` and no DRAFT is a coded error', async () => {
    const {recordFile} = workspace('      - {id: a, type: delete, target: art_1}')
    writeFileSync(recordFile, readFileSync(recordFile, 'utf8').replace('draft: drafts/pre-isc.md\n', ''))
    const result = await cli('apply', '--isc', recordFile)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[cli/no-draft]')
  })
})
