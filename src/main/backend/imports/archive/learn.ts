/**
 * The learning step: observations of messages and meetings in, a plan of
 * people, interactions, strengths and proposed ties out. It reads the
 * database but never writes it. Observations are folded into aggregates as
 * they stream past (per correspondent, per pair, per thread and day), so a
 * large archive needs memory for the people in it, not for its messages.
 */
import { isSharedInbox } from './shared-inbox'
import type Database from 'better-sqlite3'
import { type HeardFrom, type IgnoredReason, type ImportProblem, type LearnedPerson, type LearnedTie } from '../../../../shared/imports'
import type { InteractionKind } from '../../../../shared/vocab'
import { KithError } from '../../errors'
import { normalizeEmail } from '../../people/records'
import { foldCompany, foldName, lastFirst, normalizeLinkedin } from '../person-record'
import { CONNECTION_ESTIMATE, nameIndex } from './linkedin/connections'
import { planOwner, type OwnerPlan } from './linkedin/owner'
import { identityKeys, Rejections } from './rejections'
import type { ArchiveItem, ConnectionFact, OwnerFact, Participant, PositionFact, RowProblemFact } from './observation'
import { addExchanges, estimateStrength, windowStart, type Exchange } from './strength'

/** People together on a thread or meeting this small (me included) may know each other. */
export const SMALL_GROUP = 6
/** ...when they were together on at least this many. */
export const TIE_THREADS = 2
/** A proposed tie's strength and kind until the user edits it. */
export const PROPOSED_STRENGTH = 2

export interface LearnOptions {
  /** the user's own addresses, lower-cased */
  myAddresses: ReadonlySet<string>
  /** today's date and now (UTC ISO) */
  now: string
  keepSubjects: boolean
}

interface Correspondent {
  key: string
  email: string | null
  linkedinUrl: string | null
  name: string | null
  /** every message each way (meetings apart), for "both ways" */
  sent: number
  received: number
  meetings: number
  /** within the window that counts for strength, only messages and meetings no earlier import added */
  recent: Exchange | null
  /** a LinkedIn connection: a person whether or not they exchanged anything */
  connection: { company: string | null; title: string | null } | null
}

interface ThreadDay {
  kind: InteractionKind
  day: string
  subject: string | null
  /** correspondent keys, each once (a handful: an array is leaner than a set) */
  people: string[]
  keys: string[]
}

/**
 * Two correspondents seen together on small threads. Kept for every pair in a
 * mailbox (hundreds of thousands), so it is lean: most pairs share one thread.
 */
interface Pair {
  a: string
  b: string
  first: string
  /** threads past the first, once there are any */
  more: Set<string> | null
  /** whether every time they were together was a meeting */
  meetingsOnly: boolean
  last: string
}

const threadsOf = (pair: Pair): number => 1 + (pair.more?.size ?? 0)

/** Room for this many correspondents in a pair's number (a pair is a * PAIR_SPAN + b). */
const PAIR_SPAN = 2 ** 26

/**
 * A copy of a string that holds only itself. A string cut from a larger one
 * (a header out of a message's header block) may keep the whole block alive;
 * what the learner keeps for every message must not.
 */
function own(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1)
}

/** Folds observations into aggregates, one at a time. */
export class Learner {
  readonly correspondents = new Map<string, Correspondent>()
  readonly threadDays = new Map<string, ThreadDay>()
  readonly pairs = new Map<number, Pair>()
  /** each correspondent's number, in the order they were met */
  private readonly numbers = new Map<string, number>()
  readonly ignored: Record<IgnoredReason, number> = { list: 0, bulk: 0, automated: 0, 'no-reply': 0, crowd: 0, 'already imported': 0, 'not with me': 0, 'shared inbox': 0 }
  readonly errors: ImportProblem[] = []
  messages = 0
  /** from LinkedIn's export: whose it is, and their jobs */
  owner: OwnerFact | null = null
  readonly positions: PositionFact[] = []
  /** the names my own addresses send under, with how often: who "me" is, when Kith does not know yet */
  private readonly ownNames = new Map<string, number>()
  private readonly seen = new Set<string>()
  private readonly known: Database.Statement
  private readonly since: string

  constructor(
    sqlite: Database.Database,
    private readonly options: LearnOptions,
  ) {
    this.known = sqlite.prepare('SELECT 1 FROM archive_source WHERE source_key = ?').pluck()
    this.since = windowStart(options.now)
  }

