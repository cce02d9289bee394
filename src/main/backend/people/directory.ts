import type Database from 'better-sqlite3'
import type { Facets, PersonRow } from '../../../shared/types'
import { foldText } from '../search/normalize'
import { FacetCounts } from './facets'
import { parseJsonList } from './records'
import { SearchGathering, SearchIndex } from '../search/search-index'
import { readColumns } from '../db/columns'

/**
 * One person as the list and search hold them. It is also what the search
 * index reads (a `SearchDoc`: id, name, aliases, company, title, tags,
 * emails), so the index takes the entries themselves; an entry is replaced,
 * never changed in place.
 */
export interface DirectoryEntry extends PersonRow {
  aliases: string[]
  emails: string[]
  /** the name folded for sorting: lower case, no accents */
  sortName: string
}

/** How many people one step of a build reads: a few milliseconds of work. */
export const DIRECTORY_STEP = 2_000

/** Which people a load reads: a range of ids (a build's step) or a list (a refresh). */
type Which = { from: number; to: number } | { ids: readonly number[] }

function whereId(column: string, which: Which): { sql: string; args: number[] } {
  if ('ids' in which) return { sql: `${column} IN (${which.ids.map(() => '?').join(',')})`, args: [...which.ids] }
  return { sql: `${column} BETWEEN ? AND ?`, args: [which.from, which.to] }
}

const EVERYONE: Which = { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER }

const text = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null)
const whole = (v: unknown): number => (typeof v === 'number' ? v : 0)

/**
 * Values by person from columns sorted by person id, walked alongside the
 * people (also sorted by id): no map, one pass.
 */
class Cursor {
  private at = 0
  constructor(
    private readonly owners: readonly unknown[],
    private readonly values: readonly unknown[],
  ) {}

  /** The values for `id` as a list (empty when none); people must be asked in ascending order. */
  list(id: number): string[] {
    while (this.at < this.owners.length && whole(this.owners[this.at]) < id) this.at++
    let out: string[] | null = null
    while (this.at < this.owners.length && whole(this.owners[this.at]) === id) {
      const value = text(this.values[this.at]) ?? ''
      if (out === null) out = [value]
      else out.push(value)
      this.at++
    }
    return out ?? []
  }

  /** The one value for `id`, or undefined. */
  one(id: number): unknown {
    while (this.at < this.owners.length && whole(this.owners[this.at]) < id) this.at++
    return this.at < this.owners.length && whole(this.owners[this.at]) === id ? this.values[this.at] : undefined
  }
}

/**
 * One ordering of the people list, kept while people change: re-sorting
 * 50,000 people after every write took 80 to 150 ms of the next list.
 */
export interface KeptOrdering {
  readonly entries: readonly DirectoryEntry[]
  /** Takes these people out, and puts back in their places those of them still there that belong in it. */
  follow(changed: ReadonlySet<number>, now: ReadonlyMap<number, DirectoryEntry>): void
}

/**
 * Everyone in memory, with what the people list sorts and filters by (my
 * last interaction with them, my relationship's strength) and the search
 * index. Built once (all at once, or step by step by `DirectoryBuild`), then
 * refreshed person by person after each write.
 */
export class PeopleDirectory {
  readonly entries = new Map<number, DirectoryEntry>()
  private searchIndex: SearchIndex | null = null
  /** The index being built a step at a time (`searchStep`), and who changed since it started. */
  private searching: { gathering: SearchGathering; index: SearchIndex | null; touched: Set<number> } | null = null
  meId: number | null = null
  /** Orderings already computed, by their query; each follows every change (see `refresh`). */
  readonly orderings = new Map<string, KeptOrdering>()
  /** Tag and company counts, made at the first ask and kept in step with writes. */
  private facetCounts: FacetCounts | null = null

  /** Everyone, read now; `DirectoryBuild` reads them a step at a time instead. */
  constructor(
    private readonly sqlite: Database.Database,
    everyone: 'read now' | 'read in steps' = 'read now',
  ) {
    this.readMe()
    if (everyone === 'read now') this.load(EVERYONE)
  }

