import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../testing/temp'
import { migrate } from '../migrate'
import { MIGRATIONS } from '.'

describe('migration 2: relationship graph', () => {
  it('keeps people and relationships from schema 1 and gives them the new defaults', async () => {
    const sqlite = new Database(path.join(tempDir(), 'kith.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
    await migrate(sqlite, db, MIGRATIONS.slice(0, 1))
    const insert = sqlite.prepare("INSERT INTO person (name, company, created_at, updated_at) VALUES (?, ?, 'x', 'x')")
    const a = Number(insert.run('Ana Silva', 'Acme').lastInsertRowid)
    const b = Number(insert.run('Ben Okafor', null).lastInsertRowid)
    sqlite
      .prepare("INSERT INTO relationship (person_a, person_b, strength, created_at, updated_at) VALUES (?, ?, 4, 'x', 'x')")
      .run(a, b)

    await migrate(sqlite, db, MIGRATIONS.slice(0, 2))
    expect(sqlite.pragma('user_version', { simple: true })).toBe(2)
    expect(sqlite.prepare('SELECT name, company, aliases, phones, archived_at FROM person ORDER BY id').all()).toEqual([
      { name: 'Ana Silva', company: 'Acme', aliases: '[]', phones: '[]', archived_at: null },
      { name: 'Ben Okafor', company: null, aliases: '[]', phones: '[]', archived_at: null },
    ])
    expect(sqlite.prepare('SELECT strength, kind, confidence, source, contexts FROM relationship').get()).toEqual({
      strength: 4,
      kind: 'other',
      confidence: 'firsthand',
      source: 'entered',
      contexts: '[]',
    })

    // The new tables hold their rules.
    expect(() =>
      sqlite.prepare("INSERT INTO favor (giver_id, receiver_id, occurred_on, kind, size, created_at, updated_at) VALUES (?, ?, '2026-01-01', 'advice', 'small', 'x', 'x')").run(a, a),
    ).toThrow(/CHECK/)
    expect(() =>
      sqlite.prepare("INSERT INTO favor (giver_id, receiver_id, occurred_on, kind, size, created_at, updated_at) VALUES (?, ?, '2026-01-01', 'advice', 'huge', 'x', 'x')").run(a, b),
    ).toThrow(/CHECK/)
    expect(() => sqlite.prepare("UPDATE relationship SET kind = 'nemesis'").run()).toThrow(/CHECK/)
    expect(() => sqlite.prepare("UPDATE person SET aliases = 'not json' WHERE id = ?").run(a)).toThrow(/CHECK/)
    const interaction = Number(
      sqlite.prepare("INSERT INTO interaction (occurred_on, kind, created_at, updated_at) VALUES ('2026-01-02', 'call', 'x', 'x')").run().lastInsertRowid,
    )
    sqlite.prepare('INSERT INTO interaction_person (interaction_id, person_id) VALUES (?, ?)').run(interaction, a)
    sqlite.prepare('DELETE FROM person WHERE id = ?').run(a)
    expect(sqlite.prepare('SELECT count(*) AS n FROM interaction_person').get()).toEqual({ n: 0 })
    expect(sqlite.prepare('SELECT count(*) AS n FROM relationship').get()).toEqual({ n: 0 })
    sqlite.close()
  })
})
