import { sql } from 'kysely'
import type { Db } from './records'

/**
 * How to name people so that namesakes are told apart: the full name, and
 * the company (else the title, else the id) when someone else in Kith has the
 * same name, ignoring case.
 */
export async function distinctLabels(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const labels = new Map<number, string>()
  if (ids.length === 0) return labels
  const rows = await db
    .selectFrom('person as p')
    .select(['p.id', 'p.name', 'p.company', 'p.title'])
    .select(sql<number>`(SELECT count(*) FROM person q WHERE q.name = p.name COLLATE NOCASE AND q.id <> p.id)`.as('namesakes'))
    .where('p.id', 'in', [...new Set(ids)])
    .execute()
  for (const r of rows) {
    const detail = r.company ?? r.title ?? `#${r.id}`
    labels.set(r.id, r.namesakes > 0 ? `${r.name} (${detail})` : r.name)
  }
  return labels
}
