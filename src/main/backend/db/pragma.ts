/**
 * SQLite's PRAGMAs read with the shapes SQLite gives them: the one place that
 * knows those shapes, so no caller casts what a PRAGMA returns.
 */
import type Database from 'better-sqlite3'
import { KithError } from '../errors'

/** The PRAGMAs Kith reads as a single number. */
type NumberPragma = 'user_version' | 'application_id' | 'data_version' | 'synchronous'

/**
 * Statements read on every call (`data_version` before every cached answer,
 * `total_changes()` around every handler): prepared once per connection, not
 * per read, since preparing costs more than the read.
 */
const dataVersionReads = new WeakMap<Database.Database, Database.Statement<[]>>()
const totalChangesReads = new WeakMap<Database.Database, Database.Statement<[]>>()

/** A PRAGMA that holds one number: the schema version, Kith's stamp, the data version, or how commits wait for the disk. */
export function pragmaNumber(sqlite: Database.Database, name: NumberPragma): number {
  let value: unknown
  if (name === 'data_version') {
    let read = dataVersionReads.get(sqlite)
    if (read === undefined) {
      read = sqlite.prepare<[]>('PRAGMA data_version').pluck()
      dataVersionReads.set(sqlite, read)
    }
    value = read.get()
  } else value = sqlite.pragma(name, { simple: true })
  if (typeof value !== 'number') throw new KithError('internal', `SQLite gave no number for the database's ${name}.`)
  return value
}

/** Rows this connection has written since it opened (rolled-back ones included). */
export function totalChanges(sqlite: Database.Database): number {
  let read = totalChangesReads.get(sqlite)
  if (read === undefined) {
    read = sqlite.prepare<[]>('SELECT total_changes()').pluck()
    totalChangesReads.set(sqlite, read)
  }
  const value: unknown = read.get()
  if (typeof value !== 'number') throw new KithError('internal', 'SQLite gave no number for the rows written so far.')
  return value
}

/** The journal mode ("wal", "delete", ...). */
export function journalMode(sqlite: Database.Database): string {
  const value = sqlite.pragma('journal_mode', { simple: true })
  if (typeof value !== 'string') throw new KithError('internal', "SQLite gave no journal mode for the database.")
  return value
}

/** What `integrity_check`, or `quick_check` of one table, reports: a single "ok" when sound. */
export function checkLines(sqlite: Database.Database, check: 'integrity_check' | { quickCheckOf: string }): string[] {
  const pragma = check === 'integrity_check' ? check : `quick_check(${check.quickCheckOf})`
  return sqlite.prepare<[], string>(`PRAGMA ${pragma}`).pluck().all()
}

/** A row that points to a row missing from its parent table. */
export interface ForeignKeyProblem {
  table: string
  /** null for a table without rowids */
  rowid: number | null
  parent: string
}

/** Every row whose foreign key points nowhere. */
export function foreignKeyProblems(sqlite: Database.Database): ForeignKeyProblem[] {
  return sqlite
    .prepare<[], ForeignKeyProblem & { fkid: number }>('PRAGMA foreign_key_check')
    .all()
    .map(({ table, rowid, parent }) => ({ table, rowid, parent }))
}
