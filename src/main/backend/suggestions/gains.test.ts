import { describe, expect, it } from 'vitest'
import type { PersonCreate } from '../../../shared/schemas'
import { DEFAULT_SUGGESTION_SETTINGS } from '../../../shared/suggestions'
import type { SuggestionView } from '../../../shared/types'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-18T12:00:00Z') // ISO week 2026-W47

/** Me, and these people, each known to me well (strength 4) and not to each other. */
async function knowing(backend: Backend, people: Partial<PersonCreate>[]) {
  const me = await ok(backend, 'me.set', { name: 'Jordan' })
  const made = []
  for (const p of people) {
    const person = await ok(backend, 'people.create', { name: p.name ?? 'Someone', ...p })
    await ok(backend, 'relationships.set', { a: me.id, b: person.id, strength: 4 })
    made.push(person)
  }
  return made
}

const pairs = (list: SuggestionView[]): string[] => list.map((s) => [s.a.name, s.b.name].sort().join('+'))

/** The reason that says what `name` gains, without its "NAME gains: " prefix. */
function gainOf(s: SuggestionView, name: string): string {
  const reason = s.reasons.find((r) => r.label.startsWith(`${name} gains: `))
  return reason?.label.slice(`${name} gains: `.length) ?? ''
}

function suggestionFor(list: SuggestionView[], a: string, b: string): SuggestionView {
  const found = list.find((s) => [s.a.name, s.b.name].sort().join('+') === [a, b].sort().join('+'))
  if (found === undefined) throw new Error(`no suggestion for ${a} and ${b}; got ${pairs(list).join(', ')}`)
  return found
}

const productOfReasons = (s: SuggestionView): number => s.reasons.reduce((p, r) => p * r.value, 1)

describe('a gain for each side, or no suggestion', () => {
  it('never suggests a one-sided match, nor asks whether its two already know each other', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const [cy, dee] = await knowing(backend, [
      { name: 'Cy', needs: ['designers'] },
      { name: 'Dee', offers: ['Designers'] },
    ])
    const week = await ok(backend, 'week.get', {})
    expect(week.suggestions).toEqual([])
    expect(week.maybeKnown).toEqual([])
    // Once Dee gains too (Cy offers what Dee looks for), the pair is suggested.
    await ok(backend, 'people.update', { id: cy?.id ?? -1, patch: { offers: ['pilot customers'] } })
    await ok(backend, 'people.update', { id: dee?.id ?? -1, patch: { needs: ['Pilot customers '] } })
    const next = await ok(backend, 'week.get', { week: '2026-W48' })
    expect(pairs(next.suggestions)).toEqual(['Cy+Dee'])
  })

  it('suggests a need met one way and a shared interest, naming both gains', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await ok(backend, 'settings.suggestions.set', { ...DEFAULT_SUGGESTION_SETTINGS, interests: ['Climate Tech'] })
    await knowing(backend, [
      { name: 'Ana', needs: ['fundraising advice'], tags: ['climate tech'] },
      { name: 'Ben', offers: ['Fundraising advice'], tags: ['Climate  tech', 'sailing'] },
      // Shares no interest with Ana and gains nothing from her: never suggested with her.
      { name: 'Cy', offers: ['fundraising advice'], tags: ['sailing'] },
    ])
    const week = await ok(backend, 'week.get', {})
    expect(pairs(week.suggestions)).toEqual(['Ana+Ben'])
    const s = suggestionFor(week.suggestions, 'Ana', 'Ben')
    expect(gainOf(s, 'Ana')).toBe('Ben can help with fundraising advice; both follow Climate Tech')
    expect(gainOf(s, 'Ben')).toBe('both follow Climate Tech')
    expect(s.reasons.some((r) => /nothing|both must gain/.test(r.label))).toBe(false)
    expect(Math.abs(s.score - productOfReasons(s))).toBeLessThan(1e-9)
    // The harmonic mean of Ana's full gain and Ben's half gain (an interest, worth half a need), eps 0.05 each.
    const [x, y] = [1 + 0.05, 0.5 + 0.05]
    const mutual = s.reasons.slice(0, 3).reduce((p, r) => p * r.value, 1)
    expect(mutual).toBeCloseTo((2 * x * y) / (x + y), 12)
    expect(s.reasons[2]?.label).toBe('Uneven: Ana gains more than Ben')
  })

  // With many people I do not know, only my ties' tags and titles are read (by their ids): the same roles.
  it.each([0, 30])('counts complementary roles from a tag or a title, as declared in Settings (and %i strangers holding them)', async (strangers) => {
    const backend = await openTempBackend({ now: () => NOW })
    for (let k = 0; k < strangers; k++) {
      await ok(backend, 'people.create', k % 2 === 0 ? { name: `Stranger ${k}`, title: 'Founder' } : { name: `Stranger ${k}`, tags: ['investor', 'candidate'] })
    }
    await knowing(backend, [
      { name: 'Fern', title: 'Co-founder & CEO' },
      { name: 'Ivo', tags: ['Investor'] },
      { name: 'Hal', title: 'Senior Hiring Manager' },
      { name: 'Cam', tags: ['candidate'] },
      // "Founders" is not the word "founder": no role.
      { name: 'Flo', title: 'Founders Fund scout' },
    ])
    const week = await ok(backend, 'week.get', {})
    expect(pairs(week.suggestions).sort()).toEqual(['Cam+Hal', 'Fern+Ivo'])
    const s = suggestionFor(week.suggestions, 'Fern', 'Ivo')
    expect(gainOf(s, 'Fern')).toBe('Ivo is an investor and Fern a founder')
    expect(gainOf(s, 'Ivo')).toBe('Fern is a founder and Ivo an investor')
    expect(gainOf(suggestionFor(week.suggestions, 'Hal', 'Cam'), 'Hal')).toBe('Cam is a candidate and Hal a hiring manager')

    // Without the founder/investor pair in Settings, Fern and Ivo gain nothing from each other.
    await ok(backend, 'settings.suggestions.set', { interests: [], complementaryRoles: [{ a: 'hiring manager', b: 'candidate' }] })
    const next = await ok(backend, 'week.get', { week: '2026-W52' })
    expect(pairs(next.suggestions)).toEqual(['Cam+Hal'])
  })

  it('never counts an import tag as an interest', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const source = 'import LinkedIn 2026-11-28'
    const refused = await fails(backend, 'settings.suggestions.set', { ...DEFAULT_SUGGESTION_SETTINGS, interests: ['climate', source] })
    expect(refused.code).toBe('bad_request')
    expect(refused.message).toMatch(/import tag/)
    // Even stored behind Kith's back, it does not count.
    backend.sqlite
      .prepare("INSERT INTO setting (key, value) VALUES ('suggestions', ?)")
      .run(JSON.stringify({ ...DEFAULT_SUGGESTION_SETTINGS, interests: ['climate', source] }))
    await knowing(backend, [
      { name: 'Ana', tags: [source] },
      { name: 'Ben', tags: [source] },
    ])
    expect((await ok(backend, 'week.get', {})).suggestions).toEqual([])
  })
})

