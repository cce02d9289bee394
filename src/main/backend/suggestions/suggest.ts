// Over 400 lines: the candidate search shares a dozen per-person arrays through one closure; split, each piece would take them all as parameters.
import type { Factor } from '../../../shared/types'
import { DEFAULT_SUGGESTION_SETTINGS } from '../../../shared/suggestions'
import { strengthWord } from '../../../shared/vocab'
import type { PathGraph } from '../paths/graph'
import { describeGain, GainRules, type Traits } from './gains'
import { firstAbove, kthLargest, popcount, RunningBar } from './numeric'
import type { Described, NodeTraits } from './traits'

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
  /** pass over pairs whose bound is under the running bar (the list is the same either way; off only to check that) */
  prune: true,
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

/** Where `suggest` reads what people need, offer and hold. */
export interface SuggestSources {
  /** the compact traits of the nodes marked eligible (see `readNodeTraits`) */
  traits: (eligible: Uint8Array) => NodeTraits
  /** these people in full, for the words of the few suggestions that make the list */
  describe: (personIds: readonly number[]) => Map<number, Described>
}

/**
 * Introductions I could make (docs/suggestions.md): pairs of people I know,
 * not known to know each other, where EACH gains something from the other: a
 * need the other offers, a shared interest, or a complementary role.
 * score = mutual x credibility x bridge x owed. `excluded` holds pairs in
 * their cooldown or dismissed (by person id pair key).
 */
