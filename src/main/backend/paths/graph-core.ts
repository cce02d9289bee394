import type Database from 'better-sqlite3'
import { DEFAULT_SCORING, type ScoringSettings } from '../../../shared/scoring'
import { CONFIDENCES } from '../../../shared/vocab'
import type { LiveAskState } from '../../../shared/intro-states'
import { dayNumber, edgeChance, fatigueOf, reciprocityOf, type Confidence } from './scoring'
import type { OrgDirectory } from '../orgs/model'
import { namesakeDetail, namesakesOf } from '../people/labels'

export interface SearchScratch {
  mine: Float64Array
  bestMine: number
  /** the sum of my contacts' degrees: the cost of expanding my side of a three-step path */
  meSide: number
  fatigue: Float64Array
  seen: Int32Array
  seen2: Int32Array
  stamp: number
  stamp2: number
  /** the target's neighbours in a three-step search from my side: marked with `markStamp`, and their p(c2, t) */
  mark: Int32Array
  markStamp: number
  toTarget: Float64Array
  /**
   * The four-step halves out of me (see `leftHalves`), kept for the graph
   * version they were made for: with this many kept per middle node, with or
   * without colleague steps. Rebuilt for every search, they took over a
   * second a query at 50,000 people.
   */
  halves: FourStepHalves | null
}

/** One of the best two steps out of me to a middle node: its value and first connector. */
export interface LeftHalf {
  value: number
  first: number
}

export interface FourStepHalves {
  keep: number
  colleagues: boolean
  left: Map<number, LeftHalf[]>
  byOrg: Map<number, { mids: number[]; best: number }>
}

/** An ask under way (see `GraphCore.liveAsks`). */
export interface LiveAsk {
  /** the introduction's id */
  id: number
  /** whom the connector is asked to introduce me to */
  targetId: number
  state: LiveAskState
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
export function pack(strength: number, confidence: Confidence, last: number | null): number {
  return strength | (CONFIDENCE_CODES.indexOf(confidence) << 3) | ((last === null ? 0 : last + 1) * 32)
}

function unpack(code: number): Edge {
  const last = Math.floor(code / 32)
  return { strength: code & 7, confidence: CONFIDENCE_CODES[(code >> 3) & 3] ?? 'firsthand', last: last === 0 ? null : last - 1 }
}

/**
 * The list every node starts with in `asks`, `memOrg`, `memStart` and
 * `memEnd`: one empty array shared by all, since most people have no ask
 * routed through them and many no job (four empty arrays a node were 6 MB
 * of the heap at 50,000 people, all made and then copied by the collector
 * as the graph was built). Never pushed to: `ownList` gives a node its own
 * list first. Readers see an empty list, as before.
 */
export const NO_ENTRIES: number[] = []

/** Node i's own list in `lists`, made when it has the shared empty one. */
export function ownList(lists: number[][], i: number): number[] {
  let list = lists[i]
  if (list === undefined || list === NO_ENTRIES) {
    list = []
    lists[i] = list
  }
  return list
}

function grownInt32(old: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size)
  out.set(old)
  return out
}

export function pairKey(a: number, b: number): number {
  return a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a
}

/**
 * The graph's nodes and relationships, each relationship's chance for today,
 * and the factors every path multiplies by (reciprocity, fatigue). The
 * colleague ties (`graph-colleagues.ts`) and the loading from SQLite
 * (`graph.ts`, `PathGraph`) build on it.
 */
