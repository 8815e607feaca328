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
 * UTF-8. Throws `formats/unsupported-encoding` (naming `file`) for UTF-32,
 * and `formats/invalid-utf8` (naming the line and column) for bytes that are
 * not UTF-8: such a file is usually Windows-1252 or Latin-1, and replacing
 * its accented letters by U+FFFD would change the act's words in silence.
 */
export function decodeText(bytes: Uint8Array, file?: string): string {
  const encoding = sniffEncoding(bytes, file)
  // `TextDecoder` drops the byte order mark of the encoding it decodes.
  try {
    return new TextDecoder(encoding, {fatal: true}).decode(bytes)
  } catch {
    throw invalidBytes(bytes, encoding, file)
  }
}

function invalidBytes(bytes: Uint8Array, encoding: TextEncodingName, file: string | undefined): RedlexError {
  const at = encoding === 'utf-8' ? firstInvalidUtf8(bytes) : firstInvalidUtf16(bytes, encoding)
  const before = new TextDecoder(encoding).decode(bytes.subarray(0, at))
  const lineStart = before.lastIndexOf('\n') + 1
  const line = before.split('\n').length
  const column = [...before.slice(lineStart)].length + 1
  const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'
  const options: ConstructorParameters<typeof RedlexError>[1] = {
    code: 'formats/invalid-utf8',
    place: {line, column},
    actual: `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}`,
    hint:
      encoding === 'utf-8'
        ? 'The file is not UTF-8 (perhaps Windows-1252 or Latin-1): convert it, e.g. `iconv -f windows-1252 -t utf-8`'
        : 'The file is damaged: an unpaired surrogate or a truncated last character'
  }
  if (file !== undefined) options.file = file
  return new RedlexError(`invalid ${name}: the bytes cannot be read as text`, options)
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i)
    if (length === 0) return i
    i += length
  }
  return bytes.length
}

/** Length of the well-formed UTF-8 sequence at `i` (RFC 3629 table 3-7), or 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!
  if (b0 < 0x80) return 1
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k]
    return b !== undefined && b >= lo && b <= hi
  }
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80
    const hi = b0 === 0xed ? 0x9f : 0xbf
    return cont(1, lo, hi) && cont(2) ? 3 : 0
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80
    const hi = b0 === 0xf4 ? 0x8f : 0xbf
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0
  }
  return 0
}

/** Offset of the first unpaired surrogate (or odd last byte) in UTF-16. */
function firstInvalidUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): number {
  const unit = (i: number): number =>
    encoding === 'utf-16le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!
  let i = 0
  while (i + 1 < bytes.length) {
    const u = unit(i)
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return i
      const next = unit(i + 2)
      if (next < 0xdc00 || next > 0xdfff) return i
      i += 4
    } else if (u >= 0xdc00 && u <= 0xdfff) return i
    else i += 2
  }
  return i
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
