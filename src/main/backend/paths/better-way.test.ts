/**
 * A request made through one connector, when someone else has since become a
 * far better way to the same person: the request's checks say so.
 */
import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-28T12:00:00Z')

describe('a better way than the one asked', () => {
  it('is named on the request as a caution, with both scores, and not when it is only a little better', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const add = (name: string) => ok(backend, 'people.create', { name })
    const [nadia, marcus, jonah] = [await add('Nadia Osei'), await add('Marcus Moreau'), await add('Jonah Adeyemi')]
    await ok(backend, 'relationships.set', { a: me.id, b: nadia.id, strength: 2 })
    await ok(backend, 'relationships.set', { a: nadia.id, b: jonah.id, strength: 2 })
    const request = await ok(backend, 'introductions.request', { path: [me.id, nadia.id, jonah.id] })
    const another = async () => (await ok(backend, 'introductions.get', { id: request.id })).checks.find((c) => c.question === 'Could you reach Jonah Adeyemi another way?')
    expect(await another()).toMatchObject({ verdict: 'good' })

    // Met since through another introduction, and Marcus knows Jonah very well.
    await ok(backend, 'relationships.set', { a: me.id, b: marcus.id, strength: 4 })
    await ok(backend, 'interactions.log', { date: '2026-11-25', kind: 'meeting', people: [marcus.id] })
    await ok(backend, 'relationships.set', { a: marcus.id, b: jonah.id, strength: 5 })
    expect(await another()).toEqual({
      question: 'Could you reach Jonah Adeyemi another way?',
      verdict: 'caution',
      reason: expect.stringMatching(/^Through Marcus Moreau may be a better way to Jonah Adeyemi now \(it scores 0\.\d{3}, this way 0\.\d{3}\): Find a path shows why\.$/),
    })
    // Only a little better: not worth a word.
    await ok(backend, 'relationships.set', { a: marcus.id, b: jonah.id, strength: 1 })
    await ok(backend, 'relationships.set', { a: me.id, b: marcus.id, strength: 2 })
    expect(await another()).toMatchObject({ verdict: 'good' })
  })

  it('is never someone who said no about that person', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const add = (name: string) => ok(backend, 'people.create', { name })
    const [nadia, marcus, jonah] = [await add('Nadia Osei'), await add('Marcus Moreau'), await add('Jonah Adeyemi')]
    await ok(backend, 'relationships.set', { a: me.id, b: nadia.id, strength: 2 })
    await ok(backend, 'relationships.set', { a: nadia.id, b: jonah.id, strength: 2 })
    await ok(backend, 'relationships.set', { a: me.id, b: marcus.id, strength: 4 })
    await ok(backend, 'interactions.log', { date: '2026-11-25', kind: 'meeting', people: [marcus.id] })
    await ok(backend, 'relationships.set', { a: marcus.id, b: jonah.id, strength: 5 })
    const request = await ok(backend, 'introductions.request', { path: [me.id, nadia.id, jonah.id] })
    const another = async () => (await ok(backend, 'introductions.get', { id: request.id })).checks.find((c) => c.question === 'Could you reach Jonah Adeyemi another way?')
    expect(await another()).toMatchObject({ verdict: 'caution' })
    // Marcus said no about Jonah: not a better way, whatever it scores.
    const other = await ok(backend, 'introductions.request', { path: [me.id, marcus.id, jonah.id] })
    await ok(backend, 'introductions.move', { id: other.id, to: 'asked', date: '2026-11-26', confirmed: true })
    await ok(backend, 'introductions.move', { id: other.id, to: 'declined', date: '2026-11-27' })
    expect(await another()).toMatchObject({ verdict: 'good' })
  })
})
