/**
 * What a file must hold before Kith restores it over the current data: the
 * tables and columns Kith's own migrations make for its schema version, and
 * some data (an empty file would empty Kith, so that needs a confirmation).
 */
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { KithError, errorMessage } from '../errors'
import { migrate } from './migrate'
import { MIGRATIONS } from './migrations'
import { pragmaNumber } from './pragma'

/** A database's schema as Kith compares it: each table's columns, and every object's SQL. */
interface Shape {
  /** table → its column names, sorted */
  columns: Map<string, string[]>
  /** "trigger name", "index name", "view name", "table name" → its SQL with white space collapsed */
  objects: Map<string, string>
}

/** Tables of SQLite's own and of its extensions, not Kith's schema. */
const INTERNAL_TABLE = /^sqlite_/

function shapeOf(sqlite: Database.Database): Shape {
  const entries = sqlite
    .prepare<[], { type: string; name: string; sql: string | null }>('SELECT type, name, sql FROM sqlite_master ORDER BY type, name')
    .all()
  const columns = new Map<string, string[]>()
  const objects = new Map<string, string>()
  for (const { type, name, sql } of entries) {
    if (INTERNAL_TABLE.test(name)) continue
    objects.set(`${type} ${name}`, (sql ?? '').replace(/\s+/g, ' ').trim())
    if (type !== 'table') continue
    const names = sqlite.prepare<[], { name: string }>(`PRAGMA table_info("${name.replace(/"/g, '""')}")`).all().map((c) => c.name)
    columns.set(name, names.sort())
  }
  return { columns, objects }
}

const expectedShapes = new Map<number, Promise<Shape>>()

/** The schema Kith's migrations make up to `version`, built once in memory. */
export function expectedShape(version: number, nativeBinding?: string): Promise<Shape> {
  let shape = expectedShapes.get(version)
  if (shape === undefined) {
    shape = (async () => {
      const sqlite = new Database(':memory:', { nativeBinding })
      const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
      try {
        await migrate(sqlite, db, MIGRATIONS.slice(0, version))
        return shapeOf(sqlite)
      } finally {
        await db.destroy()
      }
    })()
    expectedShapes.set(version, shape)
  }
  return shape
}

/**
 * How `found` differs from Kith's own schema, in words. Besides tables and
 * columns, every trigger, view and index must be Kith's, with Kith's SQL: a
 * trigger planted in a backup would otherwise run on the user's next write.
 */
function differences(expected: Shape, found: Shape): string[] {
  const said: string[] = []
  for (const [table, columns] of expected.columns) {
    const have = found.columns.get(table)
    if (have === undefined) {
      said.push(`table ${table} is missing`)
      continue
    }
    const missing = columns.filter((c) => !have.includes(c))
    const extra = have.filter((c) => !columns.includes(c))
    if (missing.length > 0) said.push(`${table} lacks ${missing.join(', ')}`)
    if (extra.length > 0) said.push(`${table} has unknown columns ${extra.join(', ')}`)
  }
  for (const table of found.columns.keys()) if (!expected.columns.has(table)) said.push(`table ${table} is not Kith's`)
  for (const [object, sql] of found.objects) {
    const kiths = expected.objects.get(object)
    if (kiths === undefined) {
      if (!object.startsWith('table ')) said.push(`${object} is not Kith's`)
    } else if (kiths !== sql && !said.some((line) => line.startsWith(object.slice(object.indexOf(' ') + 1)))) {
      said.push(`${object} is not as Kith made it`)
    }
  }
  for (const object of expected.objects.keys()) if (!found.objects.has(object) && !object.startsWith('table ')) said.push(`${object} is missing`)
  return said
}

/** How a database's schema differs from what Kith's migrations make for `version`; empty when it is Kith's own. */
export async function schemaDifferences(sqlite: Database.Database, version: number, nativeBinding?: string): Promise<string[]> {
  return differences(await expectedShape(version, nativeBinding), shapeOf(sqlite))
}

const COUNTED = [
  ['person', 'people'],
  ['relationship', 'relationships'],
  ['interaction', 'interactions'],
  ['favor', 'favors'],
] as const

export interface RestoreCheckOptions {
  /** Restore a file without any people, relationships, interactions or favors anyway. */
  confirmEmpty?: boolean
  nativeBinding?: string
}

/**
 * Refuses a Kith-stamped file whose schema is not what its `user_version`
 * says (no tables, missing tables or columns, foreign ones), and a file that
 * holds no data unless `confirmEmpty`. Reads the file only; call it after the
 * stamp and integrity checks. Messages name no path.
 */
export async function checkRestoreSource(file: string, options: RestoreCheckOptions = {}): Promise<void> {
  let source: Database.Database
  try {
    source = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
  } catch (err) {
    throw new KithError('db_corrupt', `The chosen file cannot be read as a database (${errorMessage(err)}). Nothing was changed.`)
  }
  try {
    const version = pragmaNumber(source, 'user_version')
    const found = shapeOf(source)
    if (version < 1 || found.columns.size === 0) {
      throw new KithError('not_kith_db', `The chosen file carries Kith's stamp but holds none of Kith's tables (schema ${version}). Nothing was changed.`)
    }
    const wrong = differences(await expectedShape(version, options.nativeBinding), found)
    if (wrong.length > 0) {
      const shown = wrong.slice(0, 5).join('; ') + (wrong.length > 5 ? `; and ${wrong.length - 5} more` : '')
      throw new KithError(
        'not_kith_db',
        `The chosen file does not hold Kith's schema ${version}: ${shown}. It was not made by Kith, or was changed by another program. Nothing was changed.`,
      )
    }
    const empty = COUNTED.every(([table]) => source.prepare<[], number>(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 0)
    if (empty && options.confirmEmpty !== true) {
      throw new KithError(
        'needs_confirmation',
        'The chosen file holds no people, no relationships, no interactions and no favors: restoring it would empty Kith, so nothing was changed. ' +
          'To restore it anyway, confirm it ("Restore anyway" in Settings, or kith restore FILE --confirm).',
      )
    }
  } finally {
    source.close()
  }
}
