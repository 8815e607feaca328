/**
 * A Word document of the second version with the changes as real tracked
 * changes (`w:ins`/`w:del` revisions, and inserted or deleted paragraph
 * marks), so that Word's "Accept all" gives the second version and "Reject
 * all" the first. Each revision's author is the service that asked for the
 * change (renumbering: the lead services), its date the ISC date; Word
 * comments on the changed text carry the conclusion, and the consulted
 * services' comments sit on the provision they are about.
 *
 * Layout, as in the Official Journal: a title block and the consultation
 * first; then the act — title lines centred and bold, "Article N" centred
 * with its heading bold under it (both kept with the next paragraph, and
 * outline levels for Word's navigation pane), one paragraph per text block,
 * a number followed by a tab with a hanging indent; footnotes as Word
 * footnotes with tracked changes inside.
 */
import type {Cause, Comparison} from '@redlex/compare'
import JSZip from 'jszip'
import {causeGroups} from '@redlex/compare'
import {xmlDroppedWarning, xmlSafe} from '@redlex/tree'
import type {Warning} from '@redlex/tree'
import {Document, Header, Packer, Paragraph, TextRun} from 'docx'
import {consultationParagraphs, titleBlock} from './consultation.js'
import {unitParagraphs} from './paragraphs.js'
import {markFootnotes, markRevisions, Revisions} from './revisions.js'
import {STYLES, PAGE} from './styles.js'
import {buildUnits, unitsContext} from './units.js'
import {parseXml, serializeXml} from './xml-tree.js'

/** Options for `toDocx`. */
export interface DocxOptions {
  /** Author of revisions whose cause names no service (default `redlex`). */
  author?: string | null | undefined
  /**
   * Date of the revisions and comments, ISO 8601 (`2020-09-02` or a full
   * date-time). Default: the ISC date; with neither, revisions carry no date.
   */
  date?: string | null | undefined
  /** Add Word comments with the causes of changes and notes on moves and fallbacks (default `true`). */
  comments?: boolean | null | undefined
  /** The document title (default `Redline: <before> → <after>`). */
  title?: string | null | undefined
  /**
   * Show formal-only differences — spacing (a space become a no-break
   * space), quote or hyphen style, references updated for renumbering — as
   * tracked changes (default `false`: the text shows their new form, with no
   * revision, as they are invisible or mechanical).
   */
  formal?: boolean | null | undefined
  /**
   * Told about what could not be written exactly: characters XML 1.0 does
   * not allow (U+FFFE, C0 controls…) are dropped from the document, with
   * one `tree/xml-invalid-character` warning.
   */
  onWarning?: ((warning: Warning) => void) | null | undefined
}

/** The comment on a change: each conclusion once (its text, who asked), then its amendments and notes. */
function commentText(causes: readonly Cause[]): string[] {
  return causeGroups(causes).flatMap((group) => {
    const head = [
      group.conclusion !== undefined ? `Conclusion ${group.conclusion}` : undefined,
      group.services.length > 0 ? `requested by ${group.services.join(', ')}` : undefined
    ]
      .filter(Boolean)
      .join(', ')
    return [
      ...(head ? [head + (group.text !== undefined ? ':' : '')] : []),
      ...(group.text !== undefined ? [group.text] : []),
      group.amendments.join(', '),
      ...group.notes.map((note) => `Note: ${note}`)
    ]
  })
}

