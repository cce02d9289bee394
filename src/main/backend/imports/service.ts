/**
 * Import jobs: a file is read and matched in the background, a slice at a
 * time, while the caller polls its progress; the preview waits for the
 * user's decisions; then it is applied in one transaction, or cancelled.
 */
import { randomUUID } from 'node:crypto'
import {
  DEFAULT_STRENGTH,
  IMPORT_LIMITS,
  type ImportDecision,
  type ImportFormat,
  type ImportJobStatus,
  type ImportPreview,
  type ImportResult,
} from '../../../shared/imports'
import type { Backend } from '../backend'
import { KithError, errorMessage } from '../errors'
import { applyImport, sourceTag } from './apply'
import { headerLine, readCsv, type CsvRow } from './csv'
import { decodeFile, encodingNote, type Decoded } from './decode'
import { ImportFileError, type RecordProblem } from './errors'
import { isGoogleHeader, readGoogle } from './google'
import { isEmptyDatabase, readKithJson, writeKithJson, type KithJson } from './kith-json'
import { isLinkedinHeader, readLinkedin } from './linkedin'
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
  startedAt: number
}

function fileTooBig(size: number): ImportFileError {
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`
  return new ImportFileError(`The file is ${mb(size)}; Kith imports files up to ${IMPORT_LIMITS.bytes / 1024 / 1024} MB. Split it, or export fewer contacts at a time.`)
}

function detectCsvFormat(rows: readonly CsvRow[]): ImportFormat {
  const first = rows[0]?.cells ?? []
  if (isRelationshipHeader(first)) return 'relationships'
  if (rows.slice(0, 20).some((r) => isLinkedinHeader(r.cells))) return 'linkedin'
  if (isGoogleHeader(first)) return 'google'
  const shown = first.join(',').slice(0, 80)
  throw new ImportFileError(
    `Kith cannot tell what kind of file this is. Its first line is "${shown}". Kith reads LinkedIn Connections.csv, Google Contacts CSV, vCard (.vcf), relationship sheets (person_a, person_b, strength, context) and Kith JSON; choose the format if it is one of these.`,
    1,
  )
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
  const rows = await readCsv(decoded.text, {
    maxRows: IMPORT_LIMITS.records + 25,
    fromLine: headerLine(decoded.text, isHeader),
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
  backend: Backend,
  jobId: string,
  fileName: string,
  parsed: Parsed,
  onProgress?: (fraction: number) => void,
): Promise<{ preview: ImportPreview; plan: Plan | null }> {
  if (parsed.kind === 'contacts') dropFutureBirthdays(parsed.read, backend.today())
  const plan = parsed.kind === 'contacts' ? await planImport(backend.sqlite, parsed.read, onProgress) : null
  return { preview: previewOf(backend, jobId, fileName, parsed, plan), plan }
}

function previewOf(backend: Backend, jobId: string, fileName: string, parsed: Parsed, plan: Plan | null): ImportPreview {
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
function applyJson(backend: Backend, doc: KithJson, fileName: string): ImportResult {
  const sqlite = backend.sqlite
  const now = backend.now().toISOString()
  const result: ImportResult = { batchId: null, format: 'json', created: 0, updated: 0, skipped: 0, relationshipsCreated: 0, relationshipsUpdated: 0, errors: [] }
  sqlite
    .transaction(() => {
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
    .immediate()
  backend.invalidate()
  return result
}

/**
 * Where the database stands: changes by this connection, and commits by
 * others. Equal readings mean nothing was written in between.
 */
export function databaseMark(backend: Backend): string {
  const changes = (backend.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  return `${changes}:${String(backend.sqlite.pragma('data_version', { simple: true }))}`
}

export async function applyParsed(
  backend: Backend,
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

/** The import jobs of one backend. Finished and abandoned jobs are dropped after an hour. */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>()

  constructor(private readonly backend: Backend) {}

  start(fileName: string, bytes: Uint8Array, format: ImportFormat | null): ImportJobStatus {
    this.prune()
    const id = randomUUID()
    const job: Job = {
      id,
      fileName,
      parsed: null,
      previewed: null,
      startedAt: Date.now(),
      status: { jobId: id, phase: 'reading', progress: 0, preview: null, result: null, error: null, errorLine: null },
    }
    this.jobs.set(id, job)
    void this.run(job, bytes, format)
    return { ...job.status }
  }

  private async run(job: Job, bytes: Uint8Array, format: ImportFormat | null): Promise<void> {
    try {
      const parsed = await parseFile(bytes, format, (fraction) => {
        job.status.progress = fraction
      })
      if (job.status.phase === 'cancelled') return
      job.status.phase = 'matching'
      job.status.progress = 0
      await new Promise((resolve) => setImmediate(resolve))
      const mark = databaseMark(this.backend)
      const { preview, plan } = await buildPreview(this.backend, job.id, job.fileName, parsed, (fraction) => {
        job.status.progress = fraction
      })
      // Cancelled while matching?
      if ((job.status.phase as ImportJobStatus['phase']) !== 'matching') return
      job.parsed = parsed
      job.previewed = plan === null ? null : { plan, mark }
      job.status = { ...job.status, phase: 'ready', progress: 1, preview }
    } catch (err) {
      if (job.status.phase === 'cancelled') return
      job.status = { ...job.status, phase: 'failed', error: errorMessage(err), errorLine: err instanceof ImportFileError ? err.line : null }
    }
  }

  status(id: string): ImportJobStatus {
    return { ...this.get(id).status }
  }

  async apply(id: string, strength: number | null, decisions: readonly ImportDecision[]): Promise<ImportResult> {
    const job = this.get(id)
    if (job.status.phase !== 'ready' || job.parsed === null) {
      throw new KithError('conflict', job.status.phase === 'done' ? 'This import was already applied.' : `This import is not ready to apply (it is ${job.status.phase}).`)
    }
    job.status.phase = 'applying'
    try {
      job.status.progress = 0
      const result = await applyParsed(this.backend, job.parsed, {
        fileName: job.fileName,
        strength,
        decisions,
        onProgress: (done, total) => {
          job.status.progress = total === 0 ? 1 : done / total
        },
      }, job.previewed)
      job.parsed = null
      job.previewed = null
      job.status = { ...job.status, phase: 'done', progress: 1, result, preview: null }
      return result
    } catch (err) {
      job.status = { ...job.status, phase: 'ready' }
      throw err
    }
  }

  cancel(id: string): ImportJobStatus {
    const job = this.get(id)
    if (job.status.phase !== 'done') {
      job.parsed = null
      job.previewed = null
      job.status = { ...job.status, phase: 'cancelled', preview: null }
    }
    return { ...job.status }
  }

  private get(id: string): Job {
    const job = this.jobs.get(id)
    if (job === undefined) throw new KithError('not_found', 'That import is no longer open; choose the file again.')
    return job
  }

  private prune(): void {
    const hour = 60 * 60 * 1000
    for (const [id, job] of this.jobs) {
      if (Date.now() - job.startedAt > hour) this.jobs.delete(id)
    }
  }
}

const jobsByBackend = new WeakMap<Backend, ImportJobs>()

export function importJobs(backend: Backend): ImportJobs {
  let jobs = jobsByBackend.get(backend)
  if (jobs === undefined) {
    jobs = new ImportJobs(backend)
    jobsByBackend.set(backend, jobs)
  }
  return jobs
}
