/** Helpers for the corpus tests: where the shared corpus is, and loading its files. */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {findByEid, inlineText, textOf} from '@redlex/tree'
import type {Document, Node} from '@redlex/tree'

export const CORPUS = new URL('../../../../shared/corpus/', import.meta.url)
export const HAS_CORPUS = existsSync(new URL('README.md', CORPUS))

export function read(path: string): string {
  return readFileSync(new URL(path, CORPUS), 'utf8')
}

/** The AI Act's 13 Formex annex files (`.012401` … `.014401`), in order. */
export function aiActAnnexes(): string[] {
  const dir = new URL('ai-act/final-formex/', CORPUS)
  return readdirSync(dir)
    .filter((f) => /\.01\d{4}\.fmx\.xml$/.test(f))
    .sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
}

/** Whitespace-normalised text (NBSP counts as whitespace). */
export function norm(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** A provision's own text (no number, no sub-provisions), whitespace-normalised. */
export function ownText(doc: Document, eId: string): string {
  const node = findByEid(doc, eId)
  if (!node) throw new Error(`no provision ${eId}`)
  return norm(textOf(node, {deep: false, num: false}))
}

export function numOf(doc: Document, eId: string): string | undefined {
  const num = findByEid(doc, eId)?.num
  return num === undefined ? undefined : norm(num)
}

export function headingOf(doc: Document, eId: string): string | undefined {
  const node = findByEid(doc, eId)
  return node && 'heading' in node && node.heading ? norm(inlineText(node.heading)) : undefined
}

/** eIds of a provision's direct sub-provisions. */
export function kids(doc: Document, eId: string): string[] {
  const node = findByEid(doc, eId)
  if (!node || !('children' in node)) return []
  return (node.children as Node[]).filter((c): c is Node & {eId: string} => 'eId' in c).map((c) => c.eId)
}

/** The tree as JSON with positions removed. */
export function withoutPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'position' ? undefined : v))) as T
}
