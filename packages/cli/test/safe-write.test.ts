/**
 * Safe writes (`-o`, `--log`): only regular files are written; devices,
 * FIFOs, directories, hard-linked and read-only files and the command's
 * own inputs are refused with a coded error and left untouched; symlinks
 * are followed; the mode is kept; nothing is left behind.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {run, writeAtomic} from '@redlex/cli'

const example = (name: string) =>
  fileURLToPath(new URL(`../../../examples/eprivacy-derogation/${name}`, import.meta.url))
const distIo = fileURLToPath(new URL('../dist/lib/io.js', import.meta.url))
const isRoot = process.getuid?.() === 0

async function cli(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {
    stdout: (text) => {
      stdout += typeof text === 'string' ? text : Buffer.from(text).toString('latin1')
    },
    stderr: (text) => {
      stderr += text
    }
  })
  return {code, stdout, stderr}
}

/** A scratch folder with a copy of the example draft (`draft.md`). */
function scratch(): {dir: string; draft: string} {
  const dir = mkdtempSync(join(tmpdir(), 'redlex-write-'))
  const draft = join(dir, 'draft.md')
  copyFileSync(example('pre-isc.md'), draft)
  return {dir, draft}
}

/** Names of leftover temporary files. */
const temps = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'))

const canonical = readFileSync(example('pre-isc.md'), 'utf8')

describe('safe writes: what is refused', () => {
  it('refuses a FIFO, which stays a FIFO (a reader would have got nothing)', async () => {
    const {dir, draft} = scratch()
    const fifo = join(dir, 'pipe')
    execFileSync('mkfifo', [fifo])
    const result = await cli('convert', draft, '--to', 'md', '-o', fifo)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `${fifo}: The output is a FIFO (named pipe), not a regular file. Give the path of a regular file; for standard output leave -o out or write \`-o -\` (to discard it: \`> /dev/null\`) [cli/output-not-a-file]\n`
    )
    expect(lstatSync(fifo).isFIFO()).toBe(true)
    expect(temps(dir)).toEqual([])
  })

  it('refuses a device (a scratch copy of /dev/null when root, else /dev/null itself), which stays a device', async () => {
    const {dir, draft} = scratch()
    let device = '/dev/null'
    if (isRoot) {
      // As root the old rename replaced /dev/null with a file: never risk the real one.
      device = join(dir, 'null')
      execFileSync('mknod', [device, 'c', '1', '3'])
    }
    const result = await cli('convert', draft, '--to', 'md', '-o', device)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/The output is a device, not a regular file.*\[cli\/output-not-a-file\]/)
    expect(lstatSync(device).isCharacterDevice()).toBe(true)
    expect(temps(dir)).toEqual([])
  })

  it('refuses a directory', async () => {
    const {dir, draft} = scratch()
    const folder = join(dir, 'out')
    mkdirSync(folder)
    const result = await cli('convert', draft, '--to', 'md', '-o', folder)
    expect(result.stderr).toMatch(/The output is a directory, not a regular file.*\[cli\/output-not-a-file\]/)
    expect(statSync(folder).isDirectory()).toBe(true)
  })

  it('refuses to write over an input — directly, through a symlink or a hard link — and leaves it as it was', async () => {
    const {dir, draft} = scratch()
    const viaLink = join(dir, 'link.md')
    symlinkSync(draft, viaLink)
    const viaHardLink = join(dir, 'hard.md')
    linkSync(draft, viaHardLink)
    for (const output of [draft, viaLink, viaHardLink]) {
      const result = await cli('compare', draft, example('post-isc.md'), '--format', 'html', '-o', output)
      expect(result.code, output).toBe(1)
      expect(result.stderr).toBe(
        `${output}: The output is the input ${draft}. Write to another file; redlex never replaces a file it reads (except \`format FILE -o FILE\`) [cli/output-is-input]\n`
      )
    }
    const record = join(dir, 'isc.yaml')
    copyFileSync(example('isc.yaml'), record)
    const apply = await cli(
      'apply',
      example('pre-isc.md'),
      '--isc',
      record,
      '-o',
      join(dir, 'post.md'),
      '--log',
      record
    )
    expect(apply.stderr).toMatch(/\[cli\/output-is-input\]/)
    expect(readFileSync(record, 'utf8')).toBe(readFileSync(example('isc.yaml'), 'utf8'))
    expect(readFileSync(draft, 'utf8')).toBe(canonical)
    expect(lstatSync(viaLink).isSymbolicLink()).toBe(true)
    expect(existsSync(join(dir, 'post.md'))).toBe(false)
  })

  it('lets `format` rewrite its own input (its purpose)', async () => {
    const {draft} = scratch()
    writeFileSync(draft, canonical.replace('### Article 1', '###   Article 1'))
    expect((await cli('format', draft, '-o', draft)).code).toBe(0)
    expect(readFileSync(draft, 'utf8')).toBe(canonical)
  })

  it('refuses a file with other hard links (replacing it would split them) and leaves both names as they were', async () => {
    const {dir, draft} = scratch()
    const out = join(dir, 'out.md')
    const other = join(dir, 'other-name.md')
    writeFileSync(out, 'old\n')
    linkSync(out, other)
    const result = await cli('convert', draft, '--to', 'md', '-o', out)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/The output has 1 other hard link\. .*\[cli\/output-hard-link\]/)
    expect(readFileSync(out, 'utf8')).toBe('old\n')
    expect(statSync(out).ino).toBe(statSync(other).ino)
  })

  it('refuses a read-only file (also when running as root) and leaves it as it was', async () => {
    const {dir, draft} = scratch()
    const out = join(dir, 'out.md')
    writeFileSync(out, 'old\n')
    chmodSync(out, 0o444)
    const result = await cli('convert', draft, '--to', 'md', '-o', out)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `${out}: The output file is read-only. Make it writable (chmod u+w) if it may be replaced, or write to another file [cli/output-read-only]\n`
    )
    expect(readFileSync(out, 'utf8')).toBe('old\n')
    expect(statSync(out).mode & 0o777).toBe(0o444)
  })

  it('refuses -o and --log naming one file, or both standard output', async () => {
    const {dir} = scratch()
    const out = join(dir, 'out.md')
    const same = await cli('apply', example('pre-isc.md'), '--isc', example('isc.yaml'), '-o', out, '--log', out)
    expect(same.code).toBe(2)
    expect(same.stderr).toMatch(/-o and --log name the same file/)
    const both = await cli('apply', example('pre-isc.md'), '--isc', example('isc.yaml'), '--log', '-')
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/-o and --log both write to standard output/)
    expect(readdirSync(dir)).toEqual(['draft.md'])
  })
})

