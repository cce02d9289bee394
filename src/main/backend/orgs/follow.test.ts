import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORING } from '../../../shared/scoring'
import type { Backend } from '../backend'
import { PathGraph } from '../paths/graph'
import { ok } from '../testing/call'
import { graphSnapshot } from '../testing/graph-snapshot'
import { openTempBackend } from '../testing/temp'

/** The organisations a person is at in a graph, by name. */
const orgsOf = (g: PathGraph, id: number): string[] => (g.memOrg[g.indexOf.get(id) ?? -1] ?? []).map((o) => g.orgNames[o] ?? '?')
const fresh = (backend: Backend): PathGraph => new PathGraph(backend.sqlite, DEFAULT_SCORING, backend.today())

const NOW = new Date('2026-11-28T12:00:00Z')

/** Names and domains a search for "anyone at" may give. */
const ASKED = ['Brand New Co', 'Brand New Co, Inc.', 'brand new co inc', 'Harbor Capital', 'brandnew.io', 'harborcap.vc', 'Another Firm']

/** The graph Kith keeps current, against one built afresh from the file: the same people, jobs and organisations, each name meaning the same one. */
function expectGraphAsBuilt(backend: Backend): void {
  const live = backend.paths()
  const fresh = new PathGraph(backend.sqlite, DEFAULT_SCORING, backend.today())
  expect(graphSnapshot(live)).toEqual(graphSnapshot(fresh))
  const meant = (g: PathGraph): (number | undefined)[] => ASKED.map((name) => g.orgIds[g.orgByName(name)])
  expect(meant(live)).toEqual(meant(fresh))
}

