import type {Io} from './command.js'
import {writeAtomic} from './io.js'

/** Write to -o FILE atomically, or to stdout. */
export function emit(io: Io, output: string | boolean | undefined, data: string | Uint8Array): void {
  if (typeof output === 'string') writeAtomic(output, data)
  else io.stdout(data)
}
