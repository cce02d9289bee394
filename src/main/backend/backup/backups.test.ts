import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiResponse } from '../../../shared/api'
import type { BackupInfo, RestoreResult } from '../../../shared/types'
import type { Backend, FilePicker } from '../backend'
import { KithError } from '../errors'
import { fails, ok } from '../testing/call'
import { fileDigest, openTempBackend, tempDir } from '../testing/temp'
import { createBackup, restoreBackup } from './backups'

const posix = process.platform !== 'win32'

function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777
}

function peopleIn(file: string): unknown {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare('SELECT count(*) AS n FROM person').get()
  } finally {
    db.close()
  }
}

/** The error a service call throws, as the page would get it. */
async function thrown(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work
  } catch (err) {
    if (err instanceof KithError) return { code: err.code, message: err.message }
    return { code: 'internal', message: String(err) }
  }
  throw new Error('expected a failure')
}

/** A named pipe: opening it for reading blocks until something writes to it. */
async function mkfifo(file: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('mkfifo', [file], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`mkfifo exited with ${String(code)}`))))
  })
}

/**
 * Something that writes one byte into the pipe after a while, so that code
 * which blocks on the pipe ends up reading garbage instead of hanging the run.
 */
function unblockLater(fifo: string): () => void {
  const child = spawn('sh', ['-c', `sleep 2; printf x > "$1"`, 'sh', fifo], { stdio: 'ignore' })
  return () => child.kill('SIGKILL')
}

