import type { PathGraph } from './graph'
import { halvesByOrg, leftHalves, type LeftHalf } from './halves'
import { Collector, type RawPath, type SearchOptions } from './ranking'
import { hopOf } from './scoring'

export { allPaths } from './all-paths'
export { comparePaths, pathScore, type RawPath, type SearchOptions } from './ranking'

/** Organisations smaller than this are walked without first checking whether they can matter. */
const SMALL_ORG = 32

/**
 * Exact top paths from me to any of the targets, 2 to maxHops relationships
 * long, ranked and capped per first connector. A step is a recorded
 * relationship or an inferred colleague tie (see PathGraph.colleagueTie);
 * colleague steps are walked through organisation membership, and a large
 * organisation is skipped only when even its best possible path could not
 * enter the list (so the result stays exact).
 */
export function topPaths(g: PathGraph, targets: readonly number[], options: SearchOptions): RawPath[] {
  const me = g.me
  if (me < 0) return []
  const collector = new Collector(g, Math.min(options.perConnector, options.limit), options.limit)
  // Per graph version, not per query: my factors, fatigue, visit marks.
  const scratch = g.searchScratch()
  const { mine, bestMine, seen, seen2 } = scratch
  const s = g.scoring
  const usable = (i: number): boolean => i !== me && g.archived[i] !== true
  // Past the first connector, nobody I already know: I would ask them myself.
  const middle = (i: number): boolean => usable(i) && !g.isMyContact(i)
  const fatigue = scratch.fatigue
  const fat = (i: number): number => {
    if ((fatigue[i] ?? -1) < 0) fatigue[i] = g.fatigue(i)
    return fatigue[i] ?? 1
  }
  let left: Map<number, LeftHalf[]> | null = null
  let leftAt: Map<number, { mids: number[]; best: number }> | null = null
  const leftKeep = options.limit + 2
  const colleagues = g.scoring.colleagues.enabled && g.orgIds.length > 0
  const myAt = colleagues ? g.myContactsByOrg() : new Map<number, number[]>()
  /** visit marks, so a node reached through two shared organisations is offered once (stamps only grow) */
  let stamp = scratch.stamp
  let stamp2 = scratch.stamp2

  const { start, degree, adj, chances } = g
  const myFrom = start[me] ?? 0
  const myTo = myFrom + (degree[me] ?? 0)

  for (const t of targets) {
    if (!usable(t)) continue
    const tFrom = start[t] ?? 0
    const tTo = tFrom + (degree[t] ?? 0)

    // Two relationships: me -> c -> t.
    const hop2 = hopOf(s, 2)
    for (let k = tFrom; k < tTo; k++) {
      const c = adj[k] ?? -1
      const m = mine[c] ?? 0
      if (m === 0 || c === t) continue
      const score = m * (chances[k] ?? 0) * hop2
      if (score >= collector.bar && score >= collector.floor(c)) collector.offer(score, () => [me, c, t])
    }
    const tOrgs = colleagues ? [...new Set(g.memOrg[t] ?? [])] : []

    // Three relationships: me -> c1 -> c2 -> t, expanding the cheaper side.
    const hop3 = hopOf(s, 3)
    let targetSide = 0
    for (let k = tFrom; k < tTo; k++) targetSide += degree[adj[k] ?? -1] ?? 0
    const meSide = scratch.meSide
    // No relationship's chance exceeds the ceiling: a middle node whose best path cannot reach the bar is skipped.
    const ceiling = s.ceiling
    if (targetSide <= meSide) {
      for (let k = tFrom; k < tTo; k++) {
        const c2 = adj[k] ?? -1
        if (!middle(c2)) continue
        const f2 = fat(c2)
        const pt = chances[k] ?? 0
        if (bestMine * ceiling * f2 * pt * hop3 < collector.bar) continue
        const from2 = start[c2] ?? 0
        const to2 = from2 + (degree[c2] ?? 0)
        for (let q = from2; q < to2; q++) {
          const c1 = adj[q] ?? -1
          const m = mine[c1] ?? 0
          if (m === 0 || c1 === t) continue
          const score = m * (chances[q] ?? 0) * f2 * pt * hop3
          if (score >= collector.bar && score >= collector.floor(c1)) collector.offer(score, () => [me, c1, c2, t])
        }
      }
    } else {
      // The target's side, marked in the scratch arrays: its fatigue and p(c2, t).
      const { mark, toTarget } = scratch
      const here = ++scratch.markStamp
      let bestRight = 0
      for (let k = tFrom; k < tTo; k++) {
        const c2 = adj[k] ?? -1
        if (!middle(c2)) continue
        mark[c2] = here
        toTarget[c2] = chances[k] ?? 0
        const right = fat(c2) * (chances[k] ?? 0)
        if (right > bestRight) bestRight = right
      }
      for (let r = myFrom; r < myTo; r++) {
        const c1 = adj[r] ?? -1
        const m = mine[c1] ?? 0
        if (m === 0 || c1 === t || m * ceiling * bestRight * hop3 < collector.bar) continue
        const from1 = start[c1] ?? 0
        const to1 = from1 + (degree[c1] ?? 0)
        for (let q = from1; q < to1; q++) {
          const c2 = adj[q] ?? -1
          if (mark[c2] !== here || c2 === c1) continue
          const score = m * (chances[q] ?? 0) * (fatigue[c2] ?? 1) * (toTarget[c2] ?? 0) * hop3
          if (score >= collector.bar && score >= collector.floor(c1)) collector.offer(score, () => [me, c1, c2, t])
        }
      }
    }

    // Two steps where c and t are colleagues: after the recorded three-step paths, so the bar is as high as it gets before organisations are walked.
    stamp++
    for (const org of tOrgs) {
      const mineThere = myAt.get(org)
      if (mineThere === undefined) continue
      if (mineThere.length > SMALL_ORG && bestMine * g.colleagueCap(org) * hop2 < collector.bar) continue
      for (const c of mineThere) {
        if (c === t || seen[c] === stamp) continue
        seen[c] = stamp
        const pc = g.colleague(c, t)
        if (pc === 0) continue
        const score = (mine[c] ?? 0) * pc * hop2
        if (score >= collector.bar && score >= collector.floor(c)) collector.offer(score, () => [me, c, t])
      }
    }

    if (colleagues) {
      // c1 and c2 colleagues, c2 -> t recorded.
      for (let k = tFrom; k < tTo; k++) {
        const c2 = adj[k] ?? -1
        if (!middle(c2)) continue
        const f2 = fat(c2)
        const pt = chances[k] ?? 0
        stamp++
        for (const org of g.memOrg[c2] ?? []) {
          const mineThere = myAt.get(org)
          if (mineThere === undefined) continue
          if (mineThere.length > SMALL_ORG && bestMine * g.colleagueCap(org) * f2 * pt * hop3 < collector.bar) continue
          for (const c1 of mineThere) {
            if (c1 === c2 || c1 === t || seen[c1] === stamp) continue
            seen[c1] = stamp
            const pc = g.colleague(c1, c2)
            if (pc === 0) continue
            const score = (mine[c1] ?? 0) * pc * f2 * pt * hop3
            if (score >= collector.bar && score >= collector.floor(c1)) collector.offer(score, () => [me, c1, c2, t])
          }
        }
      }
      // c2 and t colleagues; c1 -> c2 recorded or colleagues too.
      const inner = ++stamp2
      for (const org of tOrgs) {
        if ((g.orgMembers[org]?.length ?? 0) > SMALL_ORG && bestMine * ceiling * g.colleagueCap(org) * hop3 < collector.bar) continue
        for (const c2 of g.orgMembers[org] ?? []) {
          if (c2 === t || !middle(c2) || seen2[c2] === inner) continue
          seen2[c2] = inner
          const pc2 = g.colleague(c2, t)
          if (pc2 === 0) continue
          const f2 = fat(c2)
          if (bestMine * ceiling * f2 * pc2 * hop3 < collector.bar) continue
          const from2 = start[c2] ?? 0
          const to2 = from2 + (degree[c2] ?? 0)
          stamp++
          for (let q = from2; q < to2; q++) {
            const c1 = adj[q] ?? -1
            const m = mine[c1] ?? 0
            if (m === 0 || c1 === t) continue
            seen[c1] = stamp
            const score = m * (chances[q] ?? 0) * f2 * pc2 * hop3
            if (score >= collector.bar && score >= collector.floor(c1)) collector.offer(score, () => [me, c1, c2, t])
          }
          for (const org2 of g.memOrg[c2] ?? []) {
            const mineThere = myAt.get(org2) ?? []
            if (mineThere.length > SMALL_ORG && bestMine * g.colleagueCap(org2) * f2 * pc2 * hop3 < collector.bar) continue
            for (const c1 of mineThere) {
              if (c1 === c2 || c1 === t || seen[c1] === stamp) continue
              seen[c1] = stamp
              const pc1 = g.colleague(c1, c2)
              if (pc1 === 0) continue
              const score = (mine[c1] ?? 0) * pc1 * f2 * pc2 * hop3
              if (score >= collector.bar && score >= collector.floor(c1)) collector.offer(score, () => [me, c1, c2, t])
            }
          }
        }
      }
    }

    if (options.maxHops < 4) continue
    // Four relationships: the best two-step halves out of me, per middle node, joined with two steps back from t.
    if (left === null) {
      left = leftHalves(g, mine, leftKeep, fat, colleagues)
      leftAt = colleagues ? halvesByOrg(g, left) : new Map()
    }
    const halvesOf = left
    const byOrg = leftAt ?? new Map<number, { mids: number[]; best: number }>()
    const hop4 = hopOf(s, 4)
    /** me -> c1 -> mid -> c3 -> t, for one c3 and the chance pt of c3 -> t. */
    const join = (c3: number, pt: number): void => {
      const f3 = fat(c3)
      const offerHalves = (mid: number, pm: number): void => {
        const halves = halvesOf.get(mid)
        if (halves === undefined) return
        for (const half of halves) {
          if (half.first === c3 || half.first === t) continue
          const score = half.value * pm * f3 * pt * hop4
          if (score >= collector.bar && score >= collector.floor(half.first)) collector.offer(score, () => [me, half.first, mid, c3, t])
        }
      }
      const from3 = start[c3] ?? 0
      const to3 = from3 + (degree[c3] ?? 0)
      for (let q = from3; q < to3; q++) {
        const mid = adj[q] ?? -1
        if (mid === t || !middle(mid)) continue
        offerHalves(mid, chances[q] ?? 0)
      }
      if (!colleagues) return
      const visit = ++stamp
      for (const org of g.memOrg[c3] ?? []) {
        const at = byOrg.get(org)
        if (at === undefined) continue
        if (at.mids.length > SMALL_ORG && at.best * g.colleagueCap(org) * f3 * pt * hop4 < collector.bar) continue
        for (const mid of at.mids) {
          if (mid === t || mid === c3 || seen[mid] === visit) continue
          seen[mid] = visit
          const pm = g.colleague(mid, c3)
          if (pm !== 0) offerHalves(mid, pm)
        }
      }
    }
    for (let k = tFrom; k < tTo; k++) {
      const c3 = adj[k] ?? -1
      if (middle(c3)) join(c3, chances[k] ?? 0)
    }
    if (colleagues) {
      let bestHalf = 0
      for (const at of byOrg.values()) if (at.best > bestHalf) bestHalf = at.best
      const outer = ++stamp2
      for (const org of tOrgs) {
        if ((g.orgMembers[org]?.length ?? 0) > SMALL_ORG && bestHalf * g.colleagueCap(org) * hop4 < collector.bar) continue
        for (const c3 of g.orgMembers[org] ?? []) {
          if (c3 === t || !middle(c3) || seen2[c3] === outer) continue
          seen2[c3] = outer
          const pc = g.colleague(c3, t)
          if (pc !== 0) join(c3, pc)
        }
      }
    }
  }
  scratch.stamp = stamp
  scratch.stamp2 = stamp2
  return collector.result()
}
