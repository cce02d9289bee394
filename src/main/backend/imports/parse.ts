/** Reading a contacts file or a Kith JSON export into records, refusing what is too big or unreadable as a whole. */
import { IMPORT_LIMITS, importTooBigMessage, type ArchiveFormat, type ImportFormat } from '../../../shared/imports'
import { formatOfFile } from './archive/formats'
import { findHeaderLine, readCsv, type CsvRow } from './csv'
import { decodeFile, encodingNote, type Decoded } from './decode'
import { ImportFileError, type RecordProblem } from './errors'
import { isGoogleHeader, readGoogle } from './google'
import { readKithJson, type KithJson } from './kith-json'
import { isLinkedinHeader, readLinkedin } from './linkedin'
import { foldHeader, isOutlookHeader, readOutlook } from './outlook'
import type { ReadResult } from './read-result'
import { isRelationshipHeader, readRelationships } from './relationships'
import { delimiterOf, isSpreadsheetHeader, readSpreadsheet, unreadColumns } from './spreadsheet'
import { readVcard, tooManyCards } from './vcard'

/** What was read from a file: contacts (to match) or a whole Kith database. */
export type Parsed = { kind: 'contacts'; read: ReadResult; notes: string[] } | { kind: 'json'; doc: KithJson; notes: string[]; warnings: RecordProblem[] }

export function fileTooBig(size: number): ImportFileError {
  return new ImportFileError(importTooBigMessage('The file', size))
}

/** Said when no format was chosen and the file's opening lines match none Kith reads. */
function unknownKind(firstLine: string): ImportFileError {
  // Only printable text is quoted back, and only the start of it.
  const shown = firstLine.replace(/[^\p{L}\p{N}\p{P}\p{S}\p{Zs}]/gu, ' ').trim().slice(0, 80)
  return new ImportFileError(
    `Kith cannot tell what kind of file this is. Its first line is "${shown}". Kith reads LinkedIn Connections.csv, Google Contacts CSV, Outlook contacts CSV, contact spreadsheets (a Name column, or First Name and Last Name, and others such as Email or Company), vCard (.vcf), relationship sheets (person_a, person_b, strength, context) and Kith JSON; choose the format if it is one of these.`,
    1,
  )
}

/** A vCard file: a BEGIN:VCARD line among the first few (an exporter may write a stray line such as ENCODING:UTF-8 first). */
function opensWithCard(head: string): boolean {
  return head
    .slice(0, 4096)
    .split(/\r\n|\n|\r/, 6)
    .some((line) => /^BEGIN:VCARD\s*$/i.test(line.trim()))
}

/** Says which system groups were not made tags, when there were any. */
function groupsNote(read: ReadResult): string[] {
  if (read.groupsLeftOut.length === 0) return []
  const named = read.groupsLeftOut.slice(0, 5).map((g) => `"${g}"`)
  return [`The address book's own groups (${named.join(', ')}${read.groupsLeftOut.length > 5 ? ' and others' : ''}) are not made tags.`]
}

/** LinkedIn's own columns: a sheet with First Name, Last Name and Position alone may be anyone's. */
function plainlyLinkedin(cells: readonly string[]): boolean {
  const keys = cells.map((c) => c.trim().toLowerCase())
  return keys.includes('connected on') || (keys.includes('email address') && keys.includes('url'))
}

/** Google's own columns: numbered groups ("E-mail 1 - Value"), File As, Group Membership. */
function plainlyGoogle(cells: readonly string[]): boolean {
  return cells.some((c) => /^(e-mail|phone|address|website|relation|event|custom field|im) \d+ - (value|label|type)$/i.test(c.trim()) || /^(file as|group membership)$/i.test(c.trim()))
}

/**
 * Outlook's own columns: its business and home groups, middle names and
 * suffixes, and its way of writing the address column ("E-mail Address",
 * "E-Mail-Adresse", "Adresse de messagerie"), in any of its languages.
 */
function plainlyOutlook(cells: readonly string[]): boolean {
  return cells.some(
    (c) =>
      /^(e-mail( \d)? address|e-mail( \d)?-adresse|adresse de messagerie( \d)?)$/i.test(c.trim()) ||
      /business|geschaftlich|bureau|privat|domicile|^suffixe?$|namenszusatz|middlename|weiterevornamen|deuxiemeprenom/.test(foldHeader(c)),
  )
}

function detectCsvFormat(rows: readonly CsvRow[]): ImportFormat {
  const first = rows[0]?.cells ?? []
  if (isRelationshipHeader(first)) return 'relationships'
  // A sheet of its own columns can look like LinkedIn's or Google's (First Name, Last Name, Position; Labels):
  // read as theirs, its Email and Phone columns would be lost, so it is theirs only with their own columns.
  const linkedin = rows.slice(0, 20).find((r) => isLinkedinHeader(r.cells))
  if (linkedin !== undefined && (plainlyLinkedin(linkedin.cells) || !isSpreadsheetHeader(linkedin.cells))) return 'linkedin'
  if (isGoogleHeader(first) && (plainlyGoogle(first) || !isSpreadsheetHeader(first))) return 'google'
  if (isOutlookHeader(first) && (plainlyOutlook(first) || !isSpreadsheetHeader(first))) return 'outlook'
  if (isSpreadsheetHeader(first)) return 'csv'
  throw unknownKind(first.join(','))
}

