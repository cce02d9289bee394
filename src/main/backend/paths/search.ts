import type { PathGraph } from './graph'
import type { SearchScratch } from './graph-core'
import { halvesByOrg, leftHalves, type LeftHalf } from './halves'
import { Collector, type RawPath, type SearchOptions } from './ranking'
import { hopOf } from './scoring'

export { allPaths } from './all-paths'
export { comparePaths, pathScore, type PathFilter, type RawPath, type SearchOptions } from './ranking'

/** Organisations smaller than this are walked without first checking whether they can matter. */
const SMALL_ORG = 32

interface HalvesAt {
  mids: number[]
  best: number
}

/**
 * Exact top paths from me to any of the targets, 2 to maxHops relationships
 * long, ranked and capped per first connector. A step is a recorded
 * relationship or an inferred colleague tie (see PathGraph.colleagueTie);
 * colleague steps are walked through organisation membership, and a large
 * organisation is skipped only when even its best possible path could not
 * enter the list (so the result stays exact).
 */
export function topPaths(g: PathGraph, targets: readonly number[], options: SearchOptions): RawPath[] {
  if (g.me < 0) return []
  return new PathSearch(g, options).run(targets)
}

/**
 * One search, its kinds of path each in a method of its own. Kept small on
 * purpose: as one function (with its helpers inlined) the search took the
 * engine 100 to 230 ms to optimise on a two-core machine, and each first
 * sight of a rarer branch threw that work away, so queries ran unoptimised
 * for hundreds of milliseconds at a time. Small methods optimise in a few
 * milliseconds each, and a rare branch costs only its own method.
 */
class PathSearch {
  private readonly me: number
  private readonly start: Int32Array
  private readonly degree: Int32Array
  private readonly adj: Int32Array
  private readonly chances: Float64Array
  /** not per query: my factors, fatigue and the four-step halves (per graph version), visit marks (kept while the number of people stays the same) */
  private readonly scratch: SearchScratch
  private readonly mine: Float64Array
  private readonly bestMine: number
  private readonly fatigue: Float64Array
  private readonly seen: Int32Array
  private readonly seen2: Int32Array
  /** no relationship's chance exceeds it: a middle node whose best path cannot reach the bar is skipped */
  private readonly ceiling: number
  private readonly hop2: number
  private readonly hop3: number
  private readonly hop4: number
  private readonly colleagues: boolean
  private readonly myAt: Map<number, number[]>
  private readonly collector: Collector
  /** visit marks, so a node reached through two shared organisations is offered once (stamps only grow) */
  private stamp: number
  private stamp2: number
  /** the target being searched, its relationships' range in `adj`, and its organisations */
  private t = -1
  private tFrom = 0
  private tTo = 0
  private tOrgs: number[] = []
  /** the best two-step halves out of me, per middle node, for four-relationship paths (on first need: see `fourSteps`) */
  private left = new Map<number, LeftHalf[]>()
  private leftAt = new Map<number, HalvesAt>()

  constructor(
    private readonly g: PathGraph,
    private readonly options: SearchOptions,
  ) {
    this.me = g.me
    this.start = g.start
    this.degree = g.degree
    this.adj = g.adj
    this.chances = g.chances
    const scratch = g.searchScratch()
    this.scratch = scratch
    this.mine = scratch.mine
    this.bestMine = scratch.bestMine
    this.fatigue = scratch.fatigue
    this.seen = scratch.seen
    this.seen2 = scratch.seen2
    this.stamp = scratch.stamp
    this.stamp2 = scratch.stamp2
    const s = g.scoring
    this.ceiling = s.ceiling
    this.hop2 = hopOf(s, 2)
    this.hop3 = hopOf(s, 3)
    this.hop4 = hopOf(s, 4)
    this.colleagues = s.colleagues.enabled && g.orgIds.length > 0
    this.myAt = this.colleagues ? g.myContactsByOrg() : new Map<number, number[]>()
    this.collector = new Collector(g, Math.min(options.perConnector, options.limit), options.limit, options.keep)
  }

