import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, queryPlan, tableRows } from '../../testing/migrations'

const AT = WRITTEN_AT

describe('migration 3: introduction requests', () => {
  it('keeps the people and relationships of schema 2 and adds an empty list of introductions', async () => {
    const handle = await dbAt(2)
    const { sqlite } = handle
    const ana = insertRow(sqlite, 'person', { name: 'Ana Silva', company: 'Acme', aliases: '["Annie"]', created_at: AT, updated_at: AT })
    const ben = insertRow(sqlite, 'person', { name: 'Ben Okafor', location: 'Lagos', created_at: AT, updated_at: AT })
    insertRow(sqlite, 'relationship', { person_a: ana, person_b: ben, strength: 4, kind: 'colleague', created_at: AT, updated_at: AT })

    await migrateTo(handle, 3)
    expect(tableRows(sqlite, 'person', ['name', 'company', 'aliases', 'location'])).toEqual([
      { name: 'Ana Silva', company: 'Acme', aliases: '["Annie"]', location: null },
      { name: 'Ben Okafor', company: null, aliases: '[]', location: 'Lagos' },
    ])
    expect(tableRows(sqlite, 'relationship', ['person_a', 'person_b', 'strength', 'kind'])).toEqual([{ person_a: ana, person_b: ben, strength: 4, kind: 'colleague' }])
    expect(tableRows(sqlite, 'introduction')).toEqual([])
  })

  it('starts a new ask as a draft with an empty path, and keeps it when its people are deleted', async () => {
    const { sqlite } = await dbAt(3)
    const [me, ana, ben] = insertPeople(sqlite, ['Me', 'Ana', 'Ben'])
    const asked = insertRow(sqlite, 'introduction', { kind: 'ask', connector_id: ana, target_id: ben, created_at: AT, updated_at: AT })
    expect(tableRows(sqlite, 'introduction', ['kind', 'state', 'path', 'score'])).toEqual([{ kind: 'ask', state: 'draft', path: '[]', score: null }])

    sqlite.prepare('UPDATE introduction SET path = ? WHERE id = ?').run(JSON.stringify([me, ana, ben]), asked)
    sqlite.prepare('DELETE FROM person WHERE id IN (?, ?)').run(ana, ben)
    expect(tableRows(sqlite, 'introduction', ['id', 'connector_id', 'target_id', 'path'])).toEqual([
      { id: asked, connector_id: null, target_id: null, path: JSON.stringify([me, ana, ben]) },
    ])
  })

  it('refuses an introduction of an unknown kind, a path that is not JSON, and a person who does not exist', async () => {
    const { sqlite } = await dbAt(3)
    const ana = insertRow(sqlite, 'person', { name: 'Ana', created_at: AT, updated_at: AT })
    expect(() => insertRow(sqlite, 'introduction', { kind: 'favour', created_at: AT, updated_at: AT })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'introduction', { kind: 'ask', path: '[1, 2', created_at: AT, updated_at: AT })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'introduction', { kind: 'ask', connector_id: ana + 100, created_at: AT, updated_at: AT })).toThrow(/FOREIGN KEY/)
    expect(() => insertRow(sqlite, 'introduction', { kind: 'connect', connector_id: ana })).toThrow(/NOT NULL/)
  })

  it('finds the asks routed through one person, and those to one target, by index', async () => {
    const { sqlite } = await dbAt(3)
    expect(queryPlan(sqlite, 'SELECT id FROM introduction WHERE connector_id = ? AND created_at >= ?', 1, AT).join('\n')).toMatch(/USING (COVERING )?INDEX introduction_connector/)
    expect(queryPlan(sqlite, 'SELECT id FROM introduction WHERE target_id = ?', 1).join('\n')).toMatch(/USING (COVERING )?INDEX introduction_target/)
  })
})
