// Taking back an introduction's last move.
import { LIVE_ASK_STATES, isLiveAskState, stateWord } from '../../../shared/intro-states'
import { parseJsonColumn, storedEffectChange } from '../db/json-column'
import type { IntroductionDetail } from '../../../shared/types'
import type { BackendState } from '../state'
import { KithError } from '../errors'
import { parseIdList } from '../people/records'
import { getIntroduction, introPerson } from './read'
import { row } from './rows'

/**
 * Takes back an introduction's last move: the state and date it recorded,
 * and everything that move added (tasks, favors, a learned relationship, a
 * logged meeting, "introduced by", the next hop's draft, the opt-in answers
 * it recorded). A next hop that has moved on must be taken back first; one
 * the user has worked on (its notes edited, a follow-up added) is not
 * deleted: it stays, as a draft of its own.
 */
export async function undoMove(backend: BackendState, id: number): Promise<IntroductionDetail> {
  const r = await row(backend.db, id)
  const events = await backend.db.selectFrom('introduction_event').select(['id', 'state']).where('introduction_id', '=', id).orderBy('id', 'desc').limit(2).execute()
  const [last, before] = events
  if (last === undefined || before === undefined) throw new KithError('conflict', 'This introduction has no move to take back.')
  // Taking back an end (abandoned, declined) makes it live again: not while another introduction of the two is under way.
  if (r.kind === 'connect' && (r.state === 'abandoned' || r.state === 'declined') && ['draft', 'asking', 'ready'].includes(before.state)) {
    const other = await backend.db
      .selectFrom('introduction')
      .select(['id', 'state'])
      .where('kind', '=', 'connect')
      .where('id', '!=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('person_a_id', '=', r.person_a_id), eb('person_b_id', '=', r.person_b_id)]),
          eb.and([eb('person_a_id', '=', r.person_b_id), eb('person_b_id', '=', r.person_a_id)]),
        ]),
      )
      .where('state', 'in', ['draft', 'asking', 'ready'])
      .executeTakeFirst()
    if (other !== undefined) {
      throw new KithError('conflict', `Introduction ${other.id} between the same two is under way (${stateWord(other.state).toLowerCase()}): this one stays ${r.state}.`)
    }
  }
  // The same for an ask: not a second live ask of one connector for the same person (taking back an end, or
  // "introduced" back to "agreed").
  if (r.kind === 'ask' && !isLiveAskState(r.state) && isLiveAskState(before.state)) {
    const other = await backend.db
      .selectFrom('introduction')
      .select(['id', 'state'])
      .where('kind', '=', 'ask')
      .where('id', '!=', id)
      .where('connector_id', '=', r.connector_id)
      .where('target_id', '=', r.target_id)
      .where('state', 'in', LIVE_ASK_STATES)
      .executeTakeFirst()
    if (other !== undefined) {
      const [connector, target] = [await introPerson(backend.db, r.connector_id), await introPerson(backend.db, r.target_id)]
      throw new KithError(
        'conflict',
        `Introduction ${other.id} asks ${connector.name} to introduce you to ${target.name} too (${stateWord(other.state).toLowerCase()}): this one stays ${stateWord(r.state).toLowerCase()}.`,
      )
    }
  }
  // Since a merge, an introduction may be of one person to themselves: it is not brought back to life.
  const [x, y] = r.kind === 'ask' ? [r.connector_id, r.target_id] : [r.person_a_id, r.person_b_id]
  if (x !== null && x === y && !['draft', 'asking', 'ready', ...LIVE_ASK_STATES].includes(r.state)) {
    throw new KithError('conflict', `Since a merge, this introduction is of ${(await introPerson(backend.db, x)).name} to themselves: it stays ${stateWord(r.state).toLowerCase()}.`)
  }
  const now = backend.now().toISOString()
  const touched: number[] = []
  await backend.write(() => ({ people: [...touched, ...parseIdList(r.path).slice(1, -1)] }), async (trx) => {
    const effects = await trx.selectFrom('introduction_effect').selectAll().where('event_id', '=', last.id).orderBy('id', 'desc').execute()
    for (const e of effects) {
      const change = e.change === null ? null : parseChange(e.change)
      if (e.entity === 'introduction' && e.entity_id !== id) {
        const next = await trx.selectFrom('introduction').select(['state', 'created_at', 'updated_at']).where('id', '=', e.entity_id).executeTakeFirst()
        if (next === undefined) continue
        if (next.state !== 'draft') {
          throw new KithError('conflict', `The next step (introduction ${e.entity_id}) is already ${next.state}: take that back first.`)
        }
        // Follow-ups on it that the move did not add (the move adds none to the next hop) are the user's.
        const theirs = await trx.selectFrom('task').select('id').where('introduction_id', '=', e.entity_id).executeTakeFirst()
        if (next.updated_at !== next.created_at || theirs !== undefined) {
          await trx.updateTable('introduction').set({ previous_id: null }).where('id', '=', e.entity_id).execute()
        } else {
          await trx.deleteFrom('introduction').where('id', '=', e.entity_id).execute()
        }
      } else if (e.entity === 'introduction') {
        const put: { meeting_on?: string | null; a_answer?: 'yes' | 'no' | null; b_answer?: 'yes' | 'no' | null } = {}
        if (change !== null && 'meeting_on' in change) put.meeting_on = stringOrNull(change.meeting_on)
        if (change !== null && 'a_answer' in change) put.a_answer = answerOrNull(change.a_answer)
        if (change !== null && 'b_answer' in change) put.b_answer = answerOrNull(change.b_answer)
        if (Object.keys(put).length > 0) await trx.updateTable('introduction').set(put).where('id', '=', id).execute()
        const draftOn = change === null ? null : stringOrNull(change.draft_on)
        if (draftOn !== null) await trx.updateTable('introduction_event').set({ on_date: draftOn }).where('introduction_id', '=', id).where('state', '=', 'draft').execute()
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
  return getIntroduction(backend, id)
}

const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const answerOrNull = (v: unknown): 'yes' | 'no' | null => (v === 'yes' || v === 'no' ? v : null)

function parseChange(text: string): Record<string, unknown> {
  return parseJsonColumn(storedEffectChange, text, {})
}
