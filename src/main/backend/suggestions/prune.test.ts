import { describe, expect, it } from 'vitest'
import { pick, seededRandom } from '../demo/random'
import { readSuggestionSettings } from '../settings/service'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'
import { GainRules } from './gains'
import { PairSearch } from './pairs'
import { SUGGESTION_DEFAULTS, suggest, type SuggestSources } from './suggest'
import { describePeople, readNodeTraits } from './traits'

const LABELS = ['designers', 'seed investors', 'lawyers', 'editors', 'printers', 'hiring']
const TOPICS = ['climate', 'ai', 'health', 'music']
const TITLES = ['Co-founder & CEO', 'Seed Investor', 'Hiring Manager', 'Engineer', null]

describe('passing over pairs that cannot make the list', () => {
  it('gives the same list, reasons and people to ask about as scoring every pair, however many suggestions are asked for', async () => {
    const backend = await openTempBackend({ now: () => new Date('2026-11-18T12:00:00Z') })
    const random = seededRandom(4_242)
    const some = <T,>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (most + 1)) }, () => pick(random, items)))]
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    await ok(backend, 'settings.suggestions.set', { interests: ['climate', 'ai'], complementaryRoles: [{ a: 'founder', b: 'investor' }, { a: 'hiring manager', b: 'candidate' }] })
    const people: number[] = []
    for (let k = 0; k < 90; k++) {
      const tags = some(TOPICS, 2)
      if (random() < 0.15) tags.push('candidate')
      const person = await ok(backend, 'people.create', {
        name: `P${String(k).padStart(2, '0')}`,
        needs: some(LABELS, 2),
        offers: some(LABELS, 2),
        tags,
        title: pick(random, TITLES),
        knownBy: [{ id: me.id, strength: 2 + Math.floor(random() * 4), confidence: 'firsthand' }],
      })
      people.push(person.id)
    }
    for (let made = 0; made < 200; made++) {
      const [a, b] = [pick(random, people), pick(random, people)]
      if (a !== b) await ok(backend, 'relationships.set', { a, b, strength: 1 + Math.floor(random() * 5) })
    }
    const g = backend.paths()
    const rules = new GainRules(readSuggestionSettings(backend))
    const sources: SuggestSources = {
      traits: (eligible) => readNodeTraits(backend.sqlite, g.indexOf, g.ids, eligible, rules),
      describe: (ids) => describePeople(backend.sqlite, ids, rules),
    }
    for (const limit of [1, 3, 10, 40]) {
      const every = suggest(g, sources, new Set(), rules, { ...SUGGESTION_DEFAULTS, limit, prune: false })
      const passed = suggest(g, sources, new Set(), rules, { ...SUGGESTION_DEFAULTS, limit })
      expect(every.suggestions.length).toBeGreaterThan(0)
      expect(passed).toEqual(every)
    }
  }, 120_000)

  it('still asks about two people who share enough friends when everyone around them is far above the bar', async () => {
    const backend = await openTempBackend({ now: () => new Date('2026-11-18T12:00:00Z') })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    await ok(backend, 'settings.suggestions.set', { interests: [], complementaryRoles: [{ a: 'founder', b: 'investor' }] })
    const person = (name: string, title: string | null, strength: number | null) =>
      ok(backend, 'people.create', { name, title, knownBy: strength === null ? [] : [{ id: me.id, strength, confidence: 'firsthand' }] })
    // Thirty founders and thirty investors I know well: 900 pairs far above anything the two below can score.
    for (let k = 0; k < 30; k++) {
      await person(`Founder ${String(k).padStart(2, '0')}`, 'Founder', 5)
      await person(`Investor ${String(k).padStart(2, '0')}`, 'Investor', 5)
    }
    // Ten more of each I barely know, so the two below have long lists and are looked at past the bar.
    const late: number[] = []
    for (let k = 0; k < 10; k++) {
      late.push((await person(`Late founder ${k}`, 'Founder', 2)).id)
      await person(`Late investor ${k}`, 'Investor', 2)
    }
    // Quinn comes before Rosa and all the late investors in the order of reach: her list is looked at past the bar.
    const quinn = await person('Quinn Founder', 'Founder', 3)
    const rosa = await person('Rosa Investor', 'Investor', 2)
    // Two friends who know only Quinn and Rosa: a shared-people index of 1/2 + 1/2.
    for (const name of ['Sam', 'Tess']) {
      const friend = await person(name, null, null)
      await ok(backend, 'relationships.set', { a: friend.id, b: quinn.id, strength: 3 })
      await ok(backend, 'relationships.set', { a: friend.id, b: rosa.id, strength: 3 })
    }
    // Someone I owe, so the owed factor is in the bounds too.
    await ok(backend, 'favors.log', { giverId: late[3] ?? -1, receiverId: me.id, date: '2026-11-01', kind: 'advice', size: 'small' })

    const week = await ok(backend, 'week.get', {})
    expect(week.maybeKnown.map((m) => [m.a.name, m.b.name, m.shared, m.index].join(' / '))).toContain('Quinn Founder / Rosa Investor / 2 / 1')
    expect(week.suggestions.map((s) => `${s.a.name} + ${s.b.name}`).join(', ')).not.toMatch(/Quinn|Rosa|Late/)

    const g = backend.paths()
    const rules = new GainRules(readSuggestionSettings(backend))
    const sources: SuggestSources = {
      traits: (eligible) => readNodeTraits(backend.sqlite, g.indexOf, g.ids, eligible, rules),
      describe: (ids) => describePeople(backend.sqlite, ids, rules),
    }
    expect(suggest(g, sources, new Set(), rules)).toEqual(suggest(g, sources, new Set(), rules, { ...SUGGESTION_DEFAULTS, prune: false }))
  }, 120_000)

  it('drops two colleagues the same way from either side, when two shared organisations give the same chance', async () => {
    const backend = await openTempBackend({ now: () => new Date('2026-11-18T12:00:00Z') })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    // Lo and Hi overlapped a month at Alpha (10 people: a short overlap halves its 0.8) and both work at Beta
    // (20 people, no dates: 0.4), so both organisations give the same chance. Which one counts must not depend on
    // which of the two the pair was reached from (Hi, whom I know better, comes first in the pass).
    await ok(backend, 'people.create', {
      name: 'Lo',
      needs: ['design'],
      offers: ['legal'],
      company: 'Beta',
      employment: [{ company: 'Alpha', startDate: '2026-01-01', endDate: '2026-02-01' }],
      knownBy: [{ id: me.id, strength: 2, confidence: 'firsthand' }],
    })
    await ok(backend, 'people.create', {
      name: 'Hi',
      needs: ['legal'],
      offers: ['design'],
      employment: [{ company: 'Beta' }, { company: 'Alpha', startDate: '2026-01-15', endDate: '2026-03-01' }],
      knownBy: [{ id: me.id, strength: 5, confidence: 'firsthand' }],
    })
    for (let k = 0; k < 8; k++) await ok(backend, 'people.create', { name: `Alpha ${k}`, company: 'Alpha' })
    for (let k = 0; k < 18; k++) await ok(backend, 'people.create', { name: `Beta ${k}`, company: 'Beta' })
    // Lo was added first, so asked from Lo's side the shared organisation is Alpha, where few work together.
    const week = await ok(backend, 'week.get', {})
    expect(week.suggestions).toEqual([])
  }, 60_000)

  it('fills the list when a few people are in all the best pairs: a second pass with a bar over pairs of different people', async () => {
    const backend = await openTempBackend({ now: () => new Date('2026-11-18T12:00:00Z') })
    const me = await ok(backend, 'me.set', { name: 'Jordan' })
    await ok(backend, 'settings.suggestions.set', { interests: [], complementaryRoles: [{ a: 'founder', b: 'investor' }] })
    const person = (name: string, title: string, strength: number) => ok(backend, 'people.create', { name, title, knownBy: [{ id: me.id, strength, confidence: 'firsthand' }] })
    // Three founders and thirty investors I know best: the stars' ninety pairs are the best there are.
    const stars = new Set<string>()
    for (let k = 0; k < 3; k++) stars.add((await person(`Star founder ${k}`, 'Founder', 5)).name)
    for (let k = 0; k < 30; k++) await person(`Investor ${String(k).padStart(2, '0')}`, 'Investor', 5)
    // Twenty-four founders I know less well, eight at each strength, and ten investors I barely know.
    for (let k = 0; k < 24; k++) await person(`Founder ${String(k).padStart(2, '0')}`, 'Founder', 4 - Math.floor(k / 8))
    for (let k = 0; k < 10; k++) await person(`Far investor ${k}`, 'Investor', 2)
    const g = backend.paths()
    const rules = new GainRules(readSuggestionSettings(backend))
    const sources: SuggestSources = {
      traits: (eligible) => readNodeTraits(backend.sqlite, g.indexOf, g.ids, eligible, rules),
      describe: (ids) => describePeople(backend.sqlite, ids, rules),
    }

    // Above the first pass's bar, nearly every pair has a star in it: not enough different founders for a list of ten.
    const search = new PairSearch(g, sources.traits, rules.interestCount, rules.roleCount, new Set(), SUGGESTION_DEFAULTS)
    const foundersAboveBar = (): Set<string> => {
      const names = new Set<string>()
      search.candScore.forEach((score, k) => {
        if (score < search.bar.bar) return
        for (const i of [search.candA[k] ?? -1, search.candB[k] ?? -1]) if (g.names[i]?.includes('ounder') === true) names.add(g.names[i] ?? '')
      })
      return names
    }
    search.collect(true)
    expect(search.pruned).toBeGreaterThan(0)
    expect(foundersAboveBar().size).toBeLessThan(10)
    // The second pass also passes pairs over, and keeps at least ten different founders above its bar.
    search.collect(true, true)
    expect(search.pruned).toBeGreaterThan(0)
    expect(foundersAboveBar().size).toBeGreaterThanOrEqual(10)

    const listed = suggest(g, sources, new Set(), rules)
    expect(listed).toEqual(suggest(g, sources, new Set(), rules, { ...SUGGESTION_DEFAULTS, prune: false }))
    expect(listed.suggestions).toHaveLength(10)
    expect(listed.suggestions.slice(0, 3).map((s) => [g.names[s.a], g.names[s.b]].find((name) => name?.includes('ounder')))).toEqual([...stars])
  }, 120_000)
})
