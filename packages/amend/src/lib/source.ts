/**
 * Reading amendments (and other data) from YAML or JSON text with places:
 * every JSON path can be mapped back to `line:column` in the file.
 */
import {LineCounter, isNode, parseDocument, stringify, type Document as YamlDocument} from 'yaml'
import {RedlexError, type Position} from '@redlex/tree'
import {jsonNodeAt, scanJson} from './json-source.js'
import type {Amendment} from './types.js'
import {parseAmendments} from './validate.js'

export interface SourceData {
  /** The parsed value (plain JSON-safe data). */
  data: unknown
  /** Where a JSON path sits in the text (the nearest existing ancestor if it is missing). */
  locate: (path: ReadonlyArray<string | number>) => Position | undefined
}

/** The codes of each area, written out (the errors test and docs/errors.md find every code in the sources). */
const SOURCE_CODES = {
  amend: {syntax: 'amend/yaml-syntax', unreadable: 'amend/yaml-unreadable', json: 'amend/json-syntax'},
  isc: {syntax: 'isc/yaml-syntax', unreadable: 'isc/yaml-unreadable', json: 'isc/json-syntax'}
} as const

export interface ParseSourceOptions {
  /** File name for messages; a name ending in `.json` makes the text read as JSON. */
  file?: string
  /** Whose codes the errors carry: `amend/…` (the default) or `isc/…`. */
  area?: 'amend' | 'isc'
  /** Read as JSON or as YAML, whatever the file name says. */
  syntax?: 'json' | 'yaml'
}

/**
 * Which syntax a text is read in: its file name's (`.json`; `.yaml`,
 * `.yml`), else JSON when it is well-formed JSON, else YAML (which JSON
 * texts with a mistake in them also land in: the error then says how to
 * have them read as JSON).
 */
function syntaxOf(text: string, options: Readonly<ParseSourceOptions> | null | undefined): 'json' | 'yaml' {
  if (options?.syntax) return options.syntax
  const extension = /\.([A-Za-z]+)$/.exec(options?.file ?? '')?.[1]?.toLowerCase()
  if (extension === 'json') return 'json'
  if (extension === 'yaml' || extension === 'yml') return 'yaml'
  return looksLikeJson(text) && !('problem' in scanJson(text)) ? 'json' : 'yaml'
}

const looksLikeJson = (text: string): boolean => /^\uFEFF?\s*[[{]/.test(text)

/**
 * Parse YAML or JSON keeping positions (see `syntaxOf` for which). Syntax
 * errors throw a RedlexError `amend/yaml-syntax` or `amend/json-syntax`
 * (`isc/…` with `area: 'isc'`) with the file place.
 */
export function parseSource(text: string, options?: Readonly<ParseSourceOptions> | null): SourceData {
  const codes = SOURCE_CODES[options?.area === 'isc' ? 'isc' : 'amend']
  if (syntaxOf(text, options) === 'json') return parseJson(text, codes.json, options?.file)
  const lineCounter = new LineCounter()
  let doc: YamlDocument.Parsed
  try {
    // logLevel error: no process warning on stderr for a collection used as a key (validation reports it)
    doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error'})
  } catch (cause) {
    throw new RedlexError('Cannot read the file as YAML or JSON', {
      code: codes.syntax,
      ...(options?.file ? {file: options.file} : {}),
      cause
    })
  }
  const problem = doc.errors[0]
  if (problem?.code === 'RESOURCE_EXHAUSTION') {
    // The yaml library ran out of stack: where it stopped depends on the machine's stack size, so
    // no place is given (the same input gives the same message everywhere).
    throw new RedlexError('Cannot turn the YAML into data: it is nested too deeply to read', {
      code: codes.unreadable,
      ...(options?.file ? {file: options.file} : {}),
      hint: 'Amendments and records are never nested this deep: check that this is the right file',
      cause: problem
    })
  }
  if (problem) {
    const start = lineCounter.linePos(problem.pos[0])
    const end = lineCounter.linePos(problem.pos[1])
    throw new RedlexError(`Malformed YAML: ${shortened(problem.message.split('\n')[0]!)}`, {
      code: codes.syntax,
      ...(options?.file ? {file: options.file} : {}),
      place: {
        start: {line: start.line, column: start.col, offset: problem.pos[0]},
        end: {line: end.line, column: end.col, offset: problem.pos[1]}
      },
      hint: looksLikeJson(text)
        ? 'Fix the syntax at this place; to have the file read (and its errors reported) as JSON, name it *.json'
        : 'Fix the YAML syntax (indentation, quotes, colons) at this place',
      cause: problem
    })
  }
  let data: unknown
  try {
    data = doc.toJS()
  } catch (cause) {
    // Well-formed YAML that cannot become data: above all an alias bomb (the yaml library stops
    // expanding aliases past a bound), which must be a coded error, not a crash.
    throw new RedlexError(`Cannot turn the YAML into data: ${(cause as Error)?.message ?? String(cause)}`, {
      code: codes.unreadable,
      ...(options?.file ? {file: options.file} : {}),
      hint: 'Write the data out instead of repeating it through many aliases (*name)',
      cause
    })
  }
  const locate = (path: ReadonlyArray<string | number>): Position | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)
      if (isNode(node) && node.range) {
        const [from, to] = node.range
        const s = lineCounter.linePos(from)
        const e = lineCounter.linePos(to)
        return {start: {line: s.line, column: s.col, offset: from}, end: {line: e.line, column: e.col, offset: to}}
      }
    }
    return undefined
  }
  return {data, locate}
}

