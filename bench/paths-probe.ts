/**
 * Run by the paths bench in a fresh process, so that load time and memory
 * are Kith's alone, and every figure of the section comes from this one
 * process and run: open the database, build Kith's path graph, answer the
 * queries through dispatch, then on the same targets the floor
 * (`paths-floor.ts`), graphology (built from the same rows read from SQLite)
 * and ngraph.path. Prints one JSON line.
 */
import Graph from 'graphology'
import { bidirectional } from 'graphology-shortest-path/dijkstra'
import createGraph from 'ngraph.graph'
import ngraphPath from 'ngraph.path'
import { Backend } from '../src/main/backend/backend'
import { dayNumber, edgeChance, hopOf } from '../src/main/backend/paths/scoring'
import { isConfidence } from '../src/shared/vocab'
import { FloorSearch } from './paths-floor'

const [dataDir, targetList, baselineCount, warmUpList] = process.argv.slice(2)
if (dataDir === undefined || targetList === undefined) throw new Error('usage: paths-probe DATA_DIR TARGETS_JSON [BASELINE_TARGETS] [WARM_UP_TARGETS_JSON]')
const targets = JSON.parse(targetList) as number[]
const baselineTargets = targets.slice(0, baselineCount === undefined ? targets.length : Number(baselineCount))
/**
 * Untimed queries first, to other targets than the timed ones, the same for
 * Kith and the floor: neither is timed while the JIT warms up or while the
 * caches just built settle in memory (the app builds them in its warm-up,
 * long before the user asks), and every timed query is a first visit. The
 * first of Kith's warm-up queries, as many as the timed ones, are timed on
 * their own: the early figures, right after the graph is built.
 */
const warmUp = warmUpList === undefined ? targets.slice(0, Math.min(20, targets.length)) : (JSON.parse(warmUpList) as number[])

const loadStart = performance.now()
const backend = await Backend.open({ dataDir })
const graphStart = performance.now()
const g = backend.paths()
const directoryStart = performance.now()
backend.directory()
const loadEnd = performance.now()
const loadMs = loadEnd - loadStart

const times: number[] = []
let withPaths = 0
/** answers breaking the CLI contract: people from me to the target, score = product of factors (1e-9) */
let contractViolations = 0
const meId = g.ids[g.me]
const earlyTimes: number[] = []
for (const to of warmUp) {
  const start = performance.now()
  await backend.call('paths.find', { to, limit: 10 })
  if (earlyTimes.length < targets.length) earlyTimes.push(performance.now() - start)
}
for (const to of targets) {
  const start = performance.now()
  const answer = await backend.call('paths.find', { to, limit: 10 })
  times.push(performance.now() - start)
  if (answer.paths.length > 0) withPaths++
  for (const p of answer.paths) {
    const product = p.factors.reduce((a, f) => a * f.value, 1)
    if (Math.abs(product - p.score) > 1e-9 || p.people[0]?.id !== meId || p.people[p.people.length - 1]?.id !== to) contractViolations++
  }
}
const rssMb = process.memoryUsage().rss / 1024 / 1024

// The floor, on the very arrays Kith's graph holds.
const floor = new FloorSearch(g, 10, hopOf(g.scoring, 3))
const node = (id: number): number => g.indexOf.get(id) ?? -1
for (const t of warmUp) floor.find(node(t))
const floorTimes: number[] = []
for (const t of targets) {
  const i = node(t)
  const start = performance.now()
  floor.find(i)
  floorTimes.push(performance.now() - start)
}

// graphology: the same graph from the same rows, read from SQLite here, weights -ln p(e).
const sqlite = backend.sqlite
const s = g.scoring
const today = dayNumber(backend.today())
const glStart = performance.now()
const gl = new Graph({ type: 'undirected' })
for (const id of sqlite.prepare<[], number>('SELECT id FROM person').pluck().iterate()) gl.addNode(String(id))
const meRow = sqlite.prepare<[], number>('SELECT id FROM person WHERE is_me = 1').pluck().get()
const myLast = new Map<number, number>()
for (const [person, last] of sqlite
  .prepare<[], [number, string]>(
    `SELECT ip.person_id, max(i.occurred_on) FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id
     WHERE i.with_me = 1 GROUP BY ip.person_id`,
  )
  .raw()
  .iterate()) {
  myLast.set(person, dayNumber(last))
}
const weightOf = (a: number, b: number, strength: number, confidence: string): number => {
  const touchesMe = a === meRow || b === meRow
  const last = touchesMe ? myLast.get(a === meRow ? b : a) : undefined
  return -Math.log(edgeChance(s, strength, isConfidence(confidence) ? confidence : 'firsthand', last === undefined ? null : today - last, touchesMe))
}
const rows: [number, number, number][] = []
for (const [a, b, strength, confidence] of sqlite
  .prepare<[], [number, number, number, string]>('SELECT person_a, person_b, strength, confidence FROM relationship')
  .raw()
  .iterate()) {
  const w = weightOf(a, b, strength, confidence)
  gl.addEdge(String(a), String(b), { w })
  rows.push([a, b, w])
}
const graphologyBuildMs = performance.now() - glStart
const ng = createGraph<undefined, { w: number }>()
for (const [a, b, w] of rows) ng.addLink(a, b, { w })
await backend.close()

// One unbounded best path each, on the same targets.
const glTimes: number[] = []
const ngTimes: number[] = []
const finder = ngraphPath.nba<undefined, { w: number }>(ng, { distance: (_from, _to, link) => link.data.w })
const glWeight = (_edge: string, attributes: { w?: unknown }): number => (typeof attributes.w === 'number' ? attributes.w : Infinity)
for (const t of baselineTargets) {
  let start = performance.now()
  bidirectional(gl, String(meRow), String(t), glWeight)
  glTimes.push(performance.now() - start)
  start = performance.now()
  finder.find(meRow ?? 1, t)
  ngTimes.push(performance.now() - start)
}

console.log(
  JSON.stringify({
    loadMs,
    openMs: graphStart - loadStart,
    graphMs: directoryStart - graphStart,
    directoryMs: loadEnd - directoryStart,
    times,
    earlyTimes,
    withPaths,
    contractViolations,
    rssMb,
    floorTimes,
    graphologyBuildMs,
    glTimes,
    ngTimes,
    nodes: g.ids.length,
    edges: rows.length,
  }),
)
