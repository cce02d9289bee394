/**
 * What every kind of import job shares, whatever it reads (a contacts file,
 * a mail or calendar archive): the table of jobs, the data folder's one
 * import turn (`import.lock`), a preview that waits for the user and is let
 * go when nobody comes back, cancelling, and forgetting closed jobs.
 */
import type { ImportPhase } from '../../../shared/imports'
import { KithError } from '../errors'
import { errnoCode } from '../files'
import type { BackendState } from '../state'
import { refreshImportLock, releaseImportLock, type LockOwner } from './lock'

export const IMPORT_IDLE_MS = 30 * 60 * 1000

/** Phases in which a job holds the data folder's one import turn. */
export const OPEN_PHASES: ReadonlySet<ImportPhase> = new Set<ImportPhase>(['reading', 'matching', 'ready', 'applying'])

/** The job's phase as it is now: read through a call, since another call (a cancel) may have changed it while this one waited. */
export function phaseOf(job: { status: { phase: ImportPhase } }): ImportPhase {
  return job.status.phase
}

export interface TableJob {
  id: string
  status: { phase: ImportPhase; error: string | null }
  /** backend clock, ms */
  startedAt: number
  /** when the job is let go if still waiting for the user */
  expiresAt: number
  /** when it was done, failed, cancelled or expired */
  closedAt: number | null
}

export abstract class JobTable<J extends TableJob> {
  protected readonly jobs = new Map<string, J>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    protected readonly backend: BackendState,
    protected readonly idleMs: number,
  ) {}

  protected now(): number {
    return this.backend.now().getTime()
  }

  /** Said when a job asked for is no longer open. */
  protected abstract goneMessage(): string
  /** Said when a job waited too long for the user. */
  protected abstract expiredMessage(job: J): string
  /** Drops what the job holds in memory (records, plan, preview). */
  protected abstract drop(job: J): void
  /** How the job names itself in the lock file, for other processes. */
  protected abstract owner(job: J): LockOwner

  /** Whether this job is one of these jobs and still open (the lock's holder, seen by an import of the other kind in the same process). */
  holds(jobId: string): boolean {
    this.sweep()
    const job = this.jobs.get(jobId)
    return job !== undefined && OPEN_PHASES.has(job.status.phase)
  }

  /** A job of this process waiting at its preview for the user (its page reloaded or closed), if there is one. */
  waiting(): LockOwner | null {
    this.sweep()
    for (const job of this.jobs.values()) if (job.status.phase === 'ready') return this.owner(job)
    return null
  }

  protected get(id: string): J {
    const job = this.jobs.get(id)
    if (job === undefined) throw new KithError('not_found', this.goneMessage())
    return job
  }

  /** The end of a job: what it read is dropped, and the import turn given back. */
  protected close(job: J): void {
    this.drop(job)
    job.closedAt = this.now()
    releaseImportLock(this.backend.dataDir, job.id)
  }

  /** Cancels a job that has not started writing, saying `error`; a job being written cannot be stopped half way. */
  protected cancelOpen(job: J, error: string): boolean {
    const phase = job.status.phase
    if (phase !== 'reading' && phase !== 'matching' && phase !== 'ready') return false
    job.status = { ...job.status, phase: 'cancelled', error }
    this.close(job)
    return true
  }

  /** A ready job waits `idleMs` for the user; the timer lets it go if nobody comes back. */
  protected waitForUser(job: J): void {
    job.expiresAt = this.now() + this.idleMs
    this.refresh(job)
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.sweep()
    }, this.idleMs + 1000)
    this.timer.unref()
  }

  /**
   * Writes a ready job: done and closed when the write commits; when it
   * fails, the preview stands and waits for the user again (they may change
   * their decisions and try again).
   */
  protected async writeJob<R>(job: J, write: () => Promise<R>, done: (result: R) => void): Promise<R> {
    job.status.phase = 'applying'
    job.expiresAt = this.now() + this.idleMs
    this.refresh(job)
    try {
      const result = await write()
      done(result)
      this.close(job)
      return result
    } catch (err) {
      job.status = { ...job.status, phase: 'ready' }
      this.waitForUser(job)
      throw err
    }
  }

  /** Lets go of ready jobs past their time, and forgets closed ones after an hour. */
  protected sweep(): void {
    const now = this.now()
    for (const [id, job] of this.jobs) {
      if (job.status.phase === 'ready' && now > job.expiresAt) {
        job.status = { ...job.status, phase: 'expired', error: this.expiredMessage(job) }
        this.close(job)
      }
      if (job.closedAt !== null && now - job.closedAt > 60 * 60 * 1000) this.jobs.delete(id)
    }
  }

  protected refresh(job: J): void {
    this.lockStep(() => refreshImportLock(this.backend.dataDir, this.owner(job)))
  }

  /** Runs a step on the lock file, turning a file-system failure into a plain error. */
  protected lockStep<T>(step: () => T): T {
    try {
      return step()
    } catch (err) {
      const code = errnoCode(err) ?? 'an unknown error'
      throw new KithError('io', `Kith could not note the import in its data folder (${code}); check that the folder can be written to.`)
    }
  }
}

/** One table per backend, made when first asked for. */
export function perBackend<T>(make: (backend: BackendState) => T): (backend: BackendState) => T {
  const made = new WeakMap<BackendState, T>()
  return (backend) => {
    let table = made.get(backend)
    if (table === undefined) {
      table = make(backend)
      made.set(backend, table)
    }
    return table
  }
}
