export type * from './lib/types.js'
export {compareDocuments} from './lib/compare.js'
export {verify} from './lib/verify.js'
export {reconstruct} from './lib/reconstruct.js'
export type {ReconstructOptions} from './lib/reconstruct.js'
export {LegalDiff, diffText, hasChange, sideOf} from './lib/legal-diff.js'
export type {RenumberLookup, TextDiff, TextDiffOptions} from './lib/legal-diff.js'
export {tokenKey, tokenize} from './lib/tokenize.js'
export type {Token, TokenType} from './lib/tokenize.js'
export {covers, isOwnChange} from './lib/causes.js'
export {
  causeAuthor, causeParts, changedAnywhere, changedItself, documentOrder, foldFormal, frameLabel, labelOf,
  sideText, statusText, withNotes
} from './lib/present.js'
export type {NotedItem, OrderedItem} from './lib/present.js'
