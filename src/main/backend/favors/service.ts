import type { FavorInput } from '../../../shared/schemas'
import type { FavorView } from '../../../shared/types'
import type { BackendState } from '../state'
import { requireHappened } from '../dates'
import { KithError } from '../errors'
import { favorViews } from '../people/detail'
import { meId, requirePeople } from '../people/records'
import { settleGiveBacks, unsettleGiveBacks } from './settle'

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
async function favorView(backend: BackendState, id: number): Promise<FavorView> {
  const [view] = await favorViews(backend.db, [id], await meId(backend.db))
  if (view === undefined) throw new Error('the favor just written is missing')
  return { ...view, runningBalance: null }
}

export async function logFavor(backend: BackendState, input: FavorInput): Promise<FavorView> {
  requireHappened(input.date, backend.today())
  const now = backend.now().toISOString()
  const id = await backend.write({ people: [input.giverId, input.receiverId] }, async (trx) => {
    await requirePeople(trx, [input.giverId, input.receiverId])
    const row = await trx
      .insertInto('favor')
      .values({ ...favorColumns(input), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    await settleGiveBacks(trx, row.id, now)
    return row.id
  })
  return favorView(backend, id)
}

export async function updateFavor(backend: BackendState, id: number, input: FavorInput): Promise<FavorView> {
  const before = await backend.db.selectFrom('favor').select(['giver_id', 'receiver_id']).where('id', '=', id).executeTakeFirst()
  if (before === undefined) throw new KithError('not_found', `There is no favor with id ${id}.`)
  requireHappened(input.date, backend.today())
  await requirePeople(backend.db, [input.giverId, input.receiverId])
  const now = backend.now().toISOString()
  await backend.write({ people: [before.giver_id, before.receiver_id, input.giverId, input.receiverId] }, async (trx) => {
    // What it settled is weighed again as it now reads (another person, another day).
    await unsettleGiveBacks(trx, id)
    await trx
      .updateTable('favor')
      .set({ ...favorColumns(input), updated_at: now })
      .where('id', '=', id)
      .execute()
    await settleGiveBacks(trx, id, now)
  })
  return favorView(backend, id)
}

export async function deleteFavor(backend: BackendState, id: number): Promise<{ id: number }> {
  const row = await backend.db.selectFrom('favor').select(['giver_id', 'receiver_id']).where('id', '=', id).executeTakeFirst()
  if (row === undefined) throw new KithError('not_found', `There is no favor with id ${id}.`)
  await backend.write({ people: [row.giver_id, row.receiver_id] }, async (trx) => {
    await unsettleGiveBacks(trx, id)
    await trx.deleteFrom('favor').where('id', '=', id).execute()
  })
  return { id }
}
