/**
 * A "give back" follow-up (Kith sets one for the connector when an ask of
 * mine is introduced) is met by a favor I give that connector on or after the
 * day of the introduction: the task is done, and remembers the favor. Taking
 * the favor away (deleted, moved to someone else or to before the
 * introduction) opens the task again. docs/introductions.md, "After the
 * introduction".
 */
import type { Db } from '../people/records'

/** Marks done the open give-back tasks this favor meets; returns what each held, for an undo. */
export async function settleGiveBacks(db: Db, favorId: number, now: string): Promise<{ id: number; due_on: string }[]> {
  const favor = await db
    .selectFrom('favor as f')
    .innerJoin('person as g', 'g.id', 'f.giver_id')
    .select(['f.receiver_id', 'f.occurred_on', 'g.is_me'])
    .where('f.id', '=', favorId)
    .executeTakeFirst()
  if (favor === undefined || favor.is_me !== 1) return []
  const open = await db
    .selectFrom('task as t')
    .select(['t.id', 't.due_on'])
    .where('t.kind', '=', 'give_back')
    .where('t.done_at', 'is', null)
    .where('t.person_id', '=', favor.receiver_id)
    // Given on or after the day I was introduced: an earlier favor was already counted when I asked.
    .where((eb) =>
      eb.or([
        eb('t.introduction_id', 'is', null),
        eb(
          eb
            .selectFrom('introduction_event as e')
            .select((e) => e.fn.max('e.on_date').as('on'))
            .whereRef('e.introduction_id', '=', 't.introduction_id')
            .where('e.state', '=', 'introduced'),
          '<=',
          favor.occurred_on,
        ),
      ]),
    )
    .execute()
  for (const t of open) await db.updateTable('task').set({ done_at: now, settled_by_favor_id: favorId }).where('id', '=', t.id).execute()
  return open
}

/** Opens again the tasks this favor settled (before it is deleted or changed). */
export async function unsettleGiveBacks(db: Db, favorId: number): Promise<void> {
  await db.updateTable('task').set({ done_at: null, settled_by_favor_id: null }).where('settled_by_favor_id', '=', favorId).execute()
}
