import type { PathGraph } from '../paths/graph'

/**
 * Everything the paths read of a graph, as plain data: nodes, relationships,
 * memberships and organisations. Organisations by their id: a graph numbers
 * them in the order it meets them, which a read a range of people at a time
 * changes (and nothing ranks by).
 */
export function graphSnapshot(g: PathGraph): unknown {
  const n = g.ids.length
  const org = (o: number): number => g.orgIds[o] ?? -1
  // Organisations nobody is at are left out: a graph kept current keeps one its last member left.
  const members = new Map(g.orgMembers.flatMap((list, o) => (list.length === 0 ? [] : [[org(o), [...list].sort((a, b) => a - b)] as const])))
  return {
    me: g.me,
    ids: [...g.ids],
    names: [...g.names],
    archived: Array.from({ length: n }, (_, i) => g.archived[i] === true),
    balance: Array.from({ length: n }, (_, i) => g.balance[i] ?? 0),
    neighbours: Array.from({ length: n }, (_, i) => [...g.neighbours(i)].sort((a, b) => a - b)),
    chances: Array.from({ length: n }, (_, i) => [...g.neighbours(i)].sort((a, b) => a - b).map((j) => g.p(i, j))),
    jobs: Array.from({ length: n }, (_, i) => ({ orgs: (g.memOrg[i] ?? []).map(org), starts: [...(g.memStart[i] ?? [])], ends: [...(g.memEnd[i] ?? [])] })),
    orgNames: new Map(g.orgNames.flatMap((name, o) => ((g.orgMembers[o]?.length ?? 0) === 0 ? [] : [[org(o), name] as const]))),
    members,
  }
}
