/**
 * `compareDocuments`: align two versions of an act provision by provision,
 * redline each aligned pair word by word, and describe the result in the
 * comparison model (docs/comparison.md).
 *
 * Alignment works per level. At the top, citations, recitals, articles (all
 * of them at once, whatever division they sit in) and annexes are aligned
 * as four lists, then divisions by heading and by the articles they hold.
 * Inside each aligned pair the sub-provisions are aligned the same way.
 * Last, sub-provisions left over as deleted in one place and inserted in
 * another are paired when their texts match (moved across provisions).
 */
import {RedlexError, citationLabel, cleanNum} from '@redlex/tree'
import type {Document} from '@redlex/tree'
import {align, type AlignThresholds, type Match} from './align.js'
import {attachCauses} from './causes.js'
import {consultationOf} from './consultation.js'
import {entriesOf, ownText, type Entries, type FrameEntry, type NoteEntry, type ProvisionInfo} from './entries.js'
import {
  diffLists,
  hasChange,
  type RenumberLookup,
  type TextDiff,
  type TextDiffOptions,
  type WorkBudget
} from './legal-diff.js'
import {alignLines, type LinePair, type LineView} from './lines.js'
import {FeatureSpace, candidates, dice, longestIncreasing, union, type FeatureSet} from './similarity.js'
import type {
  CompareOptions,
  Comparison,
  FrameChange,
  NoteChange,
  NoteSide,
  ProvisionChange,
  ProvisionSide,
  StatusCounts
} from './types.js'
import {COMPARISON_SCHEMA_VERSION} from './types.js'
import {tokenList, type TokenList} from './tokenize.js'

const TOP: AlignThresholds = {strong: 0.6, weak: 0.3, floor: 0.1, moveMargin: 0.15}
const SUB: AlignThresholds = {strong: 0.6, weak: 0.35, floor: 0, moveMargin: 0.15}
const DIVISIONS: AlignThresholds = {strong: 0.6, weak: 0.3, floor: 0.1, moveMargin: 0.2}
/** Moved across provisions: a high bar, and only for texts of some length. */
const MOVED_MIN_SCORE = 0.5
const MOVED_MIN_FEATURES = 8
/** Above this many pairs, candidates come from an inverted index instead of all pairs. */
const ALL_PAIRS_LIMIT = 400

const SUB_KINDS = new Set(['paragraph', 'subparagraph', 'point', 'indent'])

/** Frame blocks pair within their kind (and formula name); footnotes of one place with one another. */
const FRAME_LINES: LineView<FrameEntry> = {group: (f) => f.kind + ':' + (f.name ?? ''), text: (f) => f.text}
const NOTE_LINES: LineView<NoteEntry> = {group: () => '', text: (note) => note.text}

/** How the pair behind a change was found (kept beside the model while building). */
interface Meta {
  before?: ProvisionInfo
  after?: ProvisionInfo
  moved: boolean
}

/** Compare two versions of an act. */
export function compareDocuments(
  before: Document,
  after: Document,
  options: Readonly<CompareOptions> = {}
): Comparison {
  return new Comparer(before, after, options).run()
}

class Comparer {
  readonly b: Entries
  readonly a: Entries
  readonly options: Readonly<CompareOptions>
  readonly showRenumbering: boolean
  readonly renames: Map<string, string>
  readonly meta = new Map<ProvisionChange, Meta>()
  readonly partnerOfBefore = new Map<ProvisionInfo, ProvisionInfo>()
  readonly partnerOfAfter = new Map<ProvisionInfo, ProvisionInfo>()
  readonly changeOfBefore = new Map<ProvisionInfo, ProvisionChange>()
  readonly changeOfAfter = new Map<ProvisionInfo, ProvisionChange>()
  readonly space = new FeatureSpace()
  /** Each provision's own text and heading, tokenized once (keys in `space.keys`) for similarity and redline. */
  readonly tokenCache = new Map<ProvisionInfo, TokenList>()
  readonly headingTokenCache = new Map<ProvisionInfo, TokenList>()
  readonly featureCache = new Map<ProvisionInfo, FeatureSet>()
  readonly headingCache = new Map<ProvisionInfo, FeatureSet>()
  /** Before article/recital/annex/chapter numbers → after numbers, for references. */
  readonly numberMaps = {
    article: new Map<string, string>(),
    recital: new Map<string, string>(),
    annex: new Map<string, string>(),
    chapter: new Map<string, string>()
  }
  fallbacks = 0
  readonly tokens = {common: 0, removed: 0, added: 0}
  /** Search steps left for the whole comparison (see `COMPARISON_STEPS_BASE`). */
  readonly budget: WorkBudget

