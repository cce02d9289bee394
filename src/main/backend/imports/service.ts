/**
 * Import jobs: a file is read and matched in the background, a slice at a
 * time, while the caller polls its progress; the preview waits for the
 * user's decisions; then it is applied in one transaction, or cancelled.
 */
import { randomUUID } from 'node:crypto'
import { format as formatDate } from 'date-fns'
import { type ImportDecision, type ImportFormat, type ImportJobStatus, isImportPhase, type ImportPhase, type ImportResult } from '../../../shared/imports'
import type { BackendState } from '../state'
import { KithError, errorMessage } from '../errors'
import { errnoCode } from '../files'
import { ImportFileError } from './errors'
import { acquireImportLock, refreshImportLock, releaseImportLock, type LockOwner } from './lock'
import { type Plan } from './plan'
import { parseFile, type Parsed } from './parse'
import { applyParsed, buildPreview, databaseMark } from './preview'

interface Job {
  id: string
  fileName: string
  status: ImportJobStatus
  parsed: Parsed | null
  /** the preview's plan, and the database mark it was made at */
  previewed: { plan: Plan; mark: string } | null
  /** backend clock, ms */
  startedAt: number
  /** when the job is let go if still waiting for the user */
  expiresAt: number
  /** when it was done, failed, cancelled or expired */
  closedAt: number | null
}

export const IMPORT_IDLE_MS = 30 * 60 * 1000

/** Phases in which a job holds the data folder's one import turn. */
const OPEN_PHASES: ReadonlySet<ImportPhase> = new Set<ImportPhase>(['reading', 'matching', 'ready', 'applying'])

const PHASE_WORDS: Record<ImportPhase, string> = {
  reading: 'being read',
  matching: 'being matched with your people',
  ready: 'waiting to be applied or cancelled',
  applying: 'being written',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
  expired: 'expired',
}

/** The job's phase as it is now: read through a call, since another call may have changed it while this one waited. */
function phaseOf(job: Job): ImportPhase {
  return job.status.phase
}

/** Thrown from a progress callback to stop reading or matching a job nobody wants any more. */
class Stopped extends Error {}

const clock = (ms: number): string => formatDate(new Date(ms), 'HH:mm')

