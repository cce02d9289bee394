/**
 * The backend's own thread: opens `Backend` and answers the main thread's
 * messages (`messages.ts`), so the desktop app's main process and browser
 * mode's server never touch SQLite. It also runs what goes on by itself:
 * automatic backups, follow-ups falling due, and import progress, each
 * reported back as an event. Built as `out/main/backend-worker.js`.
 */
import path from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import type { ApiResponse } from '../../shared/api'
import { Backend, type FilePicker } from '../backend/backend'
import { startAutoBackups } from '../backend/backup/auto'
import { KithError, errorMessage } from '../backend/errors'
import { archiveJobs } from '../backend/imports/archive/jobs'
import { removeUploads, startArchiveOnCopy } from '../backend/imports/archive/upload'
import { importJobs } from '../backend/imports/service'
import { startThread } from './threads'
import { fromWorkerSchema, idOf, readMessage, toWorkerSchema, workerOptionsSchema, type FromWorker, type HostEvent, type PickRequest, type ToWorker, type WorkerOptions } from './messages'

const port = parentPort
if (port === null) throw new Error('The backend worker runs only as a worker thread.')

/** Sends a message, checked on the way out as the main thread will check it on the way in. */
function post(message: FromWorker): void {
  port?.postMessage(fromWorkerSchema.parse(message))
}

function failure(err: unknown, fallback: string): ApiResponse<never> {
  if (err instanceof KithError) return { ok: false, error: err.toApiError() }
  return { ok: false, error: { code: 'internal', message: `${fallback}: ${errorMessage(err)}` } }
}

/** Native dialogs the main thread shows for us; each answer comes back as a `picked` message. */
const picks = new Map<number, (path: string | null) => void>()
let nextPick = 1

function askMainThread(request: PickRequest): Promise<string | null> {
  const id = nextPick++
  return new Promise((resolve) => {
    picks.set(id, resolve)
    post({ type: 'pick', id, request })
  })
}

function filePicker(options: WorkerOptions): FilePicker | undefined {
  if (options.filePicker === 'none') return undefined
  const backups: FilePicker = {
    saveBackupAs: (suggestedName) => askMainThread({ what: 'saveBackupAs', suggestedName }),
    openBackup: () => askMainThread({ what: 'openBackup' }),
  }
  if (options.filePicker === 'backups') return backups
  return { ...backups, openArchive: (kind) => askMainThread({ what: 'openArchive', kind }) }
}

function emit(event: HostEvent): void {
  post({ type: 'event', event })
}

/** Reports each open import (an archive, or a contact file) whenever what it says has changed. */
function watchJobs(backend: Backend, everyMs: number): NodeJS.Timeout {
  const said = new Map<string, string>()
  return setInterval(() => {
    const open = [...archiveJobs(backend).openJobs(), ...importJobs(backend).openJobs()]
    const seen = new Set<string>()
    for (const job of open) {
      seen.add(job.jobId)
      const now = JSON.stringify([job.phase, job.progress])
      if (said.get(job.jobId) === now) continue
      said.set(job.jobId, now)
      emit({ kind: 'job.progress', jobId: job.jobId, phase: job.phase, progress: job.progress })
    }
    for (const id of said.keys()) if (!seen.has(id)) said.delete(id)
  }, everyMs)
}

/** Each follow-up that falls due while Kith runs is reported once. */
function watchDueTasks(backend: Backend, everyMs: number): NodeJS.Timeout {
  const told = new Set<number>()
  const check = async (): Promise<void> => {
    const due = await backend.call('tasks.list', { due: true }).catch(() => null)
    for (const task of due ?? []) {
      if (told.has(task.id)) continue
      told.add(task.id)
      emit({ kind: 'tasks.due', taskId: task.id, title: task.title })
    }
  }
  void check()
  return setInterval(() => void check(), everyMs)
}

