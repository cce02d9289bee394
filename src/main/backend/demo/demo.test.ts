import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'
import { buildSampleNetwork } from './sample-network'

describe('the sample network', () => {
  it('is the same on every run', () => {
    expect(buildSampleNetwork()).toEqual(buildSampleNetwork())
  })

  it('gives people needs and offers that fit their work: seed funding from investors, press coverage from the press', () => {
    const { people } = buildSampleNetwork()
    const offering = (label: string) => people.filter((p) => p.offers.includes(label))
    expect(offering('seed funding').length).toBeGreaterThan(3)
    for (const p of offering('seed funding')) expect(p.company === 'Harbor Capital' || p.company === 'Quarry Ventures' || p.title === 'Angel Investor', p.name).toBe(true)
    expect(offering('press coverage').length).toBeGreaterThan(1)
    for (const p of offering('press coverage')) expect(p.company, p.name).toBe('Tidewater Media')
    for (const p of people) expect(p.needs.filter((n) => p.offers.includes(n)), p.name).toEqual([])
    // What someone looks for, someone else offers: the weekly list has pairs to make from them.
    const offered = new Set(people.flatMap((p) => p.offers))
    expect(people.slice(1).flatMap((p) => p.needs).every((n) => offered.has(n))).toBe(true)
  })

  it('loads 200 people, me among them, with relationships beyond my own', async () => {
    const backend = await openTempBackend()
    expect(await backend.dispatch('demo.load', {})).toEqual({
      ok: true,
      data: { counts: { people: 200, relationships: expect.any(Number), interactions: expect.any(Number), favors: expect.any(Number) } },
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

  it('has two years of interactions, favors both ways, needs and offers, and employment', async () => {
    const backend = await openTempBackend({ now: () => new Date('2026-11-22T12:00:00Z') })
    await backend.dispatch('demo.load', {})
    const me = await backend.db.selectFrom('person').select('id').where('is_me', '=', 1).executeTakeFirstOrThrow()
    const dates = (await backend.db.selectFrom('interaction').select('occurred_on').execute()).map((r) => r.occurred_on).sort()
    expect(dates.length).toBeGreaterThan(300)
    expect(dates.at(0)).toMatch(/^2024-/)
    expect((dates.at(-1) ?? '') >= '2026-11-01').toBe(true)
    const favors = await backend.db.selectFrom('favor').selectAll().execute()
    expect(favors.some((f) => f.giver_id === me.id)).toBe(true)
    expect(favors.some((f) => f.receiver_id === me.id)).toBe(true)
    expect(favors.some((f) => f.giver_id !== me.id && f.receiver_id !== me.id)).toBe(true)
    const labels = await backend.db.selectFrom('person_label').select(['kind']).execute()
    expect(new Set(labels.map((l) => l.kind))).toEqual(new Set(['tag', 'need', 'offer']))
    expect((await backend.db.selectFrom('employment').selectAll().execute()).some((e) => e.end_date !== null)).toBe(true)
    const intros = await backend.dispatch('introductions.list', {})
    if (!intros.ok) throw new Error(intros.error.message)
    const states = new Set((intros.data as { state: string }[]).map((i) => i.state))
    expect(states.size).toBeGreaterThanOrEqual(5)
    const due = await backend.dispatch('tasks.list', { due: true })
    expect(due.ok && (due.data as unknown[]).length).toBeGreaterThan(0)
    const doctor = await backend.dispatch('doctor', {})
    expect(doctor).toMatchObject({ ok: true, data: { ok: true } })
  })

  it('refuses to load over existing people and changes nothing', async () => {
    const backend = await openTempBackend()
    await backend.dispatch('demo.load', {})
    const before = await backend.dispatch('status', {})
    const again = await backend.dispatch('demo.load', {})
    expect(again.ok).toBe(false)
    expect(await backend.dispatch('status', {})).toEqual(before)
  })

  it('routes company and tag searches only to people I do not know, and shows a colleague path through my closest contact at the investor firm', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'demo.load', {})
    const facets = await ok(backend, 'people.facets', {})
    const searches = [...facets.tags.map((t) => ({ tag: t.label })), ...facets.companies.map((c) => ({ company: c.name }))]
    for (const search of searches) {
      const result = await ok(backend, 'paths.find', search)
      const known = new Set(result.direct.map((d) => d.id))
      for (const p of result.paths) expect(known.has(p.people.at(-1)?.id ?? -1), JSON.stringify(search)).toBe(false)
    }
    const harbor = await ok(backend, 'paths.find', { company: 'Harbor Capital' })
    // The closest comes first; they had a coffee with me last week (the sample makes sure).
    const closest = harbor.direct[0]
    if (closest === undefined) throw new Error('I know nobody at Harbor Capital')
    const first = closest.name.split(' ')[0] ?? ''
    expect(closest.hint).toMatch(new RegExp(`^Ask ${first} about their \\d+ colleagues at Harbor Capital$`))
    const viaColleague = harbor.paths.find((p) => p.people[1]?.id === closest.id && p.steps[1]?.kind === 'colleague')
    expect(viaColleague?.factors.at(-1)?.label).toMatch(new RegExp(`^${closest.name} and .+: both at Harbor Capital since \\d{4}, inferred colleagues`))
  })

  it('dates nothing after the day it is loaded, where the user is, and keeps introduction steps in order', async () => {
    const zone = process.env.TZ
    try {
      // 03:00 UTC on the 23rd is still the 22nd in California.
      process.env.TZ = 'America/Los_Angeles'
      const backend = await openTempBackend({ now: () => new Date('2026-11-23T03:00:00Z') })
      expect((await backend.dispatch('demo.load', {})).ok).toBe(true)
      const today = backend.today()
      expect(today).toBe('2026-11-22')
      const latest = async (table: 'interaction' | 'favor') =>
        (await backend.db.selectFrom(table).select((eb) => eb.fn.max('occurred_on').as('last')).executeTakeFirstOrThrow()).last
      expect(await latest('interaction')).toBe('2026-11-21')
      expect((await latest('favor')) <= today).toBe(true)
      const events = await backend.db.selectFrom('introduction_event').selectAll().orderBy('introduction_id').orderBy('id').execute()
      expect(events.every((e) => e.on_date <= today)).toBe(true)
      const steps = new Map<number, string[]>()
      for (const e of events) if (e.state !== 'draft') steps.set(e.introduction_id, [...(steps.get(e.introduction_id) ?? []), e.on_date])
      for (const dates of steps.values()) expect(dates).toEqual([...dates].sort())
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})
