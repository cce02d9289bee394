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
  const ana = (await ok(backend, 'people.create', { name: 'Ana Silva', company: 'Acme', tags: ['investor', 'climate'], emails: ['ana@acme.example'] })).id
  const bo = (await ok(backend, 'people.create', { name: 'Bo Lindqvist', aliases: ['Bosse'], tags: ['design'] })).id
  for (const name of ['Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kai', 'Lu']) await ok(backend, 'people.create', { name: `${name} Quist` })
  const cy = (await ok(backend, 'people.create', { name: 'Cy Okafor', emails: ['cy@example.org', 'okafor@example.net'] })).id
  await ok(backend, 'relationships.set', { a: me, b: ana, strength: 4 })
  await ok(backend, 'relationships.set', { a: me, b: bo, strength: 3 })
  await ok(backend, 'relationships.set', { a: ana, b: cy, strength: 4 })
  await ok(backend, 'interactions.log', { date: '2026-11-02', kind: 'call', people: [bo], note: '', withMe: true })
  const lu = (await ok(backend, 'search', { query: 'Lu Quist' }))[0]?.id ?? 0
  await ok(backend, 'people.archive', { id: lu })
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

/** Everyone as the list shows them: tags, archived or not, my last interaction and my strength with them. */
async function listRows(backend: Backend): Promise<unknown[]> {
  const active = await ok(backend, 'people.list', { sort: 'name', limit: 50 })
  const archived = await ok(backend, 'people.list', { sort: 'name', limit: 50, archived: true })
  return [...active.people, ...archived.people]
}

describe('warming the caches after opening', () => {
  it('answers a search, a path search and the list the same whenever they arrive during the warm-up', async () => {
    const { backend, cy } = await network()
    const cold = await reopenTempBackend(backend, SLOW)
    const expected = {
      quist: await searchNames(cold, 'Quist'),
      ana: await searchNames(cold, 'ana@acme'),
      bosse: await searchNames(cold, 'Bosse'),
      paths: await pathsTo(cold, cy),
      list: await listRows(cold),
    }
    expect(expected.quist).toEqual(expect.arrayContaining(['Dee Quist', 'Kai Quist']))
    expect(expected.quist).not.toContain('Lu Quist')
    expect(expected.paths).toEqual([['Jordan', 'Ana Silva', 'Cy Okafor']])
    expect(expected.ana).toEqual(['Ana Silva'])
    expect(expected.bosse).toEqual(['Bo Lindqvist'])
    expect(expected.list).toContainEqual(expect.objectContaining({ name: 'Bo Lindqvist', lastInteractionOn: '2026-11-02', myStrength: 3, tags: ['design'] }))
    expect(expected.list).toContainEqual(expect.objectContaining({ name: 'Lu Quist', archived: true }))

    let warm = cold
    // From a call before the first step to calls after the last: every moment of the warm-up.
    for (let wait = 0; wait <= 40; wait += 4) {
      warm = await reopenTempBackend(warm, SLOW)
      const warming = warm.warmUp()
      await turns(wait)
      expect(await searchNames(warm, 'Quist')).toEqual(expected.quist)
      expect(await pathsTo(warm, cy)).toEqual(expected.paths)
      expect(await listRows(warm)).toEqual(expected.list)
      await warming
      expect(await searchNames(warm, 'ana@acme')).toEqual(expected.ana)
      expect(await searchNames(warm, 'Bosse')).toEqual(expected.bosse)
      expect(await listRows(warm)).toEqual(expected.list)
      expect(await pathsTo(warm, cy)).toEqual(expected.paths)
    }
  })

  it('lets the event loop turn between its steps, so a call waits only for the step under way', async () => {
    const { backend } = await network()
    const warm = await reopenTempBackend(backend, SLOW)
    let turned = 0
    let warmed = false
    const warming = warm.warmUp().then(() => {
      warmed = true
    })
    while (!warmed) {
      await turns(1)
      turned++
    }
    await warming
    // Fourteen people a step for the directory, then for the search index, then the graph a part at a
    // time (people, organisations, jobs, relationships, adjacency): the loop turned between every two.
    expect(turned).toBeGreaterThanOrEqual(14 + 14 + 5)
  })

  it('a write made while it warms is in the next search, list and path search', async () => {
    const { backend, ana, bo, cy } = await network()
    let warm = backend
    let before = 'Ana Silva'
    // From the directory's first steps to the path graph's last ones (the whole warm-up is about 37 turns here).
    const rounds: [number, string][] = [
      [2, 'Harrow'],
      [6, 'Pemberton'],
      [12, 'Wexford'],
      [20, 'Castellan'],
      [26, 'Draycott'],
      [30, 'Ellery'],
      [32, 'Fenwick'],
      [34, 'Galloway'],
      [36, 'Hollis'],
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
