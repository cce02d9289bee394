import { describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { rowCounts, smallCast } from '../testing/small-cast'
import { openTempBackend } from '../testing/temp'

describe('relationships', () => {
  it('records who knows whom between any two people, undirected, and updates the pair in place', async () => {
    const backend = await openTempBackend()
    const { ana, ben } = await smallCast(backend)
    const first = await ok(backend, 'relationships.set', {
      a: ben.id,
      b: ana.id,
      strength: 3,
      kind: 'colleague',
      confidence: 'believed',
      contexts: ['worked together at Acme 2019-21'],
      since: '2019-03-01',
    })
    expect(first).toMatchObject({ a: { id: ana.id }, b: { id: ben.id }, strength: 3, updated: false, source: 'entered' })
    const second = await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 5, kind: 'friend' })
    expect(second).toMatchObject({ id: first.id, strength: 5, kind: 'friend', updated: true })
    const page = await ok(backend, 'people.get', { id: ben.id })
    expect(page.relationships).toEqual([
      expect.objectContaining({ other: expect.objectContaining({ id: ana.id, name: 'Ana Silva' }), strength: 5 }),
    ])
    await ok(backend, 'relationships.delete', { id: first.id })
    expect((await ok(backend, 'people.get', { id: ben.id })).relationships).toEqual([])
  })

  it('refuses a strength outside 1..5, a person with themself and unknown people, writing nothing', async () => {
    const backend = await openTempBackend()
    const { ana, ben } = await smallCast(backend)
    const before = await rowCounts(backend)
    for (const strength of [0, 6, 2.5, '4', null]) {
      const error = await fails(backend, 'relationships.set', { a: ana.id, b: ben.id, strength })
      expect(error).toEqual({
        code: 'bad_request',
        message: expect.stringContaining('strength: Choose a strength from 1 to 5'),
        issues: [{ path: ['strength'], message: 'Choose a strength from 1 to 5' }],
      })
    }
    expect(await fails(backend, 'relationships.set', { a: ana.id, b: ana.id, strength: 3 })).toEqual({
      code: 'bad_request',
      message: expect.stringContaining('cannot have a relationship with themself'),
      issues: [{ path: ['b'], message: 'A person cannot have a relationship with themself' }],
    })
    expect((await fails(backend, 'relationships.set', { a: ana.id, b: 9999, strength: 3 })).code).toBe('not_found')
    expect((await fails(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 3, kind: 'nemesis' })).code).toBe('bad_request')
    expect((await fails(backend, 'relationships.delete', { id: 777 })).code).toBe('not_found')
    expect(await rowCounts(backend)).toEqual(before)
  })
})
