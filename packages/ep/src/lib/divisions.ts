/**
 * New division headings: the EP's `Title IV a (new)`, `Title III — Chapter
 * 3 a (new)`, `Article 68 — Chapter 3a (new)`, `Article 56 — SECTION 1 —
 * title`, `Article — 57 a (new) — SECTION 2 — title`.
 *
 * The model: a heading opens a division that runs to the next heading of
 * its level. A new division is an `insert` of an empty division (the EP's
 * number, amending-act style: `Chapter 3a`, eId `title_VIII__chp_3a`), then
 * one `move` per article it takes: its first article and the articles that
 * follow it in the same place, up to the next division. Which article it
 * opens with (see {@link firstArticle}):
 *
 * - a new article named before the heading (`Article — 57 a (new) — SECTION
 *   2`) or an article not in the text yet (`Article 58 a — SECTION 5`): that
 *   article, which a later amendment inserts; the division is placed where
 *   it will go and it is recorded as an {@link Opening}, so that the new
 *   article is put first in the division, not at the end of the one before;
 * - an article whose title is the Commission column (`Article 57 — SECTION
 *   3 — title`, "Structure of the Board" → "Secretariat"): that article; the
 *   EP's line replaces the Commission's, so the article's title goes and the
 *   division carries the EP's words;
 * - an article in a division of the same level numbered before the new one
 *   (`Article 68 — Chapter 3a (new)`, Article 68 being in Chapter 3): the
 *   article after it; none: the division starts empty, after that division,
 *   and the new articles numbered after it go into it (an opening again);
 * - otherwise (the first division of its level there: `Article 56 — SECTION
 *   1`): that article;
 * - no article (`Title III — Chapter 3 a (new)`): after the division of that
 *   level numbered before it, empty, opening after that division's last article.
 */
import {
  EID_PREFIX,
  cleanNum,
  compareNumbers,
  inlineText,
  parseNumber,
  textToInlines,
  type Article,
  type Division,
  type DivisionKind,
  type Document,
  type Node,
  type Provision
} from '@redlex/tree'
import type {Amendment, At, Provenance} from '@redlex/amend'
import type {EpAddress, EpStep} from './address.js'
import type {Converted} from './convert.js'
import {numberedLine} from './lines.js'
import {normalise, type EpAmendment} from './types.js'

const LEVEL: Readonly<Record<string, number>> = {part: 0, title: 1, chapter: 2, section: 3}

/** A new division waiting for the new article it opens with (`at`) or that follows an article (`after`). */
export interface Opening {
  /** The eId of the new division. */
  division: string
  /** The number (clean, lower case) of the article it opens with. */
  at?: string
  /** The number (clean, lower case) of the article after which it opens. */
  after?: string
}

type Holder = Document | Division | {type: 'body'; children: Node[]}

interface Located {
  /** The article (as it stands) the division is placed by, and the unit holding it. */
  holder: Holder
  holderEid: string
}

/**
 * Does the address name a division heading (rather than a unit)? Its last
 * step is a division, after an article (`Article 68 — Chapter 3a (new)`,
 * `Article 56 — SECTION 1 — title`), or a new one after divisions only
 * (`Title IV a (new)`, `Title III — Chapter 3 a (new)`). Sections of an
 * annex are parts of the annex's text, not divisions of the body.
 */
export function isDivisionAddress(address: EpAddress): boolean {
  const steps = address.steps
  const last = steps.length - 1
  if (!(steps[last]!.unit in LEVEL)) return false
  if (last > 0 && steps[last - 1]!.unit === 'article') return steps.slice(0, last - 1).every((s) => s.unit in LEVEL)
  return address.isNew && steps.every((s) => s.unit in LEVEL)
}

const keyOf = (num: string): string => cleanNum(num).toLowerCase().replace(/\s+/g, '')

function articles(document: Document): Article[] {
  const out: Article[] = []
  const visit = (n: Node): void => {
    if (n.type === 'article') out.push(n)
    else if (n.type === 'body' || n.type === 'division') for (const c of n.children) visit(c)
  }
  for (const top of document.children) visit(top)
  return out
}

