import { sql, type Kysely } from 'kysely'
import { KITH_APPLICATION_ID } from '../constants'

/**
 * The foundation: settings, people and who knows whom, in their simplest form.
 * Later migrations widen them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`PRAGMA application_id = ${sql.raw(String(KITH_APPLICATION_ID))}`.execute(db)

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('company', 'text')
    .addColumn('title', 'text')
    .addColumn('is_me', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_me IN (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // At most one person is "me".
  await sql`CREATE UNIQUE INDEX person_only_one_me ON person (is_me) WHERE is_me = 1`.execute(db)
  await db.schema.createIndex('person_name').on('person').column('name').execute()

  await db.schema
    .createTable('relationship')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('person_a', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('person_b', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('strength', 'integer', (c) => c.notNull().check(sql`strength BETWEEN 1 AND 5`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Undirected: stored once, lower id first, never with oneself.
    .addCheckConstraint('relationship_ordered_pair', sql`person_a < person_b`)
    .addUniqueConstraint('relationship_pair', ['person_a', 'person_b'])
    .execute()
  await db.schema.createIndex('relationship_person_b').on('relationship').column('person_b').execute()
}
