import type {Comparison} from '@redlex/compare'
import {textOf} from '@redlex/tree'
import type {Warning} from '@redlex/tree'
import JSZip from 'jszip'
import {SaxesParser} from 'saxes'
import {beforeAll, describe, expect, it, vi} from 'vitest'
import {toDocx} from '../src/index.js'
import {entriesOf, fixture} from '../../../test/fixtures/comparisons/fixture.js'
import {asEntries, readDocx, resolve} from './read-docx.js'
import type {ReadDocx} from './read-docx.js'
import {consulted, footnoted, real, realAfter, realBefore} from '../../../test/fixtures/comparisons/real.js'

/** Frame lines that `textOf` leaves out (`Whereas:`): in the Word text, not in the entries. */
const unindexed = (comparison: Comparison, which: 'before' | 'after'): Set<string> =>
  new Set(
    comparison.frame
      .filter(
        (f) =>
          (which === 'before' ? f.beforeSeq : f.afterSeq) === undefined &&
          f.status !== (which === 'before' ? 'inserted' : 'deleted')
      )
      .map((f) =>
        f.diff
          .filter((s) => !s[which === 'before' ? 'added' : 'removed'])
          .map((s) => s.value)
          .join('')
      )
  )

/** Accept or reject every revision and compare with the version the comparison describes. */
export function expectVersions(read: ReadDocx, comparison: Comparison): void {
  for (const which of ['before', 'after'] as const) {
    const skip = unindexed(comparison, which)
    const got = asEntries(resolve(read.paragraphs, which)).filter((line) => !skip.has(line))
    expect(got.join('\n'), which).toBe(entriesOf(comparison, which).join('\n'))
  }
}

