/**
 * A give-back follow-up is met by a favor I give the connector after the
 * introduction, and opens again when that favor is taken away.
 */
import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-28T12:00:00Z')

async function introducedByPriya() {
  const backend = await openTempBackend({ now: () => NOW })
  const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
  const add = (name: string) => ok(backend, 'people.create', { name })
  const [priya, elena, bob] = [await add('Priya Rao'), await add('Elena Ruiz'), await add('Bob Stone')]
  await ok(backend, 'relationships.set', { a: me.id, b: priya.id, strength: 4 })
  await ok(backend, 'relationships.set', { a: priya.id, b: elena.id, strength: 4 })
  await ok(backend, 'relationships.set', { a: me.id, b: bob.id, strength: 3 })
  const request = await ok(backend, 'introductions.request', { path: [me.id, priya.id, elena.id] })
  await ok(backend, 'introductions.move', { id: request.id, to: 'asked', date: '2026-11-10' })
  await ok(backend, 'introductions.move', { id: request.id, to: 'agreed', date: '2026-11-12' })
  await ok(backend, 'introductions.move', { id: request.id, to: 'introduced', date: '2026-11-15' })
  return { backend, me, priya, elena, bob, request }
}

/** The request's follow-ups still open, by kind. */
async function open(backend: Backend, introductionId: number): Promise<string[]> {
  const detail = await ok(backend, 'introductions.get', { id: introductionId })
  return detail.tasks.filter((t) => t.doneAt === null).map((t) => t.kind).sort()
}

describe('giving back', () => {
  it('a favor I give the connector after the introduction meets the give-back follow-up; one from before does not; taking it away opens it again', async () => {
    const { backend, me, priya, elena, request } = await introducedByPriya()
    expect(await open(backend, request.id)).toEqual(['close_loop', 'give_back', 'reply_target', 'thank_connector'])

    // Advice given before the introduction was already counted when I asked.
    const before = await ok(backend, 'favors.log', { giverId: me.id, receiverId: priya.id, date: '2026-11-01', kind: 'advice', size: 'small', note: null, introductionId: null })
    expect(before.settled).toEqual([])
    expect(await open(backend, request.id)).toContain('give_back')

    const after = await ok(backend, 'favors.log', { giverId: me.id, receiverId: priya.id, date: '2026-11-20', kind: 'advice', size: 'small', note: null, introductionId: null })
    expect(after.settled).toEqual([expect.stringMatching(/^Find a way to give back to Priya Rao/)])
    expect(await open(backend, request.id)).toEqual(['close_loop', 'reply_target', 'thank_connector'])
    // The person page says which favor gave back.
    const page = await ok(backend, 'people.get', { id: priya.id })
    expect(page.favors.find((f) => f.id === after.id)?.settled).toHaveLength(1)

    // Changed to someone else: the follow-up is open again; back to Priya, met again.
    await ok(backend, 'favors.update', { id: after.id, favor: { giverId: me.id, receiverId: elena.id, date: '2026-11-20', kind: 'advice', size: 'small', note: null, introductionId: null } })
    expect(await open(backend, request.id)).toContain('give_back')
    const back = await ok(backend, 'favors.update', { id: after.id, favor: { giverId: me.id, receiverId: priya.id, date: '2026-11-20', kind: 'advice', size: 'small', note: null, introductionId: null } })
    expect(back.settled).toHaveLength(1)
    expect(await open(backend, request.id)).not.toContain('give_back')

    // Deleted: open again.
    await ok(backend, 'favors.delete', { id: after.id })
    expect(await open(backend, request.id)).toContain('give_back')

    // A favor Priya did me is not giving back.
    await ok(backend, 'favors.log', { giverId: priya.id, receiverId: me.id, date: '2026-11-21', kind: 'advice', size: 'small', note: null, introductionId: null })
    expect(await open(backend, request.id)).toContain('give_back')
  })

  it('introducing the connector to someone gives back, and taking that introduction back opens the follow-up again', async () => {
    const { backend, priya, bob, request } = await introducedByPriya()
    const connect = await ok(backend, 'introductions.connect', { a: priya.id, b: bob.id, context: 'design hiring' })
    await ok(backend, 'introductions.answer', { id: connect.id, side: 'a', answer: 'yes' })
    await ok(backend, 'introductions.answer', { id: connect.id, side: 'b', answer: 'yes' })
    await ok(backend, 'introductions.move', { id: connect.id, to: 'introduced', date: '2026-11-28', confirmed: true })
    expect(await open(backend, request.id)).not.toContain('give_back')
    await ok(backend, 'introductions.undoMove', { id: connect.id })
    expect(await open(backend, request.id)).toContain('give_back')
  })

  it('closing the loop with the connector thanks them too', async () => {
    const { backend, request } = await introducedByPriya()
    await ok(backend, 'introductions.move', { id: request.id, to: 'scheduled', date: '2026-11-18' })
    await ok(backend, 'introductions.move', { id: request.id, to: 'closed', date: '2026-11-26' })
    expect(await open(backend, request.id)).toEqual(['give_back'])
  })
})
