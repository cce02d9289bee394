import type Database from 'better-sqlite3'
import { numbers, numbersOrNull, readColumns } from '../db/columns'
import { domainFitsName, normalizeOrgName, workDomainOf } from '../../../shared/organisations'

/** Far past and far future, as day numbers: an unknown start, an ongoing job. */
export const UNKNOWN_START = -1e9
export const ONGOING = 1e9

/** Day number (days since 1970-01-01) of a YYYY-MM-DD column, in SQL. */
const dayOf = (column: string): string => `CAST(julianday(${column}) - 2440587.5 AS INTEGER)`

/**
 * The names and domains that resolve to organisations, read once. Names the
 * data uses but no organisation has yet are created by `syncOrganisations`.
 */
export class OrgDirectory {
  readonly byName = new Map<string, number>()
  readonly byDomain = new Map<string, number>()
  readonly names = new Map<number, string>()

  constructor(sqlite: Database.Database) {
    for (const [id, name] of sqlite.prepare<unknown[], [number, string]>('SELECT id, name FROM organisation').raw().iterate()) {
      this.names.set(id, name)
    }
    for (const [norm, id] of sqlite.prepare<unknown[], [string, number]>('SELECT name_norm, organisation_id FROM organisation_name').raw().iterate()) {
      this.byName.set(norm, id)
    }
    for (const [domain, id] of sqlite
      .prepare<unknown[], [string, number]>('SELECT domain, organisation_id FROM organisation_domain WHERE organisation_id IS NOT NULL')
      .raw()
      .iterate()) {
      this.byDomain.set(domain, id)
    }
  }

  /** The organisation a company name means, or undefined when none has it yet. */
  resolve(name: string): number | undefined {
    const n = normalizeOrgName(name)
    return n === '' ? undefined : this.byName.get(n)
  }
}

/**
 * Company names in the data (current companies and job history) that have no spelling row yet; `ids` narrows to those
 * people. For a few people each name is looked up by key, so a write costs the same however many spellings Kith knows.
 */
function newSpellings(sqlite: Database.Database, ids: readonly number[] | null): string[] {
  if (ids === null) {
    // Each row looked up in the spellings' key as it is read: half the time of setting every company against every spelling (EXCEPT).
    return sqlite
      .prepare<[], string>(
        `SELECT company FROM person WHERE company IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisation_spelling WHERE spelling = company)
         UNION SELECT company FROM employment WHERE NOT EXISTS (SELECT 1 FROM organisation_spelling WHERE spelling = company)
         ORDER BY 1`,
      )
      .pluck()
      .all()
  }
  const marks = ids.map(() => '?').join(',')
  return sqlite
    .prepare<number[], string>(
      `SELECT c FROM (SELECT company AS c FROM person WHERE company IS NOT NULL AND id IN (${marks})
       UNION SELECT company FROM employment WHERE person_id IN (${marks}))
       WHERE NOT EXISTS (SELECT 1 FROM organisation_spelling WHERE spelling = c)`,
    )
    .pluck()
    .all(...ids, ...ids)
}

/**
 * How many people and jobs use each of these spellings, counted in one grouped pass over both tables: each row is
 * checked against the set and only matches are grouped. (The company columns have no index, so a count per spelling
 * would read both tables once per spelling: quadratic after a large import.)
 */
function usesOf(sqlite: Database.Database, spellings: ReadonlySet<string>): Map<string, number> {
  const uses = new Map<string, number>()
  if (spellings.size === 0) return uses
  for (const [company, count] of sqlite
    .prepare<[string], [string, number]>(
      `SELECT company, count(*) FROM (SELECT company FROM person UNION ALL SELECT company FROM employment)
       WHERE company IN (SELECT value FROM json_each(?)) GROUP BY company`,
    )
    .raw()
    .iterate(JSON.stringify([...spellings]))) {
    uses.set(company, count)
  }
  return uses
}

