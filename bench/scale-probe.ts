/**
 * Run by the scale bench, one fresh process per step and size, so that each
 * size's time and memory are its own:
 * - `seed DIR PEOPLE QUERIES [FUSE_QUERIES]`: fills a database with made-up
 *   people (as the search section's) and their ties (as the paths
 *   section's), then times fuse.js over every record on the first
 *   FUSE_QUERIES queries; prints one JSON line.
 * - `measure DIR QUERIES_JSON PATH_TARGETS_JSON PASSES [RECALL_QUERIES]`:
 *   opens it, builds the directory, search index and path graph, answers the
 *   path searches and the queries (Kith's top-3 recall on the first
 *   RECALL_QUERIES, fuse.js's), opens the week's review twice (its first
 *   list, then the week again), and prints one JSON line with the
 *   process's memory.
 */
import { Backend } from '../src/main/backend/backend'
import { seededRandom } from '../src/main/backend/demo/random'
import { normalizeOrgName } from '../src/shared/organisations'
import { buildGraph, seedTies } from './sections/paths'
import { fuseBaseline, kithSearch, makePeople, searchDoc, seedDatabase } from './sections/search'

/**
 * What Kith's first organisation sync would leave (one organisation per normalised name, named
 * by its most used spelling), written in one pass: the sync itself counts each spelling's uses
 * with a query over every person, which takes minutes at 10,000 people with their own company
 * names and would take hours at 200,000.
 */
function giveCompaniesOrganisations(backend: Backend): void {
  const sqlite = backend.sqlite
  const now = new Date().toISOString()
  const uses = new Map<string, number>()
  for (const company of sqlite.prepare<[], string>('SELECT company FROM person WHERE company IS NOT NULL UNION ALL SELECT company FROM employment').pluck().iterate()) {
    uses.set(company, (uses.get(company) ?? 0) + 1)
  }
  const byNorm = new Map<string, string[]>()
  for (const spelling of uses.keys()) {
    const norm = normalizeOrgName(spelling)
    const same = byNorm.get(norm)
    if (same === undefined) byNorm.set(norm, [spelling])
    else same.push(spelling)
  }
  const spelling = sqlite.prepare('INSERT INTO organisation_spelling (spelling, name_norm) VALUES (?, ?)')
  const org = sqlite.prepare('INSERT INTO organisation (name, created_at, updated_at) VALUES (?, ?, ?)')
  const name = sqlite.prepare("INSERT INTO organisation_name (name_norm, organisation_id, name, source) VALUES (?, ?, ?, 'data')")
  sqlite.transaction(() => {
    for (const [norm, spellings] of byNorm) {
      for (const s of spellings) spelling.run(s, norm)
      if (norm === '') continue
      const best = spellings.reduce((a, b) => ((uses.get(b) ?? 0) > (uses.get(a) ?? 0) ? b : a)).trim()
      name.run(norm, Number(org.run(best, now, now).lastInsertRowid), best)
    }
  })()
}

/** untimed path searches before the timed ones */
const WARM_UP_PATHS = 100

const [mode, dir, ...rest] = process.argv.slice(2)
if (dir === undefined) throw new Error('usage: scale-probe seed|measure DIR …')

if (mode === 'seed') {
  const people = Number(rest[0])
  const queries = Number(rest[1])
  const fuseQueries = Number(rest[2] ?? queries)
  const start = performance.now()
  const made = makePeople(people, queries)
  const backend = await Backend.open({ dataDir: dir })
  seedDatabase(backend, made.people)
  backend.sqlite.prepare('UPDATE person SET is_me = 1 WHERE id = 1').run()
  const graph = buildGraph(people)
  seedTies(backend, graph)
  giveCompaniesOrganisations(backend)
  await backend.close()
  const seedMs = performance.now() - start
  const fuse = fuseBaseline(made.people.map(searchDoc), made.targets.slice(0, fuseQueries))
  console.log(JSON.stringify({ relationships: graph.edges.length, seedMs, targets: made.targets, fuse }))
} else if (mode === 'measure') {
  const targets = JSON.parse(rest[0] ?? '[]') as { id: number; query: string }[]
  const pathTargets = JSON.parse(rest[1] ?? '[]') as number[]
  const passes = Number(rest[2] ?? 1)
  /** the first this many are fuse.js's queries too: Kith's recall is taken on them */
  const recallQueries = Number(rest[3] ?? targets.length)
  const start = performance.now()
  const backend = await Backend.open({ dataDir: dir })
  const indexed = backend.directory().search.size
  const people = backend.paths().ids.length
  const loadMs = performance.now() - start
  // Untimed path searches to other targets first, as the paths section does (see paths-probe.ts).
  const other = seededRandom(201)
  for (let k = 0; k < WARM_UP_PATHS; k++) await backend.call('paths.find', { to: 2 + Math.floor(other() * (people - 1)), limit: 10 })
  const pathTimes: number[] = []
  for (const to of pathTargets) {
    const t = performance.now()
    await backend.call('paths.find', { to, limit: 10 })
    pathTimes.push(performance.now() - t)
  }
  pathTimes.sort((a, b) => a - b)
  const search = await kithSearch(backend, targets, passes)
  const recall = (await kithSearch(backend, targets.slice(0, recallQueries), 1)).recall
  // The week's review: its first list in this process, then the week opened again.
  let t = performance.now()
  await backend.call('week.get', {})
  const weekFirstMs = performance.now() - t
  t = performance.now()
  await backend.call('week.get', {})
  const weekAgainMs = performance.now() - t
  const rssMb = process.memoryUsage().rss / 1024 / 1024
  await backend.close()
  console.log(JSON.stringify({ indexed, loadMs, pathTimes, searchTimes: search.times, recall, weekFirstMs, weekAgainMs, rssMb }))
} else {
  throw new Error(`scale-probe: no mode "${mode ?? ''}"`)
}
