import JSZip from 'jszip'
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {cli, example} from './run-cli.js'

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url))
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'redlex-cli-'))
}

describe('redlex (usage)', () => {
  it('should print help and exit 0 with --help, for every command', async () => {
    for (const command of ['check', 'convert', 'format', 'apply', 'compare', 'verify']) {
      const result = await cli(command, '--help')
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(`Usage: redlex ${command}`)
    }
    const main = await cli('--help')
    expect(main.code).toBe(0)
    expect(main.stdout).toContain('Commands:')
  })

  it('should exit 2 on an unknown command, a bad flag, a missing flag or a wrong file count', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['frobnicate'], /Unknown command `frobnicate`/],
      [['check', '--colour', example('pre-isc.md')], /Unknown option '--colour'/],
      [['convert', example('pre-isc.md')], /`convert` needs --to md\|akn\|json/],
      [['convert', example('pre-isc.md'), '--to', 'pdf'], /--to must be one of md, akn, json, not `pdf`/],
      [['compare', example('pre-isc.md'), '--format', 'html'], /takes two files/],
      [['compare', example('pre-isc.md'), example('pre-isc.md'), '--format', 'docx'], /needs -o FILE/],
      [['apply', example('pre-isc.md')], /`apply` needs --isc FILE/],
      [
        ['apply', example('pre-isc.md'), '--isc', example('isc.yaml'), '--renumber', 'roman'],
        /--renumber must be one of sequential, amending-act/
      ]
    ]
    for (const [argv, message] of cases) {
      const result = await cli(...argv)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr).toMatch(message)
      expect(result.stderr).toContain('Usage: redlex')
    }
  })
})

describe('redlex check', () => {
  it('should print the format and counts', async () => {
    const result = await cli('check', example('pre-isc.md'))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'markdown, regulation (proposal): 5 citations, 7 recitals, 4 articles, 0 chapters, 0 annexes'
    )
  })

  it('should print JSON with --json', async () => {
    const result = await cli('check', example('pre-isc.md'), '--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      file: example('pre-isc.md'),
      format: 'markdown',
      counts: {citations: 5, recitals: 7, articles: 4, chapters: 0, annexes: 0},
      warnings: []
    })
  })

  it('should report an unreadable file as file: message [code], exit 1', async () => {
    const missing = join(scratch(), 'nope.md')
    const result = await cli('check', missing)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`${missing}: No such file. Check the path and the permissions [cli/unreadable-file]\n`)
  })

  it('should report an unknown format, exit 1', async () => {
    const result = await cli('check', fixture('unknown.txt'))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/\[formats\/unknown-format\]\n$/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('should report a structural error with line and column', async () => {
    const dir = scratch()
    const file = join(dir, 'bad.md')
    writeFileSync(file, '### Article 1\n\n1. One.\n\n3. Three.\n')
    const result = await cli('check', file)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `${file}:5:1: paragraph 3 skips a number in the paragraph sequence. Number paragraphs in order without gaps (inserted units: 4a after 4); or read the text as it is, with such problems as warnings: \`--lenient\` (redlex check, convert, apply, compare, verify) or \`{lenient: true}\` (API) [markdown/skipped-number]\n`
    )
    const lenient = await cli('check', file, '--lenient', '--json')
    expect(lenient.code).toBe(0)
    expect(JSON.parse(lenient.stdout).warnings[0].code).toBe('markdown/skipped-number')
  })
})

