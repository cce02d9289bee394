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
  // My ties, read once: p(me, x) and strength, by node.
  const strengthToMe = new Map<number, number>()
  const chanceToMe = new Float64Array(g.ids.length)
  const mine = g.nbr[me] ?? []
  for (let k = 0; k < mine.length; k++) {
    const i = mine[k] ?? -1
    const strength = (g.edge[me]?.[k] ?? 0) & 7
    if (g.archived[i] === true || strength < options.minStrength) continue
    eligible.push(i)
    strengthToMe.set(i, strength)
    chanceToMe[i] = g.prob[me]?.[k] ?? 0
  }
  const idOf = (i: number): number => g.ids[i] ?? -1
  const name = (i: number): string => g.names[i] ?? ''

  // Labels as small integers; each person's offers as a bitset, needs as a list.
  const labelIds = new Map<string, number>()
  const intern = (key: string): number => {
    let k = labelIds.get(key)
    if (k === undefined) {
      k = labelIds.size
      labelIds.set(key, k)
    }
    return k
  }
  const needList = new Map<number, number[]>()
  const offerList = new Map<number, number[]>()
  for (const i of eligible) {
    const needs = labels.needs.get(idOf(i))
    if (needs !== undefined && needs.size > 0) needList.set(i, [...needs.keys()].map(intern))
    const offers = labels.offers.get(idOf(i))
    if (offers !== undefined && offers.size > 0) offerList.set(i, [...offers.keys()].map(intern))
  }
  const words = Math.max(1, Math.ceil(labelIds.size / 32))
  const offerBits = new Uint32Array(g.ids.length * words)
  const offerIndex: number[][] = Array.from({ length: labelIds.size }, () => [])
  for (const [i, offers] of offerList) {
    for (const k of offers) {
      offerBits[i * words + (k >>> 5)] = (offerBits[i * words + (k >>> 5)] ?? 0) | (1 << (k & 31))
      offerIndex[k]?.push(i)
    }
  }
  const matches = (needer: number, offerer: number): number => {
    let n = 0
    for (const k of needList.get(needer) ?? []) if (((offerBits[offerer * words + (k >>> 5)] ?? 0) & (1 << (k & 31))) !== 0) n++
    return n
  }
  const matched = (needer: number, offerer: number): string[] => {
    const needs = labels.needs.get(idOf(needer))
    const offers = labels.offers.get(idOf(offerer))
    if (needs === undefined || offers === undefined) return []
    const out: string[] = []
    for (const [key, label] of needs) if (offers.has(key)) out.push(label)
    return out
  }

  /** marks[z] === x + 1 when z is a neighbour of x (set once per x, never cleared) */
  const marks = new Int32Array(g.ids.length)
  const markNeighbours = (x: number): void => {
    for (const z of g.nbr[x] ?? []) marks[z] = x + 1
  }
  let sharedCount = 0
  /** The resource-allocation index of x and y (sum 1/degree over people both know, not me); x must be marked. Sets sharedCount. */
  const raIndex = (x: number, y: number): number => {
    sharedCount = 0
    let index = 0
    for (const z of g.nbr[y] ?? []) {
      if (marks[z] !== x + 1 || z === me || g.archived[z] === true) continue
      sharedCount++
      index += 1 / Math.max(1, g.nbr[z]?.length ?? 1)
    }
    return index
  }
  const mutualOf = (a: number, b: number): number => {
    const aNeeds = needList.get(a)?.length ?? 0
    const bNeeds = needList.get(b)?.length ?? 0
    const mAB = aNeeds === 0 ? 0 : matches(a, b) / aNeeds
    const mBA = bNeeds === 0 ? 0 : matches(b, a) / bNeeds
    return 2 / (1 / (mAB + options.eps) + 1 / (mBA + options.eps))
  }
  const credibilityOf = (a: number, b: number): number => Math.sqrt((chanceToMe[a] ?? 0) * (chanceToMe[b] ?? 0))
  const bridgeOf = (index: number): number => (index === 0 ? options.bridge : 1)
  const owedOf = (a: number, b: number): number => ((g.balance[a] ?? 0) < 0 || (g.balance[b] ?? 0) < 0 ? options.owed : 1)

  // Candidates in flat arrays: nothing allocated per pair.
  const candA: number[] = []
  const candB: number[] = []
  const candScore: number[] = []
  const candIndex: number[] = []
  const maybeKnown: SuggestResult['maybeKnown'] = []
  const stamp = new Int32Array(g.ids.length)
  for (const [a, needs] of needList) {
    markNeighbours(a)
    for (const k of needs) {
      for (const b of offerIndex[k] ?? []) {
        if (b === a || stamp[b] === a + 1) continue
        stamp[b] = a + 1
        // Each pair once: from the lower node when both need something of the other.
        if (b < a && matches(b, a) > 0) continue
        if (marks[b] === a + 1 || excluded.has(pairKey(idOf(a), idOf(b)))) continue
        const index = raIndex(a, b)
        if (index >= options.knownIndex) {
          maybeKnown.push({ a: Math.min(a, b), b: Math.max(a, b), shared: sharedCount, index })
          continue
        }
        candA.push(Math.min(a, b))
        candB.push(Math.max(a, b))
        candScore.push(mutualOf(a, b) * credibilityOf(a, b) * bridgeOf(index) * owedOf(a, b))
        candIndex.push(index)
      }
    }
  }

  // Ties break by the two names, ranked once (no strings built while sorting).
  const nameRank = new Int32Array(g.ids.length)
  ;[...eligible].sort((x, y) => (name(x) < name(y) ? -1 : name(x) > name(y) ? 1 : x - y)).forEach((node, rank) => {
    nameRank[node] = rank
  })
  const pairOrder = (xa: number, xb: number, ya: number, yb: number): number => {
    const xl = Math.min(nameRank[xa] ?? 0, nameRank[xb] ?? 0)
    const yl = Math.min(nameRank[ya] ?? 0, nameRank[yb] ?? 0)
    if (xl !== yl) return xl - yl
    return Math.max(nameRank[xa] ?? 0, nameRank[xb] ?? 0) - Math.max(nameRank[ya] ?? 0, nameRank[yb] ?? 0)
  }
  const compare = (x: number, y: number): number =>
    (candScore[y] ?? 0) - (candScore[x] ?? 0) || pairOrder(candA[x] ?? 0, candB[x] ?? 0, candA[y] ?? 0, candB[y] ?? 0)
  /**
   * The candidates in rank order, as far as the greedy pick needs: first
   * those at or above the score of the TOP-th best (ties included), all of
   * them only if that is not enough.
   */
  const TOP = 500
  const ranked = (all: boolean): number[] => {
    let threshold = -Infinity
    if (!all && candScore.length > TOP) {
      const sorted = Float64Array.from(candScore).sort()
      threshold = sorted[sorted.length - TOP] ?? -Infinity
    }
    const picked: number[] = []
    for (let k = 0; k < candScore.length; k++) if ((candScore[k] ?? 0) >= threshold) picked.push(k)
    return picked.sort(compare)
  }
  let order = ranked(false)

  /** Reasons are written only for the suggestions that make the list. */
  const explain = (a: number, b: number, index: number): Candidate => {
    const [mutual, credibility, bridge, owed] = [mutualOf(a, b), credibilityOf(a, b), bridgeOf(index), owedOf(a, b)]
    const forA = matched(a, b)
    const forB = matched(b, a)
    const gains = [
      forA.length > 0 ? `${name(a)} is looking for ${list(forA)}, which ${name(b)} offers` : `${name(a)} gains nothing listed from ${name(b)}`,
      forB.length > 0 ? `${name(b)} is looking for ${list(forB)}, which ${name(a)} offers` : `${name(b)} gains nothing listed from ${name(a)}`,
    ]
    const word = (i: number): string => STRENGTH_WORDS[(strengthToMe.get(i) ?? 2) as Strength].toLowerCase()
    const reasons: Factor[] = [
      { label: `${gains.join('; ')} (both must gain)`, value: mutual },
      { label: `You know both: ${name(a)} ${word(a)}, ${name(b)} ${word(b)}`, value: credibility },
    ]
    if (bridge !== 1) reasons.push({ label: 'They share nobody you know of: a new bridge', value: bridge })
    const owes = [a, b].filter((i) => (g.balance[i] ?? 0) < 0)
    if (owed !== 1) reasons.push({ label: `You owe ${list(owes.map(name))}: a way to give back`, value: owed })
    return { a, b, score: mutual * credibility * bridge * owed, reasons }
  }

  // Each person at most once: greedy by score.
  const pick = (): Candidate[] => {
    const used = new Set<number>()
    const chosen: Candidate[] = []
    for (const k of order) {
      if (chosen.length >= options.limit) break
      const [a, b] = [candA[k] ?? -1, candB[k] ?? -1]
      if (used.has(a) || used.has(b)) continue
      used.add(a)
      used.add(b)
      chosen.push(explain(a, b, candIndex[k] ?? 0))
    }
    return chosen
  }
  let suggestions = pick()
  if (suggestions.length < options.limit && order.length < candScore.length) {
    order = ranked(true)
    suggestions = pick()
  }
  maybeKnown.sort((x, y) => y.index - x.index || pairOrder(x.a, x.b, y.a, y.b))
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
