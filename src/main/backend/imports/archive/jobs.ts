/**
 * Archive import jobs: an archive is streamed through its reader in the
 * background (progress in bytes, messages and people found; cancel stops the
 * reader), folded into aggregates, planned without writing, and then applied
 * in one transaction or let go. They take the data folder's one import turn
 * (`lock.ts`), as contact imports do, so only one import runs at a time.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { ARCHIVE_FORMAT_LABELS, type ArchiveFormat, type ArchiveJobStatus, type ArchivePreview, type ArchiveResult, type ProposedOwnAddress } from '../../../../shared/imports'
import type { BackendState } from '../../state'
import { KithError, errorMessage } from '../../errors'
import { normalizeEmail } from '../../people/records'
import { readArchiveSettings } from '../../settings/service'
import { databaseMark } from '../preview'
import { IMPORT_IDLE_MS, JobTable, OPEN_PHASES, perBackend, phaseOf } from '../job-table'
import { acquireImportLock, type LockOwner } from '../lock'
import { importJobs } from '../service'
import { yieldToEventLoop } from '../yield'
import { applyLearning } from './apply'
import { detectArchive, readerFor, type ReaderOptions } from './formats'
import { READERS } from './readers'
import { Learner, learnedPerson, learnedTie, planLearning, type LearnPlan } from './learn'
import type { ArchiveItem } from './observation'

/** What a job reads: the observations of one archive, streamed by a reader or handed in directly. */
export type ObservationSource = (options: ReaderOptions) => AsyncIterable<ArchiveItem> | Iterable<ArchiveItem>

export interface ArchiveStart {
  fileName: string
  format: ArchiveFormat
  /** addresses that are the user's for this import, besides those in Settings */
  myAddresses?: readonly string[]
}

interface Job {
  id: string
  start: ArchiveStart
  status: ArchiveJobStatus
  source: ObservationSource
  /** run once when the job ends, however it ends (an uploaded archive's copy is removed) */
  whenClosed: (() => void) | null
  /** addresses the reader found that look like the user's own */
  proposed: ProposedOwnAddress[]
  plan: { plan: LearnPlan; learner: Learner; mark: string } | null
  abort: AbortController
  startedAt: number
  expiresAt: number
  closedAt: number | null
}

const CAP = 1000
/** Observations between pauses that let progress polls and other calls in. */
const SLICE = 500

export class ArchiveJobs extends JobTable<Job> {
  constructor(backend: BackendState, idleMs: number = IMPORT_IDLE_MS) {
    super(backend, idleMs)
    importJobs(backend).seeArchives((jobId) => this.holds(jobId))
  }

  protected goneMessage(): string {
    return 'That import is no longer open; start it again.'
  }

  protected expiredMessage(job: Job): string {
    return `The import of ${job.start.fileName} waited too long without being applied, so Kith let go of it; start it again.`
  }

  protected drop(job: Job): void {
    job.plan = null
    job.status = { ...job.status, preview: null }
  }

  protected override close(job: Job): void {
    super.close(job)
    const whenClosed = job.whenClosed
    job.whenClosed = null
    whenClosed?.()
  }

  protected owner(job: Job): LockOwner {
    return {
      pid: process.pid,
      jobId: job.id,
      fileName: `${job.start.fileName} (${ARCHIVE_FORMAT_LABELS[job.start.format]})`.slice(0, 500),
      phase: job.status.phase,
      startedAt: job.startedAt,
      expiresAt: job.expiresAt,
    }
  }

  /**
   * Starts reading the archive at `archivePath` (typed in the CLI, or chosen in the desktop's picker).
   * `label` names it in messages: the whole path for the CLI, only its name when the page may see them.
   */
  async startPath(archivePath: string, myAddresses: readonly string[] = [], label: string = archivePath, readers = READERS): Promise<ArchiveJobStatus> {
    const format = await detectArchive(archivePath, label)
    if (format === null) throw new KithError('bad_request', `${path.basename(archivePath)} is not a mail or calendar archive Kith can read (mbox, an Apple Mail .mbox folder, .eml files, .ics, LinkedIn's data export).`)
    const reader = readerFor(format, readers)
    return this.start({ fileName: path.basename(archivePath), format, myAddresses }, (options) => reader(archivePath, options))
  }

