import type { IntroKind } from '../../../shared/intro-states'
import { KithError } from '../errors'
import type { Db } from '../people/records'

/** An introduction's row as stored. */
export type Row = {
  id: number
  kind: IntroKind
  /** text: a Kith JSON import may bring a state Kith does not know */
  state: string
  connector_id: number | null
  target_id: number | null
  person_a_id: number | null
  person_b_id: number | null
  a_answer: string | null
  b_answer: string | null
  path: string
  score: number | null
  details: string
  meeting_on: string | null
  goal_id: number | null
  previous_id: number | null
  created_at: string
  updated_at: string
}

/** The introduction with this id, or not_found. */
export async function row(db: Db, id: number): Promise<Row> {
  const found = await db.selectFrom('introduction').selectAll().where('id', '=', id).executeTakeFirst()
  if (found === undefined) throw new KithError('not_found', `There is no introduction with id ${id}.`)
  return found
}
