export type * from './lib/types.js'
export {COMPARISON_SCHEMA_VERSION} from './lib/types.js'
export {
  COMPARISON_STEPS_BASE,
  COMPARISON_STEPS_PER_CHAR,
  MAX_DOCUMENT_CHARS,
  MAX_DOCUMENT_PROVISIONS,
  compareDocuments
} from './lib/compare.js'
export {verify} from './lib/verify.js'
export {reconstruct} from './lib/reconstruct.js'
export type {ReconstructOptions} from './lib/reconstruct.js'
export {LegalDiff, REDLINE_STEPS, diffText, hasChange, sideOf} from './lib/legal-diff.js'
export type {RenumberLookup, TextDiff, TextDiffOptions, WorkBudget} from './lib/legal-diff.js'
export {tokenKey, tokenize} from './lib/tokenize.js'
export type {Token, TokenType} from './lib/tokenize.js'
export {covers, isOwnChange} from './lib/causes.js'
export {
  amendmentsOfConclusion,
  changesByAmendment,
  commentsByChange,
  consultationOf,
  opinionText,
  serviceComments
} from './lib/consultation.js'
export type {ServiceComment} from './lib/consultation.js'
export {
  amendmentName,
  causeAuthor,
  causeGroups,
  causeParts,
  changedAnywhere,
  changedItself,
  documentOrder,
  foldFormal,
  frameLabel,
  labelOf,
  sideText,
  statusText,
  withNotes
} from './lib/present.js'
export type {CauseGroup, NotedItem, OrderedItem, VersionNames} from './lib/present.js'
