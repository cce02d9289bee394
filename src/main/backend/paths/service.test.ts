import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORING } from '../../../shared/scoring'
import type { Backend } from '../backend'
import { KithError } from '../errors'
import { fails, ok } from '../testing/call'
import { editOutsideKith, openTempBackend, reopenTempBackend } from '../testing/temp'
import { NO_ENTRIES } from './graph-core'

const NOW = new Date('2026-11-22T12:00:00Z')

async function network(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan' })
  const add = (name: string, extra: Record<string, unknown> = {}) => ok(backend, 'people.create', { name, ...extra })
  const ana = await add('Ana', { company: 'Acme' })
  const ben = await add('Ben', { company: 'Beta' })
  const cy = await add('Cy', { company: 'Gamma', tags: ['seed investor'] })
  const dee = await add('Dee', { company: 'Gamma', tags: ['Seed Investor'] })
  const know = (a: number, b: number, strength: number) => ok(backend, 'relationships.set', { a, b, strength })
  await know(me.id, ana.id, 4)
  await know(me.id, ben.id, 2)
  await know(ana.id, cy.id, 5)
  await know(ben.id, cy.id, 3)
  await know(cy.id, dee.id, 4)
  return { me, ana, ben, cy, dee }
}

function product(values: number[]): number {
  return values.reduce((a, b) => a * b, 1)
}

