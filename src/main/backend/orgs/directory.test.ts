import { describe, expect, it } from 'vitest'
import { openTempBackend } from '../testing/temp'
import { OrgDirectory } from './model'

describe('the organisations read a few thousand rows at a time', () => {
  it('hold the same names and domains as read at once, the directory empty until the last step', async () => {
    const backend = await openTempBackend()
    const sqlite = backend.sqlite
    const now = new Date().toISOString()
    // More organisations, names and domains than one step reads (8,000 rows), some domains nobody's.
    sqlite.transaction(() => {
      const org = sqlite.prepare('INSERT INTO organisation (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
      const name = sqlite.prepare("INSERT INTO organisation_name (name_norm, organisation_id, name, source) VALUES (?, ?, ?, 'data')")
      const domain = sqlite.prepare("INSERT INTO organisation_domain (domain, organisation_id, source) VALUES (?, ?, 'learned')")
      for (let k = 1; k <= 17_000; k++) {
        // ids with gaps, as deletes leave them
        const id = k * 3 + (k % 2)
        org.run(id, `Company ${k}`, now, now)
        name.run(`company ${k}`, id, `Company ${k}`)
        if (k % 3 === 0) name.run(`company ${k} inc`, id, `Company ${k}, Inc.`)
        if (k % 2 === 0) domain.run(`company${k}.example`, k % 10 === 0 ? null : id)
      }
    })()
    const atOnce = new OrgDirectory(sqlite)
    const reading = OrgDirectory.inSteps(sqlite, 8_000)
    let steps = 0
    for (let step = reading.steps.next(); step.done !== true; step = reading.steps.next()) steps++
    // A step after each of the first two pages of organisations, before each of the three of names and the one of
    // domains (those of nobody left out).
    expect(steps).toBe(6)
    const contents = (d: OrgDirectory) => ({ names: [...d.names], byName: [...d.byName], byDomain: [...d.byDomain] })
    expect(contents(reading.directory)).toEqual(contents(atOnce))
    expect(atOnce.names.size).toBe(17_000)
    expect(atOnce.byName.size).toBe(17_000 + 5_666)
    expect(atOnce.byDomain.size).toBe(8_500 - 1_700)
    expect(contents(OrgDirectory.inSteps(sqlite, 8_000).directory)).toEqual({ names: [], byName: [], byDomain: [] })
  })
  it('reads the rest at once after a name that is not valid UTF-8, none passed over', async () => {
    const backend = await openTempBackend()
    const sqlite = backend.sqlite
    const now = new Date().toISOString()
    sqlite.prepare('INSERT INTO organisation (id, name, created_at, updated_at) VALUES (1, ?, ?, ?), (2, ?, ?, ?)').run('Abc', now, now, 'Abcé', now, now)
    // Written outside Kith: a normal form ending in a lone 0x80 byte, which JavaScript reads as "abc\uFFFD" (whose
    // bytes sort after "abcé"'s).
    sqlite.exec("INSERT INTO organisation_name (name_norm, organisation_id, name, source) VALUES ('aaa', 1, 'Aaa', 'data'), (CAST(x'61626380' AS TEXT), 1, 'Abc', 'data')")
    sqlite.prepare("INSERT INTO organisation_name (name_norm, organisation_id, name, source) VALUES (?, 2, 'Abcé', 'data')").run('abcé')
    const atOnce = new OrgDirectory(sqlite)
    // Two rows a page: the odd name ends the first.
    const reading = OrgDirectory.inSteps(sqlite, 2)
    for (let step = reading.steps.next(); step.done !== true; step = reading.steps.next());
    expect(atOnce.byName.get('abcé')).toBe(2)
    expect([...reading.directory.byName].sort()).toEqual([...atOnce.byName].sort())
  })
})
