/**
 * The consultation section of the HTML comparison: the ISC's facts, the
 * consulted services with their opinions and comments, each conclusion once
 * (its text, who asked, the provisions its amendments changed — linked — or
 * "no change to the text"), the points for the political level.
 */
import type {Consultation, ConsultationConclusion, ConsultationService} from '@redlex/compare'
import {amendmentsOfConclusion, labelOf, opinionText} from '@redlex/compare'
import {block, h, type Child, type Markup} from './markup.js'
import type {Entry, Model} from './model.js'

/** The anchor of a conclusion in the consultation section (its position, so any id is safe). */
export const conclusionAnchor = (model: Model, id: string): string => `conclusion-${model.conclusions.indexOf(id) + 1}`

/** The consultation section, or nothing without an ISC. */
export function consultationSection(model: Model): Markup | undefined {
  const isc = model.comparison.isc
  if (!isc) return undefined
  return block(
    'section',
    {id: 'consultation', className: ['consultation'], ariaLabelledBy: ['consultation-h']},
    h('h2', {id: 'consultation-h'}, `Interservice consultation ${isc.reference}`),
    facts(isc),
    isc.note !== undefined && h('p', {className: ['note']}, 'Note: ', isc.note),
    isc.services && isc.services.length > 0 && servicesTable(isc.services),
    isc.conclusions && isc.conclusions.length > 0 && conclusionList(isc.conclusions, model),
    politicalPoints(isc, model)
  )
}

function facts(isc: Consultation): Markup {
  const rows: Array<[string, Child]> = []
  if (isc.title) rows.push(['Subject', isc.title])
  if (isc.procedure)
    rows.push([
      'Procedure',
      `${isc.procedure}${isc.fastTrackAuthorised ? ` (authorised on ${isc.fastTrackAuthorised})` : ''}`
    ])
  if (isc.date) rows.push(['Date', time(isc.date)])
  if (isc.chair)
    rows.push([
      'Chair',
      `${isc.chair.name}${isc.chair.service ? ` (${isc.chair.service})` : ''}${isc.chair.role ? `, ${isc.chair.role}` : ''}`
    ])
  if (isc.leadServices && isc.leadServices.length > 0) rows.push(['Lead services', isc.leadServices.join(', ')])
  if (isc.approvalDate) rows.push(['Minutes approved', time(isc.approvalDate)])
  return h(
    'dl',
    {className: ['meta']},
    rows.map(([term, value]) => [h('dt', null, term), h('dd', null, value)])
  )
}

/** A date, machine-readable when it is ISO. */
export function time(value: string): Markup {
  return h('time', {dateTime: /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined}, value)
}

/** A comment in words: `[redacted]`, or its text (what it is about, when it says). */
export function commentNodes(
  comment: {text?: string; redacted?: boolean; about?: string},
  withAbout: boolean
): Child[] {
  return [
    comment.redacted ? h('span', {className: ['redacted']}, '[redacted]') : (comment.text ?? ''),
    withAbout && comment.about !== undefined
      ? h('span', {className: ['about']}, ` (about ${comment.about})`)
      : undefined
  ]
}

function servicesTable(services: readonly ConsultationService[]): Markup[] {
  return [
    h('h3', null, 'Consulted services'),
    block(
      'table',
      {className: ['services']},
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', {scope: 'col'}, 'Service'),
          h('th', {scope: 'col'}, 'Opinion'),
          h('th', {scope: 'col'}, 'Comments')
        )
      ),
      block(
        'tbody',
        null,
        services.map((s) =>
          h(
            'tr',
            null,
            h('th', {scope: 'row'}, s.service),
            h('td', {className: ['opinion', `op-${s.opinion.replace(/[^a-z-]/g, '')}`]}, opinionText(s.opinion)),
            h(
              'td',
              null,
              (s.comments ?? []).map((c) => h('p', null, commentNodes(c, true))),
              s.note !== undefined && h('p', {className: ['note']}, 'Note: ', s.note),
              !s.comments?.length && s.note === undefined && '—'
            )
          )
        )
      )
    )
  ]
}

function conclusionList(conclusions: readonly ConsultationConclusion[], model: Model): Markup[] {
  const changedBy = entriesByAmendment(model)
  return [
    h('h3', null, 'Conclusions'),
    block(
      'ol',
      {className: ['conclusions']},
      conclusions.map((conclusion) =>
        h(
          'li',
          {id: conclusionAnchor(model, conclusion.id)},
          h(
            'h4',
            null,
            `Conclusion ${conclusion.id}`,
            conclusion.requestedBy?.length
              ? h('span', {className: ['services']}, ` — requested by ${conclusion.requestedBy.join(', ')}`)
              : undefined
          ),
          h('blockquote', null, paragraphs(conclusion.text)),
          conclusion.note !== undefined && h('p', {className: ['note']}, 'Note: ', conclusion.note),
          effects(conclusion, changedBy, model)
        )
      )
    )
  ]
}

/** Text from outside as paragraphs, one per block of lines. */
export function paragraphs(text: string): Markup[] {
  return text.split(/\n\s*\n/).map((p) => h('p', null, p.trim()))
}

/** What the conclusion changed: each amendment with links to the provisions it changed, or "no change to the text". */
function effects(conclusion: ConsultationConclusion, changedBy: Map<string, Entry[]>, model: Model): Markup {
  const amendments = amendmentsOfConclusion(model.comparison, conclusion)
  if (amendments.length === 0) return h('p', {className: ['effect']}, 'No change to the text.')
  return h(
    'ul',
    {className: ['effects']},
    amendments.map((id) => {
      const entries = changedBy.get(id) ?? []
      return h(
        'li',
        null,
        `Amendment ${id}: `,
        entries.length === 0
          ? h('em', null, 'no change to the text')
          : entries.map((entry, i) => [
              i > 0 ? '; ' : '',
              h('a', {href: '#' + entry.id}, labelOf(entry.change, model.names))
            ])
      )
    })
  )
}

/** Amendment id → the shown entries whose causes (or nested sub-provisions' causes) name it. */
function entriesByAmendment(model: Model): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>()
  for (const entry of model.entries) {
    for (const c of [entry.change, ...entry.nested.map((n) => n.change)]) {
      for (const cause of c.causes ?? []) {
        const list = out.get(cause.amendment) ?? []
        if (!list.includes(entry)) list.push(entry)
        out.set(cause.amendment, list)
      }
    }
  }
  return out
}

function politicalPoints(isc: Consultation, model: Model): Markup[] {
  const points = isc.pointsForPoliticalLevel ?? []
  if (points.length === 0) return []
  return [
    h('h3', null, 'Points for the political level'),
    block(
      'ol',
      {className: ['points']},
      points.map((p) =>
        h(
          'li',
          null,
          p.text,
          p.conclusions?.length
            ? [
                ' (',
                p.conclusions.map((id, i) => [
                  i > 0 ? ', ' : '',
                  model.conclusions.includes(id)
                    ? h('a', {href: '#' + conclusionAnchor(model, id)}, `conclusion ${id}`)
                    : `conclusion ${id}`
                ]),
                ')'
              ]
            : undefined
        )
      )
    )
  ]
}
