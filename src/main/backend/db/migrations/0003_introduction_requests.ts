import { sql, type Kysely } from 'kysely'

/**
 * Introduction requests, started from a path. The introduction workflow
 * widens this table; paths read it for connector fatigue (asks routed
 * through someone lately).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE introduction (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('ask', 'connect')),
    state TEXT NOT NULL DEFAULT 'draft',
    connector_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
    target_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
    path TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(path)),
    score REAL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db)
  await sql`CREATE INDEX introduction_connector ON introduction (connector_id, created_at)`.execute(db)
  await sql`CREATE INDEX introduction_target ON introduction (target_id)`.execute(db)
}
