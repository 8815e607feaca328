/**
 * The runner: applies amendments in order, all or nothing. Each amendment's
 * targets (eIds of the base text) are mapped through the changes made before
 * it; text and domain amendments expand into primitives; each primitive's
 * inverse is recorded; `sequential` renumbers at the end and every internal
 * cross-reference follows.
 */
import {
  RedlexError,
  assignEids,
  citationLabel,
  findByEid,
  findReferencesTo,
  indexByEid,
  isRedlexError,
  listProvisions,
  locate,
  renumberReferencesWithWarnings,
  resolveReferences,
  textOf,
  walk,
  type Document,
  type Position,
  type Provision,
  type ReferenceToUnit
} from '@redlex/tree'
import type {
  Amendment,
  ApplyOptions,
  ApplyResult,
  ApplyWarning,
  At,
  ChangeLogEntry,
  Provenance,
  ReferenceEdit,
  RenumberAmendment
} from './types.js'
import {SCOPE_NAMES, expand, type TextRange} from './expand.js'
import {Failure} from './failure.js'
import {applyPrimitive, cleanEmptyNums, ownRefs, type Primitive} from './primitives.js'
import {numberingGroup, sequentialNums} from './numbers.js'
import {parseAmendments} from './validate.js'
import {EidMapping} from './mapping.js'
import {CONTAINER_NAMES} from './tree-ops.js'

interface Tracked {
  action: ChangeLogEntry['effects'][number]['action']
  before?: string
  current?: string
  because?: string[]
}

function eIdsOf(document: Document): Set<string> {
  return new Set(listProvisions(document).map((p) => p.node.eId))
}

function hasRefs(document: Document): boolean {
  let found = false
  walk(document, (node) => {
    if (found) return false
    if (node.type === 'ref') found = true
    return undefined
  })
  return found
}

/** The eIds an amendment names, by field. */
function targetsOf(a: Amendment): Array<{get: () => string; set: (v: string) => void}> {
  const out: Array<{get: () => string; set: (v: string) => void}> = []
  const rec = a as unknown as Record<string, unknown>
  if (typeof rec.target === 'string' && !(SCOPE_NAMES as readonly string[]).includes(rec.target))
    out.push({get: () => rec.target as string, set: (v) => (rec.target = v)})
  for (const key of ['at', 'to']) {
    const place = rec[key] as Record<string, string> | undefined
    if (place && typeof place === 'object') {
      const k = Object.keys(place)[0]!
      if (!(CONTAINER_NAMES as readonly string[]).includes(place[k]!))
        out.push({get: () => place[k]!, set: (v) => (place[k] = v)})
    }
  }
  return out
}

/** Map every eId field of a primitive (inverse) through renames. */
function remap(p: Primitive, renames: Readonly<Record<string, string>>): Primitive {
  const m = (id: string): string => renames[id] ?? id
  for (const t of targetsOf(p)) t.set(m(t.get()))
  if (p.type === 'renumber') {
    p.nums = Object.fromEntries(Object.entries(p.nums).map(([k, v]) => [m(k), v]))
    if (Array.isArray(p.references)) p.references = p.references.map((e) => ({...e, at: m(e.at)}))
  }
  return p
}

/**
 * Units sharing a number in the input (`art_10__para_1` and
 * `art_10__para_1_2`): a defect of the source, kept and reported, never a
 * reason to refuse amendments elsewhere.
 */
function sourceDuplicates(document: Document): ApplyWarning[] {
  const out: ApplyWarning[] = []
  for (const {node} of listProvisions(document)) {
    const cut = node.eId.lastIndexOf('__') + 2
    const last = node.eId.slice(cut)
    if (last.split('_').length <= 2) continue
    const first = node.eId.slice(0, cut) + last.replace(/_\d+$/, '')
    out.push({
      code: 'amend/source-duplicate-number',
      eId: node.eId,
      message: `${first} and ${node.eId} are both numbered \`${node.num ?? ''}\`: a defect of the source, kept as it is (a setNum amendment repairs it)`
    })
  }
  return out
}

