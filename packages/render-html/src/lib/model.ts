/**
 * What the HTML sections are built from: the entries to show (changed
 * provisions, in document order, each with its place in the act), the
 * frame lines, and the links between changes and the consultation.
 */
import type {Comparison, FrameChange, ProvisionChange, ServiceComment, VersionNames} from '@redlex/compare'
import {causeGroups, changedItself, commentsByChange, documentOrder} from '@redlex/compare'

/** One shown provision change. */
export interface Entry {
  change: ProvisionChange
  /** Anchor of its block in the inline view. */
  id: string
  /** Anchor of its row in the before | after table. */
  sideId: string
  /** Inserted or deleted sub-provisions shown inside this entry. */
  nested: Array<{change: ProvisionChange; level: number}>
  /** The group it is listed under in the contents (a top-level division, `Recitals`, an annex…). */
  group: Group
  /** The article (or other top unit) it belongs to, when it is inside one. */
  unit: ProvisionChange | undefined
  /** Conclusions behind it (their ids). */
  conclusions: string[]
  comments: ServiceComment[]
}

/** A group of the contents. */
export interface Group {
  key: string
  label: string
  entries: Entry[]
}

export interface Model {
  comparison: Comparison
  names: VersionNames
  unchanged: boolean
  formal: boolean
  entries: Entry[]
  frames: FrameChange[]
  groups: Group[]
  /** Unchanged provisions not shown. */
  hidden: number
  /** Every conclusion id a filter is offered for, in the record's order: its CSS index is its position + 1. */
  conclusions: string[]
}

/** An `id` from a counter and an eId: letters, digits, `_` and `-` only. */
export const anchor = (prefix: string, n: number, eId: string | undefined): string =>
  `${prefix}${n}${eId ? '-' + eId.replace(/[^A-Za-z0-9_-]/g, '-') : ''}`

/** An inserted (deleted) child of an inserted (deleted) provision is shown inside its parent's entry. */
const sameStatusChild = (parent: ProvisionChange, child: ProvisionChange): boolean =>
  (parent.status === 'inserted' || parent.status === 'deleted') && child.status === parent.status

/** Collect what to show, in document order. */
export function modelOf(comparison: Comparison, unchanged: boolean, formal: boolean): Model {
  const names = {before: comparison.before.name, after: comparison.after.name}
  const comments = commentsByChange(comparison)
  const entries: Entry[] = []
  const frames: FrameChange[] = []
  const groups = new Map<string, Group>()
  let hidden = 0
  const visit = (change: ProvisionChange, top: ProvisionChange, unit: ProvisionChange | undefined): void => {
    const here =
      unit ??
      (change.kind === 'article' || change.kind === 'recital' || change.kind === 'citation' || change.kind === 'annex'
        ? change
        : undefined)
    if (!changedItself(change) && !unchanged && !comments.has(change)) {
      if (change.status === 'unchanged') hidden++
      for (const child of change.children) visit(child, top, here)
      return
    }
    const n = entries.length + 1
    const eId = change.after?.eId ?? change.before?.eId
    const group = groupOf(groups, top, names)
    const entry: Entry = {
      change,
      id: anchor('c', n, eId),
      sideId: anchor('s', n, eId),
      nested: [],
      group,
      unit: here,
      conclusions: [],
      comments: comments.get(change) ?? []
    }
    nest(change, 1, entry.nested)
    entry.conclusions = [
      ...new Set(
        [change, ...entry.nested.map((x) => x.change)].flatMap((c) =>
          causeGroups(c.causes).flatMap((g) => (g.conclusion !== undefined ? [g.conclusion] : []))
        )
      )
    ]
    entries.push(entry)
    group.entries.push(entry)
    for (const child of change.children) if (!sameStatusChild(change, child)) visit(child, top, here)
  }
  for (const item of documentOrder(comparison)) {
    if (item.type === 'frame') {
      if (unchanged || item.frame.status !== 'unchanged') frames.push(item.frame)
    } else visit(item.change, item.change, undefined)
  }
  const known = (comparison.isc?.conclusions ?? []).map((c) => c.id)
  const conclusions = [...known, ...new Set(entries.flatMap((e) => e.conclusions).filter((id) => !known.includes(id)))]
  return {
    comparison,
    names,
    unchanged,
    formal,
    entries,
    frames,
    groups: [...groups.values()].filter((g) => g.entries.length > 0),
    hidden,
    conclusions
  }
}

function nest(change: ProvisionChange, level: number, into: Entry['nested']): void {
  for (const child of change.children) {
    if (!sameStatusChild(change, child)) continue
    into.push({change: child, level})
    nest(child, level + 1, into)
  }
}

/** The contents group of a top-level provision: citations and recitals together, each division, annex or loose article on its own. */
function groupOf(groups: Map<string, Group>, top: ProvisionChange, names: VersionNames): Group {
  const key =
    top.kind === 'citation'
      ? 'citations'
      : top.kind === 'recital'
        ? 'recitals'
        : top.kind === 'article'
          ? 'articles'
          : `${top.kind}:${(top.after ?? top.before)!.eId}`
  let group = groups.get(key)
  if (!group) {
    const side = top.after ?? top.before
    const label =
      key === 'citations'
        ? 'Citations'
        : key === 'recitals'
          ? 'Recitals'
          : key === 'articles'
            ? 'Articles'
            : `${top.after ? side!.label : `${side!.label} (${names.before})`}${side?.heading ? ` — ${side.heading}` : ''}`
    group = {key, label, entries: []}
    groups.set(key, group)
  }
  return group
}
