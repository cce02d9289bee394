import { sql, type Kysely } from 'kysely'

/**
 * People are told apart from their namesakes by looking up everyone bearing
 * the same name, ignoring case (`people/labels.ts`), on every path answer
 * and Reciprocity list that names one. The index on `name` compares case, so
 * that lookup read the whole table: a path answer at 200,000 people took a
 * quarter of a second. Only an index: no row changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('CREATE INDEX person_name_any_case ON person (name COLLATE NOCASE)').execute(db)
}
