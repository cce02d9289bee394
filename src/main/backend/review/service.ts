/**
 * Reviewing what archive imports learned: the people they added, the
 * strengths they estimated for ties to me, and the ties they proposed
 * between other people. Accepting a tie makes it a relationship that belongs
 * to the import (undo takes it back); rejecting one records that the two do
 * not know each other, so no later import proposes it again. Rejections are
 * kept by person and by correspondent key (`imports/archive/rejections.ts`).
 */
import { addedSinceCheck } from '../imports/added-since'
import type { ReviewEntry, ReviewKind, ReviewList, ReviewOutcome } from '../../../shared/imports'
import { isOneOf, RELATIONSHIP_KINDS, type RelationshipKind } from '../../../shared/vocab'
import { REVIEW_KINDS } from '../../../shared/imports'
import type { BackendState } from '../state'
import { KithError } from '../errors'
import { groupThousands } from '../../../shared/format'
import { rememberRejectedPerson, rememberRejectedTie } from '../imports/archive/rejections'

interface ReviewRow {
  id: number
  kind: string
  batch_id: number
  person_id: number
  person_name: string
  other_id: number | null
  other_name: string | null
  strength: number | null
  relationship_kind: string | null
  detail: string
  created_at: string
  my_strength: number | null
  /** why my strength with them is what it is, when an archive import estimated it */
  my_estimate: string | null
}

function entry(r: ReviewRow): ReviewEntry {
  if (!isOneOf(REVIEW_KINDS, r.kind)) throw new KithError('internal', `Review item ${r.id} has an unknown kind "${r.kind}".`)
  const kind: ReviewKind = r.kind
  return {
    id: r.id,
    kind,
    batchId: r.batch_id,
    person: { id: r.person_id, name: r.person_name },
    other: r.other_id === null ? null : { id: r.other_id, name: r.other_name ?? '' },
    strength: kind === 'tie' ? r.strength : r.my_strength,
    relationshipKind: r.relationship_kind,
    // A person's or strength's why is the estimate behind the strength shown, which a later import may have made anew.
    detail: kind !== 'tie' && r.my_estimate !== null ? r.my_estimate : r.detail,
    createdAt: r.created_at,
  }
}

const SELECT = `SELECT r.id, r.kind, r.batch_id, r.person_id, p.name AS person_name, r.other_id, o.name AS other_name, r.strength,
    r.relationship_kind, r.detail, r.created_at,
    (SELECT rel.strength FROM relationship rel, person me WHERE me.is_me = 1
      AND rel.person_a = min(me.id, r.person_id) AND rel.person_b = max(me.id, r.person_id)) AS my_strength,
    (SELECT rel.strength_estimate FROM relationship rel, person me WHERE me.is_me = 1
      AND rel.person_a = min(me.id, r.person_id) AND rel.person_b = max(me.id, r.person_id)) AS my_estimate
  FROM review_item r JOIN person p ON p.id = r.person_id LEFT JOIN person o ON o.id = r.other_id`

/** Everything waiting for review, grouped; newest import first, then by name. */
export function listReview(backend: BackendState): ReviewList {
  const rows = backend.sqlite.prepare<[], ReviewRow>(`${SELECT} ORDER BY r.batch_id DESC, p.name COLLATE NOCASE, o.name COLLATE NOCASE, r.id`).all()
  const entries = rows.map(entry)
  return {
    people: entries.filter((e) => e.kind === 'person'),
    ties: entries.filter((e) => e.kind === 'tie'),
    strengths: entries.filter((e) => e.kind === 'strength'),
  }
}

function itemsOf(backend: BackendState, ids: readonly number[] | 'all'): ReviewEntry[] {
  if (ids === 'all') return backend.sqlite.prepare<[], ReviewRow>(`${SELECT} ORDER BY r.id`).all().map(entry)
  const one = backend.sqlite.prepare<[number], ReviewRow>(`${SELECT} WHERE r.id = ?`)
  const unique = [...new Set(ids)]
  const found = unique.flatMap((id) => {
    const row = one.get(id)
    return row === undefined ? [] : [entry(row)]
  })
  const seen = new Set(found.map((e) => e.id))
  const missing = unique.filter((id) => !seen.has(id))
  if (missing.length > 0) {
    throw new KithError(
      'not_found',
      `Nothing waits for review as ${missing.length === 1 ? 'item' : 'items'} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` and ${groupThousands(missing.length - 10)} more` : ''} (decided or undone since they were listed), so nothing was changed: list them again with "kith review list".`,
    )
  }
  return found
}

/** Accepts people and strengths as they are, and makes accepted ties relationships. */
export async function acceptReview(backend: BackendState, ids: readonly number[] | 'all'): Promise<ReviewOutcome> {
  const sqlite = backend.sqlite
  const now = backend.now().toISOString()
  const outcome: ReviewOutcome = { accepted: 0, rejected: 0, relationshipsCreated: 0, peopleDeleted: 0, relationshipsDeleted: 0 }
  const exists = sqlite.prepare('SELECT 1 FROM relationship WHERE person_a = ? AND person_b = ?').pluck()
  const link = sqlite.prepare(
    `INSERT INTO relationship (person_a, person_b, strength, kind, confidence, source, contexts, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'believed', 'imported', ?, ?, ?)`,
  )
  const record = sqlite.prepare("INSERT INTO import_item (batch_id, entity, entity_id, action, change) VALUES (?, 'relationship', ?, 'created', NULL)")
  const drop = sqlite.prepare('DELETE FROM review_item WHERE id = ?')
  await backend.writeSync('everything', () => {
      for (const item of itemsOf(backend, ids)) {
        if (item.kind === 'tie' && item.other !== null && item.strength !== null) {
          const [a, b] = [item.person.id, item.other.id]
          if (exists.get(a, b) === undefined) {
            const kind = item.relationshipKind ?? 'other'
            const id = Number(link.run(a, b, item.strength, kind, JSON.stringify([item.detail]), now, now).lastInsertRowid)
            // It belongs to the import that proposed it: undoing that import takes it back.
            record.run(item.batchId, id)
            outcome.relationshipsCreated++
          }
        }
        drop.run(item.id)
        outcome.accepted++
      }
  })
  return outcome
}