  /**
   * Starts a job over observations from `source`: the one entry point every reader's output goes through.
   * `whenClosed` runs once when the job ends (applied, cancelled, failed, let go), or at once if it cannot start.
   */
  start(start: ArchiveStart, source: ObservationSource, whenClosed: (() => void) | null = null): ArchiveJobStatus {
    try {
      this.sweep()
    } catch (err) {
      whenClosed?.()
      throw err
    }
    const now = this.backend.now().getTime()
    const id = randomUUID()
    const job: Job = {
      id,
      start,
      source,
      whenClosed,
      proposed: [],
      plan: null,
      abort: new AbortController(),
      startedAt: now,
      expiresAt: now + this.idleMs,
      closedAt: null,
      status: { jobId: id, format: start.format, phase: 'reading', progress: { bytes: 0, totalBytes: null, messages: 0, people: 0 }, preview: null, result: null, error: null },
    }
    let lock: ReturnType<typeof acquireImportLock>
    try {
      lock = this.lockStep(() => acquireImportLock(this.backend.dataDir, this.owner(job), now))
    } catch (err) {
      whenClosed?.()
      throw err
    }
    if (!lock.held) {
      whenClosed?.()
      const by = lock.by
      // An import left open in this very process (its tab closed on its preview), a contacts file's or another
      // archive's: the page can cancel it.
      const contacts = importJobs(this.backend)
      if (by !== null && by.pid === process.pid && contacts.holds(by.jobId)) throw contacts.busy(by, true)
      if (by !== null && by.pid === process.pid && this.holds(by.jobId)) throw contacts.busy(by, true, 'archive')
      throw contacts.busy(by, false)
    }
    this.jobs.set(id, job)
    void this.run(job, source)
    return this.copy(job)
  }

  private async run(job: Job, source: ObservationSource): Promise<void> {
    try {
      const settings = readArchiveSettings(this.backend)
      const myAddresses = new Set([...settings.myAddresses, ...(job.start.myAddresses ?? [])].map(normalizeEmail))
      const meEmails = this.backend.sqlite.prepare<[], string>('SELECT e.email_norm FROM person_email e JOIN person p ON p.id = e.person_id WHERE p.is_me = 1').pluck().all()
      for (const e of meEmails) myAddresses.add(e)
      const learner = new Learner(this.backend.sqlite, { myAddresses, now: this.backend.now().toISOString(), keepSubjects: settings.keepSubjects })
      const progress = job.status.progress
      let n = 0
      for await (const o of source({
        name: job.start.fileName,
        signal: job.abort.signal,
        onOwnAddresses: (proposed) => {
          job.proposed = proposed
        },
        onProgress: (p) => {
          progress.bytes = p.bytes
          progress.totalBytes = p.totalBytes
        },
      })) {
        if (phaseOf(job) !== 'reading') return
        learner.add(o)
        if (++n % SLICE === 0) {
          progress.messages = learner.messages
          progress.people = learner.peopleSoFar()
          await yieldToEventLoop()
          if (phaseOf(job) !== 'reading') return
        }
      }
      if (phaseOf(job) !== 'reading') return
      progress.messages = learner.messages
      progress.people = learner.peopleSoFar()
      job.status.phase = 'matching'
      await yieldToEventLoop()
      if (phaseOf(job) !== 'matching') return
      const mark = databaseMark(this.backend)
      const plan = planLearning(this.backend.sqlite, learner, this.backend.now().toISOString())
      job.plan = { plan, learner, mark }
      job.status = { ...job.status, phase: 'ready', preview: this.preview(job, plan, learner, [...myAddresses].sort()) }
      this.waitForUser(job)
    } catch (err) {
      if (!OPEN_PHASES.has(job.status.phase)) return
      job.status = { ...job.status, phase: 'failed', error: errorMessage(err) }
      this.close(job)
    }
  }

