/**
 * The comparison model: a JSON-safe description of how two versions of an
 * act differ, provision by provision, with a word-level redline inside each
 * and, where known, the amendment that caused each change. Renderers
 * (Markdown, HTML, Word, JSON) read only this model. Spec: docs/comparison.md.
 */
import type {ProvenanceSource, ProvisionType} from '@redlex/tree'

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
  /**
   * Set on a `removed`/`added` pair that differs only in form, not words:
   * `layout` (whitespace, non-breaking spaces, quote or hyphen style) or
   * `renumbering` (a reference updated to a renumbered provision, when
   * `showRenumbering` is false). Renderers may show such a pair as the added
   * value in plain text; the pair is kept so both texts stay reconstructible.
   */
  formal?: 'layout' | 'renumbering'
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
  /** The text it comes from beyond the ISC (an EP amendment, a corrigendum…), from the change log's provenance. */
  source?: ProvenanceSource
  /**
   * Set when the change is a consequence of this amendment, not its content:
   * a unit renumbered, or a reference rewritten to follow a renumbering,
   * because the amendment inserted, deleted or moved units before it. Such a
   * cause follows the cause of the step that made the change (`#renumber`).
   */
  consequence?: true
}

/** A footnote on one side of a change: its marker, its text, and where the marker stands. */
export interface NoteSide {
  /** The marker printed in the text (`1`, `*`). */
  marker: string
  /** The note's plain text (footnotes inside a footnote are left out). */
  text: string
  /**
   * Where the marker stands: an offset (UTF-16 units) into the side's text —
   * the provision's own `text` (its blocks joined by `\n`), its `heading`
   * when the change's `place` is `heading`, or a frame block's text. The
   * marker follows the character before that offset.
   */
  at: number
}

/**
 * What happened to one footnote of a provision (or frame block). Notes are
 * paired in order: equal texts first, then the leftovers between them one to
 * one. A note whose text changed is `modified` with the redline in `diff`;
 * one whose text is the same but whose marker changed (footnotes numbered
 * through the act move when one is added earlier) is `renumbered`, which is
 * not a change of the provision.
 */
export interface NoteChange {
  status: 'unchanged' | 'modified' | 'inserted' | 'deleted' | 'renumbered'
  /** Set when the marker stands in the provision's heading (else in its text). */
  place?: 'heading'
  before?: NoteSide
  after?: NoteSide
  /** Redline of the note's text (same rules as a provision's `diff`). */
  diff: Segment[]
  /** Set when the note's redline search gave up: `diff` is a whole replacement. */
  fallback?: 'replaced'
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
  /**
   * Reconstruction data: the index, among the entries of this version's
   * plain text (`textOf(document)`: one entry per number/heading line, text
   * block or table row), of the provision's number/heading line. Present when
   * the provision has a number or heading.
   */
  seq?: number
  /** Reconstruction data: for each block of `text`, `[entry index, length in UTF-16 units]`. */
  blocks?: Array<[number, number]>
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
  /** Set when the redline search reached its work limit: the diff is a whole replacement. */
  fallback?: 'replaced'
  /**
   * The footnotes of the provision's own text and heading, both versions,
   * in order of their markers (absent when neither side has any). A note
   * inserted, deleted or modified makes the provision `modified`.
   */
  notes?: NoteChange[]
  /** Amendments that caused this change, when known; absent when unknown (never guessed). */
  causes?: Cause[]
  /**
   * For `modified` (and the `modified` flag): set when the provision's own
   * number, heading and text are unchanged and only its sub-provisions changed.
   */
  within?: true
  /** Word counts of the own-text redline: tokens kept, removed and added (formal pairs count as kept). */
  tokens?: {common: number; removed: number; added: number}
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
  /** For formulas: `actingEntity`, `enactingFormula`, `bindingForce`, `doneAt`. */
  name?: string
  /** Footnotes of the block, as for provisions (offsets into the block's text). */
  notes?: NoteChange[]
  /** Reconstruction data: entry index in the first version's plain text (absent for text `textOf` leaves out, such as `Whereas:`). */
  beforeSeq?: number
  /** Reconstruction data: entry index in the second version's plain text. */
  afterSeq?: number
}

