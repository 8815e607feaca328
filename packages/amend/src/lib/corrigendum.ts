/**
 * A corrigendum → typed `substitute` amendments. A correction in the
 * Official Journal ("On page 55, point (c) of Article 37(1): for: ‘(c) …’,
 * read: ‘(c) …’") names a provision and quotes its wrong and its right text;
 * the words that differ become substitutions in that provision, targeted by
 * eId. The input is declared structurally (any `{location, old, new}`, such
 * as `parseCorrigendum` of @redlex/formats returns), so this package does not
 * depend on the importers. Spec: docs/amendments.md, "From a corrigendum".
 */
import {fromOrdinalWord, ordinalWord} from '@redlex/tree'
import type {Amendment, SubstituteAmendment} from './types.js'

/**
 * One correction: where it is and the text before and after. `old` and `new`
 * quote the provision(s) as printed, one line (`\n`) per unit, with their
 * numbers (`(c) the core …`, `3. The competent …`); `…` stands for words that
 * are not corrected.
 */
export interface CorrectionInput {
  /** 1-based position in the corrigendum (default: position in the list). */
  index?: number
  /** As printed: `On page 55, point (c) of Article 37(1)`. */
  location: string
  old: string
  new: string
  /** The provision(s) the location names, when already known; wins over reading `location`. */
  target?: {eId: string; others?: string[]}
}

export interface CorrectionsOptions {
  /** `provenance.conclusion` of every amendment, e.g. `corrigendum OJ L 127, 23.5.2018`. */
  conclusion?: string
  /** Prefix of the ids: `corr-3`, `corr-10-2` (default `corr-`). */
  idPrefix?: string
  /**
   * `words` (default): one substitution per run of changed words, with the
   * fewest words around it that make it a complete phrase (and `occurrence`
   * when the words recur). `unit`: the whole quoted text of the unit (or of
   * each part between `…`) is substituted.
   */
  granularity?: 'words' | 'unit'
}

export interface SkippedCorrection {
  index: number
  location: string
  reason: string
}

export interface CorrectionsResult {
  amendments: Amendment[]
  /** Corrections (or lines of a correction) that cannot become a substitution, with the reason. */
  skipped: SkippedCorrection[]
}

/** Turn corrections into `substitute` amendments; what cannot be substituted goes to `skipped`. */
export function correctionsToAmendments(
  corrections: readonly CorrectionInput[],
  options: Readonly<CorrectionsOptions> = {}
): CorrectionsResult {
  const amendments: Amendment[] = []
  const skipped: SkippedCorrection[] = []
  corrections.forEach((correction, position) => {
    const index = correction.index ?? position + 1
    const skip = (reason: string): void => void skipped.push({index, location: correction.location, reason})
    const out = convert(correction, options, skip)
    if (out.length === 0 && !skipped.some((s) => s.index === index)) skip('the old and the new text are the same')
    const prefix = options.idPrefix ?? 'corr-'
    out.forEach((a, i) => {
      a.id = out.length === 1 ? `${prefix}${index}` : `${prefix}${index}-${i + 1}`
      a.provenance = {
        ...(options.conclusion !== undefined ? {conclusion: options.conclusion} : {}),
        note: correction.location
      }
      amendments.push(a)
    })
  })
  return {amendments, skipped}
}

type Draft = Omit<SubstituteAmendment, 'id'> & {id?: string}

