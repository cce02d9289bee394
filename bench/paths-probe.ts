/**
 * Run by the paths bench in a fresh process, so that load time and memory
 * are Kith's alone: open the database, build what path search needs, answer
 * the queries, print one JSON line.
 */
import { Backend } from '../src/main/backend/backend'

const [dataDir, targetList] = process.argv.slice(2)
if (dataDir === undefined || targetList === undefined) throw new Error('usage: paths-probe DATA_DIR TARGETS_JSON')
const targets = JSON.parse(targetList) as number[]

const loadStart = performance.now()
const backend = await Backend.open({ dataDir })
const graphStart = performance.now()
backend.paths()
const directoryStart = performance.now()
backend.directory()
const loadMs = performance.now() - loadStart

const times: number[] = []
let withPaths = 0
/** answers breaking the CLI contract: people from me to the target, score = product of factors (1e-9) */
let contractViolations = 0
const meId = backend.paths().ids[backend.paths().me]
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
await backend.close()
console.log(
  JSON.stringify({
    loadMs,
    openMs: graphStart - loadStart,
    graphMs: directoryStart - graphStart,
    directoryMs: performance.now() - directoryStart - times.reduce((a, b) => a + b, 0),
    times,
    withPaths,
    contractViolations,
    rssMb,
  }),
)
