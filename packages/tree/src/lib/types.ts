/**
 * The redlex document tree: a unist tree for an EU act.
 *
 * Node `type`s are camelCase Akoma Ntoso element names. Every value is
 * JSON-safe (`JSON.parse(JSON.stringify(tree))` gives the same tree). Nodes
 * parsed from a source carry a unist `position`; generated nodes (made by an
 * amendment, say) carry none. The spec is `docs/tree.md`; these types follow it.
 */
import type {Data, Position} from 'unist'

export type {Data, Point as SourcePoint, Position} from 'unist'

/** Fields shared by every node (unist `Node`). */
export interface NodeBase {
  type: string
  position?: Position
  data?: Data
}

// ---------------------------------------------------------------------------
// Inline (phrasing) content

/** Plain text. */
export interface Text extends NodeBase {
  type: 'text'
  value: string
}

/** Italic text (Markdown `*…*`; OJ titles of acts, Latin terms). */
export interface Emphasis extends NodeBase {
  type: 'emphasis'
  children: Inline[]
}

/** Bold text (Markdown `**…**`). */
export interface Strong extends NodeBase {
  type: 'strong'
  children: Inline[]
}

/**
 * A footnote (AKN `authorialNote`), e.g. an OJ reference. `marker` is the
 * label printed in the text (`1`); the note's text is its children.
 */
export interface AuthorialNote extends NodeBase {
  type: 'authorialNote'
  marker: string
  children: Inline[]
}

/**
 * A cross-reference (AKN `ref`), e.g. `Article 3(2), point (a)`,
 * `Articles 2 to 4`, `recital 12`. `value` is the text exactly as printed.
 * `targets` are the eIds it points to in this document (empty when it does
 * not resolve); `external` marks a reference into another act (`Article 5 of
 * Directive 2002/58/EC`), which is never renumbered. `range` marks `X to Y`.
 */
export interface Ref extends NodeBase {
  type: 'ref'
  value: string
  targets: string[]
  external?: boolean
  range?: boolean
}

/**
 * Text not yet agreed (AKN `placeholder`): `[…]` (kind `value`: a value set
 * later) or `[provisional text]` (kind `provisional`). `value` is the text
 * between the brackets, exactly as written. `reason` says why it is there.
 */
export interface Placeholder extends NodeBase {
  type: 'placeholder'
  kind: 'value' | 'provisional'
  value: string
  reason?: string
}

/** Quoted text (AKN `quotedText`): ‘…’ or “…”, quotes kept as written. */
export interface QuotedText extends NodeBase {
  type: 'quotedText'
  startQuote: string
  endQuote: string
  children: Inline[]
}

/** A line break inside a block (signature lines). */
export interface Break extends NodeBase {
  type: 'break'
}

/** A hyperlink (rare in acts; kept so annexes round-trip). */
export interface Link extends NodeBase {
  type: 'link'
  url: string
  children: Inline[]
}

export type Inline = Text | Emphasis | Strong | AuthorialNote | Ref | Placeholder | QuotedText | Break | Link

// ---------------------------------------------------------------------------
// Text blocks: the words of a provision (they carry no eId of their own)

/** The text of a provision that has no list. */
export interface Content extends NodeBase {
  type: 'content'
  children: Inline[]
}

/** The text that introduces a list ("chapeau"; AKN `intro`). */
export interface Intro extends NodeBase {
  type: 'intro'
  children: Inline[]
}

/** The text that closes a list, continuing the chapeau's sentence (AKN `wrapUp`). */
export interface WrapUp extends NodeBase {
  type: 'wrapUp'
  children: Inline[]
}

/** A heading line inside an annex (not an article heading). */
export interface Heading extends NodeBase {
  type: 'heading'
  depth: number
  children: Inline[]
}

/** A table (annexes). The first row is the header row. */
export interface Table extends NodeBase {
  type: 'table'
  align?: Array<'left' | 'right' | 'center' | null>
  children: TableRow[]
}

export interface TableRow extends NodeBase {
  type: 'tableRow'
  children: TableCell[]
}

export interface TableCell extends NodeBase {
  type: 'tableCell'
  children: Inline[]
}

export type TextBlock = Content | Intro | WrapUp

// ---------------------------------------------------------------------------
// Provisions (they carry an eId)

/** Fields shared by every addressable unit. */
export interface ProvisionBase extends NodeBase {
  /** AKN-style identifier, e.g. `art_3__para_2__point_a`; see docs/tree.md. */
  eId: string
  /** The number as printed: `Article 3`, `1.`, `(a)`, `—`, `(5)`, `CHAPTER II`. */
  num?: string
}

/**
 * What may appear inside an article, paragraph, subparagraph, point, indent
 * or recital, in order: its own text (`content`, or `intro` + list +
 * optional `wrapUp`), its sub-units, and its later subparagraphs.
 */
export type ProvisionContent = Content | Intro | WrapUp | Paragraph | Subparagraph | Point | Indent | Table

