/**
 * `kith import PATH`: reads contacts or who-knows-whom from a file, or learns
 * from a mail or calendar archive (see import-archive.ts); shows what would
 * change (--dry-run) or applies it.
 */
import fs, { type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { waitForImportJob } from '../../../shared/import-job'
import { FORMAT_LABELS, IMPORT_FORMATS, IMPORT_LIMITS, importTooBigMessage } from '../../../shared/imports'
import { KithError } from '../../backend/errors'
import { describeEntry, fileFailure } from '../../backend/files'
import { detectArchive } from '../../backend/imports/archive/formats'
import { EXIT_FAILURE, EXIT_OK, UsageError, emit, oneOf, text, texts, type Command, type CommandContext } from '../common'
import { importArchive } from './import-archive'

export const importFile: Command = {
  name: 'import',
  usage: `import FILE [--format linkedin|google|outlook|csv|vcard|relationships|json] [--dry-run] [--strength 1-5|none]
                                 import contacts or who-knows-whom; --dry-run shows what would happen
import PATH [--my-address ADDR]... [--dry-run]
                                 learn people, interactions and ties from a mail or calendar
                                 archive (mbox, Apple .mbox folder, .eml folder, .ics)`,
  options: ['json', 'format', 'dry-run', 'strength', 'my-address'],
  positionals: 1,
  fields: { file: 'PATH' },
  help: `A contacts file (LinkedIn, Google, Outlook, a contacts spreadsheet, vCard, a relationship sheet, Kith JSON)
is read whole, up to 50 MB. A spreadsheet needs a Name column (or First Name and Last Name).
An archive is streamed from PATH with no size limit: --my-address (repeatable) names your own
addresses besides those in Settings, so Kith knows which messages you sent and received.
Afterwards, "kith review list" shows the people, strengths and ties Kith learned.`,
  async run(ctx) {
    try {
      return await importPath(ctx)
    } catch (err) {
      if (!(err instanceof KithError) || err.code === 'internal') throw err
      // A path refused before anything was read (missing, a folder that is no archive, too big, busy) is
      // reported like a file that could not be read, so a script reads one shape for every failure.
      const format = oneOf(ctx.values, 'format', IMPORT_FORMATS) ?? null
      if (ctx.values.json === true) ctx.io.out(JSON.stringify({ format, errors: [{ line: 0, message: err.message }] }, null, 2))
      ctx.io.err(`kith import: ${err.message}`)
      return EXIT_FAILURE
    }
  },
}

async function importPath(ctx: CommandContext): Promise<number> {
  const file = path.resolve(ctx.positionals[0] ?? '')
  if (ctx.values.format === undefined && (await detectArchive(file)) !== null) return importArchive(ctx, file)
  if (texts(ctx.values, 'my-address') !== undefined) throw new UsageError('--my-address is for mail and calendar archives; this is not one.')
  const format = oneOf(ctx.values, 'format', IMPORT_FORMATS) ?? null
  const strengthText = text(ctx.values, 'strength')
  if (strengthText !== undefined && !/^([1-5]|none)$/.test(strengthText)) throw new UsageError(`--strength must be 1 to 5, or none, not "${strengthText}".`)
  const bytes = await readImportFile(file)
  const started = await ctx.call('imports.start', { fileName: path.basename(file), data: Buffer.from(bytes).toString('base64'), format })
  const status = await waitForImportJob(ctx.call, started, { intervalMs: 20 })
  const preview = status.preview
  if (preview === null) {
    const message = status.error ?? 'the file could not be read'
    const report = { format, created: 0, updated: 0, skipped: 0, errors: [{ line: status.errorLine ?? 0, message }] }
    emit(ctx, report, `kith import: ${message}`)
    return EXIT_FAILURE
  }
  const strength = strengthText === undefined ? preview.defaultStrength : strengthText === 'none' ? null : Number(strengthText)
  const c = preview.counts
  const outcome =
    ctx.values['dry-run'] === true
      ? {
          dryRun: true,
          created: c.new + c.relationshipsNew + c.peopleCreatedForRelationships,
          updated: c.matches - c.unchanged + c.relationshipsUpdated,
          skipped: c.unchanged + c.ignored,
          errors: preview.errors,
        }
      : await ctx.call('imports.apply', { jobId: preview.jobId, strength, decisions: [] })
  if (ctx.values['dry-run'] === true) await ctx.call('imports.cancel', { jobId: preview.jobId })
  const report = {
    format: preview.format,
    created: outcome.created,
    updated: outcome.updated,
    skipped: outcome.skipped,
    errors: outcome.errors,
    warnings: preview.warnings,
    ...('batchId' in outcome ? { importId: outcome.batchId } : { dryRun: true }),
  }
  const lines = [
    `${ctx.values['dry-run'] === true ? 'Would import' : 'Imported'} ${path.basename(file)} (${FORMAT_LABELS[preview.format]}): ${report.created} created, ${report.updated} updated, ${report.skipped} skipped.`,
    ...preview.notes,
    ...(report.errors.length === 0 ? [] : [`${report.errors.length} record(s) could not be read:`, ...report.errors.slice(0, 50).map((e) => `  line ${e.line}: ${e.message}`)]),
    ...(preview.warnings.length === 0 ? [] : [`${preview.warnings.length === 1 ? '1 note' : `${preview.warnings.length} notes`} on the rows (values left out or read another way):`, ...preview.warnings.slice(0, 20).map((e) => `  line ${e.line}: ${e.message}`)]),
    ...('batchId' in outcome && outcome.batchId !== null ? [`Undo with: kith imports undo ${outcome.batchId}`] : []),
  ]
  emit(ctx, report, lines.join('\n'))
  return EXIT_OK
}

/**
 * Reads the file to import: only a regular file (a named pipe or a device
 * would never end), opened without waiting, and never more than the limit.
 */
async function readImportFile(file: string): Promise<Uint8Array> {
  const name = path.basename(file)
  const nonBlocking = (fs.constants as Partial<typeof fs.constants>).O_NONBLOCK ?? 0
  let handle: FileHandle
  try {
    handle = await fs.open(file, fs.constants.O_RDONLY | nonBlocking)
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT') throw new KithError('not_found', `There is no file at ${file}.`)
    // The CLI's user typed this path, so the message may show it.
    throw fileFailure(err, `the file ${file}`, 'read')
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) throw new KithError('bad_request', `${name} is ${describeEntry(stat)}, not a file Kith can import.`)
    if (stat.size > IMPORT_LIMITS.bytes) throw new KithError('bad_request', importTooBigMessage(name, stat.size))
    // Read up to one byte past the limit: a file that grows while it is read is still refused.
    const buffer = Buffer.alloc(Math.min(stat.size, IMPORT_LIMITS.bytes) + 1)
    let read = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read)
      if (bytesRead === 0) break
      read += bytesRead
      if (read === buffer.length) break
    }
    if (read > IMPORT_LIMITS.bytes) throw new KithError('bad_request', importTooBigMessage(name, read))
    return buffer.subarray(0, Math.min(read, stat.size))
  } finally {
    await handle.close()
  }
}
