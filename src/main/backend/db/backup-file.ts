import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { KithError, errorMessage } from '../errors'

/**
 * Copies a live database with SQLite's online backup API (consistent even
 * while it is being written), then runs integrity_check on the copy. A copy
 * that fails the check is deleted, except when the source was opened as
 * damaged (read-only): that copy is the safety copy taken before a restore
 * replaces it, kept as it is so that nothing is lost.
 */
export async function backupDatabase(
  source: Database.Database,
  dest: string,
  nativeBinding?: string,
): Promise<{ bytes: number }> {
  fs.mkdirSync(path.dirname(dest), { recursive: true })
  if (fs.existsSync(dest)) {
    throw new KithError('conflict', `A file already exists at ${dest}; choose another name.`)
  }
  const partial = `${dest}.partial`
  try {
    const damagedSource = source.pragma('query_only', { simple: true }) === 1
    try {
      await source.backup(partial)
    } catch (err) {
      // SQLite may be unable to copy a damaged file page by page; its bytes then.
      if (!damagedSource) throw err
      fs.copyFileSync(source.name, partial)
    }
    const problems = damagedSource ? [] : integrityCheck(partial, nativeBinding)
    if (problems.length > 0) {
      throw new KithError('db_corrupt', `The backup copy failed its integrity check: ${problems.join('; ')}`)
    }
    fs.renameSync(partial, dest)
  } catch (err) {
    fs.rmSync(partial, { force: true })
    if (err instanceof KithError) throw err
    throw new KithError('io', `Could not write the backup to ${dest}: ${errorMessage(err)}`)
  }
  return { bytes: fs.statSync(dest).size }
}

/** Returns the problems integrity_check reports; empty means the file is sound. */
export function integrityCheck(file: string, nativeBinding?: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[]
    const messages = rows.map((r) => r.integrity_check)
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages
  } finally {
    db.close()
  }
}
