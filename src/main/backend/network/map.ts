import type { Args } from '../../../shared/contract'
import type { NetworkMap } from '../../../shared/types'
import { KithError } from '../errors'
import { normalizeLabel } from '../people/records'
import type { BackendState } from '../state'

/**
 * Everyone (archived people left out) and their ties, for the network map.
 * A tag or an organisation keeps the people who have it, and me; a minimum
 * strength keeps the ties at least that strong and, above 1, only the
 * people left with one of them. When more people match than `maxPeople`,
 * the map keeps me, then the people I know (closest first), then the best
 * connected (by the summed strength of their ties), and says how many
 * matched. Ties between the people kept come my own first (all of them),
 * then strongest first, and stop at `maxEdges`: the map of a large network
 * draws its strongest ties rather than a sample of weak ones.
 */
export function networkMap(backend: BackendState, args: Args<'network.map'>): NetworkMap {
  // The path graph in memory holds every tie (and, loading, gives every company name its organisation).
  const graph = backend.paths()
  const { sqlite } = backend
  const orgNames = new Map<number, string>()
  for (const [orgId, name] of sqlite.prepare<[], [number, string]>('SELECT id, name FROM organisation').raw().iterate()) {
    orgNames.set(orgId, name)
  }
  if (args.organisationId !== null && !orgNames.has(args.organisationId)) {
    throw new KithError('not_found', `No organisation with id ${args.organisationId} for the network map; it may have been merged into another.`)
  }

  // Everyone, with the organisation their current company names.
  const people = sqlite
    .prepare<[], [number, string, number, number | null]>(
      `SELECT p.id, p.name, p.is_me, n.organisation_id
         FROM person p
         LEFT JOIN organisation_spelling s ON s.spelling = p.company
         LEFT JOIN organisation_name n ON n.name_norm = s.name_norm
        WHERE p.archived_at IS NULL
        ORDER BY p.id`,
    )
    .raw()
    .all()

  // Tags by their normal form, shown as first spelt.
  const tagIndex = new Map<string, number>()
  const tagNames: string[] = []
  const tagsOf = new Map<number, number[]>()
  for (const [personId, label] of sqlite
    .prepare<[], [number, string]>("SELECT l.person_id, l.label FROM person_label l JOIN person p ON p.id = l.person_id WHERE l.kind = 'tag' AND p.archived_at IS NULL ORDER BY l.person_id, l.position")
    .raw()
    .iterate()) {
    const norm = normalizeLabel(label)
    let t = tagIndex.get(norm)
    if (t === undefined) {
      t = tagNames.length
      tagIndex.set(norm, t)
      tagNames.push(label.trim())
    }
    const list = tagsOf.get(personId) ?? []
    if (!list.includes(t)) {
      list.push(t)
      tagsOf.set(personId, list)
    }
  }

  const wantedTag = args.tag === null ? null : (tagIndex.get(normalizeLabel(args.tag)) ?? -1)
  const hasWantedTag = (personId: number): boolean => wantedTag === null || (tagsOf.get(personId)?.includes(wantedTag) ?? false)
  const inWantedOrg = (orgId: number | null): boolean => args.organisationId === null || orgId === args.organisationId
  // The filters' counts each honour the other filter: a tag counts the people at the chosen organisation, and the reverse.
  const tagCounts = tagNames.map(() => 0)
  const orgCounts = new Map<number, number>()
  for (const [personId, , , orgId] of people) {
    if (inWantedOrg(orgId)) for (const t of tagsOf.get(personId) ?? []) tagCounts[t] = (tagCounts[t] ?? 0) + 1
    if (orgId !== null && hasWantedTag(personId)) orgCounts.set(orgId, (orgCounts.get(orgId) ?? 0) + 1)
  }

  const kept = people.filter(([personId, , isMe, orgId]) => isMe === 1 || (inWantedOrg(orgId) && hasWantedTag(personId)))
  const indexOf = new Map<number, number>()
  kept.forEach(([personId], i) => indexOf.set(personId, i))
  const meRow = kept.findIndex(([, , isMe]) => isMe === 1)

  // Ties from the graph in memory (each pair once, lower id first), bucketed by strength.
  const buckets: number[][] = [[], [], [], [], [], []]
  for (let gi = 0; gi < graph.ids.length; gi++) {
    const aId = graph.ids[gi] ?? 0
    const a = indexOf.get(aId)
    if (a === undefined) continue
    const from = graph.start[gi] ?? 0
    const to = from + (graph.degree[gi] ?? 0)
    for (let k = from; k < to; k++) {
      const bId = graph.ids[graph.adj[k] ?? 0] ?? 0
      if (bId <= aId) continue
      const strength = (graph.codes[k] ?? 0) & 7
      if (strength < args.minStrength) continue
      const b = indexOf.get(bId)
      if (b !== undefined) buckets[strength]?.push(a, b)
    }
  }
  // Per person: how many ties, their summed strength, and my tie's strength.
  const degree = new Uint32Array(kept.length)
  const weight = new Uint32Array(kept.length)
  const mineOf = new Uint8Array(kept.length)
  for (let strength = 5; strength >= args.minStrength; strength--) {
    const pairs = buckets[strength] ?? []
    for (let k = 0; k < pairs.length; k += 2) {
      const a = pairs[k] ?? 0
      const b = pairs[k + 1] ?? 0
      degree[a] = (degree[a] ?? 0) + 1
      degree[b] = (degree[b] ?? 0) + 1
      weight[a] = (weight[a] ?? 0) + strength
      weight[b] = (weight[b] ?? 0) + strength
      if (a === meRow) mineOf[b] = strength
      else if (b === meRow) mineOf[a] = strength
    }
  }

  // Above the weakest strength, people left without a tie step off the map (I stay).
  const dropLonely = args.minStrength > 1
  const matching: number[] = []
  for (let i = 0; i < kept.length; i++) if (i === meRow || !dropLonely || degree[i] !== 0) matching.push(i)
  // More than the map shows: me, then the people I know (closest first), then the best connected.
  const shown = new Uint8Array(kept.length)
  const ranked =
    matching.length <= args.maxPeople
      ? matching
      : [...matching]
          .sort((a, b) => Number(b === meRow) - Number(a === meRow) || (mineOf[b] ?? 0) - (mineOf[a] ?? 0) || (weight[b] ?? 0) - (weight[a] ?? 0) || a - b)
          .slice(0, args.maxPeople)
  for (const i of ranked) shown[i] = 1

  // Ties between the people shown: mine first (all of them), then strongest first.
  const mineEdges: number[] = []
  const otherEdges: number[] = []
  let matched = 0
  for (let strength = 5; strength >= args.minStrength; strength--) {
    const pairs = buckets[strength] ?? []
    for (let k = 0; k < pairs.length; k += 2) {
      const a = pairs[k] ?? 0
      const b = pairs[k + 1] ?? 0
      if (shown[a] !== 1 || shown[b] !== 1) continue
      matched++
      if (a === meRow || b === meRow) mineEdges.push(a, b, strength)
      else if (otherEdges.length < args.maxEdges * 3) otherEdges.push(a, b, strength)
    }
  }

  const finalIndex = new Int32Array(kept.length).fill(-1)
  const result: NetworkMap = {
    ids: [],
    names: [],
    organisation: [],
    personTags: [],
    mine: [],
    me: -1,
    edges: [],
    edgesMatched: matched,
    organisations: [],
    tags: tagNames.map((name, t) => ({ name, people: tagCounts[t] ?? 0 })),
    peopleTotal: people.length,
    peopleMatched: matching.length,
  }
  const orgSlot = new Map<number, number>()
  kept.forEach(([personId, name, isMe, orgId], i) => {
    if (shown[i] !== 1) return
    finalIndex[i] = result.ids.length
    if (isMe === 1) result.me = result.ids.length
    result.ids.push(personId)
    result.names.push(name)
    let slot = -1
    if (orgId !== null) {
      slot = orgSlot.get(orgId) ?? -1
      if (slot < 0) {
        slot = orgSlot.size
        orgSlot.set(orgId, slot)
      }
    }
    result.organisation.push(slot)
    result.personTags.push(tagsOf.get(personId) ?? [])
    result.mine.push(mineOf[i] ?? 0)
  })
  // Organisations in the order the people refer to them, then the others (for the filter).
  for (const [orgId] of orgSlot) result.organisations.push({ id: orgId, name: orgNames.get(orgId) ?? '', people: orgCounts.get(orgId) ?? 0 })
  for (const [orgId, count] of orgCounts) if (!orgSlot.has(orgId)) result.organisations.push({ id: orgId, name: orgNames.get(orgId) ?? '', people: count })
  // The chosen organisation stays in the list even when the chosen tag leaves nobody there.
  if (args.organisationId !== null && !orgSlot.has(args.organisationId) && !orgCounts.has(args.organisationId)) {
    result.organisations.push({ id: args.organisationId, name: orgNames.get(args.organisationId) ?? '', people: 0 })
  }

  const all = mineEdges.length / 3 + otherEdges.length / 3
  const limit = Math.min(all, Math.max(args.maxEdges, mineEdges.length / 3))
  for (let e = 0; e < limit; e++) {
    const source = e * 3 < mineEdges.length ? mineEdges : otherEdges
    const k = e * 3 < mineEdges.length ? e * 3 : e * 3 - mineEdges.length
    result.edges.push(finalIndex[source[k] ?? 0] ?? -1, finalIndex[source[k + 1] ?? 0] ?? -1, source[k + 2] ?? 0)
  }
  return result
}
