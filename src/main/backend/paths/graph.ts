import type Database from 'better-sqlite3'
import { DEFAULT_SCORING, type ScoringSettings } from '../../../shared/scoring'
import { parseIdList } from '../people/records'
import { CONFIDENCES, FAVOR_POINTS, isConfidence, isFavorSize } from '../../../shared/vocab'
import { dayNumber, edgeChance, fatigueOf, reciprocityOf, type Confidence } from './scoring'
import { ONGOING, OrgDirectory, UNKNOWN_START, hasNewSpellings, readMemberships, syncOrganisations } from '../orgs/model'

export interface SearchScratch {
  mine: Float64Array
  bestMine: number
  fatigue: Float64Array
  seen: Int32Array
  seen2: Int32Array
  stamp: number
  stamp2: number
}

export interface Edge {
  strength: number
  confidence: Confidence
  /** day number of the last interaction that counts for this relationship, or null */
  last: number | null
}

/** bits 3-4 of a packed relationship: the index into the shared list of confidences */
const CONFIDENCE_CODES: readonly Confidence[] = CONFIDENCES

/**
 * A relationship packed in one small integer (no object per relationship:
 * half a million of them load fast and stay light): strength in bits 0-2,
 * confidence in bits 3-4, the last interaction's day number + 1 above
 * (0 for none).
 */
function pack(strength: number, confidence: Confidence, last: number | null): number {
  return strength | (CONFIDENCE_CODES.indexOf(confidence) << 3) | ((last === null ? 0 : last + 1) * 32)
}

function unpack(code: number): Edge {
  const last = Math.floor(code / 32)
  return { strength: code & 7, confidence: CONFIDENCE_CODES[(code >> 3) & 3] ?? 'firsthand', last: last === 0 ? null : last - 1 }
}

/**
 * Who knows whom, in memory, for path search: dense node indices, per-node
 * adjacency with each relationship's chance p(e) computed for today, my
 * favor balance with everyone, and asks routed through each person. Built
 * once from SQLite and kept current person by person after writes.
 */
export class PathGraph {
  readonly ids: number[] = []
  readonly indexOf = new Map<number, number>()
  readonly names: string[] = []
  readonly archived: boolean[] = []
  /** neighbour indices, and in parallel: the relationship, and its chance p */
  readonly nbr: number[][] = []
  /** packed relationships, see `pack` */
  readonly edge: number[][] = []
  readonly prob: number[][] = []
  /** points I gave them minus points they gave me */
  readonly balance: number[] = []
  /** day numbers of asks routed through them */
  readonly asks: number[][] = []
  me = -1
  /**
   * Organisations, for inferred colleague ties: per node its memberships
   * (organisation index, start and end day numbers, in parallel), per
   * organisation its members. Membership, not pairs: an organisation of n
   * people costs n entries, never n^2.
   */
  readonly memOrg: number[][] = []
  readonly memStart: number[][] = []
  readonly memEnd: number[][] = []
  readonly orgMembers: number[][] = []
  readonly orgIds: number[] = []
  readonly orgNames: string[] = []
  private readonly orgIndexOf = new Map<number, number>()
  /** pairs (by node pair key) the user said do not know each other */
  private readonly rejected = new Set<number>()
  private orgDirectory: OrgDirectory | null = null
  private today = 0
  private settings: ScoringSettings = DEFAULT_SCORING
  /** bumped on every change; caches key on it */
  version = 0
  private myContacts: { version: number; marks: Uint8Array } | null = null

  constructor(private readonly sqlite: Database.Database, settings: ScoringSettings, today: string) {
    this.settings = settings
    this.today = dayNumber(today)
    this.build()
  }

  get scoring(): ScoringSettings {
    return this.settings
  }

  get todayNumber(): number {
    return this.today
  }

  /** New settings or a new day: every chance is computed again. */
  reprice(settings: ScoringSettings, today: string): void {
    const day = dayNumber(today)
    if (day === this.today && (settings === this.settings || JSON.stringify(settings) === JSON.stringify(this.settings))) {
      this.settings = settings
      return
    }
    this.settings = settings
    this.today = day
    for (let i = 0; i < this.nbr.length; i++) this.priceNode(i)
    this.version++
  }

  private node(id: number): number {
    let index = this.indexOf.get(id)
    if (index === undefined) {
      index = this.ids.length
      this.ids.push(id)
      this.indexOf.set(id, index)
      this.names.push('')
      this.archived.push(false)
      this.nbr.push([])
      this.edge.push([])
      this.prob.push([])
      this.balance.push(0)
      this.asks.push([])
      this.memOrg.push([])
      this.memStart.push([])
      this.memEnd.push([])
    }
    return index
  }

