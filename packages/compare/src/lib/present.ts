/**
 * Presenting a comparison: the words for a change (its status as a reader
 * says it, its label, the author a cause stands for, the sides of a
 * redline) and the document order of its items. Shared by the renderers so
 * that Markdown, HTML and Word say the same things in the same order.
 */
import {provenanceLabel} from '@redlex/tree'
import type {Cause, Comparison, FrameChange, NoteChange, ProvisionChange, Segment} from './types.js'

/** Names of the two versions, for labels that say whose numbering they use. */
export interface VersionNames {
  before: string
  after: string
}

/**
 * The label of a change: the second version's label, or the first's for
 * deletions. With `names`, a label in the first version's numbering says so
 * (`Article 4 (pre-ISC draft)`); labels without a suffix use the second's.
 */
export function labelOf(change: ProvisionChange, names?: VersionNames): string {
  if (change.after) return change.after.label
  if (change.before) return names ? `${change.before.label} (${names.before})` : change.before.label
  return change.kind
}

/**
 * The status in words: `modified`, `changed within`, `moved from Article 4,
 * point (b), modified`… With `names`, the old place says whose numbering it
 * is in (`renumbered from Article 2 of the pre-ISC draft`).
 */
export function statusText(change: ProvisionChange, names?: VersionNames): string {
  const from = `${change.before?.label ?? '?'}${names ? ` of the ${names.before}` : ''}`
  const plus = change.modified ? ', modified' : ''
  switch (change.status) {
    case 'modified':
      return change.within ? 'changed within' : 'modified'
    case 'moved':
      return `moved from ${from}${plus}`
    case 'renumbered':
      return `renumbered from ${from}${plus}`
    default:
      return change.status
  }
}

/** True when the provision's own number, heading or text changed (not only its sub-provisions). */
export function changedItself(change: ProvisionChange): boolean {
  if (change.status === 'unchanged') return false
  if (change.status === 'modified' && change.within) return false
  return true
}

/** True when the provision or anything below it changed. */
export function changedAnywhere(change: ProvisionChange): boolean {
  return change.status !== 'unchanged' || change.children.some(changedAnywhere)
}

/** The frame item's name in words: `Title: stage`, `Formula: Done at`, `Signature`. */
export function frameLabel(frame: FrameChange): string {
  const what =
    FRAME_WORDS[frame.name ?? ''] ??
    FRAME_WORDS[frame.kind] ??
    frame.kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return `${FRAME_PARTS[frame.part]}: ${what}`
}

const FRAME_PARTS: Readonly<Record<FrameChange['part'], string>> = {
  preface: 'Title',
  preamble: 'Preamble',
  conclusions: 'Closing'
}

/** Reader's words for frame kinds and formula names (the AKN names stay in the JSON). */
const FRAME_WORDS: Readonly<Record<string, string>> = {
  docStage: 'stage',
  docType: 'type of act',
  docDate: 'date',
  docPurpose: 'subject',
  docNote: 'note',
  docNumber: 'number',
  docProponent: 'proposing institution',
  longTitle: 'title',
  actingEntity: 'acting institution',
  enactingFormula: 'enacting formula',
  bindingForce: 'binding-force clause',
  doneAt: '"Done at" line',
  recitalsIntro: '"Whereas:"',
  formula: 'formula',
  signature: 'signature'
}

/** The text of one side of a redline: the first (`before`) or second (`after`) version. */
export function sideText(segments: readonly Segment[], which: 'before' | 'after'): string {
  let out = ''
  for (const s of segments) if (which === 'before' ? !s.added : !s.removed) out += s.value
  return out
}

/** The segments with formal pairs folded into common text (the added value), unless `keep`. */
export function foldFormal(segments: readonly Segment[], keep: boolean): Segment[] {
  if (keep) return [...segments]
  const out: Segment[] = []
  for (const s of segments) {
    if (s.formal && s.removed) continue
    const value = s.formal && s.added ? {value: s.value} : s
    const last = out[out.length - 1]
    if (last && !last.added && !last.removed && !value.added && !value.removed) {
      out[out.length - 1] = {value: last.value + value.value}
    } else out.push(value)
  }
  return out
}

