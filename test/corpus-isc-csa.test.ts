/**
 * The drafting loop tried as a new user on a text the project had not used
 * for it: an ISC record of ten conclusions (test/fixtures/csa-isc/isc.yaml,
 * our own text) against the CSA proposal, COM(2022) 209 (Cellar XHTML).
 * `redlex check` finds nothing to refuse, `redlex apply --isc` takes the
 * draft from the record, and every effect a drafter relies on is in the
 * result: references followed through an inserted paragraph and deleted
 * points (or reported), a term changed across an article and across the
 * act, the sunset before the binding-force formula, and the units the
 * source numbers out of sequence left as they are, with a warning.
 * Skips when ../shared/corpus is absent.
 */
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {run} from '@redlex/cli'

const record = fileURLToPath(new URL('fixtures/csa-isc/isc.yaml', import.meta.url))
const draft = fileURLToPath(new URL('../../shared/corpus/csa-proposal/proposal-com-2022-209.html', import.meta.url))

async function cli(...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, {
    stdout: (text) => void (stdout += String(text)),
    stderr: (text) => void (stderr += text)
  })
  return {code, stdout, stderr}
}

/** The paragraph of `text` (blocks separated by blank lines) that starts with `start`. */
const block = (text: string, start: string): string | undefined => text.split('\n\n').find((b) => b.startsWith(start))
const count = (text: string, words: string): number => text.split(words).length - 1

describe.skipIf(!existsSync(draft))('an ISC record on the CSA proposal, as a new user writes it', () => {
  let post = ''
  let warnings = ''
  let pre = ''
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redlex-csa-'))
    const out = join(dir, 'post.md')
    const applied = await cli('apply', '--isc', record, '-o', out)
    expect(applied.code, applied.stderr).toBe(0)
    post = readFileSync(out, 'utf8')
    warnings = applied.stderr
    const converted = await cli('convert', draft, '--to', 'md', '-o', join(dir, 'pre.md'))
    expect(converted.code).toBe(0)
    pre = readFileSync(join(dir, 'pre.md'), 'utf8')
  }, 120_000)

  it('checks against the draft the record names, every amendment applying', async () => {
    const result = await cli('check', record)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('10 conclusions, 13 well-formed amendments')
    expect(result.stdout).toContain('every amendment applies to')
  })

  it('follows references through an inserted paragraph and a deleted point, in every form', () => {
    // Article 7(3), first subparagraph, point (d) is now Article 7(4), first subparagraph, point (c)
    expect(count(post, 'Article 7(4), first subparagraph, point (c)')).toBe(
      count(pre, 'Article 7(3), first subparagraph, point (d)')
    )
    expect(post).not.toContain('Article 7(3), first subparagraph, point (d)')
    // `Article 7(4)(d)` (a point of the second subparagraph, its paragraph and letter both moved)
    expect(post).toContain('pursuant to Article 7(5)(c) substantially deviated')
    expect(block(post, '(c) subject to paragraph 10, the period')).toBeDefined()
  })

  it('reports each reference to a deleted point (never silently stale)', () => {
    for (const paragraph of ['5', '6', '7'])
      expect(warnings).toContain(
        `warning: art_7__para_${paragraph}: Article 7(${paragraph}): \`paragraph 4, first subparagraph, point (a)\` names Article 7(4), point (a), which amendment c7-no-risk deletes`
      )
  })

  it('changes a term across an article and across the act, whole words only, and names the headings it leaves', () => {
    const article7 = post.slice(post.indexOf('### Article 7\n'), post.indexOf('### Article 8\n'))
    // left in Article 7: its heading (reported) and the inserted paragraph's own wording
    expect(article7).toContain('#### Issuance of detection orders\n')
    expect(count(article7, 'detection order')).toBe(2)
    expect(count(article7, 'detection warrant')).toBeGreaterThan(20)
    expect(post.slice(post.indexOf('### Article 8\n'))).toContain('detection order')
    // two headings keep the old name, with a warning naming them; every provision's text has the new one
    expect(count(post, 'Technology Committee')).toBe(2)
    expect(count(post, 'Technical Committee')).toBe(count(pre, 'Technology Committee') - 2)
    expect(warnings).toContain(
      '‘detection orders’ also stands in the heading of Article 7: a scoped substitute changes the text of provisions, not headings'
    )
    expect(warnings).toMatch(
      /‘Technology Committee’ also stands in the heading of .*Article 66.*\[amend\/term-in-heading\]/
    )
  })

  it('puts the sunset in the final article, after the date of application and before the binding-force formula', () => {
    const until = post.indexOf('It shall apply until 16 July 2029.')
    expect(until).toBeGreaterThan(post.indexOf('It shall apply from […]'))
    expect(until).toBeLessThan(post.indexOf('This Regulation shall be binding in its entirety'))
    expect(warnings).toContain('[amend/provisional-date]')
  })

  it('moves the repeal to a recital, removes its article, and numbers the recitals through', () => {
    expect(post).toContain('(80) Regulation (EU) 2021/1232 should be repealed from the date of application')
    expect(post).toContain('(11) The competent data protection authority should be consulted')
    expect(post).not.toContain('#### Repeal')
    expect(post).toContain('### Article 88\n\n#### Entry into force and application')
  })

  it('leaves the divisions the source numbers out of sequence as they are, with a warning', () => {
    for (const heading of ['## CHAPTER V', '## CHAPTER VI', '## Section 6', '## Subsection 5'])
      expect(post).toContain(`${heading}\n`)
    expect(post).toContain('pursuant to Chapters II and V of this Regulation')
    expect(count(warnings, '[amend/source-irregular-number]')).toBe(6)
  })
})
