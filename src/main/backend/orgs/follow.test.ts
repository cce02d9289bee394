import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORING } from '../../../shared/scoring'
import type { Backend } from '../backend'
import { PathGraph } from '../paths/graph'
import { ok } from '../testing/call'
import { graphSnapshot } from '../testing/graph-snapshot'
import { openTempBackend } from '../testing/temp'

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
})
