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
  /** The text it comes from, when that is not (only) an ISC conclusion: an EP amendment, a corrigendum… */
  source?: ProvenanceSource
}

/**
 * The text an amendment comes from. `kind` names the procedure step
 * (`isc-conclusion`, `ep-amendment`, `council-amendment`, `corrigendum`, or
 * another word); renderers word it with {@link provenanceLabel}.
 */
export interface ProvenanceSource {
  kind: string
  /** The text's reference: `P9_TA(2022)0014`, an OJ reference, an ISC number. */
  reference?: string
  /** The amendment's number in that text (`200`), as printed. */
  number?: string
  /** The text's date, ISO (`2022-01-20`). */
  date?: string
}

const KIND_WORDS: Readonly<Record<string, string>> = {
  'isc-conclusion': 'ISC conclusion',
  'ep-amendment': 'EP amendment',
  'council-amendment': 'Council amendment',
  corrigendum: 'Corrigendum'
}

/**
 * How a source is named to readers and as a tracked-change author:
 * `EP amendment 200`, `Corrigendum`, `ISC conclusion 4`; `undefined`
 * without a source.
 */
export function provenanceLabel(provenance: Provenance | undefined): string | undefined {
  const source = provenance?.source
  if (!source) return undefined
  const words = KIND_WORDS[source.kind] ?? source.kind.replace(/-/g, ' ')
  return source.number !== undefined ? `${words} ${source.number}` : words
}

/** One effect on one provision. */
export interface ChangeEffect {
  action: 'inserted' | 'deleted' | 'modified' | 'moved' | 'renumbered'
  /** eId in the base (first) version. */
  before?: string
  /** eId in the result (second version). */
  after?: string
  /**
   * For a consequential effect (a unit renumbered, or a reference rewritten
   * to follow a renumbering): the amendments whose insertions, deletions or
   * moves made the numbers move, in log order.
   */
  because?: string[]
  /**
   * The provision's whole text in the result of the run, as
   * `textOf(node, {notes: true})` gives it (number, heading, text,
   * sub-provisions, footnotes): what the amendments left there, word for
   * word. `verify` holds a hand-edited text against it. Absent for
   * deletions.
   */
  text?: string
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
