import type Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DataVersionPerTurn, LocalDay } from './per-turn'
import { ok } from './testing/call'
import { editOutsideKith, openTempBackend } from './testing/temp'

const addedElsewhere = (name: string) => (db: Database.Database): void => {
  db.prepare("INSERT INTO person (name, created_at, updated_at) VALUES (?, '2026-01-01', '2026-01-01')").run(name)
}

async function listed(backend: Awaited<ReturnType<typeof openTempBackend>>): Promise<string[]> {
  return (await ok(backend, 'people.list', { sort: 'name', limit: 50 })).people.map((p) => p.name)
}

describe('what every call asks, read once', () => {
  it('shows someone another program added on the very next call, each time', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'people.create', { name: 'Ana Lima' })
    expect(await listed(backend)).toEqual(['Ana Lima'])

    editOutsideKith(backend, addedElsewhere('Bo Chen'))
    expect(await listed(backend)).toEqual(['Ana Lima', 'Bo Chen'])
    // And again: the version read for one call is not kept for the next.
    editOutsideKith(backend, addedElsewhere('Cy Dunn'))
    expect(await listed(backend)).toEqual(['Ana Lima', 'Bo Chen', 'Cy Dunn'])
  })

  it('reads the data version once in a turn, and again after it', async () => {
    const backend = await openTempBackend()
    const versions = new DataVersionPerTurn()
    const before = versions.read(backend.sqlite)
    editOutsideKith(backend, addedElsewhere('Bo Chen'))
    // The same synchronous run: the commit is seen from the next turn on.
    expect(versions.read(backend.sqlite)).toBe(before)
    await Promise.resolve()
    expect(versions.read(backend.sqlite)).not.toBe(before)
  })

  it('turns the date over at local midnight, and back if the clock goes back', () => {
    const day = new LocalDay()
    expect(day.of(new Date(2026, 10, 28, 0, 0, 0))).toBe('2026-11-28')
    expect(day.of(new Date(2026, 10, 28, 23, 59, 59, 999))).toBe('2026-11-28')
    expect(day.of(new Date(2026, 10, 29, 0, 0, 0))).toBe('2026-11-29')
    expect(day.of(new Date(2026, 10, 28, 12, 0, 0))).toBe('2026-11-28')
    expect(day.of(new Date(2027, 0, 1, 0, 0, 0))).toBe('2027-01-01')
  })

  it('turns the date over at midnight after a day whose midnight the clock skipped', () => {
    // The Azores move their clocks from 00:00 to 01:00 on the last Sunday of March.
    const zone = process.env.TZ
    process.env.TZ = 'Atlantic/Azores'
    try {
      const day = new LocalDay()
      expect(day.of(new Date(2026, 2, 29, 12, 0, 0))).toBe('2026-03-29')
      expect(day.of(new Date(2026, 2, 30, 0, 30, 0))).toBe('2026-03-30')
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})
