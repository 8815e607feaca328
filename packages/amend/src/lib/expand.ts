/**
 * Text-level and domain amendments expand into primitives, computed against
 * the working tree as it stands when the amendment runs.
 */
import {
  citationLabel,
  findByEid,
  listProvisions,
  locate,
  textOf,
  type Document,
  type Inline,
  type Node,
  type Provision
} from '@redlex/tree'
import type {
  Amendment,
  DeleteTextAmendment,
  InsertTextAmendment,
  MoveAmendment,
  MoveRepealToRecitalsAmendment,
  PlaceholderAmendment,
  SubstituteAmendment,
  SunsetAmendment
} from './types.js'
import {resolveDate} from './dates.js'
import {Failure, type AmendWarningCode} from './failure.js'
import {placeholderNode, textToInlines} from '@redlex/tree'
import {occurrences, plainText, sliceInlines} from './inline-text.js'
import {PRIMITIVE_TYPES, type Primitive} from './primitives.js'
import {findParent, ownBlocks} from './tree-ops.js'

/** A changed text range from an earlier amendment (for conflict detection). */
export interface TextRange {
  block: number
  start: number
  end: number
  amendment: string
}

export interface ExpandContext {
  document: Document
  /** Ranges changed so far, by provision eId (current). */
  ranges: Map<string, TextRange[]>
}

export interface Expansion {
  primitives: Primitive[]
  description?: string
  /** Advice for the user (a provisional date …), reported as warnings of the amendment. */
  warnings?: Array<{code: AmendWarningCode; message: string}>
}

/** One place where quoted text was found. */
interface Hit {
  eId: string
  block: number
  start: number
  end: number
}

function provisionText(node: Provision, deep: boolean): string {
  return textOf(node, {num: false, deep})
}

/**
 * Find `text` in the own text of `eId` (or, with `deep`, of it and its
 * sub-provisions), pick the occurrence, and check it against earlier changes.
 */
function findText(
  ctx: ExpandContext,
  eId: string,
  text: string,
  occurrence: number | 'all' | undefined,
  deep: boolean
): Hit[] {
  const root = findByEid(ctx.document, eId)
  if (!root) throw new Failure('amend/target-not-found', `No provision \`${eId}\``, {eId})
  const units: Provision[] = deep ? listProvisions(root).map((p) => p.node) : [root]
  const hits: Hit[] = []
  for (const unit of units) {
    ownBlocks(unit).forEach((block, b) => {
      for (const start of occurrences(plainText(block.children), text))
        hits.push({eId: unit.eId, block: b, start, end: start + text.length})
    })
  }
  const earlier = [...new Set(units.flatMap((u) => (ctx.ranges.get(u.eId) ?? []).map((r) => r.amendment)))]
  if (hits.length === 0) {
    throw new Failure('amend/text-not-found', `The quoted text ‘${text}’ is not in ${eId}`, {
      actual: provisionText(root, deep),
      hint:
        earlier.length > 0
          ? `Amendment ${earlier.join(', ')} changed this provision's text earlier; quote the base text only where it is unchanged`
          : 'Quote the text exactly as it stands in the base text (spaces and quote marks included)'
    })
  }
  let chosen: Hit[]
  if (occurrence === 'all') chosen = hits
  else if (occurrence !== undefined) {
    const hit = hits[occurrence - 1]
    if (!hit) {
      throw new Failure(
        'amend/text-not-found',
        `‘${text}’ occurs ${hits.length} time(s) in ${eId}, not ${occurrence}`,
        {actual: provisionText(root, deep)}
      )
    }
    chosen = [hit]
  } else if (hits.length > 1) {
    throw new Failure('amend/text-ambiguous', `‘${text}’ occurs ${hits.length} times in ${eId}`, {
      actual: provisionText(root, deep),
      hint: 'Quote more words, or say which `occurrence` (1, 2 … or all)'
    })
  } else chosen = hits
  refuseOverlaps(ctx, chosen, text)
  return chosen
}

function overlaps(a: {start: number; end: number}, b: {start: number; end: number}): boolean {
  if (a.start === a.end && b.start === b.end) return false
  if (a.start === a.end) return b.start < a.start && a.start < b.end
  if (b.start === b.end) return a.start < b.start && b.start < a.end
  return a.start < b.end && b.start < a.end
}

