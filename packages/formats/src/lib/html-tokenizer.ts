/**
 * A tokenizer for htmlparser2's Parser that reads the markup official acts
 * are made of with a few native searches (`indexOf`, sticky patterns)
 * instead of a state machine called once per character, and hands every
 * other input to htmlparser2's own tokenizer.
 *
 * Why: in a fresh process (a CLI run imports each act once) the stock
 * tokenizer's per-character loop runs mostly before V8 has optimised it, and
 * was the largest single cost of an HTML import.
 *
 * It calls the parser with exactly the events, in the same order and with the
 * same offsets, as the stock tokenizer (test/html-tokenizer.property.test.ts
 * compares both on generated markup). What it reads: text, start tags with
 * quoted or valueless attributes, `/>`, end tags, comments, declarations
 * (`<!DOCTYPE …>`), processing instructions, `<title>` text, and the
 * entities `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` in text and values. Anything else
 * (another entity, an unquoted value, `<script>`, `<style>`, CDATA, a
 * stray `<`, markup cut short, input written in several chunks…) makes it
 * give the whole input to the stock tokenizer: events are kept until the
 * end, so the parser never sees a mix of both.
 */
import {Tokenizer} from 'htmlparser2'
import type {TokenizerCallbacks} from 'htmlparser2'

/** Event codes in the record kept until the whole input has been read. */
enum Ev {
  Text,
  TextEntity,
  OpenTagName,
  AttribName,
  AttribData,
  AttribEntity,
  AttribEnd,
  OpenTagEnd,
  SelfClosingTag,
  CloseTag,
  Comment,
  Declaration,
  ProcessingInstruction
}

// htmlparser2's QuoteType (a const enum there, so not importable as a value).
const NO_VALUE = 0
const SINGLE = 2
const DOUBLE = 3

/** HTML's white space in markup: space, tab, LF, FF, CR (not `\s`, which has many more). */
const WS = '[\\t\\n\\f\\r ]'

// Sticky patterns used with `test` for where a run ends (`lastIndex`): no match arrays to allocate.
/** White space in a tag (possibly none). */
const SPACE = /[\t\n\f\r ]*/y
/** The rest of a start tag's name, or of an attribute's name: up to white space, `/` or `>` (and `=`). */
const TAG_NAME = /[^\t\n\f\r />]*/y
const ATTRIBUTE_NAME = /[^\t\n\f\r />=]*/y
/** The rest of an end tag's name: up to white space or `>`. */
const END_TAG_NAME = /[^\t\n\f\r >]*/y

const GT = 0x3e
const SLASH = 0x2f
const BANG = 0x21
const QUESTION = 0x3f
const DASH = 0x2d
const EQUALS = 0x3d
const QUOTE = 0x22
const APOSTROPHE = 0x27
const OPEN_BRACKET = 0x5b

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)
}

/** Where a run matched by the sticky `pattern` from `from` ends. */
function runEnd(pattern: RegExp, source: string, from: number): number {
  pattern.lastIndex = from
  pattern.test(source)
  return pattern.lastIndex
}

/** Where `<title>` text ends (it is text up to there, whatever it holds). */
const TITLE_END = new RegExp(`<\\/title(?=${WS}|>)`, 'gi')

/** Elements whose content the stock tokenizer reads as raw text: left to it. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'xmp'])

const ENTITIES: ReadonlyArray<readonly [string, number]> = [
  ['amp;', 0x26],
  ['lt;', 0x3c],
  ['gt;', 0x3e],
  ['quot;', 0x22],
  ['apos;', 0x27]
]

/** Thrown inside the scan when the input holds something left to the stock tokenizer. */
class Unsupported extends Error {}

/** A scan in progress: the input, the events so far, and where the next `&` is. */
interface Scan {
  readonly source: string
  readonly events: number[]
  /**
   * The first `&` at or after the text last asked about (or the input's length). `&` is rare in
   * acts: looking it up from every text would scan to the end of the input each time.
   */
  amp: number
}

/** The events of `source`, as flat numbers (`Ev`, then its arguments), or throws {@link Unsupported}. */
function scan(source: string): number[] {
  const s: Scan = {source, events: [], amp: -1}
  let pos = 0
  while (pos < source.length) {
    const lt = source.indexOf('<', pos)
    const end = lt === -1 ? source.length : lt
    text(s, pos, end)
    if (lt === -1) break
    pos = markup(s, lt)
  }
  return s.events
}

/** The first `&` at or after `from`, before `to`, or -1. */
function ampBetween(s: Scan, from: number, to: number): number {
  if (s.amp < from) {
    const at = s.source.indexOf('&', from)
    s.amp = at === -1 ? s.source.length : at
  }
  return s.amp < to ? s.amp : -1
}

