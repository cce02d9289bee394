import type { PathGraph } from '../paths/graph'
import { firstAbove, popcount, RunningBar } from './numeric'
import type { NodeTraits } from './traits'

/** The weekly list's numbers (docs/suggestions.md); `suggest` takes them as its options. */
export interface PairOptions {
  /** my ties to both must be at least this strong */
  minStrength: number
  eps: number
  /** a shared interest, and a complementary role, each count as this much of a need met */
  interestWeight: number
  roleWeight: number
  bridge: number
  owed: number
  /** resource-allocation index at or above which "do they already know each other?" replaces the suggestion */
  knownIndex: number
  limit: number
  /** pass over pairs whose bound is under the running bar (the list is the same either way; off only to check that) */
  prune: boolean
}

export interface MaybeKnown {
  a: number
  b: number
  shared: number
  index: number
}

const pairKey = (a: number, b: number): number => (a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a)

/** a bound times this, below the bar, is surely below it (room for rounding) */
const SLACK = 1 + 1e-9

/**
 * Every pair of people I know who gain from each other, scored (see
 * `suggest`). The per-person arrays live on one object and the per-pair
 * arithmetic is in its methods: one list after another, the calls go to the
 * same functions, so the engine keeps the code it optimised for them
 * instead of starting over for every list (closures made afresh for each
 * list are new call targets).
 */
export class PairSearch {
  readonly n: number
  readonly me: number
  /** who may be paired: my ties at least minStrength, not archived */
  readonly eligible: Uint8Array
  readonly strengthToMe: Int8Array
  readonly chanceToMe: Float64Array
  /** the most person i can bring to any pair's score (see the constructor) */
  readonly reach: Float64Array
  private readonly t: NodeTraits
  private readonly interestIndex: number[][]
  private readonly roleIndex: number[][]
  /** mutual needs by bucket: node a needing X and offering Y sits under X:Y; it meets those under Y:X */
  private readonly buckets = new Map<number, number[]>()
  /** marks[z] === x + 1 when z is a neighbour of x (set once per x, never cleared) */
  private readonly marks: Int32Array
  /** people who may share someone with me, not archived: the only ones the resource-allocation index counts */
  private readonly counted: Uint8Array
  /**
   * near[y] === x + 1 when x and y share someone, and nearSum[y] their index
   * summed in another order (set for an x with many candidates: past
   * everyone x knows, once, instead of past each candidate's people); for
   * the others, every pair is looked at.
   */
  private readonly near: Int32Array
  private readonly nearSum: Float64Array
  /** whether a node is in an organisation (only then can it have a colleague tie) */
  private readonly inOrg: Uint8Array
  private readonly stamp: Int32Array
  /** set by raIndex: how many people the pair shares */
  private sharedCount = 0

  // Candidates in flat arrays: nothing allocated per pair.
  readonly candA: number[] = []
  readonly candB: number[] = []
  readonly candScore: number[] = []
  readonly candIndex: number[] = []
  readonly maybeKnown: MaybeKnown[] = []
  /** the running bar: the barSize-th best score so far; a pair whose bound or score is below it cannot make the list */
  bar: RunningBar
  /** how many pairs the last pass passed over: by their bound, or scored under the bar */
  pruned = 0
  private readonly barSize: number
  /** the lists of people a and who gain from each other (by needs both ways, an interest or a role), reused for every a */
  private readonly lists: (readonly number[])[] = []

