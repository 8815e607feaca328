/**
 * The ePrivacy-derogation example (examples/eprivacy-derogation): the
 * pre-ISC draft against the text produced by applying the ISC conclusions,
 * with the amendment log. Every change must carry its cause, and verify
 * must find nothing unexplained and nothing missing.
 */
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {applyAmendments} from '@redlex/amend'
import {amendmentsOf, loadIscRecord} from '@redlex/isc'
import {fromMarkdown} from '@redlex/markdown'
import {textOf} from '@redlex/tree'
import {compareDocuments, isOwnChange, reconstruct, verify} from '../src/index.js'
import type {ProvisionChange} from '../src/index.js'

const dir = fileURLToPath(new URL('../../../examples/eprivacy-derogation/', import.meta.url))

describe.skipIf(!existsSync(dir + 'isc.yaml'))('the ePrivacy-derogation example', () => {
  const pre = fromMarkdown(readFileSync(dir + 'pre-isc.md', 'utf8'), {file: 'pre-isc.md'})
  const record = loadIscRecord(readFileSync(dir + 'isc.yaml', 'utf8'), {file: 'isc.yaml'})
  const applied = applyAmendments(pre, amendmentsOf(record), {renumber: 'sequential'})
  const isc = {
    reference: record.reference,
    date: record.date,
    conclusions: record.conclusions.map((c) => ({id: c.id, text: c.text}))
  }
  const comparison = compareDocuments(pre, applied.document, {log: applied.log, renames: applied.renames, isc})

  const own: ProvisionChange[] = []
  const walk = (list: ProvisionChange[], inside: boolean): void => {
    for (const change of list) {
      if (!inside && isOwnChange(change)) own.push(change)
      walk(change.children, inside || change.status === 'inserted' || change.status === 'deleted')
    }
  }
  walk(comparison.changes, false)

  it('gives every change of its own a cause from the log, with the conclusion text', () => {
    expect(own.length).toBeGreaterThan(5)
    for (const change of own)
      expect(change.causes?.length, change.after?.label ?? change.before?.label).toBeGreaterThan(0)
    const logged = new Set(applied.log.map((entry) => entry.amendment))
    for (const change of own) for (const cause of change.causes!) expect(logged.has(cause.amendment)).toBe(true)
    const withConclusion = own.flatMap((c) => c.causes!).filter((cause) => cause.conclusion !== undefined)
    expect(withConclusion.length).toBeGreaterThan(0)
    for (const cause of withConclusion)
      expect(cause.conclusionText).toBe(record.conclusions.find((c) => c.id === cause.conclusion)?.text)
  })

  it('verifies: every change explained, every amendment reflected', () => {
    const report = verify(pre, applied.document, {log: applied.log, renames: applied.renames, isc})
    expect(report.unexplained).toEqual([])
    expect(report.unreflected).toEqual([])
    expect(report.ok).toBe(true)
  })

  it('reconstructs both texts', () => {
    expect(reconstruct(comparison, 'before')).toBe(textOf(pre))
    expect(reconstruct(comparison, 'after')).toBe(textOf(applied.document))
  })
})
