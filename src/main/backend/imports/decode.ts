/**
 * Bytes to text. Contact files arrive as UTF-8 (with or without a byte order
 * mark), as UTF-16LE (some Google exports), and now and then in an old
 * Windows code page; the importers see text and a note of what was guessed.
 */
import { decodeCharset } from './charset'
import { ImportFileError } from './errors'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface Decoded {
  encoding: TextEncoding
  /** the byte order mark's length, 0 without one */
  bomLength: number
}

/** Guesses the encoding from the byte order mark, else from where zero bytes fall, else by trying UTF-8. */
export function detectEncoding(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  // UTF-16 without a mark: ASCII text leaves every other byte zero.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096))
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++
      else oddZeros++
    }
  }
  const half = sample.length / 2
  if (half > 0 && oddZeros > half * 0.3 && evenZeros < half * 0.05) return { encoding: 'utf-16le', bomLength: 0 }
  if (half > 0 && evenZeros > half * 0.3 && oddZeros < half * 0.05) return { encoding: 'utf-16be', bomLength: 0 }
  // vCard folds can fall inside a UTF-8 character: judge the text with folds taken out.
  return isUtf8(bytes) || isUtf8(withoutFolds(bytes)) ? { encoding: 'utf-8', bomLength: 0 } : { encoding: 'windows-1252', bomLength: 0 }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** The bytes with every line break followed by a space or tab (a fold) removed. */
function withoutFolds(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length)
  let n = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (b === 0x0d && bytes[i + 1] === 0x0a && (bytes[i + 2] === 0x20 || bytes[i + 2] === 0x09)) {
      i += 2
      continue
    }
    if (b === 0x0a && (bytes[i + 1] === 0x20 || bytes[i + 1] === 0x09)) {
      i += 1
      continue
    }
    out[n++] = b
  }
  return out.subarray(0, n)
}

export function decodeBytes(bytes: Uint8Array, encoding: TextEncoding): string {
  return decodeCharset(bytes, encoding)
}

/** The whole file as text, refusing what is plainly not text. */
export function decodeFile(bytes: Uint8Array): { text: string } & Decoded {
  const found = detectEncoding(bytes)
  const text = decodeBytes(bytes.subarray(found.bomLength), found.encoding)
  const nul = text.indexOf('\0')
  if (nul !== -1) {
    const line = text.slice(0, nul).split('\n').length
    throw new ImportFileError(`This is not a text file (a zero byte on line ${line}). Choose a CSV, vCard (.vcf) or Kith JSON file.`, line)
  }
  return { text, ...found }
}

/** What to tell the user about the encoding, when it is worth telling. */
export function encodingNote(encoding: TextEncoding): string | null {
  switch (encoding) {
    case 'utf-8':
      return null
    case 'utf-16le':
    case 'utf-16be':
      return 'The file is UTF-16 text; it was read as such.'
    case 'windows-1252':
      return 'The file is not UTF-8; it was read as Windows-1252 (Western European). Check that names with accents or curly quotes read right.'
  }
}
