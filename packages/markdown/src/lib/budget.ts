/**
 * Reading Markdown in time proportional to its length.
 *
 * micromark (under remark-parse) does some of its inline work by walking back
 * over everything read so far in the paragraph, so some inputs take time
 * growing with the square of a paragraph's length:
 *
 * - a GFM autolink literal candidate (every word start) walks back to the
 *   last unbalanced `[` (one stray `[` before 160 KB of words: 35 s);
 * - a `]` walks back looking for a `![` that may open a footnote call
 *   (`a] a] a] …`) — and when that label starts with white space
 *   (`![ \n^1]` with a note `1`) micromark never ends;
 * - every pair of emphasis marks, every link or image and every `]` moves or
 *   walks the rest of the paragraph (`[[[[x](u)](u)…`, `*a _*a _…`).
 *
 * The first two are answered here without walking (same answers, from
 * micromark's own stack of open brackets, or within the 999 characters a
 * footnote label may have; a call needs `^` right after `![`, as `[^1]` does). The last one is bounded: a paragraph, heading or
 * table cell with more than {@link MAX_INLINE_MARKS} brackets and emphasis
 * marks is refused with `markdown/too-complex` at the mark over the limit, so
 * the quadratic part costs at most that many walks of the paragraph.
 */
import {RedlexError} from '@redlex/tree'
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import type {Code, Construct, ConstructRecord, Extension, State, Token, TokenizeContext} from 'micromark-util-types'

/**
 * The most brackets and emphasis marks (`[`, `]`, `*`, `_`, `~`, each
 * character counted) one paragraph, heading or table cell may hold. The
 * busiest block of the corpus holds far fewer (docs/markdown.md); backslash
 * escaped characters (`\[`, `\*`) are text and are not counted.
 */
export const MAX_INLINE_MARKS = 512

/** A footnote label is at most 999 characters (micromark's limit for labels). */
const MAX_LABEL = 999

/** The most block quotes (`> > >`) one line may open; the dialect has none, GFM allows any. */
export const MAX_QUOTE_DEPTH = 32

const QUOTES_RE = new RegExp(`^[ \\t]*(?:>[ \\t]*){${MAX_QUOTE_DEPTH + 1}}`, 'm')

/**
 * Refuse block quotes nested deeper than {@link MAX_QUOTE_DEPTH}: micromark
 * checks every open quote on every line, and the syntax tree's walkers
 * recurse once per level.
 */
export function checkQuoteDepth(text: string): void {
  const match = QUOTES_RE.exec(text)
  if (!match) return
  const offset = match.index + match[0].lastIndexOf('>')
  const before = text.slice(0, offset)
  const line = before.split(/\r\n|\r|\n/).length
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
  throw new RedlexError(`Block quotes (\`>\`) nested more than ${MAX_QUOTE_DEPTH} deep`, {
    code: 'markdown/too-complex',
    place: {line, column, offset},
    hint: 'Remove the `>` marks: the dialect has no block quotes'
  })
}

const MARKS = ['[', ']', '*', '_', '~'].map((mark) => mark.charCodeAt(0))

/** The context as micromark keeps it: `_labelStarts` is its stack of `[`/`![` not yet closed. */
type TextContext = TokenizeContext & {_labelStarts?: Array<Token & {_balanced?: boolean}>}

/** Whether a `[` or `![` is still open: micromark's own stack, as its `]` reads it. */
function openBracket(context: TextContext): boolean {
  const starts = context._labelStarts
  if (!starts) return false
  while (starts.length > 0 && starts[starts.length - 1]!._balanced) starts.pop()
  return starts.length > 0
}

/** Whether a `![` lies close enough behind for a `]` here to end a footnote call `![^1]`. */
function imageLabelNearby(context: TokenizeContext): boolean {
  const events = context.events
  const here = context.now().offset
  for (let index = events.length - 1; index >= 0; index--) {
    const token = events[index]![1]
    // Only `![^`: with anything between `![` and `^` (`![ \n^1]`) GFM's resolver marks the wrong
    // events and micromark never ends (micromark-extension-gfm-footnote 2.1.0).
    if (token.type === 'labelImage') return context.sliceSerialize({start: token.end, end: context.now()})[0] === '^'
    // Where the original walk stops: any other bracket or link.
    if (/^(?:gfmFootnoteCall|labelLink|label|image|link)$/.test(token.type)) return false
    // A footnote label is short: an opening further back cannot make one.
    if (here - token.end.offset > MAX_LABEL + 2) return false
  }
  return false
}

const refuse: (nok: State) => State = (nok) => (code) => nok(code)

