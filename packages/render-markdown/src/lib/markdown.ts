/**
 * A Markdown redline of a comparison: a header (versions, ISC), summary
 * counts, a legend, then one section per changed provision with its label,
 * status, heading and text redline and the causes of the change.
 *
 * Deleted text is `<del>…</del>` and inserted text `<ins>…</ins>` (inline
 * HTML, which GitHub, GitLab and VS Code render as strikethrough and
 * underline, and which reads unambiguously as source). Everything else is
 * escaped, so the act's own `*`, `~`, `<`, `[` or `#` can never open
 * Markdown syntax or be mistaken for a change marker. The `brackets`
 * markup (`[-deleted-]{+inserted+}`, as in `git diff --word-diff`) suits
 * viewers that strip inline HTML.
 */
import type {
  Comparison,
  Consultation,
  FrameChange,
  NoteChange,
  NotedItem,
  ProvisionChange,
  Segment,
  ServiceComment,
  VersionNames
} from '@redlex/compare'
import {
  amendmentsOfConclusion,
  causeGroups,
  changedItself,
  changesByAmendment,
  commentsByChange,
  documentOrder,
  foldFormal,
  frameLabel,
  labelOf,
  opinionText,
  statusText,
  withNotes
} from '@redlex/compare'

/** Options for `toMarkdownRedline`. */
export interface MarkdownOptions {
  /** Show unchanged provisions and frame lines too (default `false`: only changes, with a count of the rest). */
  unchanged?: boolean | null | undefined
  /** Change markers: `html` (`<del>`/`<ins>`, default) or `brackets` (`[-…-]`/`{+…+}`). */
  markup?: 'html' | 'brackets' | null | undefined
  /**
   * Show formal pairs (layout-only or renumbering-only differences, see
   * `Segment.formal`) as deletions and insertions (default `false`: show
   * the second version's form as plain text).
   */
  formal?: boolean | null | undefined
  /** Level of the document's title heading, 1–4 (default 1); sections go one, two and three levels deeper. */
  depth?: number | null | undefined
  /** The document title (default `Redline: <before> → <after>`). */
  title?: string | null | undefined
}

const STATUS_ORDER = ['modified', 'inserted', 'deleted', 'moved', 'renumbered', 'unchanged'] as const

/**
 * Escape text for Markdown: every ASCII punctuation mark that could start
 * syntax gets a backslash, `&` and `<` become entities, and whitespace at
 * the start of a line is protected, so the text shows exactly as written.
 */
