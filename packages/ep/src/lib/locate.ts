/**
 * Finding the unit an EP address names in a proposal, or the place of a new
 * one. Numbered units (articles, recitals, paragraphs, points, annexes,
 * divisions) are found by their printed number; units the EP counts
 * (citations, subparagraphs, indents) by their rank among the proposal's
 * units — a {@link Ranks} book keeps those ranks right while new units are
 * inserted, since their eIds are ordinals that shift.
 */
import {
  cleanNum,
  compareNumbers,
  parseNumber,
  type Annex,
  type Article,
  type Division,
  type Document,
  type Node,
  type NumberStyle,
  type ParsedNumber,
  type Provision
} from '@redlex/tree'
import type {At} from '@redlex/amend'
import type {EpAddress, EpStep, EpUnit} from './address.js'
import type {Opening} from './divisions.js'

/** An existing unit and which of its text the amendment is about. */
export interface Existing {
  kind: 'existing'
  node: Provision
  /** `deep`: the unit with its sub-units; `own`: its own text only (subparagraph 1); `intro`; `heading`. */
  scope: 'deep' | 'own' | 'intro' | 'heading'
  /** The article (or other top unit) the address starts with, for finding the text elsewhere. */
  top: Provision
}

/** Where a new unit goes. */
export interface NewPlace {
  kind: 'new'
  type: Provision['type']
  at: At
  /** The printed number the EP's number gives (`1a.`, `(ba)`, `Article 13a`), when the unit is numbered. */
  num?: string
  /** The unit it goes in (the document for articles, recitals, citations and annexes). */
  parent: Document | Provision
  /** Record the unit in the rank book once it has been inserted. */
  commit: () => void
}

export type Resolution = Existing | NewPlace | {kind: 'missing'; reason: string}

type Container = Document | Provision

const ORDINAL: ReadonlySet<string> = new Set(['citation', 'subparagraph', 'indent'])

/** The EP's rank keys of ordinal units, per parent, as units are inserted and deleted. */
export class Ranks {
  private readonly books = new Map<string, ParsedNumber[]>()

  /** The rank keys of `children` (the parent's units of one type), started from the proposal's order. */
  keys(parent: string, type: string, count: number): ParsedNumber[] {
    const key = `${parent}|${type}`
    let book = this.books.get(key)
    if (!book || book.length !== count) {
      // First use, or the units changed in a way this book did not see: number them afresh.
      const first = type === 'subparagraph' ? 2 : 1
      book = Array.from({length: count}, (_, i) => ({
        style: 'arabic' as NumberStyle,
        negative: false,
        base: first + i,
        suffix: ''
      }))
      this.books.set(key, book)
    }
    return book
  }

  insert(parent: string, type: string, index: number, rank: ParsedNumber): void {
    this.books.get(`${parent}|${type}`)?.splice(index, 0, rank)
  }

  remove(parent: string, type: string, index: number): void {
    this.books.get(`${parent}|${type}`)?.splice(index, 1)
  }

  private readonly aliases = new Map<string, string>()

  /** New divisions waiting for their first article (see divisions.ts). */
  readonly openings: Opening[] = []

  /** From now on the EP's `paragraph num` of `article` names the unit `eId` (its Commission text, numbered anew). */
  alias(article: string, num: string, eId: string): void {
    this.aliases.set(`${article}|${num.toLowerCase()}`, eId)
  }

  aliasOf(article: string, num: string): string | undefined {
    return this.aliases.get(`${article}|${num.toLowerCase()}`)
  }
}

function childrenOf(node: Container): Node[] {
  return 'children' in node ? (node.children as Node[]) : []
}

function container(
  document: Document,
  type: 'citations' | 'recitals' | 'body'
): (Node & {children: Node[]}) | undefined {
  for (const top of document.children) {
    if (top.type === type) return top as never
    if (top.type === 'preamble') for (const c of top.children) if (c.type === type) return c as never
  }
  return undefined
}

function allOf<T extends Provision>(document: Document, type: T['type'], kind?: string): T[] {
  const out: T[] = []
  const visit = (n: Node): void => {
    if (n.type === type && (kind === undefined || (n as Division).kind === kind)) out.push(n as T)
    if (
      n.type === 'document' ||
      n.type === 'preamble' ||
      n.type === 'body' ||
      n.type === 'division' ||
      n.type === 'recitals' ||
      n.type === 'citations'
    ) {
      for (const c of (n as {children: Node[]}).children) visit(c)
    }
  }
  visit(document)
  return out
}

