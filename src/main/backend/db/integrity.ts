import Database from 'better-sqlite3'
import type { Worker } from 'node:worker_threads'
import { checkLines } from './pragma'

/**
 * What the integrity check's thread is started with (`db/integrity-thread.ts`):
 * the whole `integrity_check`, or with `quickCheckBudgetMs` the check for
 * damage left for after opening (`quick_check` within that budget, see
 * `PendingCheck`).
 */
export interface IntegrityCheckData {
  file: string
  nativeBinding?: string
  quickCheckBudgetMs?: number
}

/** Starts the integrity check's thread; the backend's worker gives it (`BackendOptions.integrityThread`). */
export type StartIntegrityCheck = (data: IntegrityCheckData) => Worker

/** Returns the problems integrity_check reports; empty means the file is sound. */
export function integrityCheck(file: string, nativeBinding?: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    const messages = checkLines(db, 'integrity_check')
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages
  } finally {
    db.close()
  }
}

/** What the thread posts: the problems found, or why the file could not be checked. */
export type Answer = { problems: string[] } | { failed: string; code: string | undefined }

function answerOf(value: unknown): Answer | null {
  if (typeof value !== 'object' || value === null) return null
  if ('problems' in value && Array.isArray(value.problems) && value.problems.every((p) => typeof p === 'string')) return { problems: value.problems }
  if ('failed' in value && typeof value.failed === 'string') return { failed: value.failed, code: 'code' in value && typeof value.code === 'string' ? value.code : undefined }
  return null
}

/**
 * `integrityCheck` on a thread of its own when `start` is given, so that the
 * thread that serves calls goes on serving them: at 50,000 people the check
 * takes 0.4 to 0.6 s, and the day's automatic backup runs it just after
 * opening. A thread that cannot start, or ends without an answer, leaves the
 * check to be run here: a copy is never kept unchecked.
 */
export function integrityCheckAside(start: StartIntegrityCheck | undefined, file: string, nativeBinding?: string): Promise<string[]> {
  if (start === undefined) return Promise.resolve().then(() => integrityCheck(file, nativeBinding))
  return checkOnThread(start, { file, nativeBinding }).answer.then((answer) => {
    if (answer === null) return integrityCheck(file, nativeBinding)
    if ('failed' in answer) throw Object.assign(new Error(answer.failed), answer.code === undefined ? {} : { code: answer.code })
    return answer.problems
  })
}

/** A check on the thread, as it runs: its answer (null when it could not start or ended without one) and its end. */
export interface CheckOnThread {
  answer: Promise<Answer | null>
  /** null when it could not start */
  worker: Worker | null
  /** resolves once the thread has ended (at once when it never started) */
  ended: Promise<void>
}

/** Starts a check on the thread. */
export function checkOnThread(start: StartIntegrityCheck, data: IntegrityCheckData): CheckOnThread {
  let worker: Worker
  try {
    worker = start(data)
  } catch {
    return { answer: Promise.resolve(null), worker: null, ended: Promise.resolve() }
  }
  const answer = new Promise<Answer | null>((resolve) => {
    worker.once('message', (value: unknown) => resolve(answerOf(value)))
    worker.once('error', () => resolve(null))
    worker.once('exit', () => resolve(null))
  })
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return { answer, worker, ended }
}
