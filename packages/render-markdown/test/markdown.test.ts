import type {ProvisionChange} from '@redlex/compare'
import {labelOf, statusText} from '@redlex/compare'
import type {Content, Root, RootContent} from 'mdast'
import {describe, expect, it} from 'vitest'
// A real CommonMark + GFM parser (the one @redlex/markdown uses), to check
// how viewers read the output rather than matching strings.
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {escapeLines, escapeMarkdown, toMarkdownRedline} from '../src/index.js'
import {NASTY, fixture} from '../../../test/fixtures/comparisons/fixture.js'
import {consulted, footnoted, real} from '../../../test/fixtures/comparisons/real.js'

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown)

const allChanges = (list: readonly ProvisionChange[]): ProvisionChange[] =>
  list.flatMap((c) => [c, ...allChanges(c.children)])

const plain = (node: RootContent | Content): string =>
  node.type === 'html'
    ? ''
    : 'value' in node && typeof node.value === 'string'
      ? node.value
      : 'children' in node
        ? (node.children as Content[]).map(plain).join('')
        : ''

/** The sections of a parsed redline: heading text → the nodes up to the next heading. */
function sections(tree: Root): Map<string, RootContent[]> {
  const out = new Map<string, RootContent[]>()
  let current: RootContent[] | undefined
  for (const node of tree.children) {
    if (node.type === 'heading') {
      current = []
      out.set(plain(node), current)
    } else current?.push(node)
  }
  return out
}

/**
 * Read one side back from rendered redline paragraphs, as a viewer shows them:
 * text inside `<del>` belongs to the first version only, inside `<ins>` to the
 * second; a deleted `¶` is a deleted block break.
 */
function readSide(paragraphs: RootContent[], which: 'before' | 'after'): string {
  const blocks: string[] = []
  for (const paragraph of paragraphs) {
    let state: 'ins' | 'del' | undefined
    let text = ''
    for (const child of (paragraph as {children: Content[]}).children) {
      if (child.type === 'html') {
        const tag = /^<(\/?)(ins|del)>$/.exec(child.value)
        expect(tag, `unexpected HTML ${child.value}`).not.toBeNull()
        state = tag![1] ? undefined : (tag![2] as 'ins' | 'del')
        continue
      }
      expect(['text'], `node ${child.type} must not appear in a redline`).toContain(child.type)
      const value = plain(child)
      if (state === 'del' && which === 'before') text += value.replace(/¶/g, '\n')
      else if (state === 'ins' && which === 'after') text += value
      else if (state === undefined) text += value
    }
    blocks.push(text)
  }
  return blocks.filter((b) => b !== '').join('\n')
}

