import type { TableCounts } from '../../../shared/types'
import type { Backend } from '../backend'

export async function tableCounts(backend: Backend): Promise<TableCounts> {
  const { db } = backend
  const [people, relationships] = await Promise.all([
    db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('relationship').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { people: people.n, relationships: relationships.n }
}
