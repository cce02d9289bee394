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
import { ImportFileError } from './errors'
import { acquireImportLock, type LockOwner } from './lock'
import type { Plan } from './plan'
import { parseFile, type Parsed } from './parse'
import { applyParsed, buildPreview, databaseMark } from './preview'
import { IMPORT_IDLE_MS, JobTable, OPEN_PHASES, perBackend, phaseOf } from './job-table'

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

/** Thrown from a progress callback to stop reading or matching a job nobody wants any more. */
class Stopped extends Error {}

const clock = (ms: number): string => formatDate(new Date(ms), 'HH:mm')

/**
 * The import jobs of one backend. One job at a time holds the data folder's
 * import turn (see `lock.ts`); a ready job nobody applies is let go after
 * `idleMs`. A finished, cancelled or expired job keeps only its status (so a
 * caller coming back is told what happened), and that for an hour.
 */
export class ImportJobs extends JobTable<Job> {
  constructor(backend: BackendState, idleMs: number = IMPORT_IDLE_MS) {
    super(backend, idleMs)
  }

  protected goneMessage(): string {
    return 'That import is no longer open; choose the file again.'
  }

  protected expiredMessage(job: Job): string {
    const minutes = Math.round(this.idleMs / 60_000)
    return `The import of ${job.fileName} waited ${minutes === 1 ? 'a minute' : `${minutes} minutes`} without being applied, so Kith let go of it. Choose the file again to import it.`
  }

  protected drop(job: Job): void {
    job.parsed = null
    job.previewed = null
    job.status = { ...job.status, preview: null }
  }

  /** Whether a mail archive import of this process holds this job open (set by the archive jobs, made later, when they are). */
  private archiveHolds: (jobId: string) => boolean = () => false

  /** Lets a refusal tell a mail archive's preview left open in this process (see `busy`). */
  seeArchives(holds: (jobId: string) => boolean): void {
    this.archiveHolds = holds
  }

  protected owner(job: Job): LockOwner {
    return { pid: process.pid, jobId: job.id, fileName: job.fileName, phase: job.status.phase, startedAt: job.startedAt, expiresAt: job.expiresAt }
  }

  start(fileName: string, bytes: Uint8Array, format: ImportFormat | null): ImportJobStatus {
    this.sweep()
    const open = [...this.jobs.values()].find((j) => OPEN_PHASES.has(j.status.phase))
    if (open !== undefined) throw this.busy(this.owner(open), true)
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
    const lock = this.lockStep(() => acquireImportLock(this.backend.dataDir, this.owner(job), now))
    if (!lock.held) {
      // A mail archive's preview left open in this very process (its tab closed): the page can cancel it.
      const by = lock.by
      const here = by !== null && by.pid === process.pid && this.archiveHolds(by.jobId)
      throw this.busy(by, here, here ? 'archive' : 'contacts')
    }
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

  /** Every job still open (reading, matching, waiting at its preview, being written), as `status` gives it. */
  openJobs(): ImportJobStatus[] {
    return [...this.jobs.values()].filter((job) => OPEN_PHASES.has(job.status.phase)).map((job) => ({ ...job.status }))
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
    const parsed = job.parsed
    return this.writeJob(
      job,
      () => {
        job.status.progress = 0
        return applyParsed(
          this.backend,
          parsed,
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
      },
      (result) => {
        job.status = { ...job.status, phase: 'done', progress: 1, result }
      },
    )
  }

  /** Stops a job and lets go of everything it read. A job being written cannot be stopped half way; its status says so. */
  cancel(id: string): ImportJobStatus {
    this.sweep()
    const job = this.get(id)
    this.cancelOpen(job, `The import of ${job.fileName} was cancelled; choose the file again to import it.`)
    return { ...job.status }
  }

  /** Ids of the jobs still holding a file's records, plan or preview in memory (for tests). */
  holding(): string[] {
    return [...this.jobs.values()].filter((j) => j.parsed !== null || j.previewed !== null || j.status.preview !== null).map((j) => j.id)
  }

  /**
   * The refusal for an import that finds another open: `here` when it is open
   * in this process, which the page can cancel (a contacts import's, or a mail
   * archive's: `kind`).
   */
  busy(owner: LockOwner | null, here: boolean, kind: 'contacts' | 'archive' = 'contacts'): KithError {
    if (owner === null) return new KithError('conflict', 'Another import is starting in this data folder right now; try again in a moment.')
    const phase = isImportPhase(owner.phase) ? PHASE_WORDS[owner.phase] : owner.phase
    const where = here ? 'Finish it first: apply it or cancel it on the Import page' : `It is open in another Kith window or command (process ${owner.pid}); apply it or cancel it there first`
    const until = owner.phase === 'ready' ? `, or it is let go at ${clock(owner.expiresAt)} if left waiting` : ''
    return new KithError(
      'conflict',
      `Another import is open in this data folder: ${owner.fileName}, started at ${clock(owner.startedAt)} and ${phase}. Kith imports one file at a time. ${where}${until}.`,
      { openImport: { jobId: here ? owner.jobId : null, fileName: owner.fileName, phase: owner.phase, kind } },
    )
  }
}

/** The import jobs of `backend`, made when first asked for. */
export const importJobs = perBackend((backend) => new ImportJobs(backend))
