/**
 * `verify` at word level on the shipped example (examples/eprivacy-derogation):
 * the post-ISC text the record produces is OK; each kind of hand edit is
 * reported, with the provision and the words.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {applyIsc, fromMarkdown, toMarkdown} from 'redlex'
import {compareDocuments, verify} from '@redlex/compare'
import type {ChangeRef, VerifyReport} from '@redlex/compare'

const dir = new URL('../examples/eprivacy-derogation/', import.meta.url)
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8')
const pre = fromMarkdown(read('pre-isc.md'), {file: 'pre-isc.md'})
const applied = applyIsc(pre, read('isc.yaml'), {recordFile: 'isc.yaml'})
const post = read('expected-post-isc.md')

/** Verify the post-ISC text with one hand edit (`from` must occur exactly once). */
function edited(from: string, to: string): VerifyReport {
  expect(post.split(from).length, `"${from}" occurs once`).toBe(2)
  return verify(pre, fromMarkdown(post.replace(from, to), {file: 'edited.md'}), {
    log: applied.log,
    renames: applied.renames
  })
}

/** The unexplained items as `label: removed → added` lines. */
function reported(report: VerifyReport): string[] {
  const words = (ref: ChangeRef): string =>
    (ref.words ?? []).map((w) => `${w.removed ?? ''} → ${w.added ?? ''}`).join('; ')
  return report.unexplained.map((ref) => `${ref.label}: ${words(ref)}`)
}

describe('verify at word level (ePrivacy derogation)', () => {
  it('the post-ISC text the record produces: every change explained, every amendment reflected', () => {
    const report = verify(pre, fromMarkdown(post, {file: 'post-isc.md'}), {log: applied.log, renames: applied.renames})
    expect(report.unexplained).toEqual([])
    expect(report.unreflected).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.counts.explained).toBeGreaterThan(5)
  })

  it('a hand edit in a renumbered recital (4) is reported with its words', () => {
    const report = edited('(4) Certain providers', '(4) Some providers')
    expect(report.ok).toBe(false)
    expect(reported(report)).toEqual(['recital 4: Certain → Some'])
  })

  it('a hand edit in a recital an amendment changed elsewhere (6) is reported with its words', () => {
    const report = edited('should be limited', 'must be limited')
    expect(report.ok).toBe(false)
    expect(reported(report)).toEqual(['recital 6: should → must'])
  })

  it('a changed number is reported: a reference the renumbering did not write that way', () => {
    const report = edited('referred to in recital 8', 'referred to in recital 7')
    expect(report.ok).toBe(false)
    expect(reported(report)).toEqual(['recital 9: recital 8 → recital 7'])
  })

  it('a changed number is reported: a date the sunset amendment did not set', () => {
    const report = edited('should apply until 15 July 2024', 'should apply until 15 July 2025')
    expect(report.ok).toBe(false)
    expect(reported(report)).toEqual(['recital 9: 15 July 2024 → 15 July 2025'])
  })

  it('a changed footnote is reported with its marker and words', () => {
    const report = edited('(OJ L 321, 17.12.2018, p. 36)', '(OJ L 321, 17.12.2018, p. 37)')
    expect(report.ok).toBe(false)
    expect(reported(report)).toEqual(['recital 2: [^2] 36 → [^2] 37'])
  })

  it('a reverted amendment is reported as unexplained words and as not reflected', () => {
    const report = edited(
      'exchanges of data in the electronic communications sector',
      'exchanges of data in the electronic communication sector'
    )
    expect(report.ok).toBe(false)
    expect(reported(report)).toEqual(['recital 1: communications → communication'])
    expect(report.unreflected.map((u) => u.amendment)).toEqual(['rec1-terminology'])
  })

  it('an edit in an inserted provision (recital 3) is reported', () => {
    const report = edited('is therefore needed', 'is therefore urgently needed')
    expect(report.ok).toBe(false)
    expect(reported(report)).toEqual(['recital 3:  → urgently'])
  })

  it('an edit in a provision no amendment touched is reported', () => {
    const report = edited('Directive 2002/58/EC lays down rules', 'Directive 2002/58/EC sets out rules')
    expect(report.ok).toBe(false)
    expect(reported(report)).toEqual(['recital 1: lays down → sets out'])
  })
})

