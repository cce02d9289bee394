import type { Factor } from '../../../shared/types'
import { DEFAULT_SUGGESTION_SETTINGS } from '../../../shared/suggestions'
import { strengthWord } from '../../../shared/vocab'
import type { PathGraph } from '../paths/graph'
import { describeGain, GainRules, type Traits } from './gains'
import { kthLargest } from './numeric'
import { PairSearch, type MaybeKnown, type PairOptions } from './pairs'
import type { Described, NodeTraits } from './traits'

export const SUGGESTION_DEFAULTS: PairOptions = {
  minStrength: 2,
  eps: 0.05,
  interestWeight: 0.5,
  roleWeight: 0.5,
  bridge: 1.3,
  owed: 1.2,
  knownIndex: 0.5,
  limit: 10,
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
  maybeKnown: MaybeKnown[]
}

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
  if (g.me < 0) return { suggestions: [], maybeKnown: [] }
  const n = g.ids.length
  const search = new PairSearch(g, sources.traits, rules.interestCount, rules.roleCount, excluded, options)
  const { candA, candB, candScore, candIndex, maybeKnown, strengthToMe } = search
  const idOf = (i: number): number => g.ids[i] ?? -1
  const name = (i: number): string => g.names[i] ?? ''

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
   * those at or above the score of the TOP-th best and the pass's final bar
   * (ties included), all of them only if that is not enough.
   */
  const TOP = 500
  const ranked = (all: boolean): number[] => {
    // After a pass that passed pairs over, only those at or above its final bar can make the list without another pass.
    const threshold = all ? -Infinity : Math.max(search.bar.bar, candScore.length > TOP ? kthLargest(Float64Array.from(candScore), TOP) : -Infinity)
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
  search.collect(options.prune)
  let chosen = choose()
  /**
   * What was passed over scored under the final bar. The list is the one
   * every pair would give when it was filled before reaching that bar;
   * otherwise the pairs are looked at again with a bar over pairs of
   * different people (see `collect`), which fills it; and should that ever
   * not, every pair, none passed over.
   */
  const short = (): boolean => {
    const last = chosen[chosen.length - 1]
    return search.pruned > 0 && (chosen.length < options.limit || last === undefined || (candScore[last] ?? 0) < search.bar.bar)
  }
  if (short()) {
    search.collect(true, true)
    chosen = choose()
  }
  if (short()) {
    search.collect(false)
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
    const [x, y] = [search.shareOf(a, b) + options.eps, search.shareOf(b, a) + options.eps]
    const [credibility, bridge, owed] = [search.credibilityOf(a, b), search.bridgeOf(index), search.owedOf(a, b)]
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
