import type { IntroDetails } from '../../../shared/schemas'
import { parseJsonColumn, storedEffectChange, storedIntroDetails, storedIntroFields } from '../db/json-column'
import type { IntroPerson, IntroductionDetail, IntroductionRequest, PersonRef } from '../../../shared/types'
import { canMove, isIntroState, nextStates, stateWord, statesOf, type IntroState } from '../../../shared/intro-states'
import { composeIntroEmail, introEssentials, type IntroEmailFields } from '../../../shared/intro-templates'
import type { BackendState } from '../state'
import type { Db } from '../people/records'
import type { EffectEntity } from '../db/schema'
import type { TaskKind } from '../../../shared/vocab'
import { requireNotFuture, requireWithinPlanning } from '../dates'
import { KithError, fieldError } from '../errors'
import { pathChecks } from '../paths/service'
import { readProfile } from '../profile/service'
import { introDrafts } from './drafts'
import { meId, names, normalizeLabel, parseIdList, requirePeople } from '../people/records'
import { tasksFor } from '../tasks/service'
import { row, type Row } from './rows'

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

function titleOf(row: Row, n: Map<number, string>): string {
  const name = (id: number | null): string => (id === null ? '(deleted)' : (n.get(id) ?? '(deleted)'))
  if (row.kind !== 'ask') return `Introduce ${name(row.person_a_id)} and ${name(row.person_b_id)}`
  const ask = `Ask ${name(row.connector_id)} to introduce you to ${name(row.target_id)}`
  return row.goal_id === null ? ask : `${ask}, on the way to ${name(row.goal_id)}`
}

async function summaries(backend: BackendState, rows: Row[]): Promise<IntroductionRequest[]> {
  const ids = rows.flatMap((r) => [...parseIdList(r.path), r.connector_id, r.target_id, r.goal_id, r.person_a_id, r.person_b_id].filter((x): x is number => x !== null))
  const n = await names(backend.db, ids)
  const next = new Map<number, number>()
  if (rows.length > 0) {
    for (const r of await backend.db
      .selectFrom('introduction')
      .select(['id', 'previous_id'])
      .where('previous_id', 'in', rows.map((r) => r.id))
      .execute()) {
      if (r.previous_id !== null) next.set(r.previous_id, r.id)
    }
  }
  const ref = (id: number | null): PersonRef | null => (id === null ? null : { id, name: n.get(id) ?? '(deleted)' })
  const open = await tasksFor(backend, {})
  return rows.map((r) => {
    const mine = open.filter((t) => t.introductionId === r.id)
    return {
      id: r.id,
      kind: r.kind === 'connect' ? 'connect' : 'ask',
      state: r.state,
      title: titleOf(r, n),
      connector: ref(r.connector_id),
      target: ref(r.target_id),
      personA: ref(r.person_a_id),
      personB: ref(r.person_b_id),
      path: parseIdList(r.path).map((id) => ({ id, name: n.get(id) ?? '(deleted)' })),
      score: r.score,
      goal: ref(r.goal_id),
      previousId: r.previous_id,
      nextId: next.get(r.id) ?? null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      openTasks: mine.length,
      overdueTasks: mine.filter((t) => t.status === 'overdue').length,
      nextDue: mine[0]?.dueOn ?? null,
    }
  })
}

/** One introduction as the lists show it. */
export async function introductionSummary(backend: BackendState, id: number): Promise<IntroductionRequest> {
  const [summary] = await summaries(backend, [await row(backend.db, id)])
  if (summary === undefined) throw new Error('summary missing')
  return summary
}

/** Introductions, those with overdue tasks first, then the most recently changed. */
export async function listIntroductions(backend: BackendState, state: string | null, personId: number | null): Promise<IntroductionRequest[]> {
  let q = backend.db.selectFrom('introduction').selectAll()
  if (state !== null) q = q.where('state', '=', state)
  if (personId !== null) {
    q = q.where((eb) =>
      eb.or([
        eb('connector_id', '=', personId),
        eb('target_id', '=', personId),
        eb('goal_id', '=', personId),
        eb('person_a_id', '=', personId),
        eb('person_b_id', '=', personId),
      ]),
    )
  }
  const list = await summaries(backend, await q.execute())
  return list.sort((a, b) => Number(b.overdueTasks > 0) - Number(a.overdueTasks > 0) || b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id)
}

