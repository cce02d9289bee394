import type Database from 'better-sqlite3'
import { domainFitsName, normalizeOrgName, workDomainOf } from '../../../shared/organisations'

/** Far past and far future, as day numbers: an unknown start, an ongoing job. */
export const UNKNOWN_START = -1e9
export const ONGOING = 1e9

/** One person's time at one organisation, as day numbers. */
export interface Membership {
  org: number
  start: number
  end: number
}

/**
 * The names and domains that resolve to organisations, read once. Names the
 * data uses but no organisation has yet are created by `syncOrganisations`.
 */
export class OrgDirectory {
  readonly byName = new Map<string, number>()
  readonly byDomain = new Map<string, number>()
  readonly names = new Map<number, string>()
  private readonly normCache = new Map<string, string>()

  constructor(sqlite: Database.Database) {
    for (const [id, name] of sqlite.prepare('SELECT id, name FROM organisation').raw().iterate() as IterableIterator<[number, string]>) {
      this.names.set(id, name)
    }
    for (const [norm, id] of sqlite.prepare('SELECT name_norm, organisation_id FROM organisation_name').raw().iterate() as IterableIterator<[string, number]>) {
      this.byName.set(norm, id)
    }
    for (const [domain, id] of sqlite
      .prepare('SELECT domain, organisation_id FROM organisation_domain WHERE organisation_id IS NOT NULL')
      .raw()
      .iterate() as IterableIterator<[string, number]>) {
      this.byDomain.set(domain, id)
    }
  }

  norm(name: string): string {
    let n = this.normCache.get(name)
    if (n === undefined) {
      n = normalizeOrgName(name)
      this.normCache.set(name, n)
    }
    return n
  }

  /** The organisation a company name means, or undefined when none has it yet. */
  resolve(name: string): number | undefined {
    const n = this.norm(name)
    return n === '' ? undefined : this.byName.get(n)
  }
}

interface NameUse {
  name: string
  uses: number
}

/**
 * Gives every company name in the data an organisation (the spelling most
 * people use becomes its name), and learns email domains: a work domain
 * that fits an organisation's name ("stripe.com" for Stripe), or that two or
 * more of its people use and nobody elsewhere does. Domains the user set or
 * removed are never touched. Returns the directory after the changes.
 */
export function syncOrganisations(sqlite: Database.Database, now: string): { orgs: OrgDirectory; changed: boolean } {
  let orgs = new OrgDirectory(sqlite)
  const missing = new Map<string, NameUse[]>()
  const companyRows = sqlite
    .prepare(
      `SELECT company, count(*) FROM (
         SELECT company FROM person WHERE company IS NOT NULL
         UNION ALL SELECT company FROM employment
       ) GROUP BY company`,
    )
    .raw()
    .iterate() as IterableIterator<[string, number]>
  for (const [name, uses] of companyRows) {
    const n = orgs.norm(name)
    if (n === '' || orgs.byName.has(n)) continue
    const list = missing.get(n)
    if (list === undefined) missing.set(n, [{ name: name.trim(), uses }])
    else list.push({ name: name.trim(), uses })
  }
  const domainUse = new Map<string, Map<number, number>>()
  const claimed = new Set(
    sqlite.prepare('SELECT domain FROM organisation_domain').pluck().all() as string[],
  )
  const writes: (() => void)[] = []
  if (missing.size > 0) {
    const insertOrg = sqlite.prepare('INSERT INTO organisation (name, created_at, updated_at) VALUES (?, ?, ?)')
    const insertName = sqlite.prepare("INSERT OR IGNORE INTO organisation_name (name_norm, organisation_id, name, source) VALUES (?, ?, ?, 'data')")
    writes.push(() => {
      for (const [n, uses] of missing) {
        const best = uses.reduce((a, b) => (b.uses > a.uses || (b.uses === a.uses && b.name < a.name) ? b : a))
        const id = Number(insertOrg.run(best.name, now, now).lastInsertRowid)
        insertName.run(n, id, best.name)
      }
    })
  }
  const run = (): void => {
    const tx = sqlite.transaction(() => {
      for (const w of writes) w()
    })
    tx.immediate()
  }
  let changed = false
  if (writes.length > 0) {
    run()
    writes.length = 0
    orgs = new OrgDirectory(sqlite)
    changed = true
  }

  // Domains: who uses which work domain, by the organisation of their current company.
  for (const [company, email] of sqlite
    .prepare('SELECT p.company, e.email FROM person_email e JOIN person p ON p.id = e.person_id WHERE p.company IS NOT NULL')
    .raw()
    .iterate() as IterableIterator<[string, string]>) {
    const domain = workDomainOf(email)
    if (domain === null || claimed.has(domain)) continue
    const org = orgs.resolve(company)
    if (org === undefined) continue
    let byOrg = domainUse.get(domain)
    if (byOrg === undefined) {
      byOrg = new Map()
      domainUse.set(domain, byOrg)
    }
    byOrg.set(org, (byOrg.get(org) ?? 0) + 1)
  }
  const learned: [string, number][] = []
  const normOf = new Map<number, string[]>()
  for (const [norm, id] of orgs.byName) {
    const list = normOf.get(id)
    if (list === undefined) normOf.set(id, [norm])
    else list.push(norm)
  }
  for (const [domain, byOrg] of domainUse) {
    if (byOrg.size !== 1) {
      // Shared by several organisations: only one whose name it fits may have it.
      const fits = [...byOrg.keys()].filter((org) => (normOf.get(org) ?? []).some((n) => domainFitsName(domain, n)))
      if (fits.length === 1 && fits[0] !== undefined) learned.push([domain, fits[0]])
      continue
    }
    const [org, uses] = [...byOrg.entries()][0] ?? [0, 0]
    if (uses >= 2 || (normOf.get(org) ?? []).some((n) => domainFitsName(domain, n))) learned.push([domain, org])
  }
  if (learned.length > 0) {
    const insert = sqlite.prepare("INSERT OR IGNORE INTO organisation_domain (domain, organisation_id, source) VALUES (?, ?, 'learned')")
    writes.push(() => {
      for (const [domain, org] of learned) insert.run(domain, org)
    })
    run()
    orgs = new OrgDirectory(sqlite)
    changed = true
  }
  return { orgs, changed }
}

