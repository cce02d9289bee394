import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, queryPlan, tableRows, userVersion } from '../../testing/migrations'
import { KITH_APPLICATION_ID } from '../constants'

const AT = WRITTEN_AT

describe('migration 1: foundation', () => {
  it('creates people and relationships and marks the file as Kith', async () => {
    const { sqlite } = await dbAt(1)
    expect(userVersion(sqlite)).toBe(1)
    expect(sqlite.pragma('application_id', { simple: true })).toBe(KITH_APPLICATION_ID)
    const me = insertRow(sqlite, 'person', { name: 'Me', company: null, is_me: 1, created_at: AT, updated_at: AT })
    const ana = insertRow(sqlite, 'person', { name: 'Ana', company: 'Acme', is_me: 0, created_at: AT, updated_at: AT })
    insertRow(sqlite, 'relationship', { person_a: me, person_b: ana, strength: 4, created_at: AT, updated_at: AT })
    expect(tableRows(sqlite, 'relationship', ['person_a', 'person_b', 'strength'])).toEqual([{ person_a: me, person_b: ana, strength: 4 }])
  })

  it('refuses a blank name, a second "me", a strength outside 1..5, a reversed or self pair', async () => {
    const { sqlite } = await dbAt(1)
    const person = (name: string, isMe: number): number => insertRow(sqlite, 'person', { name, is_me: isMe, created_at: AT, updated_at: AT })
    expect(() => person('   ', 0)).toThrow(/CHECK/)
    const a = person('A', 1)
    expect(() => person('B', 1)).toThrow(/UNIQUE/)
    const b = person('B', 0)
    const relate = (personA: number, personB: number, strength: number): number =>
      insertRow(sqlite, 'relationship', { person_a: personA, person_b: personB, strength, created_at: AT, updated_at: AT })
    expect(() => relate(a, b, 6)).toThrow(/CHECK/)
    expect(() => relate(a, b, 0)).toThrow(/CHECK/)
    expect(() => relate(b, a, 3)).toThrow(/CHECK/)
    expect(() => relate(a, a, 3)).toThrow(/CHECK/)
    expect(() => relate(a, 999, 3)).toThrow(/FOREIGN KEY/)
  })

  it('keeps one relationship per pair and forgets it with either person', async () => {
    const { sqlite } = await dbAt(1)
    const [ana, ben, cleo] = insertPeople(sqlite, ['Ana', 'Ben', 'Cleo'])
    insertRow(sqlite, 'relationship', { person_a: ana, person_b: ben, strength: 3, created_at: AT, updated_at: AT })
    insertRow(sqlite, 'relationship', { person_a: ben, person_b: cleo, strength: 2, created_at: AT, updated_at: AT })
    expect(() => insertRow(sqlite, 'relationship', { person_a: ana, person_b: ben, strength: 5, created_at: AT, updated_at: AT })).toThrow(/UNIQUE/)
    sqlite.prepare('DELETE FROM person WHERE id = ?').run(cleo)
    expect(tableRows(sqlite, 'relationship', ['person_a', 'person_b', 'strength'])).toEqual([{ person_a: ana, person_b: ben, strength: 3 }])
  })

  it("finds people by name and a person's relationships from either side by index", async () => {
    const { sqlite } = await dbAt(1)
    expect(queryPlan(sqlite, 'SELECT id FROM person WHERE name = ?', 'Ana').join('\n')).toMatch(/USING (COVERING )?INDEX person_name/)
    expect(queryPlan(sqlite, 'SELECT id FROM relationship WHERE person_b = ?', 1).join('\n')).toMatch(/USING (COVERING )?INDEX relationship_person_b/)
    expect(queryPlan(sqlite, 'SELECT id FROM relationship WHERE person_a = ?', 1).join('\n')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_relationship/)
  })
})
