import fs from 'node:fs'
import { Backend } from '../backend'
import { tempDir } from './temp'

/** People in a damaged test folder; as many relationships again, each person to the next. */
export const DAMAGED_PEOPLE = 3000

/**
 * A Kith data folder (at the current schema) holding DAMAGED_PEOPLE people
 * and a relationship from each to the next, closed, with one leaf page of
 * `table` overwritten: the person table, which the people directory reads
 * first, the relationships, which only the path graph reads, or the
 * follow-ups (as many again), which nothing built after opening reads.
 * `btree` names one of the table's indexes to overwrite a page of that
 * instead.
 */
export async function damagedDataDir(table: 'person' | 'relationship' | 'task' = 'person', btree: string = table): Promise<{ dataDir: string; file: string; wreckedPage: number }> {
  const dataDir = tempDir()
  const backend = await Backend.open({ dataDir })
  const sqlite = backend.sqlite
  const insert = sqlite.prepare("INSERT INTO person (name, company, title, created_at, updated_at) VALUES (?, 'Acme', NULL, '2026-01-01', '2026-01-01')")
  const relate = sqlite.prepare("INSERT INTO relationship (person_a, person_b, strength, created_at, updated_at) VALUES (?, ?, 3, '2026-01-01', '2026-01-01')")
  sqlite.transaction(() => {
    for (let i = 1; i <= DAMAGED_PEOPLE; i++) insert.run(`Person ${String(i).padStart(5, '0')}`)
    if (table === 'relationship') for (let i = 1; i < DAMAGED_PEOPLE; i++) relate.run(i, i + 1)
    const task = sqlite.prepare("INSERT INTO task (person_id, kind, title, due_on, created_at) VALUES (?, 'other', ?, '2026-02-01', '2026-01-01')")
    if (table === 'task') for (let i = 1; i <= DAMAGED_PEOPLE; i++) task.run(i, `Follow up with Person ${String(i).padStart(5, '0')}`)
  })()
  const leaves = sqlite
    .prepare<[string], number>("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all(btree)
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number
  const file = backend.dbPath
  await backend.close()
  const wreckedPage = leaves[Math.floor(leaves.length / 2)] ?? 2
  const fd = fs.openSync(file, 'r+')
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (wreckedPage - 1) * pageSize)
  fs.closeSync(fd)
  return { dataDir, file, wreckedPage }
}
