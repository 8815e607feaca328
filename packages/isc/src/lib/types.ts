/**
 * The ISC record: what an interservice consultation concluded, as data.
 * Spec: docs/isc.md; JSON Schema: packages/isc/schema/isc-record.schema.json.
 */
import type {Amendment} from '@redlex/amend'

/** A service's answer. `unknown`: not readable in the source (e.g. the published minutes). */
export type Opinion = 'positive' | 'positive-with-comments' | 'negative' | 'no-reply' | 'unknown'

export const OPINIONS: readonly Opinion[] = ['positive', 'positive-with-comments', 'negative', 'no-reply', 'unknown']

/** One written comment; `redacted: true` when the published record blacks it out. */
export interface Comment {
  text?: string
  redacted?: boolean
  /** What it is about: an eId or a topic (`recitals`). */
  about?: string
}

export interface ConsultedService {
  /** Service code: `SJ`, `SG`, `HOME`, `CNECT`… */
  service: string
  opinion: Opinion
  comments?: Comment[]
  note?: string
}

/** A person at the meeting; names may be redacted. */
export interface Participant {
  name?: string
  service?: string
  role?: string
  redacted?: boolean
}

export interface Chair {
  name: string
  service?: string
  role?: string
}

export interface Conclusion {
  /** Referred to by amendments' provenance (`conclusion`). */
  id: string
  /** The conclusion as written in the minutes. */
  text: string
  /** The services that asked for it (they become the amendments' `services`). */
  requestedBy?: string[]
  /** How the lead services implement it, against the pre-ISC text. */
  amendments?: Amendment[]
  note?: string
}

/** An issue drawn to the attention of the political level. */
export interface PoliticalPoint {
  text: string
  /** Conclusions it relates to. */
  conclusions?: string[]
}

export interface IscRecord {
  /** `ISC/2020/06507` */
  reference: string
  /** Subject of the consultation. */
  title?: string
  /** The meeting (or launch) date, ISO `YYYY-MM-DD`. */
  date: string
  procedure: 'normal' | 'fast-track'
  /** When the SG authorised the fast track, if it did. */
  fastTrackAuthorised?: string
  chair?: Chair
  leadServices: string[]
  services: ConsultedService[]
  participants?: Participant[]
  conclusions: Conclusion[]
  pointsForPoliticalLevel?: PoliticalPoint[]
  /** When the minutes were approved. */
  approvalDate?: string
  /** The pre-ISC draft the amendments are written against (a path relative to the record). */
  draft?: string
  note?: string
}
