import { sql, type Kysely } from 'kysely'

/**
 * Imports: a birthday on a person (contact files carry them, sometimes
 * without a year), and the history of imports with what each one changed,
 * so that a whole import can be found and undone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // 'YYYY-MM-DD', or '--MM-DD' when the year is not known (as vCard writes it).
    sql`ALTER TABLE person ADD COLUMN birthday TEXT CHECK (birthday IS NULL OR birthday GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' OR birthday GLOB '--[0-9][0-9]-[0-9][0-9]')`,
    sql`CREATE TABLE import_batch (
      id INTEGER PRIMARY KEY,
      format TEXT NOT NULL CHECK (format IN ('linkedin', 'google', 'vcard', 'relationships', 'json')),
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
    // One row per thing an import created or changed. For a change, \`change\`
    // holds what was added and what each changed field held before, so undo
    // takes back only the import's own part.
    sql`CREATE TABLE import_item (
      batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
      entity TEXT NOT NULL CHECK (entity IN ('person', 'relationship', 'interaction', 'introduction')),
      entity_id INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('created', 'updated')),
      change TEXT CHECK (change IS NULL OR json_valid(change))
    )`,
    sql`CREATE INDEX import_item_by_batch ON import_item (batch_id)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
