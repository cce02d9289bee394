import { totalChanges } from '../db/pragma'
import type { Args } from '../../../shared/contract'
import { daysAgo } from '../../../shared/format'
import type { BeforeYouAsk, DirectTie, Factor, OtherWays, PathStep, PathTarget, PathView, PathsResult, Verdict } from '../../../shared/types'
import { strengthWord } from '../../../shared/vocab'
import type { BackendState } from '../state'
import type { PeopleDirectory } from '../people/directory'
import { KithError, fieldError } from '../errors'
import { normalizeLabel } from '../people/records'
import { compareCodeUnits } from '../../../shared/text'
import { foldText } from '../search/normalize'
import type { PathGraph } from './graph'
import type { Edge, LiveAsk } from './graph-core'
import { baseOf, confidenceOf, dayNumber, edgeChance, fatigueOf, hopOf, recencyOf } from './scoring'
import { allPaths, topPaths, type PathFilter, type RawPath } from './search'
import { firstConnectorAsks, scoreWithoutOwnAsks, searchWithoutOwnAsks } from './own-asks'
import { ONGOING, UNKNOWN_START } from '../orgs/model'

const x = (value: number): string => `x${value.toFixed(2)}`

const HOW_KNOWN = { firsthand: 'known firsthand', believed: 'believed to know each other', inferred: 'inferred' } as const

/** A tie no stronger than this (1 to 5)... */
const FAINT_STRENGTH = 2
/** ...with no talk logged for longer than this many days is too faint to lean on: see `isFaint`. */
const FAINT_DAYS = 365

/**
 * Too faint to lean on: a connector at that strength gets a "stop", and a
 * person asked about whom I know only that well is still looked for through
 * others (the direct tie is shown first).
 */
function isFaint(strength: number, days: number | null): boolean {
  return strength <= FAINT_STRENGTH && (days === null || days > FAINT_DAYS)
}

const points = (n: number): string => `${n} favor ${n === 1 ? 'point' : 'points'}`

const year = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 4)

/** "both at Harbor Capital since 2023", "at Stripe together until 2021", "both at Acme" */
export function colleagueWords(g: PathGraph, tie: ColleagueTie, i: number, j: number): string {
  const org = g.orgNames[tie.org] ?? ''
  const ends = [i, j].map((n) => {
    const k = (g.memOrg[n] ?? []).indexOf(tie.org)
    return k < 0 ? ONGOING : (g.memEnd[n]?.[k] ?? ONGOING)
  })
  const until = Math.min(...ends)
  const since = tie.since > UNKNOWN_START ? ` since ${year(tie.since)}` : ''
  if (until < g.todayNumber) return `at ${org} together${tie.since > UNKNOWN_START ? ` ${year(tie.since)}–` : ' until '}${year(until)}`
  return `both at ${org}${since}`
}

/** "Grace and Yara: both at Harbor Capital since 2023, inferred colleagues: acquaintance (2) x0.40, recency not known (an inferred tie) x0.75, inferred x0.50, 9 people there x0.89" */
function colleagueFactor(g: PathGraph, i: number, j: number, tie: ColleagueTie): Factor {
  const s = g.scoring
  const c = s.colleagues
  const n = g.orgMembers[tie.org]?.length ?? 0
  const size = g.sizeFactor(tie.org)
  const short = tie.overlap < c.shortOverlapDays
  const parts = [
    `${strengthWord(c.strength).toLowerCase()} (${c.strength}) ${x(baseOf(s, c.strength))}`,
    // An inferred tie has no record of its own: its recency is not known, whatever the two were logged doing.
    `recency not known (an inferred tie) ${x(s.unknownRecency)}`,
    `inferred ${x(confidenceOf(s, 'inferred'))}`,
  ]
  const base = g.colleagueBase()
  const raw = baseOf(s, c.strength) * s.unknownRecency * confidenceOf(s, 'inferred')
  if (base > raw) parts.push(`raised to the ${s.floor} floor`)
  else if (base < raw) parts.push(`held at the ${s.ceiling} ceiling`)
  parts.push(`${n} ${n === 1 ? 'person' : 'people'} there ${x(size)}`)
  if (short) parts.push(`together under ${Math.round(c.shortOverlapDays / 30)} months ${x(c.shortOverlapFactor)}`)
  return { label: `${g.label(i)} and ${g.label(j)}: ${colleagueWords(g, tie, i, j)}, inferred colleagues: ${parts.join(', ')}`, value: tie.chance }
}

