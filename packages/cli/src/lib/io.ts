/**
 * File input and output for the CLI: reading with clear errors, and safe
 * writes. An output is written only to a regular file (or created), never
 * over a device, a FIFO, a directory, a read-only file, a file with other
 * hard links or one of the command's inputs; a symlink is followed and its
 * target written. The data goes to a temporary file beside the target
 * (`.NAME.PID.HEX.tmp`, created with the target's mode), is flushed to disk,
 * and is renamed over the target, so that a failure leaves the old file as
 * it was and no temporary file behind.
 */
import {randomBytes} from 'node:crypto'
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats
} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {decodeText} from '@redlex/formats/xml-html'
import {RedlexError} from '@redlex/tree'

/** Read a text file, or throw `cli/unreadable-file` naming it. */
export function readText(file: string): string {
  let bytes: Uint8Array
  try {
    bytes = readBounded(file)
  } catch (error) {
    if (error instanceof RedlexError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT'
        ? 'No such file'
        : code === 'EISDIR'
          ? 'This is a folder, not a file'
          : code === 'EACCES'
            ? 'No permission to read the file'
            : 'Cannot read the file'
    throw new RedlexError(reason, {
      code: 'cli/unreadable-file',
      file,
      cause: error,
      hint: code === 'EISDIR' ? 'Give a file in it' : 'Check the path and the permissions'
    })
  }
  // UTF-8 or UTF-16 by their byte order mark (formats/unsupported-encoding otherwise).
  return decodeText(bytes, file)
}

/**
 * The largest input read, 64 MiB: ten times the largest act in the corpus
 * (the AI Act's EUR-Lex page, 1.5 MB; the comparison itself stops at 2^25
 * characters, `compare/too-large`). It also stops a read of `/dev/zero`.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

/** The bytes of `file`, at most {@link MAX_INPUT_BYTES} (`cli/input-too-large`); pipes and devices are read in chunks. */
function readBounded(file: string): Uint8Array {
  const tooLarge = (): RedlexError =>
    new RedlexError(`The file is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`, {
      code: 'cli/input-too-large',
      file,
      hint: 'Give one act (or one annex) per file'
    })
  const fd = openSync(file, 'r')
  try {
    const stat = fstatSync(fd)
    if (stat.isFile()) {
      if (stat.size > MAX_INPUT_BYTES) throw tooLarge()
      return readFileSync(fd)
    }
    // A FIFO, a device or process substitution (/dev/fd/N): no size to ask, so count.
    const chunks: Uint8Array[] = []
    let total = 0
    const buffer = Buffer.allocUnsafe(1 << 16)
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      total += n
      if (total > MAX_INPUT_BYTES) throw tooLarge()
      chunks.push(Uint8Array.prototype.slice.call(buffer, 0, n))
    }
    return Buffer.concat(chunks)
  } finally {
    closeSync(fd)
  }
}

/** Options of {@link writeAtomic} and {@link checkOutput}. */
export interface WriteOptions {
  /** The files the output is made from: writing over one of them (same file by inode) is refused. */
  inputs?: readonly string[]
}

/** Where an output will be written. */
export interface OutputTarget {
  /** The file that will be replaced or created: the output path with its symlinks followed. */
  path: string
  /** The permission bits of the existing file, which the new one keeps. */
  mode?: number
}

/** Symlinks followed before the chain counts as a loop (Linux's own limit). */
const MAX_LINKS = 40

/**
 * Check that `file` may be written as an output, before any work is done:
 * it is a regular file or does not exist yet, is writable, has no other
 * hard link and is none of `inputs`. Symlinks are followed (a dangling one
 * to where it points). Throws a `cli/output-…` error naming the problem.
 */
