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
export class Collector {
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
    this.offers++
    const candidate = { score, nodes: nodes() }
    const c1 = candidate.nodes[1] ?? -1
    let kept = this.best.get(c1)
    if (kept === undefined) {
      kept = []
      this.best.set(c1, kept)
    }
    const worst = kept.at(-1)
    if (kept.length >= this.cap && worst !== undefined && comparePaths(this.g, candidate, worst) >= 0) return
    kept.push(candidate)
    kept.sort((a, b) => comparePaths(this.g, a, b))
    if (kept.length > this.cap) kept.pop()
  }

  private cachedThreshold: { version: number; limit: number; value: number } | null = null
  private offers = 0

  /**
   * A score no path below can beat into the final list: the limit-th best
   * kept so far (kept lists only get better), or -1 while fewer are kept.
   */
  threshold(limit: number): number {
    if (this.cachedThreshold?.version === this.offers && this.cachedThreshold.limit === limit) return this.cachedThreshold.value
    const scores: number[] = []
    for (const kept of this.best.values()) for (const p of kept) scores.push(p.score)
    const value = scores.length < limit ? -1 : (scores.sort((a, b) => b - a)[limit - 1] ?? -1)
    this.cachedThreshold = { version: this.offers, limit, value }
    return value
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