  /** The search index, built on the first search (the list does not need it). */
  get search(): SearchIndex {
    return this.searchIndex ?? this.finishSearch()
  }

  /** Builds the search index now, if it is not built yet (what a step-by-step build left, only). */
  buildSearch(): void {
    if (this.searchIndex === null) this.finishSearch()
  }

  /**
   * The warm-up's piece of the search index: the next `people` people's
   * words gathered, or once everyone's are, a pass of making the index from
   * them (`SearchIndex.buildStep`). Says whether anything is left. People
   * written meanwhile are indexed again when it is made.
   */
  searchStep(people: number): boolean {
    if (this.searchIndex !== null) return false
    const searching = (this.searching ??= { gathering: new SearchGathering([...this.entries.values()]), index: null, touched: new Set() })
    if (searching.index === null) {
      if (searching.gathering.gather(people)) return true
      searching.index = new SearchIndex(searching.gathering, false, 'in steps')
    }
    if (searching.index.buildStep()) return true
    this.finishSearch()
    return false
  }

  private finishSearch(): SearchIndex {
    const searching = this.searching
    this.searching = null
    const index = searching?.index ?? new SearchIndex(searching?.gathering ?? this.entries.values())
    index.finishBuild()
    for (const id of searching?.touched ?? []) {
      index.remove(id)
      const entry = this.entries.get(id)
      if (entry !== undefined) index.set(entry)
    }
    this.searchIndex = index
    return index
  }

  /** Whether the search index is built yet. */
  get searchReady(): boolean {
    return this.searchIndex !== null
  }

  /** Re-reads these people (or drops them when they are gone). */
  refresh(ids: Iterable<number>): void {
    const unique = [...new Set(ids)]
    if (unique.length === 0) return
    const before = this.present(unique)
    for (const id of unique) {
      this.entries.delete(id)
      this.searchIndex?.remove(id)
      this.searching?.touched.add(id)
    }
    const meBefore = this.meId
    this.readMe()
    for (let i = 0; i < unique.length; i += 500) this.load({ ids: unique.slice(i, i + 500) })
    // A new me changes everyone's strength with me: the orderings are made again when next asked for.
    if (this.meId !== meBefore) this.orderings.clear()
    const changed = new Set(unique)
    for (const ordering of this.orderings.values()) ordering.follow(changed, this.entries)
    this.facetCounts?.follow(before, this.present(unique), this.entries)
  }

  /** The filters' tags and companies, the most common first. */
  facets(): Facets {
    this.facetCounts ??= new FacetCounts(this.entries.values())
    return this.facetCounts.facets()
  }

  /** The entries of these people, those there are. */
  private present(ids: readonly number[]): DirectoryEntry[] {
    const out: DirectoryEntry[] = []
    for (const id of ids) {
      const entry = this.entries.get(id)
      if (entry !== undefined) out.push(entry)
    }
    return out
  }

  private readMe(): void {
    const me = this.sqlite.prepare<[], { id: number }>('SELECT id FROM person WHERE is_me = 1').get()
    this.meId = me?.id ?? null
  }

