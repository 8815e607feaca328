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
import type {Comparison, FrameChange, ProvisionChange, Segment} from '@redlex/compare'
import {causeParts, changedItself, documentOrder, foldFormal, frameLabel, labelOf, statusText} from '@redlex/compare'

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
  /** Level of the document's title heading, 1–4 (default 1); sections go one and two levels deeper. */
  depth?: number | null | undefined
}

const STATUS_ORDER = ['modified', 'inserted', 'deleted', 'moved', 'renumbered', 'unchanged'] as const

/**
 * Escape text for Markdown: every ASCII punctuation mark that could start
 * syntax gets a backslash, `&` and `<` become entities, and whitespace at
 * the start of a line is protected, so the text shows exactly as written.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_~[\]#|>{}]/g, (c) => '\\' + c)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    // GFM turns bare URLs and e-mail addresses into links.
    .replace(/(https?|ftp|mailto)(:)/gi, '$1\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
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
function redline(segments: readonly Segment[], markup: Markup, formal: boolean): string[] {
  const lines: string[] = []
  let line = ''
  // A wholly deleted text keeps its block breaks; inside mixed text a deleted break is a deleted `¶`.
  const allRemoved = segments.every((s) => s.removed)
  const piece = (value: string, kind: 'added' | 'removed' | undefined): void => {
    if (value === '') return
    line += kind ? markup.open[kind] + escapeMarkdown(value) + markup.close[kind] : escapeMarkdown(value)
  }
  for (const segment of foldFormal(segments, formal)) {
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

/**
 * Render a comparison as a Markdown redline.
 *
 * @param comparison The comparison (from `compareDocuments`).
 * @param options Rendering options.
 * @returns Markdown text ending in a newline.
 */
