/**
 * A tokenizer for legal text. Units that a drafter reads as one thing stay
 * one token: references (`Article 3(2)`, `point (a)`, `Articles 2 to 4`,
 * `Regulation (EU) 2016/679`), dates (`3 August 2024`, `30.7.2021`),
 * amounts and numbers (`EUR 10 000 000`, `4 %`, `1 000`), placeholders
 * (`[…]`). Other text splits into words and single punctuation marks.
 *
 * Like jsdiff's word tokenizer, each token carries the whitespace that
 * follows it (text starting with whitespace gets a whitespace-only first
 * token), so joining the tokens gives back the input exactly, and a change
 * never leaves a dangling space. Tokens compare by `key`: the token without
 * its trailing whitespace, with non-breaking and thin spaces, quotation
 * marks (curly or straight, single or double: all become `'`) and hyphen
 * variants normalised. Two tokens with one key and different
 * text differ only in form (see `Segment.formal`).
 */

/** One token: `text` exactly as written (with trailing whitespace), `key` for comparison. */
export interface Token {
  text: string
  /** Normalised form without trailing whitespace: equal keys mean the same words. */
  key: string
  /** Length of `text` without its trailing whitespace. */
  core: number
  /** What the token is: a reference, date, amount/number, word, punctuation or whitespace. */
  type: TokenType
}

export type TokenType = 'reference' | 'act' | 'date' | 'number' | 'placeholder' | 'word' | 'punctuation' | 'space'

/** The token types by their code in a `TokenList`. */
export const TOKEN_TYPES: readonly TokenType[] = [
  'word',
  'punctuation',
  'space',
  'reference',
  'act',
  'date',
  'number',
  'placeholder'
]
export const WORD_TOKEN = 0
export const PUNCTUATION_TOKEN = 1
export const SPACE_TOKEN = 2
export const REFERENCE_TOKEN = 3
const ACT_TOKEN = 4
const DATE_TOKEN = 5
const NUMBER_TOKEN = 6
const PLACEHOLDER_TOKEN = 7

/**
 * The tokens of a text as arrays, not objects: what a comparison works on.
 * A first comparison tokenizes about 100 000 tokens; as objects with their
 * strings, they and their garbage were a large part of its time. Token `i`
 * is `text.slice(start[i], start[i + 1])`, its core (trailing whitespace
 * left out) ends at `coreEnd[i]`, and its key is `keys.keys[id[i]]` in the
 * `KeyIds` the list was made with (equal ids: equal keys).
 */
export interface TokenList {
  readonly text: string
  readonly length: number
  /** Where each token starts, then the text's length (`length + 1` entries). */
  readonly start: Int32Array
  readonly coreEnd: Int32Array
  /** Codes of `TOKEN_TYPES`. */
  readonly type: Uint8Array
  readonly id: Int32Array
}

/**
 * Interns token keys to integer ids: one table per comparison, so that each
 * provision's tokens get their ids once and every redline compares integers.
 */
export class KeyIds {
  readonly map = new Map<string, number>()
  /** The key of each id. */
  readonly keys: string[] = []

  id(key: string): number {
    let id = this.map.get(key)
    if (id === undefined) {
      id = this.keys.length
      this.map.set(key, id)
      this.keys.push(key)
    }
    return id
  }

  /**
   * Raw token text (core) → id of its key, so that `tokenKey` runs once per
   * distinct spelling. A word that may start a reference (`TRIGGERS`) is
   * stored as a negative number (`~id`, or `UNSEEN_TRIGGER` before its key
   * has an id), so that one lookup per plain word both finds its id and
   * says whether the full pattern must read it (a second lookup in a set
   * of trigger words cost a first comparison several milliseconds).
   */
  private readonly cores = new Map<string, number>()

  /** The id of a token's key, given its core (its text without trailing whitespace). */
  coreId(core: string): number {
    let id = this.cores.get(core)
    if (id === undefined || id === UNSEEN_TRIGGER) {
      id = this.id(tokenKey(core))
      this.cores.set(core, isTrigger(core) ? ~id : id)
    } else if (id < 0) id = ~id
    return id
  }

  /**
   * The id of a plain word's key, or -1 when the word may start a reference,
   * an act or an amount (then `PATTERN` must read it, and it gets no id here).
   */
  plainWordId(core: string): number {
    let id = this.cores.get(core)
    if (id === undefined) {
      if (isTrigger(core)) {
        // Not interned here: ids follow the order in which keys are first
        // met as tokens, and the pattern may read this word as part of a unit.
        this.cores.set(core, UNSEEN_TRIGGER)
        return -1
      }
      this.cores.set(core, (id = this.id(tokenKey(core))))
    }
    return id < 0 ? -1 : id
  }

