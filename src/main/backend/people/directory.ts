import type Database from 'better-sqlite3'
import type { Facets, PersonRow } from '../../../shared/types'
import { foldText } from '../search/normalize'
import { parseJsonList } from './records'
import { SearchIndex, type SearchDoc } from '../search/search-index'

export interface DirectoryEntry extends PersonRow {
  aliases: string[]
  emails: string[]
  /** the name folded for sorting: lower case, no accents */
  sortName: string
}

interface PersonRecord {
  id: number
  name: string
  aliases: string
  company: string | null
  title: string | null
  is_me: number
  archived_at: string | null
}

function toSearchDoc(e: DirectoryEntry): SearchDoc {
  return { id: e.id, name: e.name, aliases: e.aliases, company: e.company, title: e.title, tags: e.tags, emails: e.emails }
}

function groupBy<T extends { person_id: number }>(rows: T[], value: (row: T) => string): Map<number, string[]> {
  const out = new Map<number, string[]>()
  for (const row of rows) {
    const list = out.get(row.person_id)
    if (list === undefined) out.set(row.person_id, [value(row)])
    else list.push(value(row))
  }
  return out
}

/**
 * Everyone in memory, with what the people list sorts and filters by (my
 * last interaction with them, my relationship's strength) and the search
 * index. Built once, then refreshed person by person after each write.
 */
export class PeopleDirectory {
  readonly entries = new Map<number, DirectoryEntry>()
  private searchIndex: SearchIndex | null = null
  meId: number | null = null
  /** Orderings already computed, by their query; cleared on any change. */
  readonly orderings = new Map<string, DirectoryEntry[]>()
  /** Tag and company counts, kept until something changes. */
  facets: Facets | null = null

  constructor(private readonly sqlite: Database.Database) {
    this.load(null)
  }

  /** The search index, built on the first search (the list does not need it). */
  get search(): SearchIndex {
    this.searchIndex ??= new SearchIndex([...this.entries.values()].map(toSearchDoc))
    return this.searchIndex
  }

  /** Re-reads these people (or drops them when they are gone). */
  refresh(ids: Iterable<number>): void {
    const unique = [...new Set(ids)]
    if (unique.length === 0) return
    this.orderings.clear()
    this.facets = null
    for (const id of unique) {
      this.entries.delete(id)
      this.searchIndex?.remove(id)
    }
    for (let i = 0; i < unique.length; i += 500) this.load(unique.slice(i, i + 500))
  }

  private load(ids: number[] | null): void {
    const db = this.sqlite
    const where = ids === null ? '' : `IN (${ids.map(() => '?').join(',')})`
    const args = ids ?? []
    const me = db.prepare('SELECT id FROM person WHERE is_me = 1').get() as { id: number } | undefined
    this.meId = me?.id ?? null

    const people = db
      .prepare<number[], PersonRecord>(`SELECT id, name, aliases, company, title, is_me, archived_at FROM person ${ids === null ? '' : `WHERE id ${where}`}`)
      .all(...args)
    const emails = groupBy(
      db
        .prepare(`SELECT person_id, email FROM person_email ${ids === null ? '' : `WHERE person_id ${where}`} ORDER BY person_id, position`)
        .all(...args) as { person_id: number; email: string }[],
      (r) => r.email,
    )
    const tags = groupBy(
      db
        .prepare(
          `SELECT person_id, label FROM person_label WHERE kind = 'tag' ${ids === null ? '' : `AND person_id ${where}`} ORDER BY person_id, position`,
        )
        .all(...args) as { person_id: number; label: string }[],
      (r) => r.label,
    )
    const lastWithMe = new Map<number, string>()
    for (const row of db
      .prepare(
        `SELECT ip.person_id, max(i.occurred_on) AS last FROM interaction_person ip
         JOIN interaction i ON i.id = ip.interaction_id
         WHERE i.with_me = 1 ${ids === null ? '' : `AND ip.person_id ${where}`}
         GROUP BY ip.person_id`,
      )
      .all(...args) as { person_id: number; last: string }[]) {
      lastWithMe.set(row.person_id, row.last)
    }
    const myStrength = new Map<number, number>()
    if (this.meId !== null) {
      for (const row of db
        .prepare(
          `SELECT CASE WHEN person_a = ? THEN person_b ELSE person_a END AS other, strength
           FROM relationship WHERE person_a = ? OR person_b = ?`,
        )
        .all(this.meId, this.meId, this.meId) as { other: number; strength: number }[]) {
        myStrength.set(row.other, row.strength)
      }
    }
    for (const p of people) {
      const entry: DirectoryEntry = {
        id: p.id,
        name: p.name,
        company: p.company,
        title: p.title,
        tags: tags.get(p.id) ?? [],
        isMe: p.is_me === 1,
        archived: p.archived_at !== null,
        lastInteractionOn: lastWithMe.get(p.id) ?? null,
        myStrength: myStrength.get(p.id) ?? null,
        aliases: parseJsonList(p.aliases),
        emails: emails.get(p.id) ?? [],
        sortName: foldText(p.name),
      }
      this.entries.set(p.id, entry)
      this.searchIndex?.set(toSearchDoc(entry))
    }
  }
}
