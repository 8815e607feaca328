/**
 * The change log as a file (`changes.json`, written by `redlex apply --log`):
 * a contract for scripts, with a version and a JSON Schema
 * (`redlex/schema/changes.schema.json`).
 */
import type {ChangeLogEntry} from '@redlex/compare'
import type {IscApplied} from './isc.js'

/**
 * The version of the `changes.json` format. Bumped on every breaking change
 * (a field removed, renamed or retyped, or a new required field) and listed
 * in CHANGELOG.md; adding an optional field does not bump it.
 */
export const CHANGE_LOG_SCHEMA_VERSION = 1

export interface ChangeLogFile {
  schemaVersion: typeof CHANGE_LOG_SCHEMA_VERSION
  /** The ISC record's reference. */
  isc?: string
  /** What each amendment did, in the order applied. */
  changes: ChangeLogEntry[]
}

/** The change log of an `applyIsc` run as `changes.json` holds it: `JSON.stringify` it. */
export function changeLogFile(applied: Pick<IscApplied, 'log'> & {isc?: {reference: string}}): ChangeLogFile {
  return {
    schemaVersion: CHANGE_LOG_SCHEMA_VERSION,
    ...(applied.isc ? {isc: applied.isc.reference} : {}),
    changes: applied.log
  }
}