/** A warning for each unit of the draft that sequential numbering would renumber before any amendment. */
function sourceIrregular(document: Document, nums: Readonly<Record<string, string>>): ApplyWarning[] {
  const index = new Map(listProvisions(document).map(({node}) => [node.eId, node]))
  const duplicates = new Set(sourceDuplicates(document).map((w) => w.eId))
  return Object.entries(nums)
    .filter(([eId]) => !duplicates.has(eId))
    .map(([eId, expected]) => ({
      code: 'amend/source-irregular-number',
      eId,
      message: `${eId} is numbered \`${index.get(eId)?.num ?? ''}\` where the sequence of the draft has \`${expected}\`: a defect of the source or of its import (a unit read in the wrong place?), kept as it is (a setNum amendment repairs it)`
    }))
}

/** References (outside the subtree) that name a unit a delete or replace may remove: checked after the step. */
function referencesIntoSubtree(document: Document, p: Primitive): ReferenceToUnit[] {
  if (p.type !== 'delete' && p.type !== 'replace') return []
  const root = findByEid(document, p.target)
  if (!root) return []
  return findReferencesTo(document, new Set(listProvisions(root).map((u) => u.node.eId)))
}

/**
 * Duplicates a replacement carries over: the replaced unit held two units
 * with one number (`art_1__point_a`, `art_1__point_a_2`, a defect of the
 * source) and its new content holds them again, one level down or up
 * (`art_1__para_2__point_a_2`). The step did not make the defect: it is kept
 * and reported, as the input's own duplicates are.
 */
function carriedDuplicates(p: Primitive, preIds: ReadonlySet<string>, postIds: ReadonlySet<string>): Set<string> {
  const out = new Set<string>()
  if (p.type !== 'replace') return out
  const inside = (id: string): boolean => id.startsWith(p.target + '__')
  const lastOf = (id: string): string => id.slice(id.lastIndexOf('__') + 2)
  const before = new Set([...preIds].filter((id) => inside(id) && lastOf(id).split('_').length > 2).map(lastOf))
  for (const id of postIds) if (inside(id) && !preIds.has(id) && before.has(lastOf(id))) out.add(id)
  return out
}

function siblingsOf(ids: Iterable<string>, eId: string): string[] {
  const cut = eId.lastIndexOf('__')
  const prefix = cut === -1 ? '' : eId.slice(0, cut + 2)
  const kind = eId.slice(cut === -1 ? 0 : cut + 2).split('_')[0]
  return [...ids]
    .filter(
      (id) =>
        id.startsWith(prefix) &&
        !id.slice(prefix.length).includes('__') &&
        id.slice(prefix.length).split('_')[0] === kind
    )
    .slice(0, 40)
}

/**
 * Apply `amendments` to `document`. Returns a new document (the input is
 * never changed), the change log, the base → result eId renames, and the
 * inverse list. Any failure throws a RedlexError naming the amendment, its
 * conclusion, its target as written and as mapped, and what was found;
 * nothing is applied.
 */
export function applyAmendments(
  document: Document,
  amendments: readonly Amendment[] | unknown,
  options?: Readonly<ApplyOptions> | null
): ApplyResult {
  return runAmendments(document, amendments, options, undefined)
}

/** What {@link dryRunAmendments} found. */
export interface DryRunResult {
  /** Every amendment that cannot be applied, each as the error `applyAmendments` would throw, in order. */
  problems: RedlexError[]
  /** The warnings of the amendments that can. */
  warnings: ApplyWarning[]
}

/**
 * Check every amendment against `document` without stopping at the first
 * problem: each is tried on the text left by the ones before it that could
 * be applied; one that cannot is reported and skipped, so that one run lists
 * every wrong target and every quoted text that is not there. Nothing is
 * returned to use: apply with {@link applyAmendments} once this finds nothing.
 * Data that is not a valid amendment list throws, as in `applyAmendments`.
 */
export function dryRunAmendments(
  document: Document,
  amendments: readonly Amendment[] | unknown,
  options?: Readonly<ApplyOptions> | null
): DryRunResult {
  const problems: RedlexError[] = []
  const {warnings} = runAmendments(document, amendments, options, problems)
  return {problems, warnings}
}

