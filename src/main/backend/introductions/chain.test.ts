import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-28T12:00:00Z')

/** Me -> Valentina -> Freya -> Kenji: Kenji is three relationships away. */
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

const move = (backend: Backend, id: number, to: string, date: string) => ok(backend, 'introductions.move', { id, to, date })

describe('an ask along a longer path', () => {
  it('asks the first connector for the middle person, then drafts the next hop once introduced', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, valentina, freya, kenji } = await chain(backend)
    const found = await ok(backend, 'paths.find', { to: kenji.id })
    expect(found.paths.map((p) => p.people.map((x) => x.name))).toEqual([['Jordan Avery', 'Valentina Rossi', 'Freya Fischer', 'Kenji Sato']])

    const first = await ok(backend, 'introductions.request', { path: [me.id, valentina.id, freya.id, kenji.id] })
    expect(first).toMatchObject({
      title: 'Ask Valentina Rossi to introduce you to Freya Fischer, on the way to Kenji Sato',
      connector: { name: 'Valentina Rossi' },
      target: { name: 'Freya Fischer' },
      goal: { name: 'Kenji Sato' },
      nextId: null,
    })
    // The before-you-ask answers look at the whole chain.
    const detail = await ok(backend, 'introductions.get', { id: first.id })
    expect(detail.checks[2]?.question).toBe('Could you reach Kenji Sato another way?')

    await move(backend, first.id, 'asked', '2026-11-20')
    await move(backend, first.id, 'agreed', '2026-11-22')
    const introduced = await move(backend, first.id, 'introduced', '2026-11-24')
    expect(introduced.nextId).not.toBeNull()

    // I now know Freya, firsthand, and she was introduced by Valentina.
    const freyaNow = await ok(backend, 'people.get', { id: freya.id })
    expect(freyaNow.introducedBy).toEqual({ id: valentina.id, name: 'Valentina Rossi' })
    expect(freyaNow.relationships.find((r) => r.other.id === me.id)).toMatchObject({
      strength: 2,
      confidence: 'firsthand',
      contexts: ['introduced by Valentina Rossi on 2026-11-24'],
    })
    expect((await ok(backend, 'paths.find', { to: freya.id })).direct.map((d) => d.name)).toEqual(['Freya Fischer'])

    // The next step: ask Freya for Kenji.
    const next = await ok(backend, 'introductions.get', { id: introduced.nextId ?? -1 })
    expect(next).toMatchObject({
      state: 'draft',
      title: 'Ask Freya Fischer to introduce you to Kenji Sato',
      previousId: first.id,
      goal: null,
      path: [{ name: 'Jordan Avery' }, { name: 'Freya Fischer' }, { name: 'Kenji Sato' }],
    })
    // The note to Freya starts from how we met.
    expect(next.drafts.ask?.body).toMatch(/^Hi Freya,\n\nI am glad Valentina introduced us\. Would you be open to introducing me to Kenji Sato\?/)
    expect(next.checks.map((c) => c.question)[0]).toBe('How strong is your relationship with Freya Fischer?')
    // Just introduced, on the same email thread: a new tie, not a faint one to stop at.
    expect(next.checks[0]).toMatchObject({ verdict: 'caution', reason: expect.stringMatching(/^Freya Fischer: acquaintance \(2\/5\), and you talked /) })
    expect(freyaNow.lastInteraction).toMatchObject({ date: '2026-11-24', kind: 'email', note: 'Introduced by Valentina Rossi' })
    // Valentina wrote that email: I talked with her that day too (her "last talked", and her recency on paths).
    expect((await ok(backend, 'people.get', { id: first.path[1]?.id ?? -1 })).lastInteraction).toMatchObject({ date: '2026-11-24', kind: 'email' })

    await move(backend, next.id, 'asked', '2026-11-25')
    await move(backend, next.id, 'agreed', '2026-11-26')
    await move(backend, next.id, 'introduced', '2026-11-26')
    await move(backend, next.id, 'scheduled', '2026-11-27')
    await move(backend, next.id, 'closed', '2026-11-28')
    const kenjiNow = await ok(backend, 'people.get', { id: kenji.id })
    expect(kenjiNow.lastInteraction).toMatchObject({ date: '2026-11-27', kind: 'meeting', note: 'Met Kenji Sato, introduced by Freya Fischer' })
    const known = await ok(backend, 'paths.find', { to: kenji.id })
    expect(known.direct.map((d) => d.name)).toEqual(['Kenji Sato'])
    expect(known.paths).toEqual([])
  })

  it('takes a move back with what it added, and not past a next hop that moved on', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, valentina, freya, kenji } = await chain(backend)
    const first = await ok(backend, 'introductions.request', { path: [me.id, valentina.id, freya.id, kenji.id] })
    await move(backend, first.id, 'asked', '2026-11-20')
    await move(backend, first.id, 'agreed', '2026-11-22')
    const introduced = await move(backend, first.id, 'introduced', '2026-11-24')
    const nextId = introduced.nextId ?? -1
    expect(introduced.tasks.filter((t) => t.kind !== 'nudge').map((t) => t.kind)).toEqual(['thank_connector', 'reply_target', 'close_loop', 'give_back'])

    expect((await fails(backend, 'introductions.move', { id: nextId, to: 'asked', date: '2026-11-23' })).message).toBe(
      'date: 2026-11-23 is before you were introduced to Freya Fischer (on 2026-11-24); steps are recorded in the order they happened',
    )
    await move(backend, nextId, 'asked', '2026-11-25')
    expect((await fails(backend, 'introductions.undoMove', { id: first.id })).message).toBe(
      `The next step (introduction ${nextId}) is already asked: take that back first.`,
    )
    await ok(backend, 'introductions.undoMove', { id: nextId })
    const back = await ok(backend, 'introductions.undoMove', { id: first.id })
    expect(back).toMatchObject({ state: 'agreed', nextId: null })
    // Only the reminder to follow up on the ask is left, done when Valentina agreed.
    expect(back.tasks.map((t) => [t.kind, t.status])).toEqual([['nudge', 'done']])
    expect(back.history.map((h) => h.state)).toEqual(['draft', 'asked', 'agreed'])
    expect((await fails(backend, 'introductions.get', { id: nextId })).code).toBe('not_found')
    const freyaNow = await ok(backend, 'people.get', { id: freya.id })
    expect(freyaNow.introducedBy).toBeNull()
    expect(freyaNow.relationships.some((r) => r.other.id === me.id)).toBe(false)
    expect((await ok(backend, 'people.get', { id: valentina.id })).favors).toEqual([])
    // Asking Valentina for Freya again would ask her twice: the ask back at "agreed" is still under way.
    expect((await fails(backend, 'introductions.request', { path: [me.id, valentina.id, freya.id] })).message).toBe(
      `You are already asking Valentina Rossi to introduce you to Freya Fischer (introduction ${first.id}, agreed).`,
    )
    expect((await fails(backend, 'introductions.undoMove', { id: (await ok(backend, 'introductions.connect', { confirmed: true, a: valentina.id, b: kenji.id })).id })).message).toBe(
      'This introduction has no move to take back.',
    )
  })

  it('drafts no next hop when the user is already asking that person for the next one', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, valentina, freya, kenji } = await chain(backend)
    const long = await ok(backend, 'introductions.request', { path: [me.id, valentina.id, freya.id, kenji.id] })
    // Meanwhile the user met Freya another way and asked her for Kenji directly.
    await ok(backend, 'relationships.set', { a: me.id, b: freya.id, strength: 4 })
    const direct = await ok(backend, 'introductions.request', { path: [me.id, freya.id, kenji.id] })
    await move(backend, direct.id, 'asked', '2026-11-21')
    // (Before you ask now says stop: Freya is asked for Kenji already. The user asks anyway.)
    await ok(backend, 'introductions.move', { id: long.id, to: 'asked', date: '2026-11-20', confirmed: true })
    await move(backend, long.id, 'agreed', '2026-11-22')
    const introduced = await move(backend, long.id, 'introduced', '2026-11-24')
    expect(introduced.nextId).toBeNull()
    const asks = (await ok(backend, 'introductions.list', {})).filter((i) => i.connector?.id === freya.id && i.target?.id === kenji.id)
    expect(asks.map((i) => [i.id, i.state])).toEqual([[direct.id, 'asked']])
  })

  it('gives the next hop its own reason and offer, and leaves what the user edited since when a move is taken back', async () => {
    let tick = 0
    // A clock that moves on a second per call, so an edit is later than the move that made the row.
    const backend = await openTempBackend({ now: () => new Date(NOW.getTime() + 1000 * tick++) })
    const { me, valentina, freya, kenji } = await chain(backend)
    const first = await ok(backend, 'introductions.request', { path: [me.id, valentina.id, freya.id, kenji.id] })
    // The first hop asks Valentina for Freya: its reason and offer are about Freya.
    await ok(backend, 'introductions.update', { id: first.id, details: { why: 'Freya ran pricing at two marketplaces.', offer: 'Our data on engineer supply, for her team.' } })
    await move(backend, first.id, 'asked', '2026-11-20')
    await move(backend, first.id, 'agreed', '2026-11-22')
    const introduced = await move(backend, first.id, 'introduced', '2026-11-24')
    const next = await ok(backend, 'introductions.get', { id: introduced.nextId ?? -1 })
    // The next asks Freya for Kenji: nothing said about Freya is told to Freya as the reason for Kenji.
    expect(next.title).toMatch(/^Ask Freya .* to introduce you to Kenji/)
    expect(next.details.why ?? '').toBe('')
    expect(next.details.offer ?? '').toBe('')
    expect(next.drafts.ask?.body).not.toContain('Freya ran pricing')
    expect(next.drafts.blurb?.text ?? '').not.toContain('for her team')

    await ok(backend, 'relationships.set', { a: me.id, b: freya.id, strength: 5, contexts: ['we hit it off'] })
    await ok(backend, 'introductions.undoMove', { id: first.id })
    expect((await ok(backend, 'people.get', { id: freya.id })).relationships.find((r) => r.other.id === me.id)).toMatchObject({ strength: 5, contexts: ['we hit it off'] })
  })

  it('keeps what was said of the person at the end for the ask that reaches them, and tells no one on the way', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, valentina, freya, kenji } = await chain(backend)
    const first = await ok(backend, 'introductions.request', { path: [me.id, valentina.id, freya.id, kenji.id] })
    const started = await ok(backend, 'introductions.update', {
      id: first.id,
      details: { goalWhy: 'Kenji built the pricing team at Stripe.', goalOffer: 'Our benchmark data on usage pricing.' },
    })
    // The first note asks Valentina for Freya, and its blurb goes to Freya: nothing in it is about Kenji's pricing team.
    expect(started.drafts.ask?.body).not.toContain('Stripe')
    expect(started.drafts.blurb?.text ?? '').not.toContain('Stripe')
    await move(backend, first.id, 'asked', '2026-11-20')
    await move(backend, first.id, 'agreed', '2026-11-22')
    const introduced = await move(backend, first.id, 'introduced', '2026-11-24')
    const next = await ok(backend, 'introductions.get', { id: introduced.nextId ?? -1 })
    // The ask that reaches Kenji says why him, and what I bring him.
    expect(next.details).toMatchObject({ why: 'Kenji built the pricing team at Stripe.', offer: 'Our benchmark data on usage pricing.' })
    expect(next.drafts.blurb?.text).toContain('Kenji built the pricing team at Stripe.')
    expect(next.drafts.ask?.warnings.join(' ')).not.toMatch(/Say why|Say what you can offer/)
  })

  it('never overwrites a relationship the user recorded', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, valentina, freya } = await chain(backend)
    const ask = await ok(backend, 'introductions.request', { path: [me.id, valentina.id, freya.id] })
    await ok(backend, 'relationships.set', { a: me.id, b: freya.id, strength: 5, contexts: ['old friends'] })
    // Before you ask says stop (I know Freya well): asking anyway needs a word from the user.
    expect((await fails(backend, 'introductions.move', { id: ask.id, to: 'asked', date: '2026-11-20' })).message).toBe('Confirm before asking: You already know Freya Fischer: reach out directly.')
    await ok(backend, 'introductions.move', { id: ask.id, to: 'asked', date: '2026-11-20', confirmed: true })
    await move(backend, ask.id, 'agreed', '2026-11-22')
    await move(backend, ask.id, 'introduced', '2026-11-24')
    const mine = (await ok(backend, 'people.get', { id: freya.id })).relationships.find((r) => r.other.id === me.id)
    expect(mine).toMatchObject({ strength: 5, contexts: ['old friends'] })
    await ok(backend, 'introductions.undoMove', { id: ask.id })
    expect((await ok(backend, 'people.get', { id: freya.id })).relationships.find((r) => r.other.id === me.id)).toMatchObject({ strength: 5 })
  })
})

