import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

describe('ties going cold on the week page', () => {
  it('shows the fifteen coldest strong ties: stronger first, then the longest overdue, then by name', async () => {
    const backend = await openTempBackend({ now: () => new Date('2026-11-18T12:00:00Z') })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    // 30 people, names out of order, strengths 3 to 5, some never talked to, some talked to long ago, some recently.
    const names = ['Zoe', 'Émile', 'ana', 'Bea', 'Ömer', 'Cy', 'dee', 'Eli', 'Flo', 'Gus', 'Hal', 'Ida', 'Jo', 'Kim', 'Lu', 'Mo', 'Ned', 'Oz', 'Pia', 'Quin', 'Ray', 'Sol', 'Tess', 'Uma', 'Vic', 'Wes', 'Xan', 'Yul', 'Ava', 'Ben']
    const talked: Record<string, string> = { Bea: '2026-01-10', Cy: '2026-06-01', Gus: '2026-11-10', Hal: '2025-12-01', Kim: '2026-03-03', Sol: '2026-11-01', Ava: '2026-02-02' }
    const strengthOf = (k: number): number => 3 + (k % 3)
    for (const [k, name] of names.entries()) {
      const person = await ok(backend, 'people.create', { name, knownBy: [{ id: me.id, strength: strengthOf(k), confidence: 'firsthand' }] })
      const date = talked[name]
      if (date !== undefined) await ok(backend, 'interactions.log', { date, kind: 'call', people: [person.id] })
    }
    const week = await ok(backend, 'week.get', {})

    // What the page promises, worked out here the long way: every cold tie, sorted in full.
    const cadence: Record<number, number> = { 3: 120, 4: 60, 5: 30 }
    const today = Date.parse('2026-11-18T00:00:00Z') / 86_400_000
    const all = names
      .map((name, k) => {
        const date = talked[name]
        const days = date === undefined ? null : today - Date.parse(`${date}T00:00:00Z`) / 86_400_000
        return { name, strength: strengthOf(k), days, cadence: cadence[strengthOf(k)] ?? 0 }
      })
      .filter((t) => t.days === null || t.days > t.cadence)
    const overdue = (t: { days: number | null; cadence: number }): number => (t.days === null ? Infinity : t.days / t.cadence)
    const expected = all
      .sort((a, b) => b.strength - a.strength || (overdue(a) === overdue(b) ? 0 : overdue(b) - overdue(a)) || a.name.localeCompare(b.name))
      .slice(0, 15)
      .map((t) => t.name)

    expect(all.length).toBeGreaterThan(15)
    expect(week.coldTies.map((t) => t.person.name)).toEqual(expected)
    expect(week.coldTies.map((t) => t.person.name)).not.toContain('Gus')
    const bea = week.coldTies.find((t) => t.person.name === 'Bea')
    if (bea !== undefined) expect(bea).toMatchObject({ lastTalked: '2026-01-10', daysSince: 312 })
  })
})
