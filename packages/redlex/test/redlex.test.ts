import {readFileSync} from 'node:fs'
import {applyAmendments} from '@redlex/amend'
import {compareDocuments, type ProvisionChange} from '@redlex/compare'
import {amendmentsOf, loadIscRecord} from '@redlex/isc'
import {fromMarkdown, parseFragment, toMarkdown} from '@redlex/markdown'
import {isRedlexError} from '@redlex/tree'
import {describe, expect, it} from 'vitest'
import {applyIsc, changeLogFile, CHANGE_LOG_SCHEMA_VERSION, redline, toHtml} from 'redlex'

const example = (name: string) =>
  readFileSync(new URL(`../../../examples/eprivacy-derogation/${name}`, import.meta.url), 'utf8')
const draftText = example('pre-isc.md')
const recordText = example('isc.yaml')

/** Every change at any depth, but unchanged ones. */
function changed(changes: ProvisionChange[]): ProvisionChange[] {
  return changes.flatMap((c) => [...(c.status === 'unchanged' && !c.within ? [] : [c]), ...changed(c.children)])
}

describe('applyIsc', () => {
  it('should give the post-ISC text of the example from the two texts', () => {
    const applied = applyIsc(draftText, recordText, {draftFile: 'pre-isc.md', recordFile: 'isc.yaml'})
    expect(toMarkdown(applied.post)).toBe(example('expected-post-isc.md'))
    expect(applied.isc.reference).toBe('ISC/2020/06507')
    expect(applied.log.length).toBeGreaterThan(0)
    // Every amendment names its conclusion (the draft's renumbering is the run's own entry).
    for (const entry of applied.log.filter((e) => e.type !== 'renumber'))
      expect(entry.provenance.conclusion, entry.amendment).toMatch(/^[123]$/)
  })

  it('should do what the amendments package does step by step', () => {
    const pre = fromMarkdown(draftText)
    const record = loadIscRecord(recordText)
    const byHand = applyAmendments(pre, amendmentsOf(record), {renumber: 'sequential', parseFragment})
    const applied = applyIsc(pre, record)
    expect(applied.post).toEqual(byHand.document)
    expect(applied.log).toEqual(byHand.log)
    expect(applied.renames).toEqual(byHand.renames)
    expect(applied.warnings).toEqual(byHand.warnings)
  })

  it('should point into the record text when an amendment cannot be applied', () => {
    const broken = recordText.replace('target: art_1__para_2__point_c', 'target: art_1__para_2__point_z')
    expect(broken).not.toBe(recordText)
    let error: unknown
    try {
      applyIsc(draftText, broken, {recordFile: 'isc.yaml'})
    } catch (caught) {
      error = caught
    }
    expect(isRedlexError(error)).toBe(true)
    expect((error as Error).message).toMatch(/^isc\.yaml:\d+:\d+: /)
  })
})

describe('redline', () => {
  const applied = applyIsc(draftText, recordText)
  const pre = fromMarkdown(draftText)

  it('should give every change its causes with the conclusion text, from what applyIsc returned', () => {
    const comparison = redline(pre, applied.post, applied)
    const own = changed(comparison.changes).filter((c) => !c.within)
    expect(own.length).toBeGreaterThan(3)
    for (const change of own) {
      const label = change.after?.label ?? change.before?.label
      expect(change.causes?.length, label).toBeGreaterThan(0)
      // Only the draft's renumbering has no conclusion: a change that is more than renumbering names its conclusion, with its text.
      if (change.status !== 'renumbered' || change.modified)
        expect(
          change.causes!.some((c) => c.conclusionText),
          label
        ).toBe(true)
    }
    expect(toHtml(comparison)).toContain('<ins')
  })

  it('should equal the comparison wired by hand', () => {
    const record = applied.isc
    const byHand = compareDocuments(pre, applied.post, {
      names: {before: 'pre', after: 'post'},
      log: applied.log,
      renames: applied.renames,
      isc: record
    })
    expect(redline(pre, applied.post, {...applied, names: {before: 'pre', after: 'post'}})).toEqual(byHand)
  })

  it('should carry no causes without the log (they are never guessed)', () => {
    const comparison = redline(pre, applied.post)
    expect(changed(comparison.changes).some((c) => c.causes)).toBe(false)
  })
})

describe('changeLogFile', () => {
  it('should say its schema version and the record', () => {
    const applied = applyIsc(draftText, recordText)
    const file = changeLogFile(applied)
    expect(file).toEqual({schemaVersion: CHANGE_LOG_SCHEMA_VERSION, isc: 'ISC/2020/06507', changes: applied.log})
  })
})
