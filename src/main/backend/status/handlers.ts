import type { Handler } from '../handlers'
import { countRows, tableCounts } from './counts'

const status: Handler<'status'> = async (_args, backend) => {
  if (backend.damage.length === 0) {
    return { dataDir: backend.dataDir, dbPath: backend.dbPath, schemaVersion: backend.schemaVersion, counts: await tableCounts(backend), damage: [], checking: backend.checking }
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
