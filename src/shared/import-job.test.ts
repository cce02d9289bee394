import { describe, expect, it } from 'vitest'
import type { ImportJobStatus, ImportPhase } from './imports'
import { waitForImportJob, type ImportJobCall } from './import-job'

function status(phase: ImportPhase, progress = 0): ImportJobStatus {
  return { jobId: 'job-1', phase, progress, preview: null, result: null, error: phase === 'failed' ? 'the file is empty' : null, errorLine: null }
}

/** A backend that answers `imports.job` with these statuses in turn. */
function answering(...statuses: ImportJobStatus[]): { call: ImportJobCall; asked: string[] } {
  const asked: string[] = []
  const call: ImportJobCall = (_method, args) => {
    asked.push(args.jobId)
    const next = statuses.shift()
    return next === undefined ? Promise.reject(new Error('asked once too often')) : Promise.resolve(next)
  }
  return { call, asked }
}

describe('waitForImportJob', () => {
  it('asks after the job until it has read and matched its file, reporting each busy step', async () => {
    const { call, asked } = answering(status('reading', 0.5), status('matching', 0.2), status('ready', 1))
    const seen: string[] = []
    const done = await waitForImportJob(call, status('reading'), { intervalMs: 0, onProgress: (s) => seen.push(`${s.phase} ${s.progress}`) })
    expect(done.phase).toBe('ready')
    expect(asked).toEqual(['job-1', 'job-1', 'job-1'])
    expect(seen).toEqual(['reading 0', 'reading 0.5', 'matching 0.2'])
  })

  it('returns a failed job as it is, and does not ask when the job is already past reading', async () => {
    const { call, asked } = answering(status('failed'))
    expect(await waitForImportJob(call, status('matching'), { intervalMs: 0 })).toMatchObject({ phase: 'failed', error: 'the file is empty' })
    const idle = answering()
    expect((await waitForImportJob(idle.call, status('ready'), { intervalMs: 0 })).phase).toBe('ready')
    expect(idle.asked).toEqual([])
    expect(asked).toHaveLength(1)
  })

  it('stops asking once its signal is aborted (the page was left)', async () => {
    const stop = new AbortController()
    const { call, asked } = answering(status('reading', 0.1), status('reading', 0.2), status('ready'))
    const done = await waitForImportJob(call, status('reading'), {
      intervalMs: 0,
      signal: stop.signal,
      onProgress: (s) => {
        if (s.progress === 0.1) stop.abort()
      },
    })
    expect(done.phase).toBe('reading')
    expect(asked).toHaveLength(2)
  })
})
