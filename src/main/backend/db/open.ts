import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { KithError, errorMessage } from '../errors'
import { backupDatabase } from './backup-file'
import { BUSY_TIMEOUT_MS, DEFAULT_BUSY_BUDGET_MS, isCorruptionError } from './busy'
import { assertOpenable, readDbFileHeader, type DbFileHeader } from './file-check'
import { migrate } from './migrate'
import { MIGRATIONS, type Migration } from './migrations'
import type { Database as Schema } from './schema'

export interface OpenDatabaseOptions {
  /** Where the copy taken before a migration goes. */
  backupDir: string
  /** better-sqlite3 built for another runtime (Electron). */
  nativeBinding?: string
  migrations?: readonly Migration[]
  now?: () => Date
  /** How long to wait for another process's write before giving up (see busy.ts). */
  busyBudgetMs?: number
}

export interface OpenedDatabase {
  sqlite: Database.Database
  db: Kysely<Schema>
  schemaVersion: number
  /** The copy taken before migrating an existing database, if one was needed. */
  preMigrationBackup: string | null
  /**
   * What the check at opening found wrong; empty when the file is sound. A
   * damaged file is opened read-only (`query_only`): nothing is written to
   * it, not even a migration, until a backup is restored.
   */
  damage: string[]
}

/** Problems listed at most by the check at opening: enough to say what is wrong. */
const DAMAGE_LINES = 20

function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}

/**
 * Reads what the header alone cannot show: the stamp and the tables as SQLite
 * sees them (a write-ahead log may hold newer pages than the file), then
 * `quick_check`. Only reads; returns the damage found.
 */
function inspect(sqlite: Database.Database, file: string, header: DbFileHeader, latest: number): { current: number; damage: string[] } {
  let current: number
  try {
    current = sqlite.pragma('user_version', { simple: true }) as number
    const applicationId = sqlite.pragma('application_id', { simple: true }) as number
    const entries = (sqlite.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n
    assertOpenable(file, { ...header, exists: true, userVersion: current, applicationId, hasSchema: entries > 0 }, latest)
  } catch (err) {
    if (isCorruptionError(err)) return { current: header.userVersion, damage: [errorMessage(err)] }
    throw err
  }
  try {
    const rows = sqlite.pragma(`quick_check(${DAMAGE_LINES})`) as { quick_check: string }[]
    const lines = rows.map((r) => r.quick_check)
    return { current, damage: lines.length === 1 && lines[0] === 'ok' ? [] : lines }
  } catch (err) {
    if (isCorruptionError(err)) return { current, damage: [errorMessage(err)] }
    throw err
  }
}

export async function openDatabase(file: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS
  const latest = migrations.length
  const busyBudgetMs = options.busyBudgetMs ?? DEFAULT_BUSY_BUDGET_MS
  const header = readDbFileHeader(file)
  assertOpenable(file, header, latest)

  fs.mkdirSync(path.dirname(file), { recursive: true })
  let sqlite: Database.Database
  try {
    sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS, nativeBinding: options.nativeBinding })
  } catch (err) {
    throw new KithError('io', `Cannot open the database ${file}: ${errorMessage(err)}`)
  }

  try {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // Nothing is written before the file is known to be Kith's and sound.
    const { current, damage } = header.exists ? inspect(sqlite, file, header, latest) : { current: 0, damage: [] }
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) })
    if (damage.length > 0) {
      sqlite.pragma('query_only = ON')
      return { sqlite, db, schemaVersion: current, preMigrationBackup: null, damage }
    }

    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')

    let preMigrationBackup: string | null = null
    if (current < latest && header.exists && current > 0) {
      const now = (options.now ?? (() => new Date()))()
      preMigrationBackup = path.join(
        options.backupDir,
        `kith-${fileStamp(now)}-pre-migrate-v${current}-to-v${latest}.sqlite`,
      )
      await backupDatabase(sqlite, preMigrationBackup, options.nativeBinding)
    }
    const { to } = await migrate(sqlite, db as unknown as Kysely<unknown>, migrations, busyBudgetMs)
    return { sqlite, db, schemaVersion: to, preMigrationBackup, damage: [] }
  } catch (err) {
    sqlite.close()
    if (err instanceof KithError) throw err
    if (isCorruptionError(err)) {
      throw new KithError(
        'db_corrupt',
        `${file} is damaged (${errorMessage(err)}). Restore a backup with "kith restore FILE".`,
      )
    }
    throw new KithError('io', `Cannot open the database ${file}: ${errorMessage(err)}`)
  }
}

export { fileStamp }
