/**
 * `verify`: check a hand-edited second version against the amendments that
 * were meant to produce it. Every change between the versions should be
 * explained by an amendment, and every amendment should show in the text.
 *
 * At word level: each effect of the log records the text the amendment run
 * left in its provision (`ChangeEffect.text`). A provision an amendment (or
 * the renumbering) touched must read exactly that — the amendment explains
 * the words it changed, the renumbering the numbers and references it
 * rewrote, nothing else; any other word is unexplained, reported with the
 * provision and the words. A provision no effect touched must not change.
 */
import {citationLabel, indexByEid, textOf} from '@redlex/tree'
import type {Document} from '@redlex/tree'
import {covers, entriesFor, entriesForFrame, ownChanges} from './causes.js'
import {compareDocuments} from './compare.js'
import {diffText} from './legal-diff.js'
import type {
  ChangeEffect,
  ChangeLogEntry,
  ChangeRef,
  FrameChange,
  ProvisionChange,
  Segment,
  VerifyOptions,
  VerifyReport,
  WordChange
} from './types.js'

/** Compare `before` with `after` and say which changes the log explains and which amendments are missing. */
export function verify(before: Document, after: Document, options: Readonly<VerifyOptions>): VerifyReport {
  const comparison = compareDocuments(before, after, options)
  const log = options.log
  const explained: VerifyReport['explained'] = []
  const unexplained: ChangeRef[] = []
  const own: ProvisionChange[] = []
  const recorded = recordedTexts(log)
  const wordLevel = recorded.size > 0
  ownChanges(comparison.changes, (change) => own.push(change))
  // Words that differ from what the amendment run left, each placed at the one change that shows them.
  const edits = wordLevel ? handEdits(after, recorded, comparison.changes) : []
  const editOf = placeEdits(edits, own)
  for (const change of own) {
    const entries = entriesFor(change, log)
    const covered = wordLevel ? coveredByRecord(change, recorded, log) : entries.length > 0
    const amendments = entries.map((e) => e.amendment)
    const edit = editOf.get(change)
    if (!covered || entries.length === 0) unexplained.push({...refOf(change), words: wordsOfChange(change)})
    // Explained in part (a renumbered recital with a hand edit): listed once, as unexplained, with only the
    // words no amendment explains and the amendments that explain the rest.
    else if (edit) unexplained.push({...refOf(change), words: edit.words ?? [], explainedBy: amendments})
    else explained.push({change: refOf(change), amendments})
  }
  const placed = new Set(editOf.values())
  unexplained.push(...edits.filter((edit) => !placed.has(edit)))
  for (const frame of comparison.frame) {
    if (frame.status === 'unchanged') continue
    const entries = entriesForFrame(frame, log)
    if (entries.length > 0) explained.push({change: frameRef(frame), amendments: entries.map((e) => e.amendment)})
    else unexplained.push({...frameRef(frame), words: runs(frame.diff)})
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
      const item: VerifyReport['unreflected'][number] = {
        amendment: entry.amendment,
        description: entry.description,
        effects: missing
      }
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

/** eId in the second version → the text the amendment run left there (from the effects that record it). */
function recordedTexts(log: readonly ChangeLogEntry[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const entry of log) {
    for (const effect of entry.effects) {
      if (effect.after !== undefined && effect.text !== undefined) out.set(effect.after, effect.text)
    }
  }
  return out
}

/**
 * True when the change sits where the log says the run changed something: at
 * or inside a provision whose text it recorded (that text is then checked
 * word for word, `handEdits`), or a deletion of a provision it deleted.
 */
function coveredByRecord(
  change: ProvisionChange,
  recorded: ReadonlyMap<string, string>,
  log: readonly ChangeLogEntry[]
): boolean {
  if (change.after) {
    const eId = change.after.eId
    for (const target of recorded.keys()) if (covers(target, eId)) return true
    return false
  }
  const eId = change.before!.eId
  return log.some((entry) =>
    entry.effects.some(
      (effect) =>
        (effect.action === 'deleted' || effect.action === 'moved') &&
        effect.before !== undefined &&
        covers(effect.before, eId)
    )
  )
}

/**
 * The words of the second version that differ from what the amendment run
 * left: for each provision whose text the log recorded, the redline from
 * the recorded text to the actual one. A difference is reported at the
 * innermost recorded provision that shows it.
 */
function handEdits(
  after: Document,
  recorded: ReadonlyMap<string, string>,
  changes: readonly ProvisionChange[]
): ChangeRef[] {
  const nodes = indexByEid(after)
  const kinds = new Map<string, string>()
  const visit = (list: readonly ProvisionChange[]): void => {
    for (const change of list) {
      if (change.after) kinds.set(change.after.eId, change.status)
      visit(change.children)
    }
  }
  visit(changes)
  const differing = new Map<string, WordChange[]>()
  for (const [eId, expected] of recorded) {
    const node = nodes.get(eId)
    if (!node) continue // not there at all: the amendment is unreflected
    const actual = textOf(node, {notes: true})
    if (actual !== expected) differing.set(eId, runs(diffText(expected, actual).segments))
  }
  const out: ChangeRef[] = []
  // In document order (the index lists provisions as they stand), not in the log's order.
  for (const eId of nodes.keys()) {
    const words = differing.get(eId)
    if (!words) continue
    // An inner recorded provision that differs tells more precisely where.
    if ([...differing.keys()].some((other) => other !== eId && covers(eId, other))) continue
    const node = nodes.get(eId)!
    out.push({
      status: (kinds.get(eId) ?? 'modified') as ChangeRef['status'],
      kind: node.type,
      label: citationLabel(eId) || eId,
      after: eId,
      words
    })
  }
  return out
}

/**
 * The change each hand edit belongs to: the innermost change at or inside
 * the edited provision whose own words contain the edit's words (a hand edit
 * in paragraph 2 of a renumbered article belongs to paragraph 2), else the
 * change of the edited provision itself. An edit placed nowhere (its words
 * spread over several changes) stays on its own.
 */
function placeEdits(edits: readonly ChangeRef[], own: readonly ProvisionChange[]): Map<ProvisionChange, ChangeRef> {
  const out = new Map<ProvisionChange, ChangeRef>()
  for (const edit of edits) {
    const inside = own.filter((change) => change.after && covers(edit.after!, change.after.eId) && !out.has(change))
    const showing = inside
      .filter((change) => showsWords(wordsOfChange(change), edit.words ?? []))
      .sort((a, b) => b.after!.eId.length - a.after!.eId.length)
    const target = showing[0] ?? inside.find((change) => change.after!.eId === edit.after)
    if (target) out.set(target, edit)
  }
  return out
}

/** True when every run of `words` lies within a run of `shown` (removed in removed, added in added). */
function showsWords(shown: readonly WordChange[], words: readonly WordChange[]): boolean {
  return words.every((word) =>
    shown.some(
      (run) =>
        (word.removed === undefined || (run.removed ?? '').includes(word.removed)) &&
        (word.added === undefined || (run.added ?? '').includes(word.added))
    )
  )
}

/** The words a change removed and added: its number, heading, text and footnotes. */
function wordsOfChange(change: ProvisionChange): WordChange[] {
  const out: WordChange[] = []
  if (change.before?.num !== change.after?.num) {
    const run: WordChange = {}
    if (change.before?.num !== undefined) run.removed = change.before.num
    if (change.after?.num !== undefined) run.added = change.after.num
    out.push(run)
  }
  out.push(...runs(change.heading ?? []), ...runs(change.diff))
  for (const note of change.notes ?? []) {
    if (note.status === 'unchanged' || note.status === 'renumbered') continue
    const marker = (note.after ?? note.before)!.marker
    for (const run of runs(note.diff)) {
      const noted: WordChange = {}
      if (run.removed !== undefined) noted.removed = `[^${marker}] ${run.removed}`
      if (run.added !== undefined) noted.added = `[^${marker}] ${run.added}`
      out.push(noted)
    }
  }
  return out
}

/** The changed runs of a redline: each stretch of removed and added segments as one pair (form-only pairs left out). */
function runs(segments: readonly Segment[]): WordChange[] {
  const out: WordChange[] = []
  let run: WordChange | undefined
  for (const segment of segments) {
    if ((!segment.added && !segment.removed) || segment.formal) {
      run = undefined
      continue
    }
    run ??= out[out.push({}) - 1]!
    if (segment.removed) run.removed = (run.removed ?? '') + segment.value
    else run.added = (run.added ?? '') + segment.value
  }
  return out
    .map((r) => {
      const trimmed: WordChange = {}
      if (r.removed !== undefined && r.removed.trim() !== '') trimmed.removed = r.removed.trim()
      if (r.added !== undefined && r.added.trim() !== '') trimmed.added = r.added.trim()
      return trimmed
    })
    .filter((r) => r.removed !== undefined || r.added !== undefined)
}

/**
 * True when the comparison shows the effect: a change at the named provision,
 * inside it, or (for inserted and deleted provisions) around it, of a
 * compatible kind. A renumbering shows when the two eIds were aligned.
 */
function reflected(
  effect: ChangeEffect,
  own: readonly ProvisionChange[],
  pairs: ReadonlySet<string>,
  frames: readonly FrameChange[]
): boolean {
  if (frames.some((f) => f.part === effect.before || f.part === effect.after)) return true
  if (effect.action === 'renumbered' || effect.action === 'moved') {
    if (effect.before !== undefined && effect.after !== undefined && pairs.has(effect.before + ' ' + effect.after))
      return true
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
        return (
          change.status === 'inserted' ||
          change.status === 'moved' ||
          (change.status !== 'deleted' &&
            effect.after !== undefined &&
            change.after !== undefined &&
            effect.after !== change.after.eId)
        )
      case 'deleted':
        return (
          change.status === 'deleted' ||
          change.status === 'moved' ||
          (change.status !== 'inserted' &&
            effect.before !== undefined &&
            change.before !== undefined &&
            effect.before !== change.before.eId)
        )
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
