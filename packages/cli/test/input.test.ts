/**
 * How the CLI treats its input: every problem is a coded error that names the
 * file and the place (or a located warning), in the terms of the file's own
 * syntax — never a stack trace, never a silent guess.
 */
import {copyFileSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {cli, example} from './run-cli.js'

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

/**
 * The example's draft with a structural problem (definition (3) numbered (4): a skipped number)
 * and inline HTML the dialect keeps as text. Returns the draft and where each problem is.
 */
function flawedDraft(dir: string): {draft: string; skipped: string; bold: string} {
  const draft = join(dir, 'pre-isc.md')
  const text = readFileSync(draft, 'utf8')
    .replace('(3) ‘provider’', '(4) ‘provider’')
    .replace('(1) ‘number-independent', '(1) ‘number-<b>independent')
  writeFileSync(draft, text)
  const lines = text.split('\n')
  const at = (words: string): string => {
    const line = lines.findIndex((l) => l.includes(words))
    return `${draft}:${line + 1}:${lines[line]!.indexOf(words) + 1}`
  }
  return {draft, skipped: at('(4) ‘provider’'), bold: at('<b>')}
}

describe('--lenient for apply and verify, and warnings with their place', () => {
  it('apply: strict refuses the draft and says --lenient; --lenient applies it and prints located warnings', async () => {
    const dir = workspace()
    const {draft, skipped, bold} = flawedDraft(dir)
    const strict = await cli('apply', draft, '--isc', join(dir, 'isc.yaml'))
    expect(strict.code).toBe(1)
    expect(strict.stderr).toMatch(
      new RegExp(
        `^${escape(skipped)}: .*\`--lenient\` \\(redlex check, convert, apply, compare, verify\\).*\\[markdown/skipped-number\\]\\n$`
      )
    )
    const lenient = await cli('apply', draft, '--isc', join(dir, 'isc.yaml'), '--lenient')
    expect(lenient.code, lenient.stderr).toBe(0)
    expect(lenient.stderr).toBe(
      `warning: ${bold}: Inline HTML \`<b>\` is kept as text [markdown/inline-html]\n` +
        `warning: ${skipped}: point (4) skips a number in the point sequence. Number points in order without gaps (inserted units: 4a after 4) [markdown/skipped-number]\n` +
        // Applying the amendments sees the number too; it names the unit by its eId.
        'warning: art_2__point_4 is numbered `(4)` where the sequence of the draft has `(3)`: a defect of the source or of its import (a unit read in the wrong place?), kept as it is (a setNum amendment repairs it) [amend/source-irregular-number]\n'
    )
    expect(lenient.stdout).toContain('(4) ‘provider’')
    // A plain amendment list reads its document the same way.
    const list = join(dir, 'list.yaml')
    writeFileSync(list, '- {id: a1, type: delete, target: art_3}\n')
    expect((await cli('apply', draft, '--amendments', list)).code).toBe(1)
    const fromList = await cli('apply', draft, '--amendments', list, '--lenient')
    expect(fromList.code, fromList.stderr).toBe(0)
    expect(fromList.stderr).toContain(`warning: ${skipped}: `)
  })

  it('verify --lenient: a post-ISC text keeping the draft’s flaw verifies; without it, the coded error', async () => {
    const dir = workspace()
    const {draft, skipped} = flawedDraft(dir)
    const post = join(dir, 'post.md')
    expect((await cli('apply', draft, '--isc', join(dir, 'isc.yaml'), '--lenient', '-o', post)).code).toBe(0)
    const strict = await cli('verify', draft, post, '--isc', join(dir, 'isc.yaml'))
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain(`${skipped}: point (4) skips a number`)
    expect(strict.stderr).toContain('[markdown/skipped-number]')
    const lenient = await cli('verify', draft, post, '--isc', join(dir, 'isc.yaml'), '--lenient', '--json')
    expect(lenient.code, lenient.stdout).toBe(0)
    expect(JSON.parse(lenient.stdout)).toMatchObject({ok: true})
    expect(lenient.stderr).toContain(`warning: ${skipped}: point (4) skips a number`)
  })

  it('check, convert and compare print the warnings of the text with file:line:col', async () => {
    const dir = workspace()
    const {draft, bold} = flawedDraft(dir)
    // The definition's number stays wrong: these read leniently, so every problem is a warning.
    const located = `warning: ${bold}: Inline HTML \`<b>\` is kept as text [markdown/inline-html]\n`
    for (const argv of [
      ['check', draft, '--lenient'],
      ['check', join(dir, 'isc.yaml'), '--lenient'],
      ['convert', draft, '--to', 'json', '--lenient'],
      ['compare', draft, draft, '--format', 'json', '--lenient'],
      ['outline', draft]
    ]) {
      const result = await cli(...argv)
      expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0)
      expect(result.stderr, argv.join(' ')).toContain(located)
      // Each warning located: file:line:col in the text, or the eId of the unit an amendment meets.
      for (const line of result.stderr.trimEnd().split('\n'))
        expect(line, argv.join(' ')).toMatch(
          /^warning: (?:.*pre-isc\.md:\d+:\d+: .* \[markdown|art_2__point_4 .* \[amend)\/[a-z-]+\]$/
        )
    }
  })
})

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('inputs that are not what the command expects', () => {
  /** The example's record with its `draft:` line replaced; returns the record and the line's number. */
  function recordWithDraft(dir: string, draft: string): {record: string; line: number} {
    const record = join(dir, 'record.yaml')
    const text = readFileSync(join(dir, 'isc.yaml'), 'utf8').replace(/^draft: .*$/m, `draft: ${draft}`)
    writeFileSync(record, text)
    return {record, line: text.split('\n').findIndex((l) => l.startsWith('draft: ')) + 1}
  }

  it('a record whose draft: is missing or a folder: cli/unreadable-file at the draft: line (apply and check)', async () => {
    const dir = workspace()
    for (const [draft, reason] of [
      ['nope.md', 'No such file'],
      ['.', 'This is a folder, not a file']
    ] as const) {
      const {record, line} = recordWithDraft(dir, draft)
      for (const argv of [
        ['apply', '--isc', record],
        ['check', record]
      ]) {
        const result = await cli(...argv)
        expect(result.code, argv[0]).toBe(1)
        expect(result.stderr, argv[0]).toContain(
          `${record}:${line}:8: The record's draft \`${draft}\` cannot be read (${join(dir, draft)}): ${reason}.`
        )
        expect(result.stderr).toMatch(/Correct `draft:` .*\[cli\/unreadable-file\]\n$/)
      }
    }
  })

  it('an absolute draft: path is the path (not joined to the record’s folder)', async () => {
    const dir = workspace()
    const {record} = recordWithDraft(dir, join(dir, 'pre-isc.md'))
    const moved = join(mkdtempSync(join(tmpdir(), 'redlex-input-')), 'record.yaml')
    copyFileSync(record, moved)
    const result = await cli('apply', '--isc', moved)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('a draft in no known format named by the record: the draft’s own coded error', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'notes.txt'), 'hello world\n')
    const {record} = recordWithDraft(dir, 'notes.txt')
    const result = await cli('apply', '--isc', record)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/notes\.txt:1:1: unknown format: .*\[formats\/unknown-format\]\n$/)
  })

  it('empty inputs: cli/empty-file naming what was expected', async () => {
    const dir = workspace()
    const draft = join(dir, 'pre-isc.md')
    for (const [name, argv, expected] of [
      ['empty.md', (f: string) => ['check', f], 'Give a document'],
      ['empty.md', (f: string) => ['apply', f, '--isc', join(dir, 'isc.yaml')], 'Give a document'],
      ['empty.yaml', (f: string) => ['apply', draft, '--isc', f], 'Give an ISC record'],
      ['empty.json', (f: string) => ['apply', draft, '--amendments', f], 'Give an amendment list'],
      ['bom.yaml', (f: string) => ['apply', draft, '--amendments', f], 'Give an amendment list']
    ] as const) {
      const file = join(dir, name)
      writeFileSync(file, name === 'bom.yaml' ? '\uFEFF\r\n  \r\n' : '')
      const result = await cli(...argv(file))
      expect(result.code, name).toBe(1)
      expect(result.stderr, name).toMatch(
        new RegExp(`^${escape(file)}: The file is empty\\. ${expected}.*\\[cli/empty-file\\]\\n$`)
      )
    }
  })

  it('a list given as a record, a record or a draft given as a list: refused by name', async () => {
    const dir = workspace()
    const draft = join(dir, 'pre-isc.md')
    const list = join(dir, 'list.yaml')
    writeFileSync(list, '- {id: a1, type: delete, target: art_3}\n')
    const cases: Array<[string[], string, string]> = [
      [['apply', draft, '--isc', list], 'This is an amendment list', 'cli/not-a-record'],
      [['verify', draft, draft, '--isc', list], 'This is an amendment list', 'cli/not-a-record'],
      [['apply', draft, '--isc', draft], 'This is a document', 'cli/not-a-record'],
      [['apply', draft, '--amendments', join(dir, 'isc.yaml')], 'This is an ISC record', 'cli/not-an-amendment-list'],
      [['apply', draft, '--amendments', join(dir, 'isc.json')], 'This is an ISC record', 'cli/not-an-amendment-list'],
      [['apply', draft, '--amendments', draft], 'This is a document', 'cli/not-an-amendment-list']
    ]
    for (const [argv, words, code] of cases) {
      const result = await cli(...argv)
      expect(result.code, argv.join(' ')).toBe(1)
      expect(result.stderr, argv.join(' ')).toMatch(
        new RegExp(`^${escape(argv[argv.length - 1]!)}: ${words}.*\\[${code}\\]\\n$`)
      )
    }
    // A record with a mistake stays a record: its own error, not a guess at what it is.
    const broken = join(dir, 'broken.yaml')
    writeFileSync(broken, '# a record\nreference: ISC 2020\ntitle: [\n')
    expect((await cli('apply', draft, '--isc', broken)).stderr).toContain('[isc/yaml-syntax]')
    // So does a record with a stray top-level `amendments:` (apply and check alike).
    const stray = join(dir, 'stray.yaml')
    writeFileSync(stray, readFileSync(join(dir, 'isc.yaml'), 'utf8') + 'amendments: []\n')
    for (const argv of [
      ['apply', '--isc', stray],
      ['check', stray]
    ])
      expect((await cli(...argv)).stderr, argv[0]).toMatch(
        /stray\.yaml:\d+:\d+: Unknown field `amendments` \[isc\/unknown-field\]\n$/
      )
  })

  it('a misspelt setting of an amendment list is an error, not ignored', async () => {
    const dir = workspace()
    const list = join(dir, 'list.yaml')
    writeFileSync(list, 'renumbr: amending-act\namendments:\n  - {id: a1, type: delete, target: art_3}\n')
    const result = await cli('apply', join(dir, 'pre-isc.md'), '--amendments', list)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `${list}:1:10: \`renumbr\` is not a setting of an amendment list. Its keys are \`amendments\` and the settings \`targets\`, \`renumber\`, \`source\` [cli/invalid-setting]\n`
    )
    // The settings `redlex ep-amendments` writes are accepted.
    writeFileSync(
      list,
      'source: {kind: ep-amendment}\ntargets: base\nrenumber: sequential\namendments:\n  - {id: a1, type: delete, target: art_3}\n'
    )
    expect((await cli('apply', join(dir, 'pre-isc.md'), '--amendments', list)).code).toBe(0)
  })

  it('a YAML error quotes no whole paragraph of the text', async () => {
    const dir = workspace()
    const text = join(dir, 'text.yaml')
    writeFileSync(text, `Proposal for a\n\n# TITLE\n\n${'word '.repeat(200)}\n`)
    const result = await cli('apply', join(dir, 'pre-isc.md'), '--amendments', text)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /text\.yaml:5:1: Malformed YAML: Unexpected scalar token in YAML stream: "word word .*…\. .*\[amend\/yaml-syntax\]\n$/
    )
    expect(result.stderr.length).toBeLessThan(400)
  })
})