describe('toDocx', () => {
  let read: ReadDocx
  let bytes: Uint8Array
  beforeAll(async () => {
    // Formal-only pairs as revisions too, so that rejecting all gives the first version exactly.
    bytes = await toDocx(fixture, {formal: true})
    read = await readDocx(bytes)
  })

  it('writes a .docx package (a zip with the WordprocessingML parts)', () => {
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    expect(read.files).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'word/document.xml',
        'word/comments.xml',
        'word/styles.xml',
        'word/settings.xml'
      ])
    )
  })

  it('accepting all revisions gives the second version, rejecting all the first — exactly', () => {
    expectVersions(read, fixture)
    // and the whole texts, as the reconstruction data says, are not trivial
    expect(entriesOf(fixture, 'before').length).toBe(fixture.entries!.before)
    expect(entriesOf(fixture, 'after').length).toBe(fixture.entries!.after)
  })

  it('the check is sharp: one revision of the wrong kind, or one paragraph mark kept, fails it', () => {
    const flipped = structuredClone(read)
    const run = flipped.paragraphs.flatMap((p) => p.runs).find((r) => r.text === 'such')!
    run.kind = 'added'
    expect(() => expectVersions(flipped, fixture)).toThrow()
    const kept = structuredClone(read)
    kept.paragraphs.find((p) => p.mark === 'added')!.mark = 'common'
    expect(() => expectVersions(kept, fixture)).toThrow()
  })

  it('uses real revisions: w:ins runs, w:del runs with w:delText, and inserted or deleted paragraph marks', () => {
    const runs = read.paragraphs.flatMap((p) => p.runs)
    expect(runs.filter((r) => r.kind === 'added').length).toBeGreaterThan(20)
    expect(runs.filter((r) => r.kind === 'removed').length).toBeGreaterThan(15)
    // the inserted annex: its number, heading and rows are inserted paragraphs
    const annex = read.paragraphs.findIndex((p) => p.runs.map((r) => r.text).join('') === 'ANNEX I')
    expect(read.paragraphs.slice(annex, annex + 4).map((p) => [p.mark, p.runs.map((r) => r.kind).join()])).toEqual([
      ['added', 'added'],
      ['added', 'added'],
      ['added', 'added'],
      ['added', 'added']
    ])
    expect(read.paragraphs[annex]!.style).toBe('DivisionNumber')
    // a renumbered article: `Article ` kept, `6` → `5`
    const sunset = read.paragraphs.find((p) => p.runs.map((r) => r.text).join('') === 'Article 65')!
    expect(sunset.runs.map((r) => [r.text, r.kind])).toEqual([
      ['Article ', 'common'],
      ['6', 'removed'],
      ['5', 'added']
    ])
    expect(sunset.style).toBe('ArticleNumber')
    // an added block inside a subparagraph: an inserted paragraph mark
    const sub = read.paragraphs.findIndex(
      (p) => p.runs.map((r) => r.text).join('') === 'Data shall be deleted immediately.'
    )
    expect(read.paragraphs[sub]!.mark).toBe('added')
    expect(read.paragraphs[sub + 1]!.runs.map((r) => [r.text, r.kind])).toEqual([
      ['Providers shall keep a record.', 'added']
    ])
    expect(read.paragraphs[sub + 1]!.mark).toBe('common')
  })

  it('names the requesting service, else the conclusion, else the author option, and dates revisions with the ISC date', () => {
    const authorOf = (text: string): string[] => [
      ...new Set(
        read.paragraphs
          .flatMap((p) => p.runs)
          .filter((r) => r.text === text)
          .map((r) => r.author ?? '')
      )
    ]
    expect(authorOf('3 August 2024')).toEqual(['SG, SJ'])
    expect(authorOf('such')).toEqual(['SJ'])
    expect(authorOf('child sexual abuse material')).toEqual(['Conclusion C4'])
    expect(authorOf('online;')).toEqual(['Conclusion C4']) // inherited inside an inserted point
    expect(authorOf(' and safeguards')).toEqual(['redlex'])
    expect(authorOf('combating')).toEqual(['redlex'])
    const dates = new Set(
      read.paragraphs
        .flatMap((p) => p.runs)
        .filter((r) => r.kind !== 'common')
        .map((r) => r.date)
    )
    expect([...dates]).toEqual(['2020-09-02T00:00:00Z'])
  })

  it('takes the author and date options', async () => {
    const other = await readDocx(
      await toDocx(fixture, {author: 'DG HOME', date: '2020-09-10T14:30:00+02:00', formal: true})
    )
    const runs = other.paragraphs.flatMap((p) => p.runs).filter((r) => r.kind !== 'common')
    expect(runs.find((r) => r.text === 'combating')!.author).toBe('DG HOME')
    expect(runs.find((r) => r.text === '3 August 2024')!.author).toBe('SG, SJ')
    expect(new Set(runs.map((r) => r.date))).toEqual(new Set(['2020-09-10T12:30:00Z']))
    const undated = await readDocx(await toDocx({...fixture, isc: {reference: 'ISC/2020/06507'}}, {formal: true}))
    expect(
      undated.paragraphs
        .flatMap((p) => p.runs)
        .filter((r) => r.kind !== 'common')
        .every((r) => r.date === undefined)
    ).toBe(true)
    expectVersions(undated, fixture)
  })

  it('adds Word comments with the conclusion text, anchored on the changed text', () => {
    const sunset = read.comments.find(
      (c) => c.text[1] === 'The Regulation should expire at the end of the current legislative period.'
    )!
    expect(sunset).toMatchObject({author: 'SG, SJ', initials: 'SS'})
    expect(sunset.text).toEqual([
      'Conclusion C3, requested by SG, SJ:',
      'The Regulation should expire at the end of the current legislative period.',
      'Amendment sunset (sunset)',
      'Note: EP term ends 15 July 2024; date picked: 3 August 2024',
      'Renumbered from Article 6 of the pre-ISC'
    ])
    expect(sunset.date).toMatch(/^2020-09-02T00:00:00/)
    // anchored from the first changed run of the provision to its last
    expect(read.anchored.get(sunset.id)).toBe(
      '65Entry into force and applicationThis Regulation shall enter into force on the third day following that of its publication in the ' +
        'Official JournalOfficial\u00a0Journal of the European Union.It shall apply until [31 December 2025]3 August 2024'
    )
    const starts = read.paragraphs.flatMap((p) => p.commentStarts)
    const ends = read.paragraphs.flatMap((p) => p.commentEnds)
    const refs = read.paragraphs.flatMap((p) => p.commentRefs)
    const ids = read.comments.map((c) => c.id)
    expect(new Set(starts)).toEqual(new Set(ids))
    expect(new Set(ends)).toEqual(new Set(ids))
    expect(new Set(refs)).toEqual(new Set(ids))
    // a cause without conclusion text: the amendment line; the HTML in a conclusion stays text
    expect(read.comments.find((c) => c.author === 'redlex' && c.text[0] === 'Amendment a5')).toBeDefined()
    expect(read.comments.find((c) => c.author === 'HOME, JUST')!.text[1]).toBe(
      'Add a recital on <script> & "safeguards" for the <b>data</b> subjects.'
    )
    expect(read.anchored.get(read.comments.find((c) => c.author === 'HOME, JUST')!.id)).toContain(
      '(3)\tProviders shall not <script>alert("x&y")</script>'
    )
  })

  it('notes moves, renumbering and fallbacks in comments; a move is a Word move: moved away where it stood, moved here where it stands', () => {
    const texts = read.comments.map((c) => c.text.join(' | '))
    expect(texts).toContain('Moved from Article 5, point (b) of the pre-ISC')
    expect(texts).toContain('Moved to Article 3, point (b) of the post-ISC')
    expect(texts).toContain('Renumbered from Article 1(2), point (b) of the pre-ISC')
    expect(texts).toContain('The word-level redline fell back to a whole replacement.')
    const moved = read.paragraphs.filter((p) =>
      p.runs
        .map((r) => r.text)
        .join('')
        .includes('sufficiently reliable')
    )
    // where it stands: moved here, its new words inserted, the words it lost left to where it stood
    const runs = (p: (typeof moved)[number]) => p.runs.map((r) => [r.move ?? r.kind, r.text])
    expect(moved.map((p) => [p.markMove, runs(p)])).toEqual([
      [
        'to',
        [
          ['to', '(b)'],
          ['to', '\t'],
          ['to', 'the technology used is '],
          ['added', 'in itself sufficiently'],
          ['to', ' reliable;']
        ]
      ],
      [
        'from',
        [
          ['from', '(b)'],
          ['from', '\t'],
          ['from', 'the technology used is sufficiently reliable;']
        ]
      ]
    ])
    // the moved-away copy stands in Article 4 (formerly 5), before its paragraph 1
    const at = read.paragraphs.indexOf(moved[1]!)
    expect(read.paragraphs[at - 2]!.runs.map((r) => r.text).join('')).toBe('Article 54')
    expect(read.paragraphs[at + 1]!.runs[0]!.text).toBe('1.')
  })

  it('lays the act out as in the Official Journal: numbers centred, headings bold, kept with the next paragraph', () => {
    const styled = read.paragraphs
      .filter((p) => p.style && p.mark !== 'removed')
      .map((p) => [p.style, resolve([p], 'after')[0]!.text])
    expect(styled.slice(0, 3)).toEqual([
      ['ActTitle', 'Proposal for a'],
      ['ActTitle', 'REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL'],
      ['ActTitle', expect.stringContaining('on a temporary derogation')]
    ])
    expect(styled).toContainEqual(['DivisionNumber', 'CHAPTER I'])
    expect(styled).toContainEqual(['ProvisionHeading', 'Subject matter and definitions'])
    expect(styled).toContainEqual(['ArticleNumber', 'Article 1'])
    expect(styled).toContainEqual(['ProvisionHeading', 'Subject matter and scope'])
    const pointI = read.paragraphs.find((p) => p.runs.map((r) => r.text).join('') === '(i)\tonline;')!
    expect(pointI.indent).toBe(String(567 * 4))
    expect(read.settings).toContain('<w:trackRevisions/>')
    expect(read.core).toContain('<dc:title>Redline: pre-ISC → post-ISC</dc:title>')
    expect(read.header).toContain('pre-ISC → post-ISC · ISC/2020/06507 (2020-09-02)')
  })

  it('defines the styles: Article N centred, its heading bold and centred, numbers and headings kept with the next paragraph, outline levels', async () => {
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string')
    const style = (id: string): string =>
      new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)![0]
    expect(style('ArticleNumber')).toMatch(/<w:jc w:val="center"\/>/)
    expect(style('ArticleNumber')).toContain('<w:keepNext/>')
    expect(style('ArticleNumber')).toContain('<w:outlineLvl w:val="1"/>')
    expect(style('ProvisionHeading')).toMatch(/<w:b\/>/)
    expect(style('ProvisionHeading')).toContain('<w:keepNext/>')
    expect(style('DivisionNumber')).toContain('<w:outlineLvl w:val="0"/>')
    // A4 pages
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"')
  })

  it('opens with a title block and the consultation, then a page break before the act', () => {
    const front = read.front.map((p) => p.runs.map((r) => r.text).join(''))
    expect(front.slice(0, 3)).toEqual([
      'Comparison of two versions',
      'Redline: pre-ISC → post-ISC',
      'From the pre-ISC to the post-ISC'
    ])
    expect(front).toContain('Interservice consultation ISC/2020/06507')
    expect(read.front.at(-1)!.pageBreak).toBe(true)
    expect(read.front.flatMap((p) => p.runs).every((r) => r.kind === 'common')).toBe(true)
  })

  it('shows formal-only changes (a no-break space, quote style, an updated reference) in their new form, not as revisions, by default', async () => {
    const plain = await readDocx(await toDocx(fixture))
    const runs = plain.paragraphs.flatMap((p) => p.runs)
    expect(runs.filter((r) => r.kind !== 'common').map((r) => r.text)).not.toContain('\u00a0')
    expect(
      read.paragraphs
        .flatMap((p) => p.runs)
        .filter((r) => r.kind !== 'common')
        .map((r) => r.text)
    ).toContain('\u00a0')
    const point = plain.paragraphs.find((p) =>
      p.runs
        .map((r) => r.text)
        .join('')
        .startsWith('(a)\tthe processing is proportionate')
    )!
    expect(point.runs.filter((r) => r.kind !== 'common').map((r) => r.text)).toEqual([
      'well-established',
      'well established'
    ])
    // accepting all still gives the second version exactly
    const skip = unindexed(fixture, 'after')
    expect(
      asEntries(resolve(plain.paragraphs, 'after'))
        .filter((line) => !skip.has(line))
        .join('\n')
    ).toBe(entriesOf(fixture, 'after').join('\n'))
  })

  it('renders one comparison to the same bytes at any time: the package carries the ISC date throughout', async () => {
    vi.useFakeTimers({toFake: ['Date']}) // only the clock: JSZip schedules its work with timers
    try {
      vi.setSystemTime(new Date('2031-01-01T10:00:00Z'))
      const first = await toDocx(fixture)
      vi.setSystemTime(new Date('2032-06-15T23:59:59Z'))
      const second = await toDocx(fixture)
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
      const zip = await JSZip.loadAsync(first)
      const core = await zip.file('docProps/core.xml')!.async('string')
      expect(core).toMatch(/<dcterms:created[^>]*>2020-09-02T00:00:00Z<\/dcterms:created>/)
      expect(core).toMatch(/<dcterms:modified[^>]*>2020-09-02T00:00:00Z<\/dcterms:modified>/)
      const dates = new Set<number>()
      zip.forEach((_path, entry) => void dates.add(entry.date.getTime()))
      expect([...dates]).toEqual([Date.parse('2020-09-02T00:00:00Z')])
    } finally {
      vi.useRealTimers()
    }
  })

  it('renders to the same bytes at any time without a date: no created/modified, one fixed zip date', async () => {
    const {date: _date, ...undatedIsc} = fixture.isc!
    const undated = {...fixture, isc: undatedIsc}
    vi.useFakeTimers({toFake: ['Date']})
    try {
      vi.setSystemTime(new Date('2031-01-01T10:00:00Z'))
      const first = await toDocx(undated)
      vi.setSystemTime(new Date('2032-06-15T23:59:59Z'))
      const second = await toDocx(undated)
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
      const zip = await JSZip.loadAsync(first)
      const core = await zip.file('docProps/core.xml')!.async('string')
      expect(core).not.toMatch(/dcterms:(created|modified)/)
      expect(core).toMatch(/<dc:creator>redlex<\/dc:creator>/)
      const document = await zip.file('word/document.xml')!.async('string')
      expect(document).toMatch(/<w:ins /)
      expect(document).not.toMatch(/w:date=/)
      const dates = new Set<number>()
      zip.forEach((_path, entry) => void dates.add(entry.date.getTime()))
      expect([...dates]).toEqual([Date.parse('1980-01-01T00:00:00Z')])
    } finally {
      vi.useRealTimers()
    }
  })

  it('can leave comments out', async () => {
    const bare = await readDocx(await toDocx(fixture, {comments: false, formal: true}))
    expect(bare.comments).toEqual([])
    expect(bare.paragraphs.flatMap((p) => p.commentStarts)).toEqual([])
    expectVersions(bare, fixture)
  })

  it('escapes text: XML special characters survive the round trip', () => {
    const recital = read.paragraphs.find((p) => p.runs.some((r) => r.text.startsWith('Providers shall not')))!
    expect(recital.runs.map((r) => r.text).join('')).toContain('<script>alert("x&y")</script> use **bold**')
  })
})

