import { sql, type Kysely } from 'kysely'

/**
 * Undo records name the rows they made by id: `import_item` (what an import
 * created or changed) and `introduction_effect` (what an introduction's move
 * added). Kith's tables reuse the id of the newest row once it is deleted, so
 * a record could outlive its row and then name a row the user made later:
 * undoing the import or the move deleted that row instead (an imported
 * person deleted by hand, then someone added by hand, who took the same id).
 *
 * So a record now goes with its row: a trigger on each table deletes the
 * records that name a row as it is deleted (by hand, by a merge, or with the
 * person it belonged to), and this step deletes the records whose rows are
 * already gone. Where a row was deleted and its id taken again before this
 * step, the two cannot be told apart, and that record stays.
 *
 * The indexes let a delete find its records without reading them all.
 */
const FOLLOWED: { table: string; imports: string | null; effects: string | null }[] = [
  { table: 'person', imports: 'person', effects: 'introduced_by' },
  { table: 'relationship', imports: 'relationship', effects: 'relationship' },
  { table: 'interaction', imports: 'interaction', effects: 'interaction' },
  { table: 'introduction', imports: 'introduction', effects: 'introduction' },
  { table: 'favor', imports: null, effects: 'favor' },
  { table: 'task', imports: null, effects: 'task' },
]

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE INDEX import_item_by_entity ON import_item (entity, entity_id)`,
    sql`CREATE INDEX introduction_effect_by_entity ON introduction_effect (entity, entity_id)`,
  ]
  for (const { table, imports, effects } of FOLLOWED) {
    const deletes: string[] = []
    if (imports !== null) {
      deletes.push(`DELETE FROM import_item WHERE entity = '${imports}' AND entity_id = OLD.id;`)
      statements.push(sql.raw(`DELETE FROM import_item WHERE entity = '${imports}' AND NOT EXISTS (SELECT 1 FROM ${table} WHERE id = import_item.entity_id)`))
    }
    if (effects !== null) {
      deletes.push(`DELETE FROM introduction_effect WHERE entity = '${effects}' AND entity_id = OLD.id;`)
      statements.push(sql.raw(`DELETE FROM introduction_effect WHERE entity = '${effects}' AND NOT EXISTS (SELECT 1 FROM ${table} WHERE id = introduction_effect.entity_id)`))
    }
    statements.push(sql.raw(`CREATE TRIGGER ${table}_undo_records_go AFTER DELETE ON ${table} BEGIN ${deletes.join(' ')} END`))
  }
  for (const statement of statements) await statement.execute(db)
}
