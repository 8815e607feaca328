import {UsageError, type Io} from './command.js'
import {checkOutput, writeAtomic} from './io.js'

/** `-o -` means standard output, as does no `-o`. */
const toFile = (output: string | boolean | undefined): output is string => typeof output === 'string' && output !== '-'

/**
 * Check a command's output files before it does its work, so that a refused
 * output (see `checkOutput`) fails at once, not after a long comparison.
 * Two outputs naming one file, or two on standard output (`-`), are a
 * usage error. `outputs`: flag → its value (`-` for standard output).
 */
export function checkOutputs(
  command: string,
  outputs: Record<string, string | boolean | undefined>,
  inputs: readonly string[]
): void {
  const paths = new Map<string, string>()
  let toStdout: string | undefined
  for (const [flag, output] of Object.entries(outputs)) {
    if (typeof output !== 'string') continue
    if (output === '-') {
      if (toStdout) throw new UsageError(`${toStdout} and ${flag} both write to standard output`, command)
      toStdout = flag
      continue
    }
    const {path} = checkOutput(output, {inputs})
    const other = paths.get(path)
    if (other) throw new UsageError(`${other} and ${flag} name the same file`, command)
    paths.set(path, flag)
  }
}

/** Write to -o FILE safely (never over one of `inputs`), or to standard output (no -o, or `-o -`). */
export function emit(
  io: Io,
  output: string | boolean | undefined,
  data: string | Uint8Array,
  inputs: readonly string[] = []
): void {
  if (toFile(output)) writeAtomic(output, data, {inputs})
  else io.stdout(data)
}