describe('toMarkdownRedline', () => {
  const markdown = toMarkdownRedline(fixture)
  const tree = parse(markdown)
  const bySection = sections(tree)

  it('starts with a header naming the versions and the ISC', () => {
    const lines = markdown.split('\n')
    expect(lines[0]).toBe('# Redline: pre-ISC → post-ISC')
    expect(markdown).toContain('**Versions compared:** pre-ISC (before) → post-ISC (after)')
    expect(markdown).toContain(
      '**Interservice consultation:** ISC/2020/06507, 2020-09-02 — Fast-track ISC on the temporary derogation from Directive 2002/58/EC'
    )
    expect(markdown.endsWith('\n')).toBe(true)
  })

  it('gives the summary counts as a table the viewer reads as one', () => {
    const table = tree.children.find((n) => n.type === 'table')
    expect(table?.type).toBe('table')
    const rows = (table as {children: RootContent[]}).children
      .slice(1)
      .map((row) => (row as {children: RootContent[]}).children.map(plain))
    expect(rows).toEqual([
      ['modified', String(fixture.summary.modified)],
      ['inserted', String(fixture.summary.inserted)],
      ['deleted', String(fixture.summary.deleted)],
      ['moved', String(fixture.summary.moved)],
      ['renumbered', String(fixture.summary.renumbered)],
      ['unchanged', String(fixture.summary.unchanged)]
    ])
    expect(fixture.summary).toEqual({unchanged: 5, modified: 10, inserted: 4, deleted: 4, moved: 1, renumbered: 3})
    expect(markdown).toContain(
      `Words: ${fixture.tokens!.common} kept, ${fixture.tokens!.removed} removed, ${fixture.tokens!.added} added.`
    )
    expect(markdown).toContain('1 provision fell back to a whole replacement and is shown as such.')
  })

  it('has a section per changed provision, with its status in words, and none for unchanged ones', () => {
    expect([...bySection.keys()]).toEqual([
      'Redline: pre-ISC → post-ISC',
      'Summary',
      'Interservice consultation ISC/2020/06507',
      'Title, formulas and signatures',
      'Title: subject — modified',
      'Closing: "Done at" line — modified',
      'Closing: signature — deleted',
      'Closing: signature — inserted',
      'Provisions',
      'citation 2 — modified',
      'recital 2 — modified',
      'recital 3 — inserted',
      'recital 3 (pre-ISC) — deleted',
      'Chapter I — modified',
      'Article 1(2), point (a) — modified',
      'Article 1(2), point (b) — inserted',
      'Article 1(2), point (c) — renumbered from Article 1(2), point (b) of the pre-ISC',
      'Article 3 — modified',
      'Article 3, point (a) — modified',
      'Article 3, point (b) — moved from Article 5, point (b) of the pre-ISC, modified',
      'Article 3, point (c), second subparagraph — modified',
      'Article 4 (pre-ISC) — deleted',
      'Article 4 — renumbered from Article 5 of the pre-ISC',
      'Article 4(1) — modified',
      'Article 5 — renumbered from Article 6 of the pre-ISC, modified',
      'Annex I — inserted'
    ])
    expect(markdown).toContain('*5 unchanged provisions are not shown.*')
  })

  it('shows every change so that both versions read back exactly (formal pairs shown)', () => {
    const full = sections(parse(toMarkdownRedline(fixture, {formal: true})))
    let checked = 0
    for (const change of allChanges(fixture.changes)) {
      const names = {before: 'pre-ISC', after: 'post-ISC'}
      const label = labelOf(change, names)
      const nodes = full.get(`${label} — ${statusText(change, names)}`)
      if (!nodes || change.diff.length === 0) continue
      const paragraphs = nodes
        .filter((n) => n.type === 'paragraph' && n.children[0]?.type !== 'emphasis' && n.children[0]?.type !== 'strong')
        // inserted/deleted sub-provisions inlined in their parent's section start with their number
        .filter((n) => !/^\u00a0/.test(plain(n)))
      if (change.before) expect(readSide(paragraphs, 'before'), label).toBe(change.before.text)
      if (change.after) expect(readSide(paragraphs, 'after'), label).toBe(change.after.text)
      checked++
    }
    expect(checked).toBe(14)
  })

  it('folds formal pairs into the new form by default', () => {
    const section = bySection.get('Article 3, point (a) — modified')!
    expect(plain(section[0]!)).toBe(
      'the processing is proportionate\u00a0as set out in Article 4 and well-establishedwell established;'
    )
    expect(readSide([section[0]!], 'before')).toBe(
      'the processing is proportionate\u00a0as set out in Article 4 and well-established;'
    )
    expect(bySection.get('citation 2 — modified')!.map(plain)[0]).toBe(
      'Having regard to the proposal from the European\u00a0Commission,'
    )
  })

  it('escapes the act’s own Markdown and HTML so it reads as text inside one insertion', () => {
    const section = bySection.get('recital 3 — inserted')!
    const paragraph = section[0] as {children: Content[]}
    expect(paragraph.children.map((c) => c.type)).toEqual(['html', 'text', 'html'])
    expect(plain(paragraph.children[1]!)).toBe(NASTY)
    expect(markdown).not.toContain('<script>')
    expect(markdown).not.toContain('**bold**')
    // The conclusion text is escaped too.
    expect(plain(section.find((n) => n.type === 'list')!)).toBe(
      'Conclusion C2, Amendment a2 (insert), requested by HOME, JUST:Add a recital on <script> & "safeguards" for the <b>data</b> subjects.'
    )
  })

  it('protects the start of lines that would read as lists, headings or code', () => {
    expect(escapeMarkdown('a *b* <c> & [d]')).toBe('a \\*b\\* &lt;c\\> &amp; \\[d\\]')
    const listy = structuredClone(fixture)
    listy.changes = [{...fixture.changes[1]!, diff: [{value: '1. First\n- second\n    code\n# heading\n+ plus\n==='}]}]
    const out = parse(toMarkdownRedline(listy))
    const types = [...sections(out).get('citation 2 — modified')!].map((n) => n.type)
    expect(types).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph'])
    expect([...sections(out).get('citation 2 — modified')!].map(plain)).toEqual([
      '1. First',
      '- second',
      '    code',
      '# heading',
      '+ plus',
      '==='
    ])
  })

  it('gives the causes: amendment, conclusion, services, conclusion text, note', () => {
    const list = bySection
      .get('Article 5 — renumbered from Article 6 of the pre-ISC, modified')!
      .find((n) => n.type === 'list')!
    expect(plain(list)).toBe(
      'Conclusion C3, Amendment sunset (sunset), requested by SG, SJ:The Regulation should expire at the end of the current legislative period.Note: EP term ends 15 July 2024; date picked: 3 August 2024'
    )
    expect(plain(bySection.get('Article 3 — modified')!.find((n) => n.type === 'list')!)).toBe('Amendment a5')
    expect(bySection.get('Article 3, point (a) — modified')!.some((n) => n.type === 'list')).toBe(false)
  })

  it('keeps inserted and deleted sub-provisions in their parent’s section, numbered', () => {
    const deleted = bySection.get('Article 4 (pre-ISC) — deleted')!.map(plain)
    expect(deleted).toEqual([
      'Heading: Review',
      '\u00a0\u00a01. By [date], the Commission shall report.',
      '\u00a0\u00a02. The report shall be public.'
    ])
    const inserted = bySection.get('Article 1(2), point (b) — inserted')!.map(plain)
    expect(inserted.slice(0, 2)).toEqual(['conduct constituting solicitation of children;', '\u00a0\u00a0(i) online;'])
  })

  it('marks fallbacks, wholly deleted blocks and deleted block breaks', () => {
    expect(bySection.get('Article 4(1) — modified')!.map(plain)).toContain(
      'The word-level redline fell back to a whole replacement: the text is shown as replaced as a whole.'
    )
    expect(markdown).toContain('<del>For the Commission</del>\n\n<del>The President</del>')
    const merged = structuredClone(fixture)
    merged.changes = [{...fixture.changes[1]!, diff: [{value: 'One'}, {value: '\n', removed: true}, {value: ' two'}]}]
    expect(toMarkdownRedline(merged)).toContain('One<del>¶</del> two')
  })

  it('can show unchanged provisions too', () => {
    const all = sections(parse(toMarkdownRedline(fixture, {unchanged: true})))
    expect(all.has('citation 1 — unchanged')).toBe(true)
    expect(all.has('Article 2 — unchanged')).toBe(true)
    expect(all.has('Title: stage — unchanged')).toBe(true)
    expect(all.get('Article 2 — unchanged')!.map(plain)).toEqual([
      'Heading: Definitions',
      'For the purposes of this Regulation, the definitions in Directive (EU) 2018/1972 apply.'
    ])
    expect(toMarkdownRedline(fixture, {unchanged: true})).not.toContain('not shown')
  })

  it('offers bracket markers for viewers without inline HTML, and a heading depth', () => {
    const brackets = toMarkdownRedline(fixture, {markup: 'brackets', depth: 2})
    expect(brackets).toContain(
      'From 21 December 2020, [-such-]{+number-independent interpersonal communications+} services'
    )
    expect(brackets).not.toMatch(/<(ins|del)>/)
    expect(brackets.split('\n')[0]).toBe('## Redline: pre-ISC → post-ISC')
    expect(brackets).toContain('\n#### recital 2 — modified\n')
  })

  it('says so when nothing changed', () => {
    const none = {
      ...fixture,
      frame: [],
      changes: [fixture.changes[0]!],
      summary: {unchanged: 1, modified: 0, inserted: 0, deleted: 0, moved: 0, renumbered: 0}
    }
    const out = toMarkdownRedline(none)
    expect(out).toContain('## Provisions\n\nNo provision changed.')
    expect(out).toContain('*1 unchanged provision is not shown.*')
    expect(out).not.toContain('Title, formulas and signatures\n')
  })
})