  /** The name I send under most (turned round if "Last, First"), from the messages of my addresses; null for none. */
  ownName(): string | null {
    let best: string | null = null
    let most = 0
    for (const [name, n] of this.ownNames) {
      if (n > most) [best, most] = [name, n]
    }
    return best
  }

  /** Correspondents so far who would become or match people (both ways), for progress. */
  peopleSoFar(): number {
    let n = 0
    for (const c of this.correspondents.values()) if ((c.sent > 0 && c.received > 0) || c.meetings > 0) n++
    return n
  }

  private number(key: string): number {
    let n = this.numbers.get(key)
    if (n === undefined) {
      n = this.numbers.size
      if (n >= PAIR_SPAN) throw new KithError('bad_request', `This archive names more than ${PAIR_SPAN.toLocaleString('en')} people; Kith cannot learn from it in one import.`)
      this.numbers.set(key, n)
    }
    return n
  }

  private isMine(p: Participant | null): boolean {
    return p !== null && (p.me === true || (p.email !== null && this.options.myAddresses.has(normalizeEmail(p.email))))
  }

  private isShared(p: Participant): boolean {
    return p.email !== null && p.linkedinUrl === null && isSharedInbox(p.email, p.name)
  }

  private correspondent(p: Participant): Correspondent | null {
    const email = p.email === null ? null : normalizeEmail(p.email)
    const linkedinUrl = p.linkedinUrl === null ? null : normalizeLinkedin(p.linkedinUrl)
    // A profile address says who someone is on LinkedIn more surely than an address they may have shared.
    const key = linkedinUrl !== null ? `l:${linkedinUrl}` : email !== null && email !== '' ? `e:${email}` : null
    if (key === null) return null
    let c = this.correspondents.get(key)
    if (c === undefined) {
      c = { key, email: email === '' ? null : email, linkedinUrl, name: null, sent: 0, received: 0, meetings: 0, recent: null, connection: null }
      this.correspondents.set(key, c)
    }
    // Mail from Outlook and Exchange often names people "Raman, Priya": turned round when it can be nothing else.
    if (c.name === null && p.name !== null && p.name.trim() !== '') c.name = lastFirst(p.name) ?? p.name.trim()
    return c
  }

  /** A LinkedIn connection, their profile, or the export's owner and jobs. */
  private addFact(fact: ConnectionFact | OwnerFact | PositionFact | RowProblemFact): void {
    if (fact.kind === 'owner') this.owner ??= fact
    else if (fact.kind === 'position') this.positions.push(fact)
    else if (fact.kind === 'problem') this.errors.push({ line: fact.line, message: fact.message })
    else this.addConnection(fact)
  }

  private addConnection(fact: ConnectionFact): void {
    const found = this.correspondent({ email: fact.email, name: fact.name, linkedinUrl: fact.linkedinUrl })
    // With neither a profile nor an address (older exports), the name and company are all there is.
    const key = `n:${foldName(fact.name)}|${foldCompany(fact.company)}`
    let c = found ?? this.correspondents.get(key)
    if (c === undefined) {
      c = { key, email: null, linkedinUrl: null, name: fact.name, sent: 0, received: 0, meetings: 0, recent: null, connection: null }
      this.correspondents.set(key, c)
    }
    if (c.email === null && fact.email !== null) c.email = normalizeEmail(fact.email)
    c.name = fact.name
    c.connection = { company: fact.company, title: fact.title }
  }

