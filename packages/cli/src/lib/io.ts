/**
 * File input and output for the CLI: reading with clear errors, and atomic
 * writes (temp file + rename) so that a failure never leaves a half-written file.
 */
import {randomBytes} from 'node:crypto'
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {RedlexError} from '@redlex/tree'

/** Read a text file, or throw `cli/unreadable-file` naming it. */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file' : 'Cannot read the file'
    throw new RedlexError(reason, {code: 'cli/unreadable-file', file, cause: error, hint: 'Check the path and the permissions'})
  }
}

/** Write `data` to `file` atomically: a temp file beside it, then a rename. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    writeFileSync(temp, data)
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, {force: true})
    throw new RedlexError('Cannot write the output file', {code: 'cli/unwritable-file', file, cause: error, hint: 'Check that the folder exists and is writable'})
  }
}