function splice(hit: Hit, insert: Inline[]): Primitive {
  return {id: '', type: 'spliceText', target: hit.eId, block: hit.block, start: hit.start, end: hit.end, insert}
}

/** Later occurrences first, so earlier offsets stay valid. */
function backwards<T extends Hit>(hits: T[]): T[] {
  return [...hits].sort((a, b) => (a.eId === b.eId && a.block === b.block ? b.start - a.start : 0))
}

/** Widen a sentence's range over one adjacent space so no double space is left. */
function withSpace(ctx: ExpandContext, hit: Hit): Hit {
  const node = findByEid(ctx.document, hit.eId)!
  const text = plainText(ownBlocks(node)[hit.block]!.children)
  if (text[hit.start - 1] === ' ') return {...hit, start: hit.start - 1}
  if (text[hit.end] === ' ') return {...hit, end: hit.end + 1}
  return hit
}

/** Is the hit the whole text of a provision that has nothing else (so the provision itself goes)? */
function wholeUnit(ctx: ExpandContext, hit: Hit): boolean {
  const node = findByEid(ctx.document, hit.eId)!
  const blocks = ownBlocks(node)
  const units = (node as {children: Node[]}).children.filter((c) => 'eId' in c)
  return (
    node.type === 'subparagraph' &&
    blocks.length === 1 &&
    units.length === 0 &&
    plainText(blocks[0]!.children).trim() === plainText(blocks[0]!.children).slice(hit.start, hit.end).trim()
  )
}

/** Default expiry sentences: "It shall apply until …", "This Regulation shall expire on …". */
const EXPIRY =
  /\b(?:It|This (?:Regulation|Directive|Decision)) shall (?:apply|remain in force|continue to apply)\b[^.]*?\buntil\b[^.]*\.|\b(?:It|This (?:Regulation|Directive|Decision)) shall (?:expire|cease to apply)\b[^.]*\./g

/**
 * The article a sunset goes in by default: the last one, or, when the last
 * article is the formula alone (a directive's `Addressees`: "This
 * Directive is addressed to the Member States."), the one before it (entry
 * into force and application), so that the expiry never follows the formula.
 */
function finalProvisionsArticle(document: Document): string {
  const articles = listProvisions(document).filter((p) => p.node.type === 'article')
  const last = articles[articles.length - 1]
  if (!last)
    throw new Failure('amend/target-not-found', 'The document has no article for the sunset clause', {
      hint: 'Give a `target`'
    })
  const before = articles[articles.length - 2]
  return before && bindingFormula(last.node) === last.node ? before.node.eId : last.node.eId
}

export function expand(a: Amendment, ctx: ExpandContext): Expansion {
  if (PRIMITIVE_TYPES.has(a.type) && !(a.type === 'move' && a.text !== undefined)) return {primitives: [a as Primitive]}
  switch (a.type) {
    case 'substitute':
      return substitute(a, ctx)
    case 'insertText':
      return insertText(a, ctx)
    case 'deleteText':
      return deleteText(a, ctx)
    case 'placeholder':
      return placeholder(a, ctx)
    case 'sunset':
      return sunset(a, ctx)
    case 'moveRepealToRecitals':
      return moveRepeal(a, ctx)
    case 'move':
      return moveText(a, ctx)
    default:
      throw new Failure('amend/unknown-type', `Unknown amendment type \`${a.type}\``)
  }
}

function substitute(a: SubstituteAmendment, ctx: ExpandContext): Expansion {
  const scope = scopeOf(ctx.document, a.target)
  if (scope) {
    const hits = findInScope(ctx, scope, a.text, a.occurrence)
    const provisions = new Set(hits.map((h) => h.eId)).size
    const headings = headingsWith(scope, a.text)
    return {
      primitives: backwards(hits).map((hit) => splice(hit, textToInlines(matchCase(a.by, hit.matched, a.text)))),
      description: `${scope.label}: ‘${a.text}’ replaced by ‘${a.by}’ (${hits.length} time(s) in ${provisions} provision(s))`,
      ...(headings.length > 0
        ? {
            warnings: [
              {
                code: 'amend/term-in-heading' as const,
                message: `‘${a.text}’ also stands in the heading of ${headings.map((eId) => citationLabel(eId) || eId).join(', ')}: a scoped substitute changes the text of provisions, not headings; change them with setHeading`
              }
            ]
          }
        : {})
    }
  }
  const hits = findText(ctx, a.target, a.text, a.occurrence, false)
  return {
    primitives: backwards(hits).map((hit) => splice(hit, textToInlines(a.by))),
    description: `${citationLabel(a.target)}: ‘${a.text}’ replaced by ‘${a.by}’${hits.length > 1 ? ` (${hits.length} times)` : ''}`
  }
}

