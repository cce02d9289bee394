/**
 * Observations made by hand, as an archive reader would hand them to the
 * learning step, and a way to run them through an archive import job and
 * wait for its preview.
 */
import type { ArchiveFormat, ArchivePreview, ArchiveResult } from '../../../shared/imports'
import type { Backend } from '../backend'
import { archiveJobs } from '../imports/archive/jobs'
import type { Observation, ObservationKind, Participant } from '../imports/archive/observation'
import { ok } from './call'

/** Someone by address, with a name. */
export function who(email: string, name: string | null = null): Participant {
  return { email, name, linkedinUrl: null }
}

let counter = 0

/** A message (or meeting) between `from` and `to`, on `at` (a date or a full time). */
export function obs(
  from: Participant,
  to: readonly Participant[],
  at: string,
  more: { kind?: ObservationKind; key?: string; thread?: string; subject?: string | null; noise?: Observation['noise'] } = {},
): Observation {
  counter++
  return {
    kind: more.kind ?? 'email',
    sourceKey: more.key ?? `<m${counter}@test>`,
    at: at.length === 10 ? `${at}T10:00:00.000Z` : at,
    threadKey: more.thread ?? `thread-${counter}`,
    subject: more.subject === undefined ? `Subject ${counter}` : more.subject,
    from,
    to: [...to],
    noise: more.noise ?? null,
  }
}

/** Runs observations through an archive import job (as a reader's would) and waits for its preview. */
export async function previewArchive(
  backend: Backend,
  observations: readonly Observation[],
  options: { myAddresses?: string[]; format?: ArchiveFormat; fileName?: string } = {},
): Promise<ArchivePreview> {
  const started = archiveJobs(backend).start(
    { fileName: options.fileName ?? 'All mail.mbox', format: options.format ?? 'mbox', myAddresses: options.myAddresses ?? [] },
    () => observations,
  )
  let status = started
  while (status.phase === 'reading' || status.phase === 'matching') {
    await new Promise((resolve) => setTimeout(resolve, 2))
    status = await ok(backend, 'imports.archiveJob', { jobId: status.jobId })
  }
  if (status.preview === null) throw new Error(`the archive was refused: ${status.error ?? status.phase}`)
  return status.preview
}

/** Previews and applies, returning both. */
export async function importArchive(backend: Backend, observations: readonly Observation[], options: { myAddresses?: string[]; format?: ArchiveFormat } = {}) {
  const preview = await previewArchive(backend, observations, options)
  const result = await ok(backend, 'imports.archiveApply', { jobId: preview.jobId })
  return { preview, result }
}

/** The import an apply recorded; an apply that learned nothing records none, which a test that expects one must not get. */
export function batchOf(result: ArchiveResult): number {
  if (result.batchId === null) throw new Error('the archive import learned nothing, so no import was recorded')
  return result.batchId
}