/** What an archive is called, to say where it goes instead. */
const ARCHIVE_WORDS: Record<ArchiveFormat, string> = {
  'linkedin-export': 'a zip archive',
  ics: 'a calendar (.ics)',
  mbox: 'a mailbox (mbox)',
  'apple-mbox': 'a mailbox (mbox)',
  eml: 'an email message (.eml)',
}

/** A mail, calendar or zip archive given to the contacts import: said plainly, with where it goes. */
function refuseArchive(bytes: Uint8Array): void {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096))
  const kind = zip ? 'linkedin-export' : formatOfFile('', head)
  // A spreadsheet whose first column is "From …" is a spreadsheet: an mbox opens "From <address or MAILER-DAEMON> <date>".
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  if (kind === null || (kind === 'mbox' && !/^From (\S*@\S*|MAILER-DAEMON|-) /.test(first) && /[,;\t]/.test(first))) return
  throw new ImportFileError(
    kind === 'linkedin-export'
      ? `This is ${ARCHIVE_WORDS[kind]}, not a contacts file. LinkedIn's data export is one: use "Learn from mail and calendars" on this page for it. From any other zip, take out the contacts file (.csv or .vcf) and import that.`
      : `This is ${ARCHIVE_WORDS[kind]}, not a contacts file: use "Learn from mail and calendars" on this page, which learns people and who knows whom from it.`,
    1,
  )
}

/** Reads a whole file into records, refusing what is too big or unreadable as a whole. */
export async function parseFile(bytes: Uint8Array, format: ImportFormat | null, onProgress: (fraction: number) => void = () => undefined): Promise<Parsed> {
  if (bytes.length > IMPORT_LIMITS.bytes) throw fileTooBig(bytes.length)
  if (bytes.length === 0) throw new ImportFileError('The file is empty.')
  if (format === null) refuseArchive(bytes)
  const decoded = decodeFile(bytes)
  const notes = [encodingNote(decoded.encoding)].filter((n): n is string => n !== null)
  const head = decoded.text.trimStart()
  const guess: ImportFormat | null = format ?? (head.startsWith('{') ? 'json' : opensWithCard(head) ? 'vcard' : null)
  if (guess === 'json') {
    const { doc, warnings } = readKithJson(decoded.text)
    return { kind: 'json', doc, notes, warnings }
  }
  if (guess === 'vcard') {
    const encoding: Decoded = { encoding: decoded.encoding, bomLength: decoded.bomLength }
    const read = await readVcard(bytes, encoding, { maxRecords: IMPORT_LIMITS.records, onProgress })
    return { kind: 'contacts', read, notes: [...notes, ...groupsNote(read)] }
  }
  const isHeader = (cells: string[]): boolean =>
    guess === 'linkedin'
      ? isLinkedinHeader(cells)
      : guess === 'csv'
        ? isSpreadsheetHeader(cells)
        : guess === null
          ? isLinkedinHeader(cells) || isGoogleHeader(cells) || isOutlookHeader(cells) || isRelationshipHeader(cells) || isSpreadsheetHeader(cells)
          : true
  // Excel in many languages separates columns by semicolons, and some tools by tabs: when no format was named (or a
  // spreadsheet was), the header is looked for with each, the one the first line plainly uses first.
  const delimiters = guess === 'csv' || guess === null ? [...new Set([delimiterOf(decoded.text), ',', ';', '\t'])] : [',']
  let delimiter = delimiters[0] ?? ','
  let found: number | null = null
  for (const d of delimiters) {
    found = findHeaderLine(decoded.text, isHeader, d)
    if (found !== null) {
      delimiter = d
      break
    }
  }
  // No format chosen and no header Kith knows near the top: say so before reading it all as CSV.
  if (guess === null && found === null) throw unknownKind(decoded.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '')
  const rows = await readCsv(decoded.text, {
    maxRows: IMPORT_LIMITS.records + 25,
    fromLine: found ?? 1,
    delimiter,
    onProgress,
    tooMany: () => tooManyCards(IMPORT_LIMITS.records),
  })
  const csvFormat = guess ?? detectCsvFormat(rows)
  const read =
    csvFormat === 'linkedin'
      ? await readLinkedin(rows)
      : csvFormat === 'google'
        ? await readGoogle(rows)
        : csvFormat === 'outlook'
          ? await readOutlook(rows)
          : csvFormat === 'csv'
            ? await readSpreadsheet(rows)
            : csvFormat === 'relationships'
              ? await readRelationships(rows)
              : null
  if (read === null) throw new ImportFileError(`A ${csvFormat} file is not CSV.`)
  if (read.records > IMPORT_LIMITS.records) throw tooManyCards(IMPORT_LIMITS.records)
  if (read.records === 0) throw new ImportFileError('The file has a header but no contacts in it.')
  // A sheet of its own columns: say which were not read, so nothing is left out unseen.
  const unread = csvFormat === 'csv' ? unreadColumns(rows[0]?.cells ?? []) : []
  const unreadNote = unread.length === 0 ? [] : [`Columns Kith does not read, left out: ${unread.slice(0, 8).join(', ')}${unread.length > 8 ? ` and ${unread.length - 8} more` : ''}.`]
  return { kind: 'contacts', read, notes: [...notes, ...groupsNote(read), ...unreadNote] }
}
