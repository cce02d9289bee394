import { describe, expect, it } from 'vitest'
import type { Args } from '../../../shared/contract'
import type { Backend } from '../backend'
import { seededRandom } from '../demo/random'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-28T12:00:00Z')
const FIRST = ['Ana', 'Bo', 'Cy', 'Dee', 'Élodie', 'Finn', 'Gus', 'Hal', 'Ivy', 'Jo']
const LAST = ['Silva', 'Quist', 'Okafor', 'Ng', 'Østergaard', 'Park']
const COMPANIES = ['Stripe', 'Stripe, Inc.', 'Acme', null, null]
const TAGS = ['investor', 'Investor', 'climate', 'design']

/** The lists the page asks for: each sort, both directions, a tag, a company (any spelling), the archived. */
const QUERIES: Partial<Args<'people.list'>>[] = [
  { sort: 'name' },
  { sort: 'name', descending: true },
  { sort: 'lastInteraction' },
  { sort: 'lastInteraction', descending: true },
  { sort: 'strength', descending: true },
  { sort: 'name', tag: 'investor' },
  { sort: 'strength', company: 'stripe inc' },
  { sort: 'name', archived: true },
]

async function lists(backend: Backend): Promise<unknown[]> {
  const out: unknown[] = []
  for (const q of QUERIES) out.push(await ok(backend, 'people.list', { limit: 500, ...q }))
  return out
}

describe('the people list kept in step with writes', () => {
  it('after every kind of write, shows what a list made afresh shows, in the same order', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const random = seededRandom(41)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
    const me = (await ok(backend, 'me.set', { name: 'Jordan Avery' })).id
    const ids: number[] = []
    for (let k = 0; k < 40; k++) {
      const company = pick(COMPANIES)
      ids.push((await ok(backend, 'people.create', { allowDuplicate: true, name: `${pick(FIRST)} ${pick(LAST)}`, ...(company === null ? {} : { company }), tags: random() < 0.4 ? [pick(TAGS)] : [] })).id)
    }
    const writes: (() => Promise<unknown>)[] = [
      () => ok(backend, 'people.update', { id: pick(ids), patch: { name: `${pick(FIRST)} ${pick(LAST)}` } }),
      () => ok(backend, 'people.update', { id: pick(ids), patch: { company: pick(COMPANIES) } }),
      () => ok(backend, 'people.update', { id: pick(ids), patch: { tags: random() < 0.5 ? [] : [pick(TAGS)] } }),
      () => ok(backend, 'relationships.set', { a: me, b: pick(ids), strength: 1 + Math.floor(random() * 5) }),
      () => ok(backend, 'interactions.log', { date: `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`, kind: 'call', people: [pick(ids)], note: '', withMe: true }),
      () => ok(backend, 'people.archive', { id: pick(ids) }),
      () => ok(backend, 'people.unarchive', { id: pick(ids) }),
      async () => {
        const id = (await ok(backend, 'people.create', { allowDuplicate: true, name: `${pick(FIRST)} ${pick(LAST)}`, company: pick(COMPANIES) ?? undefined })).id
        ids.push(id)
      },
    ]
    for (let step = 0; step < 60; step++) {
      await lists(backend)
      await pick(writes)().catch(() => undefined)
      const kept = await lists(backend)
      backend.directory().orderings.clear()
      expect(kept).toEqual(await lists(backend))
    }
  })
})
