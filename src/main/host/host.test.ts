import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../backend/testing/temp'
import { BackendHost } from './host'

const hosts: BackendHost[] = []
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()))
})

async function startHost(options: Partial<Parameters<typeof BackendHost.start>[0]> = {}): Promise<BackendHost> {
  const host = await BackendHost.start({ dataDir: tempDir(), quickCheckBudgetMs: 0, ...options })
  hosts.push(host)
  return host
}

describe('the backend on its own thread', () => {
  it('answers calls typed from the contract, and refuses what dispatch refuses', async () => {
    const host = await startHost()
    const ana = await host.call('people.create', { name: 'Ana Silva' })
    expect(ana.name).toBe('Ana Silva')
    expect((await host.call('search', { query: 'ana' })).map((r) => r.name)).toContain('Ana Silva')
    const refused = await host.dispatch('people.nope', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })
})
