/**
 * The dispatch behind `importDocument`: detect the format, run its importer,
 * collect the warnings. It does not import @redlex/markdown (unified and
 * remark are a third of the CLI's start-up): the Markdown reader is passed
 * in, by `importDocument` of `@redlex/formats`, or not at all, by that of
 * `@redlex/formats/xml-html`.
 */
import type {Document, Warning} from '@redlex/tree'
import {readAkn} from './akn-import.js'
import {readCellar} from './cellar.js'
import {ImportContext} from './context.js'
import {detectFormat} from './detect.js'
import type {FormatName} from './detect.js'
import {readEurlex} from './eurlex.js'
import {readFormex} from './formex.js'

export interface ImportDocumentOptions {
  /** File name used in errors and warnings. */
  file?: string
  /** XML texts of a Formex act's separate ANNEX files. */
  annexes?: readonly string[]
  /** File names of those annexes (for messages). */
  annexFiles?: readonly string[]
  /** Lenient parsing (passed to the Markdown parser; the XML/HTML importers always warn on unknown elements). */
  lenient?: boolean
}

export interface ImportResult {
  document: Document
  format: FormatName
  warnings: Warning[]
}

/** `parseMarkdown` of @redlex/markdown. */
export type ParseMarkdown = (
  text: string,
  options?: {file?: string; lenient?: boolean}
) => {document: Document; warnings: Warning[]}

/** What to do with Markdown: read it with `parse`, or say why it cannot be read here. */
export type MarkdownReader = {parse: ParseMarkdown} | {unavailable: {message: string; hint: string}}

/** Detect the format of `text` and import it; Markdown goes to `markdown`. */
export function importText(
  text: string,
  options: Readonly<ImportDocumentOptions> | null | undefined,
  markdown: MarkdownReader
): ImportResult {
  const ctxOptions: {file?: string; lenient?: boolean} = {}
  if (options?.file !== undefined) ctxOptions.file = options.file
  if (options?.lenient !== undefined) ctxOptions.lenient = options.lenient
  const ctx = new ImportContext(ctxOptions)
  const format = detectFormat(text, ctxOptions)
  let document: Document
  switch (format) {
    case 'akn':
      document = readAkn(text, ctx)
      break
    case 'formex': {
      const formex: {annexes?: readonly string[]; annexFiles?: readonly string[]} = {}
      if (options?.annexes) formex.annexes = options.annexes
      if (options?.annexFiles) formex.annexFiles = options.annexFiles
      document = readFormex(text, ctx, formex)
      break
    }
    case 'cellar':
      document = readCellar(text, ctx)
      break
    case 'eurlex':
      document = readEurlex(text, ctx)
      break
    case 'markdown': {
      if ('unavailable' in markdown) {
        throw ctx.error('formats/markdown-unavailable', markdown.unavailable.message, {hint: markdown.unavailable.hint})
      }
      const result = markdown.parse(text, ctxOptions)
      document = result.document
      ctx.warnings.push(...result.warnings)
      break
    }
    case 'formex-corrigendum':
    case 'isc-record':
      throw ctx.error(
        'formats/not-a-document',
        format === 'formex-corrigendum'
          ? 'this is a Formex corrigendum (CORR), not an act'
          : 'this is an ISC record, not an act',
        {
          actual: format,
          hint: format === 'formex-corrigendum' ? 'Read it with parseCorrigendum()' : 'Read it with @redlex/isc'
        }
      )
  }
  return {document, format, warnings: ctx.warnings}
}