async function introPerson(db: Db, id: number | null): Promise<IntroPerson> {
  if (id === null) return { id: -1, name: '(deleted)', email: null, company: null, title: null }
  const p = await db.selectFrom('person').select(['id', 'name', 'company', 'title']).where('id', '=', id).executeTakeFirst()
  const email = await db.selectFrom('person_email').select('email').where('person_id', '=', id).orderBy('position').executeTakeFirst()
  return p === undefined ? { id, name: '(deleted)', email: null, company: null, title: null } : { ...p, email: email?.email ?? null }
}

export async function getIntroduction(backend: BackendState, id: number): Promise<IntroductionDetail> {
  const r = await row(backend.db, id)
  const summary = await introductionSummary(backend, id)
  const me = await introPerson(backend.db, await meId(backend.db))
  const people =
    r.kind === 'ask'
      ? [await introPerson(backend.db, r.connector_id), await introPerson(backend.db, r.target_id)]
      : [await introPerson(backend.db, r.person_a_id), await introPerson(backend.db, r.person_b_id)]
  const history = await backend.db
    .selectFrom('introduction_event')
    .select(['state', 'on_date'])
    .where('introduction_id', '=', id)
    .orderBy('id')
    .execute()
  const answer = (v: string | null): 'yes' | 'no' | null => (v === 'yes' || v === 'no' ? v : null)
  const answers = { a: answer(r.a_answer), b: answer(r.b_answer) }
  const details = parseJsonColumn(storedIntroDetails, r.details, {})
  return {
    ...summary,
    me,
    people,
    answers,
    details,
    meetingOn: r.meeting_on,
    history: history.map((h) => ({ state: h.state, on: h.on_date })),
    tasks: await tasksFor(backend, { introductionId: id, includeDone: true }),
    nextStates: [...nextStates(r.kind, r.state)],
    checks: r.kind === 'ask' ? pathChecks(backend, parseIdList(r.path)) : [],
    // For one hop of a longer path, `goal` is where the chain leads (null until chains are tracked, or when the target is the goal).
    drafts: introDrafts({ kind: summary.kind, details, people, goal: summary.goal, answers, profile: readProfile(backend) }),
  }
}