export abstract class GraphCore {
  readonly ids: number[] = []
  readonly indexOf = new Map<number, number>()
  readonly names: string[] = []
  readonly archived: boolean[] = []
  /**
   * Relationships in flat typed arrays (no array per person: half a million
   * relationships load in one pass and stay light). Node i's half-edges sit
   * at [start[i], start[i] + degree[i]) of `adj` (the neighbour), `codes`
   * (the packed relationship, see `pack`) and `chances` (its p for today);
   * `room[i]` slots are reserved there. A node that outgrows its room moves
   * to the end (see `addHalfEdge`). Read these arrays afresh after a change:
   * growing replaces them.
   */
  start: Int32Array = new Int32Array(0)
  degree: Int32Array = new Int32Array(0)
  protected room: Int32Array = new Int32Array(0)
  adj: Int32Array = new Int32Array(0)
  codes: Int32Array = new Int32Array(0)
  chances: Float64Array = new Float64Array(0)
  /** slots of the flat arrays in use (the rest is free room at the end) */
  protected used = 0
  /** points I gave them minus points they gave me */
  readonly balance: number[] = []
  /** day numbers of asks routed through them */
  readonly asks: number[][] = []
  /** in parallel with `asks`: the person each ask was for, -1 when it has none or was declined (a "no" always counts) */
  readonly askedFor: number[][] = []
  /** The people they declined to introduce me to (person ids), and the day of each ask, in parallel. */
  readonly declinedFor: number[][] = []
  readonly declinedOn: number[][] = []
  /**
   * Asks not yet made or answered (a draft, asked, no reply, agreed), by the
   * node of the connector asked: whom each asks them for. Few people have
   * one, so a map, not a list per node.
   */
  readonly liveAsks = new Map<number, LiveAsk[]>()
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
  protected readonly orgIndexOf = new Map<number, number>()
  /** pairs (by node pair key) the user said do not know each other */
  protected readonly rejected = new Set<number>()
  protected orgDirectory: OrgDirectory | null = null
  protected today = 0
  protected settings: ScoringSettings = DEFAULT_SCORING
  /** bumped on every change; caches key on it */
  version = 0
  /** how many nodes bear each name, ignoring case: built on the first `label`, kept up to date after */
  private nameCounts: Map<string, number> | null = null
  /** 1 for a node whose name someone else bears too, by those counts; null after a count crosses two, grown for new nodes */
  private namesakes: Uint8Array | null = null
  /** nodes whose person is gone (deleted, merged away): their names count for no one */
  private readonly uncounted = new Set<number>()
  private myContacts: { version: number; marks: Uint8Array } | null = null
  /** chances of relationships with no interaction logged, by packed code, for the settings they were computed with: [others..., mine...] */
  private plainChances: { settings: ScoringSettings; values: Float64Array } | null = null

  constructor(
    protected readonly sqlite: Database.Database,
    settings: ScoringSettings,
    today: string,
  ) {
    this.settings = settings
    this.today = dayNumber(today)
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
    for (let i = 0; i < this.ids.length; i++) this.priceNode(i)
    this.version++
  }

  /**
   * How the page and the CLI name this node's person: the name, and when
   * someone else in Kith bears it too (ignoring case), their company, else
   * their title, else their id, as the People list tells namesakes apart.
   */
  label(i: number): string {
    const name = this.names[i] ?? ''
    if (!this.isNamesake(i)) return name
    // An answer names the same people many times (paths, factors, checks): a namesake is looked up once a turn.
    let memo = this.labelsThisTurn
    if (memo === null) {
      const fresh = new Map<number, string>()
      this.labelsThisTurn = memo = fresh
      queueMicrotask(() => {
        if (this.labelsThisTurn === fresh) this.labelsThisTurn = null
      })
    }
    const known = memo.get(i)
    if (known !== undefined) return known
    const id = this.ids[i] ?? -1
    const everyone = namesakesOf(this.sqlite, name)
    const self = everyone.find((p) => p.id === id) ?? { id, company: null, title: null }
    const label = `${name} (${namesakeDetail(self, everyone)})`
    memo.set(i, label)
    return label
  }

  /** namesakes' labels worked out in this turn of the event loop */
  private labelsThisTurn: Map<number, string> | null = null

