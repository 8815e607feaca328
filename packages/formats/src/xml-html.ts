// @redlex/formats without the Markdown reader: every importer of the published formats (Akoma Ntoso,
// Formex, Cellar and EUR-Lex HTML), for programs that read only those and should not load
// @redlex/markdown (unified and remark: a third of the CLI's start-up). Markdown text given to this
// `importDocument` is a `formats/markdown-unavailable` error; read it with `@redlex/formats`.
import {importText, type ImportDocumentOptions, type ImportResult} from './lib/import-text.js'

export type {ImportDocumentOptions, ImportResult} from './lib/import-text.js'
export {detectFormat} from './lib/detect.js'
export type {DetectOptions, FormatName} from './lib/detect.js'
export {AKN_NS, REDLEX_NS, fromAkn} from './lib/akn-import.js'
export type {AknImportOptions} from './lib/akn-import.js'
export {toAkn} from './lib/akn-export.js'
export type {AknExportOptions} from './lib/akn-export.js'
export {fromFormex} from './lib/formex.js'
export type {FormexOptions} from './lib/formex.js'
export {guessTarget, parseCorrigendum} from './lib/corrigendum.js'
export type {Correction} from './lib/corrigendum.js'
export {fromCellarHtml} from './lib/cellar.js'
export type {CellarOptions} from './lib/cellar.js'
export {fromEurlexHtml} from './lib/eurlex.js'
export type {EurlexOptions} from './lib/eurlex.js'
export type {ImportOptions} from './lib/context.js'
export {decodeText} from './lib/decode.js'
export type {TextEncodingName} from './lib/decode.js'

/** `importDocument` of `@redlex/formats` for every format but Markdown (a `formats/markdown-unavailable` error). */
export function importDocument(text: string, options?: Readonly<ImportDocumentOptions> | null): ImportResult {
  return importText(text, options, {
    unavailable: {
      message: 'this text is Markdown, which @redlex/formats/xml-html does not read',
      hint: 'Import it with importDocument of @redlex/formats (it loads @redlex/markdown)'
    }
  })
}
