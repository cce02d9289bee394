import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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

export function fileDigest(file: string): string {
  return fs.readFileSync(file).toString('base64')
}