function runAmendments(
  document: Document,
  amendments: readonly Amendment[] | unknown,
  options: Readonly<ApplyOptions> | null | undefined,
  problems: RedlexError[] | undefined
): ApplyResult {
  const list = parseAmendments(amendments, options?.file ? {file: options.file} : null)
  const policy = options?.renumber ?? (document.stage === 'act' ? 'amending-act' : 'sequential')
  const currentMode = options?.targets === 'current'
  const linked = hasRefs(document)
  let doc = structuredClone(document)
  const baseIds = eIdsOf(doc)
  /** base eId → current eId (null once deleted) */
  const current = new Map<string, string | null>([...baseIds].map((id) => [id, id]))
  const deletedBy = new Map<string, string>()
  const ranges = new Map<string, TextRange[]>()
  const tracked: Tracked[] = []
  const origin = new Map<string, string>([...baseIds].map((id) => [id, id]))
  const inverses: Primitive[][] = []
  const log: ChangeLogEntry[] = []
  const warnings: ApplyWarning[] = []
  let counter = 0
  const newId = (): string => `#new${++counter}`
  if (!currentMode) warnings.push(...sourceDuplicates(doc))
  // Units the draft itself numbers out of sequence (a defect of the source or of its import, such as a
  // chapter read as nested in a section) keep their number: renumbering them would change text no
  // amendment touched, and the references to them with it.
  const irregular = policy === 'sequential' && !currentMode ? sequentialNums(doc) : {}
  if (policy === 'sequential' && !currentMode) warnings.push(...sourceIrregular(doc, irregular))

  /** Renumbered eId (before the step) → the amendments that made its number move (only for the renumbering step). */
  let consequences: Map<string, string[]> | undefined
  const runStep = (p: Primitive, owner: string, entry: ChangeLogEntry): string => {
    const preIds = eIdsOf(doc)
    // References follow a renumbering and a move (a moved unit keeps being named, by its new number).
    const follow = linked && ((p.type === 'renumber' && (p.references ?? 'follow') === 'follow') || p.type === 'move')
    const snapshot = follow ? structuredClone(doc) : undefined
    const doomed = linked ? referencesIntoSubtree(doc, p) : []
    const outcome = applyPrimitive(p, {
      document: doc,
      linked,
      newId,
      ...(options?.parseFragment ? {parseFragment: options.parseFragment} : {})
    })
    cleanEmptyNums(doc)
    const assigned = assignEids(doc)
    let next = assigned.document
    const renames = assigned.renames
    const postIds = eIdsOf(next)
    // Deleted: gone, or its eId now names another unit (deleting subpara_2 renames subpara_3 to it).
    const takenOver = new Set(Object.values(renames))
    const deleted = new Set([...preIds].filter((id) => !(id in renames) && (!postIds.has(id) || takenOver.has(id))))
    // Two units with one number: a defect of the source (imported as art_10__para_1 and
    // art_10__para_1_2) is kept and never blocks; a step may not create a new one.
    const back = new Map(Object.entries(renames).map(([from, to]) => [to, from]))
    const carried = carriedDuplicates(p, preIds, postIds)
    for (const {node} of listProvisions(next)) {
      const last = node.eId.slice(node.eId.lastIndexOf('__') + 2)
      if (carried.has(node.eId)) {
        warnings.push({
          code: 'amend/source-duplicate-number',
          eId: node.eId,
          amendment: owner,
          message: `${node.eId.replace(/_\d+$/, '')} and ${node.eId} are both numbered \`${node.num ?? ''}\`: a defect of the source that ${owner} carries over from ${p.type === 'replace' ? p.target : 'the unit'} it replaces, kept as it is`
        })
      } else if (last.split('_').length > 2 && !preIds.has(back.get(node.eId) ?? node.eId)) {
        throw new Failure(
          'amend/duplicate-number',
          `Two units would have the eId \`${node.eId.replace(/_\d+$/, '')}\``,
          {eId: node.eId, hint: 'Give the unit a free number'}
        )
      }
    }
    for (const doomedRef of doomed) {
      if (!deleted.has(doomedRef.target) || deleted.has(doomedRef.eId)) continue
      const holder = renames[doomedRef.eId] ?? doomedRef.eId
      warnings.push({
        code: 'amend/reference-to-deleted',
        message: `${citationLabel(holder) || holder}: \`${doomedRef.value}\` names ${citationLabel(doomedRef.target) || doomedRef.target}, which amendment ${owner} deletes; the reference is not changed for it (its other numbers still follow a renumbering): rewrite it with a substitute`,
        eId: holder,
        amendment: owner
      })
    }
    const m = (id: string): string => renames[id] ?? id
    // Inverse in post-step eIds.
    let inverse = outcome.inverse.map((inv) => remap(inv, renames))
    if (follow) {
      const result = renumberReferencesWithWarnings(next, renames, snapshot!)
      const beforeRefs = ownRefs(next)
      const afterRefs = ownRefs(result.document)
      const edits: ReferenceEdit[] = []
      const touched = new Set<string>()
      afterRefs.forEach((r, i) => {
        const old = beforeRefs[i]!
        if (old.ref.value === r.ref.value) return
        edits.push({at: r.at, index: r.index, from: r.ref.value, to: old.ref.value})
        const because = consequences && old.ref.targets.flatMap((target) => consequences!.get(target) ?? [])
        if (r.at && !touched.has(r.at)) {
          touched.add(r.at)
          const pre = back.get(r.at) ?? r.at
          outcome.effects.push({
            action: 'modified',
            from: pre,
            to: pre,
            ...(because && because.length > 0 ? {because} : {})
          })
        } else if (r.at && because && because.length > 0) {
          // A second reference rewritten in the same provision: its causes join the first's.
          const pre = back.get(r.at) ?? r.at
          const effect = outcome.effects.find((e) => e.action === 'modified' && e.from === pre)
          if (effect) effect.because = [...(effect.because ?? []), ...because]
        }
      })
      for (const w of result.warnings)
        warnings.push({code: 'amend/reference-kept', message: w.reason, eId: w.eId, amendment: owner})
      next = result.document
      inverse = inverse.map((inv) => (inv.type === 'renumber' ? {...inv, references: edits} : inv))
    }
    inverses.push(inverse)
    // Older tracked effects follow this step; then this step's effects join them.
    for (const t of tracked) {
      if (t.current === undefined) continue
      if (deleted.has(t.current)) delete t.current
      else t.current = m(t.current)
    }
    for (const e of outcome.effects) {
      const t: Tracked = {action: e.action}
      const base = e.from !== undefined ? origin.get(e.from) : undefined
      if (base !== undefined) t.before = base
      if (e.to !== undefined && e.action !== 'deleted') t.current = m(e.to)
      const because =
        e.because ?? (e.action === 'renumbered' && e.from !== undefined ? consequences?.get(e.from) : undefined)
      if (because && because.length > 0) t.because = [...new Set(because)]
      tracked.push(t)
      entry.effects.push(t as never)
    }
    // Base → current map.
    for (const [base, cur] of current) {
      if (cur === null) continue
      if (deleted.has(cur)) {
        current.set(base, null)
        deletedBy.set(base, owner)
      } else current.set(base, m(cur))
    }
    const nextOrigin = new Map<string, string>()
    for (const [cur, base] of origin) if (!deleted.has(cur)) nextOrigin.set(m(cur), base)
    origin.clear()
    for (const [k, v] of nextOrigin) origin.set(k, v)
    // Text ranges: shift within the changed block, rekey, record the new one.
    const nextRanges = new Map<string, TextRange[]>()
    for (const [cur, list] of ranges) {
      if (deleted.has(cur)) continue
      nextRanges.set(m(cur), list)
    }
    if (outcome.text && p.type === 'spliceText') {
      const key = m(outcome.text.eId)
      const delta = outcome.text.end - outcome.text.start - (p.end - p.start)
      const list = (nextRanges.get(key) ?? []).map((r) =>
        r.block === outcome.text!.block && r.start >= p.end ? {...r, start: r.start + delta, end: r.end + delta} : r
      )
      list.push({block: outcome.text.block, start: outcome.text.start, end: outcome.text.end, amendment: owner})
      nextRanges.set(key, list)
    }
    ranges.clear()
    for (const [k, v] of nextRanges) ranges.set(k, v)
    doc = next
    return outcome.description
  }

  const mapTarget = (written: string, a: Amendment): string => {
    if (currentMode) return written
    if (baseIds.has(written)) {
      const cur = current.get(written)
      if (cur === null || cur === undefined) {
        throw new Failure(
          'amend/target-deleted',
          `Target \`${written}\` was deleted earlier by amendment ${deletedBy.get(written) ?? '?'}`,
          {
            eId: written,
            hint: `Drop amendment ${a.id} or the deletion, or retarget it`
          }
        )
      }
      return cur
    }
    if (eIdsOf(doc).has(written)) return written
    throw new Failure('amend/target-not-found', `No provision \`${written}\` in the base text`, {
      eId: written,
      expected: siblingsOf(baseIds, written),
      hint: 'Targets are eIds of the base text (see `redlex outline --all`); units inserted by an earlier amendment are named by their eId after insertion (e.g. art_4a)'
    })
  }

  for (const original of list) {
    const a = structuredClone(original)
    const written = targetsOf(a).map((t) => t.get())
    const provenance: Provenance = structuredClone(original.provenance ?? {})
    const entry: ChangeLogEntry = {amendment: a.id, type: a.type, provenance, description: '', effects: []}
    let mapped: string[] = written
    try {
      for (const t of targetsOf(a)) t.set(mapTarget(t.get(), a))
      mapped = targetsOf(a).map((t) => t.get())
      if (a.type === 'renumber' && !currentMode) {
        a.nums = Object.fromEntries(Object.entries(a.nums).map(([k, v]) => [mapTarget(k, a), v]))
      }
      const expansion = expand(a, {document: doc, ranges})
      for (const w of expansion.warnings ?? []) warnings.push({...w, amendment: a.id})
      const steps = expansion.primitives.map((p) => runStep(p, a.id, entry))
      entry.description = expansion.description ?? (steps.join('; ') || describe(a))
      log.push(entry)
    } catch (error) {
      const wrapped = wrap(error, a, written, mapped, options?.file, options?.places?.[a.id])
      if (problems && isRedlexError(wrapped)) {
        problems.push(wrapped)
        continue
      }
      throw wrapped
    }
  }

  if (policy === 'sequential') {
    const nums = sequentialNums(doc)
    for (const base of Object.keys(irregular)) {
      const now = current.get(base)
      if (now) delete nums[now]
    }
    if (Object.keys(nums).length > 0) {
      const entry: ChangeLogEntry = {
        amendment: '#renumber',
        type: 'renumber',
        provenance: {note: 'sequential renumbering of the draft'},
        description: `renumbered ${Object.keys(nums).length} unit(s) sequentially; cross-references follow`,
        effects: []
      }
      const step: RenumberAmendment = {id: '#renumber', type: 'renumber', nums, references: 'follow'}
      consequences = numberCauses(document, doc, Object.keys(nums), log, origin, current, deletedBy)
      try {
        runStep(step, '#renumber', entry)
        log.push(entry)
      } catch (error) {
        const wrapped = wrap(error, step, [], [], options?.file, undefined)
        if (!problems || !isRedlexError(wrapped)) throw wrapped
        problems.push(wrapped)
      }
    }
  }
  if (linked && options?.references !== 'leave') doc = resolveReferences(doc)

  // Each effect records what the run left in its provision, word for word (for verify).
  const final = indexByEid(doc)
  const texts = new Map<string, string>()
  const finalText = (eId: string): string | undefined => {
    let text = texts.get(eId)
    const node = final.get(eId)
    if (text === undefined && node) texts.set(eId, (text = textOf(node, {notes: true})))
    return text
  }
  for (const entry of log) {
    // One effect per provision changed, however many steps changed it (a term replaced three times in a paragraph).
    const seen = new Map<string, ChangeLogEntry['effects'][number]>()
    entry.effects = (entry.effects as unknown as Tracked[]).flatMap((t) => {
      const out: ChangeLogEntry['effects'][number] = {action: t.action}
      if (t.before !== undefined) out.before = t.before
      if (t.current !== undefined) out.after = t.current
      const key = `${out.action} ${out.before ?? ''} ${out.after ?? ''}`
      const kept = seen.get(key)
      if (out.action === 'modified' && kept) {
        if (t.because) kept.because = [...new Set([...(kept.because ?? []), ...t.because])]
        return []
      }
      if (t.because !== undefined) out.because = t.because
      const text = t.current !== undefined ? finalText(t.current) : undefined
      if (text !== undefined) out.text = text
      seen.set(key, out)
      return [out]
    })
  }
  const renames: Record<string, string> = {}
  for (const [base, cur] of current) if (cur !== null && cur !== base) renames[base] = cur
  const reached = new Set([...current.values()].filter((cur): cur is string => cur !== null))
  const mapping = new EidMapping(
    current,
    [...eIdsOf(doc)].filter((eId) => !reached.has(eId))
  )
  let n = 0
  const inverse: Amendment[] = inverses
    .reverse()
    .flat()
    .map((p) => ({...p, id: `inverse-${++n}`, provenance: {note: 'inverse'}}) as Amendment)
  return {document: doc, log, renames, mapping, inverse, warnings}
}