  private orgIndex(id: number): number {
    let index = this.orgIndexOf.get(id)
    if (index === undefined) {
      index = this.orgIds.length
      this.orgIds.push(id)
      this.orgIndexOf.set(id, index)
      this.orgNames.push(this.orgDirectory?.names.get(id) ?? '')
      this.orgMembers.push([])
    }
    return index
  }

  /** The organisation a company name means (any spelling, alias or domain), as an index; -1 when no one is there. */
  orgByName(name: string): number {
    const dir = this.orgDirectory
    if (dir === null) return -1
    const id = dir.resolve(name) ?? dir.byDomain.get(name.trim().toLowerCase())
    return id === undefined ? -1 : (this.orgIndexOf.get(id) ?? -1)
  }

  /** The organisation index of an organisation id, if anyone is there. */
  orgIndexFor(id: number): number | undefined {
    return this.orgIndexOf.get(id)
  }

  /** The chance an inferred colleague tie carries an ask before size and overlap: the same for every such tie. */
  colleagueBase(): number {
    if (this.colleagueBaseFor !== this.settings) {
      const s = this.settings
      this.colleagueBaseValue = edgeChance(s, s.colleagues.strength, 'inferred', null, false)
      this.colleagueBaseFor = s
    }
    return this.colleagueBaseValue
  }

  private colleagueBaseFor: ScoringSettings | null = null
  private colleagueBaseValue = 0

  /** size(n) = min(1, scale / n), n = people Kith has at the organisation. */
  sizeFactor(org: number): number {
    const n = this.orgMembers[org]?.length ?? 0
    return Math.min(1, this.settings.colleagues.sizeScale / Math.max(1, n))
  }

  /** The highest chance any colleague tie at this organisation can have. */
  colleagueCap(org: number): number {
    return this.settings.colleagues.enabled ? this.colleagueBase() * this.sizeFactor(org) : 0
  }

  /**
   * The inferred colleague tie between two nodes: the best over the
   * organisations both were at with overlapping time, or null. Never for me
   * (my own ties are mine to say), archived people, pairs with a real
   * relationship (it replaces the inference) or pairs the user rejected.
   */
  colleagueTie(i: number, j: number): { org: number; overlap: number; since: number; chance: number } | null {
    if (!this.settings.colleagues.enabled || i === j || i === this.me || j === this.me) return null
    if (this.archived[i] === true || this.archived[j] === true) return null
    const oi = this.memOrg[i]
    const oj = this.memOrg[j]
    if (oi === undefined || oj === undefined || oi.length === 0 || oj.length === 0) return null
    let best: { org: number; overlap: number; since: number; chance: number } | null = null
    for (let a = 0; a < oi.length; a++) {
      const org = oi[a] ?? -1
      for (let b = 0; b < oj.length; b++) {
        if (oj[b] !== org) continue
        const [si, sj] = [this.memStart[i]?.[a] ?? UNKNOWN_START, this.memStart[j]?.[b] ?? UNKNOWN_START]
        const [ei, ej] = [this.memEnd[i]?.[a] ?? ONGOING, this.memEnd[j]?.[b] ?? ONGOING]
        // An unknown start is taken as late as it can be (the end, or today): someone only known to be
        // there now is not assumed to have overlapped with everyone who left before.
        const start = Math.max(si === UNKNOWN_START ? Math.min(ei, this.today) : si, sj === UNKNOWN_START ? Math.min(ej, this.today) : sj)
        const end = Math.min(ei, ej, this.today)
        if (end < start) continue
        const known = si !== UNKNOWN_START && sj !== UNKNOWN_START
        const overlap = known ? end - start : Infinity
        const short = overlap < this.settings.colleagues.shortOverlapDays ? this.settings.colleagues.shortOverlapFactor : 1
        const chance = this.colleagueBase() * this.sizeFactor(org) * short
        if (best === null || chance > best.chance) best = { org, overlap, since: known ? start : UNKNOWN_START, chance }
      }
    }
    if (best === null || this.rejected.has(pairKey(i, j))) return null
    const a = this.shorter(i, j)
    if ((this.nbr[a] ?? []).includes(a === i ? j : i)) return null
    return best
  }

  /** The chance of the inferred colleague tie between two nodes, or 0. */
  colleague(i: number, j: number): number {
    return this.colleagueTie(i, j)?.chance ?? 0
  }

