import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Backend } from '../../src/main/backend/backend'
import { seededRandom } from '../../src/main/backend/demo/random'
import { percentile, round, tempDir, type Section } from '../lib'

const PEOPLE = 50_000
/** each newcomer links to this many people already there, by preferential attachment */
const LINKS_EACH = 10
const MY_CONTACTS = 3_000
const TARGETS = 200
/** the baselines answer the same targets as Kith: all of them */
const BASELINE_TARGETS = TARGETS
/**
 * Untimed queries before the timed ones, to other targets: enough for the
 * engine to have optimised the search and the words (with 200, it was still
 * compiling them through the first hundred timed queries: see docs/paths.md).
 * The first TARGETS of them are timed on their own, as the "early" figures.
 */
const WARM_UP = 1_000
const CONFIDENCES = ['firsthand', 'firsthand', 'believed', 'inferred'] as const

interface Synthetic {
  edges: [number, number, number, string][]
  /** my interactions: person, days ago */
  talks: [number, number][]
  /** person, organisation name, start and end as days ago (end null: still there) */
  jobs: [number, string, number, number | null][]
}

/** A few large organisations, many small ones: how people cluster in a real address book. */
const LARGE_ORGS = [3_000, 2_000, 1_200, 800]
const SMALL_ORGS = 2_500
const LEGAL = ['', '', '', ', Inc.', ' Ltd', ' GmbH']

/** Preferential attachment: well-connected people gain more ties; person 1 is me. */
export function buildGraph(people = PEOPLE): Synthetic {
  const random = seededRandom(500_000)
  const ends: number[] = []
  const seen = new Set<string>()
  const edges: Synthetic['edges'] = []
  const add = (a: number, b: number): boolean => {
    if (a === b) return false
    const key = a < b ? `${a}:${b}` : `${b}:${a}`
    if (seen.has(key)) return false
    seen.add(key)
    const strength = 1 + Math.floor(random() ** 1.6 * 5)
    edges.push([Math.min(a, b), Math.max(a, b), strength, CONFIDENCES[Math.floor(random() * CONFIDENCES.length)] ?? 'firsthand'])
    ends.push(a, b)
    return true
  }
  for (let a = 2; a <= LINKS_EACH + 2; a++) for (let b = a + 1; b <= LINKS_EACH + 2; b++) add(a, b)
  for (let person = LINKS_EACH + 3; person <= people; person++) {
    let made = 0
    while (made < LINKS_EACH) if (add(person, ends[Math.floor(random() * ends.length)] ?? 2)) made++
  }
  let mine = 0
  while (mine < MY_CONTACTS) if (add(1, 2 + Math.floor(random() * (people - 1)))) mine++
  const talks: [number, number][] = []
  for (let k = 0; k < 1_500; k++) talks.push([2 + Math.floor(random() * (people - 1)), Math.floor(random() * 700)])
  // Organisations: the large ones, then small ones of 2 to 20 people; a third of the jobs have ended.
  const jobs: Synthetic['jobs'] = []
  const place = (org: string, size: number): void => {
    for (let k = 0; k < size; k++) {
      const start = 30 + Math.floor(random() * 3000)
      const end = random() < 0.33 ? Math.floor(random() * start) : null
      jobs.push([2 + Math.floor(random() * (people - 1)), `${org}${LEGAL[Math.floor(random() * LEGAL.length)] ?? ''}`, start, end])
    }
  }
  LARGE_ORGS.forEach((size, k) => place(`Large Org ${k + 1}`, size))
  for (let k = 0; k < SMALL_ORGS; k++) place(`Small Org ${k + 1}`, 2 + Math.floor(random() * 19))
  return { edges, talks, jobs }
}