export async function recordEvent(db: Db, introductionId: number, state: IntroState, on: string, now: string): Promise<number> {
  const row = await db.insertInto('introduction_event').values({ introduction_id: introductionId, state, on_date: on, created_at: now }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/**
 * Records a request to be introduced along a path (me first, target last),
 * after checking every step is a relationship or an inferred colleague tie.
 * A longer path is asked one hop at a time: this first request asks the
 * first connector for the next person on the path, with the last person as
 * the goal; the next hop is drafted when this one reaches "introduced".
 */
export async function requestIntroduction(backend: BackendState, path: number[], score: number | null): Promise<IntroductionRequest> {
  if (new Set(path).size !== path.length) throw fieldError('path', 'a person appears twice')
  const now = backend.now().toISOString()
  const g = backend.paths()
  const id = await backend.db.transaction().execute(async (trx) => {
    const people = await requirePeople(trx, path)
    if (people.get(path[0] ?? -1)?.isMe !== true) throw fieldError('path', 'it must start with you')
    for (const id of path) {
      if (people.get(id)?.archived === true) throw new KithError('conflict', `${people.get(id)?.name ?? id} is archived.`)
    }
    for (let k = 0; k + 1 < path.length; k++) {
      const [i, j] = [g.indexOf.get(path[k] ?? -1) ?? -1, g.indexOf.get(path[k + 1] ?? -1) ?? -1]
      if (i < 0 || j < 0 || g.p(i, j) === 0) {
        throw new KithError('conflict', `${people.get(path[k] ?? -1)?.name ?? ''} and ${people.get(path[k + 1] ?? -1)?.name ?? ''} are not known to know each other.`)
      }
    }
    return insertAsk(trx, backend, path, score, null, now)
  })
  // Connectors' fatigue changes.
  backend.touched(path.slice(1, -1))
  return introductionSummary(backend, id)
}

/** One hop of an ask: path[1] is asked to introduce me to path[2]; the goal is the path's end when it is further. */
async function insertAsk(db: Db, backend: BackendState, path: number[], score: number | null, previous: number | null, now: string, details: Record<string, unknown> = {}): Promise<number> {
  const created = await db
    .insertInto('introduction')
    .values({
      kind: 'ask',
      state: 'draft',
      connector_id: path[1] ?? null,
      target_id: path[2] ?? null,
      goal_id: path.length > 3 ? (path[path.length - 1] ?? null) : null,
      previous_id: previous,
      path: JSON.stringify(path),
      score,
      details: JSON.stringify(details),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordEvent(db, created.id, 'draft', backend.today(), now)
  return created.id
}

export async function connectPeople(backend: BackendState, a: number, b: number, context: string): Promise<IntroductionDetail> {
  const now = backend.now().toISOString()
  const id = await backend.db.transaction().execute(async (trx) => {
    const people = await requirePeople(trx, [a, b])
    for (const p of people.values()) {
      if (p.isMe) throw new KithError('bad_request', 'To be introduced yourself, find a path instead.')
      if (p.archived) throw new KithError('conflict', `${p.name} is archived.`)
    }
    const created = await trx
      .insertInto('introduction')
      .values({
        kind: 'connect',
        state: 'draft',
        person_a_id: a,
        person_b_id: b,
        details: JSON.stringify({ context, schedules: 'a' }),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordEvent(trx, created.id, 'draft', backend.today(), now)
    return created.id
  })
  return getIntroduction(backend, id)
}

export async function updateDetails(backend: BackendState, id: number, details: IntroDetails): Promise<IntroductionDetail> {
  const r = await row(backend.db, id)
  const merged = { ...parseJsonColumn(storedIntroDetails, r.details, {}), ...details }
  await backend.db
    .updateTable('introduction')
    .set({ details: JSON.stringify(merged), updated_at: backend.now().toISOString() })
    .where('id', '=', id)
    .execute()
  return getIntroduction(backend, id)
}

/** Records one side's answer; a change of state is dated `on` (today unless told, as the sample network does). */
export async function answerOptIn(backend: BackendState, id: number, side: 'a' | 'b', answer: 'yes' | 'no' | null, on: string = backend.today()): Promise<IntroductionDetail> {
  const now = backend.now().toISOString()
  await backend.db.transaction().execute(async (trx) => {
    const r = await row(trx, id)
    if (r.kind !== 'connect') throw new KithError('bad_request', 'Only an introduction between two people has opt-ins.')
    if (!['draft', 'asking', 'ready'].includes(r.state)) throw new KithError('conflict', `The introduction is already ${r.state}.`)
    const a = side === 'a' ? answer : r.a_answer
    const b = side === 'b' ? answer : r.b_answer
    // Both yes: ready to send. Either no: declined. Otherwise still asking.
    const state = a === 'no' || b === 'no' ? 'declined' : a === 'yes' && b === 'yes' ? 'ready' : 'asking'
    await trx.updateTable('introduction').set({ a_answer: a, b_answer: b, state, updated_at: now }).where('id', '=', id).execute()
    if (state !== r.state) await recordEvent(trx, id, state, on, now)
  })
  return getIntroduction(backend, id)
}

/** What needs the user's confirmation before an introduction between two people goes out. */
export async function sendWarnings(backend: BackendState, r: Row): Promise<string[]> {
  const warnings: string[] = []
  const [a, b] = [await introPerson(backend.db, r.person_a_id), await introPerson(backend.db, r.person_b_id)]
  if (r.a_answer !== 'yes' || r.b_answer !== 'yes') {
    const missing = [r.a_answer !== 'yes' ? a.name : null, r.b_answer !== 'yes' ? b.name : null].filter((x) => x !== null)
    warnings.push(`${missing.join(' and ')} ${missing.length === 1 ? 'has' : 'have'} not said yes to this introduction.`)
  }
  const d = parseJsonColumn(storedIntroFields, r.details, {})
  const fields: IntroEmailFields = {
    signer: readProfile(backend),
    a: { name: a.name, email: a.email, howIKnow: d.aHow ?? '', credit: d.aCredit ?? '', gain: d.aGain ?? '' },
    b: { name: b.name, email: b.email, howIKnow: d.bHow ?? '', credit: d.bCredit ?? '', gain: d.bGain ?? '' },
    context: d.context ?? '',
    schedules: d.schedules ?? 'a',
  }
  // The email that will be sent: the user's own text when they edited it.
  const body = d.email !== undefined && d.email.trim() !== '' ? d.email : composeIntroEmail(fields).body
  warnings.push(...introEssentials(body, fields))
  return warnings
}

/** Give-back ideas: what the connector is looking for, and people I know who offer it. */
async function giveBackIdea(backend: BackendState, connector: number, connectorName: string): Promise<string> {
  const needs = await backend.db.selectFrom('person_label').select(['label', 'label_norm']).where('person_id', '=', connector).where('kind', '=', 'need').execute()
  const me = await meId(backend.db)
  if (needs.length === 0 || me === null) return `Find a way to give back to ${connectorName}: ask what they are looking for.`
  const offers = await backend.db
    .selectFrom('person_label as l')
    .innerJoin('relationship as r', (j) => j.on((eb) => eb.or([eb.and([eb('r.person_a', '=', me), eb('r.person_b', '=', eb.ref('l.person_id'))]), eb.and([eb('r.person_b', '=', me), eb('r.person_a', '=', eb.ref('l.person_id'))])])))
    .innerJoin('person as p', 'p.id', 'l.person_id')
    .select(['p.name', 'l.label_norm'])
    .where('l.kind', '=', 'offer')
    .where('l.label_norm', 'in', needs.map((n) => normalizeLabel(n.label)))
    .where('p.id', '!=', connector)
    .where('p.archived_at', 'is', null)
    .where('r.strength', '>=', 2)
    .orderBy('r.strength', 'desc')
    .limit(3)
    .execute()
  const need = needs[0]?.label ?? ''
  if (offers.length === 0) return `Give back to ${connectorName}: they are looking for ${needs.map((n) => n.label).join(', ')}.`
  const match = needs.find((n) => offers.some((o) => o.label_norm === n.label_norm))?.label ?? need
  return `Give back to ${connectorName}: they are looking for ${match}; you know ${offers.map((o) => o.name).join(', ')}, who can help.`
}

/**
 * A step cannot be dated before the step it follows ("agreed" before
 * "asked"). The draft does not count: it is dated the day the introduction
 * was written down in Kith, and a user may well record steps that happened
 * before that. A previous step dated in the future (written before Kith
 * checked dates) is not held against the user either, or no date would do.
 */
async function requireInOrder(db: Db, id: number, on: string, today: string): Promise<void> {
  const previous = await db
    .selectFrom('introduction_event')
    .select(['state', 'on_date'])
    .where('introduction_id', '=', id)
    .where('state', '!=', 'draft')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (previous !== undefined && previous.on_date <= today && on < previous.on_date) {
    const step = stateWord(previous.state)
    throw fieldError('date', `${on} is before the previous step (${step.toLowerCase()}, on ${previous.on_date}); steps are recorded in the order they happened`)
  }
  if (previous !== undefined) return
  // The first step of a later hop comes after the introduction that made it possible.
  const hop = await db
    .selectFrom('introduction as i')
    .innerJoin('introduction_event as e', 'e.introduction_id', 'i.previous_id')
    .innerJoin('person as p', 'p.id', 'i.connector_id')
    .select(['e.on_date', 'p.name'])
    .where('i.id', '=', id)
    .where('e.state', '=', 'introduced')
    .orderBy('e.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (hop !== undefined && hop.on_date <= today && on < hop.on_date) {
    throw fieldError('date', `${on} is before you were introduced to ${hop.name} (on ${hop.on_date}); steps are recorded in the order they happened`)
  }
}


/** What a move added or changed, so that taking the move back removes exactly that. */
type Effect = { entity: EffectEntity; id: number; change?: Record<string, string | number | null> }

const LEARNED_STRENGTH = 2

/**
 * Moves an introduction to another state, with what follows: tasks, favors,
 * and what the graph learns (scoring.md, "Learning from introductions"):
 * an ask that reaches "introduced" gives me a relationship with the person
 * I was introduced to, and drafts the next hop of a longer path; closing the
 * loop logs the meeting; two people I introduced get a relationship. Nothing
 * the user set is overwritten, and every addition is recorded against the
 * move so `undoMove` can take it back.
 */
export async function moveIntroduction(backend: BackendState, id: number, to: string, date: string | undefined, confirmed: boolean): Promise<IntroductionDetail> {
  const r = await row(backend.db, id)
  const kind = r.kind
  if (!isIntroState(to) || !statesOf(kind).includes(to)) {
    throw fieldError('to', `"${to}" is not a state of ${kind === 'ask' ? 'a request' : 'an introduction'}.`)
  }
  if (!canMove(kind, r.state, to)) {
    throw new KithError('conflict', `An introduction that is ${r.state} cannot become ${to}.`)
  }
  if (kind === 'connect' && to === 'introduced' && !confirmed) {
    const warnings = await sendWarnings(backend, r)
    if (warnings.length > 0) throw new KithError('conflict', `Confirm before sending: ${warnings.join(' ')}`)
  }
  const today = backend.today()
  const on = date ?? today
  // "Meeting scheduled" is dated by the meeting, which may be ahead; every other step has happened.
  if (to === 'scheduled') requireWithinPlanning('date', on, today)
  else requireNotFuture('date', on, today, 'record a step once it has happened')
  await requireInOrder(backend.db, id, on, today)
  const now = backend.now().toISOString()
  const touched: number[] = []
  const n = await names(backend.db, [r.connector_id, r.target_id, r.goal_id, r.person_a_id, r.person_b_id].filter((x): x is number => x !== null))
  const name = (x: number | null): string => (x === null ? '' : (n.get(x) ?? ''))
  const giveBack = kind === 'ask' && to === 'introduced' && r.connector_id !== null ? await giveBackIdea(backend, r.connector_id, name(r.connector_id)) : ''
  await backend.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('introduction')
      .set({ state: to, updated_at: now, ...(to === 'scheduled' ? { meeting_on: on } : {}) })
      .where('id', '=', id)
      .execute()
    const eventId = await recordEvent(trx, id, to, on, now)
    const effects: Effect[] = []
    if (to === 'scheduled') effects.push({ entity: 'introduction', id, change: { meeting_on: r.meeting_on } })
    const task = async (kindOfTask: TaskKind, person: number | null, title: string, due: string): Promise<void> => {
      const created = await trx
        .insertInto('task')
        .values({ introduction_id: id, person_id: person, kind: kindOfTask, title, due_on: due, snoozed_until: null, done_at: null, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      effects.push({ entity: 'task', id: created.id })
    }
    /** Changes open tasks of these kinds (all when null), remembering what they held. */
    const changeTasks = async (kinds: TaskKind[] | null, set: { done_at?: string; due_on?: string }): Promise<void> => {
      let q = trx.selectFrom('task').select(['id', 'done_at', 'due_on']).where('introduction_id', '=', id).where('done_at', 'is', null)
      if (kinds !== null) q = q.where('kind', 'in', kinds)
      for (const t of await q.execute()) {
        await trx.updateTable('task').set(set).where('id', '=', t.id).execute()
        effects.push({ entity: 'task', id: t.id, change: { done_at: t.done_at, due_on: t.due_on } })
      }
    }
    const favor = async (giver: number, receiver: number, size: 'small' | 'medium', note: string): Promise<void> => {
      const created = await trx
        .insertInto('favor')
        .values({ giver_id: giver, receiver_id: receiver, occurred_on: on, kind: 'introduction', size, note, introduction_id: id, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      effects.push({ entity: 'favor', id: created.id })
      touched.push(giver, receiver)
    }
    /** A relationship between two people, only when none is recorded. */
    const learn = async (a: number, b: number, confidence: 'firsthand' | 'believed', context: string): Promise<void> => {
      const [lo, hi] = a < b ? [a, b] : [b, a]
      const existing = await trx.selectFrom('relationship').select('id').where('person_a', '=', lo).where('person_b', '=', hi).executeTakeFirst()
      if (existing !== undefined) return
      const created = await trx
        .insertInto('relationship')
        .values({ person_a: lo, person_b: hi, strength: LEARNED_STRENGTH, kind: 'other', confidence, source: 'entered', contexts: JSON.stringify([context]), since: on, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      effects.push({ entity: 'relationship', id: created.id })
      touched.push(a, b)
    }
    const me = await meId(trx)
    if (kind === 'ask' && to === 'introduced') {
      await task('thank_connector', r.connector_id, `Thank ${name(r.connector_id)} for the introduction`, on)
      await task('reply_target', r.target_id, `Reply to ${name(r.target_id)} within 24 hours, offering a few times`, addDays(on, 1))
      await task('close_loop', r.connector_id, `Tell ${name(r.connector_id)} how the meeting with ${name(r.target_id)} went`, addDays(on, 14))
      await task('give_back', r.connector_id, giveBack, addDays(on, 30))
      if (me !== null && r.connector_id !== null) await favor(r.connector_id, me, 'medium', `Introduced you to ${name(r.target_id)}`)
      if (me !== null && r.target_id !== null) {
        await learn(me, r.target_id, 'firsthand', `introduced by ${name(r.connector_id)} on ${on}`)
        const target = await trx.selectFrom('person').select('introduced_by_id').where('id', '=', r.target_id).executeTakeFirst()
        if (target !== undefined && target.introduced_by_id === null && r.connector_id !== null) {
          await trx.updateTable('person').set({ introduced_by_id: r.connector_id, updated_at: now }).where('id', '=', r.target_id).execute()
          effects.push({ entity: 'introduced_by', id: r.target_id, change: { introduced_by_id: null } })
          touched.push(r.target_id)
        }
      }
      // One hop of a longer path: now that I know the target, ask them for the next person.
      const path = parseIdList(r.path)
      const at = r.target_id === null ? -1 : path.indexOf(r.target_id)
      if (r.goal_id !== null && at > 0 && at < path.length - 1 && me !== null) {
        // The user's own reason and offer are about the goal: they carry over to the next hop.
        const carried = parseJsonColumn(storedIntroDetails, r.details, {})
        const keep = Object.fromEntries(['why', 'offer'].filter((k) => typeof carried[k] === 'string').map((k) => [k, carried[k]]))
        const next = await insertAsk(trx, backend, [me, ...path.slice(at)], null, id, now, keep)
        effects.push({ entity: 'introduction', id: next })
      }
    }
    if (kind === 'ask' && to === 'scheduled') await changeTasks(['close_loop'], { due_on: addDays(on, 1) })
    if (kind === 'ask' && to === 'closed') {
      await changeTasks(['close_loop'], { done_at: now })
      // The meeting happened: it counts as talking to them.
      if (me !== null && r.target_id !== null) {
        const met = r.meeting_on !== null && r.meeting_on <= on ? r.meeting_on : on
        const created = await trx
          .insertInto('interaction')
          .values({ occurred_on: met, kind: 'meeting', note: `Met ${name(r.target_id)}, introduced by ${name(r.connector_id)}`, with_me: 1, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx.insertInto('interaction_person').values({ interaction_id: created.id, person_id: r.target_id }).execute()
        effects.push({ entity: 'interaction', id: created.id })
        touched.push(r.target_id)
      }
    }
    if (kind === 'connect' && to === 'introduced') {
      await task('handoff', null, `Reply with the BCC handoff to ${name(r.person_a_id)} and ${name(r.person_b_id)}`, on)
      if (me !== null) {
        for (const receiver of [r.person_a_id, r.person_b_id]) {
          if (receiver !== null) await favor(me, receiver, 'small', `Introduced to ${name(receiver === r.person_a_id ? r.person_b_id : r.person_a_id)}`)
        }
      }
      if (r.person_a_id !== null && r.person_b_id !== null) await learn(r.person_a_id, r.person_b_id, 'believed', `introduced by you on ${on}`)
    }
    if (kind === 'connect' && to === 'scheduled') await changeTasks(['handoff'], { done_at: now })
    if (to === 'abandoned' || to === 'declined') await changeTasks(null, { done_at: now })
    if (effects.length > 0) {
      await trx
        .insertInto('introduction_effect')
        .values(effects.map((e) => ({ introduction_id: id, event_id: eventId, entity: e.entity, entity_id: e.id, change: e.change === undefined ? null : JSON.stringify(e.change) })))
        .execute()
    }
  })
  // Asks through a connector, favors and learned relationships feed path scoring.
  backend.touched([...touched, ...parseIdList(r.path).slice(1, -1)])
  return getIntroduction(backend, id)
}

/**
 * Takes back an introduction's last move: the state and date it recorded,
 * and everything that move added (tasks, favors, a learned relationship, a
 * logged meeting, "introduced by", the next hop's draft). A next hop that
 * has moved on must be taken back first.
 */
export async function undoMove(backend: BackendState, id: number): Promise<IntroductionDetail> {
  const r = await row(backend.db, id)
  const events = await backend.db.selectFrom('introduction_event').select(['id', 'state']).where('introduction_id', '=', id).orderBy('id', 'desc').limit(2).execute()
  const [last, before] = events
  if (last === undefined || before === undefined) throw new KithError('conflict', 'This introduction has no move to take back.')
  const now = backend.now().toISOString()
  const touched: number[] = []
  await backend.db.transaction().execute(async (trx) => {
    const effects = await trx.selectFrom('introduction_effect').selectAll().where('event_id', '=', last.id).orderBy('id', 'desc').execute()
    for (const e of effects) {
      const change = e.change === null ? null : parseChange(e.change)
      if (e.entity === 'introduction' && e.entity_id !== id) {
        const next = await trx.selectFrom('introduction').select(['state']).where('id', '=', e.entity_id).executeTakeFirst()
        if (next !== undefined && next.state !== 'draft') {
          throw new KithError('conflict', `The next step (introduction ${e.entity_id}) is already ${next.state}: take that back first.`)
        }
        await trx.deleteFrom('introduction').where('id', '=', e.entity_id).execute()
      } else if (e.entity === 'introduction') {
        await trx.updateTable('introduction').set({ meeting_on: stringOrNull(change?.meeting_on) }).where('id', '=', id).execute()
      } else if (e.entity === 'relationship') {
        // Only as the move left it: a relationship the user has edited since is theirs now.
        const rel = await trx
          .deleteFrom('relationship')
          .where('id', '=', e.entity_id)
          .where((eb) => eb('updated_at', '=', eb.ref('created_at')))
          .returning(['person_a', 'person_b'])
          .executeTakeFirst()
        if (rel !== undefined) touched.push(rel.person_a, rel.person_b)
      } else if (e.entity === 'interaction') {
        const people = await trx.selectFrom('interaction_person').select('person_id').where('interaction_id', '=', e.entity_id).execute()
        const gone = await trx.deleteFrom('interaction').where('id', '=', e.entity_id).where((eb) => eb('updated_at', '=', eb.ref('created_at'))).executeTakeFirst()
        if (gone.numDeletedRows > 0n) touched.push(...people.map((p) => p.person_id))
      } else if (e.entity === 'favor') {
        const f = await trx
          .deleteFrom('favor')
          .where('id', '=', e.entity_id)
          .where((eb) => eb('updated_at', '=', eb.ref('created_at')))
          .returning(['giver_id', 'receiver_id'])
          .executeTakeFirst()
        if (f !== undefined) touched.push(f.giver_id, f.receiver_id)
      } else if (e.entity === 'task') {
        if (change === null) await trx.deleteFrom('task').where('id', '=', e.entity_id).execute()
        else await trx.updateTable('task').set({ done_at: stringOrNull(change.done_at), due_on: String(change.due_on) }).where('id', '=', e.entity_id).execute()
      } else {
        // "Introduced by": put back only if it still says what the move set.
        await trx
          .updateTable('person')
          .set({ introduced_by_id: null, updated_at: now })
          .where('id', '=', e.entity_id)
          .where('introduced_by_id', '=', r.connector_id)
          .execute()
        touched.push(e.entity_id)
      }
    }
    await trx.deleteFrom('introduction_event').where('id', '=', last.id).execute()
    await trx.updateTable('introduction').set({ state: before.state, updated_at: now }).where('id', '=', id).execute()
  })
  backend.touched([...touched, ...parseIdList(r.path).slice(1, -1)])
  return getIntroduction(backend, id)
}

const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null)

function parseChange(text: string): Record<string, unknown> {
  return parseJsonColumn(storedEffectChange, text, {})
}
