import type Database from 'better-sqlite3'
import type { ScoringSettings } from '../../../shared/scoring'
import { parseIdList } from '../people/records'
import { FAVOR_POINTS, isConfidence, isFavorSize } from '../../../shared/vocab'
import { dayNumber } from './scoring'
import { ColleagueGraph } from './graph-colleagues'
import { pack, pairKey, type SearchScratch } from './graph-core'

export type { Edge, SearchScratch } from './graph-core'

/**
 * Who knows whom, in memory, for path search: dense node indices, per-node
 * adjacency with each relationship's chance p(e) computed for today, my
 * favor balance with everyone, and asks routed through each person. Built
 * once from SQLite and kept current person by person after writes.
 */
export class PathGraph extends ColleagueGraph {
  constructor(sqlite: Database.Database, settings: ScoringSettings, today: string) {
    super(sqlite, settings, today)
    this.build()
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
      const list = this.nbr[this.me] ?? []
      const prob = this.prob[this.me] ?? []
      let bestMine = 0
      for (let k = 0; k < list.length; k++) {
        const c = list[k] ?? -1
        if (c < 0 || this.archived[c] === true) continue
        mine[c] = (prob[k] ?? 0) * this.reciprocity(c) * this.fatigue(c)
        if ((mine[c] ?? 0) > bestMine) bestMine = mine[c] ?? 0
      }
      const old = this.scratch?.seen.length === n ? this.scratch : null
      this.scratch = {
        version: this.version,
        mine,
        bestMine,
        fatigue: new Float64Array(n).fill(-1),
        seen: old?.seen ?? new Int32Array(n),
        seen2: old?.seen2 ?? new Int32Array(n),
        stamp: old?.stamp ?? 0,
        stamp2: old?.stamp2 ?? 0,
      }
    }
    return this.scratch
  }

  private scratch: (SearchScratch & { version: number }) | null = null

  private build(): void {
    const db = this.sqlite
    for (const row of db.prepare<unknown[], [number, string, number, number]>('SELECT id, name, is_me, archived_at IS NOT NULL AS archived FROM person').raw().iterate()) {
      const i = this.node(row[0])
      this.names[i] = row[1]
      this.archived[i] = row[3] === 1
      if (row[2] === 1) this.me = i
    }
    const meId = this.me < 0 ? null : this.ids[this.me]
    const mine = meId === undefined || meId === null ? new Map<number, number>() : this.myLastInteractions()
    const together = this.lastTogether(null)
    // Two passes of one plucked integer per relationship: no row objects.
    const pairs: number[] = []
    for (const pair of db.prepare<unknown[], number>('SELECT person_a * 67108864 + person_b FROM relationship ORDER BY id').pluck().iterate()) {
      pairs.push(pair)
    }
    let row = 0
    for (const info of db
      .prepare<unknown[], number>("SELECT strength + 8 * (CASE confidence WHEN 'believed' THEN 1 WHEN 'inferred' THEN 2 ELSE 0 END) FROM relationship ORDER BY id")
      .pluck()
      .iterate()) {
      const pair = pairs[row++] ?? 0
      const a = Math.floor(pair / 67108864)
      const b = pair - a * 67108864
      const i = this.node(a)
      const j = this.node(b)
      const last = a === meId ? (mine.get(b) ?? null) : b === meId ? (mine.get(a) ?? null) : (together.get(pairKey(a, b)) ?? null)
      const code = info + (last === null ? 0 : last + 1) * 32
      const p = this.chanceOf(code, i === this.me || j === this.me)
      this.addHalfEdge(i, j, code, p)
      this.addHalfEdge(j, i, code, p)
    }
    if (meId !== undefined && meId !== null) this.loadBalances(meId, null)
    this.loadAsks(null)
    this.loadMemberships(null)
    this.loadRejections()
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
    const rows = this.sqlite
      .prepare(
        `SELECT giver_id, receiver_id, size FROM favor WHERE (giver_id = ? OR receiver_id = ?)
         ${person === null ? '' : 'AND (giver_id = ? OR receiver_id = ?)'}`,
      )
      .raw()
      .all(...(person === null ? [meId, meId] : [meId, meId, person, person])) as [number, number, string][]
    if (person !== null) this.balance[this.node(person)] = 0
    for (const [giver, receiver, size] of rows) {
      // a CHECK keeps size to the shared list; were it not, the favor counts for nothing
      const points = isFavorSize(size) ? FAVOR_POINTS[size] : 0
      if (giver === meId) this.balance[this.node(receiver)] = (this.balance[this.node(receiver)] ?? 0) + points
      else this.balance[this.node(giver)] = (this.balance[this.node(giver)] ?? 0) - points
    }
  }

  private loadAsks(person: number | null): void {
    if (person !== null) this.asks[this.node(person)] = []
    const rows = this.sqlite
      // A later hop of a longer path goes through connectors its first hop already counted.
      .prepare(`SELECT path, created_at FROM introduction WHERE kind = 'ask' AND state != 'abandoned' AND previous_id IS NULL`)
      .raw()
      .all() as [string, string][]
    for (const [path, created] of rows) {
      const ids = parseIdList(path)
      for (const connector of ids.slice(1, -1)) {
        if (person !== null && connector !== person) continue
        this.asks[this.node(connector)]?.push(dayNumber(created))
      }
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
      for (const j of [...(this.nbr[i] ?? [])]) {
        this.removeHalfEdge(j, i)
        this.priceNode(j)
      }
      this.nbr[i] = []
      this.edge[i] = []
      this.prob[i] = []
      this.clearMemberships(i)
      if (row === undefined) {
        this.archived[i] = true
        this.balance[i] = 0
        this.asks[i] = []
        continue
      }
      this.names[i] = row[0]
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