/** "Ana and you: close (4) x0.80, last talked 12 days ago x0.96, firsthand x1.00" */
function edgeFactor(g: PathGraph, i: number, j: number, step: StepTie): Factor {
  if (step.tie !== null) return colleagueFactor(g, i, j, step.tie)
  const e = step.edge
  if (e === undefined) throw new Error('a path step without a relationship')
  const s = g.scoring
  const touchesMe = i === g.me || j === g.me
  const days = e.last === null ? null : g.todayNumber - e.last
  const who = i === g.me ? `${g.label(j)} and you` : j === g.me ? `${g.label(i)} and you` : `${g.label(i)} and ${g.label(j)}`
  const recency = recencyOf(s, days, touchesMe)
  const when =
    days === null
      ? touchesMe
        ? 'you never logged talking'
        : 'never seen together (unknown)'
      : touchesMe
        ? `last talked ${daysAgo(days)}`
        : `last seen together ${daysAgo(days)}`
  const raw = baseOf(s, e.strength) * recency * confidenceOf(s, e.confidence)
  const value = edgeChance(s, e.strength, e.confidence, days, touchesMe)
  const clamp = value > raw ? `, raised to the ${s.floor} floor` : value < raw ? `, held at the ${s.ceiling} ceiling` : ''
  return {
    label: `${who}: ${strengthWord(e.strength).toLowerCase()} (${e.strength}) ${x(baseOf(s, e.strength))}, ${when} ${x(recency)}, ${HOW_KNOWN[e.confidence]} ${x(confidenceOf(s, e.confidence))}${clamp}`,
    value,
  }
}

type ColleagueTie = NonNullable<ReturnType<PathGraph['colleagueTie']>>

/** What carries one step of a path: a recorded relationship, or else an inferred colleague tie. */
interface StepTie {
  edge: Edge | undefined
  tie: ColleagueTie | null
}

/** Each step's relationship or colleague tie, looked up once for everything said about the path. */
function stepTies(g: PathGraph, nodes: readonly number[]): StepTie[] {
  const out: StepTie[] = []
  for (let k = 0; k + 1 < nodes.length; k++) {
    const i = nodes[k] ?? -1
    const j = nodes[k + 1] ?? -1
    const edge = g.edgeBetween(i, j)
    out.push({ edge, tie: edge === undefined ? g.colleagueTie(i, j) : null })
  }
  return out
}

/** The factors of a path, in the order the score multiplies them. */
function explain(g: PathGraph, nodes: readonly number[], ties: readonly StepTie[]): Factor[] {
  const factors: Factor[] = []
  const c1 = nodes[1] ?? -1
  factors.push(edgeFactor(g, nodes[0] ?? -1, c1, ties[0] ?? NO_TIE))
  const balance = g.balance[c1] ?? 0
  factors.push({
    label:
      balance === 0
        ? `${g.label(c1)} and you are even on favors`
        : balance > 0
          ? `You have given ${g.label(c1)} ${points(balance)} more than you received`
          : `${g.label(c1)} has given you ${points(-balance)} more than you gave`,
    value: g.reciprocity(c1),
  })
  // Asks of the first connector for the person they are asked for here do not count against this path (own-asks.ts).
  pushFatigue(factors, g, c1, firstConnectorAsks(g, nodes))
  for (let k = 1; k + 1 < nodes.length; k++) {
    factors.push(edgeFactor(g, nodes[k] ?? -1, nodes[k + 1] ?? -1, ties[k] ?? NO_TIE))
    if (k + 2 < nodes.length) pushFatigue(factors, g, nodes[k + 1] ?? -1, g.recentAsks(nodes[k + 1] ?? -1))
  }
  const edges = nodes.length - 1
  if (edges > 2) factors.push({ label: `${edges} relationships: each one beyond two costs ${x(g.scoring.hopPenalty)}`, value: hopOf(g.scoring, edges) })
  return factors
}

/** A step of no recorded relationship and no colleague tie known. */
const NO_TIE: StepTie = { edge: undefined, tie: null }

/** The factor for a connector's recent asks, when there are any. */
function pushFatigue(factors: Factor[], g: PathGraph, i: number, asks: number): void {
  if (asks > 0) {
    factors.push({ label: `${asks} introduction ${asks === 1 ? 'ask' : 'asks'} through ${g.label(i)} in the last ${g.scoring.fatigueWindowDays} days`, value: fatigueOf(asks) })
  }
}

/**
 * Why Kith cannot take it as read that node i knows node j, in words that
 * name them: colleagues only (nothing recorded), or a relationship recorded
 * as believed or inferred, unless I introduced the two myself. Null when
 * known firsthand.
 */
