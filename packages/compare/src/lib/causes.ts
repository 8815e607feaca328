/**
 * Causes: which logged amendment explains which change. An effect explains
 * a change when it names the changed provision, or one of its ancestors, by
 * its eId in the first version (`before`) or in the second (`after`): a
 * substitution logged against `art_3__para_1` explains the redline of that
 * paragraph, and one logged against `art_3` explains a change to any of its
 * paragraphs. Nothing is guessed: with no matching effect, `causes` is absent.
 */
import type {Cause, ChangeEffect, ChangeLogEntry, FrameChange, IscInfo, ProvisionChange} from './types.js'

/** True when `target` is `eId` or one of its ancestors. */
export function covers(target: string, eId: string): boolean {
  return target === eId || eId.startsWith(target + '__')
}

/** True when the effect names the change's provision or an ancestor of it, on either side. */
export function effectTouches(effect: ChangeEffect, change: ProvisionChange): boolean {
  if (effect.before !== undefined && change.before && covers(effect.before, change.before.eId)) return true
  if (effect.after !== undefined && change.after && covers(effect.after, change.after.eId)) return true
  return false
}

/** A change of its own: not unchanged, and not `modified` only because of its sub-provisions. */
export function isOwnChange(change: ProvisionChange): boolean {
  return change.status !== 'unchanged' && !(change.status === 'modified' && change.within)
}

/** The cause an entry gives (conclusion text from the ISC record when there). */
export function causeOf(entry: ChangeLogEntry, isc?: IscInfo): Cause {
  const cause: Cause = {amendment: entry.amendment}
  if (entry.type) cause.type = entry.type
  const {conclusion, services, note} = entry.provenance ?? {}
  if (conclusion !== undefined) {
    cause.conclusion = conclusion
    const text = isc?.conclusions?.find((c) => c.id === conclusion)?.text
    if (text !== undefined) cause.conclusionText = text
  }
  if (services !== undefined && services.length > 0) cause.services = [...services]
  if (note !== undefined) cause.note = note
  const source = entry.provenance?.source
  if (source !== undefined) cause.source = {...source}
  return cause
}

/**
 * Visit the changes that stand on their own: own changes that are not inside
 * an inserted or deleted provision (those are part of their ancestor's change).
 */
export function ownChanges(changes: readonly ProvisionChange[], visit: (change: ProvisionChange) => void): void {
  const walk = (list: readonly ProvisionChange[]): void => {
    for (const change of list) {
      if (isOwnChange(change)) visit(change)
      if (change.status === 'inserted' || change.status === 'deleted') continue
      walk(change.children)
    }
  }
  walk(changes)
}

/**
 * The entries of the log that explain a change. An inserted provision is
 * explained by what inserted it, not by the renumbering that numbered it or
 * the amendments whose insertions moved its number: entries of redlex's own
 * steps (`#renumber`) and `renumbered` effects do not count for it.
 */
export function entriesFor(change: ProvisionChange, log: readonly ChangeLogEntry[]): ChangeLogEntry[] {
  const inserted = change.status === 'inserted'
  return log.filter((entry) => {
    if (inserted && entry.amendment.startsWith('#')) return false
    return entry.effects.some(
      (effect) => !(inserted && effect.action === 'renumbered') && effectTouches(effect, change)
    )
  })
}

/**
 * The amendments a change is a consequence of: those named by the `because`
 * of the effects that touch it (a renumbering, a reference that follows
 * one), in log order, without those already among its direct causes.
 */
export function consequencesFor(
  change: ProvisionChange,
  entries: readonly ChangeLogEntry[],
  log: readonly ChangeLogEntry[]
): ChangeLogEntry[] {
  const named = new Set<string>()
  for (const entry of entries) {
    for (const effect of entry.effects) {
      if (effect.because && effectTouches(effect, change)) for (const id of effect.because) named.add(id)
    }
  }
  if (named.size === 0) return []
  const direct = new Set(entries.map((entry) => entry.amendment))
  return log.filter((entry) => named.has(entry.amendment) && !direct.has(entry.amendment))
}

/** The entries that explain a frame change: effects naming its part (`preface`, `preamble`, `conclusions`). */
export function entriesForFrame(change: FrameChange, log: readonly ChangeLogEntry[]): ChangeLogEntry[] {
  return log.filter((entry) =>
    entry.effects.some((effect) => effect.before === change.part || effect.after === change.part)
  )
}

/** Attach `causes` to every own change that the log explains. */
export function attachCauses(
  changes: readonly ProvisionChange[],
  _frame: readonly FrameChange[],
  log: readonly ChangeLogEntry[],
  isc?: IscInfo
): void {
  if (log.length === 0) return
  ownChanges(changes, (change) => {
    const entries = entriesFor(change, log)
    if (entries.length === 0) return
    const causes = entries.map((entry) => causeOf(entry, isc))
    for (const entry of consequencesFor(change, entries, log)) causes.push({...causeOf(entry, isc), consequence: true})
    change.causes = causes
  })
}
