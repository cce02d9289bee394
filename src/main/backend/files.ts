/**
 * Kith's files on disk: private to the user who owns them, and every way the
 * file system can say no turned into a typed error with a plain message.
 */
import fs from 'node:fs'
import path from 'node:path'
import { KithError } from './errors'

/** The data folder and backups/: only the owner may list or enter them. */
export const PRIVATE_DIR_MODE = 0o700
/** The database, its -wal and -shm, backups and exports: only the owner may read them. */
export const PRIVATE_FILE_MODE = 0o600

const POSIX = process.platform !== 'win32'

/**
 * Creates a folder (and its parents) for the owner only, and tightens an
 * existing one that is looser: the mode given at creation is filtered by the
 * umask, so it is set again explicitly.
 */
export function ensurePrivateDir(dir: string, label: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
    if (POSIX && (fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE) fs.chmodSync(dir, PRIVATE_DIR_MODE)
  } catch (err) {
    throw fileFailure(err, label, 'create')
  }
}

/**
 * Creates the folders missing on the way to `dir`, each for the owner only,
 * and leaves every folder that was already there as it is: a folder the user
 * chose to save into (their documents, a shared folder) is theirs to set.
 */
export function ensureDirCreatingPrivate(dir: string, label: string): void {
  try {
    const first = fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
    if (!POSIX || first === undefined) return
    // mkdir's mode is filtered by the umask: set it again on each folder made here, and only those.
    const made = path.resolve(first)
    for (let at = path.resolve(dir); ; at = path.dirname(at)) {
      fs.chmodSync(at, PRIVATE_DIR_MODE)
      if (at === made || path.dirname(at) === at) break
    }
  } catch (err) {
    throw fileFailure(err, label, 'create')
  }
}

/** Makes an existing file readable by its owner only; a file that is not there is left alone. */
export function makePrivate(file: string): void {
  if (!POSIX) return
  try {
    if ((fs.statSync(file).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(file, PRIVATE_FILE_MODE)
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return
    throw fileFailure(err, 'a file in the data folder', 'protect')
  }
}

/** Makes every regular file directly inside a folder the owner's alone (links and folders are left alone). */
export function makeFilesPrivate(dir: string): void {
  if (!POSIX) return
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const file = path.join(dir, name)
    try {
      if (fs.lstatSync(file).isFile()) makePrivate(file)
    } catch {
      // Gone since the listing, or not ours to change: the next open tries again.
    }
  }
}

/** Creates an empty file for the owner only; fails if something is already there. */
export function createPrivateFile(file: string, label: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE))
    makePrivate(file)
  } catch (err) {
    throw fileFailure(err, label, 'create')
  }
}

/**
 * Turns a file-system failure into a typed error. `label` says which file in
 * words the reader may see ("the backup kith-….sqlite"); the error's own text
 * is never used, since Node puts the full path in it.
 */
/** The system's code for a failed file operation ('ENOENT', 'EACCES'…), if the failure carries one. */
export function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined
}

export function fileFailure(err: unknown, label: string, action: 'read' | 'write' | 'create' | 'protect'): KithError {
  if (err instanceof KithError) return err
  const code = errnoCode(err)
  switch (code) {
    case 'ENOENT':
      return new KithError('not_found', `Kith cannot find ${label}.`)
    case 'EACCES':
    case 'EPERM':
      return new KithError('io', `Kith is not allowed to ${action} ${label} (permission denied).`)
    case 'EISDIR':
      return new KithError('bad_request', `${upperFirst(label)} is a folder, not a file.`)
    case 'ENOTDIR':
      return new KithError('bad_request', `Part of the way to ${label} is a file, not a folder.`)
    case 'ENAMETOOLONG':
      return new KithError('bad_request', `The name of ${label} is too long for the file system.`)
    case 'ELOOP':
      return new KithError('bad_request', `${upperFirst(label)} is a symbolic link; Kith does not follow links here.`)
    case 'ENXIO':
    case 'ENODEV':
      return new KithError('bad_request', `${upperFirst(label)} is not a regular file.`)
    case 'EEXIST':
      return new KithError('conflict', `${upperFirst(label)} already exists; choose another name.`)
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return new KithError('io', `There is not enough disk space to ${action} ${label}.`)
    case 'EROFS':
      return new KithError('io', `Cannot ${action} ${label}: the disk is read-only.`)
    case 'EMFILE':
    case 'ENFILE':
      return new KithError('io', `Cannot ${action} ${label}: too many files are open.`)
    case 'ERR_INVALID_ARG_VALUE':
    case 'ERR_INVALID_ARG_TYPE':
      return new KithError('bad_request', `The name of ${label} is not a valid file name (it holds a NUL character).`)
    default:
      return new KithError('io', `Cannot ${action} ${label}${typeof code === 'string' ? ` (${code})` : ''}.`)
  }
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** What a file-system entry is, in words, for a refusal. */
export function describeEntry(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder'
  if (stat.isFIFO()) return 'a named pipe'
  if (stat.isSocket()) return 'a socket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  if (stat.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}
