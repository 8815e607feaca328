/**
 * The primitive steps: each changes the (private, mutable) working tree and
 * returns its inverse, its effects and a description. eIds in inverses and
 * effects are those before the step (or temporary ids of new nodes); the
 * runner maps them to the eIds after the step.
 */
import {
  citationLabel,
  dissolveReferences,
  findByEid,
  inlineText,
  linkInlines,
  locate,
  textOf,
  type Article,
  type Document,
  type Inline,
  type Node,
  type Parent,
  type Provision,
  type Ref
} from '@redlex/tree'
import type {
  Amendment,
  DeleteAmendment,
  FragmentParser,
  InsertAmendment,
  MoveAmendment,
  ReferenceEdit,
  RenumberAmendment,
  ReplaceAmendment,
  SetHeadingAmendment,
  SetNumAmendment,
  SpliceTextAmendment,
  UnitKind
} from './types.js'
import {Failure} from './failure.js'
import {textToInlines} from '@redlex/tree'
import {plainText, sliceInlines, spliceInlines} from './inline-text.js'
import {NUMBERED, insertedClean, numberingGroup, relabel} from './numbers.js'
import {checkAllowed, ownBlocks, placeOf, resolveAt} from './tree-ops.js'

export type Primitive =
  | ReplaceAmendment
  | InsertAmendment
  | DeleteAmendment
  | MoveAmendment
  | SetNumAmendment
  | SetHeadingAmendment
  | SpliceTextAmendment
  | RenumberAmendment

export const PRIMITIVE_TYPES = new Set([
  'replace',
  'insert',
  'delete',
  'move',
  'setNum',
  'setHeading',
  'spliceText',
  'renumber'
])

export interface Effect {
  action: 'inserted' | 'deleted' | 'modified' | 'moved' | 'renumbered'
  /** eId before the step. */
  from?: string
  /** eId (or temporary id) after the step, before renumbering by assignEids. */
  to?: string
  /** For consequential effects: the amendments that caused them (see `ChangeEffect.because`). */
  because?: string[]
}

export interface StepContext {
  document: Document
  linked: boolean
  newId: () => string
  parseFragment?: FragmentParser
}

export interface StepOutcome {
  inverse: Primitive[]
  effects: Effect[]
  description: string
  /** The changed text range (for conflict detection), in the provision's eId before the step. */
  text?: {eId: string; block: number; start: number; end: number}
}

/** A stored copy of a node: no positions, no eIds (they are recomputed). */
export function stored<T>(node: T): T {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value))) as T
}

function blankEids(node: Node): void {
  if ('eId' in node) (node as Provision).eId = ''
  if ('children' in node) for (const c of node.children as Node[]) blankEids(c)
}

/** Link references in every text block of a new node (when the document is linked). */
function relink(node: Node, external: boolean): void {
  if (node.type === 'content' || node.type === 'intro' || node.type === 'wrapUp' || node.type === 'tableCell') {
    node.children = linkInlines(dissolveReferences(node.children), {external})
    return
  }
  if ('children' in node) for (const c of node.children as Node[]) relink(c, external || node.type === 'citation')
}

function prepare(node: Provision, ctx: StepContext): Provision {
  const copy = stored(node)
  blankEids(copy)
  if (ctx.linked) relink(copy, copy.type === 'citation')
  return copy
}

function need(document: Document, eId: string): NonNullable<ReturnType<typeof locate>> {
  const found = locate(document, eId)
  if (!found) throw new Failure('amend/target-not-found', `No provision \`${eId}\``, {eId})
  return found
}

function fragmentKind(type: string): 'article' | 'recital' | 'provision' {
  return type === 'article' ? 'article' : type === 'recital' ? 'recital' : 'provision'
}

function parseContent(ctx: StepContext, markdown: string, kind: 'article' | 'recital' | 'provision'): Provision[] {
  if (!ctx.parseFragment) {
    throw new Failure(
      'amend/no-markdown-parser',
      'This amendment gives its content as Markdown, but no Markdown parser was passed',
      {
        hint: 'Pass `parseFragment` from @redlex/markdown in the options (`{parseFragment}`), or give `content` as tree JSON'
      }
    )
  }
  const nodes = ctx.parseFragment(markdown, {kind})
  return nodes.filter((n): n is Provision => 'eId' in n)
}

function label(eId: string): string {
  return eId.startsWith('#') ? 'new unit' : citationLabel(eId) || eId
}

/** Give a numbered unit its number at its new place (amending-act style). */
function autoNumber(ctx: StepContext, parent: Parent, node: Provision): void {
  if (!NUMBERED.has(node.type)) return
  const group = numberingGroup(ctx.document, parent, node)
  const index = group.indexOf(node)
  if (index === -1) return
  const clean = insertedClean(node.type, group, index)
  const sample = group.find((u) => u !== node)?.num ?? node.num
  node.num = relabel(node, sample, clean)
}

