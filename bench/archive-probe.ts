/**
 * Run by the archive bench in a fresh process, so that the import's time and
 * memory are Kith's alone: import one mbox end to end as `kith import` does
 * (read, learn, match, apply), accept what it proposed, then time path and
 * search queries on the graph it built; print one JSON line.
 */
import fs from 'node:fs'
import { Backend } from '../src/main/backend/backend'
import { seededRandom } from '../src/main/backend/demo/random'
import { archiveJobs } from '../src/main/backend/imports/archive/jobs'
import { percentile, round } from './lib'

const [file, dataDir, myName, myAddress] = process.argv.slice(2)
if (file === undefined || dataDir === undefined || myName === undefined || myAddress === undefined) throw new Error('usage: archive-probe MBOX DATA_DIR MY_NAME MY_ADDRESS')
const bytes = fs.statSync(file).size

/** Milliseconds of CPU this process used since `from` (user and system). */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from)
  return (used.user + used.system) / 1000
}

const backend = await Backend.open({ dataDir })
try {
  await backend.call('me.set', { name: myName })
  let peak = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }, 20)
  const start = performance.now()
  const cpu = process.cpuUsage()
  let status = await archiveJobs(backend).startPath(file, [myAddress])
  while (status.phase === 'reading' || status.phase === 'matching') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    status = await backend.call('imports.archiveJob', { jobId: status.jobId })
  }
  if (status.preview === null) throw new Error(`the archive import failed: ${status.error ?? status.phase}`)
  const result = await backend.call('imports.archiveApply', { jobId: status.jobId })
  const ms = performance.now() - start
  const cpuMs = cpuSince(cpu)
  clearInterval(sampler)

  // The graph this import built: accept what it proposed, then ask it what the user would.
  await backend.call('review.accept', { all: true })
  const people = backend.sqlite.prepare<[], number>('SELECT id FROM person WHERE is_me = 0 ORDER BY id').pluck().all()
  const ties = backend.sqlite.prepare<[], number>('SELECT count(*) FROM relationship').pluck().get() ?? 0
  const random = seededRandom(14_016)
  const targets = Array.from({ length: 200 }, () => people[Math.floor(random() * people.length)] ?? 0)
  const pathTimes: number[] = []
  for (const to of targets) {
    const t0 = performance.now()
    await backend.call('paths.find', { to, limit: 10 })
    pathTimes.push(performance.now() - t0)
  }
  const names = backend.sqlite.prepare<[], string>('SELECT name FROM person WHERE is_me = 0').pluck().all()
  const searchTimes: number[] = []
  for (let k = 0; k < 200; k++) {
    const name = names[Math.floor(random() * names.length)] ?? ''
    const query = name.slice(0, 3 + Math.floor(random() * Math.max(1, name.length - 3)))
    const t0 = performance.now()
    await backend.call('search', { query, limit: 10 })
    searchTimes.push(performance.now() - t0)
  }
  pathTimes.sort((a, b) => a - b)
  searchTimes.sort((a, b) => a - b)
  console.log(
    JSON.stringify({
    import_ms: round(ms, 0),
    import_cpu_ms: round(cpuMs, 0),
    import_mb_per_s: round(bytes / 1e6 / (ms / 1000), 1),
    import_peak_rss_mb: round(peak / 1e6, 0),
    import_people_created: result.peopleCreated,
    import_interactions: result.interactions,
    learned_people: people.length,
    learned_relationships: ties,
    learned_paths_p50_ms: round(percentile(pathTimes, 50)),
    learned_paths_p99_ms: round(percentile(pathTimes, 99)),
    learned_search_p50_ms: round(percentile(searchTimes, 50)),
    learned_search_p99_ms: round(percentile(searchTimes, 99)),
    }),
  )
} finally {
  await backend.close()
}
