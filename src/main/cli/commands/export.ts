/** `kith export FILE`: everything as Kith JSON, or people as CSV or vCard. */
import fs from 'node:fs/promises'
import path from 'node:path'
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/imports'
import { PRIVATE_FILE_MODE } from '../../backend/files'
import { EXIT_OK, UsageError, emit, oneOf, type Command } from '../common'

export const exportFile: Command = {
  name: 'export',
  usage: `export FILE [--format json|csv|vcard]   everything (json), or people (csv, vcard)`,
  options: ['json', 'format'],
  positionals: 1,
  async run(ctx) {
    const file = path.resolve(ctx.positionals[0] ?? '')
    const byExtension: Record<string, ExportFormat> = { '.json': 'json', '.csv': 'csv', '.vcf': 'vcard', '.vcard': 'vcard' }
    const format = oneOf(ctx.values, 'format', EXPORT_FORMATS) ?? byExtension[path.extname(file).toLowerCase()]
    if (format === undefined) throw new UsageError('export needs --format json, csv or vcard (or a FILE ending in .json, .csv or .vcf).')
    const exported = await ctx.call('export.create', { format })
    // Written beside the target, then renamed: a reader never sees half a file.
    const partial = `${file}.partial-${process.pid}`
    // Readable by its owner only, like everything Kith writes: it is the whole address book.
    await fs.writeFile(partial, exported.content, { encoding: 'utf8', mode: PRIVATE_FILE_MODE })
    await fs.chmod(partial, PRIVATE_FILE_MODE)
    await fs.rename(partial, file)
    const skipped = exported.skipped ?? []
    const missing = skipped.length === 0 ? '' : `\nThe database is damaged; these could not be read and are missing:\n  ${skipped.join('\n  ')}`
    emit(ctx, { file, format, people: exported.people, ...(skipped.length > 0 ? { skipped } : {}) }, `Exported ${exported.people} people to ${file}.${missing}`)
    return EXIT_OK
  },
}
