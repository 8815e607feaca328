import {parseMarkdown, type ParseOptions} from './parse.js'
import {toMarkdown} from './serialize.js'

/**
 * Normalise dialect Markdown to its canonical form (deterministic; lenient
 * parsing, so problems are fixed where a best guess exists). Canonical text
 * is returned unchanged.
 */
export function format(text: string, options?: Readonly<Omit<ParseOptions, 'lenient'>> | null): string {
  return toMarkdown(parseMarkdown(text, {...options, lenient: true}).document)
}