function convert(
  correction: CorrectionInput,
  options: Readonly<CorrectionsOptions>,
  skip: (reason: string) => void
): SubstituteAmendment[] {
  const fail = (reason: string): SubstituteAmendment[] => {
    skip(reason)
    return []
  }
  if (!correction.target && correction.location.trim() === '') return fail('no location')
  const targets = correction.target
    ? [correction.target.eId, ...(correction.target.others ?? [])]
    : eIdsFromLocation(correction.location)
  if (!targets)
    return fail(
      `the location names no provision that can be targeted (${NOT_A_TARGET.exec(norm(correction.location))?.[0] ?? 'no article, recital, citation or annex'})`
    )
  const olds = lines(correction.old)
  const news = lines(correction.new)
  if (olds.length === 0 || news.length === 0)
    return fail(
      olds.length === 0
        ? 'nothing quoted as the old text: an insertion, not a substitution'
        : 'nothing quoted as the new text: a deletion, not a substitution'
    )
  if ([...olds, ...news].some((l) => l.text.includes(' | ')))
    return fail('a table: the correction replaces table cells, not quoted text')
  if (olds.length !== news.length)
    return fail(
      `the old text has ${olds.length} unit(s) and the new ${news.length}: units are added or removed, not substituted`
    )
  if (targets.length > 1 && targets.length !== olds.length)
    return fail(`the location names ${targets.length} provisions but ${olds.length} unit(s) are quoted`)
  const unitTargets = targets.length > 1 ? targets : lineTargets(targets[0]!, olds)
  const out: Draft[] = []
  olds.forEach((oldLine, i) => {
    const newLine = news[i]!
    const where = olds.length > 1 ? `unit ${i + 1} (${oldLine.num ?? 'unnumbered'}): ` : ''
    if (oldLine.num !== newLine.num)
      return skip(
        `${where}the number changes from ${oldLine.num ?? 'none'} to ${newLine.num ?? 'none'} (a renumbering, not a substitution)`
      )
    const target = unitTargets[i]
    if (target === undefined) return skip(`${where}cannot tell which provision ${oldLine.num ?? 'it'} is`)
    const oldPieces = oldLine.text.split('…').map((p) => p.trim())
    const newPieces = newLine.text.split('…').map((p) => p.trim())
    if (oldPieces.length !== newPieces.length) return skip(`${where}the old and new text leave out (…) different parts`)
    // Part of the unit's text: between `…`, or only some sentences of it (`recital 71, fifth and sixth sentences`).
    const partial = oldPieces.length > 1 || SENTENCES.test(norm(correction.location))
    oldPieces.forEach((piece, j) => {
      const by = newPieces[j]!
      if (piece === by || same(piece, by)) return
      if (piece === '') return skip(`${where}a part left out (…) in the old text is quoted in the new one`)
      if (options.granularity === 'unit') return void out.push({type: 'substitute', target, text: piece, by})
      for (const s of substitutions(piece, by, partial)) out.push({type: 'substitute', target, ...s})
    })
  })
  return out as SubstituteAmendment[]
}

/* ---------------------------------------------------------------- locations */

/** `first` … `twentieth`, the words @redlex/tree reads and writes. */
const ORDINALS = Array.from({length: 20}, (_, i) => ordinalWord(i + 1))
const ORDINAL = ORDINALS.join('|')
/** Locations that name something other than a provision's text. */
const NOT_A_TARGET = /\b(?:title|heading|footnote|table|signature|formula)\b/i

const SENTENCES = /\bsentences?\b/i
const norm = (s: string): string => s.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim()

/**
 * The eIds of the provisions a printed location names: `recital 71` →
 * `rec_71`; `point (c) of Article 37(1)` and `Article 37(1)(c)` →
 * `art_37__para_1__point_c`; `Article 4, point (11)` → `art_4__point_11`;
 * `Article 64(6), (7) and (8)` → three paragraphs; `second subparagraph of
 * Article 5(2)` → `art_5__para_2__subpara_2`; `second citation` → `cit_2`;
 * `Annex II, point 3` → `anx_II__point_3`. A leading `On page N,` and
 * trailing precisions (`first sentence`, `introductory wording`) are
 * ignored. `undefined` when it names no provision (a title, a heading, a
 * footnote) or none at all.
 */
