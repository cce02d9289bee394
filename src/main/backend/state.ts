import path from 'node:path'
import type Database from 'better-sqlite3'
import type { Kysely, Transaction } from 'kysely'
import { DEFAULT_BUSY_BUDGET_MS, isCorruptionError, isWriteRefusedError } from './db/busy'
import { integrityCheckAside, type StartIntegrityCheck } from './db/integrity'
import { KithError, errorMessage } from './errors'
import { BACKUP_DIR_NAME, DB_FILE_NAME } from './db/constants'
import { openDatabase, type OpenedDatabase } from './db/open'
import { DataVersionPerTurn, LocalDay } from './per-turn'
import type { Database as Schema } from './db/schema'
import { OrganisationSyncSteps, syncOrganisations, syncOrganisationsOf, type OrganisationChanges } from './orgs/model'
import { workDomainOf } from '../../shared/organisations'
import { PathGraph, type BuildStep } from './paths/graph'
import { READER_MIN_RELATIONSHIPS, RelationshipPrefetch, type RelationshipReaderOptions } from './paths/prefetch'
import { mayHoldRelationships } from './paths/relationship-columns'
import { DIRECTORY_STEP, DirectoryBuild, PeopleDirectory } from './people/directory'
import type { ScoringSettings } from '../../shared/scoring'
import { readScoring } from './settings/stored'
import { warmInSteps, type Warming } from './warm-up'

/**
 * What a write changed, as far as the caches beside the database care
 * (`BackendState.write` refreshes them by it):
 * - `{ people }`: these people, or what hangs on them (their labels, emails,
 *   jobs, relationships, interactions, favors, asks through them): the people
 *   directory and the path graph re-read just them;
 * - `'everything'`: too much to re-read person by person (an import, a new
 *   "me", organisations): every cache is rebuilt when next read;
 * - `'scoring'`: the scoring settings: re-read, and paths repriced;
 * - `'nothing'`: nothing the caches hold (tasks, drafts, other settings).
 */
