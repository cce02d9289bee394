/**
 * Exports: people as CSV (every cell quoted, formulas neutralised) and as
 * vCard 3.0; the whole database as Kith JSON (kith-json.ts).
 */
import type Database from 'better-sqlite3'
import type * as csvStringify from 'csv-stringify/sync'
import type { ExportFile, ExportFormat } from '../../../shared/imports'
import { LINE_BREAKS } from '../../../shared/text'
import { readOrSalvage } from '../db/salvage'
import { parseJsonList } from '../people/records'
import { exportKithJson } from '../imports/kith-json'
import { LazyModule } from '../lazy-module'

interface ExportPerson {
  id: number
  name: string
  company: string | null
  title: string | null
  location: string | null
  notes: string | null
  how_we_met: string | null
  linkedin_url: string | null
  website: string | null
  birthday: string | null
  phones: string[]
  aliases: string[]
  emails: string[]
  tags: string[]
  needs: string[]
  offers: string[]
}

type PersonColumns = Omit<ExportPerson, 'phones' | 'aliases' | 'emails' | 'tags' | 'needs' | 'offers'> & { phones: string; aliases: string; archived_at: string | null }

const byNameThenId = (a: PersonColumns, b: PersonColumns): number =>
  a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id - b.id

/**
 * Everyone not archived, with their lists. On a damaged database the tables
 * are read row by row, and what could not be read is added to `skipped`.
 */
function loadPeople(sqlite: Database.Database, skipped: string[]): ExportPerson[] {
  const person = readOrSalvage<PersonColumns>(
    sqlite,
    'person',
    `SELECT id, name, company, title, location, notes, how_we_met, linkedin_url, website, birthday, phones, aliases, archived_at
     FROM person WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE, id`,
  )
  // Salvaged rows come unfiltered, in id order.
  const people = person.skipped.length === 0 ? person.rows : person.rows.filter((p) => p.archived_at === null).sort(byNameThenId)
  const email = readOrSalvage<{ person_id: number; email: string; position: number }>(
    sqlite,
    'person_email',
    'SELECT person_id, email, position FROM person_email ORDER BY person_id, position',
  )
  const emails = new Map<number, string[]>()
  for (const e of email.rows.sort((a, b) => a.person_id - b.person_id || a.position - b.position)) {
    emails.set(e.person_id, [...(emails.get(e.person_id) ?? []), e.email])
  }
  const label = readOrSalvage<{ person_id: number; kind: string; label: string; position: number }>(
    sqlite,
    'person_label',
    'SELECT person_id, kind, label, position FROM person_label ORDER BY person_id, kind, position',
  )
  const labels = new Map<string, string[]>()
  for (const l of label.rows.sort((a, b) => a.person_id - b.person_id || a.kind.localeCompare(b.kind) || a.position - b.position)) {
    const key = `${l.person_id}:${l.kind}`
    labels.set(key, [...(labels.get(key) ?? []), l.label])
  }
  skipped.push(...person.skipped, ...email.skipped, ...label.skipped)
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    company: p.company,
    title: p.title,
    location: p.location,
    notes: p.notes,
    how_we_met: p.how_we_met,
    linkedin_url: p.linkedin_url,
    website: p.website,
    birthday: p.birthday,
    phones: parseJsonList(p.phones),
    aliases: parseJsonList(p.aliases),
    emails: emails.get(p.id) ?? [],
    tags: labels.get(`${p.id}:tag`) ?? [],
    needs: labels.get(`${p.id}:need`) ?? [],
    offers: labels.get(`${p.id}:offer`) ?? [],
  }))
}

/**
 * A spreadsheet runs a cell that starts with = + - @, a tab, CR or LF as a
 * formula (OWASP "CSV Injection"). Such cells get a leading apostrophe.
 */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r\n]/.test(cell) ? `'${cell}` : cell
}

/**
 * Line breaks inside a cell, whatever their kind (CR, CRLF, U+0085, U+2028,
 * U+2029...), as LF: every cell is quoted, so an LF stays inside its cell,
 * and no reader is left to guess whether a lone CR or a Unicode separator
 * ends the row.
 */
const oneKindOfLineBreak = (cell: string): string => cell.replace(LINE_BREAKS, '\n')

const csvWriter = new LazyModule<typeof csvStringify>('csv-stringify/sync')

const CSV_COLUMNS = [
  'Name',
  'Emails',
  'Phones',
  'Company',
  'Title',
  'Location',
  'Tags',
  'Looking for',
  'Can help with',
  'LinkedIn',
  'Website',
  'Birthday',
  'Also known as',
  'How we met',
  'Notes',
] as const