  constructor(before: Document, after: Document, options: Readonly<CompareOptions>) {
    this.b = entriesOf(before)
    this.a = entriesOf(after)
    this.options = options
    this.showRenumbering = options.showRenumbering ?? true
    this.renames = new Map(Object.entries(options.renames ?? {}))
    const charsB = charsOf(this.b)
    const charsA = charsOf(this.a)
    checkSize(this.b, charsB, 'first', options.names?.before)
    checkSize(this.a, charsA, 'second', options.names?.after)
    this.budget = {
      steps: options.maxComparisonSteps ?? COMPARISON_STEPS_BASE + COMPARISON_STEPS_PER_CHAR * (charsB + charsA)
    }
    for (const entry of options.log ?? []) {
      for (const effect of entry.effects) {
        if (
          (effect.action === 'renumbered' || effect.action === 'moved') &&
          effect.before &&
          effect.after &&
          !this.renames.has(effect.before)
        ) {
          this.renames.set(effect.before, effect.after)
        }
      }
    }
  }

  run(): Comparison {
    this.alignTop()
    const changes = this.buildTop()
    this.movedAcross(changes)
    for (const change of changes) this.settle(change)
    const frame = this.compareFrame()
    attachCauses(changes, frame, this.options.log ?? [], this.options.isc)
    const {summary, levels, within} = count(changes)
    const comparison: Comparison = {
      type: 'comparison',
      schemaVersion: COMPARISON_SCHEMA_VERSION,
      before: {name: this.options.names?.before ?? 'before', title: titleOf(this.b)},
      after: {name: this.options.names?.after ?? 'after', title: titleOf(this.a)}
    } as Comparison
    if (this.options.isc) comparison.isc = consultationOf(this.options.isc)
    comparison.summary = summary
    comparison.within = within
    comparison.levels = levels
    comparison.tokens = this.tokens
    comparison.fallbacks = this.fallbacks
    comparison.entries = {before: this.b.count, after: this.a.count}
    comparison.frame = frame
    comparison.changes = changes.map(tidy)
    return comparison
  }

  // -------------------------------------------------------------------------
  // Features

  /** The tokens of a provision's own text (its blocks joined by `\n`). */
  ownTokens(info: ProvisionInfo): TokenList {
    let tokens = this.tokenCache.get(info)
    if (!tokens) this.tokenCache.set(info, (tokens = this.tokenized(ownText(info))))
    return tokens
  }

  /** The own text of a provision, built once. */
  ownText(info: ProvisionInfo): string {
    return this.ownTokens(info).text
  }

  /** The tokens of a provision's heading, if it has one. */
  headingTokens(info: ProvisionInfo): TokenList | undefined {
    if (info.heading === undefined) return undefined
    let tokens = this.headingTokenCache.get(info)
    if (!tokens) this.headingTokenCache.set(info, (tokens = this.tokenized(info.heading)))
    return tokens
  }

  /** A text's tokens, their keys in the comparison's table. */
  tokenized(text: string): TokenList {
    return tokenList(text, this.space.keys)
  }

  /** The features of a provision's whole text (sub-provisions included, numbers and headings left out). */
  feats(info: ProvisionInfo): FeatureSet {
    let set = this.featureCache.get(info)
    if (!set) {
      const sets = [this.space.of(this.ownTokens(info))]
      for (let c = 0; c < info.children.length; c++) sets.push(this.feats(info.children[c]!))
      set = union(sets)
      this.featureCache.set(info, set)
    }
    return set
  }

  headingFeats(info: ProvisionInfo): FeatureSet | undefined {
    if (info.heading === undefined) return undefined
    let set = this.headingCache.get(info)
    if (!set) this.headingCache.set(info, (set = this.space.of(this.headingTokens(info)!)))
    return set
  }

  textScore(b: ProvisionInfo, a: ProvisionInfo): number {
    const text = dice(this.feats(b), this.feats(a))
    const hb = this.headingFeats(b)
    const ha = this.headingFeats(a)
    if (hb && ha && (hb.length > 0 || ha.length > 0)) return 0.7 * text + 0.3 * dice(hb, ha)
    return text
  }

  // -------------------------------------------------------------------------
  // Alignment

  /** Identity key of a before provision in the after version. */
  identityOf(info: ProvisionInfo, relative: boolean): string {
    const renamed = this.renames.get(info.eId)
    const eId = renamed ?? info.eId
    return relative ? lastStep(eId) : eId
  }

