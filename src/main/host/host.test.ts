import { once } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Backend } from '../backend/backend'
import { KithError } from '../backend/errors'
import { tempDir } from '../backend/testing/temp'
import { BackendHost, MAX_CRASHES, spawnWorker, type HostOptions } from './host'
import { fromWorkerSchema, readMessage, toWorkerSchema } from './messages'

const hosts: BackendHost[] = []
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()))
})

async function startHost(options: Partial<HostOptions> = {}): Promise<BackendHost> {
  const host = await BackendHost.start({ dataDir: tempDir(), quickCheckBudgetMs: 0, ...options })
  hosts.push(host)
  return host
}

describe('messages between the threads', () => {
  it('refuses a malformed message with a plain sentence saying what is wrong', () => {
    expect(readMessage(toWorkerSchema, { type: 'call', id: 0, method: 'status', args: {} }, 'the main thread')).toEqual({
      ok: false,
      error: expect.stringMatching(/^Kith refused a malformed message from the main thread: .+ \(at id\)\.$/),
    })
    expect(readMessage(toWorkerSchema, { type: 'drop tables' }, 'the main thread').ok).toBe(false)
    expect(readMessage(toWorkerSchema, 'status', 'the main thread').ok).toBe(false)
    expect(readMessage(toWorkerSchema, { type: 'upload', id: 1, copy: { file: '/tmp/x', name: '../../etc/passwd', myAddresses: [] } }, 'the main thread').ok).toBe(false)
    // An answer must carry the API's envelope; an event must be one the main thread knows.
    expect(readMessage(fromWorkerSchema, { type: 'answer', id: 3, response: { ok: 'yes' } }, 'the worker').ok).toBe(false)
    expect(readMessage(fromWorkerSchema, { type: 'event', event: { kind: 'tasks.due', taskId: 1, title: 'Call Ana', extra: 1 } }, 'the worker').ok).toBe(false)
    expect(readMessage(fromWorkerSchema, { type: 'answer', id: 3, response: { ok: false, error: { code: 'busy', message: 'Busy.' } } }, 'the worker').ok).toBe(true)
  })

  it('the worker refuses what it cannot read, says so to whoever waits, and goes on answering', async () => {
    const worker = spawnWorker({ dataDir: tempDir(), quickCheckBudgetMs: 0 })
    const replies: unknown[] = []
    worker.on('message', (m: unknown) => replies.push(m))
    const next = async (): Promise<unknown> => {
      while (replies.length === 0) await once(worker, 'message')
      return replies.shift()
    }
    try {
      expect(await next()).toEqual({ type: 'ready', damaged: false })
      worker.postMessage({ type: 'call', id: 'one', method: 'status', args: {} })
      expect(await next()).toEqual({ type: 'refused', id: null, message: expect.stringMatching(/malformed message from the main thread/) })
      worker.postMessage({ type: 'format disk', id: 7 })
      expect(await next()).toEqual({ type: 'refused', id: 7, message: expect.stringMatching(/malformed message/) })
      worker.postMessage({ type: 'call', id: 8, method: 'people.create', args: { name: 'Ana Silva' } })
      expect(await next()).toMatchObject({ type: 'answer', id: 8, response: { ok: true, data: { name: 'Ana Silva' } } })
    } finally {
      await worker.terminate()
    }
  })
})

describe('the backend host', () => {
  it('answers calls typed from the contract, and refuses what dispatch refuses or cannot be sent', async () => {
    const host = await startHost()
    const ana = await host.call('people.create', { name: 'Ana Silva' })
    expect(ana.name).toBe('Ana Silva')
    expect((await host.call('search', { query: 'ana' })).map((r) => r.name)).toEqual(['Ana Silva'])
    expect(await host.dispatch('people.nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    expect(await host.dispatch('status', { f: () => 1 })).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'Kith could not pass status to its background worker: its arguments are not plain data.' },
    })
  })

  it('shows the desktop\'s file dialog for the worker: the copy goes where the user chose, and Cancel saves nothing', async () => {
    const chosen = path.join(tempDir(), 'my copy.sqlite')
    const offered: string[] = []
    let answer: string | null = chosen
    const host = await startHost({
      filePicker: {
        saveBackupAs: (suggestedName) => {
          offered.push(suggestedName)
          return Promise.resolve(answer)
        },
        openBackup: () => Promise.resolve(null),
      },
    })
    await host.call('people.create', { name: 'Ana Silva' })
    expect(await host.call('backup.saveCopy', {})).not.toBeNull()
    expect(offered).toEqual([expect.stringMatching(/^kith-.+\.sqlite$/)])
    expect(fs.statSync(chosen).size).toBeGreaterThan(0)
    answer = null
    expect(await host.call('backup.saveCopy', {})).toBeNull()
  })

  it('takes the day\'s automatic backup in the worker', async () => {
    const host = await startHost({ autoBackups: true })
    let autos = 0
    while (autos === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      autos = (await host.call('backup.list', {})).filter((b) => b.kind === 'auto').length
    }
    expect(autos).toBe(1)
  })

  it('refuses a data folder whose database is not Kith\'s with the same error as in-process, and leaves the file alone', async () => {
    const dataDir = tempDir()
    fs.writeFileSync(path.join(dataDir, 'kith.sqlite'), 'my shopping list\n')
    const inProcess: unknown = await Backend.open({ dataDir, quickCheckBudgetMs: 0 }).then(
      () => null,
      (err: unknown) => err,
    )
    expect(inProcess).toBeInstanceOf(KithError)
    if (!(inProcess instanceof KithError)) return
    await expect(BackendHost.start({ dataDir, quickCheckBudgetMs: 0 })).rejects.toMatchObject({ name: 'KithError', code: inProcess.code, message: inProcess.message })
    expect(fs.readFileSync(path.join(dataDir, 'kith.sqlite'), 'utf8')).toBe('my shopping list\n')
  })

  it(`stops restarting a worker that stopped ${MAX_CRASHES} times within a minute, and says so to every call`, { timeout: 120_000 }, async () => {
    const host = await startHost({ testCrashOn: 'status' })
    await host.call('people.create', { name: 'Ana Silva' })
    const first = await host.dispatch('status', {})
    expect(first).toMatchObject({ ok: false, error: { code: 'worker_stopped', message: expect.stringMatching(/was restarted; what you saved before is safe/) } })
    expect(await host.call('search', { query: 'ana' })).toHaveLength(1)
    await host.dispatch('status', {})
    const last = await host.dispatch('status', {})
    expect(last).toMatchObject({ ok: false, error: { code: 'worker_stopped', message: expect.stringMatching(/stopped 3 times within a minute, so Kith no longer restarts it/) } })
    expect(await host.dispatch('search', { query: 'ana' })).toMatchObject({ ok: false, error: { code: 'worker_stopped', message: expect.stringMatching(/Quit Kith and open it again/) } })
  })
})
