/**
 * A request that ends without an introduction (the connector said no, or the
 * user gave it up): the request names the other ways to whom it was for.
 */
import { describe, expect, it } from 'vitest'
import { otherWaysWords } from '../../../shared/other-ways-words'
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
    expect((await ok(backend, 'introductions.get', { id: hop.id })).otherWays).toEqual({ to: { id: elena.id, name: 'Elena Ruiz' }, connector: 'Tomas Berg', known: true, archived: false, ways: [], more: false })

    // Elena archived: nowhere to turn, and no way offered; the request still says why, and what is owed Tomas.
    await ok(backend, 'people.archive', { id: elena.id })
    const archived = await ok(backend, 'introductions.get', { id: hop.id })
    expect(archived.otherWays).toEqual({ to: { id: elena.id, name: 'Elena Ruiz' }, connector: 'Tomas Berg', known: false, archived: true, ways: [], more: false })
    expect(otherWaysWords(archived, archived.otherWays ?? { to: elena, connector: null, known: false, archived: false, ways: [], more: false })).toEqual({
      ended: 'You gave this request up.',
      courtesy: '',
      left: 'You archived Elena Ruiz since, so Kith looks for no other way to them.',
    })
  })

  it('never go through someone who said no about the person the request was for, even as the first of two steps', async () => {
    const { backend, me, priya, marcus, elena } = await network()
    const xu = await ok(backend, 'people.create', { name: 'Xu Ming' })
    await ok(backend, 'relationships.set', { a: marcus.id, b: xu.id, strength: 5 })
    await ok(backend, 'relationships.set', { a: xu.id, b: elena.id, strength: 5 })
    // Marcus said no about Elena herself: asking him for Xu, to reach her, asks him again in other words.
    const earlier = await ok(backend, 'introductions.request', { path: [me.id, marcus.id, elena.id] })
    await ok(backend, 'introductions.move', { id: earlier.id, to: 'asked', date: '2026-11-01', confirmed: true })
    await ok(backend, 'introductions.move', { id: earlier.id, to: 'declined', date: '2026-11-05' })
    const request = await ok(backend, 'introductions.request', { path: [me.id, priya.id, elena.id] })
    await ok(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-20' })
    const declined = await ok(backend, 'introductions.move', { id: request.id, to: 'declined', date: '2026-11-27' })
    expect(chains(declined.otherWays?.ways ?? [])).toEqual(['Jordan Avery > Lena Fischer > Elena Ruiz'])
    expect(declined.otherWays?.more).toBe(false)
  })

  it('are found past many better-scored connectors who said no, and say when more are left than are listed', async () => {
    const { backend, me, priya, elena } = await network()
    // Twelve close friends of mine who each know Elena well, and each said no about her.
    for (let k = 0; k < 12; k++) {
      const friend = await ok(backend, 'people.create', { name: `Friend ${String.fromCharCode(65 + k)}` })
      await ok(backend, 'relationships.set', { a: me.id, b: friend.id, strength: 5 })
      await ok(backend, 'relationships.set', { a: friend.id, b: elena.id, strength: 5 })
      const asked = await ok(backend, 'introductions.request', { path: [me.id, friend.id, elena.id] })
      await ok(backend, 'introductions.move', { id: asked.id, to: 'asked', date: '2026-11-01', confirmed: true })
      await ok(backend, 'introductions.move', { id: asked.id, to: 'declined', date: '2026-11-02' })
    }
    const request = await ok(backend, 'introductions.request', { path: [me.id, priya.id, elena.id] })
    const given = await ok(backend, 'introductions.move', { id: request.id, to: 'abandoned', date: '2026-11-27' })
    expect(chains(given.otherWays?.ways ?? [])).toEqual(['Jordan Avery > Marcus Moreau > Elena Ruiz', 'Jordan Avery > Lena Fischer > Elena Ruiz'])

    // Two more ways of my own: four in all, three listed, and the request says there are more.
    for (const name of ['Ana Costa', 'Ben Okafor']) {
      const friend = await ok(backend, 'people.create', { name })
      await ok(backend, 'relationships.set', { a: me.id, b: friend.id, strength: 2 })
      await ok(backend, 'relationships.set', { a: friend.id, b: elena.id, strength: 2 })
    }
    const more = await ok(backend, 'introductions.get', { id: request.id })
    expect(more.otherWays?.ways).toHaveLength(3)
    expect(more.otherWays?.more).toBe(true)
  })

  it('find a clean way through a connector whose better ways all ran into a no', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const add = (name: string) => ok(backend, 'people.create', { name })
    const [ann, xavier, dee1, dee2, dee3, tina] = [await add('Ann Shore'), await add('Xavier Hale'), await add('Dee One'), await add('Dee Two'), await add('Dee Three'), await add('Tina Park')]
    for (const [a, b, strength] of [
      [me, ann, 5],
      [me, xavier, 4],
      [ann, dee1, 5],
      [ann, dee2, 5],
      [ann, dee3, 1],
      [dee1, tina, 5],
      [dee2, tina, 5],
      [dee3, tina, 5],
      [xavier, tina, 5],
    ] as const) {
      await ok(backend, 'relationships.set', { a: a.id, b: b.id, strength })
    }
    // Dee One and Dee Two said no about Tina, when asked by someone Ann introduced me to before.
    for (const dee of [dee1, dee2]) {
      const known = await ok(backend, 'relationships.set', { a: me.id, b: dee.id, strength: 1 })
      const asked = await ok(backend, 'introductions.request', { path: [me.id, dee.id, tina.id] })
      await ok(backend, 'introductions.move', { id: asked.id, to: 'asked', date: '2026-11-01', confirmed: true })
      await ok(backend, 'introductions.move', { id: asked.id, to: 'declined', date: '2026-11-02' })
      await ok(backend, 'relationships.delete', { id: known.id })
    }
    const request = await ok(backend, 'introductions.request', { path: [me.id, xavier.id, tina.id] })
    await ok(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-20' })
    const declined = await ok(backend, 'introductions.move', { id: request.id, to: 'declined', date: '2026-11-27' })
    // Ann's two best ways go through a Dee who said no; her third is clean, and is the way left.
    expect(chains(declined.otherWays?.ways ?? [])).toEqual(['Jordan Avery > Ann Shore > Dee Three > Tina Park'])
    expect(declined.otherWays?.more).toBe(false)
  })

  it('tell namesakes apart by their company, in the ways and in what to weigh, and the words fit what is left', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const priya = await ok(backend, 'people.create', { name: 'Priya Rao' })
    const tina = await ok(backend, 'people.create', { name: 'Tina Park' })
    const acme = await ok(backend, 'people.create', { name: 'Alex Lee', company: 'Acme' })
    const beta = await ok(backend, 'people.create', { name: 'Alex Lee', company: 'Beta', allowDuplicate: true })
    for (const [a, b, strength] of [
      [me, priya, 5],
      [priya, tina, 5],
      [me, acme, 4],
      [acme, tina, 4],
      [me, beta, 3],
      [beta, tina, 3],
    ] as const) {
      await ok(backend, 'relationships.set', { a: a.id, b: b.id, strength })
    }
    const draft = await ok(backend, 'introductions.request', { path: [me.id, acme.id, tina.id] })
    const request = await ok(backend, 'introductions.request', { path: [me.id, priya.id, tina.id] })
    await ok(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-20' })
    const declined = await ok(backend, 'introductions.move', { id: request.id, to: 'declined', date: '2026-11-27' })
    const ways = declined.otherWays?.ways ?? []
    expect(chains(ways)).toEqual(['Jordan Avery > Alex Lee (Acme) > Tina Park', 'Jordan Avery > Alex Lee (Beta) > Tina Park'])
    expect(ways[0]?.underWay).toEqual({ id: draft.id, state: 'draft' })
    // The draft is through the other Alex Lee: the caution on Beta's way says which.
    expect(ways[1]?.beforeYouAsk.map((c) => c.reason).join(' ')).toContain(`You have a draft asking Alex Lee (Acme) to introduce you to Tina Park (introduction ${draft.id})`)
    // One way is under way and one is not: thank Priya before asking someone else.
    const words = otherWaysWords(declined, declined.otherWays ?? { to: tina, connector: null, known: false, archived: false, ways: [], more: false })
    expect(words.courtesy).toBe('Thank Priya Rao for considering it before you ask someone else.')

    // Both listed ways under way, and more left unlisted: someone else is still to be asked.
    await ok(backend, 'introductions.request', { path: [me.id, beta.id, tina.id] })
    const allUnderWay = await ok(backend, 'introductions.get', { id: request.id })
    const listed = allUnderWay.otherWays ?? { to: tina, connector: null, known: false, archived: false, ways: [], more: false }
    expect(listed.ways.every((w) => w.underWay !== null)).toBe(true)
    expect(otherWaysWords(allUnderWay, listed).courtesy).toBe('Thank Priya Rao for considering it.')
    expect(otherWaysWords(allUnderWay, { ...listed, more: true }).courtesy).toBe('Thank Priya Rao for considering it before you ask someone else.')

    // Priya deleted: she is not named, nor is a thank-you said for her.
    await ok(backend, 'people.archive', { id: priya.id })
    await ok(backend, 'people.delete', { id: priya.id })
    const gone = await ok(backend, 'introductions.get', { id: request.id })
    expect(otherWaysWords(gone, gone.otherWays ?? listed)).toMatchObject({ ended: 'The connector, no longer in Kith, said no.', courtesy: '' })

    // Alex Lee of Acme says no: the words name which Alex Lee, beside the way through the other.
    await ok(backend, 'introductions.move', { id: draft.id, to: 'asked', date: '2026-11-21' })
    const acmeNo = await ok(backend, 'introductions.move', { id: draft.id, to: 'declined', date: '2026-11-27' })
    expect(acmeNo.otherWays?.connector).toBe('Alex Lee (Acme)')
    expect(otherWaysWords(acmeNo, acmeNo.otherWays ?? listed).ended).toBe('Alex Lee (Acme) said no.')
    // The other Alex Lee merged away or deleted: the one left is named plainly again.
    await ok(backend, 'people.archive', { id: beta.id })
    await ok(backend, 'people.delete', { id: beta.id })
    expect((await ok(backend, 'introductions.get', { id: draft.id })).otherWays?.connector).toBe('Alex Lee')
  })

  it('are not offered for a request that reached the person before it was given up', async () => {
    const { backend, me, priya, elena } = await network()
    const request = await ok(backend, 'introductions.request', { path: [me.id, priya.id, elena.id] })
    await ok(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-20' })
    await ok(backend, 'introductions.move', { id: request.id, to: 'agreed', date: '2026-11-21' })
    await ok(backend, 'introductions.move', { id: request.id, to: 'introduced', date: '2026-11-22' })
    const given = await ok(backend, 'introductions.move', { id: request.id, to: 'abandoned', date: '2026-11-27' })
    expect(given.state).toBe('abandoned')
    expect(given.otherWays).toBeNull()
  })
})
