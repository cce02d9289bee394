import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
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
    // Worked out again, the list would drop Ana+Ben, who are being introduced now: it is read back as stored.
    await ok(backend, 'introductions.connect', { a: ana.id, b: ben.id })
    const again = await reopenTempBackend(backend, { now: () => WEEK_47 })
    const reopened = await ok(again, 'week.get', {})
    expect(reopened.suggestions.map((s) => [s.rank, s.a.name, s.b.name, s.score])).toEqual(first.suggestions.map((s) => [s.rank, s.a.name, s.b.name, s.score]))
    expect(reopened.suggestions.map((s) => s.reasons)).toEqual(first.suggestions.map((s) => s.reasons))
  })

  it('says why the list is empty: nothing recorded to match on, or every pair already taken up', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    await ok(backend, 'me.set', { name: 'Jordan' })
    expect(await ok(backend, 'week.get', {})).toMatchObject({ suggestions: [], suggestionsFromSomething: false })
    // Needs and offers of people I barely know (1/5) are not paired: still nothing to match on.
    const me = await ok(backend, 'me.get', {})
    for (const [name, needs, offers] of [['Cy', ['hiring'], ['fundraising']], ['Di', ['fundraising'], ['hiring']]] as const) {
      const p = await ok(backend, 'people.create', { name, needs: [...needs], offers: [...offers] })
      await ok(backend, 'relationships.set', { a: me?.id ?? 0, b: p.id, strength: 1 })
    }
    expect((await ok(backend, 'week.get', { week: '2026-W48' })).suggestionsFromSomething).toBe(false)
    const other = await openTempBackend({ now: () => WEEK_47 })
    const { ana, ben, eve, fay, gus, hal } = await needsAndOffers(other)
    for (const [a, b] of [[ana, ben], [eve, fay], [gus, hal]] as const) await ok(other, 'introductions.connect', { a: a.id, b: b.id })
    const week = await ok(other, 'week.get', {})
    expect(week.suggestions).toEqual([])
    expect(week.suggestionsFromSomething).toBe(true)
  })

  it('shows a suggestion started from another door (the introductions page, the command line) as started, with its introduction', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    const { ana, ben } = await needsAndOffers(backend)
    const first = await ok(backend, 'week.get', {})
    const pair = first.suggestions.find((s) => pairNames([s])[0] === 'Ana+Ben')
    expect(pair).toMatchObject({ status: 'open', introductionId: null })
    const intro = await ok(backend, 'introductions.connect', { a: ben.id, b: ana.id })
    const after = (await ok(backend, 'week.get', {})).suggestions.find((s) => s.id === pair?.id)
    expect(after).toMatchObject({ status: 'started', introductionId: intro.id, introductionState: 'draft', canStartAgain: false })
    // Abandoned, it can be started again from the week, as one started there can.
    await ok(backend, 'introductions.move', { id: intro.id, to: 'abandoned' })
    expect((await ok(backend, 'week.get', {})).suggestions.find((s) => s.id === pair?.id)).toMatchObject({ status: 'started', canStartAgain: true })
  })

  it('asks about the same two people when the week is opened again, and follows what is recorded meanwhile, here or by another program', async () => {
    const { backend, ana, ben } = await askedNetwork()
    expect(await asked(backend)).toEqual(['Ana+Ben'])
    expect(await asked(backend)).toEqual(['Ana+Ben'])
    // Recorded here: they know each other.
    await ok(backend, 'relationships.set', { a: ana, b: ben, strength: 2 })
    expect(await asked(backend)).toEqual([])
    // Taken away by another program: asked about again.
    editOutsideKith(backend, (db) => db.prepare('DELETE FROM relationship WHERE person_a = ? AND person_b = ?').run(Math.min(ana, ben), Math.max(ana, ben)))
    expect(await asked(backend)).toEqual(['Ana+Ben'])
    // Recorded from the question itself: the answer names the relationship made, so the page can take it back.
    const recorded = await ok(backend, 'suggestions.confirmKnown', { a: ana, b: ben, strength: 3 })
    expect(recorded.relationshipId).not.toBeNull()
    expect(await asked(backend)).toEqual([])
    // Recorded already: nothing made, nothing to take back.
    expect(await ok(backend, 'suggestions.confirmKnown', { a: ana, b: ben })).toEqual({ a: ana, b: ben, relationshipId: null })
    await ok(backend, 'suggestions.unconfirmKnown', { relationshipId: recorded.relationshipId ?? 0, a: ana, b: ben, strength: 3 })
    expect(await asked(backend)).toEqual(['Ana+Ben'])
  })

  it('takes back "they already know each other" only while the relationship is the one it recorded', async () => {
    const { backend, ana, ben } = await askedNetwork()
    const between = async (x: number, y: number) => (await ok(backend, 'people.get', { id: x })).relationships.filter((r) => r.other.id === y)
    // Changed since (a strength set on their page): the undo is refused, and the edit stays.
    const first = await ok(backend, 'suggestions.confirmKnown', { a: ana, b: ben })
    await ok(backend, 'relationships.set', { a: ana, b: ben, strength: 4 })
    const refused = await fails(backend, 'suggestions.unconfirmKnown', { relationshipId: first.relationshipId ?? 0, a: ana, b: ben })
    expect(refused).toMatchObject({ code: 'conflict', message: expect.stringMatching(/was changed after it was recorded, so it stays/) })
    expect(await between(ana, ben)).toEqual([expect.objectContaining({ strength: 4 })])
    // Deleted, and its id given by SQLite to another pair's relationship: that one is never taken.
    await ok(backend, 'relationships.delete', { id: first.relationshipId ?? 0 })
    const again = await ok(backend, 'suggestions.confirmKnown', { a: ana, b: ben })
    await ok(backend, 'relationships.delete', { id: again.relationshipId ?? 0 })
    const cy = await ok(backend, 'people.create', { name: 'Cy' })
    await ok(backend, 'relationships.set', { a: ana, b: cy.id, strength: 3 })
    expect((await between(ana, cy.id))[0]?.id).toBe(again.relationshipId)
    expect(await fails(backend, 'suggestions.unconfirmKnown', { relationshipId: again.relationshipId ?? 0, a: ana, b: ben })).toMatchObject({
      code: 'conflict',
      message: 'That relationship is no longer recorded: there is nothing to take back.',
    })
    expect(await between(ana, cy.id)).toHaveLength(1)
  })

  it('asks again about two people recorded as knowing each other while the first list of the week was worked out and stored', async () => {
    const stale: number[] = []
    // The write lands at each point of the first week.get in turn.
    for (let delay = 0; delay <= 40; delay++) {
      const { backend, ana, ben } = await askedNetwork()
      const first = ok(backend, 'week.get', {})
      for (let k = 0; k < delay; k++) await Promise.resolve()
      const write = ok(backend, 'relationships.set', { a: ana, b: ben, strength: 2 })
      await Promise.all([first, write])
      if ((await asked(backend)).includes('Ana+Ben')) stale.push(delay)
      await backend.close()
    }
    expect(stale).toEqual([])
  }, 120_000)

  it('gives each caller a list of its own', async () => {
    const { backend } = await askedNetwork()
    const first = await ok(backend, 'week.get', {})
    expect(first.maybeKnown).toHaveLength(1)
    first.maybeKnown.length = 0
    expect((await ok(backend, 'week.get', {})).maybeKnown).toHaveLength(1)
    const again = await ok(backend, 'week.get', {})
    again.maybeKnown.length = 0
    expect((await ok(backend, 'week.get', {})).maybeKnown).toHaveLength(1)
  })
})

