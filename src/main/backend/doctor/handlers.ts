import type Database from 'better-sqlite3'
import type { StoredValueProblem } from '../../../shared/types'
import { isEmailAddress } from '../../../shared/email-address'
import type { Handler } from '../handlers'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { jsonColumnProblems } from '../db/json-column'
import { attempt, countRows } from '../status/counts'
import { schemaDifferences } from '../db/restore-check'
import { errorMessage } from '../errors'
import { checkLines, foreignKeyProblems as foreignKeyCheck, journalMode as readJournalMode } from '../db/pragma'

/**
 * What is wrong with the database, in a report. On a damaged file every
 * check runs on its own, and one that cannot run is reported as a problem,
 * so doctor always answers.
 */
const doctor: Handler<'doctor'> = async (_args, backend) => {
  const { sqlite } = backend
  const problems: string[] = []
  const integrity = attempt(
    () => checkLines(sqlite, 'integrity_check'),
    [],
    problems,
    'The integrity check',
  )
  const foreignKeyProblems = attempt(
    () => foreignKeyCheck(sqlite),
    [],
    problems,
    'The foreign key check',
  )
  const counts = countRows(backend, problems)
  const storedValueProblems = attempt(() => storedValueChecks(sqlite), [], problems, 'The check of stored values')
  // Triggers, views, indexes or tables Kith did not make (planted by another program, say) are named here.
  try {
    problems.push(...(await schemaDifferences(sqlite, backend.schemaVersion, backend.nativeBinding)).map((line) => `Schema: ${line}`))
  } catch (err) {
    problems.push(`The schema could not be read: ${errorMessage(err)}`)
  }
  const journalMode = attempt(() => readJournalMode(sqlite), 'unknown', problems, 'The journal mode')
  const findings = [...integrity, ...problems]
  const integrityOk = findings.length === 1 && findings[0] === 'ok' && backend.damage.length === 0
  return {
    ok: integrityOk && foreignKeyProblems.length === 0 && backend.schemaVersion === LATEST_SCHEMA_VERSION && storedValueProblems.length === 0,
    integrity: findings.length === 0 ? [...backend.damage] : findings,
    foreignKeyProblems,
    schemaVersion: backend.schemaVersion,
    appSchemaVersion: LATEST_SCHEMA_VERSION,
    dataDir: backend.dataDir,
    dbPath: backend.dbPath,
    // Even this needs the schema read, which a damaged sqlite_master refuses.
    sqliteVersion: attempt(() => sqlite.prepare<[], string>('SELECT sqlite_version()').pluck().get() ?? 'unknown', 'unknown', problems, 'The SQLite version'),
    journalMode,
    counts,
    storedValueProblems,
  }
}

/** Stored values Kith would not have written: JSON columns that do not fit their schema, emails that are not addresses. */
function storedValueChecks(sqlite: Database.Database): StoredValueProblem[] {
  try {
    const problems: StoredValueProblem[] = jsonColumnProblems(sqlite, STORED_VALUE_LIMIT)
    const emails = sqlite.prepare<unknown[], { person_id: number; email: string }>('SELECT person_id, email FROM person_email ORDER BY person_id, position').iterate()
    for (const row of emails) {
      if (problems.length >= STORED_VALUE_LIMIT) break
      if (!isEmailAddress(row.email)) {
        problems.push({ table: 'person_email', column: 'email', rowid: row.person_id, problem: `person ${row.person_id} has "${row.email.slice(0, 80)}", which is not an email address (no mail link is made for it)` })
      }
    }
    return problems
  } catch {
    // Pages SQLite cannot read: the integrity check above reports those.
    return []
  }
}

const STORED_VALUE_LIMIT = 100

export const doctorHandlers = { doctor }
