// Merging two records of one person into one.
import { MERGE_FIELDS, type MergeField } from '../../../shared/schemas'
import type { MergeResult } from '../../../shared/types'
import type { Args } from '../../../shared/contract'
import type { BackendState, Touched } from '../state'
import type { Person } from '../db/schema'
import { createBackup } from '../backup/backups'
import { personDetail } from './detail'
import { LABEL_KINDS } from '../../../shared/vocab'
import { parseJsonList, requirePeople, writeEmails, writeLabels } from './records'

const FIELD_COLUMN: Record<MergeField, keyof Person> = {
  name: 'name',
  company: 'company',
  title: 'title',
  location: 'location',
  notes: 'notes',
  howWeMet: 'how_we_met',
  introducedById: 'introduced_by_id',
  linkedinUrl: 'linkedin_url',
  website: 'website',
  birthday: 'birthday',
}

const CONFIDENCE_RANK: Record<string, number> = { firsthand: 3, believed: 2, inferred: 1 }

function unionCaseless(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set(a.map((x) => x.toLowerCase()))
  return [...a, ...b.filter((x) => !seen.has(x.toLowerCase()) && seen.add(x.toLowerCase()))]
}

/**
 * Merges one person into another: fields as chosen, lists united, and every
 * relationship, interaction and favor moved over. A backup comes first.
 */