  private clearMemberships(i: number): void {
    for (const org of this.memOrg[i] ?? []) {
      const list = this.orgMembers[org]
      if (list === undefined) continue
      const k = list.indexOf(i)
      if (k >= 0) {
        list[k] = list[list.length - 1] ?? 0
        list.pop()
      }
    }
    this.memOrg[i] = []
    this.memStart[i] = []
    this.memEnd[i] = []
  }

  /** Reads where these people work (everyone when null), for colleague inference. */
  private loadMemberships(ids: readonly number[] | null): void {
    let scope = ids
    if (this.orgDirectory === null || ids === null || hasNewSpellings(this.sqlite, ids)) {
      try {
        // A new organisation or domain can change where anyone works: then read everyone again.
        if (syncOrganisations(this.sqlite, new Date().toISOString()).changed || this.orgDirectory === null) {
          this.orgDirectory = new OrgDirectory(this.sqlite)
          scope = null
        }
      } catch (err) {
        // A database that cannot be written just now (busy, read-only): resolve with the names it has.
        if (!(err instanceof Error && 'code' in err && typeof err.code === 'string' && /^SQLITE_(BUSY|LOCKED|READONLY)/.test(err.code))) throw err
        this.orgDirectory ??= new OrgDirectory(this.sqlite)
      }
    }
    const orgs = this.orgDirectory
    for (let o = 0; o < this.orgIds.length; o++) this.orgNames[o] = orgs.names.get(this.orgIds[o] ?? -1) ?? ''
    if (scope === null && ids !== null) for (let i = 0; i < this.ids.length; i++) this.clearMemberships(i)
    const memberships = readMemberships(this.sqlite, orgs, scope)
    for (const [person, list] of memberships) {
      const i = this.indexOf.get(person)
      if (i === undefined || this.archived[i] === true) continue
      const seen = new Set<number>()
      for (const m of list) {
        const o = this.orgIndex(m.org)
        this.memOrg[i]?.push(o)
        this.memStart[i]?.push(m.start)
        this.memEnd[i]?.push(m.end)
        if (!seen.has(o)) {
          seen.add(o)
          this.orgMembers[o]?.push(i)
        }
      }
    }
  }

  private loadRejections(): void {
    this.rejected.clear()
    for (const [a, b] of this.sqlite.prepare('SELECT person_a, person_b FROM colleague_rejection').raw().iterate() as IterableIterator<[number, number]>) {
      const i = this.indexOf.get(a)
      const j = this.indexOf.get(b)
      if (i !== undefined && j !== undefined) this.rejected.add(pairKey(i, j))
    }
  }

  private chance(i: number, k: number): number {
    const code = this.edge[i]?.[k]
    if (code === undefined) return 0
    const other = this.nbr[i]?.[k] ?? -1
    return this.chanceOf(code, i === this.me || other === this.me)
  }

  private chanceOf(code: number, touchesMe: boolean): number {
    const last = Math.floor(code / 32)
    return edgeChance(this.settings, code & 7, CONFIDENCE_CODES[(code >> 3) & 3] ?? 'firsthand', last === 0 ? null : this.today - (last - 1), touchesMe)
  }

  private priceNode(i: number): void {
    const list = this.nbr[i] ?? []
    const prob = this.prob[i] ?? []
    prob.length = list.length
    for (let k = 0; k < list.length; k++) prob[k] = this.chance(i, k)
  }

  private addHalfEdge(i: number, j: number, code: number, p = 0): void {
    this.nbr[i]?.push(j)
    this.edge[i]?.push(code)
    this.prob[i]?.push(p)
  }

  private removeHalfEdge(i: number, j: number): void {
    const list = this.nbr[i]
    if (list === undefined) return
    const k = list.indexOf(j)
    if (k < 0) return
    const lastK = list.length - 1
    for (const arr of [list, this.edge[i], this.prob[i]] as number[][]) {
      arr[k] = arr[lastK] ?? 0
      arr.pop()
    }
  }

  /** The chance of the relationship between two nodes (or of their inferred colleague tie), or 0. */
  p(i: number, j: number): number {
    const a = this.shorter(i, j)
    const b = a === i ? j : i
    const list = this.nbr[a]
    if (list === undefined) return 0
    const k = list.indexOf(b)
    return k < 0 ? this.colleague(i, j) : (this.prob[a]?.[k] ?? 0)
  }

  edgeBetween(i: number, j: number): Edge | undefined {
    const a = this.shorter(i, j)
    const b = a === i ? j : i
    const k = this.nbr[a]?.indexOf(b) ?? -1
    const code = k < 0 ? undefined : this.edge[a]?.[k]
    return code === undefined ? undefined : unpack(code)
  }

