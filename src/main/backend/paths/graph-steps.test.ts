import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORING } from '../../../shared/scoring'
import { seededRandom } from '../demo/random'
import { openTempBackend } from '../testing/temp'
import { PathGraph, type BuildStep } from './graph'
import { topPaths } from './search'

const TODAY = '2026-11-22'
/** More people than one read of a build in steps takes jobs for (10,000), with gaps in their ids. */
const PEOPLE = 23_000
const COMPANIES = ['Harbor Capital', 'Harbor Capital, Inc.', 'Stripe', 'Acme', 'Northwind', 'Globex Ltd', 'Initech']

/** Everything the paths read of a graph, as plain data: nodes, relationships, memberships and organisations. */
function snapshot(g: PathGraph): unknown {
  const n = g.ids.length
  const members = g.orgMembers.map((list) => [...list].sort((a, b) => a - b))
  return {
    me: g.me,
    ids: [...g.ids],
    names: [...g.names],
    archived: Array.from({ length: n }, (_, i) => g.archived[i] === true),
    balance: Array.from({ length: n }, (_, i) => g.balance[i] ?? 0),
    neighbours: Array.from({ length: n }, (_, i) => [...g.neighbours(i)].sort((a, b) => a - b)),
    chances: Array.from({ length: n }, (_, i) => [...g.neighbours(i)].sort((a, b) => a - b).map((j) => g.p(i, j))),
    jobs: Array.from({ length: n }, (_, i) => ({ orgs: [...(g.memOrg[i] ?? [])], starts: [...(g.memStart[i] ?? [])], ends: [...(g.memEnd[i] ?? [])] })),
    orgIds: [...g.orgIds],
    orgNames: [...g.orgNames],
    members,
  }
}

describe('a path graph built in steps', () => {
  it('is the graph built at once: the same people, relationships, jobs and paths, its jobs read a range of people at a time', async () => {
    const backend = await openTempBackend()
    const random = seededRandom(17)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
    const sqlite = backend.sqlite
    const now = new Date().toISOString()
    const ids: number[] = []
    sqlite.transaction(() => {
      const person = sqlite.prepare('INSERT INTO person (id, name, company, is_me, archived_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      const job = sqlite.prepare('INSERT INTO employment (person_id, company, start_date, end_date) VALUES (?, ?, ?, ?)')
      const email = sqlite.prepare('INSERT INTO person_email (person_id, email, email_norm, position) VALUES (?, ?, ?, 0)')
      const rel = sqlite.prepare('INSERT OR IGNORE INTO relationship (person_a, person_b, strength, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      let id = 0
      for (let k = 0; k < PEOPLE; k++) {
        // Ids with gaps, as deletes leave them.
        id += random() < 0.2 ? 3 : 1
        ids.push(id)
        const company = random() < 0.5 ? pick(COMPANIES) : null
        person.run(id, `Person ${id}`, company, id === 1 ? 1 : 0, random() < 0.02 ? now : null, now, now)
        // Jobs out of id order, some ended, some with no start: the order a whole read gives them is kept per person.
        for (let j = Math.floor(random() * 3); j > 0; j--) {
          const start = random() < 0.2 ? null : `20${10 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-01`
          job.run(id, pick(COMPANIES), start, random() < 0.3 && start !== null ? '2024-06-30' : null)
        }
        if (company === null && random() < 0.3) email.run(id, `p${id}@northwind.example`, `p${id}@northwind.example`)
      }
      for (let e = 0; e < PEOPLE * 2; e++) {
        const a = pick(ids)
        const b = random() < 0.1 ? 1 : pick(ids)
        if (a !== b) rel.run(Math.min(a, b), Math.max(a, b), 1 + Math.floor(random() * 5), now, now)
      }
    })()
    // The first build gives every company its organisation; then people with no company are placed by their work address.
    new PathGraph(sqlite, DEFAULT_SCORING, TODAY).finishBuild()
    const northwind = sqlite.prepare<[], number>("SELECT id FROM organisation WHERE name = 'Northwind'").pluck().get()
    sqlite.prepare("INSERT INTO organisation_domain (domain, organisation_id, source) VALUES ('northwind.example', ?, 'user')").run(northwind)

    const atOnce = new PathGraph(sqlite, DEFAULT_SCORING, TODAY)
    const inSteps = new PathGraph(sqlite, DEFAULT_SCORING, TODAY, null, 'in steps')
    const steps: BuildStep[] = []
    for (let step = inSteps.buildStep(); step !== 'done'; step = inSteps.buildStep()) steps.push(step)
    // People, organisations, three reads of jobs, relationships, adjacency: each a step of its own.
    expect(steps.length).toBeGreaterThanOrEqual(7)
    expect(snapshot(inSteps)).toEqual(snapshot(atOnce))
    expect(atOnce.orgIds.length).toBeGreaterThan(3)
    // Someone placed only by their address is there in both.
    const byAddress = ids.find((id) => sqlite.prepare<[number], number>('SELECT count(*) FROM person_email WHERE person_id = ?').pluck().get(id) === 1) ?? -1
    expect((inSteps.memOrg[inSteps.indexOf.get(byAddress) ?? -1] ?? []).length).toBeGreaterThan(0)
    const options = { maxHops: 3, limit: 10, perConnector: 2 } as const
    for (const id of ids.filter((_, k) => k % 997 === 0)) {
      const t = atOnce.indexOf.get(id) ?? -1
      expect(topPaths(inSteps, [t], options)).toEqual(topPaths(atOnce, [t], options))
    }
    await backend.close()
  }, 60_000)
})