// ---------------------------------------------------------------------------
// Scoped text amendments: a term across an article, a chapter, the recitals or the act

/** Container names a scoped `substitute`/`placeholder` may target besides eIds. */
export const SCOPE_NAMES = ['act', 'recitals', 'citations', 'body'] as const

interface Scope {
  /** How messages name it: `Article 12`, `the recitals`, `the act`. */
  label: string
  units: Provision[]
}

/**
 * The provisions a text amendment searches when its target is a scope: a
 * container name, or a provision with units inside it (an article with
 * paragraphs, a chapter, an annex). `undefined` for a provision without
 * units: its own text is searched exactly, as always.
 */
export function scopeOf(document: Document, target: string): Scope | undefined {
  if (target === 'act') return {label: 'the act', units: listProvisions(document).map((p) => p.node)}
  if ((SCOPE_NAMES as readonly string[]).includes(target)) {
    const parent = findParent(document, target)
    if (!parent) throw new Failure('amend/target-not-found', `The document has no ${target}`, {eId: target})
    return {label: `the ${target}`, units: listProvisions(parent).map((p) => p.node)}
  }
  const root = findByEid(document, target)
  if (!root) throw new Failure('amend/target-not-found', `No provision \`${target}\``, {eId: target})
  const units = listProvisions(root).map((p) => p.node)
  return units.length > 1 ? {label: citationLabel(target) || target, units} : undefined
}

const WORD = /[\p{L}\p{N}]/u

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1)
}

/** The forms of a term a scoped amendment matches: as written, with its first letter in the other case, in capitals. */
function termForms(text: string): Set<string> {
  return new Set([text, capitalize(text), lowerFirst(text), text.toUpperCase()])
}

/**
 * The replacement in the case of the words it replaces: `Gatekeeper` →
 * `Provider` at the start of a sentence, `GATEKEEPER` → `PROVIDER` in a
 * heading in capitals, `gatekeeper` → `provider` elsewhere.
 */
export function matchCase(by: string, matched: string, text: string): string {
  if (matched === text) return by
  if (matched === text.toUpperCase() && matched !== matched.toLowerCase() && matched.length > 1) return by.toUpperCase()
  if (matched.charAt(0) !== text.charAt(0))
    return matched.charAt(0) === matched.charAt(0).toUpperCase() ? capitalize(by) : lowerFirst(by)
  return by
}

/** The units of a scope whose heading holds the term (whole words, case-aware), which a scoped substitute leaves. */
function headingsWith(scope: Scope, text: string): string[] {
  const forms = [...termForms(text)]
  const whole = (plain: string, form: string): boolean =>
    occurrences(plain, form).some((start) => {
      const before = plain.charAt(start - 1)
      const after = plain.charAt(start + form.length)
      return !(before !== '' && WORD.test(before)) && !(after !== '' && WORD.test(after))
    })
  return scope.units
    .filter((unit) => {
      const heading = 'heading' in unit ? unit.heading : undefined
      if (!heading) return false
      const plain = plainText(heading)
      return forms.some((form) => whole(plain, form))
    })
    .map((unit) => unit.eId)
}

