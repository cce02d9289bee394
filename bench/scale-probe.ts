/**
 * Run by the scale bench, one fresh process per step and size, so that each
 * size's time and memory are its own:
 * - `seed DIR PEOPLE QUERIES`: fills a database with made-up people (as the
 *   search section's) and their ties (as the paths section's), then times
 *   fuse.js over every record on the queries; prints one JSON line.
 * - `measure DIR QUERIES_JSON PATH_TARGETS_JSON PASSES`: opens it, builds
 *   the directory, search index and path graph, answers the path searches
 *   and the queries, and prints one JSON line with the process's memory.
 */
import { Backend } from '../src/main/backend/backend'
import { buildGraph, seedTies } from './sections/paths'
import { fuseBaseline, kithSearch, makePeople, searchDoc, seedDatabase } from './sections/search'

const [mode, dir, ...rest] = process.argv.slice(2)
if (dir === undefined) throw new Error('usage: scale-probe seed|measure DIR …')

if (mode === 'seed') {
  const people = Number(rest[0])
  const queries = Number(rest[1])
  const start = performance.now()
  const made = makePeople(people, queries)
  const backend = await Backend.open({ dataDir: dir })
  seedDatabase(backend, made.people)
  backend.sqlite.prepare('UPDATE person SET is_me = 1 WHERE id = 1').run()
  const graph = buildGraph(people)
  seedTies(backend, graph)
  // The first use gives every company name its organisation, as an import's first search would.
  backend.paths()
  await backend.close()
  const seedMs = performance.now() - start
  const fuse = fuseBaseline(made.people.map(searchDoc), made.targets)
  console.log(JSON.stringify({ relationships: graph.edges.length, seedMs, targets: made.targets, fuse }))
} else if (mode === 'measure') {
  const targets = JSON.parse(rest[0] ?? '[]') as { id: number; query: string }[]
  const pathTargets = JSON.parse(rest[1] ?? '[]') as number[]
  const passes = Number(rest[2] ?? 1)
  const start = performance.now()
  const backend = await Backend.open({ dataDir: dir })
  const indexed = backend.directory().search.size
  backend.paths()
  const loadMs = performance.now() - start
  const pathTimes: number[] = []
  for (const to of pathTargets) {
    const t = performance.now()
    await backend.call('paths.find', { to, limit: 10 })
    pathTimes.push(performance.now() - t)
  }
  pathTimes.sort((a, b) => a - b)
  const search = await kithSearch(backend, targets, passes)
  const rssMb = process.memoryUsage().rss / 1024 / 1024
  await backend.close()
  console.log(JSON.stringify({ indexed, loadMs, pathTimes, searchTimes: search.times, recall: search.recall, rssMb }))
} else {
  throw new Error(`scale-probe: no mode "${mode ?? ''}"`)
}
