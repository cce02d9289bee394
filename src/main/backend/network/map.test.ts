import { describe, expect, it } from 'vitest'
import type { NetworkMap } from '../../../shared/types'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'
import type { Backend } from '../backend'

/** Me; Grace (close, Harbor Capital, tagged investor) and Tom (Northwind) whom I know; Vera and Omar whom only they know; Ann archived. */
async function network(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
  const add = (name: string, extra: Record<string, unknown> = {}) => ok(backend, 'people.create', { name, ...extra })
  const grace = await add('Grace Ferreira', { company: 'Harbor Capital', tags: ['Investor'] })
  const vera = await add('Vera Walsh', { company: 'Harbor Capital, Inc.', tags: ['investor', 'climate'] })
  const tom = await add('Tom Berg', { company: 'Northwind' })
  const omar = await add('Omar Haddad')
  const ann = await add('Ann Archived', { company: 'Northwind' })
  await ok(backend, 'relationships.set', { a: me.id, b: grace.id, strength: 5 })
  await ok(backend, 'relationships.set', { a: me.id, b: tom.id, strength: 2 })
  await ok(backend, 'relationships.set', { a: grace.id, b: vera.id, strength: 4 })
  await ok(backend, 'relationships.set', { a: tom.id, b: omar.id, strength: 1 })
  await ok(backend, 'relationships.set', { a: tom.id, b: ann.id, strength: 3 })
  await ok(backend, 'people.archive', { id: ann.id })
  return { me, grace, vera, tom, omar, ann }
}

/** The map read back the way the page reads it: names, and ties as name pairs. */
function read(map: NetworkMap) {
  const name = (i: number | undefined): string => (i === undefined ? '?' : (map.names[i] ?? '?'))
  const ties: string[] = []
  for (let k = 0; k < map.edges.length; k += 3) ties.push(`${name(map.edges[k])}-${name(map.edges[k + 1])}:${map.edges[k + 2] ?? 0}`)
  const person = (who: string) => {
    const i = map.names.indexOf(who)
    return {
      organisation: map.organisations[map.organisation[i] ?? -1]?.name ?? null,
      tags: (map.personTags[i] ?? []).map((t) => map.tags[t]?.name),
      mine: map.mine[i],
    }
  }
  return { people: [...map.names].sort(), ties, person, me: name(map.me) }
}

