import type { FavorInput, InteractionInput, RelationshipInput } from '../../../shared/schemas'
import type { FavorView, InteractionView, RelationshipRecord } from '../../../shared/types'
import type { Backend } from '../backend'
import { requireNotFuture } from '../dates'
import { KithError } from '../errors'
import { favorViews, interactionViews } from '../people/detail'
import { meId, parseJsonList, requirePeople } from '../people/records'

/** Creates the relationship between two people, or updates the one they have. */
export async function setRelationship(backend: Backend, input: RelationshipInput): Promise<RelationshipRecord> {
  const now = backend.now().toISOString()
  const [a, b] = input.a < input.b ? [input.a, input.b] : [input.b, input.a]
  const result = await backend.db.transaction().execute(async (trx) => {
    const people = await requirePeople(trx, [a, b])
    const values = {
      strength: input.strength,
      kind: input.kind,
      confidence: input.confidence,
      contexts: JSON.stringify(input.contexts),
      since: input.since,
      updated_at: now,
    }
    const existing = await trx.selectFrom('relationship').select('id').where('person_a', '=', a).where('person_b', '=', b).executeTakeFirst()
    let id: number
    if (existing === undefined) {
      const row = await trx
        .insertInto('relationship')
        .values({ ...values, person_a: a, person_b: b, source: 'entered', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      id = row.id
    } else {
      await trx.updateTable('relationship').set(values).where('id', '=', existing.id).execute()
      id = existing.id
    }
    const row = await trx.selectFrom('relationship').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const personA = people.get(a)
    const personB = people.get(b)
    if (personA === undefined || personB === undefined) throw new Error('people vanished')
    return {
      id,
      a: { id: a, name: personA.name },
      b: { id: b, name: personB.name },
      strength: row.strength,
      kind: row.kind,
      confidence: row.confidence,
      source: row.source,
      contexts: parseJsonList(row.contexts),
      since: row.since,
      updated: existing !== undefined,
    }
  })
  backend.touched([a, b])
  return result
}

export async function deleteRelationship(backend: Backend, id: number): Promise<{ id: number }> {
  const row = await backend.db.selectFrom('relationship').select(['person_a', 'person_b']).where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw new KithError('not_found', `There is no relationship with id ${id}.`)
  await backend.db.deleteFrom('relationship').where('id', '=', id).execute()
  backend.touched([row.person_a, row.person_b])
  return { id }
}

/** What a past event's date must be: the schema has already refused dates before 1900. */
function requirePast(backend: Backend, date: string): void {
  requireNotFuture('date', date, backend.today(), 'log things that have happened')
}

export async function logInteraction(backend: Backend, input: InteractionInput): Promise<InteractionView> {
  requirePast(backend, input.date)
  const now = backend.now().toISOString()
  const id = await backend.db.transaction().execute(async (trx) => {
    await requirePeople(trx, input.people)
    const me = await meId(trx)
    const people = input.people.filter((p) => p !== me)
    if (people.length === 0) throw new KithError('bad_request', 'people: choose someone besides yourself')
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
  backend.touched(input.people)
  const [view] = await interactionViews(backend.db, [id])
  if (view === undefined) throw new Error('the interaction just written is missing')
  return view
}

export async function deleteInteraction(backend: Backend, id: number): Promise<{ id: number }> {
  const present = await backend.db.selectFrom('interaction_person').select('person_id').where('interaction_id', '=', id).execute()
  const deleted = await backend.db.deleteFrom('interaction').where('id', '=', id).executeTakeFirst()
  if (deleted.numDeletedRows === 0n) throw new KithError('not_found', `There is no interaction with id ${id}.`)
  backend.touched(present.map((p) => p.person_id))
  return { id }
}

function favorColumns(input: FavorInput) {
  return {
    giver_id: input.giverId,
    receiver_id: input.receiverId,
    occurred_on: input.date,
    kind: input.kind,
    size: input.size,
    note: input.note,
    introduction_id: input.introductionId,
  }
}

/** One favor as the person page shows it (no running balance out of context). */
async function favorView(backend: Backend, id: number): Promise<FavorView> {
  const [view] = await favorViews(backend.db, [id], await meId(backend.db))
  if (view === undefined) throw new Error('the favor just written is missing')
  return { ...view, runningBalance: null }
}

export async function logFavor(backend: Backend, input: FavorInput): Promise<FavorView> {
  requirePast(backend, input.date)
  const now = backend.now().toISOString()
  const id = await backend.db.transaction().execute(async (trx) => {
    await requirePeople(trx, [input.giverId, input.receiverId])
    const row = await trx
      .insertInto('favor')
      .values({ ...favorColumns(input), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  })
  backend.touched([input.giverId, input.receiverId])
  return favorView(backend, id)
}

export async function updateFavor(backend: Backend, id: number, input: FavorInput): Promise<FavorView> {
  const before = await backend.db.selectFrom('favor').select(['giver_id', 'receiver_id']).where('id', '=', id).executeTakeFirst()
  if (before === undefined) throw new KithError('not_found', `There is no favor with id ${id}.`)
  requirePast(backend, input.date)
  await requirePeople(backend.db, [input.giverId, input.receiverId])
  await backend.db
    .updateTable('favor')
    .set({ ...favorColumns(input), updated_at: backend.now().toISOString() })
    .where('id', '=', id)
    .execute()
  backend.touched([before.giver_id, before.receiver_id, input.giverId, input.receiverId])
  return favorView(backend, id)
}

export async function deleteFavor(backend: Backend, id: number): Promise<{ id: number }> {
  const row = await backend.db.selectFrom('favor').select(['giver_id', 'receiver_id']).where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw new KithError('not_found', `There is no favor with id ${id}.`)
  await backend.db.deleteFrom('favor').where('id', '=', id).execute()
  backend.touched([row.giver_id, row.receiver_id])
  return { id }
}