  run(targets: readonly number[]): RawPath[] {
    for (const t of targets) {
      if (!this.usable(t)) continue
      this.t = t
      this.tFrom = this.start[t] ?? 0
      this.tTo = this.tFrom + (this.degree[t] ?? 0)
      this.tOrgs = this.colleagues ? [...new Set(this.g.memOrg[t] ?? [])] : []
      this.twoSteps()
      // Three relationships, expanding the cheaper side.
      let targetSide = 0
      for (let k = this.tFrom; k < this.tTo; k++) targetSide += this.degree[this.adj[k] ?? -1] ?? 0
      if (targetSide <= this.scratch.meSide) this.threeFromTarget()
      else this.threeFromMe()
      // Colleague steps after the recorded three-step paths, so the bar is as high as it gets before organisations are walked.
      this.colleaguesOfTarget()
      if (this.colleagues) {
        this.colleaguesBeforeLast()
        this.colleaguesAtLast()
      }
      if (this.options.maxHops >= 4) this.fourSteps()
    }
    this.scratch.stamp = this.stamp
    this.scratch.stamp2 = this.stamp2
    return this.collector.result()
  }

  private usable(i: number): boolean {
    return i !== this.me && this.g.archived[i] !== true
  }

  /** Past the first connector, nobody I already know: I would ask them myself. */
  private middle(i: number): boolean {
    return this.usable(i) && !this.g.isMyContact(i)
  }

  private fat(i: number): number {
    const fatigue = this.fatigue
    if ((fatigue[i] ?? -1) < 0) fatigue[i] = this.g.fatigue(i)
    return fatigue[i] ?? 1
  }

  /** Would a path with this first connector and score enter the list? (Tested before a path's nodes are put in an array.) */
  private enters(score: number, c1: number): boolean {
    return score >= this.collector.bar && score >= this.collector.floor(c1)
  }

  /** me -> c -> t */
  private twoSteps(): void {
    const { adj, chances, mine, me, t } = this
    for (let k = this.tFrom; k < this.tTo; k++) {
      const c = adj[k] ?? -1
      const m = mine[c] ?? 0
      if (m === 0 || c === t) continue
      const score = m * (chances[k] ?? 0) * this.hop2
      if (this.enters(score, c)) this.collector.offer(score, [me, c, t])
    }
  }

  /** me -> c1 -> c2 -> t, walking out from the target. */
  private threeFromTarget(): void {
    const { adj, chances } = this
    for (let k = this.tFrom; k < this.tTo; k++) {
      const c2 = adj[k] ?? -1
      if (!this.middle(c2)) continue
      const f2 = this.fat(c2)
      const pt = chances[k] ?? 0
      // Marking with the current stamp is harmless: every later use of the marks takes a new one first.
      if (this.bestMine * this.ceiling * f2 * pt * this.hop3 >= this.collector.bar) this.recordedBefore(c2, f2, pt, this.stamp)
    }
  }

  /** me -> c1 -> c2 -> t, walking out from me, the target's side marked in the scratch arrays (its fatigue and p(c2, t)). */
  private threeFromMe(): void {
    const { adj, chances, mine, t } = this
    const { mark, toTarget } = this.scratch
    const here = ++this.scratch.markStamp
    let bestRight = 0
    for (let k = this.tFrom; k < this.tTo; k++) {
      const c2 = adj[k] ?? -1
      if (!this.middle(c2)) continue
      mark[c2] = here
      toTarget[c2] = chances[k] ?? 0
      const right = this.fat(c2) * (chances[k] ?? 0)
      if (right > bestRight) bestRight = right
    }
    const myFrom = this.start[this.me] ?? 0
    const myTo = myFrom + (this.degree[this.me] ?? 0)
    for (let r = myFrom; r < myTo; r++) {
      const c1 = adj[r] ?? -1
      const m = mine[c1] ?? 0
      if (m === 0 || c1 === t || m * this.ceiling * bestRight * this.hop3 < this.collector.bar) continue
      this.marksNear(c1, m, here)
    }
  }

  /** me -> c1 -> c2 -> t for c1's relationships to marked nodes c2. */
  private marksNear(c1: number, m: number, here: number): void {
    const { adj, chances, fatigue, me, t } = this
    const { mark, toTarget } = this.scratch
    const from = this.start[c1] ?? 0
    const to = from + (this.degree[c1] ?? 0)
    for (let q = from; q < to; q++) {
      const c2 = adj[q] ?? -1
      if (mark[c2] !== here || c2 === c1) continue
      const score = m * (chances[q] ?? 0) * (fatigue[c2] ?? 1) * (toTarget[c2] ?? 0) * this.hop3
      if (this.enters(score, c1)) this.collector.offer(score, [me, c1, c2, t])
    }
  }

