/**
 * JSON text read as JSON, not as YAML: its syntax errors say "JSON" with the
 * line and column, in words that do not depend on the JavaScript engine (a
 * V8 message changes between Node versions, and names no line), and every
 * value keeps its place in the text so that validation errors point into
 * the file. The data itself comes from `JSON.parse`, so it is exactly what
 * JSON means: only the places and the checks are this module's.
 *
 * It checks what `JSON.parse` lets pass in silence: a key twice in one
 * object (JSON.parse keeps the last one, dropping the other without a word).
 */

/** A value's place in the text (offsets, end exclusive) and, for an object or array, its members'. */
export interface JsonNode {
  start: number
  end: number
  members?: Map<string | number, JsonNode>
}

/** The first thing wrong with a JSON text: what, and where (offsets). */
export interface JsonProblem {
  message: string
  start: number
  end: number
}

/** Deeper than any amendment or record; past it, a clear error rather than a stack overflow. */
export const MAX_JSON_DEPTH = 512

class Stop {
  constructor(readonly problem: JsonProblem) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const LITERAL = /true|false|null/y
const WORD = /[A-Za-z_$][\w$-]*/y
const NUMBERISH = /[-+.\d][\w.+-]*/y

/** How a character is named in a message: `,` or "the end of the file". */
function shown(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file'
  const char = String.fromCodePoint(text.codePointAt(at)!)
  return char === '`' ? '"`"' : `\`${char}\``
}

class Scanner {
  at = 0
  constructor(readonly text: string) {
    if (text.startsWith('\uFEFF')) this.at = 1
  }

  fail(message: string, start = this.at, end = Math.min(start + 1, this.text.length)): never {
    throw new Stop({message, start, end})
  }

  space(): void {
    while (this.at < this.text.length && WHITESPACE.has(this.text[this.at]!)) this.at++
    const two = this.text.slice(this.at, this.at + 2)
    if (two === '//' || two === '/*') this.fail('JSON has no comments', this.at, this.at + 2)
  }

  value(depth: number): JsonNode {
    this.space()
    const char = this.text[this.at]
    if (char === '{' || char === '[') {
      if (depth >= MAX_JSON_DEPTH) this.fail(`values nested deeper than ${MAX_JSON_DEPTH} levels`)
      return char === '{' ? this.object(depth + 1) : this.array(depth + 1)
    }
    if (char === '"') return this.string()
    const start = this.at
    for (const pattern of [NUMBER, LITERAL]) {
      pattern.lastIndex = start
      const match = pattern.exec(this.text)
      if (match && match[0] !== '' && !/[\w.]/.test(this.text[start + match[0].length] ?? '')) {
        this.at = start + match[0].length
        return {start, end: this.at}
      }
    }
    if (char === "'") this.fail('strings must be in double quotes ("…"), not single quotes')
    NUMBERISH.lastIndex = start
    const number = NUMBERISH.exec(this.text)
    if (number) this.fail(`\`${number[0]}\` is not a JSON number`, start, start + number[0].length)
    WORD.lastIndex = start
    const word = WORD.exec(this.text)
    if (word) this.fail(`\`${word[0]}\` is not a JSON value: put text in double quotes`, start, start + word[0].length)
    return this.fail(`expected a value, found ${shown(this.text, start)}`)
  }

  string(): JsonNode {
    const start = this.at++
    while (this.at < this.text.length) {
      const char = this.text[this.at]!
      if (char === '"') return {start, end: ++this.at}
      if (char === '\\') {
        const next = this.text[this.at + 1] ?? ''
        if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.at += 6
        else if (ESCAPES.has(next)) this.at += 2
        else this.fail(`\`\\${next}\` is not a JSON escape (write \\\\ for a backslash)`, this.at, this.at + 2)
      } else if (char < ' ') {
        this.fail(
          char === '\n' || char === '\r'
            ? 'a string runs past the end of its line (close it with ", or write a line break as \\n)'
            : 'a control character inside a string (write a tab as \\t)'
        )
      } else this.at++
    }
    return this.fail('a string is never closed (a " is missing)', start)
  }

  object(depth: number): JsonNode {
    const start = this.at++
    const members = new Map<string | number, JsonNode>()
    this.space()
    if (this.text[this.at] === '}') return {start, end: ++this.at, members}
    for (let comma = -1; ; comma = this.at - 1) {
      this.space()
      if (this.text[this.at] !== '"') {
        if (this.text[this.at] === '}')
          this.fail('a comma before `}` (JSON allows no comma after the last member)', comma)
        if (this.text[this.at] === "'") this.fail('keys must be in double quotes ("…"), not single quotes')
        WORD.lastIndex = this.at
        const word = WORD.exec(this.text)
        if (word) this.fail(`the key \`${word[0]}\` must be in double quotes`, this.at, this.at + word[0].length)
        this.fail(`expected a key in double quotes, found ${shown(this.text, this.at)}`)
      }
      const keyNode = this.string()
      const key = JSON.parse(this.text.slice(keyNode.start, keyNode.end)) as string
      if (members.has(key)) this.fail(`the key "${key}" appears twice in this object`, keyNode.start, keyNode.end)
      this.space()
      if (this.text[this.at] !== ':')
        this.fail(`expected \`:\` after the key "${key}", found ${shown(this.text, this.at)}`)
      this.at++
      members.set(key, this.value(depth))
      this.space()
      const next = this.text[this.at]
      this.at++
      if (next === '}') return {start, end: this.at, members}
      if (next !== ',')
        this.fail(
          `expected \`,\` or \`}\` after the value of "${key}", found ${shown(this.text, this.at - 1)}`,
          this.at - 1
        )
    }
  }

  array(depth: number): JsonNode {
    const start = this.at++
    const members = new Map<string | number, JsonNode>()
    this.space()
    if (this.text[this.at] === ']') return {start, end: ++this.at, members}
    for (let i = 0, comma = -1; ; i++, comma = this.at - 1) {
      this.space()
      if (this.text[this.at] === ']') this.fail('a comma before `]` (JSON allows no comma after the last item)', comma)
      members.set(i, this.value(depth))
      this.space()
      const next = this.text[this.at]
      this.at++
      if (next === ']') return {start, end: this.at, members}
      if (next !== ',')
        this.fail(
          `expected \`,\` or \`]\` after item ${i + 1} of a list, found ${shown(this.text, this.at - 1)}`,
          this.at - 1
        )
    }
  }
}

/**
 * Scan a JSON text (a leading byte order mark allowed): the places of its
 * values, or the first problem. Whitespace only is an empty document (null
 * data), as an empty YAML file is.
 */
export function scanJson(text: string): {root?: JsonNode} | {problem: JsonProblem} {
  const scanner = new Scanner(text)
  try {
    scanner.space()
    if (scanner.at >= text.length) return {}
    const root = scanner.value(0)
    scanner.space()
    if (scanner.at < text.length)
      scanner.fail(`more text after the end of the JSON value, starting ${shown(text, scanner.at)}`)
    return {root}
  } catch (error) {
    if (error instanceof Stop) return {problem: error.problem}
    throw error
  }
}

/** The node at `path`, or the nearest one above it that exists. */
export function jsonNodeAt(root: JsonNode, path: ReadonlyArray<string | number>): JsonNode {
  let node = root
  for (const step of path) {
    const member = node.members?.get(step)
    if (!member) break
    node = member
  }
  return node
}