function tieInDoubt(g: PathGraph, i: number, j: number, name: string, nextName: string, introducedByMe: ReadonlySet<string>): string | null {
  const recorded = g.edgeBetween(i, j)
  if (recorded === undefined) {
    const guessed = g.colleagueTie(i, j)
    return guessed === null ? null : `Kith only assumes ${name} knows ${nextName}: both work at ${g.orgNames[guessed.org] ?? 'the same organisation'}.`
  }
  if (recorded.confidence === 'firsthand' || introducedByMe.has(pairOf(g.ids[i] ?? -1, g.ids[j] ?? -1))) return null
  return recorded.confidence === 'believed'
    ? `${name} and ${nextName} are recorded as believed to know each other, not known firsthand.`
    : `That ${name} knows ${nextName} is recorded as inferred, not known firsthand.`
}

function beforeYouAsk(
  g: PathGraph,
  nodes: readonly number[],
  context: PathContext,
): BeforeYouAsk[] {
  const c1 = nodes[1] ?? -1
  const t = nodes[nodes.length - 1] ?? -1
  const name = g.label(c1)
  const target = g.label(t)
  const e = g.edgeBetween(g.me, c1)
  const days = e?.last === null || e === undefined ? null : g.todayNumber - e.last
  const strength = e?.strength ?? 0
  const talked = days === null ? 'you never logged talking' : `you talked ${daysAgo(days)}`
  const out: BeforeYouAsk[] = []

  const tie = strength >= 4 && days !== null && days <= 180 ? 'good' : isFaint(strength, days) ? 'stop' : 'caution'
  out.push({
    question: `How strong is your relationship with ${name}?`,
    verdict: tie,
    // A caution or a stop says what would make it good.
    reason: `${name}: ${strength === 0 ? 'not someone you know' : strengthWord(strength).toLowerCase()} (${strength}/5), and ${talked}.${
      tie === 'good' ? '' : tie === 'stop' ? ' Too faint a tie to ask a favor of: get back in touch first.' : ' An ask goes best through a close tie (4/5 or more) you talked with in the last six months.'
    }`,
  })

  // The person asked for is only assumed to know the connector (colleagues, nothing recorded), or the relationship
  // is recorded as believed or inferred (learned from threads and meetings, say): said, not taken as read.
  const next = nodes[2] ?? -1
  const nextName = next < 0 ? '' : g.label(next)
  const doubt = next < 0 ? null : tieInDoubt(g, c1, next, name, nextName, context.introducedByMe)
  if (doubt !== null) {
    out.push({
      question: `Does ${name} know ${nextName}?`,
      verdict: 'caution',
      reason: `${doubt} Ask ${firstWord(name)} whether they know ${firstWord(nextName)} before asking for the introduction.`,
    })
  }

  const balance = g.balance[c1] ?? 0
  out.push({
    question: `Have you given to ${name} before?`,
    verdict: balance > 0 ? 'good' : balance <= -3 ? 'stop' : 'caution',
    reason:
      balance > 0
        ? `You have given ${name} ${points(balance)} more than you received.`
        : balance === 0
          ? `You and ${name} are even on favors: treat this as a first ask, and offer something back.`
          : `You already owe ${name} ${points(-balance)}${balance <= -3 ? ': give before you ask again' : ''}.`,
  })

  const shortest = context.shortest.get(t)
  const sharedOrg = context.direct.has(t) || (shortest !== undefined && shortest < nodes.length - 1) ? null : sharedCurrentOrg(g, g.me, t)
  const direct = context.direct.has(t) ? g.edgeBetween(g.me, t) : undefined
  // Another connector already asked for the same person: two yeses at once would embarrass both.
  const others = context.direct.has(t) ? [] : g.liveAsksFor(g.ids[t] ?? -1, c1)
  // One already asked (or agreed) says more than a draft or one gone quiet.
  const other = others.find((o) => o.ask.state === 'asked' || o.ask.state === 'agreed') ?? others[0]
  out.push({
    question: `Could you reach ${target} another way?`,
    ...(other !== undefined
      ? otherAskCheck(g.label(other.connector), target, other.ask)
      : direct !== undefined && context.faint.has(t)
      ? { verdict: 'caution' as const, reason: `You know ${target} only faintly (${direct.strength}/5): you could also write to them yourself.` }
      : context.direct.has(t)
      ? { verdict: 'stop' as const, reason: `You already know ${target}: reach out directly.` }
      : shortest !== undefined && shortest < nodes.length - 1
        ? { verdict: 'caution' as const, reason: `A shorter path to ${target} exists (${shortest} relationships).` }
        : sharedOrg !== null
          ? { verdict: 'caution' as const, reason: `${target} works at your company, ${sharedOrg}.` }
          : { verdict: 'good' as const, reason: `You do not know ${target} directly and no shorter path exists.` }),
  })

  // Asks for the person asked for here, the request itself among them, are not counted against it (a "no" is, below).
  const asks = firstConnectorAsks(g, nodes)
  // A "no" from this connector about the very person this path asks them for stands.
  const asked = nodes[2] ?? -1
  const declinedOn = asked < 0 ? null : g.declinedDay(c1, g.ids[asked] ?? -1)
  const declined = declinedOn === null ? null : { who: asked, day: declinedOn }
  // The ask under way for this very person is one: "no other" then, not "no".
  const noAsks = g.recentAsks(c1) > asks ? 'No other recent asks' : 'No recent asks'
  const owed = context.owed.get(g.ids[c1] ?? -1) ?? []
  out.push(owedFirst(owed, {
    question: 'Is the timing right?',
    ...(declined !== null
      ? { verdict: 'stop' as const, reason: `${name} declined to introduce you to ${g.label(declined.who)} when you asked${declined.day > g.todayNumber ? '' : ` ${daysAgo(g.todayNumber - declined.day)}`}.` }
      : asks >= 2
      ? { verdict: 'stop' as const, reason: `You have asked ${name} for ${asks} introductions in the last ${g.scoring.fatigueWindowDays} days.` }
      : asks === 1
        ? { verdict: 'caution' as const, reason: `You asked ${name} for an introduction in the last ${g.scoring.fatigueWindowDays} days.` }
        : days === null || days > 180
          ? { verdict: 'caution' as const, reason: `${noAsks} through ${name}, but ${talked}: reconnect before asking.` }
          : { verdict: 'good' as const, reason: `${noAsks} through ${name}, and ${talked}.` }),
  }, g.todayNumber))
  return out
}

