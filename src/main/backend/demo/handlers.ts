import type { Handler } from '../handlers'
import { tableCounts } from '../app/counts'
import { KithError } from '../errors'
import { buildSampleNetwork } from './sample-network'

const CHUNK = 500

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Loads the sample network into an empty database, all or nothing. */
const load: Handler<'demo.load'> = async (_args, backend) => {
  const before = await tableCounts(backend)
  if (before.people > 0) {
    throw new KithError(
      'conflict',
      `The sample network loads only into an empty database, and this one holds ${before.people} people. ` +
        'Use a new data folder (--data DIR) to try it.',
    )
  }
  const network = buildSampleNetwork()
  const now = backend.now().toISOString()
  await backend.db.transaction().execute(async (trx) => {
    const ids: number[] = []
    for (const batch of chunks(network.people, CHUNK)) {
      const rows = await trx
        .insertInto('person')
        .values(
          batch.map((p) => ({
            name: p.name,
            company: p.company,
            title: p.title,
            is_me: p === network.people[0] ? 1 : 0,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute()
      ids.push(...rows.map((r) => r.id))
    }
    const idAt = (index: number): number => {
      const id = ids[index]
      if (id === undefined) throw new Error(`sample person ${index} has no id`)
      return id
    }
    for (const batch of chunks(network.relationships, CHUNK)) {
      await trx
        .insertInto('relationship')
        .values(
          batch.map((r) => {
            const [a, b] = [idAt(r.a), idAt(r.b)]
            return {
              person_a: Math.min(a, b),
              person_b: Math.max(a, b),
              strength: r.strength,
              created_at: now,
              updated_at: now,
            }
          }),
        )
        .execute()
    }
  })
  return { counts: await tableCounts(backend) }
}

export const demoHandlers = { 'demo.load': load }