export function escapeMarkdown(value: string): string {
  return (
    value
      .replace(/[\\`*_~[\]#|>{}]/g, (c) => '\\' + c)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      // GFM turns bare URLs and e-mail addresses into links.
      .replace(/(https?|ftp|mailto)(:)/gi, '$1\\:')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/@/g, '\\@')
  )
}

/**
 * Text from outside (a conclusion, a comment, a note) as Markdown lines:
 * each line escaped and its start protected, blank lines dropped, the lines
 * joined by hard breaks indented by `indent` — so a text holding a blank line
 * and `- Amendment …` stays inside its paragraph or list item and can never
 * open a new bullet, heading or paragraph.
 */
export function escapeLines(value: string, indent = ''): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => protectLineStart(escapeMarkdown(line)))
    .join('  \n' + indent)
}

/**
 * Keep the start of an output line from reading as a block: `1.`/`1)` (an
 * ordered list), `-`/`+` (a bullet), `===`/`---` (a setext underline) and
 * leading spaces (indented code).
 */
function protectLineStart(line: string): string {
  return line
    .replace(/^( +)/, (spaces) => '&#32;'.repeat(spaces.length))
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1')
}

interface Markup {
  open: {added: string; removed: string}
  close: {added: string; removed: string}
}

const MARKUPS: Record<'html' | 'brackets', Markup> = {
  html: {open: {added: '<ins>', removed: '<del>'}, close: {added: '</ins>', removed: '</del>'}},
  brackets: {open: {added: '{+', removed: '[-'}, close: {added: '+}', removed: '-]'}}
}

/** Render a redline as Markdown paragraphs (one per text block); a removed block break shows as a deleted `¶`. */
function redline(segments: readonly Segment[], markup: Markup, formal: boolean, notes?: NoteRefs): string[] {
  const lines: string[] = []
  let line = ''
  // A wholly deleted text keeps its block breaks; inside mixed text a deleted break is a deleted `¶`.
  const allRemoved = segments.every((s) => s.removed)
  const piece = (value: string, kind: 'added' | 'removed' | undefined): void => {
    if (value === '') return
    line += kind ? markup.open[kind] + escapeMarkdown(value) + markup.close[kind] : escapeMarkdown(value)
  }
  for (const item of notedItems(segments, formal, notes)) {
    if (item.type === 'note') {
      // A footnote reference (`[^n2]`), inserted or deleted with its note.
      const ref = notes!.ref(item.note)
      line +=
        item.note.status === 'inserted'
          ? markup.open.added + ref + markup.close.added
          : item.note.status === 'deleted'
            ? markup.open.removed + ref + markup.close.removed
            : ref
      continue
    }
    const segment = item.segment
    const kind = segment.added ? 'added' : segment.removed ? 'removed' : undefined
    const parts = kind === 'removed' && !allRemoved ? [segment.value.replace(/\n/g, '¶')] : segment.value.split('\n')
    parts.forEach((part, index) => {
      if (index > 0) {
        lines.push(line)
        line = ''
      }
      piece(part, kind)
    })
  }
  lines.push(line)
  return lines.filter((l) => l.trim() !== '').map(protectLineStart)
}

/** The footnotes of a redline and the label each gets (`[^n2]`). */
interface NoteRefs {
  notes: readonly NoteChange[]
  place?: 'heading'
  ref: (note: NoteChange) => string
}

/** The redline's segments with formal pairs folded (unless shown) and footnote markers placed. */
function notedItems(segments: readonly Segment[], formal: boolean, notes: NoteRefs | undefined): NotedItem[] {
  if (!notes || notes.notes.length === 0)
    return foldFormal(segments, formal).map((segment) => ({type: 'segment', segment}))
  const out: NotedItem[] = []
  for (const item of withNotes(segments, notes.notes, notes.place)) {
    if (item.type === 'segment' && item.segment.formal && !formal) {
      if (!item.segment.removed) out.push({type: 'segment', segment: {value: item.segment.value}})
    } else out.push(item)
  }
  return out
}

/** What the section renderers share. */
interface Context {
  comparison: Comparison
  options: {unchanged: boolean; formal: boolean}
  markup: Markup
  /** `#` repeated for a heading `level` levels below the title. */
  h: (level: number) => string
  names: VersionNames
  /** Provisions with written comments about them. */
  comments: Map<ProvisionChange, ServiceComment[]>
  /** Conclusions shown in the consultation section (causes refer to them instead of repeating their text). */
  described: Set<string>
  /** Footnote labels given so far (`n1`, `n2`…: unique in the document). */
  footnotes: number
}

/**
 * Render a comparison as a Markdown redline.
 *
 * @param comparison The comparison (from `compareDocuments`).
 * @param options Rendering options.
 * @returns Markdown text ending in a newline.
 */
export function toMarkdownRedline(comparison: Comparison, options?: Readonly<MarkdownOptions> | null): string {
  const depth = Math.min(Math.max(Math.trunc(options?.depth ?? 1), 1), 4)
  const context: Context = {
    comparison,
    options: {unchanged: options?.unchanged ?? false, formal: options?.formal ?? false},
    markup: MARKUPS[options?.markup ?? 'html'],
    h: (level) => '#'.repeat(depth + level),
    names: {before: comparison.before.name, after: comparison.after.name},
    comments: commentsByChange(comparison),
    described: new Set((comparison.isc?.conclusions ?? []).map((c) => c.id)),
    footnotes: 0
  }
  const title = options?.title ?? `Redline: ${comparison.before.name} → ${comparison.after.name}`
  return (
    [
      `${context.h(0)} ${escapeMarkdown(title)}`,
      header(context),
      ...summary(context),
      ...(comparison.isc ? consultation(comparison.isc, context) : []),
      ...frameSection(context),
      ...provisions(context)
    ].join('\n\n') + '\n'
  )
}

function header({comparison, names}: Context): string {
  const e = escapeMarkdown
  const meta: string[] = []
  const title = comparison.after.title || comparison.before.title
  if (title) meta.push(`**Act:** ${e(title)}`)
  if (comparison.before.title && comparison.after.title && comparison.before.title !== comparison.after.title) {
    meta.push(`**Title in the ${e(names.before)}:** ${e(comparison.before.title)}`)
  }
  meta.push(`**Versions compared:** ${e(names.before)} (before) → ${e(names.after)} (after)`)
  meta.push(
    `**Numbering:** provisions are labelled as numbered in the ${e(names.after)}; deleted provisions, and the former place of moved and renumbered ones, as numbered in the ${e(names.before)}.`
  )
  if (comparison.isc) {
    const isc = comparison.isc
    meta.push(
      `**Interservice consultation:** ${e(isc.reference)}${isc.date ? `, ${e(isc.date)}` : ''}${isc.title ? ` — ${escapeLines(isc.title)}` : ''}`
    )
  }
  return meta.join('  \n')
}

function summary({comparison, h, markup, options}: Context): string[] {
  const rows = STATUS_ORDER.map((status) => `| ${status} | ${comparison.summary[status]} |`)
  const notes: string[] = []
  if (comparison.tokens) {
    const t = comparison.tokens
    notes.push(`Words: ${t.common} kept, ${t.removed} removed, ${t.added} added.`)
  }
  const frameChanged = comparison.frame.filter((f) => f.status !== 'unchanged').length
  if (comparison.frame.length > 0)
    notes.push(`Title, formulas and signatures: ${frameChanged} of ${comparison.frame.length} lines changed.`)
  if (comparison.fallbacks) {
    notes.push(
      `${comparison.fallbacks} ${comparison.fallbacks === 1 ? 'provision' : 'provisions'} fell back to a whole replacement and ${comparison.fallbacks === 1 ? 'is' : 'are'} shown as such.`
    )
  }
  const wrap = (kind: 'added' | 'removed', text: string): string => markup.open[kind] + text + markup.close[kind]
  const legend =
    `Legend: ${wrap('removed', 'deleted text')} · ${wrap('added', 'inserted text')} · a deleted block break shows as ${wrap('removed', '¶')}.` +
    (options.formal
      ? ''
      : ' Differences of form only (spacing, quote style, updated cross-references) are shown in their new form.')
  return [`${h(1)} Summary`, ['| Provisions | Count |', '| --- | ---: |', ...rows].join('\n'), notes.join(' '), legend]
}

// --- The consultation -------------------------------------------------------

function consultation(isc: Consultation, context: Context): string[] {
  const {h} = context
  const e = escapeMarkdown
  const out = [`${h(1)} Interservice consultation ${e(isc.reference)}`]
  const facts: string[] = []
  if (isc.title) facts.push(`**Subject:** ${escapeLines(isc.title)}`)
  if (isc.procedure)
    facts.push(
      `**Procedure:** ${e(isc.procedure)}${isc.fastTrackAuthorised ? ` (authorised on ${e(isc.fastTrackAuthorised)})` : ''}`
    )
  if (isc.date) facts.push(`**Date:** ${e(isc.date)}`)
  if (isc.chair)
    facts.push(
      `**Chair:** ${e(isc.chair.name)}${isc.chair.service ? ` (${e(isc.chair.service)})` : ''}${isc.chair.role ? `, ${e(isc.chair.role)}` : ''}`
    )
  if (isc.leadServices && isc.leadServices.length > 0)
    facts.push(`**Lead services:** ${e(isc.leadServices.join(', '))}`)
  if (isc.approvalDate) facts.push(`**Minutes approved:** ${e(isc.approvalDate)}`)
  if (facts.length > 0) out.push(facts.join('  \n'))
  if (isc.note) out.push(`*Note:* ${escapeLines(isc.note)}`)
  if (isc.services && isc.services.length > 0) out.push(...servicesTable(isc, h))
  if (isc.conclusions && isc.conclusions.length > 0) out.push(...conclusions(isc, context))
  if (isc.pointsForPoliticalLevel && isc.pointsForPoliticalLevel.length > 0) {
    out.push(`${h(2)} Points for the political level`)
    out.push(
      isc.pointsForPoliticalLevel
        .map((p, i) => {
          const refs = p.conclusions && p.conclusions.length > 0 ? ` (conclusion ${e(p.conclusions.join(', '))})` : ''
          return `${i + 1}. ${escapeLines(p.text, '   ')}${refs}`
        })
        .join('\n')
    )
  }
  return out
}

/** A comment in words for a table cell or a list: `[redacted]`, or its text, with what it is about. */
function commentWords(comment: {text?: string; redacted?: boolean; about?: string}, withAbout = true): string {
  const text = comment.redacted ? '\\[redacted\\]' : comment.text !== undefined ? escapeOneLine(comment.text) : ''
  return withAbout && comment.about !== undefined ? `${text} (about ${escapeMarkdown(comment.about)})` : text
}

/** Text from outside on one line (a table cell): its lines escaped and joined by spaces. */
const escapeOneLine = (value: string): string => escapeLines(value).replace(/ {2}\n/g, ' ')

function servicesTable(isc: Consultation, h: Context['h']): string[] {
  const e = escapeMarkdown
  const rows = (isc.services ?? []).map((s) => {
    const comments = (s.comments ?? []).map((c) => commentWords(c))
    if (s.note) comments.push(`*Note:* ${escapeOneLine(s.note)}`)
    return `| ${e(s.service)} | ${e(opinionText(s.opinion))} | ${comments.join('<br>') || '—'} |`
  })
  return [`${h(2)} Consulted services`, ['| Service | Opinion | Comments |', '| --- | --- | --- |', ...rows].join('\n')]
}

function conclusions(isc: Consultation, {comparison, h, names}: Context): string[] {
  const e = escapeMarkdown
  const byAmendment = changesByAmendment(comparison)
  const out = [`${h(2)} Conclusions`]
  for (const conclusion of isc.conclusions ?? []) {
    out.push(`${h(3)} Conclusion ${e(conclusion.id)}`)
    const lines = [escapeLines(conclusion.text)]
    if (conclusion.requestedBy && conclusion.requestedBy.length > 0)
      lines.push(`*Requested by:* ${e(conclusion.requestedBy.join(', '))}`)
    if (conclusion.note) lines.push(`*Note:* ${escapeLines(conclusion.note)}`)
    out.push(lines.join('  \n'))
    const items = amendmentsOfConclusion(comparison, conclusion).map((id) => {
      const changed = byAmendment.get(id) ?? []
      const where = changed.length > 0 ? changed.map((c) => e(labelOf(c, names))).join('; ') : 'no change to the text'
      return `- Amendment ${e(id)}: ${where}`
    })
    out.push(items.length > 0 ? `*Changes to the text:*\n\n${items.join('\n')}` : '*No change to the text.*')
  }
  return out
}

// --- Frame and provisions ---------------------------------------------------

function frameSection(context: Context): string[] {
  const {comparison, h, markup, options} = context
  const frames = comparison.frame.filter((f) => options.unchanged || f.status !== 'unchanged')
  if (frames.length === 0) return []
  const out = [`${h(1)} Title, formulas and signatures`]
  for (const frame of documentOrder(comparison).flatMap((i) =>
    i.type === 'frame' && frames.includes(i.frame) ? [i.frame] : []
  )) {
    const definitions: string[] = []
    const notes = noteRefs(frame, context, definitions)
    out.push(
      `${h(2)} ${escapeMarkdown(frameLabel(frame))} — ${frame.status}`,
      ...redline(frame.diff, markup, options.formal, notes),
      ...definitions
    )
  }
  return out
}

function provisions(context: Context): string[] {
  const {comparison, h, options} = context
  const out = [`${h(1)} Provisions`]
  let hidden = 0
  const visit = (change: ProvisionChange): void => {
    if (!changedItself(change) && !options.unchanged && !context.comments.has(change)) {
      if (change.status === 'unchanged') hidden++
      change.children.forEach(visit)
      return
    }
    out.push(...provisionSection(change, context))
    for (const child of change.children) if (!sameStatusChild(change, child)) visit(child)
  }
  for (const item of documentOrder(comparison)) if (item.type === 'provision') visit(item.change)
  if (out.length === 1) out.push('No provision changed.')
  if (!options.unchanged && hidden > 0)
    out.push(`*${hidden} unchanged ${hidden === 1 ? 'provision is' : 'provisions are'} not shown.*`)
  return out
}

/** An inserted (deleted) child of an inserted (deleted) provision: shown inside its parent's section. */
const sameStatusChild = (parent: ProvisionChange, child: ProvisionChange): boolean =>
  (parent.status === 'inserted' || parent.status === 'deleted') && child.status === parent.status

function provisionSection(change: ProvisionChange, context: Context): string[] {
  const {h, markup, names, options} = context
  const definitions: string[] = []
  const body = ownBlock(change, markup, options.formal, '', noteRefs(change, context, definitions))
  if (change.fallback === 'replaced')
    body.push('*The word-level redline fell back to a whole replacement: the text is shown as replaced as a whole.*')
  for (const child of change.children)
    if (sameStatusChild(change, child)) nestedBlock(child, 1, body, context, definitions)
  if (body.length === 0) body.push('*No text of its own.*')
  body.push(...definitions)
  const out = [
    `${h(2)} ${escapeMarkdown(labelOf(change, names))} — ${escapeMarkdown(statusText(change, names))}`,
    ...body
  ]
  const why = whyList(change, context)
  if (why) out.push(why)
  const comments = context.comments.get(change)
  if (comments)
    out.push(
      ['**Comments:**', '', ...comments.map((c) => `- ${escapeMarkdown(c.service)}: ${commentWords(c, false)}`)].join(
        '\n'
      )
    )
  return out
}

function ownBlock(
  change: ProvisionChange,
  markup: Markup,
  formal: boolean,
  prefix: string,
  notes?: NoteRefs
): string[] {
  const into: string[] = []
  if (change.heading && change.heading.length > 0) {
    const heading = redline(change.heading, markup, formal, notes && {...notes, place: 'heading'}).join(' ')
    if (heading) into.push(`${prefix}*Heading:* ${heading}`)
  }
  for (const line of redline(change.diff, markup, formal, notes)) into.push(prefix + line)
  return into
}

/**
 * Labels for a change's footnotes, and their definitions (`[^n2]: text`,
 * with the note's own redline) added to `definitions` as they are given.
 */
function noteRefs(
  change: Pick<ProvisionChange, 'notes'>,
  context: Context,
  definitions: string[]
): NoteRefs | undefined {
  const notes = change.notes ?? []
  if (notes.length === 0) return undefined
  const labels = new Map<NoteChange, string>()
  return {
    notes,
    ref: (note) => {
      let label = labels.get(note)
      if (label === undefined) {
        label = `n${++context.footnotes}`
        labels.set(note, label)
        definitions.push(`[^${label}]: ${redline(note.diff, context.markup, context.options.formal).join(' ')}`)
      }
      return `[^${label}]`
    }
  }
}

/** An inserted or deleted sub-provision inside its parent's section, on its own indented lines. */
function nestedBlock(
  child: ProvisionChange,
  level: number,
  body: string[],
  context: Context,
  definitions: string[]
): void {
  const {markup, options} = context
  const num = child[child.status === 'deleted' ? 'before' : 'after']?.num
  const lines = ownBlock(child, markup, options.formal, '', noteRefs(child, context, definitions))
  const kind = child.status === 'deleted' ? 'removed' : 'added'
  const head = num ? markup.open[kind] + escapeMarkdown(num) + markup.close[kind] + ' ' : ''
  const indent = '\u00a0'.repeat(2 * level)
  if (lines.length === 0 && head) body.push(indent + head.trimEnd())
  lines.forEach((l, i) => body.push(indent + (i === 0 ? head : '') + l))
  for (const grandchild of child.children)
    if (grandchild.status === child.status) nestedBlock(grandchild, level + 1, body, context, definitions)
}

/**
 * Why a provision changed: one item per conclusion (or amendment without
 * one), its text given here only when the consultation section does not
 * give it. Every text from outside is escaped line by line.
 */
function whyList(change: ProvisionChange, context: Context): string | undefined {
  const e = escapeMarkdown
  const groups = causeGroups(change.causes)
  if (groups.length === 0) return undefined
  const items = groups.map((group) => {
    const parts: string[] = []
    if (group.conclusion !== undefined)
      parts.push(
        `Conclusion ${e(group.conclusion)}${context.described.has(group.conclusion) ? ' (see the consultation above)' : ''}`
      )
    parts.push(e(group.amendments.join(', ')))
    if (group.services.length > 0) parts.push(`requested by ${e(group.services.join(', '))}`)
    let item = `- ${parts.join(', ')}`
    if (group.text !== undefined && (group.conclusion === undefined || !context.described.has(group.conclusion)))
      item += `:  \n  ${escapeLines(group.text, '  ')}`
    for (const note of group.notes) item += `  \n  *Note:* ${escapeLines(note, '  ')}`
    return item
  })
  return ['**Why:**', '', ...items].join('\n')
}