/** The timing check, with what is still owed to the connector from an earlier introduction said first: a good time becomes a caution. */
function owedFirst(owed: readonly OwedTask[], check: BeforeYouAsk, today: number): BeforeYouAsk {
  if (owed.length === 0) return check
  const first = owed[0]
  if (first === undefined) return check
  const late = today - dayNumber(first.due)
  const more = owed.length > 1 ? ` (and ${owed.length - 1} more)` : ''
  const said = `Still to do from an earlier introduction: "${first.title}"${more}, due ${late <= 0 ? 'today' : daysAgo(late)}. Do that before asking again.`
  return { ...check, verdict: check.verdict === 'good' ? 'caution' : check.verdict, reason: `${said} ${check.reason}` }
}

const firstWord = (name: string): string => name.trim().split(/\s+/)[0] ?? name

/** An organisation both are at now, whatever its spelling, by name; null when none. */
function sharedCurrentOrg(g: PathGraph, i: number, j: number): string | null {
  for (const org of g.memOrg[i] ?? []) if (isCurrent(g, i, org) && isCurrent(g, j, org)) return g.orgNames[org] ?? null
  return null
}

/** Whether this person is at the organisation now (an ongoing membership). */
function isCurrent(g: PathGraph, i: number, org: number): boolean {
  const orgs = g.memOrg[i] ?? []
  for (let k = 0; k < orgs.length; k++) if (orgs[k] === org && (g.memEnd[i]?.[k] ?? 0) >= g.todayNumber) return true
  return false
}

/** The check when another connector is already being asked for the same person. */
function otherAskCheck(connector: string, target: string, ask: LiveAsk): { verdict: Verdict; reason: string } {
  const which = `(introduction ${ask.id})`
  switch (ask.state) {
    case 'draft':
      return { verdict: 'caution', reason: `You have a draft asking ${connector} to introduce you to ${target} ${which}: ask one of them, not both.` }
    case 'no_reply':
      return { verdict: 'caution', reason: `${connector} has not replied about ${target} ${which}: if you ask someone else, tell ${connector} first.` }
    case 'asked':
      return { verdict: 'stop', reason: `You already asked ${connector} to introduce you to ${target} ${which}: wait for that answer first.` }
    case 'agreed':
      return { verdict: 'stop', reason: `${connector} already agreed to introduce you to ${target} ${which}.` }
  }
}

/** Whether one of my contacts knows the target, by a relationship or as a colleague. */
function hasTwoStepPath(g: PathGraph, t: number): boolean {
  const from = g.start[t] ?? 0
  const to = from + (g.degree[t] ?? 0)
  for (let k = from; k < to; k++) {
    const c = g.adj[k] ?? -1
    if (c !== t && g.archived[c] !== true && g.isMyContact(c)) return true
  }
  const myAt = g.myContactsByOrg()
  for (const org of g.memOrg[t] ?? []) for (const c of myAt.get(org) ?? []) if (g.colleague(c, t) !== 0) return true
  return false
}

function stepOf(g: PathGraph, { tie }: StepTie): PathStep {
  if (tie === null) return { kind: 'relationship' }
  return {
    kind: 'colleague',
    organisation: { id: g.orgIds[tie.org] ?? -1, name: g.orgNames[tie.org] ?? '' },
    since: tie.since > UNKNOWN_START ? new Date(tie.since * 86_400_000).toISOString().slice(0, 10) : null,
  }
}

