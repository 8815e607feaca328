/**
 * One entry point for every input format: detect it, import it, return the
 * tree with the warnings collected. Markdown is read by @redlex/markdown.
 */
import * as markdown from '@redlex/markdown'
import {importText, type ImportDocumentOptions, type ImportResult, type ParseMarkdown} from './import-text.js'

export type {ImportDocumentOptions, ImportResult} from './import-text.js'

/** Detect the format of `text` and import it. A corrigendum or ISC record is not a document: use `parseCorrigendum` / @redlex/isc. */
export function importDocument(text: string, options?: Readonly<ImportDocumentOptions> | null): ImportResult {
  const parse = (markdown as unknown as Record<string, unknown>)['parseMarkdown']
  return importText(
    text,
    options,
    typeof parse === 'function'
      ? {parse: parse as ParseMarkdown}
      : {
          unavailable: {
            message: 'this text is Markdown but @redlex/markdown provides no parseMarkdown()',
            hint: 'Build @redlex/markdown'
          }
        }
  )
}
