/**
 * Catching a duplicate at the door: before a person is added, the people
 * already in Kith (archived ones too: they are still there) who have the
 * same name, one of the same emails or the same LinkedIn profile.
 */
import type { DuplicateMatch } from '../../../shared/api'
import type { PersonCreate } from '../../../shared/schemas'
import type { BackendState } from '../state'
import { KithError } from '../errors'
import { normalizeLinkedin } from '../imports/person-record'
import { foldText } from '../search/normalize'
import { normalizeEmail } from './records'

/** How many matches a refusal names; a very common name could match many more. */
const SHOWN = 10

/**
 * A web address in one spelling: no scheme, no "www.", the host in lower
 * case, no query, fragment or trailing slash. A LinkedIn profile also
 * ignores the case of its name and a country prefix (uk.linkedin.com), as
 * the importers do.
 */
export function normalizeProfileUrl(url: string): string {
  const profile = normalizeLinkedin(url)
  if (profile !== null) return profile
  const bare = url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/[?#].*$/, '')
  const slash = bare.indexOf('/')
  const host = (slash === -1 ? bare : bare.slice(0, slash)).toLowerCase().replace(/^www\./, '')
  const path = slash === -1 ? '' : bare.slice(slash).replace(/\/+$/, '')
  return host + path
}

interface Candidate {
  id: number
  name: string
  company: string | null
  archived: boolean
  reasons: string[]
}

/** Who in Kith the person about to be added may already be, in id order. */
async function candidates(backend: BackendState, input: Pick<PersonCreate, 'name' | 'emails' | 'linkedinUrl'>): Promise<Candidate[]> {
  const found = new Map<number, Candidate>()
  const note = (p: { id: number; name: string; company: string | null; archived: boolean }, reason: string): void => {
    const seen = found.get(p.id)
    if (seen === undefined) found.set(p.id, { id: p.id, name: p.name, company: p.company, archived: p.archived, reasons: [reason] })
    else if (!seen.reasons.includes(reason)) seen.reasons.push(reason)
  }

  const name = foldText(input.name)
  if (name !== '') {
    for (const e of backend.directory().entries.values()) {
      if (e.sortName === name) note(e, 'the same name')
    }
  }

  const emails = [...new Set(input.emails.map(normalizeEmail))]
  if (emails.length > 0) {
    const rows = await backend.db
      .selectFrom('person_email as e')
      .innerJoin('person as p', 'p.id', 'e.person_id')
      .select(['p.id', 'p.name', 'p.company', 'p.archived_at', 'e.email'])
      .where('e.email_norm', 'in', emails)
      .orderBy('e.position')
      .execute()
    for (const r of rows) note({ id: r.id, name: r.name, company: r.company, archived: r.archived_at !== null }, `the same email ${r.email}`)
  }

  if (input.linkedinUrl !== null) {
    const wanted = normalizeProfileUrl(input.linkedinUrl)
    const rows = await backend.db.selectFrom('person').select(['id', 'name', 'company', 'archived_at', 'linkedin_url']).where('linkedin_url', 'is not', null).execute()
    for (const r of rows) {
      if (r.linkedin_url !== null && normalizeProfileUrl(r.linkedin_url) === wanted) {
        note({ id: r.id, name: r.name, company: r.company, archived: r.archived_at !== null }, 'the same LinkedIn profile')
      }
    }
  }
  return [...found.values()].sort((a, b) => a.id - b.id)
}

/** "Ana Lima (#12, Harbor Capital) has the same email ana@example.com" */
function describe(c: Candidate): string {
  const about = [`#${c.id}`, ...(c.company === null ? [] : [c.company]), ...(c.archived ? ['archived'] : [])].join(', ')
  return `${c.name} (${about}) has ${c.reasons.join(' and ')}`
}

/**
 * Refuses to add someone who seems to be in Kith already: the message names
 * who and why, and the matches travel as data so a form can offer to open
 * or merge them.
 */
export async function refuseDuplicates(backend: BackendState, input: Pick<PersonCreate, 'name' | 'emails' | 'linkedinUrl'>): Promise<void> {
  const found = await candidates(backend, input)
  if (found.length === 0) return
  const shown = found.slice(0, SHOWN).map(describe).join('; ')
  const more = found.length > SHOWN ? `; and ${found.length - SHOWN} more` : ''
  const duplicates: DuplicateMatch[] = found.slice(0, SHOWN).map((c) => ({ id: c.id, name: c.name, company: c.company, reason: c.reasons.join(' and ') }))
  throw new KithError('conflict', `Already in Kith: ${shown}${more}.`, { duplicates })
}
