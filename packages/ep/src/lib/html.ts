/**
 * HTML for the EP reader: htmlparser2's parser (forgiving, no Node
 * built-ins, so it runs in browsers; several times faster than a
 * spec-compliant tree builder on the 2.7 MB AI Act page) feeding a light
 * tree built here. Kept in this package, not shared with the act importers
 * of @redlex/formats, so that neither depends on how the other parses.
 *
 * `script`, `style`, `noscript` and `template` content is left out (code,
 * not text), and elements nested deeper than {@link MAX_DEPTH} are
 * flattened into the deepest kept one (their text is kept), so that no
 * walker overflows the call stack on hostile input.
 */
import {Parser} from 'htmlparser2'

export interface HText {
  nodeName: '#text'
  value: string
}

export interface HElement {
  nodeName: string
  tagName: string
  attrs: Readonly<Record<string, string>>
  childNodes: HNode[]
}

export type HNode = HElement | HText
export type HParent = HElement

/** Deeper elements are flattened into their ancestor at this depth. */
export const MAX_DEPTH = 200

const SKIPPED: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template'])

/** Parse an HTML or XHTML page into a light tree (a root element `#document`). Never fails. */
export function parseHtml(html: string): HElement {
  const root: HElement = {nodeName: '#document', tagName: '#document', attrs: {}, childNodes: []}
  const stack: HElement[] = [root]
  // Open elements past MAX_DEPTH or inside skipped content: counted, not built.
  let flattened = 0
  let skipping = 0
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipping > 0 || SKIPPED.has(name)) {
          skipping++
          return
        }
        if (stack.length > MAX_DEPTH) {
          flattened++
          return
        }
        const el: HElement = {nodeName: name, tagName: name, attrs: attribs, childNodes: []}
        stack[stack.length - 1]!.childNodes.push(el)
        stack.push(el)
      },
      ontext(text) {
        if (skipping > 0) return
        const parent = stack[stack.length - 1]!
        const last = parent.childNodes[parent.childNodes.length - 1]
        if (last && last.nodeName === '#text') (last as HText).value += text
        else parent.childNodes.push({nodeName: '#text', value: text})
      },
      onclosetag() {
        if (skipping > 0) {
          skipping--
          return
        }
        if (flattened > 0) {
          flattened--
          return
        }
        if (stack.length > 1) stack.pop()
      }
    },
    {decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true}
  )
  parser.write(html)
  parser.end()
  return root
}

export function isElement(node: HNode): node is HElement {
  return node.nodeName !== '#text'
}

export function isText(node: HNode): node is HText {
  return node.nodeName === '#text'
}

export function hasClass(el: HElement, name: string): boolean {
  const value = el.attrs['class']
  return value !== undefined && value.split(/\s+/).includes(name)
}

export function attribute(el: HElement, name: string): string | undefined {
  return el.attrs[name]
}

export function childElements(el: HParent): HElement[] {
  return el.childNodes.filter(isElement)
}

/** Elements matching `test` in document order, not looking inside a match. */
export function findAll(root: HParent, test: (el: HElement) => boolean): HElement[] {
  const out: HElement[] = []
  const visit = (node: HParent): void => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue
      if (test(child)) out.push(child)
      else visit(child)
    }
  }
  visit(root)
  return out
}

/** The text of an element, whitespace collapsed. */
export function textContent(node: HNode): string {
  let out = ''
  const visit = (n: HNode): void => {
    if (isText(n)) out += n.value
    else for (const c of n.childNodes) visit(c)
  }
  visit(node)
  return out.replace(/\s+/g, ' ').trim()
}
