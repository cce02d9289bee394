import type { Args } from '../../../shared/contract'
import type { IntroDetails } from '../../../shared/schemas'
import type { IntroPerson, IntroductionDetail, IntroductionRequest, PersonRef, TaskStatus, TaskView } from '../../../shared/types'
import { STATE_WORDS, canMove, nextStates, statesOf, type IntroKind, type IntroState } from '../../../shared/intro-states'
import { composeIntroEmail } from '../../../shared/intro-templates'
import type { Backend } from '../backend'
import type { Db } from '../people/records'
import { requireNotFuture, requireWithinPlanning } from '../dates'
import { KithError } from '../errors'
import { pathChecks } from '../paths/service'
import { meId, normalizeLabel, parseIdList, requirePeople, requirePerson } from '../people/records'

type Row = {
  id: number
  kind: string
  state: string
  connector_id: number | null
  target_id: number | null
  person_a_id: number | null
  person_b_id: number | null
  a_answer: string | null
  b_answer: string | null
  path: string
  score: number | null
  details: string
  meeting_on: string | null
  created_at: string
  updated_at: string
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

function taskStatus(t: { due_on: string; snoozed_until: string | null; done_at: string | null }, today: string): TaskStatus {
  if (t.done_at !== null) return 'done'
  const due = t.snoozed_until !== null && t.snoozed_until > t.due_on ? t.snoozed_until : t.due_on
  return due < today ? 'overdue' : due === today ? 'today' : 'upcoming'
}

async function names(db: Db, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  return new Map((await db.selectFrom('person').select(['id', 'name']).where('id', 'in', unique).execute()).map((p) => [p.id, p.name]))
}

async function tasksFor(backend: Backend, where: { introductionId?: number; due?: boolean; includeDone?: boolean }): Promise<TaskView[]> {
  const today = backend.today()
  let q = backend.db.selectFrom('task').selectAll()
  if (where.introductionId !== undefined) q = q.where('introduction_id', '=', where.introductionId)
  if (where.includeDone !== true) q = q.where('done_at', 'is', null)
  const rows = await q.orderBy('due_on').orderBy('id').execute()
  const people = await names(backend.db, rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])))
  const views = rows.map((r) => ({
    id: r.id,
    introductionId: r.introduction_id,
    person: r.person_id === null ? null : { id: r.person_id, name: people.get(r.person_id) ?? '' },
    kind: r.kind,
    title: r.title,
    dueOn: r.due_on,
    snoozedUntil: r.snoozed_until,
    doneAt: r.done_at,
    status: taskStatus(r, today),
  }))
  return where.due === true ? views.filter((t) => t.status === 'overdue' || t.status === 'today') : views
}

function titleOf(row: Row, n: Map<number, string>): string {
  const name = (id: number | null): string => (id === null ? '(deleted)' : (n.get(id) ?? '(deleted)'))
  return row.kind === 'ask'
    ? `Ask ${name(row.connector_id)} to introduce you to ${name(row.target_id)}`
    : `Introduce ${name(row.person_a_id)} and ${name(row.person_b_id)}`
}

async function summaries(backend: Backend, rows: Row[]): Promise<IntroductionRequest[]> {
  const ids = rows.flatMap((r) => [...parseIdList(r.path), r.connector_id, r.target_id, r.person_a_id, r.person_b_id].filter((x): x is number => x !== null))
  const n = await names(backend.db, ids)
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
      goal: null,
      previousId: null,
      nextId: null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      openTasks: mine.length,
      overdueTasks: mine.filter((t) => t.status === 'overdue').length,
      nextDue: mine[0]?.dueOn ?? null,
    }
  })
}

/** One introduction as the lists show it. */
export async function introductionSummary(backend: Backend, id: number): Promise<IntroductionRequest> {
  const [summary] = await summaries(backend, [await row(backend.db, id)])
  if (summary === undefined) throw new Error('summary missing')
  return summary
}

