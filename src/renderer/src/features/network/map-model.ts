/**
 * What the network map computes without drawing: where people start before
 * the layout runs, how groups get colours, the summary a screen reader
 * hears, and the search. Plain functions on the packed `network.map`
 * answer, so they are tested without a browser.
 */
import type { NetworkMap } from '../../../../shared/types'

/** Colours for the largest groups (Mantine's palette at shade 6), then one for everyone else. */
export const PALETTE = ['#228be6', '#fa5252', '#40c057', '#fab005', '#be4bdb', '#15aabf', '#fd7e14', '#7950f2', '#e64980', '#82c91e', '#12b886']
export const OTHERS_COLOUR = '#adb5bd'
/** Me: near-black on a light page, near-white on a dark one. */
export const ME_COLOUR = { light: '#212529', dark: '#f1f3f5' } as const

/**
 * How many steps the force layout takes: fewer for large networks, where a
 * step costs more (measured: about 0.1 s at 5,000 people, 0.8 s at 50,000)
 * and the seeded picture already reads.
 */
export function layoutIterations(people: number): number {
  if (people <= 2_000) return 300
  if (people <= 10_000) return 100
  return 30
}

/**
 * The ties the page asks for, strongest first: five per person shown, at
 * most 60,000. Each tie costs time when the map is redrawn as it settles
 * and when sigma processes the graph (measured: most of the page's own work
 * on a 5,000-person map), and beyond a few per person they only grey it out.
 */
export function edgeBudget(maxPeople: number): number {
  return Math.min(60_000, maxPeople * 5)
}

/**
 * How many people the page asks for, one widening at a time: the closest
 * 5,000 draw and arrange smoothly; more on request, up to everyone.
 */
export const PEOPLE_STEPS = [5_000, 20_000, 1_000_000] as const

/** Above this many people or ties, labels show only when zoomed in and edges hide while the map moves. */
export const LARGE_MAP = 2_000
/** At most this many people, everyone's name shows and the map keeps wide margins so names are not cut off. */
export const SMALL_MAP = 200
export const MANY_TIES = 20_000

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** What a cut map says about itself, and the next, wider step (null when the map shows everyone who matched). */
export function describeScope(map: NetworkMap, maxPeople: number, filtered: boolean): { text: string; widenTo: number | null; widenLabel: string } | null {
  const shown = map.ids.length
  if (map.peopleMatched <= shown) return null
  const of = filtered ? `${count(map.peopleMatched, 'person', 'people')} who match the filters` : count(map.peopleMatched, 'person', 'people')
  const next = PEOPLE_STEPS.find((step) => step > maxPeople) ?? null
  return {
    text: `Showing the ${shown.toLocaleString('en')} closest to you and best connected of ${of}.`,
    widenTo: next,
    widenLabel: next === null || next >= map.peopleMatched ? `Show all ${map.peopleMatched.toLocaleString('en')}` : `Show up to ${next.toLocaleString('en')}`,
  }
}

/**
 * Starting positions, so the map shows at once: me at the centre, the
 * people I know on rings by strength (closest innermost), everyone else on
 * an outer band, grouped by `group` so a colour starts in one place.
 * `turn` (a fraction of a full circle) turns each ring by a different
 * amount, so arranging again from it settles into another picture.
 */
export function seedPositions(map: NetworkMap, group: ArrayLike<number>, turn = 0): Float32Array {
  const n = map.ids.length
  const xy = new Float32Array(n * 2)
  const outer: number[] = []
  const rings: number[][] = [[], [], [], [], [], []]
  for (let i = 0; i < n; i++) {
    if (i === map.me) continue
    const strength = map.mine[i] ?? 0
    if (strength > 0) rings[strength]?.push(i)
    else outer.push(i)
  }
  const place = (list: number[], radius: number, spread: number): void => {
    list.sort((a, b) => (group[a] ?? -1) - (group[b] ?? -1) || a - b)
    const offset = 2 * Math.PI * turn * (1 + radius / 10)
    list.forEach((i, k) => {
      const angle = offset + (2 * Math.PI * k) / Math.max(1, list.length)
      // A little jitter by index keeps a crowded ring from being one line.
      const r = radius + spread * (((i * 2654435761) % 1000) / 1000)
      xy[i * 2] = Math.cos(angle) * r
      xy[i * 2 + 1] = Math.sin(angle) * r
    })
  }
  for (let s = 5; s >= 1; s--) place(rings[s] ?? [], 10 + (5 - s) * 8, 4)
  place(outer, 60, 30 + Math.sqrt(outer.length))
  return xy
}

