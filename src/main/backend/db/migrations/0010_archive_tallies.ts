import { sql, type Kysely } from 'kysely'

/**
 * What each archive import saw of each person, so a strength estimate can
 * come from everything Kith has learned about a tie and not only from the
 * last archive read.
 *
 * - `archive_tally`: for one import and one person, the messages the user
 *   sent them and received from them and the meetings with them, within the
 *   window that counts for strength when the import ran, with the first and
 *   last of them. Only messages and meetings that import added count, so the
 *   same archive read twice adds nothing. A tally goes with its import (undo
 *   deletes it) and with its person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE archive_tally (
      batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
      person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      sent INTEGER NOT NULL CHECK (sent >= 0),
      received INTEGER NOT NULL CHECK (received >= 0),
      meetings INTEGER NOT NULL CHECK (meetings >= 0),
      first_at TEXT NOT NULL,
      last_at TEXT NOT NULL,
      CHECK (sent + received + meetings > 0),
      CHECK (first_at <= last_at),
      PRIMARY KEY (batch_id, person_id)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX archive_tally_by_person ON archive_tally (person_id)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
