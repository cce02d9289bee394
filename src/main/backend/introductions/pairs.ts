import type { Db } from '../people/records'

/**
 * The people `person` has been put forward to by an introduction between two (under way, sent,
 * met, or declined, since a no stays a no; abandoned only if it had been sent). Whoever is here is not
 * someone to offer `person` again as a way to help them.
 */
export async function introducedTo(db: Db, person: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('introduction')
    .select(['person_a_id', 'person_b_id'])
    .where('kind', '=', 'connect')
    // Abandoned counts only once sent: the two were put forward to each other all the same.
    .where((eb) =>
      eb.or([
        eb('state', '!=', 'abandoned'),
        eb.exists(eb.selectFrom('introduction_event as e').select('e.id').whereRef('e.introduction_id', '=', 'introduction.id').where('e.state', '=', 'introduced')),
      ]),
    )
    .where((eb) => eb.or([eb('person_a_id', '=', person), eb('person_b_id', '=', person)]))
    .execute()
  const others = new Set<number>()
  for (const r of rows) {
    const other = r.person_a_id === person ? r.person_b_id : r.person_a_id
    if (other !== null) others.add(other)
  }
  return others
}
