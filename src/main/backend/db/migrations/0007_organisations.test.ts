import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, queryPlan, tableRows, userVersion } from '../../testing/migrations'

const AT = WRITTEN_AT

describe('migration 7: organisations', () => {
  it('keeps introductions from schema 6 as single-hop asks and adds the organisation tables with their rules', async () => {
    const handle = await dbAt(6)
    const { sqlite } = handle
    const [me, ana, ben] = insertPeople(sqlite, ['Me', 'Ana', 'Ben'], { company: 'Acme' })
    insertRow(sqlite, 'introduction', { kind: 'ask', connector_id: ana, target_id: ben, path: JSON.stringify([me, ana, ben]), created_at: AT, updated_at: AT })

    await migrateTo(handle, 7)
    expect(userVersion(sqlite)).toBe(7)
    expect(tableRows(sqlite, 'introduction', ['connector_id', 'target_id', 'goal_id', 'previous_id'])).toEqual([{ connector_id: ana, target_id: ben, goal_id: null, previous_id: null }])
    for (const table of ['organisation', 'organisation_name', 'organisation_spelling', 'organisation_domain', 'organisation_merge', 'colleague_rejection', 'introduction_effect']) {
      expect(tableRows(sqlite, table), table).toEqual([])
    }
    expect(() => insertRow(sqlite, 'colleague_rejection', { person_a: ben, person_b: ana, created_at: AT })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'organisation', { name: '  ', created_at: AT, updated_at: AT })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'organisation_domain', { domain: 'acme.com', organisation_id: null, source: 'guessed' })).toThrow(/CHECK/)
    // A deleted person takes their rejections with them.
    insertRow(sqlite, 'colleague_rejection', { person_a: ana, person_b: ben, created_at: AT })
    sqlite.prepare('DELETE FROM person WHERE id = ?').run(ana)
    expect(tableRows(sqlite, 'colleague_rejection')).toEqual([])
  })

  it('deletes an organisation with its names and domains, and keeps a domain the user said belongs to none', async () => {
    const { sqlite } = await dbAt(7)
    const acme = insertRow(sqlite, 'organisation', { name: 'Acme', created_at: AT, updated_at: AT })
    insertRow(sqlite, 'organisation_name', { name_norm: 'acme', organisation_id: acme, name: 'Acme, Inc.', source: 'data' })
    insertRow(sqlite, 'organisation_domain', { domain: 'acme.com', organisation_id: acme, source: 'learned' })
    insertRow(sqlite, 'organisation_domain', { domain: 'gmail.com', organisation_id: null, source: 'user' })
    expect(() => insertRow(sqlite, 'organisation_name', { name_norm: 'acme', organisation_id: acme, name: 'ACME', source: 'user' })).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => insertRow(sqlite, 'organisation_name', { name_norm: 'initech', organisation_id: acme, name: 'Initech', source: 'guess' })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'organisation_merge', { kept_id: acme, merged_id: acme + 1, merged_name: 'Acme Corp', snapshot: '{', created_at: AT })).toThrow(/CHECK/)
    sqlite.prepare('DELETE FROM organisation WHERE id = ?').run(acme)
    expect(tableRows(sqlite, 'organisation_name')).toEqual([])
    expect(tableRows(sqlite, 'organisation_domain')).toEqual([{ domain: 'gmail.com', organisation_id: null, source: 'user' }])
  })

  it("links a longer ask's hops, keeps the next hop when the one before is deleted, and records a move's effects with their event", async () => {
    const { sqlite } = await dbAt(7)
    const [ana, ben, cleo] = insertPeople(sqlite, ['Ana', 'Ben', 'Cleo'])
    const first = insertRow(sqlite, 'introduction', { kind: 'ask', connector_id: ana, target_id: ben, goal_id: cleo, created_at: AT, updated_at: AT })
    const second = insertRow(sqlite, 'introduction', { kind: 'ask', connector_id: ben, target_id: cleo, goal_id: cleo, previous_id: first, created_at: AT, updated_at: AT })
    const event = insertRow(sqlite, 'introduction_event', { introduction_id: first, state: 'introduced', on_date: '2026-03-02', created_at: AT })
    insertRow(sqlite, 'introduction_effect', { introduction_id: first, event_id: event, entity: 'introduction', entity_id: second, change: null })
    expect(() => insertRow(sqlite, 'introduction_effect', { introduction_id: first, event_id: event, entity: 'person', entity_id: ana })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'introduction_effect', { introduction_id: first, event_id: event + 1, entity: 'task', entity_id: 1 })).toThrow(/FOREIGN KEY/)

    sqlite.prepare('DELETE FROM introduction WHERE id = ?').run(first)
    expect(tableRows(sqlite, 'introduction', ['id', 'goal_id', 'previous_id'])).toEqual([{ id: second, goal_id: cleo, previous_id: null }])
    expect(tableRows(sqlite, 'introduction_effect')).toEqual([])
  })

  it("finds an organisation's names and domains, the hop after an ask, and a move's effects by index", async () => {
    const { sqlite } = await dbAt(7)
    expect(queryPlan(sqlite, 'SELECT name FROM organisation_name WHERE organisation_id = ?', 1).join('\n')).toMatch(/INDEX organisation_name_by_org/)
    expect(queryPlan(sqlite, 'SELECT domain FROM organisation_domain WHERE organisation_id = ?', 1).join('\n')).toMatch(/INDEX organisation_domain_by_org/)
    expect(queryPlan(sqlite, 'SELECT id FROM introduction WHERE previous_id = ?', 1).join('\n')).toMatch(/INDEX introduction_previous/)
    expect(queryPlan(sqlite, 'SELECT * FROM introduction_effect WHERE event_id = ?', 1).join('\n')).toMatch(/INDEX introduction_effect_by_event/)
  })
})
