/** `kith import FILE`: reads contacts or who-knows-whom from a file, shows what would change (--dry-run) or applies it. */
import fs from 'node:fs/promises'
import path from 'node:path'
import { waitForImportJob } from '../../../shared/import-job'
import { FORMAT_LABELS, IMPORT_FORMATS, IMPORT_LIMITS } from '../../../shared/imports'
import { KithError } from '../../backend/errors'
import { EXIT_FAILURE, EXIT_OK, UsageError, emit, oneOf, text, type Command } from '../common'
import { formatBytes } from '../format'

export const importFile: Command = {
  name: 'import',
  usage: `import FILE [--format linkedin|google|vcard|relationships|json] [--dry-run] [--strength 1-5|none]
                                 import contacts or who-knows-whom; --dry-run shows what would happen`,
  options: ['json', 'format', 'dry-run', 'strength'],
  positionals: 1,
  async run(ctx) {
    const file = path.resolve(ctx.positionals[0] ?? '')
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
      ...(preview.warnings.length === 0 ? [] : [`${preview.warnings.length} value(s) left out:`, ...preview.warnings.slice(0, 20).map((e) => `  line ${e.line}: ${e.message}`)]),
      ...('batchId' in outcome && outcome.batchId !== null ? [`Undo with: kith imports undo ${outcome.batchId}`] : []),
    ]
    emit(ctx, report, lines.join('\n'))
    return EXIT_OK
  },
}

async function readImportFile(file: string): Promise<Uint8Array> {
  let size: number
  try {
    size = (await fs.stat(file)).size
  } catch {
    throw new KithError('not_found', `There is no file at ${file}.`)
  }
  if (size > IMPORT_LIMITS.bytes) {
    throw new KithError('bad_request', `${path.basename(file)} is ${formatBytes(size)}; Kith imports files up to ${IMPORT_LIMITS.bytes / 1024 / 1024} MB. Split it, or export fewer contacts at a time.`)
  }
  return fs.readFile(file)
}
