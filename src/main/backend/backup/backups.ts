import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { BACKUP_ID_PATTERN } from '../../../shared/schemas'
import type { BackupInfo, BackupKind } from '../../../shared/types'
import type { BackendState } from '../state'
import { backupDatabase } from '../db/backup-file'
import { integrityCheck } from '../db/integrity'
import { assertOpenable, readDbFileHeader } from '../db/file-check'
import { KITH_APPLICATION_ID } from '../db/constants'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { fileStamp } from '../db/open'
import { checkRestoreSource } from '../db/restore-check'
import { DAMAGED_MESSAGE, KithError, errorMessage } from '../errors'
import { describeEntry, fileFailure } from '../files'

function kindOf(name: string): BackupKind {
  if (name.includes('-pre-migrate-')) return 'pre-migrate'
  if (name.includes('-pre-restore')) return 'pre-restore'
  if (name.includes('-pre-merge')) return 'pre-merge'
  if (name.includes('-auto')) return 'auto'
  return 'manual'
}

/** What the page may see of a backup: its name, never where it lies on disk. */
function infoFor(file: string): BackupInfo {
  const stat = fs.statSync(file)
  const name = path.basename(file)
  return { name, kind: kindOf(name), bytes: stat.size, createdAt: stat.mtime.toISOString() }
}

/** A fresh name in the backup folder that no earlier backup holds. */
function newBackupPath(backend: BackendState, suffix: string): string {
  const base = `kith-${fileStamp(backend.now())}${suffix}`
  let candidate = path.join(backend.backupDir, `${base}.sqlite`)
  for (let n = 2; fs.existsSync(candidate); n++) {
    candidate = path.join(backend.backupDir, `${base}-${n}.sqlite`)
  }
  return candidate
}

/**
 * Where the backup with this id (its name in backups/) lies. The id is
 * checked again here, whoever calls: a name with a separator, a dot-dot or
 * anything but Kith's own backup names cannot leave the folder.
 */
export function backupPath(backend: BackendState, id: string): string {
  if (!BACKUP_ID_PATTERN.test(id) || path.basename(id) !== id) {
    throw new KithError('bad_request', 'That is not the name of a backup in the backups folder.')
  }
  return path.join(backend.backupDir, id)
}

/**
 * Copies the database: into backups/ under a fresh name, or (the CLI's
 * --to, a file chosen in the desktop app's save dialog) to `to`.
 */
export async function createBackup(backend: BackendState, to?: string, suffix = ''): Promise<BackupInfo> {
  // A damaged database goes into backups/ only as the safety copy a restore keeps: a copy
  // there would carry the damage and push sound backups out of rotation. A copy elsewhere
  // (kept for whoever repairs it) is the user's choice.
  if (backend.damage.length > 0 && to === undefined && suffix !== '-pre-restore') {
    throw new KithError('db_corrupt', `${DAMAGED_MESSAGE} A new backup now would hold the damage too.`)
  }
  // Never in the middle of a long import: the copy would hold half of it.
  await backend.idle()
  const dest = to ?? newBackupPath(backend, suffix)
  const label = to === undefined ? `the backup ${path.basename(dest)}` : `the file ${path.basename(dest)}`
  await backupDatabase(backend.sqlite, dest, backend.nativeBinding, label, (file) => backend.checkIntegrity(file))
  return infoFor(dest)
}

export function listBackups(backend: BackendState): BackupInfo[] {
  let names: string[]
  try {
    names = fs.readdirSync(backend.backupDir)
  } catch {
    return []
  }
  const infos: BackupInfo[] = []
  for (const name of names) {
    if (!BACKUP_ID_PATTERN.test(name)) continue
    try {
      // Only regular files: a link or a pipe that merely has a backup's name is not one.
      if (!fs.lstatSync(path.join(backend.backupDir, name)).isFile()) continue
      infos.push(infoFor(path.join(backend.backupDir, name)))
    } catch {
      // Removed since the listing.
    }
  }
  return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
}

/** Which file to restore: a backup in backups/ by its id, or a file the user chose themselves. */
export type RestoreSource = { backup: string } | { file: string }

interface ResolvedSource {
  file: string
  /** How messages name it: "the backup kith-….sqlite", "the file x.sqlite" (never its folder). */
  label: string
  /** The name reported back. */
  name: string
}