  add(o: ArchiveItem): void {
    if (o.kind === 'connection' || o.kind === 'owner' || o.kind === 'position' || o.kind === 'problem') {
      this.addFact(o)
      return
    }
    this.messages++
    if (this.seen.has(o.sourceKey)) return
    const sourceKey = own(o.sourceKey)
    this.seen.add(sourceKey)
    const time = Date.parse(o.at)
    if (Number.isNaN(time)) {
      this.errors.push({ line: this.messages, message: `${o.kind === 'meeting' ? 'a meeting' : 'a message'} (${o.sourceKey.slice(0, 120)}) has no date Kith can read; left out` })
      return
    }
    if (o.noise !== null) {
      this.ignored[o.noise]++
      return
    }
    const at = new Date(time).toISOString()
    const sent = this.isMine(o.from)
    const received = !sent && o.to.some((p) => this.isMine(p))
    const ownName = sent ? (o.from?.name ?? '').trim() : ''
    // A name with no letters, or an address as its name, says nothing about who I am.
    if (ownName !== '' && /\p{L}/u.test(ownName) && !ownName.includes('@')) {
      const name = lastFirst(ownName) ?? ownName
      this.ownNames.set(name, (this.ownNames.get(name) ?? 0) + 1)
    }
    const others = new Map<string, Correspondent>()
    // Shared inboxes (support@, info@) are no one: left out, the people beside them kept.
    let sawShared = false
    for (const p of [o.from, ...o.to]) {
      if (p === null || this.isMine(p)) continue
      if (this.isShared(p)) {
        sawShared = true
        continue
      }
      const c = this.correspondent(p)
      if (c !== null) others.set(c.key, c)
    }
    // Who knows whom: everyone on a small thread or meeting, with me or not.
    if (others.size + (sent || received ? 1 : 0) <= SMALL_GROUP && others.size >= 2) {
      // Each meeting of a series counts (its events share one key): a weekly meeting is many meetings, not one thread.
      const threadKey = own(o.kind === 'meeting' ? `${o.threadKey}|${at.slice(0, 10)}` : o.threadKey)
      const keys = [...others.keys()].sort()
      for (let i = 0; i < keys.length; i++) {
        for (let j = i + 1; j < keys.length; j++) {
          const [a = '', b = ''] = [keys[i], keys[j]]
          const id = this.number(a) * PAIR_SPAN + this.number(b)
          const pair = this.pairs.get(id)
          if (pair === undefined) {
            this.pairs.set(id, { a, b, first: threadKey, more: null, meetingsOnly: o.kind === 'meeting', last: at })
            continue
          }
          if (threadKey !== pair.first) (pair.more ??= new Set()).add(threadKey)
          if (o.kind !== 'meeting') pair.meetingsOnly = false
          if (at > pair.last) pair.last = at
        }
      }
    }
    if (!sent && !received) {
      this.ignored['not with me']++
      return
    }
    if (others.size === 0 && sawShared) {
      this.ignored['shared inbox']++
      return
    }
    // What an earlier import added is already in its tally; counting it again would double it.
    const known = this.known.get(o.sourceKey) !== undefined
    const fromKey = o.from === null || sent || this.isShared(o.from) ? null : (this.correspondent(o.from)?.key ?? null)
    for (const c of others.values()) {
      const isSent = sent && c.key !== fromKey
      const isReceived = received && c.key === fromKey
      // A meeting is a meeting, not a message either way (an organiser's invitation is not a letter).
      if (o.kind === 'meeting') c.meetings++
      else if (isSent) c.sent++
      else if (isReceived) c.received++
      if (!known && at >= this.since && (isSent || isReceived || o.kind === 'meeting')) {
        const r = c.recent
        const meeting = o.kind === 'meeting' ? 1 : 0
        // A meeting counts as a meeting, not as a message.
        const s = isSent && meeting === 0 ? 1 : 0
        const v = isReceived && meeting === 0 ? 1 : 0
        if (r === null) c.recent = { sent: s, received: v, meetings: meeting, first: at, last: at }
        else {
          r.sent += s
          r.received += v
          r.meetings += meeting
          if (at < r.first) r.first = at
          if (at > r.last) r.last = at
        }
      }
    }
    if (known) {
      this.ignored['already imported']++
      return
    }
    const day = at.slice(0, 10)
    const id = own(`${o.threadKey}\u0000${day}`)
    let td = this.threadDays.get(id)
    if (td === undefined) {
      td = { kind: o.kind, day, subject: null, people: [], keys: [] }
      this.threadDays.set(id, td)
    }
    if (td.subject === null && this.options.keepSubjects && o.subject !== null && o.subject.trim() !== '') td.subject = own(o.subject.trim().slice(0, 500))
    for (const key of others.keys()) if (!td.people.includes(key)) td.people.push(key)
    td.keys.push(sourceKey)
  }
}

/** A correspondent and who they are in Kith once the plan is made. */
export interface PlannedCorrespondent {
  key: string
  /** the person in Kith; null for one to be created */
  personId: number | null
  /** matched by name alone: this address is added to them (and taken off again if the import is undone) */
  addEmail: string | null
  name: string
  email: string | null
  /** as stored on a person (https://www.linkedin.com/in/...) */
  linkedinUrl: string | null
  /** from a LinkedIn connection: their current job */
  company: string | null
  title: string | null
  sent: number
  received: number
  meetings: number
  /** what this import adds to the tie's tally (within the window), null for nothing */
  tally: Exchange | null
  /** the estimate to store, null when it is not Kith's to set */
  estimate: { strength: number; explanation: string } | null
  /** why there is no estimate, or the estimate's explanation */
  explanation: string
}