  /** The ids of a token list's keys. */
  of(tokens: readonly Token[]): Int32Array {
    const out = new Int32Array(tokens.length)
    for (let i = 0; i < tokens.length; i++) out[i] = this.id(tokens[i]!.key)
    return out
  }
}

// One space inside a unit: space, no-break space, narrow no-break space, thin space.
const S = '[ \\u00a0\\u202f\\u2009]'
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December'
// `3`, `3a`, `III`, `(a)`, `(iv)`, followed by `(2)`, `(a)`… (Article 3(2)(a)).
const NUM = `(?:\\d+[a-z]{0,3}|[IVXLC]+[a-z]?|\\((?:-?[a-z]{1,4}|\\d+[a-z]{0,3})\\))(?:\\((?:\\d+[a-z]{0,3}|[a-z]{1,4})\\))*`
const UNIT = [
  '[Aa]rticles?',
  '[Pp]aragraphs?',
  '[Ss]ubparagraphs?',
  '[Pp]oints?',
  '[Rr]ecitals?',
  'Annex(?:es)?',
  'ANNEX(?:ES)?',
  'Chapters?',
  'CHAPTER',
  'Sections?',
  'SECTION',
  'Titles?',
  'TITLE',
  'Parts?',
  'PART',
  '[Ii]ndents?'
].join('|')
const REFERENCE = `(?:${UNIT})${S}${NUM}(?:(?:,${S}|${S}(?:to|and|or)${S})${NUM})*`
const ACT = `(?:Regulation|Directive|Decision|Recommendation)(?:${S}\\((?:EU|EC|EEC|Euratom|CFSP|EU,${S}Euratom)\\))?(?:${S}No)?${S}\\d+/\\d+(?:/[A-Z]+)?`
const NUMBER = `\\d{1,3}(?:${S}\\d{3})+(?:,\\d+)?|\\d+(?:[.,]\\d+)*`
const DATE = `\\d{1,2}${S}(?:${MONTHS})${S}\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2}`
const AMOUNT = `(?:EUR|€)${S}?(?:${NUMBER})(?:${S}(?:million|billion))?|(?:${NUMBER})${S}?%`
const PLACEHOLDER = '\\[(?:…|\\.\\.\\.)\\]'
const WORD = "[\\p{L}\\p{M}\\p{N}\\u00ad]+(?:[-\\u2010\\u2011'\\u2019][\\p{L}\\p{M}\\p{N}\\u00ad]+)*"
const END = '(?![\\p{L}\\p{N}])'

// The alternatives are numbered groups (`GROUP_TYPES` says what each is):
// named groups would make a `groups` object per match.
const PATTERN = new RegExp(
  `(${ACT})${END}|(${REFERENCE})${END}|(${DATE})${END}|(${AMOUNT})|` +
    `(${NUMBER})${END}|(${PLACEHOLDER})|(${WORD})|(\\.\\.\\.|…)|([^\\s\\u200b])`,
  'uy'
)
/** The token type of each group of `PATTERN` (1-based): act, reference, date, amount, number, placeholder, word, ellipsis, other. */
const GROUP_TYPES: readonly number[] = [
  PUNCTUATION_TOKEN,
  ACT_TOKEN,
  REFERENCE_TOKEN,
  DATE_TOKEN,
  NUMBER_TOKEN,
  NUMBER_TOKEN,
  PLACEHOLDER_TOKEN,
  WORD_TOKEN,
  PUNCTUATION_TOKEN,
  PUNCTUATION_TOKEN
]
/** Whitespace from `lastIndex` on (a match of `SPACES`, empty or not, sets where it ends). */
const SPACES = /[\s\u200b]*/y
/**
 * WORD in the Basic Multilingual Plane, not starting with a digit, and the
 * whitespace after it: what the fast path of `tokenList` takes (a word that
 * runs into a character outside the BMP goes to `PATTERN`, as isWordChar
 * excludes surrogates).
 */
const BMP_WORD_CHAR = '(?:(?![\\u{10000}-\\u{10FFFF}])[\\p{L}\\p{M}\\p{N}\\u00ad])'
const PLAIN_WORD = new RegExp(
  `(?![0-9])${BMP_WORD_CHAR}+(?:[-\\u2010\\u2011'\\u2019]${BMP_WORD_CHAR}+)*[\\s\\u200b]*`,
  'uy'
)

/** Where the whitespace starting at `at` ends. */
function spacesEnd(text: string, at: number): number {
  SPACES.lastIndex = at
  SPACES.test(text)
  return SPACES.lastIndex
}
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u00ad]/u

/** A UTF-16 unit that WORD's character class accepts (surrogates excluded: the full pattern handles them). */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  if (code < 0 || (code >= 0xd800 && code <= 0xdfff)) return false
  let known = WORD_CHARS[code]!
  if (known === 0) WORD_CHARS[code] = known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2
  return known === 1
}

