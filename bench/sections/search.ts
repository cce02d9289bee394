import { Faker, en } from '@faker-js/faker'
import Fuse from 'fuse.js'
import fs from 'node:fs'
import { Backend } from '../../src/main/backend/backend'
import type { SearchDoc } from '../../src/main/backend/search/search-index'
import { normalizeEmail, normalizeLabel } from '../../src/main/backend/people/records'
import { medianMs, percentile, round, tempDir, type Section } from '../lib'

const PEOPLE = 50_000
const QUERIES = 200
/** fuse.js over every record takes about a second a query: a sample gives its figures. */
const BASELINE_QUERIES = 20
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

export const searchSection: Section = {
  name: 'search',
  description: `${PEOPLE.toLocaleString('en')} people, ${QUERIES} queries with one typo in a real name`,
  async run() {
    const faker = new Faker({ locale: [en] })
    faker.seed(20261122)
    const people: Synthetic[] = Array.from({ length: PEOPLE }, (_, i) => {
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
    const targets = Array.from({ length: QUERIES }, () => {
      const p = faker.helpers.arrayElement(people)
      return { id: p.id, query: misspell(faker, p.name) }
    })

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

      const times: number[] = []
      let found = 0
      for (const { id, query } of targets) {
        const start = performance.now()
        const hits = await backend.call('search', { query, limit: 10 })
        times.push(performance.now() - start)
        if (hits.slice(0, 3).some((h) => h.id === id)) found++
      }
      times.sort((a, b) => a - b)
      const heapMb = process.memoryUsage().heapUsed / 1024 / 1024
      await backend.close()

      const fuse = new Fuse(people, { keys: ['name', 'company', 'title', 'tags', 'email'] })
      const baseTimes: number[] = []
      let baseFound = 0
      for (const { id, query } of targets.slice(0, BASELINE_QUERIES)) {
        const start = performance.now()
        const hits = fuse.search(query, { limit: 10 })
        baseTimes.push(performance.now() - start)
        if (hits.slice(0, 3).some((h) => h.item.id === id)) baseFound++
      }
      baseTimes.sort((a, b) => a - b)

      return {
        people: PEOPLE,
        queries: QUERIES,
        p50_ms: round(percentile(times, 50)),
        p99_ms: round(percentile(times, 99)),
        top3_recall: round(found / QUERIES),
        directory_ms: round(directoryMs, 1),
        list_first_window_ms: round(listFirstMs, 1),
        list_window_ms: windowMs,
        index_build_ms: round(indexBuildMs, 1),
        indexed_people: indexedPeople,
        heap_mb: round(heapMb, 1),
        baseline_queries: BASELINE_QUERIES,
        baseline_fusejs_p50_ms: round(percentile(baseTimes, 50), 1),
        baseline_fusejs_top3_recall: round(baseFound / BASELINE_QUERIES),
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}