/**
 * Why each unit of a sequential renumbering gets a new number: the
 * amendments that inserted or moved in a unit of its numbering group before
 * it, or deleted or moved out one that stood before it in the base text.
 * `renumbered`: eIds in `doc` (the text before the renumbering step).
 */
function numberCauses(
  base: Document,
  doc: Document,
  renumbered: readonly string[],
  log: readonly ChangeLogEntry[],
  origin: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, string | null>,
  deletedBy: ReadonlyMap<string, string>
): Map<string, string[]> {
  // Units (current eIds) inserted or moved by each amendment, from the tracked effects.
  const placedBy = new Map<string, string>()
  for (const entry of log) {
    for (const t of entry.effects as unknown as Tracked[]) {
      if ((t.action === 'inserted' || t.action === 'moved') && t.current !== undefined && !placedBy.has(t.current))
        placedBy.set(t.current, entry.amendment)
    }
  }
  const out = new Map<string, string[]>()
  const groups = new Map<Provision, Provision[]>()
  const groupOf = (document: Document, eId: string): {group: Provision[]; index: number} | undefined => {
    const found = locate(document, eId)
    if (!found) return undefined
    let group = groups.get(found.node)
    if (!group) {
      group = numberingGroup(document, found.parent, found.node)
      for (const unit of group) groups.set(unit, group)
    }
    return {group, index: group.indexOf(found.node)}
  }
  for (const eId of renumbered) {
    const causes: string[] = []
    const add = (amendment: string | undefined): void => {
      if (amendment !== undefined && !causes.includes(amendment)) causes.push(amendment)
    }
    const now = groupOf(doc, eId)
    const members = new Set(now?.group.map((u) => u.eId) ?? [])
    if (now) for (let k = 0; k <= now.index; k++) add(placedBy.get(now.group[k]!.eId))
    const baseId = origin.get(eId)
    const then = baseId !== undefined ? groupOf(base, baseId) : undefined
    if (then) {
      for (let k = 0; k < then.index; k++) {
        const unit = then.group[k]!.eId
        const cur = current.get(unit)
        if (cur === null) add(deletedBy.get(unit))
        else if (cur !== undefined && !members.has(cur)) add(placedBy.get(cur))
      }
    }
    if (causes.length > 0) out.set(eId, causes)
  }
  return out
}

