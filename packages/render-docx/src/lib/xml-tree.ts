/**
 * A small XML tree for rewriting the parts `docx` writes: parse a part into
 * elements and text, change the tree, write it back. Attribute values and
 * text are held decoded and escaped again when written, so whatever the
 * rewrite adds is escaped by construction and nothing read can turn into
 * markup. It reads the XML `docx` produces (elements, attributes, text,
 * character references, the XML declaration); comments, CDATA and
 * processing instructions other than the declaration are refused rather
 * than guessed at.
 */

/** An element: its qualified name, attributes in order, and children. */
export interface XmlElement {
  type: 'element'
  name: string
  attributes: Array<[name: string, value: string]>
  children: XmlNode[]
}

/** Text, decoded (`&amp;` is `&`). */
export interface XmlText {
  type: 'text'
  value: string
}

export type XmlNode = XmlElement | XmlText

/** A parsed part: the declaration as written, and the root element. */
export interface XmlPart {
  declaration: string
  root: XmlElement
}

const NAMED: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

/** Decode the entity and character references of XML text or an attribute value. */
function decode(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16))
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10))
    const named = NAMED[ref]
    if (named === undefined) throw new Error(`unknown entity ${whole}`)
    return named
  })
}

const escapeText = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const escapeAttribute = (value: string): string => escapeText(value).replace(/"/g, '&quot;')

/** An element built from parts: every value is escaped when written. */
export function element(
  name: string,
  attributes: ReadonlyArray<readonly [string, string | undefined]> = [],
  children: XmlNode[] = []
): XmlElement {
  return {
    type: 'element',
    name,
    attributes: attributes.filter((a): a is [string, string] => a[1] !== undefined).map(([k, v]) => [k, v]),
    children
  }
}

/** The value of an attribute, if present. */
export const attribute = (node: XmlElement, name: string): string | undefined =>
  node.attributes.find(([key]) => key === name)?.[1]

/** Parse one XML part. Throws on anything that is not well-formed. */
export function parseXml(xml: string): XmlPart {
  let at = 0
  let declaration = ''
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>')
    if (end < 0) throw new Error('unterminated XML declaration')
    declaration = xml.slice(0, end + 2)
    at = end + 2
  }
  const stack: XmlElement[] = [element('#document')]
  const top = (): XmlElement => stack[stack.length - 1]!
  while (at < xml.length) {
    const lt = xml.indexOf('<', at)
    const textEnd = lt < 0 ? xml.length : lt
    if (textEnd > at) {
      const raw = xml.slice(at, textEnd)
      if (stack.length === 1) {
        if (raw.trim() !== '') throw new Error('text outside the root element')
      } else top().children.push({type: 'text', value: decode(raw)})
    }
    if (lt < 0) break
    if (xml.startsWith('</', lt)) {
      const gt = xml.indexOf('>', lt)
      const name = xml.slice(lt + 2, gt).trim()
      const open = stack.pop()
      if (!open || open.name !== name || stack.length === 0) throw new Error(`unexpected </${name}>`)
      at = gt + 1
      continue
    }
    if (xml.startsWith('<!', lt) || xml.startsWith('<?', lt)) throw new Error('comments, CDATA and PIs are not read')
    at = readStartTag(xml, lt + 1, (node, selfClosing) => {
      top().children.push(node)
      if (!selfClosing) stack.push(node)
    })
  }
  if (stack.length !== 1) throw new Error(`unclosed <${top().name}>`)
  const roots = stack[0]!.children.filter((n): n is XmlElement => n.type === 'element')
  if (roots.length !== 1) throw new Error('a part must have one root element')
  return {declaration, root: roots[0]!}
}

/** Read `name a="v" …>` or `…/>` from `at`; returns the index after the tag. */
function readStartTag(xml: string, at: number, onElement: (node: XmlElement, selfClosing: boolean) => void): number {
  const nameMatch = /^[^\s/>]+/.exec(xml.slice(at, at + 200))
  if (!nameMatch) throw new Error(`bad tag at ${at}`)
  const node = element(nameMatch[0])
  let i = at + nameMatch[0].length
  for (;;) {
    while (/\s/.test(xml[i] ?? '')) i++
    if (xml.startsWith('/>', i)) {
      onElement(node, true)
      return i + 2
    }
    if (xml[i] === '>') {
      onElement(node, false)
      return i + 1
    }
    const eq = xml.indexOf('=', i)
    const quote = xml[eq + 1]
    if (eq < 0 || (quote !== '"' && quote !== "'")) throw new Error(`bad attribute at ${i}`)
    const close = xml.indexOf(quote, eq + 2)
    if (close < 0) throw new Error(`unterminated attribute at ${i}`)
    node.attributes.push([xml.slice(i, eq).trim(), decode(xml.slice(eq + 2, close))])
    i = close + 1
  }
}

/** Write a part back: the declaration as read, then the tree with every value escaped. */
export function serializeXml(part: XmlPart): string {
  const out: string[] = [part.declaration]
  const write = (node: XmlNode): void => {
    if (node.type === 'text') {
      out.push(escapeText(node.value))
      return
    }
    const attributes = node.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')
    if (node.children.length === 0) {
      out.push(`<${node.name}${attributes}/>`)
      return
    }
    out.push(`<${node.name}${attributes}>`)
    for (const child of node.children) write(child)
    out.push(`</${node.name}>`)
  }
  write(part.root)
  return out.join('')
}
