/**
 * The change log: what an amendment run did, provision by provision, with
 * the provenance of each amendment. `@redlex/amend` writes it and
 * `@redlex/compare` reads it to attribute changes; it lives here so that
 * neither depends on the other.
 */

/** Where an amendment comes from. */
export interface Provenance {
  /** The ISC conclusion it implements (its id). */
  conclusion?: string
  /** The services that asked for it (`SJ`, `HOME`…). */
  services?: string[]
  note?: string
}

/** One effect on one provision. */
export interface ChangeEffect {
  action: 'inserted' | 'deleted' | 'modified' | 'moved' | 'renumbered'
  /** eId in the base (first) version. */
  before?: string
  /** eId in the result (second version). */
  after?: string
}

/** One applied amendment. */
export interface ChangeLogEntry {
  /** The amendment's id. */
  amendment: string
  /** The amendment's type (`substitute`, `sunset`…). */
  type: string
  provenance: Provenance
  /** One line saying what it did. */
  description: string
  effects: ChangeEffect[]
}
