/** `redlex format FILE`: dialect Markdown in canonical form. */
import {toMarkdown} from '@redlex/markdown'
import {COMMON, one, type Io, type Values} from '../command.js'
import {checkOutputs, emit} from '../emit.js'
import {readText} from '../io.js'
import {loadDocument} from '../load.js'

export const options = {...COMMON, output: {type: 'string', short: 'o'}, check: {type: 'boolean'}} as const

export async function run(positionals: string[], values: Values, io: Io): Promise<number> {
  const file = one(positionals, 'format')
  // The one command allowed to write over its input: canonical form in place is its purpose.
  checkOutputs('format', {'-o': values['output']}, [])
  const {document} = await loadDocument(file, {lenient: true})
  const out = toMarkdown(document)
  if (values['check']) {
    const same = out === readText(file)
    io.stderr(same ? `${file}: canonical\n` : `${file}: not canonical (run \`redlex format ${file} -o ${file}\`)\n`)
    return same ? 0 : 1
  }
  emit(io, values['output'], out)
  return 0
}