  constructor(
    private readonly g: PathGraph,
    readTraits: (eligible: Uint8Array) => NodeTraits,
    interestCount: number,
    roleCount: number,
    private readonly excluded: ReadonlySet<number>,
    private readonly options: PairOptions,
  ) {
    const n = g.ids.length
    const me = g.me
    this.n = n
    this.me = me
    // My ties, read once: who may be paired, p(me, x) and strength, by node.
    const eligible = new Uint8Array(n)
    const strengthToMe = new Int8Array(n)
    const chanceToMe = new Float64Array(n)
    const { start, degree, adj } = g
    const myFrom = start[me] ?? 0
    const myTo = myFrom + (degree[me] ?? 0)
    for (let k = myFrom; k < myTo; k++) {
      const i = adj[k] ?? -1
      const strength = (g.codes[k] ?? 0) & 7
      if (g.archived[i] === true || strength < options.minStrength) continue
      eligible[i] = 1
      strengthToMe[i] = strength
      chanceToMe[i] = g.chances[k] ?? 0
    }
    this.eligible = eligible
    this.strengthToMe = strengthToMe
    this.chanceToMe = chanceToMe
    const t = readTraits(eligible)
    this.t = t
    const { labelCount, needStart, needs, offerStart, offers, interestWords, interestBits, roleWords, roleBits, complementBits } = t

    // Who carries each interest and holds each role, ascending by node.
    this.interestIndex = Array.from({ length: interestCount }, () => [])
    this.roleIndex = Array.from({ length: roleCount }, () => [])
    for (let i = 0; i < n; i++) {
      if (eligible[i] !== 1) continue
      addBits(this.interestIndex, interestBits, i * interestWords, interestWords, i)
      addBits(this.roleIndex, roleBits, i * roleWords, roleWords, i)
      for (let x = needStart[i] ?? 0; x < (needStart[i + 1] ?? 0); x++) {
        for (let y = offerStart[i] ?? 0; y < (offerStart[i + 1] ?? 0); y++) {
          const key = (needs[x] ?? 0) * labelCount + (offers[y] ?? 0)
          const bucket = this.buckets.get(key)
          if (bucket === undefined) this.buckets.set(key, [i])
          else bucket.push(i)
        }
      }
    }

    this.marks = new Int32Array(n)
    this.counted = new Uint8Array(n)
    for (let z = 0; z < n; z++) this.counted[z] = z === me || g.archived[z] === true ? 0 : 1
    this.near = new Int32Array(n)
    this.nearSum = new Float64Array(n)
    this.inOrg = new Uint8Array(n)
    for (let i = 0; i < n; i++) this.inOrg[i] = (g.memOrg[i]?.length ?? 0) > 0 ? 1 : 0
    this.stamp = new Int32Array(n)

    /**
     * reach[i]: the most person i can bring to any pair's score, so that
     * score(a, b) <= reach[a] x reach[b] x bridge x owed. The harmonic mean is
     * at most the geometric one, sqrt(x y), and x is at most i's share were
     * all their needs met and every interest and complementary role of theirs
     * shared, so mutual x credibility <= sqrt(x p(me,a)) x sqrt(y p(me,b)).
     */
    this.reach = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      if (eligible[i] !== 1) continue
      let interests = 0
      for (let w = 0; w < interestWords; w++) interests += popcount(interestBits[i * interestWords + w] ?? 0)
      let complements = 0
      for (let w = 0; w < roleWords; w++) complements += popcount(complementBits[i * roleWords + w] ?? 0)
      const count = (needStart[i + 1] ?? 0) - (needStart[i] ?? 0)
      const most = Math.min(1, (count + options.interestWeight * interests + options.roleWeight * complements) / Math.max(1, count))
      this.reach[i] = Math.sqrt((most + options.eps) * (chanceToMe[i] ?? 0))
    }
    this.barSize = Math.max(50, 5 * options.limit)
    this.bar = new RunningBar(this.barSize)
  }

  /** How many of self's needs other offers (both lists ascending). */
  needsMet(self: number, other: number): number {
    const { needStart, needs, offerStart, offers } = this.t
    let met = 0
    let x = needStart[self] ?? 0
    const xEnd = needStart[self + 1] ?? 0
    let y = offerStart[other] ?? 0
    const yEnd = offerStart[other + 1] ?? 0
    while (x < xEnd && y < yEnd) {
      const need = needs[x] ?? 0
      const offer = offers[y] ?? 0
      if (need === offer) met++
      if (need <= offer) x++
      if (offer <= need) y++
    }
    return met
  }

  /** A's gain from B in points: 1 a need met, interestWeight a shared interest, roleWeight a complementary role. */
  gainPoints(self: number, other: number): number {
    const { interestWords, interestBits, roleWords, roleBits, complementBits } = this.t
    const met = this.needsMet(self, other)
    let interests = 0
    for (let w = 0; w < interestWords; w++) interests += popcount((interestBits[self * interestWords + w] ?? 0) & (interestBits[other * interestWords + w] ?? 0))
    let roles = 0
    for (let w = 0; w < roleWords; w++) roles += popcount((complementBits[self * roleWords + w] ?? 0) & (roleBits[other * roleWords + w] ?? 0))
    return met + this.options.interestWeight * interests + this.options.roleWeight * roles
  }

  /** m(A,B): A's gain from B for the needs A has, 0..1 (at least one need counted, so a gain without needs still counts). */
  shareOf(self: number, other: number): number {
    const { needStart } = this.t
    return Math.min(1, this.gainPoints(self, other) / Math.max(1, (needStart[self + 1] ?? 0) - (needStart[self] ?? 0)))
  }

  mutualOf(a: number, b: number): number {
    const eps = this.options.eps
    return 2 / (1 / (this.shareOf(a, b) + eps) + 1 / (this.shareOf(b, a) + eps))
  }

  credibilityOf(a: number, b: number): number {
    return Math.sqrt((this.chanceToMe[a] ?? 0) * (this.chanceToMe[b] ?? 0))
  }

  bridgeOf(index: number): number {
    return index === 0 ? this.options.bridge : 1
  }

  owedOf(a: number, b: number): number {
    return (this.g.balance[a] ?? 0) < 0 || (this.g.balance[b] ?? 0) < 0 ? this.options.owed : 1
  }

  private markNeighbours(x: number): void {
    const { start, degree, adj } = this.g
    const marks = this.marks
    const to = (start[x] ?? 0) + (degree[x] ?? 0)
    for (let k = start[x] ?? 0; k < to; k++) marks[adj[k] ?? 0] = x + 1
  }

  private markNear(x: number): void {
    const { start, degree, adj } = this.g
    const { counted, near, nearSum } = this
    const to = (start[x] ?? 0) + (degree[x] ?? 0)
    for (let k = start[x] ?? 0; k < to; k++) {
      const z = adj[k] ?? 0
      if (counted[z] !== 1) continue
      const share = 1 / Math.max(1, degree[z] ?? 1)
      const zTo = (start[z] ?? 0) + (degree[z] ?? 0)
      for (let j = start[z] ?? 0; j < zTo; j++) {
        const y = adj[j] ?? 0
        if (near[y] === x + 1) nearSum[y] = (nearSum[y] ?? 0) + share
        else {
          near[y] = x + 1
          nearSum[y] = share
        }
      }
    }
  }

  /** The resource-allocation index of x and y (sum 1/degree over people both know, not me); x must be marked. Sets sharedCount. */
  private raIndex(x: number, y: number): number {
    const { start, degree, adj } = this.g
    const { marks, counted } = this
    let shared = 0
    let index = 0
    const to = (start[y] ?? 0) + (degree[y] ?? 0)
    for (let k = start[y] ?? 0; k < to; k++) {
      const z = adj[k] ?? 0
      if (marks[z] !== x + 1 || counted[z] !== 1) continue
      shared++
      index += 1 / Math.max(1, degree[z] ?? 1)
    }
    this.sharedCount = shared
    return index
  }

  /** The lists of people who gain from a and a from them, into `lists`; the number of pairs above a in them. */
  private listsOf(a: number): number {
    const { labelCount, needStart, needs, offerStart, offers, interestWords, interestBits, roleWords, complementBits } = this.t
    const lists = this.lists
    lists.length = 0
    for (let x = needStart[a] ?? 0; x < (needStart[a + 1] ?? 0); x++) {
      for (let y = offerStart[a] ?? 0; y < (offerStart[a + 1] ?? 0); y++) {
        const bucket = this.buckets.get((offers[y] ?? 0) * labelCount + (needs[x] ?? 0))
        if (bucket !== undefined) lists.push(bucket)
      }
    }
    for (let w = 0; w < interestWords; w++) {
      let word = interestBits[a * interestWords + w] ?? 0
      while (word !== 0) {
        const low = word & -word
        lists.push(this.interestIndex[w * 32 + 31 - Math.clz32(low)] ?? [])
        word ^= low
      }
    }
    for (let w = 0; w < roleWords; w++) {
      let word = complementBits[a * roleWords + w] ?? 0
      while (word !== 0) {
        const low = word & -word
        lists.push(this.roleIndex[w * 32 + 31 - Math.clz32(low)] ?? [])
        word ^= low
      }
    }
    let most = 0
    for (const list of lists) most += list.length - firstAbove(list, a)
    return most
  }

  /**
   * Every pair that gains both ways, once: a candidate, or (sharing many
   * people) one to ask about. With `prune`, a pair that cannot be asked
   * about and whose bound is under the running bar is passed over, and so is
   * one scored under it: the bar only rises, so neither can make the list.
   */
  collect(prune: boolean): void {
    const { candA, candB, candScore, candIndex, maybeKnown, stamp, near, reach, eligible, g, n } = this
    candA.length = candB.length = candScore.length = candIndex.length = maybeKnown.length = 0
    stamp.fill(0)
    near.fill(0)
    this.bar = new RunningBar(this.barSize)
    this.pruned = 0
    const lists = this.lists
    for (let a = 0; a < n; a++) {
      if (eligible[a] !== 1) continue
      // Each pair once, from its lower node (every list is ascending, and both sides find each other).
      const most = this.listsOf(a)
      if (most === 0) continue
      this.markNeighbours(a)
      const nearFirst = most > (g.degree[a] ?? 0)
      if (nearFirst) this.markNear(a)
      const reachA = (reach[a] ?? 0) * SLACK
      for (const list of lists) {
        for (let at = firstAbove(list, a); at < list.length; at++) {
          const b = list[at] ?? 0
          if (stamp[b] === a + 1) continue
          stamp[b] = a + 1
          this.consider(a, b, nearFirst, reachA, prune)
        }
      }
    }
  }

  /**
   * One pair, b above a, a's people marked (and, nearFirst, who shares
   * someone with a): passed over, one to ask about, or a candidate. Its own
   * method, called for every pair: small enough to be optimised early in a
   * pass, while the loop over the lists around it is still being compiled.
   */
  private consider(a: number, b: number, nearFirst: boolean, reachA: number, prune: boolean): void {
    const { options, g, reach, bar } = this
    // Sharing nobody (index 0), it cannot be asked about: only its score matters.
    const shares = !nearFirst || this.near[b] === a + 1
    if (prune && !shares && options.knownIndex > 0 && reachA * (reach[b] ?? 0) * options.bridge * this.owedOf(a, b) < bar.bar) {
      this.pruned++
      return
    }
    if (this.marks[b] === a + 1 || (this.excluded.size > 0 && this.excluded.has(pairKey(g.ids[a] ?? -1, g.ids[b] ?? -1)))) return
    // Colleagues where few people work together most likely know each other already.
    if (this.inOrg[a] === 1 && this.inOrg[b] === 1) {
      const colleagues = g.colleagueTie(a, b)
      if (colleagues !== null && g.sizeFactor(colleagues.org) >= 0.5) return
    }
    let index = 0
    this.sharedCount = 0
    // Only whether it is 0 counts for the score: the index to the last bit only for one to ask about.
    // Summed in another order, an index this far under the threshold is surely under it.
    if (!nearFirst) index = this.raIndex(a, b)
    else if (shares) index = (this.nearSum[b] ?? 0) >= options.knownIndex * (1 - 1e-9) ? this.raIndex(a, b) : (this.nearSum[b] ?? 0)
    if (index >= options.knownIndex) {
      this.maybeKnown.push({ a, b, shared: this.sharedCount, index })
      return
    }
    if (prune && reachA * (reach[b] ?? 0) * this.bridgeOf(index) * this.owedOf(a, b) < bar.bar) {
      this.pruned++
      return
    }
    const score = this.mutualOf(a, b) * this.credibilityOf(a, b) * this.bridgeOf(index) * this.owedOf(a, b)
    if (prune) {
      // Under the bar now, under it at the end (it only rises): kept only by a pass that passes nothing over.
      if (score < bar.bar) {
        this.pruned++
        return
      }
      bar.offer(score)
    }
    this.candA.push(a)
    this.candB.push(b)
    this.candScore.push(score)
    this.candIndex.push(index)
  }

}

/** Appends `node` to the list of every bit set in bits[at .. at + words). */
function addBits(into: number[][], bits: Uint32Array, at: number, words: number, node: number): void {
  for (let w = 0; w < words; w++) {
    let word = bits[at + w] ?? 0
    while (word !== 0) {
      const low = word & -word
      into[w * 32 + 31 - Math.clz32(low)]?.push(node)
      word ^= low
    }
  }
}