/** Every whole-word, case-aware occurrence of `text` in the own text of the scope's units. */
function findInScope(
  ctx: ExpandContext,
  scope: Scope,
  text: string,
  occurrence: number | 'all' | undefined
): Array<Hit & {matched: string}> {
  const forms = termForms(text)
  const hits: Array<Hit & {matched: string}> = []
  for (const unit of scope.units) {
    ownBlocks(unit).forEach((block, b) => {
      const plain = plainText(block.children)
      const starts = new Set<number>()
      for (const form of forms) for (const start of occurrences(plain, form)) starts.add(start)
      for (const start of [...starts].sort((x, y) => x - y)) {
        const end = start + text.length
        const before = plain.charAt(start - 1)
        const after = plain.charAt(end)
        if (WORD.test(text.charAt(0)) && before !== '' && WORD.test(before)) continue
        if (WORD.test(text.charAt(text.length - 1)) && after !== '' && WORD.test(after)) continue
        hits.push({eId: unit.eId, block: b, start, end, matched: plain.slice(start, end)})
      }
    })
  }
  if (hits.length === 0) {
    throw new Failure(
      'amend/text-not-found',
      `The word(s) ‘${text}’ are not in ${scope.label} (${scope.units.length} provision(s) searched, whole words, either case of the first letter)`,
      {
        hint: 'Quote words as they stand in the base text, or target the provision that holds them (see `redlex outline --all`)'
      }
    )
  }
  let chosen: Array<Hit & {matched: string}>
  if (occurrence === 'all') chosen = hits
  else if (occurrence !== undefined) {
    const hit = hits[occurrence - 1]
    if (!hit)
      throw new Failure(
        'amend/text-not-found',
        `‘${text}’ occurs ${hits.length} time(s) in ${scope.label}, not ${occurrence}`,
        {actual: hits.map((h) => h.eId).join(', ')}
      )
    chosen = [hit]
  } else if (hits.length > 1) {
    throw new Failure('amend/text-ambiguous', `‘${text}’ occurs ${hits.length} times in ${scope.label}`, {
      actual: [...new Set(hits.map((h) => h.eId))].join(', '),
      hint: 'Say which `occurrence` (1, 2 … counted in document order) or `occurrence: all`'
    })
  } else chosen = hits
  refuseOverlaps(ctx, chosen, text)
  return chosen
}

function insertText(a: InsertTextAmendment, ctx: ExpandContext): Expansion {
  const [hit] = findText(ctx, a.target, a.anchor, a.occurrence, false)
  const at = a.position === 'before' ? hit!.start : hit!.end
  return {
    primitives: [splice({...hit!, start: at, end: at}, textToInlines(a.text))],
    description: `${citationLabel(a.target)}: ‘${a.text}’ inserted ${a.position} ‘${a.anchor}’`
  }
}

function deleteText(a: DeleteTextAmendment, ctx: ExpandContext): Expansion {
  const hits = findText(ctx, a.target, a.text, a.occurrence, false)
  return {
    primitives: backwards(hits).map((hit) => splice(hit, [])),
    description: `${citationLabel(a.target)}: ‘${a.text}’ deleted`
  }
}

function placeholder(a: PlaceholderAmendment, ctx: ExpandContext): Expansion {
  const node = placeholderNode(a.value ?? '…', a.reason)
  const scope = scopeOf(ctx.document, a.target)
  if (scope) {
    const hits = findInScope(ctx, scope, a.text ?? a.anchor!, a.occurrence)
    const before = a.position === 'before'
    const primitives = backwards(hits).map((hit) => {
      if (a.text !== undefined) return splice(hit, [structuredClone(node)])
      const at = before ? hit.start : hit.end
      return splice(
        {...hit, start: at, end: at},
        before
          ? [structuredClone(node), {type: 'text', value: ' '}]
          : [{type: 'text', value: ' '}, structuredClone(node)]
      )
    })
    const what =
      a.text !== undefined
        ? `‘${a.text}’ replaced by the placeholder [${node.value}]`
        : `placeholder [${node.value}] inserted ${a.position ?? 'after'} ‘${a.anchor}’`
    return {primitives, description: `${scope.label}: ${what} (${hits.length} time(s); ${a.reason})`}
  }
  if (a.text !== undefined) {
    const [hit] = findText(ctx, a.target, a.text, a.occurrence, false)
    return {
      primitives: [splice(hit!, [node])],
      description: `${citationLabel(a.target)}: ‘${a.text}’ replaced by the placeholder [${node.value}] (${a.reason})`
    }
  }
  const [hit] = findText(ctx, a.target, a.anchor!, a.occurrence, false)
  const before = a.position === 'before'
  const at = before ? hit!.start : hit!.end
  const insert: Inline[] = before ? [node, {type: 'text', value: ' '}] : [{type: 'text', value: ' '}, node]
  return {
    primitives: [splice({...hit!, start: at, end: at}, insert)],
    description: `${citationLabel(a.target)}: placeholder [${node.value}] inserted ${a.position ?? 'after'} ‘${a.anchor}’ (${a.reason})`
  }
}

