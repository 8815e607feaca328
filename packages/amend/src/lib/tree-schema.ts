/**
 * Tree JSON inside amendments (`content`, `heading`, `insert`) validated
 * deeply against the tree's node types (@redlex/tree types.ts), so that
 * `children: [null]`, `num: {x: 1}` or a heading that is not a list of
 * inline nodes are coded errors with their JSON path, never a crash later.
 * Own properties only: `__proto__`, `constructor` … are unknown fields.
 * The walk uses an explicit stack (no recursion), bounded in depth.
 */

type Path = Array<string | number>

/** A problem: the JSON path, what is wrong, the values expected. */
export interface TreeProblem {
  path: Path
  reason: string
  expected?: string[]
}

type Field = 'string' | 'boolean' | 'number' | 'strings' | 'inlines' | 'alignments' | readonly string[]

interface NodeSpec {
  required?: Record<string, Field>
  optional?: Record<string, Field>
  /** Allowed child types; absent: the node has no children. */
  children?: readonly string[]
}

const INLINE = [
  'text',
  'emphasis',
  'strong',
  'authorialNote',
  'ref',
  'placeholder',
  'quotedText',
  'break',
  'link'
] as const
const BLOCK = ['content', 'intro', 'wrapUp', 'paragraph', 'subparagraph', 'point', 'indent', 'table'] as const
/** eIds of new content are recomputed: optional. */
const PROVISION = {optional: {eId: 'string', num: 'string'}} as const

/** Every node type that may appear in tree JSON of an amendment, with its fields. */
const NODES: Readonly<Record<string, NodeSpec>> = {
  text: {required: {value: 'string'}},
  emphasis: {children: INLINE},
  strong: {children: INLINE},
  authorialNote: {required: {marker: 'string'}, children: INLINE},
  ref: {required: {value: 'string'}, optional: {targets: 'strings', external: 'boolean', range: 'boolean'}},
  placeholder: {required: {value: 'string'}, optional: {kind: ['value', 'provisional'], reason: 'string'}},
  quotedText: {required: {startQuote: 'string', endQuote: 'string'}, children: INLINE},
  break: {},
  link: {required: {url: 'string'}, children: INLINE},
  content: {children: INLINE},
  intro: {children: INLINE},
  wrapUp: {children: INLINE},
  heading: {required: {depth: 'number'}, children: INLINE},
  table: {optional: {align: 'alignments'}, children: ['tableRow']},
  tableRow: {children: ['tableCell']},
  tableCell: {children: INLINE},
  citation: {...PROVISION, children: ['content']},
  recital: {...PROVISION, children: BLOCK},
  division: {
    required: {num: 'string', kind: ['part', 'title', 'chapter', 'section', 'subsection']},
    optional: {eId: 'string', heading: 'inlines'},
    children: ['division', 'article']
  },
  article: {optional: {eId: 'string', num: 'string', heading: 'inlines'}, children: BLOCK},
  paragraph: {...PROVISION, children: BLOCK},
  subparagraph: {...PROVISION, children: BLOCK},
  point: {...PROVISION, children: BLOCK},
  indent: {...PROVISION, children: BLOCK},
  annex: {optional: {eId: 'string', num: 'string', heading: 'inlines'}, children: [...BLOCK, 'heading']}
}

/** Fields any node may carry besides its own (unist). */
const COMMON = ['type', 'children', 'position', 'data']

/** Deeper than any act (part › title › chapter › section › article › paragraph › point × 4 › inline × 20). */
export const MAX_TREE_DEPTH = 64

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const own = (o: object, key: string): boolean => Object.hasOwn(o, key)