export function toMarkdownRedline(comparison: Comparison, options?: Readonly<MarkdownOptions> | null): string {
  const unchanged = options?.unchanged ?? false
  const formal = options?.formal ?? false
  const markup = MARKUPS[options?.markup ?? 'html']
  const depth = Math.min(Math.max(Math.trunc(options?.depth ?? 1), 1), 4)
  const h = (level: number): string => '#'.repeat(depth + level)
  const e = escapeMarkdown
  const out: string[] = []
  const wrap = (kind: 'added' | 'removed', text: string): string => markup.open[kind] + text + markup.close[kind]

  // Header.
  out.push(`${h(0)} Redline: ${e(comparison.before.name)} → ${e(comparison.after.name)}`)
  const meta: string[] = []
  const title = comparison.after.title || comparison.before.title
  if (title) meta.push(`**Act:** ${e(title)}`)
  if (comparison.before.title && comparison.after.title && comparison.before.title !== comparison.after.title) {
    meta.push(`**Title before:** ${e(comparison.before.title)}`)
  }
  meta.push(`**Versions compared:** ${e(comparison.before.name)} (before) → ${e(comparison.after.name)} (after)`)
  if (comparison.isc) {
    const isc = comparison.isc
    meta.push(`**Interservice consultation:** ${e(isc.reference)}${isc.date ? `, ${e(isc.date)}` : ''}${isc.title ? ` — ${e(isc.title)}` : ''}`)
  }
  out.push(meta.join('  \n'))

  // Summary.
  out.push(`${h(1)} Summary`)
  const rows = STATUS_ORDER.map((status) => `| ${status} | ${comparison.summary[status]} |`)
  out.push(['| Provisions | Count |', '| --- | ---: |', ...rows].join('\n'))
  const notes: string[] = []
  if (comparison.tokens) {
    const t = comparison.tokens
    notes.push(`Words: ${t.common} kept, ${t.removed} removed, ${t.added} added.`)
  }
  const frameChanged = comparison.frame.filter((f) => f.status !== 'unchanged').length
  if (comparison.frame.length > 0) notes.push(`Title, formulas and signatures: ${frameChanged} of ${comparison.frame.length} lines changed.`)
  if (comparison.fallbacks) {
    notes.push(`${comparison.fallbacks} ${comparison.fallbacks === 1 ? 'provision' : 'provisions'} ran out of time and ${comparison.fallbacks === 1 ? 'is' : 'are'} shown as a whole replacement.`)
  }
  out.push(notes.join(' '))
  out.push(`Legend: ${wrap('removed', 'deleted text')} · ${wrap('added', 'inserted text')} · a deleted block break shows as ${wrap('removed', '¶')}.` +
    (formal ? '' : ' Differences of form only (spacing, quote style, updated cross-references) are shown in their new form.'))

  // Body.
  const sections: string[] = []
  let hidden = 0
  const frameSection = (frame: FrameChange): void => {
    if (frame.status === 'unchanged' && !unchanged) return
    sections.push(`${h(2)} ${e(frameLabel(frame))} — ${frame.status}`)
    sections.push(...redline(frame.diff, markup, formal))
  }
  const provisionBlock = (change: ProvisionChange, into: string[], prefix: string): void => {
    if (change.heading && change.heading.length > 0) {
      const heading = redline(change.heading, markup, formal).join(' ')
      if (heading) into.push(`${prefix}*Heading:* ${heading}`)
    }
    const lines = redline(change.diff, markup, formal)
    lines.forEach((l) => into.push(prefix + l))
  }
  const visit = (change: ProvisionChange): void => {
    const own = changedItself(change)
    if (!own && !unchanged) {
      if (change.status === 'unchanged') hidden++
      change.children.forEach(visit)
      return
    }
    sections.push(`${h(2)} ${e(labelOf(change))} — ${e(statusText(change))}`)
    const body: string[] = []
    provisionBlock(change, body, '')
    if (change.fallback === 'replaced') body.push('*The word-level redline ran out of time: the text is shown as replaced as a whole.*')
    // Inserted or deleted sub-provisions go in the same section, each on its own line.
    const sameStatus = (child: ProvisionChange, level: number): void => {
      const num = child[child.status === 'deleted' ? 'before' : 'after']?.num
      const lines: string[] = []
      provisionBlock(child, lines, '')
      const kind = child.status === 'deleted' ? 'removed' : 'added'
      const head = num ? wrap(kind, e(num)) + ' ' : ''
      const indent = '\u00a0'.repeat(2 * level)
      if (lines.length === 0 && head) body.push(indent + head.trimEnd())
      lines.forEach((l, i) => body.push(indent + (i === 0 ? head : '') + l))
      for (const grandchild of child.children) {
        if (grandchild.status === child.status) sameStatus(grandchild, level + 1)
      }
    }
    const rest: ProvisionChange[] = []
    for (const child of change.children) {
      if ((change.status === 'inserted' || change.status === 'deleted') && child.status === change.status) sameStatus(child, 1)
      else rest.push(child)
    }
    if (body.length === 0) body.push('*No text of its own.*')
    sections.push(...body)
    if (change.causes && change.causes.length > 0) sections.push(causesList(change))
    rest.forEach(visit)
  }
  const causesList = (change: ProvisionChange): string => {
    const items = (change.causes ?? []).map((cause) => {
      const parts = causeParts(cause)
      let line = `- Amendment ${e(parts.amendment)}`
      if (parts.conclusion) line += `, conclusion ${e(parts.conclusion)}`
      if (parts.services) line += `, requested by ${e(parts.services)}`
      if (parts.text) line += `: ${e(parts.text)}`
      if (parts.note) line += ` (note: ${e(parts.note)})`
      return line
    })
    return ['**Why:**', '', ...items].join('\n')
  }
  const frameItems = documentOrder(comparison)
  const frameFirst = frameItems.filter((i) => i.type === 'frame')
  if (frameFirst.some((i) => i.type === 'frame' && (unchanged || i.frame.status !== 'unchanged'))) {
    sections.push(`${h(1)} Title, formulas and signatures`)
    for (const item of frameFirst) if (item.type === 'frame') frameSection(item.frame)
  }
  sections.push(`${h(1)} Provisions`)
  const before = sections.length
  for (const item of frameItems) if (item.type === 'provision') visit(item.change)
  if (sections.length === before) sections.push('No provision changed.')
  if (!unchanged && hidden > 0) sections.push(`*${hidden} unchanged ${hidden === 1 ? 'provision is' : 'provisions are'} not shown.*`)
  out.push(...sections)
  return out.join('\n\n') + '\n'
}
