import path from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { KithError, errorMessage } from '../errors'
import { backupDatabase } from './backup-file'
import { DamageCheck, PendingCheck } from './damage-check'
import { ensurePrivateDir, makeFilesPrivate, makePrivate } from '../files'
import { BUSY_TIMEOUT_MS, DEFAULT_BUSY_BUDGET_MS, isCorruptionError } from './busy'
import { assertOpenable, readDbFileHeader, type DbFileHeader } from './file-check'
import { migrate } from './migrate'
import { pragmaNumber } from './pragma'
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
  /** How long the check at opening may take (QUICK_CHECK_BUDGET_MS; 0 skips it). */
  quickCheckBudgetMs?: number
  /**
   * Leave the check for damage for after opening (`OpenedDatabase.pending`)
   * when the file is at the current schema: the desktop app and browser mode
   * run it in the warm-up, so the first answers do not wait for it.
   */
  checkLater?: boolean
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
  /**
   * The check left for later (`checkLater`), or null when it ran at opening
   * (or was skipped). While it is pending the connection is `query_only`.
   */
  pending: PendingCheck | null
}

/**
 * How long the check at opening may take. `quick_check` reads every page:
 * 0.3 to 0.4 s for a 70 MB file (50,000 people, 500,000 relationships; the
 * person table 60 ms of it, relationships the rest), measured on this
 * project's shared build machine; opening without the check takes 2 ms. Tables are checked one by one, the ones holding people first,
 * until this much time has been spent checking (at opening, or in the warm-up: `checkLater`); damage in a table left unchecked is
 * caught when a call reads it (dispatch then turns the backend read-only).
 */
export const QUICK_CHECK_BUDGET_MS = 300

function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}

/**
 * Reads what the header alone cannot show: the stamp and the tables as SQLite
 * sees them (a write-ahead log may hold newer pages than the file), then
 * `quick_check`, now or (`later`) by the caller. Only reads; returns the
 * damage found.
 */
function inspect(
  sqlite: Database.Database,
  file: string,
  header: DbFileHeader,
  latest: number,
  options: { budgetMs: number; nativeBinding: string | undefined; later: boolean },
): { current: number; damage: string[]; pending: PendingCheck | null } {
  let current: number
  try {
    current = pragmaNumber(sqlite, 'user_version')
    const applicationId = pragmaNumber(sqlite, 'application_id')
    const entries = sqlite.prepare<[], number>('SELECT count(*) FROM sqlite_master').pluck().get() ?? 0
    assertOpenable(file, { ...header, exists: true, userVersion: current, applicationId, hasSchema: entries > 0 }, latest)
  } catch (err) {
    if (isCorruptionError(err)) return { current: header.userVersion, damage: [errorMessage(err)], pending: null }
    throw err
  }
  if (options.budgetMs <= 0) return { current, damage: [], pending: null }
  // On a read-only connection of its own: SQLite checked the file above
  // several times faster there than on the read-write one (0.4 s against 2.8 s).
  let checker: Database.Database = sqlite
  try {
    checker = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
  } catch {
    // A folder Kith cannot write its lock files in: check on the main connection, now.
  }
  // Later only when nothing is to be migrated: a step is never applied to a file not yet checked.
  if (options.later && checker !== sqlite && current === latest) {
    try {
      return { current, damage: [], pending: new PendingCheck(checker, options.budgetMs, file, options.nativeBinding) }
    } catch (err) {
      checker.close()
      if (isCorruptionError(err)) return { current, damage: [errorMessage(err)], pending: null }
      throw err
    }
  }
  try {
    return { current, damage: new DamageCheck(checker, options.budgetMs).finish(), pending: null }
  } catch (err) {
    if (isCorruptionError(err)) return { current, damage: [errorMessage(err)], pending: null }
    throw err
  } finally {
    if (checker !== sqlite) checker.close()
  }
}

export async function openDatabase(file: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS
  const latest = migrations.length
  const busyBudgetMs = options.busyBudgetMs ?? DEFAULT_BUSY_BUDGET_MS
  const header = readDbFileHeader(file)
  assertOpenable(file, header, latest)

  // The data folder, its backups and every file in them are the owner's alone.
  ensurePrivateDir(path.dirname(file), 'the data folder')
  ensurePrivateDir(options.backupDir, 'the backups folder')
  for (const own of [file, `${file}-wal`, `${file}-shm`]) makePrivate(own)
  makeFilesPrivate(options.backupDir)
  let sqlite: Database.Database
  try {
    sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS, nativeBinding: options.nativeBinding })
  } catch (err) {
    throw new KithError('io', `Cannot open the database ${file}: ${errorMessage(err)}`)
  }

  try {
    // A new file is made private before anything is written into it; SQLite gives its -wal and -shm the same mode.
    makePrivate(file)
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // Nothing is written before the file is known to be Kith's and sound.
    const check = { budgetMs: options.quickCheckBudgetMs ?? QUICK_CHECK_BUDGET_MS, nativeBinding: options.nativeBinding, later: options.checkLater === true }
    const { current, damage, pending } = header.exists ? inspect(sqlite, file, header, latest, check) : { current: 0, damage: [], pending: null }
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) })
    if (damage.length > 0) {
      sqlite.pragma('query_only = ON')
      return { sqlite, db, schemaVersion: current, preMigrationBackup: null, damage, pending: null }
    }
    if (pending !== null) {
      // At the current schema, and not yet checked: read-only until the check is settled.
      try {
        sqlite.pragma('foreign_keys = ON')
        sqlite.pragma('synchronous = FULL')
        sqlite.pragma('query_only = ON')
      } catch (err) {
        void pending.close()
        throw err
      }
      return { sqlite, db, schemaVersion: current, preMigrationBackup: null, damage: [], pending }
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
    return { sqlite, db, schemaVersion: to, preMigrationBackup, damage: [], pending: null }
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