function checkUnique(ctx: StepContext, parent: Parent, node: Provision): void {
  if (!NUMBERED.has(node.type) || node.num === undefined) return
  const group = numberingGroup(ctx.document, parent, node).filter((u) => u !== node)
  const clean = (s: string | undefined): string =>
    (s ?? '')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .toLowerCase()
  if (group.some((u) => clean(u.num) === clean(node.num))) {
    throw new Failure('amend/duplicate-number', `\`${node.num}\` is already taken`, {
      expected: group.map((u) => u.eId),
      hint: 'Choose a free number, or let the policy number the unit'
    })
  }
}

export function applyPrimitive(p: Primitive, ctx: StepContext): StepOutcome {
  switch (p.type) {
    case 'replace':
      return replace(p, ctx)
    case 'insert':
      return insert(p, ctx)
    case 'delete':
      return remove(p, ctx)
    case 'move':
      return move(p, ctx)
    case 'setNum':
      return setNum(p, ctx)
    case 'setHeading':
      return setHeading(p, ctx)
    case 'spliceText':
      return spliceText(p, ctx)
    case 'renumber':
      return renumber(p, ctx)
  }
}

function replace(p: ReplaceAmendment, ctx: StepContext): StepOutcome {
  const found = need(ctx.document, p.target)
  const old = found.node
  const given = p.content ? [p.content] : parseContent(ctx, p.markdown ?? '', fragmentKind(old.type))
  if (given.length !== 1 || given[0]!.type !== old.type) {
    throw new Failure('amend/content-model', `The new content must be one ${old.type}`, {
      actual: given.map((n) => n.type).join(', ')
    })
  }
  const node = prepare(given[0]!, ctx)
  node.eId = old.eId
  if (node.num === undefined && old.num !== undefined) node.num = old.num
  ;(found.parent.children as Node[])[found.index] = node
  return {
    inverse: [{id: '', type: 'replace', target: old.eId, content: stored(old)}],
    effects: [{action: 'modified', from: old.eId, to: old.eId}],
    description: `${label(old.eId)} replaced`
  }
}

function insert(p: InsertAmendment, ctx: StepContext): StepOutcome {
  const firstType = p.content?.[0]?.type
  const {parent, index} = resolveAt(ctx.document, p.at as Record<string, string>, firstType ?? 'article')
  const kind =
    parent.type === 'recitals'
      ? 'recital'
      : parent.type === 'body' || parent.type === 'division'
        ? 'article'
        : 'provision'
  const given = p.content ?? parseContent(ctx, p.markdown ?? '', kind)
  if (given.length === 0) throw new Failure('amend/content-model', 'Nothing to insert')
  const nodes = given.map((n) => prepare(n, ctx))
  const ids: string[] = []
  nodes.forEach((node, i) => {
    checkAllowed(parent, node)
    node.eId = ctx.newId()
    ids.push(node.eId)
    ;(parent.children as Node[]).splice(index + i, 0, node)
  })
  for (const node of nodes) {
    if (p.numbering === 'keep') checkUnique(ctx, parent, node)
    else autoNumber(ctx, parent, node)
  }
  return {
    inverse: ids
      .slice()
      .reverse()
      .map((id) => ({id: '', type: 'delete', target: id}) as DeleteAmendment),
    effects: ids.map((id) => ({action: 'inserted', to: id})),
    description: `${nodes.length === 1 ? `${/^[aeiou]/.test(nodes[0]!.type) ? 'an' : 'a'} ${nodes[0]!.type}` : `${nodes.length} units`} inserted ${placeWords(p.at as Record<string, string>)}`
  }
}

function placeWords(at: Record<string, string>): string {
  const [mode, ref] = Object.entries(at)[0]!
  const name = ref === 'recitals' || ref === 'citations' || ref === 'body' ? `the ${ref}` : label(ref)
  return mode === 'before'
    ? `before ${name}`
    : mode === 'after'
      ? `after ${name}`
      : mode === 'firstChildOf'
        ? `at the start of ${name}`
        : `at the end of ${name}`
}

function remove(p: DeleteAmendment, ctx: StepContext): StepOutcome {
  const found = need(ctx.document, p.target)
  const at = placeOf(found.parent, found.index)
  ;(found.parent.children as Node[]).splice(found.index, 1)
  return {
    inverse: [{id: '', type: 'insert', at, content: [stored(found.node)], numbering: 'keep'}],
    effects: [{action: 'deleted', from: p.target}],
    description: `${label(p.target)} deleted`
  }
}

const CONVERTIBLE: readonly string[] = ['article', 'paragraph', 'subparagraph', 'point', 'indent', 'recital']

