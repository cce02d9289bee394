/**
 * Helpers for the migration tests beside each step in `db/migrations/`: a
 * real SQLite file brought to a given schema version, rows written at that
 * version and read back after the next step, and the schema itself described
 * in a form a snapshot can hold.
 */
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import path from 'node:path'
import { afterEach } from 'vitest'
import { migrate } from '../db/migrate'
import { MIGRATIONS } from '../db/migrations'
import { pragmaNumber } from '../db/pragma'
import { tempDir } from './temp'

/** A cell as better-sqlite3 reads and binds it. */
export type Cell = string | number | bigint | null | Buffer
export type Row = Record<string, Cell>

export interface MigrationDb {
  file: string
  sqlite: Database.Database
  db: Kysely<unknown>
}

const open: MigrationDb[] = []

afterEach(() => {
  for (const handle of open.splice(0)) if (handle.sqlite.open) handle.sqlite.close()
})

/** Connects to `file` the way `openDatabase` does for migrating: foreign keys enforced. */
export function connect(file: string): MigrationDb {
  const sqlite = new Database(file)
  sqlite.pragma('foreign_keys = ON')
  const handle = { file, sqlite, db: new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) }) }
  open.push(handle)
  return handle
}

/** A fresh, empty `kith.sqlite` in its own temporary folder (schema version 0). */
export function freshDb(): MigrationDb {
  return connect(path.join(tempDir(), 'kith.sqlite'))
}

export function userVersion(sqlite: Database.Database): number {
  return pragmaNumber(sqlite, 'user_version')
}

/**
 * Applies Kith's own migrations up to and including `version`, through the
 * same `migrate` the app uses, and checks the file says so afterwards.
 */
export async function migrateTo(handle: MigrationDb, version: number): Promise<void> {
  if (!Number.isInteger(version) || version < 0 || version > MIGRATIONS.length) {
    throw new Error(`There is no schema version ${version}; Kith knows 0 to ${MIGRATIONS.length}.`)
  }
  const before = userVersion(handle.sqlite)
  if (version < before) throw new Error(`The file is already at schema ${before}; migrations only go forward, not to ${version}.`)
  await migrate(handle.sqlite, handle.db, MIGRATIONS.slice(0, version))
  const after = userVersion(handle.sqlite)
  if (after !== version) throw new Error(`Migrating to schema ${version} left the file at ${after}.`)
}

/** A fresh file brought to `version`. */
export async function dbAt(version: number): Promise<MigrationDb> {
  const handle = freshDb()
  await migrateTo(handle, version)
  return handle
}

function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`
}

/**
 * Inserts `rows` into `table` as they are written (each row names its own
 * columns) and returns each row's rowid, in order. A rowid table's integer
 * primary key is its rowid; for a `WITHOUT ROWID` table the ids are 0.
 */
export function insertRows(sqlite: Database.Database, table: string, rows: readonly Row[]): number[] {
  return rows.map((row) => {
    const columns = Object.keys(row)
    const statement = sqlite.prepare(
      `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    )
    return Number(statement.run(...columns.map((c) => row[c] ?? null)).lastInsertRowid)
  })
}

/** Inserts one row and returns its rowid. */
export function insertRow(sqlite: Database.Database, table: string, row: Row): number {
  const [id] = insertRows(sqlite, table, [row])
  if (id === undefined) throw new Error(`Inserting into ${table} returned no row.`)
  return id
}

/** When the rows the helpers write were made and last changed. */
export const WRITTEN_AT = '2026-03-02T09:30:00.000Z'

/**
 * Inserts one person per name (with `fields` on each) and returns their ids,
 * one per name in the same order.
 */
export function insertPeople<const Names extends readonly string[]>(
  sqlite: Database.Database,
  names: Names,
  fields: Row = {},
): { [K in keyof Names]: number } {
  return names.map((name) => insertRow(sqlite, 'person', { created_at: WRITTEN_AT, updated_at: WRITTEN_AT, ...fields, name })) as {
    [K in keyof Names]: number
  }
}

/** Primary-key columns in key order, or none for a table keyed by rowid alone. */
function keyColumns(sqlite: Database.Database, table: string): string[] {
  const info = sqlite.prepare<[], { name: string; pk: number }>(`PRAGMA table_info(${quoted(table)})`).all()
  return info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name)
}

/**
 * Every row of `table` with every column, in primary-key order (rowid order
 * for a table without a declared key), or only `columns` when given.
 */
