// Introductions as the lists and the detail page show them.
import { compareCodeUnits } from '../../../shared/text'
import { parseJsonColumn, storedIntroDetails } from '../db/json-column'
import type { IntroPerson, IntroductionDetail, IntroductionRequest, OtherWays, PersonRef } from '../../../shared/types'
import { checksApply, endedWithoutIntroduction, isIntroKind, nextStates } from '../../../shared/intro-states'
import type { BackendState } from '../state'
import type { Db } from '../people/records'
import { otherWaysTo, pathChecks } from '../paths/service'
import { readProfile } from '../profile/service'
import { introDrafts, type DraftInput } from './drafts'
import { meId, names, parseIdList } from '../people/records'
import { tasksFor } from '../tasks/service'
import { row, type Row } from './rows'

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
  return list.sort((a, b) => Number(b.overdueTasks > 0) - Number(a.overdueTasks > 0) || compareCodeUnits(b.updatedAt, a.updatedAt) || b.id - a.id)
}

export async function introPerson(db: Db, id: number | null): Promise<IntroPerson> {
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
    checks: isIntroKind(r.kind) && checksApply(r.kind, r.state) ? pathChecks(backend, parseIdList(r.path)) : [],
    // For one hop of a longer path, `goal` is where the chain leads (null until chains are tracked, or when the target is the goal).
    drafts: introDrafts({ kind: summary.kind, details, people, goal: summary.goal, answers, profile: readProfile(backend), connector: r.kind === 'ask' ? connectorContext(backend, r) : null }),
    otherWays: endedWithoutIntroduction(r.kind, r.state, history) ? otherWaysAfter(backend, summary) : null,
  }
}

/** For an ask that ended without an introduction: the other ways to whom it was for (see `otherWaysTo`). */
function otherWaysAfter(backend: BackendState, r: IntroductionRequest): OtherWays | null {
  const to = r.goal ?? r.target
  return to === null ? null : otherWaysTo(backend, to.id, r.connector?.id ?? null)
}

/**
 * What the note to a connector opens with depends on: how long since I last
 * talked with them (from what is logged), and, for the next hop of a longer
 * path, who introduced us (the previous hop's connector).
 */
function connectorContext(backend: BackendState, r: { connector_id: number | null; previous_id: number | null }): DraftInput['connector'] {
  if (r.connector_id === null) return null
  const last = backend.sqlite
    .prepare<[number], string | null>(
      'SELECT max(i.occurred_on) FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id WHERE ip.person_id = ? AND i.with_me = 1',
    )
    .pluck()
    .get(r.connector_id)
  const previous =
    r.previous_id === null
      ? undefined
      : backend.sqlite
          .prepare<[number, number], string>('SELECT p.name FROM introduction n JOIN person p ON p.id = n.connector_id WHERE n.id = ? AND n.target_id = ?')
          .pluck()
          .get(r.previous_id, r.connector_id)
  const days = last === null || last === undefined ? null : Math.round((Date.parse(`${backend.today()}T00:00:00Z`) - Date.parse(`${last}T00:00:00Z`)) / 86_400_000)
  return { lastTalkedDays: days, introducedBy: previous ?? null }
}
