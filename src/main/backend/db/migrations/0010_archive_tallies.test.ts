import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, queryPlan, tableRows, userVersion } from '../../testing/migrations'

const AT = WRITTEN_AT
const batchRow = (format: string) => ({ format, file_name: 'x', tag: null, strength: null, created_count: 0, updated_count: 0, skipped_count: 0, error_count: 0, created_at: AT })
const tally = (batch: number, person: number) => ({ batch_id: batch, person_id: person, sent: 3, received: 2, meetings: 1, first_at: '2025-01-02T10:00:00.000Z', last_at: '2026-03-04T10:00:00.000Z' })

describe('migration 10: archive tallies', () => {
  it('keeps archive imports, their source keys and estimates from schema 9, with no tally yet', async () => {
    const handle = await dbAt(9)
    const { sqlite } = handle
    const [me, ana] = insertPeople(sqlite, ['Me', 'Ana'])
    const batch = insertRow(sqlite, 'import_batch', batchRow('mbox'))
    insertRow(sqlite, 'archive_source', { source_key: '<a@x>', batch_id: batch })
    insertRow(sqlite, 'relationship', { person_a: me, person_b: ana, strength: 3, strength_estimate: '4 messages both ways', created_at: AT, updated_at: AT })

    await migrateTo(handle, 10)
    expect(userVersion(sqlite)).toBe(10)
    expect(tableRows(sqlite, 'archive_source')).toEqual([{ source_key: '<a@x>', batch_id: batch }])
    expect(tableRows(sqlite, 'relationship', ['strength', 'strength_estimate'])).toEqual([{ strength: 3, strength_estimate: '4 messages both ways' }])
    expect(tableRows(sqlite, 'archive_tally')).toEqual([])
  })

  it('keeps one tally per import and person, refuses empty or backwards ones, and forgets it with its import or its person', async () => {
    const { sqlite } = await dbAt(10)
    const [ana, ben] = insertPeople(sqlite, ['Ana', 'Ben'])
    const mbox = insertRow(sqlite, 'import_batch', batchRow('mbox'))
    const ics = insertRow(sqlite, 'import_batch', batchRow('ics'))
    insertRow(sqlite, 'archive_tally', tally(mbox, ana))
    expect(() => insertRow(sqlite, 'archive_tally', tally(mbox, ana))).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => insertRow(sqlite, 'archive_tally', { ...tally(ics, ana), sent: 0, received: 0, meetings: 0 })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'archive_tally', { ...tally(ics, ana), sent: -1 })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'archive_tally', { ...tally(ics, ana), first_at: '2027-01-01T00:00:00.000Z' })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'archive_tally', tally(ics + 100, ana))).toThrow(/FOREIGN KEY/)
    insertRow(sqlite, 'archive_tally', tally(ics, ana))
    insertRow(sqlite, 'archive_tally', tally(ics, ben))

    sqlite.prepare('DELETE FROM import_batch WHERE id = ?').run(mbox)
    expect(tableRows(sqlite, 'archive_tally', ['batch_id', 'person_id'])).toEqual([
      { batch_id: ics, person_id: ana },
      { batch_id: ics, person_id: ben },
    ])
    sqlite.prepare('DELETE FROM person WHERE id = ?').run(ben)
    expect(tableRows(sqlite, 'archive_tally', ['batch_id', 'person_id'])).toEqual([{ batch_id: ics, person_id: ana }])
  })

  it("finds a person's tallies and an import's tallies by index", async () => {
    const { sqlite } = await dbAt(10)
    expect(queryPlan(sqlite, 'SELECT sent FROM archive_tally WHERE person_id = ?', 1).join('\n')).toMatch(/INDEX archive_tally_by_person/)
    expect(queryPlan(sqlite, 'SELECT sent FROM archive_tally WHERE batch_id = ?', 1).join('\n')).toMatch(/PRIMARY KEY|sqlite_autoindex_archive_tally/)
  })
})