describe('safe writes: what is written', () => {
  it('follows a symlink: the target gets the text, the link stays a link', async () => {
    const {dir, draft} = scratch()
    const target = join(dir, 'target.md')
    writeFileSync(target, 'old\n')
    const link = join(dir, 'link.md')
    symlinkSync('target.md', link)
    expect((await cli('convert', draft, '--to', 'md', '-o', link)).code).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readlinkSync(link)).toBe('target.md')
    expect(readFileSync(target, 'utf8')).toBe(canonical)
    // A dangling link: the file it names is created.
    const dangling = join(dir, 'new-link.md')
    symlinkSync('new-target.md', dangling)
    expect((await cli('convert', draft, '--to', 'md', '-o', dangling)).code).toBe(0)
    expect(readFileSync(join(dir, 'new-target.md'), 'utf8')).toBe(canonical)
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true)
    expect(temps(dir)).toEqual([])
  })

  it('keeps the mode of the file it replaces (0600 stays 0600, 0640 stays 0640)', async () => {
    const {dir, draft} = scratch()
    for (const mode of [0o600, 0o640]) {
      const out = join(dir, `out-${mode.toString(8)}.md`)
      writeFileSync(out, 'old\n')
      chmodSync(out, mode)
      expect((await cli('convert', draft, '--to', 'md', '-o', out)).code).toBe(0)
      expect(readFileSync(out, 'utf8')).toBe(canonical)
      expect(statSync(out).mode & 0o777).toBe(mode)
    }
  })

  it('writes standard output for `-o -`', async () => {
    const {draft} = scratch()
    const result = await cli('convert', draft, '--to', 'md', '-o', '-')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(canonical)
    const apply = await cli(
      'apply',
      example('pre-isc.md'),
      '--isc',
      example('isc.yaml'),
      '-o',
      join(scratch().dir, 'post.md'),
      '--log',
      '-'
    )
    expect(apply.code).toBe(0)
    expect(JSON.parse(apply.stdout).changes.length).toBeGreaterThan(0)
  })

  it('leaves no temporary file behind when the write fails, and the old file as it was', () => {
    const {dir} = scratch()
    const out = join(dir, 'out.md')
    writeFileSync(out, 'old\n')
    // Data the write cannot take fails after the temporary file was created.
    expect(() => writeAtomic(out, {length: 1} as unknown as string)).toThrow(/\[cli\/unwritable-file\]/)
    expect(temps(dir)).toEqual([])
    expect(readFileSync(out, 'utf8')).toBe('old\n')
    expect(() => writeAtomic(join(dir, 'no-such-folder', 'out.md'), 'text')).toThrow(/\[cli\/unwritable-file\]/)
  })
})

