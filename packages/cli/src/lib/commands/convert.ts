/** `redlex convert FILE --to md|akn|json`. */
import {toAkn} from '@redlex/formats'
import {toMarkdown} from '@redlex/markdown'
import {choice, COMMON, formatWarning, one, type Io, type Values} from '../command.js'
import {checkOutputs, emit} from '../emit.js'
import {loadDocument} from '../load.js'

export const options = {
  ...COMMON,
  to: {type: 'string'},
  output: {type: 'string', short: 'o'},
  lenient: {type: 'boolean'}
} as const

export async function run(positionals: string[], values: Values, io: Io): Promise<number> {
  const file = one(positionals, 'convert')
  const to = choice(values['to'], ['md', 'akn', 'json'] as const, 'to', 'convert')
  checkOutputs('convert', {'-o': values['output']}, [file])
  const {document, warnings} = await loadDocument(file, {lenient: Boolean(values['lenient'])})
  for (const warning of warnings) io.stderr(formatWarning(warning))
  const onWarning = (warning: Parameters<typeof formatWarning>[0]): void => io.stderr(formatWarning(warning))
  const out =
    to === 'md'
      ? toMarkdown(document)
      : to === 'akn'
        ? toAkn(document, {onWarning})
        : JSON.stringify(document, null, 2) + '\n'
  emit(io, values['output'], out, [file])
  return 0
}
