import type { PathGraph } from './graph'
import { comparePaths, pathScore, type PathFilter, type RawPath } from './ranking'

/** Every simple path from me to the targets within the hop limit (that `keep` keeps, when given), ranked (no cap). */
export function allPaths(g: PathGraph, targets: readonly number[], maxHops: 3 | 4, keep?: PathFilter): RawPath[] {
  const me = g.me
  if (me < 0) return []
  const wanted = new Set(targets.filter((t) => t !== me && g.archived[t] !== true))
  const out: RawPath[] = []
  const path = [me]
  const onPath = new Set([me])
  const walk = (node: number): void => {
    const edges = path.length - 1
    if (edges >= 2 && wanted.has(node) && (keep === undefined || keep(path))) out.push({ nodes: [...path], score: pathScore(g, path) })
    if (edges >= maxHops || (edges >= 2 && g.isMyContact(node))) return
    const next = new Set(g.neighbours(node))
    for (const org of g.memOrg[node] ?? []) for (const other of g.orgMembers[org] ?? []) if (g.colleague(node, other) !== 0) next.add(other)
    for (const n of next) {
      if (onPath.has(n) || g.archived[n] === true) continue
      // Past the first connector, nobody I already know, unless they are a target (and the path ends there).
      if (path.length >= 2 && !wanted.has(n) && g.isMyContact(n)) continue
      path.push(n)
      onPath.add(n)
      walk(n)
      path.pop()
      onPath.delete(n)
    }
  }
  walk(me)
  return out.sort((a, b) => comparePaths(g, a, b))
}
