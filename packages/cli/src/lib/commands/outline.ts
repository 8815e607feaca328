/** `redlex outline FILE [--all]`: every eId with its label and first words, as a tree. */
import {inlineText, isProvision, listProvisions, textOf, type Node, type Provision} from '@redlex/tree'
import {COMMON, formatWarning, one, type Io, type Values} from '../command.js'
import {loadDocument} from '../load.js'

export const options = {...COMMON, all: {type: 'boolean'}, words: {type: 'string'}} as const

/** Units listed without --all: the ones a drafter names first. */
const TOP = new Set(['citation', 'recital', 'division', 'article', 'annex'])

export async function run(positionals: string[], values: Values, io: Io): Promise<number> {
  const file = one(positionals, 'outline')
  const words = typeof values['words'] === 'string' ? Math.max(1, Number.parseInt(values['words'], 10) || 8) : 8
  // Lenient: a draft with a defect (two paragraphs numbered 1) must still outline, to be repaired.
  const {document, warnings} = await loadDocument(file, {lenient: true})
  for (const warning of warnings) io.stderr(formatWarning(warning))
  const lines: string[] = []
  for (const {node, ancestors} of listProvisions(document)) {
    if (!values['all'] && !TOP.has(node.type)) continue
    const depth = ancestors.filter(
      (a) => isProvision(a as Node) && (values['all'] || TOP.has((a as Provision).type))
    ).length
    lines.push(`${'  '.repeat(depth)}${node.eId}  ${label(node)}${firstWords(node, words)}`)
  }
  io.stdout(lines.join('\n') + (lines.length > 0 ? '\n' : ''))
  return 0
}

/** `Article 3 Scope`, `(a)`, `¶` for an unnumbered subparagraph. */
function label(node: Provision): string {
  const num = node.num ?? (node.type === 'subparagraph' ? '¶' : node.type)
  const heading = 'heading' in node && node.heading ? ' ' + inlineText(node.heading) : ''
  return `${num}${heading}`.replace(/\s+/g, ' ').trim()
}

/** ` — first words of its own text…` (nothing when it has none). */
function firstWords(node: Provision, count: number): string {
  const text = textOf(node, {num: false, deep: false}).replace(/\s+/g, ' ').trim()
  if (text === '') return ''
  const list = text.split(' ')
  return ` — ${list.slice(0, count).join(' ')}${list.length > count ? ' …' : ''}`
}
