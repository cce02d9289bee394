import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { seededRandom } from '../../src/main/backend/demo/random'
import { percentile, round, tempDir, type Figure, type Section } from '../lib'

/**
 * People, and how many queries Kith and fuse.js both answer at that size (the recall of both is
 * on these). fuse.js over every record takes about 0.25, 1 and 5 s a query here at these sizes,
 * so the counts keep the whole section near 8 minutes.
 */
const SIZES = [
  { people: 10_000, queries: 40 },
  { people: 50_000, queries: 20 },
  { people: 200_000, queries: 8 },
]
/**
 * The queries Kith's times are taken over, the same number at every size (the ones fuse.js
 * answers come first): a median of 8 different queries moved by half from one run to the next
 * with which 8 they were, more than the size did.
 */
const KITH_QUERIES = 100
const PATH_TARGETS = 100
/** Kith answers each query this many times, for steadier times. */
const PASSES = 10

interface Seeded {
  relationships: number
  seedMs: number
  targets: { id: number; query: string }[]
  fuse: { p50Ms: number; recall: number }
}

interface Measured {
  indexed: number
  loadMs: number
  pathTimes: number[]
  searchTimes: number[]
  recall: number
  weekFirstMs: number
  weekAgainMs: number
  rssMb: number
}

/** Runs one step of the probe in a fresh process and returns its last line, parsed. */
async function probe(args: string[]): Promise<unknown> {
  const script = path.join(import.meta.dirname, '..', 'scale-probe.ts')
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}')
}

export const scaleSection: Section = {
  name: 'scale',
  topLevel: true,
  description: `the growth curve: ${SIZES.map((s) => s.people.toLocaleString('en')).join(', ')} people with ten relationships each, names, companies, jobs; load (directory, search index and path graph), path and search times, search times over ${KITH_QUERIES} queries, top-3 recall against fuse.js on the first ${SIZES.map((s) => s.queries).join(', ')} of them, the week's review (its first list, then opened again), and memory, each size in fresh processes (about 8 minutes)`,
  async run() {
    const rows: Record<string, Figure>[] = []
    for (const { people, queries } of SIZES) {
      const dir = tempDir('scale')
      try {
        const seeded = (await probe(['seed', dir, String(people), String(KITH_QUERIES), String(queries)])) as Seeded
        const random = seededRandom(200)
        const pathTargets = Array.from({ length: PATH_TARGETS }, () => 2 + Math.floor(random() * (people - 1)))
        const measured = (await probe(['measure', dir, JSON.stringify(seeded.targets), JSON.stringify(pathTargets), String(PASSES), String(queries)])) as Measured
        rows.push({
          people,
          relationships: seeded.relationships,
          seed_ms: round(seeded.seedMs, 0),
          load_ms: round(measured.loadMs, 1),
          paths_p50_ms: round(percentile(measured.pathTimes, 50)),
          paths_p99_ms: round(percentile(measured.pathTimes, 99)),
          search_p50_ms: round(percentile(measured.searchTimes, 50)),
          search_p99_ms: round(percentile(measured.searchTimes, 99)),
          kith_queries: KITH_QUERIES,
          queries,
          top3_recall: round(measured.recall),
          fusejs_queries: queries,
          fusejs_p50_ms: round(seeded.fuse.p50Ms, 1),
          fusejs_top3_recall: round(seeded.fuse.recall),
          week_first_ms: round(measured.weekFirstMs, 1),
          week_again_ms: round(measured.weekAgainMs, 1),
          rss_mb: round(measured.rssMb, 1),
        })
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }
    const at = (people: number, key: string): number => Number(rows.find((r) => r.people === people)?.[key])
    return {
      scale: rows,
      paths_growth_50k_to_200k: round(at(200_000, 'paths_p50_ms') / at(50_000, 'paths_p50_ms'), 2),
      search_growth_50k_to_200k: round(at(200_000, 'search_p50_ms') / at(50_000, 'search_p50_ms'), 2),
    }
  },
}
