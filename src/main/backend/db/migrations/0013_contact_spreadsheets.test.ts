import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, queryPlan, tableRows } from '../../testing/migrations'

const AT = WRITTEN_AT
const batchRow = (format: string) => ({ format, file_name: 'x', tag: null, strength: null, created_count: 0, updated_count: 0, skipped_count: 0, error_count: 0, created_at: AT })

describe('migration 13: contact spreadsheets', () => {
  it('keeps the import history from schema 12 whole and linked: imports, items, archive keys, review items and tallies', async () => {
    const handle = await dbAt(12)
    const { sqlite } = handle
    const [ana, ben] = insertPeople(sqlite, ['Ana', 'Ben'])
    const contacts = insertRow(sqlite, 'import_batch', { ...batchRow('outlook'), file_name: 'contacts.csv', tag: 'import Outlook 2026-03-02', strength: 2, created_count: 1 })
    const mail = insertRow(sqlite, 'import_batch', { ...batchRow('mbox'), file_name: 'All mail.mbox' })
    insertRow(sqlite, 'import_item', { batch_id: contacts, entity: 'person', entity_id: ana, action: 'created' })
    insertRow(sqlite, 'import_item', { batch_id: mail, entity: 'person', entity_id: ben, action: 'updated', change: '{"fields":{}}' })
    insertRow(sqlite, 'archive_source', { source_key: '<a@x>', batch_id: mail })
    const review = insertRow(sqlite, 'review_item', { batch_id: mail, kind: 'tie', person_id: ana, other_id: ben, strength: 2, relationship_kind: 'other', detail: 'on 2 threads together', created_at: AT })
    insertRow(sqlite, 'archive_tally', { batch_id: mail, person_id: ben, sent: 2, received: 1, meetings: 0, first_at: '2026-01-01', last_at: '2026-02-01' })

    await migrateTo(handle, 13)
    expect(tableRows(sqlite, 'import_batch', ['id', 'format', 'file_name', 'tag', 'strength', 'created_count'])).toEqual([
      { id: contacts, format: 'outlook', file_name: 'contacts.csv', tag: 'import Outlook 2026-03-02', strength: 2, created_count: 1 },
      { id: mail, format: 'mbox', file_name: 'All mail.mbox', tag: null, strength: null, created_count: 0 },
    ])
    expect(tableRows(sqlite, 'import_item', ['batch_id', 'entity', 'entity_id', 'action', 'change'])).toEqual([
      { batch_id: contacts, entity: 'person', entity_id: ana, action: 'created', change: null },
      { batch_id: mail, entity: 'person', entity_id: ben, action: 'updated', change: '{"fields":{}}' },
    ])
    expect(tableRows(sqlite, 'archive_source')).toEqual([{ source_key: '<a@x>', batch_id: mail }])
    expect(tableRows(sqlite, 'review_item', ['id', 'batch_id', 'kind', 'detail'])).toEqual([{ id: review, batch_id: mail, kind: 'tie', detail: 'on 2 threads together' }])
    expect(tableRows(sqlite, 'archive_tally', ['batch_id', 'person_id', 'sent'])).toEqual([{ batch_id: mail, person_id: ben, sent: 2 }])
    expect(sqlite.pragma('foreign_key_check')).toEqual([])

    // A person deleted still takes the import's record of them along (step 12's trigger, made again).
    sqlite.prepare('DELETE FROM person WHERE id = ?').run(ana)
    expect(tableRows(sqlite, 'import_item', ['entity_id'])).toEqual([{ entity_id: ben }])
    // Everything still goes with its import.
    sqlite.prepare('DELETE FROM import_batch WHERE id = ?').run(mail)
    expect(tableRows(sqlite, 'import_item')).toEqual([])
    expect(tableRows(sqlite, 'archive_source')).toEqual([])
    expect(tableRows(sqlite, 'review_item')).toEqual([])
    expect(tableRows(sqlite, 'archive_tally')).toEqual([])
  })

  it('takes spreadsheet imports, still refuses unknown formats, and keeps the checks and indexes of the copied tables', async () => {
    const { sqlite } = await dbAt(13)
    const [ana, ben] = insertPeople(sqlite, ['Ana', 'Ben'])
    const batch = insertRow(sqlite, 'import_batch', batchRow('csv'))
    expect(() => insertRow(sqlite, 'import_batch', batchRow('xlsx'))).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'archive_source', { source_key: '<b@x>', batch_id: batch + 100 })).toThrow(/FOREIGN KEY/)
    const tie = { batch_id: batch, kind: 'tie', person_id: ana, other_id: ben, strength: 2, relationship_kind: 'other', detail: 'x', created_at: AT }
    expect(() => insertRow(sqlite, 'review_item', { ...tie, person_id: ben, other_id: ana })).toThrow(/CHECK/)
    insertRow(sqlite, 'review_item', tie)
    expect(() => insertRow(sqlite, 'review_item', tie)).toThrow(/UNIQUE/)
    expect(() => insertRow(sqlite, 'archive_tally', { batch_id: batch, person_id: ana, sent: 0, received: 0, meetings: 0, first_at: 'a', last_at: 'b' })).toThrow(/CHECK/)
    expect(queryPlan(sqlite, 'SELECT batch_id FROM import_item WHERE batch_id = ?', 1).join('\n')).toMatch(/INDEX import_item_by_batch/)
    expect(queryPlan(sqlite, 'SELECT batch_id FROM import_item WHERE entity = ? AND entity_id = ?', 'person', 1).join('\n')).toMatch(/INDEX import_item_by_entity/)
    expect(queryPlan(sqlite, 'SELECT batch_id FROM archive_tally WHERE person_id = ?', 1).join('\n')).toMatch(/INDEX archive_tally_by_person/)
    expect(queryPlan(sqlite, 'SELECT id FROM review_item WHERE batch_id = ?', 1).join('\n')).toMatch(/INDEX review_item_by_batch/)
  })
})