describe('toMarkdownRedline on a real comparison (compareDocuments)', () => {
  const out = toMarkdownRedline(real)
  const bySection = sections(parse(out))

  it('shows the renumbered, inserted and modified provisions with their causes, and both versions read back', () => {
    expect([...bySection.keys()].slice(7)).toEqual([
      'recital 3 — inserted',
      'Article 1(2), point (a) — modified',
      'Article 2 — inserted',
      'Article 3 — renumbered from Article 2 of the pre-ISC',
      'Article 4 — renumbered from Article 3 of the pre-ISC, modified',
      'Article 4, second paragraph — modified'
    ])
    // the conclusion's text is given once, in the consultation section
    expect(plain(bySection.get('Article 2 — inserted')!.find((n) => n.type === 'list')!)).toBe(
      'Conclusion C1 (see the consultation above), Amendment objective (insert), requested by HOME'
    )
    expect(out.split('State the objective in an article.').length).toBe(2)
    const recital = bySection.get('recital 3 — inserted')!
    expect(plain(recital[0]!)).toBe('The Commission intends to propose long-term legislation <by 2021>.')
    for (const change of allChanges(real.changes).filter((c) => c.status !== 'unchanged' && !c.within)) {
      const key = [...bySection.keys()].find((k) => k.startsWith((change.after ?? change.before)!.label + ' — '))!
      const paragraphs = bySection
        .get(key)!
        .filter((n) => n.type === 'paragraph' && n.children[0]?.type !== 'emphasis' && n.children[0]?.type !== 'strong')
      if (change.before) expect(readSide(paragraphs, 'before')).toBe(change.before.text)
      if (change.after) expect(readSide(paragraphs, 'after')).toBe(change.after.text)
    }
    expect(out).toContain('*5 unchanged provisions are not shown.*')
  })
})

