import type Database from 'better-sqlite3'
import type { ScoringSettings } from '../../../shared/scoring'
import { numbers, readColumns, texts } from '../db/columns'
import { readRelationshipColumns, RELATIONSHIP_CODE, type RelationshipColumns } from './relationship-columns'
import { FAVOR_POINTS, isConfidence, isFavorSize } from '../../../shared/vocab'
import { isLiveAskState } from '../../../shared/intro-states'
import { dayNumber } from './scoring'
import { OrgDirectory } from '../orgs/model'
import { ColleagueGraph } from './graph-colleagues'
import { NO_ENTRIES, ownList, pack, pairKey, type SearchScratch } from './graph-core'

export type { Edge, SearchScratch } from './graph-core'

/** How many people not in the person table `build` reads the jobs of at once (each read binds their ids twice). */
const GHOSTS_PER_READ = 8_000

/** How many people's jobs a build in steps reads at once: 10 to 75 ms at 4,000 people (10,000 took up to 120). */
const MEMBERSHIP_STEP = 4_000

/** How many people a build in steps reads at once (50,000 took 110 ms in one step). */
const PEOPLE_STEP = 12_500

/** How many rows of the organisations' tables a build in steps reads at once: about 30 ms at 8,000. */
const ORGANISATION_ROWS_STEP = 8_000

/** Where a build takes the relationships read on another thread (`RelationshipPrefetch`). */
export interface RelationshipSource {
  /** whether `take` would answer at once */
  ready(): boolean
  /** the columns (waiting for them if need be), or null to read them here */
  take(): RelationshipColumns | null
}

/** What one step of a build in steps says: more to do, more once the relationships read elsewhere are in, or done. */
export type BuildStep = 'more' | 'waiting' | 'done'

/**
 * Who knows whom, in memory, for path search: dense node indices, per-node
 * adjacency with each relationship's chance p(e) computed for today, my
 * favor balance with everyone, and asks routed through each person. Built
 * once from SQLite and kept current person by person after writes.
 */
export class PathGraph extends ColleagueGraph {
  /**
   * `relationships`, when given, hands over the relationship columns read
   * elsewhere (null: read them here); they are taken once, as late in the
   * build as they are needed. Built at once, or `in steps`: then nothing
   * may use the graph until `buildStep` says done or `finishBuild` returns
   * (the warm-up takes one step at a time and lets calls in between).
   */
  constructor(
    sqlite: Database.Database,
    settings: ScoringSettings,
    today: string,
    private readonly relationships: RelationshipSource | null = null,
    building: 'at once' | 'in steps' = 'at once',
    /** every company already has its organisation (the warm-up synced them just before): the build does not look */
    private readonly organisationsSynced = false,
  ) {
    super(sqlite, settings, today)
    this.stepwise = building === 'in steps'
    this.steps = this.build()
    if (building === 'at once') this.finishBuild()
  }

  /** Whether the build is taken in steps (then everyone's jobs are read a range of people at a time). */
  private readonly stepwise: boolean

  /** The build's remaining steps (null once built). */
  private steps: Generator<BuildStep, void, void> | null

  /** The next step of a build in steps, done now. */
  buildStep(): BuildStep {
    if (this.failed) throw new Error('this path graph failed to build')
    const steps = this.steps
    if (steps === null) return 'done'
    try {
      const next = steps.next()
      if (next.done === true) {
        this.steps = null
        return 'done'
      }
      return next.value
    } catch (err) {
      // A step that failed leaves no graph: nothing more is built from it.
      this.steps = null
      this.failed = true
      throw err
    }
  }

  private failed = false
  /** Set by `finishBuild`: the build no longer gives the thread back while its reader reads, it waits for it. */
  private finishing = false

  /** Whatever is left of a build in steps, now (waiting for the reader in `take`, asleep, if need be). */
  finishBuild(): void {
    this.finishing = true
    while (this.buildStep() !== 'done');
  }

