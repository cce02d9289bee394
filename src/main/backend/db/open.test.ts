import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { KithError } from '../errors'
import { fileDigest, tempDir } from '../testing/temp'
import { MIGRATIONS, type Migration } from './migrations'
import { openDatabase } from './open'

function paths() {
  const dir = tempDir()
  return { file: path.join(dir, 'kith.sqlite'), backupDir: path.join(dir, 'backups') }
}

async function openError(promise: Promise<unknown>): Promise<KithError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof KithError) return err
    throw err
  }
  throw new Error('expected the open to fail')
}

describe('openDatabase', () => {
  it('creates a new database with the durable settings', async () => {
    const { file, backupDir } = paths()
    const opened = await openDatabase(file, { backupDir })
    expect(opened.schemaVersion).toBe(MIGRATIONS.length)
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    // 2 = FULL
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    // SQLite's own wait blocks the process; longer waits happen between tries (busy.ts).
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBeLessThanOrEqual(20)
    expect(opened.damage).toEqual([])
    expect(opened.preMigrationBackup).toBeNull()
    await opened.db.destroy()
  })

  it('backs up an existing database before migrating it, and keeps its rows', async () => {
    const { file, backupDir } = paths()
    const first = await openDatabase(file, { backupDir, migrations: MIGRATIONS.slice(0, 1) })
    await first.db
      .insertInto('person')
      .values({ name: 'Ana', company: null, title: null, created_at: 'x', updated_at: 'x' })
      .execute()
    await first.db.destroy()

    const step2: Migration = {
      version: 2,
      name: 'test step',
      up: async (db: Kysely<unknown>) => {
        await sql`ALTER TABLE person ADD COLUMN nickname TEXT`.execute(db)
      },
    }
    const second = await openDatabase(file, { backupDir, migrations: [...MIGRATIONS.slice(0, 1), step2] })
    expect(second.schemaVersion).toBe(2)
    expect(second.preMigrationBackup).toMatch(/pre-migrate-v1-to-v2\.sqlite$/)
    const copy = new Database(second.preMigrationBackup ?? '', { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
    expect(copy.prepare('SELECT name FROM person').all()).toEqual([{ name: 'Ana' }])
    copy.close()
    expect(second.sqlite.prepare('SELECT name, nickname FROM person').all()).toEqual([{ name: 'Ana', nickname: null }])
    await second.db.destroy()
  })

  it('rolls a failing migration back whole and says which step failed', async () => {
    const { file, backupDir } = paths()
    const first = await openDatabase(file, { backupDir, migrations: MIGRATIONS.slice(0, 1) })
    await first.db.destroy()
    const broken: Migration = {
      version: 2,
      name: 'broken step',
      up: async (db: Kysely<unknown>) => {
        await sql`CREATE TABLE half_done (x INTEGER)`.execute(db)
        await sql`THIS IS NOT SQL`.execute(db)
      },
    }
    const err = await openError(openDatabase(file, { backupDir, migrations: [...MIGRATIONS.slice(0, 1), broken] }))
    expect(err.code).toBe('migration_failed')
    expect(err.message).toContain('schema 2 (broken step)')
    const check = new Database(file, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(1)
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([])
    check.close()
  })

  it('refuses a database from a newer Kith with a clear message and leaves it untouched', async () => {
    const { file, backupDir } = paths()
    const opened = await openDatabase(file, { backupDir })
    await opened.db.destroy()
    const raw = new Database(file)
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`)
    raw.close()
    const before = fileDigest(file)
    const err = await openError(openDatabase(file, { backupDir }))
    expect(err.code).toBe('db_too_new')
    expect(err.message).toMatch(/newer version of Kith \(schema \d+; this Kith knows up to \d+\)/)
    expect(fileDigest(file)).toBe(before)
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
  })

  it('refuses a file that is not a database, naming it, and leaves it untouched', async () => {
    const { file, backupDir } = paths()
    fs.writeFileSync(file, 'these are not the pages you are looking for\n'.repeat(100))
    const before = fileDigest(file)
    const err = await openError(openDatabase(file, { backupDir }))
    expect(err.code).toBe('db_corrupt')
    expect(err.message).toContain(file)
    expect(err.message).toContain('Nothing was changed')
    expect(fileDigest(file)).toBe(before)
  })

  it('refuses another program’s SQLite database', async () => {
    const { file, backupDir } = paths()
    const other = new Database(file)
    other.pragma('application_id = 1234')
    other.exec('CREATE TABLE t (x)')
    other.close()
    const before = fileDigest(file)
    const err = await openError(openDatabase(file, { backupDir }))
    expect(err.code).toBe('not_kith_db')
    expect(fileDigest(file)).toBe(before)
  })

  it('refuses an SQLite file without a stamp that holds tables, and leaves it byte for byte', async () => {
    const { file, backupDir } = paths()
    const other = new Database(file)
    other.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'mine\')')
    other.close()
    const before = fileDigest(file)
    const err = await openError(openDatabase(file, { backupDir }))
    expect(err.code).toBe('not_kith_db')
    expect(err.message).toContain('Nothing was changed')
    expect(fileDigest(file)).toBe(before)
    const check = new Database(file, { readonly: true })
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: 'notes' }])
    check.close()
  })

  it('sets up an SQLite file without a stamp that holds nothing yet', async () => {
    const { file, backupDir } = paths()
    const blank = new Database(file)
    blank.pragma('user_version = 0')
    blank.pragma('journal_mode = WAL')
    blank.close()
    const opened = await openDatabase(file, { backupDir })
    expect(opened.schemaVersion).toBe(MIGRATIONS.length)
    await opened.db.destroy()
  })

  it('opens a database whose first page is wrecked as damaged and writes nothing to it', async () => {
    const { file, backupDir } = paths()
    const opened = await openDatabase(file, { backupDir })
    await opened.db.insertInto('person').values({ name: 'A', company: null, title: null, created_at: 'x', updated_at: 'x' }).execute()
    await opened.db.destroy()
    // Keep the header, wreck the schema page.
    const bytes = fs.readFileSync(file)
    bytes.fill(0xff, 100, Math.min(bytes.length, 4096))
    fs.writeFileSync(file, bytes)
    const before = fileDigest(file)
    const damaged = await openDatabase(file, { backupDir })
    expect(damaged.damage.join(' ')).toMatch(/malformed|corrupt/i)
    expect(() => damaged.sqlite.prepare("INSERT INTO setting (key, value) VALUES ('x', '1')").run()).toThrow()
    await damaged.db.destroy()
    expect(fileDigest(file)).toBe(before)
  })
})
