import fs from 'node:fs'
import path from 'node:path'
import { Backend } from '../../src/main/backend/backend'
import Database from 'better-sqlite3'
import { medianMs, round, tempDir, type Section } from '../lib'

/** The longest pause of a 5 ms ticker over `work`: how long the event loop was blocked. */
async function longestPause(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 5)
  try {
    await work()
    return round(longest)
  } finally {
    clearInterval(ticker)
  }
}

/**
 * Another process holds the write lock for a second (the CLI importing) while
 * the app saves a person: the event loop must stay free while it waits. The
 * peer baseline is the same ticker over the same second with nothing waiting,
 * which is the machine's own scheduling noise.
 */
async function twoWriters(backend: Backend): Promise<{ stallMs: number; baselineMs: number; saved: boolean }> {
  const baselineMs = await longestPause(() => new Promise((resolve) => setTimeout(resolve, 1000)))
  const other = new Database(backend.dbPath)
  other.exec('BEGIN IMMEDIATE')
  const release = setTimeout(() => {
    other.exec('COMMIT')
    other.close()
  }, 1000)
  let saved = false
  try {
    const stallMs = await longestPause(async () => {
      saved = await backend.call('people.create', { name: 'Saved while another process wrote' }).then(
        () => true,
        () => false,
      )
    })
    return { stallMs, baselineMs, saved }
  } finally {
    clearTimeout(release)
    if (other.open) other.close()
  }
}

/** Opening and migrating a database, loading the sample network, checking and backing it up. */
export const dbSection: Section = {
  name: 'db',
  description: 'open + migrate, sample network, doctor, backup, a write while another process holds the lock',
  async run() {
    const root = tempDir('db')
    try {
      const openNewMs = await medianMs(5, async (i) => {
        const backend = await Backend.open({ dataDir: path.join(root, `new-${i}`) })
        await backend.close()
      })
      const data = path.join(root, 'demo')
      const backend = await Backend.open({ dataDir: data })
      const demoStart = performance.now()
      await backend.call('demo.load', {})
      const demoLoadMs = performance.now() - demoStart
      const doctorMs = await medianMs(5, async () => {
        await backend.call('doctor', {})
      })
      const backupMs = await medianMs(5, async () => {
        await backend.call('backup.create', {})
      })
      const writers = await twoWriters(backend)
      await backend.close()
      const openExistingMs = await medianMs(5, async () => {
        const again = await Backend.open({ dataDir: data })
        await again.close()
      })
      return {
        open_new_ms: openNewMs,
        open_existing_ms: openExistingMs,
        demo_load_ms: Math.round(demoLoadMs * 1000) / 1000,
        doctor_ms: doctorMs,
        backup_ms: backupMs,
        two_writers_stall_ms: writers.stallMs,
        two_writers_baseline_stall_ms: writers.baselineMs,
        two_writers_stall_target_ms: 100,
        two_writers_saved: writers.saved,
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  },
}
