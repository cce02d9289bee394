/** `kith backup`: a checked copy of the database. */
import path from 'node:path'
import type { BackupInfo } from '../../../shared/types'
import { createBackup } from '../../backend/backup/backups'
import { EXIT_OK, emit, type Command } from '../common'
import { formatBytes } from '../format'

export const backup: Command = {
  name: 'backup',
  usage: `backup [--to FILE]               copy the database (online backup, then an integrity check)`,
  options: ['json', 'to'],
  positionals: 0,
  fields: { to: '--to' },
  async run(ctx) {
    // The CLI's user may name any file; the page never can (it has no --to).
    const to = typeof ctx.values.to === 'string' ? path.resolve(ctx.values.to) : undefined
    const info: BackupInfo = await createBackup(ctx.backend, to)
    const where = to ?? path.join(ctx.backend.backupDir, info.name)
    // Only a copy elsewhere is taken of a damaged database (kept for repair), and it holds the damage.
    const damaged = ctx.backend.damage.length > 0
    emit(
      ctx,
      { ...info, file: where, damaged },
      damaged
        ? `Copied the damaged database to ${where} (${formatBytes(info.bytes)}); the copy holds the damage too. Keep it for repair, and restore a sound backup to go on.`
        : `Backed up to ${where} (${formatBytes(info.bytes)}, integrity ok).`,
    )
    return EXIT_OK
  },
}
