import { sql, type Kysely } from 'kysely'

/**
 * The weekly review: a keep-in-touch cadence per person, and each week's
 * suggested introductions, kept with what the user did about them (they
 * drive the four-week cooldown and dismissals).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE person ADD COLUMN cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days BETWEEN 1 AND 3650)`,
    sql`CREATE TABLE suggestion (
      id INTEGER PRIMARY KEY,
      week TEXT NOT NULL,
      rank INTEGER NOT NULL,
      person_a INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      person_b INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      score REAL NOT NULL,
      reasons TEXT NOT NULL CHECK (json_valid(reasons)),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'started', 'dismissed', 'snoozed', 'known')),
      snoozed_until TEXT,
      introduction_id INTEGER REFERENCES introduction (id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      CHECK (person_a < person_b),
      UNIQUE (week, person_a, person_b)
    )`,
    sql`CREATE INDEX suggestion_by_week ON suggestion (week, rank)`,
    sql`CREATE INDEX suggestion_pair ON suggestion (person_a, person_b)`,
    // An empty list is a list too: a week is computed once.
    sql`CREATE TABLE suggestion_week (week TEXT PRIMARY KEY, computed_at TEXT NOT NULL)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
