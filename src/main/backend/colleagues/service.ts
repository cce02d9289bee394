import type { RelationshipRecord } from '../../../shared/types'
import type { BackendState } from '../state'
import { KithError } from '../errors'
import { colleagueWords } from '../paths/service'
import { requirePeople } from '../people/records'
import { setRelationship } from '../relationships/service'

/** An inferred colleague tie is real: a relationship, with where they worked together as its context. */
export async function confirmColleagues(backend: BackendState, a: number, b: number, strength: number): Promise<RelationshipRecord> {
  await requirePeople(backend.db, [a, b])
  const g = backend.paths()
  const [i, j] = [g.indexOf.get(a) ?? -1, g.indexOf.get(b) ?? -1]
  const tie = g.colleagueTie(i, j)
  if (tie === null) {
    throw new KithError('conflict', `Kith does not take ${g.names[i] ?? 'them'} and ${g.names[j] ?? 'them'} for colleagues (no time together at one organisation, or already recorded): record how they know each other instead.`)
  }
  const context = colleagueWords(g, tie, i, j)
  return setRelationship(backend, {
    a,
    b,
    strength,
    kind: 'colleague',
    confidence: 'firsthand',
    contexts: [context],
    since: tie.since < -1e8 ? null : new Date(tie.since * 86_400_000).toISOString().slice(0, 10),
  })
}

/** "They don't know each other": the inferred tie is gone for good. */
export async function rejectColleagues(backend: BackendState, a: number, b: number): Promise<{ a: number; b: number }> {
  await requirePeople(backend.db, [a, b])
  const [lo, hi] = a < b ? [a, b] : [b, a]
  await backend.write({ people: [a, b] }, (trx) =>
    trx.insertInto('colleague_rejection').values({ person_a: lo, person_b: hi, created_at: backend.now().toISOString() }).onConflict((oc) => oc.doNothing()).execute(),
  )
  return { a, b }
}
