/**
 * Editing what was logged: an interaction can be rewritten with the same rules
 * as logging it, and the person page shows the new version.
 */
import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-22T12:00:00Z')

async function cast(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
  const vera = await ok(backend, 'people.create', { name: 'Vera Walsh' })
  const yara = await ok(backend, 'people.create', { name: 'Yara Schmidt' })
  const logged = await ok(backend, 'interactions.log', { date: '2026-11-01', kind: 'call', people: [vera.id], note: 'Talked about the fund' })
  return { me, vera, yara, logged }
}

describe('editing an interaction', () => {
  it('changes the day, kind, note and people, and both people pages follow', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera, yara, logged } = await cast(backend)
    const edited = await ok(backend, 'interactions.update', {
      id: logged.id,
      interaction: { date: '2026-11-03', kind: 'meeting', people: [yara.id], note: 'Coffee, not a call' },
    })
    expect(edited).toEqual({ id: logged.id, date: '2026-11-03', kind: 'meeting', note: 'Coffee, not a call', withMe: true, people: [{ id: yara.id, name: 'Yara Schmidt' }] })
    expect((await ok(backend, 'people.get', { id: vera.id })).interactions).toEqual([])
    expect((await ok(backend, 'people.get', { id: yara.id })).interactions).toEqual([edited])
    const list = await ok(backend, 'people.list', { sort: 'lastInteraction', descending: true })
    expect(list.people.find((p) => p.id === yara.id)?.lastInteractionOn).toBe('2026-11-03')
    expect(list.people.find((p) => p.id === vera.id)?.lastInteractionOn).toBeNull()
  })

  it('refuses a future day, only me, or someone unknown, and keeps what was logged', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, vera, logged } = await cast(backend)
    const future = await fails(backend, 'interactions.update', { id: logged.id, interaction: { date: '2027-01-15', kind: 'call', people: [vera.id] } })
    expect(future).toEqual({
      code: 'bad_request',
      message: 'date: 2027-01-15 is in the future; log things that have happened',
      issues: [{ path: ['date'], message: '2027-01-15 is in the future; log things that have happened' }],
    })
    const alone = await fails(backend, 'interactions.update', { id: logged.id, interaction: { date: '2026-11-02', kind: 'call', people: [me.id] } })
    expect(alone).toEqual({ code: 'bad_request', message: 'people: choose someone besides yourself', issues: [{ path: ['people'], message: 'choose someone besides yourself' }] })
    expect((await fails(backend, 'interactions.update', { id: logged.id, interaction: { date: '2026-11-02', kind: 'call', people: [9999] } })).code).toBe('not_found')
    expect((await ok(backend, 'people.get', { id: vera.id })).interactions).toEqual([logged])
  })

  it('says when the interaction is gone, and refuses unknown fields', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera, logged } = await cast(backend)
    await ok(backend, 'interactions.delete', { id: logged.id })
    expect(await fails(backend, 'interactions.update', { id: logged.id, interaction: { date: '2026-11-02', kind: 'call', people: [vera.id] } })).toEqual({
      code: 'not_found',
      message: `There is no interaction with id ${logged.id}.`,
    })
    expect((await fails(backend, 'interactions.update', { id: logged.id, interaction: { date: '2026-11-02', kind: 'call', people: [vera.id], mood: 'good' } })).code).toBe(
      'bad_request',
    )
  })
})
