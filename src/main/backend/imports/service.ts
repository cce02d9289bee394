/**
 * Import jobs: a file is read and matched in the background, a slice at a
 * time, while the caller polls its progress; the preview waits for the
 * user's decisions; then it is applied in one transaction, or cancelled.
 */
import { randomUUID } from 'node:crypto'
import { format as formatDate } from 'date-fns'
import {
  DEFAULT_STRENGTH,
  IMPORT_LIMITS,
  importTooBigMessage,
  type ImportDecision,
  type ImportFormat,
  type ImportJobStatus,
  isImportPhase,
  type ImportPhase,
  type ImportPreview,
  type ImportResult,
} from '../../../shared/imports'
import type { BackendState } from '../state'
import { KithError, errorMessage } from '../errors'
import { errnoCode } from '../files'
import { applyImport, sourceTag } from './apply'
import { findHeaderLine, readCsv, type CsvRow } from './csv'
import { decodeFile, encodingNote, type Decoded } from './decode'
import { ImportFileError, type RecordProblem } from './errors'
import { isGoogleHeader, readGoogle } from './google'
import { isEmptyDatabase, readKithJson, writeKithJson, type KithJson } from './kith-json'
import { isLinkedinHeader, readLinkedin } from './linkedin'
import { acquireImportLock, refreshImportLock, releaseImportLock, type LockOwner } from './lock'
import { columnLabel, mergeChanges, planImport, type Plan } from './plan'
import type { ReadResult } from './read-result'
import { isRelationshipHeader, readRelationships } from './relationships'
import { readVcard, tooManyCards } from './vcard'

/** What was read from a file: contacts (to match) or a whole Kith database. */
export type Parsed = { kind: 'contacts'; read: ReadResult; notes: string[] } | { kind: 'json'; doc: KithJson; notes: string[]; warnings: RecordProblem[] }

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

function fileTooBig(size: number): ImportFileError {
  return new ImportFileError(importTooBigMessage('The file', size))
}

/** Said when no format was chosen and the file's opening lines match none Kith reads. */
function unknownKind(firstLine: string): ImportFileError {
  // Only printable text is quoted back, and only the start of it.
  const shown = firstLine.replace(/[^\p{L}\p{N}\p{P}\p{S}\p{Zs}]/gu, ' ').trim().slice(0, 80)
  return new ImportFileError(
    `Kith cannot tell what kind of file this is. Its first line is "${shown}". Kith reads LinkedIn Connections.csv, Google Contacts CSV, vCard (.vcf), relationship sheets (person_a, person_b, strength, context) and Kith JSON; choose the format if it is one of these.`,
    1,
  )
}

function detectCsvFormat(rows: readonly CsvRow[]): ImportFormat {
  const first = rows[0]?.cells ?? []
  if (isRelationshipHeader(first)) return 'relationships'
  if (rows.slice(0, 20).some((r) => isLinkedinHeader(r.cells))) return 'linkedin'
  if (isGoogleHeader(first)) return 'google'
  throw unknownKind(first.join(','))
}

/** Reads a whole file into records, refusing what is too big or unreadable as a whole. */
export async function parseFile(bytes: Uint8Array, format: ImportFormat | null, onProgress: (fraction: number) => void = () => undefined): Promise<Parsed> {
  if (bytes.length > IMPORT_LIMITS.bytes) throw fileTooBig(bytes.length)
  if (bytes.length === 0) throw new ImportFileError('The file is empty.')
  const decoded = decodeFile(bytes)
  const notes = [encodingNote(decoded.encoding)].filter((n): n is string => n !== null)
  const head = decoded.text.trimStart()
  const guess: ImportFormat | null = format ?? (head.startsWith('{') ? 'json' : /^BEGIN:VCARD/i.test(head) ? 'vcard' : null)
  if (guess === 'json') {
    const { doc, warnings } = readKithJson(decoded.text)
    return { kind: 'json', doc, notes, warnings }
  }
  if (guess === 'vcard') {
    const encoding: Decoded = { encoding: decoded.encoding, bomLength: decoded.bomLength }
    return { kind: 'contacts', read: await readVcard(bytes, encoding, { maxRecords: IMPORT_LIMITS.records, onProgress }), notes }
  }
  const isHeader = (cells: string[]): boolean =>
    guess === 'linkedin' ? isLinkedinHeader(cells) : guess === null ? isLinkedinHeader(cells) || isGoogleHeader(cells) || isRelationshipHeader(cells) : true
  const found = findHeaderLine(decoded.text, isHeader)
  // No format chosen and no header Kith knows near the top: say so before reading it all as CSV.
  if (guess === null && found === null) throw unknownKind(decoded.text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '')
  const rows = await readCsv(decoded.text, {
    maxRows: IMPORT_LIMITS.records + 25,
    fromLine: found ?? 1,
    onProgress,
    tooMany: () => tooManyCards(IMPORT_LIMITS.records),
  })
  const csvFormat = guess ?? detectCsvFormat(rows)
  const read = csvFormat === 'linkedin' ? await readLinkedin(rows) : csvFormat === 'google' ? await readGoogle(rows) : csvFormat === 'relationships' ? await readRelationships(rows) : null
  if (read === null) throw new ImportFileError(`A ${csvFormat} file is not CSV.`)
  if (read.records > IMPORT_LIMITS.records) throw tooManyCards(IMPORT_LIMITS.records)
  if (read.records === 0) throw new ImportFileError('The file has a header but no contacts in it.')
  return { kind: 'contacts', read, notes }
}

