import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-18T12:00:00Z') // ISO week 2026-W47

async function network(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan' })
  const add = (name: string, needs: string[], offers: string[]) => ok(backend, 'people.create', { name, needs, offers })
  const ana = await add('Ana', ['designers'], ['seed investors'])
  const ben = await add('Ben', ['seed investors'], ['Designers'])
  const cy = await add('Cy', ['designers'], [])
  const dee = await add('Dee', [], ['designers'])
  const eve = await add('Eve', ['lawyers'], ['designers'])
  const fay = await add('Fay', ['designers'], ['lawyers'])
  const gus = await add('Gus', ['editors'], ['printers'])
  const hal = await add('Hal', ['printers'], ['editors'])
  for (const p of [ana, ben, cy, dee, eve, fay, gus, hal]) await ok(backend, 'relationships.set', { a: me.id, b: p.id, strength: 4 })
  return { me, ana, ben, cy, dee, eve, fay }
}

const names = (list: { a: { name: string }; b: { name: string } }[]): string[] => list.map((s) => [s.a.name, s.b.name].sort().join('+'))

describe('introductions you could make', () => {
  it('suggests mutual matches only, each score the product of its reasons, each person once', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await network(backend)
    const week = await ok(backend, 'week.get', {})
    expect(week.week).toBe('2026-W47')
    // Mutual (Ana+Ben, Eve+Fay, Gus+Hal) only: a one-sided match (someone with designers to Cy or Dee)
    // is never suggested. (This test used to expect one-sided matches lower in the list.)
    expect(names(week.suggestions).sort()).toEqual(['Ana+Ben', 'Eve+Fay', 'Gus+Hal'])
    for (const s of week.suggestions) {
      expect(Math.abs(s.score - s.reasons.reduce((a, r) => a * r.value, 1))).toBeLessThan(1e-9)
    }
    const people = week.suggestions.flatMap((s) => [s.a.id, s.b.id])
    expect(new Set(people).size).toBe(people.length)
  })

  it('never suggests people who already know each other', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { ana, ben } = await network(backend)
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 2 })
    const week = await ok(backend, 'week.get', {})
    expect(names(week.suggestions)).not.toContain('Ana+Ben')
  })

  it('keeps the same list all week, and stores it', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { ana, ben } = await network(backend)
    const first = await ok(backend, 'week.get', {})
    // A change mid-week does not reshuffle this week's list.
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 2 })
    const again = await ok(backend, 'week.get', {})
    expect(names(again.suggestions)).toEqual(names(first.suggestions))
    expect(again.suggestions.map((s) => s.score)).toEqual(first.suggestions.map((s) => s.score))
  })

  it('respects the four-week cooldown and dismissals; snoozed pairs come back the next week', async () => {
    let now = NOW
    const backend = await openTempBackend({ now: () => now })
    await network(backend)
    const w47 = await ok(backend, 'week.get', {})
    const [top, second] = w47.suggestions
    if (top === undefined || second === undefined) throw new Error('expected suggestions')
    await ok(backend, 'suggestions.act', { id: top.id, action: 'dismiss' })
    await ok(backend, 'suggestions.act', { id: second.id, action: 'snooze' })
    now = new Date('2026-11-25T12:00:00Z') // W48
    const w48 = await ok(backend, 'week.get', {})
    expect(names(w48.suggestions)).not.toContain(names([top])[0])
    expect(names(w48.suggestions)).toContain(names([second])[0])
    expect(w47.suggestions.length).toBe(3)
    for (const pair of names(w47.suggestions.slice(2))) expect(names(w48.suggestions)).not.toContain(pair)
    now = new Date('2027-01-06T12:00:00Z') // well past the cooldown
    const later = await ok(backend, 'week.get', {})
    expect(names(later.suggestions)).not.toContain(names([top])[0])
    expect(names(later.suggestions).length).toBeGreaterThan(0)
  })

  it('starts a double opt-in, or records that the two already know each other', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await network(backend)
    const week = await ok(backend, 'week.get', {})
    const [first, second] = week.suggestions
    if (first === undefined || second === undefined) throw new Error('expected suggestions')
    const started = await ok(backend, 'suggestions.act', { id: first.id, action: 'start' })
    expect(started.status).toBe('started')
    const intro = await ok(backend, 'introductions.get', { id: started.introductionId ?? -1 })
    expect(intro).toMatchObject({ kind: 'connect', state: 'draft' })
    expect(String(intro.details.aGain)).not.toBe('')
    expect(String(intro.details.bGain)).not.toBe('')
    const known = await ok(backend, 'suggestions.act', { id: second.id, action: 'known', strength: 3 })
    expect(known.status).toBe('known')
    const page = await ok(backend, 'people.get', { id: second.a.id })
    expect(page.relationships.map((r) => [r.other.name, r.strength])).toContainEqual([second.b.name, 3])
    expect((await fails(backend, 'suggestions.act', { id: second.id, action: 'dismiss' })).code).toBe('conflict')
  })
})

