/** `redlex ep-amendments` and `redlex apply --amendments`, on the fixtures of @redlex/ep. */
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {cli} from './run-cli.js'

const fixture = (name: string) => fileURLToPath(new URL(`../../ep/test/fixtures/${name}`, import.meta.url))

describe('redlex ep-amendments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redlex-ep-'))
  const out = (name: string) => join(dir, name)

  it('writes the typed amendments, the report, the amended text and a redline naming EP amendments', async () => {
    const result = await cli(
      'ep-amendments',
      fixture('amendments.html'),
      '--against',
      fixture('proposal.md'),
      '-o',
      out('amendments.yaml'),
      '--report',
      out('report.json'),
      '--text',
      out('amended.md'),
      '--redline',
      out('redline.html')
    )
    expect(result.stderr).toContain('16 amendments: 15 applied, 1 not located, 0 in conflict (P9_TA(2099)0001)')
    expect(result.code).toBe(0)
    const report = JSON.parse(readFileSync(out('report.json'), 'utf8'))
    expect(report).toMatchObject({reference: 'P9_TA(2099)0001', total: 16, applied: 15, notLocated: 1, conflicts: 0})
    expect(report.items[12]).toEqual({
      number: '13',
      target: 'Annex I — point 1',
      status: 'notLocated',
      reason: 'the proposal as given has no annexes (Annex I)'
    })
    const list = parse(readFileSync(out('amendments.yaml'), 'utf8'))
    expect(list).toMatchObject({
      targets: 'current',
      renumber: 'amending-act',
      source: {kind: 'ep-amendment', reference: 'P9_TA(2099)0001', date: '2099-02-03'}
    })
    expect(list.amendments.find((a: {id: string}) => a.id === 'ep-6')).toMatchObject({
      type: 'replace',
      target: 'art_2__para_1__point_a',
      provenance: {source: {number: '6'}}
    })
    const amended = readFileSync(out('amended.md'), 'utf8')
    expect(amended).toContain('### Article 3a')
    expect(amended).toContain('(1a) Gadgets are not widgets.')
    const html = readFileSync(out('redline.html'), 'utf8')
    expect(html).toContain('EP amendment 11')
    expect(html).not.toContain('ep-11')
  })

  it('writes Akoma Ntoso for --text FILE.xml', async () => {
    const result = await cli(
      'ep-amendments',
      fixture('amendments.html'),
      '--against',
      fixture('proposal.md'),
      '-o',
      out('a2.yaml'),
      '--text',
      out('amended.xml')
    )
    expect(result.code).toBe(0)
    expect(readFileSync(out('amended.xml'), 'utf8')).toMatch(/<akomaNtoso[\s\S]*Gadgets are not widgets\./)
  })

  it('gives a list that `redlex apply --amendments` applies to the same text', async () => {
    await cli(
      'ep-amendments',
      fixture('amendments.html'),
      '--against',
      fixture('proposal.md'),
      '-o',
      out('list.yaml'),
      '--text',
      out('ep.md')
    )
    const applied = await cli('apply', fixture('proposal.md'), '--amendments', out('list.yaml'))
    expect(applied.code).toBe(0)
    expect(applied.stdout).toBe(readFileSync(out('ep.md'), 'utf8'))
  })

  it('applies a plain list (targets of the base text, all or nothing)', async () => {
    writeFileSync(
      out('plain.yaml'),
      '- id: a1\n  type: substitute\n  target: art_4__para_1\n  text: report period\n  by: reporting period\n'
    )
    const ok = await cli(
      'apply',
      fixture('proposal.md'),
      '--amendments',
      out('plain.yaml'),
      '--renumber',
      'amending-act'
    )
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('The report shall cover the reporting period.')
    writeFileSync(out('bad.yaml'), '- id: a1\n  type: delete\n  target: art_9\n')
    const bad = await cli('apply', fixture('proposal.md'), '--amendments', out('bad.yaml'))
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('[amend/target-not-found]')
    writeFileSync(out('setting.yaml'), 'targets: later\namendments: []\n')
    expect((await cli('apply', fixture('proposal.md'), '--amendments', out('setting.yaml'))).stderr).toContain(
      '[cli/invalid-setting]'
    )
  })

  it('says what is wrong with the command line (exit 2) or the input (exit 1)', async () => {
    expect(await cli('ep-amendments', fixture('amendments.html'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('needs --against PROPOSAL')
    })
    expect(
      await cli(
        'ep-amendments',
        fixture('amendments.html'),
        '--against',
        fixture('proposal.md'),
        '--redline',
        out('x.pdf')
      )
    ).toMatchObject({code: 2})
    expect(
      await cli('apply', fixture('proposal.md'), '--amendments', out('list.yaml'), '--isc', out('list.yaml'))
    ).toMatchObject({code: 2})
    expect(await cli('ep-amendments', fixture('proposal.md'), '--against', fixture('proposal.md'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('[ep/not-amendments]')
    })
    expect((await cli('ep-amendments', '--help')).stdout).toContain('Usage: redlex ep-amendments')
  })
})

const dataAct = fileURLToPath(new URL('../../../../shared/corpus/data-act/ep-position-2023.html', import.meta.url))

describe.skipIf(!existsSync(dataAct))('redlex ep-amendments on a whole-text position (the Data Act)', () => {
  it('writes its marked changes, its counts and the EP’s text, without a proposal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redlex-ep-'))
    const result = await cli(
      'ep-amendments',
      dataAct,
      '-o',
      join(dir, 'changes.yaml'),
      '--report',
      join(dir, 'report.json'),
      '--text',
      join(dir, 'ep.md')
    )
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/whole-text position: \d+ marked changes \(P9_TA\(2023\)0069\)/)
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))
    expect(report).toMatchObject({form: 'whole-text', reference: 'P9_TA(2023)0069', date: '2023-03-14'})
    expect(report.deleted + report.removed).toBeGreaterThanOrEqual(85)
    expect(parse(readFileSync(join(dir, 'changes.yaml'), 'utf8')).changes[0]).toEqual({
      eId: 'rec_1',
      kind: 'deleted',
      after: 'products connected to the Internet'
    })
    expect(readFileSync(join(dir, 'ep.md'), 'utf8')).not.toContain('▌')
  })
})

const aiActAmendments = fileURLToPath(
  new URL('../../../../shared/corpus/ai-act/ep-amendments-2023.html', import.meta.url)
)
const aiActProposal = fileURLToPath(
  new URL('../../../../shared/corpus/ai-act/proposal-com-2021-206.xhtml', import.meta.url)
)

describe.skipIf(!existsSync(aiActAmendments) || !existsSync(aiActProposal))(
  'redlex ep-amendments on the AI Act',
  () => {
    it('prints the warnings of applying the amendments, each with its unit and amendment', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'redlex-ep-'))
      const result = await cli('ep-amendments', aiActAmendments, '--against', aiActProposal, '-o', join(dir, 'a.yaml'))
      expect(result.code).toBe(0)
      // A reference to a unit an amendment deletes is left as it is: the drafter must be told.
      expect(result.stderr).toMatch(
        /^warning: art_5__para_3: Article 5\(3\): `[^`]+` names Article 5\(2\), which amendment ep-229 deletes;.* \[amend\/reference-to-deleted\]$/m
      )
      expect(result.stderr).toContain('[amend/source-duplicate-number]')
    }, 60_000)
  }
)