describe('the path graph after a write gives someone a new organisation', () => {
  it('follows new organisations, learned domains and renames as a graph built afresh has them, without being built again', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = (await ok(backend, 'me.set', { name: 'Jordan Avery' })).id
    const ana = (await ok(backend, 'people.create', { name: 'Ana Silva', company: 'Harbor Capital', emails: ['ana@harborcap.vc'] })).id
    await ok(backend, 'relationships.set', { a: me, b: ana, strength: 4 })
    await ok(backend, 'paths.find', { to: ana })
    const built = backend.paths()
    const steps: [string, Record<string, unknown>][] = [
      // A company nobody had: a new organisation.
      ['Bo', { company: 'Brand New Co' }],
      // Someone with no company, on brandnew.io: nobody's domain yet.
      ['Ed', { emails: ['ed@brandnew.io'] }],
      // Someone at the company on it: the domain fits the name and is learned, and places Ed there.
      ['Cy', { company: 'Brand New Co', emails: ['cy@brandnew.io'] }],
      ['Di', { company: 'Brand New Co, Inc.', emails: ['di@brandnew.io'] }],
      ['Fay', { company: 'Brand New Co, Inc.' }],
      ['Hal', { company: 'Brand New Co, Inc.' }],
      // A new spelling: now most people spell it "Brand New Co, Inc.", and the organisation follows.
      ['Gus', { company: 'BRAND NEW CO INC' }],
      // A second person at Harbor Capital by address: its domain is learned, Ana's colleague.
      ['Ivy', { company: 'Harbor Capital', emails: ['ivy@harborcap.vc'] }],
    ]
    const ids = new Map<string, number>()
    for (const [name, extra] of steps) {
      const person = await ok(backend, 'people.create', { name: `${name} Quist`, ...extra })
      ids.set(name, person.id)
      await ok(backend, 'relationships.set', { a: me, b: person.id, strength: 3 })
      expectGraphAsBuilt(backend)
    }
    // The graph was kept current, not built again.
    expect(backend.paths()).toBe(built)
    const orgs = await ok(backend, 'orgs.list', {})
    const brandNew = orgs.find((o) => o.name === 'Brand New Co, Inc.')
    expect(brandNew).toMatchObject({ domains: ['brandnew.io'], people: 7 })
    expect(orgs.find((o) => o.name === 'Harbor Capital')?.domains).toEqual(['harborcap.vc'])
    // Ed, placed by his address, is Cy's colleague on a path.
    const g = backend.paths()
    const ed = g.indexOf.get(ids.get('Ed') ?? -1) ?? -1
    expect((g.memOrg[ed] ?? []).map((o) => g.orgNames[o])).toEqual(['Brand New Co, Inc.'])

    // Moving someone to another new company, and archiving someone, keep it so.
    await ok(backend, 'people.update', { id: ids.get('Bo') ?? -1, patch: { company: 'Another Firm' } })
    expectGraphAsBuilt(backend)
    await ok(backend, 'people.archive', { id: ids.get('Cy') ?? -1 })
    expectGraphAsBuilt(backend)
    expect(backend.paths()).toBe(built)
  })

  it('renames an organisation in the graph when the only person written is archived', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = (await ok(backend, 'me.set', { name: 'Jordan Avery' })).id
    const p1 = (await ok(backend, 'people.create', { name: 'P One', company: 'ACME' })).id
    await ok(backend, 'relationships.set', { a: me, b: p1, strength: 4 })
    const p2 = (await ok(backend, 'people.create', { name: 'P Two' })).id
    await ok(backend, 'people.archive', { id: p2 })
    backend.paths()
    // One use each: mixed case names it.
    await ok(backend, 'people.update', { id: p2, patch: { company: 'Acme' } })
    expect((await ok(backend, 'orgs.list', {})).map((o) => o.name)).toEqual(['Acme'])
    expect(orgsOf(backend.paths(), p1)).toEqual(['Acme'])
    expectGraphAsBuilt(backend)
  })

  it('places everyone who already spelt a name when it becomes an organisation again', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = (await ok(backend, 'me.set', { name: 'Jordan Avery' })).id
    const p1 = (await ok(backend, 'people.create', { name: 'P One', company: 'Acme' })).id
    const acme = (await ok(backend, 'orgs.list', {})).find((o) => o.name === 'Acme')?.id ?? -1
    await ok(backend, 'orgs.update', { id: acme, patch: { aliases: ['Acme Holdings'] } })
    const p2 = (await ok(backend, 'people.create', { name: 'P Two', company: 'Acme Holdings' })).id
    // The name is taken away: its spelling stays, and P Two is nowhere.
    await ok(backend, 'orgs.update', { id: acme, patch: { aliases: [] } })
    for (const p of [p1, p2]) await ok(backend, 'relationships.set', { a: me, b: p, strength: 4 })
    backend.paths()
    await ok(backend, 'people.create', { name: 'P Three', company: 'ACME HOLDINGS' })
    expect(orgsOf(fresh(backend), p2)).toEqual(['ACME HOLDINGS'])
    expect(orgsOf(backend.paths(), p2)).toEqual(['ACME HOLDINGS'])
    expectGraphAsBuilt(backend)
  })

  it('learns a domain a write leaves to one organisation, and places its people', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = (await ok(backend, 'me.set', { name: 'Jordan Avery' })).id
    const a = (await ok(backend, 'people.create', { name: 'A', company: 'Xco', emails: ['a@shared.io'] })).id
    await ok(backend, 'people.create', { name: 'B', company: 'Yco', emails: ['b@shared.io'] })
    await ok(backend, 'people.create', { name: 'C', company: 'Yco', emails: ['c@shared.io'] })
    const d = (await ok(backend, 'people.create', { name: 'D', emails: ['d@shared.io'] })).id
    await ok(backend, 'relationships.set', { a: me, b: d, strength: 4 })
    backend.paths()
    // Shared by Xco and Yco, fitting neither: nobody's. A leaves Xco: now only Yco's people use it.
    expect(backend.sqlite.prepare('SELECT domain FROM organisation_domain').pluck().all()).toEqual([])
    await ok(backend, 'people.update', { id: a, patch: { company: null } })
    expect(backend.sqlite.prepare('SELECT domain FROM organisation_domain').pluck().all()).toEqual(['shared.io'])
    expect(orgsOf(backend.paths(), d)).toEqual(['Yco'])
    expectGraphAsBuilt(backend)
  })
})
