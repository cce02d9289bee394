import { describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { WEEK_47, needsAndOffers, pairNames } from '../testing/needs-and-offers'
import { openTempBackend } from '../testing/temp'

describe('introductions you could make', () => {
  it('suggests mutual matches only, each score the product of its reasons, each person once', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    await needsAndOffers(backend)
    const week = await ok(backend, 'week.get', {})
    expect(week.week).toBe('2026-W47')
    // Mutual (Ana+Ben, Eve+Fay, Gus+Hal) only: a one-sided match (someone with designers to Cy or Dee)
    // is never suggested. (This test used to expect one-sided matches lower in the list.)
    expect(pairNames(week.suggestions).sort()).toEqual(['Ana+Ben', 'Eve+Fay', 'Gus+Hal'])
    for (const s of week.suggestions) {
      expect(Math.abs(s.score - s.reasons.reduce((a, r) => a * r.value, 1))).toBeLessThan(1e-9)
    }
    const people = week.suggestions.flatMap((s) => [s.a.id, s.b.id])
    expect(new Set(people).size).toBe(people.length)
  })

  it('never suggests people who already know each other', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const { ana, ben } = await needsAndOffers(backend)
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 2 })
    const week = await ok(backend, 'week.get', {})
    expect(pairNames(week.suggestions)).not.toContain('Ana+Ben')
  })

  it('keeps the same list all week, and stores it', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const { me } = await needsAndOffers(backend)
    const first = await ok(backend, 'week.get', {})
    // A change mid-week does not reshuffle this week's list: a new match waits for next week.
    for (const [name, needs, offers] of [['Ivy', ['editors'], ['lawyers']], ['Jon', ['lawyers'], ['editors']]] as const) {
      const p = await ok(backend, 'people.create', { name, needs: [...needs], offers: [...offers] })
      await ok(backend, 'relationships.set', { a: me.id, b: p.id, strength: 5 })
    }
    const again = await ok(backend, 'week.get', {})
    expect(pairNames(again.suggestions)).toEqual(pairNames(first.suggestions))
    expect(again.suggestions.map((s) => s.score)).toEqual(first.suggestions.map((s) => s.score))
  })

  it('works an empty week out again once there is something to suggest, then keeps that list', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    await ok(backend, 'me.set', { name: 'Jordan' })
    expect((await ok(backend, 'week.get', {})).suggestions).toEqual([])
    await needsAndOffers(backend)
    const filled = await ok(backend, 'week.get', {})
    expect(pairNames(filled.suggestions).sort()).toEqual(['Ana+Ben', 'Eve+Fay', 'Gus+Hal'])
    expect((await ok(backend, 'week.get', {})).suggestions).toEqual(filled.suggestions)
  })

  it('drops a suggestion from the week once the two are recorded as knowing each other, or one is archived', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const { ana, ben, eve } = await needsAndOffers(backend)
    const first = await ok(backend, 'week.get', {})
    expect(pairNames(first.suggestions).sort()).toEqual(['Ana+Ben', 'Eve+Fay', 'Gus+Hal'])
    const anaBen = first.suggestions.find((s) => pairNames([s])[0] === 'Ana+Ben')
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 3 })
    await ok(backend, 'people.archive', { id: eve.id })
    const again = await ok(backend, 'week.get', {})
    expect(again.suggestions.map((s) => [s.rank, pairNames([s])[0]])).toEqual([[1, 'Gus+Hal']])
    // A page still showing the old list cannot start an introduction between two people who know each other.
    expect((await fails(backend, 'suggestions.act', { id: anaBen?.id ?? 0, action: 'start' })).message).toBe(
      'Ana and Ben already know each other: there is no one to introduce.',
    )
  })

  it('never suggests two people again once an introduction between them was started, even one they declined', async () => {
    let now = WEEK_47
    const backend = await openTempBackend({ now: () => now })
    const { ana, ben, eve, fay } = await needsAndOffers(backend)
    const declined = await ok(backend, 'introductions.connect', { a: ana.id, b: ben.id })
    await ok(backend, 'introductions.answer', { id: declined.id, side: 'a', answer: 'no' })
    await ok(backend, 'introductions.connect', { a: eve.id, b: fay.id })
    expect(pairNames((await ok(backend, 'week.get', {})).suggestions)).toEqual(['Gus+Hal'])
    now = new Date('2027-02-17T12:00:00Z')
    expect(pairNames((await ok(backend, 'week.get', {})).suggestions)).toEqual(['Gus+Hal'])
  })

  it('respects the four-week cooldown and dismissals; snoozed pairs come back the next week', async () => {
    let now = WEEK_47
    const backend = await openTempBackend({ now: () => now })
    await needsAndOffers(backend)
    const w47 = await ok(backend, 'week.get', {})
    const [top, second] = w47.suggestions
    if (top === undefined || second === undefined) throw new Error('expected suggestions')
    await ok(backend, 'suggestions.act', { id: top.id, action: 'dismiss' })
    await ok(backend, 'suggestions.act', { id: second.id, action: 'snooze' })
    now = new Date('2026-11-25T12:00:00Z') // W48
    const w48 = await ok(backend, 'week.get', {})
    expect(pairNames(w48.suggestions)).not.toContain(pairNames([top])[0])
    expect(pairNames(w48.suggestions)).toContain(pairNames([second])[0])
    expect(w47.suggestions.length).toBe(3)
    for (const pair of pairNames(w47.suggestions.slice(2))) expect(pairNames(w48.suggestions)).not.toContain(pair)
    // Back in W48, the snoozed pair is in its cooldown again like any other: not in W49 to W52.
    for (const day of ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23']) {
      now = new Date(`${day}T12:00:00Z`)
      expect(pairNames((await ok(backend, 'week.get', {})).suggestions), day).not.toContain(pairNames([second])[0])
    }
    now = new Date('2027-01-06T12:00:00Z') // well past the cooldown
    const later = await ok(backend, 'week.get', {})
    expect(pairNames(later.suggestions)).not.toContain(pairNames([top])[0])
    expect(pairNames(later.suggestions).length).toBeGreaterThan(0)
  })

  it('takes back a dismissal, a snooze or "they already know each other" (the relationship too, while unchanged)', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const { ana, ben } = await needsAndOffers(backend)
    const [first, second, third] = (await ok(backend, 'week.get', {})).suggestions
    if (first === undefined || second === undefined || third === undefined) throw new Error('expected three suggestions')
    const statuses = async () => (await ok(backend, 'week.get', {})).suggestions.map((s) => s.status)
    await ok(backend, 'suggestions.act', { id: first.id, action: 'dismiss' })
    await ok(backend, 'suggestions.act', { id: second.id, action: 'snooze' })
    expect(await ok(backend, 'suggestions.reopen', { id: first.id })).toMatchObject({ id: first.id, status: 'open' })
    expect(await ok(backend, 'suggestions.reopen', { id: second.id })).toMatchObject({ status: 'open' })
    expect(await statuses()).toEqual(['open', 'open', 'open'])
    expect((await fails(backend, 'suggestions.reopen', { id: first.id })).message).toBe('This suggestion is open already.')

    // Known: the relationship it recorded goes with the undo.
    const anaBen = (await ok(backend, 'week.get', {})).suggestions.find((s) => [s.a.id, s.b.id].sort().join() === [ana.id, ben.id].sort().join())
    if (anaBen === undefined) throw new Error('expected Ana and Ben')
    const known = await ok(backend, 'suggestions.act', { id: anaBen.id, action: 'known' })
    expect(known.relationshipId).not.toBeNull()
    await ok(backend, 'suggestions.reopen', { id: anaBen.id, relationshipId: known.relationshipId })
    expect((await ok(backend, 'people.get', { id: ana.id })).relationships.filter((r) => r.other.id === ben.id)).toEqual([])
    // Changed meanwhile: refused, and nothing changes (the suggestion stays "known").
    const again = await ok(backend, 'suggestions.act', { id: anaBen.id, action: 'known' })
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 5 })
    expect((await fails(backend, 'suggestions.reopen', { id: anaBen.id, relationshipId: again.relationshipId })).message).toMatch(/was changed after it was recorded, so it stays/)
    expect((await ok(backend, 'week.get', {})).suggestions.find((s) => s.id === anaBen.id)?.status).toBe('known')
    // A started introduction is not reopened here.
    const started = (await ok(backend, 'week.get', {})).suggestions.find((s) => s.status === 'open')
    if (started === undefined) throw new Error('expected an open suggestion')
    await ok(backend, 'suggestions.act', { id: started.id, action: 'start' })
    expect((await fails(backend, 'suggestions.reopen', { id: started.id })).message).toBe('This suggestion is started: it cannot be reopened.')
  })
})

describe("the week's follow-ups", () => {
  it('lists the open ones due by Sunday, overdue first, and leaves next week for next week', async () => {
    // Added on Monday; read on Wednesday 25 November 2026, in a week that runs to Sunday the 29th.
    let now = new Date('2026-11-23T12:00:00Z')
    const backend = await openTempBackend({ now: () => now })
    await ok(backend, 'me.set', { name: 'Jordan Avery' })
    for (const [title, due] of [['Send Priya the deck', '2026-11-27'], ['Book the offsite', '2026-11-30'], ['Thank Omar', '2026-11-23'], ['Call Ana', '2026-11-25']] as const) {
      await ok(backend, 'tasks.add', { title, due })
    }
    now = new Date('2026-11-25T12:00:00Z')
    const week = await ok(backend, 'week.get', {})
    expect(week.followUps.map((t) => [t.title, t.status])).toEqual([
      ['Thank Omar', 'overdue'],
      ['Call Ana', 'today'],
      ['Send Priya the deck', 'upcoming'],
    ])
  })
})
