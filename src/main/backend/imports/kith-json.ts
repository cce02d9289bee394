/**
 * Kith JSON: the whole database as one file. Every user table, every row,
 * every column, in a fixed order, so that exporting, importing into an empty
 * data folder and exporting again gives the same file byte for byte.
 */
import type Database from 'better-sqlite3'
import { z } from 'zod'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { isCorruptionError } from '../db/busy'
import { readOrSalvage } from '../db/salvage'
import { foreignKeyProblems } from '../db/pragma'
import { ImportFileError, type RecordProblem } from './errors'
import { JSON_COLUMNS, readJsonColumn } from '../db/json-column'
import { isEmailAddress } from '../../../shared/email-address'
import { wellFormed } from '../../../shared/text'
import { IMPORT_LIMITS } from '../../../shared/imports'
import { normalizeEmail, normalizeLabel } from '../people/records'

/** In the order rows must go in (parents before children). The import history is not part of it. */
export const KITH_TABLES = [
  'setting',
  'person',
  'person_email',
  'person_label',
  'employment',
  'relationship',
  'interaction',
  'interaction_person',
  'favor',
  'introduction',
  'introduction_event',
  'task',
  'suggestion',
  'suggestion_week',
] as const
type KithTable = (typeof KITH_TABLES)[number]

type Cell = string | number | null
type Row = Record<string, Cell>

export interface KithJson {
  format: 'kith'
  version: 1
  schemaVersion: number
  tables: Partial<Record<KithTable, Row[]>>
}

function columnsOf(sqlite: Database.Database, table: KithTable): string[] {
  return sqlite.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all().map((c) => c.name)
}

export function exportKithJson(sqlite: Database.Database): { content: string; people: number; skipped: string[] } {
  const tables: Partial<Record<KithTable, Row[]>> = {}
  const skipped: string[] = []
  for (const table of KITH_TABLES) {
    let columns: string[]
    try {
      columns = columnsOf(sqlite, table)
    } catch (err) {
      // The file's list of tables is itself damaged: no table can be found, so none can be read.
      if (!isCorruptionError(err)) throw err
      tables[table] = []
      skipped.push(`${table}: none of it could be read`)
      continue
    }
    // Ordered by every column: the same data always comes out in the same order.
    const order = columns.map((_, i) => i + 1).join(', ')
    const read = readOrSalvage<Row>(sqlite, table, `SELECT * FROM ${table} ORDER BY ${order}`)
    tables[table] = read.rows
    skipped.push(...read.skipped)
  }
  const doc: KithJson = { format: 'kith', version: 1, schemaVersion: LATEST_SCHEMA_VERSION, tables }
  return { content: `${JSON.stringify(doc, null, 1)}\n`, people: tables.person?.length ?? 0, skipped }
}

// Text is made well-formed as it is read: a lone surrogate becomes U+FFFD.
const cell = z.union([z.string().transform(wellFormed), z.number(), z.null()])
const document = z.object({
  format: z.literal('kith', { error: 'format must be "kith"' }),
  version: z.literal(1, { error: 'this Kith JSON version is not known to this version of Kith' }),
  schemaVersion: z.number().int().min(1),
  tables: z.record(z.string(), z.array(z.record(z.string(), cell))),
})

/** Where in the text a JSON.parse error points, as a line number. */
function lineOfError(text: string, err: unknown): number | null {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '')
  if (m === null) return null
  return text.slice(0, Number(m[1])).split('\n').length
}

/** A Kith JSON export as read: the rows to write, and the values left out of them. */
export interface ReadKithJson {
  doc: KithJson
  /** values left out (an email that is not an address), by the person's position in the file */
  warnings: RecordProblem[]
}

