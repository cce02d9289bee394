import { sql, type Kysely } from 'kysely'

/**
 * Every column that points at a person gets an index of its own (or leads
 * one). Deleting a person makes SQLite find the rows that point at them, to
 * delete them or set them to null; without an index that is a read of the
 * whole table for each person deleted, and an import of 20,000 people took
 * minutes to undo. Only indexes: no row changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    'CREATE INDEX introduction_person_b ON introduction (person_b_id)',
    'CREATE INDEX introduction_goal ON introduction (goal_id)',
    'CREATE INDEX suggestion_person_b ON suggestion (person_b)',
    'CREATE INDEX task_person ON task (person_id)',
    'CREATE INDEX review_item_person ON review_item (person_id)',
    'CREATE INDEX review_item_other ON review_item (other_id)',
    'CREATE INDEX colleague_rejection_person_b ON colleague_rejection (person_b)',
  ]
  for (const statement of statements) await sql.raw(statement).execute(db)
}