/** The divisions inside `division`, at any depth. */
function divisionsIn(division: Division): Division[] {
  return division.children.flatMap((c) => (c.type === 'division' ? [c, ...divisionsIn(c)] : []))
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

function parentId(node: Container, type: string): string {
  if (node.type === 'document') return type === 'citation' ? 'citations' : type === 'recital' ? 'recitals' : 'body'
  return (node as Provision).eId
}

/** The units of one ordinal type under `parent`, with their rank keys. */
function ordinalUnits(
  document: Document,
  parent: Container,
  type: string,
  ranks: Ranks
): {units: Provision[]; keys: ParsedNumber[]; parentKey: string} {
  const holder = parent.type === 'document' ? container(document, 'citations') : parent
  const units = holder ? (childrenOf(holder as Container).filter((c) => c.type === type) as Provision[]) : []
  const parentKey = parentId(parent, type)
  return {units, keys: ranks.keys(parentKey, type, units.length), parentKey}
}

function rankOf(num: string): ParsedNumber | undefined {
  return parseNumber(num.toLowerCase(), 'arabic')
}

/** The style an EP number is written in for a unit type. */
function styleFor(unit: EpUnit, num: string, siblings: readonly Provision[]): NumberStyle {
  if (unit !== 'point')
    return unit === 'annex' || unit === 'chapter' || unit === 'title' || unit === 'part' || unit === 'section'
      ? 'word'
      : 'arabic'
  const plain = num.replace(/^-/, '')
  if (/^\d/.test(plain)) return 'arabic'
  const first = siblings[0] ? cleanNum(siblings[0].num ?? '') : ''
  if (first === 'i' && siblings.length > 1 && cleanNum(siblings[1]!.num ?? '') === 'ii') return 'roman'
  return 'alpha'
}

/** Find one step below `cursor`. */
function child(
  document: Document,
  cursor: Container,
  step: EpStep,
  ranks: Ranks,
  choose?: Chooser
): {node: Container; own?: true} | {reason: string} {
  const num = step.num
  switch (step.unit) {
    case 'citation': {
      if (cursor.type !== 'document') return {reason: 'a citation is only in the preamble'}
      const {units, keys} = ordinalUnits(document, cursor, 'citation', ranks)
      const rank = rankOf(num)
      const i = rank ? keys.findIndex((k) => compareNumbers(k, rank) === 0) : -1
      return i === -1 ? {reason: `the proposal has ${units.length} citations, no citation ${num}`} : {node: units[i]!}
    }
    case 'recital': {
      const found = allOf(document, 'recital').find((r) => same(cleanNum(r.num ?? ''), num))
      return found ? {node: found} : {reason: `the proposal has no recital (${num})`}
    }
    case 'article': {
      const found = allOf<Article>(document, 'article').find((a) => same(cleanNum(a.num), num))
      return found ? {node: found} : {reason: `the proposal has no Article ${num}`}
    }
    case 'annex': {
      const found = allOf<Annex>(document, 'annex').find((a) => same(cleanNum(a.num), num))
      const count = allOf(document, 'annex').length
      return found
        ? {node: found}
        : {
            reason:
              count === 0 ? `the proposal as given has no annexes (Annex ${num})` : `the proposal has no Annex ${num}`
          }
    }
    case 'part':
    case 'title':
    case 'chapter':
    case 'section': {
      if (cursor.type !== 'document' && cursor.type !== 'division')
        return {
          reason: `a ${step.unit} inside ${(cursor as Provision).num ?? cursor.type} is not a unit of the proposal: after an article, a ${step.unit} step names a division heading (\`Article 56 — Section 1 — title\`), and nothing inside it`
        }
      // Inside a division, among its own (`Title VIII — Chapter 3` is not Title III's Chapter 3).
      const found = (
        cursor.type === 'division' ? divisionsIn(cursor as Division) : allOf<Division>(document, 'division')
      )
        .filter((d) => d.kind === step.unit)
        .find((d) => same(cleanNum(d.num), num))
      return found
        ? {node: found}
        : {
            reason: `the proposal has no ${step.unit} ${num}${cursor.type === 'division' ? ` in ${describe(cursor)}` : ''}`
          }
    }
    case 'paragraph': {
      const paragraphs = childrenOf(cursor).filter((c) => c.type === 'paragraph') as Provision[]
      const alias = cursor.type === 'article' ? ranks.aliasOf(cursor.eId, num) : undefined
      const found = paragraphs.find((p) => (alias ? p.eId === alias : same(cleanNum(p.num ?? ''), num)))
      if (found) return {node: found}
      // An article or annex of one unnumbered paragraph: its "paragraph 1" is its text.
      if (paragraphs.length === 0 && num === '1' && (cursor.type === 'article' || cursor.type === 'annex'))
        return {node: cursor}
      return {reason: `${describe(cursor)} has no paragraph ${num}`}
    }
    case 'subparagraph': {
      if (num === '1') return {node: cursor, own: true}
      const {units, keys} = ordinalUnits(document, cursor, 'subparagraph', ranks)
      const rank = rankOf(num)
      const i = rank ? keys.findIndex((k) => compareNumbers(k, rank) === 0) : -1
      return i === -1
        ? {reason: `${describe(cursor)} has ${units.length + 1} subparagraph(s), no subparagraph ${num}`}
        : {node: units[i]!}
    }
    case 'point': {
      const points = childrenOf(cursor).filter((c) => c.type === 'point') as Provision[]
      const found = points.filter((p) => same(cleanNum(p.num ?? ''), num))
      if (found.length > 1) return oneOf(found, `${describe(cursor)} has ${found.length} points (${num})`, choose)
      return found[0] ? {node: found[0]} : {reason: `${describe(cursor)} has no point (${num})`}
    }
    case 'indent': {
      const {units, keys} = ordinalUnits(document, cursor, 'indent', ranks)
      const rank = rankOf(num)
      const i = rank ? keys.findIndex((k) => compareNumbers(k, rank) === 0) : -1
      return i === -1
        ? {reason: `${describe(cursor)} has ${units.length} indent(s), no indent ${num}`}
        : {node: units[i]!}
    }
  }
}

/**
 * Picks, among units printed with the same number (a slip of the source:
 * AI Act proposal, Article 1, two points (a)), the one whose own text is the
 * Commission column; `undefined` when none or several are.
 */
export type Chooser = (candidates: readonly Provision[]) => Provision | undefined

function oneOf(
  found: readonly Provision[],
  what: string,
  choose: Chooser | undefined
): {node: Provision} | {reason: string} {
  const chosen = choose?.(found)
  if (chosen) return {node: chosen}
  return {
    reason: `${what} (${found.map((f) => f.eId).join(', ')}), and the Commission's text is the text of none of them: which one is meant is not known`
  }
}

function describe(node: Container): string {
  if (node.type === 'document') return 'the proposal'
  const p = node as Provision
  return p.eId || p.type
}

/** Resolve an address in `document` (as it stands now). */
export function resolveAddress(document: Document, address: EpAddress, ranks: Ranks, choose?: Chooser): Resolution {
  let cursor: Container = document
  let own = false
  let top: Provision | undefined
  const steps = address.steps
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    if (i === steps.length - 1 && address.isNew) return newPlace(document, cursor, step, ranks)
    const found = child(document, cursor, step, ranks, i === steps.length - 1 ? choose : undefined)
    if ('reason' in found) return {kind: 'missing', reason: found.reason}
    cursor = found.node
    top ??= cursor as Provision
    if (found.own) own = true
  }
  const node = cursor as Provision
  const scope = address.part ?? (own ? 'own' : 'deep')
  return {kind: 'existing', node, scope, top: top ?? node}
}

