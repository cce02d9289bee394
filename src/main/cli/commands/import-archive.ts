/**
 * `kith import PATH` for a mail or calendar archive: streamed from the path
 * the user typed (no size limit), with progress on stderr, a preview of what
 * Kith learned (`--dry-run` stops there) and one transaction to apply it.
 */
import path from 'node:path'
import { isEmailAddress } from '../../../shared/email-address'
import { formatBytes, plural } from '../../../shared/format'
import { ARCHIVE_FORMAT_LABELS, IGNORED_REASONS, archiveItemCount, ignoredWords, type ArchiveJobStatus, type ArchivePreview, type LearnedPerson } from '../../../shared/imports'
import { archiveJobs } from '../../backend/imports/archive/jobs'
import { EXIT_FAILURE, EXIT_OK, UsageError, emit, texts, type CommandContext } from '../common'

/** How often progress is written while an archive is read. */
const PROGRESS_MS = 2000

/** "Reading: 1,200 messages (3 MB of 40 MB), 12 people so far"; a calendar counts meetings. */
export function progressLine(status: ArchiveJobStatus): string {
  const p = status.progress
  const bytes = p.totalBytes === null ? formatBytes(p.bytes) : `${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}`
  return `Reading: ${archiveItemCount(status.format, p.messages)} (${bytes}), ${p.people.toLocaleString('en')} people so far`
}

/** What `--json` prints: the preview's shape, as documented. */
function previewJson(preview: ArchivePreview) {
  return {
    format: preview.format,
    myAddresses: preview.myAddresses,
    ownAddresses: preview.ownAddresses,
    messages: preview.messages,
    people: preview.people,
    interactions: preview.interactions,
    ties: preview.ties,
    totals: preview.totals,
    ignored: preview.ignored,
    errors: preview.errors,
    notes: preview.notes,
  }
}

function personLine(p: LearnedPerson): string {
  return `  ${p.name}${p.email === null ? '' : ` <${p.email}>`}${p.byName ? ' (matched by name: the address is added)' : ''}: ${p.explanation}`
}

/** "  … and 2,971 more" under a list cut at `shown`, when there are more. */
function more(total: number, shown: number): string[] {
  return total > shown ? [`  … and ${(total - shown).toLocaleString('en')} more`] : []
}

function previewText(preview: ArchivePreview, dryRun: boolean): string[] {
  const ignored = IGNORED_REASONS.filter((why) => preview.ignored[why] > 0)
  const { created, matched, heardFrom } = preview.people
  const rejected = heardFrom.filter((h) => h.rejected)
  return [
    `${dryRun ? 'Would learn' : 'Learned'} from ${preview.fileName} (${ARCHIVE_FORMAT_LABELS[preview.format]}, ${archiveItemCount(preview.format, preview.messages)}):`,
    `  ${plural(preview.totals.created, 'new person', 'new people')}, ${preview.totals.matched.toLocaleString('en')} already in Kith, ${preview.totals.heardFrom.toLocaleString('en')} heard from (not added)`,
    `  ${plural(preview.interactions, 'interaction')}, ${plural(preview.totals.ties, 'proposed tie')} between others`,
    ...(ignored.length === 0 ? [] : [`  left out: ${ignored.map((why) => ignoredWords(preview.format, why, preview.ignored[why])).join(', ')}`]),
    ...(created.length === 0 ? [] : ['New people:', ...created.slice(0, 30).map(personLine), ...more(preview.totals.created, 30)]),
    ...(matched.length === 0 ? [] : ['Already in Kith:', ...matched.slice(0, 30).map(personLine), ...more(preview.totals.matched, 30)]),
    ...(rejected.length === 0
      ? []
      : ['Heard from, not added again (you rejected them before):', ...rejected.slice(0, 30).map((h) => `  ${h.name}${h.email === null ? '' : ` <${h.email}>`}`)]),
    ...(preview.ties.length === 0 ? [] : ['Proposed ties:', ...preview.ties.slice(0, 30).map((t) => `  ${t.a} and ${t.b}: ${t.context}`), ...more(preview.totals.ties, 30)]),
    ...(preview.ownAddresses.proposed.length === 0
      ? []
      : [
          'These addresses sent mail in the archive; if they are yours, add them with --my-address (or in Settings) and import again:',
          ...preview.ownAddresses.proposed.map((p) => `  ${p.email}${p.name === null ? '' : ` (${p.name})`}: ${p.count} sent`),
        ]),
    ...preview.notes,
    ...(preview.myAddresses.length === 0 && preview.ownAddresses.proposed.length === 0 && preview.format !== 'linkedin-export' ? ['Or give them here with --my-address and import again.'] : []),
    ...(preview.totals.errors === 0
      ? []
      : [`${preview.totals.errors.toLocaleString('en')} could not be read:`, ...preview.errors.slice(0, 20).map((e) => `  #${e.line}: ${e.message}`), ...more(preview.totals.errors, 20)]),
  ]
}

