/**
 * The paths bench's yardstick: exact top-k path enumeration, 2 or 3
 * relationships, over the same flat arrays Kith's path graph holds (CSR:
 * per node a start and a degree into `adj` and `chances`), ranked by the
 * plain product of the relationships' chances times the hop penalty. No
 * colleague steps, no reciprocity or fatigue, no per-connector cap, no
 * explanation: the least work any exact answer to the same question needs,
 * written the way one would write it by hand.
 */

export interface FloorGraph {
  start: Int32Array
  degree: Int32Array
  adj: Int32Array
  chances: Float64Array
  me: number
}

export interface FloorPath {
  score: number
  c1: number
  /** -1 for a two-relationship path */
  c2: number
}

export class FloorSearch {
  /** p(me, c) for my contacts, 0 for everyone else */
  private readonly mine: Float64Array
  /** the sum of my contacts' degrees: the cost of expanding my side */
  private readonly meSide: number
  /** p(c2, t) for the current target's neighbours, valid where `mark` holds the current stamp */
  private readonly toTarget: Float64Array
  private readonly mark: Int32Array
  private stamp = 0
  private readonly scores: Float64Array
  private readonly c1s: Int32Array
  private readonly c2s: Int32Array
  private size = 0

  constructor(
    private readonly g: FloorGraph,
    private readonly k: number,
    private readonly hop3: number,
  ) {
    const n = g.start.length
    this.mine = new Float64Array(n)
    this.toTarget = new Float64Array(n)
    this.mark = new Int32Array(n)
    let meSide = 0
    const from = g.start[g.me] ?? 0
    const to = from + (g.degree[g.me] ?? 0)
    for (let r = from; r < to; r++) {
      const c = g.adj[r] ?? 0
      this.mine[c] = g.chances[r] ?? 0
      meSide += g.degree[c] ?? 0
    }
    this.meSide = meSide
    this.scores = new Float64Array(k)
    this.c1s = new Int32Array(k)
    this.c2s = new Int32Array(k)
  }

  /** Keeps the k best in descending order (insertion into a short sorted array). */
  private offer(score: number, c1: number, c2: number): void {
    const { scores, c1s, c2s, k } = this
    if (this.size === k && score <= (scores[k - 1] ?? 0)) return
    let at = this.size < k ? this.size++ : k - 1
    while (at > 0 && (scores[at - 1] ?? 0) < score) {
      scores[at] = scores[at - 1] ?? 0
      c1s[at] = c1s[at - 1] ?? 0
      c2s[at] = c2s[at - 1] ?? 0
      at--
    }
    scores[at] = score
    c1s[at] = c1
    c2s[at] = c2
  }

  /** The best k paths me -> c1 [-> c2] -> t. */
  find(t: number): FloorPath[] {
    const { start, degree, adj, chances, me } = this.g
    const mine = this.mine
    const hop3 = this.hop3
    this.size = 0
    const tFrom = start[t] ?? 0
    const tTo = tFrom + (degree[t] ?? 0)
    let targetSide = 0
    for (let k = tFrom; k < tTo; k++) {
      const c = adj[k] ?? 0
      targetSide += degree[c] ?? 0
      const m = mine[c] ?? 0
      if (m > 0) this.offer(m * (chances[k] ?? 0), c, -1)
    }
    if (targetSide <= this.meSide) {
      // Walk out from the target: t <- c2 <- c1, c1 one of my contacts.
      for (let k = tFrom; k < tTo; k++) {
        const c2 = adj[k] ?? 0
        if (c2 === me || (mine[c2] ?? 0) > 0) continue
        const pt = (chances[k] ?? 0) * hop3
        const from = start[c2] ?? 0
        const to = from + (degree[c2] ?? 0)
        for (let q = from; q < to; q++) {
          const c1 = adj[q] ?? 0
          const m = mine[c1] ?? 0
          if (m > 0 && c1 !== t) this.offer(m * (chances[q] ?? 0) * pt, c1, c2)
        }
      }
    } else {
      // Walk out from me and look the target's side up.
      const stamp = ++this.stamp
      for (let k = tFrom; k < tTo; k++) {
        const c2 = adj[k] ?? 0
        if (c2 === me || (mine[c2] ?? 0) > 0) continue
        this.mark[c2] = stamp
        this.toTarget[c2] = chances[k] ?? 0
      }
      const myFrom = start[me] ?? 0
      const myTo = myFrom + (degree[me] ?? 0)
      for (let r = myFrom; r < myTo; r++) {
        const c1 = adj[r] ?? 0
        if (c1 === t) continue
        const m = chances[r] ?? 0
        const from = start[c1] ?? 0
        const to = from + (degree[c1] ?? 0)
        for (let q = from; q < to; q++) {
          const c2 = adj[q] ?? 0
          if (this.mark[c2] === stamp) this.offer(m * (chances[q] ?? 0) * (this.toTarget[c2] ?? 0) * hop3, c1, c2)
        }
      }
    }
    const out: FloorPath[] = []
    for (let i = 0; i < this.size; i++) out.push({ score: this.scores[i] ?? 0, c1: this.c1s[i] ?? 0, c2: this.c2s[i] ?? 0 })
    return out
  }
}