describe('redlex convert and format', () => {
  it('should convert to md, json and akn, and back from akn', async () => {
    const dir = scratch()
    const md = await cli('convert', example('pre-isc.md'), '--to', 'md')
    expect(md.stdout).toBe(readFileSync(example('pre-isc.md'), 'utf8'))
    const json = await cli('convert', example('pre-isc.md'), '--to', 'json')
    expect(JSON.parse(json.stdout).type).toBe('document')
    const akn = join(dir, 'draft.akn.xml')
    expect((await cli('convert', example('pre-isc.md'), '--to', 'akn', '-o', akn)).code).toBe(0)
    expect(readFileSync(akn, 'utf8')).toContain('akomaNtoso')
    const back = await cli('convert', akn, '--to', 'md')
    expect(back.code).toBe(0)
    expect(back.stdout).toBe(md.stdout)
  })

  it('should check and fix canonical form', async () => {
    const dir = scratch()
    const file = join(dir, 'draft.md')
    writeFileSync(file, '### Article 1\n\n1. One:\n(a) first;\n(b) second.\n')
    expect((await cli('format', file, '--check')).code).toBe(1)
    expect((await cli('format', file, '-o', file)).code).toBe(0)
    expect((await cli('format', file, '--check')).code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe('### Article 1\n\n1. One:\n\n(a) first;\n\n(b) second.\n')
  })
})

describe('redlex apply, compare, verify', () => {
  it('should apply the ISC record and write the text and the log', async () => {
    const dir = scratch()
    const result = await cli(
      'apply',
      example('pre-isc.md'),
      '--isc',
      example('isc.yaml'),
      '-o',
      join(dir, 'post.md'),
      '--log',
      join(dir, 'changes.json')
    )
    expect(result.code, result.stderr).toBe(0)
    const post = readFileSync(join(dir, 'post.md'), 'utf8')
    expect(post).not.toBe(readFileSync(example('pre-isc.md'), 'utf8'))
    const log = JSON.parse(readFileSync(join(dir, 'changes.json'), 'utf8'))
    expect(log.isc).toBe('ISC/2020/06507')
    expect(log.changes.length).toBeGreaterThan(0)
    expect(log.changes[0].provenance.conclusion).toBeTruthy()
  })

  it('should compare in every format, with causes from the record', async () => {
    const dir = scratch()
    const post = join(dir, 'post.md')
    await cli('apply', example('pre-isc.md'), '--isc', example('isc.yaml'), '-o', post)
    const json = await cli('compare', example('pre-isc.md'), post, '--isc', example('isc.yaml'), '--format', 'json')
    expect(json.code, json.stderr).toBe(0)
    const comparison = JSON.parse(json.stdout)
    expect(comparison.summary.modified).toBeGreaterThan(0)
    const flat: Array<{status: string; causes?: unknown[]; children: unknown[]}> = []
    const walk = (changes: typeof flat): void => {
      for (const change of changes) {
        flat.push(change)
        walk(change.children as typeof flat)
      }
    }
    walk(comparison.changes)
    expect(flat.some((c) => c.status !== 'unchanged' && c.causes && c.causes.length > 0)).toBe(true)
    for (const [format, check] of [
      ['html', (s: string) => s.startsWith('<!DOCTYPE html>')],
      ['md', (s: string) => s.includes('ISC/2020/06507')]
    ] as const) {
      const out = join(dir, `comparison.${format}`)
      expect(
        (await cli('compare', example('pre-isc.md'), post, '--isc', example('isc.yaml'), '--format', format, '-o', out))
          .code
      ).toBe(0)
      expect(check(readFileSync(out, 'utf8'))).toBe(true)
    }
    const docx = join(dir, 'comparison.docx')
    expect((await cli('compare', example('pre-isc.md'), post, '--format', 'docx', '-o', docx)).code).toBe(0)
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK')
  })

  it('should name the versions by --names (else the files, never their paths) and title by --title', async () => {
    const dir = scratch()
    const post = join(dir, 'post.md')
    await cli('apply', example('pre-isc.md'), '--isc', example('isc.yaml'), '-o', post)
    const named = await cli(
      'compare',
      example('pre-isc.md'),
      post,
      '--isc',
      example('isc.yaml'),
      '--format',
      'md',
      '--names',
      'pre-ISC draft, post-ISC text',
      '--title',
      'Post-ISC <comparison>'
    )
    expect(named.code, named.stderr).toBe(0)
    expect(named.stdout.split('\n')[0]).toBe('# Post-ISC &lt;comparison\\>')
    expect(named.stdout).toContain('**Versions compared:** pre-ISC draft (before) → post-ISC text (after)')
    // the consultation is a section, and no internal name leaks
    expect(named.stdout).toContain('## Interservice consultation ISC/2020/06507')
    expect(named.stdout).not.toMatch(/docStage|doneAt|#renumber|\(renumber\)/)
    const plain = await cli('compare', example('pre-isc.md'), post, '--format', 'json')
    const comparison = JSON.parse(plain.stdout)
    expect([comparison.before.name, comparison.after.name]).toEqual(['pre-isc', 'post'])
    expect(plain.stdout).not.toContain(dir)
    const docx = join(dir, 'c.docx')
    expect(
      (await cli('compare', example('pre-isc.md'), post, '--format', 'docx', '-o', docx, '--names', 'A,B')).code
    ).toBe(0)
    const zip = await JSZip.loadAsync(readFileSync(docx))
    expect(await zip.file('word/header1.xml')!.async('string')).toContain('A → B')
    const bad = await cli('compare', example('pre-isc.md'), post, '--format', 'md', '--names', 'only one')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--names takes two names/)
  })

  it('should show unchanged provisions with --show-unchanged', async () => {
    const shown = await cli(
      'compare',
      example('pre-isc.md'),
      example('pre-isc.md'),
      '--format',
      'md',
      '--show-unchanged'
    )
    expect(shown.stdout).toMatch(/### Article 1\(1\) — unchanged/)
    const hidden = await cli('compare', example('pre-isc.md'), example('pre-isc.md'), '--format', 'md')
    expect(hidden.stdout).not.toMatch(/— unchanged/)
  })

  it('should verify: 0 for the applied text, 1 when amendments are missing', async () => {
    const dir = scratch()
    const post = join(dir, 'post.md')
    await cli('apply', example('pre-isc.md'), '--isc', example('isc.yaml'), '-o', post)
    const ok = await cli('verify', example('pre-isc.md'), post, '--isc', example('isc.yaml'))
    expect(ok.code, ok.stdout + ok.stderr).toBe(0)
    const missing = await cli('verify', example('pre-isc.md'), example('pre-isc.md'), '--isc', example('isc.yaml'))
    expect(missing.code).toBe(1)
    expect(missing.stdout).toMatch(/MISSING/)
  })

  it('should fail on a failing amendment with its id and leave no output file', async () => {
    const dir = scratch()
    const out = join(dir, 'post.md')
    const result = await cli(
      'apply',
      example('pre-isc.md'),
      '--isc',
      fixture('failing-isc.yaml'),
      '-o',
      out,
      '--log',
      join(dir, 'log.json')
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^.*failing-isc\.yaml:20:9: Amendment bad-1 .*\(amendment bad-1, conclusion C1\)/)
    expect(result.stderr).toMatch(/\[amend\/[a-z-]+\]\n$/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('should report an invalid ISC record with its position', async () => {
    const result = await cli('apply', example('pre-isc.md'), '--isc', fixture('invalid-isc.yaml'))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/invalid-isc\.yaml:\d+:\d+: .*\[isc\/[a-z-]+\]\n$/)
  })

  it('should not leave a file behind when the output folder does not exist', async () => {
    const dir = scratch()
    const result = await cli('convert', example('pre-isc.md'), '--to', 'md', '-o', join(dir, 'missing', 'out.md'))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/\[cli\/unwritable-file\]\n$/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe.skipIf(!existsSync(bin))('the built binary', () => {
  it('should run as a user runs it', () => {
    const out = execFileSync(process.execPath, [bin, 'check', example('pre-isc.md'), '--json'], {encoding: 'utf8'})
    expect(JSON.parse(out).counts.articles).toBe(4)
  })
  it('should exit 1 with one line and no stack on bad input', () => {
    const result = spawnSync(process.execPath, [bin, 'check', fixture('unknown.txt')], {encoding: 'utf8'})
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
  it('should exit 2 on a usage error', () => {
    expect(spawnSync(process.execPath, [bin, 'nonsense'], {encoding: 'utf8'}).status).toBe(2)
  })
})
