/**
 * Taking a move back removes what that move added, and only that: not a row
 * the user made later that happens to have the same id, not the work the user
 * put into the next hop's draft, and not an opt-in answer left behind.
 */
import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-28T12:00:00Z')

async function chain(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
  const add = (name: string) => ok(backend, 'people.create', { name })
  const valentina = await add('Valentina Rossi')
  const freya = await add('Freya Fischer')
  const kenji = await add('Kenji Sato')
  await ok(backend, 'relationships.set', { a: me.id, b: valentina.id, strength: 4 })
  await ok(backend, 'relationships.set', { a: valentina.id, b: freya.id, strength: 3 })
  await ok(backend, 'relationships.set', { a: freya.id, b: kenji.id, strength: 4 })
  return { me, valentina, freya, kenji }
}

async function introduced(backend: Backend, path: number[]) {
  const ask = await ok(backend, 'introductions.request', { path })
  await ok(backend, 'introductions.move', { id: ask.id, to: 'asked', date: '2026-11-20' })
  await ok(backend, 'introductions.move', { id: ask.id, to: 'agreed', date: '2026-11-22' })
  return ok(backend, 'introductions.move', { id: ask.id, to: 'introduced', date: '2026-11-24' })
}

describe('taking a move back', () => {
  it('leaves a favor and a relationship the user recorded later under the ids the move had used', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, valentina, freya, kenji } = await chain(backend)
    const ask = await introduced(backend, [me.id, valentina.id, freya.id])

    // The user deletes what the move added, then records a favor and a relationship of their own.
    const [favor] = (await ok(backend, 'people.get', { id: valentina.id })).favors
    const learned = (await ok(backend, 'people.get', { id: freya.id })).relationships.find((r) => r.other.id === me.id)
    if (favor === undefined || learned === undefined) throw new Error('the move added no favor or no relationship')
    await ok(backend, 'favors.delete', { id: favor.id })
    await ok(backend, 'relationships.delete', { id: learned.id })
    const mine = await ok(backend, 'favors.log', { giverId: freya.id, receiverId: kenji.id, date: '2026-11-25', kind: 'advice', size: 'large' })
    const tie = await ok(backend, 'relationships.set', { a: valentina.id, b: kenji.id, strength: 4 })
    // SQLite gave them the ids just freed: the case that used to lose them.
    expect(mine.id).toBe(favor.id)
    expect(tie.id).toBe(learned.id)

    await ok(backend, 'introductions.undoMove', { id: ask.id })
    expect((await ok(backend, 'people.get', { id: kenji.id })).favors.map((f) => [f.giver.name, f.kind])).toEqual([['Freya Fischer', 'advice']])
    expect((await ok(backend, 'people.get', { id: kenji.id })).relationships.map((r) => [r.other.name, r.strength])).toEqual(
      expect.arrayContaining([['Valentina Rossi', 4]]),
    )
  })

  it('keeps the next hop as a draft of its own once the user has worked on it, with their notes and follow-up', async () => {
    let tick = 0
    const backend = await openTempBackend({ now: () => new Date(NOW.getTime() + 1000 * tick++) })
    const { me, valentina, freya, kenji } = await chain(backend)
    const first = await introduced(backend, [me.id, valentina.id, freya.id, kenji.id])
    const nextId = first.nextId ?? -1
    await ok(backend, 'introductions.update', { id: nextId, details: { message: 'Freya, you mentioned Kenji at the offsite…' } })
    const task = await ok(backend, 'tasks.add', { personId: freya.id, title: 'Prep notes for Freya', due: '2026-12-10', introductionId: nextId })

    const back = await ok(backend, 'introductions.undoMove', { id: first.id })
    expect(back).toMatchObject({ state: 'agreed', nextId: null })
    const kept = await ok(backend, 'introductions.get', { id: nextId })
    expect(kept).toMatchObject({ state: 'draft', previousId: null, title: 'Ask Freya Fischer to introduce you to Kenji Sato' })
    expect(kept.details).toMatchObject({ message: 'Freya, you mentioned Kenji at the offsite…' })
    expect(kept.tasks.map((t) => [t.id, t.title])).toEqual([[task.id, 'Prep notes for Freya']])

    // Introduced again: the kept draft is the next hop again, not a second one beside it.
    const again = await ok(backend, 'introductions.move', { id: first.id, to: 'introduced', date: '2026-11-25' })
    expect(again.nextId).toBe(nextId)
    expect((await ok(backend, 'introductions.list', {})).map((i) => i.id).sort((a, b) => a - b)).toEqual([first.id, nextId])
  })

  it('deletes the next hop the move drafted when the user has not touched it', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, valentina, freya, kenji } = await chain(backend)
    const first = await introduced(backend, [me.id, valentina.id, freya.id, kenji.id])
    await ok(backend, 'introductions.undoMove', { id: first.id })
    expect((await ok(backend, 'introductions.list', {})).map((i) => i.id)).toEqual([first.id])
  })

  it('dates the draft no later than a step recorded as happening before it, and puts its date back with that step', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, valentina, freya } = await chain(backend)
    const ask = await ok(backend, 'introductions.request', { path: [me.id, valentina.id, freya.id] })
    const asked = await ok(backend, 'introductions.move', { id: ask.id, to: 'asked', date: '2026-11-05' })
    expect(asked.history).toEqual([{ state: 'draft', on: '2026-11-05' }, { state: 'asked', on: '2026-11-05' }])
    const back = await ok(backend, 'introductions.undoMove', { id: ask.id })
    expect(back.history).toEqual([{ state: 'draft', on: '2026-11-28' }])
  })

  it('puts both opt-in answers back as they were before the answer it takes back', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { valentina, kenji } = await chain(backend)
    const intro = await ok(backend, 'introductions.connect', { a: valentina.id, b: kenji.id, confirmed: true })
    await ok(backend, 'introductions.answer', { id: intro.id, side: 'a', answer: 'yes' })
    await ok(backend, 'introductions.answer', { id: intro.id, side: 'b', answer: 'yes' })
    const declined = await ok(backend, 'introductions.answer', { id: intro.id, side: 'a', answer: 'no' })
    expect(declined).toMatchObject({ state: 'declined', answers: { a: 'no', b: 'yes' } })

    expect(await ok(backend, 'introductions.undoMove', { id: intro.id })).toMatchObject({ state: 'ready', answers: { a: 'yes', b: 'yes' } })
    // Sending it asks only about the gains left unstated, not about anyone's yes.
    const refusal = await fails(backend, 'introductions.move', { id: intro.id, to: 'introduced', date: '2026-11-28' })
    expect(refusal.message).toMatch(/^Confirm before sending: No gain stated/)
    expect(refusal.message).not.toMatch(/said yes/)
  })
})
