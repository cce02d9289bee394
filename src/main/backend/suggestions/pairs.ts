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

/** nearSum's steps: 1/degree is rounded up to a whole number of 2^-20 (see `markNear`) */
const NEAR_STEPS = 2 ** 20
/**
 * nearSum is held at this (an index of 512), and then always counted as at
 * or over the threshold: summing up to it stays within the engine's small
 * integers, with or without pointer compression
 */
const NEAR_MOST = 2 ** 29

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
  /**
   * reach, times what owing person i something can add, rounded up a
   * little: score(a, b) <= key[a] x key[b] x bridge, and no key rises along
   * the order below
   */
  private readonly key: Float64Array
  /**
   * The same bound for a pair where neither meets a need of the other:
   * i's share counts only interests and complementary roles (not rounded)
   */
  private readonly keyWithoutNeeds: Float64Array
  /**
   * bit (label mod 32) set for each label i needs, and offers: where a's
   * needs and b's offers share no bit, b meets none of a's needs
   */
  private readonly needBits: Int32Array
  private readonly offerBits: Int32Array
  /** the people who may be paired, by key, highest first (by node when not `ordered`): order[rank] is a node */
  private readonly order: Int32Array
  /** whether `order` is by key, so that the lists can be cut (see `pairsFrom`) */
  private readonly ordered: boolean
  private readonly t: NodeTraits
  /** who carries each interest and holds each role, as ranks (ascending, so by key, highest first) */
  private readonly interestIndex: number[][]
  private readonly roleIndex: number[][]
  /** mutual needs by bucket, as ranks: node a needing X and offering Y sits under X:Y; it meets those under Y:X */
  private readonly buckets = new Map<number, number[]>()
  /** marks[z] === x + 1 when z is a neighbour of x (set once per x, never cleared) */
  private readonly marks: Int32Array
  /** the same for the other node of a pair, when the index is summed from the other side (see `raIndex`) */
  private readonly otherMarks: Int32Array
  /** people who may share someone with me, not archived: the only ones the resource-allocation index counts */
  private readonly counted: Uint8Array
  /**
   * near[y] === x + 1 when x and y share someone, and nearSum[y] a bound on
   * their index from above, in whole steps of 1/NEAR_STEPS (set for an x with
   * many candidates: past everyone x knows, once, instead of past each
   * candidate's people); for the others, every pair is looked at. Whole
   * numbers, so that the loop that sums them allocates nothing while the
   * engine is still interpreting it (a fraction there is a new heap number
   * each time: megabytes for one list, and collections in the middle of it).
   */
  private readonly near: Int32Array
  private readonly nearSum: Int32Array
  /** knownIndex in NEAR_STEPS, a little under, and at most NEAR_MOST: a nearSum under it is surely under knownIndex */
  private readonly leastNear: number
  /** whether a node is in an organisation (only then can it have a colleague tie) */
  private readonly inOrg: Uint8Array
  private readonly stamp: Int32Array
  /** needMark[label] === a + 1 when a needs it, offerMark when a offers it: set for the pass's current a (see `mutualWith`) */
  private readonly needMark: Int32Array
  private readonly offerMark: Int32Array
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
  /** where in lists[k] those after the current a start, and how many lists there are */
  private readonly listFrom: number[] = []
  private listCount = 0

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
    // Each step is a function of its own (see `needsAndOffers` in traits.ts for why).
    const { eligible, strengthToMe, chanceToMe } = myTies(g, options.minStrength)
    this.eligible = eligible
    this.strengthToMe = strengthToMe
    this.chanceToMe = chanceToMe
    const t = readTraits(eligible)
    this.t = t
    this.reach = new Float64Array(n)
    const { ranked, grouped } = reachOf(t, eligible, chanceToMe, options, this.reach)
    this.key = new Float64Array(n)
    this.keyWithoutNeeds = new Float64Array(n)
    this.needBits = new Int32Array(n)
    this.offerBits = new Int32Array(n)
    // Lists long enough to be worth cutting come from interests and roles (a needs bucket holds the few
    // who need one label and offer another): when nobody carries an interest or gains from a role,
    // everyone is taken in node order and no list is cut.
    this.ordered = grouped
    this.order = this.ordered ? this.byReach(ranked) : inNodeOrder(eligible, ranked)

    this.interestIndex = Array.from({ length: interestCount }, () => [])
    this.roleIndex = Array.from({ length: roleCount }, () => [])
    fillIndexes(t, this.order, this.interestIndex, this.roleIndex, this.buckets)

    this.marks = new Int32Array(n)
    this.otherMarks = new Int32Array(n)
    this.counted = new Uint8Array(n)
    this.inOrg = new Uint8Array(n)
    markCountedAndInOrg(g, me, this.counted, this.inOrg)
    this.near = new Int32Array(n)
    this.nearSum = new Int32Array(n)
    this.leastNear = Math.min(NEAR_MOST, options.knownIndex * (1 - 1e-9) * NEAR_STEPS)
    this.stamp = new Int32Array(n)
    this.needMark = new Int32Array(t.labelCount)
    this.offerMark = new Int32Array(t.labelCount)

    this.barSize = Math.max(50, 5 * options.limit)
    this.bar = new RunningBar(this.barSize)
  }

  /**
   * Everyone who may be paired by key, highest first (see `byKey`); sets
   * key, keyWithoutNeeds and the need and offer masks.
   */
  private byReach(ranked: number): Int32Array {
    const { eligible, options, g, t } = this
    const { needStart, needs, offerStart, offers, interestWords, interestBits, roleWords, complementBits } = t
    // (either owes) <= (a owes) x (b owes) when owed >= 1.
    const owedMost = Math.max(1, options.owed)
    let top = 0
    for (let i = 0; i < eligible.length; i++) {
      if (eligible[i] !== 1) continue
      const owes = (g.balance[i] ?? 0) < 0 ? owedMost : 1
      const key = (this.reach[i] ?? 0) * owes
      this.key[i] = key
      if (key > top) top = key
      let interests = 0
      for (let w = 0; w < interestWords; w++) interests += popcount(interestBits[i * interestWords + w] ?? 0)
      let complements = 0
      for (let w = 0; w < roleWords; w++) complements += popcount(complementBits[i * roleWords + w] ?? 0)
      const count = (needStart[i + 1] ?? 0) - (needStart[i] ?? 0)
      const mostWithoutNeeds = Math.min(1, (options.interestWeight * interests + options.roleWeight * complements) / Math.max(1, count))
      this.keyWithoutNeeds[i] = Math.sqrt((mostWithoutNeeds + options.eps) * (this.chanceToMe[i] ?? 0)) * owes
      let needBits = 0
      for (let x = needStart[i] ?? 0; x < (needStart[i + 1] ?? 0); x++) needBits |= 1 << ((needs[x] ?? 0) & 31)
      this.needBits[i] = needBits
      let offerBits = 0
      for (let y = offerStart[i] ?? 0; y < (offerStart[i + 1] ?? 0); y++) offerBits |= 1 << ((offers[y] ?? 0) & 31)
      this.offerBits[i] = offerBits
    }
    return byKey(this.key, top, eligible, ranked)
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

  /**
   * mutualOf(a, b) for the pass's current a, whose needs and offers are
   * marked: the same arithmetic in the same order, in one function with no
   * calls, as it runs for every pair scored (tens of thousands in a list).
   */
  private mutualWith(a: number, b: number): number {
    const { needStart, needs, offerStart, offers, interestWords, interestBits, roleWords, roleBits, complementBits } = this.t
    const { needMark, offerMark, options } = this
    // What a gains from b: b's offers a needs; and b from a: b's needs a offers.
    let metA = 0
    for (let k = offerStart[b] ?? 0; k < (offerStart[b + 1] ?? 0); k++) if (needMark[offers[k] ?? 0] === a + 1) metA++
    let metB = 0
    for (let k = needStart[b] ?? 0; k < (needStart[b + 1] ?? 0); k++) if (offerMark[needs[k] ?? 0] === a + 1) metB++
    let interests = 0
    for (let w = 0; w < interestWords; w++) interests += popcount((interestBits[a * interestWords + w] ?? 0) & (interestBits[b * interestWords + w] ?? 0))
    let rolesA = 0
    let rolesB = 0
    for (let w = 0; w < roleWords; w++) {
      rolesA += popcount((complementBits[a * roleWords + w] ?? 0) & (roleBits[b * roleWords + w] ?? 0))
      rolesB += popcount((complementBits[b * roleWords + w] ?? 0) & (roleBits[a * roleWords + w] ?? 0))
    }
    const shareA = Math.min(1, (metA + options.interestWeight * interests + options.roleWeight * rolesA) / Math.max(1, (needStart[a + 1] ?? 0) - (needStart[a] ?? 0)))
    const shareB = Math.min(1, (metB + options.interestWeight * interests + options.roleWeight * rolesB) / Math.max(1, (needStart[b + 1] ?? 0) - (needStart[b] ?? 0)))
    const eps = options.eps
    return a < b ? 2 / (1 / (shareA + eps) + 1 / (shareB + eps)) : 2 / (1 / (shareB + eps) + 1 / (shareA + eps))
  }

  /** Marks a's needs and offers for `mutualWith`. */
  private markTraits(a: number): void {
    const { needStart, needs, offerStart, offers } = this.t
    for (let k = needStart[a] ?? 0; k < (needStart[a + 1] ?? 0); k++) this.needMark[needs[k] ?? 0] = a + 1
    for (let k = offerStart[a] ?? 0; k < (offerStart[a + 1] ?? 0); k++) this.offerMark[offers[k] ?? 0] = a + 1
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
      // 1/degree rounded up to whole steps, so the sum stays a bound from above; held under NEAR_MOST.
      const share = Math.ceil(NEAR_STEPS / Math.max(1, degree[z] ?? 1))
      const zTo = (start[z] ?? 0) + (degree[z] ?? 0)
      for (let j = start[z] ?? 0; j < zTo; j++) {
        const y = adj[j] ?? 0
        if (near[y] === x + 1) {
          const sum = (nearSum[y] ?? 0) + share
          nearSum[y] = sum < NEAR_MOST ? sum : NEAR_MOST
        } else {
          near[y] = x + 1
          nearSum[y] = share
        }
      }
    }
  }

  /**
   * The resource-allocation index of x and y (sum 1/degree over people both
   * know, not me); x must be marked. Sets sharedCount. Always summed in the
   * order of the higher node's people, whichever of the two is marked, so a
   * pair's index is the same to the last bit however it was reached.
   */
  private raIndex(x: number, y: number): number {
    if (x < y) return this.raIndexOver(this.marks, x, y)
    const otherMarks = this.otherMarks
    const { start, degree, adj } = this.g
    const to = (start[y] ?? 0) + (degree[y] ?? 0)
    for (let k = start[y] ?? 0; k < to; k++) otherMarks[adj[k] ?? 0] = y + 1
    return this.raIndexOver(otherMarks, y, x)
  }

  /** The index of x and y over y's people, x's marked in marks. */
  private raIndexOver(marks: Int32Array, x: number, y: number): number {
    const { start, degree, adj } = this.g
    const counted = this.counted
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

  /**
   * The lists of people who gain from a and a from them (by needs both
   * ways, an interest or a role) that have anyone after a's rank, into
   * `lists` (the first `listCount`), each with where those after a start
   * in `listFrom`; the number of pairs after a in them.
   */
  private listsOf(a: number, rank: number): number {
    const { labelCount, needStart, needs, offerStart, offers, interestWords, interestBits, roleWords, complementBits } = this.t
    this.listCount = 0
    let most = 0
    for (let x = needStart[a] ?? 0; x < (needStart[a + 1] ?? 0); x++) {
      for (let y = offerStart[a] ?? 0; y < (offerStart[a + 1] ?? 0); y++) {
        const bucket = this.buckets.get((offers[y] ?? 0) * labelCount + (needs[x] ?? 0))
        if (bucket !== undefined) most += this.addList(bucket, rank)
      }
    }
    for (let w = 0; w < interestWords; w++) {
      let word = interestBits[a * interestWords + w] ?? 0
      while (word !== 0) {
        const low = word & -word
        most += this.addList(this.interestIndex[w * 32 + 31 - Math.clz32(low)] ?? [], rank)
        word ^= low
      }
    }
    for (let w = 0; w < roleWords; w++) {
      let word = complementBits[a * roleWords + w] ?? 0
      while (word !== 0) {
        const low = word & -word
        most += this.addList(this.roleIndex[w * 32 + 31 - Math.clz32(low)] ?? [], rank)
        word ^= low
      }
    }
    return most
  }

  /** Keeps this list for `listsOf` if anyone in it comes after rank; how many do. */
  private addList(list: readonly number[], rank: number): number {
    const from = firstAbove(list, rank)
    if (from === list.length) return 0
    const at = this.listCount++
    this.lists[at] = list
    this.listFrom[at] = from
    return list.length - from
  }

  /**
   * Every pair that gains both ways, once: a candidate, or (sharing many
   * people) one to ask about. With `prune`, a pair that cannot be asked
   * about and whose bound is under the running bar is passed over, and so is
   * one scored under it: the bar only rises, so neither can make the list.
   *
   * The bar is the barSize-th best score offered. Offered every pair kept, it
   * rises fast, but a few people in many of the best pairs (a hub of
   * founders and investors) can leave fewer than `limit` pairs of different
   * people above it; then the list may be short of pairs passed over. With
   * `disjoint`, the bar is the worst of the 2 x limit best pairs offered of
   * which no two share a person. Those pairs are at or above the final bar,
   * and so kept; the list, picking the best first, takes each of them or
   * someone in it, and each pair it picks has two people: it picks at least
   * limit pairs at or above the final bar, and no pair passed over can come
   * before them. The list is the one every pair gives.
   */
  collect(prune: boolean, disjoint = false): void {
    const { candA, candB, candScore, candIndex, maybeKnown, stamp, near } = this
    candA.length = candB.length = candScore.length = candIndex.length = maybeKnown.length = 0
    stamp.fill(0)
    near.fill(0)
    this.bar = disjoint ? RunningBar.overDifferentPeople(2 * this.options.limit, this.n) : new RunningBar(this.barSize)
    this.pruned = 0
    for (let rank = 0; rank < this.order.length; rank++) this.pairsFrom(rank, prune)
  }

  /**
   * The pairs of the person at this rank with those after it (every pair
   * once, from its higher-ranked side: every list is ascending by rank, and
   * both sides find each other).
   */
  private pairsFrom(rank: number, prune: boolean): void {
    const a = this.order[rank] ?? 0
    const most = this.listsOf(a, rank)
    if (most === 0) return
    this.markNeighbours(a)
    this.markTraits(a)
    const nearFirst = most > (this.g.degree[a] ?? 0)
    if (nearFirst) this.markNear(a)
    // With who shares someone with a known, the lists are cut where the bound falls under the bar.
    const cut = this.ordered && prune && nearFirst && this.options.knownIndex > 0
    const bridged = Math.max(1, this.options.bridge) * SLACK
    const keyA = (this.key[a] ?? 0) * bridged
    const keyWithoutNeedsA = (this.keyWithoutNeeds[a] ?? 0) * bridged
    for (let k = 0; k < this.listCount; k++) {
      const list = this.lists[k] ?? []
      const from = this.listFrom[k] ?? 0
      if (!cut) {
        this.scan(list, from, a, nearFirst, prune)
        continue
      }
      const rest = this.scanAbove(list, from, a, keyA, keyWithoutNeedsA)
      if (rest < list.length) this.scanNear(list, rest, a)
    }
  }

  /** Looks at every pair of a with list[from ..). */
  private scan(list: readonly number[], from: number, a: number, nearFirst: boolean, prune: boolean): void {
    const { order, stamp } = this
    for (let at = from; at < list.length; at++) {
      const b = order[list[at] ?? 0] ?? 0
      if (stamp[b] === a + 1) continue
      stamp[b] = a + 1
      this.consider(a, b, nearFirst, prune)
    }
  }

  /**
   * Looks at the pairs of a with list[from ..) while their bound,
   * key[a] x key[b] x bridge, is at or above the bar; returns where it fell
   * under (the list is by key, highest first, so it stays under). A pair
   * where neither meets a need of the other, sharing too few people with a
   * to be asked about, is passed over when the same bound without needs is
   * under the bar.
   */
  private scanAbove(list: readonly number[], from: number, a: number, keyA: number, keyWithoutNeedsA: number): number {
    const { order, stamp, key, keyWithoutNeeds, needBits, offerBits, near, nearSum } = this
    const least = this.leastNear
    const needsA = needBits[a] ?? 0
    const offersA = offerBits[a] ?? 0
    let at = from
    for (; at < list.length; at++) {
      const b = order[list[at] ?? 0] ?? 0
      const bar = this.bar.bar
      if (keyA * (key[b] ?? 0) < bar) break
      if (stamp[b] === a + 1) continue
      stamp[b] = a + 1
      if (
        keyWithoutNeedsA * (keyWithoutNeeds[b] ?? 0) < bar &&
        (needsA & (offerBits[b] ?? 0)) === 0 &&
        ((needBits[b] ?? 0) & offersA) === 0 &&
        (near[b] !== a + 1 || (nearSum[b] ?? 0) < least)
      ) {
        this.pruned++
        continue
      }
      this.consider(a, b, true, true)
    }
    return at
  }

  /**
   * The rest of a list, past the bar: no pair there can make the list, so
   * only one sharing enough people with a to be asked about is looked at.
   */
  private scanNear(list: readonly number[], from: number, a: number): void {
    const { order, stamp, near, nearSum } = this
    const least = this.leastNear
    for (let at = from; at < list.length; at++) {
      const b = order[list[at] ?? 0] ?? 0
      if (stamp[b] === a + 1) continue
      stamp[b] = a + 1
      if (near[b] === a + 1 && (nearSum[b] ?? 0) >= least) this.consider(a, b, true, true)
      else this.pruned++
    }
  }

  /**
   * One pair, a's people marked (and, nearFirst, who shares someone with
   * a): passed over, one to ask about, or a candidate (kept with the lower
   * node first). Its own method, called for every pair: small enough to be
   * optimised early in a pass, while the loops around it are still being
   * compiled.
   */
  private consider(a: number, b: number, nearFirst: boolean, prune: boolean): void {
    const { options, g, bar } = this
    const shares = !nearFirst || this.near[b] === a + 1
    if (this.marks[b] === a + 1 || (this.excluded.size > 0 && this.excluded.has(pairKey(g.ids[a] ?? -1, g.ids[b] ?? -1)))) return
    const lo = Math.min(a, b)
    const hi = Math.max(a, b)
    // Colleagues where few people work together most likely know each other already. Asked with
    // the lower node first, whichever side the pair was reached from: between two organisations
    // that give the same chance, colleagueTie keeps the first one of its first argument's.
    if (this.inOrg[a] === 1 && this.inOrg[b] === 1) {
      const colleagues = g.colleagueTie(lo, hi)
      if (colleagues !== null && g.sizeFactor(colleagues.org) >= 0.5) return
    }
    let index = 0
    this.sharedCount = 0
    // Only whether it is 0 counts for the score: the index to the last bit only for one to ask about.
    // Under the threshold in nearSum's steps, the index is surely under it (and 0 only when nearSum is).
    if (!nearFirst) index = this.raIndex(a, b)
    else if (shares) index = (this.nearSum[b] ?? 0) >= this.leastNear ? this.raIndex(a, b) : (this.nearSum[b] ?? 0) / NEAR_STEPS
    if (index >= options.knownIndex) {
      this.maybeKnown.push({ a: lo, b: hi, shared: this.sharedCount, index })
      return
    }
    if (prune && (this.reach[a] ?? 0) * SLACK * (this.reach[b] ?? 0) * this.bridgeOf(index) * this.owedOf(a, b) < bar.bar) {
      this.pruned++
      return
    }
    const score = this.mutualWith(a, b) * this.credibilityOf(lo, hi) * this.bridgeOf(index) * this.owedOf(lo, hi)
    if (prune) {
      // Under the bar now, under it at the end (it only rises): kept only by a pass that passes nothing over.
      if (score < bar.bar) {
        this.pruned++
        return
      }
      bar.offer(score, lo, hi)
    }
    this.candA.push(lo)
    this.candB.push(hi)
    this.candScore.push(score)
    this.candIndex.push(index)
  }

}

