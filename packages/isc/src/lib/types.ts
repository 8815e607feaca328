/**
 * The ISC record: what an interservice consultation concluded, as data.
 * Spec: docs/isc.md; JSON Schema: packages/isc/schema/isc-record.schema.json.
 * The types are inferred from the shapes the validator runs (record.ts),
 * which also generate the schema: one source. The fields are documented there.
 */
import type {Infer} from '@redlex/amend'
import type {OPINIONS, RECORD, RECORD_PARTS} from './record.js'

export {OPINIONS} from './record.js'
export type {IscErrorCode} from './record.js'

/** A service's answer. `unknown`: not readable in the source (e.g. the published minutes). */
export type Opinion = (typeof OPINIONS)[number]

/** One written comment; `redacted: true` when the published record blacks it out. */
export type Comment = Infer<typeof RECORD_PARTS.COMMENT>

/** A consulted service and its answer. */
export type ConsultedService = Infer<typeof RECORD_PARTS.CONSULTED_SERVICE>

/** A person at the meeting; names may be redacted. */
export type Participant = Infer<typeof RECORD_PARTS.PARTICIPANT>

export type Chair = Infer<typeof RECORD_PARTS.CHAIR>

/** A conclusion of the meeting and the amendments that implement it. */
export type Conclusion = Infer<typeof RECORD_PARTS.CONCLUSION>

/** An issue drawn to the attention of the political level. */
export type PoliticalPoint = Infer<typeof RECORD_PARTS.POLITICAL_POINT>

/** A whole record. */
export type IscRecord = Infer<typeof RECORD>