/**
 * Whether a write to these people left something for `syncOrganisations` to
 * do: a company spelt a new way, or a work address on a domain nobody
 * decided on yet.
 */
export function needsOrganisationSync(sqlite: Database.Database, ids: readonly number[]): boolean {
  return ids.length > 0 && (hasNewSpellings(sqlite, ids) || hasUnlearnedDomains(sqlite, ids))
}

/** Whether any of these people (everyone when null) names a company Kith has not seen spelt that way. */
export function hasNewSpellings(sqlite: Database.Database, ids: readonly number[] | null): boolean {
  return newSpellings(sqlite, ids).length > 0
}

/**
 * Gives every company name in the data an organisation (the first spelling
 * seen becomes its name), and learns email domains: a work domain that
 * fits an organisation's name ("stripe.com" for Stripe), or that two or
 * more of its people use and nobody elsewhere does. Domains the user set or
 * removed are never touched. Says whether anything changed.
 */
export function syncOrganisations(sqlite: Database.Database, now: string): { changed: boolean } {
  const spellings = newSpellings(sqlite, null)
  let changed = false
  const tx = sqlite.transaction(() => {
    const insertSpelling = sqlite.prepare('INSERT OR IGNORE INTO organisation_spelling (spelling, name_norm) VALUES (?, ?)')
    const named = sqlite.prepare('SELECT organisation_id FROM organisation_name WHERE name_norm = ?').pluck()
    const insertOrg = sqlite.prepare('INSERT INTO organisation (name, created_at, updated_at) VALUES (?, ?, ?)')
    const insertName = sqlite.prepare("INSERT INTO organisation_name (name_norm, organisation_id, name, source) VALUES (?, ?, ?, 'data')")
    // A new organisation is named by the spelling most of its people use.
    const fresh = new Map<string, string[]>()
    const known = new Set<string>()
    for (const spelling of spellings) {
      const norm = normalizeOrgName(spelling)
      insertSpelling.run(spelling, norm)
      if (norm === '') continue
      if (named.get(norm) !== undefined) known.add(norm)
      else {
        const list = fresh.get(norm)
        if (list === undefined) fresh.set(norm, [spelling])
        else list.push(spelling)
      }
    }
    // Every spelling of a name already known, read in one pass (the spelling table has no index by name).
    const spellingsOf = new Map<string, string[]>()
    if (known.size > 0) {
      for (const [spelling, norm] of sqlite
        .prepare<[string], [string, string]>('SELECT spelling, name_norm FROM organisation_spelling WHERE name_norm IN (SELECT value FROM json_each(?))')
        .raw()
        .iterate(JSON.stringify([...known]))) {
        const list = spellingsOf.get(norm)
        if (list === undefined) spellingsOf.set(norm, [spelling])
        else list.push(spelling)
      }
    }
    const counted = usesOf(sqlite, new Set([...[...fresh.values()].flat(), ...[...spellingsOf.values()].flat()]))
    const candidatesOf = (list: readonly string[]): { spelling: string; uses: number }[] =>
      list.map((spelling) => ({ spelling: spelling.trim(), uses: counted.get(spelling) ?? 0 }))
    const byNorm = new Map([...fresh].map(([norm, list]) => [norm, candidatesOf(list)] as const))
    const best = (candidates: { spelling: string; uses: number }[]): string =>
      candidates.reduce((a, b) => (b.uses > a.uses || (b.uses === a.uses && preferred(b.spelling, a.spelling)) ? b : a)).spelling
    for (const [norm, candidates] of byNorm) {
      const name = best(candidates)
      const id = Number(insertOrg.run(name, now, now).lastInsertRowid)
      insertName.run(norm, id, name)
    }
    // A new spelling of a name Kith made from the data may now be the one most people use: the organisation follows it.
    const dataName = sqlite.prepare<[string], { id: number; name: string }>("SELECT organisation_id AS id, name FROM organisation_name WHERE name_norm = ? AND source = 'data'")
    const renameName = sqlite.prepare<[string, string]>('UPDATE organisation_name SET name = ? WHERE name_norm = ?')
    const renameOrg = sqlite.prepare<[string, string, number, string]>('UPDATE organisation SET name = ?, updated_at = ? WHERE id = ? AND name = ?')
    for (const norm of known) {
      const current = dataName.get(norm)
      if (current === undefined) continue
      const name = best(candidatesOf(spellingsOf.get(norm) ?? []))
      if (name === current.name) continue
      renameName.run(name, norm)
      renameOrg.run(name, now, current.id, current.name)
    }
    changed = spellings.length > 0
    if (learnDomains(sqlite)) changed = true
  })
  if (spellings.length > 0 || hasUnlearnedDomains(sqlite)) tx.immediate()
  return { changed }
}

