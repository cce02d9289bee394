import type { PathGraph } from './graph'
import { hopOf } from './scoring'

/** A path as node indices, me first, target last, with its score. */
export interface RawPath {
  nodes: number[]
  score: number
}

export interface SearchOptions {
  maxHops: 3 | 4
  /** how many paths to return */
  limit: number
  /** at most this many paths through the same first connector (Infinity for none) */
  perConnector: number
}

/** Score desc, then fewer relationships, then the names along the path. */
export function comparePaths(g: PathGraph, a: RawPath, b: RawPath): number {
  if (a.score !== b.score) return b.score - a.score
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length
  for (let k = 1; k < a.nodes.length; k++) {
    const x = g.names[a.nodes[k] ?? 0] ?? ''
    const y = g.names[b.nodes[k] ?? 0] ?? ''
    if (x !== y) return x < y ? -1 : 1
    const d = (a.nodes[k] ?? 0) - (b.nodes[k] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** Keeps, per first connector, the best `cap` paths seen: enough for an exact capped top list. */
class Collector {
  private readonly best = new Map<number, RawPath[]>()

  constructor(
    private readonly g: PathGraph,
    private readonly cap: number,
  ) {}

  /** The lowest score that can still enter for this connector. */
  floor(first: number): number {
    const kept = this.best.get(first)
    return kept === undefined || kept.length < this.cap ? -1 : (kept[kept.length - 1]?.score ?? -1)
  }

  offer(score: number, nodes: () => number[]): void {
    const candidate = { score, nodes: nodes() }
    const c1 = candidate.nodes[1] ?? -1
    let kept = this.best.get(c1)
    if (kept === undefined) {
      kept = []
      this.best.set(c1, kept)
    }
    if (kept.length >= this.cap && comparePaths(this.g, candidate, kept[kept.length - 1] as RawPath) >= 0) return
    kept.push(candidate)
    kept.sort((a, b) => comparePaths(this.g, a, b))
    if (kept.length > this.cap) kept.pop()
  }

  result(limit: number): RawPath[] {
    const all: RawPath[] = []
    for (const kept of this.best.values()) all.push(...kept)
    return all.sort((a, b) => comparePaths(this.g, a, b)).slice(0, limit)
  }
}

/**
 * Scores multiply in one fixed order everywhere (floating-point products
 * are not associative, and ties are common):
 * p(me,c1) x reciprocity(c1) x fatigue(c1) x p(c1,c2) x fatigue(c2) x ... x p(ck,t) x hop.
 */
export function pathScore(g: PathGraph, nodes: readonly number[]): number {
  const c1 = nodes[1] ?? -1
  let score = g.p(nodes[0] ?? -1, c1) * g.reciprocity(c1) * g.fatigue(c1)
  for (let k = 1; k + 1 < nodes.length; k++) {
    score *= g.p(nodes[k] ?? -1, nodes[k + 1] ?? -1)
    if (k + 2 < nodes.length) score *= g.fatigue(nodes[k + 1] ?? -1)
  }
  return score * hopOf(g.scoring, nodes.length - 1)
}

/** For each of my contacts c: p(me, c) x reciprocity(c) x fatigue(c); 0 for everyone else. */
function meFactors(g: PathGraph): Float64Array {
  const factors = new Float64Array(g.ids.length)
  const me = g.me
  const list = g.nbr[me] ?? []
  const prob = g.prob[me] ?? []
  for (let k = 0; k < list.length; k++) {
    const c = list[k] ?? -1
    if (c < 0 || g.archived[c] === true) continue
    factors[c] = (prob[k] ?? 0) * g.reciprocity(c) * g.fatigue(c)
  }
  return factors
}

interface LeftHalf {
  value: number
  first: number
}

/**
 * Exact top paths from me to any of the targets, 2 to maxHops relationships
 * long, ranked and capped per first connector.
 */
export function topPaths(g: PathGraph, targets: readonly number[], options: SearchOptions): RawPath[] {
  const me = g.me
  if (me < 0) return []
  const collector = new Collector(g, Math.min(options.perConnector, options.limit))
  const mine = meFactors(g)
  const s = g.scoring
  const usable = (i: number): boolean => i !== me && g.archived[i] !== true
  const fatigue = new Float64Array(g.ids.length).fill(-1)
  const fat = (i: number): number => {
    if ((fatigue[i] ?? -1) < 0) fatigue[i] = g.fatigue(i)
    return fatigue[i] ?? 1
  }
  let left: Map<number, LeftHalf[]> | null = null
  const leftKeep = options.limit + 2

  for (const t of targets) {
    if (!usable(t)) continue
    const tn = g.nbr[t] ?? []
    const tp = g.prob[t] ?? []

    // Two relationships: me -> c -> t.
    const hop2 = hopOf(s, 2)
    for (let k = 0; k < tn.length; k++) {
      const c = tn[k] ?? -1
      const m = mine[c] ?? 0
      if (m === 0 || c === t) continue
      const score = m * (tp[k] ?? 0) * hop2
      if (score >= collector.floor(c)) collector.offer(score, () => [me, c, t])
    }

    // Three relationships: me -> c1 -> c2 -> t, expanding the cheaper side.
    const hop3 = hopOf(s, 3)
    let targetSide = 0
    for (const c2 of tn) targetSide += g.nbr[c2]?.length ?? 0
    let meSide = 0
    for (const c1 of g.nbr[me] ?? []) meSide += g.nbr[c1]?.length ?? 0
    if (targetSide <= meSide) {
      for (let k = 0; k < tn.length; k++) {
        const c2 = tn[k] ?? -1
        if (!usable(c2)) continue
        const f2 = fat(c2)
        const pt = tp[k] ?? 0
        const n2 = g.nbr[c2] ?? []
        const p2 = g.prob[c2] ?? []
        for (let q = 0; q < n2.length; q++) {
          const c1 = n2[q] ?? -1
          const m = mine[c1] ?? 0
          if (m === 0 || c1 === t) continue
          const score = m * (p2[q] ?? 0) * f2 * pt * hop3
          if (score >= collector.floor(c1)) collector.offer(score, () => [me, c1, c2, t])
        }
      }
    } else {
      const toTarget = new Map<number, { f2: number; pt: number }>()
      for (let k = 0; k < tn.length; k++) {
        const c2 = tn[k] ?? -1
        if (usable(c2)) toTarget.set(c2, { f2: fat(c2), pt: tp[k] ?? 0 })
      }
      for (const c1 of g.nbr[me] ?? []) {
        const m = mine[c1] ?? 0
        if (m === 0 || c1 === t) continue
        const n1 = g.nbr[c1] ?? []
        const p1 = g.prob[c1] ?? []
        for (let q = 0; q < n1.length; q++) {
          const c2 = n1[q] ?? -1
          const right = toTarget.get(c2)
          if (right === undefined || c2 === c1) continue
          const score = m * (p1[q] ?? 0) * right.f2 * right.pt * hop3
          if (score >= collector.floor(c1)) collector.offer(score, () => [me, c1, c2, t])
        }
      }
    }

    if (options.maxHops < 4) continue
    // Four relationships: the best two-step halves out of me, per middle node, joined with two steps back from t.
    left ??= leftHalves(g, mine, leftKeep, fat)
    const hop4 = hopOf(s, 4)
    for (let k = 0; k < tn.length; k++) {
      const c3 = tn[k] ?? -1
      if (!usable(c3)) continue
      const f3 = fat(c3)
      const pt = tp[k] ?? 0
      const n3 = g.nbr[c3] ?? []
      const p3 = g.prob[c3] ?? []
      for (let q = 0; q < n3.length; q++) {
        const mid = n3[q] ?? -1
        if (mid === t || !usable(mid)) continue
        const halves = left.get(mid)
        if (halves === undefined) continue
        const pm = p3[q] ?? 0
        for (const half of halves) {
          if (half.first === c3 || half.first === t) continue
          const score = half.value * pm * f3 * pt * hop4
          if (score >= collector.floor(half.first)) collector.offer(score, () => [me, half.first, mid, c3, t])
        }
      }
    }
  }
  return collector.result(options.limit)
}

/** For each middle node m: the `keep` best values of me -> c1 -> m (c1's factor, p(c1, m), fatigue(m)), one per c1. */
function leftHalves(g: PathGraph, mine: Float64Array, keep: number, fat: (i: number) => number): Map<number, LeftHalf[]> {
  const out = new Map<number, LeftHalf[]>()
  for (const c1 of g.nbr[g.me] ?? []) {
    const m = mine[c1] ?? 0
    if (m === 0) continue
    const n1 = g.nbr[c1] ?? []
    const p1 = g.prob[c1] ?? []
    for (let q = 0; q < n1.length; q++) {
      const mid = n1[q] ?? -1
      if (mid === g.me || g.archived[mid] === true) continue
      const value = m * (p1[q] ?? 0) * fat(mid)
      let list = out.get(mid)
      if (list === undefined) {
        list = []
        out.set(mid, list)
      }
      // Ranked as the final list breaks ties: by value, then the first connector's name.
      const worse = (a: LeftHalf): boolean =>
        a.value < value || (a.value === value && ((g.names[a.first] ?? '') > (g.names[c1] ?? '') || ((g.names[a.first] ?? '') === (g.names[c1] ?? '') && a.first > c1)))
      const last = list[list.length - 1]
      if (list.length >= keep && last !== undefined && !worse(last)) continue
      let at = list.length
      while (at > 0 && worse(list[at - 1] as LeftHalf)) at--
      list.splice(at, 0, { value, first: c1 })
      if (list.length > keep) list.pop()
    }
  }
  return out
}

/** Every simple path from me to the targets within the hop limit, ranked (no cap). */
export function allPaths(g: PathGraph, targets: readonly number[], maxHops: 3 | 4): RawPath[] {
  const me = g.me
  if (me < 0) return []
  const wanted = new Set(targets.filter((t) => t !== me && g.archived[t] !== true))
  const out: RawPath[] = []
  const path = [me]
  const onPath = new Set([me])
  const walk = (node: number): void => {
    const edges = path.length - 1
    if (edges >= 2 && wanted.has(node)) out.push({ nodes: [...path], score: pathScore(g, path) })
    if (edges >= maxHops) return
    for (const next of g.nbr[node] ?? []) {
      if (onPath.has(next) || g.archived[next] === true) continue
      // A direct tie is not an introduction: the first step never lands on a target.
      path.push(next)
      onPath.add(next)
      walk(next)
      path.pop()
      onPath.delete(next)
    }
  }
  walk(me)
  return out.sort((a, b) => comparePaths(g, a, b))
}
