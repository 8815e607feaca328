/**
 * Small builders for a hast tree (the HTML syntax tree of the unified
 * ecosystem). The renderer builds the whole document as a tree and
 * `hast-util-to-html` serialises it, so every text from the comparison is a
 * text node and every attribute value a property: escaping holds by
 * construction, nothing is ever pasted into markup as a string.
 */
import type {Element, ElementContent, Properties} from 'hast'

/** What may be given as children: nodes, strings (text nodes), and nothing (skipped). */
export type Child = ElementContent | string | undefined | null | false | readonly Child[]

/** Flatten children: strings become text nodes, empty ones and nothing are dropped. */
export function nodes(children: readonly Child[]): ElementContent[] {
  const out: ElementContent[] = []
  addChildren(children, out)
  return out
}

// A plain loop rather than a closure per call: the renderer builds tens of thousands of elements.
function addChildren(children: readonly Child[], out: ElementContent[]): void {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if (child === undefined || child === null || child === false || child === '') continue
    if (typeof child === 'string') out.push({type: 'text', value: child})
    else if (Array.isArray(child)) addChildren(child as readonly Child[], out)
    else out.push(child as ElementContent)
  }
}

/** An element: `h('p', {className: ['note']}, 'Text')`. Properties with `undefined` are left out. */
export function h(tagName: string, properties: Properties | null, ...children: Child[]): Element {
  const props: Properties = {}
  if (properties) {
    for (const key in properties) {
      const value = properties[key]
      if (value !== undefined) props[key] = value
    }
  }
  return {type: 'element', tagName, properties: props, children: nodes(children)}
}

/**
 * An element whose children each start a new source line: the serialised
 * document stays readable (and diffable) without changing what it shows.
 */
export function block(tagName: string, properties: Properties | null, ...children: Child[]): Element {
  const element = h(tagName, properties, ...children)
  if (element.children.length === 0) return element
  const lines: ElementContent[] = []
  for (const child of element.children) lines.push({type: 'text', value: '\n'}, child)
  lines.push({type: 'text', value: '\n'})
  element.children = lines
  return element
}
