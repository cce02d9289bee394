/**
 * The main thread's side of the backend host: starts the worker
 * (`worker.ts`), sends it every call as a message and hands back its answer,
 * relays its events, shows the native dialogs it asks for, and restarts it
 * when it dies. Electron's main process and browser mode's server use this;
 * neither opens SQLite itself.
 */
import path from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { ApiError, ApiResponse } from '../../shared/api'
import type { ArgsIn, MethodName, Result } from '../../shared/contract'
import type { FilePicker } from '../backend/backend'
import { KithError } from '../backend/errors'
import type { UploadedCopy } from '../backend/imports/archive/upload'
import { startThread } from './threads'
import { fromWorkerSchema, readMessage, type FromWorker, type HostEvent, type PickRequest, type ToWorker, type WorkerOptionsIn } from './messages'

/** After this many crashes within CRASH_WINDOW_MS, the worker is not started again. */
export const MAX_CRASHES = 3
export const CRASH_WINDOW_MS = 60_000
/** How long closing waits for the worker to close the database before stopping it. */
const CLOSE_WAIT_MS = 10_000

export interface HostOptions {
  dataDir: string
  /** better-sqlite3 built for Electron, when running inside it. */
  nativeBinding?: string
  busyBudgetMs?: number
  quickCheckBudgetMs?: number
  /** A pinned clock (ISO time), for tests and e2e. */
  fixedNow?: string
  /** The desktop app's native dialogs; the worker asks for them by message. */
  filePicker?: FilePicker
  /** Take the automatic backups in the worker (failures come back as `backup.failed`). */
  autoBackups?: boolean
  /** How often the worker looks for follow-ups that fell due (`tasks.due`); never when absent. */
  dueTaskCheckMs?: number
  /** How often the worker reports open archive imports' progress (`job.progress`). */
  jobProgressMs?: number
  /** Tests only: the worker crashes, outside any call, whenever it begins answering this method (each new worker too). */
  testCrashOn?: string
  /** The built worker to run (the benchmarks run the build from sources); found beside this module when absent. */
  workerFile?: string
  /**
   * Node's options for the built worker's thread, instead of this process's: the benchmarks run
   * under tsx, which the built worker does not need (the app never runs under it).
   */
  workerExecArgv?: string[]
}

interface Pending {
  /** what the call was, for the message if the worker dies under it */
  label: string
  resolve: (response: ApiResponse<unknown>) => void
}

function refusal(code: ApiError['code'], message: string): ApiResponse<never> {
  return { ok: false, error: { code, message } }
}

/** What a call is called in messages: its method when it names one plainly. */
function labelOf(method: unknown): string {
  return typeof method === 'string' && /^[A-Za-z][\w.]{0,60}$/.test(method) ? method : 'a call'
}

/** The backend's worker thread: `out/main/backend-worker.js` in a build, `worker.ts` beside this file from sources. */
export function spawnWorker(workerData: WorkerOptionsIn, workerFile?: string, execArgv?: string[]): Worker {
  return startThread('backend-worker', path.join(import.meta.dirname, 'worker.ts'), { workerData, file: workerFile, execArgv })
}

/** Kith's backend on its own thread. */
export class BackendHost {
  readonly dataDir: string
  private readonly options: HostOptions
  private worker: Worker | null = null
  /** Settles when the current worker has opened the database (or could not). */
  private ready: Promise<ApiError | null> = Promise.resolve(null)
  private damageFound = false
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private readonly crashes: number[] = []
  /** Set once the host stops restarting the worker, or is closed: every call gets this error. */
  private stopped: ApiError | null = null
  private readonly listeners = new Set<(event: HostEvent) => void>()

  private constructor(options: HostOptions) {
    this.dataDir = options.dataDir
    this.options = options
  }

  /** Starts the worker and waits for it to open the data folder; a folder that cannot be opened throws its KithError. */
  static async start(options: HostOptions): Promise<BackendHost> {
    const host = new BackendHost(options)
    host.spawn()
    const failed = await host.ready
    if (failed !== null) {
      await host.close()
      throw KithError.from(failed)
    }
    return host
  }

