import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../testing/temp'
import { migrate } from '../migrate'
import { MIGRATIONS } from '.'

describe('migration 7: organisations', () => {
  it('keeps introductions from schema 6 as single-hop asks and adds the organisation tables with their rules', async () => {
    const sqlite = new Database(path.join(tempDir(), 'kith.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
    await migrate(sqlite, db, MIGRATIONS.slice(0, 6))
    const person = sqlite.prepare("INSERT INTO person (name, company, created_at, updated_at) VALUES (?, ?, 'x', 'x')")
    const [me, ana, ben] = ['Me', 'Ana', 'Ben'].map((name) => Number(person.run(name, 'Acme').lastInsertRowid))
    sqlite
      .prepare("INSERT INTO introduction (kind, connector_id, target_id, path, created_at, updated_at) VALUES ('ask', ?, ?, ?, 'x', 'x')")
      .run(ana, ben, JSON.stringify([me, ana, ben]))

    await migrate(sqlite, db, MIGRATIONS.slice(0, 7))
    expect(sqlite.pragma('user_version', { simple: true })).toBe(7)
    expect(sqlite.prepare('SELECT connector_id, target_id, goal_id, previous_id FROM introduction').get()).toEqual({ connector_id: ana, target_id: ben, goal_id: null, previous_id: null })
    for (const table of ['organisation', 'organisation_name', 'organisation_spelling', 'organisation_domain', 'organisation_merge', 'colleague_rejection', 'introduction_effect']) {
      expect(sqlite.prepare('SELECT count(*) AS n FROM ' + table).get()).toEqual({ n: 0 })
    }
    expect(() => sqlite.prepare("INSERT INTO colleague_rejection (person_a, person_b, created_at) VALUES (?, ?, 'x')").run(ben, ana)).toThrow(/CHECK/)
    expect(() => sqlite.prepare("INSERT INTO organisation (name, created_at, updated_at) VALUES ('  ', 'x', 'x')").run()).toThrow(/CHECK/)
    expect(() => sqlite.prepare("INSERT INTO organisation_domain (domain, organisation_id, source) VALUES ('acme.com', NULL, 'guessed')").run()).toThrow(/CHECK/)
    // A deleted person takes their rejections with them.
    sqlite.prepare("INSERT INTO colleague_rejection (person_a, person_b, created_at) VALUES (?, ?, 'x')").run(ana, ben)
    sqlite.prepare('DELETE FROM person WHERE id = ?').run(ana)
    expect(sqlite.prepare('SELECT count(*) AS n FROM colleague_rejection').get()).toEqual({ n: 0 })
    sqlite.close()
  })
})
