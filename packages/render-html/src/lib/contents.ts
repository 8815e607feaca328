/**
 * Navigation: the contents of the changed provisions grouped by division
 * (or recitals, annex…) and by article, with counts; and the filters by
 * status and by conclusion — checkboxes and radio buttons that CSS reads
 * with `:has()`, so they work without a script and what is printed is what
 * is shown. Browsers without `:has()` show everything.
 */
import type {ChangeStatus} from '@redlex/compare'
import {labelOf, statusText} from '@redlex/compare'
import {block, h, settled, type Markup} from './markup.js'
import type {Entry, Group, Model} from './model.js'

export const STATUS_ORDER: readonly ChangeStatus[] = [
  'modified',
  'inserted',
  'deleted',
  'moved',
  'renumbered',
  'unchanged'
]

/** Groups with more entries than this start closed on screen (open them to see each provision). */
const OPEN_LIMIT = 60

/** The classes that let the filters hide an item: its status and its conclusions by index (`cc-2`), or `cc-none`. */
export function filterClasses(entry: Entry, model: Model): string[] {
  const conclusions = entry.conclusions.map((id) => `cc-${model.conclusions.indexOf(id) + 1}`)
  return ['fx', `f-${entry.change.status}`, ...(conclusions.length > 0 ? conclusions : ['cc-none'])]
}

export function contents(model: Model): Markup {
  const total = model.entries.length
  const open = total <= OPEN_LIMIT
  return block(
    'nav',
    {className: ['toc'], ariaLabelledBy: ['toc']},
    h('h2', {id: 'toc'}, 'Changed provisions'),
    h(
      'p',
      {className: ['numbering']},
      `Labels use the numbering of the ${model.names.after}; deleted provisions, and the former place of moved and renumbered ones, that of the ${model.names.before}.`
    ),
    total === 0 && model.frames.length === 0
      ? h('p', null, 'No provision changed.')
      : block(
          'ol',
          {className: ['groups']},
          model.frames.length > 0 &&
            h('li', null, h('a', {href: '#frame'}, 'Title, formulas and signatures'), ' ', count(model.frames.length)),
          // Each group's HTML as one string: it stays alive while both views are built (see `settled`).
          model.groups.map((group) => settled(h('li', null, groupNode(group, model, open))))
        )
  )
}

function count(n: number): Markup {
  return h('span', {className: ['count']}, `${n} ${n === 1 ? 'change' : 'changes'}`)
}

function groupNode(group: Group, model: Model, open: boolean): Markup {
  const units = new Map<unknown, Entry[]>()
  for (const entry of group.entries) {
    const key = entry.unit ?? entry.change
    units.set(key, [...(units.get(key) ?? []), entry])
  }
  return h(
    'details',
    {open: open || undefined},
    h('summary', null, h('span', {className: ['group']}, group.label), ' ', count(group.entries.length)),
    block(
      'ol',
      {className: ['units']},
      [...units.values()].map((entries) => unitNode(entries, model))
    )
  )
}

/** One article (or recital, annex…) and its changed provisions, each linked with its status. */
function unitNode(entries: Entry[], model: Model): Markup {
  const [first] = entries as [Entry]
  const unitLabel = first.unit ? labelOf(first.unit, model.names) : labelOf(first.change, model.names)
  const items = entries.map((entry) =>
    h(
      'li',
      {className: filterClasses(entry, model)},
      h('a', {href: '#' + entry.id}, entry.change === first.unit ? unitLabel : labelOf(entry.change, model.names)),
      ' ',
      h('span', {className: ['status', `st-${entry.change.status}`]}, statusText(entry.change, model.names))
    )
  )
  if (entries.length === 1 && (first.unit === undefined || first.unit === first.change)) return items[0]!
  return h('li', null, h('span', {className: ['unit']}, unitLabel), ' ', count(entries.length), h('ol', null, items))
}

/** The filters, or nothing when there is nothing to filter. */
export function filters(model: Model): Markup | undefined {
  if (model.entries.length < 2) return undefined
  const statuses = STATUS_ORDER.filter((s) => model.entries.some((e) => e.change.status === s))
  const conclusions = model.conclusions.filter((id) => model.entries.some((e) => e.conclusions.includes(id)))
  const withoutConclusion = model.entries.some((e) => e.conclusions.length === 0)
  return h(
    'form',
    {className: ['filters'], ariaLabel: 'Filters'},
    h(
      'fieldset',
      null,
      h('legend', null, 'Show provisions'),
      statuses.map((status) =>
        h('label', null, h('input', {type: 'checkbox', id: `f-${status}`, checked: true}), ` ${status} `)
      )
    ),
    conclusions.length > 0 &&
      h(
        'fieldset',
        null,
        h('legend', null, 'Changed by'),
        h(
          'label',
          null,
          h('input', {type: 'radio', name: 'fc', id: 'fc-all', checked: true}),
          ' any conclusion or none '
        ),
        conclusions.map((id) =>
          h(
            'label',
            null,
            h('input', {type: 'radio', name: 'fc', id: `fc-${model.conclusions.indexOf(id) + 1}`}),
            ` conclusion ${id} `
          )
        ),
        withoutConclusion && h('label', null, h('input', {type: 'radio', name: 'fc', id: 'fc-none'}), ' no conclusion ')
      )
  )
}

/**
 * The CSS rules of the filters. Only indices and fixed status names go
 * into it (never an id from the record), so it cannot be broken out of.
 */
export function filterRules(model: Model): string {
  const rules = STATUS_ORDER.map((s) => `body:has(#f-${s}:not(:checked)) .fx.f-${s}`)
  const hide = [rules.join(',') + '{display:none}']
  model.conclusions.forEach((_, i) => hide.push(`body:has(#fc-${i + 1}:checked) .fx:not(.cc-${i + 1}){display:none}`))
  hide.push('body:has(#fc-none:checked) .fx:not(.cc-none){display:none}')
  return hide.join('\n')
}