/** Identifies one of the compared versions. */
export interface VersionInfo {
  /** A name for the version (`pre-ISC`, a file name…). */
  name: string
  /** The document's title (its title lines joined). */
  title: string
}

export type StatusCounts = Record<ChangeStatus, number>

/**
 * The version of the comparison's JSON form, published as
 * `@redlex/compare/schema/comparison.schema.json`. Bumped on every breaking
 * change (a field removed, renamed or retyped, or a new required field) and
 * listed in CHANGELOG.md; a new optional field does not bump it.
 */
export const COMPARISON_SCHEMA_VERSION = 1

/** The whole comparison. */
export interface Comparison {
  type: 'comparison'
  /** The version of this JSON form (`COMPARISON_SCHEMA_VERSION`), for scripts that read it. */
  schemaVersion: typeof COMPARISON_SCHEMA_VERSION
  before: VersionInfo
  after: VersionInfo
  /** The ISC this comparison documents, when one was given: the consultation as renderers show it. */
  isc?: Consultation
  /**
   * Number of provisions per status, every level counted: the entries of
   * `changes` at any depth, one each. `modified` includes the containers
   * that changed only within their sub-provisions (`within: true`); `within`
   * says how many those are, for a list that shows only own changes.
   */
  summary: StatusCounts
  /** How many of `summary.modified` changed only within their sub-provisions (`within: true`). */
  within?: number
  /** The same counts per kind of provision (`article`, `paragraph`, `point`…). */
  levels?: Partial<Record<ProvisionType, StatusCounts>>
  /** Word counts over every own-text and heading redline: tokens kept, removed and added. */
  tokens?: {common: number; removed: number; added: number}
  /** Redlines (provisions, headings, frame blocks, notes) whose search reached a work limit and fell back to a whole replacement. */
  fallbacks?: number
  /** Number of entries in each version's plain text (for reconstruction checks). */
  entries?: {before: number; after: number}
  /** Title, formulas, signatures. */
  frame: FrameChange[]
  /** Top-level provisions: citations, recitals, divisions/articles, annexes, in document order. */
  changes: ProvisionChange[]
}

// ---------------------------------------------------------------------------
// Inputs and reports of compareDocuments / verify

/** One effect of an amendment on a provision (eIds in the first and second version). */
/** The change log of an amendment run (written by @redlex/amend), defined in @redlex/tree. */
export type {ChangeEffect, ChangeLogEntry} from '@redlex/tree'
import type {ChangeEffect, ChangeLogEntry} from '@redlex/tree'

/**
 * The ISC a comparison documents. An ISC record (`@redlex/isc`) can be
 * passed as it is: the comparison keeps what a reader needs (see
 * `Consultation`), with each conclusion's amendments reduced to their ids.
 */
export interface IscInfo {
  reference: string
  date?: string
  title?: string
  procedure?: string
  fastTrackAuthorised?: string
  chair?: ConsultationChair
  leadServices?: readonly string[]
  services?: ReadonlyArray<ConsultationService>
  /** The conclusions: cause texts, and the consultation section of the outputs. */
  conclusions?: ReadonlyArray<{
    id: string
    text: string
    requestedBy?: string | readonly string[]
    note?: string
    amendments?: ReadonlyArray<string | {id: string}>
  }>
  pointsForPoliticalLevel?: ReadonlyArray<{text: string; conclusions?: readonly string[]}>
  approvalDate?: string
  note?: string
}

/** Who chaired the consultation meeting. */
export interface ConsultationChair {
  name: string
  service?: string
  role?: string
}

/** A consulted service: its opinion and written comments (`redacted` when the record blacks them out). */
export interface ConsultationService {
  service: string
  /** `positive`, `positive-with-comments`, `negative`, `no-reply` or `unknown` (not readable in the source). */
  opinion: string
  /** `about`: the eId (in the first version) or topic a comment is about. */
  comments?: ReadonlyArray<{text?: string; redacted?: boolean; about?: string}>
  note?: string
}

/** One conclusion of the consultation, with the ids of the amendments that implement it. */
export interface ConsultationConclusion {
  id: string
  text: string
  requestedBy?: string[]
  note?: string
  /** Ids of the amendments that implement it (none: no change to the text). */
  amendments: string[]
}

