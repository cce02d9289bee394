import { sql, type Kysely } from 'kysely'

/**
 * Nudges: a follow-up may now be of kind 'nudge', the reminder to follow up
 * once, kindly, with someone who was asked and has not answered (a
 * connector asked for an introduction, two people asked to opt in).
 *
 * SQLite cannot change a CHECK in place, so `task` is copied into a new
 * table. No table points at it by a foreign key; undo records name tasks
 * by id, and the ids are kept. The trigger on it (step 12) goes with the old
 * table and is made again, with its two indexes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE task_next (
      id INTEGER PRIMARY KEY,
      introduction_id INTEGER REFERENCES introduction (id) ON DELETE CASCADE,
      person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
      kind TEXT NOT NULL CHECK (kind IN ('thank_connector', 'reply_target', 'close_loop', 'give_back', 'handoff', 'nudge', 'other')),
      title TEXT NOT NULL CHECK (length(title) > 0),
      due_on TEXT NOT NULL,
      snoozed_until TEXT,
      done_at TEXT,
      created_at TEXT NOT NULL
    )`,
    `INSERT INTO task_next (id, introduction_id, person_id, kind, title, due_on, snoozed_until, done_at, created_at)
      SELECT id, introduction_id, person_id, kind, title, due_on, snoozed_until, done_at, created_at FROM task`,
    'DROP TABLE task',
    'ALTER TABLE task_next RENAME TO task',
    'CREATE INDEX task_due ON task (done_at, due_on)',
    'CREATE INDEX task_intro ON task (introduction_id)',
    `CREATE TRIGGER task_undo_records_go AFTER DELETE ON task BEGIN DELETE FROM introduction_effect WHERE entity = 'task' AND entity_id = OLD.id; END`,
  ]
  for (const statement of statements) await sql.raw(statement).execute(db)
}
