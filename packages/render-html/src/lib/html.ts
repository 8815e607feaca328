/**
 * A standalone HTML comparison document: one file, no scripts, no external
 * resources (the stylesheet is inline, fonts are the reader's own), every
 * piece of text escaped. It holds a header (act, versions, ISC), summary
 * counts, a legend, a table of contents of changed provisions, and two
 * views of the changes — an inline redline with the causes beside each
 * change, and a two-column before | after table — switched with plain
 * links (CSS `:target`), both printed on paper.
 */
import type {Cause, Comparison, FrameChange, ProvisionChange, Segment} from '@redlex/compare'
import {causeParts, changedItself, documentOrder, frameLabel, labelOf, statusText} from '@redlex/compare'
import {STYLESHEET} from './style.js'

/** Options for `toHtml`. */
export interface HtmlOptions {
  /** Show unchanged provisions and frame lines too (default `false`: only changes, with a count of the rest). */
  unchanged?: boolean | null | undefined
  /**
   * Show formal pairs (layout-only or renumbering-only differences, see
   * `Segment.formal`) as deletions and insertions (default `false`: the new
   * form, dotted-underlined, with the old form in a tooltip).
   */
  formal?: boolean | null | undefined
  /** The document title (default `Redline: <before> → <after>`). */
  title?: string | null | undefined
  /** The `lang` of the document (default `en`). */
  lang?: string | null | undefined
}

/** Escape text for HTML text and (double- or single-quoted) attribute values. */
export function escapeHtml(value: string): string {
  // Most text has nothing to escape: test first (a native scan) before replacing.
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ENTITIES[c]!) : value
}