/**
 * Paths from me to a person, anyone at a company, or anyone with a tag.
 * `keep`, for Kith's own questions (other ways after a no), leaves paths out
 * inside the search, so a way it refuses never takes the place of one it keeps.
 */
export function findPaths(backend: BackendState, args: Args<'paths.find'>, keep?: PathFilter): PathsResult {
  const g = backend.paths()
  if (g.me < 0) throw new KithError('conflict', 'Kith does not know who you are yet: set it with "kith me NAME" or on the People page.')
  const people = new PeopleAsked(backend)
  const { target, targetIds } = targetOf(g, people, args)
  const indices: number[] = []
  for (const id of targetIds) {
    const i = g.indexOf.get(id)
    if (i !== undefined) indices.push(i)
  }
  // People I already know are not introductions: they are listed first, and never path targets (they may still be connectors),
  // except a person asked about whom I know only faintly: paths to them are looked for as well.
  const { direct, directSet, faint } = directTies(g, people, target, indices)
  const pathTargets = indices.filter((i) => !directSet.has(i) || faint.has(i))
  const raw: RawPath[] = args.all
    ? searchWithoutOwnAsks(g, pathTargets, { limit: Infinity, perConnector: Infinity, keep }, () => allPaths(g, pathTargets, args.maxHops, keep))
    : searchWithoutOwnAsks(g, pathTargets, { limit: args.limit, perConnector: 2, keep }, (limit) => topPaths(g, pathTargets, { maxHops: args.maxHops, limit, perConnector: 2, keep }))
  const context: PathContext = {
    direct: directSet,
    faint,
    shortest: shortestLengths(g, raw, pathTargets),
    owed: owedTo(backend, raw.map((p) => g.ids[p.nodes[1] ?? -1] ?? -1)),
    introducedByMe: introducedPairs(backend),
  }
  const paths: PathView[] = raw.map((p) => pathView(g, p, context))
  return { target, direct, paths, targets: targetIds.length }
}

/*
 * findPaths is kept to the steps above, each in a function of its own: the
 * engine optimises a small function after fewer calls, and in less time,
 * than one that does everything.
 */

/** What a question needs to know of the person it names. */
interface PersonAsked {
  id: number
  name: string
  isMe: boolean
  archived: boolean
}

/**
 * The people a question names: from the directory when it is warm, else
 * from their own rows, so that a first question after opening (the CLI's
 * only one) does not wait for everyone to be read. A tag still needs the
 * whole directory.
 */
class PeopleAsked {
  private readonly warm: PeopleDirectory | null

  constructor(private readonly backend: BackendState) {
    this.warm = backend.directoryIfWarm()
  }

  one(id: number): PersonAsked | undefined {
    if (this.warm !== null) return this.warm.entries.get(id)
    const row = this.backend.sqlite
      .prepare<[number], [string, number, number]>('SELECT name, is_me, archived_at IS NOT NULL FROM person WHERE id = ?')
      .raw()
      .get(id)
    return row === undefined ? undefined : { id, name: row[0], isMe: row[1] === 1, archived: row[2] === 1 }
  }

  everyone(): PeopleDirectory {
    return this.warm ?? this.backend.directory()
  }

  /** Whether someone introduced this person to me (Kith recorded who). */
  introduced(id: number): boolean {
    const row = this.backend.sqlite.prepare<[number], [number]>('SELECT introduced_by_id IS NOT NULL FROM person WHERE id = ?').raw().get(id)
    return row?.[0] === 1
  }

  /** When I last talked with each of these people (the directory's `lastInteractionOn`), for those I ever did. */
  lastTalked(ids: readonly number[]): Map<number, string> {
    const out = new Map<number, string>()
    if (this.warm !== null) {
      for (const id of ids) {
        const last = this.warm.entries.get(id)?.lastInteractionOn
        if (last !== undefined && last !== null) out.set(id, last)
      }
    } else if (ids.length > 0) {
      for (const [id, last] of this.backend.sqlite
        .prepare<[string], [number, string | null]>(
          // Only people Kith has (a row left behind by a delete with foreign keys off names nobody), as in the directory.
          `SELECT ip.person_id, max(i.occurred_on) FROM interaction_person ip JOIN interaction i ON i.id = ip.interaction_id
           JOIN person p ON p.id = ip.person_id
           WHERE i.with_me = 1 AND ip.person_id IN (SELECT value FROM json_each(?)) GROUP BY ip.person_id`,
        )
        .raw()
        .iterate(JSON.stringify(ids))) {
        if (last !== null) out.set(id, last)
      }
    }
    return out
  }
}