const UNIT_TYPE: Partial<Record<EpUnit, Provision['type']>> = {
  citation: 'citation',
  recital: 'recital',
  article: 'article',
  paragraph: 'paragraph',
  subparagraph: 'subparagraph',
  point: 'point',
  indent: 'indent',
  annex: 'annex'
}

function printed(type: Provision['type'], num: string): string | undefined {
  switch (type) {
    case 'article':
      return `Article ${num}`
    case 'paragraph':
      return `${num}.`
    case 'point':
    case 'recital':
      return `(${num})`
    case 'indent':
      return '—'
    case 'annex':
      return `ANNEX ${num}`
    default:
      return undefined
  }
}

/** The place of a new unit: after the last unit of its type whose number is smaller, else before the first. */
function newPlace(document: Document, parent: Container, step: EpStep, ranks: Ranks): Resolution {
  const type = UNIT_TYPE[step.unit]
  if (!type)
    return {
      kind: 'missing',
      reason: `a new ${step.unit} follows an article or divisions only (\`Article 68 — Chapter 3a (new)\`, \`Title III — Chapter 3 a (new)\`)`
    }
  const num = printed(type, step.num)
  if (ORDINAL.has(type)) {
    const {units, keys, parentKey} = ordinalUnits(document, parent, type, ranks)
    const rank = rankOf(step.num)
    if (!rank) return {kind: 'missing', reason: `\`${step.num}\` is not a ${type} number`}
    const index = keys.filter((k) => compareNumbers(k, rank) < 0).length
    const holder = parent.type === 'document' ? 'citations' : (parent as Provision).eId
    const at: At =
      index > 0 ? {after: units[index - 1]!.eId} : units[0] ? {before: units[0].eId} : {lastChildOf: holder}
    return {
      kind: 'new',
      type,
      at,
      parent,
      ...(num ? {num} : {}),
      commit: () => ranks.insert(parentKey, type, index, rank)
    }
  }
  const siblings: Provision[] =
    type === 'article'
      ? allOf(document, 'article')
      : type === 'recital'
        ? allOf(document, 'recital')
        : type === 'annex'
          ? allOf(document, 'annex')
          : (childrenOf(parent).filter((c) => c.type === type) as Provision[])
  if (type !== 'article' && type !== 'recital' && type !== 'annex' && parent.type === 'document') {
    return {kind: 'missing', reason: `a new ${type} needs the unit it goes in`}
  }
  const style = styleFor(step.unit, step.num, siblings)
  const rank = parseNumber(step.num.toLowerCase(), style)
  if (!rank) return {kind: 'missing', reason: `\`${step.num}\` is not a ${type} number`}
  let after: Provision | undefined
  for (const s of siblings) {
    const k = parseNumber(cleanNum(s.num ?? '').toLowerCase(), style)
    if (k && compareNumbers(k, rank) < 0) after = s
  }
  const holder = type === 'recital' ? 'recitals' : type === 'article' ? 'body' : (parent as Provision).eId
  const opening = type === 'article' ? openingFor(document, ranks, step.num, after) : undefined
  if (opening) {
    // A new division waits for this article: it goes first in it.
    const at: At = {firstChildOf: opening.division}
    return {
      kind: 'new',
      type,
      at,
      parent,
      ...(num ? {num} : {}),
      commit: () => ranks.openings.splice(ranks.openings.indexOf(opening), 1)
    }
  }
  const at: At = after ? {after: after.eId} : siblings[0] ? {before: siblings[0].eId} : {lastChildOf: holder}
  return {kind: 'new', type, at, parent, ...(num ? {num} : {}), commit: () => undefined}
}

