import type { Handler } from '../handlers'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { tableCounts } from './counts'

const status: Handler<'status'> = async (_args, backend) => ({
  dataDir: backend.dataDir,
  dbPath: backend.dbPath,
  schemaVersion: backend.schemaVersion,
  counts: await tableCounts(backend),
})

const doctor: Handler<'doctor'> = async (_args, backend) => {
  const { sqlite } = backend
  const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map(
    (row) => row.integrity_check,
  )
  const foreignKeyProblems = (
    sqlite.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]
  ).map(({ table, rowid, parent }) => ({ table, rowid, parent }))
  const integrityOk = integrity.length === 1 && integrity[0] === 'ok'
  return {
    ok: integrityOk && foreignKeyProblems.length === 0 && backend.schemaVersion === LATEST_SCHEMA_VERSION,
    integrity,
    foreignKeyProblems,
    schemaVersion: backend.schemaVersion,
    appSchemaVersion: LATEST_SCHEMA_VERSION,
    dataDir: backend.dataDir,
    dbPath: backend.dbPath,
    sqliteVersion: (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    journalMode: sqlite.pragma('journal_mode', { simple: true }) as string,
    counts: await tableCounts(backend),
  }
}

export const appHandlers = { status, doctor }
