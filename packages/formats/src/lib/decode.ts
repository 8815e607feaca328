/**
 * Bytes → text for every input format. Files come as UTF-8 (with or without
 * a byte order mark) or, from some Windows tools, as UTF-16; both are
 * decoded here with the platform's `TextDecoder` (Node and browsers alike).
 * UTF-32 is refused with a coded error rather than read as garbage.
 */
import {RedlexError} from '@redlex/tree'

/** The encodings {@link decodeText} recognises. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be'

/**
 * Decode a file's bytes: a byte order mark decides (UTF-8, UTF-16 LE/BE;
 * the mark is not part of the text); without one, a NUL byte beside the
 * first character says UTF-16 (`<` or `#` written in two bytes); otherwise
 * UTF-8. Throws `formats/unsupported-encoding` (naming `file`) for UTF-32.
 */
export function decodeText(bytes: Uint8Array, file?: string): string {
  const encoding = sniffEncoding(bytes, file)
  // `TextDecoder` drops the byte order mark of the encoding it decodes.
  return new TextDecoder(encoding).decode(bytes)
}

function sniffEncoding(bytes: Uint8Array, file: string | undefined): TextEncodingName {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]]
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    const options: ConstructorParameters<typeof RedlexError>[1] = {
      code: 'formats/unsupported-encoding',
      actual: 'UTF-32',
      hint: 'Save the file as UTF-8 (or UTF-16) and try again'
    }
    if (file !== undefined) options.file = file
    throw new RedlexError('unsupported encoding: the file is UTF-32', options)
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8'
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le'
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be'
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return 'utf-16le'
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return 'utf-16be'
  return 'utf-8'
}
