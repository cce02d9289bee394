import type Database from 'better-sqlite3'
import { numbers, numbersOrNull, readColumns } from '../db/columns'
import { domainFitsName, employerName, workDomainOf } from '../../../shared/organisations'

/** Far past and far future, as day numbers: an unknown start, an ongoing job. */
export const UNKNOWN_START = -1e9
export const ONGOING = 1e9

/** Day number (days since 1970-01-01) of a YYYY-MM-DD column, in SQL. */
const dayOf = (column: string): string => `CAST(julianday(${column}) - 2440587.5 AS INTEGER)`

/** What `OrgDirectory.inSteps` makes its empty directory with. */
const NOTHING_YET = Symbol('nothing yet')

/**
 * The names and domains that resolve to organisations, read once. Names the
 * data uses but no organisation has yet are created by `syncOrganisations`.
 */
export class OrgDirectory {
  readonly byName = new Map<string, number>()
  readonly byDomain = new Map<string, number>()
  readonly names = new Map<number, string>()

  /** Everything, read now. */
  constructor(sqlite: Database.Database | typeof NOTHING_YET) {
    const steps = this.read(sqlite, -1)
    while (steps.next().done !== true);
  }

  /**
   * A directory read `rows` rows at a time, for a build in steps (35,000
   * organisations took 110 to 200 ms in one step): empty until every step of
   * `steps` is taken.
   */
  static inSteps(sqlite: Database.Database, rows: number): { directory: OrgDirectory; steps: Generator<void, void, void> } {
    const directory = new OrgDirectory(NOTHING_YET)
    return { directory, steps: directory.read(sqlite, rows) }
  }

  /** Each table in key order, `rows` rows a step (-1: each whole at once). */
  private *read(sqlite: Database.Database | typeof NOTHING_YET, rows: number): Generator<void, void, void> {
    if (sqlite === NOTHING_YET) return
    const organisations = sqlite.prepare<[number, number], [number, string]>('SELECT id, name FROM organisation WHERE id > ? ORDER BY id LIMIT ?').raw()
    for (let after = -(2 ** 53); ; ) {
      const page = organisations.all(after, rows)
      for (const [id, name] of page) this.names.set(id, name)
      const last = page[page.length - 1]
      if (rows < 0 || last === undefined || page.length < rows) break
      after = last[0]
      yield
    }
    const names = sqlite.prepare<[string, number], [string, number]>('SELECT name_norm, organisation_id FROM organisation_name WHERE name_norm > ? ORDER BY name_norm LIMIT ?').raw()
    for (const [key, into] of [
      [names, this.byName],
      [sqlite.prepare<[string, number], [string, number]>('SELECT domain, organisation_id FROM organisation_domain WHERE domain > ? AND organisation_id IS NOT NULL ORDER BY domain LIMIT ?').raw(), this.byDomain],
    ] as const) {
      for (let after = '', limit = rows; ; ) {
        if (limit >= 0) yield
        const page = key.all(after, limit)
        for (const [k, id] of page) into.set(k, id)
        const last = page[page.length - 1]
        if (limit < 0 || last === undefined || page.length < limit) break
        // A key that is not valid UTF-8 (written outside Kith) reads with U+FFFD in it, and its bytes no
        // longer sort where they did: a page after it could pass rows over. This page and the rest are
        // read again, in one read, from where this page began.
        if (last[0].includes('\uFFFD')) limit = -1
        else after = last[0]
      }
    }
  }

