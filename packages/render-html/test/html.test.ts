import type {ProvisionChange} from '@redlex/compare'
import {labelOf} from '@redlex/compare'
import {describe, expect, it} from 'vitest'
// A spec-conforming HTML5 parser (the one @redlex/formats uses), to check
// the document as a browser reads it rather than matching strings.
import {parse} from 'parse5'
import {escapeHtml, toHtml} from '../src/index.js'
import {NASTY, causeInsert, fixture} from '../../../test/fixtures/comparisons/fixture.js'
import {consulted, footnoted, real} from '../../../test/fixtures/comparisons/real.js'

interface El {
  nodeName: string
  tagName?: string
  attrs?: Array<{name: string; value: string}>
  childNodes?: El[]
  value?: string
  content?: El
}

function load(html: string): {doc: El; errors: string[]} {
  const errors: string[] = []
  const doc = parse(html, {
    onParseError: (error) => errors.push(`${error.code} at ${error.startLine}:${error.startCol}`)
  }) as unknown as El
  return {doc, errors}
}

const all = (node: El): El[] => [node, ...(node.childNodes ?? []).flatMap(all)]
const attr = (node: El, name: string): string | undefined => node.attrs?.find((a) => a.name === name)?.value
const text = (node: El): string =>
  node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join('')
const byId = (doc: El, id: string): El | undefined => all(doc).find((n) => attr(n, 'id') === id)
const tags = (node: El, name: string): El[] => all(node).filter((n) => n.tagName === name)

/** One version's text of rendered blocks: drop `<ins>` (before) or `<del>` (after), one block per `<p>`. */
function readSide(blocks: El[], which: 'before' | 'after'): string {
  const walk = (node: El): string => {
    if (node.nodeName === '#text') return node.value ?? ''
    if (node.tagName === (which === 'before' ? 'ins' : 'del')) return ''
    const inner = (node.childNodes ?? []).map(walk).join('')
    return node.tagName === 'del' && which === 'before' ? inner.replace(/¶/g, '\n') : inner
  }
  return blocks
    .map(walk)
    .filter((b) => b !== '')
    .join('\n')
}

const allChanges = (list: readonly ProvisionChange[]): ProvisionChange[] =>
  list.flatMap((c) => [c, ...allChanges(c.children)])

