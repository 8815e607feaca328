/**
 * Tiny builders for writing trees by hand (tests, importers). Each returns a
 * plain node; call `assignEids` on the finished document to fill in eIds.
 */
import type {
  Article,
  Content,
  Division,
  DivisionKind,
  Document,
  DocumentKind,
  DocumentStage,
  Indent,
  Inline,
  Intro,
  Paragraph,
  Point,
  ProvisionContent,
  Recital,
  Subparagraph,
  Text,
  WrapUp
} from './types.js'

type InlineInput = string | Inline | ReadonlyArray<string | Inline>

/** Normalise `'text'`, a node, or a list of both to inline nodes. */
export function inlines(input: InlineInput): Inline[] {
  const list =
    typeof input === 'string' || !Array.isArray(input) ? [input as string | Inline] : (input as Array<string | Inline>)
  return list.map((item) => (typeof item === 'string' ? text(item) : item))
}

export function text(value: string): Text {
  return {type: 'text', value}
}

export function content(input: InlineInput): Content {
  return {type: 'content', children: inlines(input)}
}

export function intro(input: InlineInput): Intro {
  return {type: 'intro', children: inlines(input)}
}

export function wrapUp(input: InlineInput): WrapUp {
  return {type: 'wrapUp', children: inlines(input)}
}

/** `article('Article 1', 'Subject matter', [...])`. */
export function article(num: string, heading: InlineInput | undefined, children: ProvisionContent[]): Article {
  const node: Article = {type: 'article', eId: '', num, children}
  if (heading !== undefined) node.heading = inlines(heading)
  return node
}

export function paragraph(num: string, children: ProvisionContent[]): Paragraph {
  return {type: 'paragraph', eId: '', num, children}
}

export function subparagraph(children: ProvisionContent[]): Subparagraph {
  return {type: 'subparagraph', eId: '', children}
}

export function point(num: string, children: ProvisionContent[]): Point {
  return {type: 'point', eId: '', num, children}
}

export function indent(children: ProvisionContent[]): Indent {
  return {type: 'indent', eId: '', num: '—', children}
}

export function recital(num: string, children: ProvisionContent[]): Recital {
  return {type: 'recital', eId: '', num, children}
}

export function division(
  kind: DivisionKind,
  num: string,
  heading: InlineInput | undefined,
  children: Array<Division | Article>
): Division {
  const node: Division = {type: 'division', eId: '', kind, num, children}
  if (heading !== undefined) node.heading = inlines(heading)
  return node
}

/** A document with just a body (enough for many tests). */
export function documentOf(
  children: Document['children'],
  kind: DocumentKind = 'regulation',
  stage: DocumentStage = 'proposal'
): Document {
  return {type: 'document', kind, stage, children}
}
