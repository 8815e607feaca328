/**
 * Amendments: plain JSON/YAML data, a discriminated union on `type`. Every
 * target is an eId of the BASE text (the text the services saw); the runner
 * maps it through the changes made by the amendments before it. Spec:
 * docs/amendments.md.
 */
import type {Document, Inline, Provision, ProvisionType} from '@redlex/tree'

/** Where an amendment comes from. */
export type {Provenance} from '@redlex/tree'
import type {Provenance} from '@redlex/tree'

/**
 * A place in the tree: next to a provision, or first/last among a parent's
 * units. Besides eIds, `recitals`, `citations` and `body` name those containers.
 */
export type At = {before: string} | {after: string} | {firstChildOf: string} | {lastChildOf: string}

/** Fields every amendment has. */
export interface AmendmentBase {
  /** Unique in its list. */
  id: string
  type: string
  provenance?: Provenance
}

/** Provision kinds a provision can be moved into (`as`). */
export type UnitKind = 'article' | 'paragraph' | 'subparagraph' | 'point' | 'indent' | 'recital'

/** Replace a whole provision (content as tree JSON, or a Markdown snippet). */
export interface ReplaceAmendment extends AmendmentBase {
  type: 'replace'
  target: string
  content?: Provision
  markdown?: string
}

/** Insert new provisions. Numbered units get their number from the policy unless `numbering: keep`. */
export interface InsertAmendment extends AmendmentBase {
  type: 'insert'
  at: At
  content?: Provision[]
  markdown?: string
  numbering?: 'auto' | 'keep'
}

/** Delete a provision. */
export interface DeleteAmendment extends AmendmentBase {
  type: 'delete'
  target: string
}

/**
 * Move a provision (or, with `text`, one sentence of its text) to another
 * place, optionally as another kind of unit (`as: recital`).
 */
export interface MoveAmendment extends AmendmentBase {
  type: 'move'
  target: string
  to: At
  as?: UnitKind
  text?: string
  occurrence?: number
  /** The printed number at the new place (default: given by the policy). */
  num?: string
}

/** Set the printed number (`Article 5`, `(c)`). */
export interface SetNumAmendment extends AmendmentBase {
  type: 'setNum'
  target: string
  num: string
}

/** Set or remove (`null`) the heading of an article, division or annex. */
export interface SetHeadingAmendment extends AmendmentBase {
  type: 'setHeading'
  target: string
  heading: string | Inline[] | null
}

/**
 * Replace quoted text inside a provision's own text; or, when `target` is a
 * scope (a provision with units inside it, such as an article with
 * paragraphs or a chapter; `recitals`, `citations`, `body`, or `act` for the
 * whole act), the same words wherever they stand in it: whole words, either
 * case of the first letter (the replacement takes the case it replaces).
 */
export interface SubstituteAmendment extends AmendmentBase {
  type: 'substitute'
  target: string
  text: string
  by: string
  occurrence?: number | 'all'
}

/** Insert text before or after a quoted anchor. */
export interface InsertTextAmendment extends AmendmentBase {
  type: 'insertText'
  target: string
  anchor: string
  position: 'before' | 'after'
  text: string
  occurrence?: number
}

/** Delete quoted text. */
export interface DeleteTextAmendment extends AmendmentBase {
  type: 'deleteText'
  target: string
  text: string
  occurrence?: number | 'all'
}

/**
 * Put a placeholder (`[…]`, `[provisional text]`) in place of quoted text
 * (`text`), or before/after a quoted anchor (`anchor` + `position`).
 */
export interface PlaceholderAmendment extends AmendmentBase {
  type: 'placeholder'
  target: string
  text?: string
  anchor?: string
  position?: 'before' | 'after'
  /** Which occurrence; `all` for a scope (see {@link SubstituteAmendment}). */
  occurrence?: number | 'all'
  /** The text between the brackets: `…` (default) for a value set later, anything else for provisional text. */
  value?: string
  /** Why it is there (kept on the placeholder node). */
  reason: string
}

/**
 * Set or replace the expiry sentence of the final provisions ("It shall
 * apply until 3 August 2024."), creating it when missing.
 */
