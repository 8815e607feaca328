/**
 * The European Parliament's amendments as read from its plenary texts (OJ C
 * HTML), before they are resolved against a proposal.
 */

/** A run of words in a column: `added` when printed in bold italic (words the EP changed or added). */
export interface EpRun {
  text: string
  added?: true
}

/**
 * One line of a column: a paragraph of the OJ page. `num` is the number
 * printed in its own cell before it (`(1)`, `(a)`), when there is one; a
 * number written at the start of the text (`1a.`) stays in the text.
 */
export interface EpLine {
  num?: string
  runs: EpRun[]
}

/** One numbered amendment of a plenary table. */
export interface EpAmendment {
  /** As printed: `200`, or `25 and 517/rev` for amendments adopted together. */
  number: string
  /** The provision it amends, as printed: `Article 13 — paragraph 1 a (new)`. */
  target: string
  /** `Proposal for a regulation`, as printed. */
  instrument?: string
  /** The left column ("Text proposed by the Commission"); empty for an insertion. */
  commission: EpLine[]
  /** The right column ("Amendment"); empty when `deletes`. */
  amendment: EpLine[]
  /** The right column reads "deleted": the unit goes. */
  deletes: boolean
}

/** An EP plenary text: its reference, date and amendments. */
export interface EpText {
  /**
   * `table`: numbered amendments in two columns; `whole-text`: one amendment
   * restating the proposal (no `amendments`: import the page as a document
   * and use `epTextOf` and `markedChanges`).
   */
  form: 'table' | 'whole-text'
  /** `P9_TA(2022)0014`. */
  reference?: string
  /** Date of adoption, ISO (`2022-01-20`). */
  date?: string
  /** The title line ("Amendments adopted by the European Parliament on … on the proposal …"). */
  title?: string
  amendments: EpAmendment[]
}

/** The plain text of a line (the `▌` marks left out, whitespace normalised). */
export function lineText(line: EpLine, options?: Readonly<{withNum?: boolean}>): string {
  const body = line.runs.map((r) => r.text).join('')
  const text = options?.withNum && line.num ? `${line.num} ${body}` : body
  return normalise(text.replace(/▌/g, ' '))
}

/** Whitespace (no-break spaces too) collapsed to single spaces, ends trimmed. */
export function normalise(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim()
}
