/**
 * Bytes in a named character set to text, the same on every Node version
 * and in Electron.
 *
 * Node's own `TextDecoder('windows-1252')` (20.18.3 and later on the 20 line,
 * 22.13 and later) turns the bytes 0x80 to 0x9F into control characters
 * instead of the letters and marks Windows-1252 has there: ’ “ ” – — € œ Š Ž
 * and others. A name like O’Brien or Dœuf from an Outlook file came out
 * garbled. So the Western European code page, and the labels the encoding
 * standard treats as the same one (ISO-8859-1, Latin-1, US-ASCII: files that
 * say so nearly always hold Windows-1252's quotes and dashes), are decoded
 * with iconv-lite; UTF-8 and UTF-16 stay with `TextDecoder`.
 */
import type iconvModule from 'iconv-lite'
import { LazyModule } from '../lazy-module'

/** Loaded at the first legacy file (about 10 ms). */
const iconv = new LazyModule<typeof iconvModule>('iconv-lite')

/** Labels read as Windows-1252, as the WHATWG encoding standard reads them. */
const WINDOWS_1252 = new Set([
  'windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987',
  'latin1', 'l1', 'ibm819', 'cp819', 'csisolatin1', 'iso-ir-100', 'ascii', 'us-ascii', 'ansi_x3.4-1968',
])

/** The label in the form used below, or null for one no decoder here knows. */
export function knownCharset(label: string): string | null {
  const name = label.trim().toLowerCase()
  if (WINDOWS_1252.has(name)) return 'windows-1252'
  try {
    new TextDecoder(name)
    return name
  } catch {
    return iconv.get().encodingExists(name) ? name : null
  }
}

/** The bytes as text in that charset; an unknown label is read as UTF-8. Bytes a charset lacks become U+FFFD. */
export function decodeCharset(bytes: Uint8Array, label: string): string {
  const name = knownCharset(label) ?? 'utf-8'
  if (name === 'utf-8' || name === 'utf8' || name === 'unicode-1-1-utf-8' || name.startsWith('utf-16')) return new TextDecoder(name).decode(bytes)
  if (name === 'windows-1252' || iconv.get().encodingExists(name)) return iconv.get().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name)
  return new TextDecoder(name).decode(bytes)
}
