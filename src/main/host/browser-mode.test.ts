/**
 * Browser mode through the backend host, as `kith serve` runs it: a real
 * data folder, the worker thread, and real HTTP calls from the page's side.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { damagedDataDir } from '../backend/testing/damaged'
import { fileDigest, tempDir } from '../backend/testing/temp'
import { QUICK_CHECK_BUDGET_MS } from '../backend/db/open'
import { UPLOAD_DIR_NAME } from '../backend/imports/archive/upload'
import { startServer, type RunningServer } from '../serve'
import { BackendHost, type HostOptions } from './host'
import type { HostEvent } from './messages'

const GMAIL = path.join(import.meta.dirname, '../backend/imports/archive/fixtures/gmail.mbox')

const running: { server: RunningServer; host: BackendHost }[] = []
afterEach(async () => {
  for (const { server, host } of running.splice(0)) {
    await server.close()
    await host.close()
  }
})

function post(port: number, token: string, pathname: string, body: Buffer | string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: pathname, headers: { Host: `127.0.0.1:${port}`, 'X-Kith-Token': token, 'Content-Type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** The data of a successful answer, read with `data`; any other answer fails the test, showing it. */
const answer = <T extends z.ZodType>(data: T) => ({
  parse(value: unknown): { data: z.output<T> } {
    const read = z.object({ ok: z.literal(true), data: z.unknown() }).safeParse(value)
    if (!read.success) throw new Error(`Expected an answer, got ${JSON.stringify(value)}`)
    return { data: data.parse(read.data.data) }
  },
})
const refused = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) })
const person = z.object({ id: z.number(), name: z.string() })

async function browserMode(options: Partial<HostOptions> = {}, dataDir = tempDir()) {
  const host = await BackendHost.start({ dataDir, quickCheckBudgetMs: 0, ...options })
  const staticDir = tempDir()
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kith</title>')
  const server = await startServer({ backend: host, staticDir })
  running.push({ server, host })
  const events: HostEvent[] = []
  host.onEvent((event) => events.push(event))
  const api = (method: string, args: unknown): Promise<unknown> => post(server.port, server.token, `/api/${method}`, JSON.stringify(args))
  const upload = (name: string, body: Buffer, my: string[] = []): Promise<unknown> =>
    post(server.port, server.token, `/upload/archive?${new URLSearchParams([['name', name], ...my.map((m): [string, string] => ['my', m])]).toString()}`, body)
  return { dataDir, host, api, upload, events }
}