/** Normalise an ISO date to an `xsd:dateTime` (`2020-09-02` → `2020-09-02T00:00:00Z`). */
function revisionDate(value: string | undefined): string | undefined {
  if (!value) return undefined
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * Render a comparison as a Word document with tracked changes.
 *
 * @param comparison The comparison (from `compareDocuments`).
 * @param options Rendering options.
 * @returns The bytes of a `.docx` file (a `Uint8Array`; no `Buffer`, so it works in a browser).
 */
export async function toDocx(input: Comparison, inputOptions?: Readonly<DocxOptions> | null): Promise<Uint8Array> {
  const dropped: string[] = []
  const comparison = withoutInvalidCharacters(input, (char) => dropped.push(char))
  const options = withoutInvalidCharacters(inputOptions, (char) => dropped.push(char))
  const warning = xmlDroppedWarning(dropped, 'the Word document')
  if (warning) inputOptions?.onWarning?.(warning)
  const date = revisionDate(options?.date ?? comparison.isc?.date)
  const title = options?.title ?? `Redline: ${comparison.before.name} → ${comparison.after.name}`
  const formal = options?.formal ?? false

  const revisions = new Revisions(date)
  const units = buildUnits(
    comparison,
    unitsContext(comparison, {author: options?.author ?? 'redlex', formal, commentText})
  )
  const act = unitParagraphs(units, {
    revisions,
    withComments: options?.comments ?? true,
    commentDate: date ? new Date(date) : undefined,
    formal,
    commentCount: 0
  })
  const front = [...titleBlock(comparison, title), ...consultationParagraphs(comparison)]

  const document = new Document({
    creator: 'redlex',
    title,
    subject: `Changes from ${comparison.before.name} to ${comparison.after.name}`,
    description: [comparison.after.title, comparison.isc ? `Interservice consultation ${comparison.isc.reference}` : '']
      .filter(Boolean)
      .join(' — '),
    features: {trackRevisions: true},
    comments: {children: act.comments},
    footnotes: act.footnotes,
    styles: STYLES,
    sections: [
      {
        properties: {page: PAGE},
        headers: {
          default: new Header({
            children: [new Paragraph({style: 'PageHeader', children: [new TextRun(headerText(comparison))]})]
          })
        },
        children: [...front, ...act.paragraphs]
      }
    ]
  })
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document))
  return finish(bytes, revisions, date)
}

/** The page header: the version names (never file paths) and the ISC. */
function headerText(comparison: Comparison): string {
  return [
    `${comparison.before.name} → ${comparison.after.name}`,
    comparison.isc ? `${comparison.isc.reference}${comparison.isc.date ? ` (${comparison.isc.date})` : ''}` : undefined
  ]
    .filter(Boolean)
    .join(' · ')
}

/**
 * `value` with the characters XML 1.0 forbids dropped from every string in
 * it; what did not change is shared, so a clean comparison comes back as it
 * is. `docx` drops C0 controls without a word and writes U+FFFE and U+FFFF
 * as they are, which makes Word refuse the file.
 */
function withoutInvalidCharacters<T>(value: T, onDrop: (char: string) => void): T {
  if (typeof value === 'string') return xmlSafe(value, onDrop) as T
  if (typeof value !== 'object' || value === null) return value
  let changed = false
  const entries = Object.entries(value).map(([key, item]) => {
    const safe = withoutInvalidCharacters(item, onDrop)
    if (safe !== item) changed = true
    return [key, safe] as const
  })
  if (!changed) return value
  return (Array.isArray(value) ? entries.map(([, item]) => item) : Object.fromEntries(entries)) as T
}

/**
 * What `docx` cannot write, written into its package: moves and tracked
 * footnote references (see revisions.ts), and dates that come from the input
 * only, so that one comparison renders to the same bytes every time (`docx`
 * stamps the document properties and every zip entry with the time of
 * rendering and has no option for it). With a date, the properties created
 * and modified and every zip entry carry it; without one, the two
 * properties and the comments' dates are left out (OOXML allows it) and the
 * zip entries carry NO_DATE.
 */
async function finish(bytes: Uint8Array, revisions: Revisions, date: string | undefined): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes)
  await rewritePart(zip, 'word/document.xml', (xml) => {
    const part = parseXml(xml)
    markRevisions(part, revisions)
    return serializeXml(part)
  })
  await rewritePart(zip, 'word/footnotes.xml', (xml) => {
    const part = parseXml(xml)
    markFootnotes(part, revisions)
    return serializeXml(part)
  })
  if (!date) await rewritePart(zip, 'word/comments.xml', withoutCommentDates)
  await rewritePart(zip, 'docProps/core.xml', (xml) =>
    xml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, (element) =>
      date ? element.replace(/>[^<]*</, `>${date}<`) : ''
    )
  )
  const when = new Date(date ?? NO_DATE)
  zip.forEach((_path, entry) => {
    entry.date = when
  })
  return zip.generateAsync({type: 'uint8array', compression: 'DEFLATE'})
}

/** Comments without `w:date` (optional in OOXML): `docx` dates each with the time of rendering. */
function withoutCommentDates(xml: string): string {
  const part = parseXml(xml)
  for (const comment of part.root.children) {
    if (comment.type === 'element') comment.attributes = comment.attributes.filter(([name]) => name !== 'w:date')
  }
  return serializeXml(part)
}

/** The zip entries' date when the comparison has none: the earliest a zip can hold. */
const NO_DATE = '1980-01-01T00:00:00Z'

async function rewritePart(zip: JSZip, path: string, change: (xml: string) => string): Promise<void> {
  const file = zip.file(path)
  if (file) zip.file(path, change(await file.async('string')))
}
