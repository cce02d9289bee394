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

type Shape = Map<string, string[]>

/** Tables of SQLite's own and of its extensions, not Kith's schema. */
const INTERNAL_TABLE = /^sqlite_/

function shapeOf(sqlite: Database.Database): Shape {
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((name) => !INTERNAL_TABLE.test(name))
  const shape: Shape = new Map()
  for (const table of tables) {
    const columns = (sqlite.prepare(`PRAGMA table_info("${table.replace(/"/g, '""')}")`).all() as { name: string }[]).map((c) => c.name)
    shape.set(table, columns.sort())
  }
  return shape
}

const expectedShapes = new Map<number, Promise<Shape>>()

/** The tables and columns Kith's migrations make up to `version`, built once in memory. */
function expectedShape(version: number, nativeBinding?: string): Promise<Shape> {
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

function differences(expected: Shape, found: Shape): string[] {
  const said: string[] = []
  for (const [table, columns] of expected) {
    const have = found.get(table)
    if (have === undefined) {
      said.push(`table ${table} is missing`)
      continue
    }
    const missing = columns.filter((c) => !have.includes(c))
    const extra = have.filter((c) => !columns.includes(c))
    if (missing.length > 0) said.push(`${table} lacks ${missing.join(', ')}`)
    if (extra.length > 0) said.push(`${table} has unknown columns ${extra.join(', ')}`)
  }
  for (const table of found.keys()) if (!expected.has(table)) said.push(`table ${table} is not Kith's`)
  return said
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
    const version = source.pragma('user_version', { simple: true }) as number
    const found = shapeOf(source)
    if (version < 1 || found.size === 0) {
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
    const empty = COUNTED.every(([table]) => (source.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`).get() as { any: number }).any === 0)
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
