/** `kith restore FILE`: replaces the data with a backup, keeping a copy of what it replaces. */
import path from 'node:path'
import type { RestoreResult } from '../../../shared/types'
import { restoreFrom } from '../../backend/backup/handlers'
import { EXIT_OK, emit, type Command } from '../common'
import { countsLine } from '../format'

export const restore: Command = {
  name: 'restore',
  usage: `restore FILE [--confirm]         replace the data with a backup (a copy of the current data is kept);
                                 --confirm restores a file that holds no people`,
  options: ['json', 'confirm'],
  positionals: 1,
  fields: { file: 'FILE' },
  async run(ctx) {
    const file = path.resolve(ctx.positionals[0] ?? '')
    const result: RestoreResult = await restoreFrom(ctx.backend, { file }, ctx.values.confirm === true)
    const kept = path.join(ctx.backend.backupDir, result.safetyCopy.name)
    emit(
      ctx,
      { ...result, restoredFrom: file, safetyCopy: { ...result.safetyCopy, file: kept } },
      `Restored ${file}: ${countsLine(result.counts)}.\n` + `The data it replaced is kept at ${kept}.`,
    )
    return EXIT_OK
  },
}
