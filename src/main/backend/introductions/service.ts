// Starting introductions (an ask along a path, or two people to connect), their details and opt-ins.
import type { IntroDetails } from '../../../shared/schemas'
import { parseJsonColumn, storedIntroDetails, storedIntroFields } from '../db/json-column'
import type { IntroductionDetail, IntroductionRequest } from '../../../shared/types'
import type { IntroState } from '../../../shared/intro-states'
import { LIVE_ASK_STATES, stateWord } from '../../../shared/intro-states'
import { composeIntroEmail, introEssentials, roleWords, type IntroEmailFields } from '../../../shared/intro-templates'
import type { BackendState } from '../state'
import type { Db } from '../people/records'
import { KithError, fieldError } from '../errors'
import { readProfile } from '../profile/service'
import { meId, requirePeople } from '../people/records'
import { daysAgo } from '../../../shared/format'
import { getIntroduction, introPerson, introductionSummary } from './read'
import { row, type Row } from './rows'
import { pathScore } from '../paths/ranking'

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
export async function requestIntroduction(backend: BackendState, path: number[]): Promise<IntroductionRequest> {
  if (new Set(path).size !== path.length) throw fieldError('path', 'a person appears twice')
  const now = backend.now().toISOString()
  const g = backend.paths()
  // Connectors' fatigue changes.
  const id = await backend.write({ people: path.slice(1, -1) }, async (trx) => {
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
    // One ask of a connector for the same person at a time: a second would ask them twice.
    const open = await trx
      .selectFrom('introduction')
      .select(['id', 'state'])
      .where('kind', '=', 'ask')
      .where('connector_id', '=', path[1] ?? -1)
      .where('target_id', '=', path[2] ?? -1)
      .where('state', 'in', LIVE_ASK_STATES)
      .executeTakeFirst()
    if (open !== undefined) {
      const [connector, target] = [people.get(path[1] ?? -1)?.name ?? '', people.get(path[2] ?? -1)?.name ?? '']
      throw new KithError('conflict', `You are already asking ${connector} to introduce you to ${target} (introduction ${open.id}, ${stateWord(open.state).toLowerCase()}).`)
    }
    // Scored here, as the path search scores it, never taken from the caller.
    const score = pathScore(g, path.map((p) => g.indexOf.get(p) ?? -1))
    return insertAsk(trx, backend, path, score, null, now)
  })
  return introductionSummary(backend, id)
}