/**
 * Who asked for a change, for tracked-change authors: the services of its
 * causes (`SJ, HOME`), else `Conclusion C4`, else the source text's name
 * (`EP amendment 200`), else `undefined`.
 */
export function causeAuthor(causes: readonly Cause[] | undefined): string | undefined {
  if (!causes || causes.length === 0) return undefined
  const services = [...new Set(causes.flatMap((c) => c.services ?? []))]
  if (services.length > 0) return services.join(', ')
  const conclusions = [...new Set(causes.flatMap((c) => (c.conclusion ? [c.conclusion] : [])))]
  if (conclusions.length > 0) return `Conclusion ${conclusions.join(', ')}`
  // The source text's own name (`EP amendment 200`), for amendments from outside the ISC.
  const sources = [...new Set(causes.flatMap((c) => (c.source ? [provenanceLabel({source: c.source})!] : [])))]
  if (sources.length > 0) return sources.join(', ')
  return undefined
}

/**
 * The parts of a cause in words: `amendment` (`a1 (substitute)`, or
 * `renumbering` for the renumbering run, whose internal id is not shown),
 * conclusion id, services, conclusion text, note.
 */
export function causeParts(cause: Cause): {
  amendment: string
  conclusion?: string
  services?: string
  text?: string
  note?: string
} {
  const out: {amendment: string; conclusion?: string; services?: string; text?: string; note?: string} = {
    amendment: amendmentName(cause)
  }
  if (cause.conclusion) out.conclusion = cause.conclusion
  if (cause.services && cause.services.length > 0) out.services = cause.services.join(', ')
  if (cause.conclusionText) out.text = cause.conclusionText
  if (cause.note) out.note = cause.note
  return out
}

/**
 * `Amendment a1 (substitute)`; an amendment whose provenance names a
 * numbered source is named as that source numbers it (`EP amendment 200`);
 * a step redlex added itself (id starting `#`, e.g. `#renumber`) is named by
 * its type: `Renumbering`.
 */
export function amendmentName(cause: Pick<Cause, 'amendment' | 'type' | 'source'>): string {
  // An amendment from a numbered text is named as that text numbers it: `EP amendment 200`.
  if (cause.source?.number !== undefined) return provenanceLabel({source: cause.source})!
  if (cause.amendment.startsWith('#'))
    return cause.type === 'renumber' || cause.amendment === '#renumber'
      ? 'Renumbering'
      : `Step ${cause.type ?? cause.amendment.slice(1)}`
  return `Amendment ${cause.amendment}${cause.type ? ` (${cause.type})` : ''}`
}

// --- Document order ---------------------------------------------------------

/** One top-level item of a comparison, in document order. */
export type OrderedItem = {type: 'frame'; frame: FrameChange} | {type: 'provision'; change: ProvisionChange}

/** The frame and the top-level provision changes of `comparison`, interleaved in document order. */
export function documentOrder(comparison: Comparison): OrderedItem[] {
  // Slots: 0 preface, 1 acting entity, 2 citations, 3 other preamble lines
  // (`Whereas:`), 4 recitals, 5 enacting formula, 6 body, 7 conclusions, 8 annexes.
  const slots: OrderedItem[][] = Array.from({length: 9}, () => [])
  for (const frame of comparison.frame) {
    const slot =
      frame.part === 'preface'
        ? 0
        : frame.part === 'conclusions'
          ? 7
          : frame.name === 'actingEntity'
            ? 1
            : frame.name === 'enactingFormula'
              ? 5
              : 3
    slots[slot]!.push({type: 'frame', frame})
  }
  for (const change of comparison.changes) {
    const slot = change.kind === 'citation' ? 2 : change.kind === 'recital' ? 4 : change.kind === 'annex' ? 8 : 6
    slots[slot]!.push({type: 'provision', change})
  }
  return slots.flat()
}

// --- Footnotes in a redline ---------------------------------------------------

/** A piece of a redline with its footnote markers: a run of text, or the marker of a note. */
export type NotedItem = {type: 'segment'; segment: Segment} | {type: 'note'; note: NoteChange}

/**
 * A redline (`change.diff`, or `change.heading` with `place` `heading`) with
 * the markers of its footnotes (`change.notes`) placed in it: segments are
 * split where a marker stands. A note present in the second version is
 * placed by its offset there (`after.at`), a deleted one by its offset in the
 * first version; a marker goes at the first point of the redline where its
 * offset is reached. Every note of the place is returned exactly once.
 */
