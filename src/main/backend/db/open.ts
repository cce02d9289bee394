import path from 'node:path'
import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { KithError, errorMessage } from '../errors'
import { backupDatabase } from './backup-file'
import { ensurePrivateDir, makeFilesPrivate, makePrivate } from '../files'
import { assertOpenable, readDbFileHeader } from './file-check'
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
}

export interface OpenedDatabase {
  sqlite: Database.Database
  db: Kysely<Schema>
  schemaVersion: number
  /** The copy taken before migrating an existing database, if one was needed. */
  preMigrationBackup: string | null
}

/** A commit must survive power loss; the app and the CLI may share the file. */
const BUSY_TIMEOUT_MS = 5000

function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}

function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB'
}

export async function openDatabase(file: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS
  const latest = migrations.length
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
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)

    // The header on disk may lag behind a write-ahead log; ask SQLite too.
    const current = sqlite.pragma('user_version', { simple: true }) as number
    assertOpenable(file, { ...header, exists: true, userVersion: current }, latest)

    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) })
    let preMigrationBackup: string | null = null
    if (current < latest && header.exists && current > 0) {
      const now = (options.now ?? (() => new Date()))()
      preMigrationBackup = path.join(
        options.backupDir,
        `kith-${fileStamp(now)}-pre-migrate-v${current}-to-v${latest}.sqlite`,
      )
      await backupDatabase(sqlite, preMigrationBackup, options.nativeBinding)
    }
    const { to } = await migrate(sqlite, db as unknown as Kysely<unknown>, migrations)
    return { sqlite, db, schemaVersion: to, preMigrationBackup }
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