async function row(db: Db, id: number): Promise<Row> {
  const found = await db.selectFrom('introduction').selectAll().where('id', '=', id).executeTakeFirst()
  if (found === undefined) throw new KithError('not_found', `There is no introduction with id ${id}.`)
  return found
}

/** Introductions, those with overdue tasks first, then the most recently changed. */
export async function listIntroductions(backend: Backend, state: string | null, personId: number | null): Promise<IntroductionRequest[]> {
  let q = backend.db.selectFrom('introduction').selectAll()
  if (state !== null) q = q.where('state', '=', state)
  if (personId !== null) {
    q = q.where((eb) =>
      eb.or([
        eb('connector_id', '=', personId),
        eb('target_id', '=', personId),
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

export async function getIntroduction(backend: Backend, id: number): Promise<IntroductionDetail> {
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
  return {
    ...summary,
    me,
    people,
    answers: { a: answer(r.a_answer), b: answer(r.b_answer) },
    details: JSON.parse(r.details) as Record<string, string | boolean>,
    meetingOn: r.meeting_on,
    history: history.map((h) => ({ state: h.state, on: h.on_date })),
    tasks: await tasksFor(backend, { introductionId: id, includeDone: true }),
    nextStates: [...nextStates(r.kind as IntroKind, r.state as IntroState)],
    checks: r.kind === 'ask' ? pathChecks(backend, parseIdList(r.path)) : [],
    drafts: { ask: null, blurb: null, optIns: null, email: null, handoff: null },
  }
}

export async function recordEvent(db: Db, introductionId: number, state: string, on: string, now: string): Promise<void> {
  await db.insertInto('introduction_event').values({ introduction_id: introductionId, state, on_date: on, created_at: now }).execute()
}

export async function connectPeople(backend: Backend, a: number, b: number, context: string): Promise<IntroductionDetail> {
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

export async function updateDetails(backend: Backend, id: number, details: IntroDetails): Promise<IntroductionDetail> {
  const r = await row(backend.db, id)
  const merged = { ...(JSON.parse(r.details) as Record<string, unknown>), ...details }
  await backend.db
    .updateTable('introduction')
    .set({ details: JSON.stringify(merged), updated_at: backend.now().toISOString() })
    .where('id', '=', id)
    .execute()
  return getIntroduction(backend, id)
}

/** Records one side's answer; a change of state is dated `on` (today unless told, as the sample network does). */
export async function answerOptIn(backend: Backend, id: number, side: 'a' | 'b', answer: 'yes' | 'no' | null, on: string = backend.today()): Promise<IntroductionDetail> {
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
export async function sendWarnings(backend: Backend, r: Row): Promise<string[]> {
  const warnings: string[] = []
  const [a, b] = [await introPerson(backend.db, r.person_a_id), await introPerson(backend.db, r.person_b_id)]
  if (r.a_answer !== 'yes' || r.b_answer !== 'yes') {
    const missing = [r.a_answer !== 'yes' ? a.name : null, r.b_answer !== 'yes' ? b.name : null].filter((x) => x !== null)
    warnings.push(`${missing.join(' and ')} ${missing.length === 1 ? 'has' : 'have'} not said yes to this introduction.`)
  }
  const d = JSON.parse(r.details) as IntroDetails
  const email = composeIntroEmail({
    me: (await introPerson(backend.db, await meId(backend.db))).name,
    a: { name: a.name, email: a.email, howIKnow: d.aHow ?? '', credit: d.aCredit ?? '', gain: d.aGain ?? '' },
    b: { name: b.name, email: b.email, howIKnow: d.bHow ?? '', credit: d.bCredit ?? '', gain: d.bGain ?? '' },
    context: d.context ?? '',
    schedules: d.schedules ?? 'a',
  })
  const words = (d.email ?? email.body).split(/\s+/).filter((w) => w !== '').length
  warnings.push(...email.warnings.filter((w) => !/words: /.test(w)))
  if (words > 150) warnings.push(`${words} words: introductions work best under about 150.`)
  return warnings
}

/** Give-back ideas: what the connector is looking for, and people I know who offer it. */
async function giveBackIdea(backend: Backend, connector: number, connectorName: string): Promise<string> {
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
  if (previous === undefined || previous.on_date > today || on >= previous.on_date) return
  const step = (STATE_WORDS as Partial<Record<string, string>>)[previous.state] ?? previous.state
  throw new KithError('bad_request', `date: ${on} is before the previous step (${step.toLowerCase()}, on ${previous.on_date}); steps are recorded in the order they happened`)
}

/** Moves an introduction to another state, with the tasks and favors that follow. */
export async function moveIntroduction(backend: Backend, id: number, to: string, date: string | undefined, confirmed: boolean): Promise<IntroductionDetail> {
  const r = await row(backend.db, id)
  const kind = r.kind as IntroKind
  if (!(statesOf(kind) as readonly string[]).includes(to)) {
    throw new KithError('bad_request', `to: "${to}" is not a state of ${kind === 'ask' ? 'a request' : 'an introduction'}.`)
  }
  if (!canMove(kind, r.state as IntroState, to as IntroState)) {
    throw new KithError('conflict', `An introduction that is ${r.state} cannot become ${to}.`)
  }
  if (kind === 'connect' && to === 'introduced' && !confirmed) {
    const warnings = await sendWarnings(backend, r)
    if (warnings.length > 0) throw new KithError('conflict', `Confirm before sending: ${warnings.join(' ')}`)
  }
  const today = backend.today()
  const on = date ?? today
  requireNotFuture('date', on, today, 'record a step once it has happened')
  await requireInOrder(backend.db, id, on, today)
  const now = backend.now().toISOString()
  const touched: number[] = []
  const n = await names(backend.db, [r.connector_id, r.target_id, r.person_a_id, r.person_b_id].filter((x): x is number => x !== null))
  const name = (x: number | null): string => (x === null ? '' : (n.get(x) ?? ''))
  const giveBack = kind === 'ask' && to === 'introduced' && r.connector_id !== null ? await giveBackIdea(backend, r.connector_id, name(r.connector_id)) : ''
  await backend.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('introduction')
      .set({ state: to, updated_at: now, ...(to === 'scheduled' ? { meeting_on: on } : {}) })
      .where('id', '=', id)
      .execute()
    await recordEvent(trx, id, to, on, now)
    const task = (kindOfTask: string, person: number | null, title: string, due: string) =>
      trx.insertInto('task').values({ introduction_id: id, person_id: person, kind: kindOfTask, title, due_on: due, snoozed_until: null, done_at: null, created_at: now }).execute()
    const me = await meId(trx)
    if (kind === 'ask' && to === 'introduced') {
      await task('thank_connector', r.connector_id, `Thank ${name(r.connector_id)} for the introduction`, on)
      await task('reply_target', r.target_id, `Reply to ${name(r.target_id)} within 24 hours, offering a few times`, addDays(on, 1))
      await task('close_loop', r.connector_id, `Tell ${name(r.connector_id)} how the meeting with ${name(r.target_id)} went`, addDays(on, 14))
      await task('give_back', r.connector_id, giveBack, addDays(on, 30))
      if (me !== null && r.connector_id !== null) {
        await trx
          .insertInto('favor')
          .values({ giver_id: r.connector_id, receiver_id: me, occurred_on: on, kind: 'introduction', size: 'medium', note: `Introduced you to ${name(r.target_id)}`, introduction_id: id, created_at: now, updated_at: now })
          .execute()
        touched.push(r.connector_id, me)
      }
    }
    if (kind === 'ask' && to === 'scheduled') {
      await trx.updateTable('task').set({ due_on: addDays(on, 1) }).where('introduction_id', '=', id).where('kind', '=', 'close_loop').where('done_at', 'is', null).execute()
    }
    if (kind === 'ask' && to === 'closed') {
      await trx.updateTable('task').set({ done_at: now }).where('introduction_id', '=', id).where('kind', '=', 'close_loop').where('done_at', 'is', null).execute()
    }
    if (kind === 'connect' && to === 'introduced') {
      await task('handoff', null, `Reply with the BCC handoff to ${name(r.person_a_id)} and ${name(r.person_b_id)}`, on)
      if (me !== null) {
        for (const receiver of [r.person_a_id, r.person_b_id]) {
          if (receiver === null) continue
          await trx
            .insertInto('favor')
            .values({ giver_id: me, receiver_id: receiver, occurred_on: on, kind: 'introduction', size: 'small', note: `Introduced to ${name(receiver === r.person_a_id ? r.person_b_id : r.person_a_id)}`, introduction_id: id, created_at: now, updated_at: now })
            .execute()
          touched.push(receiver)
        }
        touched.push(me)
      }
    }
    if (kind === 'connect' && to === 'scheduled') {
      await trx.updateTable('task').set({ done_at: now }).where('introduction_id', '=', id).where('kind', '=', 'handoff').where('done_at', 'is', null).execute()
    }
    if (to === 'abandoned' || to === 'declined') {
      await trx.updateTable('task').set({ done_at: now }).where('introduction_id', '=', id).where('done_at', 'is', null).execute()
    }
  })
  // Asks through a connector and favors feed path scoring.
  backend.touched([...touched, ...parseIdList(r.path).slice(1, -1)])
  return getIntroduction(backend, id)
}

export async function listTasks(backend: Backend, due: boolean, includeDone: boolean): Promise<TaskView[]> {
  const tasks = await tasksFor(backend, { due, includeDone })
  const order: Record<TaskStatus, number> = { overdue: 0, today: 1, upcoming: 2, done: 3 }
  return tasks.sort((a, b) => order[a.status] - order[b.status] || a.dueOn.localeCompare(b.dueOn) || a.id - b.id)
}

async function taskView(backend: Backend, id: number): Promise<TaskView> {
  const found = (await tasksFor(backend, { includeDone: true })).find((t) => t.id === id)
  if (found === undefined) throw new KithError('not_found', `There is no task with id ${id}.`)
  return found
}

export async function setTaskDone(backend: Backend, id: number, done: boolean): Promise<TaskView> {
  await taskView(backend, id)
  await backend.db.updateTable('task').set({ done_at: done ? backend.now().toISOString() : null }).where('id', '=', id).execute()
  return taskView(backend, id)
}

export async function snoozeTask(backend: Backend, id: number, until: string): Promise<TaskView> {
  await taskView(backend, id)
  const today = backend.today()
  if (until <= today) throw new KithError('bad_request', 'until: snooze to a day after today')
  requireWithinPlanning('until', until, today)
  await backend.db.updateTable('task').set({ snoozed_until: until }).where('id', '=', id).execute()
  return taskView(backend, id)
}

/**
 * A follow-up the user adds by hand. Its kind is 'other', the task table's
 * kind for tasks outside the introduction workflow.
 *
 * A due date before today is refused: a new task that is overdue the moment
 * it is written only adds noise to "due", and what has already happened is
 * logged as an interaction, not planned as a task. Today is allowed.
 */
export async function addTask(backend: Backend, args: Args<'tasks.add'>): Promise<TaskView> {
  const today = backend.today()
  if (args.due < today) throw new KithError('bad_request', `due: ${args.due} is before today; a new task is due today or later`)
  requireWithinPlanning('due', args.due, today)
  const id = await backend.db.transaction().execute(async (trx) => {
    if (args.personId !== null) await requirePerson(trx, args.personId)
    if (args.introductionId !== null) await row(trx, args.introductionId)
    const created = await trx
      .insertInto('task')
      .values({
        introduction_id: args.introductionId,
        person_id: args.personId,
        kind: 'other',
        title: args.title,
        due_on: args.due,
        snoozed_until: null,
        done_at: null,
        created_at: backend.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return created.id
  })
  return taskView(backend, id)
}