/**
 * The import jobs of one backend. One job at a time holds the data folder's
 * import turn (see `lock.ts`); a ready job nobody applies is let go after
 * `idleMs`. A finished, cancelled or expired job keeps only its status (so a
 * caller coming back is told what happened), and that for an hour.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly backend: BackendState,
    private readonly idleMs: number = IMPORT_IDLE_MS,
  ) {}

  private now(): number {
    return this.backend.now().getTime()
  }

  start(fileName: string, bytes: Uint8Array, format: ImportFormat | null): ImportJobStatus {
    this.sweep()
    const open = [...this.jobs.values()].find((j) => OPEN_PHASES.has(j.status.phase))
    if (open !== undefined) throw this.busy(this.ownerOf(open), true)
    const id = randomUUID()
    const now = this.now()
    const job: Job = {
      id,
      fileName,
      parsed: null,
      previewed: null,
      startedAt: now,
      expiresAt: now + this.idleMs,
      closedAt: null,
      status: { jobId: id, phase: 'reading', progress: 0, preview: null, result: null, error: null, errorLine: null },
    }
    const lock = this.lockStep(() => acquireImportLock(this.backend.dataDir, this.ownerOf(job), now))
    if (!lock.held) throw this.busy(lock.by, false)
    this.jobs.set(id, job)
    void this.run(job, bytes, format)
    return { ...job.status }
  }

  private async run(job: Job, bytes: Uint8Array, format: ImportFormat | null): Promise<void> {
    // Each progress report checks that the job is still wanted; if not, the work stops there.
    const progress = (fraction: number): void => {
      if (!OPEN_PHASES.has(job.status.phase)) throw new Stopped()
      job.status.progress = fraction
    }
    try {
      const parsed = await parseFile(bytes, format, progress)
      if (job.status.phase !== 'reading') return
      job.status.phase = 'matching'
      job.status.progress = 0
      await new Promise((resolve) => setImmediate(resolve))
      if (phaseOf(job) !== 'matching') return
      const mark = databaseMark(this.backend)
      const { preview, plan } = await buildPreview(this.backend, job.id, job.fileName, parsed, progress)
      // Cancelled while matching?
      if (phaseOf(job) !== 'matching') return
      job.parsed = parsed
      job.previewed = plan === null ? null : { plan, mark }
      job.status = { ...job.status, phase: 'ready', progress: 1, preview }
      this.waitForUser(job)
    } catch (err) {
      if (err instanceof Stopped || !OPEN_PHASES.has(job.status.phase)) return
      job.status = { ...job.status, phase: 'failed', error: errorMessage(err), errorLine: err instanceof ImportFileError ? err.line : null }
      this.close(job)
    }
  }

  status(id: string): ImportJobStatus {
    this.sweep()
    return { ...this.get(id).status }
  }

  async apply(id: string, strength: number | null, decisions: readonly ImportDecision[]): Promise<ImportResult> {
    this.sweep()
    const job = this.get(id)
    if (job.status.phase !== 'ready' || job.parsed === null) {
      const phase = job.status.phase
      const message =
        phase === 'done'
          ? 'This import was already applied.'
          : phase === 'expired' || phase === 'cancelled'
            ? (job.status.error ?? `This import was ${phase}.`)
            : `This import is not ready to apply (it is ${PHASE_WORDS[phase]}).`
      throw new KithError('conflict', message)
    }
    job.status.phase = 'applying'
    job.expiresAt = this.now() + this.idleMs
    this.refresh(job)
    try {
      job.status.progress = 0
      const result = await applyParsed(
        this.backend,
        job.parsed,
        {
          fileName: job.fileName,
          strength,
          decisions,
          onProgress: (done, total) => {
            job.status.progress = total === 0 ? 1 : done / total
          },
        },
        job.previewed,
      )
      job.status = { ...job.status, phase: 'done', progress: 1, result }
      this.close(job)
      return result
    } catch (err) {
      // The preview stands; the user may change their decisions and try again.
      job.status = { ...job.status, phase: 'ready' }
      this.waitForUser(job)
      throw err
    }
  }

  /** Stops a job and lets go of everything it read. A job being written cannot be stopped half way; its status says so. */
  cancel(id: string): ImportJobStatus {
    this.sweep()
    const job = this.get(id)
    if (job.status.phase === 'reading' || job.status.phase === 'matching' || job.status.phase === 'ready') {
      job.status = { ...job.status, phase: 'cancelled', error: `The import of ${job.fileName} was cancelled; choose the file again to import it.` }
      this.close(job)
    }
    return { ...job.status }
  }

  /** Ids of the jobs still holding a file's records, plan or preview in memory (for tests). */
  holding(): string[] {
    return [...this.jobs.values()].filter((j) => j.parsed !== null || j.previewed !== null || j.status.preview !== null).map((j) => j.id)
  }

  private get(id: string): Job {
    const job = this.jobs.get(id)
    if (job === undefined) throw new KithError('not_found', 'That import is no longer open; choose the file again.')
    return job
  }

  /** The end of a job: everything it read is dropped, and the import turn given back. */
  private close(job: Job): void {
    job.parsed = null
    job.previewed = null
    job.status = { ...job.status, preview: null }
    job.closedAt = this.now()
    releaseImportLock(this.backend.dataDir, job.id)
  }

  /** A ready job waits `idleMs` for the user; the timer lets it go if nobody comes back. */
  private waitForUser(job: Job): void {
    job.expiresAt = this.now() + this.idleMs
    this.refresh(job)
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      this.sweep()
    }, this.idleMs + 1000)
    this.timer.unref()
  }

  /** Lets go of ready jobs past their time, and forgets closed ones after an hour. */
  private sweep(): void {
    const now = this.now()
    for (const [id, job] of this.jobs) {
      if (job.status.phase === 'ready' && now > job.expiresAt) {
        const minutes = Math.round(this.idleMs / 60_000)
        job.status = {
          ...job.status,
          phase: 'expired',
          error: `The import of ${job.fileName} waited ${minutes === 1 ? 'a minute' : `${minutes} minutes`} without being applied, so Kith let go of it. Choose the file again to import it.`,
        }
        this.close(job)
      }
      if (job.closedAt !== null && now - job.closedAt > 60 * 60 * 1000) this.jobs.delete(id)
    }
  }

  private ownerOf(job: Job): LockOwner {
    return { pid: process.pid, jobId: job.id, fileName: job.fileName, phase: job.status.phase, startedAt: job.startedAt, expiresAt: job.expiresAt }
  }

  private refresh(job: Job): void {
    this.lockStep(() => refreshImportLock(this.backend.dataDir, this.ownerOf(job)))
  }

  /** Runs a step on the lock file, turning a file-system failure into a plain error. */
  private lockStep<T>(step: () => T): T {
    try {
      return step()
    } catch (err) {
      const code = errnoCode(err) ?? 'an unknown error'
      throw new KithError('io', `Kith could not note the import in its data folder (${code}); check that the folder can be written to.`)
    }
  }

  private busy(owner: LockOwner | null, here: boolean): KithError {
    if (owner === null) return new KithError('conflict', 'Another import is starting in this data folder right now; try again in a moment.')
    const phase = isImportPhase(owner.phase) ? PHASE_WORDS[owner.phase] : owner.phase
    const where = here ? 'Finish it first: apply it or cancel it on the Import page' : `It is open in another Kith window or command (process ${owner.pid}); apply it or cancel it there first`
    const until = owner.phase === 'ready' ? `, or it is let go at ${clock(owner.expiresAt)} if left waiting` : ''
    return new KithError(
      'conflict',
      `Another import is open in this data folder: ${owner.fileName}, started at ${clock(owner.startedAt)} and ${phase}. Kith imports one file at a time. ${where}${until}.`,
      { openImport: { jobId: here ? owner.jobId : null, fileName: owner.fileName, phase: owner.phase } },
    )
  }
}

const jobsByBackend = new WeakMap<BackendState, ImportJobs>()

export function importJobs(backend: BackendState): ImportJobs {
  let jobs = jobsByBackend.get(backend)
  if (jobs === undefined) {
    jobs = new ImportJobs(backend)
    jobsByBackend.set(backend, jobs)
  }
  return jobs
}
