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
for (const to of targets) {
  const start = performance.now()
  const res = await backend.dispatch('paths.find', { to, limit: 10 })
  times.push(performance.now() - start)
  if (!res.ok) throw new Error(res.error.message)
  if ((res.data as { paths: unknown[] }).paths.length > 0) withPaths++
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
    rssMb,
  }),
)