  /** Whether the database was found damaged, at opening or since (it is then read-only; `damage.found` tells when). */
  get damaged(): boolean {
    return this.damageFound
  }

  private spawn(): void {
    const { filePicker } = this.options
    const worker = spawnWorker({
      dataDir: this.options.dataDir,
      nativeBinding: this.options.nativeBinding,
      busyBudgetMs: this.options.busyBudgetMs,
      quickCheckBudgetMs: this.options.quickCheckBudgetMs,
      fixedNow: this.options.fixedNow,
      filePicker: filePicker === undefined ? 'none' : filePicker.openArchive === undefined ? 'backups' : 'backups-and-archives',
      autoBackups: this.options.autoBackups ?? false,
      dueTaskCheckMs: this.options.dueTaskCheckMs ?? null,
      jobProgressMs: this.options.jobProgressMs,
      crashOn: this.options.testCrashOn,
    }, this.options.workerFile, this.options.workerExecArgv)
    this.worker = worker
    let settle: (failed: ApiError | null) => void = () => undefined
    this.ready = new Promise((resolve) => {
      settle = resolve
    })
    let lastError: string | null = null
    worker.on('message', (value: unknown) => {
      const read = readMessage(fromWorkerSchema, value, "Kith's background worker")
      if (!read.ok) {
        console.error(`Kith: ${read.error}`)
        return
      }
      const message = read.message
      if (message.type === 'ready') {
        this.damageFound = message.damaged
        settle(null)
      } else if (message.type === 'openFailed') {
        // Opening again would fail the same way: every call gets this error.
        this.stopped = message.error
        settle(message.error)
      }
      else {
        if (message.type === 'event' && message.event.kind === 'damage.found') this.damageFound = true
        this.receive(worker, message)
      }
    })
    worker.on('error', (err) => {
      lastError = err.message
    })
    worker.on('exit', () => {
      if (this.worker !== worker) return
      this.worker = null
      const unexpected = this.stopped === null
      settle(this.stopped ?? { code: 'internal', message: `Kith's background worker stopped before it opened your data${lastError === null ? '' : `: ${lastError}`}.` })
      if (!unexpected) return
      console.error(`Kith: the background worker stopped${lastError === null ? '' : `: ${lastError}`}.`)
      this.crashed()
    })
  }

  private receive(worker: Worker, message: FromWorker): void {
    switch (message.type) {
      case 'answer': {
        const pending = this.pending.get(message.id)
        this.pending.delete(message.id)
        pending?.resolve(message.response)
        return
      }
      case 'refused': {
        const pending = message.id === null ? undefined : this.pending.get(message.id)
        if (message.id !== null) this.pending.delete(message.id)
        if (pending === undefined) console.error(`Kith: ${message.message}`)
        else pending.resolve(refusal('bad_request', message.message))
        return
      }
      case 'pick':
        void this.pick(message.request).then((chosen) => {
          if (this.worker === worker) this.send({ type: 'picked', id: message.id, path: chosen })
        })
        return
      case 'event':
        for (const listener of this.listeners) listener(message.event)
        return
      default:
        return
    }
  }

  private async pick(request: PickRequest): Promise<string | null> {
    const picker = this.options.filePicker
    if (picker === undefined) return null
    try {
      if (request.what === 'saveBackupAs') return await picker.saveBackupAs(request.suggestedName)
      if (request.what === 'openBackup') return await picker.openBackup()
      return (await picker.openArchive?.(request.kind)) ?? null
    } catch (err) {
      console.error(`Kith: the file dialog failed: ${err instanceof Error ? err.message : String(err)}`)
      return null
    }
  }

