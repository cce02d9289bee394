/**
 * Removing the sample network from the app, and taking the removal back:
 * what the user added or edited by hand after loading the sample stays.
 */
import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

/** A clock the test moves on, so "after loading" means something. */
function clock(start: string) {
  let at = Date.parse(start)
  return { now: () => new Date(at), later: () => (at += 60_000) }
}

function everything(backend: Backend) {
  const table = (name: 'person' | 'relationship' | 'interaction' | 'interaction_person' | 'favor' | 'introduction' | 'task' | 'person_email' | 'employment') =>
    backend.sqlite
      .prepare(`SELECT * FROM ${name}`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort()
  return {
    person: table('person'),
    relationship: table('relationship'),
    interaction: table('interaction'),
    interactionPerson: table('interaction_person'),
    favor: table('favor'),
    introduction: table('introduction'),
    task: table('task'),
    email: table('person_email'),
    employment: table('employment'),
  }
}

describe('the sample network, loaded around you and removed', () => {
  it('loads around you when you gave your name first, keeping your name', async () => {
    const backend = await openTempBackend()
    const me = await ok(backend, 'me.set', { name: 'Sam Okafor' })
    const summary = await ok(backend, 'demo.load', {})
    expect(summary.counts.people).toBe(200)
    expect(await ok(backend, 'me.get', {})).toEqual(me)
    expect(await ok(backend, 'demo.get', {})).toEqual({ samplePeople: 199, removed: null })
    const mine = await backend.db.selectFrom('relationship').selectAll().where((eb) => eb.or([eb('person_a', '=', me.id), eb('person_b', '=', me.id)])).execute()
    expect(mine.length).toBeGreaterThanOrEqual(60)
  })

  it('still refuses to load over people you added', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'me.set', { name: 'Sam Okafor' })
    await ok(backend, 'people.create', { name: 'Quinn Added-Later' })
    expect((await fails(backend, 'demo.load', {})).code).toBe('conflict')
  })

  it('removes the sample people but keeps you, people you added, and sample people you edited or met since', async () => {
    const time = clock('2026-11-22T12:00:00Z')
    const backend = await openTempBackend({ now: time.now })
    const me = await ok(backend, 'me.set', { name: 'Sam Okafor' })
    await ok(backend, 'demo.load', {})
    time.later()
    const sample = (await ok(backend, 'people.list', {})).people.filter((p) => p.id !== me.id)
    const [edited, met, other] = sample
    if (edited === undefined || met === undefined || other === undefined) throw new Error('the sample is too small')
    await ok(backend, 'people.update', { id: edited.id, patch: { notes: 'Met again at the offsite' } })
    await ok(backend, 'interactions.log', { date: '2026-11-20', kind: 'call', people: [met.id] })
    const mine = await ok(backend, 'people.create', { name: 'Quinn Added-Later' })
    await ok(backend, 'relationships.set', { a: me.id, b: mine.id, strength: 4 })

    const removal = await ok(backend, 'demo.remove', {})
    expect(removal.kept.map((p) => p.id).sort()).toEqual([edited.id, met.id].sort())
    expect(removal.removed).toBe(sample.length - 2)
    const left = (await ok(backend, 'people.list', {})).people.map((p) => p.id).sort((a, b) => a - b)
    expect(left).toEqual([me.id, edited.id, met.id, mine.id].sort((a, b) => a - b))
    expect((await ok(backend, 'people.get', { id: mine.id })).relationships).toHaveLength(1)
    expect((await ok(backend, 'people.get', { id: met.id })).interactions.map((i) => i.date)).toContain('2026-11-20')
    // Nothing of the removed people is left hanging: no introductions or tasks naming no one.
    expect(await ok(backend, 'introductions.list', {})).toEqual([])
    expect(await ok(backend, 'demo.get', {})).toEqual({ samplePeople: 0, removed: { at: expect.any(String), people: removal.removed } })
    expect((await fails(backend, 'demo.remove', {})).code).toBe('not_found')
    expect(await ok(backend, 'doctor', {})).toMatchObject({ ok: true })
  })

  it('takes a sample introduction with whoever leaves, and keeps whole one moved on since', async () => {
    const time = clock('2026-11-22T12:00:00Z')
    const backend = await openTempBackend({ now: time.now })
    await ok(backend, 'demo.load', {})
    time.later()
    const intros = await ok(backend, 'introductions.list', {})
    const pair = intros.find((i) => i.kind === 'connect' && i.personA !== null && i.personB !== null)
    const ask = intros.find((i) => i.kind === 'ask' && i.state === 'asked')
    if (pair?.personA == null || ask?.connector == null || ask.target == null) throw new Error('the sample has no introduction between two people, or no open ask')
    // One of the pair is edited, and so stays; the other goes, and the introduction with them.
    await ok(backend, 'people.update', { id: pair.personA.id, patch: { notes: 'Met again at the offsite' } })
    // The ask is moved on: it is the user's now, and everyone in it stays.
    await ok(backend, 'introductions.move', { id: ask.id, to: 'agreed', date: '2026-11-22' })

    const removal = await ok(backend, 'demo.remove', {})
    expect(removal.kept.map((p) => p.id)).toEqual(expect.arrayContaining([pair.personA.id, ask.connector.id, ask.target.id]))
    const left = await ok(backend, 'introductions.list', {})
    expect(left.map((i) => [i.id, i.title])).toEqual([[ask.id, ask.title]])
    expect(await ok(backend, 'doctor', {})).toMatchObject({ ok: true })
  })

  it('puts everything back with the same ids when the removal is undone, and can be removed again', async () => {
    const time = clock('2026-11-22T12:00:00Z')
    const backend = await openTempBackend({ now: time.now })
    await ok(backend, 'demo.load', {})
    time.later()
    const before = everything(backend)
    const removal = await ok(backend, 'demo.remove', {})
    expect(removal).toEqual({ removed: 199, kept: [] })
    expect((await ok(backend, 'status', {})).counts).toEqual({ people: 1, relationships: 0, interactions: 0, favors: 0 })

    expect(await ok(backend, 'demo.undoRemove', {})).toEqual({ samplePeople: 199, removed: null })
    expect(everything(backend)).toEqual(before)
    expect((await fails(backend, 'demo.undoRemove', {})).code).toBe('not_found')
    expect((await ok(backend, 'demo.remove', {})).removed).toBe(199)
  })

  it('says there is nothing to remove when the sample was never loaded', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'me.set', { name: 'Sam Okafor' })
    expect(await fails(backend, 'demo.remove', {})).toEqual({ code: 'not_found', message: 'There is no sample network here to remove.' })
    expect(await fails(backend, 'demo.undoRemove', {})).toEqual({ code: 'not_found', message: 'There is no removal of the sample network to undo.' })
  })
})