/** The body, or a division, holding `target` directly; with the chain of divisions above it. */
function parentOf(document: Document, target: Node): {parent: Holder; chain: Division[]} | undefined {
  const search = (holder: Holder, chain: Division[]): {parent: Holder; chain: Division[]} | undefined => {
    for (const c of holder.children as Node[]) {
      if (c === target) return {parent: holder, chain}
      if (c.type === 'division') {
        const found = search(c, [...chain, c])
        if (found) return found
      }
    }
    return undefined
  }
  const body = document.children.find((c) => c.type === 'body') as Holder | undefined
  return body ? search(body, []) : undefined
}

function eidOf(holder: Holder): string {
  return holder.type === 'division' ? (holder as Division).eId : 'body'
}

function numberKey(num: string): ReturnType<typeof parseNumber> {
  const clean = keyOf(num)
  return parseNumber(clean, /^\d/.test(clean) ? 'arabic' : /^[ivxlcdm]+[a-z]*$/.test(clean) ? 'roman' : 'alpha')
}

function before(a: string, b: string): boolean {
  const x = numberKey(a)
  const y = numberKey(b)
  return x !== undefined && y !== undefined && compareNumbers(x, y) < 0
}

/** The words of the Amendment column as a heading: the "Title" label and the printed number left out. */
function headingOf(ep: EpAmendment, step: EpStep): string {
  const label = new RegExp(`^(?:${step.unit}\\s*)?${step.num.split('').join('\\s*')}\\s*[.:—–-]?\\s*`, 'i')
  const lines = ep.amendment
    .map((l) => normalise(l.runs.map((r) => r.text).join('')))
    .map((text, i) => {
      const n = numberedLine(ep.amendment[i]!)
      return n.num !== undefined && n.text === '' && keyOf(n.num.replace(/\.$/, '')) === step.num.toLowerCase()
        ? ''
        : text
    })
    .filter((t) => t !== '' && !/^title$/i.test(t))
    .map((t) => t.replace(label, ''))
    .filter((t) => t !== '')
  return lines.join(' ')
}

/** The printed number: shaped like another division of that kind (`Chapter 1` → `Chapter 3a`), else `Section 1`. */
function printedNum(document: Document, step: EpStep, ep: EpAmendment): string {
  const sample = allDivisions(document).find((d) => d.kind === step.unit)?.num
  if (sample) {
    const old = cleanNum(sample)
    const i = sample.lastIndexOf(old)
    if (i !== -1) return sample.slice(0, i) + step.num + sample.slice(i + old.length)
  }
  const printedWord = ep.amendment
    .map((l) => normalise(l.runs.map((r) => r.text).join('')))
    .map((t) => new RegExp(`^(${step.unit})\\b`, 'i').exec(t)?.[1])
    .find((w) => w !== undefined)
  const word = printedWord ?? step.unit[0]!.toUpperCase() + step.unit.slice(1)
  return `${word} ${step.num}`
}

function allDivisions(document: Document): Division[] {
  const out: Division[] = []
  const visit = (n: Node): void => {
    if (n.type === 'division') out.push(n)
    if (n.type === 'body' || n.type === 'division') for (const c of n.children) visit(c)
  }
  for (const top of document.children) visit(top)
  return out
}

export type DivisionResult =
  | {converted: Converted; opening?: Opening}
  | {status: 'notLocated' | 'conflict'; reason: string}

/**
 * The typed amendments for a division heading address (see the module
 * comment), or a heading change when the division is already there.
 */