  alignLists(
    before: ProvisionInfo[],
    after: ProvisionInfo[],
    relative: boolean,
    thresholds: AlignThresholds,
    score: (b: ProvisionInfo, a: ProvisionInfo) => number | undefined
  ): Match[] {
    if (before.length === 0 || after.length === 0) return []
    const afterByKey = new Map<string, number>()
    after.forEach((info, j) => {
      const key = relative ? lastStep(info.eId) : info.eId
      if (!afterByKey.has(key)) afterByKey.set(key, j)
    })
    const identity = (i: number): number | undefined => afterByKey.get(this.identityOf(before[i]!, relative))
    const pairs: Array<readonly [number, number]> = []
    if (before.length * after.length <= ALL_PAIRS_LIMIT) {
      for (let i = 0; i < before.length; i++) for (let j = 0; j < after.length; j++) pairs.push([i, j])
    } else {
      const left = before.map((info) => this.feats(info))
      const right = after.map((info) => this.feats(info))
      // Pushed one by one: a spread of a long list overflows the call stack.
      for (const pair of candidates(left, right)) pairs.push(pair)
      const afterByNum = new Map<string, number>()
      after.forEach((info, j) => {
        if (info.num) afterByNum.set(info.type + ':' + cleanNum(info.num), j)
      })
      before.forEach((info, i) => {
        const j = identity(i)
        if (j !== undefined) pairs.push([i, j])
        const k = info.num ? afterByNum.get(info.type + ':' + cleanNum(info.num)) : undefined
        if (k !== undefined) pairs.push([i, k])
      })
    }
    return align({
      candidates: pairs,
      score: (i, j) => score(before[i]!, after[j]!),
      identity,
      forced: (i, j) => this.renames.get(before[i]!.eId) === after[j]!.eId,
      thresholds
    })
  }

  pair(b: ProvisionInfo, a: ProvisionInfo): void {
    this.partnerOfBefore.set(b, a)
    this.partnerOfAfter.set(a, b)
  }

  /** Align citations, recitals, articles, annexes, then divisions. */
  alignTop(): void {
    const outOfOrder = new Set<ProvisionInfo>()
    let articles: Array<[ProvisionInfo, ProvisionInfo]> = []
    for (const type of ['citation', 'recital', 'article', 'annex'] as const) {
      const before = this.b.provisions.filter((p) => p.type === type)
      const after = this.a.provisions.filter((p) => p.type === type)
      for (const match of this.alignLists(before, after, false, TOP, (x, y) => this.textScore(x, y))) {
        const b = before[match.before]!
        const a = after[match.after]!
        this.pair(b, a)
        if (type === 'article') articles.push([b, a])
        else if (!match.inOrder) outOfOrder.add(b)
        this.recordNumber(type, b, a)
      }
    }
    this.alignDivisions(outOfOrder)
    // Articles: those that changed division are moved; among the others, a
    // longest order-preserving chain stays, the rest moved within the order.
    articles = articles.filter(([b, a]) => {
      if (!this.crossesDivision(b, a)) return true
      this.crossing.add(b)
      return false
    })
    articles.sort((x, y) => x[0].order - y[0].order)
    const chain = longestIncreasing(articles.map(([b, a]) => [b.order, a.order] as const))
    articles.forEach(([b], k) => {
      if (!chain.has(k)) outOfOrder.add(b)
    })
    this.outOfOrder = outOfOrder
  }

  /** Articles that changed division. */
  readonly crossing = new Set<ProvisionInfo>()

  outOfOrder = new Set<ProvisionInfo>()

  recordNumber(type: string, b: ProvisionInfo, a: ProvisionInfo): void {
    if (!b.num || !a.num) return
    const from = cleanNum(b.num)
    const to = cleanNum(a.num)
    if (from === '' || to === '' || from === to) return
    if (type === 'article') this.numberMaps.article.set(from, to)
    else if (type === 'recital') this.numberMaps.recital.set(from, to)
    else if (type === 'annex') this.numberMaps.annex.set(from, to)
    else if (type === 'chapter') this.numberMaps.chapter.set(from, to)
  }