export function withNotes(
  segments: readonly Segment[],
  notes: readonly NoteChange[] | undefined,
  place?: 'heading'
): NotedItem[] {
  const anchors = (side: 'before' | 'after'): Array<{at: number; note: NoteChange}> =>
    (notes ?? [])
      .filter(
        (note) =>
          note.place === place &&
          (side === 'after' ? note.after !== undefined : note.after === undefined && note.before !== undefined)
      )
      .map((note) => ({at: note[side]!.at, note}))
      .sort((x, y) => x.at - y.at)
  const onBefore = anchors('before')
  const onAfter = anchors('after')
  let nextBefore = 0
  let nextAfter = 0
  let b = 0
  let a = 0
  const out: NotedItem[] = []
  const emit = (): void => {
    while (nextBefore < onBefore.length && onBefore[nextBefore]!.at <= b)
      out.push({type: 'note', note: onBefore[nextBefore++]!.note})
    while (nextAfter < onAfter.length && onAfter[nextAfter]!.at <= a)
      out.push({type: 'note', note: onAfter[nextAfter++]!.note})
  }
  for (const segment of segments) {
    let rest = segment.value
    for (;;) {
      emit()
      // The next marker inside this segment, on a side the segment belongs to.
      let cut = rest.length
      if (!segment.added && nextBefore < onBefore.length) cut = Math.min(cut, onBefore[nextBefore]!.at - b)
      if (!segment.removed && nextAfter < onAfter.length) cut = Math.min(cut, onAfter[nextAfter]!.at - a)
      if (cut <= 0 || cut >= rest.length) break
      out.push({type: 'segment', segment: {...segment, value: rest.slice(0, cut)}})
      if (!segment.added) b += cut
      if (!segment.removed) a += cut
      rest = rest.slice(cut)
    }
    if (rest !== '') out.push({type: 'segment', segment: {...segment, value: rest}})
    if (!segment.added) b += rest.length
    if (!segment.removed) a += rest.length
  }
  emit()
  // Offsets past the end (a model edited by hand): the markers go last.
  while (nextBefore < onBefore.length) out.push({type: 'note', note: onBefore[nextBefore++]!.note})
  while (nextAfter < onAfter.length) out.push({type: 'note', note: onAfter[nextAfter++]!.note})
  return out
}

/** The causes of one change that share a conclusion (or, without one, an amendment). */
export interface CauseGroup {
  conclusion?: string
  /** The conclusion's text, once. */
  text?: string
  /** The services that asked, in order of first mention. */
  services: string[]
  /** The amendments, as `amendmentName` says them. */
  amendments: string[]
  notes: string[]
}

/**
 * The causes of a change grouped by conclusion, so that a conclusion and its
 * text are said once however many of its amendments touched the provision.
 */
export function causeGroups(causes: readonly Cause[] | undefined): CauseGroup[] {
  const groups = new Map<string, CauseGroup>()
  for (const cause of causes ?? []) {
    const key =
      cause.conclusion !== undefined
        ? `c:${cause.conclusion}`
        : cause.source?.number !== undefined
          ? `s:${amendmentName(cause)}`
          : `a:${cause.amendment}`
    let group = groups.get(key)
    if (!group) {
      group = {services: [], amendments: [], notes: []}
      if (cause.conclusion !== undefined) group.conclusion = cause.conclusion
      groups.set(key, group)
    }
    if (cause.conclusionText !== undefined) group.text ??= cause.conclusionText
    for (const service of cause.services ?? []) if (!group.services.includes(service)) group.services.push(service)
    // A consequence (numbers moved by the amendment) says so: the amendment did not write these words.
    const name = cause.consequence ? `consequence of ${amendmentName(cause)}` : amendmentName(cause)
    if (!group.amendments.includes(name)) group.amendments.push(name)
    // A step redlex ran itself (`#renumber`) is named by `amendmentName`; its note only repeats it.
    if (cause.note !== undefined && !cause.amendment.startsWith('#') && !group.notes.includes(cause.note))
      group.notes.push(cause.note)
  }
  return [...groups.values()]
}
