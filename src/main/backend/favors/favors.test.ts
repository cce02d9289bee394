import { describe, expect, it } from 'vitest'
import { fails, ok } from '../testing/call'
import { smallCast } from '../testing/small-cast'
import { openTempBackend } from '../testing/temp'

describe('favors', () => {
  it('logs favors both ways and keeps a running balance with me', async () => {
    const backend = await openTempBackend()
    const { me, ana, ben } = await smallCast(backend)
    await ok(backend, 'favors.log', { giverId: ana.id, receiverId: me.id, date: '2026-01-01', kind: 'introduction', size: 'large' })
    await ok(backend, 'favors.log', { giverId: me.id, receiverId: ana.id, date: '2026-02-01', kind: 'advice', size: 'small' })
    await ok(backend, 'favors.log', { giverId: ana.id, receiverId: ben.id, date: '2026-03-01', kind: 'help', size: 'medium' })
    const page = await ok(backend, 'people.get', { id: ana.id })
    expect(page.favors.map((f) => [f.giver.name, f.receiver.name, f.runningBalance])).toEqual([
      ['Ana Silva', 'Jordan', -3],
      ['Jordan', 'Ana Silva', -2],
      ['Ana Silva', 'Ben Okafor', null],
    ])
    expect(page.balance).toEqual({ givenByMe: 1, receivedByMe: 1, pointsGivenByMe: 1, pointsReceivedByMe: 3, balance: -2 })
  })

  it('deletes an interaction or a favor, and my last interaction follows', async () => {
    const backend = await openTempBackend()
    const { me, ana } = await smallCast(backend)
    const older = await ok(backend, 'interactions.log', { date: '2026-01-01', kind: 'call', people: [ana.id] })
    const newer = await ok(backend, 'interactions.log', { date: '2026-02-01', kind: 'email', people: [ana.id] })
    const favor = await ok(backend, 'favors.log', { giverId: me.id, receiverId: ana.id, date: '2026-01-05', kind: 'gift', size: 'small' })
    await ok(backend, 'interactions.delete', { id: newer.id })
    expect((await ok(backend, 'people.get', { id: ana.id })).lastInteraction?.id).toBe(older.id)
    expect((await ok(backend, 'people.list', {})).people.find((p) => p.id === ana.id)?.lastInteractionOn).toBe('2026-01-01')
    await ok(backend, 'favors.delete', { id: favor.id })
    const page = await ok(backend, 'people.get', { id: ana.id })
    expect(page.favors).toEqual([])
    expect(page.balance?.balance).toBe(0)
    expect((await fails(backend, 'interactions.delete', { id: newer.id })).code).toBe('not_found')
  })

  it('edits a favor, and the balance follows', async () => {
    const backend = await openTempBackend()
    const { me, ana } = await smallCast(backend)
    const favor = await ok(backend, 'favors.log', { giverId: ana.id, receiverId: me.id, date: '2026-01-01', kind: 'introduction', size: 'medium' })
    const edited = await ok(backend, 'favors.update', { id: favor.id, favor: { giverId: ana.id, receiverId: me.id, date: '2026-01-02', kind: 'introduction', size: 'large', note: 'A big one' } })
    expect(edited).toMatchObject({ size: 'large', date: '2026-01-02', note: 'A big one' })
    expect((await ok(backend, 'people.get', { id: ana.id })).balance?.balance).toBe(-3)
    expect((await fails(backend, 'favors.update', { id: 999, favor: { giverId: ana.id, receiverId: me.id, date: '2026-01-02', kind: 'help', size: 'small' } })).code).toBe('not_found')
  })

  it('refuses a favor to oneself, an unknown size or person', async () => {
    const backend = await openTempBackend()
    const { ana } = await smallCast(backend)
    const base = { giverId: ana.id, receiverId: ana.id, date: '2026-01-01', kind: 'advice', size: 'small' }
    expect((await fails(backend, 'favors.log', base)).message).toContain('two different people')
    expect((await fails(backend, 'favors.log', { ...base, receiverId: 999 })).code).toBe('not_found')
    expect((await fails(backend, 'favors.log', { ...base, receiverId: 999, size: 'enormous' })).code).toBe('bad_request')
    expect((await fails(backend, 'favors.delete', { id: 5 })).code).toBe('not_found')
  })
})
