/**
 * One import at a time per data folder, across processes: the desktop app,
 * `kith serve` and the CLI may all have the same folder open. The job that
 * holds the turn writes `import.lock` beside the database, saying which
 * process holds it, for which file and until when. A lock whose process is
 * gone, or whose time is up, is stale and is taken over.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { errnoCode } from '../files'

export const LOCK_FILE_NAME = 'import.lock'

const lockOwner = z.strictObject({
  pid: z.number().int().positive(),
  jobId: z.string().min(1).max(100),
  fileName: z.string().max(500),
  phase: z.string().max(20),
  startedAt: z.number(),
  expiresAt: z.number(),
})

/** Who holds the import turn, as written in the lock file. */
export type LockOwner = z.infer<typeof lockOwner>

/** Job ids open in this process, whichever backend opened them. */
const openHere = new Set<string>()

function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_FILE_NAME)
}

/** The lock file's owner, or null when there is none or it cannot be read as one. */
function readLock(file: string): { owner: LockOwner | null; raw: string } | null {
  let raw: string
  try {
    raw = fs.readFileSync(file, 'utf8')
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return null
    throw err
  }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { owner: null, raw }
  }
  const parsed = lockOwner.safeParse(json)
  return { owner: parsed.success ? parsed.data : null, raw }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: it exists, but belongs to someone else.
    return errnoCode(err) === 'EPERM'
  }
}

/** A lock still in force: its process runs (and, if it is this one, still has the job open) and its time is not up. */
function inForce(owner: LockOwner, now: number): boolean {
  if (now > owner.expiresAt) return false
  if (owner.pid === process.pid) return openHere.has(owner.jobId)
  return processAlive(owner.pid)
}

/** Writes the whole file under a temporary name, then links it into place: it appears complete, or not at all. */
function createExclusive(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${randomUUID()}`
  fs.writeFileSync(temp, content, { mode: 0o600 })
  try {
    fs.linkSync(temp, file)
    return true
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false
    throw err
  } finally {
    fs.rmSync(temp, { force: true })
  }
}

/**
 * Takes the import turn for `owner`, or returns whoever holds it. A stale
 * lock is removed (only if it is still the one that was judged stale) and
 * the turn taken.
 */
export function acquireImportLock(dataDir: string, owner: LockOwner, now: number): { held: true } | { held: false; by: LockOwner | null } {
  const file = lockPath(dataDir)
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(file, JSON.stringify(owner))) {
      openHere.add(owner.jobId)
      return { held: true }
    }
    const current = readLock(file)
    if (current === null) continue
    if (current.owner !== null && inForce(current.owner, now)) return { held: false, by: current.owner }
    // Stale: remove it, unless someone replaced it since it was read.
    if (readLock(file)?.raw === current.raw) fs.rmSync(file, { force: true })
  }
  // Three races lost in a row: another process is taking the turn right now.
  return { held: false, by: readLock(file)?.owner ?? null }
}

/** Rewrites the lock's phase and deadline, if this job still holds it. */
export function refreshImportLock(dataDir: string, owner: LockOwner): void {
  const file = lockPath(dataDir)
  const current = readLock(file)
  if (current?.owner?.jobId !== owner.jobId || current.owner.pid !== process.pid) return
  const temp = `${file}.${process.pid}.${randomUUID()}`
  fs.writeFileSync(temp, JSON.stringify(owner), { mode: 0o600 })
  fs.renameSync(temp, file)
}

/** Gives the turn back, if this job holds it. */
export function releaseImportLock(dataDir: string, jobId: string): void {
  openHere.delete(jobId)
  const file = lockPath(dataDir)
  try {
    const current = readLock(file)
    if (current?.owner?.jobId === jobId && current.owner.pid === process.pid) fs.rmSync(file, { force: true })
  } catch {
    // A lock that cannot be removed now is stale once this job is no longer open here.
  }
}