/** Ana and Ben (mutual needs), and two friends who know only them: Kith asks whether Ana and Ben know each other. */
async function askedNetwork(): Promise<{ backend: Backend; ana: number; ben: number }> {
  const backend = await openTempBackend({ now: () => WEEK_47 })
  const me = await ok(backend, 'me.set', { name: 'Jordan' })
  const knownToMe = [{ id: me.id, strength: 4, confidence: 'firsthand' as const }]
  const ana = await ok(backend, 'people.create', { name: 'Ana', needs: ['designers'], offers: ['seed investors'], knownBy: knownToMe })
  const ben = await ok(backend, 'people.create', { name: 'Ben', needs: ['seed investors'], offers: ['designers'], knownBy: knownToMe })
  for (const name of ['Sam', 'Tess']) {
    const friend = await ok(backend, 'people.create', { name })
    await ok(backend, 'relationships.set', { a: friend.id, b: ana.id, strength: 3 })
    await ok(backend, 'relationships.set', { a: friend.id, b: ben.id, strength: 3 })
  }
  return { backend, ana: ana.id, ben: ben.id }
}

const asked = async (backend: Backend): Promise<string[]> => (await ok(backend, 'week.get', {})).maybeKnown.map((m) => `${m.a.name}+${m.b.name}`)
