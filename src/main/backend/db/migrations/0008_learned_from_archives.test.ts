import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, queryPlan, tableRows } from '../../testing/migrations'

const AT = WRITTEN_AT
const batchRow = (format: string) => ({ format, file_name: 'x', tag: null, strength: null, created_count: 0, updated_count: 0, skipped_count: 0, error_count: 0, created_at: AT })

describe('migration 8: learned from archives', () => {
  it('keeps the import history and its items from schema 7, still linked, and every relationship with no estimate', async () => {
    const handle = await dbAt(7)
    const { sqlite } = handle
    const [ana, ben] = insertPeople(sqlite, ['Ana', 'Ben'])
    const batch = insertRow(sqlite, 'import_batch', { ...batchRow('linkedin'), file_name: 'Connections.csv', tag: 'import LinkedIn 2026-03-02', strength: 2, created_count: 2 })
    insertRow(sqlite, 'import_item', { batch_id: batch, entity: 'person', entity_id: ana, action: 'created' })
    insertRow(sqlite, 'import_item', { batch_id: batch, entity: 'person', entity_id: ben, action: 'updated', change: '{"fields":{}}' })
    insertRow(sqlite, 'relationship', { person_a: ana, person_b: ben, strength: 3, created_at: AT, updated_at: AT })

    await migrateTo(handle, 8)
    expect(tableRows(sqlite, 'import_batch', ['id', 'format', 'file_name', 'tag', 'strength', 'created_count'])).toEqual([
      { id: batch, format: 'linkedin', file_name: 'Connections.csv', tag: 'import LinkedIn 2026-03-02', strength: 2, created_count: 2 },
    ])
    expect(tableRows(sqlite, 'import_item', ['batch_id', 'entity', 'entity_id', 'action', 'change'])).toEqual([
      { batch_id: batch, entity: 'person', entity_id: ana, action: 'created', change: null },
      { batch_id: batch, entity: 'person', entity_id: ben, action: 'updated', change: '{"fields":{}}' },
    ])
    expect(tableRows(sqlite, 'relationship', ['strength', 'strength_estimate'])).toEqual([{ strength: 3, strength_estimate: null }])
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    // The items still go with their import.
    sqlite.prepare('DELETE FROM import_batch WHERE id = ?').run(batch)
    expect(tableRows(sqlite, 'import_item')).toEqual([])
  })

  it('takes archive formats, refuses unknown ones, and forgets source keys and review items with their import', async () => {
    const { sqlite } = await dbAt(8)
    const [ana, ben] = insertPeople(sqlite, ['Ana', 'Ben'])
    for (const format of ['mbox', 'apple-mbox', 'eml', 'ics']) insertRow(sqlite, 'import_batch', batchRow(format))
    expect(() => insertRow(sqlite, 'import_batch', batchRow('pst'))).toThrow(/CHECK/)
    const batch = insertRow(sqlite, 'import_batch', batchRow('mbox'))
    insertRow(sqlite, 'archive_source', { source_key: '<a@x>', batch_id: batch })
    expect(() => insertRow(sqlite, 'archive_source', { source_key: '<a@x>', batch_id: batch })).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => insertRow(sqlite, 'archive_source', { source_key: '<b@x>', batch_id: batch + 100 })).toThrow(/FOREIGN KEY/)
    insertRow(sqlite, 'review_item', { batch_id: batch, kind: 'tie', person_id: ana, other_id: ben, strength: 2, relationship_kind: 'other', detail: 'on 2 threads together', created_at: AT })
    insertRow(sqlite, 'review_item', { batch_id: batch, kind: 'person', person_id: ana, detail: '3 emails both ways', created_at: AT })
    sqlite.prepare('DELETE FROM import_batch WHERE id = ?').run(batch)
    expect(tableRows(sqlite, 'archive_source')).toEqual([])
    expect(tableRows(sqlite, 'review_item')).toEqual([])
  })

  it('keeps a review item whole: a tie names two people in order with a strength and kind, and is proposed once', async () => {
    const { sqlite } = await dbAt(8)
    const [ana, ben] = insertPeople(sqlite, ['Ana', 'Ben'])
    const batch = insertRow(sqlite, 'import_batch', batchRow('ics'))
    const tie = { batch_id: batch, kind: 'tie', person_id: ana, other_id: ben, strength: 2, relationship_kind: 'other', detail: 'on 2 meetings together', created_at: AT }
    expect(() => insertRow(sqlite, 'review_item', { ...tie, person_id: ben, other_id: ana })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'review_item', { ...tie, strength: null })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'review_item', { ...tie, relationship_kind: 'rival' })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'review_item', { ...tie, kind: 'person' })).toThrow(/CHECK/)
    insertRow(sqlite, 'review_item', tie)
    expect(() => insertRow(sqlite, 'review_item', tie)).toThrow(/UNIQUE/)
    insertRow(sqlite, 'relationship', { person_a: ana, person_b: ben, strength: 3, created_at: AT, updated_at: AT })
    expect(() => sqlite.prepare("UPDATE relationship SET strength_estimate = ' '").run()).toThrow(/CHECK/)
    // A deleted person takes their review items with them.
    sqlite.prepare('DELETE FROM person WHERE id = ?').run(ben)
    expect(tableRows(sqlite, 'review_item')).toEqual([])
  })

  it("finds an import's source keys and review items by index", async () => {
    const { sqlite } = await dbAt(8)
    expect(queryPlan(sqlite, 'SELECT source_key FROM archive_source WHERE batch_id = ?', 1).join('\n')).toMatch(/INDEX archive_source_by_batch/)
    expect(queryPlan(sqlite, 'SELECT id FROM review_item WHERE batch_id = ?', 1).join('\n')).toMatch(/INDEX review_item_by_batch/)
    expect(queryPlan(sqlite, 'SELECT batch_id FROM import_item WHERE batch_id = ?', 1).join('\n')).toMatch(/INDEX import_item_by_batch/)
  })
})
