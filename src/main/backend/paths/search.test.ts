import Database from 'better-sqlite3'
import fc from 'fast-check'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORING } from '../../../shared/scoring'
import { openDatabase } from '../db/open'
import { tempDir } from '../testing/temp'
import { PathGraph } from './graph'
import { allPaths, comparePaths, pathScore, topPaths, type PathFilter, type RawPath } from './search'

const TODAY = '2026-11-22'
const CONFIDENCES = ['firsthand', 'believed', 'inferred'] as const

interface RandomGraph {
  n: number
  edges: { a: number; b: number; strength: number; confidence: (typeof CONFIDENCES)[number] }[]
  archived: number[]
  /** my interactions: person index, days ago */
  talks: [number, number][]
  favors: [number, number][]
  asks: number[]
  /** person index, organisation, start and end as days ago (null: unknown start, ongoing) */
  jobs: { who: number; org: number; start: number | null; end: number | null }[]
  /** pairs the user said do not know each other */
  rejected: [number, number][]
}

const ORG_SPELLINGS = [['Harbor Capital', 'harbor capital', 'Harbor Capital, Inc.'], ['Stripe', 'Stripe Inc'], ['Acme']]

const randomGraph = fc
  .integer({ min: 3, max: 9 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.uniqueArray(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          b: fc.integer({ min: 0, max: n - 1 }),
          strength: fc.integer({ min: 1, max: 5 }),
          confidence: fc.constantFrom(...CONFIDENCES),
        }),
        { maxLength: (n * (n - 1)) / 2, selector: (e) => `${Math.min(e.a, e.b)}-${Math.max(e.a, e.b)}` },
      ),
      archived: fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { maxLength: 2 }),
      talks: fc.array(fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.integer({ min: 0, max: 400 })), { maxLength: 6 }),
      favors: fc.array(fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.integer({ min: -3, max: 3 })), { maxLength: 4 }),
      asks: fc.array(fc.integer({ min: 1, max: n - 1 }), { maxLength: 3 }),
      jobs: fc.array(
        fc.record({
          who: fc.integer({ min: 0, max: n - 1 }),
          org: fc.integer({ min: 0, max: 2 }),
          start: fc.option(fc.integer({ min: 0, max: 3000 })),
          end: fc.option(fc.integer({ min: 0, max: 1000 })),
        }),
        { maxLength: 8 },
      ),
      rejected: fc.array(fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.integer({ min: 1, max: n - 1 })), { maxLength: 2 }),
    }),
  )

const daysAgo = (days: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)

