import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, queryPlan, tableRows } from '../../testing/migrations'

const AT = WRITTEN_AT

describe('migration 6: imports', () => {
  it('keeps people, cadences and suggestions from schema 5, with no birthday and no import history', async () => {
    const handle = await dbAt(5)
    const { sqlite } = handle
    const [ana, ben] = insertPeople(sqlite, ['Ana Silva', 'Ben Okafor'], { cadence_days: 90, phones: '["+351 912 345 678"]' })
    insertRow(sqlite, 'suggestion', { week: '2026-W10', rank: 1, person_a: ana, person_b: ben, score: 0.8, reasons: '["both in fintech"]', status: 'snoozed', snoozed_until: '2026-04-01', created_at: AT })

    await migrateTo(handle, 6)
    expect(tableRows(sqlite, 'person', ['name', 'cadence_days', 'phones', 'birthday'])).toEqual([
      { name: 'Ana Silva', cadence_days: 90, phones: '["+351 912 345 678"]', birthday: null },
      { name: 'Ben Okafor', cadence_days: 90, phones: '["+351 912 345 678"]', birthday: null },
    ])
    expect(tableRows(sqlite, 'suggestion', ['status', 'snoozed_until', 'reasons'])).toEqual([{ status: 'snoozed', snoozed_until: '2026-04-01', reasons: '["both in fintech"]' }])
    expect(tableRows(sqlite, 'import_batch')).toEqual([])
    expect(tableRows(sqlite, 'import_item')).toEqual([])
  })

  it('takes a birthday with or without its year, and refuses any other spelling', async () => {
    const { sqlite } = await dbAt(6)
    const ana = insertRow(sqlite, 'person', { name: 'Ana', birthday: '1990-04-17', created_at: AT, updated_at: AT })
    const birthday = sqlite.prepare('UPDATE person SET birthday = ? WHERE id = ?')
    birthday.run('--04-17', ana)
    for (const bad of ['17/04/1990', '1990-4-17', '04-17', '--4-17', '1990-04-17T00:00:00Z', '']) {
      expect(() => birthday.run(bad, ana), bad).toThrow(/CHECK/)
    }
    expect(tableRows(sqlite, 'person', ['birthday'])).toEqual([{ birthday: '--04-17' }])
  })

  it('records an import with what it did, refuses an unknown format, entity or action, and forgets the items with their import', async () => {
    const { sqlite } = await dbAt(6)
    const ana = insertRow(sqlite, 'person', { name: 'Ana', created_at: AT, updated_at: AT })
    const batch = { format: 'vcard', file_name: 'contacts.vcf', tag: 'conference', strength: 2, created_count: 1, updated_count: 1, skipped_count: 0, error_count: 0, created_at: AT }
    const first = insertRow(sqlite, 'import_batch', batch)
    insertRow(sqlite, 'import_item', { batch_id: first, entity: 'person', entity_id: ana, action: 'created' })
    insertRow(sqlite, 'import_item', { batch_id: first, entity: 'person', entity_id: ana, action: 'updated', change: '{"added":{"emails":["ana@acme.com"]}}' })
    expect(tableRows(sqlite, 'import_batch', ['format', 'tag', 'strength', 'undone_at'])).toEqual([{ format: 'vcard', tag: 'conference', strength: 2, undone_at: null }])

    expect(() => insertRow(sqlite, 'import_batch', { ...batch, format: 'outlook' })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'import_batch', { ...batch, strength: 6 })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'import_item', { batch_id: first, entity: 'favor', entity_id: 1, action: 'created' })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'import_item', { batch_id: first, entity: 'person', entity_id: ana, action: 'deleted' })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'import_item', { batch_id: first, entity: 'person', entity_id: ana, action: 'updated', change: '{"added":' })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'import_item', { batch_id: first + 1, entity: 'person', entity_id: ana, action: 'created' })).toThrow(/FOREIGN KEY/)

    const second = insertRow(sqlite, 'import_batch', { ...batch, format: 'linkedin', file_name: 'Connections.csv' })
    insertRow(sqlite, 'import_item', { batch_id: second, entity: 'person', entity_id: ana, action: 'updated', change: null })
    sqlite.prepare('DELETE FROM import_batch WHERE id = ?').run(first)
    expect(tableRows(sqlite, 'import_item', ['batch_id', 'action'])).toEqual([{ batch_id: second, action: 'updated' }])
  })

  it("reads an import's items by index, so undoing a large import does not scan every import", async () => {
    const { sqlite } = await dbAt(6)
    expect(queryPlan(sqlite, 'SELECT entity, entity_id, action, change FROM import_item WHERE batch_id = ? ORDER BY rowid DESC', 1).join('\n')).toMatch(/USING INDEX import_item_by_batch/)
  })
})
