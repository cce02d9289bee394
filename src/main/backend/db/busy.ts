import { KithError } from '../errors'

/**
 * How long a write waits for another process (the CLI importing beside the
 * app, say) to let go of the database before Kith says it is busy.
 */
export const DEFAULT_BUSY_BUDGET_MS = 10_000

/**
 * SQLite's own wait inside a call. It blocks the whole process (better-sqlite3
 * is synchronous), so it stays tiny; longer waits happen between tries, with
 * the event loop free.
 */
export const BUSY_TIMEOUT_MS = 5

const FIRST_PAUSE_MS = 5
const LONGEST_PAUSE_MS = 100

function sqliteCode(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined
  return typeof code === 'string' ? code : ''
}

/** Another connection holds the write lock (or moved the snapshot on): trying again later may succeed. */
export function isBusyError(err: unknown): boolean {
  const code = sqliteCode(err)
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')
}

/** The file cannot be written just now: busy, locked, or read-only (the check for damage is under way, or found some). */
export function isWriteRefusedError(err: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED|READONLY)/.test(sqliteCode(err))
}

export function isDiskFullError(err: unknown): boolean {
  const code = sqliteCode(err)
  return code === 'SQLITE_FULL' || code === 'ENOSPC'
}

export function isCorruptionError(err: unknown): boolean {
  const code = sqliteCode(err)
  return code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB'
}

export function busyError(): KithError {
  return new KithError(
    'busy',
    'Kith is busy with a change in another window or command (an import, perhaps), so nothing was changed here. Try again in a moment.',
  )
}

export function diskFullError(): KithError {
  return new KithError('disk_full', 'The disk is full, so Kith could not save this change and nothing was changed. Free some space and try again.')
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `attempt` and, while it fails because the database is busy, tries
 * again after a pause (the event loop stays free meanwhile) until `budgetMs`
 * has passed; then a typed `busy` error. `mayRetry` says whether the failed
 * attempt left nothing behind; when it did not, the busy error is reported
 * at once rather than risk applying part of a change twice.
 */
export async function retryWhileBusy<T>(
  attempt: () => Promise<T>,
  budgetMs: number,
  mayRetry: () => boolean = () => true,
): Promise<T> {
  const started = Date.now()
  let wait = FIRST_PAUSE_MS
  for (;;) {
    try {
      return await attempt()
    } catch (err) {
      if (!isBusyError(err)) throw err
      const left = budgetMs - (Date.now() - started)
      if (left <= 0 || !mayRetry()) throw busyError()
      await pause(Math.min(wait, left))
      wait = Math.min(wait * 2, LONGEST_PAUSE_MS)
    }
  }
}
