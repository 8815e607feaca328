/**
 * The two views of the changes: the inline redline (each change with why it
 * was made, and the comments about it, beside it) and the before | after
 * table (one column per version).
 */
import type {NoteChange, ProvisionChange} from '@redlex/compare'
import {causeGroups, frameLabel, labelOf, statusText} from '@redlex/compare'
import {commentNodes, conclusionAnchor, paragraphs} from './consultation.js'
import {filterClasses} from './contents.js'
import {block, h, settled, type Child, type Markup} from './markup.js'
import {anchor, type Entry, type Model} from './model.js'
import {redline, type FootnoteMarks, type Mode} from './redline.js'

/** A number's words, whatever its spaces. */
const sameForm = (num: string): string => num.replace(/\s+/g, ' ').trim()

const indentStyle = (level: number): string | undefined => (level > 0 ? `margin-left:${1.5 * level}em` : undefined)

// --- Inline -------------------------------------------------------------------

export function inlineView(model: Model): Markup {
  return block(
    'section',
    {id: 'inline', className: ['view'], ariaLabelledBy: ['inline-h']},
    h('h2', {id: 'inline-h'}, 'Inline redline'),
    model.frames.length > 0 &&
      block(
        'section',
        {id: 'frame', className: ['frame'], ariaLabelledBy: ['frame-h']},
        h('h3', {id: 'frame-h'}, 'Title, formulas and signatures'),
        model.frames.map((frame) =>
          h(
            'div',
            {className: ['change', `st-${frame.status}`]},
            h(
              'div',
              {className: ['body']},
              h(
                'h4',
                null,
                frameLabel(frame),
                ' ',
                h('span', {className: ['status', `st-${frame.status}`]}, frame.status)
              ),
              redline(frame.diff, 'inline', model.formal).map((b) => h('p', null, b))
            )
          )
        )
      ),
    model.entries.map((entry) => inlineEntry(entry, model)),
    model.entries.length === 0 && h('p', null, 'No provision changed.')
  )
}

function inlineEntry(entry: Entry, model: Model): Markup {
  const c = entry.change
  const side = aside(entry, model)
  return settled(
    h(
      'article',
      {
        id: entry.id,
        className: [
          'change',
          `st-${c.status}`,
          ...(c.modified ? ['modified'] : []),
          ...(side ? ['has-aside'] : []),
          ...filterClasses(entry, model)
        ]
      },
      h(
        'div',
        {className: ['body']},
        h(
          'h3',
          null,
          h('span', {className: ['label']}, labelOf(c, model.names)),
          ' ',
          h('span', {className: ['status', `st-${c.status}`]}, statusText(c, model.names))
        ),
        inlineText(entry, model),
        c.fallback === 'replaced' &&
          h(
            'p',
            {className: ['fallback']},
            'The word-level redline fell back to a whole replacement: the text is shown as replaced as a whole.'
          ),
        h('p', {className: ['jump']}, h('a', {href: '#' + entry.sideId}, 'Before | after'))
      ),
      side
    )
  )
}

/** The provision's number, heading and text, then its inserted or deleted sub-provisions, inline. */
function inlineText(entry: Entry, model: Model): Child[] {
  const c = entry.change
  const out: Child[] = []
  const notes = footnotes(c, entry.id, model.formal)
  // A number that differs only in spacing (`Article\u00a01`) is not a renumbering.
  const renumbered = c.before?.num && c.after?.num && sameForm(c.before.num) !== sameForm(c.after.num)
  if (renumbered)
    out.push(h('p', {className: ['num']}, h('del', null, c.before!.num!), ' ', h('ins', null, c.after!.num!)))
  const heading = c.heading ? redline(c.heading, 'inline', model.formal, notes.marks('heading')) : []
  if (heading.length > 0) out.push(h('p', {className: ['head']}, join(heading)))
  const text = redline(c.diff, 'inline', model.formal, notes.marks())
  for (const t of text) out.push(h('p', null, t))
  entry.nested.forEach(({change: child, level}, n) =>
    out.push(...nestedInline(child, level, model.formal, footnotes(child, `${entry.id}-${n + 1}`, model.formal)))
  )
  if (text.length === 0 && entry.nested.length === 0 && heading.length === 0 && !renumbered)
    out.push(h('p', {className: ['empty']}, 'No text of its own.'))
  out.push(
    notes.list('inline'),
    entry.nested.map(({change: child}, n) => footnotes(child, `${entry.id}-${n + 1}`, model.formal).list('inline'))
  )
  return out
}