describe('check on an amendment list', () => {
  it('validates every amendment, each problem with its place; exit 1 when there is one', async () => {
    const dir = workspace()
    const list = join(dir, 'list.yaml')
    writeFileSync(
      list,
      '- {id: a1, type: delet, target: art_3}\n- {id: a2, type: delete}\n- {id: a3, type: delete, target: art_1}\n'
    )
    const result = await cli('check', list)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(`${list}: amendment list, 1 well-formed amendments, 2 problem(s)\n`)
    expect(result.stderr).toContain(`${list}:1:18: Unknown amendment type \`delet\``)
    expect(result.stderr).toContain(`${list}:2:3: \`[1].target\` is missing`)
    const json = await cli('check', list, '--json')
    expect(JSON.parse(json.stdout)).toMatchObject({format: 'amendments', amendments: 1, problems: [{}, {}]})
  })

  it('a well-formed JSON list: exit 0; a malformed one: its JSON error, not "unknown format"', async () => {
    const dir = workspace()
    const list = join(dir, 'list.json')
    writeFileSync(list, '{"amendments": [{"id": "a1", "type": "delete", "target": "art_3"}]}\n')
    const ok = await cli('check', list)
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toBe(`${list}: amendment list, 1 well-formed amendments\n`)
    writeFileSync(list, '[{"id": "a1", "type": "delete", "target": "art_3"},]\n')
    const bad = await cli('check', list)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/list\.json:1:51: Malformed JSON: a comma before `\]`.*\[amend\/json-syntax\]\n$/)
  })
})

