import { describe, expect, it } from 'vitest'
import { WRITTEN_AT, dbAt, insertPeople, insertRow, migrateTo, tableRows, userVersion } from '../../testing/migrations'

const AT = WRITTEN_AT

describe('migration 11: learned rejections', () => {
  it('keeps the rejections by person from schema 10, with none by key yet', async () => {
    const handle = await dbAt(10)
    const { sqlite } = handle
    const [ana, ben] = insertPeople(sqlite, ['Ana', 'Ben'])
    insertRow(sqlite, 'colleague_rejection', { person_a: ana, person_b: ben, created_at: AT })

    await migrateTo(handle, 11)
    expect(userVersion(sqlite)).toBe(11)
    expect(tableRows(sqlite, 'colleague_rejection', ['person_a', 'person_b'])).toEqual([{ person_a: ana, person_b: ben }])
    expect(tableRows(sqlite, 'rejected_correspondent')).toEqual([])
    expect(tableRows(sqlite, 'rejected_tie')).toEqual([])
  })

  it('keeps a rejected person once per key and a rejected tie once per pair, smaller key first, and refuses keys of another shape', async () => {
    const { sqlite } = await dbAt(11)
    insertRow(sqlite, 'rejected_correspondent', { key: 'e:dan@diaz.example', created_at: AT })
    insertRow(sqlite, 'rejected_correspondent', { key: 'l:linkedin.com/in/dan', created_at: AT })
    expect(() => insertRow(sqlite, 'rejected_correspondent', { key: 'e:dan@diaz.example', created_at: AT })).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => insertRow(sqlite, 'rejected_correspondent', { key: 'n:dan diaz|', created_at: AT })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'rejected_correspondent', { key: 'e:', created_at: AT })).toThrow(/CHECK/)

    insertRow(sqlite, 'rejected_tie', { key_a: 'e:alice@archer.example', key_b: 'e:dan@diaz.example', created_at: AT })
    expect(() => insertRow(sqlite, 'rejected_tie', { key_a: 'e:alice@archer.example', key_b: 'e:dan@diaz.example', created_at: AT })).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => insertRow(sqlite, 'rejected_tie', { key_a: 'e:dan@diaz.example', key_b: 'e:alice@archer.example', created_at: AT })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'rejected_tie', { key_a: 'e:a@x', key_b: 'e:a@x', created_at: AT })).toThrow(/CHECK/)
    expect(() => insertRow(sqlite, 'rejected_tie', { key_a: 'e:a@x', key_b: 'x:b', created_at: AT })).toThrow(/CHECK/)
    expect(tableRows(sqlite, 'rejected_tie', ['key_a', 'key_b'])).toEqual([{ key_a: 'e:alice@archer.example', key_b: 'e:dan@diaz.example' }])
  })
})