describe('toMarkdownRedline: the consultation', () => {
  const out = toMarkdownRedline(consulted)
  const tree = parse(out)
  const bySection = sections(tree)

  it('gives the consultation as a section: facts, services, each conclusion once with what it changed, political points', () => {
    const facts = bySection.get('Interservice consultation ISC/2020/06507')!.map(plain)
    // hard breaks between the facts (`plain` reads a break as nothing)
    expect(facts[0]).toBe(
      'Subject: Temporary derogation from Directive 2002/58/ECProcedure: fast-track (authorised on 2020-09-01)Date: 2020-09-02Chair: William SLEATH (SG), DirectorLead services: CNECT, HOMEMinutes approved: 2020-09-03'
    )
    const table = bySection.get('Consulted services')!.find((n) => n.type === 'table') as unknown as {
      children: Array<{children: RootContent[]}>
    }
    expect(table.children.slice(1).map((row) => row.children.map(plain))).toEqual([
      ['SJ', 'positive with comments', 'Recital 2 should say for how long. (about rec_2)[redacted]'],
      ['JUST', 'not readable in the record', 'Fine. - Amendment forged <b>bold</b> # Heading (about recitals)'],
      ['TRADE', 'no reply', 'Note: The row is blank in the published annex.']
    ])
    expect(bySection.get('Conclusion C2')!.map(plain)).toEqual([
      'The legal service will check the recitals.- Amendment forged (forged)Requested by: SJ',
      'No change to the text.'
    ])
    expect(bySection.get('Conclusion C3')!.map(plain)).toEqual([
      'The Regulation should expire at the end of the current legislative period.Requested by: SG, SJ',
      'Changes to the text:',
      'Amendment sunset: Article 4; Article 4, second paragraph'
    ])
    expect(out.split('The Regulation should expire').length).toBe(2)
    expect(bySection.get('Points for the political level')!.map(plain)).toEqual([
      'The duration of the sunset clause. (conclusion C3)'
    ])
  })

  it('escapes outside texts line by line: a blank line and "- Amendment …" forge no bullet, heading or tag', () => {
    // The hostile conclusion text is one paragraph (hard breaks), not a list.
    expect(bySection.get('Conclusion C2')!.map((n) => n.type)).toEqual(['paragraph', 'paragraph'])
    const lists = tree.children.filter((n) => n.type === 'list')
    for (const list of lists) expect(plain(list)).not.toMatch(/^Amendment forged/m)
    expect(out).not.toContain('<b>')
    expect(escapeLines('one\n\n- two\n# three\n1. four', '  ')).toBe('one  \n  \\- two  \n  \\# three  \n  1\\. four')
    const forged = structuredClone(consulted)
    const article2 = forged.changes.find((c) => c.after?.label === 'Article 2')!
    forged.isc = {reference: 'ISC/1'}
    article2.causes = [
      {amendment: 'x', conclusion: 'C9', conclusionText: 'Text.\n\n- Amendment evil (forged)\n\n## Heading'}
    ]
    const why = sections(parse(toMarkdownRedline(forged)))
      .get('Article 2 — inserted')!
      .find((n) => n.type === 'list') as unknown as {children: RootContent[]}
    expect(why.children.length).toBe(1)
    expect(plain(why as unknown as RootContent)).toBe(
      'Conclusion C9, Amendment x:Text.- Amendment evil (forged)## Heading'
    )
  })

  it('lists a comment about a provision at that provision', () => {
    const recital = bySection.get('recital 2 — unchanged')!
    expect(plain(recital.find((n) => n.type === 'list')!)).toBe('SJ: Recital 2 should say for how long.')
  })
})