describe('backups', () => {
  it('copies the live database into backups/ and tells the page its name, never where it lies', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    const info = await ok(backend, 'backup.create', {})
    expect(info.kind).toBe('manual')
    expect(Object.keys(info).sort()).toEqual(['bytes', 'createdAt', 'kind', 'name'])
    expect(JSON.stringify(info)).not.toContain(backend.dataDir)
    const copy = path.join(backend.backupDir, info.name)
    expect(peopleIn(copy)).toEqual({ n: 200 })
    const listed = await ok(backend, 'backup.list', {})
    expect(listed.map((b) => b.name)).toEqual([info.name])
  })

  it('restores a backup by its id, keeping a safety copy of what was there', async () => {
    const backend = await openTempBackend()
    const empty = await ok(backend, 'backup.create', {})
    await backend.dispatch('demo.load', {})
    const restored = await ok(backend, 'backup.restore', { id: empty.name, confirmEmpty: true })
    expect(restored.restoredFrom).toBe(empty.name)
    expect(restored.counts).toEqual({ people: 0, relationships: 0, interactions: 0, favors: 0 })
    expect(restored.safetyCopy.kind).toBe('pre-restore')
    expect(peopleIn(path.join(backend.backupDir, restored.safetyCopy.name))).toEqual({ n: 200 })
    // And back again from the safety copy.
    const back = await ok(backend, 'backup.restore', { id: restored.safetyCopy.name })
    expect(back.counts.people).toBe(200)
  })

  it('takes no path from the page: create and restore refuse any path-like argument and change nothing', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    const kept = await ok(backend, 'backup.create', {})
    const elsewhere = tempDir()
    const target = path.join(elsewhere, 'stolen.sqlite')
    const before = fs.readdirSync(backend.backupDir).sort()
    const attempts: [string, unknown][] = [
      ['backup.create', { to: target }],
      ['backup.create', { to: 'relative/file.sqlite' }],
      ['backup.restore', { file: path.join(backend.backupDir, kept.name) }],
      ['backup.restore', { id: '../kith.sqlite' }],
      ['backup.restore', { id: path.join(backend.backupDir, kept.name) }],
      ['backup.restore', { id: '/etc/passwd' }],
      ['backup.restore', { id: `kith-x/../../${kept.name}` }],
      ['backup.restore', { id: `kith-x\\..\\${kept.name}` }],
      ['backup.restore', { id: `${kept.name}/..` }],
      ['backup.restore', { id: 'kith-..sqlite' }],
      ['backup.restore', { id: `${kept.name}\0` }],
      ['backup.restore', { id: 'kith.sqlite' }],
      ['backup.restore', { id: kept.name, file: target }],
    ]
    for (const [method, args] of attempts) {
      const error = await fails(backend, method, args)
      expect(error.code, `${method} ${JSON.stringify(args)}`).toBe('bad_request')
    }
    expect(fs.readdirSync(elsewhere)).toEqual([])
    expect(fs.readdirSync(backend.backupDir).sort()).toEqual(before)
    expect((await ok(backend, 'status', {})).counts.people).toBe(200)
  })

  it('refuses a link in backups/ that has a backup’s name, and does not list it', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    const outside = path.join(tempDir(), 'outside.sqlite')
    await createBackup(backend, outside)
    fs.symlinkSync(outside, path.join(backend.backupDir, 'kith-link.sqlite'))
    await ok(backend, 'people.create', { name: 'Zoe Newcomer' })
    const error = await fails(backend, 'backup.restore', { id: 'kith-link.sqlite' })
    expect(error.code).toBe('bad_request')
    expect(error.message).toMatch(/symbolic link/)
    expect(error.message).not.toContain(path.sep + 'backups')
    expect((await ok(backend, 'backup.list', {})).map((b) => b.name)).not.toContain('kith-link.sqlite')
    expect((await ok(backend, 'status', {})).counts.people).toBe(201)
  })

  it.skipIf(!posix)('refuses a named pipe at once, by id or as a chosen file, and still answers', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    const inBackups = path.join(backend.backupDir, 'kith-pipe.sqlite')
    const chosen = path.join(tempDir(), 'pipe.sqlite')
    await mkfifo(inBackups)
    await mkfifo(chosen)
    const stops = [unblockLater(inBackups), unblockLater(chosen)]
    try {
      const byId = await fails(backend, 'backup.restore', { id: 'kith-pipe.sqlite' })
      expect(byId).toEqual({ code: 'bad_request', message: expect.stringMatching(/kith-pipe\.sqlite is a named pipe, not a backup file/) })
      const byFile = await thrown(restoreBackup(backend, { file: chosen }))
      expect(byFile).toEqual({ code: 'bad_request', message: expect.stringMatching(/pipe\.sqlite is a named pipe/) })
      expect((await ok(backend, 'backup.list', {})).map((b) => b.name)).not.toContain('kith-pipe.sqlite')
      expect((await ok(backend, 'status', {})).counts.people).toBe(200)
    } finally {
      for (const stop of stops) stop()
    }
  })

  it('turns a folder, a NUL byte, a name too long and a missing file into typed errors that name no folder', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    fs.mkdirSync(path.join(backend.backupDir, 'kith-folder.sqlite'))
    const dir = tempDir()
    fs.mkdirSync(path.join(dir, 'folder.sqlite'))

    const folderById = await fails(backend, 'backup.restore', { id: 'kith-folder.sqlite' })
    expect(folderById).toEqual({ code: 'bad_request', message: expect.stringMatching(/kith-folder\.sqlite is a folder/) })
    const missingById = await fails(backend, 'backup.restore', { id: 'kith-missing.sqlite' })
    expect(missingById.code).toBe('not_found')
    for (const error of [folderById, missingById]) expect(error.message).not.toContain(backend.dataDir)

    const cases: [string, string, RegExp][] = [
      [path.join(dir, 'folder.sqlite'), 'bad_request', /is a folder/],
      [path.join(dir, 'a\0b.sqlite'), 'bad_request', /NUL/],
      [path.join(dir, `${'a'.repeat(300)}.sqlite`), 'bad_request', /too long/],
      [path.join(dir, 'missing.sqlite'), 'not_found', /cannot find/],
      [path.join(dir, 'nowhere', 'x.sqlite'), 'not_found', /cannot find/],
    ]
    for (const [file, code, message] of cases) {
      const error = await thrown(restoreBackup(backend, { file }))
      expect(error.code, file).toBe(code)
      expect(error.message, file).toMatch(message)
      expect(error.message, file).not.toContain(dir)
    }
    const tooLong = await thrown(createBackup(backend, path.join(dir, `${'b'.repeat(300)}.sqlite`)))
    expect(tooLong.code).toBe('bad_request')
    const nul = await thrown(createBackup(backend, path.join(dir, 'x\0y.sqlite')))
    expect(nul.code).toBe('bad_request')
    const onFolder = await thrown(createBackup(backend, path.join(dir, 'folder.sqlite')))
    expect(onFolder.code).toBe('conflict')
    expect((await ok(backend, 'status', {})).counts.people).toBe(200)
  })

  it('refuses to restore a file that is not a sound Kith database, names it without its folder, and changes nothing', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    const garbage = path.join(backend.backupDir, 'kith-garbage.sqlite')
    fs.writeFileSync(garbage, 'not a database at all'.repeat(50))
    const foreign = path.join(backend.backupDir, 'kith-foreign.sqlite')
    const other = new Database(foreign)
    other.exec('CREATE TABLE t (x)')
    other.close()
    const before = fileDigest(garbage)
    for (const [id, code] of [
      ['kith-garbage.sqlite', 'db_corrupt'],
      ['kith-foreign.sqlite', 'not_kith_db'],
    ] as const) {
      const error = await fails(backend, 'backup.restore', { id })
      expect(error.code).toBe(code)
      expect(error.message).toContain(id)
      expect(error.message).not.toContain(backend.dataDir)
    }
    expect(fileDigest(garbage)).toBe(before)
    expect((await ok(backend, 'status', {})).counts.people).toBe(200)
    expect((await ok(backend, 'backup.list', {})).filter((b) => b.kind === 'pre-restore')).toEqual([])
  })

  it('leaves no .partial, -wal or -shm beside its backups, and clears those an interrupted backup left', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    await ok(backend, 'backup.create', {})
    const elsewhere = tempDir()
    const to = path.join(elsewhere, 'copy.sqlite')
    for (const side of ['.partial', '.partial-wal', '.partial-shm']) fs.writeFileSync(`${to}${side}`, 'left by a crash')
    await createBackup(backend, to)
    expect(fs.readdirSync(elsewhere)).toEqual(['copy.sqlite'])
    expect(fs.readdirSync(backend.backupDir).filter((name) => !name.endsWith('.sqlite'))).toEqual([])
    expect(peopleIn(to)).toEqual({ n: 200 })
  })

  it.skipIf(!posix)('keeps the data folder, backups/ and every file Kith writes private to the owner', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    expect(modeOf(backend.dataDir)).toBe(0o700)
    expect(modeOf(backend.backupDir)).toBe(0o700)
    for (const file of [backend.dbPath, `${backend.dbPath}-wal`, `${backend.dbPath}-shm`]) expect(modeOf(file), file).toBe(0o600)
    const info = await ok(backend, 'backup.create', {})
    expect(modeOf(path.join(backend.backupDir, info.name))).toBe(0o600)
    const elsewhere = path.join(tempDir(), 'new folder', 'copy.sqlite')
    await createBackup(backend, elsewhere)
    expect(modeOf(elsewhere)).toBe(0o600)
    expect(modeOf(path.dirname(elsewhere))).toBe(0o700)
    const restored = await ok(backend, 'backup.restore', { id: info.name })
    expect(modeOf(path.join(backend.backupDir, restored.safetyCopy.name))).toBe(0o600)
    expect(modeOf(backend.dbPath)).toBe(0o600)
  })

  it.skipIf(!posix)('tightens a data folder and files left open to other users when it opens them', async () => {
    const first = await openTempBackend()
    await first.dispatch('demo.load', {})
    const info = await ok(first, 'backup.create', {})
    const dataDir = first.dataDir
    await first.close()
    const backup = path.join(first.backupDir, info.name)
    fs.chmodSync(dataDir, 0o755)
    fs.chmodSync(first.backupDir, 0o755)
    fs.chmodSync(first.dbPath, 0o644)
    fs.chmodSync(backup, 0o644)
    const backend = await openTempBackend({ dataDir })
    expect(modeOf(dataDir)).toBe(0o700)
    expect(modeOf(backend.backupDir)).toBe(0o700)
    expect(modeOf(backend.dbPath)).toBe(0o600)
    expect(modeOf(backup)).toBe(0o600)
    expect((await ok(backend, 'status', {})).counts.people).toBe(200)
  })

  describe('in the desktop app, a file the user chooses in a native dialog', () => {
    function picker(choice: { save?: string | null; open?: string | null }): FilePicker {
      return {
        saveBackupAs: () => Promise.resolve(choice.save ?? null),
        openBackup: () => Promise.resolve(choice.open ?? null),
      }
    }

    async function withPicker(choice: { save?: string | null; open?: string | null }): Promise<Backend> {
      return openTempBackend({ filePicker: picker(choice) })
    }

    it('saves a copy where the user chose, and restores a file they chose', async () => {
      // A folder of the user's own, open to others on purpose: Kith's copy is private, the folder stays as it was.
      const shared = tempDir()
      if (posix) fs.chmodSync(shared, 0o1777)
      const to = path.join(shared, 'my copy.sqlite')
      const saving = await withPicker({ save: to })
      await saving.dispatch('demo.load', {})
      const saved = (await ok(saving, 'backup.saveCopy', {})) as BackupInfo
      expect(saved.name).toBe('my copy.sqlite')
      expect(peopleIn(to)).toEqual({ n: 200 })
      if (posix) expect(modeOf(to)).toBe(0o600)
      if (posix) expect(fs.statSync(shared).mode & 0o7777).toBe(0o1777)

      const restoring = await withPicker({ open: to })
      const result = (await ok(restoring, 'backup.restoreFile', {})) as RestoreResult
      expect(result.restoredFrom).toBe('my copy.sqlite')
      expect(result.counts.people).toBe(200)
    })

    it('does nothing when the user cancels, and is refused where there is no dialog', async () => {
      const cancelling = await withPicker({})
      await cancelling.dispatch('demo.load', {})
      expect(await ok(cancelling, 'backup.saveCopy', {})).toBeNull()
      expect(await ok(cancelling, 'backup.restoreFile', {})).toBeNull()
      expect(await ok(cancelling, 'backup.list', {})).toEqual([])

      const browser = await openTempBackend()
      for (const method of ['backup.saveCopy', 'backup.restoreFile'] as const) {
        const res: ApiResponse<unknown> = await browser.dispatch(method, {})
        expect(res).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('desktop app') } })
      }
    })
  })
})