export function convertDivision(
  document: Document,
  address: EpAddress,
  ep: EpAmendment,
  id: string,
  provenance: Provenance
): DivisionResult {
  const steps = address.steps
  const step = steps[steps.length - 1]!
  const kind = step.unit as DivisionKind
  const articleStep =
    steps.length > 1 && steps[steps.length - 2]!.unit === 'article' ? steps[steps.length - 2] : undefined
  if (ep.deletes) return {status: 'conflict', reason: `deleting a ${kind} heading the proposal does not have`}
  const heading = headingOf(ep, step)
  const all = articles(document)
  const article = articleStep ? all.find((a) => keyOf(a.num) === articleStep.num.toLowerCase()) : undefined

  // The division is already there (a heading of the proposal, or made by an earlier amendment): its title changes.
  const existing = article
    ? parentOf(document, article)?.chain.find((d) => d.kind === kind && keyOf(d.num) === step.num.toLowerCase())
    : undefined
  if (existing) {
    if (address.isNew) return {status: 'conflict', reason: `${existing.eId} is already in the text`}
    return {
      converted: {form: 'heading', amendments: [{id, type: 'setHeading', target: existing.eId, heading, provenance}]}
    }
  }
  const place = articleStep
    ? byArticle(document, all, articleStep, article, kind, step, ep)
    : byNumber(document, steps, kind, step)
  if ('reason' in place) return {status: 'notLocated', reason: place.reason}
  const prefix = place.container.type === 'division' ? `${(place.container as Division).eId}__` : ''
  const eId = `${prefix}${EID_PREFIX[kind]}_${keyOf(step.num)}`
  if (allDivisions(document).some((d) => d.eId === eId))
    return {status: 'conflict', reason: `a ${kind} ${step.num} is already in the text (${eId})`}
  const division = {
    type: 'division' as const,
    eId: '',
    kind,
    num: printedNum(document, step, ep),
    ...(heading ? {heading: textToInlines(heading)} : {}),
    children: []
  }
  const out: Amendment[] = [{id, type: 'insert', at: place.at, content: [division], numbering: 'keep', provenance}]
  for (const taken of place.takes)
    out.push({id, type: 'move', target: taken.eId, to: {lastChildOf: eId}, num: taken.num, provenance})
  if (place.untitle) out.push({id, type: 'setHeading', target: place.untitle.eId, heading: null, provenance})
  const amendments = out.length === 1 ? out : out.map((a, n) => ({...a, id: `${id}.${n + 1}`}))
  const notes = [
    place.takes.length > 0 ? `${eId} takes ${place.takes.map((a) => a.eId).join(', ')}` : `${eId} starts empty`,
    place.opening?.at ? `Article ${place.opening.at} goes first in it when inserted` : undefined,
    place.opening?.after ? `new articles after Article ${place.opening.after} go in it` : undefined,
    place.untitle
      ? `the Commission column is the title of ${place.untitle.eId} (“${inlineText(place.untitle.heading ?? [])}”): the EP's line takes its place as the ${kind}'s title, and ${place.untitle.eId} is left without one`
      : undefined
  ].filter((n): n is string => n !== undefined)
  return {
    converted: {form: 'division', amendments, note: notes.join('; ')},
    ...(place.opening ? {opening: {...place.opening, division: eId}} : {})
  }
}

interface Place {
  /** Where the new division goes among its siblings. */
  at: At
  /** The body or division the new one goes in. */
  container: Holder
  /** The articles that move into it, in order. */
  takes: Article[]
  opening?: Omit<Opening, 'division'>
  /** The article whose title becomes the division's. */
  untitle?: Article
}

/** The place of a division opened by (or after) an article: see the module comment. */
function byArticle(
  document: Document,
  all: readonly Article[],
  articleStep: EpStep,
  article: Article | undefined,
  kind: DivisionKind,
  step: EpStep,
  ep: EpAmendment
): Place | {reason: string} {
  const commission = normalise(ep.commission.map((l) => l.runs.map((r) => r.text).join('')).join(' '))
  if (!article) {
    // A new article (inserted by a later amendment): the division goes where it will, and waits for it.
    const previous = [...all].reverse().find((a) => before(a.num, articleStep.num))
    if (!previous) return {reason: `no article of the proposal comes before Article ${articleStep.num}`}
    const where = levelPlace(document, previous, kind)
    if ('reason' in where) return where
    const rest = following(where.siblings, previous)
    return {...placeFor(where, previous, rest, true, step), opening: {at: articleStep.num.toLowerCase()}}
  }
  const where = levelPlace(document, article, kind)
  if ('reason' in where) return where
  if (commission !== '') {
    const title = article.heading ? normalise(inlineText(article.heading)) : ''
    if (title !== commission)
      return {
        reason: `the Commission column is not the title of ${article.eId}: a ${kind} heading replaces no other text`
      }
    return {...placeFor(where, article, following(where.siblings, article, true), false, step), untitle: article}
  }
  if (where.sameLevel && before(where.sameLevel.num, step.num)) {
    // After the division of that level holding the article: the division opens after it.
    const rest = following(where.siblings, article)
    return {
      ...placeFor(where, article, rest, true, step),
      ...(rest.length === 0 ? {opening: {after: keyOf(article.num)}} : {})
    }
  }
  return placeFor(where, article, following(where.siblings, article, true), false, step)
}

