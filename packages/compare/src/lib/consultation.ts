/**
 * The consultation a comparison documents: the ISC record reduced to what a
 * reader needs (`consultationOf`), and the links the renderers draw between
 * it and the changes — which provisions each amendment changed, and which
 * written comments are about which provision.
 */
import type {
  Comparison,
  Consultation,
  ConsultationConclusion,
  ConsultationService,
  IscInfo,
  ProvisionChange
} from './types.js'

/** The consultation as the comparison carries it: known fields copied, amendments reduced to their ids. */
export function consultationOf(isc: Readonly<IscInfo>): Consultation {
  const out: Consultation = {reference: isc.reference}
  if (isc.title !== undefined) out.title = isc.title
  if (isc.date !== undefined) out.date = isc.date
  if (isc.procedure !== undefined) out.procedure = isc.procedure
  if (isc.fastTrackAuthorised !== undefined) out.fastTrackAuthorised = isc.fastTrackAuthorised
  if (isc.chair) out.chair = {...isc.chair}
  if (isc.leadServices) out.leadServices = [...isc.leadServices]
  if (isc.services) out.services = isc.services.map(serviceOf)
  if (isc.conclusions) out.conclusions = isc.conclusions.map(conclusionOf)
  if (isc.pointsForPoliticalLevel) {
    out.pointsForPoliticalLevel = isc.pointsForPoliticalLevel.map((p) =>
      p.conclusions ? {text: p.text, conclusions: [...p.conclusions]} : {text: p.text}
    )
  }
  if (isc.approvalDate !== undefined) out.approvalDate = isc.approvalDate
  if (isc.note !== undefined) out.note = isc.note
  return out
}

function serviceOf(service: ConsultationService): ConsultationService {
  const out: ConsultationService = {service: service.service, opinion: service.opinion}
  if (service.comments) out.comments = service.comments.map((c) => ({...c}))
  if (service.note !== undefined) out.note = service.note
  return out
}

function conclusionOf(conclusion: NonNullable<IscInfo['conclusions']>[number]): ConsultationConclusion {
  const out: ConsultationConclusion = {
    id: conclusion.id,
    text: conclusion.text,
    amendments: (conclusion.amendments ?? []).map((a) => (typeof a === 'string' ? a : a.id))
  }
  if (conclusion.requestedBy !== undefined)
    out.requestedBy =
      typeof conclusion.requestedBy === 'string' ? [conclusion.requestedBy] : [...conclusion.requestedBy]
  if (conclusion.note !== undefined) out.note = conclusion.note
  return out
}

/** The opinion in words: `positive with comments`, `no reply`, `not readable in the record`. */
export function opinionText(opinion: string): string {
  if (opinion === 'unknown') return 'not readable in the record'
  return opinion.replace(/-/g, ' ')
}

/**
 * The changes each amendment caused, in document order: amendment id → the
 * changes whose causes name it (the changes a reader can go to).
 */
export function changesByAmendment(comparison: Comparison): Map<string, ProvisionChange[]> {
  const out = new Map<string, ProvisionChange[]>()
  const walk = (changes: readonly ProvisionChange[]): void => {
    for (const change of changes) {
      for (const cause of change.causes ?? []) {
        const list = out.get(cause.amendment) ?? []
        if (!list.includes(change)) list.push(change)
        out.set(cause.amendment, list)
      }
      walk(change.children)
    }
  }
  walk(comparison.changes)
  return out
}

/** A written comment with the service that made it. */
export interface ServiceComment {
  service: string
  text?: string
  redacted?: boolean
  about?: string
}

/**
 * The comments that are `about` a provision of the comparison, by the
 * change that shows that provision (matched on the first version's eId, as
 * ISC records are written against the draft, else the second's); comments
 * about a topic or an eId not found are left out (`commentsElsewhere`).
 */
export function commentsByChange(comparison: Comparison): Map<ProvisionChange, ServiceComment[]> {
  const byEId = new Map<string, ProvisionChange>()
  const byAfterEId = new Map<string, ProvisionChange>()
  const walk = (changes: readonly ProvisionChange[]): void => {
    for (const change of changes) {
      if (change.before) byEId.set(change.before.eId, change)
      if (change.after) byAfterEId.set(change.after.eId, change)
      walk(change.children)
    }
  }
  walk(comparison.changes)
  const out = new Map<ProvisionChange, ServiceComment[]>()
  for (const comment of serviceComments(comparison)) {
    if (comment.about === undefined) continue
    const change = byEId.get(comment.about) ?? byAfterEId.get(comment.about)
    if (!change) continue
    const list = out.get(change) ?? []
    list.push(comment)
    out.set(change, list)
  }
  return out
}

/** Every written comment of the consulted services, in the record's order. */
export function serviceComments(comparison: Comparison): ServiceComment[] {
  return (comparison.isc?.services ?? []).flatMap((s) => (s.comments ?? []).map((c) => ({service: s.service, ...c})))
}

/**
 * The amendments that carry out a conclusion: those the record lists, then
 * any other that the causes of the changes attribute to it (a comparison
 * given only the conclusions' texts still links them to what they changed).
 * Steps redlex ran itself (`#renumber`) are not listed.
 */
export function amendmentsOfConclusion(comparison: Comparison, conclusion: ConsultationConclusion): string[] {
  const out = [...conclusion.amendments]
  const walk = (changes: readonly ProvisionChange[]): void => {
    for (const change of changes) {
      for (const cause of change.causes ?? []) {
        if (cause.conclusion === conclusion.id && !cause.amendment.startsWith('#') && !out.includes(cause.amendment))
          out.push(cause.amendment)
      }
      walk(change.children)
    }
  }
  walk(comparison.changes)
  return out
}
