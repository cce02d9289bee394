import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { damagedDataDir } from '../testing/damaged'
import { countedIntegrityThread } from '../testing/integrity-thread'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'
import { integrityCheck, integrityCheckAside, type StartIntegrityCheck } from './integrity'

const counted = countedIntegrityThread

/** What a check came to: the problems found, or the error it ended with (a badly damaged file cannot be read at all). */
async function outcome(check: () => string[] | Promise<string[]>): Promise<{ problems: string[] } | { error: string }> {
  try {
    return { problems: await check() }
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) }
  }
}

describe('checking a copy on a thread of its own', () => {
  it('finds what the check in place finds: nothing in a sound file, the damage in a damaged one', async () => {
    const { file } = await damagedDataDir('relationship')
    const backend = await openTempBackend()
    await ok(backend, 'people.create', { name: 'Ana Silva' })
    const sound = backend.dbPath
    const thread = counted()
    expect(await integrityCheckAside(thread.start, sound)).toEqual([])
    const inPlace = await outcome(() => integrityCheck(file))
    expect(inPlace).not.toEqual({ problems: [] })
    expect(await outcome(() => integrityCheckAside(thread.start, file))).toEqual(inPlace)
    expect(thread.started.map((d) => d.file)).toEqual([sound, file])
  }, 60_000)

  it('checks in place when the thread cannot start or ends without answering, and reports a file it could not read', async () => {
    const { file } = await damagedDataDir('person')
    const inPlace = await outcome(() => integrityCheck(file))
    expect(inPlace).not.toEqual({ problems: [] })
    const cannotStart: StartIntegrityCheck = () => {
      throw new Error("Kith's integrity-check thread is missing from this installation.")
    }
    expect(await outcome(() => integrityCheckAside(cannotStart, file))).toEqual(inPlace)
    const silent: StartIntegrityCheck = () => new Worker('process.exit(0)', { eval: true })
    expect(await outcome(() => integrityCheckAside(silent, file))).toEqual(inPlace)
    const thread = counted()
    await expect(integrityCheckAside(thread.start, path.join(path.dirname(file), 'no-such-file.sqlite'))).rejects.toThrow(/unable to open|does not exist/i)
  }, 60_000)

  it('is how a backup checks its copy when the backend has the thread', async () => {
    const thread = counted()
    const backend = await openTempBackend({ integrityThread: thread.start })
    await ok(backend, 'people.create', { name: 'Ana Silva' })
    const backup = await ok(backend, 'backup.create', {})
    expect(thread.started).toHaveLength(1)
    expect((await ok(backend, 'backup.list', {})).map((b) => b.name)).toContain(backup.name)
  }, 60_000)
})