export interface Legend {
  /** per person, its colour */
  colours: string[]
  /** what each colour means, largest group first */
  entries: { colour: string; label: string; people: number }[]
}

/**
 * Colours the largest groups (organisations or clusters), one colour for
 * the rest and one for me. `group` is -1 for a person in no group.
 */
export function colourGroups(map: NetworkMap, group: ArrayLike<number>, nameOf: (g: number) => string, meColour: string = ME_COLOUR.light): Legend {
  const sizes = new Map<number, number>()
  for (let i = 0; i < map.ids.length; i++) {
    const g = group[i] ?? -1
    if (i !== map.me && g >= 0) sizes.set(g, (sizes.get(g) ?? 0) + 1)
  }
  const ranked = [...sizes].filter(([, size]) => size > 1).sort((a, b) => b[1] - a[1] || a[0] - b[0])
  const colourOf = new Map<number, string>()
  const entries: Legend['entries'] = []
  ranked.slice(0, PALETTE.length).forEach(([g, size], k) => {
    const colour = PALETTE[k] ?? OTHERS_COLOUR
    colourOf.set(g, colour)
    entries.push({ colour, label: nameOf(g), people: size })
  })
  const colours = map.ids.map((_, i) => (i === map.me ? meColour : (colourOf.get(group[i] ?? -1) ?? OTHERS_COLOUR)))
  const rest = map.ids.length - (map.me >= 0 ? 1 : 0) - entries.reduce((sum, e) => sum + e.people, 0)
  if (rest > 0) entries.push({ colour: OTHERS_COLOUR, label: 'Everyone else', people: rest })
  if (map.me >= 0) entries.unshift({ colour: meColour, label: 'You', people: 1 })
  return { colours, entries }
}

/**
 * Names for clusters, each distinct: the organisation at least half of a
 * cluster works at (unless everyone on the map works there); else "you" when I am its centre (tied to at least twice
 * as many of it as anyone else in it is); else its best-connected member
 * who is not me (counting ties inside the cluster). Clusters that would
 * share a name add their best-connected member, and any still alike a
 * number, largest first.
 */