/** The node as another kind of unit (children kept; heading only on articles). */
export function convert(node: Provision, as: UnitKind): Provision {
  if (!CONVERTIBLE.includes(node.type)) throw new Failure('amend/content-model', `A ${node.type} cannot become a ${as}`)
  if (node.type === as) return node
  if ('heading' in node && node.heading && as !== 'article') {
    throw new Failure('amend/content-model', `${node.eId} has a heading, which a ${as} cannot have`, {
      hint: 'Remove the heading first (setHeading with null)'
    })
  }
  const children = (node as {children: unknown[]}).children
  const out = {type: as, eId: node.eId, children} as unknown as Provision
  if (as === 'indent') out.num = '—'
  else if (NUMBERED.has(as) && node.num !== undefined) out.num = node.num
  return out
}

function move(p: MoveAmendment, ctx: StepContext): StepOutcome {
  const found = need(ctx.document, p.target)
  const ref = Object.values(p.to)[0] as string
  const inside =
    ref.startsWith(p.target + '__') || (ref === p.target && ('firstChildOf' in p.to || 'lastChildOf' in p.to))
  if (inside) {
    throw new Failure('amend/move-into-itself', `Cannot move ${p.target} into its own subtree (${ref})`, {
      eId: ref,
      hint: 'Move it to a place outside the provision'
    })
  }
  const back = placeOf(found.parent, found.index)
  const original = found.node
  const originalNum = original.num // numbering at the new place changes the node itself
  ;(found.parent.children as Node[]).splice(found.index, 1)
  const node = p.as ? convert(original, p.as) : original
  if (!NUMBERED.has(node.type)) delete node.num
  if (node.type === 'indent') node.num = '—'
  const {parent, index} = resolveAt(ctx.document, p.to as Record<string, string>, node.type)
  checkAllowed(parent, node)
  ;(parent.children as Node[]).splice(index, 0, node)
  if (p.num !== undefined) {
    node.num = p.num
    checkUnique(ctx, parent, node)
  } else {
    autoNumber(ctx, parent, node)
  }
  const inverse: MoveAmendment = {id: '', type: 'move', target: original.eId, to: back}
  if (node.type !== original.type) inverse.as = original.type as UnitKind
  if (originalNum !== undefined && original.type !== 'indent') inverse.num = originalNum
  return {
    inverse: [inverse],
    effects: [{action: 'moved', from: original.eId, to: original.eId}],
    description: `${label(original.eId)} moved${p.as && p.as !== original.type ? ` as a ${p.as}` : ''}`
  }
}

function setNum(p: SetNumAmendment, ctx: StepContext): StepOutcome {
  const found = need(ctx.document, p.target)
  const old = found.node.num
  found.node.num = p.num
  checkUnique(ctx, found.parent, found.node)
  const inverse: Primitive =
    old === undefined
      ? {id: '', type: 'setNum', target: p.target, num: ''}
      : {id: '', type: 'setNum', target: p.target, num: old}
  return {
    inverse: [inverse],
    effects: [{action: 'renumbered', from: p.target, to: p.target}],
    description: `${old ?? '(no number)'} → ${p.num}`
  }
}

function setHeading(p: SetHeadingAmendment, ctx: StepContext): StepOutcome {
  const node = need(ctx.document, p.target).node
  if (node.type !== 'article' && node.type !== 'division' && node.type !== 'annex') {
    throw new Failure('amend/content-model', `A ${node.type} has no heading`, {
      hint: 'Only articles, divisions and annexes have headings'
    })
  }
  const old = node.heading
  if (p.heading === null) delete node.heading
  else node.heading = typeof p.heading === 'string' ? textToInlines(p.heading) : stored(p.heading)
  return {
    inverse: [{id: '', type: 'setHeading', target: p.target, heading: old ? stored(old) : null}],
    effects: [{action: 'modified', from: p.target, to: p.target}],
    description: `heading of ${label(p.target)} ${p.heading === null ? 'removed' : `set to ‘${typeof p.heading === 'string' ? p.heading : inlineText(p.heading)}’`}`
  }
}