/** The closing formula of an act: "This Regulation shall be binding in its entirety …", "This Directive is addressed to the Member States." */
const BINDING_FORMULA =
  /^\s*This (?:Regulation|Directive|Decision) (?:shall be binding in its entirety|is addressed to)/

/** The unit of `root` whose own text is the binding-force formula (the article itself when its first text is). */
function bindingFormula(root: Provision): Provision | undefined {
  for (const {node} of listProvisions(root)) {
    const first = ownBlocks(node)[0]
    if (first && BINDING_FORMULA.test(plainText(first.children))) return node
  }
  return undefined
}

function sunset(a: SunsetAmendment, ctx: ExpandContext): Expansion {
  const date = resolveDate(a.date)
  const template = a.sentence ?? 'It shall apply until {date}.'
  const sentence = template.replace('{date}', date.text)
  const target = a.target ?? finalProvisionsArticle(ctx.document)
  const root = findByEid(ctx.document, target)
  if (!root) throw new Failure('amend/target-not-found', `No provision \`${target}\``, {eId: target})
  const why = date.anchor ? ` (${date.anchor}: ${date.description})` : ''
  const description = `${citationLabel(target)}: expiry set to ${date.text}${why}`
  const warnings: Array<{code: AmendWarningCode; message: string}> = date.provisional
    ? [{code: 'amend/provisional-date', message: `${date.anchor}: ${date.provisional}`}]
    : []
  const done = (primitives: Primitive[], suffix = ''): Expansion => ({
    primitives,
    description: description + suffix,
    ...(warnings.length > 0 ? {warnings} : {})
  })
  if (a.existing !== undefined) {
    const [hit] = findText(ctx, target, a.existing, undefined, true)
    return done([splice(hit!, textToInlines(sentence))])
  }
  const hits: Hit[] = []
  const found: string[] = []
  for (const {node} of listProvisions(root)) {
    ownBlocks(node).forEach((block, b) => {
      const text = plainText(block.children)
      for (const m of text.matchAll(EXPIRY)) {
        hits.push({eId: node.eId, block: b, start: m.index, end: m.index + m[0].length})
        found.push(m[0])
      }
    })
  }
  if (hits.length > 1) {
    throw new Failure('amend/sunset-ambiguous', `${target} has ${hits.length} expiry sentences`, {
      actual: found.join(' | '),
      hint: 'Quote the one to replace in `existing`'
    })
  }
  if (hits.length === 1) {
    const hit = hits[0]!
    for (const range of ctx.ranges.get(hit.eId) ?? []) {
      if (range.block === hit.block && overlaps(range, hit)) {
        throw new Failure(
          'amend/conflict',
          `The expiry sentence of ${hit.eId} was already changed by amendment ${range.amendment}`,
          {actual: found[0]!}
        )
      }
    }
    return done([splice(hit, textToInlines(sentence))])
  }
  const formula = bindingFormula(root)
  const beforeFormula = formula && formula !== root ? formula : undefined
  if (a.create === 'sentence') {
    // The sentence ends the last text before the binding-force formula (or the last text).
    const all = listProvisions(root).map((p) => p.node)
    const stop = beforeFormula ? all.indexOf(beforeFormula) : all.length
    const units = all.slice(0, stop).filter((n) => ownBlocks(n).length > 0)
    const last = units[units.length - 1]
    if (!last) throw new Failure('amend/target-not-found', `${target} has no text to add the expiry sentence to`)
    const blocks = ownBlocks(last)
    const end = plainText(blocks[blocks.length - 1]!.children).length
    return done(
      [splice({eId: last.eId, block: blocks.length - 1, start: end, end}, textToInlines(' ' + sentence))],
      ' (sentence added)'
    )
  }
  const subparagraph = (): Provision =>
    ({
      type: 'subparagraph',
      eId: '',
      children: [{type: 'content', children: textToInlines(sentence)}]
    }) as unknown as Provision
  const paragraph = (): Provision =>
    ({
      type: 'paragraph',
      eId: '',
      num: '1.',
      children: [{type: 'content', children: textToInlines(sentence)}]
    }) as unknown as Provision
  if (a.at !== undefined) {
    // Placed by hand: a paragraph next to a paragraph, otherwise a subparagraph.
    const [mode, ref] = Object.entries(a.at)[0]!
    const sibling = mode === 'before' || mode === 'after' ? findByEid(ctx.document, ref) : undefined
    const unit = sibling?.type === 'paragraph' ? paragraph() : subparagraph()
    return done([{id: '', type: 'insert', at: a.at, content: [unit]}], ' (expiry sentence created where `at` says)')
  }
  if (beforeFormula) {
    // The drafting rule: the expiry comes right after entry into force, before the binding-force formula.
    const where = ' (expiry sentence created before the binding-force formula)'
    if (beforeFormula.type !== 'paragraph')
      return done([{id: '', type: 'insert', at: {before: beforeFormula.eId}, content: [subparagraph()]}], where)
    const siblings = (findParentOf(ctx.document, beforeFormula.eId)?.children ?? []) as Node[]
    const previous = siblings[siblings.indexOf(beforeFormula) - 1]
    if (previous && previous.type === 'paragraph') {
      return done(
        [{id: '', type: 'insert', at: {lastChildOf: (previous as Provision).eId}, content: [subparagraph()]}],
        where
      )
    }
    return done([{id: '', type: 'insert', at: {before: beforeFormula.eId}, content: [paragraph()]}], where)
  }
  const hasParagraphs = (root as {children: Node[]}).children.some((c) => c.type === 'paragraph')
  const unit = hasParagraphs ? paragraph() : subparagraph()
  return done([{id: '', type: 'insert', at: {lastChildOf: target}, content: [unit]}], ' (expiry sentence created)')
}