export function nameClusters(map: NetworkMap, cluster: ArrayLike<number>): Map<number, string> {
  const clusterOf = (i: number): number => cluster[i] ?? -1
  // Ties inside each cluster: per person (mine left out), and mine.
  const degree = new Uint32Array(map.ids.length)
  const myTies = new Map<number, number>()
  for (let k = 0; k < map.edges.length; k += 3) {
    const a = map.edges[k] ?? 0
    const b = map.edges[k + 1] ?? 0
    const c = clusterOf(a)
    if (c < 0 || c !== clusterOf(b)) continue
    if (a === map.me || b === map.me) myTies.set(c, (myTies.get(c) ?? 0) + 1)
    else {
      degree[a] = (degree[a] ?? 0) + 1
      degree[b] = (degree[b] ?? 0) + 1
    }
  }
  const orgCount = new Map<number, Map<number, number>>()
  const hub = new Map<number, number>()
  const size = new Map<number, number>()
  for (let i = 0; i < map.ids.length; i++) {
    const c = clusterOf(i)
    if (c < 0 || i === map.me) continue
    size.set(c, (size.get(c) ?? 0) + 1)
    const org = map.organisation[i] ?? -1
    if (org >= 0) {
      const counts = orgCount.get(c) ?? new Map<number, number>()
      counts.set(org, (counts.get(org) ?? 0) + 1)
      orgCount.set(c, counts)
    }
    const best = hub.get(c)
    if (best === undefined || (degree[i] ?? 0) > (degree[best] ?? 0)) hub.set(c, i)
  }
  // An organisation everyone on the map is at (the map filtered to it, say) tells no cluster apart.
  const onMap = new Map<number, number>()
  let placed = 0
  for (let i = 0; i < map.ids.length; i++) {
    if (i === map.me || clusterOf(i) < 0) continue
    placed++
    const org = map.organisation[i] ?? -1
    if (org >= 0) onMap.set(org, (onMap.get(org) ?? 0) + 1)
  }
  const everyones = new Set([...onMap].filter(([, n]) => n === placed).map(([org]) => org))
  // Largest first, so the plainest name goes to the largest cluster.
  const order = [...size].sort((a, b) => b[1] - a[1] || a[0] - b[0])
  const hubName = (c: number): string => map.names[hub.get(c) ?? -1] ?? 'someone'
  const first = new Map<number, string>()
  const byOrganisation = new Set<number>()
  for (const [c, n] of order) {
    const top = [...(orgCount.get(c) ?? [])].filter(([org]) => !everyones.has(org)).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]
    const organisation = top === undefined || top[1] * 2 < n ? undefined : map.organisations[top[0]]?.name
    if (organisation !== undefined) {
      byOrganisation.add(c)
      first.set(c, `around ${organisation}`)
    } else if ((myTies.get(c) ?? 0) >= 2 * Math.max(1, degree[hub.get(c) ?? -1] ?? 0)) first.set(c, 'around you')
    else first.set(c, `around ${hubName(c)}`)
  }
  const uses = new Map<string, number>()
  for (const name of first.values()) uses.set(name, (uses.get(name) ?? 0) + 1)
  const second = new Map<number, string>()
  for (const [c] of order) {
    const name = first.get(c) ?? 'around someone'
    second.set(c, (uses.get(name) ?? 0) > 1 && byOrganisation.has(c) ? `${name} and ${hubName(c)}` : name)
  }
  const names = new Map<number, string>()
  const seen = new Map<string, number>()
  for (const [c] of order) {
    const name = second.get(c) ?? 'around someone'
    const k = (seen.get(name) ?? 0) + 1
    seen.set(name, k)
    names.set(c, k === 1 ? name : `${name} (${k})`)
  }
  return names
}

/** The map in one sentence or two, for everyone who cannot see it. */
export function summarise(map: NetworkMap, clusters: { count: number; largest: { label: string; people: number }[] } | null): string {
  const people = map.ids.length
  const ties = map.edges.length / 3
  const who = map.peopleMatched > people ? `${people.toLocaleString('en')} of ${count(map.peopleMatched, 'person', 'people')}` : count(people, 'person', 'people')
  let text = `${who} and ${count(ties, 'tie', 'ties')} on the map`
  if (map.edgesMatched > ties) text += ` (the ${ties.toLocaleString('en')} strongest of ${map.edgesMatched.toLocaleString('en')})`
  if (clusters === null) return `${text}; finding clusters…`
  text += ` in ${count(clusters.count, 'cluster', 'clusters')}`
  const largest = clusters.largest.slice(0, 3).map((c) => `${c.label} (${count(c.people, 'person', 'people')})`)
  return largest.length === 0 ? `${text}.` : `${text}; largest: ${largest.join(', ')}.`
}

/** People whose name contains every word typed, names starting with the first word first. */
export function findPeople(map: NetworkMap, query: string, limit: number): number[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '')
  if (words.length === 0) return []
  const starts: number[] = []
  const others: number[] = []
  for (let i = 0; i < map.names.length && starts.length < limit; i++) {
    const name = (map.names[i] ?? '').toLowerCase()
    if (!words.every((w) => name.includes(w))) continue
    if (name.startsWith(words[0] ?? '') || name.includes(` ${words[0] ?? ''}`)) starts.push(i)
    else if (others.length < limit) others.push(i)
  }
  return [...starts, ...others].slice(0, limit)
}