function spliceText(p: SpliceTextAmendment, ctx: StepContext): StepOutcome {
  const node = need(ctx.document, p.target).node
  const blocks = ownBlocks(node)
  const block = blocks[p.block]
  if (!block)
    throw new Failure('amend/target-not-found', `${p.target} has no text block ${p.block}`, {
      actual: textOf(node, {deep: false})
    })
  const children = ctx.linked ? dissolveReferences(block.children) : block.children
  const length = plainText(children).length
  if (p.start < 0 || p.end < p.start || p.end > length) {
    throw new Failure(
      'amend/text-not-found',
      `Characters ${p.start}–${p.end} are outside the text of ${p.target} (length ${length})`,
      {actual: plainText(children)}
    )
  }
  const textless = findTextless(p.insert)
  if (textless) {
    throw new Failure('amend/invalid-field', `\`insert\` holds a ${textless} node without its text`, {
      hint: 'Give each text, ref and placeholder node a string `value`, e.g. {type: text, value: "…"}'
    })
  }
  const removed = sliceInlines(children, p.start, p.end)
  const next = spliceInlines(children, p.start, p.end, p.insert)
  block.children = ctx.linked ? linkInlines(next, {external: node.type === 'citation'}) : next
  const inserted = plainText(p.insert).length
  const before = plainText(removed)
  const after = plainText(p.insert)
  return {
    inverse: [
      {
        id: '',
        type: 'spliceText',
        target: p.target,
        block: p.block,
        start: p.start,
        end: p.start + inserted,
        insert: removed
      }
    ],
    effects: [{action: 'modified', from: p.target, to: p.target}],
    description: `${label(p.target)}: ${before && after ? `‘${before}’ replaced by ‘${after}’` : before ? `‘${before}’ deleted` : `‘${after}’ inserted`}`,
    text: {eId: p.target, block: p.block, start: p.start, end: p.start + inserted}
  }
}

/**
 * The type of the first inline in `nodes` (at any depth) that lacks the text
 * it must carry — `{type: text}` without a `value` would put the word
 * "undefined" into the act — or `undefined` when all have theirs.
 */
function findTextless(nodes: readonly Inline[]): string | undefined {
  const stack: unknown[] = [...nodes]
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) return 'non-object'
    const {type, value, children} = node as {type?: unknown; value?: unknown; children?: unknown}
    if ((type === 'text' || type === 'ref' || type === 'placeholder') && typeof value !== 'string') return String(type)
    if (Array.isArray(children)) stack.push(...children)
  }
  return undefined
}

/** The references of each provision's own text, in order: `[eId, index] → ref`. */
export function ownRefs(document: Document): Array<{at: string; index: number; ref: Ref}> {
  const out: Array<{at: string; index: number; ref: Ref}> = []
  const collect = (inlines: readonly Inline[], at: string, counter: {n: number}): void => {
    for (const node of inlines) {
      if (node.type === 'ref') out.push({at, index: counter.n++, ref: node})
      else if (node.type === 'emphasis' || node.type === 'strong') collect(node.children, at, counter)
    }
  }
  const visit = (node: Node, at: string, counter: {n: number}): void => {
    if (node.type === 'content' || node.type === 'intro' || node.type === 'wrapUp' || node.type === 'tableCell') {
      collect(node.children, at, counter)
      return
    }
    if (!('children' in node)) return
    const provision = 'eId' in node && typeof (node as Provision).eId === 'string'
    const nextAt = provision ? (node as Provision).eId : at
    const nextCounter = provision ? {n: 0} : counter
    for (const c of node.children as Node[]) visit(c, nextAt, nextCounter)
  }
  visit(document, '', {n: 0})
  return out
}

function renumber(p: RenumberAmendment, ctx: StepContext): StepOutcome {
  const edits = Array.isArray(p.references) ? p.references : []
  if (edits.length > 0) {
    const refs = ownRefs(ctx.document)
    for (const edit of edits) {
      const hit = refs.find((r) => r.at === edit.at && r.index === edit.index)
      if (!hit || hit.ref.value !== edit.from) {
        throw new Failure('amend/text-not-found', `Reference ${edit.index} of ${edit.at} is not \`${edit.from}\``, {
          actual: hit?.ref.value ?? '(none)'
        })
      }
      hit.ref.value = edit.to
    }
  }
  const old: Record<string, string> = {}
  const effects: Effect[] = []
  for (const [eId, num] of Object.entries(p.nums)) {
    const node = findByEid(ctx.document, eId)
    if (!node) throw new Failure('amend/target-not-found', `No provision \`${eId}\``, {eId})
    old[eId] = node.num ?? ''
    node.num = num
    effects.push({action: 'renumbered', from: eId, to: eId})
  }
  const inverseEdits: ReferenceEdit[] = edits.map((e) => ({at: e.at, index: e.index, from: e.to, to: e.from}))
  return {
    inverse: [
      {
        id: '',
        type: 'renumber',
        nums: old,
        references: Array.isArray(p.references) ? inverseEdits : (p.references ?? 'follow')
      }
    ],
    effects,
    description: `renumbered ${Object.keys(p.nums).length} unit(s)`
  }
}

/** Remove the `num` a setNum inverse restores as '' (a unit that had none). */
export function cleanEmptyNums(document: Document): void {
  const visit = (n: Node): void => {
    if ('eId' in n && (n as Provision).num === '' && n.type !== 'article') delete (n as Provision).num
    if ('children' in n) for (const c of n.children as Node[]) visit(c)
  }
  visit(document)
}