describe('a meeting', () => {
  it('may be scheduled ahead (within five years), and the loop closes only once it has happened', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, valentina, freya } = await chain(backend)
    const ask = await ok(backend, 'introductions.request', { path: [me.id, valentina.id, freya.id] })
    await move(backend, ask.id, 'asked', '2026-11-20')
    await move(backend, ask.id, 'agreed', '2026-11-22')
    await move(backend, ask.id, 'introduced', '2026-11-24')
    expect((await fails(backend, 'introductions.move', { id: ask.id, to: 'scheduled', date: '2032-01-01' })).message).toMatch(/^date: 2032-01-01 is more than 5 years away/)
    const scheduled = await move(backend, ask.id, 'scheduled', '2026-12-03')
    expect(scheduled.meetingOn).toBe('2026-12-03')
    expect((await fails(backend, 'introductions.move', { id: ask.id, to: 'closed', date: '2026-12-04' })).message).toMatch(/^date: 2026-12-04 is in the future/)
  })
})

describe('introducing two people', () => {
  it('gives them a relationship once introduced, taken back with the move', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { valentina, kenji } = await chain(backend)
    const intro = await ok(backend, 'introductions.connect', { confirmed: true, a: valentina.id, b: kenji.id, context: 'hiring' })
    await ok(backend, 'introductions.answer', { id: intro.id, side: 'a', answer: 'yes' })
    await ok(backend, 'introductions.answer', { id: intro.id, side: 'b', answer: 'yes' })
    await ok(backend, 'introductions.move', { id: intro.id, to: 'introduced', date: '2026-11-28', confirmed: true })
    const between = (await ok(backend, 'people.get', { id: kenji.id })).relationships.find((r) => r.other.id === valentina.id)
    expect(between).toMatchObject({ strength: 2, confidence: 'believed', contexts: ['introduced by you on 2026-11-28'] })
    await ok(backend, 'introductions.undoMove', { id: intro.id })
    expect((await ok(backend, 'people.get', { id: kenji.id })).relationships.some((r) => r.other.id === valentina.id)).toBe(false)
  })
})