/** Who the question is about: one person, everyone at a company now, or everyone with a tag (their ids, ascending for a company). */
function targetOf(g: PathGraph, people: PeopleAsked, args: Args<'paths.find'>): { target: PathTarget; targetIds: number[] } {
  if (args.to !== undefined) {
    const person = people.one(args.to)
    if (person === undefined) throw new KithError('not_found', `There is no person with id ${args.to}.`)
    if (person.archived) throw new KithError('conflict', `${person.name} is archived; restore them to find paths to them.`)
    if (person.isMe) throw fieldError('to', 'that is you')
    return { target: { kind: 'person', id: person.id, name: person.name }, targetIds: [person.id] }
  }
  if (args.company !== undefined) {
    // Everyone there now, whichever way the company is spelt ("Stripe, Inc." is Stripe).
    const org = g.orgByName(args.company)
    const members = org < 0 ? [] : (g.orgMembers[org] ?? [])
    const targetIds = members
      .filter((i) => i !== g.me && g.archived[i] !== true && isCurrent(g, i, org))
      .map((i) => g.ids[i] ?? -1)
      .sort((a, b) => a - b)
    return { target: { kind: 'company', name: org < 0 ? args.company : (g.orgNames[org] ?? args.company), people: targetIds.length }, targetIds }
  }
  const tag = normalizeLabel(args.tag ?? '')
  const targetIds = [...people.everyone().entries.values()].filter((e) => !e.archived && !e.isMe && e.tags.some((t) => normalizeLabel(t) === tag)).map((e) => e.id)
  return { target: { kind: 'tag', name: args.tag ?? '', people: targetIds.length }, targetIds }
}

/** What the words of a path need to know besides the path: the targets I know directly (and which of them only faintly), and the shortest way to each. */
interface PathContext {
  direct: Set<number>
  faint: Set<number>
  shortest: Map<number, number>
  /** follow-ups still owed to a connector from an earlier introduction (a thank-you, how it went), by person id, due by today */
  owed: Map<number, OwedTask[]>
  /** pairs of people (`pairOf` their ids) I introduced to each other: their relationship is recorded as believed, yet not in doubt */
  introducedByMe: ReadonlySet<string>
}

interface OwedTask {
  title: string
  due: string
}

interface OwedRow {
  person_id: number
  title: string
  due_on: string
}

/**
 * Every thank-you and "how it went" still open, by person, kept while nothing
 * is written (this connection's `total_changes()`, another's `data_version`):
 * read for each question, the query took longer than the search (0.19 ms a
 * question on the bench's graph); the list is short, and read again only
 * after a write.
 */
const owedKept = new WeakMap<BackendState['sqlite'], { mark: string; rows: OwedRow[] }>()

function openOwed(backend: BackendState): OwedRow[] {
  let kept = owedKept.get(backend.sqlite)
  if (kept === undefined) {
    kept = { mark: '', rows: [] }
    owedKept.set(backend.sqlite, kept)
  }
  const mark = changesMark(backend)
  if (mark !== kept.mark) {
    kept.rows = backend.sqlite
      .prepare<[], OwedRow>(
        `SELECT person_id, title, max(due_on, coalesce(snoozed_until, due_on)) AS due_on FROM task
         WHERE person_id IS NOT NULL AND kind IN ('thank_connector', 'close_loop') AND done_at IS NULL ORDER BY 3, id`,
      )
      .all()
    kept.mark = mark
  }
  return kept.rows
}

/** What changes whenever the file does: the rows this connection wrote, and the data version this turn has read (another process's commit). */
function changesMark(backend: BackendState): string {
  return `${totalChanges(backend.sqlite)}/${backend.dataVersion()}`
}

