/**
 * One EP amendment, resolved in the proposal, as the narrowest true typed
 * amendment(s):
 *
 * - right column "deleted" → `delete`;
 * - "(new)" → `insert` of the unit the right column prints;
 * - the Commission column equals the proposal's text (whitespace
 *   normalised) and each line maps to one line of the EP's text →
 *   word-level `substitute` / `insertText` / `deleteText`;
 * - otherwise → `replace` of the unit (or of its chapeau's or own text).
 */
import {cleanNum, listProvisions, type Document, type Inline, type Provision, type TextBlock} from '@redlex/tree'
import {plainText, type Amendment, type Provenance} from '@redlex/amend'
import type {Existing, NewPlace} from './locate.js'
import {buildUnit, numberedLine, type NumberedLine} from './lines.js'
import {normalise, type EpAmendment} from './types.js'
import {textAmendments, wordEdits} from './words.js'

/** How the amendment was made: for the report and the docs. */
export type Form = 'words' | 'replace' | 'insert' | 'delete' | 'heading' | 'division'

export interface Converted {
  amendments: Amendment[]
  form: Form
  /** Set when the unit was found by the Commission's text rather than by the address. */
  note?: string
  /** The EP's `paragraph N` of `article` names the unit `eId` from now on (see `numbersExistingText`). */
  alias?: {article: string; paragraph: string; eId: string}
}

/** One text block of the proposal: whose it is, which of its own blocks, and its text. */
interface BaseLine {
  eId: string
  block: number
  text: string
}

function ownBlocks(node: Provision): TextBlock[] {
  return ('children' in node ? (node.children as Array<{type: string}>) : []).filter(
    (c): c is TextBlock => c.type === 'content' || c.type === 'intro' || c.type === 'wrapUp'
  )
}

/** The text blocks an amendment of `scope` is about, in reading order. */
function baseLines(node: Provision, scope: Existing['scope']): BaseLine[] {
  if (scope === 'intro') {
    // The chapeau; a unit without a list has none, and the EP then means its first subparagraph.
    const blocks = ownBlocks(node)
    const i = Math.max(
      0,
      blocks.findIndex((b) => b.type === 'intro')
    )
    return blocks[i] ? [{eId: node.eId, block: i, text: plainText(blocks[i].children)}] : []
  }
  const units = scope === 'own' ? [node] : listProvisions(node).map((p) => p.node)
  const out: BaseLine[] = []
  for (const unit of units)
    ownBlocks(unit).forEach((b, block) => out.push({eId: unit.eId, block, text: plainText(b.children)}))
  return out
}

/**
 * Text compared for equality: whitespace normalised, and no space before
 * closing punctuation (a footnote call between a word and its comma leaves
 * one in the proposal's text: `Council , new`).
 */