function resolveSource(backend: BackendState, source: RestoreSource): ResolvedSource {
  if ('backup' in source) {
    return { file: backupPath(backend, source.backup), label: `the backup ${source.backup}`, name: source.backup }
  }
  const name = path.basename(source.file)
  return { file: source.file, label: `the file ${name}`, name }
}

// POSIX only: Windows has neither flag (nor named pipes in the file system).
const posixFlags: Partial<typeof fs.constants> = fs.constants
const O_NONBLOCK = posixFlags.O_NONBLOCK ?? 0
const O_NOFOLLOW = posixFlags.O_NOFOLLOW ?? 0

/**
 * Opens the source without waiting (a named pipe would otherwise block
 * until something wrote to it, and every request with it) and without
 * following a link for a backup named by id, then refuses anything but a
 * regular file, and the database in use.
 */
function checkRegularFile(backend: BackendState, source: ResolvedSource, byId: boolean): void {
  let fd: number
  try {
    if (byId && fs.lstatSync(source.file).isSymbolicLink()) {
      throw new KithError('bad_request', `${upperFirst(source.label)} is a symbolic link, not a backup. Nothing was changed.`)
    }
    fd = fs.openSync(source.file, fs.constants.O_RDONLY | O_NONBLOCK | (byId ? O_NOFOLLOW : 0))
  } catch (err) {
    throw fileFailure(err, source.label, 'read')
  }
  try {
    const stat = fs.fstatSync(fd)
    if (!stat.isFile()) {
      throw new KithError('bad_request', `${upperFirst(source.label)} is ${describeEntry(stat)}, not a backup file. Nothing was changed.`)
    }
    let inUse: fs.Stats | null = null
    try {
      inUse = fs.statSync(backend.dbPath)
    } catch {
      inUse = null
    }
    if (inUse !== null && inUse.dev === stat.dev && inUse.ino === stat.ino) {
      throw new KithError('bad_request', 'That is the database Kith is using now; choose a backup file.')
    }
  } catch (err) {
    throw fileFailure(err, source.label, 'read')
  } finally {
    fs.closeSync(fd)
  }
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Runs a check whose messages name the file by its path, and names it by
 * its label instead: the page may see the message, never the path.
 */
async function naming<T>(file: string, label: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check()
  } catch (err) {
    if (err instanceof KithError && err.message.includes(file)) {
      throw new KithError(err.code, upperFirst(err.message.split(file).join(label)), err.details)
    }
    throw err
  }
}

/** Checks that a file is a sound Kith database this version can open, with Kith's schema and some data. */
async function validateRestoreSource(file: string, label: string, nativeBinding?: string, confirmEmpty = false): Promise<void> {
  const header = readDbFileHeader(file)
  if (!header.exists) throw new KithError('bad_request', `${upperFirst(label)} is empty: it holds no Kith data.`)
  if (header.applicationId !== KITH_APPLICATION_ID) {
    throw new KithError('not_kith_db', `${upperFirst(label)} is not a Kith database. Nothing was changed.`)
  }
  assertOpenable(file, header, LATEST_SCHEMA_VERSION)
  let problems: string[]
  try {
    problems = integrityCheck(file, nativeBinding)
  } catch (err) {
    throw new KithError('db_corrupt', `${upperFirst(label)} cannot be read as a database (${errorMessage(err)}). Nothing was changed.`)
  }
  if (problems.length > 0) {
    throw new KithError('db_corrupt', `${upperFirst(label)} is damaged (${problems.slice(0, 3).join('; ')}). Nothing was changed.`)
  }
  await checkRestoreSource(file, { nativeBinding, confirmEmpty })
}

/**
 * Replaces the current data with a backup, after validating the backup and
 * keeping a safety copy of what is there now. Returns the name restored.
 */
export async function restoreBackup(backend: BackendState, from: RestoreSource, confirmEmpty = false): Promise<{ from: string; safetyCopy: BackupInfo }> {
  const source = resolveSource(backend, from)
  checkRegularFile(backend, source, 'backup' in from)
  await naming(source.file, source.label, () => validateRestoreSource(source.file, source.label, backend.nativeBinding, confirmEmpty))
  const safetyCopy = await createBackup(backend, undefined, '-pre-restore')
  await backend.reopenAfter(async () => {
    try {
      const db = new Database(source.file, { readonly: true, fileMustExist: true, nativeBinding: backend.nativeBinding })
      try {
        await db.backup(backend.dbPath)
      } finally {
        db.close()
      }
    } catch (err) {
      throw fileFailure(err, source.label, 'read')
    }
  })
  return { from: source.name, safetyCopy }
}
