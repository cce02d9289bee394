import type { Handler } from '../handlers'
import { tableCounts } from '../app/counts'
import { createBackup, listBackups, restoreBackup } from './backups'

const create: Handler<'backup.create'> = (args, backend) => createBackup(backend, args.to)

const list: Handler<'backup.list'> = (_args, backend) => listBackups(backend)

const restore: Handler<'backup.restore'> = async (args, backend) => {
  const { from, safetyCopy } = await restoreBackup(backend, args.file, args.confirmEmpty)
  return {
    restoredFrom: from,
    safetyCopy,
    schemaVersion: backend.schemaVersion,
    counts: await tableCounts(backend),
  }
}

export const backupHandlers = {
  'backup.create': create,
  'backup.list': list,
  'backup.restore': restore,
}
