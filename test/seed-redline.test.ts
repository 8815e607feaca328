/**
 * The seed case end to end, in every output format, with causes: the
 * pre-ISC draft, the ISC/2020/06507 record applied to it, the comparison,
 * and the Markdown, HTML, Word and JSON renderings.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {applyAmendments} from '@redlex/amend'
import {compareDocuments, reconstruct, type ProvisionChange} from '@redlex/compare'
import {amendmentsOf, loadIscRecord} from '@redlex/isc'
import {fromMarkdown, parseFragment} from '@redlex/markdown'
import {toDocx} from '@redlex/render-docx'
import {toHtml} from '@redlex/render-html'
import {toMarkdownRedline} from '@redlex/render-markdown'
import {textOf} from '@redlex/tree'
import {asEntries, readDocx, resolve} from '../packages/render-docx/test/read-docx.js'

const example = (name: string) =>
  readFileSync(new URL(`../examples/eprivacy-derogation/${name}`, import.meta.url), 'utf8')
const pre = fromMarkdown(example('pre-isc.md'), {file: 'pre-isc.md'})
const record = loadIscRecord(example('isc.yaml'), {file: 'isc.yaml'})
const applied = applyAmendments(pre, amendmentsOf(record), {renumber: 'sequential', parseFragment})
const comparison = compareDocuments(pre, applied.document, {
  names: {before: 'pre-ISC draft', after: 'post-ISC text'},
  log: applied.log,
  renames: applied.renames,
  isc: {
    reference: record.reference,
    date: record.date,
    conclusions: record.conclusions.map((c) => ({
      id: c.id,
      text: c.text,
      ...(c.requestedBy ? {requestedBy: c.requestedBy} : {})
    }))
  }
})

function flat(changes: readonly ProvisionChange[]): ProvisionChange[] {
  return changes.flatMap((c) => [c, ...flat(c.children)])
}

describe('the seed ISC, pre → post, in every format', () => {
  const changed = flat(comparison.changes).filter((c) => c.status !== 'unchanged' && !('within' in c && c.within))

  it('gives every change a cause, and the model reconstructs both texts', () => {
    expect(changed.length).toBeGreaterThan(5)
    for (const change of changed)
      expect(change.causes?.length, `${change.after?.label ?? change.before?.label}`).toBeGreaterThan(0)
    expect(reconstruct(comparison, 'before')).toBe(textOf(pre))
    expect(reconstruct(comparison, 'after')).toBe(textOf(applied.document))
    // The sunset date and the moved repeal sentence are attributed to conclusion 2.
    const article4 = changed.find((c) => c.after?.eId === 'art_4__subpara_2')!
    expect(article4.causes!.map((c) => c.conclusion)).toContain('2')
    expect(
      article4.diff
        .filter((s) => s.added)
        .map((s) => s.value)
        .join('')
    ).toContain('15 July 2024')
  })

  it('JSON: the model itself, JSON-safe', () => {
    expect(JSON.parse(JSON.stringify(comparison))).toEqual(comparison)
    expect(comparison.summary.modified + comparison.summary.inserted + comparison.summary.deleted).toBeGreaterThan(0)
  })

  it('Markdown: redline with the causes beside each change', () => {
    const md = toMarkdownRedline(comparison)
    expect(md).toContain('ISC/2020/06507')
    expect(md).toMatch(/<del>[^<]*31 December|<ins>[^<]*15 July 2024/)
    for (const amendment of ['scope-placeholder', 'sunset-date', 'repeal-to-recital', 'rec1-terminology'])
      expect(md).toContain(amendment)
  })

  it('HTML: a standalone document with causes and the ISC header', () => {
    const html = toHtml(comparison)
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('ISC/2020/06507')
    expect(html).toMatch(/<ins[^>]*>/)
    expect(html).toMatch(/<del[^>]*>/)
    expect(html).toContain('sunset-date')
    expect(html).not.toMatch(/<script|<link|src=/)
  })

  it('Word: tracked changes by the requesting service, dated the ISC; accept all = post, reject all = pre', async () => {
    const read = await readDocx(await toDocx(comparison, {date: record.date}))
    const runs = read.paragraphs.flatMap((p) => p.runs).filter((r) => r.kind !== 'common')
    expect(runs.length).toBeGreaterThan(0)
    expect(new Set(runs.map((r) => r.author))).toContain('SJ')
    expect(runs.every((r) => r.date?.startsWith('2020-09-02'))).toBe(true)
    expect(read.comments.some((c) => c.text.join(' ').includes('placeholder'))).toBe(true)
    const skip = new Set(['Whereas:'])
    expect(
      asEntries(resolve(read.paragraphs, 'after'))
        .filter((l) => !skip.has(l))
        .join('\n')
    ).toBe(textOf(applied.document))
    expect(
      asEntries(resolve(read.paragraphs, 'before'))
        .filter((l) => !skip.has(l))
        .join('\n')
    ).toBe(textOf(pre))
  })
})
