/**
 * Building blocks shared by the importers: turning a run of "units"
 * (unnumbered text blocks, each maybe with a list) into the children of a
 * provision following the tree model (the first unit is the parent's own
 * text, later ones are `subparagraph`s), title lines, conclusions.
 */
import type {
  Article,
  Division,
  Conclusions,
  Content,
  DocumentKind,
  FormulaName,
  Heading,
  DocumentStage,
  Formula,
  Indent,
  Inline,
  Point,
  Position,
  Preface,
  ProvisionContent,
  Signature,
  Subparagraph,
  Table,
  TitleLine
} from '@redlex/tree'
import {normalizeInlines, plain, stripPrefix} from './text.js'

export type Item = Point | Indent

/** One unnumbered unit (an AKN subparagraph/alinea, a Formex ALINEA, an HTML paragraph …). */
export interface Unit {
  unit: true
  children: ProvisionContent[]
  position?: Position | undefined
  /** Carried over to the `subparagraph` node when the unit is not the first. */
  data?: Record<string, unknown> | undefined
}

/** A unit's children from its text, list items and closing text. */
export function unitChildren(
  text: Inline[] | undefined,
  items: readonly (Item | Table)[],
  wrap?: Inline[]
): ProvisionContent[] {
  const out: ProvisionContent[] = []
  const words = text ? normalizeInlines(text) : []
  const hasItems = items.some((i) => i.type !== 'table')
  if (hasItems) {
    if (words.length > 0) out.push({type: 'intro', children: words})
  } else if (words.length > 0) {
    out.push({type: 'content', children: words})
  }
  out.push(...items)
  if (wrap) {
    const w = normalizeInlines(wrap)
    if (w.length > 0) out.push(hasItems ? {type: 'wrapUp', children: w} : {type: 'content', children: w})
  }
  return out
}

export function makeUnit(children: ProvisionContent[], position?: Position): Unit {
  return {unit: true, children, position}
}

export function isUnit(value: unknown): value is Unit {
  return typeof value === 'object' && value !== null && (value as Unit).unit === true
}

/**
 * Children of a provision from its parts in document order: the first
 * unit's children are spliced in place (the parent's own text), later units
 * become `subparagraph` nodes, sub-provisions stay where they are.
 */
export function assemble(parts: ReadonlyArray<Unit | ProvisionContent>): ProvisionContent[] {
  const out: ProvisionContent[] = []
  let seenUnit = false
  for (const part of parts) {
    if (isUnit(part)) {
      if (part.children.length === 0) continue
      if (!seenUnit) {
        seenUnit = true
        out.push(...part.children)
      } else {
        const sub: Subparagraph = {type: 'subparagraph', eId: '', children: part.children}
        if (part.data) sub.data = {...part.data}
        if (part.position) sub.position = part.position
        out.push(sub)
      }
    } else {
      out.push(part)
    }
  }
  return out
}

/** A content block, or undefined when the text is empty. */
export function contentOf(inlines: Inline[]): Content | undefined {
  const children = normalizeInlines(inlines)
  return children.length > 0 ? {type: 'content', children} : undefined
}

const STAGE = /^(?:(?:joint |amended )?proposal for an?|draft)\b/i