const CAP = 1000

/**
 * A full birthday after today cannot be right (the app refuses it too): it is
 * left out, with a note on its line, and the rest of the record imported.
 * Needs the user's today, so it runs here rather than in the readers.
 */
function dropFutureBirthdays(read: ReadResult, today: string): void {
  let dropped = false
  for (const p of read.people) {
    if (p.birthday !== null && !p.birthday.startsWith('--') && p.birthday > today) {
      read.warnings.push({ line: p.line, message: `the birthday ${p.birthday} is in the future; left out` })
      p.birthday = null
      dropped = true
    }
  }
  if (dropped) read.warnings.sort((a, b) => a.line - b.line)
}

export async function buildPreview(
  backend: BackendState,
  jobId: string,
  fileName: string,
  parsed: Parsed,
  onProgress?: (fraction: number) => void,
): Promise<{ preview: ImportPreview; plan: Plan | null }> {
  if (parsed.kind === 'contacts') dropFutureBirthdays(parsed.read, backend.today())
  const plan = parsed.kind === 'contacts' ? await planImport(backend.sqlite, parsed.read, onProgress) : null
  return { preview: previewOf(backend, jobId, fileName, parsed, plan), plan }
}

function previewOf(backend: BackendState, jobId: string, fileName: string, parsed: Parsed, plan: Plan | null): ImportPreview {
  const meSet = backend.sqlite.prepare('SELECT 1 FROM person WHERE is_me = 1').get() !== undefined
  const base = {
    jobId,
    fileName,
    notes: [...parsed.notes],
    meSet,
    matches: [],
    newPeople: [],
    relationships: [],
  }
  const zero = { new: 0, matches: 0, duplicates: 0, unchanged: 0, errors: 0, ignored: 0, relationshipsNew: 0, relationshipsUpdated: 0, peopleCreatedForRelationships: 0 }
  if (parsed.kind === 'json') {
    const people = parsed.doc.tables.person ?? []
    if (!isEmptyDatabase(backend.sqlite)) {
      throw new ImportFileError('A Kith JSON export is a whole database, and this data folder already has people in it. Import it into an empty data folder, or restore a backup from Settings.')
    }
    return {
      ...base,
      format: 'json',
      records: people.length,
      counts: { ...zero, new: people.length },
      tag: null,
      defaultStrength: null,
      newPeople: people.slice(0, 200).map((p, index) => ({
        index,
        line: index + 1,
        name: String(p.name ?? ''),
        company: typeof p.company === 'string' ? p.company : null,
        title: typeof p.title === 'string' ? p.title : null,
        email: null,
        duplicates: 0,
      })),
      errors: [],
      warnings: parsed.warnings.slice(0, CAP),
      ignored: [],
    }
  }
  const { read } = parsed
  if (plan === null) throw new Error('a contacts file needs its plan')
  if (!meSet && read.format !== 'relationships') base.notes.push('You have not said who you are yet, so imported people cannot be linked to you. Set "me" first to link them.')
  // Each match with what a merge would change, worked out once.
  const matches = plan.people.flatMap((p) => (p.match === null ? [] : [{ planned: p, match: p.match, changes: mergeChanges(p.match.person, p.record, 'mine') }]))
  const unchanged = matches.filter((m) => Object.keys(m.changes.fields).length === 0 && m.changes.conflicts.length === 0)
  const errors = [...read.problems, ...plan.problems].sort((a, b) => a.line - b.line)
  const creates = new Set(plan.relationships.flatMap((r) => [r.a, r.b]).flatMap((s) => (s.kind === 'create' ? [s.key] : [])))
  return {
    ...base,
    format: read.format,
    records: read.records,
    counts: {
      new: plan.people.length - matches.length,
      matches: matches.length,
      duplicates: plan.duplicates,
      unchanged: unchanged.length,
      errors: errors.length,
      ignored: read.ignored.length,
      relationshipsNew: plan.relationships.filter((r) => r.existing === null).length,
      relationshipsUpdated: plan.relationships.filter((r) => r.existing !== null && r.existing.strength !== r.input.strength).length,
      peopleCreatedForRelationships: creates.size,
    },
    tag: sourceTag(read.format, backend.today()),
    defaultStrength: meSet ? DEFAULT_STRENGTH[read.format] : null,
    matches: matches.slice(0, 5000).map(({ planned, match, changes }) => ({
      index: planned.index,
      line: planned.record.line,
      name: planned.record.name,
      company: planned.record.company,
      existing: { id: match.person.id, name: `${match.person.name}${match.person.archived ? ' (archived)' : ''}`, company: match.person.company },
      by: match.by,
      adds: Object.keys(changes.fields).map(columnLabel),
      conflicts: changes.conflicts,
    })),
    newPeople: plan.people
      .filter((p) => p.match === null)
      .slice(0, 200)
      .map((p) => ({
        index: p.index,
        line: p.record.line,
        name: p.record.name,
        company: p.record.company,
        title: p.record.title,
        email: p.record.emails[0] ?? null,
        duplicates: p.duplicates,
      })),
    relationships: plan.relationships.slice(0, 500).map((r) => ({
      line: r.line,
      a: r.a.name,
      b: r.b.name,
      strength: r.input.strength,
      action: r.existing === null ? 'new' : r.existing.strength === r.input.strength ? 'same' : 'update',
      creates: [r.a, r.b].flatMap((s) => (s.kind === 'create' ? [s.name] : [])),
    })),
    errors: errors.slice(0, CAP),
    warnings: read.warnings.slice(0, CAP),
    ignored: read.ignored.slice(0, CAP),
  }
}

