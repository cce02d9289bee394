/**
 * vCard 2.1, 3.0 and 4.0, as phones, Outlook, Apple and Google write them.
 *
 * No maintained npm parser reads all three: ical.js and vcard4 take 3.0/4.0
 * only (no 2.1 quoted-printable, no bare 2.1 parameters) and neither keeps
 * line numbers. So this reader is small and does what they lack: it unfolds
 * the bytes before decoding them (a fold can fall inside a UTF-8 character),
 * joins quoted-printable soft line breaks and raw newlines inside a 2.1 NOTE,
 * keeps Apple's grouped `itemN.` properties, reads `BDAY:--MMDD`, skips
 * address book group cards and stray lines between cards, and numbers every
 * line. The `quoted-printable`
 * package decodes 2.1 values, and TextDecoder their CHARSET.
 */
import type quotedPrintableModule from 'quoted-printable'
import type { Decoded } from './decode'
import { decodeCharset, knownCharset } from './charset'
import { decodeBytes } from './decode'
import { ImportFileError, type RecordProblem } from './errors'
import { combinedName, toImportedPerson, type RawPerson } from './person-record'
import { emptyResult, type ReadOptions, type ReadResult } from './read-result'
import { LazyModule } from '../lazy-module'

interface LogicalLine {
  /** the physical line it starts on, from 1 */
  line: number
  text: string
}

const quotedPrintable = new LazyModule<typeof quotedPrintableModule>('quoted-printable')

const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const TAB = 0x09

/** Physical lines joined where folded (a line starting with a space or tab continues the one before). */
export function unfold(bytes: Uint8Array, decoded: Decoded): LogicalLine[] {
  const out: LogicalLine[] = []
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') {
    // Two-byte text cannot split a character at a fold; unfold the decoded text.
    const text = decodeBytes(bytes.subarray(decoded.bomLength), decoded.encoding)
    text.split(/\r\n|\n|\r/).forEach((physical, i) => {
      const last = out[out.length - 1]
      if ((physical.startsWith(' ') || physical.startsWith('\t')) && last !== undefined) last.text += physical.slice(1)
      else out.push({ line: i + 1, text: physical })
    })
    return out
  }
  // Unfold bytes first: a fold at 75 octets can fall inside a UTF-8 character.
  let pending: { line: number; parts: Uint8Array[] } | null = null
  const flush = (): void => {
    if (pending === null) return
    const size = pending.parts.reduce((n, p) => n + p.length, 0)
    const joined = new Uint8Array(size)
    let at = 0
    for (const part of pending.parts) {
      joined.set(part, at)
      at += part.length
    }
    out.push({ line: pending.line, text: decodeBytes(joined, decoded.encoding) })
  }
  let start = decoded.bomLength
  let line = 1
  while (start <= bytes.length) {
    let end = bytes.indexOf(LF, start)
    if (end === -1) end = bytes.length
    const stop = end > start && bytes[end - 1] === CR ? end - 1 : end
    const physical = bytes.subarray(start, stop)
    const first = physical[0]
    if ((first === SPACE || first === TAB) && pending !== null) pending.parts.push(physical.subarray(1))
    else {
      flush()
      pending = { line, parts: [physical] }
    }
    line++
    start = end + 1
  }
  flush()
  return out
}

interface Property {
  line: number
  group: string | null
  name: string
  params: Map<string, string[]>
  /** bare 2.1 parameters like ;CELL or ;QUOTED-PRINTABLE, upper-cased */
  flags: Set<string>
  raw: string
}

const PROPERTY = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$/s

function parseProperty(line: LogicalLine): Property | null {
  const m = PROPERTY.exec(line.text)
  if (m === null) return null
  const params = new Map<string, string[]>()
  const flags = new Set<string>()
  for (const part of (m[3] ?? '').split(';').slice(1)) {
    const eq = part.indexOf('=')
    if (eq === -1) {
      flags.add(part.trim().toUpperCase())
      continue
    }
    const key = part.slice(0, eq).trim().toUpperCase()
    const value = part.slice(eq + 1).replace(/^"|"$/g, '')
    params.set(key, [...(params.get(key) ?? []), ...value.split(',').map((v) => v.trim())])
  }
  return { line: line.line, group: m[1] ?? null, name: (m[2] ?? '').toUpperCase(), params, flags, raw: m[4] ?? '' }
}

function isQuotedPrintable(p: Property): boolean {
  return p.flags.has('QUOTED-PRINTABLE') || (p.params.get('ENCODING') ?? []).some((e) => e.toUpperCase() === 'QUOTED-PRINTABLE')
}

/** Splits on a separator that is not escaped with a backslash. */
function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = []
  let current = ''
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i)
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + value.charAt(i + 1)
      i++
    } else if (ch === separator) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts
}

function unescape(value: string): string {
  return value.replace(/\\([\\;,nN:])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch))
}

function charsetOf(p: Property): string {
  const charset = p.params.get('CHARSET')?.[0]
  return charset === undefined ? 'utf-8' : (knownCharset(charset) ?? 'utf-8')
}

/** The value as text, quoted-printable decoded in its CHARSET. */
function valueOf(p: Property): string {
  if (!isQuotedPrintable(p)) return p.raw
  const binary = quotedPrintable.get().decode(p.raw)
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0) & 0xff)
  return decodeCharset(bytes, charsetOf(p))
}

const components = (p: Property): string[] => splitUnescaped(valueOf(p), ';').map((c) => unescape(c).trim())
const listOf = (p: Property): string[] => splitUnescaped(valueOf(p), ',').map((c) => unescape(c).trim())
const single = (p: Property): string => unescape(valueOf(p)).trim()