interface LevelPlace {
  /** The container of divisions of this level. */
  container: Holder
  /** The division of the same level holding the article, if any. */
  sameLevel?: Division
  /** The units next to the article (in `sameLevel`, or in `container`). */
  siblings: readonly Node[]
}

function levelPlace(document: Document, article: Article, kind: DivisionKind): LevelPlace | {reason: string} {
  const found = parentOf(document, article)
  if (!found) return {reason: `${article.eId} is not in the body`}
  const {parent} = found
  if (parent.type === 'division' && (parent as Division).kind === kind) {
    const up = parentOf(document, parent as Node)
    if (!up) return {reason: `${(parent as Division).eId} is not in the body`}
    return {container: up.parent, sameLevel: parent as Division, siblings: parent.children as Node[]}
  }
  if (parent.type === 'division' && LEVEL[(parent as Division).kind]! > LEVEL[kind]!)
    return {
      reason: `${article.eId} is in ${(parent as Division).eId}, a division below a ${kind}: a new ${kind} there is not supported`
    }
  return {container: parent, siblings: parent.children as Node[]}
}

/** The articles after `article` among `siblings` (from it, with `from`), up to the next division. */
function following(siblings: readonly Node[], article: Article, from = false): Article[] {
  const out: Article[] = []
  for (let i = siblings.indexOf(article) + (from ? 0 : 1); i < siblings.length; i++) {
    const s = siblings[i]!
    if (s.type !== 'article') break
    out.push(s)
  }
  return out
}

/**
 * The insertion point: after the division of its level numbered before it
 * (divisions follow their numbers, articles may not: the EP puts its Section
 * 2, Articles 57a to 57c, before Section 3, Article 57); else next to the
 * article it is placed by.
 */
function placeFor(where: LevelPlace, article: Article, takes: Article[], after: boolean, step: EpStep): Place {
  const peers = (where.container.children as Node[]).filter(
    (c): c is Division => c.type === 'division' && c.kind === step.unit
  )
  const previous = [...peers].reverse().find((d) => before(d.num, step.num))
  if (previous) return {at: {after: previous.eId}, container: where.container, takes}
  if (where.sameLevel) return {at: {before: where.sameLevel.eId}, container: where.container, takes}
  const at: At = takes[0] ? {before: takes[0].eId} : after ? {after: article.eId} : {before: article.eId}
  return {at, container: where.container, takes}
}

/** `Title IV a (new)`, `Title III — Chapter 3 a (new)`: after the division of that level numbered before it. */
function byNumber(
  document: Document,
  steps: readonly EpStep[],
  kind: DivisionKind,
  step: EpStep
): Place | {reason: string} {
  let container: Holder | undefined = document.children.find((c) => c.type === 'body') as Holder | undefined
  if (!container) return {reason: 'the proposal has no body'}
  for (const s of steps.slice(0, -1)) {
    const next: Division | undefined = (container.children as Node[]).find(
      (c): c is Division => c.type === 'division' && c.kind === s.unit && keyOf(c.num) === s.num.toLowerCase()
    )
    if (!next)
      return {
        reason: `the proposal has no ${s.unit} ${s.num}${container.type === 'division' ? ` in ${eidOf(container)}` : ''}`
      }
    container = next
  }
  const peers = (container.children as Node[]).filter((c): c is Division => c.type === 'division' && c.kind === kind)
  const previous = [...peers].reverse().find((d) => before(d.num, step.num))
  if (!previous) {
    const first = (container.children as Node[])[0] as Provision | undefined
    return {
      at: first ? {before: first.eId} : {lastChildOf: eidOf(container)},
      container,
      takes: []
    }
  }
  const last = lastArticle(previous)
  return {
    at: {after: previous.eId},
    container,
    takes: [],
    ...(last ? {opening: {after: keyOf(last.num)}} : {})
  }
}

function lastArticle(division: Division): Article | undefined {
  for (let i = division.children.length - 1; i >= 0; i--) {
    const c = division.children[i]!
    const found = c.type === 'article' ? c : lastArticle(c)
    if (found) return found
  }
  return undefined
}
