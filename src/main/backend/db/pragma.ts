/**
 * SQLite's PRAGMAs read with the shapes SQLite gives them: the one place that
 * knows those shapes, so no caller casts what a PRAGMA returns.
 */
import type Database from 'better-sqlite3'
import { KithError } from '../errors'

/** The PRAGMAs Kith reads as a single number. */
type NumberPragma = 'user_version' | 'application_id' | 'data_version' | 'synchronous'

/**
 * `data_version` is read before every cached answer (has another process
 * committed?): its statement is prepared once per connection, not per read.
 */
const dataVersionReads = new WeakMap<Database.Database, Database.Statement<[]>>()

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
