import { describe, expect, it } from 'vitest'
import type { Args } from '../../../shared/contract'
import type { Backend } from '../backend'
import { seededRandom } from '../demo/random'
import { ok } from '../testing/call'
import { FacetCounts } from './facets'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-28T12:00:00Z')
const FIRST = ['Ana', 'Bo', 'Cy', 'Dee', 'Élodie', 'Finn', 'Gus', 'Hal', 'Ivy', 'Jo']
const LAST = ['Silva', 'Quist', 'Okafor', 'Ng', 'Østergaard', 'Park']
const COMPANIES = ['Stripe', 'Stripe, Inc.', 'Acme', null, null]
const TAGS = ['investor', 'Investor', 'INVESTOR', 'climate', 'design', 'Design']

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

describe('the people list and its filters kept in step with writes', () => {
  it('after every kind of write, show what a list and filters made afresh show, in the same order', async () => {
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
      () => ok(backend, 'people.update', { id: pick(ids), patch: { tags: random() < 0.3 ? [] : [pick(TAGS), pick(TAGS)] } }),
      () => ok(backend, 'relationships.set', { a: me, b: pick(ids), strength: 1 + Math.floor(random() * 5) }),
      () => ok(backend, 'interactions.log', { date: `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`, kind: 'call', people: [pick(ids)], note: '', withMe: true }),
      () => ok(backend, 'people.archive', { id: pick(ids) }),
      () => ok(backend, 'people.unarchive', { id: pick(ids) }),
      async () => {
        const id = (await ok(backend, 'people.create', { allowDuplicate: true, name: `${pick(FIRST)} ${pick(LAST)}`, company: pick(COMPANIES) ?? undefined })).id
        ids.push(id)
      },
    ]
    let written = 0
    for (let step = 0; step < 80; step++) {
      await lists(backend)
      await ok(backend, 'people.facets', {})
      if (await pick(writes)().then(() => true, () => false)) written++
      const kept = await lists(backend)
      const keptFacets = await ok(backend, 'people.facets', {})
      backend.directory().orderings.clear()
      expect(kept).toEqual(await lists(backend))
      expect(keptFacets).toEqual(new FacetCounts(backend.directory().entries.values()).facets())
    }
    // (archiving someone archived, say, is refused: most writes are not)
    expect(written).toBeGreaterThan(60)
  })

  it('spell each tag and company as the first person (by id) who has it, when that person respells it or leaves', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const make = async (name: string, tag: string, company: string): Promise<number> => (await ok(backend, 'people.create', { name, tags: [tag], company })).id
    const first = await make('Ana Silva', 'investor', 'Stripe')
    const second = await make('Bo Quist', 'Investor', 'STRIPE')
    await make('Cy Okafor', 'INVESTOR', 'stripe')
    const shown = async (): Promise<[string | undefined, string | undefined]> => {
      const facets = await ok(backend, 'people.facets', {})
      expect(facets).toEqual(new FacetCounts(backend.directory().entries.values()).facets())
      return [facets.tags[0]?.label, facets.companies[0]?.name]
    }
    expect(await shown()).toEqual(['investor', 'Stripe'])
    // The first person spells them another way: the filters follow.
    await ok(backend, 'people.update', { id: first, patch: { tags: ['INVESTOR'], company: 'stripe' } })
    expect(await shown()).toEqual(['INVESTOR', 'stripe'])
    // They leave the list: the next person's spelling.
    await ok(backend, 'people.archive', { id: first })
    expect(await shown()).toEqual(['Investor', 'STRIPE'])
    await ok(backend, 'people.update', { id: second, patch: { tags: [], company: null } })
    expect(await shown()).toEqual(['INVESTOR', 'stripe'])
    expect((await ok(backend, 'people.facets', {})).tags[0]?.count).toBe(1)
  })
})
