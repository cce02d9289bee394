import { describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { WEEK_47, needsAndOffers } from '../testing/needs-and-offers'
import { openTempBackend } from '../testing/temp'

describe('acting on a suggestion', () => {
  it('starts a double opt-in, or records that the two already know each other', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    await needsAndOffers(backend)
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
  it('says where a started introduction stands, and starts one again once it was abandoned', async () => {
    const backend = await openTempBackend({ now: () => WEEK_47 })
    await needsAndOffers(backend)
    const [first] = (await ok(backend, 'week.get', {})).suggestions
    if (first === undefined) throw new Error('expected suggestions')
    const started = await ok(backend, 'suggestions.act', { id: first.id, action: 'start' })
    expect(started.introductionState).toBe('draft')
    const shown = async () => (await ok(backend, 'week.get', {})).suggestions.find((s) => s.id === first.id)
    await ok(backend, 'introductions.move', { id: started.introductionId ?? -1, to: 'asking', date: '2026-11-17' })
    expect(await shown()).toMatchObject({ status: 'started', introductionState: 'asking', canStartAgain: false })
    // Started and under way: not again.
    expect((await fails(backend, 'suggestions.act', { id: first.id, action: 'start' })).message).toBe('This suggestion is already started.')
    await ok(backend, 'introductions.move', { id: started.introductionId ?? -1, to: 'abandoned', date: '2026-11-17' })
    expect(await shown()).toMatchObject({ status: 'started', introductionState: 'abandoned', canStartAgain: true })
    const again = await ok(backend, 'suggestions.act', { id: first.id, action: 'start' })
    expect(again.introductionId).not.toBe(started.introductionId)
    expect(again).toMatchObject({ status: 'started', introductionState: 'draft' })
    // The first, abandoned, cannot come back to life beside the second.
    expect((await fails(backend, 'introductions.undoMove', { id: started.introductionId ?? -1 })).message).toMatch(
      new RegExp(`^Introduction ${again.introductionId ?? -1} between the same two is under way \\(draft\\): this one stays abandoned\\.$`),
    )
    await backend.close()
  })
})
