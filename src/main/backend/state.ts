import { format } from 'date-fns'
import path from 'node:path'
import type Database from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { DEFAULT_BUSY_BUDGET_MS } from './db/busy'
import { BACKUP_DIR_NAME, DB_FILE_NAME } from './db/constants'
import { openDatabase, type OpenedDatabase } from './db/open'
import type { Database as Schema } from './db/schema'
import { PathGraph } from './paths/graph'
import { PeopleDirectory } from './people/directory'
import type { ScoringSettings } from '../../shared/scoring'
import { readScoring } from './settings/stored'

export interface BackendOptions {
  dataDir: string
  /** better-sqlite3 built for Electron, when running inside it. */
  nativeBinding?: string
  /** The clock; tests pin it. */
  now?: () => Date
  /** The desktop app's native file dialogs; browser mode and the CLI have none. */
  filePicker?: FilePicker
  /** How long a write waits for another process to finish its own (tests shorten it). */
  busyBudgetMs?: number
  /** How long the check for damage at opening may take (tests set 0 to skip it). */
  quickCheckBudgetMs?: number
}

/**
 * Native dialogs in which the user, not the page, chooses a file. Each
 * answers the chosen path, or null when the user cancels.
 */
export interface FilePicker {
  /** Where to save a copy of the database; `suggestedName` is the file name offered. */
  saveBackupAs(suggestedName: string): Promise<string | null>
  /** Which backup file to restore. */
  openBackup(): Promise<string | null>
  /** Which mail or calendar archive to learn from: a file, or a folder (an Apple Mail export, a folder of .eml files). */
  openArchive?(what: 'file' | 'folder'): Promise<string | null>
}

/**
 * What every handler works with: the open database, the caches kept beside
 * it, the clock and the data folder. It knows nothing of dispatch or of the
 * handlers (`backend.ts` puts them together), so the domains can import it.
 * Plain Node; never imports Electron.
 */
export class BackendState {
  readonly dataDir: string
  readonly dbPath: string
  readonly backupDir: string
  readonly nativeBinding: string | undefined
  readonly filePicker: FilePicker | null
  readonly busyBudgetMs: number
  private readonly quickCheckBudgetMs: number | undefined
  private readonly clock: () => Date
  private opened: OpenedDatabase
  private cache: { dataVersion: number; directory: PeopleDirectory } | null = null
  private graphCache: { dataVersion: number; graph: PathGraph } | null = null
  private scoringCache: { dataVersion: number; settings: ScoringSettings } | null = null

  protected constructor(options: BackendOptions, opened: OpenedDatabase) {
    this.dataDir = options.dataDir
    this.dbPath = path.join(options.dataDir, DB_FILE_NAME)
    this.backupDir = path.join(options.dataDir, BACKUP_DIR_NAME)
    this.nativeBinding = options.nativeBinding
    this.filePicker = options.filePicker ?? null
    this.busyBudgetMs = options.busyBudgetMs ?? DEFAULT_BUSY_BUDGET_MS
    this.quickCheckBudgetMs = options.quickCheckBudgetMs
    this.clock = options.now ?? (() => new Date())
    this.opened = opened
  }

  /** Opens (creating, checking and migrating as needed) the database in `options.dataDir`. */
  protected static openFile(options: BackendOptions): Promise<OpenedDatabase> {
    const dbPath = path.join(options.dataDir, DB_FILE_NAME)
    return openDatabase(dbPath, {
      backupDir: path.join(options.dataDir, BACKUP_DIR_NAME),
      nativeBinding: options.nativeBinding,
      now: options.now,
      busyBudgetMs: options.busyBudgetMs,
      quickCheckBudgetMs: options.quickCheckBudgetMs,
    })
  }

  get db(): Kysely<Schema> {
    return this.opened.db
  }

  get sqlite(): Database.Database {
    return this.opened.sqlite
  }

  get schemaVersion(): number {
    return this.opened.schemaVersion
  }

  /**
   * What the check at opening found wrong with the file; empty when it is
   * sound. While not empty, dispatch refuses every write (the connection is
   * read-only too) and only reading, exporting and restoring work.
   */
  get damage(): readonly string[] {
    return this.opened.damage
  }

