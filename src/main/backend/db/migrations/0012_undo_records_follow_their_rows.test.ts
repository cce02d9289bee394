import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, tableRows, userVersion } from '../../testing/migrations'

const AT = WRITTEN_AT

describe('migration 12: undo records follow their rows', () => {
  it('drops the undo records of rows already deleted, keeps the others, and from then on drops a record with its row', async () => {
    const handle = await dbAt(11)
    const { sqlite } = handle
    const [ana, ben] = insertPeople(sqlite, ['Ana', 'Ben'])
    const batch = insertRow(sqlite, 'import_batch', {
      format: 'linkedin', file_name: 'Connections.csv', tag: null, strength: 2,
      created_count: 3, updated_count: 0, skipped_count: 0, error_count: 0, created_at: AT, undone_at: null,
    })
    const gone = ben + 100
    for (const entityId of [ana, ben, gone]) insertRow(sqlite, 'import_item', { batch_id: batch, entity: 'person', entity_id: entityId, action: 'created', change: null })

    await migrateTo(handle, 12)
    expect(userVersion(sqlite)).toBe(12)
    expect(tableRows(sqlite, 'import_item', ['entity_id'])).toEqual([{ entity_id: ana }, { entity_id: ben }])

    sqlite.prepare('DELETE FROM person WHERE id = ?').run(ben)
    expect(tableRows(sqlite, 'import_item', ['entity_id'])).toEqual([{ entity_id: ana }])
  })
})