export function readKithJson(text: string): ReadKithJson {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    const line = lineOfError(text, err)
    const why = err instanceof Error ? err.message.replace(/^JSON\.parse: |^Unexpected/, (m) => (m.startsWith('Unexpected') ? 'unexpected' : '')) : 'not JSON'
    throw new ImportFileError(`${line === null ? '' : `Line ${line}: `}this is not valid JSON (${why}). Nothing was imported.`, line)
  }
  const parsed = document.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`
    throw new ImportFileError(`This is not a Kith JSON export${where}: ${issue?.message ?? 'unknown shape'}. Nothing was imported.`)
  }
  const doc = parsed.data
  if (doc.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new ImportFileError(`This export comes from a newer Kith (schema ${doc.schemaVersion}; this one knows up to ${LATEST_SCHEMA_VERSION}). Update Kith first. Nothing was imported.`)
  }
  for (const table of Object.keys(doc.tables)) {
    if (!(KITH_TABLES as readonly string[]).includes(table)) throw new ImportFileError(`tables.${table}: Kith has no table called "${table}". Nothing was imported.`)
  }
  const people = doc.tables.person?.length ?? 0
  if (people > IMPORT_LIMITS.records) {
    throw new ImportFileError(`The file holds ${people.toLocaleString('en')} people; Kith imports at most ${IMPORT_LIMITS.records.toLocaleString('en')} at a time.`)
  }
  checkJsonCells(doc.tables)
  const warnings = [...dropBadEmails(doc.tables), ...renormalise(doc.tables)]
  return { doc: { format: 'kith', version: 1, schemaVersion: doc.schemaVersion, tables: doc.tables }, warnings }
}

/** Every JSON column in the file (aliases, phones, details...) must read back through its schema, or nothing is imported. */
function checkJsonCells(tables: Partial<Record<string, Row[]>>): void {
  for (const { table, column, where, rowMatches, schema } of JSON_COLUMNS) {
    if (where !== undefined && rowMatches === undefined) continue
    ;(tables[table] ?? []).forEach((row, i) => {
      if (rowMatches !== undefined && Object.entries(rowMatches).some(([k, v]) => row[k] !== v)) return
      const value = row[column]
      if (value === undefined) return
      const read = typeof value === 'string' ? readJsonColumn(schema, value) : ({ ok: false, problem: 'is not text' } as const)
      if (!read.ok) throw new ImportFileError(`tables.${table}[${i}].${column} ${read.problem}. Nothing was imported.`)
    })
  }
}

/** Emails that are not addresses are left out (the person keeps the rest), each with a warning. */
function dropBadEmails(tables: Partial<Record<KithTable, Row[]>>): RecordProblem[] {
  const rows = tables.person_email
  if (rows === undefined) return []
  const position = new Map((tables.person ?? []).map((p, i) => [p.id, i + 1]))
  const warnings: RecordProblem[] = []
  tables.person_email = rows.filter((row, i) => {
    const email = row.email
    if (typeof email === 'string' && isEmailAddress(email)) return true
    const shown = String(email).length > 60 ? `${String(email).slice(0, 57)}…` : String(email)
    warnings.push({ line: position.get(row.person_id ?? null) ?? i + 1, message: `tables.person_email[${i}]: "${shown}" is not an email address; left out` })
    return false
  })
  return warnings
}

/**
 * The normal forms Kith matches by (a label's, an email's) are worked out
 * again from the text rather than taken from the file: an edited file could
 * hold ones that do not fit it, and then needs, offers, tags and addresses
 * would not match. Two of one person's labels of a kind (or emails) that come
 * out the same keep the first; the others are left out, each with a warning.
 */
function renormalise(tables: Partial<Record<KithTable, Row[]>>): RecordProblem[] {
  const position = new Map((tables.person ?? []).map((p, i) => [p.id, i + 1]))
  const warnings: RecordProblem[] = []
  const once = (table: 'person_label' | 'person_email', text: string, normal: (text: string) => string, normColumn: string): void => {
    const rows = tables[table]
    if (rows === undefined) return
    const seen = new Set<string>()
    tables[table] = rows.filter((row, i) => {
      const value = row[text]
      if (typeof value !== 'string') return true
      const norm = normal(value)
      row[normColumn] = norm
      const key = JSON.stringify([row.person_id ?? null, row.kind ?? null, norm])
      if (!seen.has(key)) {
        seen.add(key)
        return true
      }
      const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value
      warnings.push({ line: position.get(row.person_id ?? null) ?? i + 1, message: `tables.${table}[${i}]: "${shown}" is the same as one before it for this person; left out` })
      return false
    })
  }
  once('person_label', 'label', normalizeLabel, 'label_norm')
  once('person_email', 'email', normalizeEmail, 'email_norm')
  return warnings
}

export function isEmptyDatabase(sqlite: Database.Database): boolean {
  return sqlite.prepare<[], number>('SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM interaction) + (SELECT count(*) FROM introduction)').pluck().get() === 0
}

/**
 * Writes every row of the document, ids and all, inside the caller's
 * transaction. A row SQLite refuses is reported by table and position.
 * Returns the ids it created, for the import history.
 */
export function writeKithJson(sqlite: Database.Database, doc: KithJson): { people: number[]; interactions: number[]; introductions: number[] } {
  if (!isEmptyDatabase(sqlite)) {
    throw new ImportFileError(
      'A Kith JSON export is a whole database, and this data folder already has people in it. Import it into an empty data folder, or restore a backup from Settings.',
    )
  }
  // Parents and children can arrive in any order within a table (someone introduced by a later person).
  sqlite.pragma('defer_foreign_keys = ON')
  for (const table of KITH_TABLES) {
    const rows = doc.tables[table] ?? []
    const known = new Set(columnsOf(sqlite, table))
    const statementFor = new Map<string, Database.Statement>()
    rows.forEach((row, i) => {
      const columns = Object.keys(row)
      const unknown = columns.find((c) => !known.has(c))
      if (unknown !== undefined) throw new ImportFileError(`tables.${table}[${i}]: there is no column "${unknown}". Nothing was imported.`)
      const key = columns.join(',')
      let statement = statementFor.get(key)
      if (statement === undefined) {
        const verb = table === 'setting' ? 'INSERT OR REPLACE' : 'INSERT'
        statement = sqlite.prepare(`${verb} INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
        statementFor.set(key, statement)
      }
      try {
        statement.run(...columns.map((c) => row[c] ?? null))
      } catch (err) {
        throw new ImportFileError(`tables.${table}[${i}]: ${err instanceof Error ? err.message : String(err)}. Nothing was imported.`)
      }
    })
  }
  const problems = foreignKeyProblems(sqlite)
  const first = problems[0]
  if (first !== undefined) {
    throw new ImportFileError(`tables.${first.table}: row ${first.rowid} points to a missing ${first.parent} (${problems.length} such rows). Nothing was imported.`)
  }
  const ids = (table: string): number[] => sqlite.prepare<[], number>(`SELECT id FROM ${table} ORDER BY id`).pluck().all()
  return { people: ids('person'), interactions: ids('interaction'), introductions: ids('introduction') }
}