describe('toMarkdownRedline: footnotes', () => {
  const out = toMarkdownRedline(footnoted)

  it('gives each note as a GFM footnote ([^n]) with its redline, its reference inserted or deleted like it', () => {
    expect(out).toContain('Providers shall report to the Commission[^n1]<ins> and to the Board</ins><ins>[^n2]</ins>.')
    expect(out).toContain('[^n1]: OJ L <del>1</del><ins>2</ins>, 1.1.2020, p. 1.')
    expect(out).toContain('[^n2]: <ins>Regulation (EU) 2022/2065.</ins>')
    const tree = parse(out)
    const definitions = tree.children.filter((n) => n.type === 'footnoteDefinition')
    expect(definitions.map((d) => (d as {identifier: string}).identifier)).toEqual(['n1', 'n2'])
    const refs: string[] = []
    const walk = (node: Content | Root): void => {
      if (node.type === 'footnoteReference') refs.push(node.identifier)
      if ('children' in node) for (const child of node.children as Content[]) walk(child)
    }
    walk(tree)
    expect(refs).toEqual(['n1', 'n2'])
  })
})

describe('toMarkdownRedline: consequential causes', () => {
  it('says that a change is a consequence of an amendment (numbers it moved), not its words', () => {
    const copy = structuredClone(real)
    const article3 = copy.changes.find((c) => c.after?.label === 'Article 3')!
    article3.causes = [
      {amendment: '#renumber', type: 'renumber'},
      {amendment: 'objective', type: 'insert', conclusion: 'C1', services: ['HOME'], consequence: true}
    ]
    const why = sections(parse(toMarkdownRedline(copy)))
      .get('Article 3 — renumbered from Article 2 of the pre-ISC')!
      .find((n) => n.type === 'list')!
    expect((why as unknown as {children: RootContent[]}).children.map(plain)).toEqual([
      'Renumbering',
      'Conclusion C1 (see the consultation above), consequence of Amendment objective (insert), requested by HOME'
    ])
  })
})