function describe(a: Amendment): string {
  const target = (a as {target?: string}).target
  return `${a.type}${target ? ' ' + (citationLabel(target) || target) : ''}`
}

function wrap(
  error: unknown,
  a: Amendment,
  written: string[],
  mapped: string[],
  file: string | undefined,
  place: Position | undefined
): unknown {
  const conclusion = a.provenance?.conclusion
  const where =
    written.length === 0
      ? ''
      : ` [target ${written.join(', ')}${mapped.join() !== written.join() ? ` (mapped to ${mapped.join(', ')})` : ' (unchanged by earlier amendments)'}]`
  if (error instanceof Failure) {
    return new RedlexError(`Amendment ${a.id} (${a.type}) cannot be applied: ${error.message}${where}`, {
      code: error.code,
      amendment: a.id,
      ...(conclusion ? {conclusion} : {}),
      ...((error.eId ?? mapped[0]) ? {eId: (error.eId ?? mapped[0])!} : {}),
      ...(error.actual !== undefined ? {actual: error.actual} : {}),
      ...(error.expected ? {expected: error.expected} : {}),
      ...(error.hint ? {hint: error.hint} : {}),
      ...(file ? {file} : {}),
      ...(place ? {place} : {})
    })
  }
  if (isRedlexError(error)) {
    if (!error.file && file) error.file = file
    if (!error.place && place) error.place = place
    if (!error.amendment) error.amendment = a.id
    if (!error.conclusion && conclusion) error.conclusion = conclusion
    error.message = error.format()
    return error
  }
  return error
}

/** The list that undoes `applyAmendments(document, amendments, options)`: apply it to the result with `{targets: 'current', renumber: 'amending-act'}`. */
export function invertAmendments(
  document: Document,
  amendments: readonly Amendment[],
  options?: Readonly<ApplyOptions> | null
): Amendment[] {
  return applyAmendments(document, amendments, options).inverse
}

/** Apply an inverse list (from `result.inverse`) to a result. */
export function applyInverse(
  document: Document,
  inverse: readonly Amendment[],
  options?: Readonly<Pick<ApplyOptions, 'parseFragment'>> | null
): Document {
  return applyAmendments(document, inverse, {...options, targets: 'current', renumber: 'amending-act'}).document
}
