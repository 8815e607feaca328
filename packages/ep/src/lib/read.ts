/**
 * Reading an EP plenary text (OJ C HTML, as published on EUR-Lex/Cellar):
 * a sequence of `Amendment N` / `Proposal for a regulation` / target
 * headings (`p.oj-ti-grseq-1`), each followed by a two-column table
 * ("Text proposed by the Commission" | "Amendment"). Changed words are bold
 * italic (`span.oj-bold` › `span.oj-italic`); `▌` marks where words were
 * deleted; a right column reading "deleted" deletes the unit.
 */
import {RedlexError} from '@redlex/tree'
import {
  attribute,
  childElements,
  findAll,
  hasClass,
  isElement,
  isText,
  parseHtml,
  textContent,
  type HElement,
  type HNode,
  type HParent
} from './html.js'
import {lineText, normalise, type EpAmendment, type EpLine, type EpRun, type EpText} from './types.js'

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
]

export interface ReadOptions {
  /** The file name, for messages. */
  file?: string
}

/**
 * Read an EP plenary text. Throws `ep/not-amendments` when the page holds
 * neither amendment tables nor a whole-text position.
 */
export function readEpText(html: string, options?: Readonly<ReadOptions> | null): EpText {
  const document = parseHtml(html)
  const titles = findAll(document, (el) => el.tagName === 'p' && hasClass(el, 'oj-doc-ti')).map(textContent)
  const reference = titles.map((t) => /\bP\d+_TA(?:-PROV)?\(\d{4}\)\d{4}\b/.exec(t)?.[0]).find((r) => r !== undefined)
  const title = titles.find((t) => /^(?:Amendments adopted|European Parliament)/i.test(t))
  const date = title ? isoDate(title) : undefined
  const amendments = readTables(document)
  // The whole-text form: one amendment (`Amendment 1` among the title lines) restating the proposal as an act.
  const wholeText =
    amendments.length === 0 &&
    titles.some((t) => /^Amendment 1$/.test(t)) &&
    findAll(document, (el) => el.tagName === 'div' && /^(?:art|rct)_\w+$/.test(attribute(el, 'id') ?? '')).length > 0
  if (wholeText)
    return {
      form: 'whole-text',
      ...(reference ? {reference} : {}),
      ...(date ? {date} : {}),
      ...(title ? {title} : {}),
      amendments: []
    }
  if (amendments.length === 0) {
    throw new RedlexError('No European Parliament amendment was found in this page', {
      code: 'ep/not-amendments',
      ...(options?.file ? {file: options.file} : {}),
      hint: 'Give the OJ C HTML of an EP position: headings `Amendment N` followed by "Text proposed by the Commission | Amendment" tables'
    })
  }
  return {
    form: 'table',
    ...(reference ? {reference} : {}),
    ...(date ? {date} : {}),
    ...(title ? {title} : {}),
    amendments
  }
}

/** `… adopted by the European Parliament on 14 June 2023 …` → `2023-06-14`. */
function isoDate(text: string): string | undefined {
  const m = /\bon (\d{1,2}) ([A-Za-z]+) (\d{4})\b/.exec(text)
  if (!m) return undefined
  const month = MONTHS.indexOf(m[2]!.toLowerCase())
  if (month === -1) return undefined
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
}

function isHeading(el: HElement): boolean {
  return el.tagName === 'p' && hasClass(el, 'oj-ti-grseq-1')
}

function isAmendmentTable(el: HElement): boolean {
  return el.tagName === 'table' && hasClass(el, 'oj-table')
}

/** `Amendment 200`, `Amendments 25 and 517/rev` → the number as printed. */
function amendmentNumber(text: string): string | undefined {
  return /^Amendments?\s+(\d.*)$/.exec(text)?.[1]
}

/** The headings and tables in document order, grouped into amendments. */
function readTables(document: HParent): EpAmendment[] {
  const out: EpAmendment[] = []
  let headings: string[] | undefined
  let number: string | undefined
  for (const el of findAll(document, (e) => isHeading(e) || isAmendmentTable(e))) {
    if (isHeading(el)) {
      const text = textContent(el)
      const n = amendmentNumber(text)
      if (n !== undefined) {
        number = n
        headings = []
      } else if (headings) headings.push(text)
      continue
    }
    if (number === undefined || !headings) continue
    const columns = readColumns(el)
    if (!columns) continue
    const instrument = headings.find((h) => /^Proposal for an? /i.test(h))
    const target = headings.filter((h) => h !== instrument).join(' — ')
    const deletes = columns.amendment.length === 1 && lineText(columns.amendment[0]!).toLowerCase() === 'deleted'
    out.push({
      number,
      target,
      ...(instrument ? {instrument} : {}),
      commission: columns.commission,
      amendment: deletes ? [] : columns.amendment,
      deletes
    })
    number = undefined
    headings = undefined
  }
  return out
}

