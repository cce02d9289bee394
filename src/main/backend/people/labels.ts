import { sql } from 'kysely'
import type Database from 'better-sqlite3'
import type { Db } from './records'

/** What tells one person apart from others bearing the same name. */
export interface NamesakeFacts {
  id: number
  company: string | null
  title: string | null
}

/**
 * How to tell this person from the others with the same name (ignoring
 * case): their company, else their title, else their id; where another of
 * them has the same company (or title), the title is added, and where that
 * does not tell them apart either, the id. "Ana (Harbor)" beside "Ana
 * (Northwind)"; two at Harbor are "Ana (Harbor, Partner)" and "Ana (Harbor,
 * Analyst)", or "Ana (Harbor #12)" and "Ana (Harbor #15)".
 */
export function namesakeDetail(self: NamesakeFacts, everyone: readonly NamesakeFacts[]): string {
  const others = everyone.filter((o) => o.id !== self.id)
  const same = (a: string | null, b: string | null): boolean => a !== null && b !== null && a.toLowerCase() === b.toLowerCase()
  const first = self.company ?? self.title
  if (first === null) return `#${self.id}`
  const clashes = others.filter((o) => same(o.company ?? o.title, first))
  if (clashes.length === 0) return first
  if (self.company !== null && self.title !== null && !clashes.some((o) => same(o.title, self.title))) return `${self.company}, ${self.title}`
  return `${first} #${self.id}`
}

/** Everyone bearing this name, ignoring case (as the database compares names), with what tells them apart. */
export function namesakesOf(sqlite: Database.Database, name: string): NamesakeFacts[] {
  let read = namesakeReads.get(sqlite)
  if (read === undefined) {
    read = sqlite.prepare<[string], NamesakeFacts>('SELECT id, company, title FROM person WHERE name = ? COLLATE NOCASE')
    namesakeReads.set(sqlite, read)
  }
  return read.all(name)
}

const namesakeReads = new WeakMap<Database.Database, Database.Statement<[string], NamesakeFacts>>()

/**
 * How to name people so that namesakes are told apart: the full name, and
 * what tells them apart (`namesakeDetail`) when someone else in Kith has the
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
    if (r.namesakes === 0) {
      labels.set(r.id, r.name)
      continue
    }
    const everyone = await db
      .selectFrom('person')
      .select(['id', 'company', 'title'])
      .where(sql<boolean>`name = ${r.name} COLLATE NOCASE`)
      .execute()
    labels.set(r.id, `${r.name} (${namesakeDetail(r, everyone)})`)
  }
  return labels
}
