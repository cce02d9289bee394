import type { Factor } from '../../../shared/types'
import { DEFAULT_SUGGESTION_SETTINGS, type SuggestionSettings } from '../../../shared/suggestions'
import { strengthWord } from '../../../shared/vocab'
import type { PathGraph } from '../paths/graph'
import { describeGain, GainRules, type Traits } from './gains'

export const SUGGESTION_DEFAULTS = {
  /** my ties to both must be at least this strong */
  minStrength: 2,
  eps: 0.05,
  /** a shared interest, and a complementary role, each count as this much of a need met */
  interestWeight: 0.5,
  roleWeight: 0.5,
  bridge: 1.3,
  owed: 1.2,
  /** resource-allocation index at or above which "do they already know each other?" replaces the suggestion */
  knownIndex: 0.5,
  limit: 10,
}

export interface Labels {
  needs: Map<number, Map<string, string>>
  offers: Map<number, Map<string, string>>
  /** each person's tags and title, by person id (the people directory's entries fit) */
  people: { get(id: number): { tags: readonly string[]; title: string | null } | undefined }
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

/** Bits set in a 32-bit word. */
function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

/**
 * Introductions I could make (docs/suggestions.md): pairs of people I know,
 * not known to know each other, where EACH gains something from the other: a
 * need the other offers, a shared interest, or a complementary role.
 * score = mutual x credibility x bridge x owed. `excluded` holds pairs in
 * their cooldown or dismissed (by person id pair key).
 */
export function suggest(g: PathGraph, labels: Labels, excluded: Set<number>, settings: SuggestionSettings = DEFAULT_SUGGESTION_SETTINGS, options = SUGGESTION_DEFAULTS): SuggestResult {
  const me = g.me
  if (me < 0) return { suggestions: [], maybeKnown: [] }
  const n = g.ids.length
  const eligible: number[] = []
  // My ties, read once: p(me, x) and strength, by node.
  const strengthToMe = new Map<number, number>()
  const chanceToMe = new Float64Array(n)
  const { start, degree, adj } = g
  const myFrom = start[me] ?? 0
  const myTo = myFrom + (degree[me] ?? 0)
  for (let k = myFrom; k < myTo; k++) {
    const i = adj[k] ?? -1
    const strength = (g.codes[k] ?? 0) & 7
    if (g.archived[i] === true || strength < options.minStrength) continue
    eligible.push(i)
    strengthToMe.set(i, strength)
    chanceToMe[i] = g.chances[k] ?? 0
  }
  const idOf = (i: number): number => g.ids[i] ?? -1
  const name = (i: number): string => g.names[i] ?? ''

  // Needs and offers as small integers: each person's offers as a bitset, needs as a list.
  const labelIds = new Map<string, number>()
  const intern = (key: string): number => {
    let k = labelIds.get(key)
    if (k === undefined) {
      k = labelIds.size
      labelIds.set(key, k)
    }
    return k
  }
  const rules = new GainRules(settings)
  const needList: (number[] | undefined)[] = new Array<number[] | undefined>(n)
  const offerList: (number[] | undefined)[] = new Array<number[] | undefined>(n)
  const interestList: (number[] | undefined)[] = new Array<number[] | undefined>(n)
  const roleList: (number[] | undefined)[] = new Array<number[] | undefined>(n)
  const needCount = new Int32Array(n)
  const withTraits: number[] = []
  for (const i of eligible) {
    const id = idOf(i)
    const needs = labels.needs.get(id)
    if (needs !== undefined && needs.size > 0) {
      needList[i] = [...needs.keys()].map(intern)
      needCount[i] = needs.size
    }
    const offers = labels.offers.get(id)
    if (offers !== undefined && offers.size > 0) offerList[i] = [...offers.keys()].map(intern)
    const person = rules.interestCount + rules.roleCount > 0 ? labels.people.get(id) : undefined
    if (person !== undefined) {
      const interests = rules.interestsOf(person.tags)
      if (interests.length > 0) interestList[i] = interests
      const roles = rules.rolesOf(person.tags, person.title)
      if (roles.length > 0) roleList[i] = roles
    }
    if (needList[i] !== undefined || interestList[i] !== undefined || roleList[i] !== undefined) withTraits.push(i)
  }
  // Bitsets by node (offers, interests, roles, and the roles each person gains from), and who carries each.
  const words = Math.max(1, Math.ceil(labelIds.size / 32))
  const interestWords = Math.ceil(rules.interestCount / 32)
  const roleWords = Math.ceil(rules.roleCount / 32)
  const offerBits = new Uint32Array(n * words)
  const interestBits = new Uint32Array(n * interestWords)
  const roleBits = new Uint32Array(n * roleWords)
  const complementBits = new Uint32Array(n * roleWords)
  const offerIndex: number[][] = Array.from({ length: labelIds.size }, () => [])
  const interestIndex: number[][] = Array.from({ length: rules.interestCount }, () => [])
  const roleIndex: number[][] = Array.from({ length: rules.roleCount }, () => [])
  const setBit = (bits: Uint32Array, at: number, k: number): void => {
    bits[at + (k >>> 5)] = (bits[at + (k >>> 5)] ?? 0) | (1 << (k & 31))
  }
  for (const i of eligible) {
    for (const k of offerList[i] ?? []) {
      setBit(offerBits, i * words, k)
      offerIndex[k]?.push(i)
    }
    for (const k of interestList[i] ?? []) {
      setBit(interestBits, i * interestWords, k)
      interestIndex[k]?.push(i)
    }
    for (const r of roleList[i] ?? []) {
      setBit(roleBits, i * roleWords, r)
      roleIndex[r]?.push(i)
      for (const c of rules.complements[r] ?? []) setBit(complementBits, i * roleWords, c)
    }
  }
  /** A's gain from B in points: 1 a need met, interestWeight a shared interest, roleWeight a complementary role. */
  const gainPoints = (self: number, other: number): number => {
    let needs = 0
    for (const k of needList[self] ?? []) if (((offerBits[other * words + (k >>> 5)] ?? 0) & (1 << (k & 31))) !== 0) needs++
    let interests = 0
    for (let w = 0; w < interestWords; w++) interests += popcount((interestBits[self * interestWords + w] ?? 0) & (interestBits[other * interestWords + w] ?? 0))
    let roles = 0
    for (let w = 0; w < roleWords; w++) roles += popcount((complementBits[self * roleWords + w] ?? 0) & (roleBits[other * roleWords + w] ?? 0))
    return needs + options.interestWeight * interests + options.roleWeight * roles
  }
  /** m(A,B): A's gain from B for the needs A has, 0..1 (at least one need counted, so a gain without needs still counts). */
  const shareOf = (self: number, other: number): number => Math.min(1, gainPoints(self, other) / Math.max(1, needCount[self] ?? 0))

  /** marks[z] === x + 1 when z is a neighbour of x (set once per x, never cleared) */
  const marks = new Int32Array(n)
  const markNeighbours = (x: number): void => {
    const to = (start[x] ?? 0) + (degree[x] ?? 0)
    for (let k = start[x] ?? 0; k < to; k++) marks[adj[k] ?? 0] = x + 1
  }
  let sharedCount = 0
  /** The resource-allocation index of x and y (sum 1/degree over people both know, not me); x must be marked. Sets sharedCount. */
  const raIndex = (x: number, y: number): number => {
    sharedCount = 0
    let index = 0
    const to = (start[y] ?? 0) + (degree[y] ?? 0)
    for (let k = start[y] ?? 0; k < to; k++) {
      const z = adj[k] ?? 0
      if (marks[z] !== x + 1 || z === me || g.archived[z] === true) continue
      sharedCount++
      index += 1 / Math.max(1, degree[z] ?? 1)
    }
    return index
  }
  const mutualOf = (a: number, b: number): number => 2 / (1 / (shareOf(a, b) + options.eps) + 1 / (shareOf(b, a) + options.eps))
  const credibilityOf = (a: number, b: number): number => Math.sqrt((chanceToMe[a] ?? 0) * (chanceToMe[b] ?? 0))
  const bridgeOf = (index: number): number => (index === 0 ? options.bridge : 1)
  const owedOf = (a: number, b: number): number => ((g.balance[a] ?? 0) < 0 || (g.balance[b] ?? 0) < 0 ? options.owed : 1)

  // Candidates in flat arrays: nothing allocated per pair.
  const candA: number[] = []
  const candB: number[] = []
  const candScore: number[] = []
  const candIndex: number[] = []
  const maybeKnown: SuggestResult['maybeKnown'] = []
  const stamp = new Int32Array(n)
  /** the lists of people a gains from (by need, interest or role), reused for every a */
  const sources: number[][] = []
  for (const a of withTraits) {
    // Whoever a gains from, through the indexes: each a need a has, an interest a carries, a role complementing one of a's.
    sources.length = 0
    for (const k of needList[a] ?? []) sources.push(offerIndex[k] ?? [])
    for (const k of interestList[a] ?? []) sources.push(interestIndex[k] ?? [])
    for (const r of roleList[a] ?? []) for (const c of rules.complements[r] ?? []) sources.push(roleIndex[c] ?? [])
    let marked = false
    for (const source of sources) {
      for (const b of source) {
        // Each pair once, from its lower node: in a pair where both gain, the lower node finds the other.
        if (b <= a || stamp[b] === a + 1) continue
        stamp[b] = a + 1
        // a gains from b (found through a's lists); b must gain from a too.
        if (gainPoints(b, a) === 0) continue
        if (!marked) {
          markNeighbours(a)
          marked = true
        }
        if (marks[b] === a + 1 || excluded.has(pairKey(idOf(a), idOf(b)))) continue
        // Colleagues where few people work together most likely know each other already.
        const colleagues = g.colleagueTie(a, b)
        if (colleagues !== null && g.sizeFactor(colleagues.org) >= 0.5) continue
        const index = raIndex(a, b)
        if (index >= options.knownIndex) {
          maybeKnown.push({ a, b, shared: sharedCount, index })
          continue
        }
        candA.push(a)
        candB.push(b)
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
  const traitsOf = (i: number): Traits => ({
    needs: labels.needs.get(idOf(i)),
    offers: labels.offers.get(idOf(i)),
    interests: interestList[i] ?? [],
    roles: roleList[i] ?? [],
  })
  /**
   * Reasons are written only for the suggestions that make the list. The
   * harmonic mean of x = m(A,B) + eps and y = m(B,A) + eps is shown as three
   * factors, sqrt(x) x sqrt(y) x 2 sqrt(xy) / (x + y): each side's gain, and
   * how uneven they are.
   */
  const explain = (a: number, b: number, index: number): Candidate => {
    const [x, y] = [shareOf(a, b) + options.eps, shareOf(b, a) + options.eps]
    const [credibility, bridge, owed] = [credibilityOf(a, b), bridgeOf(index), owedOf(a, b)]
    const [ta, tb] = [traitsOf(a), traitsOf(b)]
    const reasons: Factor[] = [
      { label: `${name(a)} gains: ${describeGain(rules.gain(ta, tb), name(a), name(b), 'third')}`, value: Math.sqrt(x) },
      { label: `${name(b)} gains: ${describeGain(rules.gain(tb, ta), name(b), name(a), 'third')}`, value: Math.sqrt(y) },
    ]
    if (x !== y) {
      const [more, less] = x > y ? [a, b] : [b, a]
      reasons.push({ label: `Uneven: ${name(more)} gains more than ${name(less)}`, value: (2 * Math.sqrt(x * y)) / (x + y) })
    }
    const word = (i: number): string => strengthWord(strengthToMe.get(i) ?? 2).toLowerCase()
    reasons.push({ label: `You know both: ${name(a)} ${word(a)}, ${name(b)} ${word(b)}`, value: credibility })
    if (bridge !== 1) reasons.push({ label: 'They share nobody you know of: a new bridge', value: bridge })
    const owes = [a, b].filter((i) => (g.balance[i] ?? 0) < 0)
    if (owed !== 1) reasons.push({ label: `You owe ${list(owes.map(name))}: a way to give back`, value: owed })
    return { a, b, score: reasons.reduce((product, r) => product * r.value, 1), reasons }
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