describe('toDocx on a real comparison (compareDocuments)', () => {
  it('accepting all gives textOf(second version), rejecting all textOf(first), with authors and comments from the causes', async () => {
    const read = await readDocx(await toDocx(real, {formal: true}))
    expectVersions(read, real)
    expect(
      asEntries(resolve(read.paragraphs, 'after'))
        .filter((l) => l !== 'Whereas:')
        .join('\n')
    ).toBe(textOf(realAfter))
    expect(
      asEntries(resolve(read.paragraphs, 'before'))
        .filter((l) => l !== 'Whereas:')
        .join('\n')
    ).toBe(textOf(realBefore))
    const runs = read.paragraphs.flatMap((p) => p.runs)
    expect([...new Set(runs.filter((r) => r.text === '3 August 2024').map((r) => r.author))]).toEqual(['SG, SJ'])
    expect([...new Set(runs.filter((r) => r.text === 'Objective').map((r) => r.author))]).toEqual(['HOME'])
    expect(runs.find((r) => r.text === 'pornography ')).toMatchObject({
      kind: 'removed',
      author: 'redlex',
      date: '2020-09-02T00:00:00Z'
    })
    expect(read.comments.map((c) => [c.author, c.text[0]])).toEqual(
      expect.arrayContaining([
        ['HOME', 'Conclusion C1, requested by HOME:'],
        ['SG, SJ', 'Conclusion C3, requested by SG, SJ:']
      ])
    )
  })
})

