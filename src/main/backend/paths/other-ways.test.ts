/**
 * A request that ends without an introduction (the connector said no, or the
 * user gave it up): the request names the other ways to whom it was for.
 */
import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-28T12:00:00Z')

async function network() {
  const backend = await openTempBackend({ now: () => NOW })
  const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
  const add = (name: string) => ok(backend, 'people.create', { name })
  const [priya, marcus, lena, tomas, elena] = [await add('Priya Rao'), await add('Marcus Moreau'), await add('Lena Fischer'), await add('Tomas Berg'), await add('Elena Ruiz')]
  for (const [a, b, strength] of [
    [me, priya, 4],
    [priya, elena, 5],
    [me, marcus, 3],
    [marcus, elena, 4],
    [me, lena, 3],
    [lena, elena, 3],
    [me, tomas, 2],
    [tomas, lena, 4],
  ] as const) {
    await ok(backend, 'relationships.set', { a: a.id, b: b.id, strength })
  }
  return { backend, me, priya, marcus, lena, tomas, elena }
}

const chains = (ways: { people: { name: string }[] }[]): string[] => ways.map((w) => w.people.map((p) => p.name).join(' > '))

describe('other ways after a request ends', () => {
  it('are offered once the connector says no: best first, never through them, nor through anyone who said no about the person asked for', async () => {
    const { backend, me, priya, marcus, lena, elena } = await network()
    const request = await ok(backend, 'introductions.request', { path: [me.id, priya.id, elena.id] })
    expect((await ok(backend, 'introductions.get', { id: request.id })).otherWays).toBeNull()
    await ok(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-20' })
    expect((await ok(backend, 'introductions.get', { id: request.id })).otherWays).toBeNull()

    const declined = await ok(backend, 'introductions.move', { id: request.id, to: 'declined', date: '2026-11-27' })
    expect(declined.otherWays).toMatchObject({ to: { id: elena.id, name: 'Elena Ruiz' }, known: false })
    // (Tomas leads to Elena only through Lena, whom I can ask myself: not a way of its own.)
    expect(chains(declined.otherWays?.ways ?? [])).toEqual(['Jordan Avery > Marcus Moreau > Elena Ruiz', 'Jordan Avery > Lena Fischer > Elena Ruiz'])

    // Marcus said no about Elena too, on an earlier request: he is no way to her.
    const earlier = await ok(backend, 'introductions.request', { path: [me.id, marcus.id, elena.id] })
    await ok(backend, 'introductions.move', { id: earlier.id, to: 'asked', date: '2026-11-01', confirmed: true })
    await ok(backend, 'introductions.move', { id: earlier.id, to: 'declined', date: '2026-11-05' })
    const again = await ok(backend, 'introductions.get', { id: request.id })
    expect(chains(again.otherWays?.ways ?? [])).toEqual(['Jordan Avery > Lena Fischer > Elena Ruiz'])

    // A way already under way is shown as such, to open rather than ask twice.
    const viaLena = await ok(backend, 'introductions.request', { path: [me.id, lena.id, elena.id] })
    const withAsk = await ok(backend, 'introductions.get', { id: request.id })
    expect(withAsk.otherWays?.ways[0]?.underWay).toEqual({ id: viaLena.id, state: 'draft' })
  })

  it('lead to the last person of a longer path, and say when I know them myself', async () => {
    const { backend, me, tomas, lena, elena } = await network()
    const hop = await ok(backend, 'introductions.request', { path: [me.id, tomas.id, lena.id, elena.id] })
    await ok(backend, 'introductions.move', { id: hop.id, to: 'abandoned', date: '2026-11-27' })
    const given = await ok(backend, 'introductions.get', { id: hop.id })
    expect(given.otherWays?.to).toEqual({ id: elena.id, name: 'Elena Ruiz' })
    // Tomas is left out (this request's connector); Lena is asked directly now.
    expect(chains(given.otherWays?.ways ?? [])).toEqual(['Jordan Avery > Priya Rao > Elena Ruiz', 'Jordan Avery > Marcus Moreau > Elena Ruiz', 'Jordan Avery > Lena Fischer > Elena Ruiz'])

    await ok(backend, 'relationships.set', { a: me.id, b: elena.id, strength: 3 })
    expect((await ok(backend, 'introductions.get', { id: hop.id })).otherWays).toEqual({ to: { id: elena.id, name: 'Elena Ruiz' }, known: true, ways: [] })

    // Elena archived: nowhere to turn, and nothing offered.
    await ok(backend, 'people.archive', { id: elena.id })
    expect((await ok(backend, 'introductions.get', { id: hop.id })).otherWays).toBeNull()
  })
})
