import { sql, type Kysely } from 'kysely'

/**
 * Outlook contact files and LinkedIn's full data export: an import's format
 * may now be 'outlook' or 'linkedin-export'.
 *
 * SQLite cannot change a CHECK in place, so `import_batch` is copied into a
 * new table. Foreign keys are enforced while migrating, and dropping a parent
 * table deletes its rows first (cascading to every child), so the three
 * tables that point at it (`import_item`, `archive_source`, `review_item`)
 * are copied too, pointing at the new table, and dropped before it. The
 * copies then take the old names (renaming the parent rewrites the
 * children's references) and the indexes are made again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE import_batch_next (
      id INTEGER PRIMARY KEY,
      format TEXT NOT NULL CHECK (format IN ('linkedin', 'google', 'outlook', 'vcard', 'relationships', 'json', 'mbox', 'apple-mbox', 'eml', 'ics', 'linkedin-export')),
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
    sql`CREATE TABLE archive_source_next (
      source_key TEXT PRIMARY KEY CHECK (length(source_key) > 0),
      batch_id INTEGER NOT NULL REFERENCES import_batch_next (id) ON DELETE CASCADE
    ) WITHOUT ROWID`,
    sql`INSERT INTO archive_source_next (source_key, batch_id) SELECT source_key, batch_id FROM archive_source`,
    sql`CREATE TABLE review_item_next (
      id INTEGER PRIMARY KEY,
      batch_id INTEGER NOT NULL REFERENCES import_batch_next (id) ON DELETE CASCADE,
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
    sql`INSERT INTO review_item_next (id, batch_id, kind, person_id, other_id, strength, relationship_kind, detail, created_at)
      SELECT id, batch_id, kind, person_id, other_id, strength, relationship_kind, detail, created_at FROM review_item`,
    // Children first: with none left, dropping the parent cascades to nothing.
    sql`DROP TABLE import_item`,
    sql`DROP TABLE archive_source`,
    sql`DROP TABLE review_item`,
    sql`DROP TABLE import_batch`,
    sql`ALTER TABLE import_batch_next RENAME TO import_batch`,
    sql`ALTER TABLE import_item_next RENAME TO import_item`,
    sql`ALTER TABLE archive_source_next RENAME TO archive_source`,
    sql`ALTER TABLE review_item_next RENAME TO review_item`,
    sql`CREATE INDEX import_item_by_batch ON import_item (batch_id)`,
    sql`CREATE INDEX archive_source_by_batch ON archive_source (batch_id)`,
    sql`CREATE INDEX review_item_by_batch ON review_item (batch_id)`,
    sql`CREATE UNIQUE INDEX review_item_once ON review_item (kind, person_id, coalesce(other_id, 0))`,
  ]
  for (const statement of statements) await statement.execute(db)
}
