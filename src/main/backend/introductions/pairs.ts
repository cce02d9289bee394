import type { Db } from '../people/records'

/**
 * The people `person` has been put forward to by an introduction between two (any state but
 * abandoned: under way, sent, met, or declined, since a no stays a no). Whoever is here is not
 * someone to offer `person` again as a way to help them.
 */
export async function introducedTo(db: Db, person: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('introduction')
    .select(['person_a_id', 'person_b_id'])
    .where('kind', '=', 'connect')
    .where('state', '!=', 'abandoned')
    .where((eb) => eb.or([eb('person_a_id', '=', person), eb('person_b_id', '=', person)]))
    .execute()
  const others = new Set<number>()
  for (const r of rows) {
    const other = r.person_a_id === person ? r.person_b_id : r.person_a_id
    if (other !== null) others.add(other)
  }
  return others
}
