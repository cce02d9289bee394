import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { smallCast } from '../testing/small-cast'
import { openTempBackend } from '../testing/temp'

describe('neighbourhood', () => {
  it('lists who a person knows, strongest first, and the ties among them', async () => {
    const backend = await openTempBackend()
    const { me, ana, ben, cy } = await smallCast(backend)
    await ok(backend, 'relationships.set', { a: me.id, b: ana.id, strength: 2 })
    await ok(backend, 'relationships.set', { a: me.id, b: ben.id, strength: 5 })
    await ok(backend, 'relationships.set', { a: me.id, b: cy.id, strength: 3 })
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 4 })
    await ok(backend, 'people.archive', { id: cy.id })
    const hood = await ok(backend, 'people.neighbourhood', { id: me.id })
    expect(hood.nodes.map((n) => [n.name, n.strength])).toEqual([['Ben Okafor', 5], ['Ana Silva', 2]])
    expect(hood.edges).toEqual([{ a: Math.min(ana.id, ben.id), b: Math.max(ana.id, ben.id), strength: 4 }])
    expect(hood.total).toBe(2)
  })
})
