import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, queryPlan, tableRows, userVersion } from '../../testing/migrations'

const AT = WRITTEN_AT

describe('migration 2: relationship graph', () => {
  it('keeps people and relationships from schema 1 and gives them the new defaults', async () => {
    const handle = await dbAt(1)
    const { sqlite } = handle
    const a = insertRow(sqlite, 'person', { name: 'Ana Silva', company: 'Acme', created_at: AT, updated_at: AT })
    const b = insertRow(sqlite, 'person', { name: 'Ben Okafor', company: null, created_at: AT, updated_at: AT })
    insertRow(sqlite, 'relationship', { person_a: a, person_b: b, strength: 4, created_at: AT, updated_at: AT })

    await migrateTo(handle, 2)
    expect(userVersion(sqlite)).toBe(2)
    expect(tableRows(sqlite, 'person', ['name', 'company', 'aliases', 'phones', 'archived_at'])).toEqual([
      { name: 'Ana Silva', company: 'Acme', aliases: '[]', phones: '[]', archived_at: null },
      { name: 'Ben Okafor', company: null, aliases: '[]', phones: '[]', archived_at: null },
    ])
    expect(tableRows(sqlite, 'relationship', ['strength', 'kind', 'confidence', 'source', 'contexts'])).toEqual([
      { strength: 4, kind: 'other', confidence: 'firsthand', source: 'entered', contexts: '[]' },
    ])

    // The new tables hold their rules.
    const favor = { giver_id: a, receiver_id: b, occurred_on: '2026-01-01', kind: 'advice', size: 'small', created_at: AT, updated_at: AT }
    expect(() => insertRow(sqlite, 'favor', { ...favor, receiver_id: a })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'favor', { ...favor, size: 'huge' })).toThrow(/CHECK/)
    expect(() => sqlite.prepare("UPDATE relationship SET kind = 'nemesis'").run()).toThrow(/CHECK/)
    expect(() => sqlite.prepare("UPDATE person SET aliases = 'not json' WHERE id = ?").run(a)).toThrow(/CHECK/)
    const interaction = insertRow(sqlite, 'interaction', { occurred_on: '2026-01-02', kind: 'call', created_at: AT, updated_at: AT })
    insertRow(sqlite, 'interaction_person', { interaction_id: interaction, person_id: a })
    sqlite.prepare('DELETE FROM person WHERE id = ?').run(a)
    expect(tableRows(sqlite, 'interaction_person')).toEqual([])
    expect(tableRows(sqlite, 'relationship')).toEqual([])
  })

  it('keeps one email and one label per person once, whatever their case, and refuses empty ones or an unknown label kind', async () => {
    const { sqlite } = await dbAt(2)
    const [ana] = insertPeople(sqlite, ['Ana'])
    insertRow(sqlite, 'person_email', { person_id: ana, email: 'Ana@Acme.com', email_norm: 'ana@acme.com', position: 0 })
    expect(() => insertRow(sqlite, 'person_email', { person_id: ana, email: 'ana@acme.com', email_norm: 'ana@acme.com', position: 1 })).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => insertRow(sqlite, 'person_email', { person_id: ana, email: '', email_norm: '', position: 1 })).toThrow(/CHECK/)
    insertRow(sqlite, 'person_label', { person_id: ana, kind: 'tag', label: 'Fintech', label_norm: 'fintech', position: 0 })
    insertRow(sqlite, 'person_label', { person_id: ana, kind: 'offer', label: 'Fintech', label_norm: 'fintech', position: 0 })
    expect(() => insertRow(sqlite, 'person_label', { person_id: ana, kind: 'tag', label: 'FINTECH', label_norm: 'fintech', position: 1 })).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => insertRow(sqlite, 'person_label', { person_id: ana, kind: 'hobby', label: 'Chess', label_norm: 'chess', position: 1 })).toThrow(/CHECK/)
  })

  it('refuses a job without a company or one that ends before it starts', async () => {
    const { sqlite } = await dbAt(2)
    const [ana] = insertPeople(sqlite, ['Ana'])
    insertRow(sqlite, 'employment', { person_id: ana, company: 'Acme', title: 'CTO', start_date: '2019-01', end_date: '2023-06' })
    expect(() => insertRow(sqlite, 'employment', { person_id: ana, company: ' ' })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'employment', { person_id: ana, company: 'Initech', start_date: '2024-01', end_date: '2023-06' })).toThrow(/CHECK/)
  })

  it('finds a person by email or label, and the people one introduced, by index', async () => {
    const { sqlite } = await dbAt(2)
    expect(queryPlan(sqlite, 'SELECT person_id FROM person_email WHERE email_norm = ?', 'ana@acme.com').join('\n')).toMatch(/INDEX person_email_lookup/)
    expect(queryPlan(sqlite, 'SELECT person_id FROM person_label WHERE kind = ? AND label_norm = ?', 'tag', 'fintech').join('\n')).toMatch(/INDEX person_label_lookup/)
    expect(queryPlan(sqlite, 'SELECT id FROM person WHERE introduced_by_id = ?', 1).join('\n')).toMatch(/INDEX person_introduced_by/)
    expect(queryPlan(sqlite, 'SELECT interaction_id FROM interaction_person WHERE person_id = ?', 1).join('\n')).toMatch(/INDEX interaction_person_person/)
  })
})
