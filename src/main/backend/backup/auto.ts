import fs from 'node:fs'
import type { BackupInfo } from '../../../shared/types'
import type { BackendState } from '../state'
import { weekOf } from '../week/weeks'
import { backupPath, createBackup, listBackups } from './backups'

export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4
const HOUR_MS = 3_600_000

/** The day of a backup, from its name (kith-YYYYMMDDTHHMMSSZ-auto.sqlite), in UTC. */
function dayOf(b: BackupInfo): string {
  const m = /^kith-(\d{4})(\d{2})(\d{2})T/.exec(b.name)
  return m === null ? b.createdAt.slice(0, 10) : `${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}`
}

/**
 * Which automatic backups to keep: the newest of each of the last 7 days
 * that have one, then the newest of each of the 4 weeks before those.
 */
export function backupsToKeep(autos: readonly BackupInfo[]): Set<string> {
  const newestFirst = [...autos].sort((a, b) => b.name.localeCompare(a.name))
  const keep = new Set<string>()
  const days = new Set<string>()
  const weeks = new Set<string>()
  for (const b of newestFirst) {
    const day = dayOf(b)
    if (days.size < KEEP_DAILY && !days.has(day)) {
      days.add(day)
      keep.add(b.name)
    }
  }
  const oldestDaily = [...days].sort()[0] ?? '9999'
  for (const b of newestFirst) {
    const day = dayOf(b)
    if (day >= oldestDaily) continue
    const week = weekOf(new Date(`${day}T12:00:00Z`))
    if (weeks.size < KEEP_WEEKLY && !weeks.has(week)) {
      weeks.add(week)
      keep.add(b.name)
    }
  }
  return keep
}

/**
 * Takes today's automatic backup if there is none yet (online backup, then
 * integrity_check), and removes the automatic backups the rotation no longer
 * keeps. Other backups (yours, and those before an update, a restore or a
 * merge) are never removed.
 */
export async function autoBackup(backend: BackendState): Promise<{ taken: BackupInfo | null; removed: string[] }> {
  const today = backend.now().toISOString().slice(0, 10)
  const autos = () => listBackups(backend).filter((b) => b.kind === 'auto')
  // Not before the check for damage is settled (the app leaves it for the warm-up):
  // a copy of a damaged database would push the sound ones out of rotation.
  await backend.whenChecked()
  if (backend.damage.length > 0) return { taken: null, removed: [] }
  const due = !autos().some((b) => dayOf(b) === today)
  const taken = due ? await createBackup(backend, undefined, '-auto') : null
  const keep = backupsToKeep(autos())
  const removed: string[] = []
  for (const b of autos()) {
    if (keep.has(b.name)) continue
    fs.rmSync(backupPath(backend, b.name), { force: true })
    removed.push(b.name)
  }
  return { taken, removed }
}

/** At start and then hourly (a day's backup is taken once): for the desktop app and browser mode. */
export function startAutoBackups(backend: BackendState, onError: (message: string) => void): () => void {
  const run = (): void => {
    autoBackup(backend).catch((err: unknown) => onError(err instanceof Error ? err.message : String(err)))
  }
  run()
  const timer = setInterval(run, HOUR_MS)
  timer.unref()
  return () => clearInterval(timer)
}
