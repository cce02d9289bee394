import type { InteractionInput } from '../../../shared/schemas'
import type { InteractionView } from '../../../shared/types'
import type { BackendState } from '../state'
import { requireHappened } from '../dates'
import { KithError, fieldError } from '../errors'
import { interactionViews } from '../people/detail'
import { meId, requirePeople } from '../people/records'

export async function logInteraction(backend: BackendState, input: InteractionInput): Promise<InteractionView> {
  requireHappened(input.date, backend.today())
  const now = backend.now().toISOString()
  const id = await backend.write({ people: input.people }, async (trx) => {
    await requirePeople(trx, input.people)
    const me = await meId(trx)
    const people = input.people.filter((p) => p !== me)
    if (people.length === 0) throw fieldError('people', 'choose someone besides yourself')
    const row = await trx
      .insertInto('interaction')
      .values({ occurred_on: input.date, kind: input.kind, note: input.note, with_me: input.withMe ? 1 : 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('interaction_person')
      .values(people.map((person_id) => ({ interaction_id: row.id, person_id })))
      .execute()
    return row.id
  })
  const [view] = await interactionViews(backend.db, [id])
  if (view === undefined) throw new Error('the interaction just written is missing')
  return view
}

/**
 * Rewrites a logged interaction: the same rules as logging it (a day that has
 * happened, someone besides me). The people it leaves and the people it gains
 * are both touched, so their last-contact dates follow.
 */
export async function updateInteraction(backend: BackendState, id: number, input: InteractionInput): Promise<InteractionView> {
  requireHappened(input.date, backend.today())
  const now = backend.now().toISOString()
  await backend.write((before: number[]) => ({ people: [...new Set([...before, ...input.people])] }), async (trx) => {
    const present = await trx.selectFrom('interaction_person').select('person_id').where('interaction_id', '=', id).execute()
    const updated = await trx
      .updateTable('interaction')
      .set({ occurred_on: input.date, kind: input.kind, note: input.note, with_me: input.withMe ? 1 : 0, updated_at: now })
      .where('id', '=', id)
      .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) throw new KithError('not_found', `There is no interaction with id ${id}.`)
    await requirePeople(trx, input.people)
    const me = await meId(trx)
    const people = input.people.filter((p) => p !== me)
    if (people.length === 0) throw fieldError('people', 'choose someone besides yourself')
    await trx.deleteFrom('interaction_person').where('interaction_id', '=', id).execute()
    await trx
      .insertInto('interaction_person')
      .values(people.map((person_id) => ({ interaction_id: id, person_id })))
      .execute()
    return present.map((p) => p.person_id)
  })
  const [view] = await interactionViews(backend.db, [id])
  if (view === undefined) throw new Error('the interaction just written is missing')
  return view
}

export async function deleteInteraction(backend: BackendState, id: number): Promise<{ id: number }> {
  const present = await backend.db.selectFrom('interaction_person').select('person_id').where('interaction_id', '=', id).execute()
  await backend.write({ people: present.map((p) => p.person_id) }, async (trx) => {
    const deleted = await trx.deleteFrom('interaction').where('id', '=', id).executeTakeFirst()
    if (deleted.numDeletedRows === 0n) throw new KithError('not_found', `There is no interaction with id ${id}.`)
  })
  return { id }
}