export function checkOutput(file: string, options?: Readonly<WriteOptions>): OutputTarget {
  const path = followLinks(file)
  const stat = statOrUndefined(path, file)
  if (!stat) return {path}
  for (const input of options?.inputs ?? []) {
    const other = statOrUndefined(input, input)
    if (other && other.dev === stat.dev && other.ino === stat.ino) {
      throw new RedlexError(`The output is the input ${input}`, {
        code: 'cli/output-is-input',
        file,
        hint: 'Write to another file; redlex never replaces a file it reads (except `format FILE -o FILE`)'
      })
    }
  }
  if (!stat.isFile()) {
    throw new RedlexError(`The output is ${kindOf(stat)}, not a regular file`, {
      code: 'cli/output-not-a-file',
      file,
      hint: 'Give the path of a regular file; for standard output leave -o out or write `-o -` (to discard it: `> /dev/null`)'
    })
  }
  if (stat.nlink > 1) {
    throw new RedlexError(`The output has ${stat.nlink - 1} other hard link${stat.nlink > 2 ? 's' : ''}`, {
      code: 'cli/output-hard-link',
      file,
      hint: 'Replacing it would leave the other names with the old text: write to another file, or remove the other links first'
    })
  }
  if ((stat.mode & 0o222) === 0 || !writable(path)) {
    throw new RedlexError('The output file is read-only', {
      code: 'cli/output-read-only',
      file,
      hint: 'Make it writable (chmod u+w) if it may be replaced, or write to another file'
    })
  }
  return {path, mode: stat.mode & 0o777}
}

/**
 * Write `data` to `file` safely (see the module comment): check the target
 * with {@link checkOutput}, write a temporary file beside it with the
 * target's mode, flush it to disk, and rename it over the target.
 *
 * The write is synchronous, so SIGINT, SIGTERM or SIGHUP arriving meanwhile
 * is handled once it has finished or failed — both leave no temporary file —
 * and then ends the process as it would have (see {@link deferSignals}).
 * Only `kill -9` in the middle can leave a `.NAME.PID.HEX.tmp` behind.
 */
export function writeAtomic(file: string, data: string | Uint8Array, options?: Readonly<WriteOptions>): void {
  const target = checkOutput(file, options)
  deferSignals()
  const temp = join(
    dirname(target.path),
    `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  )
  let fd: number | undefined
  try {
    // Created with the target's permissions, so a private file is never readable by others meanwhile.
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, target.mode ?? 0o666)
    if (target.mode !== undefined) fchmodSync(fd, target.mode) // the umask may have taken bits away
    writeFileSync(fd, data)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(temp, target.path)
  } catch (error) {
    if (fd !== undefined) closeSync(fd)
    rmSync(temp, {force: true})
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOSPC'
        ? 'No space left to write the output file'
        : 'Cannot write the output file'
    throw new RedlexError(reason, {
      code: 'cli/unwritable-file',
      file,
      cause: error,
      hint: 'Check that the folder exists and is writable'
    })
  }
  syncDirectory(dirname(target.path))
}

/** `file` with its symlinks followed to the last one's target (which need not exist). */
function followLinks(file: string): string {
  let path = resolve(file)
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let stat: Stats
    try {
      stat = lstatSync(path)
    } catch {
      return path // nothing there (yet): created, or reported when written
    }
    if (!stat.isSymbolicLink()) return path
    path = resolve(dirname(path), readlinkSync(path))
  }
  throw new RedlexError('The output is a loop of symbolic links', {
    code: 'cli/output-not-a-file',
    file,
    hint: 'Give the path of a regular file'
  })
}

function statOrUndefined(path: string, file: string): Stats | undefined {
  try {
    return statSync(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined
    throw new RedlexError('Cannot examine the file', {
      code: 'cli/unwritable-file',
      file,
      cause: error,
      hint: 'Check the path and the permissions'
    })
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory'
  if (stat.isFIFO()) return 'a FIFO (named pipe)'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  if (stat.isSocket()) return 'a socket'
  return 'not a regular file'
}

/** Make the rename itself durable (best effort: not every system can open a directory). */
function syncDirectory(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, constants.O_RDONLY)
    fsyncSync(fd)
  } catch {
    // A rename that is not yet on disk is still atomic; only its durability is at stake.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
let deferring = false

/**
 * From the first write on, listen for SIGINT, SIGTERM and SIGHUP. Without a
 * listener the signal kills the process at once, mid-write, leaving the
 * temporary file; with one it is handled after the (synchronous) write,
 * when nothing is left to clean, and the listener then removes itself and
 * raises the signal again, so the process ends exactly as it would have.
 * The listener stays for the life of the process: removed right after the
 * write, a signal that arrived during it could be lost.
 */
function deferSignals(): void {
  if (deferring) return
  deferring = true
  const onSignal = (signal: NodeJS.Signals): void => {
    for (const name of SIGNALS) process.removeListener(name, onSignal)
    deferring = false
    // Someone else listens too: the signal is theirs to handle.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
  }
  for (const name of SIGNALS) process.on(name, onSignal)
}
