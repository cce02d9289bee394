import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ok } from '../../testing/call'
import { openTempBackend } from '../../testing/temp'

describe('an archive import killed half way', () => {
  it('leaves the database intact, with nothing of that import applied: no people, interactions, remembered messages or review items', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'demo.load', {})
    const dataDir = backend.dataDir
    const tables = ['person', 'relationship', 'interaction', 'import_batch', 'archive_source', 'review_item'] as const
    const counts = (db: Database.Database) => Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))
    const before = counts(backend.sqlite)
    await backend.close()

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', '..', 'testing', 'archive-child.ts'), dataDir, '3000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const said = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('\n')) resolve(out)
      })
      child.on('exit', () => reject(new Error(`the child ended before half way: ${out} ${stderr}`)))
    })
    expect(said).toMatch(/^HALF \d+\/9000/)
    const exited = new Promise((resolve) => child.on('exit', resolve))
    child.kill('SIGKILL')
    await exited

    const db = new Database(path.join(dataDir, 'kith.sqlite'))
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(counts(db)).toEqual(before)
    expect(db.prepare("SELECT count(*) AS n FROM person WHERE name LIKE 'Crash Test%'").get()).toEqual({ n: 0 })
    db.close()
  }, 60_000)
})