/** My ties, read once: who may be paired (ties at least minStrength, not archived), p(me, x) and strength, by node. */
function myTies(g: PathGraph, minStrength: number): { eligible: Uint8Array; strengthToMe: Int8Array; chanceToMe: Float64Array } {
  const n = g.ids.length
  const eligible = new Uint8Array(n)
  const strengthToMe = new Int8Array(n)
  const chanceToMe = new Float64Array(n)
  const { start, degree, adj } = g
  const myFrom = start[g.me] ?? 0
  const myTo = myFrom + (degree[g.me] ?? 0)
  for (let k = myFrom; k < myTo; k++) {
    const i = adj[k] ?? -1
    const strength = (g.codes[k] ?? 0) & 7
    if (g.archived[i] === true || strength < minStrength) continue
    eligible[i] = 1
    strengthToMe[i] = strength
    chanceToMe[i] = g.chances[k] ?? 0
  }
  return { eligible, strengthToMe, chanceToMe }
}

/**
 * reach[i], into `reach`: the most person i can bring to any pair's score,
 * so that score(a, b) <= reach[a] x reach[b] x bridge x owed. The harmonic
 * mean is at most the geometric one, sqrt(x y), and x is at most i's share
 * were all their needs met and every interest and complementary role of
 * theirs shared, so mutual x credibility <= sqrt(x p(me,a)) x sqrt(y p(me,b)).
 * Returns how many may be paired, and whether any of them carries an
 * interest or gains from a role.
 */