/** Between two equally used spellings: mixed case over all capitals or none, then the shorter (no legal suffix). */
function preferred(a: string, b: string): boolean {
  const mixed = (t: string): boolean => t !== t.toUpperCase() && t !== t.toLowerCase()
  if (mixed(a) !== mixed(b)) return mixed(a)
  return a.length !== b.length ? a.length < b.length : a < b
}

const WORK_EMAILS = `SELECT n.organisation_id, e.email FROM person_email e
  JOIN person p ON p.id = e.person_id
  JOIN organisation_spelling s ON s.spelling = p.company
  JOIN organisation_name n ON n.name_norm = s.name_norm`

/** Whether a work address of someone with a known company is on a domain nobody decided on yet. */
function hasUnlearnedDomains(sqlite: Database.Database, ids: readonly number[] | null = null): boolean {
  if (ids === null) return hasUnlearnedDomainsAnywhere(sqlite)
  // For a few people each domain is looked up by key.
  const one = sqlite.prepare<[string], number>('SELECT 1 FROM organisation_domain WHERE domain = ?').pluck()
  for (const [, email] of sqlite.prepare<unknown[], [number, string]>(`${WORK_EMAILS} WHERE p.id IN (${ids.map(() => '?').join(',')})`).raw().iterate(...ids)) {
    const domain = workDomainOf(email)
    if (domain !== null && one.get(domain) === undefined) return true
  }
  return false
}

/**
 * The same question for everyone, asked of the few distinct domains first:
 * only when one is a work domain nobody decided on are the addresses on it
 * joined to their people's companies (joining every address took about
 * 0.2 s of each graph build at 50,000 people). What follows the first "@"
 * is a domain's raw text, and `workDomainOf` reads the same domain from it;
 * the addresses are matched by the text's bytes (`hex`), which text that is
 * not valid UTF-8 keeps and JavaScript's strings do not.
 */
function hasUnlearnedDomainsAnywhere(sqlite: Database.Database): boolean {
  const claimed = new Set(sqlite.prepare<[], string>('SELECT domain FROM organisation_domain').pluck().all())
  const open: string[] = []
  for (const [rest, bytes] of sqlite
    .prepare<[], [string, string]>(`SELECT DISTINCT ${AFTER_AT}, hex(${AFTER_AT}) FROM person_email WHERE instr(email, '@') > 0`)
    .raw()
    .iterate()) {
    const domain = workDomainOf(`@${rest}`)
    if (domain !== null && !claimed.has(domain)) open.push(bytes)
  }
  if (open.length === 0) return false
  const onOpen = sqlite
    .prepare<[string], number>(
      `SELECT 1 FROM (${WORK_EMAILS} WHERE instr(e.email, '@') > 0 AND hex(${AFTER_AT.replaceAll('email', 'e.email')}) IN (SELECT value FROM json_each(?))) LIMIT 1`,
    )
    .pluck()
    .get(JSON.stringify(open))
  return onOpen !== undefined
}