/** Apple exports each address book group as a card of its own; vCard 4.0 says KIND:group. */
function isGroupCard(props: readonly Property[]): boolean {
  return props.some((p) => (p.name === 'X-ADDRESSBOOKSERVER-KIND' || p.name === 'KIND') && single(p).toLowerCase() === 'group')
}

/** The start of a line, printable characters only, to quote back in a warning. */
function shown(text: string): string {
  const t = text.replace(/[^\p{L}\p{N}\p{P}\p{S}\p{Zs}]/gu, ' ').trim()
  return t.length > 40 ? `${t.slice(0, 39)}…` : t
}

function cardToPerson(begin: number, props: readonly Property[], warnings: RecordProblem[]): RawPerson {
  const all = (name: string): Property[] => props.filter((p) => p.name === name)
  const one = (name: string): Property | undefined => props.find((p) => p.name === name)
  const fn = one('FN')
  const n = one('N')
  // FN is one combined name, which some exporters (Outlook, Exchange) write last name first.
  let name = fn === undefined ? '' : combinedName(single(fn), begin, warnings)
  if (name === '' && n !== undefined) {
    const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components(n)
    name = [prefix, given, additional, family, suffix].filter((x) => x !== '').join(' ')
  }
  const org = one('ORG')
  const adr = one('ADR')
  const place = adr === undefined ? [] : ((parts) => [parts[3], parts[4], parts[6]])(components(adr)).filter((x): x is string => x !== undefined && x !== '')
  const bday = one('BDAY')
  let birthday = bday === undefined ? undefined : single(bday)
  // Apple writes a birthday without a year as BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-14.
  const omitted = bday?.params.get('X-APPLE-OMIT-YEAR')?.[0]
  if (birthday !== undefined && omitted !== undefined && birthday.startsWith(omitted)) birthday = `--${birthday.slice(omitted.length).replace(/^-/, '')}`
  const note = one('NOTE')
  const title = one('TITLE')
  return {
    line: begin,
    name,
    emails: all('EMAIL').map((p) => single(p).replace(/^mailto:/i, '')),
    phones: all('TEL').map((p) => single(p).replace(/^tel:/i, '')),
    aliases: all('NICKNAME').flatMap(listOf),
    company: org === undefined ? undefined : components(org)[0],
    title: title === undefined ? undefined : single(title),
    location: place.join(', '),
    notes: note === undefined ? undefined : single(note),
    urls: [...all('URL'), ...all('X-SOCIALPROFILE')].map(single),
    birthday,
    tags: all('CATEGORIES').flatMap(listOf),
  }
}

export async function readVcard(bytes: Uint8Array, decoded: Decoded, options: ReadOptions): Promise<ReadResult> {
  const result = emptyResult('vcard')
  const lines = unfold(bytes, decoded)
  let card: { begin: number; props: Property[] } | null = null
  let sawCard = false
  const finish = (): void => {
    if (card === null) return
    const { begin, props } = card
    card = null
    if (isGroupCard(props)) {
      result.ignored.push({ line: begin, message: 'an address book group, not a person; skipped' })
      return
    }
    const person = toImportedPerson(cardToPerson(begin, props, result.warnings), result.problems, result.warnings, result.groupsLeftOut)
    if (person !== null) result.people.push(person)
  }

  for (let i = 0; i < lines.length; i++) {
    if (i % 20_000 === 19_999) {
      options.onProgress?.(i / lines.length)
      await new Promise((resolve) => setImmediate(resolve))
    }
    const logical = lines[i]
    if (logical === undefined) break
    if (logical.text.trim() === '') continue
    const upper = logical.text.trim().toUpperCase()
    if (upper === 'BEGIN:VCARD') {
      if (card !== null) {
        result.problems.push({ line: card.begin, message: `the card has no END:VCARD before the next card begins on line ${logical.line}; not imported` })
        card = null
      }
      sawCard = true
      result.records++
      if (result.records > options.maxRecords) throw tooManyCards(options.maxRecords)
      card = { begin: logical.line, props: [] }
      continue
    }
    if (upper === 'END:VCARD') {
      if (card === null) throw new ImportFileError(`Line ${logical.line}: END:VCARD without a BEGIN:VCARD before it. Nothing was imported.`, logical.line)
      finish()
      continue
    }
    if (card === null) {
      // Some exporters write a line of their own before the first card (ENCODING:UTF-8) or between cards: it is no card's, so it is passed over.
      result.warnings.push({ line: logical.line, message: `text outside any card ("${shown(logical.text)}"); skipped` })
      continue
    }
    const previous = card.props[card.props.length - 1]
    // A quoted-printable value ending in "=" goes on over the next line (2.1 soft line break).
    if (previous !== undefined && isQuotedPrintable(previous) && previous.raw.endsWith('=')) {
      previous.raw = previous.raw.slice(0, -1) + logical.text
      continue
    }
    const property = parseProperty(logical)
    if (property === null) {
      // Android's 2.1 NOTE can hold raw newlines: a line that is not a property continues the value.
      if (previous !== undefined) previous.raw += `\\n${logical.text}`
      else result.warnings.push({ line: logical.line, message: 'a line that is not a vCard property; left out' })
      continue
    }
    card.props.push(property)
  }
  if (card !== null) {
    const begin: number = (card as { begin: number }).begin
    result.problems.push({ line: begin, message: 'the card has no END:VCARD (the file ends first); not imported' })
  }
  if (!sawCard) throw new ImportFileError('This is not a vCard file: there is no BEGIN:VCARD in it. Nothing was imported.', 1)
  return result
}

export function tooManyCards(max: number): ImportFileError {
  return new ImportFileError(`The file holds more than ${max.toLocaleString('en')} records; Kith imports at most ${max.toLocaleString('en')} at a time. Split it into smaller files.`)
}
