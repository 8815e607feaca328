/**
 * One entry point for every input format: detect it, import it, return the
 * tree with the warnings collected.
 */
import * as markdown from '@redlex/markdown'
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

type ParseMarkdown = (
  text: string,
  options?: {file?: string; lenient?: boolean}
) => {document: Document; warnings: Warning[]}

/** Detect the format of `text` and import it. A corrigendum or ISC record is not a document: use `parseCorrigendum` / @redlex/isc. */
export function importDocument(text: string, options?: Readonly<ImportDocumentOptions> | null): ImportResult {
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
      const parse = (markdown as unknown as Record<string, unknown>)['parseMarkdown']
      if (typeof parse !== 'function') {
        throw ctx.error(
          'formats/markdown-unavailable',
          'this text is Markdown but @redlex/markdown provides no parseMarkdown()',
          {hint: 'Build @redlex/markdown'}
        )
      }
      const result = (parse as ParseMarkdown)(text, ctxOptions)
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
