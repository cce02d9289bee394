import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORING } from '../../../shared/scoring'
import { seededRandom } from '../demo/random'
import { openTempBackend } from '../testing/temp'
import { PathGraph } from './graph'
import type { LeftHalf } from './graph-core'
import { leftHalves } from './halves'

const TODAY = '2026-11-22'

/** Every me -> c1 -> m, by relationship or colleague tie, each pair once, the `keep` best per m: no bound, no organisation skipped. */
function everyHalf(g: PathGraph, mine: Float64Array, keep: number, fat: (i: number) => number): Map<number, LeftHalf[]> {
  const all = new Map<number, LeftHalf[]>()
  for (const c1 of g.neighbours(g.me)) {
    const m = mine[c1] ?? 0
    if (m === 0) continue
    for (let mid = 0; mid < g.ids.length; mid++) {
      if (mid === g.me || mid === c1 || g.archived[mid] === true || g.isMyContact(mid)) continue
      const p = g.p(c1, mid)
      if (p === 0) continue
      const list = all.get(mid) ?? []
      list.push({ value: m * p * fat(mid), first: c1 })
      all.set(mid, list)
    }
  }
  const name = (i: number): string => g.names[i] ?? ''
  for (const [mid, list] of all) {
    list.sort((a, b) => b.value - a.value || (name(a.first) < name(b.first) ? -1 : name(a.first) > name(b.first) ? 1 : a.first - b.first))
    all.set(mid, list.slice(0, keep))
  }
  return all
}

describe('the best two-step halves out of me, for four-relationship paths', () => {
  it('are every half ranked and cut, though colleague ties are walked an organisation at a time and cut short', async () => {
    const backend = await openTempBackend()
    const sqlite = backend.sqlite
    const random = seededRandom(41)
    const now = new Date().toISOString()
    const people = 400
    const companies = ['Big Co', 'Big Co, Inc.', 'Mid Co', 'Small Co']
    sqlite.transaction(() => {
      const person = sqlite.prepare('INSERT INTO person (id, name, company, is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      const job = sqlite.prepare('INSERT INTO employment (person_id, company, start_date, end_date) VALUES (?, ?, ?, ?)')
      const rel = sqlite.prepare('INSERT OR IGNORE INTO relationship (person_a, person_b, strength, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      for (let id = 1; id <= people; id++) {
        // Namesakes, so ties between equal halves are broken by name, then by node.
        person.run(id, `Person ${id % 150}`, random() < 0.5 ? companies[Math.floor(random() * 3)] : null, id === 1 ? 1 : 0, now, now)
        if (random() < 0.5) {
          // Short stays together count less: some jobs a few weeks long.
          const start = `202${Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-01`
          job.run(id, companies[Math.floor(random() * companies.length)], start, random() < 0.2 ? start.replace(/-01$/, '-20') : null)
        }
      }
      // My contacts (a third of everyone), each tie with a strength, and ties among the others.
      for (let id = 2; id <= people; id++) if (random() < 0.33) rel.run(1, id, 1 + Math.floor(random() * 5), now, now)
      for (let k = 0; k < people; k++) {
        const a = 2 + Math.floor(random() * (people - 1))
        const b = 2 + Math.floor(random() * (people - 1))
        if (a !== b) rel.run(Math.min(a, b), Math.max(a, b), 1 + Math.floor(random() * 5), now, now)
      }
    })()
    const g = new PathGraph(sqlite, DEFAULT_SCORING, TODAY)
    const mine = g.searchScratch().mine
    const fat = (i: number): number => g.fatigue(i)
    expect(Math.max(...g.orgMembers.map((list) => list.length))).toBeGreaterThan(100)
    for (const keep of [1, 3, 12]) {
      const got = leftHalves(g, mine, keep, fat, true)
      const expected = everyHalf(g, mine, keep, fat)
      expect(new Map([...got].sort((a, b) => a[0] - b[0]))).toEqual(new Map([...expected].sort((a, b) => a[0] - b[0])))
    }
    await backend.close()
  })
})
