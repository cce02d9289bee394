// Moving an introduction from one state to the next, with what follows from each move.
import type { IntroductionDetail } from '../../../shared/types'
import { parseJsonColumn, storedIntroDetails, storedIntroFields } from '../db/json-column'
import { LIVE_ASK_STATES, canMove, isIntroState, stateWord, statesOf } from '../../../shared/intro-states'
import type { BackendState } from '../state'
import type { Db } from '../people/records'
import type { EffectEntity } from '../db/schema'
import type { TaskKind } from '../../../shared/vocab'
import { requireNotFuture, requireWithinPlanning } from '../dates'
import { KithError, fieldError } from '../errors'
import { meId, names, normalizeLabel, parseIdList } from '../people/records'
import { byStrengthThenName } from '../people/order'
import { getIntroduction } from './read'
import { row } from './rows'
import { insertAsk, recordEvent, sendWarnings } from './service'
import { introducedTo } from './pairs'
import { settleGiveBacks } from '../favors/settle'

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Give-back ideas: what the connector is looking for, and people I know who offer it. */
async function giveBackIdea(backend: BackendState, connector: number, connectorName: string): Promise<string> {
  const needs = await backend.db.selectFrom('person_label').select(['label', 'label_norm']).where('person_id', '=', connector).where('kind', '=', 'need').execute()
  const me = await meId(backend.db)
  if (needs.length === 0 || me === null) return `Find a way to give back to ${connectorName}: ask what they are looking for.`
  const offered = await backend.db
    .selectFrom('person_label as l')
    .innerJoin('relationship as r', (j) => j.on((eb) => eb.or([eb.and([eb('r.person_a', '=', me), eb('r.person_b', '=', eb.ref('l.person_id'))]), eb.and([eb('r.person_b', '=', me), eb('r.person_a', '=', eb.ref('l.person_id'))])])))
    .innerJoin('person as p', 'p.id', 'l.person_id')
    .select(['p.id', 'p.name', 'l.label_norm', 'r.strength'])
    .where('l.kind', '=', 'offer')
    .where('l.label_norm', 'in', needs.map((n) => normalizeLabel(n.label)))
    .where('p.id', '!=', connector)
    .where('p.archived_at', 'is', null)
    .where('r.strength', '>=', 2)
    .execute()
  // Not someone they know already, or were introduced to (or said no to): as the Reciprocity page leaves them out.
  const knows = await backend.db
    .selectFrom('relationship')
    .select(['person_a', 'person_b'])
    .where((eb) => eb.or([eb('person_a', '=', connector), eb('person_b', '=', connector)]))
    .execute()
  const already = await introducedTo(backend.db, connector)
  for (const r of knows) already.add(r.person_a === connector ? r.person_b : r.person_a)
  // Strongest first, then as the People list orders names, each person once: the same people every time, in the
  // order the Reciprocity page lists them.
  const offers = byStrengthThenName(offered.filter((o) => !already.has(o.id))).slice(0, 3)
  const need = needs[0]?.label ?? ''
  if (offers.length === 0) return `Give back to ${connectorName}: they are looking for ${needs.map((n) => n.label).join(', ')}.`
  const match = needs.find((n) => offers.some((o) => o.label_norm === n.label_norm))?.label ?? need
  const names = offers.map((o) => o.name)
  const who = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`
  return `Give back to ${connectorName}: they are looking for ${match}; you know ${who}, who can help.`
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
/** Days after an ask, or after asking both sides, before a follow-up is due if no answer came. */
const NUDGE_AFTER_DAYS = 5

export async function moveIntroduction(backend: BackendState, id: number, to: string, date: string | undefined, confirmed: boolean): Promise<IntroductionDetail> {
  const r = await row(backend.db, id)
  const kind = r.kind
  if (!isIntroState(to) || !statesOf(kind).includes(to)) {
    throw fieldError('to', `"${to}" is not a state of ${kind === 'ask' ? 'a request' : 'an introduction'}.`)
  }
  if (kind === 'connect' && (to === 'ready' || to === 'declined')) {
    throw new KithError('conflict', `"${stateWord(to)}" follows the answers: record what each of them said, and the introduction moves on by itself.`)
  }
  if (!canMove(kind, r.state, to)) {
    throw new KithError('conflict', `An introduction that is ${r.state} cannot become ${to}.`)
  }
  if (kind === 'connect' && to === 'introduced' && !confirmed) {
    const warnings = await sendWarnings(backend, r)
    if (warnings.length > 0) throw new KithError('conflict', `Confirm before sending: ${warnings.join(' ')}`)
  }
  if (kind === 'ask' && to === 'asked' && !confirmed && parseJsonColumn(storedIntroDetails, r.details, {}).checksConfirmed !== true) {
    // A "stop" before you ask is asked about once more, unless the user said they weighed the checks: the checks
    // the page shows (an ask at "no reply" counts from when it was made, not as one more ask).
    const stops = (await getIntroduction(backend, id)).checks.filter((c) => c.verdict === 'stop')
    if (stops.length > 0) throw new KithError('conflict', `Confirm before asking: ${stops.map((c) => c.reason).join(' ')}`)
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
  // Asks through a connector, favors and learned relationships feed path scoring.
  await backend.write(() => ({ people: [...touched, ...parseIdList(r.path).slice(1, -1)] }), async (trx) => {
    await trx
      .updateTable('introduction')
      .set({ state: to, updated_at: now, ...(to === 'scheduled' ? { meeting_on: on } : {}) })
      .where('id', '=', id)
      .execute()
    const eventId = await recordEvent(trx, id, to, on, now)
    const effects: Effect[] = []
    // A step that happened before the request was entered here (asked by mail last week, recorded
    // today): the draft is dated no later than it, so the history reads in order.
    const drafted = await trx.selectFrom('introduction_event').select(['id', 'on_date']).where('introduction_id', '=', id).where('state', '=', 'draft').orderBy('id').executeTakeFirst()
    if (drafted !== undefined && drafted.on_date > on) {
      await trx.updateTable('introduction_event').set({ on_date: on }).where('id', '=', drafted.id).execute()
      effects.push({ entity: 'introduction', id, change: { draft_on: drafted.on_date } })
    }
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
      // Introducing someone I owe is giving back: their give-back follow-up is met (and opens again with an undo).
      for (const t of await settleGiveBacks(trx, created.id, now)) effects.push({ entity: 'task', id: t.id, change: { done_at: null, due_on: t.due_on } })
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
    // Asked and waiting: one kind follow-up if no answer comes. Any answer (or none, recorded) ends the wait.
    if (kind === 'ask' && (to === 'agreed' || to === 'no_reply' || to === 'asked')) await changeTasks(['nudge'], { done_at: now })
    if (kind === 'ask' && to === 'asked' && r.connector_id !== null) {
      await task('nudge', r.connector_id, `If ${name(r.connector_id)} has not answered, follow up once, kindly`, addDays(on, NUDGE_AFTER_DAYS))
    }
    if (kind === 'connect' && to === 'asking') {
      await task('nudge', null, `If ${name(r.person_a_id)} or ${name(r.person_b_id)} has not answered, follow up once, kindly`, addDays(on, NUDGE_AFTER_DAYS))
    }
    if (kind === 'connect' && (to === 'ready' || to === 'introduced')) await changeTasks(['nudge'], { done_at: now })
    if (kind === 'ask' && to === 'introduced') {
      await task('thank_connector', r.connector_id, `Thank ${name(r.connector_id)} for introducing you to ${name(r.target_id)}`, on)
      await task('reply_target', r.target_id, `Reply to ${name(r.target_id)} within 24 hours, offering a few times`, addDays(on, 1))
      await task('close_loop', r.connector_id, `Tell ${name(r.connector_id)} how the meeting with ${name(r.target_id)} went`, addDays(on, 14))
      await task('give_back', r.connector_id, giveBack, addDays(on, 30))
      if (me !== null && r.connector_id !== null) await favor(r.connector_id, me, 'medium', `Introduced you to ${name(r.target_id)}`)
      if (me !== null && r.target_id !== null) {
        await learn(me, r.target_id, 'firsthand', `introduced by ${name(r.connector_id)} on ${on}`)
        // The introduction email put us in touch: that counts as talking, so a tie just made is not taken for a faint
        // one (the next hop of a longer path asks through this person). The connector wrote it: talked with them too.
        const emailed = await trx
          .insertInto('interaction')
          .values({ occurred_on: on, kind: 'email', note: `Introduced by ${name(r.connector_id)}`, with_me: 1, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
        const present = r.connector_id === null ? [r.target_id] : [r.target_id, r.connector_id]
        await trx.insertInto('interaction_person').values(present.map((person_id) => ({ interaction_id: emailed.id, person_id }))).execute()
        effects.push({ entity: 'interaction', id: emailed.id })
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
        // The next hop gets its own reason and offer: this hop's were about the person it asked for ("Why
        // Pia in particular"), and would tell the next person, in a blurb forwarded to the goal, about someone else.
        // A next hop kept from an earlier "introduced" that was taken back (the user had worked on it) is taken up again.
        const nextPath = [me, ...path.slice(at)]
        const kept = await trx
          .selectFrom('introduction')
          .select('id')
          .where('kind', '=', 'ask')
          .where('state', '=', 'draft')
          .where('previous_id', 'is', null)
          .where('path', '=', JSON.stringify(nextPath))
          .orderBy('id', 'desc')
          .executeTakeFirst()
        if (kept !== undefined) {
          await trx.updateTable('introduction').set({ previous_id: id }).where('id', '=', kept.id).execute()
          effects.push({ entity: 'introduction', id: kept.id })
        } else {
          // The user may already be asking the same person for the next one (asked by hand since): not asked twice.
          const already = await trx
            .selectFrom('introduction')
            .select('id')
            .where('kind', '=', 'ask')
            .where('connector_id', '=', nextPath[1] ?? -1)
            .where('target_id', '=', nextPath[2] ?? -1)
            .where('state', 'in', LIVE_ASK_STATES)
            .executeTakeFirst()
          if (already === undefined) {
            // What the user said of the person at the end of the path goes on: drafted on the hop that asks for them.
            const mine = parseJsonColumn(storedIntroFields, r.details, {})
            const goal = { ...(mine.goalWhy === undefined ? {} : { goalWhy: mine.goalWhy }), ...(mine.goalOffer === undefined ? {} : { goalOffer: mine.goalOffer }) }
            const carried = nextPath.length === 3 ? { ...(goal.goalWhy === undefined ? {} : { why: goal.goalWhy }), ...(goal.goalOffer === undefined ? {} : { offer: goal.goalOffer }) } : goal
            effects.push({ entity: 'introduction', id: await insertAsk(trx, backend, nextPath, null, id, now, carried) })
          }
        }
      }
    }
    if (kind === 'ask' && to === 'scheduled') {
      await changeTasks(['close_loop'], { due_on: addDays(on, 1) })
      // A meeting is set: the reply offering times has been sent.
      await changeTasks(['reply_target'], { done_at: now })
    }
    if (kind === 'ask' && to === 'closed') {
      // Telling the connector how it went is thanking them too.
      await changeTasks(['close_loop', 'reply_target', 'thank_connector'], { done_at: now })
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
      // The handoff answers the first reply, which takes a day or two to come: due then, not at once.
      await task('handoff', null, `When ${name(r.person_a_id)} or ${name(r.person_b_id)} replies, send the BCC handoff`, addDays(on, 2))
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
  return getIntroduction(backend, id)
}
