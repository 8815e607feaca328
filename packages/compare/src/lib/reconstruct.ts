/**
 * Rebuild either version's plain text from a comparison alone. The result
 * equals `textOf(document)` of that version (from `@redlex/tree`): every
 * number/heading line, text block and table row of the version sits in the
 * model once, with its index (`seq`, `blocks`, `beforeSeq`/`afterSeq`).
 */
import {RedlexError} from '@redlex/tree'
import {sideOf} from './legal-diff.js'
import type {Comparison, ProvisionChange} from './types.js'

/** The plain text of the first (`before`) or second (`after`) version. */
export function reconstruct(comparison: Comparison, side: 'before' | 'after'): string {
  const entries: Array<string | undefined> = []
  const put = (seq: number, text: string, what: string): void => {
    if (entries[seq] !== undefined) {
      throw new RedlexError(`Entry ${seq} of the ${side} text is claimed twice (${what})`, {
        code: 'compare/reconstruct-overlap',
        hint: 'The comparison was edited or built by hand; compare the documents again'
      })
    }
    entries[seq] = text
  }
  for (const frame of comparison.frame) {
    const seq = side === 'before' ? frame.beforeSeq : frame.afterSeq
    if (seq !== undefined) put(seq, sideOf(frame.diff, side), `${frame.part} ${frame.kind}`)
  }
  const visit = (change: ProvisionChange): void => {
    const own = change[side]
    if (own) {
      if (own.seq !== undefined) {
        const head: string[] = []
        if (own.num !== undefined) head.push(own.num)
        if (own.heading !== undefined) head.push(sideOf(change.heading ?? [], side))
        put(own.seq, head.join(' '), own.eId)
      }
      const text = sideOf(change.diff, side)
      let offset = 0
      for (const [seq, length] of own.blocks ?? []) {
        put(seq, text.slice(offset, offset + length), own.eId)
        offset += length + 1
      }
    }
    for (const child of change.children) visit(child)
  }
  for (const change of comparison.changes) visit(change)
  const count = comparison.entries?.[side] ?? entries.length
  for (let seq = 0; seq < count; seq++) {
    if (entries[seq] === undefined) {
      throw new RedlexError(`Entry ${seq} of the ${side} text is missing from the comparison`, {
        code: 'compare/reconstruct-missing',
        hint: 'The comparison was edited or built by hand; compare the documents again'
      })
    }
  }
  return entries.join('\n')
}
