/**
 * The comparison model: a JSON-safe description of how two versions of an
 * act differ, provision by provision, with a word-level redline inside each
 * and, where known, the amendment that caused each change. Renderers
 * (Markdown, HTML, Word, JSON) read only this model. Spec: docs/comparison.md.
 */
import type {ProvisionType} from '@redlex/tree'

/** How a provision fared between the two versions. */
export type ChangeStatus = 'unchanged' | 'modified' | 'inserted' | 'deleted' | 'moved' | 'renumbered'

/**
 * One run of text in a redline, in the shape of jsdiff's change objects:
 * common text has neither flag; `removed` text is only in the first version,
 * `added` text only in the second.
 */
export interface Segment {
  value: string
  added?: true
  removed?: true
}

/** Why a change was made, when the second version came from amendments. */
export interface Cause {
  /** The amendment's `id`. */
  amendment: string
  /** The amendment's `type` (e.g. `sunset`, `placeholder`). */
  type?: string
  /** The ISC conclusion it implements (id). */
  conclusion?: string
  /** The conclusion's text, when an ISC record was given. */
  conclusionText?: string
  /** The services that asked for it (`SJ`, `HOME`…). */
  services?: string[]
  note?: string
}

/** One side of a provision change. */
export interface ProvisionSide {
  eId: string
  /** EU citation label, e.g. `Article 3(2), point (a)`. */
  label: string
  /** Printed number (`Article 3`, `2.`, `(a)`), if any. */
  num?: string
  /** Heading text (articles, divisions, annexes), if any. */
  heading?: string
  /** The provision's own text (not its sub-provisions), blocks joined by `\n`. */
  text: string
}

/** What happened to one provision; nested like the documents. */
export interface ProvisionChange {
  status: ChangeStatus
  /** For `moved` and `renumbered`: the content changed too. */
  modified?: boolean
  /** The unit's type (`article`, `paragraph`, `point`…). */
  kind: ProvisionType
  before?: ProvisionSide
  after?: ProvisionSide
  /** Redline of the heading, when either side has one. */
  heading?: Segment[]
  /** Redline of the own text: joining the non-`added` values gives `before.text`, the non-`removed` values `after.text`. */
  diff: Segment[]
  /** Set when the time budget ran out: the diff is a whole replacement. */
  fallback?: 'replaced'
  /** Amendments that caused this change, when known; absent when unknown (never guessed). */
  causes?: Cause[]
  /** Sub-provisions, in the order of the second version (deleted ones where they stood). */
  children: ProvisionChange[]
}

/** Text outside provisions (title lines, formulas, `Done at`, signatures): compared as blocks. */
export interface FrameChange {
  /** Where it sits: `preface`, `preamble`, `conclusions`. */
  part: 'preface' | 'preamble' | 'conclusions'
  /** The node type (`docType`, `formula`, `signature`…). */
  kind: string
  status: 'unchanged' | 'modified' | 'inserted' | 'deleted'
  diff: Segment[]
}

/** Identifies one of the compared versions. */
export interface VersionInfo {
  /** A name for the version (`pre-ISC`, a file name…). */
  name: string
  /** The document's title (its title lines joined). */
  title: string
}

export type StatusCounts = Record<ChangeStatus, number>

/** The whole comparison. */
export interface Comparison {
  type: 'comparison'
  before: VersionInfo
  after: VersionInfo
  /** The ISC this comparison documents, when one was given. */
  isc?: {reference: string; date?: string; title?: string}
  /** Number of provisions per status (every level counted). */
  summary: StatusCounts
  /** Title, formulas, signatures. */
  frame: FrameChange[]
  /** Top-level provisions: citations, recitals, divisions/articles, annexes, in document order. */
  changes: ProvisionChange[]
}