/** An address's text after its first "@". */
const AFTER_AT = "substr(email, instr(email, '@') + 1)"

function learnDomains(sqlite: Database.Database): boolean {
  const claimed = new Set(sqlite.prepare<[], string>('SELECT domain FROM organisation_domain').pluck().all())
  const domainUse = new Map<string, Map<number, number>>()
  for (const [org, email] of sqlite.prepare<unknown[], [number, string]>(WORK_EMAILS).raw().iterate()) {
    const domain = workDomainOf(email)
    if (domain === null || claimed.has(domain)) continue
    let byOrg = domainUse.get(domain)
    if (byOrg === undefined) {
      byOrg = new Map()
      domainUse.set(domain, byOrg)
    }
    byOrg.set(org, (byOrg.get(org) ?? 0) + 1)
  }
  if (domainUse.size === 0) return false
  const normsOf = new Map<number, string[]>()
  for (const [norm, id] of sqlite.prepare<unknown[], [string, number]>('SELECT name_norm, organisation_id FROM organisation_name').raw().iterate()) {
    normsOf.set(id, [...(normsOf.get(id) ?? []), norm])
  }
  const fits = (domain: string, org: number): boolean => (normsOf.get(org) ?? []).some((n) => domainFitsName(domain, n))
  const insert = sqlite.prepare("INSERT OR IGNORE INTO organisation_domain (domain, organisation_id, source) VALUES (?, ?, 'learned')")
  let learned = false
  for (const [domain, byOrg] of domainUse) {
    let owner: number | undefined
    const [only] = byOrg.entries()
    if (byOrg.size === 1 && only !== undefined) {
      if (only[1] >= 2 || fits(domain, only[0])) owner = only[0]
    } else {
      // Shared by several organisations: only the one whose name it fits may have it.
      const fitting = [...byOrg.keys()].filter((org) => fits(domain, org))
      if (fitting.length === 1) owner = fitting[0]
    }
    if (owner === undefined) continue
    insert.run(domain, owner)
    learned = true
  }
  return learned
}

/** Memberships as parallel lists (person id, organisation id, start and end day numbers), one entry per membership. */
export interface MembershipList {
  person: number[]
  org: number[]
  start: number[]
  end: number[]
}

/** Whose memberships to read: these people, everyone whose id is in a range (a build's step), or everyone (null). */
export type MembersOf = readonly number[] | { from: number; to: number } | null

/** The condition on a person id column for `MembersOf`, and its arguments. */
function wherePerson(column: string, who: MembersOf): { sql: string; args: number[] } {
  if (who === null) return { sql: '', args: [] }
  if ('from' in who) return { sql: `${column} BETWEEN ? AND ?`, args: [who.from, who.to] }
  return { sql: `${column} IN (${who.map(() => '?').join(',')})`, args: [...who] }
}

/**
 * Where these people work or worked (everyone when `ids` is null): their
 * employment history, their current company (ongoing, start unknown) when
 * the history does not already say it, and for someone with no company,
 * the organisation of a work email domain. Resolved in SQL through the
 * spellings `syncOrganisations` keeps. Grouped by person in the order first
 * met, each person's own in the order read; plain lists, no object per row.
 */