/**
 * The consultation as a comparison carries it (`Comparison.isc`): what the
 * outputs show in their consultation section. Spec: docs/isc.md.
 */
export interface Consultation {
  reference: string
  title?: string
  /** The meeting (or launch) date, ISO `YYYY-MM-DD`. */
  date?: string
  /** `normal` or `fast-track`. */
  procedure?: string
  fastTrackAuthorised?: string
  chair?: ConsultationChair
  leadServices?: string[]
  services?: ConsultationService[]
  conclusions?: ConsultationConclusion[]
  pointsForPoliticalLevel?: Array<{text: string; conclusions?: string[]}>
  /** When the minutes were approved. */
  approvalDate?: string
  note?: string
}

export interface CompareOptions {
  /** Names of the two versions (default `before` and `after`). */
  names?: {before?: string; after?: string}
  /** The log of the amendment run that made the second version: gives each change its causes. */
  log?: readonly ChangeLogEntry[]
  /** The ISC record: reference, date and conclusion texts for the causes. */
  isc?: IscInfo
  /**
   * Show renumbering (default true): renumbered provisions get status
   * `renumbered` and updated references count as changes. When false, a
   * provision whose only change is its number is `unchanged`, and references
   * updated for renumbering are marked `formal: 'renumbering'`.
   */
  showRenumbering?: boolean
  /**
   * Most search steps the word redline of one provision may take before it
   * falls back to a whole replacement (default 2^24, `REDLINE_STEPS`). A
   * work limit: results depend on the input only. See docs/comparison.md.
   */
  maxRedlineSteps?: number
  /**
   * Most search steps all redlines of the comparison may take together
   * (default 2^26 plus 64 per character of both versions). Once spent, the
   * remaining redlines that need a search fall back.
   */
  maxComparisonSteps?: number
  /** Largest edit distance, in tokens, the word redline of one provision may consider (default: no limit). */
  maxEditLength?: number
  /**
   * Opt-in, for interactive use: milliseconds the word redline of one
   * provision may take before it falls back (default: none). With it, the
   * result depends on the machine's load — the same input may give
   * different redlines; without it no clock is read.
   */
  timeBudgetMs?: number
  /** Old eId → new eId, known from amendment runs (e.g. `assignEids` renames): such pairs always match. */
  renames?: Readonly<Record<string, string>>
}

/** A change as `verify` reports it. */
export interface ChangeRef {
  status: ChangeStatus | FrameChange['status']
  modified?: boolean
  kind: string
  /** Citation label (`Article 3(2)`), or the frame part for text outside provisions. */
  label: string
  before?: string
  after?: string
  /**
   * For an unexplained change: the words no amendment explains, as runs
   * removed and/or added (`{removed: 'Certain', added: 'Some'}`); a number
   * changed by hand is a run too, a footnote's words carry its marker.
   */
  words?: WordChange[]
  /**
   * For a change explained only in part (a hand edit in a renumbered or
   * amended provision): the amendments that explain the rest of it; `words`
   * are then only the words none of them explains. Each change is listed
   * once, in `explained` or in `unexplained`.
   */
  explainedBy?: string[]
}

/** One run of words a change removed and/or added. */
export interface WordChange {
  removed?: string
  added?: string
}

export interface VerifyOptions extends CompareOptions {
  /** The amendments' log (required: it is what is verified). */
  log: readonly ChangeLogEntry[]
}

/** What `verify` found. */
export interface VerifyReport {
  /** True when every change is explained and every amendment is reflected. */
  ok: boolean
  /** Changes explained by amendments, with their ids. */
  explained: Array<{change: ChangeRef; amendments: string[]}>
  /** Changes no amendment explains. */
  unexplained: ChangeRef[]
  /** Amendments with an effect that the second version does not show. */
  unreflected: Array<{amendment: string; conclusion?: string; description: string; effects: ChangeEffect[]}>
  counts: {
    changes: number
    explained: number
    unexplained: number
    amendments: number
    reflected: number
    unreflected: number
  }
  /** The comparison verified (with causes). */
  comparison: Comparison
}
