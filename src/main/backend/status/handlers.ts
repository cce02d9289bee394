import { isCorruptionError } from '../db/busy'
import { errorMessage } from '../errors'
import type { Handler } from '../handlers'
import { countRows, tableCounts } from './counts'

const status: Handler<'status'> = async (_args, backend) => {
  if (backend.damage.length === 0) {
    try {
      return { dataDir: backend.dataDir, dbPath: backend.dbPath, schemaVersion: backend.schemaVersion, counts: await tableCounts(backend), damage: [], checking: backend.checking }
    } catch (err) {
      // Counting ran into damage no check had reached yet: status is the call that reports it, not one that fails.
      if (!isCorruptionError(err)) throw err
      backend.markDamaged(errorMessage(err))
    }
  }
  // A damaged file still answers: what can be counted, and what is wrong.
  const problems: string[] = []
  return {
    dataDir: backend.dataDir,
    dbPath: backend.dbPath,
    schemaVersion: backend.schemaVersion,
    counts: countRows(backend, problems),
    damage: [...backend.damage, ...problems],
    checking: false,
  }
}

export const statusHandlers = { status }