export async function mergePeople(backend: BackendState, args: Args<'people.merge'>): Promise<MergeResult> {
  const { keepId, mergeId, take } = args
  await requirePeople(backend.db, [keepId, mergeId])
  const backup = await createBackup(backend, undefined, '-pre-merge')
  const now = backend.now().toISOString()
  // Someone well connected is re-read whole rather than neighbour by neighbour.
  const touched = (merged: { neighbours: number[] }): Touched => (merged.neighbours.length > 50 ? 'everything' : { people: [keepId, mergeId, ...merged.neighbours] })
  const result = await backend.write(touched, async (trx) => {
    const keep = await trx.selectFrom('person').selectAll().where('id', '=', keepId).executeTakeFirstOrThrow()
    const merge = await trx.selectFrom('person').selectAll().where('id', '=', mergeId).executeTakeFirstOrThrow()

    const set: Record<string, string | number | null> = {}
    for (const field of MERGE_FIELDS) {
      if (take[field] === 'merge') {
        const column = FIELD_COLUMN[field]
        set[column] = merge[column]
      }
    }
    // Fill what the kept person lacks from the other.
    for (const column of Object.values(FIELD_COLUMN)) {
      if (!(column in set) && keep[column] === null && merge[column] !== null) set[column] = merge[column]
    }
    if (set.introduced_by_id === keepId || set.introduced_by_id === mergeId) set.introduced_by_id = null
    const finalName = typeof set.name === 'string' ? set.name : keep.name
    const otherName = finalName === keep.name ? merge.name : keep.name
    const aliases = unionCaseless(parseJsonList(keep.aliases), [...parseJsonList(merge.aliases), otherName]).filter(
      (a) => a.toLowerCase() !== finalName.toLowerCase(),
    )
    set.aliases = JSON.stringify(aliases)
    set.phones = JSON.stringify(unionCaseless(parseJsonList(keep.phones), parseJsonList(merge.phones)))
    if (merge.is_me === 1) set.is_me = 1
    set.updated_at = now

    // Emails and labels: add the merged person's that the kept one lacks.
    const keepEmails = await trx.selectFrom('person_email').select('email').where('person_id', '=', keepId).orderBy('position').execute()
    const mergeEmails = await trx.selectFrom('person_email').select('email').where('person_id', '=', mergeId).orderBy('position').execute()
    const labelsOf = async (personId: number) =>
      trx.selectFrom('person_label').select(['kind', 'label']).where('person_id', '=', personId).orderBy('position').execute()
    const keepLabels = await labelsOf(keepId)
    const mergeLabels = await labelsOf(mergeId)

    // Relationships.
    const theirs = await trx
      .selectFrom('relationship')
      .selectAll()
      .where((eb) => eb.or([eb('person_a', '=', mergeId), eb('person_b', '=', mergeId)]))
      .execute()
    let movedRelationships = 0
    const neighbours: number[] = []
    for (const r of theirs) {
      const other = r.person_a === mergeId ? r.person_b : r.person_a
      await trx.deleteFrom('relationship').where('id', '=', r.id).execute()
      if (other === keepId) continue
      neighbours.push(other)
      const [a, b] = keepId < other ? [keepId, other] : [other, keepId]
      const existing = await trx.selectFrom('relationship').selectAll().where('person_a', '=', a).where('person_b', '=', b).executeTakeFirst()
      if (existing === undefined) {
        await trx
          .insertInto('relationship')
          .values({ ...r, id: undefined, person_a: a, person_b: b, updated_at: now })
          .execute()
      } else {
        await trx
          .updateTable('relationship')
          .set({
            strength: Math.max(existing.strength, r.strength),
            confidence: (CONFIDENCE_RANK[existing.confidence] ?? 0) >= (CONFIDENCE_RANK[r.confidence] ?? 0) ? existing.confidence : r.confidence,
            kind: existing.kind === 'other' ? r.kind : existing.kind,
            contexts: JSON.stringify(unionCaseless(parseJsonList(existing.contexts), parseJsonList(r.contexts))),
            since: existing.since === null ? r.since : r.since === null ? existing.since : existing.since < r.since ? existing.since : r.since,
            updated_at: now,
          })
          .where('id', '=', existing.id)
          .execute()
      }
      movedRelationships++
    }

    // Interactions: attend as the kept person.
    const attended = await trx.selectFrom('interaction_person').select('interaction_id').where('person_id', '=', mergeId).execute()
    for (const { interaction_id } of attended) {
      await trx
        .insertInto('interaction_person')
        .values({ interaction_id, person_id: keepId })
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    await trx.deleteFrom('interaction_person').where('person_id', '=', mergeId).execute()

    // Favors: a favor between the two duplicates means nothing once they are one.
    await trx
      .deleteFrom('favor')
      .where((eb) =>
        eb.or([
          eb.and([eb('giver_id', '=', mergeId), eb('receiver_id', '=', keepId)]),
          eb.and([eb('giver_id', '=', keepId), eb('receiver_id', '=', mergeId)]),
        ]),
      )
      .execute()
    const movedGiven = await trx.updateTable('favor').set({ giver_id: keepId }).where('giver_id', '=', mergeId).executeTakeFirst()
    const movedReceived = await trx.updateTable('favor').set({ receiver_id: keepId }).where('receiver_id', '=', mergeId).executeTakeFirst()

    await trx.updateTable('person').set({ introduced_by_id: keepId }).where('introduced_by_id', '=', mergeId).execute()
    await trx.updateTable('employment').set({ person_id: keepId }).where('person_id', '=', mergeId).execute()
    await trx.deleteFrom('person').where('id', '=', mergeId).execute()
    await trx.updateTable('person').set(set).where('id', '=', keepId).execute()
    await writeEmails(trx, keepId, unionCaseless(keepEmails.map((e) => e.email), mergeEmails.map((e) => e.email)))
    for (const kind of LABEL_KINDS) {
      const pick = (rows: { kind: string; label: string }[]) => rows.filter((l) => l.kind === kind).map((l) => l.label)
      await writeLabels(trx, keepId, kind, unionCaseless(pick(keepLabels), pick(mergeLabels)))
    }
    return {
      neighbours,
      moved: {
        relationships: movedRelationships,
        interactions: attended.length,
        favors: Number(movedGiven.numUpdatedRows) + Number(movedReceived.numUpdatedRows),
      },
    }
  })
  return { person: await personDetail(backend.db, keepId), backup, moved: result.moved }
}