  /** me -> c -> t where c and t are colleagues. */
  private colleaguesOfTarget(): void {
    const { g, mine, seen, me, t } = this
    const stamp = ++this.stamp
    for (const org of this.tOrgs) {
      const mineThere = this.myAt.get(org)
      if (mineThere === undefined) continue
      const cap = g.colleagueCap(org)
      if (mineThere.length > SMALL_ORG && this.bestMine * cap * this.hop2 < this.collector.bar) continue
      for (const c of mineThere) {
        if (c === t || seen[c] === stamp) continue
        // Below the bar even at the best a tie here allows (multiplied in the score's order, so rounding keeps it a bound):
        // left for another organisation the two share, if any.
        if ((mine[c] ?? 0) * cap * this.hop2 < this.collector.bar) continue
        seen[c] = stamp
        const pc = g.colleague(c, t)
        if (pc === 0) continue
        const score = (mine[c] ?? 0) * pc * this.hop2
        if (this.enters(score, c)) this.collector.offer(score, [me, c, t])
      }
    }
  }

  /** me -> c1 -> c2 -> t where c1 and c2 are colleagues and c2 -> t is recorded. */
  private colleaguesBeforeLast(): void {
    const { adj, chances } = this
    for (let k = this.tFrom; k < this.tTo; k++) {
      const c2 = adj[k] ?? -1
      if (!this.middle(c2)) continue
      this.colleaguesOf(c2, this.fat(c2), chances[k] ?? 0, ++this.stamp)
    }
  }

  /** me -> c1 -> c2 -> t where c1 is c2's colleague, c2's fatigue f2 and p(c2, t) = p2; c1 marked with `stamp`. */
  private colleaguesOf(c2: number, f2: number, p2: number, stamp: number): void {
    const { g, mine, seen, me, t } = this
    for (const org of g.memOrg[c2] ?? []) {
      const mineThere = this.myAt.get(org)
      if (mineThere === undefined) continue
      const cap = g.colleagueCap(org)
      if (mineThere.length > SMALL_ORG && this.bestMine * cap * f2 * p2 * this.hop3 < this.collector.bar) continue
      for (const c1 of mineThere) {
        if (c1 === c2 || c1 === t || seen[c1] === stamp) continue
        // As in colleaguesOfTarget: the bound for this organisation only, so c1 is not marked as seen.
        if ((mine[c1] ?? 0) * cap * f2 * p2 * this.hop3 < this.collector.bar) continue
        seen[c1] = stamp
        const pc = g.colleague(c1, c2)
        if (pc === 0) continue
        const score = (mine[c1] ?? 0) * pc * f2 * p2 * this.hop3
        if (this.enters(score, c1)) this.collector.offer(score, [me, c1, c2, t])
      }
    }
  }

  /** me -> c1 -> c2 -> t where c2 and t are colleagues, and c1 -> c2 is recorded or colleagues too. */
  private colleaguesAtLast(): void {
    const { g, seen2, t } = this
    const inner = ++this.stamp2
    for (const org of this.tOrgs) {
      const members = g.orgMembers[org] ?? []
      const cap = g.colleagueCap(org)
      if (members.length > SMALL_ORG && this.bestMine * this.ceiling * cap * this.hop3 < this.collector.bar) continue
      for (const c2 of members) {
        if (c2 === t || !this.middle(c2) || seen2[c2] === inner) continue
        // In the order of the check below, with this organisation's best in place of the tie's chance.
        if (this.bestMine * this.ceiling * this.fat(c2) * cap * this.hop3 < this.collector.bar) continue
        seen2[c2] = inner
        const pc2 = g.colleague(c2, t)
        if (pc2 === 0) continue
        const f2 = this.fat(c2)
        if (this.bestMine * this.ceiling * f2 * pc2 * this.hop3 < this.collector.bar) continue
        const stamp = ++this.stamp
        this.recordedBefore(c2, f2, pc2, stamp)
        this.colleaguesOf(c2, f2, pc2, stamp)
      }
    }
  }