  /**
   * What every search needs and nothing changes until the graph does: for
   * each of my contacts p(me, c) x reciprocity(c) x fatigue(c) (0 for
   * everyone else), fatigue per node (filled as asked for), and visit marks
   * whose stamps only grow.
   */
  searchScratch(): SearchScratch {
    const n = this.ids.length
    if (this.scratch?.version !== this.version || this.scratch.mine.length !== n) {
      const mine = new Float64Array(n)
      const from = this.start[this.me] ?? 0
      const to = from + (this.degree[this.me] ?? 0)
      let bestMine = 0
      for (let k = from; k < to; k++) {
        const c = this.adj[k] ?? -1
        if (c < 0 || this.archived[c] === true) continue
        mine[c] = (this.chances[k] ?? 0) * this.reciprocity(c) * this.fatigue(c)
        if ((mine[c] ?? 0) > bestMine) bestMine = mine[c] ?? 0
      }
      let meSide = 0
      for (let k = from; k < to; k++) meSide += this.degree[this.adj[k] ?? -1] ?? 0
      const old = this.scratch?.seen.length === n ? this.scratch : null
      this.scratch = {
        version: this.version,
        mine,
        bestMine,
        meSide,
        fatigue: new Float64Array(n).fill(-1),
        seen: old?.seen ?? new Int32Array(n),
        seen2: old?.seen2 ?? new Int32Array(n),
        stamp: old?.stamp ?? 0,
        stamp2: old?.stamp2 ?? 0,
        mark: old?.mark ?? new Int32Array(n),
        markStamp: old?.markStamp ?? 0,
        toTarget: old?.toTarget ?? new Float64Array(n),
        halves: null,
      }
    }
    return this.scratch
  }

  private scratch: (SearchScratch & { version: number }) | null = null

