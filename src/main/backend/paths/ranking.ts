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
  /** when given, a path it refuses is never kept and takes no place under the caps (the list stays exact among the rest) */
  keep?: PathFilter
}

/** Whether a path (node indices, me first) may be listed. */
export type PathFilter = (nodes: readonly number[]) => boolean

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

/**
 * Keeps, per first connector, the best `cap` paths seen: enough for an exact
 * capped top list. Beside them, the best `limit` of the paths kept (`top`),
 * whose worst score is `bar`: a path scoring below it can never enter the
 * final list (kept paths are only ever replaced by better ones), so search
 * loops test `score >= collector.bar` before anything else.
 */
export class Collector {
  private readonly best = new Map<number, RawPath[]>()
  private readonly top: RawPath[] = []
  /** no path scoring below this can enter the final list; -1 while fewer than `limit` are kept */
  bar = -1

  constructor(
    private readonly g: PathGraph,
    private readonly cap: number,
    private readonly limit: number,
    private readonly keep?: PathFilter,
  ) {}

  /** The lowest score that can still enter for this connector. */
  floor(first: number): number {
    const kept = this.best.get(first)
    const own = kept === undefined || kept.length < this.cap ? -1 : (kept[kept.length - 1]?.score ?? -1)
    return own > this.bar ? own : this.bar
  }

  offer(score: number, nodes: number[]): void {
    if (score < this.bar) return
    if (this.keep !== undefined && !this.keep(nodes)) return
    const candidate = { score, nodes }
    const c1 = candidate.nodes[1] ?? -1
    let kept = this.best.get(c1)
    if (kept === undefined) {
      kept = []
      this.best.set(c1, kept)
    }
    const worst = kept.at(-1)
    if (kept.length >= this.cap && worst !== undefined && comparePaths(this.g, candidate, worst) >= 0) return
    let at = kept.length
    while (at > 0 && comparePaths(this.g, candidate, kept[at - 1] ?? candidate) < 0) at--
    kept.splice(at, 0, candidate)
    if (kept.length > this.cap) {
      const out = kept.pop()
      const k = out === undefined ? -1 : this.top.indexOf(out)
      if (k >= 0) this.top.splice(k, 1)
    }
    // The candidate beats whatever it pushed out, so `top` stays `limit` kept paths once full.
    const top = this.top
    const last = top[top.length - 1]
    if (top.length < this.limit || (last !== undefined && score > last.score)) {
      let i = top.length
      while (i > 0 && (top[i - 1]?.score ?? 0) < score) i--
      top.splice(i, 0, candidate)
      if (top.length > this.limit) top.pop()
    }
    this.bar = top.length < this.limit ? -1 : (top[this.limit - 1]?.score ?? -1)
  }

  result(): RawPath[] {
    const all: RawPath[] = []
    for (const kept of this.best.values()) all.push(...kept)
    return all.sort((a, b) => comparePaths(this.g, a, b)).slice(0, this.limit)
  }
}

/**
 * Scores multiply in one fixed order everywhere (floating-point products
 * are not associative, and ties are common):
 * p(me,c1) x reciprocity(c1) x fatigue(c1) x p(c1,c2) x fatigue(c2) x ... x p(ck,t) x hop.
 */
export function pathScore(g: PathGraph, nodes: readonly number[], firstFatigue: number = g.fatigue(nodes[1] ?? -1)): number {
  const c1 = nodes[1] ?? -1
  let score = g.p(nodes[0] ?? -1, c1) * g.reciprocity(c1) * firstFatigue
  for (let k = 1; k + 1 < nodes.length; k++) {
    score *= g.p(nodes[k] ?? -1, nodes[k + 1] ?? -1)
    if (k + 2 < nodes.length) score *= g.fatigue(nodes[k + 1] ?? -1)
  }
  return score * hopOf(g.scoring, nodes.length - 1)
}
