import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { startThread } from '../../host/threads'
import type { Backend } from '../backend'
import { ok } from '../testing/call'
import { editOutsideKith, openTempBackend, reopenTempBackend } from '../testing/temp'
import { ANSWERED, RelationshipPrefetch, RUNNING, type RelationshipReaderOptions } from './prefetch'
import { readRelationshipColumns, type RelationshipColumns } from './relationship-columns'

const NOW = new Date('2026-11-22T12:00:00Z')

async function network(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan' })
  const add = (name: string, company: string) => ok(backend, 'people.create', { name, company })
  const ana = await add('Ana', 'Acme')
  const ben = await add('Ben', 'Beta')
  const cy = await add('Cy', 'Gamma')
  const know = (a: number, b: number, strength: number) => ok(backend, 'relationships.set', { a, b, strength })
  await know(me.id, ana.id, 4)
  await know(me.id, ben.id, 2)
  await know(ana.id, cy.id, 5)
  await know(ben.id, cy.id, 3)
  return { me, ana, ben, cy }
}

/** The real reader, from sources (which take a while to load), for a network of any size, counting its starts. */
function realReader(): RelationshipReaderOptions & { starts: () => number } {
  let starts = 0
  const source = path.join(import.meta.dirname, 'relationship-reader.ts')
  return {
    start: (data, transferList) => {
      starts++
      return startThread('relationship-reader', source, { workerData: data, transferList })
    },
    minRelationships: 0,
    startWaitMs: SOURCES_START_WAIT_MS,
    starts: () => starts,
  }
}

/** How long a test waits for a reader loaded from sources to start: loading them through tsx is slow beside other tests. */
const SOURCES_START_WAIT_MS = 60_000

/**
 * A stand-in reader: answers no relationships at all (so a graph built from
 * its answer finds no path, where the file has several), or fails, or never
 * runs (as a thread whose code cannot load).
 */
function fakeReader(behaviour: 'no relationships' | 'fails' | 'never runs'): RelationshipReaderOptions & { exited: Promise<void> } {
  let exited: () => void = () => undefined
  const done = new Promise<void>((resolve) => {
    exited = resolve
  })
  const code = `
    const { workerData } = require('node:worker_threads')
    const { port, flags, behaviour } = workerData
    if (behaviour === 'never runs') throw new Error('Cannot find module relationship-reader.js')
    const raise = (flag) => { Atomics.store(new Int32Array(flags), flag, 1); Atomics.notify(new Int32Array(flags), flag) }
    raise(${RUNNING})
    if (behaviour === 'fails') port.postMessage({ failed: 'database is locked' })
    else port.postMessage({ lefts: new Float64Array(0), rights: new Float64Array(0) })
    raise(${ANSWERED})
  `
  return {
    start: (data, transferList) => {
      const worker = new Worker(code, { eval: true, workerData: { ...data, behaviour }, transferList })
      worker.on('exit', () => exited())
      worker.on('error', () => undefined)
      return worker
    },
    minRelationships: 0,
    // A thread that never runs is given up on sooner than in the app, to keep the test short.
    startWaitMs: behaviour === 'never runs' ? 300 : SOURCES_START_WAIT_MS,
    exited: done,
  }
}

const routes = (result: { paths: { people: { name: string }[] }[] }) => result.paths.map((p) => p.people.map((x) => x.name).join(' > '))

/** A stand-in reader that answers these columns after `delayMs`, and says when it did (`answeredAt`, 0 until then). */
function lateReader(columns: RelationshipColumns, delayMs: number): RelationshipReaderOptions & { answeredAt: () => number } {
  const answered = new Float64Array(new SharedArrayBuffer(8))
  const code = `
    const { workerData } = require('node:worker_threads')
    const { port, flags, columns, delayMs, answered } = workerData
    const raise = (flag) => { Atomics.store(new Int32Array(flags), flag, 1); Atomics.notify(new Int32Array(flags), flag) }
    raise(${RUNNING})
    setTimeout(() => {
      new Float64Array(answered)[0] = Date.now()
      port.postMessage(columns)
      raise(${ANSWERED})
    }, delayMs)
  `
  return {
    start: (data, transferList) => {
      const worker = new Worker(code, { eval: true, workerData: { ...data, columns, delayMs, answered: answered.buffer }, transferList })
      worker.on('error', () => undefined)
      return worker
    },
    minRelationships: 0,
    startWaitMs: SOURCES_START_WAIT_MS,
    answeredAt: () => answered[0] ?? 0,
  }
}

