import { sql, type Kysely } from 'kysely'

/**
 * A "give back" follow-up is met by a favor I give the connector after the
 * introduction: the task records which favor settled it, so that taking the
 * favor away (deleted, or changed to someone else) opens the task again.
 * No row changes: every task starts unsettled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE task ADD COLUMN settled_by_favor_id INTEGER REFERENCES favor (id) ON DELETE SET NULL').execute(db)
  await sql.raw('CREATE INDEX task_settled_by_favor ON task (settled_by_favor_id)').execute(db)
}
