import type { TableCounts } from '../../../shared/types'
import type { Backend } from '../backend'

export async function tableCounts(backend: Backend): Promise<TableCounts> {
  const { db } = backend
  const count = async (table: 'person' | 'relationship' | 'interaction' | 'favor'): Promise<number> =>
    (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  const [people, relationships, interactions, favors] = await Promise.all([
    count('person'),
    count('relationship'),
    count('interaction'),
    count('favor'),
  ])
  return { people, relationships, interactions, favors }
}