function nestedInline(child: ProvisionChange, level: number, formal: boolean, notes: Footnotes): Markup[] {
  const side = child.status === 'deleted' ? 'before' : 'after'
  const num = child[side]?.num
  const numNode = num ? [h(child.status === 'deleted' ? 'del' : 'ins', null, num), ' '] : []
  const style = indentStyle(level)
  const out: Markup[] = []
  const heading = child.heading ? redline(child.heading, 'inline', formal, notes.marks('heading')) : []
  if (heading.length > 0) out.push(h('p', {className: ['head'], style}, numNode, join(heading)))
  const text = redline(child.diff, 'inline', formal, notes.marks())
  if (text.length === 0 && num && heading.length === 0) out.push(h('p', {style}, numNode))
  text.forEach((t, i) => out.push(h('p', {style}, i === 0 && heading.length === 0 ? numNode : undefined, t)))
  return out
}

interface Footnotes {
  marks: (place?: 'heading') => FootnoteMarks
  list: (mode: Mode) => Markup | undefined
}

/**
 * The footnotes of a change: markers (superscript links, inserted or
 * deleted like their note) and the notes listed under the provision, each
 * with the redline of its text.
 */
function footnotes(change: ProvisionChange, prefix: string, formal: boolean): Footnotes {
  // Most changes have no footnotes: one shared answer, no closures made per change.
  if (!change.notes || change.notes.length === 0) return NO_FOOTNOTES
  const notes = change.notes
  const id = (note: NoteChange, mode: Mode): string =>
    `${prefix}${mode === 'inline' ? '' : '-' + mode}-n${notes.indexOf(note) + 1}`
  const marker = (note: NoteChange, mode: Mode): string =>
    (mode === 'before' ? (note.before?.marker ?? note.after?.marker) : (note.after?.marker ?? note.before?.marker)) ??
    '*'
  const mark = (note: NoteChange, mode: Mode): Markup => {
    const sup = h('sup', {className: ['fn']}, h('a', {href: '#' + id(note, mode)}, marker(note, mode)))
    if (mode === 'inline' && note.status === 'inserted') return h('ins', null, sup)
    if (mode === 'inline' && note.status === 'deleted') return h('del', null, sup)
    return sup
  }
  return {
    // One shape for every marks object (`place` undefined for the text): the redline code sees one.
    marks: (place) => ({notes, place, mark}),
    list: (mode) => {
      const shown = notes.filter((note) => mode === 'inline' || note[mode])
      if (shown.length === 0) return undefined
      return h(
        'ol',
        {className: ['notes']},
        shown.map((note) =>
          h(
            'li',
            {id: id(note, mode), className: [`note-${note.status}`]},
            h('span', {className: ['marker']}, marker(note, mode)),
            ' ',
            join(redline(note.diff, mode, formal))
          )
        )
      )
    }
  }
}

const NO_MARKS: FootnoteMarks = {
  notes: [],
  place: undefined,
  mark: () => {
    throw new Error('footnotes: a marker without a note (internal error)')
  }
}
const NO_FOOTNOTES: Footnotes = {marks: () => NO_MARKS, list: () => undefined}

/** Blocks joined into one line with spaces (a heading). */
const join = (blocks: Child[][]): Child[] => blocks.flatMap((b, i) => (i > 0 ? [' ', ...b] : b))

/** Why the provision changed and the comments about it, or nothing. */
function aside(entry: Entry, model: Model): Markup | undefined {
  const why = causeItems(entry.change, model)
  if (why.length === 0 && entry.comments.length === 0) return undefined
  const label = labelOf(entry.change, model.names)
  return h(
    'aside',
    {className: ['causes'], ariaLabel: `Why ${label} changed`},
    why.length > 0 && [h('h4', {className: ['why']}, 'Why'), h('ul', null, why)],
    entry.comments.length > 0 && [
      h('h4', {className: ['why']}, 'Comments'),
      h(
        'ul',
        null,
        entry.comments.map((c) =>
          h('li', null, h('span', {className: ['services']}, c.service), ': ', commentNodes(c, false))
        )
      )
    ]
  )
}

/**
 * One item per conclusion behind the change (or amendment without one): a
 * conclusion described in the consultation section is linked, not repeated.
 */
function causeItems(change: ProvisionChange, model: Model): Markup[] {
  const described = new Set((model.comparison.isc?.conclusions ?? []).map((c) => c.id))
  return causeGroups(change.causes).map((group) =>
    h(
      'li',
      null,
      group.conclusion !== undefined &&
        h(
          'span',
          {className: ['conclusion']},
          described.has(group.conclusion)
            ? h('a', {href: '#' + conclusionAnchor(model, group.conclusion)}, `Conclusion ${group.conclusion}`)
            : `Conclusion ${group.conclusion}`
        ),
      group.conclusion !== undefined && h('br', null),
      h('span', {className: ['amendment']}, group.amendments.join(', ')),
      group.services.length > 0 && [
        h('br', null),
        h('span', {className: ['services']}, `Requested by ${group.services.join(', ')}`)
      ],
      group.text !== undefined &&
        !(group.conclusion !== undefined && described.has(group.conclusion)) &&
        h('blockquote', null, paragraphs(group.text)),
      group.notes.map((note) => h('p', {className: ['note']}, 'Note: ', note))
    )
  )
}

