import { describe, expect, it } from 'vitest'
import { pick, seededRandom } from '../demo/random'
import { readSuggestionSettings } from '../settings/service'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'
import { GainRules } from './gains'
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
      traits: (eligible) => readNodeTraits(backend.sqlite, g.indexOf, eligible, rules),
      describe: (ids) => describePeople(backend.sqlite, ids, rules),
    }
    for (const limit of [1, 3, 10, 40]) {
      const every = suggest(g, sources, new Set(), rules, { ...SUGGESTION_DEFAULTS, limit, prune: false })
      const passed = suggest(g, sources, new Set(), rules, { ...SUGGESTION_DEFAULTS, limit })
      expect(every.suggestions.length).toBeGreaterThan(0)
      expect(passed).toEqual(every)
    }
  }, 120_000)
})