/** Two people, in either order. */
function pairOf(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`
}

const introducedKept = new WeakMap<BackendState['sqlite'], { mark: string; pairs: Set<string> }>()

/** The pairs of people I introduced to each other (an introduction of mine between them that reached "introduced"), read again only after a change. */
function introducedPairs(backend: BackendState): ReadonlySet<string> {
  const kept = introducedKept.get(backend.sqlite)
  const mark = changesMark(backend)
  if (kept !== undefined && kept.mark === mark) return kept.pairs
  const pairs = new Set<string>()
  for (const [a, b] of backend.sqlite
    .prepare<[], [number, number]>(
      `SELECT x.person_a_id, x.person_b_id FROM introduction x
       WHERE x.kind = 'connect' AND x.person_a_id IS NOT NULL AND x.person_b_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM introduction_event e WHERE e.introduction_id = x.id AND e.state = 'introduced')`,
    )
    .raw()
    .iterate()) {
    pairs.add(pairOf(a, b))
  }
  introducedKept.set(backend.sqlite, { mark, pairs })
  return pairs
}

/** The thank-yous and "how it went" still owed to these people, due by today: a new ask waits for them. */
function owedTo(backend: BackendState, personIds: readonly number[]): Map<number, OwedTask[]> {
  const out = new Map<number, OwedTask[]>()
  const rows = openOwed(backend)
  if (rows.length === 0 || personIds.length === 0) return out
  const wanted = new Set(personIds)
  const today = backend.today()
  for (const r of rows) {
    if (!wanted.has(r.person_id) || r.due_on > today) continue
    out.set(r.person_id, [...(out.get(r.person_id) ?? []), { title: r.title, due: r.due_on }])
  }
  return out
}

/**
 * Whether the person at node t, whom I know directly, is someone I know only
 * faintly (`isFaint`) and was never introduced to: someone introduced to me
 * is reached in the thread the introduction started.
 */
function faintTie(g: PathGraph, people: PeopleAsked, t: number): boolean {
  const e = g.edgeBetween(g.me, t)
  if (e === undefined || !isFaint(e.strength, e.last === null ? null : g.todayNumber - e.last)) return false
  return !people.introduced(g.ids[t] ?? -1)
}

/**
 * The targets I already know, strongest first, with a hint when they can
 * speak for colleagues at the company asked about; for a person asked about,
 * whether I know them only faintly.
 */
function directTies(g: PathGraph, people: PeopleAsked, target: PathTarget, indices: readonly number[]): { direct: DirectTie[]; directSet: Set<number>; faint: Set<number> } {
  const direct: DirectTie[] = []
  const directSet = new Set<number>()
  const faint = new Set<number>()
  for (const i of indices) if (g.edgeBetween(g.me, i) !== undefined) directSet.add(i)
  const lastTalked = people.lastTalked([...directSet].map((i) => g.ids[i] ?? -1))
  for (const i of directSet) {
    const e = g.edgeBetween(g.me, i)
    if (e === undefined) continue
    const colleaguesThere = target.kind === 'company' ? indices.filter((j) => j !== i && !g.isMyContact(j)).length : 0
    // Company and tag targets: people I know there are never path targets, however faintly (they may be the way in).
    const isFaintTarget = target.kind === 'person' && faintTie(g, people, i)
    if (isFaintTarget) faint.add(i)
    direct.push({
      id: g.ids[i] ?? -1,
      name: g.label(i),
      strength: e.strength,
      lastTalked: lastTalked.get(g.ids[i] ?? -1) ?? null,
      hint:
        target.kind === 'company' && colleaguesThere > 0
          ? `Ask ${firstWord(g.label(i))} about ${colleaguesThere === 1 ? 'their colleague' : `their ${colleaguesThere} colleagues`} at ${target.name}`
          : null,
      faint: isFaintTarget,
    })
  }
  // By name as the People list has them (folded), then id.
  const ordered = direct
    .map((tie) => ({ tie, sortName: foldText(tie.name) }))
    .sort((a, b) => b.tie.strength - a.tie.strength || compareCodeUnits(a.sortName, b.sortName) || a.tie.id - b.tie.id)
    .map((d) => d.tie)
  return { direct: ordered, directSet, faint }
}

/** Per target, the fewest relationships any path to it takes: from the paths found, and two when one of my contacts knows the target even if that path did not make the list. */
function shortestLengths(g: PathGraph, raw: readonly RawPath[], pathTargets: readonly number[]): Map<number, number> {
  const shortest = new Map<number, number>()
  for (const p of raw) {
    const t = p.nodes[p.nodes.length - 1] ?? -1
    shortest.set(t, Math.min(shortest.get(t) ?? Infinity, p.nodes.length - 1))
  }
  for (const t of pathTargets) {
    if ((shortest.get(t) ?? Infinity) <= 2) continue
    if (hasTwoStepPath(g, t)) shortest.set(t, 2)
  }
  return shortest
}

/** One path as the user sees it: the people, each step, its factors and the before-you-ask answers. */
function pathView(g: PathGraph, p: RawPath, context: PathContext): PathView {
  const ties = stepTies(g, p.nodes)
  return {
    score: p.score,
    people: p.nodes.map((i) => ({ id: g.ids[i] ?? -1, name: g.label(i) })),
    steps: ties.map((step) => stepOf(g, step)),
    strengths: ties.map((step) => step.edge?.strength ?? 0),
    factors: explain(g, p.nodes, ties),
    beforeYouAsk: beforeYouAsk(g, p.nodes, context),
    underWay: askUnderWay(g, p.nodes),
  }
}

/** The ask under way through this path's connector for its next person, if any. */
function askUnderWay(g: PathGraph, nodes: readonly number[]): PathView['underWay'] {
  const ask = g.liveAsk(nodes[1] ?? -1, g.ids[nodes[2] ?? -1] ?? -1)
  return ask === null ? null : { id: ask.id, state: ask.state }
}

/**
 * The before-you-ask answers for a stored request's path, from today's data
 * ([] when the path no longer holds). The request's own ask, once made, is
 * not counted against it (nor any other for the same person, unless declined).
 */
export function pathChecks(backend: BackendState, ids: readonly number[]): BeforeYouAsk[] {
  const g = backend.paths()
  const nodes = ids.map((id) => g.indexOf.get(id) ?? -1)
  if (g.me < 0 || nodes[0] !== g.me || nodes.length < 3 || nodes.some((i) => i < 0 || (i !== g.me && g.archived[i] === true))) return []
  for (let k = 0; k + 1 < nodes.length; k++) if (g.p(nodes[k] ?? -1, nodes[k + 1] ?? -1) === 0) return []
  const t = nodes[nodes.length - 1] ?? -1
  const shortest = new Map<number, number>()
  if (hasTwoStepPath(g, t)) shortest.set(t, 2)
  const checks = beforeYouAsk(g, nodes, {
    direct: new Set(g.edgeBetween(g.me, t) === undefined ? [] : [t]),
    faint: new Set(faintTie(g, new PeopleAsked(backend), t) ? [t] : []),
    shortest,
    owed: owedTo(backend, [ids[1] ?? -1]),
    introducedByMe: introducedPairs(backend),
  })
  return checks.map((c) => (c.question.startsWith('Could you reach') && c.verdict === 'good' ? (betterWay(g, nodes) ?? c) : c))
}

/** How much better another way must score before a request made through this one hears of it. */
const BETTER_BY = 2

/**
 * A request made some time ago through one connector: since then someone
 * else may have become a far better way to the same person (a new
 * relationship, someone met through another introduction). Said as a
 * caution, never as a stop: the ask may already be under way.
 */
function betterWay(g: PathGraph, nodes: readonly number[]): BeforeYouAsk | null {
  const t = nodes[nodes.length - 1] ?? -1
  const own = scoreWithoutOwnAsks(g, nodes)
  // Not through this connector, nor one who said no about whom they would be asked for.
  const keep = (p: readonly number[]): boolean => p[1] !== nodes[1] && g.declinedDay(p[1] ?? -1, g.ids[p[2] ?? -1] ?? -1) === null
  const [best] = searchWithoutOwnAsks(g, [t], { limit: 1, perConnector: 1, keep }, (limit) => topPaths(g, [t], { maxHops: 3, limit, perConnector: 1, keep }))
  if (best === undefined || best.score < own * BETTER_BY) return null
  const via = g.label(best.nodes[1] ?? -1)
  const target = g.label(t)
  return {
    question: `Could you reach ${target} another way?`,
    verdict: 'caution',
    reason: `Through ${via} may be a better way to ${target} now (it scores ${best.score.toFixed(3)}, this way ${own.toFixed(3)}): Find a path shows why.`,
  }
}

/** How many other ways a request that ended without an introduction offers. */
const OTHER_WAYS = 3

/**
 * A request ended without an introduction (the connector said no, or the
 * user gave up): the ways left to whom it was for, as Find a path ranks them.
 * A way is left out when any of its connectors is this request's connector,
 * or said no about the person they would be asked for, or about whom the
 * request was for. No ways when they are archived; null when the person is
 * gone or me, or Kith does not know who I am.
 */
export function otherWaysTo(backend: BackendState, toId: number, connectorId: number | null): OtherWays | null {
  const g = backend.paths()
  const to = g.indexOf.get(toId)
  if (g.me < 0 || to === undefined || to === g.me) return null
  const c = connectorId === null ? undefined : g.indexOf.get(connectorId)
  const connector = c === undefined ? null : g.label(c)
  // Archived since: nowhere to turn, but the request still says so (and what is owed the connector).
  if (g.archived[to] === true) return { to: { id: toId, name: g.label(to) }, connector, known: false, archived: true, ways: [], more: false }
  const clean = (nodes: readonly number[]): boolean => {
    for (let k = 1; k < nodes.length - 1; k++) {
      const c = nodes[k] ?? -1
      if (g.ids[c] === connectorId || g.declinedDay(c, g.ids[nodes[k + 1] ?? -1] ?? -1) !== null || g.declinedDay(c, toId) !== null) return false
    }
    return true
  }
  // One more than is listed, to know whether there are more.
  const found = findPaths(backend, { to: toId, limit: OTHER_WAYS + 1, maxHops: 3, all: false }, clean)
  if (found.target.kind !== 'person') return null
  const person = { id: found.target.id, name: g.label(to) }
  const known = found.direct.some((d) => d.id === toId && !d.faint)
  return { to: person, connector, known, archived: false, ways: found.paths.slice(0, OTHER_WAYS), more: found.paths.length > OTHER_WAYS }
}
