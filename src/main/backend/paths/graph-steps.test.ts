import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORING } from '../../../shared/scoring'
import { seededRandom } from '../demo/random'
import { openTempBackend } from '../testing/temp'
import { PathGraph, type BuildStep } from './graph'
import { graphSnapshot as snapshot } from '../testing/graph-snapshot'
import { readRelationshipColumns } from './relationship-columns'
import { topPaths } from './search'

const TODAY = '2026-11-22'
/** More people than one read of a build in steps takes (12,500; jobs for 4,000), with gaps in their ids. */
const PEOPLE = 23_000
const COMPANIES = ['Harbor Capital', 'Harbor Capital, Inc.', 'Stripe', 'Acme', 'Northwind', 'Globex Ltd', 'Initech']

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
      // Jobs added later to people already there, out of id order (as edits and imports add them).
      for (let k = 0; k < PEOPLE / 2; k++) job.run(pick(ids), pick(COMPANIES), null, null)
      for (let e = 0; e < PEOPLE * 2; e++) {
        const a = pick(ids)
        const b = random() < 0.1 ? 1 : pick(ids)
        if (a !== b) rel.run(Math.min(a, b), Math.max(a, b), 1 + Math.floor(random() * 5), now, now)
      }
    })()
    // Someone deleted with foreign keys off: a relationship and a job still name them.
    sqlite.pragma('foreign_keys = OFF')
    sqlite.prepare('INSERT INTO relationship (person_a, person_b, strength, created_at, updated_at) VALUES (1, 99999999, 3, ?, ?)').run(now, now)
    sqlite.prepare("INSERT INTO employment (person_id, company, start_date, end_date) VALUES (99999999, 'Initech', NULL, NULL)").run()
    sqlite.pragma('foreign_keys = ON')
    // The first build gives every company its organisation; then people with no company are placed by their work address.
    new PathGraph(sqlite, DEFAULT_SCORING, TODAY).finishBuild()
    const northwind = sqlite.prepare<[], number>("SELECT id FROM organisation WHERE name = 'Northwind'").pluck().get()
    sqlite.prepare("INSERT INTO organisation_domain (domain, organisation_id, source) VALUES ('northwind.example', ?, 'user')").run(northwind)

    const atOnce = new PathGraph(sqlite, DEFAULT_SCORING, TODAY)
    const inSteps = new PathGraph(sqlite, DEFAULT_SCORING, TODAY, null, 'in steps')
    const steps: BuildStep[] = []
    for (let step = inSteps.buildStep(); step !== 'done'; step = inSteps.buildStep()) steps.push(step)
    // Two reads of people, organisations, six reads of jobs, relationships, adjacency: each a step of its own.
    expect(steps.length).toBeGreaterThanOrEqual(11)
    expect(snapshot(inSteps)).toEqual(snapshot(atOnce))
    // After the warm-up's sync, the organisations too are read in steps (their paging: orgs/directory.test.ts).
    const afterSync = new PathGraph(sqlite, DEFAULT_SCORING, TODAY, null, 'in steps', true)
    afterSync.finishBuild()
    expect(snapshot(afterSync)).toEqual(snapshot(atOnce))
    expect(atOnce.orgIds.length).toBeGreaterThan(3)
    // Someone placed only by their address is there in both.
    const byAddress = ids.find((id) => sqlite.prepare<[number], number>('SELECT count(*) FROM person_email WHERE person_id = ?').pluck().get(id) === 1) ?? -1
    expect((inSteps.memOrg[inSteps.indexOf.get(byAddress) ?? -1] ?? []).length).toBeGreaterThan(0)
    expect(inSteps.memOrg[inSteps.indexOf.get(99999999) ?? -1]?.map((o) => inSteps.orgNames[o])).toEqual(['Initech'])
    const options = { maxHops: 3, limit: 10, perConnector: 2 } as const
    for (const id of ids.filter((_, k) => k % 997 === 0)) {
      const t = atOnce.indexOf.get(id) ?? -1
      expect(topPaths(inSteps, [t], options)).toEqual(topPaths(atOnce, [t], options))
    }
    await backend.close()
  }, 60_000)

  it('waits for relationships read elsewhere between steps, but asleep when it must finish at once', async () => {
    const backend = await openTempBackend()
    const sqlite = backend.sqlite
    const now = new Date().toISOString()
    for (let id = 1; id <= 3; id++) sqlite.prepare('INSERT INTO person (id, name, is_me, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, `P${id}`, id === 1 ? 1 : 0, now, now)
    sqlite.prepare('INSERT INTO relationship (person_a, person_b, strength, created_at, updated_at) VALUES (1, 2, 4, ?, ?), (2, 3, 4, ?, ?)').run(now, now, now, now)
    const columns = readRelationshipColumns(sqlite)
    // A reader that never says it is done: only taking the columns (which waits for them) ends the wait.
    let asked = 0
    let taken = 0
    const source = {
      ready: () => {
        asked++
        return false
      },
      take: () => {
        taken++
        return columns
      },
    }
    const g = new PathGraph(sqlite, DEFAULT_SCORING, TODAY, source, 'in steps')
    const steps: BuildStep[] = []
    for (let k = 0; k < 8; k++) steps.push(g.buildStep())
    expect(steps.slice(-3)).toEqual(['waiting', 'waiting', 'waiting'])
    expect(taken).toBe(0)
    const before = asked
    g.finishBuild()
    expect(asked).toBe(before)
    expect(taken).toBe(1)
    expect(g.neighbours(g.indexOf.get(2) ?? -1).map((i) => g.ids[i])).toEqual([1, 3])
    await backend.close()
  })
})
