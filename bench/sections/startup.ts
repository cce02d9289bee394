import { Faker, en } from '@faker-js/faker'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { Backend } from '../../src/main/backend/backend'
import { normalizeEmail, normalizeLabel } from '../../src/main/backend/people/records'
import { round, tempDir, type Section } from '../lib'
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
async function seedNetwork(dir: string): Promise<void> {
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

export const startupSection: Section = {
  name: 'startup',
  description: `${PEOPLE.toLocaleString('en')} people, about ${(PEOPLE * 10).toLocaleString('en')} relationships: open to the first search and path answers, against one plain pass over the same rows`,
  async run() {
    const dir = tempDir('startup')
    try {
      await seedNetwork(dir)
      // In a fresh process: nothing cached from seeding, and its event loop is the start's alone.
      const probe = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'startup-probe.ts'), dir], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      })
      if (probe.status !== 0) throw new Error(`the startup probe failed: ${probe.stderr}`)
      const measured = JSON.parse(probe.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>
      const figure = (key: string): number => measured[key] ?? Number.NaN
      const plain = figure('plainPassMs')
      return {
        people: PEOPLE,
        relationships: figure('relationships'),
        plain_pass_ms: round(plain, 1),
        first_search_ms: round(figure('firstSearchMs'), 1),
        first_path_ms: round(figure('firstPathMs'), 1),
        max_stall_ms: round(figure('maxStallMs'), 1),
        ratio_search: round(figure('firstSearchMs') / plain, 2),
        ratio_path: round(figure('firstPathMs') / plain, 2),
        directory_ms: round(figure('directoryMs'), 1),
        directory_plain_pass_ms: round(figure('directoryPlainPassMs'), 1),
        ratio_directory: round(figure('directoryMs') / figure('directoryPlainPassMs'), 2),
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
}
