import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackupInfo, RestoreResult } from '../../../shared/types'
import { fileDigest, openTempBackend, tempDir } from '../testing/temp'

async function must<T>(promise: Promise<{ ok: true; data: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const res = await promise
  if (!res.ok) throw new Error(res.error.message)
  return res.data as T
}

describe('backups', () => {
  it('copies the live database and verifies the copy', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    const info = await must<BackupInfo>(backend.dispatch('backup.create', {}))
    expect(info.kind).toBe('manual')
    expect(path.dirname(info.file)).toBe(backend.backupDir)
    const copy = new Database(info.file, { readonly: true })
    expect(copy.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 200 })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()
    const listed = await must<BackupInfo[]>(backend.dispatch('backup.list', {}))
    expect(listed.map((b) => b.file)).toEqual([info.file])
  })

  it('writes to a chosen file and refuses to overwrite one', async () => {
    const backend = await openTempBackend()
    const to = path.join(tempDir(), 'mine.sqlite')
    await must(backend.dispatch('backup.create', { to }))
    expect(fs.existsSync(to)).toBe(true)
    const again = await backend.dispatch('backup.create', { to })
    expect(again).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringContaining(to) } })
  })

  it('restores a backup, keeping a safety copy of what was there', async () => {
    const backend = await openTempBackend()
    const empty = await must<BackupInfo>(backend.dispatch('backup.create', {}))
    await backend.dispatch('demo.load', {})
    const restored = await must<RestoreResult>(backend.dispatch('backup.restore', { file: empty.file, confirmEmpty: true }))
    expect(restored.counts).toEqual({ people: 0, relationships: 0, interactions: 0, favors: 0 })
    expect(restored.safetyCopy.kind).toBe('pre-restore')
    const safety = new Database(restored.safetyCopy.file, { readonly: true })
    expect(safety.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 200 })
    safety.close()
    // And back again from the safety copy.
    const back = await must<RestoreResult>(backend.dispatch('backup.restore', { file: restored.safetyCopy.file }))
    expect(back.counts.people).toBe(200)
  })

  it('refuses to restore a file that is not a sound Kith database, and changes nothing', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    const dir = tempDir()
    const garbage = path.join(dir, 'garbage.sqlite')
    fs.writeFileSync(garbage, 'not a database at all'.repeat(50))
    const foreign = path.join(dir, 'foreign.sqlite')
    const other = new Database(foreign)
    other.exec('CREATE TABLE t (x)')
    other.close()
    const before = fileDigest(garbage)
    for (const [file, code] of [
      [garbage, 'db_corrupt'],
      [foreign, 'not_kith_db'],
      [path.join(dir, 'missing.sqlite'), 'not_found'],
    ] as const) {
      const res = await backend.dispatch('backup.restore', { file })
      expect(res).toEqual({ ok: false, error: { code, message: expect.any(String) } })
    }
    expect(fileDigest(garbage)).toBe(before)
    const status = await must<{ counts: { people: number } }>(backend.dispatch('status', {}))
    expect(status.counts.people).toBe(200)
    const backups = await must<BackupInfo[]>(backend.dispatch('backup.list', {}))
    expect(backups).toEqual([])
  })
})
