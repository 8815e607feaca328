/**
 * Read a produced .docx back the way Word would: unzip it, parse
 * `word/document.xml` and `word/comments.xml` with a real XML parser, and
 * compute the text after "Accept all changes" and after "Reject all
 * changes" — including inserted and deleted paragraph marks, which join a
 * paragraph to the next one when they go.
 */
import * as xmldom from '@xmldom/xmldom'
import JSZip from 'jszip'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

type Kind = 'common' | 'added' | 'removed'

/** A run of text (`\t` for a `w:tab`), with the revision it sits in. */
export interface ReadRun {
  text: string
  kind: Kind
  /** Set inside `w:moveFrom` / `w:moveTo`. */
  move?: 'from' | 'to'
  author?: string
  date?: string
}

export interface ReadParagraph {
  style?: string
  mark: Kind
  /** Set when the paragraph mark is moved (`w:moveFrom` / `w:moveTo`). */
  markMove?: 'from' | 'to'
  /** Footnote references: the note id and the kind of run holding it. */
  notes: Array<{id: string; kind: Kind; move?: 'from' | 'to'}>
  markAuthor?: string
  runs: ReadRun[]
  /** Ids of comments whose range starts / ends / is referenced in this paragraph. */
  commentStarts: string[]
  commentEnds: string[]
  commentRefs: string[]
  /** The text between each comment's range start and end, when both are in this paragraph. */
  indent?: string
  /** Holds a page break (the one ending the title block and consultation). */
  pageBreak?: true
}

export interface ReadComment {
  id: string
  author: string
  initials: string
  date?: string
  text: string[]
}

export interface ReadDocx {
  files: string[]
  /** The act: the paragraphs after the front matter (title block and consultation, ended by a page break). */
  paragraphs: ReadParagraph[]
  /** The front matter's paragraphs. */
  front: ReadParagraph[]
  comments: ReadComment[]
  /** Each footnote's paragraphs, by id (a `w:footnoteRef` run shows as a note of id `self`). */
  footnotes: Map<string, ReadParagraph[]>
  /** Text anchored by each comment (accept-all view would lose deleted text; this is the raw run text). */
  anchored: Map<string, string>
  settings: string
  core: string
  header: string
}

const elements = (node: Node): Element[] => {
  const out: Element[] = []
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.nodeType === 1) out.push(child as Element)
  return out
}
/** What each revision element makes of its content. */
const MARKS: Readonly<Record<string, Kind>> = {ins: 'added', del: 'removed', moveTo: 'added', moveFrom: 'removed'}
const local = (e: Element): string => e.localName ?? e.nodeName.replace(/^.*:/, '')
const wAttr = (e: Element, name: string): string | undefined =>
  e.getAttributeNS(W, name) ?? e.getAttribute(`w:${name}`) ?? undefined

function parseXml(xml: string): Document {
  const errors: string[] = []
  const doc = new xmldom.DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message)
    }
  }).parseFromString(xml, 'text/xml')
  if (errors.length > 0) throw new Error(`XML errors: ${errors.join('; ')}`)
  return doc as unknown as Document
}