/** Memo of `WORD_CHAR` per UTF-16 unit: 0 unknown, 1 word character, 2 not. */
const WORD_CHARS = new Uint8Array(65536)

/** What `\s` or U+200B matches. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
/**
 * Words that may start a reference, an act or an amount, spelt as the
 * pattern accepts them (it is case-sensitive): only these need the full
 * pattern. Exact spellings spare a lower-casing per word.
 */
const TRIGGERS = new Set([
  'Article',
  'article',
  'Articles',
  'articles',
  'Paragraph',
  'paragraph',
  'Paragraphs',
  'paragraphs',
  'Subparagraph',
  'subparagraph',
  'Subparagraphs',
  'subparagraphs',
  'Point',
  'point',
  'Points',
  'points',
  'Recital',
  'recital',
  'Recitals',
  'recitals',
  'Annex',
  'Annexes',
  'ANNEX',
  'ANNEXES',
  'Chapter',
  'Chapters',
  'CHAPTER',
  'Section',
  'Sections',
  'SECTION',
  'Title',
  'Titles',
  'TITLE',
  'Part',
  'Parts',
  'PART',
  'Indent',
  'indent',
  'Indents',
  'indents',
  'Regulation',
  'Directive',
  'Decision',
  'Recommendation',
  'EUR'
])

/** Shortest and longest trigger words. */
const TRIGGER_MIN = 3
const TRIGGER_MAX = 14

/**
 * In `KeyIds`' table of cores: a trigger word whose key has no id yet
 * (below `~id` of any id, and a small integer for V8).
 */
const UNSEEN_TRIGGER = -0x40000000

/** Normalise a token's text for comparison (see the module comment). */
const SPECIAL =
  /[\s\u00a0\u202f\u2009\u2007\u200b\u2018\u2019\u201a\u201b\u2032\u201c-\u201f\u2033"«»\u2010\u2011\u00ad]/

export function tokenKey(core: string): string {
  if (!SPECIAL.test(core)) return core
  return core
    .replace(/[\u00a0\u202f\u2009\u2007\u200b]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033"«»]/g, "'")
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\u00ad/g, '')
}

/** A hyphen or apostrophe that joins two parts of a word (`non-compliance`, `State’s`). */
function isJoiner(code: number): boolean {
  return code === 45 || code === 0x2010 || code === 0x2011 || code === 39 || code === 0x2019
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff
}

/**
 * The UTF-16 unit at `i`, or -1 past the end. Reading past the end with
 * `charCodeAt` gives NaN, which sends V8's optimised tokenizer back to the
 * interpreter (measured: three recompilations in a first comparison).
 */
function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1
}

/**
 * Where `tokenList` writes before copying out exactly what it found: a text
 * of n characters has at most n tokens, so one reservation per text keeps
 * every bounds check out of the scanning loop.
 */
let scratchStart = new Int32Array(1024)
let scratchCoreEnd = new Int32Array(1024)
let scratchType = new Uint8Array(1024)
let scratchId = new Int32Array(1024)

function reserve(size: number): void {
  if (size <= scratchStart.length) return
  let length = scratchStart.length
  while (length < size) length *= 2
  scratchStart = new Int32Array(length)
  scratchCoreEnd = new Int32Array(length)
  scratchType = new Uint8Array(length)
  scratchId = new Int32Array(length)
}

function put(n: number, start: number, coreEnd: number, type: number, id: number): void {
  scratchStart[n] = start
  scratchCoreEnd[n] = coreEnd
  scratchType[n] = type
  scratchId[n] = id
}

/** Split text into tokens as arrays, their keys interned in `keys` (see `TokenList`). */
export function tokenList(text: string, keys: KeyIds): TokenList {
  reserve(text.length + 1)
  let n = 0
  let at = spacesEnd(text, 0)
  if (at > 0) put(n++, 0, 0, SPACE_TOKEN, keys.id(''))
  // Small functions, each with one job: V8 compiles hot code on helper
  // threads, and one large scanning function cost a first comparison more
  // in compiling than in running.
  while (at < text.length) {
    const stop = plainWordStop(text, at)
    const end = stop === -1 ? -1 : coreEnd(text, at, stop)
    const plain = end !== -1 && (end < stop || !astralNext(text, end))
    const id = plain ? keys.plainWordId(text.slice(at, end)) : -1
    if (id !== -1) {
      put(n++, at, end, WORD_TOKEN, id)
      at = stop
    } else at = otherToken(text, at, n++, keys)
  }
  return copyOut(text, n)
}

/**
 * Where the plain word at `at` and the whitespace after it end, or -1 when
 * there is none (a word not starting with a digit, as WORD has it; the
 * caller checks the rest: a unit word, a character outside the BMP next).
 * A regular expression scans the characters: the engine's compiled code is
 * much faster than a loop that the JIT has not compiled yet, and one match
 * per word, whitespace included, keeps the calls few.
 */