describe('toHtml', () => {
  const html = toHtml(fixture)
  const {doc, errors} = load(html)

  it('is a valid HTML5 document with lang, charset and title', () => {
    expect(errors).toEqual([])
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')).toBe(true)
    expect(text(tags(doc, 'title')[0]!)).toBe(
      'Redline: pre-ISC → post-ISC — Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on a temporary derogation'
    )
    expect(attr(tags(doc, 'html')[0]!, 'lang')).toBe('en')
    expect(attr(tags(toHtmlDoc({lang: 'fr'}), 'html')[0]!, 'lang')).toBe('fr')
    const ids = all(doc)
      .map((n) => attr(n, 'id'))
      .filter((id): id is string => id !== undefined)
    expect(new Set(ids).size).toBe(ids.length)
    for (const a of tags(doc, 'a')) expect(ids, attr(a, 'href')).toContain(attr(a, 'href')!.slice(1))
  })

  it('uses no external resource and no script', () => {
    expect(tags(doc, 'script')).toEqual([])
    expect(tags(doc, 'link')).toEqual([])
    expect(tags(doc, 'img')).toEqual([])
    for (const node of all(doc)) {
      for (const a of node.attrs ?? []) {
        if (a.name === 'href') expect(a.value).toMatch(/^#/)
        expect(a.name).not.toMatch(/^on|^src$/)
      }
    }
    const css = text(tags(doc, 'style')[0]!)
    expect(css).not.toMatch(/@import|url\(|@font-face/)
    expect(css).toContain('@media print')
  })

  it('has a header naming the act, the versions and the ISC with its date', () => {
    const header = tags(doc, 'header')[0]!
    expect(text(tags(header, 'h1')[0]!)).toBe(fixture.after.title)
    const dl = tags(header, 'dl')[0]!
    expect(tags(dl, 'dt').map(text)).toEqual(['Versions compared', 'Interservice consultation', 'ISC date'])
    expect(tags(dl, 'dd').map(text)).toEqual([
      'pre-ISC (before) → post-ISC (after)',
      'ISC/2020/06507 — Fast-track ISC on the temporary derogation from Directive 2002/58/EC',
      '2020-09-02'
    ])
    expect(attr(tags(dl, 'time')[0]!, 'datetime')).toBe('2020-09-02')
  })

  it('gives the summary counts and a legend', () => {
    const rows = tags(tags(doc, 'table')[0]!, 'tr')
      .slice(1)
      .map((tr) => [text(tr.childNodes![0]!), text(tr.childNodes![1]!)])
    expect(rows).toEqual([
      ['modified', '10'],
      ['inserted', '4'],
      ['deleted', '4'],
      ['moved', '1'],
      ['renumbered', '3'],
      ['unchanged', '5']
    ])
    const summary = text(tags(doc, 'section')[0]!)
    expect(summary).toContain(
      `Words: ${fixture.tokens!.common} kept, ${fixture.tokens!.removed} removed, ${fixture.tokens!.added} added.`
    )
    expect(summary).toContain('5 unchanged provisions are not shown.')
    const legend = tags(doc, 'section').find((s) => attr(s, 'class') === 'legend')!
    expect(tags(legend, 'ins').map(text)).toEqual(['Inserted text'])
    expect(tags(legend, 'del').map(text)).toEqual(['Deleted text', '¶'])
  })

  it('lists the changed provisions grouped by division and article, with counts, linking to each change', () => {
    const toc = tags(doc, 'nav')[0]!
    const groups = tags(toc, 'summary').map(text)
    expect(groups).toEqual([
      'Citations 1 change',
      'Recitals 3 changes',
      'Chapter I — Subject matter and definitions 4 changes',
      'Articles 8 changes',
      'Annex I — Correlation table 1 change'
    ])
    const loose = tags(toc, 'details')[3]!
    // an article with several changed provisions is one item with its count, then its provisions
    const units = (tags(loose, 'ol')[0]!.childNodes ?? []).filter((n) => n.tagName === 'li')
    expect(units.map((li) => text(li))).toEqual([
      'Article 3 4 changesArticle 3 modifiedArticle 3, point (a) modifiedArticle 3, point (b) moved from Article 5, point (b) of the pre-ISC, modifiedArticle 3, point (c), second subparagraph modified',
      'Article 4 (pre-ISC) deleted',
      'Article 4 2 changesArticle 4 renumbered from Article 5 of the pre-ISCArticle 4(1) modified',
      'Article 5 renumbered from Article 6 of the pre-ISC, modified'
    ])
    expect(text(toc)).toContain(
      'Labels use the numbering of the post-ISC; deleted provisions, and the former place of moved and renumbered ones, that of the pre-ISC.'
    )
    const target = byId(doc, attr(tags(toc, 'a').find((a) => text(a) === 'recital 3')!, 'href')!.slice(1))!
    expect(target.tagName).toBe('article')
    expect(text(tags(target, 'h3')[0]!)).toBe('recital 3 inserted')
  })

  it('escapes all text: the act’s own markup, entities and quotes stay text', () => {
    const recital = byId(
      doc,
      attr(tags(tags(doc, 'nav')[0]!, 'a').find((a) => text(a) === 'recital 3')!, 'href')!.slice(1)
    )!
    const ins = tags(recital, 'ins')
    expect(ins.map(text)).toEqual([NASTY])
    expect(ins[0]!.childNodes!.map((n) => n.nodeName)).toEqual(['#text'])
    const quote = tags(recital, 'blockquote')[0]!
    expect(text(quote)).toBe(causeInsert.conclusionText)
    expect(quote.childNodes!.flatMap((n) => n.childNodes!.map((c) => c.nodeName))).toEqual(['#text'])
    expect(html).not.toMatch(/<script|<b>/i)
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    // names, titles and options reach attributes and text escaped too
    const hostile = toHtml(
      {...fixture, before: {name: '"><script>x</script>', title: ''}, isc: {reference: '<i>&</i>', date: '"2020'}},
      {title: '</title><script>'}
    )
    const parsed = load(hostile)
    expect(parsed.errors).toEqual([])
    expect(tags(parsed.doc, 'script')).toEqual([])
    expect(tags(parsed.doc, 'i')).toEqual([])
    expect(text(tags(parsed.doc, 'title')[0]!)).toBe('</title><script>')
  })

  it('shows each change inline so that both versions read back exactly (formal pairs shown)', () => {
    const full = load(toHtml(fixture, {formal: true})).doc
    const articles = tags(full, 'article')
    let checked = 0
    for (const change of allChanges(fixture.changes)) {
      const label = labelOf(change, {before: 'pre-ISC', after: 'post-ISC'})
      const article = articles.find((a) => text(tags(a, 'h3')[0]!).startsWith(label + ' ' + change.status))
      if (!article || change.diff.length === 0) continue
      // own text blocks: the <p>s of the body that are not the heading, number, notes or nested children
      const body = tags(article, 'div')[0]!
      const blocks = (body.childNodes ?? []).filter((n) => n.tagName === 'p' && !attr(n, 'class') && !attr(n, 'style'))
      if (change.before) expect(readSide(blocks, 'before'), label).toBe(change.before.text)
      if (change.after) expect(readSide(blocks, 'after'), label).toBe(change.after.text)
      checked++
    }
    expect(checked).toBe(14)
  })

  it('shows a before | after table where each column is one version', () => {
    const side = byId(doc, 'side')!
    const rows = tags(tags(side, 'tbody')[0]!, 'tr')
    expect(rows.length).toBe(4 + 17)
    const sunset = rows.find((r) => text(r.childNodes![0]!).startsWith('Article 5renumbered from Article 6'))!
    const [, beforeCell, afterCell] = sunset.childNodes!
    expect(tags(beforeCell!, 'ins')).toEqual([])
    expect(tags(afterCell!, 'del')).toEqual([])
    expect(tags(beforeCell!, 'p').map(text)).toEqual([
      'Article 6 Entry into force',
      'This Regulation shall enter into force on the third day following that of its publication in the Official Journal of the European Union.',
      'It shall apply until [31 December 2025].'
    ])
    expect(tags(afterCell!, 'p').map(text)).toEqual([
      'Article 5 Entry into force and application',
      'This Regulation shall enter into force on the third day following that of its publication in the Official\u00a0Journal of the European Union.',
      'It shall apply until 3 August 2024.'
    ])
    expect(tags(beforeCell!, 'del').map(text)).toEqual(['[31 December 2025]'])
    expect(tags(afterCell!, 'ins').map(text)).toEqual([' and application', '3 August 2024'])
    expect(text(sunset.childNodes![0]!)).toContain('Why: conclusion C3')
    // the formal pair shows each version's own form, with the other in a tooltip
    const formal = tags(afterCell!, 'span').find((s) => attr(s, 'class') === 'formal')!
    expect(attr(formal, 'title')).toBe('Changed in form only; was: Official Journal')
    // a deleted article: the after column is empty, the before one holds it and its paragraphs
    const deleted = rows.find((r) => text(r.childNodes![0]!).startsWith('Article 4 (pre-ISC)deleted'))!
    expect(tags(deleted.childNodes![1]!, 'p').map(text)).toEqual([
      'Article 4 Review',
      '1. By [date], the Commission shall report.',
      '2. The report shall be public.'
    ])
    expect(text(deleted.childNodes![2]!)).toBe('')
  })

  it('puts the causes beside each change: amendment, conclusion, services, conclusion text, note', () => {
    const sunset = tags(doc, 'article').find((a) => text(tags(a, 'h3')[0]!).startsWith('Article 5 renumbered'))!
    const aside = tags(sunset, 'aside')[0]!
    expect(attr(aside, 'aria-label')).toBe('Why Article 5 changed')
    expect(tags(aside, 'li').map(text)).toEqual([
      'Conclusion C3Amendment sunset (sunset)Requested by SG, SJThe Regulation should expire at the end of the current legislative period.Note: EP term ends 15 July 2024; date picked: 3 August 2024'
    ])
    expect(tags(sunset, 'p').find((p) => attr(p, 'class') === 'num')).toBeDefined()
    expect(tags(tags(sunset, 'p').find((p) => attr(p, 'class') === 'num')!, 'del').map(text)).toEqual(['Article 6'])
    const point = tags(doc, 'article').find((a) => text(tags(a, 'h3')[0]!) === 'Article 3, point (a) modified')!
    expect(tags(point, 'aside')).toEqual([])
  })

  it('marks changes with non-colour cues for screen readers and paper', () => {
    const css = text(tags(doc, 'style')[0]!)
    expect(css).toMatch(/ins\{[^}]*text-decoration:underline/)
    expect(css).toMatch(/del\{[^}]*text-decoration:line-through/)
    expect(css).toContain('ins::before{content:"[insertion start] "}')
    const print = css.slice(css.indexOf('@media print'))
    expect(print).toContain('ins::before{content:"[+"}')
    // the view on screen is the view printed; the controls are not printed
    expect(print).not.toContain('#side,#inline{display:block')
    expect(print).toContain('.tabs,.jump,.filters,.legend{display:none}')
  })

  it('folds formal pairs into the new form, dotted, by default', () => {
    const point = tags(doc, 'article').find((a) => text(tags(a, 'h3')[0]!) === 'Article 3, point (a) modified')!
    const spans = tags(point, 'span').filter((s) => attr(s, 'class') === 'formal')
    expect(spans.map((s) => [text(s), attr(s, 'title')])).toEqual([
      ['\u00a0', 'Changed in form only; was:  '],
      ['Article 4', 'Reference updated; was: Article 5']
    ])
    expect(tags(point, 'del').map(text)).toEqual(['well-established'])
  })

  it('marks fallbacks, nested inserted points and deleted block breaks', () => {
    const fallback = tags(doc, 'article').find((a) => text(tags(a, 'h3')[0]!) === 'Article 4(1) modified')!
    expect(text(fallback)).toContain('The word-level redline fell back to a whole replacement')
    const point = tags(doc, 'article').find((a) => text(tags(a, 'h3')[0]!) === 'Article 1(2), point (b) inserted')!
    expect(
      tags(point, 'p')
        .filter((p) => !attr(p, 'class'))
        .map(text)
    ).toEqual(['conduct constituting solicitation of children;', '(i) online;'])
    const merged = {
      ...fixture,
      changes: [
        {...fixture.changes[1]!, diff: [{value: 'One'}, {value: '\n', removed: true as const}, {value: ' two'}]}
      ]
    }
    expect(toHtml(merged)).toContain('<p>One<del>¶</del> two</p>')
  })

  it('can show unchanged provisions too', () => {
    const full = toHtmlDoc({unchanged: true})
    const heads = tags(full, 'article').map((a) => text(tags(a, 'h3')[0]!))
    expect(heads).toContain('Article 4 (pre-ISC) deleted')
    expect(heads).toContain('Article 2 unchanged')
    expect(heads).toContain('citation 1 unchanged')
    expect(heads.length).toBe(
      allChanges(fixture.changes).filter(
        (c) =>
          !(c.status === 'inserted' && c.kind === 'point' && c.after?.num === '(i)') &&
          !(c.status === 'deleted' && c.kind === 'paragraph')
      ).length
    )
  })
})

function toHtmlDoc(options: Parameters<typeof toHtml>[1]): El {
  return load(toHtml(fixture, options)).doc
}

describe('toHtml on a real comparison (compareDocuments)', () => {
  const html = toHtml(real)
  const {doc, errors} = load(html)

  it('is valid, lists the changes, escapes the text and shows the causes beside them', () => {
    expect(errors).toEqual([])
    expect(tags(tags(doc, 'nav')[0]!, 'a').map(text)).toEqual([
      'recital 3',
      'Article 1(2), point (a)',
      'Article 2',
      'Article 3',
      'Article 4',
      'Article 4, second paragraph'
    ])
    const recital = tags(doc, 'article')[0]!
    expect(tags(recital, 'ins').map(text)).toEqual([
      'The Commission intends to propose long-term legislation <by 2021>.'
    ])
    const inserted = tags(doc, 'article').find((a) => text(tags(a, 'h3')[0]!) === 'Article 2 inserted')!
    // the conclusion's text is in the consultation section, once; the change links to it
    expect(tags(inserted, 'blockquote')).toEqual([])
    const link = tags(tags(inserted, 'aside')[0]!, 'a')[0]!
    expect(text(link)).toBe('Conclusion C1')
    expect(text(byId(doc, attr(link, 'href')!.slice(1))!)).toContain('State the objective in an article.')
    expect(text(tags(inserted, 'aside')[0]!)).toContain('Requested by HOME')
    expect(html.split('State the objective in an article.').length).toBe(2)
    for (const change of allChanges(real.changes).filter((c) => c.status !== 'unchanged' && !c.within)) {
      const label = (change.after ?? change.before)!.label
      const article = tags(doc, 'article').find((a) => text(tags(a, 'h3')[0]!).startsWith(label + ' '))!
      const blocks = (tags(article, 'div')[0]!.childNodes ?? []).filter(
        (n) => n.tagName === 'p' && !attr(n, 'class') && !attr(n, 'style')
      )
      if (change.before) expect(readSide(blocks, 'before'), label).toBe(change.before.text)
      if (change.after) expect(readSide(blocks, 'after'), label).toBe(change.after.text)
    }
  })
})

describe('toHtml: the consultation', () => {
  const html = toHtml(consulted)
  const {doc, errors} = load(html)
  const section = byId(doc, 'consultation')!

  it('gives the consultation as a section: facts, services with opinions and comments, conclusions, political points', () => {
    expect(errors).toEqual([])
    expect(text(tags(section, 'h2')[0]!)).toBe('Interservice consultation ISC/2020/06507')
    const dl = tags(section, 'dl')[0]!
    expect(tags(dl, 'dt').map(text)).toEqual([
      'Subject',
      'Procedure',
      'Date',
      'Chair',
      'Lead services',
      'Minutes approved'
    ])
    expect(tags(dl, 'dd').map(text)).toEqual([
      'Temporary derogation from Directive 2002/58/EC',
      'fast-track (authorised on 2020-09-01)',
      '2020-09-02',
      'William SLEATH (SG), Director',
      'CNECT, HOME',
      '2020-09-03'
    ])
    const rows = tags(tags(section, 'tbody')[0]!, 'tr').map((tr) => (tr.childNodes ?? []).map(text))
    expect(rows).toEqual([
      ['SJ', 'positive with comments', 'Recital 2 should say for how long. (about rec_2)[redacted]'],
      ['JUST', 'not readable in the record', 'Fine.\n\n- Amendment forged <b>bold</b>\n# Heading (about recitals)'],
      ['TRADE', 'no reply', 'Note: The row is blank in the published annex.']
    ])
    expect(tags(section, 'b')).toEqual([])
  })

  it('gives each conclusion once, with its amendments linked to the provisions they changed, or no change', () => {
    const items = tags(tags(section, 'ol').find((o) => attr(o, 'class') === 'conclusions')!, 'li').filter((li) =>
      /^conclusion-/.test(attr(li, 'id') ?? '')
    )
    expect(items.map((li) => text(tags(li, 'h4')[0]!))).toEqual([
      'Conclusion C1 — requested by HOME',
      'Conclusion C2 — requested by SJ',
      'Conclusion C3 — requested by SG, SJ'
    ])
    expect(text(items[1]!)).toContain('No change to the text.')
    const sunset = tags(items[2]!, 'a')
    expect(sunset.map(text)).toEqual(['Article 4', 'Article 4, second paragraph'])
    for (const a of sunset) expect(text(tags(byId(doc, attr(a, 'href')!.slice(1))!, 'h3')[0]!)).toMatch(/^Article 4/)
    // the text of each conclusion appears once in the whole document
    for (const t of [
      'State the objective in an article.',
      'The Regulation should expire at the end of the current legislative period.'
    ])
      expect(html.split(t).length).toBe(2)
    // a conclusion text with a blank line stays text, in its own paragraphs
    expect(tags(items[1]!, 'blockquote')[0]!.childNodes!.map(text)).toEqual([
      'The legal service will check the recitals.',
      '- Amendment forged (forged)'
    ])
    const points = tags(section, 'ol').find((o) => attr(o, 'class') === 'points')!
    expect(text(points)).toBe('\nThe duration of the sunset clause. (conclusion C3)\n')
    expect(attr(tags(points, 'a')[0]!, 'href')).toBe('#' + attr(items[2]!, 'id'))
  })

  it('shows a comment about a provision at that provision, even when it did not change', () => {
    const recital = tags(doc, 'article').find((a) => text(tags(a, 'h3')[0]!) === 'recital 2 unchanged')!
    expect(text(tags(recital, 'aside')[0]!)).toBe('CommentsSJ: Recital 2 should say for how long.')
  })

  it('reserves no column for causes where a change has none, and names a conclusion once per change', () => {
    const point = tags(doc, 'article').find((a) => text(tags(a, 'h3')[0]!).startsWith('Article 1(2), point (a)'))!
    expect(tags(point, 'aside')).toEqual([])
    expect(attr(point, 'class')).not.toContain('has-aside')
    const twice = structuredClone(consulted)
    const article4 = twice.changes.find((c) => c.after?.label === 'Article 4')!
    article4.causes = [...article4.causes!, {...article4.causes![0]!, amendment: 'sunset-2'}]
    const out = load(toHtml(twice)).doc
    const row = tags(byId(out, 'side')!, 'tr').find((r) => text(r.childNodes![0]!).startsWith('Article 4renumbered'))!
    expect(text(tags(row, 'div')[0]!)).toBe('Why: conclusion C3')
    const aside = tags(
      tags(out, 'article').find((a) => text(tags(a, 'h3')[0]!).startsWith('Article 4 renumbered'))!,
      'aside'
    )[0]!
    expect(tags(aside, 'li').map(text)).toEqual([
      'Conclusion C3Amendment sunset (sunset), Amendment sunset-2 (sunset)Requested by SG, SJNote: end of the legislative term'
    ])
  })

  it('offers filters by status and by conclusion that work without a script', () => {
    const inputs = tags(tags(doc, 'form')[0]!, 'input').map((i) => attr(i, 'id'))
    expect(inputs).toEqual([
      'f-modified',
      'f-inserted',
      'f-renumbered',
      'f-unchanged',
      'fc-all',
      'fc-1',
      'fc-3',
      'fc-none'
    ])
    const css = text(tags(doc, 'style')[0]!)
    expect(css).toContain('body:has(#fc-3:checked) .fx:not(.cc-3){display:none}')
    expect(css).toContain('body:has(#f-modified:not(:checked)) .fx.f-modified')
    const inserted = tags(doc, 'article').find((a) => text(tags(a, 'h3')[0]!) === 'Article 2 inserted')!
    expect(attr(inserted, 'class')!.split(' ')).toEqual(expect.arrayContaining(['fx', 'f-inserted', 'cc-1']))
  })
})

describe('toHtml: footnotes', () => {
  const html = toHtml(footnoted)
  const {doc, errors} = load(html)

  it('puts each note with its provision, its marker linked to it, with the redline inside the note', () => {
    expect(errors).toEqual([])
    const article = tags(doc, 'article')[0]!
    const markers = tags(article, 'sup')
    expect(markers.map(text)).toEqual(['1', '2'])
    // the inserted note's marker is inserted, like its text
    expect(tags(article, 'ins').some((i) => tags(i, 'sup').length === 1)).toBe(true)
    const notes = tags(article, 'ol').find((o) => attr(o, 'class') === 'notes')!
    const items = tags(notes, 'li')
    expect(items.map(text)).toEqual(['1 OJ L 12, 1.1.2020, p. 1.', '2 Regulation (EU) 2022/2065.'])
    expect(tags(items[0]!, 'del').map(text)).toEqual(['1'])
    expect(tags(items[0]!, 'ins').map(text)).toEqual(['2'])
    for (const a of tags(article, 'a').filter((x) => attr(x, 'href')!.includes('-n')))
      expect(byId(doc, attr(a, 'href')!.slice(1))).toBeDefined()
    // each column of the before | after table lists its own version's notes
    const row = tags(byId(doc, 'side')!, 'tbody')[0]!
    const [before, after] = tags(row, 'td')
    expect(tags(before!, 'li').map(text)).toEqual(['1 OJ L 1, 1.1.2020, p. 1.'])
    expect(tags(after!, 'li').map(text)).toEqual(['1 OJ L 2, 1.1.2020, p. 1.', '2 Regulation (EU) 2022/2065.'])
  })
})