/** The two columns of an amendment table (its first row is the header). */
function readColumns(table: HElement): {commission: EpLine[]; amendment: EpLine[]} | undefined {
  const rows = tableRows(table)
  const header = rows[0]
  if (!header || header.length !== 2 || !/Text proposed by the Commission/i.test(textContent(header[0]!)))
    return undefined
  const commission: EpLine[] = []
  const amendment: EpLine[] = []
  for (const row of rows.slice(1)) {
    if (row.length !== 2) continue
    commission.push(...cellLines(row[0]!))
    amendment.push(...cellLines(row[1]!))
  }
  return {commission, amendment}
}

/** The cells of each row of a table (not of tables inside it). */
function tableRows(table: HElement): HElement[][] {
  const rows: HElement[][] = []
  const visit = (el: HElement): void => {
    for (const child of childElements(el)) {
      if (child.tagName === 'tr')
        rows.push(childElements(child).filter((c) => c.tagName === 'td' || c.tagName === 'th'))
      else if (child.tagName === 'tbody' || child.tagName === 'thead' || child.tagName === 'tfoot') visit(child)
    }
  }
  visit(table)
  return rows
}

/** A short cell holding only a number: `(1)`, `(a)`, `1.`, `—`. */
function numberCell(cell: HElement): string | undefined {
  const text = textContent(cell)
  return /^(?:\(?[0-9]+[a-z]*\)|\(?[a-z]{1,4}\)|[0-9]+[a-z]*\.|[—–-]|\([ivxlc]+\))$/i.test(text) ? text : undefined
}

/**
 * The lines of a column: one per paragraph. A layout table whose rows are
 * (number cell, text cell) gives the number to the first line of its text cell.
 */
function cellLines(cell: HElement): EpLine[] {
  const out: EpLine[] = []
  const children = childElements(cell)
  if (!children.some(isBlock)) {
    // A cell holding its words directly (`<td><span>Remedies</span></td>`): one line.
    const runs = inlineRuns(cell)
    return runs.length > 0 ? [{runs}] : []
  }
  for (const child of children) {
    if (child.tagName === 'table') {
      for (const row of tableRows(child)) {
        const num = row.length === 2 ? numberCell(row[0]!) : undefined
        const cells = num !== undefined ? row.slice(1) : row
        const lines = cells.flatMap(cellLines)
        if (num !== undefined) {
          if (lines[0]) lines[0] = {num, runs: lines[0].runs}
          else lines.push({num, runs: []})
        }
        out.push(...lines)
      }
    } else if (child.tagName === 'p' || /^h\d$/.test(child.tagName)) {
      const runs = inlineRuns(child)
      if (runs.length > 0) out.push({runs})
    } else if (child.tagName === 'div') {
      out.push(...cellLines(child))
    }
  }
  return out
}

/** A footnote call (`<a href="#ntr25-…">(25)</a>`): not part of the words. */
function isNoteCall(el: HElement): boolean {
  return el.tagName === 'a' && (attribute(el, 'href') ?? '').startsWith('#ntr')
}

/**
 * The runs of a paragraph. Whitespace-only text holding a line break is the
 * converter's indentation between tags, not a space in the text.
 */
function inlineRuns(p: HElement): EpRun[] {
  const runs: EpRun[] = []
  const push = (text: string, added: boolean): void => {
    if (text === '') return
    const last = runs[runs.length - 1]
    if (last && (last.added === true) === added) last.text += text
    else runs.push(added ? {text, added: true} : {text})
  }
  const visit = (node: HNode, bold: boolean, italic: boolean): void => {
    if (isText(node)) {
      if (/^\s*$/.test(node.value) && node.value.includes('\n')) return
      push(node.value.replace(/[\s\u00a0]+/g, ' '), bold && italic)
      return
    }
    if (!isElement(node)) return
    if (isNoteCall(node)) return
    if (node.tagName === 'br') {
      push(' ', bold && italic)
      return
    }
    const b = bold || hasClass(node, 'oj-bold') || node.tagName === 'b' || node.tagName === 'strong'
    const i = italic || hasClass(node, 'oj-italic') || node.tagName === 'i' || node.tagName === 'em'
    for (const c of node.childNodes as HNode[]) visit(c, b, i)
  }
  for (const c of p.childNodes as HNode[]) visit(c, false, false)
  // Trim the line's ends (spaces move out of runs; empty runs go).
  if (runs[0]) runs[0].text = runs[0].text.replace(/^\s+/, '')
  const last = runs[runs.length - 1]
  if (last) last.text = last.text.replace(/\s+$/, '')
  const kept = runs.filter((r) => r.text !== '')
  return kept.every((r) => normalise(r.text) === '') ? [] : kept
}

/** Elements that hold lines of a cell (the rest is inline). */
function isBlock(el: HElement): boolean {
  return el.tagName === 'table' || el.tagName === 'p' || el.tagName === 'div' || /^h\d$/.test(el.tagName)
}