export async function readDocx(bytes: Uint8Array): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(bytes)
  const text = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? ''
  const document = parseXml(await text('word/document.xml'))
  const body = elements(document.documentElement).find((e) => local(e) === 'body')!
  const paragraphs: ReadParagraph[] = []
  const anchored = new Map<string, string>()
  const open = new Set<string>()
  const readParagraph = (p: Element): ReadParagraph => {
    const paragraph: ReadParagraph = {
      mark: 'common',
      runs: [],
      notes: [],
      commentStarts: [],
      commentEnds: [],
      commentRefs: []
    }
    const readRun = (r: Element, kind: Kind, author?: string, date?: string, move?: 'from' | 'to'): void => {
      for (const part of elements(r)) {
        const name = local(part)
        let value: string | undefined
        if (name === 't' || name === 'delText') {
          // Deleted text is w:delText; moved-away text is w:t (ECMA-376 §17.13.5.22).
          const deleted = kind === 'removed' && move !== 'from'
          if ((name === 'delText') !== deleted) throw new Error(`${name} in a ${kind} run`)
          value = part.textContent ?? ''
        } else if (name === 'footnoteRef') {
          paragraph.notes.push({id: 'self', kind, ...(move ? {move} : {})})
        } else if (name === 'footnoteReference') {
          paragraph.notes.push({id: wAttr(part, 'id')!, kind, ...(move ? {move} : {})})
        } else if (name === 'tab') value = '\t'
        else if (name === 'commentReference') paragraph.commentRefs.push(wAttr(part, 'id')!)
        else if (name === 'br' && wAttr(part, 'type') === 'page') paragraph.pageBreak = true
        if (value === undefined) continue
        const run: ReadRun = {text: value, kind}
        if (move) run.move = move
        if (author !== undefined) run.author = author
        if (date !== undefined) run.date = date
        paragraph.runs.push(run)
        for (const id of open) anchored.set(id, (anchored.get(id) ?? '') + value)
      }
    }
    for (const child of elements(p)) {
      const name = local(child)
      if (name === 'pPr') {
        for (const prop of elements(child)) {
          if (local(prop) === 'pStyle') paragraph.style = wAttr(prop, 'val')!
          if (local(prop) === 'ind') paragraph.indent = wAttr(prop, 'left')!
          if (local(prop) === 'rPr') {
            for (const mark of elements(prop)) {
              const kind = MARKS[local(mark)]
              if (kind) {
                paragraph.mark = kind
                paragraph.markAuthor = wAttr(mark, 'author')!
                if (local(mark).startsWith('move')) paragraph.markMove = local(mark) === 'moveFrom' ? 'from' : 'to'
              }
            }
          }
        }
      } else if (name === 'r') readRun(child, 'common')
      else if (MARKS[name]) {
        const move = name === 'moveFrom' ? 'from' : name === 'moveTo' ? 'to' : undefined
        // (LibreOffice puts range and comment markers inside revisions too)
        for (const r of elements(child))
          if (local(r) === 'r') readRun(r, MARKS[name]!, wAttr(child, 'author'), wAttr(child, 'date'), move)
      } else if (name === 'commentRangeStart') {
        paragraph.commentStarts.push(wAttr(child, 'id')!)
        open.add(wAttr(child, 'id')!)
      } else if (name === 'commentRangeEnd') {
        paragraph.commentEnds.push(wAttr(child, 'id')!)
        open.delete(wAttr(child, 'id')!)
      }
    }
    return paragraph
  }
  for (const p of elements(body)) if (local(p) === 'p') paragraphs.push(readParagraph(p))
  const footnotes = new Map<string, ReadParagraph[]>()
  const footnotesXml = await text('word/footnotes.xml')
  if (footnotesXml) {
    for (const note of elements(parseXml(footnotesXml).documentElement)) {
      if (wAttr(note, 'type')) continue // separators
      footnotes.set(
        wAttr(note, 'id')!,
        elements(note)
          .filter((p) => local(p) === 'p')
          .map(readParagraph)
      )
    }
  }
  const comments: ReadComment[] = []
  const commentsXml = await text('word/comments.xml')
  if (commentsXml) {
    for (const c of elements(parseXml(commentsXml).documentElement)) {
      const comment: ReadComment = {
        id: wAttr(c, 'id')!,
        author: wAttr(c, 'author')!,
        initials: wAttr(c, 'initials') ?? '',
        text: elements(c).map((p) => p.textContent ?? '')
      }
      const date = wAttr(c, 'date')
      if (date) comment.date = date
      comments.push(comment)
    }
  }
  const cut = paragraphs.findIndex((p) => p.pageBreak) + 1
  return {
    files: Object.keys(zip.files),
    paragraphs: paragraphs.slice(cut),
    front: paragraphs.slice(0, cut),
    comments,
    footnotes,
    anchored,
    settings: await text('word/settings.xml'),
    core: await text('docProps/core.xml'),
    header: await text('word/header1.xml')
  }
}

/**
 * The paragraphs after accepting (`after`) or rejecting (`before`) every
 * revision: runs of the other kind go, and so do paragraph marks of the
 * other kind — the paragraph then runs on into the next one, whose style
 * it takes, as in Word. A `w:tab` stays `\t`.
 */
export function resolve(
  paragraphs: readonly ReadParagraph[],
  which: 'before' | 'after'
): Array<{style?: string; text: string}> {
  const drop: Kind = which === 'before' ? 'added' : 'removed'
  const out: Array<{style?: string; text: string}> = []
  let pending = ''
  for (const p of paragraphs) {
    pending += p.runs
      .filter((r) => r.kind !== drop)
      .map((r) => r.text)
      .join('')
    if (p.mark === drop) continue
    out.push(p.style === undefined ? {text: pending} : {style: p.style, text: pending})
    pending = ''
  }
  if (pending !== '') out.push({text: pending})
  return out
}

/**
 * Lines in the form of `textOf`: a number paragraph and the heading
 * paragraph after it make one line (`Article 3 Subject matter`); a number
 * followed by a tab starts a line of its own (`(a)` / text).
 */
export function asEntries(paragraphs: ReadonlyArray<{style?: string; text: string}>): string[] {
  const out: string[] = []
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!
    if (p.style === 'DivisionNumber' || p.style === 'ArticleNumber') {
      const next = paragraphs[i + 1]
      if (next?.style === 'ProvisionHeading') {
        out.push(p.text + ' ' + next.text)
        i++
      } else out.push(p.text)
      continue
    }
    const tab = p.text.indexOf('\t')
    if (tab >= 0) out.push(p.text.slice(0, tab), p.text.slice(tab + 1))
    else out.push(p.text)
  }
  return out
}
