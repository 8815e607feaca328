/**
 * The one place HTML is written. `h('p', {className: ['note']}, 'Text')`
 * returns the element's HTML as a `Markup`; a plain string given as a child
 * is text, escaped here, and every attribute value is escaped here. `Markup`
 * can only be made by this module's builders (its class is not exported),
 * and tag and attribute names are the renderer's own (typed below), so text
 * from a comparison can never pass as markup: escaping holds by
 * construction, nothing is pasted into HTML by hand.
 *
 * Why strings and not a syntax tree: the renderer used to build a hast tree
 * and serialise it (as `hast-util-to-html` does); on the DSA comparison
 * (~2 MB of HTML) the tree's objects, the walk over them and the garbage
 * collection of both were most of the render, and loading
 * `hast-util-to-html` was about 40 ms of a CLI run. Writing each element's
 * HTML as it is built gives the same bytes: the character references of
 * `hast-util-to-html` (`&#x26;`, upper-case hexadecimal), its attribute
 * rules and its void elements — a property test compares the two on
 * generated trees.
 */

/** HTML written by `h` or `block`. Only this module makes one (the class is not exported). */
class Markup {
  // Assigned, not a class field: a field would be defined (slower) before the constructor assigns it.
  declare readonly html: string
  constructor(html: string) {
    this.html = html
  }
}

export type {Markup}

/** The elements the renderer writes (a name is never data). */
export type Tag =
  | 'a'
  | 'article'
  | 'aside'
  | 'blockquote'
  | 'body'
  | 'br'
  | 'col'
  | 'colgroup'
  | 'dd'
  | 'del'
  | 'details'
  | 'div'
  | 'dl'
  | 'dt'
  | 'em'
  | 'fieldset'
  | 'footer'
  | 'form'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'head'
  | 'header'
  | 'html'
  | 'input'
  | 'ins'
  | 'label'
  | 'legend'
  | 'li'
  | 'main'
  | 'meta'
  | 'nav'
  | 'ol'
  | 'p'
  | 'section'
  | 'span'
  | 'style'
  | 'summary'
  | 'sup'
  | 'table'
  | 'tbody'
  | 'td'
  | 'th'
  | 'thead'
  | 'time'
  | 'title'
  | 'tr'
  | 'ul'

/** What may be given as children: markup, strings (text), and nothing (skipped). */
export type Child = Markup | string | undefined | null | false | readonly Child[]

/**
 * The attributes the renderer writes, by their hast property names.
 * An array is written joined with spaces; `checked` and `open` are boolean
 * attributes (written bare when true); `undefined` leaves an attribute out.
 */
export interface Attributes {
  id?: string | undefined
  className?: readonly string[] | undefined
  ariaLabel?: string | undefined
  ariaLabelledBy?: readonly string[] | undefined
  charSet?: string | undefined
  checked?: boolean | undefined
  open?: boolean | undefined
  content?: string | undefined
  dateTime?: string | undefined
  href?: string | undefined
  lang?: string | undefined
  name?: string | undefined
  scope?: string | undefined
  style?: string | undefined
  title?: string | undefined
  type?: string | undefined
}

/** Each attribute's HTML name. */
const ATTRIBUTE_NAMES: Readonly<Record<keyof Attributes, string>> = {
  id: 'id',
  className: 'class',
  ariaLabel: 'aria-label',
  ariaLabelledBy: 'aria-labelledby',
  charSet: 'charset',
  checked: 'checked',
  open: 'open',
  content: 'content',
  dateTime: 'datetime',
  href: 'href',
  lang: 'lang',
  name: 'name',
  scope: 'scope',
  style: 'style',
  title: 'title',
  type: 'type'
}

/** Elements written without a closing tag when they have no content (`html-void-elements`). */
const VOIDS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr'
])