const SPECIAL = /[&<>"']/
const SPECIALS = /[&<>"']/g
const ENTITIES: Readonly<Record<string, string>> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

const e = escapeHtml

type Mode = 'inline' | 'before' | 'after'

/**
 * A redline as HTML blocks (one per text block). `inline` shows both
 * versions with `<del>`/`<ins>`; `before`/`after` show one version, with
 * what the other lacks marked.
 */
function redline(segments: readonly Segment[], mode: Mode, formal: boolean): string[] {
  const blocks: string[] = []
  let block = ''
  const allRemoved = segments.every((s) => s.removed)
  const emit = (text: string, wrap: (t: string) => string, breaks: 'split' | 'pilcrow'): void => {
    const parts = breaks === 'split' ? text.split('\n') : [text.replace(/\n/g, '¶')]
    parts.forEach((part, index) => {
      if (index > 0) {
        blocks.push(block)
        block = ''
      }
      if (part !== '') block += wrap(e(part))
    })
  }
  const del = (t: string): string => `<del>${t}</del>`
  const ins = (t: string): string => `<ins>${t}</ins>`
  const none = (t: string): string => t
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!
    if (s.formal && !formal) {
      // A formal pair: show the second version's form (or the first's, in the before column).
      if (s.removed) {
        const next = segments[i + 1]
        if (next?.formal && next.added) {
          const shown = mode === 'before' ? s.value : next.value
          const other = mode === 'before' ? next.value : s.value
          const title = `${s.formal === 'renumbering' ? 'Reference updated' : 'Changed in form only'}; ${mode === 'before' ? 'now' : 'was'}: ${other}`
          emit(shown, (t) => `<span class="formal" title="${e(title)}">${t}</span>`, 'split')
          i++
          continue
        }
        if (mode !== 'after') emit(s.value, none, 'split')
        continue
      }
      if (mode !== 'before') emit(s.value, none, 'split')
      continue
    }
    if (s.added) {
      if (mode !== 'before') emit(s.value, ins, 'split')
    } else if (s.removed) {
      if (mode !== 'after') emit(s.value, del, mode === 'inline' && !allRemoved ? 'pilcrow' : 'split')
    } else emit(s.value, none, 'split')
  }
  blocks.push(block)
  return blocks.filter((b) => b !== '')
}

const STATUS_ORDER = ['modified', 'inserted', 'deleted', 'moved', 'renumbered', 'unchanged'] as const

/** An `id` from a counter and an eId: letters, digits, `_` and `-` only. */
const anchor = (prefix: string, n: number, eId: string | undefined): string => `${prefix}${n}${eId ? '-' + eId.replace(/[^A-Za-z0-9_-]/g, '-') : ''}`

function causesHtml(causes: readonly Cause[]): string {
  const items = causes.map((cause) => {
    const parts = causeParts(cause)
    let html = `<li><span class="amendment">Amendment ${e(parts.amendment)}</span>`
    if (parts.conclusion) html += `<br><span class="conclusion">Conclusion ${e(parts.conclusion)}</span>`
    if (parts.services) html += `<br><span class="services">Requested by ${e(parts.services)}</span>`
    if (parts.text) html += `<blockquote>${e(parts.text)}</blockquote>`
    if (parts.note) html += `<p class="note">Note: ${e(parts.note)}</p>`
    return html + '</li>'
  })
  return `<ul>${items.join('')}</ul>`
}

interface Entry {
  change: ProvisionChange
  id: string
  sideId: string
  /** Inserted or deleted sub-provisions shown inside this entry. */
  nested: Array<{change: ProvisionChange; level: number}>
}

/**
 * Render a comparison as a standalone HTML document.
 *
 * @param comparison The comparison (from `compareDocuments`).
 * @param options Rendering options.
 * @returns An HTML5 document, ending in a newline.
 */
export function toHtml(comparison: Comparison, options?: Readonly<HtmlOptions> | null): string {
  const unchanged = options?.unchanged ?? false
  const formal = options?.formal ?? false
  const lang = options?.lang ?? 'en'
  const before = comparison.before.name
  const after = comparison.after.name
  const act = comparison.after.title || comparison.before.title
  const title = options?.title ?? `Redline: ${before} → ${after}${act ? ` — ${act}` : ''}`

  // Collect the entries in document order.
  const entries: Entry[] = []
  const frames: FrameChange[] = []
  let hidden = 0
  let counter = 0
  const collectNested = (change: ProvisionChange, level: number, into: Entry['nested']): ProvisionChange[] => {
    const rest: ProvisionChange[] = []
    for (const child of change.children) {
      if ((change.status === 'inserted' || change.status === 'deleted') && child.status === change.status) {
        into.push({change: child, level})
        rest.push(...collectNested(child, level + 1, into))
      } else rest.push(child)
    }
    return rest
  }
  const visit = (change: ProvisionChange): void => {
    if (!changedItself(change) && !unchanged) {
      if (change.status === 'unchanged') hidden++
      change.children.forEach(visit)
      return
    }
    counter++
    const eId = change.after?.eId ?? change.before?.eId
    const entry: Entry = {change, id: anchor('c', counter, eId), sideId: anchor('s', counter, eId), nested: []}
    entries.push(entry)
    collectNested(change, 1, entry.nested).forEach(visit)
  }
  for (const item of documentOrder(comparison)) {
    if (item.type === 'frame') {
      if (unchanged || item.frame.status !== 'unchanged') frames.push(item.frame)
    } else visit(item.change)
  }

  const out: string[] = []
  out.push('<!DOCTYPE html>', `<html lang="${e(lang)}">`, '<head>', '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="generator" content="redlex">',
    `<title>${e(title)}</title>`, `<style>${STYLESHEET}</style>`, '</head>', '<body>')

  // Header.
  out.push('<header class="masthead">', `<p class="kicker">Comparison of two versions</p>`, `<h1>${e(act || title)}</h1>`, '<dl class="meta">')
  out.push(`<dt>Versions compared</dt><dd><span class="version">${e(before)}</span> (before) → <span class="version">${e(after)}</span> (after)</dd>`)
  if (comparison.before.title && comparison.after.title && comparison.before.title !== comparison.after.title) {
    out.push(`<dt>Title before</dt><dd>${e(comparison.before.title)}</dd>`)
  }
  if (comparison.isc) {
    const isc = comparison.isc
    out.push(`<dt>Interservice consultation</dt><dd>${e(isc.reference)}${isc.title ? ` — ${e(isc.title)}` : ''}</dd>`)
    if (isc.date) {
      const iso = /^\d{4}-\d{2}-\d{2}/.test(isc.date) ? ` datetime="${e(isc.date.slice(0, 10))}"` : ''
      out.push(`<dt>ISC date</dt><dd><time${iso}>${e(isc.date)}</time></dd>`)
    }
  }
  out.push('</dl>', '</header>', '<main>')

  // Summary.
  out.push('<section class="summary" aria-labelledby="summary">', '<h2 id="summary">Summary</h2>', '<table class="counts">',
    '<thead><tr><th scope="col">Provisions</th><th scope="col">Count</th></tr></thead>', '<tbody>')
  for (const status of STATUS_ORDER) out.push(`<tr class="st-${status}"><th scope="row">${status}</th><td>${comparison.summary[status]}</td></tr>`)
  out.push('</tbody>', '</table>')
  const notes: string[] = []
  if (comparison.tokens) {
    const t = comparison.tokens
    notes.push(`Words: ${t.common} kept, ${t.removed} removed, ${t.added} added.`)
  }
  if (comparison.frame.length > 0) notes.push(`Title, formulas and signatures: ${comparison.frame.filter((f) => f.status !== 'unchanged').length} of ${comparison.frame.length} lines changed.`)
  if (comparison.fallbacks) {
    notes.push(`${comparison.fallbacks} ${comparison.fallbacks === 1 ? 'provision' : 'provisions'} ran out of time and ${comparison.fallbacks === 1 ? 'is' : 'are'} shown as a whole replacement.`)
  }
  if (!unchanged && hidden > 0) notes.push(`${hidden} unchanged ${hidden === 1 ? 'provision is' : 'provisions are'} not shown.`)
  out.push(`<p>${e(notes.join(' '))}</p>`, '</section>')

  // Legend.
  out.push('<section class="legend" aria-labelledby="legend">', '<h2 id="legend">Legend</h2>', '<ul>',
    '<li><del>Deleted text</del>: struck through (printed between [− and −])</li>',
    '<li><ins>Inserted text</ins>: underlined (printed between [+ and +])</li>',
    '<li><del>¶</del>: a deleted break between two blocks of text</li>',
    formal ? '' : '<li><span class="formal" title="Changed in form only">Dotted underline</span>: changed in form only (spacing, quotes, an updated cross-reference); the old form is in the tooltip</li>',
    '<li><span class="status st-moved">moved from …</span>, <span class="status st-renumbered">renumbered from …</span>: where the provision stood, under what number, in the first version</li>',
    '<li><span class="why">Why</span>: the amendment, ISC conclusion and requesting services behind a change, beside it</li>',
    '</ul>', '</section>')

  // Table of contents.
  out.push('<nav class="toc" aria-labelledby="toc">', '<h2 id="toc">Changed provisions</h2>')
  if (entries.length === 0 && frames.length === 0) out.push('<p>No provision changed.</p>')
  else {
    out.push('<ol>')
    if (frames.length > 0) out.push('<li><a href="#frame">Title, formulas and signatures</a></li>')
    for (const entry of entries) {
      out.push(`<li><a href="#${entry.id}">${e(labelOf(entry.change))}</a> <span class="status st-${entry.change.status}">${e(statusText(entry.change))}</span></li>`)
    }
    out.push('</ol>')
  }
  out.push('</nav>')

  // The views: the before | after table first in the source so that
  // `#side:target ~ #inline` can hide the inline view when it is chosen.
  out.push('<nav class="tabs" aria-label="Views"><a href="#inline">Inline redline</a> <a href="#side">Before | after</a></nav>', '<div class="views">')
  const column = (change: ProvisionChange, mode: 'before' | 'after', nested: Entry['nested']): string => {
    if (!change[mode]) return ''
    const parts: string[] = []
    const own = (c: ProvisionChange, indent: number): void => {
      const wrap = c.status === 'inserted' ? (t: string) => `<ins>${t}</ins>` : c.status === 'deleted' ? (t: string) => `<del>${t}</del>` : (t: string) => t
      const num = c[mode]?.num
      const numSpan = num ? `<span class="num">${wrap(e(num))}</span> ` : ''
      const heading = c.heading ? redline(c.heading, mode, formal) : []
      const text = redline(c.diff, mode, formal)
      const style = indent > 0 ? ` style="margin-left:${1.5 * indent}em"` : ''
      if (heading.length > 0 && c.kind !== 'point' && c.kind !== 'paragraph') {
        parts.push(`<p class="head"${style}>${numSpan}${heading.join(' ')}</p>`)
        text.forEach((t) => parts.push(`<p${style}>${t}</p>`))
      } else {
        if (text.length === 0 && numSpan) parts.push(`<p${style}>${numSpan}</p>`)
        text.forEach((t, i) => parts.push(`<p${style}>${i === 0 ? numSpan : ''}${t}</p>`))
      }
    }
    own(change, 0)
    for (const {change: child, level} of nested) own(child, level)
    return parts.join('')
  }

  out.push('<section id="side" class="view" aria-labelledby="side-h">', '<h2 id="side-h">Before | after</h2>',
    '<table class="side">', '<colgroup><col class="c-label"><col><col></colgroup>', `<thead><tr><th scope="col">Provision</th><th scope="col">Before: ${e(before)}</th><th scope="col">After: ${e(after)}</th></tr></thead>`, '<tbody>')
  frames.forEach((frame, n) => {
    out.push(`<tr id="${anchor('sf', n + 1, undefined)}" class="st-${frame.status}"><th scope="row">${e(frameLabel(frame))}<br><span class="status st-${frame.status}">${frame.status}</span></th>` +
      `<td>${redline(frame.diff, 'before', formal).map((b) => `<p>${b}</p>`).join('')}</td><td>${redline(frame.diff, 'after', formal).map((b) => `<p>${b}</p>`).join('')}</td></tr>`)
  })
  for (const entry of entries) {
    const c = entry.change
    const why = c.causes && c.causes.length > 0
      ? `<div class="why-short">Why: ${c.causes.map((k) => e([k.conclusion ? `conclusion ${k.conclusion}` : `amendment ${k.amendment}`, k.services?.join(', ')].filter(Boolean).join(', '))).join('; ')}</div>`
      : ''
    out.push(`<tr id="${entry.sideId}" class="st-${c.status}"><th scope="row"><a href="#${entry.id}">${e(labelOf(c))}</a><br><span class="status st-${c.status}">${e(statusText(c))}</span>${c.fallback ? '<br><span class="fallback">replaced as a whole</span>' : ''}${why}</th>` +
      `<td>${column(c, 'before', entry.nested)}</td><td>${column(c, 'after', entry.nested)}</td></tr>`)
  }
  out.push('</tbody>', '</table>', '</section>')

  out.push('<section id="inline" class="view" aria-labelledby="inline-h">', '<h2 id="inline-h">Inline redline</h2>')
  if (frames.length > 0) {
    out.push('<section id="frame" class="frame" aria-labelledby="frame-h">', '<h3 id="frame-h">Title, formulas and signatures</h3>')
    frames.forEach((frame) => {
      out.push(`<div class="change st-${frame.status}"><div class="body"><h4>${e(frameLabel(frame))} <span class="status st-${frame.status}">${frame.status}</span></h4>` +
        `${redline(frame.diff, 'inline', formal).map((b) => `<p>${b}</p>`).join('')}</div></div>`)
    })
    out.push('</section>')
  }
  for (const entry of entries) {
    const c = entry.change
    const body: string[] = []
    body.push(`<h3><span class="label">${e(labelOf(c))}</span> <span class="status st-${c.status}">${e(statusText(c))}</span></h3>`)
    const renum = c.before?.num && c.after?.num && c.before.num !== c.after.num
      ? `<p class="num"><del>${e(c.before.num)}</del> <ins>${e(c.after.num)}</ins></p>`
      : ''
    body.push(renum)
    if (c.heading) {
      const heading = redline(c.heading, 'inline', formal)
      if (heading.length > 0) body.push(`<p class="head">${heading.join(' ')}</p>`)
    }
    const text = redline(c.diff, 'inline', formal)
    text.forEach((t) => body.push(`<p>${t}</p>`))
    for (const {change: child, level} of entry.nested) {
      const side = child.status === 'deleted' ? 'before' : 'after'
      const num = child[side]?.num
      const numHtml = num ? (child.status === 'deleted' ? `<del>${e(num)}</del> ` : `<ins>${e(num)}</ins> `) : ''
      const style = ` style="margin-left:${1.5 * level}em"`
      if (child.heading) {
        const heading = redline(child.heading, 'inline', formal)
        if (heading.length > 0) body.push(`<p class="head"${style}>${numHtml}${heading.join(' ')}</p>`)
      }
      const childText = redline(child.diff, 'inline', formal)
      if (childText.length === 0 && numHtml && !child.heading) body.push(`<p${style}>${numHtml}</p>`)
      childText.forEach((t, i) => body.push(`<p${style}>${i === 0 && !child.heading ? numHtml : ''}${t}</p>`))
    }
    if (text.length === 0 && entry.nested.length === 0 && !c.heading && !renum) body.push('<p class="empty">No text of its own.</p>')
    if (c.fallback === 'replaced') body.push('<p class="fallback">The word-level redline ran out of time: the text is shown as replaced as a whole.</p>')
    body.push(`<p class="jump"><a href="#${entry.sideId}">Before | after</a></p>`)
    const aside = c.causes && c.causes.length > 0
      ? `<aside class="causes" aria-label="Why ${e(labelOf(c))} changed"><h4 class="why">Why</h4>${causesHtml(c.causes)}</aside>`
      : ''
    out.push(`<article id="${entry.id}" class="change st-${c.status}${c.modified ? ' modified' : ''}"><div class="body">${body.join('')}</div>${aside}</article>`)
  }
  if (entries.length === 0) out.push('<p>No provision changed.</p>')
  out.push('</section>', '</div>', '</main>')
  out.push(`<footer><p>Generated by redlex from the comparison of ${e(before)} and ${e(after)}${comparison.isc ? ` (${e(comparison.isc.reference)})` : ''}.</p></footer>`)
  out.push('</body>', '</html>')
  return out.filter((line) => line !== '').join('\n') + '\n'
}