/** A message of the yaml library, which may quote a whole paragraph of the text, cut to a line's length. */
function shortened(message: string): string {
  return message.length > 160 ? message.slice(0, 159) + '…' : message
}

/** JSON text: syntax errors in JSON's terms; the data from `JSON.parse`, the places from the scan. */
function parseJson(text: string, code: string, file: string | undefined): SourceData {
  const scanned = scanJson(text)
  const place = placesIn(text)
  if ('problem' in scanned) {
    const {message, start, end} = scanned.problem
    throw new RedlexError(`Malformed JSON: ${message}`, {
      code,
      ...(file ? {file} : {}),
      place: {start: place(start), end: place(end)},
      hint: 'Fix the JSON syntax at this place (double quotes, commas, brackets)'
    })
  }
  const {root} = scanned
  const data: unknown = root ? JSON.parse(text.slice(root.start, root.end)) : null
  const locate = (path: ReadonlyArray<string | number>): Position | undefined => {
    if (!root) return undefined
    const node = jsonNodeAt(root, path)
    return {start: place(node.start), end: place(node.end)}
  }
  return {data, locate}
}

/**
 * Offset → line and column (from 1) as an editor counts them: a line ends
 * at LF, CRLF or a lone CR, and a byte order mark takes no column.
 */
function placesIn(text: string): (offset: number) => Position['start'] {
  const starts = [text.startsWith('\uFEFF') ? 1 : 0]
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length)
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: Math.max(offset - starts[low]!, 0) + 1, offset}
  }
}

/** Read and validate a YAML or JSON amendments file. */
export function loadAmendments(
  text: string,
  options?: Readonly<{file?: string; syntax?: 'json' | 'yaml'}> | null
): Amendment[] {
  const source = parseSource(text, options)
  return parseAmendments(source.data, {...(options?.file ? {file: options.file} : {}), locate: source.locate})
}

/** Write amendments as YAML (default) or JSON. */
export function stringifyAmendments(
  amendments: readonly Amendment[],
  options?: Readonly<{format?: 'yaml' | 'json'}> | null
): string {
  if (options?.format === 'json') return JSON.stringify(amendments, null, 2) + '\n'
  return stringify(amendments, {lineWidth: 0})
}

/**
 * Where each amendment sits in a YAML/JSON text (an amendments file, or an
 * ISC record): amendment id → place. Pass it as `places` (with `file`) to
 * `applyAmendments` so that application errors say `file:line:col` too.
 */
export function amendmentPlaces(
  text: string,
  options?: Readonly<{file?: string; syntax?: 'json' | 'yaml'}> | null
): Record<string, Position> {
  const source = parseSource(text, options)
  const out: Record<string, Position> = {}
  const visit = (value: unknown, path: Array<string | number>): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]))
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>
      if (
        typeof record.id === 'string' &&
        typeof record.type === 'string' &&
        path.length > 0 &&
        typeof path[path.length - 1] === 'number'
      ) {
        const place = source.locate(path)
        if (place && !(record.id in out)) out[record.id] = place
        return
      }
      for (const [key, v] of Object.entries(record)) visit(v, [...path, key])
    }
  }
  visit(source.data, [])
  return out
}