  /**
   * Reads these people and what hangs on them, each as whole columns in id
   * order (see readColumns), and makes their entries in one walk over them.
   * `myStrengths`, when given, is what `myStrengths` read for everyone.
   */
  load(which: Which, myStrengths?: ReadonlyMap<number, number>): void {
    const db = this.sqlite
    const person = whereId('id', which)
    const owner = whereId('person_id', which)
    const [ids = [], names = [], aliases = [], companies = [], titles = [], isMe = [], archivedAt = []] = readColumns(
      db,
      `SELECT id AS c0, name AS c1, aliases AS c2, company AS c3, title AS c4, is_me AS c5, archived_at AS c6
       FROM person WHERE ${person.sql} ORDER BY id`,
      7,
      ...person.args,
    )
    const [emailOwners = [], emailList = []] = readColumns(
      db,
      `SELECT person_id AS c0, email AS c1 FROM person_email WHERE ${owner.sql} ORDER BY person_id, position`,
      2,
      ...owner.args,
    )
    const [tagOwners = [], tagList = []] = readColumns(
      db,
      // `+kind`: by the key's person_id range, not the index of every tag (which a step would read whole).
      `SELECT person_id AS c0, label AS c1 FROM person_label WHERE +kind = 'tag' AND ${owner.sql} ORDER BY person_id, position`,
      2,
      ...owner.args,
    )
    const present = whereId('ip.person_id', which)
    const [talkOwners = [], lastTalks = []] = readColumns(
      db,
      `SELECT ip.person_id AS c0, max(i.occurred_on) AS c1 FROM interaction_person ip
       JOIN interaction i ON i.id = ip.interaction_id
       WHERE i.with_me = 1 AND ${present.sql}
       GROUP BY ip.person_id ORDER BY ip.person_id`,
      2,
      ...present.args,
    )
    const emails = new Cursor(emailOwners, emailList)
    const tags = new Cursor(tagOwners, tagList)
    const talks = new Cursor(talkOwners, lastTalks)
    const mine = myStrengths ?? this.myStrengths(which)
    const search = this.searchIndex
    for (let r = 0; r < ids.length; r++) {
      const id = whole(ids[r])
      const name = text(names[r]) ?? ''
      const aliasText = text(aliases[r]) ?? '[]'
      const strength = mine.get(id)
      const entry: DirectoryEntry = {
        id,
        name,
        company: text(companies[r]),
        title: text(titles[r]),
        tags: tags.list(id),
        isMe: isMe[r] === 1,
        archived: archivedAt[r] !== null && archivedAt[r] !== undefined,
        lastInteractionOn: text(talks.one(id)),
        myStrength: strength ?? null,
        // Most people have no aliases: no need to parse and check an empty list.
        aliases: aliasText === '[]' ? [] : parseJsonList(aliasText),
        emails: emails.list(id),
        sortName: foldText(name),
      }
      this.entries.set(id, entry)
      search?.set(entry)
    }
  }

  /** The strength of my relationship with each of these people who has one. */
  myStrengths(which: Which): Map<number, number> {
    const out = new Map<number, number>()
    if (this.meId === null) return out
    const other = whereId('other', which)
    const rows = this.sqlite
      .prepare<unknown[], [number, number]>(
        `SELECT other, strength FROM (
           SELECT CASE WHEN person_a = ? THEN person_b ELSE person_a END AS other, strength
           FROM relationship WHERE person_a = ? OR person_b = ?)
         WHERE ${other.sql}`,
      )
      .raw()
      .all(this.meId, this.meId, this.meId, ...other.args)
    for (const [id, strength] of rows) out.set(id, strength)
    return out
  }
}

/**
 * The directory read a step at a time (`stepPeople` people, in id order), so the warm-up can let calls in between. Not current until done:
 * the warm-up notes what is written meanwhile and refreshes those people
 * when it is.
 */
export class DirectoryBuild {
  readonly directory: PeopleDirectory
  /** Read once for the whole build: mine are a few thousand at most. */
  private readonly mine: ReadonlyMap<number, number>
  private next = Number.MIN_SAFE_INTEGER
  private done = false

  constructor(
    private readonly sqlite: Database.Database,
    private readonly stepPeople = DIRECTORY_STEP,
  ) {
    this.directory = new PeopleDirectory(sqlite, 'read in steps')
    this.mine = this.directory.myStrengths(EVERYONE)
  }

  /** Reads the next people; says whether everyone is read. */
  step(): boolean {
    if (this.done) return true
    const to = this.sqlite
      .prepare<[number, number], number | null>('SELECT max(id) FROM (SELECT id FROM person WHERE id >= ? ORDER BY id LIMIT ?)')
      .pluck()
      .get(this.next, this.stepPeople)
    if (to === null || to === undefined) {
      this.done = true
      return true
    }
    this.directory.load({ from: this.next, to }, this.mine)
    this.next = to + 1
    return false
  }

  /** Reads everyone left at once. */
  finish(): PeopleDirectory {
    if (!this.done) {
      this.directory.load({ from: this.next, to: Number.MAX_SAFE_INTEGER }, this.mine)
      this.done = true
    }
    return this.directory
  }
}
