/**
 * Browser mode's archive upload. The page has no file picker that hands over
 * a path, and an archive may be gigabytes, so its bytes are streamed into a
 * private temporary copy (`uploads/` in the data folder: the folder 0700, the
 * file 0600) with no size limit, and an ordinary archive job reads that copy.
 * The copy is removed when the job ends however it ends (applied, cancelled,
 * failed, let go after waiting), when the upload stops half way, and when the
 * server stops; it is never kept.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { z } from 'zod'
import type { FieldIssue } from '../../../../shared/api'
import { archiveUploadArgs, type ArchiveJobStatus } from '../../../../shared/imports'
import { KithError } from '../../errors'
import { PRIVATE_FILE_MODE, ensurePrivateDir, errnoCode, fileFailure, makePrivate } from '../../files'
import type { BackendState } from '../../state'
import { detectArchive, readerFor } from './formats'
import { archiveJobs } from './jobs'
import { READERS } from './readers'

export const UPLOAD_DIR_NAME = 'uploads'

export function uploadDir(dataDir: string): string {
  return path.join(dataDir, UPLOAD_DIR_NAME)
}

/** Removes an uploaded copy; one already gone is fine, and a failure is left for the next start to sweep. */
function removeCopy(file: string): void {
  fs.rm(file, { force: true, maxRetries: 5 }, () => undefined)
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it runs, but belongs to someone else.
    return errnoCode(err) === 'EPERM'
  }
}

/**
 * Removes uploaded copies: this process's own (`mine`, when the server
 * stops), or those left by a process that is gone (when a server starts).
 * Each copy's name starts with the id of the process that wrote it, so a
 * second server on the same data folder keeps its own.
 */
export function removeUploads(dataDir: string, which: 'mine' | 'left-behind'): void {
  let names: string[]
  try {
    names = fs.readdirSync(uploadDir(dataDir))
  } catch {
    return
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1] ?? Number.NaN)
    const remove = which === 'mine' ? pid === process.pid : pid !== process.pid && !(Number.isInteger(pid) && processAlive(pid))
    if (!remove) continue
    try {
      fs.rmSync(path.join(uploadDir(dataDir), name), { force: true, maxRetries: 5 })
    } catch {
      // Still open somewhere (Windows): the next start tries again.
    }
  }
}

function refused(error: z.ZodError): KithError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: issue.message,
  }))
  const first = issues[0]
  // Said to the user: the file or their address, never a field's name.
  const where = first?.path[0] === 'myAddresses' ? 'Your own address: ' : ''
  const message = first === undefined ? 'The upload was refused.' : `${where}${first.message}`
  return new KithError('bad_request', message, { issues })
}

/** An upload's private copy, written but not yet read, with what the page said about it. */
export interface UploadedCopy {
  /** the private copy in `uploads/` */
  file: string
  /** the name of the file the user chose (the only name messages use) */
  name: string
  myAddresses: string[]
}

/**
 * Checks what the page says about the upload (`args`: the file's name and the
 * user's addresses) and streams `body` into a private copy in the data
 * folder. Only file I/O, no database: browser mode's server does it on its own
 * thread and then hands the copy to the backend (`startArchiveOnCopy`).
 */
export async function receiveUpload(dataDir: string, args: unknown, body: Readable): Promise<UploadedCopy> {
  const parsed = archiveUploadArgs.safeParse(args)
  if (!parsed.success) throw refused(parsed.error)
  const { name, myAddresses } = parsed.data
  const dir = uploadDir(dataDir)
  ensurePrivateDir(dir, 'the folder for uploaded archives')
  // The copy keeps the extension: an empty .ics or .mbox is told apart by it.
  const file = path.join(dir, `${process.pid}-${randomUUID()}${path.extname(name).toLowerCase()}`)
  try {
    await pipeline(body, fs.createWriteStream(file, { flags: 'wx', mode: PRIVATE_FILE_MODE }))
    makePrivate(file)
  } catch (err) {
    removeCopy(file)
    // A failure of the disk (full, read-only) is said as such; anything else is the upload breaking off.
    const code = errnoCode(err)
    if (code !== undefined && /^E(?!CONN)[A-Z]+$/.test(code)) throw fileFailure(err, `the copy of ${name}`, 'write')
    throw new KithError('bad_request', `The upload of ${name} stopped before the end; nothing was kept.`)
  }
  return { file, name, myAddresses }
}

/**
 * Starts an archive job on an uploaded copy. Nothing is written to the
 * database; the job waits at its preview. The copy is removed when the job
 * ends, or at once when it cannot start. Only copies in this data folder's
 * `uploads/` are read.
 */
export async function startArchiveOnCopy(backend: BackendState, copy: UploadedCopy): Promise<ArchiveJobStatus> {
  const { file, name, myAddresses } = copy
  if (path.dirname(path.resolve(file)) !== path.resolve(uploadDir(backend.dataDir))) {
    throw new KithError('bad_request', `The upload of ${name} is not in Kith's folder for uploads.`)
  }
  let format, reader
  try {
    format = await detectArchive(file, name)
    if (format === null) throw new KithError('bad_request', `${name} is not a mail or calendar archive Kith can read (mbox, .eml, .ics, or LinkedIn's data export as .zip).`)
    reader = readerFor(format, READERS)
  } catch (err) {
    removeCopy(file)
    throw err
  }
  return archiveJobs(backend).start({ fileName: name, format, myAddresses }, (options) => reader(file, options), () => removeCopy(file))
}
