import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads'
import type { RelationshipColumns } from './relationship-columns'

/** What the reader thread is started with (its `workerData`); `port` and `done`'s buffer cross with it. */
export interface RelationshipReaderData {
  /** the database file, opened read-only */
  file: string
  /** better-sqlite3 built for Electron, when running inside it */
  nativeBinding: string | undefined
  /** where the columns are posted */
  port: MessagePort
  /** two flags, each set to 1 and notified: [0] once the answer is posted (columns or a failure) or the thread ends, [1] once it runs */
  flags: SharedArrayBuffer
}

/** Starts `relationship-reader.ts` on a thread of its own with this data (the backend's worker knows where its file is). */
export type StartRelationshipReader = (data: RelationshipReaderData, transfer: MessagePort[]) => Worker

/** How the backend reads relationships on a thread of their own (`BackendOptions.relationshipReader`). */
export interface RelationshipReaderOptions {
  start: StartRelationshipReader
  /** Fewer relationships than this are read in place (`READER_MIN_RELATIONSHIPS`; tests set 0). */
  minRelationships?: number
  /** How long a build waits for the reader to start running (`START_WAIT_MS`; tests loading it from sources wait longer). */
  startWaitMs?: number
}

/**
 * Below this many relationships the reader is not started: a thread takes
 * 0.07 to 0.14 s to start here, about what reading 100,000 relationships in
 * place takes.
 */
export const READER_MIN_RELATIONSHIPS = 100_000

/** How long a build waits for the reader to start running: a thread that cannot load its code never does. */
const START_WAIT_MS = 3_000
/** How long a build waits for a running reader before reading the rows itself: far more than it takes at 200,000 people. */
const WAIT_MS = 20_000
/** Where each flag sits in `RelationshipReaderData.flags`. */
export const ANSWERED = 0
export const RUNNING = 1

/**
 * The path graph's largest read, on a second thread: started as a build of
 * the graph begins, it runs while the build reads everyone's jobs and names
 * on this thread, so the build waits for the read's remainder at most. (The
 * machine has a core to spare then: the window's thread is idle.) The build
 * takes the columns synchronously (`take`). The reader's read and the
 * build's own are separate snapshots, as the build's own statements already
 * are: a commit by another process meanwhile changes data_version, and the
 * graph is built again on its next use. Any failure of the reader, and a
 * reader that does not answer in time, leaves the build to read the rows
 * itself.
 */
export class RelationshipPrefetch {
  private readonly flags = new Int32Array(new SharedArrayBuffer(8))
  private readonly port: MessagePort
  private worker: Worker | null
  private stopped: Promise<void> | null = null

  constructor(
    start: StartRelationshipReader,
    file: string,
    nativeBinding: string | undefined,
    private readonly startWaitMs = START_WAIT_MS,
  ) {
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    let worker: Worker | null
    try {
      worker = start({ file, nativeBinding, port: port2, flags: this.flags.buffer }, [port2])
      // A thread that fails to start, or dies, says so as an event: the build then reads the rows itself.
      worker.on('error', () => void this.stop())
      worker.on('exit', () => {
        Atomics.store(this.flags, RUNNING, 1)
        Atomics.store(this.flags, ANSWERED, 1)
      })
      // The reader never keeps the process alive.
      worker.unref()
    } catch {
      worker = null
    }
    this.worker = worker
  }

  /**
   * Whether `take` would answer at once: the reader has answered (or ended),
   * was let go, or has been waited for as long as `take` would wait. A build
   * in steps asks this between its steps, and waits for the reader without
   * holding the thread.
   */
  ready(): boolean {
    if (this.worker === null || Atomics.load(this.flags, ANSWERED) === 1) return true
    this.firstAsked ??= performance.now()
    const waited = performance.now() - this.firstAsked
    return waited > (Atomics.load(this.flags, RUNNING) === 1 ? this.startWaitMs + WAIT_MS : this.startWaitMs)
  }

  /** When `ready` was first asked: `take` counts the time waited since then as waited. */
  private firstAsked: number | null = null

  /** The columns, waiting for the reader when it has not answered yet; null when it failed, was stopped, or took too long. */
  take(): RelationshipColumns | null {
    if (this.worker === null) return null
    const waited = this.firstAsked === null ? 0 : performance.now() - this.firstAsked
    // Once running, the reader always answers, failing or not, and says so as its thread ends (relationship-reader.ts).
    const answered =
      Atomics.wait(this.flags, RUNNING, 0, Math.max(0, this.startWaitMs - waited)) !== 'timed-out' &&
      Atomics.wait(this.flags, ANSWERED, 0, Math.max(0, this.startWaitMs + WAIT_MS - waited)) !== 'timed-out'
    const message: unknown = answered ? receiveMessageOnPort(this.port)?.message : undefined
    void this.stop()
    return columnsIn(message)
  }

  /**
   * Lets the reader go; its columns, if any come, are dropped. Settles once
   * its thread has ended (a reader let go mid-read ends when SQLite's call
   * under way returns, its connection closed with it).
   */
  stop(): Promise<void> {
    if (this.stopped === null) {
      const worker = this.worker
      this.worker = null
      this.port.close()
      this.stopped = worker === null ? Promise.resolve() : worker.terminate().then(() => undefined, () => undefined)
    }
    return this.stopped
  }
}

/** The reader's answer when it is columns (anything else, its failure included, is none). */
function columnsIn(message: unknown): RelationshipColumns | null {
  if (typeof message !== 'object' || message === null || !('lefts' in message) || !('rights' in message)) return null
  const { lefts, rights } = message
  return lefts instanceof Float64Array && rights instanceof Float64Array && lefts.length === rights.length ? { lefts, rights } : null
}
