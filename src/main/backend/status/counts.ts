import type { TableCounts } from '../../../shared/types'
import type { BackendState } from '../state'
import { errorMessage } from '../errors'

export async function tableCounts(backend: BackendState): Promise<TableCounts> {
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

/** Runs a check that may itself fail on a damaged file; its failure is a finding, not an error. */
export function attempt<T>(check: () => T, fallback: T, problems: string[], what: string): T {
  try {
    return check()
  } catch (err) {
    problems.push(`${what} could not be read: ${errorMessage(err)}`)
    return fallback
  }
}

const COUNTED = [
  ['people', 'person'],
  ['relationships', 'relationship'],
  ['interactions', 'interaction'],
  ['favors', 'favor'],
] as const

/** The rows of each table; one that cannot be counted counts 0 and is added to `problems`. */
export function countRows(backend: BackendState, problems: string[]): TableCounts {
  const counts: TableCounts = { people: 0, relationships: 0, interactions: 0, favors: 0 }
  for (const [key, table] of COUNTED) {
    const count = (): number => backend.sqlite.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0
    counts[key] = attempt(count, 0, problems, `The number of ${key}`)
  }
  return counts
}
