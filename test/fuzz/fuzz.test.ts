/**
 * The fuzz suite (issue 12): random and mutated inputs of every kind redlex
 * reads — AKN and Formex XML, Cellar and EUR-Lex HTML, Markdown, ISC records
 * in YAML and JSON, amendment data — built from the fixtures, the examples
 * and, when ../shared/corpus is there, small slices of real texts. Every run
 * must end in a result or a RedlexError, never in another exception, and the
 * CLI must never exit 70. What succeeds is also checked for what must always
 * hold: the AKN export parses with a strict XML 1.0 parser, and applied
 * amendments never write `undefined` into the act.
 *
 * Bounded and deterministic: fixed seeds and a fixed number of runs per
 * property (see RUNS), no time limit deciding anything. The number of cases
 * run is printed at the end.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {SaxesParser} from 'saxes'
import {afterAll, describe, expect, it} from 'vitest'
import {parse as parseYaml, stringify as stringifyYaml} from 'yaml'
import {applyAmendments, parseAmendments} from '@redlex/amend'
import {run} from '@redlex/cli'
import {compareDocuments} from '@redlex/compare'
import {importDocument, parseCorrigendum, toAkn} from '@redlex/formats'
import {amendmentsOf, loadIscRecord} from '@redlex/isc'
import {parseFragment, toMarkdown} from '@redlex/markdown'
import {toHtml} from '@redlex/render-html'
import {toMarkdownRedline} from '@redlex/render-markdown'
import {isRedlexError, textOf, type Document} from '@redlex/tree'
import {applyEdits, edits, type Edit} from './mutate.js'
import {CORPUS, EXAMPLE, HAS_CORPUS, seedsOf, type Seed, type SeedKind} from './seeds.js'

/**
 * Runs per property: together well under a minute on a 2-core machine.
 * REDLEX_FUZZ_RUNS=N multiplies them, to fuzz longer by hand.
 */
const SCALE = Math.max(1, Number(process.env['REDLEX_FUZZ_RUNS'] ?? 1) || 1)
const RUNS = {
  documents: 200 * SCALE,
  corrigendum: 40 * SCALE,
  records: 100 * SCALE,
  amendments: 300 * SCALE,
  cli: 30 * SCALE
}

/** Cases run and how they ended, per property (printed at the end). */
const tally: Record<string, {ok: number; coded: number}> = {}

/** Run `fn`: a result or a RedlexError is fine (counted), anything else fails the property. */
function outcome<T>(property: string, fn: () => T): T | undefined {
  const count = (tally[property] ??= {ok: 0, coded: 0})
  try {
    const result = fn()
    count.ok++
    return result
  } catch (error) {
    if (!isRedlexError(error)) throw error
    count.coded++
    return undefined
  }
}

/** Throws unless `xml` is well-formed XML 1.0 (saxes checks every character). */
function parseStrictly(xml: string): void {
  const parser = new SaxesParser({xmlns: true})
  parser.on('error', (error) => {
    throw new Error(`not well-formed XML: ${error.message}`)
  })
  parser.write(xml).close()
}

/** A seed of one of `kinds` with a few edits; printed (in a counterexample) as the seed's name and the edits. */
class Mutant {
  constructor(
    readonly seed: Seed,
    readonly edits: readonly Edit[]
  ) {}
  get text(): string {
    return applyEdits(this.seed.text, this.edits, this.seed.kind)
  }
  [fc.toStringMethod](): string {
    return `${this.seed.name} with ${JSON.stringify(this.edits)}`
  }
}

const mutated = (kinds: SeedKind[]): fc.Arbitrary<Mutant> =>
  fc.constantFrom(...seedsOf(...kinds)).chain((seed) => edits(seed.kind).map((list) => new Mutant(seed, list)))

const base = importDocument(EXAMPLE.draft).document
const baseText = textOf(base)