describe('network.map', () => {
  it('shows everyone not archived, with their organisation, tags and my tie, and every tie between them, mine first', async () => {
    const backend = await openTempBackend()
    await network(backend)
    const map = read(await ok(backend, 'network.map', {}))
    expect(map.people).toEqual(['Grace Ferreira', 'Jordan Avery', 'Omar Haddad', 'Tom Berg', 'Vera Walsh'])
    expect(map.me).toBe('Jordan Avery')
    // Two spellings of one organisation are one colour on the map; tags in any case are one tag.
    expect(map.person('Vera Walsh')).toEqual({ organisation: 'Harbor Capital', tags: ['Investor', 'climate'], mine: 0 })
    expect(map.person('Grace Ferreira')).toEqual({ organisation: 'Harbor Capital', tags: ['Investor'], mine: 5 })
    expect(map.person('Omar Haddad')).toEqual({ organisation: null, tags: [], mine: 0 })
    expect(map.ties).toEqual(['Jordan Avery-Grace Ferreira:5', 'Jordan Avery-Tom Berg:2', 'Grace Ferreira-Vera Walsh:4', 'Tom Berg-Omar Haddad:1'])
    const whole = await ok(backend, 'network.map', {})
    expect(whole).toMatchObject({ peopleTotal: 5, edgesMatched: 4 })
    expect(whole.tags.map((t) => [t.name, t.people])).toEqual([
      ['Investor', 2],
      ['climate', 1],
    ])
  })

  it('filters by tag, organisation and strength on the way out, keeping me at the centre', async () => {
    const backend = await openTempBackend()
    await network(backend)
    const investors = read(await ok(backend, 'network.map', { tag: '  INVESTOR ' }))
    expect(investors.people).toEqual(['Grace Ferreira', 'Jordan Avery', 'Vera Walsh'])
    expect(investors.ties).toEqual(['Jordan Avery-Grace Ferreira:5', 'Grace Ferreira-Vera Walsh:4'])

    const whole = await ok(backend, 'network.map', {})
    const northwind = whole.organisations.find((o) => o.name === 'Northwind')
    if (northwind === undefined) throw new Error('Northwind is listed for the filter')
    const atNorthwind = read(await ok(backend, 'network.map', { organisationId: northwind.id }))
    expect(atNorthwind.people).toEqual(['Jordan Avery', 'Tom Berg'])
    // The filter still lists every organisation, not only the one shown.
    expect((await ok(backend, 'network.map', { organisationId: northwind.id })).organisations.map((o) => o.name).sort()).toEqual(['Harbor Capital', 'Northwind'])

    const strong = read(await ok(backend, 'network.map', { minStrength: 3 }))
    expect(strong.people).toEqual(['Grace Ferreira', 'Jordan Avery', 'Vera Walsh'])
    expect(strong.ties).toEqual(['Jordan Avery-Grace Ferreira:5', 'Grace Ferreira-Vera Walsh:4'])

    expect(read(await ok(backend, 'network.map', { tag: 'nobody has this' })).people).toEqual(['Jordan Avery'])
  })

  it('counts the choices of each filter under the other filter, so a choice offered never leaves nobody', async () => {
    const backend = await openTempBackend()
    await network(backend)
    const counts = (map: NetworkMap) => ({
      tags: map.tags.filter((t) => t.people > 0).map((t) => `${t.name} (${t.people})`),
      organisations: map.organisations.map((o) => `${o.name} (${o.people})`).sort(),
    })
    const whole = await ok(backend, 'network.map', {})
    expect(counts(whole)).toEqual({ tags: ['Investor (2)', 'climate (1)'], organisations: ['Harbor Capital (2)', 'Northwind (1)'] })
    const northwind = whole.organisations.find((o) => o.name === 'Northwind')
    if (northwind === undefined) throw new Error('Northwind is listed for the filter')
    // At Northwind nobody is tagged: no tag is offered with people, and every organisation is still listed.
    expect(counts(await ok(backend, 'network.map', { organisationId: northwind.id }))).toEqual({ tags: [], organisations: ['Harbor Capital (2)', 'Northwind (1)'] })
    // Tagged climate: one person at Harbor Capital, and Northwind, with nobody so tagged, drops out; the tags keep their counts.
    expect(counts(await ok(backend, 'network.map', { tag: 'climate' }))).toEqual({ tags: ['Investor (2)', 'climate (1)'], organisations: ['Harbor Capital (1)'] })
    // Both chosen and matching nobody: the chosen organisation stays listed, with nobody.
    expect(counts(await ok(backend, 'network.map', { tag: 'climate', organisationId: northwind.id })).organisations).toEqual(['Harbor Capital (1)', 'Northwind (0)'])
  })

  it('cuts a large network to its strongest ties, keeping all of mine, and says how many matched', async () => {
    const backend = await openTempBackend()
    await network(backend)
    const map = await ok(backend, 'network.map', { maxEdges: 1 })
    expect(read(map).ties).toEqual(['Jordan Avery-Grace Ferreira:5', 'Jordan Avery-Tom Berg:2'])
    expect(map.edgesMatched).toBe(4)
    const withOne = read(await ok(backend, 'network.map', { maxEdges: 3 }))
    expect(withOne.ties).toEqual(['Jordan Avery-Grace Ferreira:5', 'Jordan Avery-Tom Berg:2', 'Grace Ferreira-Vera Walsh:4'])
  })

  it('keeps a large network to the people closest to me and then the best connected, and says how many matched', async () => {
    const backend = await openTempBackend()
    await network(backend)
    // Room for three: me and the two people I know, closest first; only the ties between them.
    const three = await ok(backend, 'network.map', { maxPeople: 3 })
    expect(read(three).people).toEqual(['Grace Ferreira', 'Jordan Avery', 'Tom Berg'])
    expect(read(three).ties).toEqual(['Jordan Avery-Grace Ferreira:5', 'Jordan Avery-Tom Berg:2'])
    expect(three).toMatchObject({ peopleTotal: 5, peopleMatched: 5, edgesMatched: 2 })
    // Room for one more: Vera (a strong tie to Grace) before Omar (a weak one to Tom).
    expect(read(await ok(backend, 'network.map', { maxPeople: 4 })).people).toEqual(['Grace Ferreira', 'Jordan Avery', 'Tom Berg', 'Vera Walsh'])
    // The closest I know come before the others I know: with room for two, Grace.
    expect(read(await ok(backend, 'network.map', { maxPeople: 2 })).people).toEqual(['Grace Ferreira', 'Jordan Avery'])
    // Filters choose first, the cap after: investors are Grace and Vera; with room for two, Grace stays.
    const investors = await ok(backend, 'network.map', { tag: 'investor', maxPeople: 2 })
    expect(read(investors).people).toEqual(['Grace Ferreira', 'Jordan Avery'])
    expect(investors.peopleMatched).toBe(3)
    // Room for everyone: nothing is cut.
    expect(await ok(backend, 'network.map', {})).toMatchObject({ peopleMatched: 5, edgesMatched: 4 })
    expect((await fails(backend, 'network.map', { maxPeople: 0 })).code).toBe('bad_request')
  })

  it('refuses an organisation that does not exist and arguments out of range, in plain words', async () => {
    const backend = await openTempBackend()
    await network(backend)
    const missing = await fails(backend, 'network.map', { organisationId: 9999 })
    expect(missing.code).toBe('not_found')
    expect(missing.message).toContain('No organisation with id 9999')
    expect((await fails(backend, 'network.map', { minStrength: 6 })).code).toBe('bad_request')
    expect((await fails(backend, 'network.map', { colour: 'red' })).code).toBe('bad_request')
  })

  it('is an empty map, not an error, before anyone is added', async () => {
    const backend = await openTempBackend()
    expect(await ok(backend, 'network.map', {})).toMatchObject({ ids: [], edges: [], me: -1, peopleTotal: 0 })
  })
})
