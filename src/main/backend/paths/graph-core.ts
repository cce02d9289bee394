import type Database from 'better-sqlite3'
import { DEFAULT_SCORING, type ScoringSettings } from '../../../shared/scoring'
import { CONFIDENCES } from '../../../shared/vocab'
import { dayNumber, edgeChance, fatigueOf, reciprocityOf, type Confidence } from './scoring'
import type { OrgDirectory } from '../orgs/model'

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
export function pack(strength: number, confidence: Confidence, last: number | null): number {
  return strength | (CONFIDENCE_CODES.indexOf(confidence) << 3) | ((last === null ? 0 : last + 1) * 32)
}

function unpack(code: number): Edge {
  const last = Math.floor(code / 32)
  return { strength: code & 7, confidence: CONFIDENCE_CODES[(code >> 3) & 3] ?? 'firsthand', last: last === 0 ? null : last - 1 }
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
  protected readonly orgIndexOf = new Map<number, number>()
  /** pairs (by node pair key) the user said do not know each other */
  protected readonly rejected = new Set<number>()
  protected orgDirectory: OrgDirectory | null = null
  protected today = 0
  protected settings: ScoringSettings = DEFAULT_SCORING
  /** bumped on every change; caches key on it */
  version = 0
  private myContacts: { version: number; marks: Uint8Array } | null = null

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
    for (let i = 0; i < this.nbr.length; i++) this.priceNode(i)
    this.version++
  }

  protected node(id: number): number {
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

  protected chance(i: number, k: number): number {
    const code = this.edge[i]?.[k]
    if (code === undefined) return 0
    const other = this.nbr[i]?.[k] ?? -1
    return this.chanceOf(code, i === this.me || other === this.me)
  }

  protected chanceOf(code: number, touchesMe: boolean): number {
    const last = Math.floor(code / 32)
    return edgeChance(this.settings, code & 7, CONFIDENCE_CODES[(code >> 3) & 3] ?? 'firsthand', last === 0 ? null : this.today - (last - 1), touchesMe)
  }

  protected priceNode(i: number): void {
    const list = this.nbr[i] ?? []
    const prob = this.prob[i] ?? []
    prob.length = list.length
    for (let k = 0; k < list.length; k++) prob[k] = this.chance(i, k)
  }

  protected addHalfEdge(i: number, j: number, code: number, p = 0): void {
    this.nbr[i]?.push(j)
    this.edge[i]?.push(code)
    this.prob[i]?.push(p)
  }

  protected removeHalfEdge(i: number, j: number): void {
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

  edgeBetween(i: number, j: number): Edge | undefined {
    const a = this.shorter(i, j)
    const b = a === i ? j : i
    const k = this.nbr[a]?.indexOf(b) ?? -1
    const code = k < 0 ? undefined : this.edge[a]?.[k]
    return code === undefined ? undefined : unpack(code)
  }

  /** Of two nodes, the one with the shorter adjacency list: relationships are symmetric, and my own list is long. */
  protected shorter(i: number, j: number): number {
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
}
