/**
 * The amendments of a record in order, with provenance filled in from their
 * conclusion: `conclusion` = the conclusion's id, `services` = its
 * `requestedBy` (unless the amendment says otherwise).
 */
import type {Amendment} from '@redlex/amend'
import type {IscRecord} from './types.js'

export function amendmentsOf(record: IscRecord): Amendment[] {
  const out: Amendment[] = []
  for (const conclusion of record.conclusions) {
    for (const amendment of conclusion.amendments ?? []) {
      const copy = structuredClone(amendment)
      const provenance = {...copy.provenance}
      provenance.conclusion ??= conclusion.id
      if (provenance.services === undefined && conclusion.requestedBy) provenance.services = [...conclusion.requestedBy]
      copy.provenance = provenance
      out.push(copy)
    }
  }
  return out
}
