import type { PathGraph } from './graph'
import type { LeftHalf } from './graph-core'

export type { LeftHalf } from './graph-core'

/**
 * For each middle node m: the `keep` best values of me -> c1 -> m (c1's
 * factor, p(c1, m), fatigue(m)), one per c1. Colleague steps are walked by
 * organisation: my contacts there, best factor first, for each member, until
 * even the best a colleague tie there allows (`colleagueCap`) cannot enter
 * the member's list. A pair at two organisations is asked once it counts
 * (its chance is the best over both), and kept once.
 */
export function leftHalves(g: PathGraph, mine: Float64Array, keep: number, fat: (i: number) => number, colleagues: boolean): Map<number, LeftHalf[]> {
  const out = new Map<number, LeftHalf[]>()
  /** Ranked as the final list breaks ties: by value, then the first connector's name. */
  const worse = (a: LeftHalf, c1: number, value: number): boolean =>
    a.value < value || (a.value === value && ((g.names[a.first] ?? '') > (g.names[c1] ?? '') || ((g.names[a.first] ?? '') === (g.names[c1] ?? '') && a.first > c1)))
  const add = (c1: number, mid: number, value: number): void => {
    let list = out.get(mid)
    if (list === undefined) {
      list = []
      out.set(mid, list)
    }
    const last = list[list.length - 1]
    if (list.length >= keep && last !== undefined && !worse(last, c1, value)) return
    let at = list.length
    for (let before = list[at - 1]; before !== undefined && worse(before, c1, value); before = list[at - 1]) at--
    list.splice(at, 0, { value, first: c1 })
    if (list.length > keep) list.pop()
  }
  const { start, degree, adj, chances } = g
  const myFrom = start[g.me] ?? 0
  const myTo = myFrom + (degree[g.me] ?? 0)
  for (let r = myFrom; r < myTo; r++) {
    const c1 = adj[r] ?? -1
    const m = mine[c1] ?? 0
    if (m === 0) continue
    const from1 = start[c1] ?? 0
    const to1 = from1 + (degree[c1] ?? 0)
    for (let q = from1; q < to1; q++) {
      const mid = adj[q] ?? -1
      if (mid === g.me || g.archived[mid] === true || g.isMyContact(mid)) continue
      add(c1, mid, m * (chances[q] ?? 0) * fat(mid))
    }
  }
  if (colleagues) colleagueHalves(g, mine, keep, fat, out, add)
  return out
}

/** The colleague steps of `leftHalves`, an organisation at a time. */
function colleagueHalves(
  g: PathGraph,
  mine: Float64Array,
  keep: number,
  fat: (i: number) => number,
  out: Map<number, LeftHalf[]>,
  add: (c1: number, mid: number, value: number) => void,
): void {
  for (const [org, contacts] of g.myContactsByOrg()) {
    const cap = g.colleagueCap(org)
    const mineThere = contacts.filter((c) => (mine[c] ?? 0) > 0).sort((a, b) => (mine[b] ?? 0) - (mine[a] ?? 0))
    if (mineThere.length === 0 || cap === 0) continue
    for (const mid of g.orgMembers[org] ?? []) {
      if (mid === g.me || g.archived[mid] === true || g.isMyContact(mid)) continue
      const f = fat(mid)
      for (const c1 of mineThere) {
        const m = mine[c1] ?? 0
        const list = out.get(mid)
        const kth = list !== undefined && list.length >= keep ? (list[keep - 1]?.value ?? -1) : -1
        // Contacts come best first: once the bound is under the list's last, so is every later one's.
        if (m * cap * f < kth) break
        if (list?.some((half) => half.first === c1) === true) continue
        const pc = g.colleague(c1, mid)
        if (pc !== 0) add(c1, mid, m * pc * f)
      }
    }
  }
}

/** The middle nodes that have halves, by organisation, with the best half there (to skip what cannot matter). */
export function halvesByOrg(g: PathGraph, left: Map<number, LeftHalf[]>): Map<number, { mids: number[]; best: number }> {
  const out = new Map<number, { mids: number[]; best: number }>()
  for (const [mid, halves] of left) {
    const best = halves[0]?.value ?? 0
    for (const org of new Set(g.memOrg[mid] ?? [])) {
      const at = out.get(org)
      if (at === undefined) out.set(org, { mids: [mid], best })
      else {
        at.mids.push(mid)
        if (best > at.best) at.best = best
      }
    }
  }
  return out
}