describe('fuzz: every input ends in a result or a RedlexError', () => {
  it('documents (AKN, Formex, Cellar, EUR-Lex, Markdown): import, then AKN out parses strictly, Markdown out reads back', () => {
    fc.assert(
      fc.property(mutated(['xml', 'html', 'markdown']), fc.boolean(), ({text}, lenient) => {
        const imported = outcome('documents', () => importDocument(text, {lenient}))
        if (!imported) return
        parseStrictly(toAkn(imported.document))
        // The importers splice italic-in-italic away and the writer refuses emphasis nested beyond
        // MAX_ATTENTION_DEPTH (markdown/too-deep): Markdown's emphasis pairing is polynomial in it.
        outcome('documents (Markdown out, read back)', () =>
          importDocument(toMarkdown(imported.document), {lenient: true})
        )
      }),
      {seed: 1201, numRuns: RUNS.documents}
    )
  })

  it.skipIf(!HAS_CORPUS)('a Formex corrigendum', () => {
    const corrigendum = readFileSync(CORPUS + 'gdpr/corrigendum-2018/L_2018127EN.01000201.xml', 'utf8')
    fc.assert(
      fc.property(edits('xml'), (list) => {
        outcome('corrigendum', () => parseCorrigendum(applyEdits(corrigendum, list, 'xml')))
      }),
      {seed: 1202, numRuns: RUNS.corrigendum}
    )
  })

  it('ISC records (YAML and JSON text): load, apply to the draft, compare, render', () => {
    fc.assert(
      fc.property(mutated(['isc']), ({text}) => {
        const record = outcome('records', () => loadIscRecord(text, {file: 'isc.yaml'}))
        if (!record) return
        const applied = outcome('records (applied)', () => applyAmendments(base, amendmentsOf(record), {parseFragment}))
        if (!applied) return
        expectNoLeakedValues(applied.document)
        const comparison = compareDocuments(base, applied.document, {log: applied.log, renames: applied.renames})
        toHtml(comparison)
        toMarkdownRedline(comparison)
      }),
      {seed: 1203, numRuns: RUNS.records}
    )
  })

  it('amendment data (hostile values at any path of the example amendments): validate, apply', () => {
    const amendments = amendmentsOf(loadIscRecord(EXAMPLE.record)) as unknown[]
    fc.assert(
      fc.property(fc.array(jsonEdit(), {minLength: 1, maxLength: 3}), (list) => {
        const data = structuredClone(amendments)
        for (const edit of list) applyJsonEdit(data, edit)
        const parsed = outcome('amendments', () => parseAmendments(data))
        if (!parsed) return
        const applied = outcome('amendments (applied)', () => applyAmendments(base, parsed, {parseFragment}))
        if (applied) expectNoLeakedValues(applied.document)
      }),
      {seed: 1204, numRuns: RUNS.amendments}
    )
  })

  it('the CLI in-process: run() never returns 70 and never throws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redlex-fuzz-'))
    const draft = join(dir, 'draft.md')
    writeFileSync(draft, EXAMPLE.draft)
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        mutated(['xml', 'html', 'markdown']),
        mutated(['isc']),
        cliCommand(),
        async (doc, record, command) => {
          const k = n++
          const input = join(dir, `input-${k}.txt`)
          const isc = join(dir, `isc-${k}.yaml`)
          writeFileSync(input, doc.text)
          writeFileSync(isc, record.text)
          const argv = command.map((arg) =>
            arg
              .replace('{input}', input)
              .replace('{isc}', isc)
              .replace('{draft}', draft)
              .replace('{out}', join(dir, `out-${k}`))
          )
          let stderr = ''
          const code = await run(argv, {
            stdout: () => undefined,
            stderr: (text) => {
              stderr += text
            }
          })
          const count = (tally['cli'] ??= {ok: 0, coded: 0})
          if (code === 0) count.ok++
          else count.coded++
          expect(code, `${argv.join(' ')}\n${stderr}`).not.toBe(70)
        }
      ),
      {seed: 1205, numRuns: RUNS.cli}
    )
  })
})

afterAll(() => {
  const total = Object.values(tally).reduce((sum, t) => sum + t.ok + t.coded, 0)
  const lines = Object.entries(tally).map(
    ([name, t]) => `  ${name}: ${t.ok + t.coded} (${t.ok} results, ${t.coded} RedlexErrors)`
  )
  console.log(`fuzz: ${total} cases${HAS_CORPUS ? '' : ' (no corpus: fixtures only)'}\n${lines.join('\n')}`)
})

/** Text built from a value that is not a string shows up as these words. */
function expectNoLeakedValues(document: Document): void {
  const text = textOf(document)
  for (const word of ['undefined', '[object Object]']) {
    if (!baseText.includes(word)) expect(text, `amended text contains "${word}"`).not.toContain(word)
  }
}

/** An edit of amendment data: walk `path` (indexes, taken modulo), then set, delete or add. */
interface JsonEdit {
  path: number[]
  action: 'set' | 'delete' | 'add'
  key: string
  value: unknown
}