/** The entity at `amp` (a `&`): its code point and length, or throws {@link Unsupported}. */
function entityAt(source: string, amp: number): readonly [number, number] {
  const known = ENTITIES.find(([name]) => source.startsWith(name, amp + 1))
  if (!known) throw new Unsupported()
  return [known[1], 1 + known[0].length]
}

/** Text from `from` to `to`, split at entities as the stock tokenizer emits them. */
function text(s: Scan, from: number, to: number): void {
  let start = from
  for (let amp = ampBetween(s, from, to); amp !== -1; amp = ampBetween(s, start, to)) {
    const [codePoint, length] = entityAt(s.source, amp)
    if (start < amp) s.events.push(Ev.Text, start, amp)
    start = amp + length
    s.events.push(Ev.TextEntity, codePoint, start)
  }
  if (start < to) s.events.push(Ev.Text, start, to)
}

/** A quoted value from `from` to `to` (its closing quote), split at entities; its data is sent even when empty. */
function attributeValue(s: Scan, from: number, to: number): void {
  let start = from
  for (let amp = ampBetween(s, from, to); amp !== -1; amp = ampBetween(s, start, to)) {
    const [codePoint, length] = entityAt(s.source, amp)
    if (start < amp) s.events.push(Ev.AttribData, start, amp)
    start = amp + length
    s.events.push(Ev.AttribEntity, codePoint)
  }
  s.events.push(Ev.AttribData, start, to)
}

/**
 * The construct at `lt` (a `<`): a start tag, an end tag, a comment (not
 * the `<!-->` and `<!--->` forms, which the stock tokenizer ends early), a
 * declaration (not `<![`, and not `<!>` or `<!->`, whose `>` the stock
 * tokenizer passes over) or a processing instruction. Returns where text
 * starts again.
 */
function markup(s: Scan, lt: number): number {
  const source = s.source
  const c = source.charCodeAt(lt + 1)
  if (isAsciiLetter(c)) return startTag(s, lt)
  if (c === SLASH && isAsciiLetter(source.charCodeAt(lt + 2))) {
    const nameEnd = runEnd(END_TAG_NAME, source, lt + 3)
    s.events.push(Ev.CloseTag, lt + 2, nameEnd)
    return after(source, nameEnd)
  }
  if (c === BANG && source.startsWith('--', lt + 2)) {
    const next = source.charCodeAt(lt + 4)
    if (next === GT || (next === DASH && source.charCodeAt(lt + 5) === GT)) throw new Unsupported()
    const end = source.indexOf('-->', lt + 4)
    if (end === -1) throw new Unsupported()
    s.events.push(Ev.Comment, lt + 4, end + 2)
    return end + 3
  }
  if (c === BANG) {
    const next = source.charCodeAt(lt + 2)
    if (next === OPEN_BRACKET || next === GT || (next === DASH && source.charCodeAt(lt + 3) === GT))
      throw new Unsupported()
    const end = after(source, lt + 2)
    s.events.push(Ev.Declaration, lt + 2, end - 1)
    return end
  }
  if (c === QUESTION) {
    const end = after(source, lt + 2)
    s.events.push(Ev.ProcessingInstruction, lt + 2, end - 1)
    return end
  }
  throw new Unsupported()
}

/** Just after the first `>` from `from`. */
function after(source: string, from: number): number {
  const gt = source.indexOf('>', from)
  if (gt === -1) throw new Unsupported()
  return gt + 1
}

/** A start tag: name, attributes (quoted or without value), end, and `<title>` text. */
function startTag(s: Scan, lt: number): number {
  const source = s.source
  const nameEnd = runEnd(TAG_NAME, source, lt + 2)
  const length = nameEnd - lt - 1
  // Only names as long as `xmp`, `title`, `style`, `script`, `textarea` need reading.
  const lower =
    length === 3 || length === 5 || length === 6 || length === 8 ? source.slice(lt + 1, nameEnd).toLowerCase() : ''
  if (RAW_TEXT.has(lower)) throw new Unsupported()
  s.events.push(Ev.OpenTagName, lt + 1, nameEnd)
  let at = nameEnd
  for (;;) {
    const p = runEnd(SPACE, source, at)
    const c = source.charCodeAt(p)
    if (c === GT) {
      s.events.push(Ev.OpenTagEnd, p)
      return lower === 'title' ? titleText(s, p + 1) : p + 1
    }
    if (c === SLASH && source.charCodeAt(p + 1) === GT) {
      s.events.push(Ev.SelfClosingTag, p + 1)
      return p + 2
    }
    if (Number.isNaN(c) || c === SLASH || c === EQUALS) throw new Unsupported()
    at = attribute(s, p)
  }
}