/**
 * A child process writes with the built `writeAtomic`, with `fs` wrapped so
 * that it logs the calls (and, with `kill`, sends itself SIGTERM when the
 * rename is about to happen).
 */
function childWrite(
  file: string,
  kill: boolean
): {status: number | null; signal: NodeJS.Signals | null; calls: string[]} {
  const script = `
    import fs from 'node:fs'
    import {syncBuiltinESMExports} from 'node:module'
    const log = (name) => process.stderr.write(name + '\\n')
    for (const name of ['fsyncSync', 'renameSync', 'closeSync']) {
      const original = fs[name]
      fs[name] = (...args) => {
        log(name)
        if (name === 'renameSync' && ${kill}) process.kill(process.pid, 'SIGTERM')
        return original(...args)
      }
    }
    syncBuiltinESMExports()
    const {writeAtomic} = await import(${JSON.stringify(distIo)})
    writeAtomic(${JSON.stringify(file)}, 'new\\n')
    log('written')
    if (${kill}) await new Promise((resolve) => setTimeout(resolve, 2000))
    log('not killed')
  `
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'})
  return {status: result.status, signal: result.signal, calls: result.stderr.trim().split('\n')}
}

describe.skipIf(!existsSync(distIo))('safe writes: durability and signals (built CLI)', () => {
  it('flushes the temporary file to disk before the rename', () => {
    const {dir} = scratch()
    const out = join(dir, 'out.md')
    const {status, calls} = childWrite(out, false)
    expect(status).toBe(0)
    expect(calls.indexOf('fsyncSync')).toBeGreaterThanOrEqual(0)
    expect(calls.indexOf('fsyncSync')).toBeLessThan(calls.indexOf('renameSync'))
    expect(readFileSync(out, 'utf8')).toBe('new\n')
  })

  it('on SIGTERM during the write: no temporary file is left, the file is whole, and the process still ends by the signal', () => {
    const {dir} = scratch()
    const out = join(dir, 'out.md')
    writeFileSync(out, 'old\n')
    const {signal, calls} = childWrite(out, true)
    expect(signal).toBe('SIGTERM')
    expect(calls).toContain('written')
    expect(calls).not.toContain('not killed')
    expect(temps(dir)).toEqual([])
    expect(readFileSync(out, 'utf8')).toBe('new\n')
  })
})

describe('bounded reads', () => {
  it('refuses an input larger than 64 MiB with cli/input-too-large: a file, and a device that never ends', async () => {
    const {dir} = scratch()
    const big = join(dir, 'big.md')
    writeFileSync(big, '')
    truncateSync(big, 64 * 1024 * 1024 + 1) // sparse: no disk used
    const file = await cli('check', big)
    expect(file.code).toBe(1)
    expect(file.stderr).toBe(
      `${big}: The file is larger than 64 MiB. Give one act (or one annex) per file [cli/input-too-large]\n`
    )
    const endless = await cli('check', '/dev/zero')
    expect(endless.code).toBe(1)
    expect(endless.stderr).toMatch(/^\/dev\/zero: The file is larger than 64 MiB.*\[cli\/input-too-large\]\n$/)
  })

  it('reads a pipe (process substitution gives one) like a file', async () => {
    const {dir} = scratch()
    const fifo = join(dir, 'in.md')
    execFileSync('mkfifo', [fifo])
    // A writer in another process: the read blocks until it has written everything.
    const writer = spawnSync('sh', ['-c', `cat ${JSON.stringify(example('pre-isc.md'))} > ${JSON.stringify(fifo)} &`], {
      stdio: 'ignore'
    })
    expect(writer.status).toBe(0)
    const result = await cli('convert', fifo, '--to', 'md')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(canonical)
  })
})
