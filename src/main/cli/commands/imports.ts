/** `kith imports list` and `kith imports undo ID`: past imports, and taking one back. */
import path from 'node:path'
import { BATCH_FORMAT_LABELS, keptWords } from '../../../shared/imports'
import { plural } from '../../../shared/format'
import { EXIT_OK, UsageError, emit, type Command } from '../common'

export const imports: Command = {
  name: 'imports',
  usage: `imports list                     past imports
imports undo ID                  take an import back (a backup is taken first)`,
  options: ['json'],
  positionals: [1, 2],
  fields: { id: 'ID' },
  async run(ctx) {
    const [sub, arg] = ctx.positionals
    if (sub === 'list') {
      const batches = await ctx.call('imports.list', {})
      const lines = batches.map(
        (b) =>
          `#${String(b.id).padEnd(4)} ${b.createdAt.slice(0, 16).replace('T', ' ')}  ${b.fileName} (${BATCH_FORMAT_LABELS[b.format]}): ${b.created} created, ${b.updated} updated${b.undoneAt === null ? '' : `, undone ${b.undoneAt.slice(0, 10)}`}`,
      )
      emit(ctx, batches, lines.length === 0 ? 'No imports yet.' : lines.join('\n'))
      return EXIT_OK
    }
    if (sub === 'undo') {
      const id = Number(arg)
      if (arg === undefined || !/^\d+$/.test(arg)) throw new UsageError('imports undo needs the ID of an import (see kith imports list).')
      const undone = await ctx.call('imports.undo', { id })
      emit(
        ctx,
        undone,
        `Undid import #${id}: ${plural(undone.peopleDeleted, 'person', 'people')} deleted, ${undone.peopleRestored} restored, ${plural(undone.relationshipsDeleted, 'relationship')} deleted, ${undone.relationshipsRestored} restored.${undone.peopleKept.length > 0 ? `\n${keptWords(undone.peopleKept)}` : ''}\nA backup from before is at ${path.join(ctx.backend.backupDir, undone.backup)}.`,
      )
      return EXIT_OK
    }
    throw new UsageError(`imports takes list or undo, not "${sub ?? ''}".`)
  },
}
