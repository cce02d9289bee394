import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { KithError } from '../errors'
import { integrityCheck } from './integrity'
import { createPrivateFile, ensureDirCreatingPrivate, fileFailure, makePrivate } from '../files'

/** What SQLite leaves beside a database file it opened: its write-ahead log, shared memory and journal. */
const SIDE_FILES = ['-wal', '-shm', '-journal'] as const

/** Removes a half-written copy and whatever SQLite left beside it. */
function removePartial(partial: string): void {
  for (const file of [partial, ...SIDE_FILES.map((side) => `${partial}${side}`)]) {
    try {
      fs.rmSync(file, { force: true })
    } catch {
      // Best effort: a leftover we cannot remove must not hide the real outcome.
    }
  }
}

/**
 * Copies a live database with SQLite's online backup API (consistent even
 * while it is being written), then runs integrity_check on the copy. A copy
 * that fails the check is deleted, except when the source was opened as
 * damaged (read-only): that copy is the safety copy taken before a restore
 * replaces it, kept as it is so that nothing is lost. The copy is written
 * readable by its owner only, and nothing is left beside it (no .partial,
 * -wal or -shm), whether it succeeds or fails. Messages name the file by
 * `label` (its base name unless given), never by its path.
 */
export async function backupDatabase(
  source: Database.Database,
  dest: string,
  nativeBinding?: string,
  label = `the file ${path.basename(dest)}`,
  /** checks the copy (by default here, on this thread) */
  check: (file: string) => Promise<string[]> = (file) => Promise.resolve().then(() => integrityCheck(file, nativeBinding)),
): Promise<{ bytes: number }> {
  ensureDirCreatingPrivate(path.dirname(dest), `the folder for ${label}`)
  try {
    if (fs.existsSync(dest)) throw new KithError('conflict', `${label} already exists; choose another name.`)
  } catch (err) {
    throw fileFailure(err, label, 'write')
  }
  const partial = `${dest}.partial`
  try {
    removePartial(partial)
    // Created private before SQLite writes a byte, so the data is never readable by others,
    // and SQLite gives its -wal and -shm the same mode.
    createPrivateFile(partial, label)
    const damagedSource = source.pragma('query_only', { simple: true }) === 1
    try {
      await source.backup(partial)
    } catch (err) {
      // SQLite may be unable to copy a damaged file page by page; its bytes then.
      if (!damagedSource) throw err
      fs.copyFileSync(source.name, partial)
    }
    const problems = damagedSource ? [] : await check(partial)
    if (problems.length > 0) {
      throw new KithError('db_corrupt', `The backup copy failed its integrity check: ${problems.join('; ')}`)
    }
    makePrivate(partial)
    fs.renameSync(partial, dest)
  } catch (err) {
    throw fileFailure(err, label, 'write')
  } finally {
    removePartial(partial)
  }
  return { bytes: fs.statSync(dest).size }
}
