import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { startTestChild } from '../testing/child'
import { openTempBackend } from '../testing/temp'

describe('an import killed half way', () => {
  it('leaves the database intact, with none of that import applied', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'demo.load', {})
    const dataDir = backend.dataDir
    const count = (db: Database.Database, table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    const before = { people: count(backend.sqlite, 'person'), relationships: count(backend.sqlite, 'relationship') }
    await backend.close()

    const rows = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On']
    for (let i = 0; i < 20_000; i++) rows.push(`Test${i},Person${i},https://www.linkedin.com/in/test-${i},t${i}@example.com,Co ${i % 50},Role,12 Mar 2024`)
    const file = path.join(dataDir, 'Connections.csv')
    fs.writeFileSync(file, rows.join('\n'))

    const holder = startTestChild('import-child.ts', [dataDir, file])
    expect(await holder.firstLine).toMatch(/^HALF 10000\/20000/)
    await holder.kill()

    const db = new Database(path.join(dataDir, 'kith.sqlite'))
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(count(db, 'person')).toBe(before.people)
    expect(count(db, 'relationship')).toBe(before.relationships)
    expect(count(db, 'import_batch')).toBe(0)
    expect(db.prepare("SELECT count(*) AS n FROM person WHERE name LIKE 'Test%'").get()).toEqual({ n: 0 })
    db.close()
  }, 60_000)
})
