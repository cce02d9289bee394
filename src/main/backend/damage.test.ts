import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { METHOD_ACCESS, METHOD_NAMES } from '../../shared/contract'
import { Backend } from './backend'
import { autoBackup } from './backup/auto'
import { syncOrganisations } from './orgs/model'
import type { StartIntegrityCheck } from './db/integrity'
import { fails, ok } from './testing/call'
import { DAMAGED_PEOPLE, damagedDataDir } from './testing/damaged'
import { countedIntegrityThread } from './testing/integrity-thread'
import { fileDigest, openTempBackend, tempDir } from './testing/temp'

const PEOPLE = DAMAGED_PEOPLE

/**
 * A closed data folder where Me knows Ana, who knows Bea, and Ana's company
 * (Globex) was written past Kith, as another program could: no
 * organisation holds it yet.
 */
async function globexDataDir(): Promise<{ dataDir: string; bea: { id: number } }> {
  const dataDir = tempDir()
  const seeding = await Backend.open({ dataDir })
  const me = await ok(seeding, 'me.set', { name: 'Me' })
  const ana = await ok(seeding, 'people.create', { name: 'Ana' })
  const bea = await ok(seeding, 'people.create', { name: 'Bea' })
  await ok(seeding, 'relationships.set', { a: me.id, b: ana.id, strength: 4 })
  await ok(seeding, 'relationships.set', { a: ana.id, b: bea.id, strength: 4 })
  seeding.sqlite.prepare("UPDATE person SET company = 'Globex' WHERE id = ?").run(ana.id)
  await seeding.close()
  return { dataDir, bea }
}

