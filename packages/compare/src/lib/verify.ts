/**
 * `verify`: check a hand-edited second version against the amendments that
 * were meant to produce it. Every change between the versions should be
 * explained by an amendment, and every amendment should show in the text.
 */
import type {Document} from '@redlex/tree'
import {covers, entriesFor, entriesForFrame, ownChanges} from './causes.js'
import {compareDocuments} from './compare.js'
import type {ChangeEffect, ChangeRef, FrameChange, ProvisionChange, VerifyOptions, VerifyReport} from './types.js'

/** Compare `before` with `after` and say which changes the log explains and which amendments are missing. */
export function verify(before: Document, after: Document, options: Readonly<VerifyOptions>): VerifyReport {
  const comparison = compareDocuments(before, after, options)
  const log = options.log
  const explained: VerifyReport['explained'] = []
  const unexplained: ChangeRef[] = []
  const own: ProvisionChange[] = []
  ownChanges(comparison.changes, (change) => {
    own.push(change)
    const entries = entriesFor(change, log)
    if (entries.length > 0) explained.push({change: refOf(change), amendments: entries.map((e) => e.amendment)})
    else unexplained.push(refOf(change))
  })
  for (const frame of comparison.frame) {
    if (frame.status === 'unchanged') continue
    const entries = entriesForFrame(frame, log)
    if (entries.length > 0) explained.push({change: frameRef(frame), amendments: entries.map((e) => e.amendment)})
    else unexplained.push(frameRef(frame))
  }
  // Every pair the comparison aligned (any status), for renumbering effects.
  const pairs = new Set<string>()
  const collect = (list: readonly ProvisionChange[]): void => {
    for (const change of list) {
      if (change.before && change.after) pairs.add(change.before.eId + ' ' + change.after.eId)
      collect(change.children)
    }
  }
  collect(comparison.changes)
  const frames = comparison.frame.filter((f) => f.status !== 'unchanged')

  const unreflected: VerifyReport['unreflected'] = []
  for (const entry of log) {
    const missing = entry.effects.filter((effect) => !reflected(effect, own, pairs, frames))
    if (missing.length > 0) {
      const item: VerifyReport['unreflected'][number] = {amendment: entry.amendment, description: entry.description, effects: missing}
      if (entry.provenance?.conclusion !== undefined) item.conclusion = entry.provenance.conclusion
      unreflected.push(item)
    }
  }
  const changes = explained.length + unexplained.length
  return {
    ok: unexplained.length === 0 && unreflected.length === 0,
    explained,
    unexplained,
    unreflected,
    counts: {
      changes,
      explained: explained.length,
      unexplained: unexplained.length,
      amendments: log.length,
      reflected: log.length - unreflected.length,
      unreflected: unreflected.length
    },
    comparison
  }
}

/**
 * True when the comparison shows the effect: a change at the named provision,
 * inside it, or (for inserted and deleted provisions) around it, of a
 * compatible kind. A renumbering shows when the two eIds were aligned.
 */
function reflected(effect: ChangeEffect, own: readonly ProvisionChange[], pairs: ReadonlySet<string>, frames: readonly FrameChange[]): boolean {
  if (frames.some((f) => f.part === effect.before || f.part === effect.after)) return true
  if (effect.action === 'renumbered' || effect.action === 'moved') {
    if (effect.before !== undefined && effect.after !== undefined && pairs.has(effect.before + ' ' + effect.after)) return true
  }
  return own.some((change) => {
    const near = (target: string | undefined, eId: string | undefined): boolean => {
      if (target === undefined || eId === undefined) return false
      if (covers(target, eId)) return true
      // An effect inside a provision inserted or deleted as a whole.
      return (change.status === 'inserted' || change.status === 'deleted') && covers(eId, target)
    }
    if (!near(effect.before, change.before?.eId) && !near(effect.after, change.after?.eId)) return false
    switch (effect.action) {
      case 'inserted':
        return change.status === 'inserted' || change.status === 'moved' || (change.status !== 'deleted' && effect.after !== undefined && change.after !== undefined && effect.after !== change.after.eId)
      case 'deleted':
        return change.status === 'deleted' || change.status === 'moved' || (change.status !== 'inserted' && effect.before !== undefined && change.before !== undefined && effect.before !== change.before.eId)
      default:
        return true
    }
  })
}

function refOf(change: ProvisionChange): ChangeRef {
  const ref: ChangeRef = {status: change.status, kind: change.kind, label: (change.after ?? change.before)!.label}
  if (change.modified) ref.modified = true
  if (change.before) ref.before = change.before.eId
  if (change.after) ref.after = change.after.eId
  return ref
}

function frameRef(frame: FrameChange): ChangeRef {
  return {status: frame.status, kind: frame.name ?? frame.kind, label: frame.part}
}