  /**
   * The build, one step per part, a few tenths of a second at most at
   * 50,000 people: people, organisations, memberships, the relationships
   * (waited for while read on another thread), the adjacency, then the rest.
   */
  private *build(): Generator<BuildStep, void, void> {
    const db = this.sqlite
    const [minId, maxId, count] = db.prepare<[], [number | null, number | null, number]>('SELECT min(id), max(id), count(*) FROM person').raw().get() ?? [null, null, 0]
    // Node index by person id while loading: a plain array when ids are dense enough (they are, unless many were deleted).
    const dense = (minId ?? 0) >= 0 && (maxId ?? 0) < Math.max(1 << 20, 8 * count)
    const at = new Int32Array(dense ? (maxId ?? 0) + 1 : 0).fill(-1)
    // Whole columns, in id order: no object or array per row. A build in steps reads PEOPLE_STEP people a step.
    const personIds: number[] = []
    const page = this.stepwise ? PEOPLE_STEP : -1
    for (let after = -(2 ** 53); ; ) {
      const [idColumn = [], nameColumn = []] = readColumns(db, 'SELECT id AS c0, name AS c1 FROM person WHERE id > ? ORDER BY id LIMIT ?', 2, after, page)
      const ids = numbers(idColumn)
      const names = texts(nameColumn)
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] ?? 0
        // (one added meanwhile past the highest id at the start has no place in `at`: looked up by id)
        if (dense && id < at.length) at[id] = this.ids.length
        this.pushNode(id, names[k] ?? '')
        personIds.push(id)
      }
      const last = ids[ids.length - 1]
      if (page < 0 || last === undefined || ids.length < page) break
      after = last
      yield 'more'
    }
    const n = personIds.length
    const nodeOf = (id: number): number => (dense && id < at.length ? (at[id] ?? -1) : (this.indexOf.get(id) ?? -1))
    for (const id of db.prepare<[], number>('SELECT id FROM person WHERE archived_at IS NOT NULL').pluck().all()) this.archived[nodeOf(id)] = true
    const meId = db.prepare<[], number>('SELECT id FROM person WHERE is_me = 1 ORDER BY id DESC').pluck().get()
    this.me = meId === undefined ? -1 : nodeOf(meId)
    yield 'more'

    // Where everyone works, first: meanwhile the relationships may still be being read on another thread.
    // After the warm-up's sync, the organisations are read a few thousand rows a step.
    let read: OrgDirectory | null = null
    if (this.stepwise && this.organisationsSynced) {
      const reading = OrgDirectory.inSteps(db, ORGANISATION_ROWS_STEP)
      for (let step = reading.steps.next(); step.done !== true; step = reading.steps.next()) yield 'more'
      read = reading.directory
    }
    this.resolveOrganisations(null, this.organisationsSynced, read)
    yield 'more'
    if (this.stepwise) {
      // A range of ids at a time: each person's jobs are all in one range, read in the order a whole read gives them.
      for (let k = 0; k < n; k += MEMBERSHIP_STEP) {
        this.readMembershipsOf({ from: personIds[k] ?? 0, to: personIds[Math.min(k + MEMBERSHIP_STEP, n) - 1] ?? 0 }, null)
        yield 'more'
      }
    } else {
      this.readMembershipsOf(null, null)
      yield 'more'
    }
    const source = this.relationships
    while (source !== null && !this.finishing && !source.ready()) yield 'waiting'
    const edges = this.readRelationships(nodeOf)
    yield 'more'
    // Someone a relationship names who is not in the person table (foreign keys off) got a node: their jobs too,
    // a few thousand at a time (each read names them in its query, and SQLite takes at most 32,766 values).
    for (let k = n; k < this.ids.length; k += GHOSTS_PER_READ) this.loadMemberships(this.ids.slice(k, Math.min(k + GHOSTS_PER_READ, this.ids.length)))
    const m = edges.a.length
    // A relationship naming someone not in the person table (foreign keys off) added a node for them.
    const total = this.ids.length
    const degree = new Int32Array(total)
    for (let e = 0; e < m; e++) {
      const i = edges.a[e] ?? 0
      const j = edges.b[e] ?? 0
      degree[i] = (degree[i] ?? 0) + 1
      degree[j] = (degree[j] ?? 0) + 1
    }
    const start = new Int32Array(total)
    for (let i = 1; i < total; i++) start[i] = (start[i - 1] ?? 0) + (degree[i - 1] ?? 0)
    const fill = start.slice()
    const adj = new Int32Array(2 * m)
    const codes = new Int32Array(2 * m)
    const chances = new Float64Array(2 * m)
    // My last interaction with each contact, by node; NaN for none.
    const mine = new Float64Array(total).fill(Number.NaN)
    if (meId !== undefined) for (const [person, last] of this.myLastInteractions()) mine[nodeOf(person)] = last
    for (let e = 0; e < m; e++) {
      const i = edges.a[e] ?? 0
      const j = edges.b[e] ?? 0
      let code = edges.info[e] ?? 0
      const touchesMe = i === this.me || j === this.me
      if (touchesMe) {
        const last = mine[i === this.me ? j : i] ?? Number.NaN
        if (!Number.isNaN(last)) code += (last + 1) * 32
      }
      const p = this.chanceOf(code, touchesMe)
      const x = fill[i] ?? 0
      const y = fill[j] ?? 0
      fill[i] = x + 1
      fill[j] = y + 1
      adj[x] = j
      codes[x] = code
      chances[x] = p
      adj[y] = i
      codes[y] = code
      chances[y] = p
    }
    this.setAdjacency(start, degree, adj, codes, chances)
    yield 'more'
    // Last interactions logged with both present, between two other people.
    for (const [key, last] of this.lastTogether(null)) {
      const a = Math.floor(key / 2 ** 26)
      const i = nodeOf(a)
      const j = nodeOf(key - a * 2 ** 26)
      if (i < 0 || j < 0 || i === this.me || j === this.me) continue
      const x = this.slot(i, j)
      const y = this.slot(j, i)
      if (x < 0 || y < 0) continue
      const code = (this.codes[x] ?? 0) + (last + 1) * 32
      const p = this.chanceOf(code, false)
      this.codes[x] = code
      this.codes[y] = code
      this.chances[x] = p
      this.chances[y] = p
    }
    if (meId !== undefined) this.loadBalances(meId, null)
    this.loadAsks(null)
    this.loadRejections()
  }

  /**
   * Every relationship as node indices and its strength and confidence
   * (bits 0-4 of a packed code). Usually two numbers per relationship, the
   * code folded into the first; negative ids, or ids too large to fold
   * exactly, are read as rows.
   */
  private readRelationships(indexOfId: (id: number) => number): { a: Int32Array; b: Int32Array; info: Int32Array } {
    const nodeOf = (id: number): number => {
      const i = indexOfId(id)
      return i >= 0 ? i : this.node(id)
    }
    // Read on another thread meanwhile (`RelationshipPrefetch`), or now.
    const columns = this.relationships?.take() ?? readRelationshipColumns(this.sqlite)
    if (columns !== null) {
      const { lefts, rights } = columns
      const m = Math.min(lefts.length, rights.length)
      const out = { a: new Int32Array(m), b: new Int32Array(m), info: new Int32Array(m) }
      let e = 0
      for (let k = 0; k < m; k++) {
        const left = lefts[k] ?? Number.NaN
        const right = rights[k] ?? Number.NaN
        if (Number.isNaN(left) || Number.isNaN(right)) continue
        const a = Math.floor(left / 32)
        out.a[e] = nodeOf(a)
        out.b[e] = nodeOf(right)
        out.info[e] = left - a * 32
        e++
      }
      return e === m ? out : { a: out.a.subarray(0, e), b: out.b.subarray(0, e), info: out.info.subarray(0, e) }
    }
    const rows = this.sqlite.prepare<[], [number, number, number]>(`SELECT person_a, person_b, ${RELATIONSHIP_CODE} FROM relationship`).raw().all()
    return {
      a: Int32Array.from(rows, (r) => nodeOf(r[0])),
      b: Int32Array.from(rows, (r) => nodeOf(r[1])),
      info: Int32Array.from(rows, (r) => r[2]),
    }
  }

  /** My last interaction with each person, as day numbers. */
  private myLastInteractions(): Map<number, number> {
    const out = new Map<number, number>()
    for (const [person, last] of this.sqlite
      .prepare<unknown[], [number, string]>(
        `SELECT ip.person_id, max(i.occurred_on) FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id
         WHERE i.with_me = 1 GROUP BY ip.person_id`,
      )
      .raw()
      .iterate()) {
      out.set(person, dayNumber(last))
    }
    return out
  }

  /** Last interactions logged with both present, by pair (for one person, or everyone). */
  private lastTogether(person: number | null): Map<number, number> {
    const out = new Map<number, number>()
    const rows = this.sqlite
      .prepare<unknown[], [number, number, string]>(
        `SELECT a.person_id, b.person_id, max(i.occurred_on)
         FROM interaction_person a
         JOIN interaction_person b ON b.interaction_id = a.interaction_id AND b.person_id > a.person_id
         JOIN interaction i ON i.id = a.interaction_id
         ${person === null ? '' : 'WHERE a.person_id = ? OR b.person_id = ?'}
         GROUP BY a.person_id, b.person_id`,
      )
      .raw()
      .iterate(...(person === null ? [] : [person, person]))
    for (const [a, b, last] of rows) out.set(pairKey(a, b), dayNumber(last))
    return out
  }

  private loadBalances(meId: number, person: number | null): void {
    // Every favor of mine has me on one side: reading me again is reading them all, from nothing.
    if (person === meId) {
      this.balance.fill(0)
      person = null
    }
    const rows = this.sqlite
      .prepare<number[], [number, number, string]>(
        `SELECT giver_id, receiver_id, size FROM favor WHERE (giver_id = ? OR receiver_id = ?)
         ${person === null ? '' : 'AND (giver_id = ? OR receiver_id = ?)'}`,
      )
      .raw()
      .all(...(person === null ? [meId, meId] : [meId, meId, person, person]))
    if (person !== null) this.balance[this.node(person)] = 0
    for (const [giver, receiver, size] of rows) {
      // a CHECK keeps size to the shared list; were it not, the favor counts for nothing
      const points = isFavorSize(size) ? FAVOR_POINTS[size] : 0
      if (giver === meId) this.balance[this.node(receiver)] = (this.balance[this.node(receiver)] ?? 0) + points
      else this.balance[this.node(giver)] = (this.balance[this.node(giver)] ?? 0) - points
    }
  }

  private loadAsks(person: number | null): void {
    if (person !== null) {
      const i = this.node(person)
      this.asks[i] = NO_ENTRIES
      this.askedFor[i] = NO_ENTRIES
      this.declinedFor[i] = NO_ENTRIES
      this.declinedOn[i] = NO_ENTRIES
      this.liveAsks.delete(i)
    } else {
      this.liveAsks.clear()
    }
    // An ask counts once it is made (it has an "asked" step, whatever became of it since; one moved on
    // without that step counts from when it was entered), on the day it was made, through the
    // connector it asks: each hop of a longer path asks its own. A draft, or one abandoned as a
    // draft, never went. A draft is still under way (see `liveAsks`).
    const rows = this.sqlite
      .prepare<[], [number, string, string, number | null, number, number]>(
        `SELECT i.connector_id, coalesce((SELECT min(e.on_date) FROM introduction_event e WHERE e.introduction_id = i.id AND e.state = 'asked'), i.created_at),
                i.state, i.target_id, i.id,
                i.state NOT IN ('draft', 'abandoned') OR EXISTS (SELECT 1 FROM introduction_event e WHERE e.introduction_id = i.id AND e.state = 'asked')
         FROM introduction i WHERE i.kind = 'ask' AND i.connector_id IS NOT NULL
           AND (i.state <> 'abandoned' OR EXISTS (SELECT 1 FROM introduction_event e WHERE e.introduction_id = i.id AND e.state = 'asked'))`,
      )
      .raw()
      .all()
    for (const [connector, asked, state, target, id, went] of rows) {
      if (person !== null && connector !== person) continue
      const i = this.node(connector)
      if (target !== null && isLiveAskState(state)) {
        const live = this.liveAsks.get(i)
        if (live === undefined) this.liveAsks.set(i, [{ id, targetId: target, state }])
        else live.push({ id, targetId: target, state })
      }
      if (went !== 1) continue
      ownList(this.asks, i).push(dayNumber(asked))
      ownList(this.askedFor, i).push(state === 'declined' || target === null ? -1 : target)
      // A "no" is remembered for whom it was about: the person they were asked to introduce me to.
      if (state !== 'declined' || target === null) continue
      ownList(this.declinedFor, i).push(target)
      ownList(this.declinedOn, i).push(dayNumber(asked))
    }
  }

  /** Re-reads these people and everything about them that paths use. */
  refresh(personIds: Iterable<number>): void {
    const db = this.sqlite
    const meId = this.me < 0 ? null : (this.ids[this.me] ?? null)
    const touched = [...new Set(personIds)]
    for (const id of touched) {
      const row = db.prepare('SELECT name, is_me, archived_at IS NOT NULL AS archived FROM person WHERE id = ?').raw().get(id) as
        | [string, number, number]
        | undefined
      const i = this.node(id)
      // Drop every relationship of theirs, then read them back.
      for (const j of this.neighbours(i)) {
        this.removeHalfEdge(j, i)
        this.priceNode(j)
      }
      this.clearEdges(i)
      this.clearMemberships(i)
      if (row === undefined) {
        this.forgetName(i)
        this.archived[i] = true
        this.balance[i] = 0
        this.asks[i] = NO_ENTRIES
        this.askedFor[i] = NO_ENTRIES
        this.declinedFor[i] = NO_ENTRIES
        this.declinedOn[i] = NO_ENTRIES
        this.liveAsks.delete(i)
        continue
      }
      this.rename(i, row[0])
      this.archived[i] = row[2] === 1
      const together = this.lastTogether(id)
      let lastWithMe: number | null = null
      if (meId !== null && id !== meId) {
        const last = db
          .prepare(
            `SELECT max(i.occurred_on) FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id
             WHERE i.with_me = 1 AND ip.person_id = ?`,
          )
          .raw()
          .get(id) as [string | null]
        lastWithMe = last[0] === null ? null : dayNumber(last[0])
      }
      const mineByOther = id === meId ? this.myLastInteractions() : new Map<number, number>()
      for (const [a, b, strength, confidence] of db
        .prepare<unknown[], [number, number, number, string]>('SELECT person_a, person_b, strength, confidence FROM relationship WHERE person_a = ? OR person_b = ?')
        .raw()
        .iterate(id, id)) {
        const other = a === id ? b : a
        const j = this.node(other)
        const last =
          id === meId ? (mineByOther.get(other) ?? null) : other === meId ? lastWithMe : (together.get(pairKey(a, b)) ?? null)
        // a CHECK keeps confidence to the shared list; were it not, it counts as firsthand, as in the full load
        const code = pack(strength, isConfidence(confidence) ? confidence : 'firsthand', last)
        this.addHalfEdge(i, j, code)
        this.addHalfEdge(j, i, code)
        this.priceNode(j)
      }
      this.priceNode(i)
      if (meId !== null) this.loadBalances(meId, id)
      this.loadAsks(id)
    }
    const present = touched.filter((id) => !this.archivedOrGone(id))
    if (present.length > 0) this.loadMemberships(present)
    this.loadRejections()
    this.version++
  }

  private archivedOrGone(id: number): boolean {
    const i = this.indexOf.get(id)
    return i === undefined || this.archived[i] === true
  }
}