const HOSTILE_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  2 ** 53,
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  '',
  ' ',
  'x',
  'art_1',
  'art_99',
  'art_1__para_1',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0001\uFFFE',
  '\n\n(e) forged point',
  '### Article 99',
  [],
  [null],
  [[[]]],
  {},
  {type: 'text'},
  {type: 'text', value: 7},
  {type: 'constructor'},
  {type: 'toString'},
  {type: 'paragraph', children: [null]},
  {type: 'paragraph', num: {x: 1}, children: []},
  {type: 'article', num: 'Article 9', heading: 7, children: []},
  [{type: 'text'}],
  [{type: 'emphasis', children: [{type: 'text'}]}],
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  'x'.repeat(10_000)
]

const KEYS = [
  'type',
  'target',
  'text',
  'by',
  'content',
  'markdown',
  'insert',
  'at',
  'occurrence',
  'all',
  'id',
  'num',
  'heading',
  '__proto__',
  'constructor',
  'children',
  'value'
]

function jsonEdit(): fc.Arbitrary<JsonEdit> {
  return fc.record({
    path: fc.array(fc.nat({max: 50}), {minLength: 1, maxLength: 5}),
    action: fc.constantFrom('set' as const, 'set' as const, 'delete' as const, 'add' as const),
    key: fc.constantFrom(...KEYS),
    value: fc.oneof(
      {weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES)},
      {weight: 1, arbitrary: fc.jsonValue({maxDepth: 3})}
    )
  })
}

function applyJsonEdit(data: unknown[], edit: JsonEdit): void {
  let node: unknown = data
  for (const step of edit.path.slice(0, -1)) {
    const keys = node && typeof node === 'object' ? Object.keys(node) : []
    if (keys.length === 0) break
    const next = (node as Record<string, unknown>)[keys[step % keys.length]!]
    if (!next || typeof next !== 'object') break
    node = next
  }
  if (!node || typeof node !== 'object') return
  const value = structuredClone(edit.value)
  // Only what JSON or YAML can say: no holes in lists, no named properties on them.
  if (Array.isArray(node)) {
    const index = edit.path[edit.path.length - 1]! % Math.max(node.length, 1)
    if (edit.action === 'add') node.push(value)
    else if (edit.action === 'delete') node.splice(index, 1)
    else node[index] = value
    return
  }
  const record = node as Record<string, unknown>
  const keys = Object.keys(record)
  const key =
    edit.action === 'add' || keys.length === 0 ? edit.key : keys[edit.path[edit.path.length - 1]! % keys.length]!
  if (edit.action === 'delete') delete record[key]
  // defineProperty: an own `__proto__` key, as JSON.parse and YAML make it, not a prototype change.
  else Object.defineProperty(record, key, {value, enumerable: true, writable: true, configurable: true})
}

/** A command line; `{input}`, `{isc}`, `{draft}`, `{out}` are replaced by files. */
function cliCommand(): fc.Arbitrary<readonly string[]> {
  const lenient = fc.constantFrom([], ['--lenient'])
  return fc.oneof(
    lenient.map((flags) => ['check', '{input}', ...flags]),
    fc.constantFrom(['check', '{isc}'], ['check', '{input}', '{isc}', '--json']),
    fc
      .tuple(fc.constantFrom('md', 'akn', 'json'), lenient)
      .map(([to, flags]) => ['convert', '{input}', '--to', to, '-o', '{out}', ...flags]),
    fc.constant(['format', '{input}', '-o', '{out}']),
    fc.constantFrom(
      ['apply', '{draft}', '--isc', '{isc}', '-o', '{out}'],
      ['apply', '{input}', '--isc', '{isc}', '--renumber', 'amending-act']
    ),
    fc
      .constantFrom('html', 'md', 'json', 'docx')
      .map((format) => ['compare', '{draft}', '{input}', '--format', format, '-o', '{out}', '--lenient']),
    fc.constant(['compare', '{draft}', '{draft}', '--isc', '{isc}', '--format', 'md']),
    fc.constant(['verify', '{draft}', '{input}', '--isc', '{isc}']),
    // Flags and files that do not fit: usage errors, never a crash.
    fc.array(
      fc.constantFrom(
        'check',
        'convert',
        '--to',
        'md',
        '-o',
        '-',
        '{input}',
        '{isc}',
        '--isc',
        '--format',
        '--nope',
        '',
        '--help'
      ),
      {maxLength: 6}
    )
  )
}
