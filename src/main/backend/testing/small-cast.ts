/** A small cast for scenario tests: me and three people who know no one yet. */
import type { Backend } from '../backend'
import { ok } from './call'

export async function smallCast(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan' })
  const ana = await ok(backend, 'people.create', { name: 'Ana Silva', company: 'Acme' })
  const ben = await ok(backend, 'people.create', { name: 'Ben Okafor' })
  const cy = await ok(backend, 'people.create', { name: 'Cy Tanaka' })
  return { me, ana, ben, cy }
}

/** How many rows the tables a refused write could touch hold: the same before and after means nothing was written. */
export async function rowCounts(backend: Backend): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of ['person', 'relationship', 'interaction', 'interaction_person', 'favor'] as const) {
    out[t] = (await backend.db.selectFrom(t).selectAll().execute()).length
  }
  return out
}
