/**
 * Browser mode's server over a backend in its own thread: for tests of the
 * server itself, which need no worker. `kith serve` uses `BackendHost`.
 */
import type { ApiResponse } from '../../shared/api'
import type { Backend } from '../backend/backend'
import { KithError } from '../backend/errors'
import { archiveJobs } from '../backend/imports/archive/jobs'
import { removeUploads, startArchiveOnCopy, type UploadedCopy } from '../backend/imports/archive/upload'
import type { ServerBackend } from '../serve'

export function inProcess(backend: Backend): ServerBackend {
  return {
    dataDir: backend.dataDir,
    dispatch: (method, args) => backend.dispatch(method, args),
    async startUploadedArchive(copy: UploadedCopy): Promise<ApiResponse<unknown>> {
      try {
        return { ok: true, data: await startArchiveOnCopy(backend, copy) }
      } catch (err) {
        if (err instanceof KithError) return { ok: false, error: err.toApiError() }
        throw err
      }
    },
    cancelArchiveJob(jobId) {
      try {
        archiveJobs(backend).cancel(jobId)
      } catch {
        // Already closed.
      }
    },
    stopArchiveJobs() {
      archiveJobs(backend).cancelAll()
      removeUploads(backend.dataDir, 'mine')
      return Promise.resolve()
    },
  }
}