export function exportCsv(sqlite: Database.Database): { content: string; people: number; skipped: string[] } {
  const skipped: string[] = []
  const people = loadPeople(sqlite, skipped)
  const rows = people.map((p) =>
    [
      p.name,
      p.emails.join('; '),
      p.phones.join('; '),
      p.company ?? '',
      p.title ?? '',
      p.location ?? '',
      p.tags.join('; '),
      p.needs.join('; '),
      p.offers.join('; '),
      p.linkedin_url ?? '',
      p.website ?? '',
      p.birthday ?? '',
      p.aliases.join('; '),
      p.how_we_met ?? '',
      p.notes ?? '',
    ].map((cell) => neutralizeFormula(oneKindOfLineBreak(cell))),
  )
  // A byte order mark, so that spreadsheets read the names as UTF-8.
  const content = `\uFEFF${csvWriter.get().stringify([[...CSV_COLUMNS], ...rows], { quoted: true, quoted_empty: true, record_delimiter: 'windows' })}`
  return { content, people: people.length, skipped }
}

/**
 * vCard text escaping (RFC 2426 and RFC 6350): backslash, comma, semicolon,
 * and every line break (CR, LF, CRLF, U+0085, U+2028, U+2029, VT, FF) as
 * "\n", so that no value can end its line and start a property of its own.
 */
export const escapeText = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(LINE_BREAKS, '\\n')

const encoder = new TextEncoder()

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line
  const out: string[] = []
  let current = ''
  let size = 0
  let limit = 75
  for (const ch of line) {
    const bytes = encoder.encode(ch).length
    if (size + bytes > limit) {
      out.push(current)
      current = ''
      size = 0
      limit = 74 // continuation lines start with a space
    }
    current += ch
    size += bytes
  }
  out.push(current)
  return out.join('\r\n ')
}

function splitName(name: string): { given: string; family: string } {
  const parts = name.trim().split(/\s+/)
  if (parts.length === 1) return { given: parts[0] ?? '', family: '' }
  return { given: parts.slice(0, -1).join(' '), family: parts[parts.length - 1] ?? '' }
}

export function exportVcard(sqlite: Database.Database): { content: string; people: number; skipped: string[] } {
  const skipped: string[] = []
  const people = loadPeople(sqlite, skipped)
  const cards = people.map((p) => {
    const { given, family } = splitName(p.name)
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escapeText(p.name)}`, `N:${escapeText(family)};${escapeText(given)};;;`]
    if (p.aliases.length > 0) lines.push(`NICKNAME:${p.aliases.map(escapeText).join(',')}`)
    if (p.company !== null) lines.push(`ORG:${escapeText(p.company)}`)
    if (p.title !== null) lines.push(`TITLE:${escapeText(p.title)}`)
    for (const e of p.emails) lines.push(`EMAIL;TYPE=INTERNET:${escapeText(e)}`)
    for (const ph of p.phones) lines.push(`TEL:${escapeText(ph)}`)
    if (p.location !== null) lines.push(`ADR:;;;${escapeText(p.location)};;;`)
    if (p.linkedin_url !== null) lines.push(`URL:${escapeText(p.linkedin_url)}`)
    if (p.website !== null) lines.push(`URL:${escapeText(p.website)}`)
    if (p.birthday !== null) lines.push(`BDAY:${escapeText(p.birthday.startsWith('--') ? `--${p.birthday.slice(2).replace('-', '')}` : p.birthday)}`)
    if (p.tags.length > 0) lines.push(`CATEGORIES:${p.tags.map(escapeText).join(',')}`)
    if (p.notes !== null) lines.push(`NOTE:${escapeText(p.notes)}`)
    lines.push('END:VCARD')
    return lines.map(foldLine).join('\r\n')
  })
  return { content: cards.length === 0 ? '' : `${cards.join('\r\n')}\r\n`, people: people.length, skipped }
}

const MIME: Record<ExportFormat, string> = { json: 'application/json', csv: 'text/csv', vcard: 'text/vcard' }
const EXTENSION: Record<ExportFormat, string> = { json: 'json', csv: 'csv', vcard: 'vcf' }

export function exportFile(sqlite: Database.Database, format: ExportFormat, today: string): ExportFile {
  const { content, people, skipped } = format === 'json' ? exportKithJson(sqlite) : format === 'csv' ? exportCsv(sqlite) : exportVcard(sqlite)
  const what = format === 'json' ? 'kith-export' : 'kith-people'
  return { fileName: `${what}-${today}.${EXTENSION[format]}`, mimeType: MIME[format], content, people, ...(skipped.length > 0 ? { skipped } : {}) }
}