  alignDivisions(outOfOrder: Set<ProvisionInfo>): void {
    const before = this.b.provisions.filter((p) => p.type === 'division')
    const after = this.a.provisions.filter((p) => p.type === 'division')
    if (before.length === 0 || after.length === 0) return
    const articlesOf = (info: ProvisionInfo): Set<ProvisionInfo> => {
      const out = new Set<ProvisionInfo>()
      const visit = (p: ProvisionInfo): void => {
        for (const child of p.children) {
          if (child.type === 'article') out.add(child)
          else if (child.type === 'division') visit(child)
        }
      }
      visit(info)
      return out
    }
    const articlesB = new Map(before.map((info) => [info, articlesOf(info)]))
    const articlesA = new Map(after.map((info) => [info, articlesOf(info)]))
    const score = (b: ProvisionInfo, a: ProvisionInfo): number | undefined => {
      if (b.node.type !== 'division' || a.node.type !== 'division') return undefined
      // A title may become a chapter, a chapter a section: allowed, at a cost.
      const penalty = b.node.kind === a.node.kind ? 0 : 0.15
      const hb = this.headingFeats(b)
      const ha = this.headingFeats(a)
      const heading = hb && ha ? dice(hb, ha) : hb || ha ? 0 : 0.5
      const inB = articlesB.get(b)!
      const inA = articlesA.get(a)!
      let shared = 0
      for (const article of inB) {
        const partner = this.partnerOfBefore.get(article)
        if (partner && inA.has(partner)) shared++
      }
      const size = Math.max(inB.size, inA.size)
      const overlap = size === 0 ? heading : shared / size
      if (penalty > 0 && overlap === 0) return undefined
      return 0.4 * heading + 0.6 * overlap - penalty
    }
    for (const match of this.alignLists(before, after, false, DIVISIONS, score)) {
      const b = before[match.before]!
      const a = after[match.after]!
      this.pair(b, a)
      if (!match.inOrder) outOfOrder.add(b)
      if (b.node.type === 'division' && b.node.kind === 'chapter') this.recordNumber('chapter', b, a)
    }
  }

  /** Align the sub-provisions of an aligned pair. */
  alignChildren(b: ProvisionInfo, a: ProvisionInfo): Match[] {
    return this.alignLists(b.children, a.children, true, SUB, (x, y) => {
      if (family(x.type) !== family(y.type)) return undefined
      return this.textScore(x, y)
    })
  }

  // -------------------------------------------------------------------------
  // Building the change tree