export function suggest(g: PathGraph, sources: SuggestSources, excluded: ReadonlySet<number>, rules: GainRules = new GainRules(DEFAULT_SUGGESTION_SETTINGS), options = SUGGESTION_DEFAULTS): SuggestResult {
  const me = g.me
  if (me < 0) return { suggestions: [], maybeKnown: [] }
  const n = g.ids.length
  // My ties, read once: who may be paired, p(me, x) and strength, by node.
  const eligible = new Uint8Array(n)
  const strengthToMe = new Int8Array(n)
  const chanceToMe = new Float64Array(n)
  const { start, degree, adj } = g
  const myFrom = start[me] ?? 0
  const myTo = myFrom + (degree[me] ?? 0)
  for (let k = myFrom; k < myTo; k++) {
    const i = adj[k] ?? -1
    const strength = (g.codes[k] ?? 0) & 7
    if (g.archived[i] === true || strength < options.minStrength) continue
    eligible[i] = 1
    strengthToMe[i] = strength
    chanceToMe[i] = g.chances[k] ?? 0
  }
  const idOf = (i: number): number => g.ids[i] ?? -1
  const name = (i: number): string => g.names[i] ?? ''
  const { labelCount, needStart, needs, offerStart, offers, interestWords, interestBits, roleWords, roleBits, complementBits } = sources.traits(eligible)

  // Who carries each interest and holds each role, ascending by node.
  const interestIndex: number[][] = Array.from({ length: rules.interestCount }, () => [])
  const roleIndex: number[][] = Array.from({ length: rules.roleCount }, () => [])
  const addBits = (into: number[][], bits: Uint32Array, at: number, words: number, node: number): void => {
    for (let w = 0; w < words; w++) {
      let word = bits[at + w] ?? 0
      while (word !== 0) {
        const low = word & -word
        into[w * 32 + 31 - Math.clz32(low)]?.push(node)
        word ^= low
      }
    }
  }
  // Mutual needs by bucket: node a needing X and offering Y sits under X:Y; it meets those under Y:X.
  const buckets = new Map<number, number[]>()
  for (let i = 0; i < n; i++) {
    if (eligible[i] !== 1) continue
    addBits(interestIndex, interestBits, i * interestWords, interestWords, i)
    addBits(roleIndex, roleBits, i * roleWords, roleWords, i)
    for (let x = needStart[i] ?? 0; x < (needStart[i + 1] ?? 0); x++) {
      for (let y = offerStart[i] ?? 0; y < (offerStart[i + 1] ?? 0); y++) {
        const key = (needs[x] ?? 0) * labelCount + (offers[y] ?? 0)
        const bucket = buckets.get(key)
        if (bucket === undefined) buckets.set(key, [i])
        else bucket.push(i)
      }
    }
  }

  /** How many of self's needs other offers (both lists ascending). */
  const needsMet = (self: number, other: number): number => {
    let met = 0
    let x = needStart[self] ?? 0
    const xEnd = needStart[self + 1] ?? 0
    let y = offerStart[other] ?? 0
    const yEnd = offerStart[other + 1] ?? 0
    while (x < xEnd && y < yEnd) {
      const need = needs[x] ?? 0
      const offer = offers[y] ?? 0
      if (need === offer) met++
      if (need <= offer) x++
      if (offer <= need) y++
    }
    return met
  }
  /** A's gain from B in points: 1 a need met, interestWeight a shared interest, roleWeight a complementary role. */
  const gainPoints = (self: number, other: number): number => {
    const met = needsMet(self, other)
    let interests = 0
    for (let w = 0; w < interestWords; w++) interests += popcount((interestBits[self * interestWords + w] ?? 0) & (interestBits[other * interestWords + w] ?? 0))
    let roles = 0
    for (let w = 0; w < roleWords; w++) roles += popcount((complementBits[self * roleWords + w] ?? 0) & (roleBits[other * roleWords + w] ?? 0))
    return met + options.interestWeight * interests + options.roleWeight * roles
  }
  /** m(A,B): A's gain from B for the needs A has, 0..1 (at least one need counted, so a gain without needs still counts). */
  const shareOf = (self: number, other: number): number => Math.min(1, gainPoints(self, other) / Math.max(1, (needStart[self + 1] ?? 0) - (needStart[self] ?? 0)))

  /** marks[z] === x + 1 when z is a neighbour of x (set once per x, never cleared) */
  const marks = new Int32Array(n)
  const markNeighbours = (x: number): void => {
    const to = (start[x] ?? 0) + (degree[x] ?? 0)
    for (let k = start[x] ?? 0; k < to; k++) marks[adj[k] ?? 0] = x + 1
  }
  /** people who may share someone with me, not archived: the only ones the resource-allocation index counts */
  const counted = new Uint8Array(n)
  for (let z = 0; z < n; z++) counted[z] = z === me || g.archived[z] === true ? 0 : 1
  /**
   * near[y] === x + 1 when x and y share someone, and nearSum[y] their index
   * summed in another order (set for an x with many candidates: past
   * everyone x knows, once, instead of past each candidate's people); for
   * the others, every pair is looked at.
   */
  const near = new Int32Array(n)
  const nearSum = new Float64Array(n)
  const markNear = (x: number): void => {
    const to = (start[x] ?? 0) + (degree[x] ?? 0)
    for (let k = start[x] ?? 0; k < to; k++) {
      const z = adj[k] ?? 0
      if (counted[z] !== 1) continue
      const share = 1 / Math.max(1, degree[z] ?? 1)
      const zTo = (start[z] ?? 0) + (degree[z] ?? 0)
      for (let j = start[z] ?? 0; j < zTo; j++) {
        const y = adj[j] ?? 0
        if (near[y] === x + 1) nearSum[y] = (nearSum[y] ?? 0) + share
        else {
          near[y] = x + 1
          nearSum[y] = share
        }
      }
    }
  }
  /** summed in another order, an index this far under the threshold is surely under it */
  const nearlyKnown = options.knownIndex * (1 - 1e-9)
  let sharedCount = 0
  /** The resource-allocation index of x and y (sum 1/degree over people both know, not me); x must be marked. Sets sharedCount. */
  const raIndex = (x: number, y: number): number => {
    sharedCount = 0
    let index = 0
    const to = (start[y] ?? 0) + (degree[y] ?? 0)
    for (let k = start[y] ?? 0; k < to; k++) {
      const z = adj[k] ?? 0
      if (marks[z] !== x + 1 || counted[z] !== 1) continue
      sharedCount++
      index += 1 / Math.max(1, degree[z] ?? 1)
    }
    return index
  }
  /** whether a node is in an organisation (only then can it have a colleague tie) */
  const inOrg = new Uint8Array(n)
  for (let i = 0; i < n; i++) inOrg[i] = (g.memOrg[i]?.length ?? 0) > 0 ? 1 : 0
  const mutualOf = (a: number, b: number): number => 2 / (1 / (shareOf(a, b) + options.eps) + 1 / (shareOf(b, a) + options.eps))
  const credibilityOf = (a: number, b: number): number => Math.sqrt((chanceToMe[a] ?? 0) * (chanceToMe[b] ?? 0))
  const bridgeOf = (index: number): number => (index === 0 ? options.bridge : 1)
  const owedOf = (a: number, b: number): number => ((g.balance[a] ?? 0) < 0 || (g.balance[b] ?? 0) < 0 ? options.owed : 1)

  /**
   * reach[i]: the most person i can bring to any pair's score, so that
   * score(a, b) <= reach[a] x reach[b] x bridge x owed. The harmonic mean is
   * at most the geometric one, sqrt(x y), and x is at most i's share were
   * all their needs met and every interest and complementary role of theirs
   * shared, so mutual x credibility <= sqrt(x p(me,a)) x sqrt(y p(me,b)).
   */
  const reach = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    if (eligible[i] !== 1) continue
    let interests = 0
    for (let w = 0; w < interestWords; w++) interests += popcount(interestBits[i * interestWords + w] ?? 0)
    let complements = 0
    for (let w = 0; w < roleWords; w++) complements += popcount(complementBits[i * roleWords + w] ?? 0)
    const count = (needStart[i + 1] ?? 0) - (needStart[i] ?? 0)
    const most = Math.min(1, (count + options.interestWeight * interests + options.roleWeight * complements) / Math.max(1, count))
    reach[i] = Math.sqrt((most + options.eps) * (chanceToMe[i] ?? 0))
  }
  /** a bound times this, below the bar, is surely below it (room for rounding) */
  const SLACK = 1 + 1e-9

  // Candidates in flat arrays: nothing allocated per pair.
  const candA: number[] = []
  const candB: number[] = []
  const candScore: number[] = []
  const candIndex: number[] = []
  const maybeKnown: SuggestResult['maybeKnown'] = []
  const stamp = new Int32Array(n)
  /** the lists of people a and who gain from each other (by needs both ways, an interest or a role), reused for every a */
  const lists: (readonly number[])[] = []
  /** the running bar: the BAR-th best score so far; a pair whose bound is below it cannot make the list */
  const BAR = Math.max(50, 5 * options.limit)
  let bar = new RunningBar(BAR)
  let pruned = 0
  /**
   * Every pair that gains both ways, once: a candidate, or (sharing many
   * people) one to ask about. With `prune`, a pair that cannot be asked
   * about and whose bound is under the running bar is passed over.
   */
  const collect = (prune: boolean): void => {
    candA.length = candB.length = candScore.length = candIndex.length = maybeKnown.length = 0
    stamp.fill(0)
    near.fill(0)
    bar = new RunningBar(BAR)
    pruned = 0
    for (let a = 0; a < n; a++) {
      if (eligible[a] !== 1) continue
      lists.length = 0
      for (let x = needStart[a] ?? 0; x < (needStart[a + 1] ?? 0); x++) {
        for (let y = offerStart[a] ?? 0; y < (offerStart[a + 1] ?? 0); y++) {
          const bucket = buckets.get((offers[y] ?? 0) * labelCount + (needs[x] ?? 0))
          if (bucket !== undefined) lists.push(bucket)
        }
      }
      for (let w = 0; w < interestWords; w++) {
        let word = interestBits[a * interestWords + w] ?? 0
        while (word !== 0) {
          const low = word & -word
          lists.push(interestIndex[w * 32 + 31 - Math.clz32(low)] ?? [])
          word ^= low
        }
      }
      for (let w = 0; w < roleWords; w++) {
        let word = complementBits[a * roleWords + w] ?? 0
        while (word !== 0) {
          const low = word & -word
          lists.push(roleIndex[w * 32 + 31 - Math.clz32(low)] ?? [])
          word ^= low
        }
      }
      if (lists.length === 0) continue
      // Each pair once, from its lower node (every list is ascending, and both sides find each other).
      let most = 0
      for (const list of lists) most += list.length - firstAbove(list, a)
      if (most === 0) continue
      markNeighbours(a)
      const nearFirst = most > (degree[a] ?? 0)
      if (nearFirst) markNear(a)
      const reachA = (reach[a] ?? 0) * SLACK
      for (const list of lists) {
        for (let at = firstAbove(list, a); at < list.length; at++) {
          const b = list[at] ?? 0
          if (stamp[b] === a + 1) continue
          stamp[b] = a + 1
          // Sharing nobody (index 0), it cannot be asked about: only its score matters.
          const shares = !nearFirst || near[b] === a + 1
          if (prune && !shares && options.knownIndex > 0 && reachA * (reach[b] ?? 0) * options.bridge * owedOf(a, b) < bar.bar) {
            pruned++
            continue
          }
          if (marks[b] === a + 1 || (excluded.size > 0 && excluded.has(pairKey(idOf(a), idOf(b))))) continue
          // Colleagues where few people work together most likely know each other already.
          if (inOrg[a] === 1 && inOrg[b] === 1) {
            const colleagues = g.colleagueTie(a, b)
            if (colleagues !== null && g.sizeFactor(colleagues.org) >= 0.5) continue
          }
          let index = 0
          sharedCount = 0
          // Only whether it is 0 counts for the score: the index to the last bit only for one to ask about.
          if (!nearFirst) index = raIndex(a, b)
          else if (shares) index = (nearSum[b] ?? 0) >= nearlyKnown ? raIndex(a, b) : (nearSum[b] ?? 0)
          if (index >= options.knownIndex) {
            maybeKnown.push({ a, b, shared: sharedCount, index })
            continue
          }
          if (prune && reachA * (reach[b] ?? 0) * bridgeOf(index) * owedOf(a, b) < bar.bar) {
            pruned++
            continue
          }
          const score = mutualOf(a, b) * credibilityOf(a, b) * bridgeOf(index) * owedOf(a, b)
          candA.push(a)
          candB.push(b)
          candScore.push(score)
          candIndex.push(index)
          if (prune) bar.offer(score)
        }
      }
    }
  }

  // Ties break by the two names (then by node, for namesakes).
  const byName = (x: number, y: number): number => {
    const nx = name(x)
    const ny = name(y)
    return nx < ny ? -1 : nx > ny ? 1 : x - y
  }
  const pairOrder = (xa: number, xb: number, ya: number, yb: number): number => {
    const xFirst = byName(xa, xb) <= 0
    const yFirst = byName(ya, yb) <= 0
    return byName(xFirst ? xa : xb, yFirst ? ya : yb) || byName(xFirst ? xb : xa, yFirst ? yb : ya)
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
    const threshold = !all && candScore.length > TOP ? kthLargest(Float64Array.from(candScore), TOP) : -Infinity
    const picked: number[] = []
    for (let k = 0; k < candScore.length; k++) if ((candScore[k] ?? 0) >= threshold) picked.push(k)
    return picked.sort(compare)
  }

  // Each person at most once: greedy by score.
  const pick = (order: readonly number[]): number[] => {
    const used = new Uint8Array(n)
    const chosen: number[] = []
    for (const k of order) {
      if (chosen.length >= options.limit) break
      const a = candA[k] ?? -1
      const b = candB[k] ?? -1
      if (used[a] === 1 || used[b] === 1) continue
      used[a] = 1
      used[b] = 1
      chosen.push(k)
    }
    return chosen
  }
  const choose = (): number[] => {
    const order = ranked(false)
    const chosen = pick(order)
    return chosen.length < options.limit && order.length < candScore.length ? pick(ranked(true)) : chosen
  }
  collect(options.prune)
  let chosen = choose()
  /**
   * What was passed over scored under the final bar. The list is the one
   * every pair would give when it was filled before reaching that bar;
   * otherwise every pair is looked at again, none passed over.
   */
  const last = chosen[chosen.length - 1]
  if (pruned > 0 && (chosen.length < options.limit || last === undefined || (candScore[last] ?? 0) < bar.bar)) {
    collect(false)
    chosen = choose()
  }

  const people = sources.describe(chosen.flatMap((k) => [idOf(candA[k] ?? -1), idOf(candB[k] ?? -1)]))
  const noTraits: Traits = { needs: undefined, offers: undefined, interests: [], roles: [] }
  const traitsOf = (i: number): Traits => people.get(idOf(i))?.traits ?? noTraits
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
    const word = (i: number): string => strengthWord(strengthToMe[i] ?? 2).toLowerCase()
    reasons.push({ label: `You know both: ${name(a)} ${word(a)}, ${name(b)} ${word(b)}`, value: credibility })
    if (bridge !== 1) reasons.push({ label: 'They share nobody you know of: a new bridge', value: bridge })
    const owes = [a, b].filter((i) => (g.balance[i] ?? 0) < 0)
    if (owed !== 1) reasons.push({ label: `You owe ${list(owes.map(name))}: a way to give back`, value: owed })
    return { a, b, score: reasons.reduce((product, r) => product * r.value, 1), reasons }
  }
  const suggestions = chosen.map((k) => explain(candA[k] ?? -1, candB[k] ?? -1, candIndex[k] ?? 0))

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
