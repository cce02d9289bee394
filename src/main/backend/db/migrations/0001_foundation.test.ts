import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../testing/temp'
import { KITH_APPLICATION_ID } from '../constants'
import { migrate } from '../migrate'
import { MIGRATIONS } from '.'

async function migratedTo(version: number): Promise<Database.Database> {
  const sqlite = new Database(path.join(tempDir(), 'kith.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrate(sqlite, db, MIGRATIONS.slice(0, version))
  return sqlite
}

describe('migration 1: foundation', () => {
  it('creates people and relationships and marks the file as Kith', async () => {
    const sqlite = await migratedTo(1)
    expect(sqlite.pragma('user_version', { simple: true })).toBe(1)
    expect(sqlite.pragma('application_id', { simple: true })).toBe(KITH_APPLICATION_ID)
    const now = new Date().toISOString()
    const insert = sqlite.prepare('INSERT INTO person (name, company, is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    const me = insert.run('Me', null, 1, now, now).lastInsertRowid
    const ana = insert.run('Ana', 'Acme', 0, now, now).lastInsertRowid
    sqlite
      .prepare('INSERT INTO relationship (person_a, person_b, strength, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(me, ana, 4, now, now)
    expect(sqlite.prepare('SELECT count(*) AS n FROM relationship').get()).toEqual({ n: 1 })
    sqlite.close()
  })

  it('refuses a blank name, a second "me", a strength outside 1..5, a reversed or self pair', async () => {
    const sqlite = await migratedTo(1)
    const now = new Date().toISOString()
    const insert = sqlite.prepare('INSERT INTO person (name, is_me, created_at, updated_at) VALUES (?, ?, ?, ?)')
    expect(() => insert.run('   ', 0, now, now)).toThrow(/CHECK/)
    const a = Number(insert.run('A', 1, now, now).lastInsertRowid)
    expect(() => insert.run('B', 1, now, now)).toThrow(/UNIQUE/)
    const b = Number(insert.run('B', 0, now, now).lastInsertRowid)
    const relate = sqlite.prepare(
      'INSERT INTO relationship (person_a, person_b, strength, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    )
    expect(() => relate.run(a, b, 6, now, now)).toThrow(/CHECK/)
    expect(() => relate.run(a, b, 0, now, now)).toThrow(/CHECK/)
    expect(() => relate.run(b, a, 3, now, now)).toThrow(/CHECK/)
    expect(() => relate.run(a, a, 3, now, now)).toThrow(/CHECK/)
    expect(() => relate.run(a, 999, 3, now, now)).toThrow(/FOREIGN KEY/)
    sqlite.close()
  })
})
