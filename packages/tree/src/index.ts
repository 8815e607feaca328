export type * from './lib/types.js'
export {RedlexError, isRedlexError, toWarning} from './lib/error.js'
export type {RedlexErrorOptions, Warning} from './lib/error.js'
export {
  cleanNum,
  compareNumbers,
  formatNumber,
  fromOrdinalWord,
  fromRoman,
  insertedNumber,
  nextNumber,
  ordinalWord,
  parseNumber,
  pointStyles,
  printNumber,
  toAlpha,
  toRoman
} from './lib/numbering.js'
export type {NumberStyle, ParsedNumber} from './lib/numbering.js'
export {EID_PREFIX, assignEids, assignEidsInPlace, parseEid} from './lib/eid.js'
export type {AssignResult, EidRenames} from './lib/eid.js'
export {
  blockInlineRuns,
  blockText,
  findByEid,
  indexByEid,
  inlineText,
  isProvision,
  listProvisions,
  locate,
  noteText,
  textOf,
  walk
} from './lib/walk.js'
export type {InlineTextOptions, TextOptions, Visitor} from './lib/walk.js'
export {citationLabel, countProvisions, outline} from './lib/label.js'
export type {DocumentCounts, OutlineOptions} from './lib/label.js'
export {
  article,
  content,
  division,
  documentOf,
  indent,
  inlines,
  intro,
  paragraph,
  point,
  recital,
  subparagraph,
  text,
  wrapUp
} from './lib/build.js'
export * from './lib/refs.js'
export {placeholderNode, textToInlines} from './lib/inline-text.js'
export type {ChangeEffect, ChangeLogEntry, Provenance, ProvenanceSource} from './lib/change-log.js'
export {provenanceLabel} from './lib/change-log.js'
export {codePointName, isXmlSafe, xmlDroppedWarning, xmlSafe} from './lib/xml-safe.js'