  /**
   * A call ran into damage the check at opening did not reach (it checks
   * within a time budget): from now on nothing is written, as if it had.
   */
  markDamaged(problem: string): void {
    if (this.opened.damage.length > 0) return
    this.opened.damage = [problem]
    this.sqlite.pragma('query_only = ON')
  }

  now(): Date {
    return this.clock()
  }

  /** Today as YYYY-MM-DD: the user's own day, in the machine's time zone. */
  today(): string {
    return format(this.clock(), 'yyyy-MM-dd')
  }

  /**
   * Everyone in memory, for the list and search. Rebuilt when another
   * process (the CLI beside the app) has committed, which SQLite's
   * data_version tells; our own writes refresh it through `touched`.
   */
  directory(): PeopleDirectory {
    const dataVersion = this.sqlite.pragma('data_version', { simple: true }) as number
    if (this.cache === null || this.cache.dataVersion !== dataVersion) {
      this.cache = { dataVersion, directory: new PeopleDirectory(this.sqlite) }
    }
    return this.cache.directory
  }

  /**
   * Who knows whom, for path search: built once, kept current through
   * `touched`, rebuilt when another process has committed. Chances are
   * repriced when the day or the scoring settings change.
   */
  /** The scoring settings, read once and again only after a change. */
  scoring(): ScoringSettings {
    const dataVersion = this.sqlite.pragma('data_version', { simple: true }) as number
    if (this.scoringCache === null || this.scoringCache.dataVersion !== dataVersion) {
      this.scoringCache = { dataVersion, settings: readScoring(this) }
    }
    return this.scoringCache.settings
  }

  paths(): PathGraph {
    const dataVersion = this.sqlite.pragma('data_version', { simple: true }) as number
    const scoring = this.scoring()
    if (this.graphCache === null || this.graphCache.dataVersion !== dataVersion) {
      this.graphCache = { dataVersion, graph: new PathGraph(this.sqlite, scoring, this.today()) }
    } else {
      this.graphCache.graph.reprice(scoring, this.today())
    }
    return this.graphCache.graph
  }

  /** Call after a committed write that changed these people. */
  touched(ids: Iterable<number>): void {
    const list = [...ids]
    this.cache?.directory.refresh(list)
    this.graphCache?.graph.refresh(list)
  }

  private writer: Promise<unknown> | null = null

  /**
   * Runs work that keeps a write transaction open across awaits (a large
   * import). Until it ends, \`idle()\` holds every other call back, so none
   * runs inside that transaction or sees half of it.
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.idle()
    const running = work()
    this.writer = running
    try {
      return await running
    } finally {
      this.writer = null
    }
  }

  /** Resolves when no exclusive work is running. */
  async idle(): Promise<void> {
    while (this.writer !== null) await this.writer.catch(() => undefined)
  }

  /**
   * Runs synchronous SQLite work while holding kysely's one connection, so
   * it never lands inside another call's open transaction.
   */
  async withConnection<T>(work: () => T): Promise<T> {
    return this.db.connection().execute(() => Promise.resolve(work()))
  }

  /** Call when the scoring settings change. */
  invalidateScoring(): void {
    this.scoringCache = null
  }

  /** Call after a write that changes too much to refresh person by person. */
  invalidate(): void {
    this.cache = null
    this.graphCache = null
    this.scoringCache = null
  }

  /** Closes the connection, lets `replace` swap the file, and opens it again. */
  async reopenAfter(replace: () => Promise<void>): Promise<void> {
    this.invalidate()
    await this.opened.db.destroy()
    try {
      await replace()
    } finally {
      this.opened = await openDatabase(this.dbPath, {
        backupDir: this.backupDir,
        nativeBinding: this.nativeBinding,
        now: this.clock,
        busyBudgetMs: this.busyBudgetMs,
        quickCheckBudgetMs: this.quickCheckBudgetMs,
      })
    }
  }

  async close(): Promise<void> {
    // Kysely's SQLite driver closes the better-sqlite3 connection too.
    await this.opened.db.destroy()
  }
}