describe('a file named as YAML or JSON data is never read as Markdown', () => {
  it('check: a record with a comment and a mistyped reference is checked as a record, not passed as an empty draft', async () => {
    const dir = workspace()
    const record = join(dir, 'record.yaml')
    // `# …` reads as a Markdown heading, and without an `ISC/yyyy/n` reference nothing says "record".
    writeFileSync(
      record,
      readFileSync(join(dir, 'isc.yaml'), 'utf8').replace('reference: ISC/2020/06507', 'reference: ISC 2020/06507')
    )
    const result = await cli('check', record)
    expect(result.code).toBe(1)
    expect(result.stdout).not.toContain('markdown')
    expect(result.stderr).toMatch(/record\.yaml:\d+:\d+: .*\[isc\/invalid-field\]/)
    // Its syntax errors are a record's.
    writeFileSync(record, '# a record\nreference: ISC 2020\ntitle: [\n')
    expect((await cli('check', record)).stderr).toMatch(/record\.yaml:4:1: Malformed YAML: .*\[isc\/yaml-syntax\]\n$/)
  })

  it('a YAML file given as a draft: cli/not-a-document', async () => {
    const dir = workspace()
    const data = join(dir, 'notes.yaml')
    writeFileSync(data, '# notes\ntitle: x\n')
    const result = await cli('apply', data, '--isc', join(dir, 'isc.yaml'))
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `${data}: This is a YAML or JSON file, not a document. Give a draft act here; pass a record with --isc, an amendment list with --amendments [cli/not-a-document]\n`
    )
  })

  it('check: data that is neither a record nor a list is cli/unknown-data', async () => {
    const dir = workspace()
    const data = join(dir, 'text.json')
    writeFileSync(data, '"just a string"\n')
    const result = await cli('check', data)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /text\.json: This file holds neither an ISC record nor an amendment list\..*\[cli\/unknown-data\]\n$/
    )
  })
})