/** The opening a new article `num` (placed after `after`) fills: one opening with it, or after `after`. */
function openingFor(document: Document, ranks: Ranks, num: string, after: Provision | undefined): Opening | undefined {
  const wanted = num.toLowerCase()
  const previous = after ? cleanNum(after.num ?? '').toLowerCase() : undefined
  const open = ranks.openings.find((o) => o.at === wanted || (o.after !== undefined && o.after === previous))
  return open && allOf<Division>(document, 'division').some((d) => d.eId === open.division) ? open : undefined
}

/** What to do once `node` is deleted: forget its rank (for ordinal units). Computed before the deletion. */
export function forgetDeleted(document: Document, node: Provision, ranks: Ranks): () => void {
  if (!ORDINAL.has(node.type)) return () => undefined
  const parent = findParentOf(document, node)
  if (!parent) return () => undefined
  const {units, parentKey} = ordinalUnits(document, parent, node.type, ranks)
  const index = units.indexOf(node)
  return () => {
    if (index !== -1) ranks.remove(parentKey, node.type, index)
  }
}

function findParentOf(document: Document, target: Node): Container | undefined {
  let found: Container | undefined
  const visit = (n: Node, parent: Container): void => {
    if (found) return
    if (n === target) {
      found = parent
      return
    }
    if ('children' in n)
      for (const c of n.children as Node[])
        visit(c, n.type === 'citations' || n.type === 'preamble' ? parent : (('eId' in n ? n : parent) as Container))
  }
  for (const c of document.children) visit(c, document)
  return found
}