export function eIdsFromLocation(location: string): string[] | undefined {
  const loc = norm(location).replace(/^(?:on\s+)?pages?\s+\d+(?:\s*(?:and|to|-|–)\s*\d+)?\s*,?\s*/i, '')
  if (
    loc === '' ||
    /^(?:the\s+)?(?:title|heading)\b/i.test(loc) ||
    /\b(?:heading|title) of\b/i.test(loc) ||
    /\bfootnote\b/i.test(loc)
  )
    return undefined
  const kinds = [
    {kind: 'recital', at: loc.search(/\brecitals?\s+\d/i)},
    {kind: 'citation', at: loc.search(new RegExp(`\\b(?:(?:${ORDINAL})\\s+citation|citations?\\s+\\d)`, 'i'))},
    {kind: 'article', at: loc.search(/\bArticles?\s+\d/)},
    {kind: 'annex', at: loc.search(/\bAnnex\s+(?:[IVXLC]+|\d+)\b/)}
  ]
    .filter((k) => k.at >= 0)
    .sort((a, b) => a.at - b.at)
  const first = kinds[0]
  if (!first) return undefined
  if (first.kind === 'recital') {
    const m = /\brecitals?\s+(\d+[a-z]*(?:\s*(?:,|and|to|–)\s*\d+[a-z]*)*)/i.exec(loc)!
    return numberList(m[1]!).map((n) => `rec_${n}`)
  }
  if (first.kind === 'citation') {
    const ord = new RegExp(`\\b(${ORDINAL})\\s+citation`, 'i').exec(loc)
    const n = ord ? fromOrdinalWord(ord[1]!)! : Number(/\bcitations?\s+(\d+)/i.exec(loc)![1])
    return [`cit_${n}`]
  }
  let bases: string[]
  let rest: string
  if (first.kind === 'annex') {
    const m = /\bAnnex\s+([IVXLC]+|\d+)\b/.exec(loc)!
    bases = [`anx_${m[1]}`]
    rest = loc.slice(0, m.index) + loc.slice(m.index + m[0].length)
    const point = /\bpoints?\s+(\d+(?:\.\d+)*)\b/i.exec(rest)
    if (point) return [`${bases[0]}__point_${point[1]!.replace(/\./g, '_')}`]
    return bases
  }
  // Article N, its paragraphs and points written in brackets: 37(1)(c), 64(6), (7) and (8).
  const art = /\bArticles?\s+(\d+[a-z]*)((?:\s*\(\w+\))*)((?:\s*(?:,|and)\s*\(\w+\)(?:\s*\(\w+\))*)*)/.exec(loc)!
  rest = loc.slice(0, art.index) + ' ' + loc.slice(art.index + art[0].length)
  const groups = [art[2]!, ...[...art[3]!.matchAll(/\(\w+\)(?:\s*\(\w+\))*/g)].map((g) => g[0])].filter(
    (g) => g.trim() !== ''
  )
  const split = (g: string): string[] => [...g.matchAll(/\((\w+)\)/g)].map((m) => m[1]!)
  bases =
    groups.length === 0
      ? [`art_${art[1]}`]
      : groups.map((g) => {
          const [para, ...points] = split(g)
          // The first bracket is the paragraph when it is a number; Article 4(a) would be a point.
          const head = /^\d/.test(para!) ? `__para_${para}` : `__point_${para}`
          return `art_${art[1]}${head}${points.map((p) => `__point_${p}`).join('')}`
        })
  const subpara = new RegExp(`\\b(${ORDINAL})\\s+subparagraph`, 'i').exec(rest)
  const n = subpara ? fromOrdinalWord(subpara[1]!)! : 1
  // `point (c)`, `points (a) and (b)`, `point (b)(ii)`.
  const pointGroups: string[][] = []
  const pm = /\bpoints?\s+(\(\w+\)(?:\s*\(\w+\))*(?:\s*(?:,|and|to)\s*\(\w+\)(?:\s*\(\w+\))*)*)/i.exec(rest)
  if (pm) for (const g of pm[1]!.matchAll(/\(\w+\)(?:\s*\(\w+\))*/g)) pointGroups.push(split(g[0]))
  const out: string[] = []
  for (const base of bases) {
    const withSub = n >= 2 ? `${base}__subpara_${n}` : base
    if (pointGroups.length === 0) out.push(withSub)
    else for (const g of pointGroups) out.push(withSub + g.map((p) => `__point_${p}`).join(''))
  }
  return out
}

/** `8`, `8 and 9`, `8, 9 and 12`, `8 to 10`. */
function numberList(text: string): string[] {
  const out: string[] = []
  const parts = text.split(/\s*(?:,|and)\s*/).filter((p) => p !== '')
  for (const part of parts) {
    const range = /^(\d+)\s*(?:to|–)\s*(\d+)$/.exec(part)
    if (range) for (let i = Number(range[1]); i <= Number(range[2]); i++) out.push(String(i))
    else out.push(part.trim())
  }
  return out
}

/* ------------------------------------------------------------ quoted units */

interface Line {
  /** The printed number (`(c)`, `3.`, `(71)`), if any. */
  num?: string
  text: string
}

