/**
 * The integrity check's thread (`integrityCheckAside` in db/integrity.ts):
 * checks one file, read-only, and posts the problems found or why it could
 * not. Built as `out/main/integrity-check.js` beside the backend's worker.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { errorMessage } from '../errors'
import { integrityCheck } from './integrity'

const given: unknown = workerData
const file = typeof given === 'object' && given !== null && 'file' in given && typeof given.file === 'string' ? given.file : null
const nativeBinding = typeof given === 'object' && given !== null && 'nativeBinding' in given && typeof given.nativeBinding === 'string' ? given.nativeBinding : undefined
try {
  if (file === null) throw new Error('The integrity check was started without its file.')
  parentPort?.postMessage({ problems: integrityCheck(file, nativeBinding) })
} catch (err) {
  // SQLite's code too (SQLITE_CORRUPT, say): messages about the copy name it, as when it is checked in place.
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined
  parentPort?.postMessage({ failed: errorMessage(err), code })
}