  /** The number maps as a lookup for reference tokens (only when renumbering is suppressed). */
  renumbered(): RenumberLookup | undefined {
    if (this.showRenumbering) return undefined
    if (this.lookup) return this.lookup
    const maps = this.numberMaps
    return (this.lookup = {
      get(key: string): string | undefined {
        const m = /^(Articles?|articles?|[Rr]ecitals?|Annex(?:es)?|ANNEX(?:ES)?|Chapters?|CHAPTER)( )(.*)$/.exec(key)
        if (!m) return undefined
        const word = m[1]!.toLowerCase()
        const map = word.startsWith('article')
          ? maps.article
          : word.startsWith('recital')
            ? maps.recital
            : word.startsWith('annex')
              ? maps.annex
              : maps.chapter
        const rest = m[3]!.replace(
          /(^|, | to | and | or )(\d+[a-z]{0,3}|[IVXLC]+[a-z]?)(?=\(|,| |$)/g,
          (_all, sep: string, num: string) => sep + (map.get(num) ?? num)
        )
        const out = m[1]! + m[2]! + rest
        return out === key ? undefined : out
      }
    })
  }

  lookup: RenumberLookup | undefined

  /** The redline of two token lists (of the comparison's table) within the comparison's budget. */
  diff(before: TokenList, after: TokenList): TextDiff {
    const options: TextDiffOptions = {budget: this.budget}
    if (this.options.maxRedlineSteps !== undefined) options.maxSteps = this.options.maxRedlineSteps
    if (this.options.maxEditLength !== undefined) options.maxEditLength = this.options.maxEditLength
    if (this.options.timeBudgetMs !== undefined) options.timeout = this.options.timeBudgetMs
    const renumbered = this.renumbered()
    if (renumbered) options.renumbered = renumbered
    const result = diffLists(before, after, this.space.keys, options)
    if (result.fallback) this.fallbacks++
    return result
  }

  side(info: ProvisionInfo): ProvisionSide {
    const side = {eId: info.eId, label: citationLabel(info.eId)} as ProvisionSide
    if (info.num !== undefined) side.num = info.num
    if (info.heading !== undefined) side.heading = info.heading
    side.text = this.ownText(info)
    if (info.seq !== undefined) side.seq = info.seq
    if (info.blocks.length > 0) side.blocks = info.blocks.map((block) => [block.seq, block.text.length])
    return side
  }

  /** A change for a pair, an inserted or a deleted provision, without children. */
  node(b: ProvisionInfo | undefined, a: ProvisionInfo | undefined): ProvisionChange {
    const kind = (a ?? b)!.type
    const change: ProvisionChange = {
      status: b && a ? 'unchanged' : a ? 'inserted' : 'deleted',
      kind,
      diff: [],
      children: []
    }
    if (b) change.before = this.side(b)
    if (a) change.after = this.side(a)
    const text =
      b && a
        ? this.diff(this.ownTokens(b), this.ownTokens(a))
        : whole(b ? change.before!.text : change.after!.text, this.ownTokens((b ?? a)!).length, b ? 'removed' : 'added')
    change.diff = text.segments
    if (text.fallback) change.fallback = text.fallback
    change.tokens = text.tokens
    this.addTokens(text.tokens)
    if (b?.heading !== undefined || a?.heading !== undefined) {
      const heading =
        b && a
          ? this.diff(this.headingTokens(b) ?? this.tokenized(''), this.headingTokens(a) ?? this.tokenized(''))
          : whole((b ?? a)!.heading!, this.headingTokens((b ?? a)!)!.length, b ? 'removed' : 'added')
      change.heading = heading.segments
      this.addTokens(heading.tokens)
    }
    const notes = [
      ...this.noteChanges(b?.headingNotes, a?.headingNotes, 'heading'),
      ...this.noteChanges(b?.notes, a?.notes, undefined)
    ]
    if (notes.length > 0) change.notes = notes
    this.meta.set(
      change,
      b && a ? {before: b, after: a, moved: false} : b ? {before: b, moved: false} : {after: a!, moved: false}
    )
    if (b) this.changeOfBefore.set(b, change)
    if (a) this.changeOfAfter.set(a, change)
    return change
  }

  /**
   * The footnotes of one place (text or heading) of a pair, or of a provision
   * present on one side only, aligned as lines (`alignLines`): equal texts
   * in order, then, between two such pairs, leftovers by similarity.
   */
  noteChanges(
    before: readonly NoteEntry[] | undefined,
    after: readonly NoteEntry[] | undefined,
    place: 'heading' | undefined
  ): NoteChange[] {
    const b = before ?? []
    const a = after ?? []
    if (b.length === 0 && a.length === 0) return []
    const out: NoteChange[] = []
    const make = (x: NoteEntry | undefined, y: NoteEntry | undefined): void => {
      const change = {status: x && y ? 'unchanged' : y ? 'inserted' : 'deleted', diff: []} as unknown as NoteChange
      if (place) change.place = place
      if (x) change.before = noteSide(x)
      if (y) change.after = noteSide(y)
      const text =
        x && y
          ? this.diff(this.tokenized(x.text), this.tokenized(y.text))
          : whole((x ?? y)!.text, this.tokenized((x ?? y)!.text).length, x ? 'removed' : 'added')
      change.diff = text.segments
      if (text.fallback) change.fallback = text.fallback
      this.addTokens(text.tokens)
      if (x && y)
        change.status = hasChange(text.segments) ? 'modified' : x.marker !== y.marker ? 'renumbered' : 'unchanged'
      out.push(change)
    }
    for (const [x, y] of this.lines(b, a, NOTE_LINES)) make(x, y)
    return out
  }

  addTokens(tokens: TextDiff['tokens']): void {
    this.tokens.common += tokens.common
    this.tokens.removed += tokens.removed
    this.tokens.added += tokens.added
  }

  /** A provision below the top level: pair, insert or delete it with all its sub-provisions. */
  subtree(b: ProvisionInfo | undefined, a: ProvisionInfo | undefined): ProvisionChange {
    const change = this.node(b, a)
    if (b && a) {
      const matches = this.alignChildren(b, a)
      const partner = new Map<ProvisionInfo, ProvisionInfo>()
      const matched = new Set<ProvisionInfo>()
      for (const match of matches) {
        const x = b.children[match.before]!
        const y = a.children[match.after]!
        partner.set(y, x)
        matched.add(x)
        const child = this.subtree(x, y)
        if (!match.inOrder) this.meta.get(child)!.moved = true
      }
      for (const y of a.children) {
        const x = partner.get(y)
        change.children.push(x ? this.changeOfAfter.get(y)! : this.subtree(undefined, y))
      }
      this.placeDeleted(
        b.children,
        (x) => !matched.has(x),
        (x) => this.subtree(x, undefined),
        () => change.children
      )
    } else if (a) {
      for (const y of a.children) change.children.push(this.subtree(undefined, y))
    } else if (b) {
      for (const x of b.children) change.children.push(this.subtree(x, undefined))
    }
    return change
  }

  /**
   * Put the changes of deleted provisions where they stood: right after the
   * change of their nearest earlier sibling that sits in the same list, or
   * first.
   */
  placeDeleted(
    siblings: ProvisionInfo[],
    isDeleted: (x: ProvisionInfo) => boolean,
    make: (x: ProvisionInfo) => ProvisionChange,
    listOf: (x: ProvisionInfo) => ProvisionChange[]
  ): void {
    siblings.forEach((x, k) => {
      if (!isDeleted(x)) return
      const list = listOf(x)
      const change = make(x)
      let at = 0
      for (let p = k - 1; p >= 0; p--) {
        const previous = this.changeOfBefore.get(siblings[p]!)
        const index = previous ? list.indexOf(previous) : -1
        if (index !== -1) {
          at = index + 1
          break
        }
      }
      list.splice(at, 0, change)
    })
  }

  /** The top level: citations, recitals, divisions with their articles, annexes. */
  buildTop(): ProvisionChange[] {
    const top: ProvisionChange[] = []
    const containers = new Map<ProvisionInfo, ProvisionChange>()
    const visit = (a: ProvisionInfo, into: ProvisionChange[]): void => {
      const b = this.partnerOfAfter.get(a)
      if (a.type === 'division') {
        const change = this.node(b, a)
        containers.set(a, change)
        if (b) containers.set(b, change)
        into.push(change)
        for (const child of a.children) visit(child, change.children)
      } else {
        into.push(this.subtree(b, a))
      }
      if (b && this.outOfOrder.has(b)) this.meta.get(this.changeOfAfter.get(a)!)!.moved = true
      if (b && this.crossing.has(b)) this.meta.get(this.changeOfAfter.get(a)!)!.moved = true
    }
    for (const a of this.a.top) visit(a, top)
    // Deleted top-level provisions and divisions, in document order so that a
    // deleted division is placed before the deleted articles it holds.
    const listOf = (x: ProvisionInfo): ProvisionChange[] => (x.parent ? containers.get(x.parent)!.children : top)
    const siblingsOf = (x: ProvisionInfo): ProvisionInfo[] => (x.parent ? x.parent.children : this.b.top)
    for (const x of this.b.provisions) {
      if (x.depth > 0 && x.parent?.type !== 'division') continue
      if (this.partnerOfBefore.has(x)) continue
      const siblings = siblingsOf(x)
      this.placeDeleted(
        siblings.slice(0, siblings.indexOf(x) + 1),
        (y) => y === x,
        (y) => {
          if (y.type !== 'division') return this.subtree(y, undefined)
          const change = this.node(y, undefined)
          containers.set(y, change)
          return change
        },
        listOf
      )
    }
    return top
  }

  /** An article that left a division still present in the second version (or entered one from elsewhere). */
  crossesDivision(b: ProvisionInfo, a: ProvisionInfo): boolean {
    const pb = b.parent
    const pa = a.parent
    const partnerB = pb ? this.partnerOfBefore.get(pb) : undefined
    const partnerA = pa ? this.partnerOfAfter.get(pa) : undefined
    if (partnerB && partnerB !== pa) return true
    if (partnerA && partnerA !== pb) return true
    return false
  }

  /** Pair sub-provisions deleted in one place and inserted in another when their texts match. */
  movedAcross(top: ProvisionChange[]): void {
    const deleted: Array<{change: ProvisionChange; list: ProvisionChange[]; info: ProvisionInfo}> = []
    const inserted: Array<{change: ProvisionChange; list: ProvisionChange[]; info: ProvisionInfo}> = []
    const visit = (list: ProvisionChange[], parent: ProvisionChange | undefined): void => {
      for (const change of list) {
        const leftover =
          SUB_KINDS.has(change.kind) &&
          !(parent && SUB_KINDS.has(parent.kind) && (parent.status === 'inserted' || parent.status === 'deleted'))
        const meta = this.meta.get(change)!
        if (leftover && change.status === 'deleted' && this.feats(meta.before!).length >= MOVED_MIN_FEATURES)
          deleted.push({change, list, info: meta.before!})
        if (leftover && change.status === 'inserted' && this.feats(meta.after!).length >= MOVED_MIN_FEATURES)
          inserted.push({change, list, info: meta.after!})
        visit(change.children, change)
      }
    }
    visit(top, undefined)
    if (deleted.length === 0 || inserted.length === 0) return
    const left = deleted.map((d) => this.feats(d.info))
    const right = inserted.map((d) => this.feats(d.info))
    const pairs: Array<readonly [number, number]> = []
    if (left.length * right.length <= ALL_PAIRS_LIMIT) {
      for (let i = 0; i < left.length; i++) for (let j = 0; j < right.length; j++) pairs.push([i, j])
    } else {
      for (const pair of candidates(left, right)) pairs.push(pair)
    }
    const scored = pairs
      .filter(([i, j]) => family(deleted[i]!.info.type) === family(inserted[j]!.info.type))
      .map(([i, j]) => ({i, j, score: dice(left[i]!, right[j]!)}))
      .filter((p) => p.score >= MOVED_MIN_SCORE)
      .sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j)
    const usedI = new Set<number>()
    const usedJ = new Set<number>()
    for (const {i, j} of scored) {
      if (usedI.has(i) || usedJ.has(j)) continue
      usedI.add(i)
      usedJ.add(j)
      const d = deleted[i]!
      const n = inserted[j]!
      const moved = this.subtree(d.info, n.info)
      this.meta.get(moved)!.moved = true
      d.list.splice(d.list.indexOf(d.change), 1)
      n.list.splice(n.list.indexOf(n.change), 1, moved)
    }
  }

