import type { RelationshipInput } from '../../../shared/schemas'
import type { RelationshipRecord } from '../../../shared/types'
import type { BackendState } from '../state'
import { KithError } from '../errors'
import { parseJsonList, requirePeople } from '../people/records'
/** Creates the relationship between two people, or updates the one they have. */
export async function setRelationship(backend: BackendState, input: RelationshipInput): Promise<RelationshipRecord> {
  const now = backend.now().toISOString()
  const [a, b] = input.a < input.b ? [input.a, input.b] : [input.b, input.a]
  return backend.write({ people: [a, b] }, async (trx) => {
    const people = await requirePeople(trx, [a, b])
    const values = {
      strength: input.strength,
      kind: input.kind,
      confidence: input.confidence,
      contexts: JSON.stringify(input.contexts),
      since: input.since,
      updated_at: now,
      // The user has said how strong it is: Kith no longer estimates it.
      strength_estimate: null,
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
}

export async function deleteRelationship(backend: BackendState, id: number): Promise<{ id: number }> {
  const row = await backend.db.selectFrom('relationship').select(['person_a', 'person_b']).where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw new KithError('not_found', `There is no relationship with id ${id}.`)
  await backend.write({ people: [row.person_a, row.person_b] }, (trx) => trx.deleteFrom('relationship').where('id', '=', id).execute())
  return { id }
}