  /** Of two nodes, the one with the shorter adjacency list: relationships are symmetric, and my own list is long. */
  private shorter(i: number, j: number): number {
    return (this.nbr[i]?.length ?? 0) <= (this.nbr[j]?.length ?? 0) ? i : j
  }

  /** Whether I have a relationship with this node (cached until the graph changes). */
  isMyContact(i: number): boolean {
    if (this.myContacts?.version !== this.version || this.myContacts.marks.length < this.ids.length) {
      const marks = new Uint8Array(this.ids.length)
      for (const c of this.nbr[this.me] ?? []) marks[c] = 1
      this.myContacts = { version: this.version, marks }
    }
    return this.myContacts.marks[i] === 1
  }

  /** For each organisation, my contacts there (not archived), cached until the graph changes. */
  myContactsByOrg(): Map<number, number[]> {
    if (this.myAtCache?.version !== this.version) {
      const out = new Map<number, number[]>()
      for (const c of this.nbr[this.me] ?? []) {
        if (this.archived[c] === true) continue
        const orgs = this.memOrg[c] ?? []
        for (let k = 0; k < orgs.length; k++) {
          const org = orgs[k] ?? -1
          if (orgs.indexOf(org) !== k) continue
          const list = out.get(org)
          if (list === undefined) out.set(org, [c])
          else list.push(c)
        }
      }
      this.myAtCache = { version: this.version, byOrg: out }
    }
    return this.myAtCache.byOrg
  }

  private myAtCache: { version: number; byOrg: Map<number, number[]> } | null = null

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

  recentAsks(i: number): number {
    const from = this.today - this.settings.fatigueWindowDays
    let n = 0
    for (const day of this.asks[i] ?? []) if (day > from && day <= this.today) n++
    return n
  }

  fatigue(i: number): number {
    return fatigueOf(this.recentAsks(i))
  }

  reciprocity(i: number): number {
    return reciprocityOf(this.settings, this.balance[i] ?? 0)
  }

  private build(): void {
    const db = this.sqlite
    for (const row of db.prepare('SELECT id, name, is_me, archived_at IS NOT NULL AS archived FROM person').raw().iterate() as IterableIterator<
      [number, string, number, number]
    >) {
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
    for (const pair of db.prepare('SELECT person_a * 67108864 + person_b FROM relationship ORDER BY id').pluck().iterate() as IterableIterator<number>) {
      pairs.push(pair)
    }
    let row = 0
    for (const info of db
      .prepare("SELECT strength + 8 * (CASE confidence WHEN 'believed' THEN 1 WHEN 'inferred' THEN 2 ELSE 0 END) FROM relationship ORDER BY id")
      .pluck()
      .iterate() as IterableIterator<number>) {
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
      .prepare(
        `SELECT ip.person_id, max(i.occurred_on) FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id
         WHERE i.with_me = 1 GROUP BY ip.person_id`,
      )
      .raw()
      .iterate() as IterableIterator<[number, string]>) {
      out.set(person, dayNumber(last))
    }
    return out
  }

  /** Last interactions logged with both present, by pair (for one person, or everyone). */
  private lastTogether(person: number | null): Map<number, number> {
    const out = new Map<number, number>()
    const rows = this.sqlite
      .prepare(
        `SELECT a.person_id, b.person_id, max(i.occurred_on)
         FROM interaction_person a
         JOIN interaction_person b ON b.interaction_id = a.interaction_id AND b.person_id > a.person_id
         JOIN interaction i ON i.id = a.interaction_id
         ${person === null ? '' : 'WHERE a.person_id = ? OR b.person_id = ?'}
         GROUP BY a.person_id, b.person_id`,
      )
      .raw()
      .iterate(...(person === null ? [] : [person, person])) as IterableIterator<[number, number, string]>
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
        .prepare('SELECT person_a, person_b, strength, confidence FROM relationship WHERE person_a = ? OR person_b = ?')
        .raw()
        .iterate(id, id) as IterableIterator<[number, number, number, string]>) {
        const other = a === id ? b : a
        const j = this.node(other)
        const last =
          id === meId ? (mineByOther.get(other) ?? null) : other === meId ? lastWithMe : (together.get(pairKey(a, b)) ?? null)
        // a CHECK keeps confidence to the shared list; were it not, it counts as firsthand, as in the full load above
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

function pairKey(a: number, b: number): number {
  return a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a
}