export function seed(backend: Backend, graph: Synthetic, people = PEOPLE): void {
  const sqlite = backend.sqlite
  const now = new Date().toISOString()
  sqlite.transaction(() => {
    const person = sqlite.prepare('INSERT INTO person (id, name, is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    for (let id = 1; id <= people; id++) person.run(id, id === 1 ? 'Me' : `Person ${id}`, id === 1 ? 1 : 0, now, now)
  })()
  seedTies(backend, graph)
}

/** Relationships, my interactions and jobs, between people already there (person 1 is me). */
export function seedTies(backend: Backend, graph: Synthetic): void {
  const sqlite = backend.sqlite
  const now = new Date().toISOString()
  const today = Date.now()
  sqlite.transaction(() => {
    const rel = sqlite.prepare('INSERT INTO relationship (person_a, person_b, strength, confidence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    for (const [a, b, strength, confidence] of graph.edges) rel.run(a, b, strength, confidence, now, now)
    const interaction = sqlite.prepare("INSERT INTO interaction (occurred_on, kind, with_me, created_at, updated_at) VALUES (?, 'call', 1, ?, ?)")
    const present = sqlite.prepare('INSERT INTO interaction_person (interaction_id, person_id) VALUES (?, ?)')
    for (const [who, daysAgo] of graph.talks) {
      const id = interaction.run(new Date(today - daysAgo * 86_400_000).toISOString().slice(0, 10), now, now).lastInsertRowid
      present.run(id, who)
    }
    const day = (ago: number): string => new Date(today - ago * 86_400_000).toISOString().slice(0, 10)
    const job = sqlite.prepare('INSERT INTO employment (person_id, company, start_date, end_date) VALUES (?, ?, ?, ?)')
    for (const [who, org, start, end] of graph.jobs) job.run(who, org, day(start), end === null ? null : day(end))
  })()
}

export const pathsSection: Section = {
  name: 'paths',
  description: `${PEOPLE.toLocaleString('en')} people, about ${(PEOPLE * LINKS_EACH + MY_CONTACTS).toLocaleString('en')} relationships, top 10 paths to ${TARGETS} targets`,
  async run() {
    const graph = buildGraph()
    const random = seededRandom(200)
    const targets = Array.from({ length: TARGETS }, () => 2 + Math.floor(random() * (PEOPLE - 1)))
    // The warm-up's targets, from their own stream (see paths-probe.ts).
    const other = seededRandom(201)
    const warmUp = Array.from({ length: WARM_UP }, () => 2 + Math.floor(other() * (PEOPLE - 1)))
    const dir = tempDir('paths')
    try {
      const seeding = await Backend.open({ dataDir: dir })
      seed(seeding, graph)
      // The first use gives every company name its organisation, as an import's first search would.
      seeding.paths()
      await seeding.close()

      // Everything measured in one fresh process (its time and memory are Kith's alone until the baselines start).
      const probe = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, '..', 'paths-probe.ts'), dir, JSON.stringify(targets), String(BASELINE_TARGETS), JSON.stringify(warmUp)],
        { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      )
      if (probe.status !== 0) throw new Error(`the paths probe failed: ${probe.stderr}`)
      const measured = JSON.parse(probe.stdout.trim().split('\n').pop() ?? '{}') as {
        loadMs: number
        graphMs: number
        times: number[]
        earlyTimes: number[]
        withPaths: number
        contractViolations: number
        rssMb: number
        floorTimes: number[]
        graphologyBuildMs: number
        glTimes: number[]
        ngTimes: number[]
      }
      const sorted = (list: readonly number[]): number[] => [...list].sort((a, b) => a - b)
      const times = sorted(measured.times)
      const p50 = percentile(times, 50)
      const early = sorted(measured.earlyTimes)
      const floorP50 = percentile(sorted(measured.floorTimes), 50)
      const glP50 = percentile(sorted(measured.glTimes), 50)
      const ngP50 = percentile(sorted(measured.ngTimes), 50)

      return {
        nodes: PEOPLE,
        edges: graph.edges.length,
        organisations: LARGE_ORGS.length + SMALL_ORGS,
        jobs: graph.jobs.length,
        colleague_inference: 'on',
        queries: TARGETS,
        targets_with_paths: measured.withPaths,
        contract_violations: measured.contractViolations,
        p50_ms: round(p50),
        p99_ms: round(percentile(times, 99)),
        warm_up_queries: WARM_UP,
        // No goal: the first queries after the graph is built, while the engine still compiles (what a user's first searches feel).
        early_queries: early.length,
        early_p50_ms: round(percentile(early, 50)),
        early_p99_ms: round(percentile(early, 99)),
        floor_p50_ms: round(floorP50),
        graphology_p50_ms: round(glP50, 2),
        ngraph_p50_ms: round(ngP50, 2),
        baseline_queries: BASELINE_TARGETS,
        graph_build_ms: round(measured.graphMs, 1),
        graphology_build_ms: round(measured.graphologyBuildMs, 1),
        load_ms: round(measured.loadMs, 1),
        rss_mb: round(measured.rssMb, 1),
        // The goals, as ratios from this one run.
        p50_over_floor: round(p50 / floorP50, 2),
        graphology_over_p50: round(glP50 / p50, 1),
        ngraph_over_p50: round(ngP50 / p50, 1),
        p99_over_p50: round(percentile(times, 99) / p50, 2),
        build_over_graphology: round(measured.graphMs / measured.graphologyBuildMs, 3),
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}