export interface SunsetAmendment extends AmendmentBase {
  type: 'sunset'
  /** The provision holding the final provisions (default: the last article). */
  target?: string
  /** ISO (`2024-08-03`), `3 August 2024`, `3.8.2024`, or an anchor such as `ep-term-end:9`. */
  date: string
  /** The sentence to write; `{date}` is replaced by the date (default `It shall apply until {date}.`). */
  sentence?: string
  /** The existing expiry sentence, quoted, when it cannot be recognised. */
  existing?: string
  /**
   * When there is none: add a `subparagraph` (default) or append a `sentence`.
   * Either goes before the binding-force formula ("This Regulation shall be
   * binding in its entirety …") when the article holds it; see `at`.
   */
  create?: 'subparagraph' | 'sentence'
  /** Where the new expiry unit goes, overriding the drafting rule (a paragraph next to a paragraph, else a subparagraph). */
  at?: At
}

/**
 * Remove repeal wording from an article (`text`) and add a recital with the
 * given wording at a given place (conclusion: "references to a possible
 * repeal … should be moved to the recitals").
 */
export interface MoveRepealToRecitalsAmendment extends AmendmentBase {
  type: 'moveRepealToRecitals'
  target: string
  text: string
  occurrence?: number
  recital: string
  to: At
}

/** A rewrite of one cross-reference's text (used by inverses). */
export interface ReferenceEdit {
  /** The eId of the provision whose own text holds the reference. */
  at: string
  /** Index among the references of that provision's own text. */
  index: number
  from: string
  to: string
}

/** Set many numbers at once; cross-references follow (`follow`), stay (`keep`), or change as listed. */
export interface RenumberAmendment extends AmendmentBase {
  type: 'renumber'
  nums: Record<string, string>
  references?: 'follow' | 'keep' | ReferenceEdit[]
}

/**
 * Low level (produced by inversion): replace the characters `[start, end)`
 * of the `block`-th text block (content/intro/wrapUp) of a provision.
 */
export interface SpliceTextAmendment extends AmendmentBase {
  type: 'spliceText'
  target: string
  block: number
  start: number
  end: number
  insert: Inline[]
}

export type Amendment =
  | ReplaceAmendment
  | InsertAmendment
  | DeleteAmendment
  | MoveAmendment
  | SetNumAmendment
  | SetHeadingAmendment
  | SubstituteAmendment
  | InsertTextAmendment
  | DeleteTextAmendment
  | PlaceholderAmendment
  | SunsetAmendment
  | MoveRepealToRecitalsAmendment
  | RenumberAmendment
  | SpliceTextAmendment

export type AmendmentType = Amendment['type']

/** The change log (the contract with @redlex/compare) is defined in @redlex/tree. */
export type {ChangeEffect, ChangeLogEntry} from '@redlex/tree'
import type {ChangeEffect, ChangeLogEntry} from '@redlex/tree'

/** Parses a Markdown snippet (pass `parseFragment` from @redlex/markdown). */
export type FragmentParser = (
  markdown: string,
  options: {kind: 'article' | 'recital' | 'provision' | 'text'}
) => Array<Provision | import('@redlex/tree').ProvisionContent>

export interface ApplyOptions {
  /**
   * `sequential` (a draft): the result is renumbered 1…n and every
   * internal cross-reference follows. `amending-act`: inserted units get
   * 4a, 4b, -1 and nothing is renumbered. Default: `amending-act` for a
   * document whose `stage` is `act`, `sequential` otherwise.
   */
  renumber?: 'sequential' | 'amending-act'
  /**
   * `base` (default): targets are eIds of the input document, mapped
   * through the changes made by earlier amendments. `current`: targets are
   * eIds of the document as it stands when the amendment runs (inverses).
   */
  targets?: 'base' | 'current'
  /** Needed for `markdown` content: `parseFragment` from @redlex/markdown. */
  parseFragment?: FragmentParser
  /** Name of the amendments file, for messages. */
  file?: string
  /** Place of each amendment in `file` (from `amendmentPlaces`), for messages. */
  places?: Readonly<Record<string, import('@redlex/tree').Position>>
}

/** A cross-reference that could not follow the renumbering, or similar advice. */
export interface ApplyWarning {
  code: import('./failure.js').AmendWarningCode
  message: string
  eId?: string
  amendment?: string
}

export interface ApplyResult {
  /** The amended document (a new tree). */
  document: Document
  /** What each amendment did (plus one `renumber` entry for sequential renumbering). */
  log: ChangeLogEntry[]
  /** eId in the base → eId in the result, for every provision whose eId changed. */
  renames: Record<string, string>
  /** The same as a mapping object: `mapping.map(eId)` through this application; compose, invert. */
  mapping: import('./mapping.js').EidMapping
  /** Applying these to `document` with `{targets: 'current', renumber: 'amending-act'}` gives back the base. */
  inverse: Amendment[]
  warnings: ApplyWarning[]
}

export type {ProvisionType}
