import Database from 'better-sqlite3'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackupInfo } from '../../../shared/types'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'
import { weekOf } from '../week/weeks'
import { autoBackup } from './auto'

describe('automatic backups', () => {
  it('takes one a day, verified, and keeps 7 daily and 4 weekly; other backups stay', async () => {
    let now = new Date('2026-10-01T08:00:00Z')
    const backend = await openTempBackend({ now: () => now })
    await ok(backend, 'demo.load', {})
    const mine = await ok(backend, 'backup.create', {})
    for (let day = 0; day < 40; day++) {
      now = new Date(Date.parse('2026-10-01T08:00:00Z') + day * 86_400_000)
      const first = await autoBackup(backend)
      expect(first.taken, `day ${day}`).not.toBeNull()
      // Later the same day: nothing new.
      now = new Date(now.getTime() + 5 * 3_600_000)
      expect((await autoBackup(backend)).taken).toBeNull()
    }
    const backups = await ok(backend, 'backup.list', {})
    const autos = backups.filter((b: BackupInfo) => b.kind === 'auto')
    const days = autos.map((b) => b.name.slice(5, 13)).sort()
    // The last 7 days (Nov 3..9), then one per week for the 4 weeks before.
    expect(days.slice(-7)).toEqual(['20261103', '20261104', '20261105', '20261106', '20261107', '20261108', '20261109'])
    const older = days.slice(0, -7).map((d) => weekOf(new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T12:00:00Z`)))
    expect(older).toHaveLength(4)
    expect(new Set(older).size).toBe(4)
    expect(backups.some((b) => b.name === mine.name)).toBe(true)
    for (const b of autos) {
      const copy = new Database(path.join(backend.backupDir, b.name), { readonly: true })
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 200 })
      copy.close()
    }
  })
})