async function load(graph: RandomGraph): Promise<{ g: PathGraph; sqlite: Database.Database }> {
  const dir = tempDir()
  const opened = await openDatabase(path.join(dir, 'kith.sqlite'), { backupDir: path.join(dir, 'backups') })
  const sqlite = opened.sqlite
  const now = `${TODAY}T00:00:00Z`
  const person = sqlite.prepare('INSERT INTO person (id, name, is_me, archived_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
  for (let i = 0; i < graph.n; i++) {
    // Some equal names, to exercise the tie-breaks.
    person.run(i + 1, `P${i % 4}`, i === 0 ? 1 : 0, graph.archived.includes(i) ? now : null, now, now)
  }
  const rel = sqlite.prepare('INSERT INTO relationship (person_a, person_b, strength, confidence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
  for (const e of graph.edges) if (e.a !== e.b) rel.run(Math.min(e.a, e.b) + 1, Math.max(e.a, e.b) + 1, e.strength, e.confidence, now, now)
  for (const [who, daysAgo] of graph.talks) {
    const date = new Date(Date.parse(now) - daysAgo * 86_400_000).toISOString().slice(0, 10)
    const id = sqlite.prepare("INSERT INTO interaction (occurred_on, kind, with_me, created_at, updated_at) VALUES (?, 'call', 1, ?, ?)").run(date, now, now).lastInsertRowid
    sqlite.prepare('INSERT INTO interaction_person (interaction_id, person_id) VALUES (?, ?)').run(id, who + 1)
  }
  for (const [who, direction] of graph.favors) {
    if (direction === 0) continue
    const [giver, receiver] = direction > 0 ? [1, who + 1] : [who + 1, 1]
    const size = ['small', 'medium', 'large'][Math.abs(direction) - 1]
    sqlite.prepare("INSERT INTO favor (giver_id, receiver_id, occurred_on, kind, size, created_at, updated_at) VALUES (?, ?, ?, 'help', ?, ?, ?)").run(giver, receiver, TODAY, size, now, now)
  }
  for (const connector of graph.asks) {
    sqlite
      .prepare("INSERT INTO introduction (kind, state, path, connector_id, created_at, updated_at) VALUES ('ask', 'asked', ?, ?, ?, ?)")
      .run(JSON.stringify([1, connector + 1, 99]), connector + 1, now, now)
  }
  graph.jobs.forEach((job, k) => {
    const spellings = ORG_SPELLINGS[job.org] ?? ['Acme']
    sqlite
      .prepare('INSERT INTO employment (person_id, company, start_date, end_date) VALUES (?, ?, ?, ?)')
      .run(job.who + 1, spellings[k % spellings.length], job.start === null ? null : daysAgo(job.start), job.end === null ? null : daysAgo(Math.min(job.end, job.start ?? job.end)))
  })
  for (const [a, b] of graph.rejected) {
    if (a !== b) sqlite.prepare('INSERT OR IGNORE INTO colleague_rejection (person_a, person_b, created_at) VALUES (?, ?, ?)').run(Math.min(a, b) + 1, Math.max(a, b) + 1, now)
  }
  return { g: new PathGraph(sqlite, DEFAULT_SCORING, TODAY), sqlite }
}

/** Every simple path by plain recursion over the relationship rows, ranked and capped as the spec says. */
function bruteForce(g: PathGraph, graph: RandomGraph, target: number, maxHops: number, limit: number, cap: number, keep: PathFilter = () => true): RawPath[] {
  const adjacency = new Map<number, number[]>()
  const link = (a: number, b: number): void => {
    if (!(adjacency.get(a) ?? []).includes(b)) adjacency.set(a, [...(adjacency.get(a) ?? []), b])
    if (!(adjacency.get(b) ?? []).includes(a)) adjacency.set(b, [...(adjacency.get(b) ?? []), a])
  }
  for (const e of graph.edges) if (e.a !== e.b) link(e.a, e.b)
  // Colleagues: two people (not me, not archived) whose time at one organisation overlapped, not rejected, with no recorded relationship.
  const recorded = (a: number, b: number): boolean => graph.edges.some((e) => (e.a === a && e.b === b) || (e.a === b && e.b === a))
  const rejected = (a: number, b: number): boolean => graph.rejected.some(([x, y]) => (x === a && y === b) || (x === b && y === a))
  for (const x of graph.jobs) {
    for (const y of graph.jobs) {
      if (x.who >= y.who || x.org !== y.org || x.who === 0 || graph.archived.includes(x.who) || graph.archived.includes(y.who)) continue
      const endOf = (j: RandomGraph['jobs'][number]): number => (j.end === null ? 0 : Math.min(j.end, j.start ?? j.end))
      // An unknown start counts as late as it can be: the end.
      const startOf = (j: RandomGraph['jobs'][number]): number => j.start ?? endOf(j)
      const start = Math.min(startOf(x), startOf(y))
      const end = Math.max(endOf(x), endOf(y))
      if (start >= end && !recorded(x.who, y.who) && !rejected(x.who, y.who)) link(x.who, y.who)
    }
  }
  const blocked = (i: number): boolean => graph.archived.includes(i)
  const found: RawPath[] = []
  const extend = (trail: number[]): void => {
    const last = trail[trail.length - 1] ?? 0
    if (trail.length - 1 >= 2 && last === target) {
      found.push({ nodes: trail.map((i) => g.indexOf.get(i + 1) ?? -1), score: 0 })
      return
    }
    if (trail.length - 1 >= maxHops) return
    for (const next of adjacency.get(last) ?? []) {
      if (trail.includes(next) || blocked(next) || next === 0) continue
      if (trail.length === 1 && next === target) continue
      // Past the first connector, nobody I know: I would ask them myself.
      if (trail.length >= 2 && next !== target && graph.edges.some((e) => (e.a === 0 && e.b === next) || (e.b === 0 && e.a === next))) continue
      extend([...trail, next])
    }
  }
  if (!blocked(target) && target !== 0) extend([0])
  for (const p of found) p.score = pathScore(g, p.nodes)
  found.sort((a, b) => comparePaths(g, a, b))
  const perFirst = new Map<number, number>()
  return found
    .filter((p) => keep(p.nodes))
    .filter((p) => {
      const first = p.nodes[1] ?? -1
      const seen = perFirst.get(first) ?? 0
      perFirst.set(first, seen + 1)
      return seen < cap
    })
    .slice(0, limit)
}

describe('path search', () => {
  it('matches brute-force enumeration on random small graphs: same paths, order and scores', async () => {
    await fc.assert(
      fc.asyncProperty(randomGraph, fc.constantFrom(3 as const, 4 as const), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), async (graph, maxHops, target, limit) => {
        const { g, sqlite } = await load(graph)
        try {
          const t = target % graph.n
          const ti = g.indexOf.get(t + 1) ?? -1
          const expected = bruteForce(g, graph, t, maxHops, limit, 2)
          const got = topPaths(g, [ti], { maxHops, limit, perConnector: 2 })
          expect(got.map((p) => p.nodes)).toEqual(expected.map((p) => p.nodes))
          expect(got.map((p) => p.score)).toEqual(expected.map((p) => p.score))
          for (const p of got) {
            expect(new Set(p.nodes).size).toBe(p.nodes.length)
            expect(p.nodes.length - 1).toBeGreaterThanOrEqual(2)
            expect(p.nodes.length - 1).toBeLessThanOrEqual(maxHops)
          }
          // A filter (other ways leave out anyone who said no) keeps the list exact among the paths it keeps: a refused path takes no place under the caps.
          const avoided = g.indexOf.get(((t + 1) % graph.n) + 1) ?? -1
          const keep = (nodes: readonly number[]): boolean => !nodes.slice(1, -1).includes(avoided)
          const kept = topPaths(g, [ti], { maxHops, limit, perConnector: 2, keep })
          expect(kept.map((p) => p.nodes)).toEqual(bruteForce(g, graph, t, maxHops, limit, 2, keep).map((p) => p.nodes))
          // --all: every simple path, no cap.
          const every = allPaths(g, [ti], maxHops)
          expect(every.map((p) => p.nodes)).toEqual(bruteForce(g, graph, t, maxHops, Infinity, Infinity).map((p) => p.nodes))
          // Every step is a relationship or a colleague tie, and the score is their product.
          for (const p of every) expect(p.score).toBeGreaterThan(0)
        } finally {
          sqlite.close()
        }
      }),
      { numRuns: 150 },
    )
    // 150 databases, each migrated from empty: slow on a busy machine, never stuck.
  }, 180_000)

  it('scores a path as the product of its factors, as docs/scoring.md defines them', async () => {
    // me -1- ana -2- ben (target). Strength 4 firsthand, talked 90 days ago; strength 3, believed, never together.
    const { g, sqlite } = await load({
      n: 3,
      edges: [
        { a: 0, b: 1, strength: 4, confidence: 'firsthand' },
        { a: 1, b: 2, strength: 3, confidence: 'believed' },
      ],
      archived: [],
      talks: [[1, 90]],
      favors: [[1, 2]],
      asks: [1],
      jobs: [],
      rejected: [],
    })
    try {
      const [best] = topPaths(g, [g.indexOf.get(3) ?? -1], { maxHops: 3, limit: 5, perConnector: 2 })
      const pMeAna = 0.8 * (0.5 + 0.5 * 2 ** (-90 / 90)) * 1.0 // 0.6
      const reciprocity = 0.85 + 0.05 * 2 // I gave Ana a medium favor: 2 points
      const fatigue = 1 / (1 + 1) // one ask through Ana lately
      const pAnaBen = 0.6 * 0.75 * 0.7 // unknown recency between others, "I think they know each other"
      expect(best?.score).toBeCloseTo(pMeAna * reciprocity * fatigue * pAnaBen, 12)
    } finally {
      sqlite.close()
    }
  })

  it('finds a four-step way under a filter that refuses every better first connector', async () => {
    // me (0) knows A, B, C well and D less; each knows Mid (5), who knows Three (6), who knows the target (7).
    const strong = (a: number, b: number, strength: number) => ({ a, b, strength, confidence: 'firsthand' as const })
    const { g, sqlite } = await load({
      n: 8,
      edges: [strong(0, 1, 5), strong(0, 2, 5), strong(0, 3, 5), strong(0, 4, 3), strong(1, 5, 5), strong(2, 5, 5), strong(3, 5, 5), strong(4, 5, 5), strong(5, 6, 5), strong(6, 7, 5)],
      archived: [],
      talks: [],
      favors: [],
      asks: [],
      jobs: [],
      rejected: [],
    })
    try {
      const refused = new Set([1, 2, 3].map((k) => g.indexOf.get(k + 1) ?? -1))
      const keep = (nodes: readonly number[]): boolean => !refused.has(nodes[1] ?? -1)
      const [way] = topPaths(g, [g.indexOf.get(8) ?? -1], { maxHops: 4, limit: 1, perConnector: 2, keep })
      expect(way?.nodes.map((i) => g.ids[i])).toEqual([1, 5, 6, 7, 8])
    } finally {
      sqlite.close()
    }
  })
})