export interface PlannedInteraction {
  kind: InteractionKind
  day: string
  subject: string | null
  people: string[]
  keys: string[]
}

export interface PlannedTie {
  a: string
  b: string
  threads: number
  last: string
  context: string
}

export interface LearnPlan {
  meId: number | null
  created: PlannedCorrespondent[]
  matched: PlannedCorrespondent[]
  heardFrom: HeardFrom[]
  interactions: PlannedInteraction[]
  ties: PlannedTie[]
  /** correspondent key to person id, for those already in Kith */
  existing: Map<string, number>
  /** from LinkedIn's export: "me" to create, and jobs to add to my work history */
  owner: OwnerPlan
}

/** A relationship whose strength Kith may set: one it estimated, or one an import linked with its default and nobody has touched since. */
export const ESTIMABLE_SQL = `(strength_estimate IS NOT NULL OR (source = 'imported' AND updated_at = created_at))`

function nameOf(c: Correspondent): string {
  if (c.name !== null) return c.name
  if (c.email !== null) return c.email
  return c.linkedinUrl ?? c.key
}

/** Why a one-way exchange is no tie, in words: "3 messages from you, none back: one way, not a tie". */
function oneWayWords(seen: { sent: number; received: number }): string {
  if (seen.sent + seen.received === 0) return 'no exchange both ways: not a tie'
  const [n, side] = seen.sent > 0 ? [seen.sent, 'from you, none back'] : [seen.received, 'from them, none from you']
  return `${n.toLocaleString('en')} ${n === 1 ? 'message' : 'messages'} ${side}: one way, not a tie`
}