function plainWordStop(text: string, at: number): number {
  PLAIN_WORD.lastIndex = at
  return PLAIN_WORD.test(text) ? PLAIN_WORD.lastIndex : -1
}

/** Where a token's core ends: before the whitespace that ends at `stop` (a core never ends with whitespace). */
function coreEnd(text: string, at: number, stop: number): number {
  let end = stop
  while (end > at && isSpace(text.charCodeAt(end - 1))) end--
  return end
}

/** A word that may start a reference, an act or an amount (`PATTERN` reads it). */
function isTrigger(core: string): boolean {
  return core.length >= TRIGGER_MIN && core.length <= TRIGGER_MAX && TRIGGERS.has(core)
}

/** A character outside the BMP at `end`, or a joiner and then one: the pattern reads such a word. */
function astralNext(text: string, end: number): boolean {
  const next = codeAt(text, end)
  return isSurrogate(next) || (isJoiner(next) && isSurrogate(codeAt(text, end + 1)))
}

/** Scan the token at `at` that is not a plain word into slot `n`; returns where the next token starts. */
function otherToken(text: string, at: number, n: number, keys: KeyIds): number {
  const code = codeAt(text, at)
  // Fast path: a punctuation mark that cannot start a unit.
  const ellipsis = code === 46 && codeAt(text, at + 1) === 46 && codeAt(text, at + 2) === 46
  if (
    !isWordChar(code) &&
    !isSpace(code) &&
    code !== 91 &&
    !ellipsis &&
    code !== 0x20ac &&
    code !== 0x2026 &&
    !isSurrogate(code)
  ) {
    put(n, at, at + 1, PUNCTUATION_TOKEN, keys.coreId(text[at]!))
    return spacesEnd(text, at + 1)
  }
  PATTERN.lastIndex = at
  const match = PATTERN.exec(text)
  // `other` matches any non-space character, so a match always exists here.
  const core = match ? match[0] : text[at]!
  let type = PUNCTUATION_TOKEN
  if (match) {
    // The first alternative that matched (only one group of the nine is set).
    let group = 1
    while (group < 9 && match[group] === undefined) group++
    type = GROUP_TYPES[group]!
  }
  put(n, at, at + core.length, type, keys.coreId(core))
  return spacesEnd(text, at + core.length)
}

/**
 * The list of the `n` tokens in the scratch arrays, all four arrays views of
 * one buffer: a typed array of more than 64 bytes has its memory outside
 * V8's heap, allocated and freed one by one, so one buffer costs less than four.
 */
function copyOut(text: string, n: number): TokenList {
  const buffer = new ArrayBuffer(4 * (3 * n + 1) + n)
  const start = new Int32Array(buffer, 0, n + 1)
  const coreEnd = new Int32Array(buffer, 4 * (n + 1), n)
  const id = new Int32Array(buffer, 4 * (2 * n + 1), n)
  const type = new Uint8Array(buffer, 4 * (3 * n + 1), n)
  start.set(scratchStart.subarray(0, n))
  start[n] = text.length
  coreEnd.set(scratchCoreEnd.subarray(0, n))
  id.set(scratchId.subarray(0, n))
  type.set(scratchType.subarray(0, n))
  return {text, length: n, start, coreEnd, type, id}
}

/** A token list's tokens as objects. */
export function tokensOf(list: TokenList, keys: KeyIds): Token[] {
  const tokens: Token[] = []
  for (let i = 0; i < list.length; i++) {
    tokens.push({
      text: list.text.slice(list.start[i], list.start[i + 1]),
      key: keys.keys[list.id[i]!]!,
      core: list.coreEnd[i]! - list.start[i]!,
      type: TOKEN_TYPES[list.type[i]!]!
    })
  }
  return tokens
}

/** Token objects as a list, their keys interned in `keys` (for callers that pass tokens, not text). */
export function listOf(tokens: readonly Token[], keys: KeyIds): TokenList {
  const start = new Int32Array(tokens.length + 1)
  const coreEnd = new Int32Array(tokens.length)
  const type = new Uint8Array(tokens.length)
  let text = ''
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    start[i] = text.length
    coreEnd[i] = text.length + token.core
    type[i] = TOKEN_TYPES.indexOf(token.type)
    text += token.text
  }
  start[tokens.length] = text.length
  return {text, length: tokens.length, start, coreEnd, type, id: keys.of(tokens)}
}

/** Split text into tokens; `tokens.map(t => t.text).join('') === text`. */
export function tokenize(text: string): Token[] {
  const keys = new KeyIds()
  return tokensOf(tokenList(text, keys), keys)
}

/** The token texts only (handy in tests and for debugging). */
export function tokenTexts(text: string): string[] {
  return tokenize(text).map((token) => token.text)
}