  /** Whether someone else in Kith bears node i's name, ignoring case: read from flags kept beside the counts, not worked out per name shown. */
  private isNamesake(i: number): boolean {
    let counts = this.nameCounts
    if (counts === null) {
      counts = new Map()
      for (let k = 0; k < this.names.length; k++) if (!this.uncounted.has(k)) this.countName(counts, this.names[k] ?? '', 1)
      this.nameCounts = counts
      this.namesakes = null
    }
    let flags = this.namesakes
    if (flags === null || i >= flags.length) {
      const from = flags === null ? 0 : flags.length
      const grown = new Uint8Array(this.names.length)
      if (flags !== null) grown.set(flags)
      for (let k = from; k < this.names.length; k++) grown[k] = (counts.get((this.names[k] ?? '').toLowerCase()) ?? 0) >= 2 ? 1 : 0
      this.namesakes = flags = grown
    }
    return flags[i] === 1
  }

  private countName(counts: Map<string, number>, name: string, by: 1 | -1): void {
    const key = name.toLowerCase()
    const before = counts.get(key) ?? 0
    const after = before + by
    counts.set(key, after)
    // A name now borne by two, or by one again: some node's flag changes (found again on the next label).
    if (before >= 2 !== after >= 2) this.namesakes = null
  }

  /** Gives node i its person's name as read now, keeping the namesake counts true (a node whose person was gone counts again). */
  protected rename(i: number, name: string): void {
    const before = this.names[i] ?? ''
    const counts = this.nameCounts
    if (this.uncounted.delete(i)) {
      if (counts !== null) this.countName(counts, name, 1)
    } else if (before !== name && counts !== null) {
      this.countName(counts, before, -1)
      this.countName(counts, name, 1)
    }
    this.names[i] = name
    const flags = this.namesakes
    if (flags !== null && counts !== null && i < flags.length) flags[i] = (counts.get(name.toLowerCase()) ?? 0) >= 2 ? 1 : 0
  }

  /** Node i's person is gone (deleted, or merged into someone): a namesake left behind is named plainly again. */
  protected forgetName(i: number): void {
    if (this.uncounted.has(i)) return
    this.uncounted.add(i)
    if (this.nameCounts !== null) this.countName(this.nameCounts, this.names[i] ?? '', -1)
  }

  /** Adds a node for person `id` to every per-node list; answers its index. */
  protected pushNode(id: number, name: string): number {
    const index = this.ids.length
    this.ids.push(id)
    this.indexOf.set(id, index)
    this.names.push(name)
    if (this.nameCounts !== null) this.countName(this.nameCounts, name, 1)
    this.archived.push(false)
    this.balance.push(0)
    this.asks.push(NO_ENTRIES)
    this.askedFor.push(NO_ENTRIES)
    this.declinedFor.push(NO_ENTRIES)
    this.declinedOn.push(NO_ENTRIES)
    this.memOrg.push(NO_ENTRIES)
    this.memStart.push(NO_ENTRIES)
    this.memEnd.push(NO_ENTRIES)
    return index
  }

  protected node(id: number): number {
    let index = this.indexOf.get(id)
    if (index === undefined) {
      index = this.pushNode(id, '')
      if (index >= this.start.length) {
        const size = Math.max(16, this.start.length * 2)
        this.start = grownInt32(this.start, size)
        this.degree = grownInt32(this.degree, size)
        this.room = grownInt32(this.room, size)
      }
      this.start[index] = this.used
      this.degree[index] = 0
      this.room[index] = 0
    }
    return index
  }

  /**
   * Takes a whole adjacency built at once (the full load): per node its
   * start and degree in the flat arrays, with no spare room.
   */
  protected setAdjacency(start: Int32Array, degree: Int32Array, adj: Int32Array, codes: Int32Array, chances: Float64Array): void {
    this.start = start
    this.degree = degree
    this.room = degree.slice()
    this.adj = adj
    this.codes = codes
    this.chances = chances
    this.used = adj.length
    this.mySlots = null
  }

