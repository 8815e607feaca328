/**
 * The `redlex` command line. `run(argv, io)` does the work and returns the
 * exit code (0 ok, 1 input or validation error, 2 usage error), so tests can
 * call it in-process; `bin.ts` wires it to the process.
 *
 * Each command lives in `commands/NAME.ts` (its flags and its work) and is
 * imported only when it runs, so that `redlex --help` and `redlex --version`
 * load no library package. To add a command: a module there, a line in
 * COMMANDS below, and its texts in help.ts.
 */
import {parseArgs} from 'node:util'
import {formatError, UsageError, type Command, type Io} from './command.js'

export type {Io} from './command.js'

/** Command name → its module, loaded on demand. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: () => import('./commands/check.js'),
  convert: () => import('./commands/convert.js'),
  format: () => import('./commands/format.js'),
  apply: () => import('./commands/apply.js'),
  outline: () => import('./commands/outline.js'),
  compare: () => import('./commands/compare.js'),
  verify: () => import('./commands/verify.js'),
  'ep-amendments': () => import('./commands/ep-amendments.js')
}

/** Run the CLI; returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  const debug = rest.includes('--debug')
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout((await help()).HELP['main']!)
      return command === undefined ? 2 : 0
    }
    if (command === '--version' || command === '-v') {
      io.stdout('redlex 0.1.0\n')
      return 0
    }
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
    if (!load) throw new UsageError(`Unknown command \`${command}\``)
    const module = await load()
    const parsed = tryParse(rest, module.options, command)
    if (parsed.values['help']) {
      io.stdout((await help()).HELP[command]!)
      return 0
    }
    return await module.run(parsed.positionals, parsed.values as Record<string, string | boolean | undefined>, io)
  } catch (error) {
    if (error instanceof UsageError) {
      const {USAGE} = await help()
      io.stderr(`redlex: ${error.message}\n${USAGE[error.command ?? 'main'] ?? USAGE['main']}\n`)
      return 2
    }
    const {isRedlexError} = await import('@redlex/tree')
    if (isRedlexError(error)) {
      io.stderr(formatError(error))
      if (debug && error.stack) io.stderr(error.stack + '\n')
      return 1
    }
    // Anything else is a bug in redlex: say so, with the stack.
    io.stderr(`redlex: internal error (please report it): ${(error as Error)?.stack ?? String(error)}\n`)
    return 70
  }
}

/** The help and usage texts: loaded only when printed (a command that runs does not need their 8 KB). */
const help = (): Promise<typeof import('./help.js')> => import('./help.js')

function tryParse(args: string[], options: Command['options'], command: string): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({args, options, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''), command)
  }
}