export function readMemberships(sqlite: Database.Database, orgs: OrgDirectory, ids: MembersOf): MembershipList {
  const read: MembershipList = { person: [], org: [], start: [], end: [] }
  // Each person's rows as a chain: their last row, and each row's one before (-1 ends it). No list per person.
  const lastRowOf = new Map<number, number>()
  const before: number[] = []
  const add = (person: number, org: number, start: number, end: number): void => {
    before.push(lastRowOf.get(person) ?? -1)
    lastRowOf.set(person, read.person.length)
    read.person.push(person)
    read.org.push(org)
    read.start.push(start)
    read.end.push(end)
  }
  /** Whether the person already has a row at the organisation (an ongoing one, when `ongoing`). */
  const has = (person: number, org: number, ongoing: boolean): boolean => {
    for (let r = lastRowOf.get(person) ?? -1; r >= 0; r = before[r] ?? -1) {
      if (read.org[r] === org && (!ongoing || read.end[r] === ONGOING)) return true
    }
    return false
  }
  const jobsOf = wherePerson('e.person_id', ids)
  const [people = [], orgIds = [], starts = [], ends = []] = readColumns(
    sqlite,
    `SELECT e.person_id AS c0, n.organisation_id AS c1, ${dayOf('e.start_date')} AS c2, ${dayOf('e.end_date')} AS c3
     FROM employment e JOIN organisation_spelling s ON s.spelling = e.company JOIN organisation_name n ON n.name_norm = s.name_norm
     ${ids === null ? '' : `WHERE ${jobsOf.sql}`}`,
    4,
    ...jobsOf.args,
  )
  const jobOrgs = numbers(orgIds)
  const jobStarts = numbersOrNull(starts)
  const jobEnds = numbersOrNull(ends)
  numbers(people).forEach((person, r) => add(person, jobOrgs[r] ?? 0, jobStarts[r] ?? UNKNOWN_START, jobEnds[r] ?? ONGOING))
  const peopleOf = wherePerson('p.id', ids)
  const [holders = [], companyOrgs = []] = readColumns(
    sqlite,
    `SELECT p.id AS c0, n.organisation_id AS c1 FROM person p JOIN organisation_spelling s ON s.spelling = p.company JOIN organisation_name n ON n.name_norm = s.name_norm
     ${ids === null ? '' : `WHERE ${peopleOf.sql}`}`,
    2,
    ...peopleOf.args,
  )
  const holderOrgs = numbers(companyOrgs)
  numbers(holders).forEach((person, r) => {
    const org = holderOrgs[r] ?? 0
    // The job history may already say it, with dates.
    if (!has(person, org, true)) add(person, org, UNKNOWN_START, ONGOING)
  })
  if (orgs.byDomain.size > 0) {
    for (const [person, email] of sqlite
      .prepare<unknown[], [number, string]>(`SELECT e.person_id, e.email FROM person_email e JOIN person p ON p.id = e.person_id WHERE p.company IS NULL ${ids === null ? '' : `AND ${peopleOf.sql}`}`)
      .raw()
      .iterate(...peopleOf.args)) {
      const domain = workDomainOf(email)
      const org = domain === null ? undefined : orgs.byDomain.get(domain)
      if (org === undefined || has(person, org, false)) continue
      add(person, org, UNKNOWN_START, ONGOING)
    }
  }
  return groupedByPerson(read)
}

/** The same rows, each person's together, people in the order first met. */
function groupedByPerson(rows: MembershipList): MembershipList {
  const n = rows.person.length
  const rank = new Map<number, number>()
  const count: number[] = []
  const rankOf = new Int32Array(n)
  for (let r = 0; r < n; r++) {
    const p = rows.person[r] ?? 0
    let k = rank.get(p)
    if (k === undefined) {
      k = rank.size
      rank.set(p, k)
      count.push(0)
    }
    rankOf[r] = k
    count[k] = (count[k] ?? 0) + 1
  }
  const at = new Int32Array(count.length)
  for (let k = 1; k < count.length; k++) at[k] = (at[k - 1] ?? 0) + (count[k - 1] ?? 0)
  const out: MembershipList = { person: new Array<number>(n), org: new Array<number>(n), start: new Array<number>(n), end: new Array<number>(n) }
  for (let r = 0; r < n; r++) {
    const k = rankOf[r] ?? 0
    const to = at[k] ?? 0
    at[k] = to + 1
    out.person[to] = rows.person[r] ?? 0
    out.org[to] = rows.org[r] ?? 0
    out.start[to] = rows.start[r] ?? 0
    out.end[to] = rows.end[r] ?? 0
  }
  return out
}
