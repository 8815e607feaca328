/**
 * Text that can go into XML 1.0. A document may carry characters XML 1.0
 * does not allow — C0 controls other than tab, line feed and carriage
 * return, U+FFFE, U+FFFF and lone surrogates — from a control character in
 * a source file, a `&#1;` the importer decoded, or a typo in an amendment.
 * Written as they are, they make the whole output unreadable (Word refuses
 * the file, an XML parser stops at the first one). Every XML writer passes
 * its text through {@link xmlSafe} and reports what was dropped with
 * {@link xmlDroppedWarning}, so the output is always well-formed and the
 * loss is never silent.
 */
import type {Warning} from './error.js'

/**
 * One character XML 1.0 does not allow (its `Char` production): a C0
 * control but tab, LF and CR; U+FFFE; U+FFFF; a high surrogate not followed
 * by a low one; a low surrogate not preceded by a high one.
 */
const NOT_XML_CHAR =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Any character that could be forbidden (a C0 control, a surrogate, U+FFFE, U+FFFF): one
 * character class, several times faster over a whole act than NOT_XML_CHAR (whose look-arounds
 * pair the surrogates), so the exact test runs only on text that has one of them.
 */
const MAYBE_NOT_XML_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/

/** True when `text` has no character XML 1.0 forbids. */
export function isXmlSafe(text: string): boolean {
  if (!MAYBE_NOT_XML_CHAR.test(text)) return true
  NOT_XML_CHAR.lastIndex = 0
  const found = NOT_XML_CHAR.test(text)
  NOT_XML_CHAR.lastIndex = 0
  return !found
}

/**
 * `text` without the characters XML 1.0 does not allow (see the module
 * comment). Everything else, including characters outside the BMP, is kept
 * as it is.
 *
 * @param text Any string.
 * @param onDrop Called with each character dropped, in order (to report them).
 * @returns `text` itself when nothing had to go.
 */
export function xmlSafe(text: string, onDrop?: (char: string) => void): string {
  if (isXmlSafe(text)) return text
  return text.replace(NOT_XML_CHAR, (char) => {
    onDrop?.(char)
    return ''
  })
}

/** `U+FFFE`: how a warning names a character. */
export function codePointName(char: string): string {
  return 'U+' + (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
}

/**
 * The warning for characters {@link xmlSafe} dropped, or `undefined` when
 * none were. It names each character once, in order of first appearance
 * (no count: a writer may see the same text twice, e.g. a provision's text
 * and its diff). Code `tree/xml-invalid-character`.
 *
 * @param dropped The characters dropped (as `onDrop` received them).
 * @param output What was being written, e.g. `the Word document`.
 */
export function xmlDroppedWarning(dropped: readonly string[], output: string): Warning | undefined {
  if (dropped.length === 0) return undefined
  const names = [...new Set(dropped.map(codePointName))]
  return {
    code: 'tree/xml-invalid-character',
    message:
      `Characters not allowed in XML 1.0 dropped from ${output}: ${names.join(', ')}. ` +
      'Remove them from the source (often a control character or `&#1;` in the input) [tree/xml-invalid-character]'
  }
}
