/**
 * The integrity check's thread (`integrityCheckAside` in db/integrity.ts):
 * checks one file, read-only (whole, or within a budget: the check for
 * damage left for after opening, `PendingCheck`), and posts the problems
 * found or why it could not. Built as `out/main/integrity-check.js` beside the backend's worker.
 */
import os from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { errorMessage } from '../errors'
import { quickCheckFile } from './damage-check'
import { integrityCheck } from './integrity'

/** The check thread's nice value on Linux (0 normal, 19 lowest): a tenth of a busy core's share. */
const CHECK_NICENESS = 10

const given: unknown = workerData
const file = typeof given === 'object' && given !== null && 'file' in given && typeof given.file === 'string' ? given.file : null
const budget = typeof given === 'object' && given !== null && 'quickCheckBudgetMs' in given && typeof given.quickCheckBudgetMs === 'number' ? given.quickCheckBudgetMs : null
const nativeBinding = typeof given === 'object' && given !== null && 'nativeBinding' in given && typeof given.nativeBinding === 'string' ? given.nativeBinding : undefined
// The warm-up's check is background work nobody waits for (a backup's copy is waited for: it keeps its priority).
// Linux gives each thread a nice value of its own: this one's lets the window's thread and the backend's have a core
// whenever they need one. Elsewhere the same call would lower the whole process, so it is not made there.
if (budget !== null && process.platform === 'linux') {
  try {
    os.setPriority(CHECK_NICENESS)
  } catch {
    // Not allowed here: the check runs as it would have.
  }
}
try {
  if (file === null) throw new Error('The integrity check was started without its file.')
  parentPort?.postMessage({ problems: budget === null ? integrityCheck(file, nativeBinding) : quickCheckFile(file, budget, nativeBinding) })
} catch (err) {
  // SQLite's code too (SQLITE_CORRUPT, say): messages about the copy name it, as when it is checked in place.
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined
  parentPort?.postMessage({ failed: errorMessage(err), code })
}