// The character references `hast-util-to-html` writes: hexadecimal, upper case.
const TEXT_SPECIAL = /[&<]/
const TEXT_SPECIALS = /[&<]/g
const ATTRIBUTE_SPECIAL = /[\0"&'`]/
const ATTRIBUTE_SPECIALS = /[\0"&'`]/g
const characterReference = (c: string): string => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`

/** Text content: `&` and `<` as character references (then no text can open a tag or a reference). */
export const escapeText = (value: string): string =>
  TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIALS, characterReference) : value

/** A double-quoted attribute value: NUL, `"`, `&`, `'` and `` ` `` as character references. */
export const escapeAttribute = (value: string): string =>
  ATTRIBUTE_SPECIAL.test(value) ? value.replace(ATTRIBUTE_SPECIALS, characterReference) : value

/** An element: `h('p', {className: ['note']}, 'Text')`. Strings are text; nothing (`undefined`, `false`, `''`) is skipped. */
export function h(tagName: Tag, attributes: Attributes | null, ...children: Child[]): Markup {
  return element(tagName, attributes, contentOf(tagName, children, ''))
}

/**
 * An element whose children each start a new source line: the document
 * stays readable (and diffable) without changing what it shows.
 */
export function block(tagName: Tag, attributes: Attributes | null, ...children: Child[]): Markup {
  return element(tagName, attributes, contentOf(tagName, children, '\n'))
}

/** `<del>text</del>` and the like, for the redline's many runs: `h` without its general path. */
export function wrapText(tagName: 'del' | 'ins', text: string): Markup {
  return new Markup(`<${tagName}>${escapeText(text)}</${tagName}>`)
}

/**
 * The same markup, its HTML made one flat string. Why: V8 joins strings
 * lazily, as a tree of the pieces, and a document is assembled from tens of
 * thousands of them, all alive until the end, so each garbage collection
 * copies every piece again. Flattened once a provision's HTML is complete,
 * it is one string to copy (DSA comparison: about 18 of 97 ms of a cold render).
 */
export function settled(markup: Markup): Markup {
  // Reading a character of a lazily joined string makes V8 flatten it (there is no explicit call).
  markup.html.charCodeAt(0)
  return markup
}

/** The HTML of a whole document: the doctype, then the `<html>` element on its own line. */
export function documentHtml(html: Markup): string {
  return '<!DOCTYPE html>\n' + html.html + '\n'
}

function element(tagName: Tag, attributes: Attributes | null, content: string): Markup {
  const open = attributes ? `<${tagName}${attributesHtml(attributes)}>` : `<${tagName}>`
  // A void element is left unclosed only when nothing is in it (as hast-util-to-html does).
  if (content === '' && VOIDS.has(tagName)) return new Markup(open)
  return new Markup(open + content + '</' + tagName + '>')
}

/**
 * The children's HTML, each preceded by `separator` and the last followed
 * by it when there is any. The text of `<style>` is raw (HTML has no
 * references there): it must not hold `</`, which could end the element, so
 * such text is refused rather than written.
 */
function contentOf(tagName: Tag, children: readonly Child[], separator: string): string {
  const raw = tagName === 'style'
  const html = addChildren(children, '', separator, raw)
  return html !== '' && separator !== '' ? html + separator : html
}

// A plain loop rather than a closure per call: a render makes tens of thousands of elements.
function addChildren(children: readonly Child[], html: string, separator: string, raw: boolean): string {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if (child === undefined || child === null || child === false || child === '') continue
    if (typeof child === 'string') html += separator + (raw ? rawText(child) : escapeText(child))
    else if (child instanceof Markup) html += separator + child.html
    else html = addChildren(child as readonly Child[], html, separator, raw)
  }
  return html
}

function rawText(text: string): string {
  if (text.includes('</')) throw new Error('render-html: `</` in the text of <style> (internal error)')
  return text
}

/** ` name="value"` for each attribute given (in the order given), or `''`. */
function attributesHtml(attributes: Attributes): string {
  let out = ''
  for (const key in attributes) {
    const value = attributes[key as keyof Attributes]
    if (value === undefined || value === false) continue
    const name = ATTRIBUTE_NAMES[key as keyof Attributes]
    if (name === undefined) throw new Error(`render-html: unknown attribute ${key} (internal error)`)
    if (value === true) out += ' ' + name
    // Joined as space-separated-tokens does (trimmed).
    else out += ` ${name}="${escapeAttribute(typeof value === 'string' ? value : value.join(' ').trim())}"`
  }
  return out
}