function fieldProblem(value: unknown, field: Field, path: Path): TreeProblem | undefined {
  if (Array.isArray(field)) {
    return typeof value === 'string' && field.includes(value)
      ? undefined
      : {path, reason: `must be one of ${field.join(', ')}`, expected: [...field]}
  }
  switch (field) {
    case 'string':
      return typeof value === 'string'
        ? undefined
        : {path, reason: `must be a string, not ${JSON.stringify(value) ?? String(value)}`}
    case 'boolean':
      return typeof value === 'boolean' ? undefined : {path, reason: 'must be true or false'}
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : {path, reason: 'must be a number'}
    case 'strings':
      return Array.isArray(value) && value.every((s) => typeof s === 'string')
        ? undefined
        : {path, reason: 'must be a list of strings'}
    case 'alignments':
      return Array.isArray(value) && value.every((s) => s === null || s === 'left' || s === 'right' || s === 'center')
        ? undefined
        : {path, reason: 'must be a list of left, right, center or null'}
    case 'inlines':
      return Array.isArray(value) ? undefined : {path, reason: 'must be a list of inline nodes'}
  }
  return undefined
}

/**
 * The first problem of `value` as a tree node whose type is one of
 * `allowed`, or `undefined` when it is well formed all the way down.
 */
export function treeProblem(value: unknown, path: Path, allowed: readonly string[]): TreeProblem | undefined {
  const stack: Array<{value: unknown; path: Path; allowed: readonly string[]; depth: number}> = [
    {value, path, allowed, depth: 0}
  ]
  while (stack.length > 0) {
    const item = stack.pop()!
    if (item.depth > MAX_TREE_DEPTH) return {path: item.path, reason: `nests deeper than ${MAX_TREE_DEPTH} levels`}
    const node = item.value
    if (!isObject(node))
      return {
        path: item.path,
        reason: `must be a tree node (an object with a \`type\`), not ${JSON.stringify(node) ?? String(node)}`
      }
    const type = own(node, 'type') ? node.type : undefined
    const spec = typeof type === 'string' && own(NODES, type) ? NODES[type] : undefined
    if (!spec || !item.allowed.includes(type as string)) {
      return {
        path: [...item.path, 'type'],
        reason: `must be one of ${item.allowed.join(', ')}, not ${JSON.stringify(type) ?? 'nothing'}`,
        expected: [...item.allowed]
      }
    }
    const fields = {...spec.required, ...spec.optional}
    for (const key of Object.keys(node)) {
      if (!COMMON.includes(key) && !own(fields, key))
        return {
          path: [...item.path, key],
          reason: `is not a field of a ${String(type)} node`,
          expected: [...COMMON.filter((k) => k !== 'data'), ...Object.keys(fields)]
        }
    }
    for (const key of Object.keys(spec.required ?? {})) {
      if (!own(node, key)) return {path: [...item.path, key], reason: `is missing (a ${String(type)} node needs it)`}
    }
    for (const [key, field] of Object.entries(fields)) {
      if (!own(node, key) || node[key] === undefined) continue
      const problem = fieldProblem(node[key], field, [...item.path, key])
      if (problem) return problem
      if (field === 'inlines')
        (node[key] as unknown[]).forEach((child, i) =>
          stack.push({value: child, path: [...item.path, key, i], allowed: INLINE, depth: item.depth + 1})
        )
    }
    if (spec.children) {
      if (!own(node, 'children') || !Array.isArray(node.children))
        return {path: [...item.path, 'children'], reason: 'must be a list'}
      const children = node.children as unknown[]
      for (let i = children.length - 1; i >= 0; i--)
        stack.push({
          value: children[i],
          path: [...item.path, 'children', i],
          allowed: spec.children,
          depth: item.depth + 1
        })
    } else if (own(node, 'children')) {
      return {path: [...item.path, 'children'], reason: `a ${String(type)} node has no children`}
    }
  }
  return undefined
}

/** Provision types an amendment may carry as `content`. */
export const PROVISION_TYPES = [
  'citation',
  'recital',
  'division',
  'article',
  'paragraph',
  'subparagraph',
  'point',
  'indent',
  'annex'
] as const
/** Inline node types (headings, `spliceText.insert`). */
export const INLINE_TYPES: readonly string[] = INLINE
