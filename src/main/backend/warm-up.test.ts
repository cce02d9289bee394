import { describe, expect, it } from 'vitest'
import type { Backend } from './backend'
import { ok } from './testing/call'
import { editOutsideKith, openTempBackend, reopenTempBackend } from './testing/temp'

const NOW = new Date('2026-11-20T12:00:00Z')
/** One person a step: the warm-up takes many turns of the event loop, so calls land in the middle of it. */
const SLOW = { now: () => NOW, quickCheckBudgetMs: 0, warmStepPeople: 1 }

const turns = async (count: number): Promise<void> => {
  for (let k = 0; k < count; k++) await new Promise<void>((resolve) => setImmediate(resolve))
}

/** A small network: me, Ana who knows Cy, and a dozen others; ids in the order made. */
async function network(): Promise<{ backend: Backend; me: number; ana: number; bo: number; cy: number }> {
  const backend = await openTempBackend({ now: () => NOW })
  const me = (await ok(backend, 'me.set', { name: 'Jordan' })).id
  const ana = (await ok(backend, 'people.create', { name: 'Ana Silva', company: 'Acme' })).id
  const bo = (await ok(backend, 'people.create', { name: 'Bo Lindqvist' })).id
  for (const name of ['Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kai', 'Lu']) await ok(backend, 'people.create', { name: `${name} Quist` })
  const cy = (await ok(backend, 'people.create', { name: 'Cy Okafor' })).id
  await ok(backend, 'relationships.set', { a: me, b: ana, strength: 4 })
  await ok(backend, 'relationships.set', { a: me, b: bo, strength: 3 })
  await ok(backend, 'relationships.set', { a: ana, b: cy, strength: 4 })
  return { backend, me, ana, bo, cy }
}

async function searchNames(backend: Backend, query: string): Promise<string[]> {
  return (await ok(backend, 'search', { query })).map((h) => h.name)
}

async function pathsTo(backend: Backend, to: number): Promise<string[][]> {
  return (await ok(backend, 'paths.find', { to })).paths.map((p) => p.people.map((x) => x.name))
}

async function listNames(backend: Backend): Promise<string[]> {
  return (await ok(backend, 'people.list', { sort: 'name', limit: 50 })).people.map((p) => p.name)
}

describe('warming the caches after opening', () => {
  it('answers a search, a path search and the list the same whenever they arrive during the warm-up', async () => {
    const { backend, cy } = await network()
    const cold = await reopenTempBackend(backend, SLOW)
    const expected = { quist: await searchNames(cold, 'Quist'), ana: await searchNames(cold, 'ana silv'), paths: await pathsTo(cold, cy), list: await listNames(cold) }
    expect(expected.quist).toEqual(expect.arrayContaining(['Dee Quist', 'Lu Quist']))
    expect(expected.paths).toEqual([['Jordan', 'Ana Silva', 'Cy Okafor']])

    let warm = cold
    // From a call before the first step to calls after the last: every moment of the warm-up.
    for (let wait = 0; wait <= 40; wait += 4) {
      warm = await reopenTempBackend(warm, SLOW)
      const warming = warm.warmUp()
      await turns(wait)
      expect(await searchNames(warm, 'Quist')).toEqual(expected.quist)
      expect(await pathsTo(warm, cy)).toEqual(expected.paths)
      expect(await listNames(warm)).toEqual(expected.list)
      await warming
      expect(await searchNames(warm, 'ana silv')).toEqual(expected.ana)
      expect(await pathsTo(warm, cy)).toEqual(expected.paths)
    }
  })

  it('a write made while it warms is in the next search, list and path search', async () => {
    const { backend, ana, bo, cy } = await network()
    let warm = backend
    let before = 'Ana Silva'
    const rounds: [number, string][] = [
      [2, 'Harrow'],
      [6, 'Pemberton'],
      [12, 'Wexford'],
      [20, 'Castellan'],
    ]
    for (const [wait, word] of rounds) {
      warm = await reopenTempBackend(warm, SLOW)
      const warming = warm.warmUp()
      await turns(wait)
      // Ana is read in the first steps, Cy (the last one made) in the last.
      const name = `Anabel ${word}`
      await ok(warm, 'people.update', { id: ana, patch: { name } })
      await ok(warm, 'people.update', { id: cy, patch: { name: `Cy ${word}` } })
      const tie = await ok(warm, 'relationships.set', { a: bo, b: cy, strength: 5 })
      await warming
      expect(await searchNames(warm, word)).toEqual(expect.arrayContaining([name, `Cy ${word}`]))
      expect(await searchNames(warm, before)).not.toContain(before)
      expect(await listNames(warm)).toContain(name)
      expect(await listNames(warm)).not.toContain(before)
      expect((await pathsTo(warm, cy)).map((p) => p[1])).toEqual(expect.arrayContaining([name, 'Bo Lindqvist']))
      await ok(warm, 'relationships.delete', { id: tie.id })
      before = name
    }
  })

  it('a change another program commits while it warms is in the next search', async () => {
    const { backend, ana } = await network()
    const warm = await reopenTempBackend(backend, SLOW)
    const warming = warm.warmUp()
    await turns(8)
    editOutsideKith(warm, (db) => db.prepare('UPDATE person SET name = ? WHERE id = ?').run('Annika Outside', ana))
    await warming
    expect(await searchNames(warm, 'Annika Outside')).toEqual(['Annika Outside'])
    expect(await searchNames(warm, 'Ana Silva')).toEqual([])
  })

  it('closing while it warms ends it cleanly, and the file opens again as it was', async () => {
    const { backend, cy } = await network()
    const quist = await searchNames(backend, 'Quist')
    const warm = await reopenTempBackend(backend, SLOW)
    const warming = warm.warmUp()
    await turns(6)
    const again = await reopenTempBackend(warm, SLOW)
    await expect(warming).resolves.toBeUndefined()
    expect(await searchNames(again, 'Quist')).toEqual(quist)
    expect(await pathsTo(again, cy)).toEqual([['Jordan', 'Ana Silva', 'Cy Okafor']])
  })

  it('a restore while it warms warms the restored file', async () => {
    const { backend } = await network()
    const quist = await searchNames(backend, 'Quist')
    const warm = await reopenTempBackend(backend, SLOW)
    const copy = await ok(warm, 'backup.create', {})
    await ok(warm, 'people.create', { name: 'Added After Backup' })
    void warm.warmUp()
    await turns(4)
    await ok(warm, 'backup.restore', { id: copy.name })
    await warm.warmUp()
    expect(await searchNames(warm, 'Added After Backup')).toEqual([])
    expect(await searchNames(warm, 'Quist')).toEqual(quist)
  })
})