function findParentOf(document: Document, eId: string): {children: unknown[]} | undefined {
  return locate(document, eId)?.parent as {children: unknown[]} | undefined
}

function moveRepeal(a: MoveRepealToRecitalsAmendment, ctx: ExpandContext): Expansion {
  const [hit] = findText(ctx, a.target, a.text, a.occurrence, true)
  const remove: Primitive = wholeUnit(ctx, hit!)
    ? {id: '', type: 'delete', target: hit!.eId}
    : splice(withSpace(ctx, hit!), [])
  const recital = {
    type: 'recital',
    eId: '',
    num: '(1)',
    children: [{type: 'content', children: textToInlines(a.recital)}]
  } as unknown as Provision
  return {
    primitives: [remove, {id: '', type: 'insert', at: a.to, content: [recital]}],
    description: `${citationLabel(hit!.eId)}: repeal wording ‘${a.text}’ removed; moved to a new recital`
  }
}

function moveText(a: MoveAmendment, ctx: ExpandContext): Expansion {
  const [hit] = findText(ctx, a.target, a.text!, a.occurrence, true)
  const as = a.as ?? 'recital'
  const node = findByEid(ctx.document, hit!.eId)!
  const moved = sliceInlines(ownBlocks(node)[hit!.block]!.children, hit!.start, hit!.end)
  const unit = {type: as, eId: '', children: [{type: 'content', children: moved}]} as unknown as Provision
  if (as === 'indent') unit.num = '—'
  else if (as !== 'subparagraph')
    unit.num = a.num ?? (as === 'article' ? 'Article 1' : as === 'paragraph' ? '1.' : '(1)')
  const remove: Primitive = wholeUnit(ctx, hit!)
    ? {id: '', type: 'delete', target: hit!.eId}
    : splice(withSpace(ctx, hit!), [])
  const insert: Primitive = {id: '', type: 'insert', at: a.to, content: [unit]}
  if (a.num !== undefined) insert.numbering = 'keep'
  return {primitives: [remove, insert], description: `${citationLabel(hit!.eId)}: ‘${a.text}’ moved to a new ${as}`}
}

/** Words an earlier amendment of the run already changed cannot be changed again: the two must be merged. */
function refuseOverlaps(ctx: ExpandContext, chosen: readonly Hit[], text: string): void {
  for (const hit of chosen) {
    for (const range of ctx.ranges.get(hit.eId) ?? []) {
      if (range.block !== hit.block || !overlaps(range, hit)) continue
      throw new Failure(
        'amend/conflict',
        `‘${text}’ in ${hit.eId} overlaps words already changed by amendment ${range.amendment}`,
        {
          actual: provisionText(findByEid(ctx.document, hit.eId)!, false),
          hint: `Merge the two amendments, or make amendment ${range.amendment} cover both changes`
        }
      )
    }
  }
}