// --- Before | after -------------------------------------------------------------

export function sideView(model: Model): Markup {
  const {names} = model
  return block(
    'section',
    {id: 'side', className: ['view'], ariaLabelledBy: ['side-h']},
    h('h2', {id: 'side-h'}, 'Before | after'),
    block(
      'table',
      {className: ['side']},
      h('colgroup', null, h('col', {className: ['c-label']}), h('col', null), h('col', null)),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', {scope: 'col'}, `Provision (numbered as in the ${names.after})`),
          h('th', {scope: 'col'}, `Before: ${names.before}`),
          h('th', {scope: 'col'}, `After: ${names.after}`)
        )
      ),
      block(
        'tbody',
        null,
        model.frames.map((frame, n) =>
          h(
            'tr',
            {id: anchor('sf', n + 1, undefined), className: [`st-${frame.status}`]},
            h(
              'th',
              {scope: 'row'},
              frameLabel(frame),
              h('br', null),
              h('span', {className: ['status', `st-${frame.status}`]}, frame.status)
            ),
            h(
              'td',
              null,
              redline(frame.diff, 'before', model.formal).map((b) => h('p', null, b))
            ),
            h(
              'td',
              null,
              redline(frame.diff, 'after', model.formal).map((b) => h('p', null, b))
            )
          )
        ),
        model.entries.map((entry) => sideRow(entry, model))
      )
    )
  )
}

function sideRow(entry: Entry, model: Model): Markup {
  const c = entry.change
  const described = new Set((model.comparison.isc?.conclusions ?? []).map((x) => x.id))
  const groups = causeGroups(c.causes)
  const why =
    groups.length > 0 &&
    h(
      'div',
      {className: ['why-short']},
      'Why: ',
      groups.map((g, i) => [
        i > 0 ? '; ' : '',
        g.conclusion !== undefined
          ? described.has(g.conclusion)
            ? h('a', {href: '#' + conclusionAnchor(model, g.conclusion)}, `conclusion ${g.conclusion}`)
            : `conclusion ${g.conclusion}`
          : g.amendments
              .join(', ')
              .replace(/^Amendment/, 'amendment')
              .replace(/^Renumbering/, 'renumbering')
      ])
    )
  return settled(
    h(
      'tr',
      {id: entry.sideId, className: [`st-${c.status}`, ...filterClasses(entry, model)]},
      h(
        'th',
        {scope: 'row'},
        h('a', {href: '#' + entry.id}, labelOf(c, model.names)),
        h('br', null),
        h('span', {className: ['status', `st-${c.status}`]}, statusText(c, model.names)),
        c.fallback && [h('br', null), h('span', {className: ['fallback']}, 'replaced as a whole')],
        why
      ),
      h('td', null, column(entry, 'before', model.formal)),
      h('td', null, column(entry, 'after', model.formal))
    )
  )
}

/** One version of a provision and its nested sub-provisions, with what the other version lacks marked. */
function column(entry: Entry, mode: Exclude<Mode, 'inline'>, formal: boolean): Markup[] {
  if (!entry.change[mode]) return []
  const out: Markup[] = []
  const lists: Array<Markup | undefined> = []
  const own = (c: ProvisionChange, level: number, prefix: string): void => {
    const tag = c.status === 'inserted' ? 'ins' : c.status === 'deleted' ? 'del' : undefined
    const num = c[mode]?.num
    const numNode = num ? [h('span', {className: ['num']}, tag ? h(tag, null, num) : num), ' '] : []
    const notes = footnotes(c, prefix, formal)
    lists.push(notes.list(mode))
    const heading = c.heading ? redline(c.heading, mode, formal, notes.marks('heading')) : []
    const text = redline(c.diff, mode, formal, notes.marks())
    const style = indentStyle(level)
    if (heading.length > 0 && c.kind !== 'point' && c.kind !== 'paragraph') {
      out.push(h('p', {className: ['head'], style}, numNode, join(heading)))
      for (const t of text) out.push(h('p', {style}, t))
    } else {
      if (text.length === 0 && num) out.push(h('p', {style}, numNode))
      text.forEach((t, i) => out.push(h('p', {style}, i === 0 ? numNode : undefined, t)))
    }
  }
  own(entry.change, 0, entry.sideId)
  entry.nested.forEach(({change, level}, n) => own(change, level, `${entry.sideId}-${n + 1}`))
  return [...out, ...lists.filter((l): l is Markup => l !== undefined)]
}