  /** The organisation a company name means, or undefined when none has it yet. */
  resolve(name: string): number | undefined {
    const n = employerName(name)
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
 * removed are never touched. Says whether anything changed. In one
 * transaction; `OrganisationSyncSteps` does the same a piece at a time.
 */
export function syncOrganisations(sqlite: Database.Database, now: string): { changed: boolean } {
  const spellings = newSpellings(sqlite, null)
  let changed = false
  const tx = sqlite.transaction(() => {
    writeSpellings(sqlite, now, [...spellingsByName(spellings, 0, spellings.length, new Map())])
    changed = spellings.length > 0
    if (learnDomains(sqlite)) changed = true
  })
  if (spellings.length > 0 || hasUnlearnedDomains(sqlite)) tx.immediate()
  return { changed }
}

/**
 * spellings[from .. to) grouped by the name they normalise to, into
 * `groups` (each name's spellings in the order given; names in the order
 * first met). Spellings that normalise to nothing are under ''.
 */
function spellingsByName(spellings: readonly string[], from: number, to: number, groups: Map<string, string[]>): Map<string, string[]> {
  for (let k = from; k < to; k++) {
    const spelling = spellings[k] ?? ''
    const norm = employerName(spelling)
    const list = groups.get(norm)
    if (list === undefined) groups.set(norm, [spelling])
    else list.push(spelling)
  }
  return groups
}

/**
 * Writes these new spellings, all of a name's in one group: a name no
 * organisation has yet gets a new one, named by the spelling most of its
 * people use; an organisation Kith named from the data follows the
 * spelling most of its people now use. Spellings already written (by a
 * sync meanwhile) change nothing.
 */
function writeSpellings(sqlite: Database.Database, now: string, groups: readonly (readonly [string, readonly string[]])[], changes?: OrganisationChanges): void {
  const insertSpelling = sqlite.prepare('INSERT OR IGNORE INTO organisation_spelling (spelling, name_norm) VALUES (?, ?)')
  const named = sqlite.prepare('SELECT organisation_id FROM organisation_name WHERE name_norm = ?').pluck()
  const insertOrg = sqlite.prepare('INSERT INTO organisation (name, created_at, updated_at) VALUES (?, ?, ?)')
  const insertName = sqlite.prepare("INSERT INTO organisation_name (name_norm, organisation_id, name, source) VALUES (?, ?, ?, 'data')")
  const fresh: (readonly [string, readonly string[]])[] = []
  const known = new Set<string>()
  for (const [norm, list] of groups) {
    for (const spelling of list) insertSpelling.run(spelling, norm)
    if (norm === '') continue
    if (named.get(norm) !== undefined) known.add(norm)
    else fresh.push([norm, list])
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
  // Uses are counted only where there is a choice: a name with one spelling is named by it.
  const choices = [...fresh.map(([, list]) => list), ...spellingsOf.values()].filter((list) => list.length > 1)
  const counted = usesOf(sqlite, new Set(choices.flat()))
  const best = (list: readonly string[]): string =>
    list
      .map((spelling) => ({ spelling: spelling.trim(), uses: counted.get(spelling) ?? 0 }))
      .reduce((a, b) => (b.uses > a.uses || (b.uses === a.uses && preferred(b.spelling, a.spelling)) ? b : a)).spelling
  for (const [norm, list] of fresh) {
    const name = best(list)
    const id = Number(insertOrg.run(name, now, now).lastInsertRowid)
    insertName.run(norm, id, name)
    changes?.named.push([id, name])
    changes?.resolved.push([norm, id])
  }
  if (changes !== undefined && fresh.length > 0) {
    // A new name already spelt by others (its spellings stay when the user takes a name away from an organisation):
    // their people are placed too. Most new names have only the spellings just written.
    const spelt = new Map(fresh.map(([norm, list]) => [norm, list.length]))
    for (const [norm, count] of sqlite
      .prepare<[string], [string, number]>('SELECT name_norm, count(*) FROM organisation_spelling WHERE name_norm IN (SELECT value FROM json_each(?)) GROUP BY name_norm')
      .raw()
      .iterate(JSON.stringify([...spelt.keys()]))) {
      if (count > (spelt.get(norm) ?? 0)) changes.respelt.push(norm)
    }
  }
  // A new spelling of a name Kith made from the data may now be the one most people use: the organisation follows it.
  const dataName = sqlite.prepare<[string], { id: number; name: string }>("SELECT organisation_id AS id, name FROM organisation_name WHERE name_norm = ? AND source = 'data'")
  const renameName = sqlite.prepare<[string, string]>('UPDATE organisation_name SET name = ? WHERE name_norm = ?')
  const renameOrg = sqlite.prepare<[string, string, number, string]>('UPDATE organisation SET name = ?, updated_at = ? WHERE id = ? AND name = ?')
  for (const norm of known) {
    const current = dataName.get(norm)
    const list = spellingsOf.get(norm) ?? []
    if (current === undefined || list.length === 0) continue
    const name = best(list)
    if (name === current.name) continue
    renameName.run(name, norm)
    renameOrg.run(name, now, current.id, current.name)
    changes?.named.push([current.id, name])
  }
}

/** What a sync of some people's companies changed, for the path graph to follow without reading everyone again. */
export interface OrganisationChanges {
  /** organisations made or renamed: id, name */
  named: [number, string][]
  /** names that now mean an organisation: normal form, organisation id */
  resolved: [string, number][]
  /** of those, names that people other than those written spelt already */
  respelt: string[]
  /** work domains given to organisations: domain, organisation id */
  domains: [string, number][]
}

/**
 * The sync for a write: the companies and work addresses of these people
 * only, each domain tallied over everyone's addresses on it. At 50,000
 * people the whole sync took about 0.4 s (most of it tallying every work
 * address), and every person added at a new company paid it. `former` are
 * the work domains these people had before the write (from the people
 * directory): a person taken off a domain (their company or address changed,
 * or they were deleted) can leave it to one organisation. Null when nothing
 * changed that the path graph must follow (a spelling of a name already
 * known changes nothing: its people are read again anyway).
 */
export function syncOrganisationsOf(sqlite: Database.Database, now: string, ids: readonly number[], former: ReadonlySet<string> = new Set()): OrganisationChanges | null {
  const unclaimed = (domains: Iterable<string>): string[] => {
    const one = sqlite.prepare<[string], number>('SELECT 1 FROM organisation_domain WHERE domain = ?').pluck()
    return [...domains].filter((domain) => one.get(domain) === undefined)
  }
  if (!needsOrganisationSync(sqlite, ids) && unclaimed(former).length === 0) return null
  const changes: OrganisationChanges = { named: [], resolved: [], respelt: [], domains: [] }
  sqlite
    .transaction(() => {
      const spellings = newSpellings(sqlite, ids)
      writeSpellings(sqlite, now, [...spellingsByName(spellings, 0, spellings.length, new Map())], changes)
      // Their companies resolve now: their work addresses on a domain nobody decided on, and the domains they had.
      const open = new Set([...unlearnedDomainsOf(sqlite, ids), ...unclaimed(former)])
      if (open.size > 0) changes.domains = claimDomains(sqlite, tallyDomains(sqlite, open), new Set())
    })
    .immediate()
  return changes.named.length > 0 || changes.domains.length > 0 ? changes : null
}

/** Everyone's work addresses on these domains, by organisation. */
function tallyDomains(sqlite: Database.Database, domains: Iterable<string>): DomainUse {
  const uses: DomainUse = new Map()
  const onDomain = sqlite.prepare<[string], [number, string]>(`${WORK_EMAILS} WHERE e.email LIKE ?`).raw()
  for (const domain of domains) {
    // LIKE finds every address that may be on it (and a few more: "_" matches any letter); workDomainOf decides.
    for (const row of onDomain.iterate(`%${domain}%`)) if (workDomainOf(row[1]) === domain) tallyOne(uses, domain, row[0])
  }
  return uses
}

/** The work domains of these people's addresses now. */
export function workDomainsOfPeople(sqlite: Database.Database, ids: readonly number[]): Set<string> {
  const domains = new Set<string>()
  if (ids.length === 0) return domains
  for (const email of sqlite.prepare<number[], string>(`SELECT email FROM person_email WHERE person_id IN (${ids.map(() => '?').join(',')})`).pluck().iterate(...ids)) {
    const domain = workDomainOf(email)
    if (domain !== null) domains.add(domain)
  }
  return domains
}

/**
 * People whose company, or a job of whose, is spelt a way that means one of
 * these names: a name that now means an organisation may have been spelt
 * before by people other than those just written (its spellings stay when
 * the user takes a name away from an organisation).
 */
export function peopleSpelling(sqlite: Database.Database, norms: readonly string[]): number[] {
  if (norms.length === 0) return []
  return sqlite
    .prepare<[string, string], number>(
      `SELECT p.id FROM person p JOIN organisation_spelling s ON s.spelling = p.company WHERE s.name_norm IN (SELECT value FROM json_each(?))
       UNION SELECT e.person_id FROM employment e JOIN organisation_spelling s ON s.spelling = e.company WHERE s.name_norm IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(JSON.stringify(norms), JSON.stringify(norms))
}

/** People with no company who have an address on one of these work domains: the domain places them. */
export function peopleOnDomains(sqlite: Database.Database, domains: readonly string[]): number[] {
  const wanted = new Set(domains)
  const people = new Set<number>()
  const onDomain = sqlite
    .prepare<[string], [number, string]>('SELECT e.person_id, e.email FROM person_email e JOIN person p ON p.id = e.person_id WHERE p.company IS NULL AND e.email LIKE ?')
    .raw()
  for (const domain of wanted) {
    for (const [person, email] of onDomain.iterate(`%${domain}%`)) if (workDomainOf(email) === domain) people.add(person)
  }
  return [...people]
}

/**
 * `syncOrganisations` a piece at a time, for the warm-up: at 50,000 people
 * whose companies were written outside Kith (a database from before
 * organisations, say) the whole sync took 1 to 2 s in one step, and every
 * call waited for it. Each `step` is one of: find the new spellings (one
 * query), group up to `perStep` of them by name, write up to `perStep`
 * names in a transaction of their own, tally work addresses `perStep` x 5
 * person ids at a time, then learn the domains in a last transaction. The
 * tables end as one sync at once leaves them; a sync meanwhile (a write's,
 * or a path search's) leaves these steps nothing to change. A write made
 * between the tally's steps can make the tally stale: the caller starts
 * again (see `state.ts`).
 */
export class OrganisationSyncSteps {
  /** people written, and the work domains they had, while the tally was under way or before it: their domains are counted again at the end */
  private readonly written = { people: new Set<number>(), domains: new Set<string>() }
  private spellings: string[] | null = null
  private grouped = 0
  private readonly groups = new Map<string, string[]>()
  private names: [string, string[]][] | null = null
  private namesWritten = 0
  private tally: { claimed: Set<string>; uses: DomainUse; next: number; last: number } | null = null
  /** whether a step wrote anything */
  changed = false
  done = false
  /** whether the file refused a write (busy, read-only): then the steps ended without syncing */
  refused = false

  constructor(
    private readonly sqlite: Database.Database,
    private readonly perStep: number,
  ) {}

  /** The next piece; sets `done` after the last. */
  step(now: string): void {
    const { sqlite, perStep } = this
    if (this.done) return
    if (this.spellings === null) {
      this.spellings = newSpellings(sqlite, null)
      return
    }
    if (this.grouped < this.spellings.length) {
      const to = Math.min(this.spellings.length, this.grouped + perStep)
      spellingsByName(this.spellings, this.grouped, to, this.groups)
      this.grouped = to
      return
    }
    this.names ??= [...this.groups]
    if (this.namesWritten < this.names.length) {
      const piece = this.names.slice(this.namesWritten, this.namesWritten + perStep)
      sqlite.transaction(() => writeSpellings(sqlite, now, piece)).immediate()
      this.namesWritten += piece.length
      this.changed = true
      return
    }
    if (this.tally === null) {
      if (!hasUnlearnedDomains(sqlite)) {
        this.done = true
        return
      }
      const last = sqlite.prepare<[], number | null>('SELECT max(id) FROM person').pluck().get() ?? 0
      this.tally = { claimed: claimedDomains(sqlite), uses: new Map(), next: 0, last }
      return
    }
    const tally = this.tally
    if (tally.next <= tally.last) {
      const to = tally.next + perStep * 5
      tallyWorkDomains(sqlite, tally.claimed, { from: tally.next, to: to - 1 }, tally.uses)
      tally.next = to
      return
    }
    // What was written meanwhile changed only the counts of its people's domains, before and after: counted again.
    const again = new Set([...this.written.domains, ...workDomainsOfPeople(sqlite, [...this.written.people])])
    for (const domain of again) tally.uses.delete(domain)
    for (const [domain, byOrg] of tallyDomains(sqlite, again)) tally.uses.set(domain, byOrg)
    // A write only when there is a domain to claim: most tallies end with none (a domain one person uses, fitting no
    // name, stays undecided for good), and a file not yet known sound refuses every write.
    if (claimDomains(sqlite, tally.uses, claimedDomains(sqlite), 'look').length > 0) {
      sqlite
        .transaction(() => {
          if (claimDomains(sqlite, tally.uses, claimedDomains(sqlite)).length > 0) this.changed = true
        })
        .immediate()
    }
    this.done = true
  }

  /**
   * These people were written (their sync is done), and had these work
   * domains before: the tally counts their domains again at the end rather
   * than starting over, so that saving often cannot keep the steps from
   * ending. (Spellings and names are safe to write again: a name already
   * written changes nothing.)
   */
  wrote(people: Iterable<number>, formerDomains: Iterable<string>): void {
    for (const id of people) this.written.people.add(id)
    for (const domain of formerDomains) this.written.domains.add(domain)
  }
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
  return ids === null ? hasUnlearnedDomainsAnywhere(sqlite) : unlearnedDomainsOf(sqlite, ids).size > 0
}

/** The work domains of these people's addresses (those with a known company) that nobody decided on yet; each looked up by key. */
function unlearnedDomainsOf(sqlite: Database.Database, ids: readonly number[]): Set<string> {
  const open = new Set<string>()
  if (ids.length === 0) return open
  const one = sqlite.prepare<[string], number>('SELECT 1 FROM organisation_domain WHERE domain = ?').pluck()
  for (const [, email] of sqlite.prepare<unknown[], [number, string]>(`${WORK_EMAILS} WHERE p.id IN (${ids.map(() => '?').join(',')})`).raw().iterate(...ids)) {
    const domain = workDomainOf(email)
    if (domain !== null && one.get(domain) === undefined) open.add(domain)
  }
  return open
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

/** Work domains by organisation, and how many of its people's addresses are on each. */
type DomainUse = Map<string, Map<number, number>>

function claimedDomains(sqlite: Database.Database): Set<string> {
  return new Set(sqlite.prepare<[], string>('SELECT domain FROM organisation_domain').pluck().all())
}

/** Adds the work addresses of people whose id is in `range` (everyone when null) on domains not claimed to `into`. */
function tallyWorkDomains(sqlite: Database.Database, claimed: ReadonlySet<string>, range: { from: number; to: number } | null, into: DomainUse): void {
  const rows =
    range === null
      ? sqlite.prepare<[], [number, string]>(WORK_EMAILS).raw().iterate()
      : sqlite.prepare<[number, number], [number, string]>(`${WORK_EMAILS} WHERE p.id BETWEEN ? AND ?`).raw().iterate(range.from, range.to)
  for (const [org, email] of rows) {
    const domain = workDomainOf(email)
    if (domain !== null && !claimed.has(domain)) tallyOne(into, domain, org)
  }
}

function tallyOne(into: DomainUse, domain: string, org: number): void {
  let byOrg = into.get(domain)
  if (byOrg === undefined) {
    byOrg = new Map()
    into.set(domain, byOrg)
  }
  byOrg.set(org, (byOrg.get(org) ?? 0) + 1)
}

function learnDomains(sqlite: Database.Database): boolean {
  const claimed = claimedDomains(sqlite)
  const domainUse: DomainUse = new Map()
  tallyWorkDomains(sqlite, claimed, null, domainUse)
  return claimDomains(sqlite, domainUse, claimed).length > 0
}

/**
 * Gives each tallied domain nobody claimed to the organisation it belongs
 * to, if any: the only one using it when two or more of its people do or
 * it fits the name, or among several the only one whose name it fits.
 * With 'look', writes nothing and says which it would give.
 */
function claimDomains(sqlite: Database.Database, domainUse: DomainUse, claimed: ReadonlySet<string>, mode: 'claim' | 'look' = 'claim'): [string, number][] {
  const learned: [string, number][] = []
  if (domainUse.size === 0) return learned
  // The names of the organisations tallied only (a write's sync tallies one or two domains among tens of thousands of names).
  const orgs = new Set<number>()
  for (const byOrg of domainUse.values()) for (const org of byOrg.keys()) orgs.add(org)
  const normsOf = new Map<number, string[]>()
  for (const [norm, id] of sqlite
    .prepare<[string], [string, number]>('SELECT name_norm, organisation_id FROM organisation_name WHERE organisation_id IN (SELECT value FROM json_each(?))')
    .raw()
    .iterate(JSON.stringify([...orgs]))) {
    normsOf.set(id, [...(normsOf.get(id) ?? []), norm])
  }
  const fits = (domain: string, org: number): boolean => (normsOf.get(org) ?? []).some((n) => domainFitsName(domain, n))
  const insert = sqlite.prepare("INSERT OR IGNORE INTO organisation_domain (domain, organisation_id, source) VALUES (?, ?, 'learned')")
  for (const [domain, byOrg] of domainUse) {
    if (claimed.has(domain)) continue
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
    if (mode === 'look' || insert.run(domain, owner).changes > 0) learned.push([domain, owner])
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