describe('the relationships read on a thread of their own while the path graph is built', () => {
  it('are, from the reader, the very columns the graph would read itself', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await network(backend)
    const prefetch = new RelationshipPrefetch(realReader().start, backend.dbPath, undefined, SOURCES_START_WAIT_MS)
    const taken = prefetch.take()
    const own = readRelationshipColumns(backend.sqlite)
    expect(own?.lefts.length).toBe(4)
    expect(taken).toEqual(own)
  })

  it('give the first path search the same answer as reading them in place, and are read again after another program commits', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { cy, ben } = await network(backend)
    const expected = await ok(backend, 'paths.find', { to: cy.id })
    expect(routes(expected)).toEqual(['Jordan > Ana > Cy', 'Jordan > Ben > Cy'])

    const reader = realReader()
    const reopened = await reopenTempBackend(backend, { now: () => NOW, relationshipReader: reader, checkDamageLater: true })
    expect(await ok(reopened, 'paths.find', { to: cy.id })).toEqual(expected)
    expect(reader.starts()).toBe(1)
    // Ben and Cy fell out, as another program recorded it: the graph is built again, from a new read.
    editOutsideKith(reopened, (db) => db.prepare('DELETE FROM relationship WHERE person_a = ? AND person_b = ?').run(Math.min(ben.id, cy.id), Math.max(ben.id, cy.id)))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(routes(await ok(reopened, 'paths.find', { to: cy.id }))).toEqual(['Jordan > Ana > Cy'])
    expect(reader.starts()).toBe(2)
  })

  it('are waited for by the warm-up without holding the thread: a call is answered while they are read, and a write meanwhile is in the graph', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { ben, cy } = await network(backend)
    // What the reader answers: the relationships as they are before the write below.
    const columns = readRelationshipColumns(backend.sqlite)
    if (columns === null) throw new Error('no columns')
    const reader = lateReader(columns, 1_500)
    const warm = await reopenTempBackend(backend, { now: () => NOW, relationshipReader: reader, quickCheckBudgetMs: 0 })
    const warming = warm.warmUp()
    // The small network's directory and index are built at once; then the graph waits for its relationships.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await ok(warm, 'me.get', {}))?.name).toBe('Jordan')
    expect(reader.answeredAt()).toBe(0)
    // Ben and Cy fall out while the graph waits for relationships read before that.
    const tie = warm.sqlite.prepare<[number, number], number>('SELECT id FROM relationship WHERE person_a = ? AND person_b = ?').pluck().get(Math.min(ben.id, cy.id), Math.max(ben.id, cy.id))
    await ok(warm, 'relationships.delete', { id: tie ?? -1 })
    expect(reader.answeredAt()).toBe(0)
    await warming
    expect(reader.answeredAt()).toBeGreaterThan(0)
    expect(routes(await ok(warm, 'paths.find', { to: cy.id }))).toEqual(['Jordan > Ana > Cy'])
  })

  it('are let go when Kith closes while the warm-up waits for them', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { cy } = await network(backend)
    const columns = readRelationshipColumns(backend.sqlite)
    if (columns === null) throw new Error('no columns')
    const reader = lateReader(columns, 1_000)
    const warm = await reopenTempBackend(backend, { now: () => NOW, relationshipReader: reader, quickCheckBudgetMs: 0 })
    void warm.warmUp()
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Closing ends the reader's thread before it answers, and the file opens again as it was.
    const again = await reopenTempBackend(warm, { now: () => NOW })
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    expect(reader.answeredAt()).toBe(0)
    expect(routes(await ok(again, 'paths.find', { to: cy.id }))).toEqual(['Jordan > Ana > Cy', 'Jordan > Ben > Cy'])
  })

  it('are read in place, with no thread started, when there are few', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { cy } = await network(backend)
    const reader = realReader()
    const reopened = await reopenTempBackend(backend, { now: () => NOW, relationshipReader: { ...reader, minRelationships: 5 } })
    expect(routes(await ok(reopened, 'paths.find', { to: cy.id }))).toEqual(['Jordan > Ana > Cy', 'Jordan > Ben > Cy'])
    expect(reader.starts()).toBe(0)
  })

  it('are what the graph is built from', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { cy } = await network(backend)
    const reopened = await reopenTempBackend(backend, { now: () => NOW, relationshipReader: fakeReader('no relationships') })
    // The stand-in said there are none: the graph took its word rather than reading the file again.
    expect(routes(await ok(reopened, 'paths.find', { to: cy.id }))).toEqual([])
  })

  it('leave the graph to read the file when the reader fails or never runs', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { cy } = await network(backend)
    for (const behaviour of ['fails', 'never runs'] as const) {
      const reader = fakeReader(behaviour)
      const reopened = await reopenTempBackend(backend, { now: () => NOW, relationshipReader: reader })
      expect(routes(await ok(reopened, 'paths.find', { to: cy.id }))).toEqual(['Jordan > Ana > Cy', 'Jordan > Ben > Cy'])
      await reader.exited
    }
    const throwing = await reopenTempBackend(backend, {
      now: () => NOW,
      relationshipReader: {
        start: () => {
          throw new Error('no threads left')
        },
        minRelationships: 0,
      },
    })
    expect(routes(await ok(throwing, 'paths.find', { to: cy.id }))).toEqual(['Jordan > Ana > Cy', 'Jordan > Ben > Cy'])
  })

  it('are read in place at once when the reader is missing from the installation, not after waiting for it', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { cy } = await network(backend)
    const missing = path.join(import.meta.dirname, 'no-such-reader.ts')
    expect(() => startThread('no-such-reader', missing, { workerData: null, failFast: true })).toThrow("Kith's no-such-reader thread is missing from this installation.")
    const reopened = await reopenTempBackend(backend, {
      now: () => NOW,
      relationshipReader: {
        start: (data, transferList) => startThread('no-such-reader', missing, { workerData: data, transferList, failFast: true }),
        minRelationships: 0,
        // Were a thread started, the search would wait this long for it.
        startWaitMs: 60_000,
      },
    })
    const asked = performance.now()
    expect(routes(await ok(reopened, 'paths.find', { to: cy.id }))).toEqual(['Jordan > Ana > Cy', 'Jordan > Ben > Cy'])
    expect(performance.now() - asked).toBeLessThan(30_000)
  })
})