  private preview(job: Job, plan: LearnPlan, learner: Learner, myAddresses: string[]): ArchivePreview {
    const names = new Map<string, string>()
    const nameOf = this.backend.sqlite.prepare<[number], string>('SELECT name FROM person WHERE id = ?').pluck()
    for (const [key, c] of learner.correspondents) {
      const id = plan.existing.get(key)
      const known = id === undefined ? undefined : nameOf.get(id)
      names.set(key, known ?? c.name ?? c.email ?? key)
    }
    const notes: string[] = [...plan.owner.notes]
    if (myAddresses.length === 0 && job.start.format !== 'linkedin-export') {
      const what = job.start.format === 'ics' ? 'no meeting counts as one you were at' : 'no message counts as sent or received'
      notes.push(`Kith does not know your own addresses yet, so ${what}. Say which addresses are yours, or confirm the ones Kith proposes.`)
    }
    if (plan.meId === null && plan.owner.create === null) notes.push('You have not said who you are yet, so strengths to you cannot be estimated. Set "me" first.')
    return {
      jobId: job.id,
      fileName: job.start.fileName,
      format: job.start.format,
      myAddresses,
      ownAddresses: { known: myAddresses, proposed: job.proposed.filter((p) => !myAddresses.includes(normalizeEmail(p.email))).slice(0, 20) },
      messages: learner.messages,
      people: {
        created: plan.created.slice(0, CAP).map(learnedPerson),
        matched: plan.matched.slice(0, CAP).map((p) => ({ ...learnedPerson(p), name: names.get(p.key) ?? p.name })),
        heardFrom: plan.heardFrom.slice(0, CAP),
      },
      interactions: plan.interactions.length,
      ties: plan.ties.slice(0, CAP).map((t) => learnedTie(t, names)),
      totals: { created: plan.created.length, matched: plan.matched.length, heardFrom: plan.heardFrom.length, ties: plan.ties.length, errors: learner.errors.length },
      ignored: { ...learner.ignored },
      errors: learner.errors.slice(0, CAP),
      notes,
    }
  }

  status(id: string): ArchiveJobStatus {
    this.sweep()
    return this.copy(this.get(id))
  }

  async apply(id: string): Promise<ArchiveResult> {
    this.sweep()
    const job = this.get(id)
    if (job.status.phase !== 'ready' || job.plan === null) {
      throw new KithError('conflict', job.status.phase === 'done' ? 'This import was already applied.' : `This import is not ready to apply (it is ${job.status.phase}).`)
    }
    const ready = job.plan
    return this.writeJob(
      job,
      () =>
        this.backend.exclusive(async () => {
          // Planned again if anything was written since the preview.
          const plan = ready.mark === databaseMark(this.backend) ? ready.plan : planLearning(this.backend.sqlite, ready.learner, this.backend.now().toISOString())
          return applyLearning(this.backend, plan, { format: job.start.format, fileName: job.start.fileName })
        }),
      (result) => {
        job.status = { ...job.status, phase: 'done', result }
      },
    )
  }

  /** Stops a job (its reader is told to stop) and lets go of what it read. One being written cannot be stopped half way. */
  cancel(id: string): ArchiveJobStatus {
    this.sweep()
    const job = this.get(id)
    if (this.cancelOpen(job, `The import of ${job.start.fileName} was cancelled; nothing was written.`)) job.abort.abort()
    return this.copy(job)
  }

  /**
   * Reads a ready job's archive again, as a new job in its place (the old one
   * is let go): after the user confirmed their own addresses, so each
   * message's direction is decided with them.
   */
  reread(id: string): ArchiveJobStatus {
    this.sweep()
    const job = this.get(id)
    if (job.status.phase !== 'ready') throw new KithError('conflict', `This import cannot be read again now (it is ${job.status.phase}).`)
    const whenClosed = job.whenClosed
    job.whenClosed = null
    this.cancelOpen(job, `The import of ${job.start.fileName} is being read again.`)
    return this.start(job.start, job.source, whenClosed)
  }

  /** Cancels every job not being written (browser mode's server stopping); those being written end on their own. */
  cancelAll(): void {
    for (const job of this.jobs.values()) {
      if (this.cancelOpen(job, `The import of ${job.start.fileName} was cancelled when Kith stopped; nothing was written.`)) job.abort.abort()
    }
  }

  /** Every job still open (reading, matching, waiting at its preview, being written), as `status` gives it. */
  openJobs(): ArchiveJobStatus[] {
    return [...this.jobs.values()].filter((job) => OPEN_PHASES.has(job.status.phase)).map((job) => this.copy(job))
  }

  private copy(job: Job): ArchiveJobStatus {
    return { ...job.status, progress: { ...job.status.progress } }
  }
}

/** The archive import jobs of `backend`, made when first asked for. */
export const archiveJobs = perBackend((backend) => new ArchiveJobs(backend))
