/**
 * Asking a connector again for the same person (docs/paths.md, "An ask does
 * not count against itself"). Fatigue counts the asks routed through a
 * connector in the last 90 days; an ask for the very person a path asks them
 * for is not counted against that path, unless it was declined: having asked
 * Priya for Elena, the way to Elena through Priya is the ask already under
 * way, not a second favor, and must not fall behind a worse way because of it.
 */
import type { PathGraph } from './graph'
import { NO_ENTRIES } from './graph-core'
import { comparePaths, pathScore, type RawPath } from './ranking'
import { fatigueOf } from './scoring'

const asked = new WeakMap<PathGraph, { version: number; contacts: number[] }>()

/** My contacts who were asked for anyone, once per graph version (most searches find none). */
function askedContacts(g: PathGraph): number[] {
  const kept = asked.get(g)
  if (kept?.version === g.version) return kept.contacts
  const contacts: number[] = []
  const from = g.start[g.me] ?? 0
  const to = from + (g.degree[g.me] ?? 0)
  for (let k = from; k < to; k++) {
    const c = g.adj[k] ?? -1
    if (c >= 0 && g.askedFor[c] !== NO_ENTRIES && (g.askedFor[c]?.length ?? 0) > 0) contacts.push(c)
  }
  asked.set(g, { version: g.version, contacts })
  return contacts
}

/** What leaving out the asks for this person raises the connector's fatigue factor by (1: nothing). */
function lift(g: PathGraph, c: number, personId: number): number {
  if (g.askedFor[c] === NO_ENTRIES || c < 0) return 1
  const all = g.recentAsks(c)
  const except = g.recentAsksExcept(c, personId)
  return all === except ? 1 : fatigueOf(except) / fatigueOf(all)
}

/**
 * Runs the search with asks for the person each path asks its first
 * connector for left out of that connector's fatigue. For one target within
 * three relationships the search itself sees the raised factor, so the best
 * paths are found as they score; otherwise (several targets, or four
 * relationships, whose kept halves must not change) the paths found are
 * rescored and put back in order.
 */
export function searchWithoutOwnAsks(g: PathGraph, targets: readonly number[], maxHops: 3 | 4, search: () => RawPath[]): RawPath[] {
  const raised = new Map<number, number>()
  const target = targets.length === 1 && maxHops === 3 ? (targets[0] ?? -1) : -1
  const scratch = target < 0 ? null : g.searchScratch()
  const bestMine = scratch?.bestMine ?? 0
  if (scratch !== null) {
    for (const c of askedContacts(g)) {
      const by = (scratch.mine[c] ?? 0) > 0 ? lift(g, c, g.ids[target] ?? -1) : 1
      if (by === 1) continue
      raised.set(c, scratch.mine[c] ?? 0)
      scratch.mine[c] = (scratch.mine[c] ?? 0) * by
      scratch.bestMine = Math.max(scratch.bestMine, scratch.mine[c] ?? 0)
    }
  }
  let paths: RawPath[]
  try {
    paths = search()
  } finally {
    if (scratch !== null) {
      for (const [c, value] of raised) scratch.mine[c] = value
      scratch.bestMine = bestMine
    }
  }
  let changed = false
  for (const p of paths) {
    const c1 = p.nodes[1] ?? -1
    const asked = g.ids[p.nodes[2] ?? -1] ?? -1
    const applied = raised.has(c1) ? lift(g, c1, g.ids[target] ?? -1) : 1
    const due = lift(g, c1, asked)
    if (due === applied) continue
    p.score *= due / applied
    changed = true
  }
  if (changed) paths.sort((a, b) => comparePaths(g, a, b))
  return paths
}

/** The first connector's fatigue on a path, leaving out asks for the person they are asked for on it. */
export function firstConnectorAsks(g: PathGraph, nodes: readonly number[]): number {
  return g.recentAsksExcept(nodes[1] ?? -1, g.ids[nodes[2] ?? -1] ?? -1)
}

/** A path's score with its first connector's asks for the person asked for on it left out, as the search scores it. */
export function scoreWithoutOwnAsks(g: PathGraph, nodes: readonly number[]): number {
  return pathScore(g, nodes) * lift(g, nodes[1] ?? -1, g.ids[nodes[2] ?? -1] ?? -1)
}
