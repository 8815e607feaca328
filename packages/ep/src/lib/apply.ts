/**
 * Applying the EP's amendments to the proposal, one at a time.
 *
 * `applyAmendments` (@redlex/amend) applies a list all or nothing. The EP's
 * amendments are independent decisions, so each one is resolved against the
 * proposal as amended so far and applied on its own: when it applies, the
 * text moves on; when it does not, it is reported (not located, or in
 * conflict) and the text stays as it was. Amending-act numbering: new units
 * get the EP's numbers (13a, 1a) and nothing is renumbered. Targets are
 * eIds of the text as it stands when each amendment runs (`targets:
 * current`), which is how the list is written out too.
 */
import {RedlexError, isRedlexError, type ChangeLogEntry, type Document, type Provenance} from '@redlex/tree'
import type {Amendment, ApplyWarning} from '@redlex/amend'
import {applyScoped, finishReferences} from './scope.js'
import {parseAddress} from './address.js'
import {
  amendmentId,
  byCommissionText,
  byOwnText,
  convertChange,
  convertDelete,
  convertInsert,
  type Converted,
  type Form
} from './convert.js'
import {numberedLine} from './lines.js'
import {convertDivision, isDivisionAddress} from './divisions.js'
import {Ranks, forgetDeleted, resolveAddress} from './locate.js'
import type {EpAmendment, EpText} from './types.js'

export type EpStatus = 'applied' | 'notLocated' | 'conflict'

/** What became of one EP amendment. */
export interface EpItem {
  /** The EP's number, as printed. */
  number: string
  /** The address, as printed. */
  target: string
  status: EpStatus
  /** Why it was not applied, or how it was located when that needs saying. */
  reason?: string
  /** The error code behind a conflict (`amend/text-not-found`…). */
  code?: string
  /** How it was applied: word edits, a replacement, an insertion, a deletion, a new title, a new division. */
  form?: Form
  /** The ids of the typed amendments it became. */
  amendments?: string[]
}

/** The report: counts and one item per EP amendment, in the EP's order. */
export interface EpReport {
  reference?: string
  date?: string
  total: number
  applied: number
  notLocated: number
  conflicts: number
  items: EpItem[]
}

export interface EpApplyResult {
  /** The proposal as amended by the EP (the amendments that applied). */
  document: Document
  /** The typed amendments that applied, in order; apply them with `{targets: 'current', renumber: 'amending-act'}`. */
  amendments: Amendment[]
  /** The change log of those amendments: every entry's provenance names its EP amendment. */
  log: ChangeLogEntry[]
  report: EpReport
  warnings: ApplyWarning[]
}

/** The provenance of an EP amendment: `{source: {kind: 'ep-amendment', reference, number, date}}`. */
export function epProvenance(text: Pick<EpText, 'reference' | 'date'>, number: string): Provenance {
  return {
    source: {
      kind: 'ep-amendment',
      ...(text.reference ? {reference: text.reference} : {}),
      number,
      ...(text.date ? {date: text.date} : {})
    }
  }
}

/**
 * Apply the amendments of an EP plenary text (`readEpText`) to the
 * proposal. Never throws for an amendment that does not fit: it is reported.
 */
export function applyEpText(proposal: Document, text: EpText): EpApplyResult {
  if (text.form === 'whole-text') {
    throw new RedlexError('This EP text restates the whole proposal: there are no numbered amendments to apply', {
      code: 'ep/whole-text',
      hint: 'Import it as a document and take the EP text (`epTextOf`) and its marked changes (`markedChanges`)'
    })
  }
  // One private copy, amended in place unit by unit (see scope.ts).
  let document = structuredClone(proposal)
  const ranks = new Ranks()
  const items: EpItem[] = []
  const applied: Amendment[] = []
  const log: ChangeLogEntry[] = []
  const warnings: ApplyWarning[] = []
  const ids = new Set<string>()
  for (const ep of text.amendments) {
    let id = amendmentId(ep.number)
    for (let n = 2; ids.has(id); n++) id = `${amendmentId(ep.number)}-${n}`
    ids.add(id)
    const item: EpItem = {number: ep.number, target: ep.target, status: 'notLocated'}
    items.push(item)
    const step = prepare(document, ep, ranks, id, epProvenance(text, ep.number))
    if ('status' in step) {
      item.status = step.status
      item.reason = step.reason
      continue
    }
    try {
      const {document: next, result} = applyScoped(document, step.converted.amendments)
      step.commit()
      document = next
      applied.push(...step.converted.amendments)
      log.push(...result.log)
      warnings.push(...result.warnings)
      item.status = 'applied'
      item.form = step.converted.form
      item.amendments = step.converted.amendments.map((a) => a.id)
      if (step.converted.note) item.reason = step.converted.note
    } catch (error) {
      if (!isRedlexError(error)) throw error
      item.status = 'conflict'
      item.reason = error.reason.replace(/^Amendment \S+ \([^)]*\) cannot be applied: /, '')
      item.code = error.code
    }
  }
  const count = (s: EpStatus): number => items.filter((i) => i.status === s).length
  const report: EpReport = {
    ...(text.reference ? {reference: text.reference} : {}),
    ...(text.date ? {date: text.date} : {}),
    total: items.length,
    applied: count('applied'),
    notLocated: count('notLocated'),
    conflicts: count('conflict'),
    items
  }
  return {document: finishReferences(document), amendments: applied, log, report, warnings}
}