function reachOf(t: NodeTraits, eligible: Uint8Array, chanceToMe: Float64Array, options: PairOptions, reach: Float64Array): { ranked: number; grouped: boolean } {
  const { needStart, interestWords, interestBits, roleWords, complementBits } = t
  let ranked = 0
  let grouped = false
  for (let i = 0; i < eligible.length; i++) {
    if (eligible[i] !== 1) continue
    let interests = 0
    for (let w = 0; w < interestWords; w++) interests += popcount(interestBits[i * interestWords + w] ?? 0)
    let complements = 0
    for (let w = 0; w < roleWords; w++) complements += popcount(complementBits[i * roleWords + w] ?? 0)
    const count = (needStart[i + 1] ?? 0) - (needStart[i] ?? 0)
    const most = Math.min(1, (count + options.interestWeight * interests + options.roleWeight * complements) / Math.max(1, count))
    reach[i] = Math.sqrt((most + options.eps) * (chanceToMe[i] ?? 0))
    if (interests > 0 || complements > 0) grouped = true
    ranked++
  }
  return { ranked, grouped }
}

/**
 * Who carries each interest and holds each role, and the mutual-needs
 * buckets, filled in rank order: every list is ascending by rank.
 */
function fillIndexes(t: NodeTraits, order: Int32Array, interestIndex: number[][], roleIndex: number[][], buckets: Map<number, number[]>): void {
  const { labelCount, needStart, needs, offerStart, offers, interestWords, interestBits, roleWords, roleBits } = t
  for (let r = 0; r < order.length; r++) {
    const i = order[r] ?? 0
    if (interestWords > 0) addBits(interestIndex, interestBits, i * interestWords, interestWords, r)
    if (roleWords > 0) addBits(roleIndex, roleBits, i * roleWords, roleWords, r)
    for (let x = needStart[i] ?? 0; x < (needStart[i + 1] ?? 0); x++) {
      for (let y = offerStart[i] ?? 0; y < (offerStart[i + 1] ?? 0); y++) {
        const key = (needs[x] ?? 0) * labelCount + (offers[y] ?? 0)
        const bucket = buckets.get(key)
        if (bucket === undefined) buckets.set(key, [r])
        else bucket.push(r)
      }
    }
  }
}