/** Turns the aggregates into what an import would do, reading the database as it is now. */
export function planLearning(sqlite: Database.Database, learner: Learner, now: string): LearnPlan {
  const byEmail = sqlite.prepare<[string], number>('SELECT person_id FROM person_email WHERE email_norm = ? ORDER BY person_id LIMIT 1').pluck()
  const byLinkedin = new Map<string, number>()
  for (const row of sqlite.prepare<[], { id: number; linkedin_url: string }>('SELECT id, linkedin_url FROM person WHERE linkedin_url IS NOT NULL ORDER BY id DESC').all()) {
    const key = normalizeLinkedin(row.linkedin_url)
    if (key !== null) byLinkedin.set(key, row.id)
  }
  const meId = sqlite.prepare<[], number>('SELECT id FROM person WHERE is_me = 1').pluck().get() ?? null
  const relationship = sqlite.prepare<[number, number], { strength: number; estimable: number }>(`SELECT strength, ${ESTIMABLE_SQL} AS estimable FROM relationship WHERE person_a = ? AND person_b = ?`)
  const byName = [...learner.correspondents.values()].some((c) => c.connection !== null) ? nameIndex(sqlite) : null
  const existing = new Map<string, number>()
  /** correspondents matched by their whole name alone: their address is added to the person (see `bareNameIndex`) */
  const byNameOnly = new Set<string>()
  let bare: ReturnType<typeof bareNameIndex> | null = null
  const nameRejections = new Rejections(sqlite)
  // Two addresses under one name in this archive may be two people: neither is matched by name alone.
  const namesHere = new Map<string, number>()
  for (const c of learner.correspondents.values()) if (c.email !== null && c.name !== null) namesHere.set(foldName(c.name), (namesHere.get(foldName(c.name)) ?? 0) + 1)
  for (const c of learner.correspondents.values()) {
    let id =
      (c.linkedinUrl === null ? undefined : byLinkedin.get(c.linkedinUrl)) ??
      (c.email === null ? undefined : byEmail.get(c.email)) ??
      (c.connection === null || c.name === null ? undefined : byName?.find(c.name, c.connection.company, c.linkedinUrl))
    // By name alone only as surely as a new person would be made (both ways, or a meeting): one message from a
    // stranger of that name, or an address the user rejected, does not give their address to someone in Kith.
    const sure = (c.sent > 0 && c.received > 0) || c.meetings > 0
    if (id === undefined && sure && c.email !== null && c.name !== null && c.connection === null && namesHere.get(foldName(c.name)) === 1) {
      bare ??= bareNameIndex(sqlite)
      id = bare.get(foldName(c.name))
      if (id !== undefined && nameRejections.personRejected(identityKeys(c.email, c.linkedinUrl))) id = undefined
      if (id !== undefined) byNameOnly.add(c.key)
    }
    if (id !== undefined && id !== meId) existing.set(c.key, id)
  }
  // With no "me" and no LinkedIn profile, the name my own addresses send under is who I am.
  const mailName = learner.owner === null && meId === null ? learner.ownName() : null
  const owner = planOwner(sqlite, meId, learner.owner ?? (mailName === null ? null : { kind: 'owner', name: mailName, headline: null }), learner.positions, learner.owner === null ? 'the name your addresses send under' : 'from Profile.csv')
  const meKnown = meId !== null || owner.create !== null
  const plan: LearnPlan = { meId, created: [], matched: [], heardFrom: [], interactions: [], ties: [], existing, owner }
  const tally = sqlite.prepare<[number], { sent: number; received: number; meetings: number; first: string | null; last: string | null }>(
    'SELECT coalesce(sum(sent), 0) AS sent, coalesce(sum(received), 0) AS received, coalesce(sum(meetings), 0) AS meetings, min(first_at) AS first, max(last_at) AS last FROM archive_tally WHERE person_id = ?',
  )
  /** What earlier archive imports saw of each person here, by person id. */
  const tallied = new Map<number, Exchange>()
  for (const id of new Set(existing.values())) {
    const row = tally.get(id)
    if (row !== undefined && row.first !== null && row.last !== null) tallied.set(id, { sent: row.sent, received: row.received, meetings: row.meetings, first: row.first, last: row.last })
  }
  // A person written to at two addresses is one tie: what this archive shows of it adds up too.
  const fresh = new Map<number, Exchange | null>()
  for (const c of learner.correspondents.values()) {
    const id = existing.get(c.key)
    if (id !== undefined) fresh.set(id, addExchanges(fresh.get(id) ?? null, c.recent))
  }
  const since = windowStart(now)
  const rejections = nameRejections
  const people = new Set<string>()
  const oneWayPeople = new Set<string>()
  for (const c of learner.correspondents.values()) {
    const personId = existing.get(c.key) ?? null
    const withMe = c.sent + c.received + c.meetings > 0 || c.connection !== null
    if (!withMe) {
      if (personId !== null) people.add(c.key)
      continue
    }
    const bothWays = (c.sent > 0 && c.received > 0) || c.meetings > 0 || c.connection !== null
    // Someone the user rejected is never proposed again; someone they added by hand since is matched as usual.
    const rejectedBefore = personId === null && rejections.personRejected(identityKeys(c.email, c.linkedinUrl))
    if (personId === null && (!bothWays || rejectedBefore)) {
      plan.heardFrom.push({ name: nameOf(c), email: c.email, sent: c.sent, received: c.received, rejected: rejectedBefore })
      continue
    }
    people.add(c.key)
    let estimate: PlannedCorrespondent['estimate'] = null
    let explanation: string
    // The estimate is made from everything archive imports have seen of this tie, this one included.
    const seen = personId === null ? c.recent : addExchanges(tallied.get(personId) ?? null, fresh.get(personId) ?? null)
    // Someone already here whom the user only ever wrote to, or only heard from (in this archive and the earlier ones,
    // whenever: no reply, no meeting, no connection): no tie to estimate. (Someone new is added only both ways, above.)
    const before = personId === null ? undefined : tallied.get(personId)
    const all = { sent: c.sent + (before?.sent ?? 0), received: c.received + (before?.received ?? 0), meetings: c.meetings + (before?.meetings ?? 0) }
    const oneWay = personId !== null && c.connection === null && all.meetings === 0 && (all.sent === 0 || all.received === 0)
    if (oneWay) oneWayPeople.add(c.key)
    const e = oneWay ? null : seen !== null && seen.last >= since ? estimateStrength(seen, now) : c.connection !== null ? CONNECTION_ESTIMATE : null
    if (!meKnown) explanation = 'not linked to you: say who you are first'
    else if (oneWay) explanation = oneWayWords(all)
    else if (e === null) explanation = 'nothing in the last 3 years'
    else {
      const rel =
        personId === null || meId === null ? undefined : relationship.get(Math.min(meId, personId), Math.max(meId, personId))
      if (rel !== undefined && rel.estimable === 0) explanation = `you set the strength (${rel.strength}); kept`
      else {
        estimate = { strength: e.strength, explanation: e.explanation }
        explanation = e.explanation
      }
    }
    const planned: PlannedCorrespondent = {
      key: c.key,
      personId,
      addEmail: personId !== null && byNameOnly.has(c.key) ? c.email : null,
      name: nameOf(c),
      email: c.email,
      linkedinUrl: c.linkedinUrl === null ? null : `https://www.${c.linkedinUrl}`,
      company: c.connection?.company ?? null,
      title: c.connection?.title ?? null,
      sent: c.sent,
      received: c.received,
      meetings: c.meetings,
      tally: c.recent,
      estimate,
      explanation,
    }
    ;(personId === null ? plan.created : plan.matched).push(planned)
  }
  for (const td of learner.threadDays.values()) {
    const present = td.people.filter((k) => people.has(k))
    if (present.length > 0) plan.interactions.push({ kind: td.kind, day: td.day, subject: td.subject, people: present, keys: td.keys })
  }
  plan.interactions.sort((a, b) => a.day.localeCompare(b.day))

  const related = sqlite.prepare('SELECT 1 FROM relationship WHERE person_a = ? AND person_b = ?').pluck()
  const rejected = sqlite.prepare('SELECT 1 FROM colleague_rejection WHERE person_a = ? AND person_b = ?').pluck()
  const pending = sqlite.prepare("SELECT 1 FROM review_item WHERE kind = 'tie' AND person_id = ? AND other_id = ?").pluck()
  for (const pair of learner.pairs.values()) {
    if (threadsOf(pair) < TIE_THREADS) continue
    const { a, b } = pair
    // Written to together, never heard from: nothing says they know each other, or me.
    if (!people.has(a) || !people.has(b) || oneWayPeople.has(a) || oneWayPeople.has(b)) continue
    const [ida, idb] = [existing.get(a), existing.get(b)]
    if (ida !== undefined && idb !== undefined) {
      const [x, y] = [Math.min(ida, idb), Math.max(ida, idb)]
      if (x === y || related.get(x, y) !== undefined || rejected.get(x, y) !== undefined || pending.get(x, y) !== undefined) continue
    }
    const [ca, cb] = [learner.correspondents.get(a), learner.correspondents.get(b)]
    if (ca !== undefined && cb !== undefined && rejections.tieRejected(identityKeys(ca.email, ca.linkedinUrl), identityKeys(cb.email, cb.linkedinUrl))) continue
    const n = threadsOf(pair)
    const last = pair.last.slice(0, 10)
    const context = pair.meetingsOnly ? `at ${n} meetings together, last ${last}` : `on ${n} threads together, last ${last}`
    plan.ties.push({ a, b, threads: n, last, context })
  }
  plan.ties.sort((x, y) => y.threads - x.threads || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
  return plan
}

export function learnedPerson(p: PlannedCorrespondent): LearnedPerson {
  return {
    id: p.personId,
    name: p.name,
    email: p.email,
    sent: p.sent,
    received: p.received,
    meetings: p.meetings,
    strength: p.estimate?.strength ?? null,
    explanation: p.explanation,
    byName: p.addEmail !== null,
  }
}

/**
 * People in Kith who may be matched by their whole name alone, by folded
 * name: someone added from LinkedIn or by hand (no address on record) whom
 * the archive shows writing from an address. Only a name of two words or
 * more that one person in Kith has, and only if that person has no address
 * yet: a namesake, or an address already known, and it is not them.
 */
function bareNameIndex(sqlite: Database.Database): Map<string, number> {
  const seen = new Map<string, number | null>()
  for (const r of sqlite
    .prepare<[], { id: number; name: string; unmatchable: number }>(
      'SELECT id, name, EXISTS (SELECT 1 FROM person_email e WHERE e.person_id = person.id) OR archived_at IS NOT NULL AS unmatchable FROM person WHERE is_me = 0',
    )
    .all()) {
    const key = foldName(r.name)
    if (!key.includes(' ')) continue
    // An archived namesake is a namesake still; an archived person is not matched.
    seen.set(key, seen.has(key) || r.unmatchable === 1 ? null : r.id)
  }
  const index = new Map<string, number>()
  for (const [key, id] of seen) if (id !== null) index.set(key, id)
  return index
}

export function learnedTie(t: PlannedTie, names: ReadonlyMap<string, string>): LearnedTie {
  return { a: names.get(t.a) ?? t.a, b: names.get(t.b) ?? t.b, threads: t.threads, last: t.last, context: t.context }
}
