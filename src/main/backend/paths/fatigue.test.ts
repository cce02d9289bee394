/**
 * Asking tires a connector once the ask is made: a draft is not an ask yet,
 * and each hop of a longer path tires only the connector it asks.
 */
import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-28T12:00:00Z')

describe('fatigue from my own asks', () => {
  it('starts when the ask is made, and a request never counts against itself', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const [marcus, yara, zoe] = [await ok(backend, 'people.create', { name: 'Marcus Moreau' }), await ok(backend, 'people.create', { name: 'Yara Schmidt' }), await ok(backend, 'people.create', { name: 'Zoe Park' })]
    await ok(backend, 'relationships.set', { a: me.id, b: marcus.id, strength: 4 })
    await ok(backend, 'interactions.log', { date: '2026-11-20', kind: 'call', people: [marcus.id] })
    await ok(backend, 'relationships.set', { a: marcus.id, b: yara.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: marcus.id, b: zoe.id, strength: 4 })
    const timing = async (id: number) => (await ok(backend, 'introductions.get', { id })).checks.find((c) => c.question === 'Is the timing right?')
    const toZoe = async () => (await ok(backend, 'paths.find', { to: zoe.id })).paths[0]

    const before = await toZoe()
    const draft = await ok(backend, 'introductions.request', { path: [me.id, marcus.id, yara.id] })
    // Drafted, not sent: Marcus has not been asked anything.
    expect((await toZoe())?.score).toBe(before?.score)
    expect(await timing(draft.id)).toMatchObject({ verdict: 'good', reason: 'No recent asks through Marcus Moreau, and you talked 8 days ago.' })

    await ok(backend, 'introductions.move', { id: draft.id, to: 'asked', date: '2026-11-25' })
    expect((await toZoe())?.score).toBeCloseTo((before?.score ?? 0) / 2, 12)
    expect((await toZoe())?.factors.map((f) => f.label)).toContain('1 introduction ask through Marcus Moreau in the last 90 days')
    // The request's own checks do not count the request itself.
    expect(await timing(draft.id)).toMatchObject({ verdict: 'good' })
    const second = await ok(backend, 'introductions.request', { path: [me.id, marcus.id, zoe.id] })
    expect(await timing(second.id)).toMatchObject({ verdict: 'caution', reason: 'You asked Marcus Moreau for an introduction in the last 90 days.' })
    // Given up after it was made, it was still asked.
    await ok(backend, 'introductions.move', { id: draft.id, to: 'abandoned', date: '2026-11-27' })
    expect((await toZoe())?.score).toBeCloseTo((before?.score ?? 0) / 2, 12)
    // Given up as a draft, it never went.
    await ok(backend, 'introductions.move', { id: second.id, to: 'abandoned', date: '2026-11-27' })
    expect((await toZoe())?.score).toBeCloseTo((before?.score ?? 0) / 2, 12)
  })

  it('says stop before asking a connector again for someone they declined to introduce me to', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const [samir, emeka, zoe] = [await ok(backend, 'people.create', { name: 'Samir Walsh' }), await ok(backend, 'people.create', { name: 'Emeka Lindqvist' }), await ok(backend, 'people.create', { name: 'Zoe Park' })]
    await ok(backend, 'relationships.set', { a: me.id, b: samir.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: samir.id, b: emeka.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: samir.id, b: zoe.id, strength: 4 })
    const ask = await ok(backend, 'introductions.request', { path: [me.id, samir.id, emeka.id] })
    await ok(backend, 'introductions.move', { id: ask.id, to: 'asked', date: '2026-11-05' })
    await ok(backend, 'introductions.move', { id: ask.id, to: 'declined', date: '2026-11-10' })
    const timing = async (to: number) => (await ok(backend, 'paths.find', { to })).paths[0]?.beforeYouAsk.find((c) => c.question === 'Is the timing right?')
    expect(await timing(emeka.id)).toEqual({
      question: 'Is the timing right?',
      verdict: 'stop',
      reason: 'Samir Walsh declined to introduce you to Emeka Lindqvist when you asked 23 days ago.',
    })
    // Someone else through Samir: only the ask itself counts.
    expect(await timing(zoe.id)).toMatchObject({ verdict: 'caution', reason: 'You asked Samir Walsh for an introduction in the last 90 days.' })
  })

  it('tires only the connector each hop of a longer path asks', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const add = (name: string) => ok(backend, 'people.create', { name })
    const [valentina, freya, kenji] = [await add('Valentina Rossi'), await add('Freya Fischer'), await add('Kenji Sato')]
    await ok(backend, 'relationships.set', { a: me.id, b: valentina.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: valentina.id, b: freya.id, strength: 3 })
    await ok(backend, 'relationships.set', { a: freya.id, b: kenji.id, strength: 4 })
    const first = await ok(backend, 'introductions.request', { path: [me.id, valentina.id, freya.id, kenji.id] })
    for (const [to, date] of [['asked', '2026-11-20'], ['agreed', '2026-11-22'], ['introduced', '2026-11-24']] as const) {
      await ok(backend, 'introductions.move', { id: first.id, to, date })
    }
    // Freya is the next one to ask, and has not been asked yet.
    const next = (await ok(backend, 'paths.find', { to: kenji.id })).paths[0]
    expect(next?.people.map((p) => p.name)).toEqual(['Jordan Avery', 'Freya Fischer', 'Kenji Sato'])
    expect(next?.factors.some((f) => f.label.includes('ask through Freya'))).toBe(false)
  })

  it('does not count an ask against the way it asks for, however many ways come close, until the connector says no', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const add = (name: string) => ok(backend, 'people.create', { name })
    const [priya, elena] = [await add('Priya Rao'), await add('Elena Ruiz')]
    await ok(backend, 'relationships.set', { a: me.id, b: priya.id, strength: 5 })
    await ok(backend, 'interactions.log', { date: '2026-11-20', kind: 'call', people: [priya.id] })
    await ok(backend, 'relationships.set', { a: priya.id, b: elena.id, strength: 5 })
    // Five other ways to Elena, each a little weaker than Priya's, and all better than half of it.
    for (const name of ['Ana Silva', 'Ben Okafor', 'Cy Park', 'Dee Moreau', 'Eli Sato']) {
      const other = await add(name)
      await ok(backend, 'relationships.set', { a: me.id, b: other.id, strength: 4 })
      await ok(backend, 'interactions.log', { date: '2026-11-20', kind: 'call', people: [other.id] })
      await ok(backend, 'relationships.set', { a: other.id, b: elena.id, strength: 5 })
    }
    const best = async () => (await ok(backend, 'paths.find', { to: elena.id, limit: 3 })).paths
    const before = (await best())[0]
    expect(before?.people[1]?.name).toBe('Priya Rao')

    const ask = await ok(backend, 'introductions.request', { path: [me.id, priya.id, elena.id] })
    await ok(backend, 'introductions.move', { id: ask.id, to: 'asked', date: '2026-11-24' })
    // Still the first way, scored as before, with no ask counted and the timing not questioned: it is the ask under way.
    const asked = (await best())[0]
    expect(asked?.people[1]?.name).toBe('Priya Rao')
    expect(asked?.score).toBeCloseTo(before?.score ?? 0, 12)
    expect(asked?.factors.some((f) => f.label.includes('ask through Priya'))).toBe(false)
    expect(asked?.underWay).toEqual({ id: ask.id, state: 'asked' })
    expect(asked?.beforeYouAsk.find((c) => c.question === 'Is the timing right?')).toMatchObject({ verdict: 'good', reason: expect.stringMatching(/^No other recent asks through Priya Rao, and you talked/) })
    // The same on a company's question (several targets, rescored after the search).
    await ok(backend, 'people.update', { id: elena.id, patch: { company: 'Harbor Capital' } })
    const atHarbor = (await ok(backend, 'paths.find', { company: 'Harbor Capital' })).paths[0]
    expect(atHarbor?.people[1]?.name).toBe('Priya Rao')
    expect(atHarbor?.score).toBeCloseTo(before?.score ?? 0, 12)

    // Once Priya says no, that ask counts, and the no stands.
    await ok(backend, 'introductions.move', { id: ask.id, to: 'declined', date: '2026-11-27' })
    const declined = (await ok(backend, 'paths.find', { to: elena.id, limit: 10 })).paths.find((p) => p.people[1]?.name === 'Priya Rao')
    expect(declined?.score).toBeCloseTo((before?.score ?? 0) / 2, 12)
    expect(declined?.beforeYouAsk.find((c) => c.question === 'Is the timing right?')?.verdict).toBe('stop')
    expect((await best())[0]?.people[1]?.name).not.toBe('Priya Rao')
  })

  it('says a thank-you still owed to the connector comes before asking them again', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const add = (name: string) => ok(backend, 'people.create', { name })
    const [priya, elena, omar] = [await add('Priya Rao'), await add('Elena Ruiz'), await add('Omar Haddad')]
    await ok(backend, 'relationships.set', { a: me.id, b: priya.id, strength: 5 })
    await ok(backend, 'interactions.log', { date: '2026-11-20', kind: 'call', people: [priya.id] })
    await ok(backend, 'relationships.set', { a: priya.id, b: elena.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: priya.id, b: omar.id, strength: 4 })
    const timing = async () => (await ok(backend, 'paths.find', { to: omar.id })).paths[0]?.beforeYouAsk.find((c) => c.question === 'Is the timing right?')
    const first = await ok(backend, 'introductions.request', { path: [me.id, priya.id, elena.id] })
    for (const [to, date] of [['asked', '2026-08-10'], ['agreed', '2026-08-12'], ['introduced', '2026-08-14']] as const) await ok(backend, 'introductions.move', { id: first.id, to, date })
    // Three months on, the thank-you is still open (the ask itself is out of the 90 days).
    expect(await timing()).toEqual({
      question: 'Is the timing right?',
      verdict: 'caution',
      reason: expect.stringMatching(/^Still to do from an earlier introduction: "Thank Priya Rao for introducing you to Elena Ruiz" \(and 1 more\), due 3 months ago\. Do that before asking again\. No recent asks through Priya Rao/),
    })
    for (const t of (await ok(backend, 'introductions.get', { id: first.id })).tasks) if (t.kind === 'thank_connector' || t.kind === 'close_loop') await ok(backend, 'tasks.done', { id: t.id, done: true })
    expect(await timing()).toMatchObject({ verdict: 'good' })
  })

  it('keeps every list exact: a short one, four relationships, a company, and every path (--all)', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const add = (name: string, company?: string) => ok(backend, 'people.create', { name, ...(company === undefined ? {} : { company }) })
    const [priya, xavier, yara, mia] = [await add('Priya Rao'), await add('Xavier Bell'), await add('Yara Khan'), await add('Mia Middle')]
    const elena = await add('Elena Ruiz', 'Harbor Capital')
    const know = (a: number, b: number, strength: number) => ok(backend, 'relationships.set', { a, b, strength })
    await know(me.id, priya.id, 5)
    await know(me.id, xavier.id, 5)
    await know(me.id, yara.id, 4)
    await know(priya.id, elena.id, 3)
    await know(priya.id, mia.id, 5)
    await know(mia.id, elena.id, 5)
    await know(xavier.id, elena.id, 3)
    await know(yara.id, elena.id, 3)
    const ask = await ok(backend, 'introductions.request', { path: [me.id, priya.id, elena.id] })
    await ok(backend, 'introductions.move', { id: ask.id, to: 'asked', date: '2026-11-24' })

    // Every path, and the best under the caps the search keeps (two per first connector), worked out by hand from them.
    const all = (await ok(backend, 'paths.find', { to: elena.id, all: true, maxHops: 4 })).paths
    for (const p of all) expect(Math.abs(p.score - p.factors.reduce((a, f) => a * f.value, 1))).toBeLessThan(1e-12)
    const direct = all.find((p) => p.people.map((x) => x.name).join('>') === 'Jordan Avery>Priya Rao>Elena Ruiz')
    expect(direct?.factors.some((f) => f.label.includes('ask through'))).toBe(false)
    const best = (limit: number, hops: number): string[] => {
      const kept = new Map<string, number>()
      const out: string[] = []
      for (const p of all.filter((x) => x.people.length - 1 <= hops)) {
        const c = p.people[1]?.name ?? ''
        if (out.length === limit || (kept.get(c) ?? 0) === 2) continue
        kept.set(c, (kept.get(c) ?? 0) + 1)
        out.push(p.people.map((x) => x.name).join('>'))
      }
      return out
    }
    const names = (paths: { people: { name: string }[] }[]) => paths.map((p) => p.people.map((x) => x.name).join('>'))
    for (const limit of [1, 2, 3, 5]) {
      expect(names((await ok(backend, 'paths.find', { to: elena.id, limit })).paths), `limit ${limit}`).toEqual(best(limit, 3))
      expect(names((await ok(backend, 'paths.find', { to: elena.id, limit, maxHops: 4 })).paths), `limit ${limit}, 4 hops`).toEqual(best(limit, 4))
      expect(names((await ok(backend, 'paths.find', { company: 'Harbor Capital', limit })).paths), `company, limit ${limit}`).toEqual(best(limit, 3))
    }
    expect(best(3, 3)).toEqual(['Jordan Avery>Priya Rao>Elena Ruiz', 'Jordan Avery>Xavier Bell>Elena Ruiz', 'Jordan Avery>Yara Khan>Elena Ruiz'])
  })
})