/** Applies a whole Kith JSON export to an empty database, in one transaction. */
async function applyJson(backend: BackendState, doc: KithJson, fileName: string): Promise<ImportResult> {
  const sqlite = backend.sqlite
  const now = backend.now().toISOString()
  const result: ImportResult = { batchId: null, format: 'json', created: 0, updated: 0, skipped: 0, relationshipsCreated: 0, relationshipsUpdated: 0, errors: [] }
  await backend
    .writeSync('everything', () => {
      const ids = writeKithJson(sqlite, doc)
      const batchId = Number(
        sqlite
          .prepare("INSERT INTO import_batch (format, file_name, tag, strength, created_count, updated_count, skipped_count, error_count, created_at) VALUES ('json', ?, NULL, NULL, ?, 0, 0, 0, ?)")
          .run(fileName, ids.people.length, now).lastInsertRowid,
      )
      const item = sqlite.prepare("INSERT INTO import_item (batch_id, entity, entity_id, action) VALUES (?, ?, ?, 'created')")
      for (const id of ids.people) item.run(batchId, 'person', id)
      for (const id of ids.interactions) item.run(batchId, 'interaction', id)
      for (const id of ids.introductions) item.run(batchId, 'introduction', id)
      result.batchId = batchId
      result.created = ids.people.length
      result.relationshipsCreated = (doc.tables.relationship ?? []).length
    })
  return result
}

/**
 * Where the database stands: changes by this connection, and commits by
 * others. Equal readings mean nothing was written in between.
 */
export function databaseMark(backend: BackendState): string {
  const changes = (backend.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  return `${changes}:${String(backend.sqlite.pragma('data_version', { simple: true }))}`
}

export async function applyParsed(
  backend: BackendState,
  parsed: Parsed,
  options: { fileName: string; strength: number | null; decisions: readonly ImportDecision[]; onProgress?: (done: number, total: number) => void },
  /** the plan the preview showed, used when nothing has been written since */
  previewed: { plan: Plan; mark: string } | null = null,
): Promise<ImportResult> {
  if (parsed.kind === 'json') return applyJson(backend, parsed.doc, options.fileName)
  const { read } = parsed
  dropFutureBirthdays(read, backend.today())
  return backend.exclusive(async () => {
    // Planned again if anything was written since the preview.
    const plan: Plan = previewed !== null && previewed.mark === databaseMark(backend) ? previewed.plan : await planImport(backend.sqlite, read)
    return applyImport(backend, read, plan, options)
  })
}

/** A preview left this long without being applied or cancelled is let go, and its memory with it. */
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