/** Strict XML 1.0 check (saxes checks every character; xmldom lets U+FFFE through): throws on the first error. */
function parseStrictly(xml: string, part: string): void {
  const parser = new SaxesParser({xmlns: true})
  parser.on('error', (error) => {
    throw new Error(`${part}: ${error.message}`)
  })
  parser.write(xml).close()
}

/** A copy of `comparison` with characters XML 1.0 forbids in every segment, cause text and version name. */
function poisoned(comparison: Comparison): Comparison {
  const bad = '\u0001\uFFFE\uFFFF\u0008'
  const copy = structuredClone(comparison) as Comparison
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      for (const key of ['value', 'conclusionText', 'note']) {
        if (typeof record[key] === 'string' && record[key] !== '') record[key] = bad + (record[key] as string)
      }
      Object.values(record).forEach(visit)
    }
  }
  visit(copy.changes)
  visit(copy.frame)
  copy.before.name = bad + copy.before.name
  copy.after.name = copy.after.name + bad
  return copy
}

describe('toDocx and characters XML 1.0 forbids', () => {
  it('drops them from every part with one warning, so Word can open the file, and keeps all other text', async () => {
    const warnings: Warning[] = []
    const bytes = await toDocx(poisoned(fixture), {
      onWarning: (w) => warnings.push(w),
      date: '2020-09-02',
      formal: true
    })
    const zip = await JSZip.loadAsync(bytes)
    const parts = Object.values(zip.files).filter((f) => /\.(xml|rels)$/.test(f.name))
    expect(parts.map((p) => p.name)).toEqual(
      expect.arrayContaining(['word/document.xml', 'word/comments.xml', 'word/header1.xml', 'docProps/core.xml'])
    )
    for (const part of parts) parseStrictly(await part.async('string'), part.name)
    expect(warnings.map((w) => w.code)).toEqual(['tree/xml-invalid-character'])
    expect(warnings[0]!.message).toMatch(/U\+0001, U\+FFFE, U\+FFFF, U\+0008\b/)
    expectVersions(await readDocx(bytes), fixture)
  })

  it('the strict check is sharp: it rejects a part with U+FFFE', () => {
    expect(() => parseStrictly('<w:t xmlns:w="urn:x">a\uFFFEb</w:t>', 'part')).toThrow(/part/)
  })

  it('leaves a clean comparison as it was, without a warning', async () => {
    const warnings: Warning[] = []
    await toDocx(fixture, {onWarning: (w) => warnings.push(w)})
    expect(warnings).toEqual([])
  })
})

