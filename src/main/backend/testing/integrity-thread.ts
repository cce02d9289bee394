import path from 'node:path'
import { startThread } from '../../host/threads'
import type { IntegrityCheckData, StartIntegrityCheck } from '../db/integrity'

const THREAD_SOURCE = path.join(import.meta.dirname, '..', 'db', 'integrity-thread.ts')

/** The real integrity check's thread (run from its source), counting what it was started with. */
export function countedIntegrityThread(): { start: StartIntegrityCheck; started: IntegrityCheckData[] } {
  const started: IntegrityCheckData[] = []
  return {
    started,
    start: (data) => {
      started.push(data)
      return startThread('integrity-check', THREAD_SOURCE, { workerData: data })
    },
  }
}