describe('a damaged database', () => {
  it('refuses every write with db_corrupt and leaves the file byte for byte', async () => {
    const { dataDir, file } = await damagedDataDir()
    const before = fileDigest(file)
    const backend = await Backend.open({ dataDir })
    try {
      expect(backend.damage.length).toBeGreaterThan(0)
      const add = await fails(backend, 'people.create', { name: 'New Person' })
      expect(add.code).toBe('db_corrupt')
      expect(add.message).toContain('Kith found damage in your data')
      expect(add.message).toContain('Nothing was changed')
      expect(add.message).not.toContain(dataDir)
      expect((await fails(backend, 'settings.weekly.set', { enabled: false, day: 1, time: '09:00' })).code).toBe('db_corrupt')
      expect((await fails(backend, 'backup.create', {})).code).toBe('db_corrupt')
    } finally {
      await backend.close()
    }
    expect(fileDigest(file)).toBe(before)
  })

  it('still answers doctor with a report of what is wrong', async () => {
    const { dataDir } = await damagedDataDir()
    const backend = await Backend.open({ dataDir })
    try {
      const report = await ok(backend, 'doctor', {})
      expect(report.ok).toBe(false)
      expect(report.integrity.join(' ')).not.toBe('ok')
      expect(report.integrity.length).toBeGreaterThan(0)
    } finally {
      await backend.close()
    }
  })

  it('exports what can be read and says what it skipped', async () => {
    const { dataDir } = await damagedDataDir()
    const backend = await Backend.open({ dataDir })
    try {
      const json = await ok(backend, 'export.create', { format: 'json' })
      expect(json.people).toBeGreaterThan(PEOPLE / 2)
      expect(json.people).toBeLessThan(PEOPLE)
      expect(json.skipped?.join(' ')).toMatch(/^person: rows \d+ to \d+ could not be read/)
      const doc = JSON.parse(json.content) as { tables: { person: { name: string }[] } }
      expect(doc.tables.person[0]?.name).toBe('Person 00001')
      expect(doc.tables.person.at(-1)?.name).toBe(`Person ${String(PEOPLE).padStart(5, '0')}`)

      const csv = await ok(backend, 'export.create', { format: 'csv' })
      expect(csv.people).toBe(json.people)
      expect(csv.skipped?.length).toBeGreaterThan(0)
    } finally {
      await backend.close()
    }
  })

  it('still reports and exports when the list of tables itself is damaged', async () => {
    const { dataDir, file } = await damagedDataDir()
    // Page 1 past its 100-byte header holds sqlite_master: with it gone, no statement can even be prepared.
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(3000, 0x5a), 0, 3000, 100)
    fs.closeSync(fd)
    const before = fileDigest(file)
    const backend = await Backend.open({ dataDir })
    try {
      expect(backend.damage.length).toBeGreaterThan(0)
      const report = await ok(backend, 'doctor', {})
      expect(report.ok).toBe(false)
      expect(report.integrity.join(' ')).toMatch(/malformed|damaged|could not be read/)
      const exported = await ok(backend, 'export.create', { format: 'json' })
      expect(exported.people).toBe(0)
      expect(exported.skipped).toContain('person: none of it could be read')
      expect((await fails(backend, 'people.create', { name: 'New Person' })).code).toBe('db_corrupt')
    } finally {
      await backend.close()
    }
    expect(fileDigest(file)).toBe(before)
  })

  it('can be replaced by a sound backup, keeping the damaged file as the safety copy', async () => {
    const sound = await openTempBackend()
    await ok(sound, 'people.create', { name: 'Kept Safe' })
    const backup = await ok(sound, 'backup.create', {})
    const { dataDir } = await damagedDataDir()
    const backend = await Backend.open({ dataDir })
    try {
      // The sound backup, put where the page can name it: in this data folder's backups.
      fs.copyFileSync(path.join(sound.backupDir, backup.name), path.join(backend.backupDir, backup.name))
      const restored = await ok(backend, 'backup.restore', { id: backup.name })
      expect(restored.counts.people).toBe(1)
      expect(backend.damage).toEqual([])
      expect((await ok(backend, 'people.create', { name: 'After' })).name).toBe('After')
      expect(fs.existsSync(path.join(backend.backupDir, restored.safetyCopy.name))).toBe(true)
      const list = await ok(backend, 'backup.list', {})
      expect(list.map((b) => b.kind)).toContain('pre-restore')
    } finally {
      await backend.close()
    }
  })

  it('takes no automatic backup, so the sound ones stay in rotation', async () => {
    const { dataDir } = await damagedDataDir()
    const backend = await Backend.open({ dataDir })
    try {
      expect(await autoBackup(backend)).toEqual({ taken: null, removed: [] })
      expect(await ok(backend, 'backup.list', {})).toEqual([])
    } finally {
      await backend.close()
    }
  })

  it('answers status with the damage when counting is the first thing to run into it', async () => {
    // The b-tree SQLite counts people from: the smallest index holding them all.
    const plan = (await openTempBackend()).sqlite.prepare<[], { detail: string }>('EXPLAIN QUERY PLAN SELECT count(*) FROM person').all()
    const counted = /USING COVERING INDEX (\w+)/.exec(plan.map((row) => row.detail).join(' '))?.[1] ?? 'person'
    const { dataDir } = await damagedDataDir('person', counted)
    // As if the file were too large for the check to reach the damaged table in time.
    const backend = await Backend.open({ dataDir, quickCheckBudgetMs: 0 })
    try {
      const status = await ok(backend, 'status', {})
      expect(status.damage.join(' ')).toMatch(/malformed|corrupt/i)
      expect(status.checking).toBe(false)
      expect((await fails(backend, 'people.create', { name: 'New Person' })).code).toBe('db_corrupt')
    } finally {
      await backend.close()
    }
  })

  it('turns read-only when a call runs into damage the check at opening did not reach', async () => {
    const { dataDir, file } = await damagedDataDir()
    const before = fileDigest(file)
    // As if the file were too large for the check to reach the damaged table in time.
    const backend = await Backend.open({ dataDir, quickCheckBudgetMs: 0 })
    try {
      expect(backend.damage).toEqual([])
      const list = await fails(backend, 'people.list', {})
      expect(list.code).toBe('db_corrupt')
      expect(backend.damage.length).toBeGreaterThan(0)
      expect((await fails(backend, 'people.create', { name: 'New Person' })).code).toBe('db_corrupt')
      expect((await ok(backend, 'doctor', {})).ok).toBe(false)
    } finally {
      await backend.close()
    }
    expect(fileDigest(file)).toBe(before)
  })
})

