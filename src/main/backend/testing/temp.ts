import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach } from 'vitest'
import { Backend, type BackendOptions } from '../backend'

const made: string[] = []
const opened: Backend[] = []

afterEach(async () => {
  await Promise.all(opened.splice(0).map((b) => b.close().catch(() => undefined)))
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

/** A fresh data folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-test-'))
  made.push(dir)
  return dir
}

/** A backend on a real SQLite file in a fresh folder, closed after the test. */
export async function openTempBackend(options: Partial<BackendOptions> = {}): Promise<Backend> {
  const backend = await Backend.open({ dataDir: tempDir(), ...options })
  opened.push(backend)
  return backend
}

/** The same data folder opened again, as after quitting and starting Kith; the old backend is closed. */
export async function reopenTempBackend(backend: Backend, options: Partial<BackendOptions> = {}): Promise<Backend> {
  await backend.close()
  const again = await Backend.open({ ...options, dataDir: backend.dataDir })
  opened.push(again)
  return again
}

/**
 * Changes the file through a connection of its own, as another program (or
 * a hand edit, or damage) could: past Kith's checks and its write path, so
 * the backend learns of it only as it learns of another process's commits.
 */
export function editOutsideKith(backend: Backend, edit: (db: Database.Database) => void): void {
  const db = new Database(backend.dbPath)
  try {
    edit(db)
  } finally {
    db.close()
  }
}

export function fileDigest(file: string): string {
  return fs.readFileSync(file).toString('base64')
}
