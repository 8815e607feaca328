/** What the CLI tests share: running the command in-process, and the example's files. */
import {fileURLToPath} from 'node:url'
import {run} from '@redlex/cli'

/** A file of the ePrivacy example (examples/eprivacy-derogation). */
export const example = (name: string): string =>
  fileURLToPath(new URL(`../../../examples/eprivacy-derogation/${name}`, import.meta.url))

/** Run `redlex ARGV` in this process: its exit code, its text output, and any bytes it wrote (Word). */
export async function cli(
  ...argv: string[]
): Promise<{code: number; stdout: string; stderr: string; bytes: Uint8Array[]}> {
  let stdout = ''
  let stderr = ''
  const bytes: Uint8Array[] = []
  const code = await run(argv, {
    stdout: (text) => {
      if (typeof text === 'string') stdout += text
      else bytes.push(text)
    },
    stderr: (text) => {
      stderr += text
    }
  })
  return {code, stdout, stderr, bytes}
}
