import { sql, type Kysely } from 'kysely'

/**
 * The introduction workflow: the two people I connect and their answers,
 * the fields of each message, a dated history of states, and follow-up tasks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE introduction ADD COLUMN person_a_id INTEGER REFERENCES person (id) ON DELETE SET NULL`,
    sql`ALTER TABLE introduction ADD COLUMN person_b_id INTEGER REFERENCES person (id) ON DELETE SET NULL`,
    sql`ALTER TABLE introduction ADD COLUMN a_answer TEXT CHECK (a_answer IN ('yes', 'no'))`,
    sql`ALTER TABLE introduction ADD COLUMN b_answer TEXT CHECK (b_answer IN ('yes', 'no'))`,
    sql`ALTER TABLE introduction ADD COLUMN details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))`,
    sql`ALTER TABLE introduction ADD COLUMN meeting_on TEXT`,
    sql`CREATE INDEX introduction_people ON introduction (person_a_id, person_b_id)`,
    sql`CREATE TABLE introduction_event (
      id INTEGER PRIMARY KEY,
      introduction_id INTEGER NOT NULL REFERENCES introduction (id) ON DELETE CASCADE,
      state TEXT NOT NULL,
      on_date TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    sql`CREATE INDEX introduction_event_intro ON introduction_event (introduction_id)`,
    sql`CREATE TABLE task (
      id INTEGER PRIMARY KEY,
      introduction_id INTEGER REFERENCES introduction (id) ON DELETE CASCADE,
      person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
      kind TEXT NOT NULL CHECK (kind IN ('thank_connector', 'reply_target', 'close_loop', 'give_back', 'handoff', 'other')),
      title TEXT NOT NULL CHECK (length(title) > 0),
      due_on TEXT NOT NULL,
      snoozed_until TEXT,
      done_at TEXT,
      created_at TEXT NOT NULL
    )`,
    sql`CREATE INDEX task_due ON task (done_at, due_on)`,
    sql`CREATE INDEX task_intro ON task (introduction_id)`,
  ]
  for (const statement of statements) await statement.execute(db)
}