/** counted: who may share someone with me (not me, not archived); inOrg: who is in an organisation. */
function markCountedAndInOrg(g: PathGraph, me: number, counted: Uint8Array, inOrg: Uint8Array): void {
  for (let z = 0; z < counted.length; z++) {
    counted[z] = z === me || g.archived[z] === true ? 0 : 1
    inOrg[z] = (g.memOrg[z]?.length ?? 0) > 0 ? 1 : 0
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

/**
 * The nodes marked in `eligible` (`count` of them) by key, highest first,
 * ties by node. Sorted as plain numbers, with no comparator to call back
 * into: each key rounded up to one of 2^24 steps of `top` (the highest),
 * above the node's number. Each key is raised to its step, so the keys
 * never rise along the order and still bound what they did.
 */
function byKey(key: Float64Array, top: number, eligible: Uint8Array, count: number): Int32Array {
  const n = eligible.length
  const nodeBits = Math.max(1, Math.ceil(Math.log2(n + 1)))
  const steps = 2 ** Math.min(24, 52 - nodeBits)
  const nodes = 2 ** nodeBits
  const packed = new Float64Array(count)
  let at = 0
  for (let i = 0; i < n; i++) {
    if (eligible[i] !== 1) continue
    const step = top === 0 ? 0 : Math.ceil(((key[i] ?? 0) / top) * steps)
    // (1 + 2^-40) covers the rounding of the division and the product.
    key[i] = ((step * top) / steps) * (1 + 2 ** -40)
    packed[at++] = (steps - step) * nodes + i
  }
  packed.sort()
  const order = new Int32Array(count)
  for (let r = 0; r < count; r++) order[r] = (packed[r] ?? 0) % nodes
  return order
}

/** The nodes marked in `eligible` (`count` of them), in node order. */
function inNodeOrder(eligible: Uint8Array, count: number): Int32Array {
  const order = new Int32Array(count)
  let at = 0
  for (let i = 0; i < eligible.length; i++) if (eligible[i] === 1) order[at++] = i
  return order
}