/** Waits, without a deadline of its own (the test's timeout is the limit), until `found` says yes. */
async function until<T>(found: () => T | undefined): Promise<T> {
  for (;;) {
    const value = found()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('browser mode through the backend worker', () => {
  it('adds people, finds them and a way to them, over HTTP', async () => {
    const { api } = await browserMode()
    const me = answer(person).parse(await api('me.set', { name: 'Jordan Avery' })).data
    const vera = answer(person).parse(await api('people.create', { name: 'Vera Walsh' })).data
    const yara = answer(person).parse(await api('people.create', { name: 'Yara Schmidt' })).data
    answer(z.unknown()).parse(await api('relationships.set', { a: me.id, b: vera.id, strength: 4 }))
    answer(z.unknown()).parse(await api('relationships.set', { a: vera.id, b: yara.id, strength: 5 }))

    const found = answer(z.array(person)).parse(await api('search', { query: 'yara' })).data
    expect(found.map((p) => p.name)).toEqual(['Yara Schmidt'])
    const paths = answer(z.object({ paths: z.array(z.object({ people: z.array(person) })) })).parse(await api('paths.find', { to: yara.id })).data
    expect(paths.paths[0]?.people.map((p) => p.name)).toEqual(['Jordan Avery', 'Vera Walsh', 'Yara Schmidt'])
    // What dispatch refuses is refused the same way through the worker.
    expect(refused.parse(await api('people.create', { name: '' })).error.code).toBe('bad_request')
  })

  it('reports a follow-up when it falls due, once', async () => {
    const { api, events } = await browserMode({ fixedNow: '2026-03-02T10:00:00.000Z', dueTaskCheckMs: 20 })
    answer(z.unknown()).parse(await api('tasks.add', { title: 'Write to Vera', due: '2026-03-02' }))
    const due = await until(() => events.find((e) => e.kind === 'tasks.due'))
    expect(due).toMatchObject({ kind: 'tasks.due', title: 'Write to Vera' })
    // Other checks come and go; the task is not reported again.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(events.filter((e) => e.kind === 'tasks.due')).toHaveLength(1)
  })

  it('answers before the check for damage has run, then refuses writes once it finds damage, and says so', async () => {
    const { dataDir, file } = await damagedDataDir('relationship')
    const before = fileDigest(file)
    const { api, host, events } = await browserMode({ quickCheckBudgetMs: QUICK_CHECK_BUDGET_MS }, dataDir)
    const status = z.object({ damage: z.array(z.string()), checking: z.boolean() })
    // The people's own tables are sound: they are listed at once, check or no check.
    expect(answer(z.array(person)).parse(await api('search', { query: 'Person 00042' })).data[0]?.name).toBe('Person 00042')
    const found = await until(() => events.find((e) => e.kind === 'damage.found'))
    expect(found.problems.length).toBeGreaterThan(0)
    expect(host.damaged).toBe(true)
    // The page's banner reads it from status.
    expect(answer(status).parse(await api('status', {})).data).toMatchObject({ checking: false, damage: expect.arrayContaining([expect.any(String)]) })
    expect(refused.parse(await api('people.create', { name: 'New Person' })).error.code).toBe('db_corrupt')
    await host.close()
    expect(fileDigest(file)).toBe(before)
  })

  it('takes an uploaded archive: the worker reads the copy, reports its progress, and the page applies it', async () => {
    const { api, upload, events, dataDir } = await browserMode({ jobProgressMs: 10 })
    const started = answer(z.object({ jobId: z.string() })).parse(await upload('Takeout Mail.mbox', fs.readFileSync(GMAIL), ['maya@example.com'])).data
    const jobSchema = answer(z.object({ jobId: z.string(), phase: z.string() }))
    let job = jobSchema.parse(await api('imports.archiveJob', { jobId: started.jobId })).data
    while (job.phase === 'reading' || job.phase === 'matching') {
      await new Promise((resolve) => setTimeout(resolve, 20))
      job = jobSchema.parse(await api('imports.archiveJob', { jobId: started.jobId })).data
    }
    expect(job.phase).toBe('ready')
    const progress = await until(() => events.find((e) => e.kind === 'job.progress' && e.jobId === started.jobId))
    expect(progress.kind).toBe('job.progress')
    const applied = answer(z.object({ peopleCreated: z.number() })).parse(await api('imports.archiveApply', { jobId: started.jobId })).data
    expect(applied.peopleCreated).toBeGreaterThan(0)
    // The private copy is gone once the job has ended.
    await until(() => (fs.readdirSync(path.join(dataDir, UPLOAD_DIR_NAME)).length === 0 ? true : undefined))
    const people = answer(z.array(person)).parse(await api('search', { query: 'ana silva' })).data
    expect(people.length).toBeGreaterThan(0)
    // An upload that is not an archive is refused by the worker, in the page's words.
    expect(refused.parse(await upload('notes.txt', Buffer.from('hello'))).error.message).toMatch(/^Kith learns from \.mbox/)
  })

  it('a worker crash mid-call answers that call with a clear error, restarts, and keeps what was saved', { timeout: 90_000 }, async () => {
    const { api } = await browserMode({ testCrashOn: 'people.update' })
    const ana = answer(person).parse(await api('people.create', { name: 'Ana Silva' })).data
    answer(person).parse(await api('people.create', { name: 'Ben Okafor' }))

    const crashed = refused.parse(await api('people.update', { id: ana.id, patch: { name: 'Ana Souza' } }))
    expect(crashed.error.code).toBe('worker_stopped')
    expect(crashed.error.message).toBe("Kith's background worker stopped while answering people.update and was restarted; what you saved before is safe. Try again.")

    // The next call is answered by the new worker, and everything committed before is there.
    const everyone = answer(z.object({ people: z.array(person) })).parse(await api('people.list', {})).data
    const names = everyone.people.map((p) => p.name).sort()
    // The update in flight is whole or absent, never half-applied.
    expect([['Ana Silva', 'Ben Okafor'], ['Ana Souza', 'Ben Okafor']]).toContainEqual(names)
    answer(person).parse(await api('people.create', { name: 'Chen Wei' }))
    expect(answer(z.array(person)).parse(await api('search', { query: 'chen' })).data.map((p) => p.name)).toEqual(['Chen Wei'])
  })
})
