/**
 * What "the same tree" means for the lossless round trips (Markdown and AKN):
 * every node, eId, number, heading, footnote and frame part, with
 *
 * - positions left out (each format has its own lines and columns);
 * - `data` left out (source identifiers such as `data.aknId`);
 * - references (`ref`), quotations (`quotedText`) and placeholders compared
 *   by their text: the Markdown dialect writes them as the words they are and
 *   its reader recognises them again from those words (docs/markdown.md), so
 *   only their text is carried, not their recognised form.
 */
import type {Inline, Node} from '@redlex/tree'

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}

/** The tree as plain JSON in the form the round-trip properties compare. */
export function comparable<T extends Node>(node: T): Json {
  return toJson(node)
}

function toJson(value: unknown): Json {
  if (Array.isArray(value)) return inlineRun(value)
  if (value === null || typeof value !== 'object') return value as Json
  const out: {[key: string]: Json} = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === 'position' || key === 'data' || child === undefined) continue
    out[key] = toJson(child)
  }
  return out
}

/** An array: inline runs get their text-derived nodes flattened and adjacent texts merged. */
function inlineRun(values: unknown[]): Json[] {
  const out: Json[] = []
  for (const value of values.flatMap((v) => flatten(v))) {
    const last = out[out.length - 1] as {type?: string; value?: string} | undefined
    const node = value as {type?: string; value?: string}
    if (node?.type === 'text' && last?.type === 'text') last.value = (last.value ?? '') + (node.value ?? '')
    else out.push(toJson(value))
  }
  return out
}

function flatten(value: unknown): unknown[] {
  const node = value as Inline | undefined
  if (!node || typeof node !== 'object' || !('type' in node)) return [value]
  switch (node.type) {
    case 'ref':
      return [{type: 'text', value: node.value}]
    case 'placeholder':
      return [{type: 'text', value: '[' + node.value + ']'}]
    case 'quotedText':
      return [
        {type: 'text', value: node.startQuote},
        ...node.children.flatMap(flatten),
        {type: 'text', value: node.endQuote}
      ]
    default:
      return [value]
  }
}
