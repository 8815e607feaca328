export type * from './lib/types.js'
export {applyAmendments, applyInverse, dryRunAmendments, invertAmendments} from './lib/apply.js'
export type {DryRunResult} from './lib/apply.js'
export {
  AMENDMENT_LIST,
  AMENDMENT_SHAPES,
  AMENDMENT_TYPES,
  amendmentAt,
  amendmentSchemaDefs,
  formatPath,
  parseAmendments,
  toRedlexError,
  validateAmendments
} from './lib/validate.js'
export type {AmendmentsValidation, ParseAmendmentsOptions} from './lib/validate.js'
// The shape builder the amendment and ISC record types, validators and schemas come from.
export {isObject, optional, passes, shape, shapes} from './lib/shape.js'
export type {Infer, JsonSchema, ObjectOf, Optional, Path, Problem, Rule, Shape, ShapeCodes} from './lib/shape.js'
export {amendmentPlaces, loadAmendments, parseSource, stringifyAmendments} from './lib/source.js'
export type {SourceData} from './lib/source.js'
export {DATE_ANCHORS, parseDate} from './lib/dates.js'
export type {DateAnchor, ResolvedDate} from './lib/dates.js'
export {plainText} from './lib/inline-text.js'
// Kept here for amendment authors; they live in @redlex/tree, shared with the parsers.
export {placeholderNode, textToInlines} from '@redlex/tree'
export {
  correctionsToAmendments,
  eIdsFromLocation,
  type CorrectionInput,
  type CorrectionsOptions,
  type CorrectionsResult,
  type SkippedCorrection
} from './lib/corrigendum.js'
export {EidMapping} from './lib/mapping.js'
export type {AmendErrorCode, AmendWarningCode} from './lib/failure.js'