  /** me -> c1 -> c2 -> t for c2's recorded relationships, c2's fatigue f2 and p(c2, t) = p2; c1 marked with `stamp`. */
  private recordedBefore(c2: number, f2: number, p2: number, stamp: number): void {
    const { adj, chances, mine, seen, me, t } = this
    const from = this.start[c2] ?? 0
    const to = from + (this.degree[c2] ?? 0)
    for (let q = from; q < to; q++) {
      const c1 = adj[q] ?? -1
      const m = mine[c1] ?? 0
      if (m === 0 || c1 === t) continue
      seen[c1] = stamp
      const score = m * (chances[q] ?? 0) * f2 * p2 * this.hop3
      if (this.enters(score, c1)) this.collector.offer(score, [me, c1, c2, t])
    }
  }

  /** Four relationships: the best two-step halves out of me, per middle node, joined with two steps back from t. */
  private fourSteps(): void {
    const { g, adj, chances, t } = this
    // Made once per graph version (they do not depend on the target), as many kept per middle node as the list needs;
    // under a filter, which may refuse any first connector, every half is kept, for this search only.
    const filtered = this.options.keep !== undefined
    const keep = filtered ? Number.POSITIVE_INFINITY : this.options.limit + 2
    let halves = filtered ? null : this.scratch.halves
    if (halves === null || halves.keep !== keep || halves.colleagues !== this.colleagues) {
      const left = leftHalves(g, this.mine, keep, (i) => this.fat(i), this.colleagues)
      halves = { keep, colleagues: this.colleagues, left, byOrg: this.colleagues ? halvesByOrg(g, left) : new Map<number, HalvesAt>() }
      if (!filtered) this.scratch.halves = halves
    }
    this.left = halves.left
    this.leftAt = halves.byOrg
    for (let k = this.tFrom; k < this.tTo; k++) {
      const c3 = adj[k] ?? -1
      if (this.middle(c3)) this.join(c3, chances[k] ?? 0)
    }
    if (!this.colleagues) return
    let bestHalf = 0
    for (const at of this.leftAt.values()) if (at.best > bestHalf) bestHalf = at.best
    const outer = ++this.stamp2
    for (const org of this.tOrgs) {
      const members = g.orgMembers[org] ?? []
      if (members.length > SMALL_ORG && bestHalf * g.colleagueCap(org) * this.hop4 < this.collector.bar) continue
      for (const c3 of members) {
        if (c3 === t || !this.middle(c3) || this.seen2[c3] === outer) continue
        this.seen2[c3] = outer
        const pc = g.colleague(c3, t)
        if (pc !== 0) this.join(c3, pc)
      }
    }
  }

  /** me -> c1 -> mid -> c3 -> t, for one c3 and the chance pt of c3 -> t. */
  private join(c3: number, pt: number): void {
    const { g, adj, chances, seen, t } = this
    const f3 = this.fat(c3)
    const from = this.start[c3] ?? 0
    const to = from + (this.degree[c3] ?? 0)
    for (let q = from; q < to; q++) {
      const mid = adj[q] ?? -1
      if (mid === t || !this.middle(mid)) continue
      this.offerHalves(mid, c3, chances[q] ?? 0, f3, pt)
    }
    if (!this.colleagues) return
    const visit = ++this.stamp
    for (const org of g.memOrg[c3] ?? []) {
      const at = this.leftAt.get(org)
      if (at === undefined) continue
      if (at.mids.length > SMALL_ORG && at.best * g.colleagueCap(org) * f3 * pt * this.hop4 < this.collector.bar) continue
      for (const mid of at.mids) {
        if (mid === t || mid === c3 || seen[mid] === visit) continue
        seen[mid] = visit
        const pm = g.colleague(mid, c3)
        if (pm !== 0) this.offerHalves(mid, c3, pm, f3, pt)
      }
    }
  }

  /** me -> c1 -> mid -> c3 -> t from mid's halves: p(mid, c3) = pm, c3's fatigue f3, p(c3, t) = pt. */
  private offerHalves(mid: number, c3: number, pm: number, f3: number, pt: number): void {
    const halves = this.left.get(mid)
    if (halves === undefined) return
    const { me, t } = this
    for (const half of halves) {
      if (half.first === c3 || half.first === t) continue
      const score = half.value * pm * f3 * pt * this.hop4
      if (this.enters(score, half.first)) this.collector.offer(score, [me, half.first, mid, c3, t])
    }
  }
}