/** The attribute whose name starts at `start`, with its quoted value if it has one; returns where it ends. */
function attribute(s: Scan, start: number): number {
  const source = s.source
  const nameEnd = runEnd(ATTRIBUTE_NAME, source, start + 1)
  s.events.push(Ev.AttribName, start, nameEnd)
  const eq = runEnd(SPACE, source, nameEnd)
  if (source.charCodeAt(eq) !== EQUALS) {
    s.events.push(Ev.AttribEnd, NO_VALUE, nameEnd)
    return nameEnd
  }
  const open = runEnd(SPACE, source, eq + 1)
  const quote = source.charCodeAt(open)
  if (quote !== QUOTE && quote !== APOSTROPHE) throw new Unsupported()
  const close = source.indexOf(quote === QUOTE ? '"' : "'", open + 1)
  if (close === -1) throw new Unsupported()
  attributeValue(s, open + 1, close)
  s.events.push(Ev.AttribEnd, quote === QUOTE ? DOUBLE : SINGLE, close + 1)
  return close + 1
}

/** `<title>` holds text up to `</title`, then its end tag (to the next `>`). */
function titleText(s: Scan, from: number): number {
  TITLE_END.lastIndex = from
  const close = TITLE_END.exec(s.source)
  if (!close) throw new Unsupported()
  const gt = s.source.indexOf('>', close.index + 7)
  // The stock tokenizer decodes `&` in a title only where no `</title` has begun, and its
  // case-insensitive match also takes U+000F for `/` and U+001C for `<`: such titles are left to it.
  if (gt === -1 || /[&\u000f\u001c]/.test(s.source.slice(from, close.index))) throw new Unsupported()
  text(s, from, close.index)
  s.events.push(Ev.CloseTag, close.index + 2, close.index + 7)
  return gt + 1
}

/** Give the recorded events to the parser. */
function replay(events: readonly number[], cbs: TokenizerCallbacks): void {
  for (let i = 0; i < events.length; ) {
    switch (events[i++] as Ev) {
      case Ev.Text:
        cbs.ontext(events[i++]!, events[i++]!)
        break
      case Ev.TextEntity:
        cbs.ontextentity(events[i++]!, events[i++]!)
        break
      case Ev.OpenTagName:
        cbs.onopentagname(events[i++]!, events[i++]!)
        break
      case Ev.AttribName:
        cbs.onattribname(events[i++]!, events[i++]!)
        break
      case Ev.AttribData:
        cbs.onattribdata(events[i++]!, events[i++]!)
        break
      case Ev.AttribEntity:
        cbs.onattribentity(events[i++]!)
        break
      case Ev.AttribEnd:
        cbs.onattribend(events[i++]!, events[i++]!)
        break
      case Ev.OpenTagEnd:
        cbs.onopentagend(events[i++]!)
        break
      case Ev.SelfClosingTag:
        cbs.onselfclosingtag(events[i++]!)
        break
      case Ev.CloseTag:
        cbs.onclosetag(events[i++]!, events[i++]!)
        break
      case Ev.Comment:
        cbs.oncomment(events[i++]!, events[i++]!, 2)
        break
      case Ev.Declaration:
        cbs.ondeclaration(events[i++]!, events[i++]!)
        break
      case Ev.ProcessingInstruction:
        cbs.onprocessinginstruction(events[i++]!, events[i++]!)
        break
    }
  }
}

type TokenizerOptions = ConstructorParameters<typeof Tokenizer>[0]

/**
 * The tokenizer to give htmlparser2's Parser (`{Tokenizer: HtmlTokenizer}`).
 * Written once and ended (as `parser.end(source)` does), it scans; in every
 * other use it is the stock tokenizer.
 */
class ScanningTokenizer {
  running = true
  private chunks: string[] = []

  constructor(
    private readonly options: TokenizerOptions,
    private readonly cbs: TokenizerCallbacks
  ) {}

  write(chunk: string): void {
    this.chunks.push(chunk)
  }

  end(): void {
    const chunks = this.chunks
    this.chunks = []
    if (chunks.length === 1 && !this.options.xmlMode && this.options.decodeEntities !== false) {
      let events: number[] | undefined
      try {
        events = scan(chunks[0]!)
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error
      }
      if (events) {
        replay(events, this.cbs)
        this.cbs.onend()
        return
      }
    }
    const stock = new Tokenizer(this.options, this.cbs)
    for (const chunk of chunks) stock.write(chunk)
    stock.end()
  }

  reset(): void {
    this.chunks = []
    this.running = true
  }

  pause(): void {
    this.running = false
  }

  resume(): void {
    this.running = true
  }
}

export const HtmlTokenizer = ScanningTokenizer as unknown as typeof Tokenizer