interface Prepared {
  converted: Converted
  commit: () => void
}

/** Locate and convert one EP amendment against the text as it stands. */
function prepare(
  document: Document,
  ep: EpAmendment,
  ranks: Ranks,
  id: string,
  provenance: Provenance
): Prepared | {status: Exclude<EpStatus, 'applied'>; reason: string} {
  const parsed = parseAddress(ep.target)
  if ('reason' in parsed) return {status: 'notLocated', reason: parsed.reason}
  if (isDivisionAddress(parsed.address)) {
    const division = convertDivision(document, parsed.address, ep, id, provenance)
    if ('status' in division) return division
    const opening = division.opening
    return {converted: division.converted, commit: () => (opening ? ranks.openings.push(opening) : undefined)}
  }
  let found = resolveAddress(document, parsed.address, ranks, (candidates) => byOwnText(ep, candidates))
  let located: string | undefined
  if (found.kind === 'missing') {
    // The address counts units otherwise than the markup: look for the Commission's words in its top unit.
    const top = parsed.address.isNew
      ? undefined
      : resolveAddress(document, {steps: parsed.address.steps.slice(0, 1), isNew: false}, ranks)
    const other = top?.kind === 'existing' ? byCommissionText(ep, top.node) : undefined
    if (!other) return {status: 'notLocated', reason: found.reason}
    located = `${found.reason}; located by the Commission's text: ${other.node.eId}`
    found = other
  }
  if (
    found.kind === 'new' &&
    found.type === 'paragraph' &&
    found.parent.type === 'article' &&
    !found.parent.children.some((c) => c.type === 'paragraph')
  ) {
    // "paragraph 1 a (new)" of an article whose text is not in numbered
    // paragraphs, printed without a number: a new subparagraph, ranked as
    // the EP numbers it (1a comes after the first unit).
    const first = ep.amendment.map(numberedLine).find((l) => l.text !== '' || l.num !== undefined)
    if (first && first.num === undefined) {
      const steps = parsed.address.steps.map((s, i, all) =>
        i === all.length - 1 ? {...s, unit: 'subparagraph' as const} : s
      )
      found = resolveAddress(document, {...parsed.address, steps}, ranks)
      if (found.kind === 'missing') return {status: 'notLocated', reason: found.reason}
    }
  }
  let converted: Converted | {reason: string}
  let commit = (): void => undefined
  if (found.kind === 'new') {
    if (ep.deletes) return {status: 'conflict', reason: 'a new unit cannot be deleted'}
    converted = convertInsert(ep, found, id, provenance)
    const alias = 'alias' in converted ? converted.alias : undefined
    const placed = found.commit
    commit = alias
      ? () => {
          placed()
          ranks.alias(alias.article, alias.paragraph, alias.eId)
        }
      : placed
  } else if (ep.deletes) {
    // "Subparagraph 1 … deleted" whose Commission text is another unit's (the EP counts otherwise): delete that one.
    const other = found.scope === 'deep' ? undefined : byCommissionText(ep, found.top)
    if (other && other.scope === 'deep') {
      located = `the Commission's text is that of ${other.node.eId}: deleted there`
      found = other
    }
    converted = convertDelete(found, id, provenance)
    commit = forgetDeleted(document, found.node, ranks)
  } else {
    converted = convertChange(document, ep, found, id, provenance)
  }
  if ('reason' in converted) return {status: 'conflict', reason: converted.reason}
  if (located) converted = {...converted, note: converted.note ? `${located}; ${converted.note}` : located}
  return {converted, commit}
}