describe('the check for damage left for after opening (the desktop app and browser mode)', () => {
  it('answers reads at once, and the first write finishes the check, is refused, and leaves the file byte for byte', async () => {
    const { dataDir, file } = await damagedDataDir('relationship')
    const before = fileDigest(file)
    const backend = await Backend.open({ dataDir, checkDamageLater: true })
    const told: (readonly string[])[] = []
    backend.onDamage((problems) => told.push(problems))
    try {
      expect(backend.checking).toBe(true)
      expect(await ok(backend, 'status', {})).toMatchObject({ damage: [], checking: true })
      expect((await ok(backend, 'people.list', {})).total).toBe(PEOPLE)
      const add = await fails(backend, 'people.create', { name: 'New Person' })
      expect(add.code).toBe('db_corrupt')
      expect(backend.checking).toBe(false)
      expect(told).toHaveLength(1)
      expect(told[0]?.join(' ')).toMatch(/page|btree|rowid|corrupt|malformed/i)
      expect(await ok(backend, 'status', {})).toMatchObject({ checking: false, damage: expect.arrayContaining([expect.any(String)]) })
      expect((await fails(backend, 'backup.create', {})).code).toBe('db_corrupt')
    } finally {
      await backend.close()
    }
    expect(fileDigest(file)).toBe(before)
  })

  it('is settled by the warm-up: the page reads the damage from status, and no automatic backup is taken', async () => {
    const { dataDir, file } = await damagedDataDir('relationship')
    const before = fileDigest(file)
    const backend = await Backend.open({ dataDir, checkDamageLater: true })
    try {
      await backend.warmUp()
      const status = await ok(backend, 'status', {})
      expect(status.checking).toBe(false)
      expect(status.damage.length).toBeGreaterThan(0)
      expect(await autoBackup(backend)).toEqual({ taken: null, removed: [] })
      expect(await ok(backend, 'backup.list', {})).toEqual([])
    } finally {
      await backend.close()
    }
    expect(fileDigest(file)).toBe(before)
  })

  it('is settled when a warm-up step runs into the damage first', async () => {
    const { dataDir } = await damagedDataDir('person')
    const backend = await Backend.open({ dataDir, checkDamageLater: true })
    try {
      await backend.warmUp()
      expect(backend.checking).toBe(false)
      expect(backend.damage.length).toBeGreaterThan(0)
      expect((await fails(backend, 'people.create', { name: 'New Person' })).code).toBe('db_corrupt')
    } finally {
      await backend.close()
    }
  })

  it('a copy saved elsewhere meanwhile waits for the check, and is known to hold the damage', async () => {
    const { dataDir } = await damagedDataDir('relationship')
    const copies = tempDir()
    const backend = await Backend.open({
      dataDir,
      checkDamageLater: true,
      filePicker: { saveBackupAs: (name) => Promise.resolve(path.join(copies, name)), openBackup: () => Promise.resolve(null) },
    })
    try {
      expect(backend.checking).toBe(true)
      expect(await ok(backend, 'backup.saveCopy', {})).not.toBeNull()
      expect(backend.checking).toBe(false)
      expect(backend.damage.length).toBeGreaterThan(0)
    } finally {
      await backend.close()
    }
  })

  it('never calls a file sound with a table it could not check: writes are refused until the check can finish', async () => {
    const dataDir = tempDir()
    await (await Backend.open({ dataDir })).close()
    const backend = await Backend.open({ dataDir, checkDamageLater: true })
    try {
      // Another program takes a table away after Kith opened the file: its check cannot run (not damage, not sound either).
      const other = new Database(path.join(dataDir, 'kith.sqlite'))
      other.exec('DROP TABLE rejected_tie')
      other.close()
      await backend.warmUp()
      expect(backend.checking).toBe(true)
      for (let attempt = 0; attempt < 2; attempt++) {
        const add = await fails(backend, 'people.create', { name: 'New Person' })
        expect(add.code).toBe('io')
        expect(add.message).toMatch(/^Kith could not finish checking your data for damage, so nothing was changed \(SQLite: no such table/)
      }
      expect((await ok(backend, 'status', {})).checking).toBe(true)
      // The ways out still work: a copy elsewhere, and restoring a sound backup (checked whole as it opens).
      const sound = await openTempBackend()
      await ok(sound, 'people.create', { name: 'Kept Safe' })
      const backup = await ok(sound, 'backup.create', {})
      fs.copyFileSync(path.join(sound.backupDir, backup.name), path.join(backend.backupDir, backup.name))
      expect((await ok(backend, 'backup.restore', { id: backup.name })).counts.people).toBe(1)
      expect(backend.checking).toBe(false)
      expect((await ok(backend, 'people.create', { name: 'After' })).name).toBe('After')
    } finally {
      await backend.close()
    }
    expect(backend.checking).toBe(false)
  })

  it('does not use up its budget on a try that failed: once the file is free again it goes on and finds the damage', async () => {
    const { dataDir, file } = await damagedDataDir('relationship')
    // Out of WAL mode, so that another program's lock keeps even a reader out.
    const setup = new Database(file)
    setup.pragma('journal_mode = DELETE')
    setup.close()
    const backend = await Backend.open({ dataDir, checkDamageLater: true })
    try {
      const other = new Database(file)
      other.exec('BEGIN EXCLUSIVE')
      const started = performance.now()
      expect((await fails(backend, 'people.create', { name: 'New Person' })).code).toBe('io')
      // Refused at once, not after a long wait on the lock.
      expect(performance.now() - started).toBeLessThan(2_000)
      other.exec('ROLLBACK')
      other.close()
      expect((await fails(backend, 'people.create', { name: 'New Person' })).code).toBe('db_corrupt')
      expect(backend.damage.length).toBeGreaterThan(0)
    } finally {
      await backend.close()
    }
  })

  it('writes nothing before a sound file is checked, then writes, and learns the organisations a path search skipped', async () => {
    const { dataDir, bea } = await globexDataDir()
    const organisations = (backend: Backend): number => backend.sqlite.prepare<[], number>('SELECT count(*) FROM organisation').pluck().get() ?? 0
    const before = fileDigest(path.join(dataDir, 'kith.sqlite'))
    const backend = await Backend.open({ dataDir, checkDamageLater: true })
    try {
      expect(backend.checking).toBe(true)
      expect((await ok(backend, 'paths.find', { to: bea.id })).paths.map((p) => p.people.map((q) => q.name))).toEqual([['Me', 'Ana', 'Bea']])
      expect(organisations(backend)).toBe(0)
      expect(fileDigest(path.join(dataDir, 'kith.sqlite'))).toBe(before)
      await backend.warmUp()
      expect(backend.checking).toBe(false)
      expect(organisations(backend)).toBe(1)
      expect((await ok(backend, 'people.create', { name: 'Bo' })).name).toBe('Bo')
    } finally {
      await backend.close()
    }
  })
})

describe('the check left for after opening, on its thread', () => {
  const counted = countedIntegrityThread
  /** A thread that never answers (a check still reading a large file): whether it was started, and whether it has ended. */
  const silent = (): { start: StartIntegrityCheck; started: () => boolean; ended: () => boolean } => {
    let started = false
    let ended = false
    return {
      started: () => started,
      ended: () => ended,
      start: () => {
        started = true
        const worker = new Worker('setInterval(() => {}, 1000)', { eval: true })
        worker.once('exit', () => {
          ended = true
        })
        return worker
      },
    }
  }
  /** Until the warm-up has handed the check to the thread. */
  const untilStarted = async (thread: { started: () => boolean }): Promise<void> => {
    while (!thread.started()) await new Promise((resolve) => setTimeout(resolve, 5))
  }

  it('finds the damage there: the warm-up settles it, writes are refused, and the file is left byte for byte', async () => {
    // In a table nothing built after opening reads: only the check can find it.
    const { dataDir, file } = await damagedDataDir('task')
    const before = fileDigest(file)
    const thread = counted()
    const backend = await Backend.open({ dataDir, checkDamageLater: true, integrityThread: thread.start })
    const told: (readonly string[])[] = []
    backend.onDamage((problems) => told.push(problems))
    try {
      await backend.warmUp()
      expect(thread.started).toEqual([expect.objectContaining({ file, quickCheckBudgetMs: expect.any(Number) })])
      expect(backend.checking).toBe(false)
      expect(told).toHaveLength(1)
      expect(told[0]?.join(' ')).toMatch(/page|btree|rowid|corrupt|malformed/i)
      expect((await fails(backend, 'people.create', { name: 'New Person' })).code).toBe('db_corrupt')
    } finally {
      await backend.close()
    }
    expect(fileDigest(file)).toBe(before)
  }, 60_000)

  it('finds a sound file sound there, and writes go on', async () => {
    const dataDir = tempDir()
    const seeding = await Backend.open({ dataDir })
    await ok(seeding, 'people.create', { name: 'Ana Silva' })
    await seeding.close()
    const thread = counted()
    const backend = await Backend.open({ dataDir, checkDamageLater: true, integrityThread: thread.start })
    try {
      expect(backend.checking).toBe(true)
      await backend.warmUp()
      expect(thread.started).toHaveLength(1)
      expect(backend.checking).toBe(false)
      expect(backend.damage).toEqual([])
      expect((await ok(backend, 'people.create', { name: 'Bea Lima' })).name).toBe('Bea Lima')
    } finally {
      await backend.close()
    }
  }, 60_000)

  it('answers calls while the thread checks, and a write meanwhile finishes the check here and stops the thread', async () => {
    const { dataDir, bea } = await globexDataDir()
    const thread = silent()
    const backend = await Backend.open({ dataDir, checkDamageLater: true, integrityThread: thread.start })
    try {
      void backend.warmUp()
      await untilStarted(thread)
      // Reads are answered while the thread checks; nothing is written meanwhile.
      expect((await ok(backend, 'paths.find', { to: bea.id })).paths.map((p) => p.people.map((q) => q.name))).toEqual([['Me', 'Ana', 'Bea']])
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(backend.checking).toBe(true)
      expect(thread.ended()).toBe(false)
      expect((await ok(backend, 'people.create', { name: 'Cleo Park' })).name).toBe('Cleo Park')
      expect(backend.checking).toBe(false)
      expect(backend.damage).toEqual([])
    } finally {
      await backend.close()
    }
    expect(thread.ended()).toBe(true)
  }, 60_000)

  it('closes while the thread still checks, ending it', async () => {
    const dataDir = tempDir()
    await (await Backend.open({ dataDir })).close()
    const thread = silent()
    const backend = await Backend.open({ dataDir, checkDamageLater: true, integrityThread: thread.start })
    void backend.warmUp()
    await untilStarted(thread)
    expect(thread.ended()).toBe(false)
    await backend.close()
    expect(thread.ended()).toBe(true)
  }, 60_000)

  it('writes nothing before the answer, then gives companies written outside Kith their organisations, and builds the graph with them', async () => {
    const { dataDir, bea } = await globexDataDir()
    const file = path.join(dataDir, 'kith.sqlite')
    const before = fileDigest(file)
    // A thread that answers "sound" when told to.
    let release = (): void => undefined
    const start: StartIntegrityCheck = () => {
      const worker = new Worker("const { parentPort } = require('node:worker_threads'); parentPort.once('message', () => parentPort.postMessage({ problems: [] }))", { eval: true })
      release = () => worker.postMessage('go')
      return worker
    }
    const backend = await Backend.open({ dataDir, checkDamageLater: true, integrityThread: start })
    const organisations = (): number => backend.sqlite.prepare<[], number>('SELECT count(*) FROM organisation').pluck().get() ?? 0
    try {
      const warming = backend.warmUp()
      // Long enough for the warm-up to build everything it can and wait for the answer.
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(backend.checking).toBe(true)
      expect(organisations()).toBe(0)
      expect(fileDigest(file)).toBe(before)
      release()
      await warming
      expect(backend.checking).toBe(false)
      expect(organisations()).toBe(1)
      const [path0] = (await ok(backend, 'paths.find', { to: bea.id })).paths
      expect(path0?.people.map((p) => p.name)).toEqual(['Me', 'Ana', 'Bea'])
    } finally {
      await backend.close()
    }
  }, 60_000)

  it('gives organisations a piece at a time, as without the thread: never the whole sync in one step, never refused for nothing', async () => {
    // Synced, but one work address is on a domain the sync cannot place (one person uses it, and it fits no name):
    // a state that lasts, as in any real address book.
    const dataDir = tempDir()
    const seeding = await Backend.open({ dataDir })
    const now = new Date().toISOString()
    const id = Number(seeding.sqlite.prepare("INSERT INTO person (name, company, created_at, updated_at) VALUES ('Ana', 'Globex', ?, ?)").run(now, now).lastInsertRowid)
    seeding.sqlite.prepare("INSERT INTO person_email (person_id, email, email_norm, position) VALUES (?, 'ana@initech-mail.io', 'ana@initech-mail.io', 0)").run(id)
    syncOrganisations(seeding.sqlite, now)
    await seeding.close()
    for (const integrityThread of [undefined, counted().start]) {
      const backend = await Backend.open({ dataDir, checkDamageLater: true, integrityThread })
      // Looked at from inside: the whole sync (one synchronous step over everyone), and the warm-up's own steps.
      const inside = backend as unknown as { syncOrganisations: () => boolean; orgSyncStep: (version: number) => boolean; orgSync: { steps: { refused: boolean } } | null }
      let wholeSyncs = 0
      let refused = false
      const whole = inside.syncOrganisations.bind(backend)
      inside.syncOrganisations = () => {
        wholeSyncs++
        return whole()
      }
      const step = inside.orgSyncStep.bind(backend)
      inside.orgSyncStep = (version) => {
        const more = step(version)
        refused ||= inside.orgSync?.steps.refused === true
        return more
      }
      try {
        await backend.warmUp()
        expect(backend.checking).toBe(false)
        expect({ wholeSyncs, refused }).toEqual({ wholeSyncs: 0, refused: false })
      } finally {
        await backend.close()
      }
    }
  }, 60_000)

  it('checks here, a table per step, when the thread ends without an answer or cannot start', async () => {
    for (const start of [
      (): Worker => new Worker('', { eval: true }),
      (): Worker => {
        throw new Error('no thread here')
      },
    ]) {
      const { dataDir } = await damagedDataDir('task')
      const backend = await Backend.open({ dataDir, checkDamageLater: true, integrityThread: start })
      try {
        await backend.warmUp()
        expect(backend.checking).toBe(false)
        expect(backend.damage.length).toBeGreaterThan(0)
      } finally {
        await backend.close()
      }
    }
  }, 60_000)
})

describe('read and write methods', () => {
  it('classifies every method of the contract, and nothing else', () => {
    expect(Object.keys(METHOD_ACCESS).sort()).toEqual([...METHOD_NAMES].sort())
  })

  it('lets the read methods run on a read-only connection', async () => {
    const copies = tempDir()
    const backend = await openTempBackend({ filePicker: { saveBackupAs: (name) => Promise.resolve(path.join(copies, name)), openBackup: () => Promise.resolve(null) } })
    const me = await ok(backend, 'me.set', { name: 'Me' })
    const other = await ok(backend, 'people.create', { name: 'Other', company: 'Acme' })
    backend.sqlite.pragma('query_only = ON')
    const args: Partial<Record<string, unknown>> = {
      'people.get': { id: other.id },
      'people.resolve': { ref: 'Other' },
      'people.neighbourhood': { id: me.id },
      'paths.find': { to: other.id },
      'introductions.get': null,
      'imports.job': null,
      'imports.cancel': null,
      'imports.archiveJob': null,
      'imports.archiveChoose': null,
      'imports.archiveCancel': null,
      'imports.archiveReread': null,
      'backup.create': null,
      'imports.start': null,
      search: { query: 'Oth' },
      'orgs.list': {},
      'export.create': { format: 'json' },
    }
    for (const method of METHOD_NAMES.filter((m) => METHOD_ACCESS[m] === 'read')) {
      const given = method in args ? args[method] : {}
      if (given === null) continue
      const res = await backend.dispatch(method, given)
      expect(res.ok ? 'ok' : `${res.error.code}: ${res.error.message}`, method).toBe('ok')
    }
  })
})

describe('restore', () => {
  it('refuses a Kith file with no data unless asked, and keeps the current data', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'people.create', { name: 'Still Here' })
    const emptyDir = tempDir()
    const empty = await Backend.open({ dataDir: emptyDir })
    await empty.close()
    fs.copyFileSync(empty.dbPath, path.join(backend.backupDir, 'kith-empty.sqlite'))
    const err = await fails(backend, 'backup.restore', { id: 'kith-empty.sqlite' })
    expect(err.code).toBe('needs_confirmation')
    expect(err.message).toContain('holds no people')
    expect(err.message).toContain('nothing was changed')
    expect((await ok(backend, 'status', {})).counts.people).toBe(1)
    const forced = await ok(backend, 'backup.restore', { id: 'kith-empty.sqlite', confirmEmpty: true })
    expect(forced.counts.people).toBe(0)
  })

  it('refuses a backup that carries a trigger, view or index Kith did not make, and doctor names one in the live file', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'people.create', { name: 'Still Here' })
    const sound = await ok(backend, 'backup.create', {})
    const planted = path.join(backend.backupDir, 'kith-planted.sqlite')
    fs.copyFileSync(path.join(backend.backupDir, sound.name), planted)
    const evil = new Database(planted)
    evil.exec("CREATE TRIGGER wipe AFTER INSERT ON person BEGIN DELETE FROM relationship; UPDATE person SET notes = 'pwned'; END")
    evil.close()
    const err = await fails(backend, 'backup.restore', { id: 'kith-planted.sqlite' })
    expect(err.code).toBe('not_kith_db')
    expect(err.message).toContain("trigger wipe is not Kith's")
    expect((await ok(backend, 'status', {})).counts.people).toBe(1)
    expect((await ok(backend, 'doctor', {})).ok).toBe(true)

    // Planted in the live file by another program: doctor says so.
    backend.sqlite.exec('CREATE VIEW everyone AS SELECT name FROM person')
    const report = await ok(backend, 'doctor', {})
    expect(report.ok).toBe(false)
    expect(report.integrity).toContain("Schema: view everyone is not Kith's")
  })

  it('refuses a Kith-stamped file whose tables are missing', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'people.create', { name: 'Still Here' })
    const file = path.join(backend.backupDir, 'kith-stamped.sqlite')
    const fake = new Database(file)
    fake.pragma('application_id = 1265202280')
    fake.pragma('user_version = 3')
    fake.exec('CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT)')
    fake.close()
    const err = await fails(backend, 'backup.restore', { id: 'kith-stamped.sqlite' })
    expect(err.code).toBe('not_kith_db')
    expect(err.message).toMatch(/missing/)
    expect(err.message).toContain('Nothing was changed')
    expect((await ok(backend, 'status', {})).counts.people).toBe(1)
  })
})
