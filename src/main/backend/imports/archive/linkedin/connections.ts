/**
 * What the learning step needs to know of LinkedIn connections: how one with
 * nothing exchanged is linked to me, and how one with neither a known
 * profile nor a known address is found among the people in Kith.
 */
import type Database from 'better-sqlite3'
import { foldCompany, foldName, normalizeLinkedin } from '../../person-record'

/** A LinkedIn connection with nothing exchanged in the window: linked to me as an acquaintance, as the contact import does. */
export const CONNECTION_ESTIMATE = { strength: 2, explanation: 'a LinkedIn connection, no messages in the last 3 years: acquaintance (2)' }

/** People by folded name and company, for connections with neither a known profile nor a known address. */
export function nameIndex(sqlite: Database.Database): { find: (name: string, company: string | null, profile: string | null) => number | undefined } {
  const index = new Map<string, { id: number; profile: string | null }>()
  for (const r of sqlite.prepare<[], { id: number; name: string; company: string | null; linkedin_url: string | null }>('SELECT id, name, company, linkedin_url FROM person WHERE is_me = 0 ORDER BY archived_at IS NOT NULL, id').all()) {
    const key = `${foldName(r.name)}|${foldCompany(r.company)}`
    if (!index.has(key)) index.set(key, { id: r.id, profile: r.linkedin_url === null ? null : normalizeLinkedin(r.linkedin_url) })
  }
  return {
    find: (name, company, profile) => {
      const hit = index.get(`${foldName(name)}|${foldCompany(company)}`)
      // Two different profiles are two people, whatever their names.
      return hit === undefined || (hit.profile !== null && profile !== null && hit.profile !== profile) ? undefined : hit.id
    },
  }
}
