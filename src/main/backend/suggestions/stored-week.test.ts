import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { WEEK_47, needsAndOffers, pairNames } from '../testing/needs-and-offers'
import { editOutsideKith, openTempBackend, reopenTempBackend } from '../testing/temp'

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
  it('asks about the same two people when the week is opened again, and follows what is recorded meanwhile, here or by another program', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    const knownToMe = [{ id: me.id, strength: 4, confidence: 'firsthand' as const }]
    const ana = await ok(backend, 'people.create', { name: 'Ana', needs: ['designers'], offers: ['seed investors'], knownBy: knownToMe })
    const ben = await ok(backend, 'people.create', { name: 'Ben', needs: ['seed investors'], offers: ['designers'], knownBy: knownToMe })
    // Two friends who know only Ana and Ben: they most likely know each other already.
    for (const name of ['Sam', 'Tess']) {
      const friend = await ok(backend, 'people.create', { name })
      await ok(backend, 'relationships.set', { a: friend.id, b: ana.id, strength: 3 })
      await ok(backend, 'relationships.set', { a: friend.id, b: ben.id, strength: 3 })
    }
    const asked = async (): Promise<string[]> => (await ok(backend, 'week.get', {})).maybeKnown.map((m) => `${m.a.name}+${m.b.name}`)
    expect(await asked()).toEqual(['Ana+Ben'])
    expect(await asked()).toEqual(['Ana+Ben'])
    // Recorded here: they know each other.
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 2 })
    expect(await asked()).toEqual([])
    // Taken away by another program: asked about again.
    editOutsideKith(backend, (db) => db.prepare('DELETE FROM relationship WHERE person_a = ? AND person_b = ?').run(Math.min(ana.id, ben.id), Math.max(ana.id, ben.id)))
    expect(await asked()).toEqual(['Ana+Ben'])
    // A week's list is kept once made; the question follows a dismissal here too.
    await ok(backend, 'suggestions.confirmKnown', { a: ana.id, b: ben.id, strength: 3 })
    expect(await asked()).toEqual([])
  })
})
