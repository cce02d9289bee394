import type { PathGraph } from './graph'
import type { LeftHalf } from './graph-core'

export type { LeftHalf } from './graph-core'

/** For each middle node m: the `keep` best values of me -> c1 -> m (c1's factor, p(c1, m), fatigue(m)), one per c1. */
export function leftHalves(g: PathGraph, mine: Float64Array, keep: number, fat: (i: number) => number, colleagues: boolean): Map<number, LeftHalf[]> {
  const out = new Map<number, LeftHalf[]>()
  const add = (c1: number, mid: number, value: number): void => {
    let list = out.get(mid)
    if (list === undefined) {
      list = []
      out.set(mid, list)
    }
    // Ranked as the final list breaks ties: by value, then the first connector's name.
    const worse = (a: LeftHalf): boolean =>
      a.value < value || (a.value === value && ((g.names[a.first] ?? '') > (g.names[c1] ?? '') || ((g.names[a.first] ?? '') === (g.names[c1] ?? '') && a.first > c1)))
    const last = list[list.length - 1]
    if (list.length >= keep && last !== undefined && !worse(last)) return
    let at = list.length
    for (let before = list[at - 1]; before !== undefined && worse(before); before = list[at - 1]) at--
    list.splice(at, 0, { value, first: c1 })
    if (list.length > keep) list.pop()
  }
  const seen = new Int32Array(g.ids.length)
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
    if (!colleagues) continue
    for (const org of g.memOrg[c1] ?? []) {
      for (const mid of g.orgMembers[org] ?? []) {
        if (mid === g.me || mid === c1 || seen[mid] === c1 + 1 || g.isMyContact(mid)) continue
        seen[mid] = c1 + 1
        const pc = g.colleague(c1, mid)
        if (pc !== 0) add(c1, mid, m * pc * fat(mid))
      }
    }
  }
  return out
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
