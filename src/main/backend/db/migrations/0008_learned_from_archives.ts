import { sql, type Kysely } from 'kysely'

/**
 * What Kith learns from mail and calendar archives.
 *
 * - An import's format may now be an archive ('mbox', 'apple-mbox', 'eml',
 *   'ics'). SQLite cannot change a CHECK in place, so the import history is
 *   copied into new tables (import_item first, then import_batch, children
 *   before their parent, so no cascade fires) and the copies take the old names.
 * - `relationship.strength_estimate`: when set, the strength was estimated
 *   from archives and this is why, in words; a strength the user sets clears it.
 * - `archive_source`: the key of every message or meeting occurrence already
 *   imported, with the import it came in, so a re-import adds nothing twice
 *   and undo forgets them again.
 * - `review_item`: what an import learned that waits for the user's review:
 *   a new person, an estimated strength, or a proposed tie between two people
 *   (with its strength, kind and context). "They don't know each other" is
 *   kept in `colleague_rejection`, which already means that for a pair.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE import_batch_next (
      id INTEGER PRIMARY KEY,
      format TEXT NOT NULL CHECK (format IN ('linkedin', 'google', 'vcard', 'relationships', 'json', 'mbox', 'apple-mbox', 'eml', 'ics')),
      file_name TEXT NOT NULL,
      tag TEXT,
      strength INTEGER CHECK (strength IS NULL OR strength BETWEEN 1 AND 5),
      created_count INTEGER NOT NULL,
      updated_count INTEGER NOT NULL,
      skipped_count INTEGER NOT NULL,
      error_count INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      undone_at TEXT
    )`,
    sql`INSERT INTO import_batch_next SELECT id, format, file_name, tag, strength, created_count, updated_count, skipped_count, error_count, created_at, undone_at FROM import_batch`,
    sql`CREATE TABLE import_item_next (
      batch_id INTEGER NOT NULL REFERENCES import_batch_next (id) ON DELETE CASCADE,
      entity TEXT NOT NULL CHECK (entity IN ('person', 'relationship', 'interaction', 'introduction')),
      entity_id INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('created', 'updated')),
      change TEXT CHECK (change IS NULL OR json_valid(change))
    )`,
    sql`INSERT INTO import_item_next (rowid, batch_id, entity, entity_id, action, change) SELECT rowid, batch_id, entity, entity_id, action, change FROM import_item`,
    sql`DROP TABLE import_item`,
    sql`DROP TABLE import_batch`,
    // Renaming rewrites import_item_next's reference to the new name.
    sql`ALTER TABLE import_batch_next RENAME TO import_batch`,
    sql`ALTER TABLE import_item_next RENAME TO import_item`,
    sql`CREATE INDEX import_item_by_batch ON import_item (batch_id)`,
    sql`ALTER TABLE relationship ADD COLUMN strength_estimate TEXT CHECK (strength_estimate IS NULL OR length(trim(strength_estimate)) > 0)`,
    sql`CREATE TABLE archive_source (
      source_key TEXT PRIMARY KEY CHECK (length(source_key) > 0),
      batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE
    ) WITHOUT ROWID`,
    sql`CREATE INDEX archive_source_by_batch ON archive_source (batch_id)`,
    sql`CREATE TABLE review_item (
      id INTEGER PRIMARY KEY,
      batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('person', 'strength', 'tie')),
      person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
      other_id INTEGER REFERENCES person (id) ON DELETE CASCADE,
      strength INTEGER CHECK (strength IS NULL OR strength BETWEEN 1 AND 5),
      relationship_kind TEXT CHECK (relationship_kind IS NULL OR relationship_kind IN ('colleague', 'friend', 'family', 'classmate', 'investor', 'client', 'other')),
      detail TEXT NOT NULL,
      created_at TEXT NOT NULL,
      CHECK ((kind = 'tie') = (other_id IS NOT NULL AND strength IS NOT NULL AND relationship_kind IS NOT NULL)),
      CHECK (other_id IS NULL OR person_id < other_id)
    )`,
    sql`CREATE INDEX review_item_by_batch ON review_item (batch_id)`,
    sql`CREATE UNIQUE INDEX review_item_once ON review_item (kind, person_id, coalesce(other_id, 0))`,
  ]
  for (const statement of statements) await statement.execute(db)
}
