import { Faker, en } from '@faker-js/faker'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Backend } from '../../src/main/backend/backend'
import { normalizeEmail, normalizeLabel } from '../../src/main/backend/people/records'
import { percentile, round, tempDir, type Section } from '../lib'
import { buildGraph, seed } from './paths'

const PEOPLE = 50_000
const TAGS = ['investor', 'design', 'engineering', 'climate', 'founder', 'sales', 'recruiting', 'media', 'health', 'fintech']
/** Companies people work at: a few hundred, as in a real address book (each a new organisation at first use). */
const COMPANIES = 400

/**
 * The paths bench's network (50,000 people, about 500,000 relationships,
 * jobs, my interactions), with what search reads on top: every person a
 * real-looking name, a company, a title, an email and a few tags.
 */
export async function seedNetwork(dir: string): Promise<void> {
  const backend = await Backend.open({ dataDir: dir })
  try {
    seed(backend, buildGraph())
    const faker = new Faker({ locale: [en] })
    faker.seed(20261128)
    const companies = Array.from({ length: COMPANIES }, () => faker.company.name())
    const sqlite = backend.sqlite
    const dress = sqlite.prepare('UPDATE person SET name = ?, company = ?, title = ? WHERE id = ?')
    const email = sqlite.prepare('INSERT INTO person_email (person_id, email, email_norm, position) VALUES (?, ?, ?, 0)')
    const label = sqlite.prepare("INSERT INTO person_label (person_id, kind, label, label_norm, position) VALUES (?, 'tag', ?, ?, ?)")
    sqlite.transaction(() => {
      for (let id = 2; id <= PEOPLE; id++) {
        const first = faker.person.firstName()
        const last = faker.person.lastName()
        dress.run(`${first} ${last}`, faker.helpers.arrayElement(companies), faker.person.jobTitle(), id)
        const address = faker.internet.email({ firstName: first, lastName: `${last}${id}` }).toLowerCase()
        email.run(id, address, normalizeEmail(address))
        faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }).forEach((tag, i) => label.run(id, tag, normalizeLabel(tag), i))
      }
    })()
    // The first use gives every company its organisation, as the app does as it goes: not part of a start.
    // Counting each company's people scans the tables once per name without an index: a temporary one
    // makes seeding quick, and is dropped so the file is as Kith makes it.
    sqlite.exec('CREATE INDEX bench_person_company ON person (company); CREATE INDEX bench_job_company ON employment (company)')
    backend.paths()
    sqlite.exec('DROP INDEX bench_person_company; DROP INDEX bench_job_company')
  } finally {
    await backend.close()
  }
}

interface Probed {
  relationships: number
  plainPassMs: number
  directoryPlainPassMs: number
  firstAnswerMs: number
  maxStallMs: number
  directoryMs: number
}

interface ProbedCalls {
  openMs: number
  /** how long each `me.get` sent while the caches warmed waited for its answer */
  callWaits: number[]
  searchAfterMs: number
  pathAfterMs: number
}

/** One start, measured by `startup-probe.ts` in a process of its own. */
function probe(dir: string, first: 'search' | 'path'): Probed
function probe(dir: string, first: 'calls'): ProbedCalls
function probe(dir: string, first: 'search' | 'path' | 'calls'): Probed | ProbedCalls {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'startup-probe.ts'), dir, first], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  if (run.status !== 0) throw new Error(`the startup probe failed: ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Probed | ProbedCalls
}

export const startupSection: Section = {
  name: 'startup',
  description: `${PEOPLE.toLocaleString('en')} people, about ${(PEOPLE * 10).toLocaleString('en')} relationships: open to the first search and path answers, against one plain pass over the same rows; how long a call waits while the caches warm`,
  async run() {
    // The starts run the built backend worker, as the app and browser mode do.
    const root = path.join(import.meta.dirname, '..', '..')
    const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
    if (built.status !== 0) throw new Error('the build failed')
    const dir = tempDir('startup')
    try {
      await seedNetwork(dir)
      // Each start in a fresh process: nothing cached from seeding or from the other start, and its event loop is the start's alone.
      const search = probe(dir, 'search')
      const paths = probe(dir, 'path')
      const calls = probe(dir, 'calls')
      const waits = [...calls.callWaits].sort((a, b) => a - b)
      // The faster of the two plain passes: the goals are ratios to it.
      const plain = Math.min(search.plainPassMs, paths.plainPassMs)
      return {
        people: PEOPLE,
        relationships: search.relationships,
        plain_pass_ms: round(plain, 1),
        first_search_ms: round(search.firstAnswerMs, 1),
        first_path_ms: round(paths.firstAnswerMs, 1),
        max_stall_ms: round(Math.max(search.maxStallMs, paths.maxStallMs), 1),
        ratio_search: round(search.firstAnswerMs / plain, 2),
        ratio_path: round(paths.firstAnswerMs / plain, 2),
        // No goal in numbers: the warm-up yields to calls, so a call waits at most for its step under way.
        calls_while_warming: waits.length,
        max_call_wait_ms: round(waits[waits.length - 1] ?? Number.NaN, 1),
        p99_call_wait_ms: round(percentile(waits, 99), 1),
        // Once warm, a search and a path search find their caches built.
        search_after_warm_up_ms: round(calls.searchAfterMs, 1),
        path_after_warm_up_ms: round(calls.pathAfterMs, 1),
        directory_ms: round(search.directoryMs, 1),
        directory_plain_pass_ms: round(search.directoryPlainPassMs, 1),
        ratio_directory: round(search.directoryMs / search.directoryPlainPassMs, 2),
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}