const key = (text: string): string =>
  normalise(text)
    .replace(/ (?=[,.;:)\]’”])/g, '')
    .replace(/(?<=[([‘“]) /g, '')

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Units this module can build from the EP's lines. */
const BUILDABLE: ReadonlySet<string> = new Set([
  'citation',
  'recital',
  'article',
  'paragraph',
  'subparagraph',
  'point',
  'indent'
])

/** The EP's id for an amendment list: `ep-200`, `ep-25+517` for a joint one. */
export function amendmentId(number: string): string {
  return 'ep-' + number.replace(/\s+and\s+/gi, '+').replace(/[^\w+./-]+/g, '')
}

/** Lines with their numbers split off, empty ones left out. */
function lines(epLines: EpAmendment['commission']): NumberedLine[] {
  return epLines.map(numberedLine).filter((l) => l.text !== '' || l.num !== undefined)
}

export function convertDelete(found: Existing, id: string, provenance: Provenance): Converted | {reason: string} {
  if (found.scope === 'heading')
    return {form: 'heading', amendments: [{id, type: 'setHeading', target: found.node.eId, heading: null, provenance}]}
  if (found.scope === 'intro') return deleteChapeau(found.node, id, provenance)
  if (found.scope !== 'deep')
    return {
      reason:
        'deleting only the first subparagraph of a unit is not supported: the subparagraphs after it would have to take its place'
    }
  return {form: 'delete', amendments: [{id, type: 'delete', target: found.node.eId, provenance}]}
}

/**
 * "… — introductory part", right column "deleted": the chapeau goes, the
 * list stays (`2. The Board shall: (a) … (b) …` → `2. (a) … (b) …`). The unit
 * is replaced by itself without its `intro` block: its number, points and
 * wording after the list are kept as they are.
 */
function deleteChapeau(node: Provision, id: string, provenance: Provenance): Converted | {reason: string} {
  const children = 'children' in node ? (node.children as Array<{type: string}>) : []
  if (!children.some((c) => c.type === 'intro'))
    return {reason: `${node.eId} has no introductory part (no list follows its text): delete the unit, or its words`}
  const content = {...structuredClone(node), children: structuredClone(children.filter((c) => c.type !== 'intro'))}
  return {
    form: 'delete',
    amendments: [{id, type: 'replace', target: node.eId, content: content as Provision, provenance}],
    note: `the introductory part of ${node.eId} is deleted; its list stays`
  }
}

export function convertInsert(
  ep: EpAmendment,
  place: NewPlace,
  id: string,
  provenance: Provenance
): Converted | {reason: string} {
  const ls = lines(ep.amendment)
  if (ls.length === 0) return {reason: 'the Amendment column is empty'}
  if (!BUILDABLE.has(place.type)) return {reason: `a new ${place.type} is not supported`}
  const numbering = numbersExistingText(place, ls, id, provenance)
  if (numbering) return numbering
  const node = buildUnit(place.type, ls, place.num)
  return {
    form: 'insert',
    amendments: [{id, type: 'insert', at: place.at, content: [node], numbering: 'keep', provenance}]
  }
}

/**
 * A new numbered paragraph in an article whose text is not in numbered
 * paragraphs (the article's text is the Commission's "paragraph 1"). The
 * article is replaced by itself with its text as a numbered paragraph:
 *
 * - the column holds only `1.`: the article's text becomes its paragraph 1
 *   (so that paragraphs can follow);
 * - `paragraph 1 (new)` with words: the new paragraph 1 goes first and the
 *   article's text, which follows it, is numbered 2; the EP's later
 *   addresses (`paragraph 1 — point d`) still name the Commission's text, so
 *   `paragraph 1` of this article is recorded as an alias of paragraph 2;
 * - a later number (`paragraph 2 (new)`, `paragraph 1 a (new)`): the
 *   article's text becomes paragraph 1 and the new one follows it.
 */
function numbersExistingText(
  place: NewPlace,
  ls: readonly NumberedLine[],
  id: string,
  provenance: Provenance
): Converted | undefined {
  const parent = place.parent
  const first = ls[0]!
  if (place.type !== 'paragraph' || parent.type !== 'article' || !first.num || !/^\d+[a-z]*\.$/i.test(first.num))
    return undefined
  if (parent.children.some((c) => c.type === 'paragraph')) return undefined
  const own = {type: 'paragraph' as const, eId: '', num: '1.', children: structuredClone(parent.children)}
  if (ls.length === 1 && first.text === '') {
    return {
      form: 'replace',
      amendments: [
        {id, type: 'replace', target: parent.eId, content: {...structuredClone(parent), children: [own]}, provenance}
      ],
      note: `the text of ${parent.eId} becomes its paragraph ${first.num}`
    }
  }
  const added = buildUnit('paragraph', ls, place.num)
  const clash = cleanNum(first.num) === '1'
  if (clash) own.num = '2.'
  const children = clash ? [added, own] : [own, added]
  return {
    form: 'insert',
    amendments: [
      {
        id,
        type: 'replace',
        target: parent.eId,
        content: {...structuredClone(parent), children} as Provision,
        provenance
      }
    ],
    note: clash
      ? `${parent.eId} had its text in no numbered paragraph: the new paragraph 1 goes first, the article's text becomes its paragraph 2 (the EP's \`paragraph 1\` of this article names it from here on)`
      : `${parent.eId} had its text in no numbered paragraph: it becomes paragraph 1, the new paragraph ${cleanNum(first.num)} follows it`,
    ...(clash ? {alias: {article: parent.eId, paragraph: '1', eId: `${parent.eId}__para_2`}} : {})
  }
}

/**
 * A change to an existing unit. When the Commission column is not the
 * proposal's text at the address but is, word for word, the text of
 * another unit of the same article (the EP counts subparagraphs its own
 * way), that unit is the target.
 */
export function convertChange(
  document: Document,
  ep: EpAmendment,
  found: Existing,
  id: string,
  provenance: Provenance
): Converted | {reason: string} {
  const commission = lines(ep.commission)
  const amended = lines(ep.amendment)
  if (amended.length === 0) return {reason: 'the Amendment column is empty'}
  const node = found.node
  if (found.scope === 'heading') {
    if (!('heading' in node) && node.type !== 'article' && node.type !== 'division' && node.type !== 'annex')
      return {reason: `${node.eId} has no title`}
    return {
      form: 'heading',
      amendments: [
        {id, type: 'setHeading', target: node.eId, heading: amended.map((l) => l.text).join(' '), provenance}
      ]
    }
  }
  if (node.type === 'division' && amended.length === 1) {
    // A division's heading line ("TRANSPARENCY OBLIGATIONS"), printed with or without its number.
    const heading = amended[0]!.text.replace(new RegExp(`^${escape(cleanNum(node.num ?? ''))}\\s+`), '')
    return {form: 'heading', amendments: [{id, type: 'setHeading', target: node.eId, heading, provenance}]}
  }
  const base = baseLines(node, found.scope)
  if (commission.length > 0 && matches(base, commission))
    return byWords(base, commission, amended, node, found.scope, id, provenance)
  // The Commission's words elsewhere in the same top unit?
  const other = byCommissionText(ep, found.top)
  if (other && other.node !== node) {
    const converted = byWords(
      baseLines(other.node, other.scope),
      commission,
      amended,
      other.node,
      other.scope,
      id,
      provenance
    )
    if (!('reason' in converted))
      return {
        ...converted,
        note: `the Commission's text is that of ${other.node.eId}, not of ${node.eId}: amended there`
      }
  }
  return replaceWhole(node, found.scope, base, amended, id, provenance)
}

/**
 * The one unit of `top` whose own text is the Commission column (a single
 * line, whitespace normalised), for addresses that count units otherwise
 * than the proposal's markup does.
 */
export function byCommissionText(ep: EpAmendment, top: Provision): Existing | undefined {
  const commission = lines(ep.commission)
  if (commission.length !== 1) return undefined
  const wanted = key(commission[0]!.text)
  const candidates = listProvisions(top)
    .map((p) => p.node)
    .filter((u) => {
      const own = baseLines(u, 'own')
      return own.length === 1 && key(own[0]!.text) === wanted
    })
  if (candidates.length !== 1) return undefined
  const node = candidates[0]!
  return {kind: 'existing', node, scope: baseLines(node, 'deep').length === 1 ? 'deep' : 'own', top}
}

/** The one of `candidates` whose own text (one line) is the Commission column, whitespace normalised. */
export function byOwnText(ep: EpAmendment, candidates: readonly Provision[]): Provision | undefined {
  const commission = lines(ep.commission)
  if (commission.length === 0) return undefined
  const wanted = key(commission[0]!.text)
  const hits = candidates.filter((u) => {
    const own = baseLines(u, 'own')
    return own.length > 0 && key(own[0]!.text) === wanted
  })
  return hits.length === 1 ? hits[0] : undefined
}

function matches(base: readonly BaseLine[], commission: readonly NumberedLine[]): boolean {
  if (commission.length > base.length) return false
  return commission.every((l, i) => key(l.text) === key(base[i]!.text))
}

/** Word-level edits, line by line, when the EP's text has as many lines as the Commission's. */
function byWords(
  base: readonly BaseLine[],
  commission: readonly NumberedLine[],
  amended: readonly NumberedLine[],
  node: Provision,
  scope: Existing['scope'],
  id: string,
  provenance: Provenance
): Converted | {reason: string} {
  if (amended.length !== commission.length) return replaceWhole(node, scope, base, amended, id, provenance)
  const out: Amendment[] = []
  // Last line first: each quoted text is counted in words no earlier edit has touched.
  for (let i = commission.length - 1; i >= 0; i--) {
    const line = base[i]!
    const edits = wordEdits(line.text, amended[i]!.text)
    if (edits.length === 0) continue
    // Quoted text is found among all own blocks of the unit: count in their joined text.
    const blocks = base.filter((b) => b.eId === line.eId)
    const offset = blocks.filter((b) => b.block < line.block).reduce((n, b) => n + b.text.length + 1, 0)
    const joined = blocks.map((b) => b.text).join('\u0000')
    const shifted = edits.map((e) => ({...e, start: e.start + offset, end: e.end + offset}))
    const unit = listProvisions(node).find((p) => p.node.eId === line.eId)?.node
    const scoped = unit !== undefined && listProvisions(unit).length > 1
    out.push(...textAmendments(joined, shifted, line.eId, () => '', {scoped}))
  }
  if (out.length === 0) return {reason: 'the Amendment column is the Commission text (nothing to change)'}
  return {
    form: 'words',
    amendments: out.map((a, n) => ({...a, id: out.length === 1 ? id : `${id}.${n + 1}`, provenance}))
  }
}

/** Replace the unit (deep), or the whole of its own or chapeau text. */
function replaceWhole(
  node: Provision,
  scope: Existing['scope'],
  base: readonly BaseLine[],
  amended: readonly NumberedLine[],
  id: string,
  provenance: Provenance
): Converted | {reason: string} {
  if (scope === 'own' || scope === 'intro') {
    const line = base[0]
    if (!line || line.text === '')
      return {reason: `${node.eId} has no ${scope === 'intro' ? 'introductory part' : 'text of its own'} to replace`}
    // The first line's number is the unit's own (`1.`), not part of its text.
    const by = amended.map((l, i) => (l.num && i > 0 ? `${l.num} ${l.text}` : l.text)).join(' ')
    // The whole own text as the quoted words: it is the first match, in the unit's own text or in its scope.
    return {
      form: 'replace',
      amendments: [{id, type: 'substitute', target: line.eId, text: line.text, by, occurrence: 1, provenance}]
    }
  }
  if (!BUILDABLE.has(node.type))
    return {
      reason: `rewriting a whole ${node.type} is not supported: the EP's text would have to be split into its units`
    }
  const built = buildUnit(node.type, amended, node.num)
  if (node.type === 'article' && 'heading' in node && node.heading && !('heading' in built && built.heading)) {
    ;(built as {heading?: Inline[]}).heading = node.heading
  }
  if (node.num !== undefined && built.num === undefined && node.type !== 'subparagraph' && node.type !== 'citation')
    (built as {num?: string}).num = node.num
  return {form: 'replace', amendments: [{id, type: 'replace', target: node.eId, content: built, provenance}]}
}
