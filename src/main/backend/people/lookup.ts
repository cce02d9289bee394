// Finding one person from what the user typed, and who a person knows.
import type { Neighbourhood, PersonRef } from '../../../shared/types'
import type { BackendState } from '../state'
import { KithError } from '../errors'
import { normalizeEmail, requirePerson } from './records'

/** Finds one person by id, email, or exact name (then alias). */
export async function resolvePerson(backend: BackendState, ref: string): Promise<PersonRef> {
  const { db } = backend
  const trimmed = ref.trim()
  const idMatch = /^#?(\d+)$/.exec(trimmed)
  if (idMatch?.[1] !== undefined) {
    const person = await requirePerson(db, Number(idMatch[1]))
    return { id: person.id, name: person.name }
  }
  const directory = backend.directory()
  const entries = [...directory.entries.values()]
  const matching = (people: typeof entries) => {
    const found = trimmed.includes('@')
      ? people.filter((e) => e.emails.some((m) => normalizeEmail(m) === normalizeEmail(trimmed)))
      : people.filter((e) => e.name.toLowerCase() === trimmed.toLowerCase())
    return found.length === 0 && !trimmed.includes('@') ? people.filter((e) => e.aliases.some((a) => a.toLowerCase() === trimmed.toLowerCase())) : found
  }
  let matches = matching(entries.filter((e) => !e.archived))
  // Someone archived is still someone: named as by their id, the command says they are archived (and how to restore them).
  if (matches.length === 0) matches = matching(entries.filter((e) => e.archived))
  const [only, ...others] = matches
  if (only !== undefined && others.length === 0) return { id: only.id, name: only.name }
  const describe = (e: { id: number; name: string; company: string | null }): string =>
    `#${e.id} ${e.name}${e.company === null ? '' : ` (${e.company})`}`
  if (matches.length > 1) {
    throw new KithError('conflict', `"${trimmed}" could be ${matches.slice(0, 10).map(describe).join(', ')}. Name them by id.`)
  }
  const suggestions = directory.search.search(trimmed, 3, (id) => directory.entries.get(id)?.archived === false)
  const hint =
    suggestions.length === 0
      ? ''
      : ` Did you mean ${suggestions
          .map((s) => directory.entries.get(s.id))
          .filter((e) => e !== undefined)
          .map(describe)
          .join(', ')}?`
  throw new KithError('not_found', `No one is called "${trimmed}".${hint}`)
}

/** Who a person knows (strongest first, archived people left out) and who among them know each other. */
export async function neighbourhood(backend: BackendState, id: number, limit: number): Promise<Neighbourhood> {
  const { db } = backend
  const center = await requirePerson(db, id)
  const rows = await db
    .selectFrom('relationship as r')
    .innerJoin('person as o', (join) =>
      join.on((eb) =>
        eb('o.id', '=', eb.case().when('r.person_a', '=', id).then(eb.ref('r.person_b')).else(eb.ref('r.person_a')).end()),
      ),
    )
    .where((eb) => eb.or([eb('r.person_a', '=', id), eb('r.person_b', '=', id)]))
    .where('o.archived_at', 'is', null)
    .select(['o.id', 'o.name', 'r.strength'])
    .orderBy('r.strength', 'desc')
    .orderBy('o.name')
    .execute()
  const nodes = rows.slice(0, limit)
  const ids = nodes.map((n) => n.id)
  const edges =
    ids.length < 2
      ? []
      : await db
          .selectFrom('relationship')
          .select(['person_a as a', 'person_b as b', 'strength'])
          .where('person_a', 'in', ids)
          .where('person_b', 'in', ids)
          .execute()
  return { center: { id: center.id, name: center.name }, nodes, edges, total: rows.length }
}