const NUM = /^(\(\w+\)|\d+[a-z]*\.)[\s\u00a0]+/

function lines(quoted: string): Line[] {
  return quoted
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const m = NUM.exec(l)
      return m ? {num: m[1]!, text: l.slice(m[0].length)} : {text: l}
    })
}

/**
 * Which provision each quoted unit is, when the location names one: the
 * first unit is that provision; a later `(x)` is its point `x`; a later
 * unnumbered unit is its next subparagraph, or, after points, its closing
 * words (its own text); `N.` in an article is paragraph N.
 */
function lineTargets(target: string, units: readonly Line[]): Array<string | undefined> {
  const out: Array<string | undefined> = [target]
  const sub = /^(.*)__subpara_(\d+)$/.exec(target)
  const parent = sub ? sub[1]! : target
  let next = sub ? Number(sub[2]) + 1 : 2
  let afterPoints = false
  for (const unit of units.slice(1)) {
    if (unit.num === undefined) out.push(afterPoints ? target : `${parent}__subpara_${next++}`)
    else if (unit.num.startsWith('(')) {
      afterPoints = true
      out.push(`${target}__point_${unit.num.slice(1, -1)}`)
    } else out.push(/^art_[^_]+$/.test(target) ? `${target}__para_${unit.num.slice(0, -1)}` : undefined)
  }
  return out
}

/* ------------------------------------------------------------ word diff */

/**
 * Words as printed between spaces (`43(3);` is one word, so a change never
 * cuts a reference or its punctuation apart), and runs of spaces.
 */
const TOKEN = /\S+|\s+/gu
const isSpace = (t: string): boolean => /^\s+$/.test(t)
const isWord = (t: string): boolean => !isSpace(t)
const key = (t: string): string => (isSpace(t) ? ' ' : t)
const same = (a: string, b: string): boolean => norm(a) === norm(b)

interface Hunk {
  /** Token ranges [a0, a1) in the old text, [b0, b1) in the new. */
  a0: number
  a1: number
  b0: number
  b1: number
}

