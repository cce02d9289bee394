/**
 * Waiting for an import to be read: the CLI and the page both start a job
 * with `imports.start` and ask `imports.job` until it has left its busy
 * phases (reading the file, matching it with the people already there).
 */
import type { ArgsIn, Result } from './contract'
import type { ImportJobStatus } from './imports'

/** Either door's typed `call`, narrowed to the one method this needs. */
export type ImportJobCall = (method: 'imports.job', args: ArgsIn<'imports.job'>) => Promise<Result<'imports.job'>>

export interface WaitForImportJobOptions {
  /** how long to wait between two questions, in milliseconds */
  intervalMs: number
  /** told each busy status before the next question (for a progress bar) */
  onProgress?: (status: ImportJobStatus) => void
  /** stops waiting (the page was left); the last status is returned as it was */
  signal?: AbortSignal
}

/** Whether the job is still reading or matching its file. */
export function isImportJobBusy(status: ImportJobStatus): boolean {
  return status.phase === 'reading' || status.phase === 'matching'
}

/**
 * Asks after the job until it is no longer reading or matching (its preview
 * is ready, or it failed), or until `signal` is aborted. Failed calls reject.
 */
export async function waitForImportJob(call: ImportJobCall, started: ImportJobStatus, options: WaitForImportJobOptions): Promise<ImportJobStatus> {
  let status = started
  while (isImportJobBusy(status) && options.signal?.aborted !== true) {
    options.onProgress?.(status)
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs))
    status = await call('imports.job', { jobId: status.jobId })
  }
  return status
}
