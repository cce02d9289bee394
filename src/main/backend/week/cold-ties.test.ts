import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

describe('ties going cold on the week page', () => {
  it('shows the fifteen coldest strong ties: stronger first, then the longest overdue, then by name, namesakes in the order they were added', async () => {
    const backend = await openTempBackend({ now: () => new Date('2026-11-18T12:00:00Z') })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    // Name, strength (cadence: 5 every 30 days, 4 every 60, 3 every 120), and when we last talked.
    const people: [string, number, string | null][] = [
      ['Zoe', 5, null],
      ['Mo', 5, null],
      ['ana', 5, '2026-09-01'], // 78 days: 2.6 cadences
      ['Émile', 5, null],
      ['Bea', 5, '2026-10-01'], // 48 days: 1.6
      ['Cy', 5, '2026-11-10'], // 8 days: not cold
      ['Mo', 5, null],
      ['Ned', 4, null],
      ['Eli', 4, '2026-01-10'], // 312 days: 5.2
      ['Flo', 4, '2026-08-01'], // 109 days: 1.8
      ['Gus', 4, '2026-11-01'], // 17 days: not cold
      ['Dee', 4, null],
      ['Jo', 4, '2026-06-01'], // 170 days: 2.8
      ['Ida', 4, null],
      ['Pia', 4, '2026-03-03'], // 260 days: 4.3
      ['Kim', 4, null],
      ['Lu', 4, null],
      ['Hal', 4, null],
      ['Oz', 4, null],
      ['Quin', 3, null],
      ['Ray', 3, null],
    ]
    const ids: number[] = []
    for (const [name, strength, talked] of people) {
      // Two people called Mo: the second is added knowingly.
      const person = await ok(backend, 'people.create', { name, allowDuplicate: true, knownBy: [{ id: me.id, strength, confidence: 'firsthand' }] })
      ids.push(person.id)
      if (talked !== null) await ok(backend, 'interactions.log', { date: talked, kind: 'call', people: [person.id] })
    }
    const week = await ok(backend, 'week.get', {})

    // 17 are cold; the two weakest of them (Jo, Flo) and the weaker ties (Quin, Ray) are not shown.
    expect(week.coldTies.map((t) => t.person.name)).toEqual(['Émile', 'Mo', 'Mo', 'Zoe', 'ana', 'Bea', 'Dee', 'Hal', 'Ida', 'Kim', 'Lu', 'Ned', 'Oz', 'Eli', 'Pia'])
    // Namesakes: the one added first first.
    expect(week.coldTies.filter((t) => t.person.name === 'Mo').map((t) => t.person.id)).toEqual([ids[1], ids[6]])
    expect(week.coldTies.find((t) => t.person.name === 'Eli')).toMatchObject({ strength: 4, lastTalked: '2026-01-10', daysSince: 312, cadenceDays: 60 })
    expect(week.coldTies.find((t) => t.person.name === 'Zoe')).toMatchObject({ strength: 5, lastTalked: null, daysSince: null, cadenceDays: 30 })
  })
})
