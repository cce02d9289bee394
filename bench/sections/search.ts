import { Faker, en } from '@faker-js/faker'
import Fuse from 'fuse.js'
import fs from 'node:fs'
import { Backend } from '../../src/main/backend/backend'
import { FUSE_OPTIONS, type SearchDoc } from '../../src/main/backend/search/search-index'
import { normalizeEmail, normalizeLabel } from '../../src/main/backend/people/records'
import { medianMs, percentile, round, tempDir, type Section } from '../lib'

const PEOPLE = 50_000
/** fuse.js over every record takes about 4 s a query here: 50 keep the section under about 4 minutes. */
const QUERIES = 50
/** Kith answers each query this many times, for steadier times. */
const PASSES = 4
const TAGS = ['investor', 'design', 'engineering', 'climate', 'founder', 'sales', 'recruiting', 'media', 'health', 'fintech']

export interface Synthetic {
  id: number
  name: string
  company: string
  title: string
  email: string
  tags: string[]
}

/** One edit: a substituted, dropped, doubled or swapped letter, away from the first letter. */
function typo(faker: Faker, word: string): string {
  if (word.length < 3) return word
  const at = faker.number.int({ min: 1, max: word.length - 2 })
  const letter = faker.string.alpha({ length: 1, casing: 'lower' })
  switch (faker.number.int({ min: 0, max: 3 })) {
    case 0:
      return word.slice(0, at) + (letter === word[at] ? 'x' : letter) + word.slice(at + 1)
    case 1:
      return word.slice(0, at) + word.slice(at + 1)
    case 2:
      return word.slice(0, at) + letter + word.slice(at)
    default:
      return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2)
  }
}

function misspell(faker: Faker, name: string): string {
  const words = name.split(' ')
  const which = faker.number.int({ min: 0, max: words.length - 1 })
  return words.map((w, i) => (i === which ? typo(faker, w) : w)).join(' ')
}

export function seedDatabase(backend: Backend, people: Synthetic[]): void {
  const now = new Date().toISOString()
  const sqlite = backend.sqlite
  const person = sqlite.prepare('INSERT INTO person (id, name, company, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
  const email = sqlite.prepare('INSERT INTO person_email (person_id, email, email_norm, position) VALUES (?, ?, ?, 0)')
  const label = sqlite.prepare("INSERT INTO person_label (person_id, kind, label, label_norm, position) VALUES (?, 'tag', ?, ?, ?)")
  sqlite.transaction(() => {
    for (const p of people) {
      person.run(p.id, p.name, p.company, p.title, now, now)
      email.run(p.id, p.email, normalizeEmail(p.email))
      p.tags.forEach((t, i) => label.run(p.id, t, normalizeLabel(t), i))
    }
  })()
}

/** `count` made-up people (ids 1..count) and `queries` misspellings of some of their names, the same for a seed. */
export function makePeople(count: number, queries: number): { people: Synthetic[]; targets: { id: number; query: string }[] } {
  const faker = new Faker({ locale: [en] })
  faker.seed(20261122)
  const people: Synthetic[] = Array.from({ length: count }, (_, i) => {
    const first = faker.person.firstName()
    const last = faker.person.lastName()
    return {
      id: i + 1,
      name: `${first} ${last}`,
      company: faker.company.name(),
      title: faker.person.jobTitle(),
      email: faker.internet.email({ firstName: first, lastName: last }).toLowerCase(),
      tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
    }
  })
  const targets = Array.from({ length: queries }, () => {
    const p = faker.helpers.arrayElement(people)
    return { id: p.id, query: misspell(faker, p.name) }
  })
  return { people, targets }
}

/** The record Kith's search index holds for a made-up person. */
export function searchDoc(p: Synthetic): SearchDoc {
  return { id: p.id, name: p.name, aliases: [], company: p.company, title: p.title, tags: p.tags, emails: [p.email] }
}

/**
 * fuse.js over every record, with Kith's fields and options, on the same queries: its time and
 * top-3 recall. It takes seconds a query at 50,000 people.
 */
export function fuseBaseline(docs: readonly SearchDoc[], targets: readonly { id: number; query: string }[]): { p50Ms: number; recall: number } {
  const fuse = new Fuse(docs, FUSE_OPTIONS)
  const times: number[] = []
  let found = 0
  for (const { id, query } of targets) {
    const start = performance.now()
    const hits = fuse.search(query, { limit: 10 })
    times.push(performance.now() - start)
    if (hits.slice(0, 3).some((h) => h.item.id === id)) found++
  }
  times.sort((a, b) => a - b)
  return { p50Ms: percentile(times, 50), recall: found / targets.length }
}

/** Kith's search through dispatch: times over `passes` passes of the queries, top-3 recall from the first. */
export async function kithSearch(backend: Backend, targets: readonly { id: number; query: string }[], passes: number): Promise<{ times: number[]; recall: number }> {
  const times: number[] = []
  let found = 0
  for (let pass = 0; pass < passes; pass++) {
    for (const { id, query } of targets) {
      const start = performance.now()
      const hits = await backend.call('search', { query, limit: 10 })
      times.push(performance.now() - start)
      if (pass === 0 && hits.slice(0, 3).some((h) => h.id === id)) found++
    }
  }
  times.sort((a, b) => a - b)
  return { times, recall: found / targets.length }
}

export const searchSection: Section = {
  name: 'search',
  description: `${PEOPLE.toLocaleString('en')} people, ${QUERIES} queries with one typo in a real name, the same ${QUERIES} for Kith and for fuse.js over every record (about 4 s a query here, so few queries keep the section near 4 minutes; Kith's times are over ${PASSES} passes)`,
  async run() {
    const { people, targets } = makePeople(PEOPLE, QUERIES)
    const dir = tempDir('search')
    try {
      const backend = await Backend.open({ dataDir: dir })
      seedDatabase(backend, people)
      const directoryStart = performance.now()
      backend.directory()
      const directoryMs = performance.now() - directoryStart
      const listStart = performance.now()
      await backend.call('people.list', { sort: 'name', limit: 200 })
      const listFirstMs = performance.now() - listStart
      const windowMs = await medianMs(50, async (i) => {
        await backend.call('people.list', { sort: 'name', offset: (i * 997) % PEOPLE, limit: 200 })
      })
      const buildStart = performance.now()
      const indexedPeople = backend.directory().search.size
      const indexBuildMs = performance.now() - buildStart

      const kith = await kithSearch(backend, targets, PASSES)
      const heapMb = process.memoryUsage().heapUsed / 1024 / 1024
      await backend.close()
      const fuse = fuseBaseline(people.map(searchDoc), targets)

      return {
        people: PEOPLE,
        queries: QUERIES,
        p50_ms: round(percentile(kith.times, 50)),
        p99_ms: round(percentile(kith.times, 99)),
        top3_recall: round(kith.recall),
        fusejs_queries: QUERIES,
        fusejs_p50_ms: round(fuse.p50Ms, 1),
        fusejs_top3_recall: round(fuse.recall),
        fusejs_over_kith_p50: round(fuse.p50Ms / percentile(kith.times, 50), 0),
        directory_ms: round(directoryMs, 1),
        list_first_window_ms: round(listFirstMs, 1),
        list_window_ms: windowMs,
        index_build_ms: round(indexBuildMs, 1),
        indexed_people: indexedPeople,
        heap_mb: round(heapMb, 1),
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}