async function serve(options: WorkerOptions): Promise<void> {
  const fixedNow = options.fixedNow
  let backend: Backend
  try {
    backend = await Backend.open({
      dataDir: options.dataDir,
      nativeBinding: options.nativeBinding,
      busyBudgetMs: options.busyBudgetMs,
      quickCheckBudgetMs: options.quickCheckBudgetMs,
      // The warm-up checks for damage once what the first page needs is built; nothing is written before.
      checkDamageLater: true,
      // The path graph's relationships are read on a thread of their own meanwhile (the graph reads them
      // itself at once when the reader's file is missing, instead of waiting for a thread that cannot load).
      relationshipReader: {
        start: (data, transferList) =>
          startThread('relationship-reader', path.join(import.meta.dirname, '..', 'backend', 'paths', 'relationship-reader.ts'), {
            workerData: data,
            transferList,
            failFast: true,
          }),
      },
      // A backup's copy is checked on a thread of its own: the check of a large file took half a second of calls.
      integrityThread: (data) => startThread('integrity-check', path.join(import.meta.dirname, '..', 'backend', 'db', 'integrity-thread.ts'), { workerData: data }),
      now: fixedNow === undefined ? undefined : () => new Date(fixedNow),
      filePicker: filePicker(options),
    })
  } catch (err) {
    const response = failure(err, 'Kith could not open its data folder')
    post({ type: 'openFailed', error: response.ok ? { code: 'internal', message: 'Kith could not open its data folder.' } : response.error })
    return
  }
  // Damage found after opening: by the check left for the warm-up, or by a call.
  backend.onDamage((problems) => emit({ kind: 'damage.found', problems: problems.slice(0, 3) }))
  // The directory, search index, check for damage and path graph, in the background, yielding to calls (state.ts).
  void backend.warmUp()

  const timers: NodeJS.Timeout[] = [watchJobs(backend, options.jobProgressMs)]
  if (options.dueTaskCheckMs !== null) timers.push(watchDueTasks(backend, options.dueTaskCheckMs))
  const stopBackups = options.autoBackups ? startAutoBackups(backend, (message) => emit({ kind: 'backup.failed', message })) : () => undefined

  const handle = async (message: ToWorker): Promise<void> => {
    switch (message.type) {
      case 'call': {
        const answer = backend.dispatch(message.method, message.args)
        if (options.crashOn !== undefined && message.method === options.crashOn) {
          // Tests only: the thread dies outside any call while this one is under way, before it answers.
          setImmediate(() => {
            throw new Error(`The test asked the backend worker to crash during ${options.crashOn ?? ''}.`)
          })
          return
        }
        post({ type: 'answer', id: message.id, response: await answer })
        return
      }
      case 'upload': {
        const response = await startArchiveOnCopy(backend, message.copy).then(
          (data): ApiResponse<unknown> => ({ ok: true, data }),
          (err: unknown) => failure(err, `The upload of ${message.copy.name} could not be read`),
        )
        post({ type: 'answer', id: message.id, response })
        return
      }
      case 'cancelJob':
        try {
          archiveJobs(backend).cancel(message.jobId)
        } catch {
          // Already closed: nothing to cancel.
        }
        return
      case 'stopJobs':
        // Imports read from an upload cannot go on without it: they are let go, and every copy removed.
        archiveJobs(backend).cancelAll()
        removeUploads(backend.dataDir, 'mine')
        post({ type: 'answer', id: message.id, response: { ok: true, data: null } })
        return
      case 'picked':
        picks.get(message.id)?.(message.path)
        picks.delete(message.id)
        return
      case 'close':
        for (const timer of timers) clearInterval(timer)
        stopBackups()
        await backend.close()
        post({ type: 'answer', id: message.id, response: { ok: true, data: null } })
        port?.close()
        return
    }
  }

  port?.on('message', (value: unknown) => {
    const read = readMessage(toWorkerSchema, value, 'the main thread')
    if (!read.ok) {
      post({ type: 'refused', id: idOf(value), message: read.error })
      return
    }
    handle(read.message).catch((err: unknown) => {
      const id = idOf(value)
      if (id !== null) post({ type: 'answer', id, response: failure(err, 'The backend could not answer') })
    })
  })
  post({ type: 'ready', damaged: backend.damage.length > 0 })
}

const options = readMessage(workerOptionsSchema, workerData, 'the main thread')
if (options.ok) void serve(options.message)
else post({ type: 'openFailed', error: { code: 'bad_request', message: options.error } })