/**
 * Where these people work or worked (everyone when `ids` is null): their
 * current company (ongoing, start unknown), their employment history, and
 * for someone with no company, the organisation of a work email domain.
 */
export function readMemberships(sqlite: Database.Database, orgs: OrgDirectory, ids: readonly number[] | null, dayNumber: (date: string) => number): Map<number, Membership[]> {
  const out = new Map<number, Membership[]>()
  const add = (person: number, m: Membership): void => {
    const list = out.get(person)
    if (list === undefined) out.set(person, [m])
    else list.push(m)
  }
  const where = ids === null ? '' : `AND person_id IN (${ids.map(() => '?').join(',')})`
  const whereP = ids === null ? '' : `AND id IN (${ids.map(() => '?').join(',')})`
  const args = ids ?? []
  for (const [person, company, start, end] of sqlite
    .prepare(`SELECT person_id, company, start_date, end_date FROM employment WHERE 1 = 1 ${where}`)
    .raw()
    .iterate(...args) as IterableIterator<[number, string, string | null, string | null]>) {
    const org = orgs.resolve(company)
    if (org === undefined) continue
    add(person, { org, start: start === null ? UNKNOWN_START : dayNumber(start), end: end === null ? ONGOING : dayNumber(end) })
  }
  const noCompany: number[] = []
  for (const [person, company] of sqlite
    .prepare(`SELECT id, company FROM person WHERE 1 = 1 ${whereP}`)
    .raw()
    .iterate(...args) as IterableIterator<[number, string | null]>) {
    if (company === null) {
      noCompany.push(person)
      continue
    }
    const org = orgs.resolve(company)
    if (org === undefined) continue
    // The job history may already say it, with dates.
    if ((out.get(person) ?? []).some((m) => m.org === org && m.end === ONGOING)) continue
    add(person, { org, start: UNKNOWN_START, end: ONGOING })
  }
  if (orgs.byDomain.size > 0 && noCompany.length > 0) {
    const wanted = ids === null ? null : new Set(noCompany)
    const without = new Set(noCompany)
    for (const [person, email] of sqlite
      .prepare(`SELECT person_id, email FROM person_email WHERE 1 = 1 ${where}`)
      .raw()
      .iterate(...args) as IterableIterator<[number, string]>) {
      if (!without.has(person) || (wanted !== null && !wanted.has(person))) continue
      const domain = workDomainOf(email)
      const org = domain === null ? undefined : orgs.byDomain.get(domain)
      if (org === undefined || (out.get(person) ?? []).some((m) => m.org === org)) continue
      add(person, { org, start: UNKNOWN_START, end: ONGOING })
    }
  }
  return out
}
