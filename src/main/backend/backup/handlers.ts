import type { RestoreResult } from '../../../shared/types'
import type { Handler } from '../handlers'
import type { BackendState, FilePicker } from '../state'
import { tableCounts } from '../status/counts'
import { fileStamp } from '../db/open'
import { KithError } from '../errors'
import { createBackup, listBackups, restoreBackup, type RestoreSource } from './backups'

/**
 * The page may read every message these return, and must never learn where
 * the data lies on disk: a message from deeper down (the database reopened
 * after a restore) that names the data folder names it in words instead.
 */
async function withoutPaths<T>(backend: BackendState, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (!(err instanceof KithError)) throw err
    const message = err.message.split(backend.dbPath).join('kith.sqlite in the data folder').split(backend.dataDir).join('the data folder')
    throw message === err.message ? err : new KithError(err.code, message, err.details)
  }
}

const create: Handler<'backup.create'> = (_args, backend) => withoutPaths(backend, () => createBackup(backend))

const list: Handler<'backup.list'> = (_args, backend) => listBackups(backend)

async function restoreFrom(backend: BackendState, source: RestoreSource, confirmEmpty = false): Promise<RestoreResult> {
  const { from, safetyCopy } = await restoreBackup(backend, source, confirmEmpty)
  return {
    restoredFrom: from,
    safetyCopy,
    schemaVersion: backend.schemaVersion,
    counts: await tableCounts(backend),
  }
}

const restore: Handler<'backup.restore'> = (args, backend) => withoutPaths(backend, () => restoreFrom(backend, { backup: args.id }, args.confirmEmpty))

/** The desktop app's dialogs; elsewhere, files outside the data folder are the CLI's to name. */
function pickerOf(backend: BackendState): FilePicker {
  if (backend.filePicker === null) {
    throw new KithError('forbidden', 'Choosing a file is possible only in the desktop app. Here, backups stay in the data folder.')
  }
  return backend.filePicker
}

const saveCopy: Handler<'backup.saveCopy'> = async (_args, backend) => {
  const to = await pickerOf(backend).saveBackupAs(`kith-${fileStamp(backend.now())}.sqlite`)
  return to === null ? null : createBackup(backend, to)
}

export { restoreFrom }

const restoreFile: Handler<'backup.restoreFile'> = async (args, backend) => {
  const file = await pickerOf(backend).openBackup()
  return file === null ? null : restoreFrom(backend, { file }, args.confirmEmpty)
}

export const backupHandlers = {
  'backup.create': create,
  'backup.list': list,
  'backup.restore': restore,
  'backup.saveCopy': saveCopy,
  'backup.restoreFile': restoreFile,
}