/** Rejects ties (they never come back) and new people (deleted, with what was learned about them). */
export async function rejectReview(backend: BackendState, ids: readonly number[]): Promise<ReviewOutcome> {
  const sqlite = backend.sqlite
  const now = backend.now().toISOString()
  const outcome: ReviewOutcome = { accepted: 0, rejected: 0, relationshipsCreated: 0, peopleDeleted: 0, relationshipsDeleted: 0 }
  const items = itemsOf(backend, ids)
  // Rejecting several is all or nothing: one refused, none rejected.
  const noneRejected = items.length > 1 ? ` None of the ${groupThousands(items.length)} were rejected.` : ''
  const strengths = items.filter((i) => i.kind === 'strength')
  if (strengths.length > 0) {
    throw new KithError(
      'bad_request',
      `An estimated strength cannot be rejected (item ${strengths[0]?.id ?? ''}, ${strengths[0]?.person.name ?? ''}): accept it, or set the strength you want on their page, and Kith will not change it again.${noneRejected}`,
    )
  }
  // A new person is deleted only while they are what the archive made of them: anything added since is the user's.
  const addedSince = addedSinceCheck(sqlite)
  for (const item of items) {
    if (item.kind !== 'person') continue
    const since = addedSince(item.person.id, item.batchId)
    if (since !== null) {
      throw new KithError(
        'conflict',
        `${item.person.name} was added to since the import found them (${since}), so Kith will not delete them: accept them to keep them, or delete them on their page if you mean to.${noneRejected}`,
      )
    }
  }
  const never = sqlite.prepare('INSERT OR IGNORE INTO colleague_rejection (person_a, person_b, created_at) VALUES (?, ?, ?)')
  const drop = sqlite.prepare('DELETE FROM review_item WHERE id = ?')
  const forget = sqlite.prepare('UPDATE person SET introduced_by_id = NULL WHERE introduced_by_id = ?')
  const deletePerson = sqlite.prepare('DELETE FROM person WHERE id = ? AND is_me = 0')
  // (Deleting the person would take them anyway; deleted first, they are counted, since a tie with them may have been accepted.)
  const unlink = sqlite.prepare('DELETE FROM relationship WHERE (person_a = ? OR person_b = ?) AND EXISTS (SELECT 1 FROM person WHERE id = ? AND is_me = 0)')
  // Ties first: their people's addresses must still be there when a person rejected in the same call is deleted.
  const ordered = [...items.filter((i) => i.kind === 'tie'), ...items.filter((i) => i.kind !== 'tie')]
  await backend.writeSync('everything', () => {
      for (const item of ordered) {
        if (item.kind === 'tie' && item.other !== null) {
          never.run(item.person.id, item.other.id, now)
          // By who they are too: the tie stays rejected if either is deleted and added again.
          rememberRejectedTie(sqlite, item.person.id, item.other.id, now)
        }
        drop.run(item.id)
        if (item.kind === 'person') {
          // By who they were: a later import lists them as heard from instead of creating them again.
          rememberRejectedPerson(sqlite, item.person.id, now)
          forget.run(item.person.id)
          outcome.relationshipsDeleted += unlink.run(item.person.id, item.person.id, item.person.id).changes
          outcome.peopleDeleted += deletePerson.run(item.person.id).changes
        }
        outcome.rejected++
      }
      // Interactions left with no one in them went with their people.
      if (outcome.peopleDeleted > 0) sqlite.prepare('DELETE FROM interaction WHERE NOT EXISTS (SELECT 1 FROM interaction_person WHERE interaction_id = interaction.id)').run()
  })
  return outcome
}

/** Changes a proposed tie's strength or kind before it is accepted. */
export function editReview(backend: BackendState, edit: { id: number; strength?: number; kind?: RelationshipKind }): ReviewEntry {
  const [item] = itemsOf(backend, [edit.id])
  if (item === undefined) throw new KithError('not_found', `Nothing waits for review as item ${edit.id}.`)
  if (item.kind !== 'tie') throw new KithError('bad_request', `Item ${edit.id} is ${item.kind === 'person' ? 'a new person' : 'an estimated strength'}; only a proposed tie's strength and kind can be edited here.`)
  const kind = edit.kind ?? item.relationshipKind ?? 'other'
  if (!isOneOf(RELATIONSHIP_KINDS, kind)) throw new KithError('bad_request', `"${kind}" is not a kind of relationship.`)
  backend.sqlite.prepare('UPDATE review_item SET strength = ?, relationship_kind = ? WHERE id = ?').run(edit.strength ?? item.strength, kind, edit.id)
  const [after] = itemsOf(backend, [edit.id])
  if (after === undefined) throw new KithError('not_found', `Nothing waits for review as item ${edit.id}.`)
  return after
}
