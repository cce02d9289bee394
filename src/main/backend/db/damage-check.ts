import Database from 'better-sqlite3'
import type { Worker } from 'node:worker_threads'
import { errorMessage } from '../errors'
import { BUSY_TIMEOUT_MS, isCorruptionError } from './busy'
import { checkOnThread, type StartIntegrityCheck } from './integrity'
import { checkLines } from './pragma'

/** Problems listed at most by the check at opening: enough to say what is wrong. */
const DAMAGE_LINES = 20

/** Checked first: losing these loses people. */
const FIRST_CHECKED = ['person', 'person_email', 'person_label', 'relationship', 'setting']

/**
 * `quick_check`, table by table: the ones holding people first, until the
 * budget (the time spent checking) is used up or enough damage is found to
 * say what is wrong. Run whole at opening, or a table per step after it
 * (`OpenDatabaseOptions.checkLater`).
 */
export class DamageCheck {
  private readonly names: string[]
  private next = 0
  private spentMs = 0
  private readonly problems: string[] = []

  constructor(
    private readonly sqlite: Database.Database,
    private readonly budgetMs: number,
  ) {
    const names = sqlite
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
      .pluck()
      .all()
      .filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    const rank = (name: string): number => (FIRST_CHECKED.includes(name) ? FIRST_CHECKED.indexOf(name) : FIRST_CHECKED.length)
    // By code unit, not localeCompare: the names are ASCII, and the collator costs about 9 ms to load at every start.
    this.names = names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
  }

  /** Whether nothing is left to check: every table, the budget spent, or enough damage found. */
  get done(): boolean {
    return this.next >= this.names.length || this.spentMs >= this.budgetMs || this.problems.length >= DAMAGE_LINES
  }

  /**
   * Checks the next table; says whether anything is left. Any failure but
   * damage (the disk, another process) is thrown with the table still to
   * check: a table is never passed over unchecked.
   */
  step(): boolean {
    const name = this.names[this.next]
    if (this.done || name === undefined) return false
    const started = performance.now()
    try {
      const lines = checkLines(this.sqlite, { quickCheckOf: name })
      if (!(lines.length === 1 && lines[0] === 'ok')) this.problems.push(...lines)
      this.next++
    } catch (err) {
      if (!isCorruptionError(err)) throw err
      // A file so damaged that the check itself cannot run: that is the finding.
      this.problems.push(errorMessage(err))
      this.next = this.names.length
    }
    // Only a table checked counts against the budget: a failed try must not use it up and leave tables unchecked.
    this.spentMs += performance.now() - started
    return !this.done
  }

  /** Checks what is left; the problems found, at most DAMAGE_LINES. */
  finish(): string[] {
    while (this.step());
    return this.problems.slice(0, DAMAGE_LINES)
  }
}

/**
 * `quick_check` of a whole file within the budget, on a read-only
 * connection of its own: what the check's thread runs (`PendingCheck.onThread`).
 */
export function quickCheckFile(file: string, budgetMs: number, nativeBinding?: string): string[] {
  const connection = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    return new DamageCheck(connection, budgetMs).finish()
  } finally {
    connection.close()
  }
}

/**
 * The check for damage left for after opening (`checkLater`). Until it is
 * settled the main connection is `query_only`, so nothing is written to a
 * file not yet known to be sound; `BackendState` settles it. It runs on the
 * backup check's thread when the backend has one (`onThread`), every table
 * of it: the relationships alone take 75 to 160 ms at 50,000 people, which
 * calls would otherwise wait for. Otherwise, or when the thread gives no answer,
 * a table at a time (`step`) on a read-only connection of its own, which
 * `finish` also uses when a write cannot wait for the thread.
 */
export class PendingCheck {
  private readonly check: DamageCheck
  /** The thread's check, once started: its answer (null: none came, check here), or undefined while it runs. */
  private thread: { answer: string[] | null | undefined; worker: Worker | null; ended: Promise<void> } | null = null

  constructor(
    private readonly connection: Database.Database,
    budgetMs: number,
    private readonly file: string,
    private readonly nativeBinding: string | undefined,
  ) {
    // A file locked by another program fails the step at once (it is tried again later) rather than holding the thread.
    connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    this.check = new DamageCheck(connection, budgetMs)
  }

  /**
   * The whole check on a thread of its own, started the first time: the
   * problems it found, 'running', or null when it could not start or gave
   * no answer (a failure that is not damage, say): then `step` checks here
   * and meets whatever stopped it.
   */
  onThread(start: StartIntegrityCheck): string[] | 'running' | null {
    if (this.thread === null) {
      // Every table: there the check holds nothing up (the budget is for a check that calls wait for).
      const running = checkOnThread(start, { file: this.file, nativeBinding: this.nativeBinding, quickCheckBudgetMs: Number.POSITIVE_INFINITY })
      const thread: NonNullable<PendingCheck['thread']> = { answer: undefined, worker: running.worker, ended: running.ended }
      this.thread = thread
      void running.answer.then((answer) => {
        thread.answer = answer === null || 'failed' in answer ? null : answer.problems
      })
    }
    return this.thread.answer === undefined ? 'running' : this.thread.answer
  }

  /** Checks the next table here; says whether anything is left. */
  step(): boolean {
    return this.check.step()
  }

  /**
   * What the thread found, or else checks what is left here (the thread, if
   * still running, is stopped), and closes its connection; the problems
   * found. A failure that is not damage is thrown with the connection kept,
   * so the next try goes on from the table that failed.
   */
  finish(): string[] {
    const found = this.thread?.answer
    if (found !== undefined && found !== null) {
      void this.close()
      return found
    }
    this.stopThread()
    const problems = this.check.finish()
    void this.close()
    return problems
  }

  /** Closes the connection and stops the thread; resolves once the thread has ended. */
  close(): Promise<void> {
    if (this.connection.open) this.connection.close()
    this.stopThread()
    return this.thread?.ended ?? Promise.resolve()
  }

  private stopThread(): void {
    const thread = this.thread
    if (thread?.worker == null || thread.answer !== undefined) return
    // Its answer, should one still come, is not waited for: the check runs here instead.
    thread.answer = null
    void thread.worker.terminate()
  }
}