  // -------------------------------------------------------------------------
  // Statuses

  /** Set the status of a change from its redlines, number and children (post-order). */
  settle(change: ProvisionChange): void {
    for (const child of change.children) this.settle(child)
    const meta = this.meta.get(change)!
    if (!meta.before || !meta.after) return
    const own =
      hasChange(change.diff) ||
      (change.heading !== undefined && hasChange(change.heading)) ||
      notesChanged(change.notes)
    const within = change.children.some((child) => child.status !== 'unchanged')
    const renumbered = numberKey(meta.before.num) !== numberKey(meta.after.num)
    const modified = own || within
    delete change.modified
    delete change.within
    if (meta.moved || (renumbered && this.showRenumbering)) {
      change.status = meta.moved ? 'moved' : 'renumbered'
      if (modified) change.modified = true
    } else if (modified) {
      change.status = 'modified'
      if (!own) change.within = true
    } else {
      change.status = 'unchanged'
    }
  }

  // -------------------------------------------------------------------------
  // Frame

  compareFrame(): FrameChange[] {
    const out: FrameChange[] = []
    for (const part of ['preface', 'preamble', 'conclusions'] as const) {
      const before = this.b.frame.filter((f) => f.part === part)
      const after = this.a.frame.filter((f) => f.part === part)
      for (const [b, a] of this.lines(before, after, FRAME_LINES)) out.push(this.frameChange(b, a))
    }
    return out
  }