/** Classify the lines of a title block (AKN longTitle, Formex TITLE, HTML title). */
export function titleLines(lines: Inline[][]): {preface: Preface; kind: DocumentKind; stage: DocumentStage} {
  const children: TitleLine[] = []
  let typeSeen = false
  let kind: DocumentKind = 'regulation'
  let stage: DocumentStage = 'act'
  for (const raw of lines) {
    const inl = normalizeInlines(raw)
    if (inl.length === 0) continue
    const text = plain(inl)
    let type: TitleLine['type']
    if (STAGE.test(text) && text.length < 40) {
      type = 'docStage'
      stage = 'proposal'
    } else if (/^of\s+(\d|\[|…|\.\.\.)/i.test(text) && text.length < 40) {
      type = 'docDate'
    } else if (/^\(text with eea relevance\)$/i.test(text) || (/^\(.*\)$/.test(text) && text.length < 60 && typeSeen)) {
      type = 'docNote'
    } else if (!typeSeen) {
      type = 'docType'
      typeSeen = true
      if (/directive/i.test(text)) kind = 'directive'
      else if (/decision/i.test(text)) kind = 'decision'
      else kind = 'regulation'
    } else {
      type = 'docPurpose'
    }
    children.push({type, children: inl})
  }
  return {preface: {type: 'preface', children}, kind, stage}
}

/** Sort the blocks after the last article into formulas, signatures and other text. */
export function conclusionsOf(
  blocks: Array<{
    inlines: Inline[]
    signature?: boolean
    as?: FormulaName | 'content' | undefined
    position?: Position | undefined
  }>
): Conclusions | undefined {
  const children: Conclusions['children'] = []
  for (const block of blocks) {
    // A signature's lines are already normalised one by one and joined by `\n`.
    const inl = block.signature ? block.inlines : normalizeInlines(block.inlines)
    if (inl.length === 0) continue
    const text = plain(inl)
    let node: Formula | Signature | Content
    if (block.as === 'content') node = {type: 'content', children: inl}
    else if (block.as !== undefined) node = {type: 'formula', name: block.as, children: inl}
    else if (block.signature) node = {type: 'signature', children: inl}
    else if (
      /^(this|these) .* shall be binding in (its|their) entirety/i.test(text) ||
      /^this (regulation|directive|decision) is addressed to/i.test(text)
    )
      node = {type: 'formula', name: 'bindingForce', children: inl}
    else if (/^done at\b/i.test(text)) node = {type: 'formula', name: 'doneAt', children: inl}
    else node = {type: 'content', children: inl}
    if (block.position) node.position = block.position
    children.push(node)
  }
  return children.length > 0 ? {type: 'conclusions', children} : undefined
}

/** `Article 5` → `Article 5`; `ARTICLE 5` → as printed. Heading text of a division from `CHAPTER II`. */
export function divisionKind(num: string): 'part' | 'title' | 'chapter' | 'section' | 'subsection' | undefined {
  const m = /^\s*(part|title|chapter|sub-?section|section)\b/i.exec(num)
  if (!m) return undefined
  const word = m[1]!.toLowerCase().replace('-', '')
  return word as 'part' | 'title' | 'chapter' | 'section' | 'subsection'
}

/** The point style a label belongs to, for nesting decisions. */
export function numStyle(num: string): 'alpha' | 'roman' | 'arabic' | 'dash' | 'other' {
  const v = num.replace(/[()\s.]/g, '')
  if (v === '' || /^[—–-]$/.test(v) || v === '•') return 'dash'
  if (/^-?\d+[a-z]*$/i.test(v)) return 'arabic'
  // Single letters other than i, v, x are alpha ((c) is not one hundred).
  if (/^-?[ivxlcdm]+$/.test(v) && (v.replace('-', '').length > 1 || /[ivx]/.test(v))) return 'roman'
  if (/^-?[a-z]+$/.test(v)) return 'alpha'
  return 'other'
}

/** A piece of mixed content: a run of text, a list's items, a quoted structure's units, a table. */
export type Block =
  | {kind: 'text'; inl: Inline[]; at?: Position | undefined}
  | {kind: 'list'; items: Item[]; at?: Position | undefined}
  | {kind: 'quote'; units: Unit[]; at?: Position | undefined}
  | {kind: 'table'; table: Table; at?: Position | undefined}

/**
 * Units from blocks: every text block starts a unit; a list joins the unit
 * of the text just before it (which becomes its `intro`); a quoted
 * structure contributes its own units; a block that is only closing
 * punctuation (`’;`) is appended to the text before it.
 */
export function unitsOfBlocks(blocks: readonly Block[]): Unit[] {
  const units: Array<{text?: Inline[]; items: Array<Item | Table>; at?: Position | undefined; quoted?: Unit}> = []
  for (const block of blocks) {
    const last = units[units.length - 1]
    if (block.kind === 'text') {
      const words = normalizeInlines(block.inl)
      if (words.length === 0) continue
      if (isPunctuation(words) && last) {
        appendToLast(units, words)
        continue
      }
      units.push({text: words, items: [], at: block.at})
    } else if (block.kind === 'list') {
      if (last && !last.quoted && last.items.every((i) => i.type !== 'table')) last.items.push(...block.items)
      else units.push({items: [...block.items], at: block.at})
    } else if (block.kind === 'table') {
      units.push({items: [block.table], at: block.at})
    } else {
      for (const u of block.units) units.push({items: [], at: block.at, quoted: u})
    }
  }
  return units.map((u) => (u.quoted ? u.quoted : makeUnit(unitChildren(u.text, u.items), u.at)))
}

function isPunctuation(inl: Inline[]): boolean {
  return inl.length === 1 && inl[0]!.type === 'text' && /^[’'"”;:.,)]+$/.test(inl[0]!.value)
}

function appendToLast(
  units: Array<{text?: Inline[]; items: Array<Item | Table>; quoted?: Unit}>,
  words: Inline[]
): void {
  const last = units[units.length - 1]
  if (!last) return
  if (last.quoted) {
    appendToChildren(last.quoted.children, words)
    return
  }
  if (last.items.length > 0) {
    const item = last.items[last.items.length - 1]!
    if (item.type !== 'table') {
      appendToChildren(item.children, words)
      return
    }
  }
  last.text = normalizeInlines([...(last.text ?? []), ...words])
}

function appendToChildren(children: ProvisionContent[], words: Inline[]): void {
  for (let i = children.length - 1; i >= 0; i--) {
    const c = children[i]!
    if (c.type === 'content' || c.type === 'intro' || c.type === 'wrapUp') {
      c.children = normalizeInlines([...c.children, ...words])
      return
    }
    if ('eId' in c) {
      appendToChildren(c.children as ProvisionContent[], words)
      return
    }
  }
  children.push({type: 'content', children: words})
}

/**
 * Annex content in the tree model: a flat flow of blocks (headings, text,
 * list items, tables) regrouped into units, so the first unit is the
 * annex's own text and later ones are `subparagraph`s (headings stay where
 * they are, between units).
 */
export function annexChildren(flow: ReadonlyArray<ProvisionContent | Heading>): Array<ProvisionContent | Heading> {
  const parts: Array<Unit | ProvisionContent> = []
  let current: ProvisionContent[] | undefined
  let at: Position | undefined
  const flush = (): void => {
    if (current && current.length > 0) parts.push(makeUnit(current, at))
    current = undefined
  }
  for (const node of flow) {
    switch (node.type) {
      case 'heading':
        flush()
        parts.push(node as unknown as ProvisionContent)
        break
      case 'content':
      case 'intro':
      case 'table':
        flush()
        current = [node]
        at = node.position
        break
      case 'point':
      case 'indent':
      case 'wrapUp':
        if (
          !current ||
          current.some((c) => c.type === 'wrapUp' || c.type === 'table') ||
          (current.length === 1 && current[0]!.type === 'content' && node.type === 'wrapUp')
        ) {
          flush()
          current = []
          at = node.position
        }
        if (current.length === 1 && current[0]!.type === 'content' && node.type !== 'wrapUp')
          current[0] = {...current[0]!, type: 'intro'} as ProvisionContent
        current.push(node)
        break
      default:
        flush()
        parts.push(node)
    }
  }
  flush()
  // A list with no text of its own before it (after an in-annex heading) hangs in the annex
  // itself, as the Markdown dialect reads it, not in a subparagraph without words.
  const spliced = parts.flatMap((part) =>
    isUnit(part) &&
    part.children[0] &&
    part.children[0].type !== 'content' &&
    part.children[0].type !== 'intro' &&
    part.children[0].type !== 'table'
      ? part.children
      : [part]
  )
  return assemble(spliced) as Array<ProvisionContent | Heading>
}

/**
 * The words that introduce the recitals, `Whereas:` (with or without the
 * colon, any case, any spacing), recognised by text wherever a source puts
 * them: in their own element or in an unnumbered first recital.
 */
export function isRecitalsIntroText(text: string): boolean {
  return /^\s*whereas\s*:?\s*$/i.test(text.replace(/\u00a0/g, ' '))
}

/**
 * A recital whose number is printed at the start of its text instead of in
 * a number element (`(17)This Regulation …`, glued or spaced): the number
 * and the children without it. Children are returned unchanged (and `num`
 * undefined) when the first text does not start with `(N)`.
 */
export function gluedRecitalNumber(children: ProvisionContent[]): {
  num: string | undefined
  children: ProvisionContent[]
} {
  const first = children[0]
  if (!first || (first.type !== 'content' && first.type !== 'intro')) return {num: undefined, children}
  const {removed, rest} = stripPrefix(first.children, /^\s*\(\d+[a-z]*\)[\s\u00a0]*/)
  if (removed === '' || rest.length === 0) return {num: undefined, children}
  return {num: removed.trim(), children: [{...first, children: rest}, ...children.slice(1)]}
}

/** The enacting formula, alone or run into the end of the last recital (`…principlesHAVE ADOPTED THIS REGULATION:`). */
export const ENACTING_FORMULA = /(?:HAVE|HAS) ADOPTED TH(?:IS|ESE) (?:REGULATION|DIRECTIVE|DECISION)S?\s*:?$/

/** Split the enacting formula off the end of a recital's text (`…principlesHAVE ADOPTED THIS REGULATION:`). */
export function splitFormula(inl: readonly Inline[]): {before: Inline[]; formula: Inline[]} | undefined {
  const last = inl[inl.length - 1]
  if (!last || last.type !== 'text') return undefined
  const m = ENACTING_FORMULA.exec(last.value)
  if (!m) return undefined
  const before = normalizeInlines([...inl.slice(0, -1), {type: 'text', value: last.value.slice(0, m.index)}])
  if (before.length === 0) return undefined
  return {before, formula: [{type: 'text', value: m[0].trim()}]}
}

/**
 * Put a division heading's `node` in the body: under the nearest open
 * division of a higher rank, else at the top. `path` holds the divisions
 * open before it; the result, those open after it.
 */
export function placeDivision(path: Division[], body: Array<Division | Article>, node: Division): Division[] {
  const rank = {part: 0, title: 1, chapter: 2, section: 3, subsection: 4}
  const out = [...path]
  while (out.length > 0 && rank[out[out.length - 1]!.kind] >= rank[node.kind]) out.pop()
  const parent = out[out.length - 1]
  if (parent) parent.children.push(node)
  else body.push(node)
  out.push(node)
  return out
}
