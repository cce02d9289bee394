/**
 * The relationship reader's thread (`RelationshipPrefetch`): opens the
 * database read-only, reads the relationship columns, posts them (their
 * buffers move rather than being copied) and says it is done. Whatever goes
 * wrong, it says it is done, and it says it is done as its thread ends: the
 * build then reads the rows itself. Built as
 * `out/main/relationship-reader.js` beside the backend's worker.
 */
import Database from 'better-sqlite3'
import { workerData, type MessagePort } from 'node:worker_threads'
import { errorMessage } from '../errors'
import { ANSWERED, RUNNING } from './prefetch'
import { readRelationshipColumns } from './relationship-columns'

function portIn(value: unknown): MessagePort | null {
  return typeof value === 'object' && value !== null && 'postMessage' in value && typeof value.postMessage === 'function' ? (value as MessagePort) : null
}

const data: unknown = workerData
const given = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {}
const flags = given.flags instanceof SharedArrayBuffer && given.flags.byteLength >= 8 ? new Int32Array(given.flags, 0, 2) : null
const port = portIn(given.port)

function raise(flag: number): void {
  if (flags === null) return
  Atomics.store(flags, flag, 1)
  Atomics.notify(flags, flag)
}

raise(RUNNING)
// However this thread ends from here on, the build waiting for it learns it at once.
process.on('exit', () => raise(ANSWERED))
try {
  if (typeof given.file !== 'string' || (given.nativeBinding !== undefined && typeof given.nativeBinding !== 'string')) {
    throw new Error('The relationship reader was started without its database file.')
  }
  // A file another process holds locked fails at once: the backend's thread waits for this one, and then reads the rows itself.
  const sqlite = new Database(given.file, { readonly: true, fileMustExist: true, timeout: 0, nativeBinding: given.nativeBinding })
  try {
    const columns = readRelationshipColumns(sqlite)
    if (columns === null) port?.postMessage({ failed: 'The relationships name ids that cannot be read as columns.' })
    // Their buffers move to the other thread rather than being copied.
    else port?.postMessage(columns, [columns.lefts.buffer, columns.rights.buffer].filter((buffer) => buffer instanceof ArrayBuffer))
  } finally {
    sqlite.close()
  }
} catch (err) {
  port?.postMessage({ failed: errorMessage(err) })
} finally {
  raise(ANSWERED)
}