/** `Having regard to …,` (AKN `citation`). eId `cit_N` (ordinal). */
export interface Citation extends ProvisionBase {
  type: 'citation'
  children: Content[]
}

/** `(5) …` after `Whereas:` (AKN `recital`). eId `rec_5`. */
export interface Recital extends ProvisionBase {
  type: 'recital'
  children: ProvisionContent[]
}

/** Part, title, chapter, section or subsection (AKN element of that name). */
export interface Division extends ProvisionBase {
  type: 'division'
  kind: DivisionKind
  num: string
  heading?: Inline[]
  children: Array<Division | Article>
}

export type DivisionKind = 'part' | 'title' | 'chapter' | 'section' | 'subsection'

/** `Article 3` + heading (AKN `article`). eId `art_3`. */
export interface Article extends ProvisionBase {
  type: 'article'
  num: string
  heading?: Inline[]
  children: ProvisionContent[]
}

/** A numbered paragraph `1.` (AKN `paragraph`). eId `art_3__para_1`. */
export interface Paragraph extends ProvisionBase {
  type: 'paragraph'
  children: ProvisionContent[]
}

/**
 * The second and later unnumbered units of an article, paragraph or point
 * (AKN `subparagraph`). The first unit is implicit: it is the parent's own
 * text. eId `…__subpara_2` (ordinal among units, counting the first).
 */
export interface Subparagraph extends ProvisionBase {
  type: 'subparagraph'
  children: ProvisionContent[]
}

/** `(a)`, `(i)`, `(1)` (AKN `point`). eId `…__point_a`. */
export interface Point extends ProvisionBase {
  type: 'point'
  num: string
  children: ProvisionContent[]
}

/** An em-dash indent `—` (AKN `indent`). eId `…__indent_2` (ordinal). */
export interface Indent extends ProvisionBase {
  type: 'indent'
  num: string
  children: ProvisionContent[]
}

/** `ANNEX I` + title + free content (AKN `attachment`/annex doc). eId `anx_I`. */
export interface Annex extends ProvisionBase {
  type: 'annex'
  num: string
  heading?: Inline[]
  children: Array<ProvisionContent | Heading>
}

// ---------------------------------------------------------------------------
// Document frame

/** One line of the title block (AKN `docStage`, `docType`, `docDate`, `docPurpose`, `docNote`). */
export interface TitleLine extends NodeBase {
  type: 'docStage' | 'docType' | 'docDate' | 'docPurpose' | 'docNote'
  children: Inline[]
}

/** The title block (AKN `preface` / `longTitle`). */
export interface Preface extends NodeBase {
  type: 'preface'
  children: TitleLine[]
}

/**
 * A fixed formula: the acting entity (`THE EUROPEAN PARLIAMENT AND THE
 * COUNCIL …,`), the enacting formula (`HAVE ADOPTED THIS REGULATION:`), the
 * compulsory-character sentence (`bindingForce`) or `Done at …` (`doneAt`).
 */
export interface Formula extends NodeBase {
  type: 'formula'
  name: FormulaName
  children: Inline[]
}

export type FormulaName = 'actingEntity' | 'enactingFormula' | 'bindingForce' | 'doneAt'

export interface Citations extends NodeBase {
  type: 'citations'
  children: Citation[]
}

/** The recitals; `intro` is the `Whereas:` line as written. */
export interface Recitals extends NodeBase {
  type: 'recitals'
  intro?: Inline[]
  children: Recital[]
}

export interface Preamble extends NodeBase {
  type: 'preamble'
  children: Array<Formula | Citations | Recitals>
}

/** The enacting terms (AKN `body`). */
export interface Body extends NodeBase {
  type: 'body'
  children: Array<Division | Article>
}

/** A signature block: lines such as `For the Council` / `The President` / `[…]`. */
export interface Signature extends NodeBase {
  type: 'signature'
  children: Inline[]
}

/** After the last article: binding force, `Done at …`, signatures (AKN `conclusions`). */
export interface Conclusions extends NodeBase {
  type: 'conclusions'
  children: Array<Formula | Signature | Content>
}

export type DocumentKind = 'regulation' | 'directive' | 'decision'
export type DocumentStage = 'proposal' | 'act'

/** The root. */
export interface Document extends NodeBase {
  type: 'document'
  kind: DocumentKind
  stage: DocumentStage
  children: Array<Preface | Preamble | Body | Conclusions | Annex>
}

// ---------------------------------------------------------------------------
// Unions

export type Provision = Citation | Recital | Division | Article | Paragraph | Subparagraph | Point | Indent | Annex

export type ProvisionType = Provision['type']

export type Block =
  | Document
  | Preface
  | TitleLine
  | Preamble
  | Formula
  | Citations
  | Recitals
  | Body
  | Conclusions
  | Signature
  | TextBlock
  | Heading
  | Table
  | TableRow
  | TableCell

/** Every node of the tree. */
export type Node = Provision | Block | Inline

/** Every node that has `children`. */
export type Parent = Extract<Node, {children: unknown[]}>
