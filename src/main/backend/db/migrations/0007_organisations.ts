import { sql, type Kysely } from 'kysely'

/**
 * Organisations and what introductions teach the graph.
 *
 * - An organisation is a thing with names and email domains. People are not
 *   linked to it by id: their company and employment names are resolved
 *   through `organisation_spelling` (each spelling the data uses, with its
 *   normalised form: case, accents, legal suffixes) and `organisation_name`,
 *   so "Stripe", "Stripe, Inc." and a merge the user made all land on one.
 * - A domain row with no organisation is one the user said belongs to none.
 * - A merge keeps a snapshot of what it moved, so it can be undone.
 * - "They don't know each other" for an inferred colleague tie is kept per
 *   pair, so the tie never comes back.
 * - An ask along a longer path is one introduction per hop: `goal_id` is the
 *   person the chain leads to, `previous_id` the hop before.
 * - What a move added (a relationship, an interaction, a task, a favor, a
 *   person's "introduced by", the next hop) is recorded against the event,
 *   so taking the move back removes exactly that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE organisation (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    sql`CREATE TABLE organisation_name (
      name_norm TEXT PRIMARY KEY CHECK (length(name_norm) > 0),
      organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('data', 'user'))
    ) WITHOUT ROWID`,
    sql`CREATE INDEX organisation_name_by_org ON organisation_name (organisation_id)`,
    // Every spelling the data uses, with the name it normalises to: people resolve to organisations in SQL.
    sql`CREATE TABLE organisation_spelling (
      spelling TEXT PRIMARY KEY,
      name_norm TEXT NOT NULL
    ) WITHOUT ROWID`,
    sql`CREATE TABLE organisation_domain (
      domain TEXT PRIMARY KEY CHECK (length(domain) > 0),
      organisation_id INTEGER REFERENCES organisation (id) ON DELETE CASCADE,
      source TEXT NOT NULL CHECK (source IN ('learned', 'user'))
    ) WITHOUT ROWID`,
    sql`CREATE INDEX organisation_domain_by_org ON organisation_domain (organisation_id)`,
    sql`CREATE TABLE organisation_merge (
      id INTEGER PRIMARY KEY,
      kept_id INTEGER NOT NULL,
      merged_id INTEGER NOT NULL,
      merged_name TEXT NOT NULL,
      snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
      created_at TEXT NOT NULL,
      undone_at TEXT
    )`,
    sql`CREATE TABLE colleague_rejection (
      person_a INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      person_b INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      created_at TEXT NOT NULL,
      PRIMARY KEY (person_a, person_b),
      CHECK (person_a < person_b)
    ) WITHOUT ROWID`,
    sql`ALTER TABLE introduction ADD COLUMN goal_id INTEGER REFERENCES person (id) ON DELETE SET NULL`,
    sql`ALTER TABLE introduction ADD COLUMN previous_id INTEGER REFERENCES introduction (id) ON DELETE SET NULL`,
    sql`CREATE INDEX introduction_previous ON introduction (previous_id)`,
    sql`CREATE TABLE introduction_effect (
      id INTEGER PRIMARY KEY,
      introduction_id INTEGER NOT NULL REFERENCES introduction (id) ON DELETE CASCADE,
      event_id INTEGER NOT NULL REFERENCES introduction_event (id) ON DELETE CASCADE,
      entity TEXT NOT NULL CHECK (entity IN ('relationship', 'interaction', 'task', 'favor', 'introduced_by', 'introduction')),
      entity_id INTEGER NOT NULL,
      change TEXT CHECK (change IS NULL OR json_valid(change))
    )`,
    sql`CREATE INDEX introduction_effect_by_event ON introduction_effect (event_id)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