export function tableRows(sqlite: Database.Database, table: string, columns?: readonly string[]): Row[] {
  const keys = keyColumns(sqlite, table)
  const order = keys.length > 0 ? keys.map(quoted).join(', ') : 'rowid'
  const select = columns === undefined ? '*' : columns.map(quoted).join(', ')
  return sqlite.prepare<[], Row>(`SELECT ${select} FROM ${quoted(table)} ORDER BY ${order}`).all()
}

/** How SQLite would run `query`: the `detail` lines of EXPLAIN QUERY PLAN. */
export function queryPlan(sqlite: Database.Database, query: string, ...params: Cell[]): string[] {
  return sqlite.prepare<Cell[], { detail: string }>(`EXPLAIN QUERY PLAN ${query}`).all(...params).map((r) => r.detail)
}

/** One table as the snapshot records it. */
export interface TableShape {
  sql: string
  /** `PRAGMA table_info`, one line a column: name, type, NOT NULL, default, key position. */
  columns: string[]
  /** `PRAGMA index_list` with `index_info`: name, UNIQUE, PARTIAL, what made it, its columns. */
  indexes: string[]
  /** `PRAGMA foreign_key_list`: columns, target, actions. */
  foreignKeys: string[]
}

export interface SchemaShape {
  userVersion: number
  applicationId: number
  tables: Record<string, TableShape>
  /** CREATE INDEX (and any view or trigger) statements, by name. */
  others: Record<string, string>
}

/** What `PRAGMA index_list` says made an index. */
const INDEX_ORIGIN: Partial<Record<string, string>> = { c: 'by CREATE INDEX', u: 'for UNIQUE', pk: 'for PRIMARY KEY' }

/**
 * SQL as stored in sqlite_master, with runs of white space made one space, so
 * re-indenting a migration's text is not a schema change but anything else is.
 */
export function normaliseSql(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .trim()
}

/** The whole schema of an open file, in a stable order, for snapshots and comparisons. */
export function schemaShape(sqlite: Database.Database): SchemaShape {
  const objects = sqlite
    .prepare<[], { type: string; name: string; sql: string | null }>("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")
    .all()
  const tables: Record<string, TableShape> = {}
  const others: Record<string, string> = {}
  for (const object of objects) {
    if (object.type !== 'table') {
      if (object.sql !== null) others[`${object.type} ${object.name}`] = normaliseSql(object.sql)
      continue
    }
    const table = quoted(object.name)
    const columns = sqlite
      .prepare<[], { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(`PRAGMA table_info(${table})`)
      .all()
      .map((c) =>
      [c.name, c.type || '(no type)', c.notnull === 1 ? 'NOT NULL' : '', c.dflt_value === null ? '' : `DEFAULT ${c.dflt_value}`, c.pk > 0 ? `KEY ${c.pk}` : '']
        .filter((part) => part !== '')
        .join(' '),
    )
    const indexes = sqlite
      .prepare<[], { name: string; unique: number; origin: string; partial: number }>(`PRAGMA index_list(${table})`)
      .all()
      .map((i) => {
        const on = sqlite
          .prepare<[], { seqno: number; name: string | null }>(`PRAGMA index_info(${quoted(i.name)})`)
          .all()
          .sort((a, b) => a.seqno - b.seqno)
          .map((c) => c.name ?? '(expression)')
        // SQLite's own indexes for UNIQUE and PRIMARY KEY are named by position; the origin and columns say what they are.
        const name = i.name.startsWith('sqlite_autoindex_') ? '(automatic)' : i.name
        return [name, i.unique === 1 ? 'UNIQUE' : '', i.partial === 1 ? 'PARTIAL' : '', INDEX_ORIGIN[i.origin] ?? `origin ${i.origin}`, `(${on.join(', ')})`]
          .filter((part) => part !== '')
          .join(' ')
      })
      .sort()
    const foreignKeys = sqlite
      .prepare<[], { id: number; seq: number; table: string; from: string; to: string | null; on_update: string; on_delete: string }>(`PRAGMA foreign_key_list(${table})`)
      .all()
      .map((f) => `${f.from} -> ${f.table}(${f.to ?? 'its key'}) ON DELETE ${f.on_delete} ON UPDATE ${f.on_update}`)
      .sort()
    tables[object.name] = { sql: normaliseSql(object.sql ?? ''), columns, indexes, foreignKeys }
  }
  return {
    userVersion: userVersion(sqlite),
    applicationId: pragmaNumber(sqlite, 'application_id'),
    tables,
    others,
  }
}
