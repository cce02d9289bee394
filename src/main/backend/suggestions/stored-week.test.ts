import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { WEEK_47, needsAndOffers, pairNames } from '../testing/needs-and-offers'
import { openTempBackend, reopenTempBackend } from '../testing/temp'

describe("the week's stored list", () => {
  it('is the same list after Kith is quit and started again, and what the user saves next still waits for the disk', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const { ana, ben } = await needsAndOffers(backend)
    const first = await ok(backend, 'week.get', {})
    expect(pairNames(first.suggestions).sort()).toEqual(['Ana+Ben', 'Eve+Fay', 'Gus+Hal'])
    // The list was stored without waiting for the disk; the user's own saves wait again (FULL is 2).
    expect(backend.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    // Worked out again, the list would drop Ana+Ben, who now know each other: it is read back as stored.
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 2 })
    const again = await reopenTempBackend(backend, { now: () => WEEK_47 })
    const reopened = await ok(again, 'week.get', {})
    expect(reopened.suggestions.map((s) => [s.rank, s.a.name, s.b.name, s.score])).toEqual(first.suggestions.map((s) => [s.rank, s.a.name, s.b.name, s.score]))
    expect(reopened.suggestions.map((s) => s.reasons)).toEqual(first.suggestions.map((s) => s.reasons))
  })
})