describe('toDocx: footnotes and the consultation', () => {
  it('writes footnotes as Word footnotes, with tracked changes inside the note', async () => {
    const bytes = await toDocx(footnoted, {date: '2020-09-02'})
    const zip = await JSZip.loadAsync(bytes)
    const xml = await zip.file('word/footnotes.xml')!.async('string')
    const document = await zip.file('word/document.xml')!.async('string')
    expect((document.match(/<w:footnoteReference w:id="\d+"\/>/g) ?? []).length).toBe(2)
    // the first note: `1` deleted, `2` inserted, inside the footnote
    expect(xml).toMatch(
      /<w:del [^>]*><w:r><w:delText xml:space="preserve">1<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">2<\/w:t><\/w:r><\/w:ins>/
    )
    // the inserted note: its text inserted as a whole
    expect(xml).toMatch(
      /<w:ins [^>]*><w:r><w:t xml:space="preserve">Regulation \(EU\) 2022\/2065\.<\/w:t><\/w:r><\/w:ins>/
    )
    const read = await readDocx(bytes)
    expect(resolve(read.paragraphs, 'after').map((p) => p.text)).toContain(
      'Providers shall report to the Commission and to the Board.'
    )
  })

  it('gives the consultation in the front matter and puts a service’s comment on the provision it is about', async () => {
    const read = await readDocx(await toDocx(consulted))
    const front = read.front.map((p) => p.runs.map((r) => r.text).join(''))
    expect(front).toEqual(
      expect.arrayContaining([
        'Interservice consultation ISC/2020/06507',
        'Procedure: fast-track (authorised on 2020-09-01)',
        'SJ — positive with comments; Recital 2 should say for how long. (about rec_2); [redacted]',
        'TRADE — no reply. Note: The row is blank in the published annex.',
        'Conclusion C2 — requested by SJ',
        'The legal service will check the recitals.',
        '- Amendment forged (forged)',
        'No change to the text.',
        'Amendment sunset: Article 4; Article 4, second paragraph',
        '1. The duration of the sunset clause. (conclusion C3)'
      ])
    )
    const comment = read.comments.find((c) => c.author === 'SJ')!
    expect(comment.text).toEqual(['Recital 2 should say for how long.'])
    expect(read.anchored.get(comment.id)).toBe('(2)\tThis Regulation should apply for a limited period.')
    // a change only the renumbering step explains is authored by the lead services, never "redlex"
    const renumbered = structuredClone(consulted)
    const article3 = renumbered.changes.find((c) => c.after?.label === 'Article 3')!
    article3.causes = [{amendment: '#renumber', type: 'renumber', note: 'sequential renumbering of the draft'}]
    const runs = (await readDocx(await toDocx(renumbered))).paragraphs
      .flatMap((p) => p.runs)
      .filter((r) => r.kind !== 'common')
    expect(runs.filter((r) => r.text === '2' || r.text === '3').map((r) => [r.text, r.author])).toEqual(
      expect.arrayContaining([
        ['2', 'CNECT, HOME'],
        ['3', 'CNECT, HOME']
      ])
    )
  })
})