describe('consequential changes carry their cause (ePrivacy derogation)', () => {
  const comparison = compareDocuments(pre, applied.post, {log: applied.log, renames: applied.renames})
  const recital = (eId: string) => comparison.changes.find((c) => c.after?.eId === eId)!

  it('a recital renumbered because an amendment inserted one before it names that amendment and its conclusion', () => {
    const renumbered = recital('rec_4')
    expect(renumbered).toMatchObject({status: 'renumbered', before: {eId: 'rec_3'}})
    const causes = renumbered.causes!
    expect(causes.map((c) => c.amendment)).toEqual(['#renumber', 'rec-legal-gap'])
    expect(causes[1]).toMatchObject({amendment: 'rec-legal-gap', consequence: true})
    expect(causes[1]!.conclusion).toBe(applied.log.find((e) => e.amendment === 'rec-legal-gap')!.provenance.conclusion)
  })

  it('an inserted recital is caused by its insertion only, not by the renumbering', () => {
    const inserted = recital('rec_3')
    expect(inserted.status).toBe('inserted')
    expect(inserted.causes!.map((c) => c.amendment)).toEqual(['rec-legal-gap'])
  })
})

describe('verify lists each change once (explained in part → unexplained, with only the unexplained words)', () => {
  it('a renumbered recital with a hand edit is unexplained only, naming what explains the rest', () => {
    const report = edited('(4) Certain providers', '(4) Some providers')
    const listed = [...report.explained.map((item) => item.change), ...report.unexplained]
    expect(listed.filter((ref) => ref.after === 'rec_4')).toHaveLength(1)
    const [ref] = report.unexplained
    expect(ref).toMatchObject({status: 'renumbered', after: 'rec_4', words: [{removed: 'Certain', added: 'Some'}]})
    expect(ref!.explainedBy).toEqual(['#renumber'])
    expect(report.counts.changes).toBe(report.counts.explained + report.counts.unexplained)
    const clean = verify(pre, fromMarkdown(post, {file: 'post-isc.md'}), {log: applied.log, renames: applied.renames})
    expect(report.counts.changes).toBe(clean.counts.changes)
  })

  it('a hand edit in a recital amended elsewhere is unexplained once, the amendment explaining the rest', () => {
    const report = edited('should be limited', 'must be limited')
    const ref = report.unexplained.find((item) => item.label === 'recital 6')
    expect(ref?.words).toEqual([{removed: 'should', added: 'must'}])
    expect(ref?.explainedBy?.length).toBeGreaterThan(0)
    expect(report.explained.some((item) => item.change.after === ref?.after)).toBe(false)
  })

  // A renumbered article: the renumbering records the whole article's text; a hand edit in its
  // paragraph 2 belongs to paragraph 2, the article's own change (its number) stays explained.
  const draft = [
    '# REGULATION',
    '',
    '### Article 1',
    '',
    '1. First rule.',
    '',
    '### Article 2',
    '',
    '1. Second rule, first paragraph.',
    '',
    '2. Second rule, second paragraph about providers.',
    ''
  ].join('\n')
  const record = [
    'reference: ISC/2026/00001',
    'date: 2026-01-15',
    'procedure: normal',
    'leadServices: [CNECT]',
    'services:',
    '  - service: SJ',
    '    opinion: positive-with-comments',
    'conclusions:',
    '  - id: "1"',
    '    text: Add a rule.',
    '    requestedBy: [SJ]',
    '    amendments:',
    '      - id: new-article',
    '        type: insert',
    '        at: {after: art_1}',
    '        markdown: |-',
    '          ### Article 2',
    '',
    '          1. Inserted rule.',
    ''
  ].join('\n')

  it('a hand edit in a paragraph of a renumbered article is reported at the paragraph, once', () => {
    const before = fromMarkdown(draft, {file: 'draft.md'})
    const run = applyIsc(before, record, {recordFile: 'isc.yaml'})
    const text = toMarkdown(run.post)
    expect(text).toContain('### Article 3')
    const clean = verify(before, fromMarkdown(text), {log: run.log, renames: run.renames})
    expect(clean.ok).toBe(true)
    const handEdited = text.replace('about providers', 'about some providers')
    const report = verify(before, fromMarkdown(handEdited), {log: run.log, renames: run.renames})
    expect(report.ok).toBe(false)
    expect(report.unexplained.map((ref) => [ref.label, ref.words])).toEqual([['Article 3(2)', [{added: 'some'}]]])
    const listed = [...report.explained.map((item) => item.change), ...report.unexplained]
    const places = listed.map((ref) => ref.after ?? ref.before)
    expect(new Set(places).size).toBe(places.length)
    expect(report.explained.map((item) => item.change.label)).toContain('Article 3')
  })
})
