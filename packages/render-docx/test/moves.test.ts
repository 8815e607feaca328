/**
 * Moved provisions as Word moves (`w:moveFrom`/`w:moveTo` in named ranges),
 * their footnotes, and footnotes inserted or deleted as a whole — on real
 * comparisons, read back as Word would, checked structurally, and (when
 * LibreOffice is installed) opened and saved again by LibreOffice.
 */
import {execFile, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {compareDocuments} from '@redlex/compare'
import {article, assignEids, content, documentOf, paragraph, text, textOf} from '@redlex/tree'
import type {Article, Document} from '@redlex/tree'
import fc from 'fast-check'
import JSZip from 'jszip'
import {SaxesParser} from 'saxes'
import {describe, expect, it} from 'vitest'
import {toDocx} from '../src/index.js'
import {footnoted} from '../../../test/fixtures/comparisons/real.js'
import {asEntries, readDocx, resolve} from './read-docx.js'
import type {ReadParagraph} from './read-docx.js'

const note = (marker: string, value: string) => ({type: 'authorialNote' as const, marker, children: [text(value)]})

/**
 * An act of five articles in `order`; the reports article (`B`) in its
 * first form (`draft`) or its second (`final`: a word added, its note's
 * text changed, its second note and third paragraph gone).
 */
function act(order: readonly string[], form: 'draft' | 'final'): Document {
  const draft = form === 'draft'
  const articles: Record<string, (num: string) => Article> = {
    A: (num) =>
      article(num, 'Subject matter', [
        content('This Regulation lays down rules on the supervision of online platforms in the internal market.')
      ]),
    B: (num) =>
      article(num, 'Reports', [
        paragraph('1.', [
          content([
            'Providers shall report every year to the Commission',
            note('1', draft ? 'OJ L 1, 1.1.2020, p. 1.' : 'OJ L 2, 1.1.2020, p. 1.'),
            draft ? ' on their activities.' : ' on their activities and risks.'
          ])
        ]),
        paragraph('2.', [
          content(['The reports shall be public', ...(draft ? [note('2', 'Directive 2003/98/EC.')] : []), '.'])
        ]),
        ...(draft
          ? [paragraph('3.', [content('The Commission may adopt guidelines on the form of the reports.')])]
          : [])
      ]),
    C: (num) =>
      article(num, 'Definitions', [
        content('For the purposes of this Regulation, the definitions in Article 2 of Directive (EU) 2018/1972 apply.')
      ]),
    D: (num) =>
      article(num, 'Penalties', [
        content('Member States shall lay down the rules on penalties applicable to infringements of this Regulation.')
      ]),
    E: (num) =>
      article(num, 'Entry into force', [
        content('This Regulation shall enter into force on the twentieth day following that of its publication.')
      ])
  }
  return assignEids(documentOf([{type: 'body', children: order.map((key, i) => articles[key]!(`Article ${i + 1}`))}]))
    .document
}

const draft = act(['A', 'B', 'C', 'D', 'E'], 'draft')
const final = act(['A', 'C', 'D', 'B', 'E'], 'final')
const moved = compareDocuments(draft, final, {names: {before: 'draft', after: 'final'}})

const joined = (p: ReadParagraph): string => p.runs.map((r) => r.text).join('')

describe('toDocx: moved provisions as Word moves', () => {
  it('is a real comparison with a moved, modified article (the premise of these tests)', () => {
    const change = moved.changes.find((c) => c.status === 'moved')!
    expect([change.before?.label, change.after?.label]).toEqual(['Article 2', 'Article 4'])
    expect(change.children.map((c) => c.status)).toEqual(['modified', 'modified', 'deleted'])
  })

  it('accepting all gives textOf(second version), rejecting all textOf(first)', async () => {
    const read = await readDocx(await toDocx(moved))
    expect(asEntries(resolve(read.paragraphs, 'after')).join('\n')).toBe(textOf(final))
    expect(asEntries(resolve(read.paragraphs, 'before')).join('\n')).toBe(textOf(draft))
  })

  it('moves the article away where it stood and here where it stands, its new words inserted', async () => {
    const read = await readDocx(await toDocx(moved))
    const from = read.paragraphs.filter((p) => p.markMove === 'from')
    const to = read.paragraphs.filter((p) => p.markMove === 'to')
    expect(from.map(joined)).toEqual([
      'Article 2',
      'Reports',
      '1.\tProviders shall report every year to the Commission on their activities.',
      '2.\tThe reports shall be public.',
      '3.\tThe Commission may adopt guidelines on the form of the reports.'
    ])
    expect(from.flatMap((p) => p.runs).every((r) => r.move === 'from')).toBe(true)
    // where it stands: what it has now; the paragraph and note it lost are where it stood
    expect(to.map(joined)).toEqual([
      'Article 4',
      'Reports',
      '1.\tProviders shall report every year to the Commission on their activities and risks.',
      '2.\tThe reports shall be public.'
    ])
    expect(to.flatMap((p) => p.runs.filter((r) => r.move !== 'to').map((r) => [r.kind, r.text.trim()]))).toEqual([
      ['added', '4'],
      ['added', 'and risks']
    ])
    // the moved-away copy stands before Article 3 (formerly 2), as in the draft
    const after = read.paragraphs[read.paragraphs.indexOf(from[from.length - 1]!) + 1]!
    expect(joined(after)).toBe('Article 32')
  })

  it('carries the footnotes: as they stood where the article was, with their redline where it is', async () => {
    const read = await readDocx(await toDocx(moved))
    const noteText = (id: string, which: 'before' | 'after') =>
      resolve(read.footnotes.get(id)!, which)
        .map((p) => p.text)
        .join('\n')
    const from = read.paragraphs.filter((p) => p.markMove === 'from').flatMap((p) => p.notes)
    const to = read.paragraphs.filter((p) => p.markMove === 'to').flatMap((p) => p.notes)
    expect(from.map((n) => [n.move, noteText(n.id, 'before')])).toEqual([
      ['from', 'OJ L 1, 1.1.2020, p. 1.'],
      ['from', 'Directive 2003/98/EC.']
    ])
    expect(to.map((n) => n.move)).toEqual(['to'])
    expect([noteText(to[0]!.id, 'before'), noteText(to[0]!.id, 'after')]).toEqual([
      'OJ L 1, 1.1.2020, p. 1.',
      'OJ L 2, 1.1.2020, p. 1.'
    ])
    const redline = read.footnotes.get(to[0]!.id)!.flatMap((p) => p.runs.filter((r) => r.kind !== 'common'))
    expect(redline.map((r) => [r.kind, r.text])).toEqual([
      ['removed', '1'],
      ['added', '2']
    ])
  })

  it('writes well-formed XML: ranges closed, named in pairs, around their moves; every revision id unique', async () => {
    const zip = await JSZip.loadAsync(await toDocx(moved, {date: '2020-09-02'}))
    const check = checkRevisions(await zip.file('word/document.xml')!.async('string'))
    expect(check.problems).toEqual([])
    expect(check.names).toEqual({from: ['move1'], to: ['move1']})
    expect(check.moves).toBeGreaterThan(10)
  })

  it('the structural check is sharp: an unclosed range, a lone name, a reused id or a move outside its range fail it', () => {
    const p = (inner: string) =>
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${inner}</w:body></w:document>`
    const from = '<w:p><w:moveFrom w:id="2"><w:r><w:t>x</w:t></w:r></w:moveFrom></w:p>'
    const to = '<w:p><w:moveTo w:id="4"><w:r><w:t>x</w:t></w:r></w:moveTo></w:p>'
    const range = (kind: string, id: number, name: string, inner: string) =>
      `<w:${kind}RangeStart w:id="${id}" w:name="${name}"/>${inner}<w:${kind}RangeEnd w:id="${id}"/>`
    const good = range('moveFrom', 1, 'm', from) + range('moveTo', 3, 'm', to)
    expect(checkRevisions(p(good)).problems).toEqual([])
    expect(
      checkRevisions(p(`<w:moveFromRangeStart w:id="1" w:name="m"/>${from}${range('moveTo', 3, 'm', to)}`)).problems
    ).not.toEqual([])
    expect(checkRevisions(p(range('moveFrom', 1, 'm', from) + range('moveTo', 3, 'n', to))).problems).not.toEqual([])
    expect(checkRevisions(p(range('moveFrom', 1, 'm', from) + range('moveTo', 2, 'm', to))).problems).not.toEqual([])
    expect(checkRevisions(p(range('moveFrom', 1, 'm', from) + to + range('moveTo', 3, 'm', ''))).problems).not.toEqual(
      []
    )
    expect(() => checkRevisions(p('<w:p><w:r></w:p>'))).toThrow()
  })

  it('renders a comparison with moves to the same bytes every time', async () => {
    const first = await toDocx(moved, {date: '2020-09-02'})
    const second = await toDocx(structuredClone(moved), {date: '2020-09-02'})
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
  })
})

describe('toDocx: a footnote inserted or deleted as a whole', () => {
  it('tracks its reference in the text and its content, numbers included', async () => {
    const inserted = await readDocx(await toDocx(footnoted))
    const refs = inserted.paragraphs.flatMap((p) => p.notes)
    expect(refs.map((n) => n.kind)).toEqual(['common', 'added'])
    const content = inserted.footnotes.get(refs[1]!.id)!
    expect(content.flatMap((p) => p.notes.map((n) => n.kind))).toEqual(['added'])
    expect(content.flatMap((p) => p.runs.map((r) => r.kind))).toEqual(['added'])

    const reversed = compareDocuments(footnotedAfter(), footnotedBefore(), {names: {before: 'final', after: 'draft'}})
    const deleted = await readDocx(await toDocx(reversed))
    const gone = deleted.paragraphs.flatMap((p) => p.notes)
    expect(gone.map((n) => n.kind)).toEqual(['common', 'removed'])
    const goneContent = deleted.footnotes.get(gone[1]!.id)!
    expect(goneContent.flatMap((p) => p.notes.map((n) => n.kind))).toEqual(['removed'])
    expect(resolve(goneContent, 'before').map((p) => p.text)).toEqual(['Regulation (EU) 2022/2065.'])
    expect(resolve(goneContent, 'after').map((p) => p.text)).toEqual([''])
    // the modified note is the same note in both: its reference is not tracked
    expect(checkRevisions(await part(await toDocx(reversed), 'word/document.xml')).problems).toEqual([])
  })
})

/** The footnoted pair's versions again (the fixture exports only the comparison). */
function footnoted1(extra: boolean): Document {
  return assignEids(
    documentOf([
      {
        type: 'body',
        children: [
          article('Article 1', 'Reports', [
            content([
              'Providers shall report to the Commission',
              note('1', extra ? 'OJ L 2, 1.1.2020, p. 1.' : 'OJ L 1, 1.1.2020, p. 1.'),
              extra ? ' and to the Board' : '',
              ...(extra ? [note('2', 'Regulation (EU) 2022/2065.')] : []),
              '.'
            ])
          ])
        ]
      }
    ])
  ).document
}
const footnotedBefore = () => footnoted1(false)
const footnotedAfter = () => footnoted1(true)

const part = async (bytes: Uint8Array, name: string) => (await JSZip.loadAsync(bytes)).file(name)!.async('string')

/**
 * Check `word/document.xml` with a strict XML parser: every range start has
 * its end (same id) and every end its start; move names pair between
 * `moveFrom` and `moveTo` ranges; `w:moveFrom`/`w:moveTo` content lies
 * inside an open range of its kind; revision and range ids are unique.
 */
function checkRevisions(xml: string): {problems: string[]; names: {from: string[]; to: string[]}; moves: number} {
  const problems: string[] = []
  const ids = new Set<string>()
  const open = {from: new Map<string, string>(), to: new Map<string, string>()}
  const names = {from: [] as string[], to: [] as string[]}
  let moves = 0
  const parser = new SaxesParser({xmlns: true})
  parser.on('error', (error) => {
    throw error
  })
  const REVISIONS = new Set(['ins', 'del', 'moveFrom', 'moveTo', 'moveFromRangeStart', 'moveToRangeStart'])
  parser.on('opentag', (tag) => {
    const local = tag.local
    const id = tag.attributes['w:id']?.value
    if (REVISIONS.has(local) && id !== undefined) {
      if (ids.has(id)) problems.push(`id ${id} used twice`)
      ids.add(id)
    }
    const side = local.startsWith('moveFrom') ? 'from' : local.startsWith('moveTo') ? 'to' : undefined
    if (!side || id === undefined) return
    if (local.endsWith('RangeStart')) {
      const name = tag.attributes['w:name']?.value ?? ''
      open[side].set(id, name)
      names[side].push(name)
    } else if (local.endsWith('RangeEnd')) {
      if (!open[side].delete(id)) problems.push(`${local} ${id} without its start`)
    } else {
      moves++
      if (open[side].size === 0) problems.push(`${local} ${id} outside a range`)
    }
  })
  parser.write(xml).close()
  for (const side of ['from', 'to'] as const)
    for (const id of open[side].keys()) problems.push(`range ${id} not closed`)
  names.from.sort()
  names.to.sort()
  if (names.from.join() !== names.to.join()) problems.push(`names do not pair: ${names.from} / ${names.to}`)
  return {problems, names, moves}
}

const execFileAsync = promisify(execFile)

/** LibreOffice, when installed (`soffice`); the tests below skip without it. */
const soffice = spawnSync('soffice', ['--version'], {encoding: 'utf8'}).status === 0

describe.skipIf(!soffice)('toDocx opened by LibreOffice', () => {
  it('opens the file, keeps the moves as moves when it saves it again, and resolves to the same versions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redlex-lo-'))
    try {
      const input = join(dir, 'moved.docx')
      writeFileSync(input, await toDocx(moved, {date: '2020-09-02'}))
      const out = join(dir, 'out')
      // Asynchronously: a worker blocked for the minute LibreOffice may take cannot answer vitest.
      await execFileAsync(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'docx',
          '--outdir',
          out,
          input
        ],
        {timeout: 240_000}
      )
      const saved = new Uint8Array(readFileSync(join(out, 'moved.docx')))
      const xml = await part(saved, 'word/document.xml')
      // LibreOffice writes moves only for what it read as moves
      const check = checkRevisions(xml)
      expect(check.names.from.length).toBeGreaterThan(0)
      expect(new Set(check.names.to)).toEqual(new Set(check.names.from))
      expect(xml).toMatch(/<w:moveFrom\b/)
      expect(xml).toMatch(/<w:moveTo\b/)
      // LibreOffice renames styles, so compare the texts without them — empty paragraphs included:
      // a paragraph mark that lost its revision would leave one behind
      const mine = await readDocx(await toDocx(moved, {date: '2020-09-02'}))
      const theirs = await readDocx(saved)
      for (const which of ['before', 'after'] as const) {
        const texts = (paragraphs: ReadParagraph[]) => resolve(paragraphs, which).map((p) => p.text)
        expect(texts(theirs.paragraphs), which).toEqual(texts(mine.paragraphs))
      }
      const marks = (paragraphs: ReadParagraph[]) => paragraphs.map((p) => `${p.mark} ${p.markMove ?? ''}`)
      expect(marks(theirs.paragraphs)).toEqual(marks(mine.paragraphs))
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  }, 300_000) // LibreOffice starts slowly on a busy machine
})

describe('toDocx: moves in generated comparisons', () => {
  const words = ['providers', 'shall', 'report', 'the', 'Commission', 'data', 'market', 'rules', 'safety', 'Member']
  /** A paragraph's text: a few words from the pool, optionally with a footnote marker after the first. */
  const sentence = fc.tuple(fc.array(fc.constantFrom(...words), {minLength: 3, maxLength: 8}), fc.boolean())
  const articleSpec = fc.array(sentence, {minLength: 1, maxLength: 3})

  function build(specs: ReadonlyArray<ReadonlyArray<readonly [string[], boolean]>>, tag: string): Document {
    return assignEids(
      documentOf([
        {
          type: 'body',
          children: specs.map((paragraphs, a) =>
            article(
              `Article ${a + 1}`,
              undefined,
              paragraphs.map(([ws, noted], p) =>
                paragraph(`${p + 1}.`, [
                  content([
                    ws.slice(0, 2).join(' '),
                    ...(noted ? [note(String(p + 1), `OJ L ${ws.length}${tag}.`)] : []),
                    ` ${ws.slice(2).join(' ')} (${a}.${p}).`
                  ])
                ])
              )
            )
          )
        }
      ])
    ).document
  }

  it('accept all and reject all give the two versions, and the XML holds together, whatever moved', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(articleSpec, {minLength: 2, maxLength: 5}),
        fc.array(fc.nat(), {minLength: 5, maxLength: 5}),
        fc.nat(),
        fc.nat(),
        sentence,
        async (specs, order, edit, cut, added) => {
          // The second version: the articles shuffled, one word of one article changed, notes retagged,
          // a paragraph dropped from one article and one added to another.
          const shuffled = specs
            .map((spec, i) => ({spec, key: order[i % order.length]! + i / 10}))
            .sort((x, y) => x.key - y.key)
            .map(({spec}) => spec.map(([ws, noted]) => [[...ws], noted] as [string[], boolean]))
          const target = shuffled[edit % shuffled.length]![0]![0]
          target[edit % target.length] = 'amended'
          const trimmed = shuffled[cut % shuffled.length]!
          if (trimmed.length > 1) trimmed.splice(cut % trimmed.length, 1)
          shuffled[(cut + 1) % shuffled.length]!.push([[...added[0]], added[1]])
          const before = build(specs, '')
          const after = build(shuffled, edit % 2 === 0 ? '' : 'x')
          const comparison = compareDocuments(before, after, {names: {before: 'a', after: 'b'}})
          const bytes = await toDocx(comparison, {date: '2020-09-02'})
          const read = await readDocx(bytes)
          expect(asEntries(resolve(read.paragraphs, 'after')).join('\n')).toBe(textOf(after))
          expect(asEntries(resolve(read.paragraphs, 'before')).join('\n')).toBe(textOf(before))
          for (const note of read.paragraphs.flatMap((p) => p.notes)) expect(read.footnotes.has(note.id)).toBe(true)
          expect(checkRevisions(await part(bytes, 'word/document.xml')).problems).toEqual([])
        }
      ),
      {
        numRuns: 40,
        examples: [
          // A paragraph moved out of an article deleted with its other paragraph: its moved-away copy
          // goes back inside the deleted article, before that paragraph.
          [
            [
              [[['providers', 'providers', 'market'], false]],
              [
                [['providers', 'providers', 'the', 'rules'], false],
                [['providers', 'providers', 'providers'], false]
              ],
              [[['providers', 'providers', 'providers'], false]],
              [[['providers', 'providers', 'providers'], false]]
            ],
            [106883671, 0, 106883671, 106883671, 0],
            0,
            1073741827,
            [['providers', 'safety', 'providers'], false]
          ]
        ]
      }
    )
  })
})