describe('colleagues', () => {
  it('are not suggested to each other: at a small organisation they most likely know each other', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await knowing(backend, [
      { name: 'Amy', company: 'Stripe', needs: ['pricing advice'], offers: ['fintech partners'] },
      { name: 'Bob', company: 'Stripe, Inc.', needs: ['fintech partners'], offers: ['pricing advice'] },
      { name: 'Cleo', company: 'Acme', needs: ['fintech partners'], offers: ['pricing advice'] },
    ])
    const week = await ok(backend, 'week.get', {})
    expect(pairs(week.suggestions)).toEqual(['Amy+Cleo'])
  })
})

describe('starting a suggestion', () => {
  it("fills each side's opt-in with that side's own gain", async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await ok(backend, 'settings.suggestions.set', { ...DEFAULT_SUGGESTION_SETTINGS, interests: ['climate tech'] })
    await knowing(backend, [
      // Ben first: Ana is the second side of the introduction.
      { name: 'Ben Okafor', offers: ['fundraising advice'], tags: ['climate tech', 'investor'] },
      { name: 'Ana Silva', needs: ['fundraising advice'], tags: ['climate tech'], title: 'Founder' },
    ])
    const [s] = (await ok(backend, 'week.get', {})).suggestions
    if (s === undefined) throw new Error('expected a suggestion')
    const started = await ok(backend, 'suggestions.act', { id: s.id, action: 'start' })
    const intro = await ok(backend, 'introductions.get', { id: started.introductionId ?? -1 })
    const side = (name: string): 'a' | 'b' => (intro.people[0]?.name === name ? 'a' : 'b')
    const gain = (name: string): unknown => intro.details[side(name) === 'a' ? 'aGain' : 'bGain']
    expect(gain('Ana Silva')).toBe('you are looking for fundraising advice, and Ben can help; you are both interested in climate tech; as a founder, you may like to know Ben, an investor')
    expect(gain('Ben Okafor')).toBe('you are both interested in climate tech; as an investor, you may like to know Ana, a founder')
    // Ana gains more (her one need met, besides the interest and the role): she takes the next step once introduced.
    expect(side('Ana Silva')).toBe('b')
    expect(intro.details.schedules).toBe('b')
    expect(intro.drafts.email?.body).toContain('I will let Ana take it from here')
  })
})

describe('the sample network', () => {
  it('suggests several introductions, each naming a gain for each side, and each opt-in its own side’s gain', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await ok(backend, 'demo.load', {})
    const week = await ok(backend, 'week.get', {})
    expect(week.suggestions.length).toBeGreaterThanOrEqual(8)
    for (const s of week.suggestions) {
      expect(gainOf(s, s.a.name), `${s.a.name} in ${pairs([s])[0] ?? ''}`).not.toBe('')
      expect(gainOf(s, s.b.name), `${s.b.name} in ${pairs([s])[0] ?? ''}`).not.toBe('')
      expect(s.reasons.some((r) => /gains nothing|both must gain/.test(r.label))).toBe(false)
      expect(Math.abs(s.score - productOfReasons(s))).toBeLessThan(1e-9)
    }
    // All three kinds of gain appear on the sample network.
    const labels = week.suggestions.flatMap((s) => s.reasons.map((r) => r.label)).join('\n')
    expect(labels).toMatch(/gains: .* can help with /)
    expect(labels).toMatch(/both follow /)
    expect(labels).toMatch(/is an investor and .* a founder/)
    for (const s of week.suggestions.slice(0, 3)) {
      const started = await ok(backend, 'suggestions.act', { id: s.id, action: 'start' })
      const intro = await ok(backend, 'introductions.get', { id: started.introductionId ?? -1 })
      const first = (name: string): string => name.split(' ')[0] ?? name
      // Addressed to its own side ("you are looking for …"), so it never names that side.
      expect(intro.details.aGain).toMatch(/\byou\b/)
      expect(intro.details.bGain).toMatch(/\byou\b/)
      expect(String(intro.details.aGain)).not.toContain(first(s.a.name))
      expect(String(intro.details.bGain)).not.toContain(first(s.b.name))
    }
  })
})
