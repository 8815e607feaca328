/**
 * Format detection from content (never from the file name): the root
 * element of XML, tell-tale class names of HTML, a top-level
 * `reference: ISC/…` key for ISC records, Markdown otherwise when the text
 * looks like an act.
 */
import {RedlexError} from '@redlex/tree'

export type FormatName = 'akn' | 'formex' | 'formex-corrigendum' | 'cellar' | 'eurlex' | 'markdown' | 'isc-record'

/** Where the first element starts and its name (XML/HTML sniffing only, no parsing). */
function rootElement(text: string): {name: string; offset: number} | undefined {
  let i = 0
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i)
      if (end === -1) return undefined
      i = end + 2
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i)
      if (end === -1) return undefined
      i = end + 3
    } else if (text.startsWith('<!', i)) {
      const end = text.indexOf('>', i)
      if (end === -1) return undefined
      i = end + 1
    } else if (text[i] === '<') {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200))
      return m ? {name: m[1]!, offset: i} : undefined
    } else {
      return undefined
    }
  }
}

function pointAt(text: string, offset: number): {line: number; column: number} {
  let line = 1
  let last = -1
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      last = i
    }
  }
  return {line, column: offset - last}
}

export interface DetectOptions {
  /** File name for the error message. */
  file?: string
}

/** Which format `text` is in; throws `formats/unknown-format` naming what was seen. */
export function detectFormat(text: string, options?: Readonly<DetectOptions> | null): FormatName {
  const body = text.replace(/^\uFEFF/, '')
  if (/^(?:\uFFFD\uFFFD)?(?:[^\0]\0|\0[^\0])/.test(body)) {
    // UTF-16 bytes read as UTF-8 (or Latin-1): every other character is NUL.
    const opts: ConstructorParameters<typeof RedlexError>[1] = {
      code: 'formats/unsupported-encoding',
      actual: 'UTF-16 read as UTF-8',
      hint: 'Decode the bytes with decodeText() (the CLI does), or save the file as UTF-8'
    }
    if (options?.file !== undefined) opts.file = options.file
    throw new RedlexError('unsupported encoding: the text looks like UTF-16 decoded as UTF-8', opts)
  }
  const root = rootElement(body)
  const fail = (seen: string, offset: number, hint: string): never => {
    const opts: ConstructorParameters<typeof RedlexError>[1] = {
      code: 'formats/unknown-format',
      place: pointAt(body, offset),
      actual: seen,
      expected: ['akn', 'formex', 'formex-corrigendum', 'cellar', 'eurlex', 'markdown', 'isc-record'],
      hint
    }
    if (options?.file !== undefined) opts.file = options.file
    throw new RedlexError(`unknown format: ${seen}`, opts)
  }
  if (root) {
    const local = root.name.replace(/^.*:/, '')
    if (local === 'akomaNtoso') return 'akn'
    if (local === 'ACT' || local === 'CONS.ACT' || local === 'ANNEX' || local === 'CONS.ANNEX') return 'formex'
    if (local === 'CORR') return 'formex-corrigendum'
    if (local.toLowerCase() === 'html' || local.toLowerCase() === 'body' || local.toLowerCase() === 'head') {
      if (/class="[^"]*\beli-container\b/.test(body) && /\boj-doc-ti\b|\boj-ti-art\b/.test(body)) return 'eurlex'
      // Style families, as the Cellar importer reads them (`Titrearticle0`, `Titrearticlefa`…).
      if (/class="[^"]*\b(Institutionquiagit|ManualConsidrant|Titrearticle\w*|Considrant)\b/.test(body)) return 'cellar'
      // OJ pages without eli containers (2004–2013 `p.ti-art`, `p.doc-ti`; later ones with the `oj-` prefix).
      if (/class="(?:[^"]*\s)?(?:oj-)?(?:ti-art|doc-ti)[\s"]/.test(body)) return 'eurlex'
      // Consolidated texts (EUR-Lex "CONVEX" HTML).
      if (/class="(?:[^"]*\s)?title-article-norm[\s"]/.test(body)) return 'eurlex'
      // Plain-text pages (before 2004): the act in `div#TexteOnly`, or bare paragraphs with "Article 1" lines.
      if (/id="TexteOnly"/.test(body) || /<p[^>]*>\s*Article\s+1\s*<\/p>/i.test(body)) return 'eurlex'
      const title = /<title[^>]*>([^<]{0,80})/i.exec(body)
      return fail(
        `an HTML page that is neither a EUR-Lex act nor a Cellar proposal${title ? ` (title "${title[1]!.trim()}")` : ''}`,
        root.offset,
        'Give the EUR-Lex HTML of an act or the Cellar XHTML of a proposal'
      )
    }
    return fail(
      `XML with root element <${root.name}>`,
      root.offset,
      local === 'DOC'
        ? 'This is a Formex metadata file (.doc.xml); give the act file instead'
        : 'Give Akoma Ntoso (<akomaNtoso>), Formex (<ACT>, <CONS.ACT>, <ANNEX>, <CORR>), EUR-Lex or Cellar HTML, or Markdown'
    )
  }
  const trimmed = body.trimStart()
  if (trimmed.startsWith('<'))
    return fail(
      `markup starting ${JSON.stringify(trimmed.slice(0, 40))}`,
      body.length - trimmed.length,
      'The file looks truncated or is not XML/HTML'
    )
  if (/^reference:\s*["']?ISC\/\d{4}\/\d+/m.test(body) || /^\s*\{[\s\S]*?"reference"\s*:\s*"ISC\/\d{4}\/\d+/.test(body))
    return 'isc-record'
  if (
    /^#{1,6}\s+\S/m.test(body) ||
    /^\s*(\*\*|__)?Article\s+\d+[a-z]*\b/m.test(body) ||
    /^\s*\(\d+\)\s+\S/m.test(body) ||
    /^whereas:?\s*$/im.test(body)
  )
    return 'markdown'
  return fail(
    `text starting ${JSON.stringify(trimmed.slice(0, 40))}`,
    body.length - trimmed.length,
    'Give Akoma Ntoso, Formex, EUR-Lex or Cellar HTML, Markdown in the redlex dialect, or an ISC record'
  )
}