describe('paths.find', () => {
  it('counts each favor once however many favors are logged after the graph is read', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, ana, ben, cy } = await network(backend)
    await ok(backend, 'favors.log', { giverId: me.id, receiverId: ana.id, date: '2026-11-01', kind: 'advice', size: 'medium' })
    const balanceWith = async (name: string) => {
      const result = await ok(backend, 'paths.find', { to: cy.id })
      return result.paths.find((p) => p.people[1]?.name === name)?.factors[1]?.label
    }
    const before = await balanceWith('Ana')
    expect(before).toMatch(/^You have given Ana \d+ favor points? more than you received/)
    // Logging another favor of mine (with someone else) reads my favors again: Ana's balance stays what it was.
    await ok(backend, 'favors.log', { giverId: ben.id, receiverId: me.id, date: '2026-11-02', kind: 'advice', size: 'small' })
    expect(await balanceWith('Ana')).toBe(before)
    expect(await balanceWith('Ben')).toMatch(/^Ben has given you \d+ favor points? more than you gave/)
    await ok(backend, 'people.update', { id: me.id, patch: { title: 'Founder' } })
    expect(await balanceWith('Ana')).toBe(before)
    await backend.close()
  })

  it('still scores every path when a damaged file holds a confidence or favor size Kith does not know', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, ana, ben, cy } = await network(backend)
    await ok(backend, 'favors.log', { giverId: me.id, receiverId: ana.id, date: '2026-11-01', kind: 'advice', size: 'small' })
    // Written past the columns' checks, as a damaged or hand-edited file could hold them.
    editOutsideKith(backend, (db) => {
      db.pragma('ignore_check_constraints = ON')
      db.prepare("UPDATE relationship SET confidence = 'rumoured' WHERE person_a = ? AND person_b = ?").run(Math.min(ana.id, cy.id), Math.max(ana.id, cy.id))
      db.prepare("UPDATE favor SET size = 'huge'").run()
      // A strength far outside 1 to 5: the relationship may read as another strength, never as another pair of people.
      db.prepare('UPDATE relationship SET strength = 40 WHERE person_a = ? AND person_b = ?').run(Math.min(ben.id, cy.id), Math.max(ben.id, cy.id))
    })

    const result = await ok(backend, 'paths.find', { to: cy.id })
    expect(result.paths.map((p) => p.people.map((x) => x.name))).toContainEqual(['Jordan', 'Ana', 'Cy'])
    expect(result.paths.map((p) => p.people.map((x) => x.name))).toContainEqual(['Jordan', 'Ben', 'Cy'])
    for (const p of result.paths) {
      expect(Number.isFinite(p.score)).toBe(true)
      expect(p.score).toBeGreaterThan(0)
      for (const f of p.factors) expect(Number.isFinite(f.value)).toBe(true)
    }
    const viaAna = result.paths.find((p) => p.people[1]?.name === 'Ana')
    // the favor of unknown size counts for nothing; the unknown confidence counts as firsthand, as the graph always read it
    expect(viaAna?.factors.map((f) => f.label)).toEqual([
      'Ana and you: close (4) x0.80, you never logged talking x0.50, known firsthand x1.00',
      'Ana and you are even on favors',
      'Ana and Cy: very close (5) x0.95, never seen together (unknown) x0.75, known firsthand x1.00',
    ])
  })

  it('finds the same paths when person ids are far apart and very large', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { cy } = await network(backend)
    const view = (r: { paths: { score: number; people: { name: string }[] }[] }) => r.paths.map((p) => ({ score: p.score, people: p.people.map((x) => x.name) }))
    const before = view(await ok(backend, 'paths.find', { to: cy.id }))
    expect(before.length).toBeGreaterThan(0)
    // Ids this large cannot be packed two to a number when the graph loads: it reads them another way.
    const shift = 40_000_000
    editOutsideKith(backend, (db) => {
      db.pragma('foreign_keys = OFF')
      db.prepare('UPDATE person SET id = id + ?').run(shift)
      db.prepare('UPDATE relationship SET person_a = person_a + ?, person_b = person_b + ?').run(shift, shift)
    })
    expect(view(await ok(backend, 'paths.find', { to: cy.id + shift }))).toEqual(before)
  })

  it('never mistakes one person for another when a damaged file holds huge ids beside a text one', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { cy } = await network(backend)
    const view = (r: { paths: { score: number; people: { name: string }[] }[] }) => r.paths.map((p) => ({ score: p.score, people: p.people.map((x) => x.name) }))
    const before = view(await ok(backend, 'paths.find', { to: cy.id }))
    // An id this large is exact as a number, but not once folded with a relationship's code; a text id sorts above every number.
    const huge = 2 ** 52 + 1
    editOutsideKith(backend, (db) => {
      db.pragma('foreign_keys = OFF')
      db.pragma('ignore_check_constraints = ON')
      db.prepare('UPDATE person SET id = ? WHERE id = ?').run(huge, cy.id)
      // Cy's relationships name Cy first, as only a file past its checks can.
      db.prepare('UPDATE relationship SET person_b = person_a, person_a = ? WHERE person_b = ?').run(huge, cy.id)
      db.prepare("INSERT INTO relationship (person_a, person_b, strength, created_at, updated_at) VALUES (?, 'someone', 3, '2026-01-01', '2026-01-01')").run(cy.id - 1)
    })
    expect(view(await ok(backend, 'paths.find', { to: huge }))).toEqual(before)
  })

  it('still finds paths when relationships name tens of thousands of people deleted with foreign keys off', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { cy } = await network(backend)
    const before = (await ok(backend, 'paths.find', { to: cy.id })).paths.map((p) => p.people.map((x) => x.name).join(' > '))
    // More than SQLite takes as the values of one query, each with a relationship and a job left behind.
    editOutsideKith(backend, (db) => {
      db.pragma('foreign_keys = OFF')
      db.prepare(
        `WITH RECURSIVE ghost(id) AS (SELECT 1000000 UNION ALL SELECT id + 1 FROM ghost WHERE id < 1017000)
         INSERT INTO relationship (person_a, person_b, strength, created_at, updated_at) SELECT ?, id, 3, '2026-01-01', '2026-01-01' FROM ghost`,
      ).run(cy.id)
      db.prepare("INSERT INTO employment (person_id, company) SELECT person_b, 'Gamma' FROM relationship WHERE person_b >= 1000000").run()
    })
    const reopened = await reopenTempBackend(backend, { now: () => NOW })
    const after = await ok(reopened, 'paths.find', { to: cy.id })
    expect(after.paths.map((p) => p.people.map((x) => x.name).join(' > '))).toEqual(before)
  })

  it('ranks paths to a person, each score the product of its factors, with the four before-you-ask answers', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { cy } = await network(backend)
    const result = await ok(backend, 'paths.find', { to: cy.id })
    expect(result.target).toEqual({ kind: 'person', id: cy.id, name: 'Cy' })
    expect(result.direct).toEqual([])
    expect(result.paths.map((p) => p.people.map((x) => x.name))).toEqual([
      ['Jordan', 'Ana', 'Cy'],
      ['Jordan', 'Ben', 'Cy'],
    ])
    for (const p of result.paths) {
      expect(Math.abs(p.score - product(p.factors.map((f) => f.value)))).toBeLessThan(1e-9)
      expect(p.beforeYouAsk.map((q) => q.question)).toEqual([
        `How strong is your relationship with ${p.people[1]?.name ?? ''}?`,
        `Have you given to ${p.people[1]?.name ?? ''} before?`,
        'Could you reach Cy another way?',
        'Is the timing right?',
      ])
    }
    expect(result.paths[0]?.factors[0]?.label).toMatch(/^Ana and you: close \(4\) x0\.80, you never logged talking x0\.50, known firsthand x1\.00$/)
    expect(result.paths[1]?.beforeYouAsk[0]?.verdict).toBe('stop')
    // A stop or a caution says what would make it good.
    expect(result.paths[1]?.beforeYouAsk[0]?.reason).toBe('Ben: acquaintance (2/5), and you never logged talking. Too faint a tie to ask a favor of: get back in touch first.')
    expect(result.paths[0]?.beforeYouAsk[0]?.reason).toBe('Ana: close (4/5), and you never logged talking. An ask goes best through a close tie (4/5 or more) you talked with in the last six months.')
  })

  it('shows someone I already know as a direct tie, not as an introduction to ask for', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, cy } = await network(backend)
    const before = await ok(backend, 'paths.find', { to: cy.id })
    await ok(backend, 'relationships.set', { a: me.id, b: cy.id, strength: 3 })
    const result = await ok(backend, 'paths.find', { to: cy.id })
    expect(result.direct).toEqual([{ id: cy.id, name: 'Cy', strength: 3, lastTalked: null, hint: null, faint: false }])
    expect(result.paths).toEqual([])
    // A request made before I knew them says so when it is opened again.
    const request = await ok(backend, 'introductions.request', { path: before.paths[0]?.people.map((p) => p.id) ?? [] })
    const detail = await ok(backend, 'introductions.get', { id: request.id })
    expect(detail.checks[2]).toMatchObject({ verdict: 'stop', reason: 'You already know Cy: reach out directly.' })
  })

  it('still looks for a way in to a person I know only faintly, and stops once I talk with them or was introduced', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, ana, cy, dee } = await network(backend)
    // A LinkedIn connection, say: 2/5 and never a word logged.
    await ok(backend, 'relationships.set', { a: me.id, b: cy.id, strength: 2 })
    const faint = await ok(backend, 'paths.find', { to: cy.id })
    expect(faint.direct).toEqual([{ id: cy.id, name: 'Cy', strength: 2, lastTalked: null, hint: null, faint: true }])
    expect(faint.paths.map((p) => p.people.map((x) => x.name).join(' > '))).toEqual(['Jordan > Ana > Cy', 'Jordan > Ben > Cy'])
    expect(faint.paths[0]?.beforeYouAsk[2]).toEqual({
      question: 'Could you reach Cy another way?',
      verdict: 'caution',
      reason: 'You know Cy only faintly (2/5): you could also write to them yourself.',
    })
    // A request along one of them says the same when opened.
    const request = await ok(backend, 'introductions.request', { path: faint.paths[0]?.people.map((p) => p.id) ?? [] })
    expect((await ok(backend, 'introductions.get', { id: request.id })).checks[2]).toMatchObject({ verdict: 'caution' })

    // A company is different: people I know there are never path targets, however faintly.
    const company = await ok(backend, 'paths.find', { company: 'Gamma' })
    expect(company.direct).toEqual([expect.objectContaining({ name: 'Cy', faint: false })])
    expect(company.paths.length).toBeGreaterThan(0)
    expect(company.paths.every((p) => p.people.at(-1)?.name === 'Dee')).toBe(true)

    // Talked with this year: no longer faint, and no introduction is looked for.
    await ok(backend, 'interactions.log', { date: '2026-06-01', kind: 'call', people: [cy.id] })
    const talked = await ok(backend, 'paths.find', { to: cy.id })
    expect(talked.direct).toEqual([expect.objectContaining({ name: 'Cy', faint: false, lastTalked: '2026-06-01' })])
    expect(talked.paths).toEqual([])
    expect((await ok(backend, 'introductions.get', { id: request.id })).checks[2]).toMatchObject({ verdict: 'stop' })

    // Introduced to me (2/5, never talked since): the introduction's thread is the way, not another path.
    await ok(backend, 'relationships.set', { a: ana.id, b: dee.id, strength: 4 })
    const toDee = await ok(backend, 'paths.find', { to: dee.id })
    const viaAna = toDee.paths.find((p) => p.people.map((x) => x.name).join(' > ') === 'Jordan > Ana > Dee')
    const ask = await ok(backend, 'introductions.request', { path: viaAna?.people.map((p) => p.id) ?? [] })
    for (const [to, date] of [['asked', '2026-11-18'], ['agreed', '2026-11-19'], ['introduced', '2026-11-20']] as const) await ok(backend, 'introductions.move', { id: ask.id, to, date })
    const introduced = await ok(backend, 'paths.find', { to: dee.id })
    expect(introduced.direct).toEqual([expect.objectContaining({ name: 'Dee', strength: 2, faint: false })])
    expect(introduced.paths).toEqual([])
  })

  it('answers a first question after opening without reading everyone, the same as once everyone is read', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, ana, cy, dee } = await network(backend)
    await ok(backend, 'relationships.set', { a: me.id, b: dee.id, strength: 3 })
    await ok(backend, 'interactions.log', { date: '2026-10-02', kind: 'call', people: [dee.id] })
    await ok(backend, 'interactions.log', { date: '2026-11-02', kind: 'meeting', people: [dee.id, ana.id] })
    const archived = await ok(backend, 'people.create', { name: 'Eve' })
    await ok(backend, 'people.archive', { id: archived.id })
    const finn = await ok(backend, 'people.create', { name: 'Finn' })
    await ok(backend, 'relationships.set', { a: me.id, b: finn.id, strength: 2 })
    await ok(backend, 'interactions.log', { date: '2026-11-10', kind: 'call', people: [finn.id] })
    // Deleted by another program with foreign keys off: his relationship, job and interaction stay behind, naming nobody.
    editOutsideKith(backend, (db) => {
      db.prepare("INSERT INTO employment (person_id, company, start_date, end_date) VALUES (?, 'Gamma', '2020-01-01', NULL)").run(finn.id)
      db.pragma('foreign_keys = OFF')
      db.prepare('DELETE FROM person WHERE id = ?').run(finn.id)
    })
    const questions = [{ to: cy.id }, { to: dee.id }, { company: 'Gamma', maxHops: 4 }, { to: me.id }, { to: archived.id }, { to: 999_999 }, { tag: 'seed investor' }]
    const answer = async (b: Backend, args: Record<string, unknown>) => {
      try {
        return await b.call('paths.find', args)
      } catch (err) {
        return err instanceof KithError ? { code: err.code, message: err.message } : { code: 'thrown', message: String(err) }
      }
    }

    const reopened = await reopenTempBackend(backend, { now: () => NOW })
    const cold = []
    for (const args of questions.slice(0, -1)) {
      cold.push(await answer(reopened, args))
      // Nobody's tags were needed: the question read only the people it names.
      expect(reopened.directoryIfWarm()).toBeNull()
    }
    cold.push(await answer(reopened, questions.at(-1) ?? {}))
    reopened.directory()
    const warm = []
    for (const args of questions) warm.push(await answer(reopened, args))
    expect(cold).toEqual(warm)
    expect(warm[1]).toMatchObject({ direct: [{ name: 'Dee', strength: 3, lastTalked: '2026-11-02' }], paths: [] })
    expect(warm[2]).toMatchObject({
      direct: [
        { name: 'Dee', lastTalked: '2026-11-02', hint: 'Ask Dee about their colleague at Gamma' },
        { id: finn.id, name: '', lastTalked: null },
      ],
    })
    expect(warm.slice(3).map((a) => ('code' in a ? a.code : 'answered'))).toEqual(['bad_request', 'conflict', 'not_found', 'answered'])
  })

  it('finds anyone at a company or with a tag, ranking all their paths together', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await network(backend)
    const company = await ok(backend, 'paths.find', { company: 'gamma', maxHops: 4 })
    expect(company.target).toEqual({ kind: 'company', name: 'Gamma', people: 2 })
    expect(new Set(company.paths.map((p) => p.people.at(-1)?.name))).toEqual(new Set(['Cy', 'Dee']))
    const tag = await ok(backend, 'paths.find', { tag: 'seed investor' })
    expect(tag.targets).toBe(2)
    const scores = tag.paths.map((p) => p.score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
  })

  it('lists the people I already know at a company strongest first, then by name as the People list has them', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    const ids = new Map<string, number>()
    for (const [name, strength] of [['Zed', 3], ['émile', 3], ['Ana', 3], ['Mo', 3], ['Cy', 2], ['Bea', 4], ['ana', 3]] as const) {
      const person = await ok(backend, 'people.create', { name, company: 'Harbor', allowDuplicate: true })
      await ok(backend, 'relationships.set', { a: me.id, b: person.id, strength })
      ids.set(name, person.id)
    }
    const result = await ok(backend, 'paths.find', { company: 'harbor' })
    // Case and accents aside ("émile" among the e's), as on the People page; names that fold alike in the order
    // they were added ("Ana" before "ana", where a locale's collation puts lower case first).
    // Namesakes at the same company, with no title to tell them apart, carry their id as well.
    expect(result.direct.map((d) => d.name)).toEqual(['Bea', `Ana (Harbor #${ids.get('Ana')})`, `ana (Harbor #${ids.get('ana')})`, 'émile', 'Mo', 'Zed', 'Cy'])
    // Given titles, the titles tell them apart.
    await ok(backend, 'people.update', { id: ids.get('Ana') ?? 0, patch: { title: 'Partner' } })
    await ok(backend, 'people.update', { id: ids.get('ana') ?? 0, patch: { title: 'Analyst' } })
    const titled = await ok(backend, 'paths.find', { company: 'harbor' })
    expect(titled.direct.map((d) => d.name).slice(1, 3)).toEqual(['ana (Harbor, Analyst)', 'Ana (Harbor, Partner)'])
  })

  it('follows every write: a new relationship, an interaction, a favor, an ask, an archive, the settings', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, ana, cy } = await network(backend)
    const score = async () => (await ok(backend, 'paths.find', { to: cy.id })).paths[0]?.score ?? 0
    const first = await score()
    await ok(backend, 'interactions.log', { date: '2026-11-20', kind: 'call', people: [ana.id] })
    const afterTalk = await score()
    expect(afterTalk).toBeGreaterThan(first)
    await ok(backend, 'favors.log', { giverId: me.id, receiverId: ana.id, date: '2026-11-21', kind: 'advice', size: 'large' })
    const afterFavor = await score()
    expect(afterFavor).toBeCloseTo((afterTalk / 0.85) * 1.0, 9)
    // A drafted ask is not yet an ask; once made, it is the way to Cy under way (and tires Ana only for others, fatigue.test.ts).
    const ask = await ok(backend, 'introductions.request', { path: [me.id, ana.id, cy.id] })
    expect(await score()).toBeCloseTo(afterFavor, 9)
    expect((await ok(backend, 'paths.find', { to: cy.id })).paths[0]?.underWay).toEqual({ id: ask.id, state: 'draft' })
    await ok(backend, 'introductions.move', { id: ask.id, to: 'asked', date: '2026-11-21' })
    expect(await score()).toBeCloseTo(afterFavor, 9)
    expect((await ok(backend, 'paths.find', { to: cy.id })).paths[0]?.underWay).toEqual({ id: ask.id, state: 'asked' })
    await ok(backend, 'people.archive', { id: ana.id })
    expect((await ok(backend, 'paths.find', { to: cy.id })).paths.map((p) => p.people[1]?.name)).toEqual(['Ben'])
    await ok(backend, 'settings.scoring.set', { ...DEFAULT_SCORING, base: [0.2, 0.9, 0.6, 0.8, 0.95] })
    const withSettings = await ok(backend, 'paths.find', { to: cy.id })
    expect(withSettings.paths[0]?.factors[0]?.label).toContain('acquaintance (2) x0.90')
    await ok(backend, 'settings.scoring.reset', {})
    expect(await ok(backend, 'settings.scoring.get', {})).toEqual(DEFAULT_SCORING)
    // Jobs and asks were read, and read again after each write, into lists of their own: the empty list every
    // node starts with, shared by all, is still empty (an entry there would be everyone's).
    expect(NO_ENTRIES).toEqual([])
  })

  it('refuses bad requests with typed errors', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, ana, ben, cy } = await network(backend)
    expect((await fails(backend, 'paths.find', {})).code).toBe('bad_request')
    expect((await fails(backend, 'paths.find', { to: cy.id, company: 'Acme' })).code).toBe('bad_request')
    expect((await fails(backend, 'paths.find', { to: 999 })).code).toBe('not_found')
    expect((await fails(backend, 'paths.find', { to: me.id })).code).toBe('bad_request')
    expect((await fails(backend, 'paths.find', { to: cy.id, maxHops: 5 })).code).toBe('bad_request')
    expect((await fails(backend, 'introductions.request', { path: [me.id, ben.id, ana.id] })).message).toMatch(/Ben and Ana are not known to know each other/)
    expect((await fails(backend, 'introductions.request', { path: [ana.id, cy.id, ben.id] })).message).toMatch(/must start with you/)
    expect((await fails(backend, 'introductions.request', { path: [me.id, ana.id, me.id] })).message).toMatch(/appears twice/)
    expect((await fails(backend, 'settings.scoring.set', { ...DEFAULT_SCORING, hopPenalty: 7 })).code).toBe('bad_request')
    expect(await ok(backend, 'introductions.list', {})).toEqual([])
  })

  it('records a request and lists it', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, ana, cy } = await network(backend)
    const shown = (await ok(backend, 'paths.find', { to: cy.id })).paths.find((p) => p.people.map((x) => x.id).join() === [me.id, ana.id, cy.id].join())
    if (shown === undefined) throw new Error('no path through Ana')
    // The backend scores the ask itself, as the path search did: a page cannot set it.
    const request = await ok(backend, 'introductions.request', { path: [me.id, ana.id, cy.id] })
    expect(request).toMatchObject({ state: 'draft', connector: { id: ana.id, name: 'Ana' }, target: { id: cy.id, name: 'Cy' }, score: shown.score })
    expect((await fails(backend, 'introductions.request', { path: [me.id, ana.id, cy.id], score: 0.99 })).code).toBe('bad_request')
    expect(await ok(backend, 'introductions.list', {})).toEqual([request])
  })

  it('shows the ask already under way on its path, refuses asking the same person for the same introduction twice, and allows it once that ask ended', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { me, ana, ben, cy, dee } = await network(backend)
    const through = async (to: number, name: string) => (await ok(backend, 'paths.find', { to })).paths.find((p) => p.people[1]?.name === name)
    expect((await through(cy.id, 'Ana'))?.underWay).toBeNull()
    const ask = await ok(backend, 'introductions.request', { path: [me.id, ana.id, cy.id] })
    // On the next visit (or after the command line asked), the path says so: the page opens it instead of asking again.
    expect((await through(cy.id, 'Ana'))?.underWay).toEqual({ id: ask.id, state: 'draft' })
    expect((await through(cy.id, 'Ben'))?.underWay).toBeNull()
    // A longer path whose first step is the same ask (Ana for Cy, on the way to Dee) is under way too.
    expect((await through(dee.id, 'Ana'))?.underWay).toEqual({ id: ask.id, state: 'draft' })
    const twice = await fails(backend, 'introductions.request', { path: [me.id, ana.id, cy.id, dee.id] })
    expect(twice.code).toBe('conflict')
    expect(twice.message).toBe(`You are already asking Ana to introduce you to Cy (introduction ${ask.id}, draft).`)
    await ok(backend, 'introductions.move', { id: ask.id, to: 'asked', date: '2026-11-21' })
    expect((await through(cy.id, 'Ana'))?.underWay).toEqual({ id: ask.id, state: 'asked' })
    // Another connector for the same person is another ask, and its checks say Ana is asked already.
    const another = async () => (await through(cy.id, 'Ben'))?.beforeYouAsk.find((c) => c.question === 'Could you reach Cy another way?')
    expect(await another()).toEqual({
      question: 'Could you reach Cy another way?',
      verdict: 'stop',
      reason: `You already asked Ana to introduce you to Cy (introduction ${ask.id}): wait for that answer first.`,
    })
    const viaBen = await ok(backend, 'introductions.request', { path: [me.id, ben.id, cy.id] })
    expect((await ok(backend, 'introductions.get', { id: viaBen.id })).checks.find((c) => c.question === 'Could you reach Cy another way?')?.verdict).toBe('stop')
    // And Ana's path now says Ben is drafted for the same.
    expect((await through(cy.id, 'Ana'))?.beforeYouAsk[2]).toMatchObject({ verdict: 'caution', reason: `You have a draft asking Ben to introduce you to Cy (introduction ${viaBen.id}): ask one of them, not both.` })
    await ok(backend, 'introductions.move', { id: ask.id, to: 'declined', date: '2026-11-22' })
    expect((await through(cy.id, 'Ana'))?.underWay).toBeNull()
    expect((await another())?.verdict).not.toBe('stop')
    // Declined is an answer: asking again is the user's call (Before you ask says stop), not a repeat.
    const again = await ok(backend, 'introductions.request', { path: [me.id, ana.id, cy.id] })
    expect(again.id).not.toBe(ask.id)
    expect(await ok(backend, 'introductions.list', { state: 'draft' })).toHaveLength(2)
    // Taking the "declined" back would make two live asks of Ana for Cy: refused, naming the other.
    expect((await fails(backend, 'introductions.undoMove', { id: ask.id })).message).toBe(
      `Introduction ${again.id} asks Ana to introduce you to Cy too (draft): this one stays declined.`,
    )
    // Ben's draft and Dee asked for Cy too: the stronger word is said (asked, not the draft).
    await ok(backend, 'relationships.set', { a: me.id, b: dee.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: dee.id, b: cy.id, strength: 4 })
    const viaDee = await ok(backend, 'introductions.request', { path: [me.id, dee.id, cy.id] })
    await ok(backend, 'introductions.move', { id: viaDee.id, to: 'asked', date: '2026-11-22' })
    expect((await through(cy.id, 'Ana'))?.beforeYouAsk[2]).toMatchObject({ verdict: 'stop', reason: `You already asked Dee to introduce you to Cy (introduction ${viaDee.id}): wait for that answer first.` })
    // Introduced, and asked again (from the command line, say): taking "introduced" back would make two live asks.
    for (const to of ['asked', 'agreed', 'introduced']) await ok(backend, 'introductions.move', { id: again.id, to, date: '2026-11-22', confirmed: true })
    const third = await ok(backend, 'introductions.request', { path: [me.id, ana.id, cy.id] })
    expect((await fails(backend, 'introductions.undoMove', { id: again.id })).message).toBe(
      `Introduction ${third.id} asks Ana to introduce you to Cy too (draft): this one stays introduced.`,
    )
  })
  it('answers four-relationship questions from today\'s network: a new relationship or an archived connector changes the next answer', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    const add = (name: string) => ok(backend, 'people.create', { name })
    const [ana, bo, cal, tess, zed] = [await add('Ana'), await add('Bo'), await add('Cal'), await add('Tess'), await add('Zed')]
    const know = (a: number, b: number, strength: number) => ok(backend, 'relationships.set', { a, b, strength })
    await know(me.id, ana.id, 3)
    await know(ana.id, bo.id, 3)
    await know(bo.id, cal.id, 4)
    await know(cal.id, tess.id, 4)
    await know(cal.id, zed.id, 4)
    const names = async (to: number) => (await ok(backend, 'paths.find', { to, maxHops: 4 })).paths.map((p) => p.people.map((x) => x.name).join(' > '))

    expect(await names(tess.id)).toEqual(['Jordan > Ana > Bo > Cal > Tess'])
    expect(await names(zed.id)).toEqual(['Jordan > Ana > Bo > Cal > Zed'])
    // Someone I know better who knows Bo well: the next question's best path starts with them.
    const ben = await add('Ben')
    await know(me.id, ben.id, 5)
    await know(ben.id, bo.id, 5)
    expect(await names(tess.id)).toEqual(['Jordan > Ben > Bo > Cal > Tess', 'Jordan > Ana > Bo > Cal > Tess'])
    await ok(backend, 'people.archive', { id: ben.id })
    expect(await names(zed.id)).toEqual(['Jordan > Ana > Bo > Cal > Zed'])
  })

  it('names a namesake with their company for as long as someone else bears the name, and plainly once renamed', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    const tess = await ok(backend, 'people.create', { name: 'Tess' })
    const sams = [] as { id: number }[]
    for (const company of ['Acme', 'Beta', 'Gamma']) {
      const sam = await ok(backend, 'people.create', { name: 'Sam Cole', company, allowDuplicate: true })
      await ok(backend, 'relationships.set', { a: me.id, b: sam.id, strength: 4 })
      await ok(backend, 'relationships.set', { a: sam.id, b: tess.id, strength: 4 })
      sams.push(sam)
    }
    const dana = await ok(backend, 'people.create', { name: 'Dana', company: 'Delta' })
    await ok(backend, 'relationships.set', { a: me.id, b: dana.id, strength: 3 })
    await ok(backend, 'relationships.set', { a: dana.id, b: tess.id, strength: 3 })
    const connectors = async () => (await ok(backend, 'paths.find', { to: tess.id })).paths.map((p) => p.people[1]?.name).sort()
    expect(await connectors()).toEqual(['Dana', 'Sam Cole (Acme)', 'Sam Cole (Beta)', 'Sam Cole (Gamma)'])
    // Three Sam Coles become two: the one renamed is named plainly, the two left still by their company.
    await ok(backend, 'people.update', { id: sams[0]?.id ?? 0, patch: { name: 'Sam Kole' } })
    expect(await connectors()).toEqual(['Dana', 'Sam Cole (Beta)', 'Sam Cole (Gamma)', 'Sam Kole'])
    // Dana takes the name: a third Sam Cole, named by her company at once.
    await ok(backend, 'people.update', { id: dana.id, patch: { name: 'Sam Cole' } })
    expect(await connectors()).toEqual(['Sam Cole (Beta)', 'Sam Cole (Delta)', 'Sam Cole (Gamma)', 'Sam Kole'])
  })

  it('asks whether the connector knows the next person when their relationship is only believed or inferred, not when known firsthand', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    const add = (name: string) => ok(backend, 'people.create', { name })
    const [grace, omar, lena, yara, tess] = [await add('Grace Ferreira'), await add('Omar Haddad'), await add('Lena Fischer'), await add('Yara Said'), await add('Tess Moreau')]
    await ok(backend, 'relationships.set', { a: me.id, b: grace.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: me.id, b: lena.id, strength: 4 })
    // Learned from threads both were on: believed, not known firsthand.
    await ok(backend, 'relationships.set', { a: grace.id, b: omar.id, strength: 2, confidence: 'believed', contexts: ['on 3 threads together'] })
    await ok(backend, 'relationships.set', { a: lena.id, b: omar.id, strength: 2 })
    await ok(backend, 'relationships.set', { a: grace.id, b: yara.id, strength: 3, confidence: 'inferred' })
    await ok(backend, 'relationships.set', { a: yara.id, b: tess.id, strength: 3 })
    const doubts = async (to: number) =>
      Object.fromEntries(
        (await ok(backend, 'paths.find', { to })).paths.map((p) => [
          p.people.map((x) => x.name.split(' ')[0]).join(' > '),
          p.beforeYouAsk.filter((c) => c.question.startsWith('Does ')).map((c) => `${c.verdict}: ${c.reason}`),
        ]),
      )
    expect(await doubts(omar.id)).toEqual({
      'Jordan > Lena > Omar': [],
      'Jordan > Grace > Omar': [
        'caution: Grace Ferreira and Omar Haddad are recorded as believed to know each other, not known firsthand. Ask Grace whether they know Omar before asking for the introduction.',
      ],
    })
    // A longer path: the ask to Grace is for Yara, so the doubt is about Grace and Yara.
    expect(await doubts(tess.id)).toEqual({
      'Jordan > Grace > Yara > Tess': [
        'caution: That Grace Ferreira knows Yara Said is recorded as inferred, not known firsthand. Ask Grace whether they know Yara before asking for the introduction.',
      ],
    })
    // Once the user records it as known firsthand, the question is gone.
    await ok(backend, 'relationships.set', { a: grace.id, b: omar.id, strength: 2, confidence: 'firsthand' })
    expect((await doubts(omar.id))['Jordan > Grace > Omar']).toEqual([])

    // Two people I introduced to each other are recorded as believed to know each other, and not doubted.
    const intro = await ok(backend, 'introductions.connect', { confirmed: true, a: lena.id, b: tess.id })
    await ok(backend, 'introductions.move', { id: intro.id, to: 'asking' })
    await ok(backend, 'introductions.answer', { id: intro.id, side: 'a', answer: 'yes' })
    await ok(backend, 'introductions.answer', { id: intro.id, side: 'b', answer: 'yes' })
    await ok(backend, 'introductions.move', { id: intro.id, to: 'introduced', confirmed: true })
    expect((await doubts(tess.id))['Jordan > Lena > Tess']).toEqual([])
  })
})
