/**
 * Numbers as EU acts print them: `Article 4a`, `1.`, `(b)`, `(iv)`, `(12)`,
 * `(-a)`, `CHAPTER II`, `ANNEX IV`, and the order they sort in
 * (-3 < -2 < -1 < 1 < 1a < 1aa < 1b < 2).
 */

export type NumberStyle = 'arabic' | 'alpha' | 'roman' | 'dash' | 'word'

const ROMAN: Array<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i']
]

/** `4` → `iv`. */
export function toRoman(value: number): string {
  let rest = value
  let out = ''
  for (const [n, s] of ROMAN) {
    while (rest >= n) {
      out += s
      rest -= n
    }
  }
  return out
}

/** `iv` → 4, or `undefined` when not a canonical roman numeral. */
export function fromRoman(text: string): number | undefined {
  const lower = text.toLowerCase()
  if (!/^[mdclxvi]+$/.test(lower)) return undefined
  let value = 0
  let i = 0
  for (const [n, s] of ROMAN) {
    while (lower.startsWith(s, i)) {
      value += n
      i += s.length
    }
  }
  return i === lower.length && toRoman(value) === lower ? value : undefined
}

/** `1` → `a`, `27` → `aa` (the OJ continues a, …, z, aa, bb …? no: z is followed by `za`‐style inserts; we use spreadsheet order). */
export function toAlpha(value: number): string {
  let n = value
  let out = ''
  while (n > 0) {
    const r = (n - 1) % 26
    out = String.fromCharCode(97 + r) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}

const WORDS = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN', 'ELEVEN', 'TWELVE']

/** `ONE` → 1 (parts are sometimes numbered in words). */
export function fromWord(text: string): number | undefined {
  const i = WORDS.indexOf(text.toUpperCase())
  return i === -1 ? undefined : i + 1
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth'
]

/** 2 → `second` (used in labels: "the second subparagraph"). */
export function ordinalWord(value: number): string {
  return ORDINALS[value - 1] ?? `${value}th`
}

/** `second` → 2. */
export function fromOrdinalWord(word: string): number | undefined {
  const i = ORDINALS.indexOf(word.toLowerCase())
  return i === -1 ? undefined : i + 1
}

/**
 * The bare number of a printed label: `Article 4a` → `4a`, `1.` → `1`,
 * `(b)` → `b`, `(-a)` → `-a`, `CHAPTER II` → `II`, `ANNEX` → `''`, `—` → `''`.
 * The minus of inserted-before units is kept, so `(-a)` never collides with `(a)`.
 */
export function cleanNum(label: string): string {
  const trimmed = label.replace(/[\u00a0\s]+/g, ' ').trim()
  const word = /^(?:article|part|title|chapter|section|sub-?section|annex|appendix|recital)\s+(.*)$/i.exec(trimmed)
  const rest = word
    ? word[1]!
    : /^(?:article|part|title|chapter|section|annex|appendix|sole article)$/i.test(trimmed)
      ? ''
      : trimmed
  return rest
    .replace(/^[([]+/, '')
    .replace(/[)\].:,;]+$/, '')
    .replace(/[\s]+/g, '')
    .replace(/[–—]/g, '')
}

/** One parsed number: a base value with inserted-unit suffix letters. */
export interface ParsedNumber {
  style: NumberStyle
  /** Negative for `-1`, `-a` (inserted before the first unit). */
  negative: boolean
  /** The base value: 4 for `4a`, 2 for `b`/`ba`/`ii`. */
  base: number
  /** Insertion suffix letters (`a` in `4a`, `a` in `ba`), `''` if none. */
  suffix: string
}

/**
 * Parse a clean number in a given style. `4a` (arabic) → base 4, suffix `a`;
 * `ba` (alpha) → base 2, suffix `a`; `iv` (roman) → base 4.
 */
export function parseNumber(value: string, style: NumberStyle): ParsedNumber | undefined {
  const negative = value.startsWith('-')
  const v = negative ? value.slice(1) : value
  if (style === 'arabic') {
    const m = /^(\d+)([a-z]*)$/i.exec(v)
    if (!m) return undefined
    return {style, negative, base: Number(m[1]), suffix: m[2]!.toLowerCase()}
  }
  if (style === 'alpha') {
    const m = /^([a-z])([a-z]*)$/.exec(v)
    if (!m) return undefined
    return {style, negative, base: m[1]!.charCodeAt(0) - 96, suffix: m[2]!}
  }
  if (style === 'roman') {
    const r = fromRoman(v)
    if (r !== undefined) return {style, negative, base: r, suffix: ''}
    // An inserted roman point such as `iia` is rare; accept roman + letters.
    const m = /^([ivxlcdm]+?)([a-z]+)$/i.exec(v)
    if (m) {
      const base = fromRoman(m[1]!)
      if (base !== undefined) return {style, negative, base, suffix: m[2]!.toLowerCase()}
    }
    return undefined
  }
  if (style === 'word') {
    const w = fromWord(v)
    if (w !== undefined) return {style, negative, base: w, suffix: ''}
    const r = fromRoman(v)
    if (r !== undefined) return {style, negative, base: r, suffix: ''}
    const m = /^(\d+)([a-z]*)$/i.exec(v)
    return m ? {style, negative, base: Number(m[1]), suffix: m[2]!.toLowerCase()} : undefined
  }
  return undefined
}

/** Sort key comparison: -3 < -2 < -1 < 1 < 1a < 1aa < 1b < 2. */
export function compareNumbers(a: ParsedNumber, b: ParsedNumber): number {
  if (a.negative !== b.negative) return a.negative ? -1 : 1
  if (a.base !== b.base) return a.negative ? b.base - a.base : a.base - b.base
  if (a.suffix === b.suffix) return 0
  return a.suffix < b.suffix ? -1 : 1
}

/** Format a base value in a style: (2, alpha) → `b`. */
export function formatNumber(value: number, style: NumberStyle): string {
  if (style === 'alpha') return toAlpha(value)
  if (style === 'roman') return toRoman(value)
  return String(value)
}

/** Which styles a point label can be: `(i)` is roman or alpha, `(c)` alpha, `(3)` arabic. */
export function pointStyles(clean: string): NumberStyle[] {
  const v = clean.startsWith('-') ? clean.slice(1) : clean
  if (/^\d+[a-z]*$/i.test(v)) return ['arabic']
  const styles: NumberStyle[] = []
  if (parseNumber(v, 'roman')) styles.push('roman')
  if (/^[a-z]+$/.test(v)) styles.push('alpha')
  return styles
}

/**
 * The number a unit gets after `previous` in sequential numbering within a style.
 * Sequential renumbering ignores suffixes.
 */
export function nextNumber(previous: number): number {
  return previous + 1
}

/**
 * The label of a unit inserted between `before` and `after` without
 * renumbering (amending-act style): after 4 → 4a; between 4a and 4b → 4aa;
 * before 1 → -1; before -1 → -2. `style` decides how the base is printed.
 */
export function insertedNumber(
  before: ParsedNumber | undefined,
  after: ParsedNumber | undefined,
  style: NumberStyle,
  taken: (n: ParsedNumber) => boolean
): ParsedNumber {
  if (!before) {
    // Before the first unit: -1 (or -a), then -2 before that, …
    if (after && after.negative) return {style, negative: true, base: after.base + 1, suffix: ''}
    return {style, negative: true, base: 1, suffix: ''}
  }
  // After `before`: try before + 'a', 'b' …; if those are taken or sort after `after`, go one level deeper.
  let suffix = before.suffix
  for (let depth = 0; depth < 4; depth++) {
    for (let c = 0; c < 26; c++) {
      const candidate: ParsedNumber = {...before, suffix: suffix + String.fromCharCode(97 + c)}
      const fits = !after || compareNumbers(candidate, after) < 0
      if (fits && !taken(candidate)) return candidate
      if (!fits) break
    }
    suffix += 'a'
  }
  return {...before, suffix: suffix + 'a'}
}

/** Print a parsed number back as its clean form (`4a`, `-a`, `iv`). */
export function printNumber(n: ParsedNumber): string {
  const base = n.style === 'alpha' ? toAlpha(n.base) : n.style === 'roman' ? toRoman(n.base) : String(n.base)
  return (n.negative ? '-' : '') + base + n.suffix
}