describe('reciprocity and ties going cold', () => {
  it('shows who I owe with a nudge naming who can help, and strong ties past their cadence', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, ana, dee, cy } = await network(backend)
    for (const date of ['2026-09-01', '2026-10-01', '2026-11-01']) {
      await ok(backend, 'favors.log', { giverId: ana.id, receiverId: me.id, date, kind: 'advice', size: 'small' })
    }
    const rec = await ok(backend, 'reciprocity.get', {})
    expect(rec.standings[0]).toMatchObject({ person: { name: 'Ana' }, receivedByMe: 3, givenByMe: 0, balance: -3, trend: -3 })
    expect(rec.nudges[0]?.text).toBe('You have received 3 favors from Ana and given none; they are looking for designers, and you know 3 people who can help.')
    await ok(backend, 'interactions.log', { date: '2026-11-10', kind: 'call', people: [dee.id] })
    // Cy: talked 200 days ago, cold by the default for a close tie (60 days), not by Cy's own cadence.
    await ok(backend, 'interactions.log', { date: '2026-05-02', kind: 'call', people: [cy.id] })
    await ok(backend, 'people.update', { id: cy.id, patch: { cadenceDays: 400 } })
    const week = await ok(backend, 'week.get', {})
    const cold = week.coldTies.map((t) => t.person.name)
    expect(cold).not.toContain('Dee')
    expect(cold).not.toContain('Cy')
    expect(cold).toContain('Ana')
    expect(week.favorsToReturn[0]?.person.name).toBe('Ana')
  })

  it('names namesakes in full, with their company, so three Graces are told apart', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const graces = [
      await ok(backend, 'people.create', { name: 'Grace Ferreira', company: 'Harbor Capital' }),
      await ok(backend, 'people.create', { name: 'Grace Ferreira', company: 'Northwind', allowDuplicate: true }),
      await ok(backend, 'people.create', { name: 'Grace Liu' }),
    ]
    for (const g of graces) await ok(backend, 'favors.log', { giverId: g.id, receiverId: me.id, date: '2026-11-01', kind: 'advice', size: 'small' })
    const rec = await ok(backend, 'reciprocity.get', {})
    expect(rec.standings.map((s) => s.label).sort()).toEqual(['Grace Ferreira (Harbor Capital)', 'Grace Ferreira (Northwind)', 'Grace Liu'])
    expect(rec.nudges.map((n) => n.text).sort()).toEqual([
      'You have received 1 favor from Grace Ferreira (Harbor Capital) and given none; ask what they are looking for.',
      'You have received 1 favor from Grace Ferreira (Northwind) and given none; ask what they are looking for.',
      'You have received 1 favor from Grace Liu and given none; ask what they are looking for.',
    ])
    expect((await ok(backend, 'week.get', {})).favorsToReturn.map((n) => n.label).sort()).toEqual(rec.standings.map((s) => s.label).sort())
  })
})