/** The same construct, asked first whether it can match at all. */
function guarded(construct: Construct, canMatch: (context: TextContext) => boolean): Construct {
  const tokenize = construct.tokenize
  return {
    ...construct,
    name: 'redlex' + construct.name![0]!.toUpperCase() + construct.name!.slice(1),
    tokenize(effects, ok, nok) {
      return canMatch(this as TextContext) ? tokenize.call(this, effects, ok, nok) : refuse(nok)
    }
  }
}

/**
 * GFM autolink literals: each candidate walks back to the last open `[`
 * (none may be open). Micromark's bracket stack answers that at once.
 */
function autolinkLiterals(): {text: ConstructRecord; names: string[]} {
  const wrapped = new Map<Construct, Construct>()
  const wrap = (construct: Construct) => {
    let copy = wrapped.get(construct)
    if (!copy) {
      copy = guarded(construct, (context) => !openBracket(context))
      wrapped.set(construct, copy)
    }
    return copy
  }
  const text: ConstructRecord = {}
  for (const [code, entry] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    text[Number(code)] = Array.isArray(entry) ? entry.map(wrap) : wrap(entry as Construct)
  }
  return {text, names: [...wrapped.keys()].map((construct) => construct.name!)}
}

/** GFM's potential footnote call (`![^1]`): a `]` walks back to a `![` only as far as a label can reach. */
function potentialFootnoteCall(): {construct: Construct; name: string} {
  const original = [gfmFootnote().text?.[93]].flat().find((construct) => construct?.name === 'gfmPotentialFootnoteCall')
  if (!original) throw new Error('micromark-extension-gfm-footnote has no gfmPotentialFootnoteCall')
  return {construct: guarded(original, imageLabelNearby), name: original.name!}
}

/**
 * Counts brackets and emphasis marks per paragraph, heading or table cell and
 * refuses the one over the limit. A run (`****`, `[[[`) counts each of its
 * characters: emphasis pairs within one run cost as much as separate marks.
 */
function markCounter(limit: number): Construct {
  const counts = new WeakMap<TokenizeContext, {marks: number; through: number}>()
  return {
    name: 'redlexInlineBudget',
    tokenize(effects, _ok, nok) {
      const start = this.now()
      let count = counts.get(this)
      if (!count) counts.set(this, (count = {marks: 0, through: -1}))
      const counted = count
      let marker: Code | undefined
      let size = 0
      return (code) => {
        // micromark tries constructs at a character more than once, and at each `[` of `[[[`: count each once.
        if (start.offset <= counted.through) return nok(code)
        marker = code
        effects.enter('redlexMarks' as never)
        return run(code)
      }
      function run(code: Code): State | undefined {
        if (code === marker) {
          size++
          effects.consume(code)
          return run
        }
        counted.through = start.offset + size - 1
        counted.marks += size
        if (counted.marks > limit) {
          const over = start.offset + size - (counted.marks - limit)
          throw tooComplex(limit, {line: start.line, column: start.column + (over - start.offset), offset: over})
        }
        return nok(code)
      }
    }
  }
}

function tooComplex(limit: number, point: {line: number; column: number; offset: number}): RedlexError {
  return new RedlexError(
    `More than ${limit} brackets and emphasis marks (\`[\`, \`]\`, \`*\`, \`_\`, \`~\`) in one paragraph, heading or table cell; reading it would take time growing with the square of its length`,
    {
      code: 'markdown/too-complex',
      place: {line: point.line, column: point.column, offset: point.offset},
      hint: 'Split the paragraph, or write characters that are text with a backslash (`\\[`, `\\*`)'
    }
  )
}

/**
 * The micromark extension: linear replacements for the walking constructs
 * (the originals switched off by name) and the mark counter, tried first.
 */
export function linearInline(limit = MAX_INLINE_MARKS): Extension {
  const autolinks = autolinkLiterals()
  const footnote = potentialFootnoteCall()
  const text: ConstructRecord = {...autolinks.text}
  text[93] = [footnote.construct]
  const counter = markCounter(limit)
  const counted: ConstructRecord = {}
  for (const code of MARKS) counted[code] = counter
  return {
    disable: {null: [...autolinks.names, footnote.name]},
    text: mergeRecords(text, counted)
  }
}

/** Two construct records in one (the counter first at each code it shares). */
function mergeRecords(rest: ConstructRecord, first: ConstructRecord): ConstructRecord {
  const out: ConstructRecord = {...rest}
  for (const [code, entry] of Object.entries(first)) {
    const before = [entry].flat() as Construct[]
    const after = out[Number(code)] === undefined ? [] : ([out[Number(code)]].flat() as Construct[])
    out[Number(code)] = [...before, ...after]
  }
  return out
}
