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

import type {Infer} from './shape.js'
import type {AMENDMENT_SHAPES, TYPE_SHAPES, UNIT_KINDS} from './validate.js'

/*
 * The types of amendments are inferred from the shapes the validator runs
 * (validate.ts `AMENDMENT_SHAPES`), which also generate the published JSON
 * Schema: one source. The fields are documented there.
 */
type Shapes = typeof AMENDMENT_SHAPES

/**
 * A place in the tree: next to a provision, or first/last among a parent's
 * units. Besides eIds, `recitals`, `citations` and `body` name those containers.
 */
export type At = Infer<typeof TYPE_SHAPES.at>

/** Fields every amendment has. */
export interface AmendmentBase {
  /** Unique in its list. */
  id: string
  type: string
  provenance?: Provenance
}

/** Provision kinds a provision can be moved into (`as`). */
export type UnitKind = (typeof UNIT_KINDS)[number]

/** Replace a whole provision (content as tree JSON, or a Markdown snippet). */
export type ReplaceAmendment = Infer<Shapes['replace']>

/** Insert new provisions. Numbered units get their number from the policy unless `numbering: keep`. */
export type InsertAmendment = Infer<Shapes['insert']>

/** Delete a provision. */
export type DeleteAmendment = Infer<Shapes['delete']>

/**
 * Move a provision (or, with `text`, one sentence of its text) to another
 * place, optionally as another kind of unit (`as: recital`).
 */
export type MoveAmendment = Infer<Shapes['move']>

/** Set the printed number (`Article 5`, `(c)`). */
export type SetNumAmendment = Infer<Shapes['setNum']>

/** Set or remove (`null`) the heading of an article, division or annex. */
export type SetHeadingAmendment = Infer<Shapes['setHeading']>

/**
 * Replace quoted text inside a provision's own text; or, when `target` is a
 * scope (a provision with units inside it, such as an article with
 * paragraphs or a chapter; `recitals`, `citations`, `body`, or `act` for the
 * whole act), the same words wherever they stand in it: whole words, either
 * case of the first letter (the replacement takes the case it replaces).
 */
export type SubstituteAmendment = Infer<Shapes['substitute']>

/** Insert text before or after a quoted anchor. */
export type InsertTextAmendment = Infer<Shapes['insertText']>

/** Delete quoted text. */
export type DeleteTextAmendment = Infer<Shapes['deleteText']>

/**
 * Put a placeholder (`[…]`, `[provisional text]`) in place of quoted text
 * (`text`), or before/after a quoted anchor (`anchor` + `position`).
 */
export type PlaceholderAmendment = Infer<Shapes['placeholder']>

/**
 * Set or replace the expiry sentence of the final provisions ("It shall
 * apply until 3 August 2024."), creating it when missing.
 */
export type SunsetAmendment = Infer<Shapes['sunset']>

/**
 * Remove repeal wording from an article (`text`) and add a recital with the
 * given wording at a given place (conclusion: "references to a possible
 * repeal … should be moved to the recitals").
 */
export type MoveRepealToRecitalsAmendment = Infer<Shapes['moveRepealToRecitals']>

/** A rewrite of one cross-reference's text (used by inverses). */
export type ReferenceEdit = Infer<typeof TYPE_SHAPES.referenceEdit>

/** Set many numbers at once; cross-references follow (`follow`), stay (`keep`), or change as listed. */
export type RenumberAmendment = Infer<Shapes['renumber']>

/**
 * Low level (produced by inversion): replace the characters `[start, end)`
 * of the `block`-th text block (content/intro/wrapUp) of a provision.
 */
export type SpliceTextAmendment = Infer<Shapes['spliceText']>

/** Any amendment: a discriminated union on `type`. */
export type Amendment = {[K in keyof Shapes]: Infer<Shapes[K]>}[keyof Shapes]

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
  /**
   * `resolve` (default): the result's cross-references are resolved against
   * it at the end. `leave`: they keep the targets they had; for a caller that
   * applies amendments to a part of a document and resolves the whole once
   * afterwards (as @redlex/ep does, unit by unit).
   */
  references?: 'resolve' | 'leave'
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
