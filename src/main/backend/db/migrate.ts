import type Database from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import { KithError, errorMessage } from '../errors'
import { DEFAULT_BUSY_BUDGET_MS, retryWhileBusy } from './busy'
import type { Migration } from './migrations'
import { pragmaNumber } from './pragma'

function userVersion(sqlite: Database.Database): number {
  return pragmaNumber(sqlite, 'user_version')
}

/**
 * Applies every pending migration, each inside its own transaction together
 * with its `user_version` bump, so a step is either fully applied or not at
 * all. `BEGIN IMMEDIATE` and a re-read of the version make two processes
 * (the desktop app and the CLI) opening the same file at once safe; the
 * second waits for the first without blocking its event loop.
 */
export async function migrate(
  sqlite: Database.Database,
  db: Kysely<unknown>,
  migrations: readonly Migration[],
  busyBudgetMs: number = DEFAULT_BUSY_BUDGET_MS,
): Promise<{ from: number; to: number }> {
  const from = userVersion(sqlite)
  for (const step of migrations) {
    if (step.version <= userVersion(sqlite)) continue
    await retryWhileBusy(() => Promise.resolve(sqlite.exec('BEGIN IMMEDIATE')), busyBudgetMs)
    try {
      if (userVersion(sqlite) < step.version) {
        await step.up(db)
        await sql`PRAGMA user_version = ${sql.raw(String(step.version))}`.execute(db)
      }
      sqlite.exec('COMMIT')
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
      throw new KithError(
        'migration_failed',
        `Updating the database to schema ${step.version} (${step.name}) failed and was rolled back: ${errorMessage(err)}`,
      )
    }
  }
  return { from, to: userVersion(sqlite) }
}
