/**
 * What the main thread and the backend's worker thread say to each other.
 * A message crossing the thread boundary is input like any other: each side
 * reads what it receives through these schemas, and a message that does not
 * fit is refused with a plain error (it never crashes the reader).
 */
import { z } from 'zod'
import { isApiResponse, type ApiError, type ApiResponse } from '../../shared/api'
import { archiveUploadArgs } from '../../shared/imports'

/** What the worker is started with (its `workerData`): plain data, since it is copied to the other thread. */
export const workerOptionsSchema = z.strictObject({
  dataDir: z.string().min(1),
  nativeBinding: z.string().min(1).optional(),
  busyBudgetMs: z.number().int().min(0).optional(),
  quickCheckBudgetMs: z.number().int().min(0).optional(),
  /** A pinned clock (ISO time) for tests and e2e; the real clock when absent. */
  fixedNow: z.iso.datetime().optional(),
  /** Which native dialogs the main thread can show for the worker: none, or backups (and archives). */
  filePicker: z.enum(['none', 'backups', 'backups-and-archives']).default('none'),
  /** Take the automatic backups (daily, kept by rotation) inside the worker. */
  autoBackups: z.boolean().default(false),
  /** How often to look for follow-ups that fell due; null: never. */
  dueTaskCheckMs: z.number().int().min(10).nullable().default(null),
  /** How often to report the progress of open archive imports. */
  jobProgressMs: z.number().int().min(10).default(500),
  /**
   * Tests only (`BackendHost.start`'s `testCrashOn`): the worker throws
   * outside any call as soon as it has begun answering this method. Never
   * set from the page: nothing the page sends reaches a worker's options.
   */
  crashOn: z.string().min(1).optional(),
})

export type WorkerOptions = z.output<typeof workerOptionsSchema>
export type WorkerOptionsIn = z.input<typeof workerOptionsSchema>

const callId = z.number().int().min(1)

/** An uploaded archive's private copy, written by the main thread, for the worker to start a job on. */
export const uploadedCopySchema = z.strictObject({
  file: z.string().min(1),
  ...archiveUploadArgs.shape,
})

/** Main thread to worker. */
export const toWorkerSchema = z.discriminatedUnion('type', [
  /** A contract call: the method and arguments as the door received them (dispatch checks both). */
  z.strictObject({ type: z.literal('call'), id: callId, method: z.unknown(), args: z.unknown() }),
  /** Start an archive job on an uploaded copy (browser mode). */
  z.strictObject({ type: z.literal('upload'), id: callId, copy: uploadedCopySchema }),
  /** Cancel one archive job (the page went away as its upload ended). */
  z.strictObject({ type: z.literal('cancelJob'), jobId: z.string().min(1).max(100) }),
  /** Cancel every archive job not being written, and remove the uploads' copies (the server stops). */
  z.strictObject({ type: z.literal('stopJobs'), id: callId }),
  /** The answer of a native dialog the worker asked for. */
  z.strictObject({ type: z.literal('picked'), id: callId, path: z.string().min(1).nullable() }),
  /** Close the database and stop. */
  z.strictObject({ type: z.literal('close'), id: callId }),
])

export type ToWorker = z.output<typeof toWorkerSchema>

const apiResponse = z.custom<ApiResponse<unknown>>((value) => isApiResponse(value), 'not an answer envelope')

const apiError = z.custom<ApiError>((value) => isApiResponse({ ok: false, error: value }), 'not an error envelope')

export const pickSchema = z.discriminatedUnion('what', [
  z.strictObject({ what: z.literal('saveBackupAs'), suggestedName: z.string().min(1).max(300) }),
  z.strictObject({ what: z.literal('openBackup') }),
  z.strictObject({ what: z.literal('openArchive'), kind: z.enum(['file', 'folder']) }),
])

export type PickRequest = z.output<typeof pickSchema>

const archiveProgress = z.strictObject({
  bytes: z.number().min(0),
  totalBytes: z.number().min(0).nullable(),
  messages: z.number().int().min(0),
  people: z.number().int().min(0),
})

/** What the worker reports on its own, outside any call. */
export const hostEventSchema = z.discriminatedUnion('kind', [
  /**
   * An import moved on: an archive's bytes read, messages and people, or a
   * contact file's share done (0 to 1), or its phase.
   */
  z.strictObject({
    kind: z.literal('job.progress'),
    jobId: z.string().min(1),
    phase: z.string().min(1),
    progress: z.union([archiveProgress, z.number().min(0).max(1)]),
  }),
  /** A follow-up fell due (once per task while the worker runs). */
  z.strictObject({ kind: z.literal('tasks.due'), taskId: z.number().int().min(1), title: z.string() }),
  /** An automatic backup failed. */
  z.strictObject({ kind: z.literal('backup.failed'), message: z.string() }),
  /** Damage was found after opening (the database is read-only from now on): the first problems. */
  z.strictObject({ kind: z.literal('damage.found'), problems: z.array(z.string()).max(3) }),
])

export type HostEvent = z.output<typeof hostEventSchema>

/** Worker to main thread. */
export const fromWorkerSchema = z.discriminatedUnion('type', [
  /** The database is open; `damaged`: it opened read-only because it found damage. */
  z.strictObject({ type: z.literal('ready'), damaged: z.boolean() }),
  /** The database could not be opened: the error every door shows. */
  z.strictObject({ type: z.literal('openFailed'), error: apiError }),
  z.strictObject({ type: z.literal('answer'), id: callId, response: apiResponse }),
  z.strictObject({ type: z.literal('pick'), id: callId, request: pickSchema }),
  z.strictObject({ type: z.literal('event'), event: hostEventSchema }),
  /** The worker refused a message it could not read (its `id`, when it had one). */
  z.strictObject({ type: z.literal('refused'), id: callId.nullable(), message: z.string() }),
])

export type FromWorker = z.output<typeof fromWorkerSchema>

/** Reads a message with `schema`: the message, or a plain sentence saying what was wrong with it. */
export function readMessage<T>(schema: z.ZodType<T>, value: unknown, from: string): { ok: true; message: T } | { ok: false; error: string } {
  const parsed = schema.safeParse(value)
  if (parsed.success) return { ok: true, message: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue === undefined || issue.path.length === 0 ? '' : ` (at ${issue.path.map(String).join('.')})`
  return { ok: false, error: `Kith refused a malformed message from ${from}: ${issue?.message ?? 'it does not fit'}${where}.` }
}

/** The id a malformed message carried, if it carried one, so the caller waiting on it can be answered. */
export function idOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null
  const id = value.id
  return typeof id === 'number' && Number.isInteger(id) && id >= 1 ? id : null
}
