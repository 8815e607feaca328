/**
 * The title block and the consultation section of the Word comparison: what
 * is compared, how to read it, and the interservice consultation — facts,
 * consulted services with their opinions and comments, each conclusion once
 * with the provisions its amendments changed (or no change to the text), the
 * points for the political level.
 */
import type {Comparison, Consultation, ProvisionChange} from '@redlex/compare'
import {amendmentsOfConclusion, changesByAmendment, labelOf, opinionText} from '@redlex/compare'
import {PageBreak, Paragraph, TextRun} from 'docx'

const para = (style: string, ...runs: Array<TextRun | string>): Paragraph =>
  new Paragraph({style, children: runs.map((r) => (typeof r === 'string' ? new TextRun(r) : r))})

const bold = (text: string): TextRun => new TextRun({text, bold: true})

/** The title block: what is compared and how to read the tracked changes. */
export function titleBlock(comparison: Comparison, title: string): Paragraph[] {
  const {before, after} = comparison
  const out = [
    para('CoverKicker', 'Comparison of two versions'),
    para('CoverTitle', title),
    para('CoverLine', 'From the ', bold(before.name), ' to the ', bold(after.name)),
    para(
      'CoverNote',
      `Changes are tracked: accepting them all gives the ${after.name}, rejecting them all the ${before.name}. ` +
        'Each revision is authored by the services that asked for it; comments give the conclusion behind it. ' +
        `Provisions are numbered as in the ${after.name}.`
    )
  ]
  if (comparison.isc)
    out.push(
      para(
        'CoverLine',
        `Interservice consultation ${comparison.isc.reference}${comparison.isc.date ? ` of ${comparison.isc.date}` : ''}`
      )
    )
  return out
}

/** The consultation section (nothing without an ISC), ending on a page break. */
export function consultationParagraphs(comparison: Comparison): Paragraph[] {
  const isc = comparison.isc
  if (!isc) return [new Paragraph({children: [new PageBreak()]})]
  const out: Paragraph[] = [para('SectionHeading', `Interservice consultation ${isc.reference}`), ...facts(isc)]
  if (isc.note) out.push(para('Normal', `Note: ${isc.note}`))
  if (isc.services?.length) {
    out.push(para('SubHeading', 'Consulted services'))
    for (const s of isc.services) {
      const comments = (s.comments ?? []).map(
        (c) => `${c.redacted ? '[redacted]' : (c.text ?? '')}${c.about ? ` (about ${c.about})` : ''}`
      )
      out.push(
        para(
          'ListLine',
          bold(s.service),
          ` — ${opinionText(s.opinion)}`,
          ...comments.map((c) => `; ${c}`),
          s.note ? `. Note: ${s.note}` : ''
        )
      )
    }
  }
  if (isc.conclusions?.length) out.push(...conclusions(comparison, isc))
  if (isc.pointsForPoliticalLevel?.length) {
    out.push(para('SubHeading', 'Points for the political level'))
    isc.pointsForPoliticalLevel.forEach((p, i) =>
      out.push(
        para(
          'ListLine',
          `${i + 1}. ${p.text}${p.conclusions?.length ? ` (conclusion ${p.conclusions.join(', ')})` : ''}`
        )
      )
    )
  }
  out.push(new Paragraph({children: [new PageBreak()]}))
  return out
}

function facts(isc: Consultation): Paragraph[] {
  const rows: Array<[string, string | undefined]> = [
    ['Subject', isc.title],
    [
      'Procedure',
      isc.procedure && `${isc.procedure}${isc.fastTrackAuthorised ? ` (authorised on ${isc.fastTrackAuthorised})` : ''}`
    ],
    ['Date', isc.date],
    [
      'Chair',
      isc.chair &&
        `${isc.chair.name}${isc.chair.service ? ` (${isc.chair.service})` : ''}${isc.chair.role ? `, ${isc.chair.role}` : ''}`
    ],
    ['Lead services', isc.leadServices?.join(', ')],
    ['Minutes approved', isc.approvalDate]
  ]
  return rows.filter(([, v]) => v).map(([k, v]) => para('ListLine', bold(`${k}: `), v!))
}

function conclusions(comparison: Comparison, isc: Consultation): Paragraph[] {
  const byAmendment = changesByAmendment(comparison)
  const out = [para('SubHeading', 'Conclusions')]
  const label = (c: ProvisionChange): string =>
    labelOf(c, {before: comparison.before.name, after: comparison.after.name})
  for (const conclusion of isc.conclusions ?? []) {
    out.push(
      para(
        'ConclusionHeading',
        `Conclusion ${conclusion.id}${conclusion.requestedBy?.length ? ` — requested by ${conclusion.requestedBy.join(', ')}` : ''}`
      )
    )
    for (const block of conclusion.text.split(/\n\s*\n/)) out.push(para('ConclusionText', block.trim()))
    if (conclusion.note) out.push(para('ListLine', `Note: ${conclusion.note}`))
    const amendments = amendmentsOfConclusion(comparison, conclusion)
    if (amendments.length === 0) out.push(para('ListLine', 'No change to the text.'))
    for (const id of amendments) {
      const changed = byAmendment.get(id) ?? []
      out.push(
        para('ListLine', `Amendment ${id}: `, changed.length ? changed.map(label).join('; ') : 'no change to the text')
      )
    }
  }
  return out
}