/** One hop of an ask: path[1] is asked to introduce me to path[2]; the goal is the path's end when it is further. */
export async function insertAsk(db: Db, backend: BackendState, path: number[], score: number | null, previous: number | null, now: string, details: Record<string, unknown> = {}): Promise<number> {
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

/**
 * Starts introducing two people (a draft, then each is asked to opt in). Refused for
 * myself, someone archived, two people who already know each other, or two already being
 * introduced. Asked about first (`confirmed` says the user weighed it): one of the two I do
 * not know (they would hear from a stranger), and two I introduced before or who said no
 * before.
 */
export async function connectPeople(backend: BackendState, a: number, b: number, context: string, confirmed = false): Promise<IntroductionDetail> {
  const now = backend.now().toISOString()
  const today = backend.today()
  // Colleagues at one organisation may know each other already: Kith's paths assume they might.
  const g = confirmed ? null : backend.paths()
  const [ia, ib] = g === null ? [undefined, undefined] : [g.indexOf.get(a), g.indexOf.get(b)]
  const tie = g === null || ia === undefined || ib === undefined ? null : g.colleagueTie(ia, ib)
  const sharedOrg = g === null || tie === null ? null : (g.orgNames[tie.org] ?? null)
  const id = await backend.write('nothing', async (trx) => {
    const people = await requirePeople(trx, [a, b])
    for (const p of people.values()) {
      if (p.isMe) throw new KithError('bad_request', 'To be introduced yourself, find a path instead.')
      if (p.archived) throw new KithError('conflict', `${p.name} is archived.`)
    }
    const nameOf = (id: number): string => people.get(id)?.name ?? ''
    const known = await trx
      .selectFrom('relationship')
      .select('strength')
      .where('person_a', '=', Math.min(a, b))
      .where('person_b', '=', Math.max(a, b))
      .executeTakeFirst()
    if (known !== undefined) {
      throw new KithError(
        'conflict',
        `${nameOf(a)} and ${nameOf(b)} already know each other in Kith (${known.strength}/5): there is no one to introduce. If that is wrong, remove that relationship on ${nameOf(a)}'s page.`,
      )
    }
    // One introduction between two people at a time until it is sent: a second would ask them to opt in twice.
    const open = await trx
      .selectFrom('introduction')
      .select(['id', 'state'])
      .where('kind', '=', 'connect')
      .where((eb) => eb.or([eb.and([eb('person_a_id', '=', a), eb('person_b_id', '=', b)]), eb.and([eb('person_a_id', '=', b), eb('person_b_id', '=', a)])]))
      .where('state', 'in', ['draft', 'asking', 'ready'])
      .executeTakeFirst()
    if (open !== undefined) {
      const names = [people.get(a)?.name ?? '', people.get(b)?.name ?? ''].join(' and ')
      throw new KithError('conflict', `You are already introducing ${names} (introduction ${open.id}, ${stateWord(open.state).toLowerCase()}).`)
    }
    if (!confirmed) {
      const cautions = await connectCautions(trx, a, b, nameOf, today)
      if (sharedOrg !== null) {
        cautions.push(`${nameOf(a)} and ${nameOf(b)} both work at ${sharedOrg}: they may know each other already. Ask one of them before asking both to opt in.`)
      }
      if (cautions.length > 0) throw new KithError('conflict', `Confirm before starting: ${cautions.join(' ')}`)
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
    // A weekly suggestion of the same two, still open, is the one this starts (from whichever door).
    await trx
      .updateTable('suggestion')
      .set({ status: 'started', introduction_id: created.id })
      .where('status', '=', 'open')
      .where('person_a', '=', Math.min(a, b))
      .where('person_b', '=', Math.max(a, b))
      .execute()
    return created.id
  })
  return getIntroduction(backend, id)
}

/**
 * What to weigh before introducing two people: one of them I do not know (no relationship
 * with me in Kith), and what became of introducing them before (sent, or a no).
 */
async function connectCautions(db: Db, a: number, b: number, nameOf: (id: number) => string, today: string): Promise<string[]> {
  const cautions: string[] = []
  const me = await meId(db)
  if (me !== null) {
    const mine = await db
      .selectFrom('relationship')
      .select(['person_a', 'person_b'])
      .where((eb) =>
        eb.or([
          eb.and([eb('person_a', '=', me), eb('person_b', 'in', [a, b])]),
          eb.and([eb('person_b', '=', me), eb('person_a', 'in', [a, b])]),
        ]),
      )
      .execute()
    const knownToMe = new Set(mine.map((r) => (r.person_a === me ? r.person_b : r.person_a)))
    for (const p of [a, b]) {
      if (!knownToMe.has(p)) {
        cautions.push(`You do not know ${nameOf(p)} in Kith: they would be asked to opt in by a stranger. Ask someone who knows them to make this introduction, or record how you know them first.`)
      }
    }
  }
  // What became of introducing them before: the last time one was sent, or a no, whatever its state now (sent and
  // then abandoned, sent and met), dated by that step.
  const before = await db
    .selectFrom('introduction as i')
    .innerJoin('introduction_event as e', 'e.introduction_id', 'i.id')
    .select(['i.id', 'e.state', 'i.a_answer', 'i.b_answer', 'i.person_a_id', 'i.person_b_id', 'e.on_date'])
    .where('i.kind', '=', 'connect')
    .where('e.state', 'in', ['declined', 'introduced'])
    .where((eb) =>
      eb.or([eb.and([eb('i.person_a_id', '=', a), eb('i.person_b_id', '=', b)]), eb.and([eb('i.person_a_id', '=', b), eb('i.person_b_id', '=', a)])]),
    )
    .orderBy('e.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const when = before === undefined ? '' : daysAgo(Math.round((Date.parse(today) - Date.parse(before.on_date)) / 86_400_000))
  if (before?.state === 'declined') {
    const said = before.a_answer === 'no' ? before.person_a_id : before.b_answer === 'no' ? before.person_b_id : null
    cautions.push(`${said === null ? 'One of them' : nameOf(said)} said no to this introduction ${when} (introduction ${before.id}): ask again only if something has changed.`)
  } else if (before !== undefined) {
    cautions.push(`You introduced them ${when} (introduction ${before.id}).`)
  }
  return cautions
}

export async function updateDetails(backend: BackendState, id: number, details: IntroDetails): Promise<IntroductionDetail> {
  // Read inside the write: two saves close together (fields save as the user types) each merge into what the other left.
  await backend.write('nothing', async (trx) => {
    const r = await row(trx, id)
    const merged = { ...parseJsonColumn(storedIntroDetails, r.details, {}), ...details }
    await trx
      .updateTable('introduction')
      .set({ details: JSON.stringify(merged), updated_at: backend.now().toISOString() })
      .where('id', '=', id)
      .execute()
  })
  return getIntroduction(backend, id)
}

/** Records one side's answer; a change of state is dated `on` (today unless told, as the sample network does). */
export async function answerOptIn(backend: BackendState, id: number, side: 'a' | 'b', answer: 'yes' | 'no' | null, on: string = backend.today()): Promise<IntroductionDetail> {
  const now = backend.now().toISOString()
  await backend.write('nothing', async (trx) => {
    const r = await row(trx, id)
    if (r.kind !== 'connect') throw new KithError('bad_request', 'Only an introduction between two people has opt-ins.')
    if (!['draft', 'asking', 'ready'].includes(r.state)) throw new KithError('conflict', `The introduction is already ${r.state}.`)
    const a = side === 'a' ? answer : r.a_answer
    const b = side === 'b' ? answer : r.b_answer
    // Both yes: ready to send. Either no: declined. Otherwise still asking.
    const state = a === 'no' || b === 'no' ? 'declined' : a === 'yes' && b === 'yes' ? 'ready' : 'asking'
    await trx.updateTable('introduction').set({ a_answer: a, b_answer: b, state, updated_at: now }).where('id', '=', id).execute()
    if (state === 'asking') await nameWhoIsAwaited(trx, id, a === null ? r.person_a_id : null, b === null ? r.person_b_id : null)
    if (state !== r.state) {
      const eventId = await recordEvent(trx, id, state, on, now)
      // Taking this step back puts both answers back as they were before it.
      await trx
        .insertInto('introduction_effect')
        .values({ introduction_id: id, event_id: eventId, entity: 'introduction', entity_id: id, change: JSON.stringify({ a_answer: r.a_answer, b_answer: r.b_answer }) })
        .execute()
      // An answer came: the nudge to chase one is done (taken back with the step).
      if (state === 'ready' || state === 'declined') {
        for (const t of await trx.selectFrom('task').select(['id', 'done_at', 'due_on']).where('introduction_id', '=', id).where('kind', '=', 'nudge').where('done_at', 'is', null).execute()) {
          await trx.updateTable('task').set({ done_at: now }).where('id', '=', t.id).execute()
          await trx
            .insertInto('introduction_effect')
            .values({ introduction_id: id, event_id: eventId, entity: 'task', entity_id: t.id, change: JSON.stringify({ done_at: t.done_at, due_on: t.due_on }) })
            .execute()
        }
      }
      if (state === 'declined') {
        // Whoever said yes, or was asked and has not answered yet, is waiting to hear: a follow-up to tell them,
        // kindly, taken back with the step.
        const asked = r.state === 'asking'
        const said = [
          { waiting: a === 'yes' || (a === null && asked), person: r.person_a_id, other: r.person_b_id },
          { waiting: b === 'yes' || (b === null && asked), person: r.person_b_id, other: r.person_a_id },
        ]
        for (const s of said) {
          if (!s.waiting || s.person === null) continue
          const [waiting, declined] = [await introPerson(trx, s.person), await introPerson(trx, s.other)]
          const created = await trx
            .insertInto('task')
            .values({
              introduction_id: id,
              person_id: s.person,
              kind: 'other',
              title: `Let ${waiting.name} know the introduction to ${declined.name} will not go ahead`,
              due_on: on,
              snoozed_until: null,
              done_at: null,
              created_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
          await trx.insertInto('introduction_effect').values({ introduction_id: id, event_id: eventId, entity: 'task', entity_id: created.id, change: null }).execute()
        }
      }
    }
  })
  return getIntroduction(backend, id)
}

/**
 * While both sides are asked, the open reminder to follow up names whoever
 * has not answered yet: both at first, then the one left (and an answer
 * taken back puts them back).
 */
async function nameWhoIsAwaited(trx: Db, id: number, a: number | null, b: number | null): Promise<void> {
  const awaited = [a, b].filter((p) => p !== null)
  if (awaited.length === 0) return
  const names = await Promise.all(awaited.map(async (p) => (await introPerson(trx, p)).name))
  await trx
    .updateTable('task')
    .set({ title: `If ${names.join(' or ')} has not answered, follow up once, kindly`, person_id: awaited.length === 1 ? (awaited[0] ?? null) : null })
    .where('introduction_id', '=', id)
    .where('kind', '=', 'nudge')
    .where('done_at', 'is', null)
    .execute()
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
    a: { name: a.name, email: a.email, howIKnow: d.aHow ?? '', credit: d.aCredit ?? '', gain: d.aGain ?? '', role: roleWords(a) },
    b: { name: b.name, email: b.email, howIKnow: d.bHow ?? '', credit: d.bCredit ?? '', gain: d.bGain ?? '', role: roleWords(b) },
    context: d.context ?? '',
    schedules: d.schedules ?? 'a',
  }
  // The email that will be sent: the user's own text when they edited it.
  const body = d.email !== undefined && d.email.trim() !== '' ? d.email : composeIntroEmail(fields).body
  warnings.push(...introEssentials(body, fields))
  return warnings
}
