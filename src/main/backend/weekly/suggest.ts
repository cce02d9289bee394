import type { Factor } from '../../../shared/types'
import { STRENGTH_WORDS, type Strength } from '../../../shared/vocab'
import type { PathGraph } from '../paths/graph'

export const SUGGESTION_DEFAULTS = {
  /** my ties to both must be at least this strong */
  minStrength: 2,
  eps: 0.05,
  bridge: 1.3,
  owed: 1.2,
  /** resource-allocation index at or above which "do they already know each other?" replaces the suggestion */
  knownIndex: 0.5,
  limit: 10,
}

export interface Labels {
  needs: Map<number, Map<string, string>>
  offers: Map<number, Map<string, string>>
}

export interface Candidate {
  a: number
  b: number
  score: number
  reasons: Factor[]
}

export interface SuggestResult {
  suggestions: Candidate[]
  maybeKnown: { a: number; b: number; shared: number; index: number }[]
}

const pairKey = (a: number, b: number): number => (a < b ? a * 2 ** 26 + b : b * 2 ** 26 + a)

const list = (items: string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`)

/**
 * Introductions I could make (shared/design/scoring.md): pairs of people I
 * know, not known to know each other, where a need of one matches an offer
 * of the other. score = mutual x credibility x bridge x owed. `excluded`
 * holds pairs in their cooldown or dismissed (by person id pair key).
 */
export function suggest(g: PathGraph, labels: Labels, excluded: Set<number>, options = SUGGESTION_DEFAULTS): SuggestResult {
  const me = g.me
  if (me < 0) return { suggestions: [], maybeKnown: [] }
  const eligible: number[] = []
  const strengthToMe = new Map<number, number>()
  const mine = g.nbr[me] ?? []
  for (let k = 0; k < mine.length; k++) {
    const i = mine[k] ?? -1
    const e = g.edgeBetween(me, i)
    if (e === undefined || g.archived[i] === true || e.strength < options.minStrength) continue
    eligible.push(i)
    strengthToMe.set(i, e.strength)
  }
  const idOf = (i: number): number => g.ids[i] ?? -1
  const offerIndex = new Map<string, number[]>()
  for (const i of eligible) {
    for (const label of labels.offers.get(idOf(i))?.keys() ?? []) {
      const holders = offerIndex.get(label)
      if (holders === undefined) offerIndex.set(label, [i])
      else holders.push(i)
    }
  }
  const seen = new Set<number>()
  const pairs: [number, number][] = []
  for (const a of eligible) {
    for (const label of labels.needs.get(idOf(a))?.keys() ?? []) {
      for (const b of offerIndex.get(label) ?? []) {
        if (b === a) continue
        const key = pairKey(a, b)
        if (seen.has(key)) continue
        seen.add(key)
        pairs.push(a < b ? [a, b] : [b, a])
      }
    }
  }

  const marks = new Uint8Array(g.ids.length)
  const candidates: Candidate[] = []
  const maybeKnown: SuggestResult['maybeKnown'] = []
  const share = (x: number, y: number): { shared: number; index: number } => {
    for (const z of g.nbr[x] ?? []) marks[z] = 1
    let shared = 0
    let index = 0
    for (const z of g.nbr[y] ?? []) {
      if (marks[z] !== 1 || z === me || g.archived[z] === true) continue
      shared++
      index += 1 / Math.max(1, g.nbr[z]?.length ?? 1)
    }
    for (const z of g.nbr[x] ?? []) marks[z] = 0
    return { shared, index }
  }
  const matched = (needer: number, offerer: number): string[] => {
    const needs = labels.needs.get(idOf(needer))
    const offers = labels.offers.get(idOf(offerer))
    if (needs === undefined || offers === undefined) return []
    return [...needs.entries()].filter(([key]) => offers.has(key)).map(([, label]) => label)
  }

  for (const [a, b] of pairs) {
    if (g.edgeBetween(a, b) !== undefined || excluded.has(pairKey(idOf(a), idOf(b)))) continue
    const { shared, index } = share(a, b)
    if (index >= options.knownIndex) {
      maybeKnown.push({ a, b, shared, index })
      continue
    }
    const aNeeds = labels.needs.get(idOf(a))?.size ?? 0
    const bNeeds = labels.needs.get(idOf(b))?.size ?? 0
    const forA = matched(a, b)
    const forB = matched(b, a)
    const mAB = aNeeds === 0 ? 0 : forA.length / aNeeds
    const mBA = bNeeds === 0 ? 0 : forB.length / bNeeds
    const mutual = 2 / (1 / (mAB + options.eps) + 1 / (mBA + options.eps))
    const credibility = Math.sqrt(g.p(me, a) * g.p(me, b))
    const bridge = index === 0 ? options.bridge : 1
    const owes = [a, b].filter((i) => (g.balance[i] ?? 0) < 0)
    const owed = owes.length > 0 ? options.owed : 1
    const name = (i: number): string => g.names[i] ?? ''
    const gains = [
      forA.length > 0 ? `${name(a)} is looking for ${list(forA)}, which ${name(b)} offers` : `${name(a)} gains nothing listed from ${name(b)}`,
      forB.length > 0 ? `${name(b)} is looking for ${list(forB)}, which ${name(a)} offers` : `${name(b)} gains nothing listed from ${name(a)}`,
    ]
    const reasons: Factor[] = [
      { label: `${gains.join('; ')} (both must gain)`, value: mutual },
      {
        label: `You know both: ${name(a)} ${STRENGTH_WORDS[(strengthToMe.get(a) ?? 2) as Strength].toLowerCase()}, ${name(b)} ${STRENGTH_WORDS[(strengthToMe.get(b) ?? 2) as Strength].toLowerCase()}`,
        value: credibility,
      },
    ]
    if (bridge !== 1) reasons.push({ label: 'They share nobody you know of: a new bridge', value: bridge })
    if (owed !== 1) reasons.push({ label: `You owe ${list(owes.map(name))}: a way to give back`, value: owed })
    candidates.push({ a, b, score: mutual * credibility * bridge * owed, reasons })
  }

  const byName = (x: Candidate | { a: number; b: number }, y: Candidate | { a: number; b: number }): number => {
    const nx = `${g.names[x.a] ?? ''}|${g.names[x.b] ?? ''}`
    const ny = `${g.names[y.a] ?? ''}|${g.names[y.b] ?? ''}`
    return nx < ny ? -1 : nx > ny ? 1 : x.a - y.a || x.b - y.b
  }
  candidates.sort((x, y) => y.score - x.score || byName(x, y))
  // Each person at most once: greedy by score.
  const used = new Set<number>()
  const suggestions: Candidate[] = []
  for (const c of candidates) {
    if (suggestions.length >= options.limit) break
    if (used.has(c.a) || used.has(c.b)) continue
    used.add(c.a)
    used.add(c.b)
    suggestions.push(c)
  }
  maybeKnown.sort((x, y) => y.index - x.index || byName(x, y))
  const askedAbout = new Set<number>()
  return {
    suggestions,
    maybeKnown: maybeKnown.filter((m) => {
      if (askedAbout.has(m.a) || askedAbout.has(m.b)) return false
      askedAbout.add(m.a)
      askedAbout.add(m.b)
      return true
    }).slice(0, 5),
  }
}