/** Changed token ranges (longest common subsequence of tokens; spaces compare equal). */
function diffTokens(a: readonly string[], b: readonly string[]): Hunk[] {
  let pre = 0
  while (pre < a.length && pre < b.length && key(a[pre]!) === key(b[pre]!)) pre++
  let suf = 0
  while (suf < a.length - pre && suf < b.length - pre && key(a[a.length - 1 - suf]!) === key(b[b.length - 1 - suf]!))
    suf++
  const n = a.length - pre - suf
  const m = b.length - pre - suf
  if (n === 0 && m === 0) return []
  if (n === 0 || m === 0 || n * m > 4_000_000) return [{a0: pre, a1: pre + n, b0: pre, b1: pre + m}]
  // lcs[i][j] = LCS length of a[pre+i..] and b[pre+j..]
  const lcs = Array.from({length: n + 1}, () => new Uint16Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        key(a[pre + i]!) === key(b[pre + j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const hunks: Hunk[] = []
  let i = 0
  let j = 0
  let open: Hunk | undefined
  while (i < n || j < m) {
    if (i < n && j < m && key(a[pre + i]!) === key(b[pre + j]!)) {
      if (open) hunks.push(open), (open = undefined)
      i++, j++
    } else {
      open ??= {a0: pre + i, a1: pre + i, b0: pre + j, b1: pre + j}
      if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) open.b1 = pre + ++j
      else open.a1 = pre + ++i
    }
  }
  if (open) hunks.push(open)
  return hunks
}

/** At most this many words between two changes keep them one substitution. */
const MERGE_GAP_WORDS = 1

/**
 * The substitutions that turn `oldText` into `newText`. With `partial` (the
 * text is part of the provision, between `…`), a substitution quotes enough
 * words to be unique in the part; otherwise `occurrence` says which one is
 * meant when the words recur in the provision.
 */
function substitutions(
  oldText: string,
  newText: string,
  partial: boolean
): Array<{text: string; by: string; occurrence?: number}> {
  const a = oldText.match(TOKEN) ?? []
  const b = newText.match(TOKEN) ?? []
  const hunks: Hunk[] = []
  for (const h of diffTokens(a, b)) {
    const last = hunks[hunks.length - 1]
    const gap = last ? a.slice(last.a1, h.a0).filter(isWord).length : Infinity
    if (last && gap <= MERGE_GAP_WORDS) Object.assign(last, {a1: h.a1, b1: h.b1})
    else hunks.push({...h})
  }
  // Widen each change to whole words: no empty side, no space or punctuation at either edge.
  for (const h of hunks) {
    const edgeOk = (t: string | undefined): boolean => t !== undefined && !isSpace(t)
    // Both sides non-empty, no space at the edge, and some letters (not `43` alone: `Article 43`).
    const letters = (): boolean => /\p{L}/u.test(a.slice(h.a0, h.a1).join(''))
    const leftOk = (): boolean => h.a1 > h.a0 && h.b1 > h.b0 && edgeOk(a[h.a0]) && edgeOk(b[h.b0]) && letters()
    const rightOk = (): boolean => edgeOk(a[h.a1 - 1]) && edgeOk(b[h.b1 - 1])
    // Spaces at both edges are common to both sides: leave them out first.
    while (h.a1 > h.a0 && h.b1 > h.b0 && isSpace(a[h.a1 - 1]!) && isSpace(b[h.b1 - 1]!)) h.a1--, h.b1--
    while (h.a1 > h.a0 && h.b1 > h.b0 && isSpace(a[h.a0]!) && isSpace(b[h.b0]!)) h.a0++, h.b0++
    while (!leftOk() && h.a0 > 0) h.a0--, h.b0--
    while (!rightOk() && h.a1 < a.length) h.a1++, h.b1++
    // At the very start, an empty side (or one without letters) is filled from the right.
    while ((h.a1 === h.a0 || h.b1 === h.b0 || !rightOk() || !letters()) && h.a1 < a.length) h.a1++, h.b1++
  }
  // Widening can make neighbours touch: merge them.
  const merged: Hunk[] = []
  for (const h of hunks) {
    const last = merged[merged.length - 1]
    if (last && (h.a0 <= last.a1 || h.b0 <= last.b1))
      Object.assign(last, {a1: Math.max(last.a1, h.a1), b1: Math.max(last.b1, h.b1)})
    else merged.push({...h})
  }
  const out: Array<{text: string; by: string; occurrence?: number}> = []
  // Simulate the substitutions in order on the old text, as the runner applies them.
  let current = oldText
  let delta = 0
  const offset = (tokens: readonly string[], i: number): number => tokens.slice(0, i).join('').length
  merged.forEach((h, k) => {
    // Widen by one word over unchanged words only (not into the neighbours).
    const lo = merged[k - 1]?.a1 ?? 0
    const hi = merged[k + 1]?.a0 ?? a.length
    const widen = (): boolean => {
      if (h.a0 > lo) {
        h.a0--, h.b0--
        while (h.a0 > lo && !isWord(a[h.a0]!)) h.a0--, h.b0--
        return true
      }
      if (h.a1 < hi) {
        h.a1++, h.b1++
        while (h.a1 < hi && !isWord(a[h.a1 - 1]!)) h.a1++, h.b1++
        return true
      }
      return false
    }
    let text = a.slice(h.a0, h.a1).join('')
    let at = offset(a, h.a0) + delta
    let hits = positions(current, text)
    while (partial && hits.length > 1 && widen()) {
      text = a.slice(h.a0, h.a1).join('')
      at = offset(a, h.a0) + delta
      hits = positions(current, text)
    }
    const by = b.slice(h.b0, h.b1).join('')
    const s: {text: string; by: string; occurrence?: number} = {text, by}
    if (!partial && hits.length > 1) s.occurrence = hits.indexOf(at) + 1
    out.push(s)
    current = current.slice(0, at) + by + current.slice(at + text.length)
    delta += by.length - text.length
  })
  return out
}

/** Start offsets of `needle` in `haystack`, overlapping, thin and no-break spaces read as spaces (as the runner counts). */
function positions(haystack: string, needle: string): number[] {
  const spaces = /[\u00a0\u202f\u2009\u2007]/g
  const hay = haystack.replace(spaces, ' ')
  const pin = needle.replace(spaces, ' ')
  const out: number[] = []
  for (let i = hay.indexOf(pin); i !== -1 && pin !== ''; i = hay.indexOf(pin, i + 1)) out.push(i)
  return out
}
