import { sql, type Kysely } from 'kysely'

/**
 * Contact spreadsheets: an import's format may now be 'csv', a contacts
 * sheet with columns of its own (Name, Company, Email …) exported from a
 * CRM, a spreadsheet or a form.
 *
 * SQLite cannot change a CHECK in place, so `import_batch` is copied into a
 * new table, as step 9 did, with every table that points at it
 * (`import_item`, `archive_source`, `review_item`, `archive_tally`): foreign
 * keys are enforced while migrating, and dropping a parent table deletes its
 * rows first, cascading to every child. Since step 12, triggers on four
 * tables delete from `import_item`; SQLite checks every trigger when a table
 * is renamed, and one naming a table that is gone fails the rename, so those
 * four are dropped first and made again last, the same as before.
 */
const TABLES = `
  CREATE TABLE import_batch_next (
    id INTEGER PRIMARY KEY,
    format TEXT NOT NULL CHECK (format IN ('linkedin', 'google', 'outlook', 'csv', 'vcard', 'relationships', 'json', 'mbox', 'apple-mbox', 'eml', 'ics', 'linkedin-export')),
    file_name TEXT NOT NULL,
    tag TEXT,
    strength INTEGER CHECK (strength IS NULL OR strength BETWEEN 1 AND 5),
    created_count INTEGER NOT NULL,
    updated_count INTEGER NOT NULL,
    skipped_count INTEGER NOT NULL,
    error_count INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    undone_at TEXT
  );
  INSERT INTO import_batch_next SELECT id, format, file_name, tag, strength, created_count, updated_count, skipped_count, error_count, created_at, undone_at FROM import_batch;
  CREATE TABLE import_item_next (
    batch_id INTEGER NOT NULL REFERENCES import_batch_next (id) ON DELETE CASCADE,
    entity TEXT NOT NULL CHECK (entity IN ('person', 'relationship', 'interaction', 'introduction')),
    entity_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('created', 'updated')),
    change TEXT CHECK (change IS NULL OR json_valid(change))
  );
  INSERT INTO import_item_next (rowid, batch_id, entity, entity_id, action, change) SELECT rowid, batch_id, entity, entity_id, action, change FROM import_item;
  CREATE TABLE archive_source_next (
    source_key TEXT PRIMARY KEY CHECK (length(source_key) > 0),
    batch_id INTEGER NOT NULL REFERENCES import_batch_next (id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  INSERT INTO archive_source_next (source_key, batch_id) SELECT source_key, batch_id FROM archive_source;
  CREATE TABLE review_item_next (
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
  );
  INSERT INTO review_item_next (id, batch_id, kind, person_id, other_id, strength, relationship_kind, detail, created_at)
    SELECT id, batch_id, kind, person_id, other_id, strength, relationship_kind, detail, created_at FROM review_item;
  CREATE TABLE archive_tally_next (
    batch_id INTEGER NOT NULL REFERENCES import_batch_next (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    sent INTEGER NOT NULL CHECK (sent >= 0),
    received INTEGER NOT NULL CHECK (received >= 0),
    meetings INTEGER NOT NULL CHECK (meetings >= 0),
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    CHECK (sent + received + meetings > 0),
    CHECK (first_at <= last_at),
    PRIMARY KEY (batch_id, person_id)
  ) WITHOUT ROWID;
  INSERT INTO archive_tally_next (batch_id, person_id, sent, received, meetings, first_at, last_at)
    SELECT batch_id, person_id, sent, received, meetings, first_at, last_at FROM archive_tally;
`

/** The triggers of step 12 that name `import_item`, by the table they are on: what each deletes with a row. */
const TRIGGERS: { table: string; imports: string; effects: string }[] = [
  { table: 'person', imports: 'person', effects: 'introduced_by' },
  { table: 'relationship', imports: 'relationship', effects: 'relationship' },
  { table: 'interaction', imports: 'interaction', effects: 'interaction' },
  { table: 'introduction', imports: 'introduction', effects: 'introduction' },
]

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: string[] = [
    ...TRIGGERS.map(({ table }) => `DROP TRIGGER ${table}_undo_records_go`),
    ...TABLES.split(/;\s*\n/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    // Children first: with none left, dropping the parent cascades to nothing.
    'DROP TABLE import_item',
    'DROP TABLE archive_source',
    'DROP TABLE review_item',
    'DROP TABLE archive_tally',
    'DROP TABLE import_batch',
    'ALTER TABLE import_batch_next RENAME TO import_batch',
    'ALTER TABLE import_item_next RENAME TO import_item',
    'ALTER TABLE archive_source_next RENAME TO archive_source',
    'ALTER TABLE review_item_next RENAME TO review_item',
    'ALTER TABLE archive_tally_next RENAME TO archive_tally',
    'CREATE INDEX import_item_by_batch ON import_item (batch_id)',
    'CREATE INDEX import_item_by_entity ON import_item (entity, entity_id)',
    'CREATE INDEX archive_source_by_batch ON archive_source (batch_id)',
    'CREATE INDEX review_item_by_batch ON review_item (batch_id)',
    'CREATE UNIQUE INDEX review_item_once ON review_item (kind, person_id, coalesce(other_id, 0))',
    'CREATE INDEX archive_tally_by_person ON archive_tally (person_id)',
    ...TRIGGERS.map(
      ({ table, imports, effects }) =>
        `CREATE TRIGGER ${table}_undo_records_go AFTER DELETE ON ${table} BEGIN DELETE FROM import_item WHERE entity = '${imports}' AND entity_id = OLD.id; DELETE FROM introduction_effect WHERE entity = '${effects}' AND entity_id = OLD.id; END`,
    ),
  ]
  for (const statement of statements) await sql.raw(statement).execute(db)
}