export async function importArchive(ctx: CommandContext, archivePath: string): Promise<number> {
  if (ctx.values.strength !== undefined) throw new UsageError('--strength is for contact files; Kith estimates strengths from an archive.')
  const addresses = (texts(ctx.values, 'my-address') ?? []).map((a) => a.trim().toLowerCase())
  const bad = addresses.find((a) => !isEmailAddress(a))
  if (bad !== undefined) throw new UsageError(`--my-address: "${bad}" is not an email address.`)
  const dryRun = ctx.values['dry-run'] === true
  let status = await archiveJobs(ctx.backend).startPath(path.resolve(archivePath), addresses)
  let said = Date.now()
  while (status.phase === 'reading' || status.phase === 'matching') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    status = await ctx.call('imports.archiveJob', { jobId: status.jobId })
    if (ctx.values.json !== true && Date.now() - said >= PROGRESS_MS) {
      ctx.io.err(progressLine(status))
      said = Date.now()
    }
  }
  const preview = status.preview
  if (preview === null) {
    const message = status.error ?? 'the archive could not be read'
    emit(ctx, { format: null, errors: [{ line: 0, message }] }, `kith import: ${message}`)
    return EXIT_FAILURE
  }
  if (dryRun) {
    await ctx.call('imports.archiveCancel', { jobId: preview.jobId })
    emit(ctx, { ...previewJson(preview), dryRun: true }, previewText(preview, true).join('\n'))
    return EXIT_OK
  }
  const result = await ctx.call('imports.archiveApply', { jobId: preview.jobId })
  // The addresses given are the user's own: kept, as the page keeps them, so the next import knows them too.
  const saved = await rememberAddresses(ctx, addresses)
  emit(
    ctx,
    { ...previewJson(preview), importId: result.batchId, result },
    [
      ...previewText(preview, false),
      ...(saved.length === 0 ? [] : [`Kept ${saved.join(', ')} as ${saved.length === 1 ? 'one of your addresses' : 'your addresses'} for the next imports.`]),
      ...(result.batchId === null
        ? ['Nothing was added, so no import was recorded.']
        : [`Review what Kith learned: kith review list`, `Undo with: kith imports undo ${result.batchId}`]),
    ].join('\n'),
  )
  return EXIT_OK
}

/** Adds the addresses given with --my-address to the user's own (settings.archive); answers the ones that were new. */
async function rememberAddresses(ctx: CommandContext, addresses: readonly string[]): Promise<string[]> {
  if (addresses.length === 0) return []
  const settings = await ctx.call('settings.archive.get', {})
  const fresh = [...new Set(addresses)].filter((a) => !settings.myAddresses.includes(a))
  if (fresh.length === 0) return []
  await ctx.call('settings.archive.set', { ...settings, myAddresses: [...settings.myAddresses, ...fresh] })
  return fresh
}