export type Touched = { readonly people: Iterable<number> } | 'everything' | 'scoring' | 'nothing'

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
  /** How many people one step of the warm-up reads (`DIRECTORY_STEP`; tests make it small). */
  warmStepPeople?: number
  /**
   * Check for damage in the warm-up rather than at opening, when the file is
   * at the current schema (see `warmUp`): for the desktop app and browser
   * mode, which warm up. Nothing is written until the check is settled.
   */
  checkDamageLater?: boolean
  /**
   * Starts the relationship reader's thread (`paths/prefetch.ts`): each build
   * of the path graph then reads the relationships there while it reads the
   * rest itself. The backend's worker gives it; elsewhere the graph reads
   * them itself.
   */
  relationshipReader?: RelationshipReaderOptions
  /**
   * Starts the thread that checks a backup's copy (`db/integrity.ts`), and
   * in the warm-up the file for damage (`checkDamageLater`), so that calls
   * are answered meanwhile. The backend's worker gives it; elsewhere both
   * are checked on the calling thread.
   */
  integrityThread?: StartIntegrityCheck
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
  private readonly warmStepPeople: number
  private readonly relationshipReader: RelationshipReaderOptions | undefined
  private readonly integrityThread: StartIntegrityCheck | undefined
  /** Readers let go, and checks for damage ended, until their threads have ended (`close` and a restore wait for them). */
  private readonly readersEnding = new Set<Promise<void>>()
  private readonly clock: () => Date
  private opened: OpenedDatabase
  private cache: { dataVersion: number; directory: PeopleDirectory } | null = null
  private graphCache: { dataVersion: number; graph: PathGraph } | null = null
  private scoringCache: { dataVersion: number; settings: ScoringSettings } | null = null
  /** The directory being read step by step by `warmUp`, and what was written since its first step. */
  private building: { dataVersion: number; build: DirectoryBuild; touched: Set<number> } | null = null
  /** The path graph being built step by step by `warmUp`, its reader, and who was written since its first step. */
  private graphBuilding: { dataVersion: number; graph: PathGraph; reader: RelationshipPrefetch | null; touched: Set<number> } | null = null
  /** Company names and work domains given their organisations step by step by `warmUp`, before the path graph is built. */
  private orgSync: { dataVersion: number; steps: OrganisationSyncSteps } | null = null
  /** The warm-up, once started (see `warmUp`). */
  private warming: Warming | null = null

  protected constructor(options: BackendOptions, opened: OpenedDatabase) {
    this.dataDir = options.dataDir
    this.dbPath = path.join(options.dataDir, DB_FILE_NAME)
    this.backupDir = path.join(options.dataDir, BACKUP_DIR_NAME)
    this.nativeBinding = options.nativeBinding
    this.filePicker = options.filePicker ?? null
    this.busyBudgetMs = options.busyBudgetMs ?? DEFAULT_BUSY_BUDGET_MS
    this.quickCheckBudgetMs = options.quickCheckBudgetMs
    this.warmStepPeople = options.warmStepPeople ?? DIRECTORY_STEP
    this.relationshipReader = options.relationshipReader
    this.integrityThread = options.integrityThread
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
      checkLater: options.checkDamageLater,
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
    // The check left for later has nothing more to tell.
    this.endCheck()
    for (const listener of this.damageListeners) listener(this.opened.damage)
  }

  private readonly damageListeners = new Set<(problems: readonly string[]) => void>()

  /** Tells `listener` when damage is found after opening (by the check left for later, or by a call). */
  onDamage(listener: (problems: readonly string[]) => void): () => void {
    this.damageListeners.add(listener)
    return () => this.damageListeners.delete(listener)
  }

  /** Whether the check for damage left for after opening has not finished yet (the file is read-only meanwhile). */
  get checking(): boolean {
    return this.opened.pending !== null
  }

  /**
   * Finishes the check for damage left for after opening, now: every write
   * comes through here first, so nothing is written to a file not known to
   * be sound. Instant once it is settled.
   */
  checked(): void {
    const pending = this.opened.pending
    if (pending === null) return
    let problems: string[]
    try {
      problems = pending.finish()
    } catch (err) {
      // The disk, or another process: not damage, but not known sound either. Nothing is written; the next write tries again.
      if (!(err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('SQLITE_'))) throw err
      throw new KithError('io', `Kith could not finish checking your data for damage, so nothing was changed (SQLite: ${errorMessage(err)}). Try again.`)
    }
    this.settleCheck(problems)
  }

  /** Waits for the warm-up to settle the check (or finishes it now when no warm-up runs). */
  async whenChecked(): Promise<void> {
    if (this.opened.pending !== null && this.warming !== null) await this.warming.done
    this.checked()
  }

  /** The check's last table is done: the file is writable again, or it is damaged and stays read-only. */
  private settleCheck(problems: string[]): void {
    this.endCheck()
    if (problems.length > 0) {
      if (this.opened.damage.length > 0) return
      this.opened.damage = problems
      for (const listener of this.damageListeners) listener(problems)
      return
    }
    // A call may have found damage meanwhile: then it stays read-only.
    if (this.opened.damage.length > 0) return
    this.sqlite.pragma('query_only = OFF')
    try {
      this.sqlite.pragma('journal_mode = WAL')
    } catch (err) {
      // Another process has the file open in another mode just now: it keeps that mode until the next opening.
      if (!(err instanceof Error && 'code' in err && typeof err.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(err.code))) throw err
    }
    // A path graph built (or being built) while read-only resolved companies with the organisations it had: they
    // get theirs now. While the warm-up runs, its own sync does it a piece at a time (again, if it was refused
    // meanwhile), and drops such a graph if it wrote anything; otherwise it is done here, at once.
    if (this.orgSync?.steps.refused === true) this.orgSync = null
    if (!this.warmingOn && (this.graphCache !== null || this.graphBuilding !== null) && this.syncOrganisations()) this.forgetCaches()
  }

  now(): Date {
    return this.clock()
  }

  /** The problems integrity_check finds in a file (a backup's copy), on a thread of its own when there is one. */
  checkIntegrity(file: string): Promise<string[]> {
    return integrityCheckAside(this.integrityThread, file, this.nativeBinding)
  }

  /** Today as YYYY-MM-DD: the user's own day, in the machine's time zone. */
  today(): string {
    return this.day.of(this.clock())
  }

  private readonly day = new LocalDay()
  /** SQLite's data_version (another process has committed when it changes), read once per turn. */
  private readonly versions = new DataVersionPerTurn()

  /** SQLite's data_version as this turn read it: changed when another process has committed. */
  dataVersion(): number {
    return this.versions.read(this.sqlite)
  }

  /**
   * Everyone in memory, for the list and search. Rebuilt when another
   * process (the CLI beside the app) has committed, which SQLite's
   * data_version tells; our own writes refresh it through `write`.
   */
  directory(): PeopleDirectory {
    const dataVersion = this.versions.read(this.sqlite)
    if (this.cache === null || this.cache.dataVersion !== dataVersion) {
      // The warm-up's unfinished build, when still current, needs only the rest read.
      const building = this.building
      this.building = null
      if (building !== null && building.dataVersion === dataVersion) {
        const directory = building.build.finish()
        directory.refresh(building.touched)
        this.cache = { dataVersion, directory }
      } else {
        this.cache = { dataVersion, directory: new PeopleDirectory(this.sqlite) }
      }
    }
    return this.cache.directory
  }

  /** The people directory when it is built and current; null rather than building it. */
  directoryIfWarm(): PeopleDirectory | null {
    const cache = this.cache
    return cache !== null && cache.dataVersion === this.versions.read(this.sqlite) ? cache.directory : null
  }

  /** The scoring settings, read once and again only after a change. */
  scoring(): ScoringSettings {
    const dataVersion = this.versions.read(this.sqlite)
    if (this.scoringCache === null || this.scoringCache.dataVersion !== dataVersion) {
      this.scoringCache = { dataVersion, settings: readScoring(this) }
    }
    return this.scoringCache.settings
  }

  /**
   * Who knows whom, for path search: built once, kept current through
   * `write`, rebuilt when another process has committed. Chances are
   * repriced when the day or the scoring settings change.
   */
  paths(): PathGraph {
    const dataVersion = this.versions.read(this.sqlite)
    const scoring = this.scoring()
    if (this.graphCache === null || this.graphCache.dataVersion !== dataVersion) {
      // The warm-up's unfinished build, when still current, needs only its remaining steps.
      const building = this.graphBuilding
      this.graphBuilding = null
      if (building !== null && building.dataVersion === dataVersion) {
        try {
          building.graph.finishBuild()
        } finally {
          this.letReaderGo(building.reader)
        }
        if (building.touched.size > 0) building.graph.refresh(building.touched)
        building.graph.reprice(scoring, this.today())
        this.graphCache = { dataVersion, graph: building.graph }
      } else {
        this.letReaderGo(building?.reader ?? null)
        const reader = this.startRelationshipReader()
        try {
          this.graphCache = { dataVersion, graph: new PathGraph(this.sqlite, scoring, this.today(), reader) }
        } finally {
          this.letReaderGo(reader)
        }
      }
    } else {
      this.graphCache.graph.reprice(scoring, this.today())
    }
    return this.graphCache.graph
  }

  /** Ends the check left for after opening, if any; `close` and a restore wait for its thread to end. */
  private endCheck(): void {
    const ending = this.opened.pending?.close()
    this.opened.pending = null
    if (ending === undefined) return
    this.readersEnding.add(ending)
    void ending.then(() => this.readersEnding.delete(ending))
  }

  /** Ends a relationship reader's thread (its columns, if any come, are dropped); `close` and a restore wait for it. */
  private letReaderGo(reader: RelationshipPrefetch | null): void {
    if (reader === null) return
    const ending = reader.stop()
    this.readersEnding.add(ending)
    void ending.then(() => this.readersEnding.delete(ending))
  }

  /**
   * Builds the caches in the background right after opening, so the first
   * search and the first path search find them ready: the people directory
   * and then the search index a step of `DIRECTORY_STEP` people at a time,
   * then the path graph a part at a time (`PathGraph.buildStep`). Between
   * steps it yields to the event loop (see `warm-up.ts`), so a call waits at
   * most for the step under way; a call that needs a cache meanwhile builds
   * what remains itself (`directory`, `search`, `paths`). A write meanwhile
   * is noted and those people are re-read when the cache is done; another
   * process's commit (data_version) starts it again. `close` stops it. The
   * desktop app and browser mode warm up after opening; the CLI does not (it
   * answers one command).
   */
  warmUp(): Promise<void> {
    if (this.warming === null) {
      const warming = warmInSteps(
        { idle: () => this.idle(), withConnection: (work) => this.withConnection(work), inTransaction: () => this.sqlite.inTransaction },
        () => this.warmStepOrSettle(),
      )
      this.warming = warming
      this.warmingOn = true
      void warming.done.then(() => {
        if (this.warming === warming) this.warmingOn = false
      })
    }
    return this.warming.done
  }

  /** Whether the warm-up's steps will still run (it is under way, and has not failed nor been stopped). */
  private warmingOn = false

  /**
   * `warmStep`; a step that fails ends the warm-up, but never with the check
   * for damage unsettled (the file would stay read-only until a write came).
   */
  private warmStepOrSettle(): boolean | 'waiting' {
    try {
      return this.warmStep()
    } catch (err) {
      // It ends here: the check is settled as if no warm-up ran.
      this.warmingOn = false
      if (isCorruptionError(err)) this.markDamaged(errorMessage(err))
      this.checked()
      throw err
    }
  }

  /** The next piece of warming, done now; says whether anything is left, or that it waits for the relationships' reader. */
  private warmStep(): boolean | 'waiting' {
    const dataVersion = this.versions.read(this.sqlite)
    if (this.cache?.dataVersion !== dataVersion) {
      if (this.building?.dataVersion !== dataVersion) {
        this.building = { dataVersion, build: new DirectoryBuild(this.sqlite, this.warmStepPeople), touched: new Set() }
      }
      // The last step hands over through `directory`, which re-reads what was written meanwhile.
      if (this.building.build.step()) this.directory()
      return true
    }
    const directory = this.cache.directory
    if (!directory.searchReady) {
      directory.searchStep(this.warmStepPeople)
      return true
    }
    const pending = this.opened.pending
    const thread = this.integrityThread
    if (pending !== null && thread === undefined) {
      // After what the first page needs, a table at a time, the largest (relationships) 75 to 160 ms at 50,000 people.
      if (!pending.step()) this.checked()
      return true
    }
    // With the check's thread, the path graph is built first: the file is not yet known sound, so nothing is written
    // meanwhile (a sync of organisations that must write is refused, and done once the check finds the file sound).
    if (this.graphCache?.dataVersion !== dataVersion || this.orgSync?.dataVersion !== dataVersion || !this.orgSync.steps.done) {
      if (this.orgSyncStep(dataVersion)) return true
      // Unless that sync had to write and was refused (companies written outside Kith): then the graph waits for
      // the check and the sync after it, else it would be built twice, and the caches with it (the bench's UI
      // network, 50,000 such people: the rebuild ran into the import that followed).
      const refusedForNow = pending !== null && this.orgSync?.steps.refused === true
      if (!refusedForNow && this.graphCache?.dataVersion !== dataVersion) return this.graphStep(dataVersion)
    }
    if (pending !== null && thread !== undefined) {
      // Then the check, there: calls are answered meanwhile, and it never takes a core from the first answers.
      const aside = pending.onThread(thread)
      if (aside === 'running') return 'waiting'
      // No answer from it: a table at a time here.
      if (aside !== null || !pending.step()) this.checked()
      return true
    }
    return false
  }

  /**
   * A step of giving company names written outside Kith their organisations
   * (a database from before organisations: at 50,000 people the whole sync
   * was one step of 1 to 2 s), so that the path graph's build finds nothing
   * left to write. False once nothing is left for this data version.
   */
  private orgSyncStep(dataVersion: number): boolean {
    if (this.orgSync?.dataVersion !== dataVersion) this.orgSync = { dataVersion, steps: new OrganisationSyncSteps(this.sqlite, this.warmStepPeople) }
    const steps = this.orgSync.steps
    if (steps.done) return false
    try {
      steps.step(this.now().toISOString())
    } catch (err) {
      // A database that cannot be written just now (busy, read-only): the graph resolves with the names it has.
      if (!isWriteRefusedError(err)) throw err
      steps.done = true
      steps.refused = true
    }
    // A graph built meanwhile (a path search's) resolved companies without what these steps wrote.
    if (steps.done && steps.changed && (this.graphCache !== null || this.graphBuilding !== null)) this.forgetCaches()
    return true
  }

  /** A step of the path graph's build (begun if need be); the last one hands the graph over through `paths`. */
  private graphStep(dataVersion: number): true | 'waiting' {
    let building = this.graphBuilding
    if (building?.dataVersion !== dataVersion) {
      this.letReaderGo(building?.reader ?? null)
      const reader = this.startRelationshipReader()
      // The warm-up's own sync has just run, unless the file refused it (then the build syncs what it can).
      const synced = this.orgSync?.dataVersion === dataVersion && this.orgSync.steps.done && !this.orgSync.steps.refused
      building = { dataVersion, graph: new PathGraph(this.sqlite, this.scoring(), this.today(), reader, 'in steps', synced), reader, touched: new Set() }
      this.graphBuilding = building
      return true
    }
    let step: BuildStep
    try {
      step = building.graph.buildStep()
    } catch (err) {
      this.graphBuilding = null
      this.letReaderGo(building.reader)
      throw err
    }
    if (step === 'done') this.paths()
    return step === 'waiting' ? 'waiting' : true
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

  /**
   * The one way to change the database: runs `work` in one transaction and,
   * once it has committed, refreshes the caches beside the database as far
   * as `touched` says (see `Touched`). Nothing is refreshed when it fails:
   * the transaction rolled back, so nothing changed. A failure because
   * another process holds the file ("busy") comes at the first write and
   * leaves nothing behind, so dispatch may run the whole call again. Never
   * call a write from inside another one's work: the connection is one.
   */
  async write<T>(touched: Touched | ((result: T) => Touched), work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
    this.checked()
    const result = await this.db.transaction().execute(work)
    this.refresh(typeof touched === 'function' ? touched(result) : touched)
    return result
  }

  /**
   * `write` for synchronous better-sqlite3 work: an immediate transaction,
   * run while holding kysely's one connection so it never lands inside
   * another call's open transaction.
   */
  async writeSync<T>(touched: Touched | ((result: T) => Touched), work: () => T): Promise<T> {
    this.checked()
    const result = await this.withConnection(() => this.sqlite.transaction(work).immediate())
    this.refresh(typeof touched === 'function' ? touched(result) : touched)
    return result
  }

  /**
   * `write` for work that keeps its transaction open across awaits (a large
   * import yielding to the event loop). Run it inside `exclusive`, so no
   * other call lands in the open transaction. The caches are refreshed
   * whether it commits or not: they may have been read while it was open.
   */
  async writeLong<T>(touched: Touched, work: () => Promise<T>): Promise<T> {
    this.checked()
    this.sqlite.exec('BEGIN IMMEDIATE')
    try {
      const result = await work()
      this.sqlite.exec('COMMIT')
      return result
    } catch (err) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK')
      throw err
    } finally {
      this.refresh(touched)
    }
  }

  /** Brings the caches up to date with a committed write; only the write methods above call it. */
  private refresh(touched: Touched): void {
    if (touched === 'nothing') return
    if (touched === 'scoring') {
      // Paths are repriced on their next read (`paths` compares the settings).
      this.scoringCache = null
      return
    }
    if (touched === 'everything') {
      this.syncOrganisations()
      this.forgetCaches()
      return
    }
    const list = [...touched.people]
    // The work domains they had, as the directory read them before this write.
    const former = new Set<string>()
    for (const id of list) {
      for (const email of this.cache?.directory.entries.get(id)?.emails ?? []) {
        const domain = workDomainOf(email)
        if (domain !== null) former.add(domain)
      }
    }
    // The warm-up's unfinished sync counts their domains again at its end (the write synced the rest of them).
    if (this.orgSync?.steps.done === false) this.orgSync.steps.wrote(list, former)
    const changes = this.syncOrganisationsOf(list, former)
    if (changes !== null) {
      // A new organisation or domain: the graph follows it; one being built resolved organisations before it and
      // starts again. The directory and the search index hold no organisations.
      if (this.graphBuilding !== null) {
        this.letReaderGo(this.graphBuilding.reader)
        this.graphBuilding = null
      }
      this.graphCache?.graph.followOrganisations(changes)
    }
    this.cache?.directory.refresh(list)
    // The warm-up's unfinished directory and path graph re-read them when they are done.
    for (const id of list) {
      this.building?.touched.add(id)
      this.graphBuilding?.touched.add(id)
    }
    this.graphCache?.graph.refresh(list)
  }

  /**
   * Gives the companies and work addresses just written their organisations
   * now, as part of the write, so that no later call (a read, or a call that
   * is refused) writes them while building the path graph. Returns what the
   * path graph must follow, or null.
   */
  private syncOrganisationsOf(people: readonly number[], former: ReadonlySet<string>): OrganisationChanges | null {
    try {
      return syncOrganisationsOf(this.sqlite, this.now().toISOString(), people, former)
    } catch (err) {
      // A database that cannot be written just now (busy, read-only): the graph resolves with the names it has.
      if (isWriteRefusedError(err)) return null
      throw err
    }
  }

  /** The same for everyone (after a write that touched everything, or once writes are allowed again); says whether anything changed. */
  private syncOrganisations(): boolean {
    try {
      return syncOrganisations(this.sqlite, this.now().toISOString()).changed
    } catch (err) {
      if (isWriteRefusedError(err)) return false
      throw err
    }
  }

  /** Drops every cache: each is rebuilt from the file when next read. */
  private forgetCaches(): void {
    this.building = null
    if (this.orgSync?.steps.done === false) this.orgSync = null
    this.letReaderGo(this.graphBuilding?.reader ?? null)
    this.graphBuilding = null
    this.cache = null
    this.graphCache = null
    this.scoringCache = null
  }

  /** Closes the connection, lets `replace` swap the file, and opens it again. */
  async reopenAfter(replace: () => Promise<void>): Promise<void> {
    const warming = this.warming
    warming?.stop()
    this.warmingOn = false
    await warming?.done
    this.warming = null
    this.forgetCaches()
    // The file after is another: its companies are synced again (its data_version may read as the old one's did).
    this.orgSync = null
    // No reader of the old file is left with it open while it is replaced.
    await Promise.all(this.readersEnding)
    // Nor the check's thread.
    await this.opened.pending?.close()
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
      // Stopped for the swap: warm the caches again from the file now in place.
      if (warming !== null) void this.warmUp()
    }
  }

  /**
   * The relationships, read on a thread of their own while the build reads
   * the rest: only when there are many, and beside a WAL file, where a
   * reader never holds up a writer, nor a writer it (opening leaves a file in
   * WAL mode once it may write).
   */
  private startRelationshipReader(): RelationshipPrefetch | null {
    const reader = this.relationshipReader
    if (reader === undefined || this.sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return null
    if (!mayHoldRelationships(this.sqlite, reader.minRelationships ?? READER_MIN_RELATIONSHIPS)) return null
    return new RelationshipPrefetch(reader.start, this.dbPath, this.nativeBinding, reader.startWaitMs)
  }

  async close(): Promise<void> {
    this.warming?.stop()
    this.warmingOn = false
    await this.warming?.done
    // A graph the warm-up left half built may still have its reader reading.
    this.letReaderGo(this.graphBuilding?.reader ?? null)
    this.graphBuilding = null
    await Promise.all(this.readersEnding)
    await this.opened.pending?.close()
    this.opened.pending = null
    // Kysely's SQLite driver closes the better-sqlite3 connection too.
    await this.opened.db.destroy()
  }
}