  /** The worker died outside a close: every call under way is told, and a new worker starts unless it keeps dying. */
  private crashed(): void {
    const now = Date.now()
    while (this.crashes.length > 0 && now - (this.crashes[0] ?? now) >= CRASH_WINDOW_MS) this.crashes.shift()
    this.crashes.push(now)
    const givingUp = this.crashes.length >= MAX_CRASHES
    const restarted = givingUp
      ? `; it stopped ${MAX_CRASHES} times within a minute, so Kith no longer restarts it. What you saved before is safe. Quit Kith and open it again.`
      : ' and was restarted; what you saved before is safe. Try again.'
    for (const [id, pending] of this.pending) {
      this.pending.delete(id)
      pending.resolve(refusal('worker_stopped', `Kith's background worker stopped while answering ${pending.label}${restarted}`))
    }
    if (givingUp) {
      this.stopped = {
        code: 'worker_stopped',
        message: `Kith's background worker stopped ${MAX_CRASHES} times within a minute, so Kith no longer restarts it. What you saved before is safe. Quit Kith and open it again.`,
      }
      return
    }
    this.spawn()
  }

  private send(message: ToWorker): boolean {
    const worker = this.worker
    if (worker === null) return false
    worker.postMessage(message)
    return true
  }

  /** Sends a message that expects an answer, once the worker is ready. */
  private async request(label: string, make: (id: number) => ToWorker): Promise<ApiResponse<unknown>> {
    // A call that arrives while the worker restarts waits for the new one.
    let ready: Promise<ApiError | null>
    do {
      ready = this.ready
      const failed = await ready
      if (this.stopped !== null) return { ok: false, error: this.stopped }
      if (failed !== null) return { ok: false, error: failed }
    } while (ready !== this.ready)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, { label, resolve })
      try {
        if (!this.send(make(id))) throw new Error('no worker')
      } catch {
        this.pending.delete(id)
        resolve(refusal('bad_request', `Kith could not pass ${label} to its background worker: its arguments are not plain data.`))
      }
    })
  }

  /** The contract's dispatch, answered by the worker: never throws. */
  dispatch(method: unknown, args: unknown): Promise<ApiResponse<unknown>> {
    return this.request(labelOf(method), (id) => ({ type: 'call', id, method, args }))
  }

  /** A call typed from the contract, as `Backend.call`: its data, or its error thrown as a KithError. */
  async call<M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Result<M>> {
    const res = await this.dispatch(method, args)
    if (!res.ok) throw KithError.from(res.error)
    // The worker ran `method`'s own handler through the same dispatch, whose result type the contract declares.
    return res.data as Result<M>
  }

  /** Listens to the worker's events (import progress, follow-ups due, failed backups); returns how to stop. */
  onEvent(listener: (event: HostEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Starts an archive job on an upload's private copy (browser mode). */
  startUploadedArchive(copy: UploadedCopy): Promise<ApiResponse<unknown>> {
    return this.request('the upload', (id) => ({ type: 'upload', id, copy }))
  }

  /** Cancels an archive job (the page went away as its upload ended). */
  cancelArchiveJob(jobId: string): void {
    this.send({ type: 'cancelJob', jobId })
  }

  /** Cancels every archive job not being written, and removes the uploads' copies. */
  async stopArchiveJobs(): Promise<void> {
    if (this.worker === null) return
    await this.request('stopping the imports', (id) => ({ type: 'stopJobs', id }))
  }

  /** Closes the database and stops the worker; every later call is refused. */
  async close(): Promise<void> {
    if (this.stopped === null) this.stopped = { code: 'worker_stopped', message: 'Kith is closing; nothing more is done.' }
    const worker = this.worker
    if (worker === null) return
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    const id = this.nextId++
    const closed = new Promise<void>((resolve) => {
      this.pending.set(id, { label: 'closing', resolve: () => resolve() })
    })
    worker.postMessage({ type: 'close', id } satisfies ToWorker)
    const timer = setTimeout(() => void worker.terminate(), CLOSE_WAIT_MS)
    await Promise.race([closed.then(() => worker.terminate()), exited])
    clearTimeout(timer)
    this.worker = null
    for (const [key, pending] of this.pending) {
      this.pending.delete(key)
      pending.resolve({ ok: false, error: this.stopped })
    }
  }
}
