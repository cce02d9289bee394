import { describe, expect, it } from 'vitest'
import type { WeekView } from '../../../shared/types'
import type { Backend } from '../backend'
import { pick, seededRandom } from '../demo/random'
import { ok } from '../testing/call'
import { openTempBackend } from '../testing/temp'

/** A Wednesday in ISO week 2026-W47. */
const NOW = new Date('2026-11-18T12:00:00Z')

const FIRST = ['Ana', 'Ben', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ida', 'Jo', 'Kai', 'Lu']
const LABELS = ['Designers', 'seed investors', 'lawyers', 'editors', 'printers', 'Pilot  customers', 'hiring', 'mentors', 'a CTO', 'grants']
const TOPICS = ['climate', 'AI', 'fintech', 'health', 'design', 'music']
const TITLES = ['Co-founder & CEO', 'Principal, Seed Investor', 'Senior Hiring Manager', 'Founders Fund scout', 'Engineer', 'Designer', null, null]
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella']

/**
 * A seeded network of 120 people built through dispatch, with all that moves
 * the weekly list: needs and offers, interests and roles (by tag and by
 * title), my ties at every strength, archived people, colleagues, favors I
 * owe, people who share many friends, and interactions for cold ties.
 */
async function seededNetwork(backend: Backend) {
  const random = seededRandom(1_717)
  const some = <T,>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (most + 1)) }, () => pick(random, items)))]
  const me = await ok(backend, 'me.set', { name: 'Jordan' })
  await ok(backend, 'settings.suggestions.set', {
    interests: ['climate', 'ai', 'Health'],
    complementaryRoles: [
      { a: 'founder', b: 'investor' },
      { a: 'hiring manager', b: 'candidate' },
    ],
  })
  const people: number[] = []
  for (let k = 0; k < 120; k++) {
    const strength = Math.floor(random() * 6) // 0: not known to me
    const tags = some(TOPICS, 2)
    if (random() < 0.1) tags.push('candidate')
    if (random() < 0.1) tags.push('import LinkedIn 2026-11-01')
    const company = random() < 0.3 ? pick(random, COMPANIES) : null
    const person = await ok(backend, 'people.create', {
      name: `${pick(random, FIRST)} ${String(k).padStart(3, '0')}`,
      allowDuplicate: true,
      needs: some(LABELS, 2),
      offers: some(LABELS, 2),
      tags,
      title: pick(random, TITLES),
      employment: company === null ? [] : [{ company, title: null, startDate: '2020-01-01', endDate: null }],
      knownBy: strength === 0 ? [] : [{ id: me.id, strength, confidence: 'firsthand' }],
    })
    people.push(person.id)
  }
  for (let made = 0; made < 240; made++) {
    const [a, b] = [pick(random, people), pick(random, people)]
    if (a !== b) await ok(backend, 'relationships.set', { a, b, strength: 1 + Math.floor(random() * 5) })
  }
  // Two who would gain from each other and share three friends known to nobody else: "do they already know each other?"
  const pair = []
  for (const name of ['Max', 'Mia']) {
    pair.push(await ok(backend, 'people.create', { name, tags: ['climate'], cadenceDays: 90, knownBy: [{ id: me.id, strength: 4, confidence: 'firsthand' }] }))
  }
  const [x, y] = pair.map((p) => p.id)
  for (const name of ['Zed', 'Zoe', 'Zia']) {
    const friend = await ok(backend, 'people.create', { name, knownBy: [{ id: x ?? -1, strength: 3, confidence: 'firsthand' }] })
    await ok(backend, 'relationships.set', { a: friend.id, b: y ?? -1, strength: 3 })
  }
  for (const id of [people[11], people[40], people[77]]) if (id !== undefined) await ok(backend, 'people.archive', { id })
  for (const id of [people[5], people[21], people[60]]) {
    if (id !== undefined) await ok(backend, 'favors.log', { giverId: id, receiverId: me.id, date: '2026-10-01', kind: 'advice', size: 'large' })
  }
  for (let k = 0; k < 80; k++) {
    const date = `2026-${String(5 + Math.floor(random() * 6)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
    await ok(backend, 'interactions.log', { date, kind: 'call', people: [...new Set(Array.from({ length: 4 }, () => pick(random, people)))] })
  }
  await ok(backend, 'interactions.log', { date: '2026-07-01', kind: 'meeting', people: [x ?? -1] })
}

/** What the user sees of the week: each suggestion with its reasons, whom Kith asks about, cold ties. */
function seen(week: WeekView): string[] {
  return [
    ...week.suggestions.map((s) => `${s.rank}. ${s.a.name} + ${s.b.name} = ${s.score.toFixed(9)} [${s.status}]\n${s.reasons.map((r) => `   ${r.label} x ${r.value.toFixed(9)}`).join('\n')}`),
    ...week.maybeKnown.map((m) => `known? ${m.a.name} + ${m.b.name}: ${m.shared} shared, index ${m.index.toFixed(9)}`),
    ...week.coldTies.map((t) => `cold: ${t.person.name} (${t.strength}) ${t.lastTalked ?? 'never'}, every ${t.cadenceDays} days`),
  ]
}

describe('the weekly list on a fixed network', () => {
  it('names the same people, for the same reasons, in the same order, week after week', async () => {
    let now = NOW
    const backend = await openTempBackend({ now: () => now })
    await seededNetwork(backend)
    const w47 = await ok(backend, 'week.get', {})
    expect(seen(w47)).toMatchSnapshot()
    // The same list when opened again that week.
    expect(seen(await ok(backend, 'week.get', {}))).toEqual(seen(w47))
    const [first, second, third] = w47.suggestions
    if (first === undefined || second === undefined || third === undefined) throw new Error('expected three suggestions or more')
    await ok(backend, 'suggestions.act', { id: first.id, action: 'dismiss' })
    await ok(backend, 'suggestions.act', { id: second.id, action: 'snooze' })
    await ok(backend, 'suggestions.act', { id: third.id, action: 'start' })
    now = new Date('2026-11-25T12:00:00Z') // W48
    expect(seen(await ok(backend, 'week.get', {}))).toMatchSnapshot()
  }, 120_000)
})