  protected orgIndex(id: number): number {
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

  protected chanceOf(code: number, touchesMe: boolean): number {
    // Most relationships have no interaction logged: their chance depends on the code alone.
    if (code >= 0 && code < 32) {
      if (this.plainChances?.settings !== this.settings) this.plainChances = { settings: this.settings, values: this.plainChanceTable() }
      return this.plainChances.values[code + (touchesMe ? 32 : 0)] ?? 0
    }
    return this.chanceFromCode(code, touchesMe)
  }

  private chanceFromCode(code: number, touchesMe: boolean): number {
    const last = Math.floor(code / 32)
    return edgeChance(this.settings, code & 7, CONFIDENCE_CODES[(code >> 3) & 3] ?? 'firsthand', last === 0 ? null : this.today - (last - 1), touchesMe)
  }

  private plainChanceTable(): Float64Array {
    const values = new Float64Array(64)
    for (let code = 0; code < 32; code++) {
      values[code] = this.chanceFromCode(code, false)
      values[code + 32] = this.chanceFromCode(code, true)
    }
    return values
  }

  protected priceNode(i: number): void {
    const from = this.start[i] ?? 0
    const to = from + (this.degree[i] ?? 0)
    const mine = i === this.me
    for (let k = from; k < to; k++) this.chances[k] = this.chanceOf(this.codes[k] ?? 0, mine || this.adj[k] === this.me)
  }

  /** Appends j to i's relationships; a node out of room moves to the end with twice the room. */
  protected addHalfEdge(i: number, j: number, code: number, p = 0): void {
    this.mySlots = null
    const deg = this.degree[i] ?? 0
    if (deg >= (this.room[i] ?? 0)) {
      const room = Math.max(4, deg * 2)
      this.reserve(this.used + room)
      const from = this.start[i] ?? 0
      this.adj.copyWithin(this.used, from, from + deg)
      this.codes.copyWithin(this.used, from, from + deg)
      this.chances.copyWithin(this.used, from, from + deg)
      this.start[i] = this.used
      this.room[i] = room
      this.used += room
    }
    const at = (this.start[i] ?? 0) + deg
    this.adj[at] = j
    this.codes[at] = code
    this.chances[at] = p
    this.degree[i] = deg + 1
  }

  private reserve(size: number): void {
    if (size <= this.adj.length) return
    const grown = Math.max(size, this.adj.length * 2, 64)
    this.adj = grownInt32(this.adj, grown)
    this.codes = grownInt32(this.codes, grown)
    const chances = new Float64Array(grown)
    chances.set(this.chances)
    this.chances = chances
  }

  /** Removes j from i's relationships (the last one takes its place). */
  protected removeHalfEdge(i: number, j: number): void {
    this.mySlots = null
    const k = this.slot(i, j)
    if (k < 0) return
    const last = (this.start[i] ?? 0) + (this.degree[i] ?? 0) - 1
    this.adj[k] = this.adj[last] ?? 0
    this.codes[k] = this.codes[last] ?? 0
    this.chances[k] = this.chances[last] ?? 0
    this.degree[i] = (this.degree[i] ?? 0) - 1
  }

  /** Where j sits among i's relationships in the flat arrays, or -1. */
  slot(i: number, j: number): number {
    const from = this.start[i] ?? 0
    const to = from + (this.degree[i] ?? 0)
    const adj = this.adj
    for (let k = from; k < to; k++) if (adj[k] === j) return k
    return -1
  }

  /** Forgets all of i's relationships (their other halves are the caller's to remove). */
  protected clearEdges(i: number): void {
    this.mySlots = null
    this.degree[i] = 0
  }

  /** Where each of my contacts sits in my list, by node (-1 for the rest): dropped on any change to the lists. */
  private mySlots: Int32Array | null = null

  /** Where the relationship between i and j sits in the flat arrays (on either side), or -1. */
  slotBetween(i: number, j: number): number {
    const me = this.me
    if (me >= 0 && (i === me || j === me)) {
      const other = i === me ? j : i
      if (this.mySlots === null || this.mySlots.length < this.ids.length) {
        const at = new Int32Array(this.ids.length).fill(-1)
        const from = this.start[me] ?? 0
        const to = from + (this.degree[me] ?? 0)
        for (let k = from; k < to; k++) at[this.adj[k] ?? 0] = k
        this.mySlots = at
      }
      return this.mySlots[other] ?? -1
    }
    const a = this.shorter(i, j)
    return this.slot(a, a === i ? j : i)
  }

  /** i's neighbours as a fresh list (for code that is not on a hot path). */
  neighbours(i: number): number[] {
    const from = this.start[i] ?? 0
    return Array.from(this.adj.subarray(from, from + (this.degree[i] ?? 0)))
  }

  edgeBetween(i: number, j: number): Edge | undefined {
    const k = this.slotBetween(i, j)
    return k < 0 ? undefined : unpack(this.codes[k] ?? 0)
  }

  /** Of two nodes, the one with the shorter adjacency list: relationships are symmetric, and my own list is long. */
  protected shorter(i: number, j: number): number {
    return (this.degree[i] ?? 0) <= (this.degree[j] ?? 0) ? i : j
  }

  /** Whether I have a relationship with this node (cached until the graph changes). */
  isMyContact(i: number): boolean {
    if (this.myContacts?.version !== this.version || this.myContacts.marks.length < this.ids.length) {
      const marks = new Uint8Array(this.ids.length)
      const from = this.start[this.me] ?? 0
      const to = from + (this.degree[this.me] ?? 0)
      for (let k = from; k < to; k++) marks[this.adj[k] ?? 0] = 1
      this.myContacts = { version: this.version, marks }
    }
    return this.myContacts.marks[i] === 1
  }

  /** The day (a day number) this connector declined to introduce me to this person, the latest; null if never. */
  declinedDay(i: number, personId: number): number | null {
    const people = this.declinedFor[i] ?? NO_ENTRIES
    let day: number | null = null
    for (let k = 0; k < people.length; k++) if (people[k] === personId) day = Math.max(day ?? -Infinity, this.declinedOn[i]?.[k] ?? 0)
    return day
  }

  /** The ask under way through this connector for this person (by id), if any: the one a second ask would repeat. */
  liveAsk(i: number, personId: number): LiveAsk | null {
    for (const ask of this.liveAsks.get(i) ?? []) if (ask.targetId === personId) return ask
    return null
  }

  /** The asks under way for this person (by id) through anyone but the connector at node `except`, with each one's connector node. */
  liveAsksFor(personId: number, except: number): { connector: number; ask: LiveAsk }[] {
    const out: { connector: number; ask: LiveAsk }[] = []
    for (const [connector, asks] of this.liveAsks) {
      if (connector === except) continue
      for (const ask of asks) if (ask.targetId === personId) out.push({ connector, ask })
    }
    return out
  }

  recentAsks(i: number): number {
    const from = this.today - this.settings.fatigueWindowDays
    let n = 0
    for (const day of this.asks[i] ?? []) if (day > from && day <= this.today) n++
    return n
  }

  fatigue(i: number): number {
    return fatigueOf(this.recentAsks(i))
  }

  /**
   * Recent asks through them, leaving out those for this person that were
   * not declined: an ask does not count against asking for the same person
   * (the request itself, or the path it is on); a "no" does.
   */
  recentAsksExcept(i: number, personId: number): number {
    const from = this.today - this.settings.fatigueWindowDays
    const days = this.asks[i] ?? NO_ENTRIES
    const whom = this.askedFor[i] ?? NO_ENTRIES
    let n = 0
    for (let k = 0; k < days.length; k++) {
      const day = days[k] ?? 0
      if (day > from && day <= this.today && whom[k] !== personId) n++
    }
    return n
  }

  reciprocity(i: number): number {
    return reciprocityOf(this.settings, this.balance[i] ?? 0)
  }
}