  /** `alignLines`, a search that reached its bound counted as a fallback. */
  lines<T>(before: readonly T[], after: readonly T[], view: LineView<T>): Array<LinePair<T>> {
    const {pairs, fallback} = alignLines(before, after, view)
    if (fallback) this.fallbacks++
    return pairs
  }

  frameChange(b: FrameEntry | undefined, a: FrameEntry | undefined): FrameChange {
    const entry = (a ?? b)!
    const text = this.diff(this.tokenized(b?.text ?? ''), this.tokenized(a?.text ?? ''))
    this.addTokens(text.tokens)
    const notes = this.noteChanges(b?.notes, a?.notes, undefined)
    const status: FrameChange['status'] =
      b && a ? (hasChange(text.segments) || notesChanged(notes) ? 'modified' : 'unchanged') : a ? 'inserted' : 'deleted'
    const change: FrameChange = {part: entry.part, kind: entry.kind, status, diff: text.segments}
    if (entry.name !== undefined) change.name = entry.name
    if (notes.length > 0) change.notes = notes
    if (b?.seq !== undefined) change.beforeSeq = b.seq
    if (a?.seq !== undefined) change.afterSeq = a.seq
    return change
  }
}

// ---------------------------------------------------------------------------
// Helpers

/** Characters of a version's text: frame blocks, numbers, headings, text blocks and footnotes. */
function charsOf(entries: Entries): number {
  // Indexed loops: a for-of makes an iterator result per element until the JIT compiles it, and this runs once.
  let chars = 0
  for (let f = 0; f < entries.frame.length; f++) {
    const frame = entries.frame[f]!
    chars += frame.text.length + notesChars(frame.notes ?? [])
  }
  for (let p = 0; p < entries.provisions.length; p++) {
    const info = entries.provisions[p]!
    for (let b = 0; b < info.blocks.length; b++) chars += info.blocks[b]!.text.length
    chars += (info.num?.length ?? 0) + (info.heading?.length ?? 0)
    chars += notesChars(info.notes) + notesChars(info.headingNotes)
  }
  return chars
}

function notesChars(notes: readonly NoteEntry[]): number {
  let chars = 0
  for (let n = 0; n < notes.length; n++) chars += notes[n]!.text.length
  return chars
}

/**
 * The default step budget of a whole comparison is `COMPARISON_STEPS_BASE`
 * plus `COMPARISON_STEPS_PER_CHAR` per character of both versions' text
 * (frame, numbers, headings, text, footnotes): 2^25 steps plus 4 per
 * character. It bounds the time of all redlines together, whatever the
 * input, and depends on the input only. The corpus pairs took at most
 * 105 547 steps in all (about 0.1 per character); a generated 7 MB pair
 * with 60 % of its paragraphs edited, 0.03 per character.
 */
