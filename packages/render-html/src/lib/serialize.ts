/**
 * A fast serialiser for the hast the renderer builds, byte for byte the
 * output of `hast-util-to-html` with `{upperDoctype: true}`.
 *
 * Why: on a large comparison (the DSA proposal → Regulation 2022/2065,
 * ~2 MB of HTML) `hast-util-to-html` took about 60 % of the render — per
 * node a handler lookup, a property-information lookup per attribute, an
 * options object and a regular expression per text, an array joined per
 * element. This one walks the same tree with one string and escapes with
 * the same character references, so escaping still holds by construction:
 * every text node and attribute value goes through `text`/`attributeValue`
 * below, never pasted as markup.
 *
 * It covers the subset the renderer emits (root, doctype, text and HTML
 * elements with the properties in `ATTRIBUTES`). Anything else — another
 * node type, a property it does not know, `<svg>` or `<template>` (whose
 * content has other rules) — is handed to `hast-util-to-html` for the
 * smallest enclosing element, so the output never depends on the path
 * taken. A property test compares both on generated trees.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import {toHtml as reference} from 'hast-util-to-html'

/** The options the renderer serialises with (the reference is called with them too). */
export const SERIALIZE_OPTIONS = {upperDoctype: true} as const

/** What `property-information` says of a property (only what changes the output). */
interface AttributeInfo {
  /** The HTML attribute name. */
  attribute: string
  /** A boolean attribute (`checked`): written bare when true, left out when false. */
  boolean?: true
}

/**
 * The properties the renderer uses, as `property-information` describes them
 * (html and aria schemas; none of them is comma-separated, so an array
 * value is joined with spaces). A property outside this table makes its element
 * go through `hast-util-to-html`.
 */
const ATTRIBUTES: ReadonlyMap<string, AttributeInfo> = new Map<string, AttributeInfo>([
  ['className', {attribute: 'class'}],
  ['ariaLabelledBy', {attribute: 'aria-labelledby'}],
  ['ariaLabel', {attribute: 'aria-label'}],
  ['charSet', {attribute: 'charset'}],
  ['checked', {attribute: 'checked', boolean: true}],
  ['open', {attribute: 'open', boolean: true}],
  ['content', {attribute: 'content'}],
  ['dateTime', {attribute: 'datetime'}],
  ['href', {attribute: 'href'}],
  ['id', {attribute: 'id'}],
  ['lang', {attribute: 'lang'}],
  ['name', {attribute: 'name'}],
  ['scope', {attribute: 'scope'}],
  ['style', {attribute: 'style'}],
  ['title', {attribute: 'title'}],
  ['type', {attribute: 'type'}]
])

/** Elements written without a closing tag (`html-void-elements`, which `hast-util-to-html` uses), unless they have children. */
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

// The character references `stringify-entities` writes by default: upper-case hexadecimal.
const TEXT_SPECIAL = /[&<]/
const TEXT_SPECIALS = /[&<]/g
const ATTRIBUTE_SPECIAL = /[\0"&'`]/
const ATTRIBUTE_SPECIALS = /[\0"&'`]/g
const reference_ = (c: string): string => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`

/** Text content: `&` and `<` as character references. */
const text = (value: string): string => (TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIALS, reference_) : value)

/** A double-quoted attribute value: NUL, `"`, `&`, `'` and `` ` `` as character references. */
const attributeValue = (value: string): string =>
  ATTRIBUTE_SPECIAL.test(value) ? value.replace(ATTRIBUTE_SPECIALS, reference_) : value

/** Serialise a hast root as `hast-util-to-html(tree, {upperDoctype: true})` does. */
export function serializeHtml(tree: Root): string {
  let out = ''
  for (let i = 0; i < tree.children.length; i++) {
    const html = rootChild(tree.children[i]!)
    if (html === undefined) return reference(tree, SERIALIZE_OPTIONS)
    out += html
  }
  return out
}

function rootChild(node: RootContent): string | undefined {
  if (node.type === 'doctype') return '<!DOCTYPE html>'
  if (node.type === 'text') return text(node.value)
  if (node.type === 'element') return element(node)
  return undefined
}

/** An element; `hast-util-to-html` takes over when it holds anything outside the subset. */
function element(node: Element): string {
  const attributes = node.tagName === 'svg' || node.tagName === 'template' ? undefined : attributesOf(node.properties)
  if (attributes === undefined) return reference(node, SERIALIZE_OPTIONS)
  // The text of <script> and <style> is raw text: HTML has no references there.
  const raw = node.tagName === 'script' || node.tagName === 'style'
  let content = ''
  // Indexed: a for-of makes an iterator result per child until the JIT compiles this, and it runs once per document.
  const children = node.children
  for (let i = 0; i < children.length; i++) {
    const html = elementChild(children[i]!, raw)
    if (html === undefined) return reference(node, SERIALIZE_OPTIONS)
    content += html
  }
  const open = '<' + node.tagName + (attributes ? ' ' + attributes : '') + '>'
  // A void element whose children write something gets a closing tag (as in the reference).
  if (content === '' && VOIDS.has(node.tagName.toLowerCase())) return open
  return open + content + '</' + node.tagName + '>'
}

function elementChild(node: ElementContent, raw: boolean): string | undefined {
  if (node.type === 'text') return raw ? node.value : text(node.value)
  if (node.type === 'element') return element(node)
  return undefined
}

/** The attributes, separated by spaces, or `undefined` when a property is not in the table. */
function attributesOf(properties: Element['properties']): string | undefined {
  let out = ''
  for (const key in properties) {
    let value = properties[key]
    if (value === null || value === undefined) continue
    const info = ATTRIBUTES.get(key)
    if (!info) return undefined
    if (info.boolean && (typeof value !== 'string' || value === info.attribute || value === '')) value = Boolean(value)
    if (value === false || (typeof value === 'number' && Number.isNaN(value))) continue
    const attribute =
      value === true
        ? info.attribute
        : `${info.attribute}="${attributeValue(Array.isArray(value) ? value.join(' ').trim() : String(value))}"`
    out += out === '' ? attribute : ' ' + attribute
  }
  return out
}
