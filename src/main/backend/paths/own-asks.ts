/**
 * Asking a connector again for the same person (docs/paths.md, "An ask does
 * not count against itself"). Fatigue counts the asks routed through a
 * connector in the last 90 days; an ask for the very person a path asks them
 * for is not counted against that path, unless it was declined: having asked
 * Priya for Elena, the way to Elena through Priya is the ask already under
 * way, not a second favor, and must not fall behind a worse way because of it.
 *
 * Only the two-relationship way me → Priya → Elena asks Priya for Elena (a
 * longer way through Priya asks her for someone else), so the search runs as
 * it always does, and those ways are scored again and put in: the list stays
 * exact (the search is asked for one more path per way put in, so that none
 * it would have returned is lost to the cap of two per connector).
 */
import type { PathGraph } from './graph'
import { NO_ENTRIES } from './graph-core'
import { comparePaths, pathScore, type PathFilter, type RawPath } from './ranking'
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

/** The ways me → c → t whose ask of c for t is not to count against them, scored without it. */
function ownAskWays(g: PathGraph, targets: readonly number[]): RawPath[] {
  const contacts = askedContacts(g)
  if (contacts.length === 0) return []
  const wanted = new Set(targets)
  const out: RawPath[] = []
  for (const c of contacts) {
    if (g.archived[c] === true) continue
    for (const personId of new Set(g.askedFor[c] ?? NO_ENTRIES)) {
      const t = g.indexOf.get(personId)
      if (t === undefined || !wanted.has(t) || g.archived[t] === true || g.p(c, t) === 0) continue
      const except = g.recentAsksExcept(c, personId)
      if (except === g.recentAsks(c)) continue
      out.push({ nodes: [g.me, c, t], score: pathScore(g, [g.me, c, t], fatigueOf(except)) })
    }
  }
  return out
}

/**
 * The search's answer with the ways that ask a connector for the person they
 * were already asked for scored without that ask. `search(limit)` runs the
 * search for that many paths; `limit` and `perConnector` are the caps the
 * answer keeps to (Infinity for none), and `keep`, when given, the filter the
 * search was run with.
 */
export function searchWithoutOwnAsks(
  g: PathGraph,
  targets: readonly number[],
  caps: { limit: number; perConnector: number; keep?: PathFilter },
  search: (limit: number) => RawPath[],
): RawPath[] {
  const keep = caps.keep
  const own = keep === undefined ? ownAskWays(g, targets) : ownAskWays(g, targets).filter((p) => keep(p.nodes))
  if (own.length === 0) return search(caps.limit)
  const byNodes = new Map<string, RawPath>()
  for (const p of search(caps.limit + own.length)) byNodes.set(p.nodes.join(','), p)
  for (const p of own) byNodes.set(p.nodes.join(','), p)
  const sorted = [...byNodes.values()].sort((a, b) => comparePaths(g, a, b))
  const perConnector = new Map<number, number>()
  const out: RawPath[] = []
  for (const p of sorted) {
    if (out.length >= caps.limit) break
    const c = p.nodes[1] ?? -1
    const kept = perConnector.get(c) ?? 0
    if (kept >= caps.perConnector) continue
    perConnector.set(c, kept + 1)
    out.push(p)
  }
  return out
}

/** The first connector's recent asks on a path, leaving out those for the person they are asked for on it (unless declined). */
export function firstConnectorAsks(g: PathGraph, nodes: readonly number[]): number {
  return g.recentAsksExcept(nodes[1] ?? -1, g.ids[nodes[2] ?? -1] ?? -1)
}

/** A path's score with its first connector's asks for the person asked for on it left out, as the answer scores it. */
export function scoreWithoutOwnAsks(g: PathGraph, nodes: readonly number[]): number {
  return pathScore(g, nodes, fatigueOf(firstConnectorAsks(g, nodes)))
}
