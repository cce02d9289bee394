import { describe, expect, it } from 'vitest'
import { openTempBackend } from '../testing/temp'
import { buildSampleNetwork } from './sample-network'

describe('the sample network', () => {
  it('is the same on every run', () => {
    expect(buildSampleNetwork()).toEqual(buildSampleNetwork())
  })

  it('loads 200 people, me among them, with relationships beyond my own', async () => {
    const backend = await openTempBackend()
    expect(await backend.dispatch('demo.load', {})).toEqual({
      ok: true,
      data: { counts: { people: 200, relationships: expect.any(Number) } },
    })
    const people = await backend.db.selectFrom('person').selectAll().execute()
    const relationships = await backend.db.selectFrom('relationship').selectAll().execute()
    const me = people.filter((p) => p.is_me === 1)
    expect(me).toHaveLength(1)
    const mine = relationships.filter((r) => r.person_a === me[0]?.id || r.person_b === me[0]?.id)
    expect(mine.length).toBeGreaterThanOrEqual(60)
    expect(relationships.length - mine.length).toBeGreaterThan(300)
    expect(new Set(relationships.map((r) => r.strength))).toEqual(new Set([1, 2, 3, 4, 5]))
  })

  it('refuses to load over existing people and changes nothing', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    const before = await backend.dispatch('status', {})
    const again = await backend.dispatch('demo.load', {})
    expect(again.ok).toBe(false)
    expect(await backend.dispatch('status', {})).toEqual(before)
  })
})