export const COMPARISON_STEPS_BASE = 1 << 25
export const COMPARISON_STEPS_PER_CHAR = 4

/**
 * The size one comparison is made for: 2^25 characters (a 20 MB act has
 * about 20 million) and 2^20 provisions per version. Within it, time and
 * memory stay bounded (docs/performance.md); beyond it, `compare/too-large`.
 */
export const MAX_DOCUMENT_CHARS = 1 << 25
export const MAX_DOCUMENT_PROVISIONS = 1 << 20

function checkSize(entries: Entries, chars: number, which: 'first' | 'second', name: string | undefined): void {
  const provisions = entries.provisions.length
  if (chars <= MAX_DOCUMENT_CHARS && provisions <= MAX_DOCUMENT_PROVISIONS) return
  const what =
    chars > MAX_DOCUMENT_CHARS
      ? `${chars} characters of text (at most ${MAX_DOCUMENT_CHARS})`
      : `${provisions} provisions (at most ${MAX_DOCUMENT_PROVISIONS})`
  throw new RedlexError(`The ${which} version${name ? ` (${name})` : ''} is too large to compare: ${what}`, {
    code: 'compare/too-large',
    hint: 'Compare parts of the act separately (an annex, a chapter), or split the document'
  })
}

function lastStep(eId: string): string {
  const i = eId.lastIndexOf('__')
  return i === -1 ? eId : eId.slice(i + 2)
}

/** The redline of a provision present on one side only. */
function whole(text: string, tokens: number, side: 'removed' | 'added'): TextDiff {
  const counts = {common: 0, removed: side === 'removed' ? tokens : 0, added: side === 'added' ? tokens : 0}
  if (text === '') return {segments: [], tokens: counts}
  return {segments: [side === 'removed' ? {value: text, removed: true} : {value: text, added: true}], tokens: counts}
}

function noteSide(note: NoteEntry): NoteSide {
  return {marker: note.marker, text: note.text, at: note.at}
}

/** True when a footnote was inserted, deleted or reworded (a new marker alone is no change). */
export function notesChanged(notes: readonly NoteChange[] | undefined): boolean {
  return notes !== undefined && notes.some((note) => note.status !== 'unchanged' && note.status !== 'renumbered')
}

/** A printed number for comparison: the unit word (lower case) and the bare number (`TITLE I` → `title I`). */
function numberKey(num: string | undefined): string {
  if (num === undefined) return ''
  const word = /^\s*([A-Za-z]+)[\s\u00a0]/.exec(num)
  return (word ? word[1]!.toLowerCase() + ' ' : '') + cleanNum(num)
}

/** Kinds that may align with each other below the top level. */
function family(type: string): string {
  if (type === 'paragraph' || type === 'subparagraph') return 'paragraph'
  if (type === 'point' || type === 'indent') return 'point'
  return type
}

/** The same change with its keys in reading order (status first, children last), recursively. */
function tidy(change: ProvisionChange): ProvisionChange {
  const out = {status: change.status} as ProvisionChange
  if (change.modified) out.modified = true
  if (change.within) out.within = true
  out.kind = change.kind
  if (change.before) out.before = change.before
  if (change.after) out.after = change.after
  if (change.heading) out.heading = change.heading
  out.diff = change.diff
  if (change.notes) out.notes = change.notes
  if (change.fallback) out.fallback = change.fallback
  if (change.causes) out.causes = change.causes
  if (change.tokens) out.tokens = change.tokens
  out.children = change.children.map(tidy)
  return out
}

function titleOf(entries: Entries): string {
  return entries.frame
    .filter((f) => f.part === 'preface')
    .map((f) => f.text)
    .join(' ')
}

function emptyCounts(): StatusCounts {
  return {unchanged: 0, modified: 0, inserted: 0, deleted: 0, moved: 0, renumbered: 0}
}

/** Counts per status, overall and per kind of provision. */
export function count(changes: readonly ProvisionChange[]): {
  summary: StatusCounts
  levels: Partial<Record<ProvisionChange['kind'], StatusCounts>>
  within: number
} {
  const summary = emptyCounts()
  const levels: Partial<Record<ProvisionChange['kind'], StatusCounts>> = {}
  let within = 0
  const visit = (change: ProvisionChange): void => {
    if (change.status === 'modified' && change.within) within++
    summary[change.status]++
    const level = (levels[change.kind] ??= emptyCounts())
    level[change.status]++
    for (const child of change.children) visit(child)
  }
  for (const change of changes) visit(change)
  return {summary, levels, within}
}
