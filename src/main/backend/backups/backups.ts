import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BackupInfo, BackupKind } from '../../../shared/types'
import type { Backend } from '../backend'
import { backupDatabase, integrityCheck } from '../db/backup-file'
import { assertOpenable, readDbFileHeader } from '../db/file-check'
import { KITH_APPLICATION_ID } from '../db/constants'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { fileStamp } from '../db/open'
import { checkRestoreSource } from '../db/restore-check'
import { KithError, errorMessage } from '../errors'

const BACKUP_NAME = /^kith-.*\.sqlite$/

function kindOf(name: string): BackupKind {
  if (name.includes('-pre-migrate-')) return 'pre-migrate'
  if (name.includes('-pre-restore')) return 'pre-restore'
  if (name.includes('-pre-merge')) return 'pre-merge'
  if (name.includes('-auto')) return 'auto'
  return 'manual'
}

function infoFor(file: string): BackupInfo {
  const stat = fs.statSync(file)
  const name = path.basename(file)
  return { file, name, kind: kindOf(name), bytes: stat.size, createdAt: stat.mtime.toISOString() }
}

/** A fresh name in the backup folder that no earlier backup holds. */
function newBackupPath(backend: Backend, suffix: string): string {
  const base = `kith-${fileStamp(backend.now())}${suffix}`
  let candidate = path.join(backend.backupDir, `${base}.sqlite`)
  for (let n = 2; fs.existsSync(candidate); n++) {
    candidate = path.join(backend.backupDir, `${base}-${n}.sqlite`)
  }
  return candidate
}

export async function createBackup(backend: Backend, to?: string, suffix = ''): Promise<BackupInfo> {
  // Never in the middle of a long import: the copy would hold half of it.
  await backend.idle()
  const dest = to ?? newBackupPath(backend, suffix)
  await backupDatabase(backend.sqlite, dest, backend.nativeBinding)
  return infoFor(dest)
}

export function listBackups(backend: Backend): BackupInfo[] {
  let names: string[]
  try {
    names = fs.readdirSync(backend.backupDir)
  } catch {
    return []
  }
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .map((name) => infoFor(path.join(backend.backupDir, name)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
}

/** Checks that a file is a sound Kith database this version can open, with Kith's schema and some data. */
async function validateRestoreSource(file: string, nativeBinding?: string, confirmEmpty = false): Promise<void> {
  if (!fs.existsSync(file)) throw new KithError('not_found', `There is no file at ${file}.`)
  const header = readDbFileHeader(file)
  if (!header.exists) throw new KithError('bad_request', `${file} is empty: it holds no Kith data.`)
  if (header.applicationId !== KITH_APPLICATION_ID) {
    throw new KithError('not_kith_db', `${file} is not a Kith database. Nothing was changed.`)
  }
  assertOpenable(file, header, LATEST_SCHEMA_VERSION)
  let problems: string[]
  try {
    problems = integrityCheck(file, nativeBinding)
  } catch (err) {
    throw new KithError('db_corrupt', `${file} cannot be read as a database (${errorMessage(err)}). Nothing was changed.`)
  }
  if (problems.length > 0) {
    throw new KithError('db_corrupt', `${file} is damaged (${problems.slice(0, 3).join('; ')}). Nothing was changed.`)
  }
  await checkRestoreSource(file, { nativeBinding, confirmEmpty })
}

/**
 * Replaces the current data with a backup, after validating the backup and
 * keeping a safety copy of what is there now.
 */
export async function restoreBackup(backend: Backend, file: string, confirmEmpty = false): Promise<{ from: string; safetyCopy: BackupInfo }> {
  if (path.resolve(file) === path.resolve(backend.dbPath)) {
    throw new KithError('bad_request', 'That is the database Kith is using now; choose a backup file.')
  }
  await validateRestoreSource(file, backend.nativeBinding, confirmEmpty)
  const safetyCopy = await createBackup(backend, newBackupPath(backend, '-pre-restore'))
  await backend.reopenAfter(async () => {
    const source = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: backend.nativeBinding })
    try {
      await source.backup(backend.dbPath)
    } finally {
      source.close()
    }
  })
  return { from: file, safetyCopy }
}
