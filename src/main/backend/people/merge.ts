// Merging two records of one person into one.
import { MERGE_FIELDS, type MergeField } from '../../../shared/schemas'
import type { MergeResult } from '../../../shared/types'
import type { Args } from '../../../shared/contract'
import type { BackendState, Touched } from '../state'
import type { Person } from '../db/schema'
import { createBackup } from '../backup/backups'
import { personDetail } from './detail'
import { LABEL_KINDS } from '../../../shared/vocab'
import { LIVE_ASK_STATES, stateWord } from '../../../shared/intro-states'
import { KithError } from '../errors'
import { parseIdList, parseJsonList, requirePeople, writeEmails, writeLabels, type Db } from './records'

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
  const people = await requirePeople(backend.db, [keepId, mergeId])
  // An introduction of the two records to each other (or asking one for the other) would become one of a person to
  // themselves: the user decides what becomes of it first.
  const both = await backend.db
    .selectFrom('introduction')
    .select(['id', 'state'])
    .where((eb) => {
      const names = (who: number) =>
        eb.or([eb('connector_id', '=', who), eb('target_id', '=', who), eb('goal_id', '=', who), eb('person_a_id', '=', who), eb('person_b_id', '=', who)])
      return eb.and([names(keepId), names(mergeId)])
    })
    .where('state', 'not in', ['abandoned', 'declined', 'closed'])
    .executeTakeFirst()
  if (both !== undefined) {
    throw new KithError(
      'conflict',
      `${people.get(keepId)?.name ?? ''} and ${people.get(mergeId)?.name ?? ''} are both in introduction ${both.id} (${stateWord(both.state).toLowerCase()}): abandon it before merging them.`,
    )
  }
  // Two asks of one connector, one for each record, would become two asks for the same person.
  const twice = await backend.db
    .selectFrom('introduction as i')
    .innerJoin('introduction as j', (join) => join.onRef('i.connector_id', '=', 'j.connector_id').onRef('i.id', '<', 'j.id'))
    .select(['i.id as first', 'j.id as second', 'i.connector_id as connector'])
    .where('i.kind', '=', 'ask')
    .where('j.kind', '=', 'ask')
    .where('i.state', 'in', LIVE_ASK_STATES)
    .where('j.state', 'in', LIVE_ASK_STATES)
    .where((eb) =>
      eb.or([
        eb.and([eb('i.target_id', '=', keepId), eb('j.target_id', '=', mergeId)]),
        eb.and([eb('i.target_id', '=', mergeId), eb('j.target_id', '=', keepId)]),
      ]),
    )
    .executeTakeFirst()
  if (twice !== undefined) {
    const connector = (await requirePeople(backend.db, [twice.connector ?? -1])).get(twice.connector ?? -1)?.name ?? ''
    throw new KithError(
      'conflict',
      `${connector} is asked to introduce you to both (introductions ${twice.first} and ${twice.second}): merged, that would be asking twice. Abandon one before merging them.`,
    )
  }
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
      if (other === keepId) {
        // The two records knew each other: nothing once they are one.
        await trx.deleteFrom('relationship').where('id', '=', r.id).execute()
        continue
      }
      neighbours.push(other)
      const [a, b] = keepId < other ? [keepId, other] : [other, keepId]
      const existing = await trx.selectFrom('relationship').selectAll().where('person_a', '=', a).where('person_b', '=', b).executeTakeFirst()
      if (existing === undefined) {
        // Moved as it is (its id, dates and any estimate kept): an import's record of it, or an
        // estimate still open to the next archive, still finds it.
        await trx.updateTable('relationship').set({ person_a: a, person_b: b }).where('id', '=', r.id).execute()
      } else {
        await trx.deleteFrom('relationship').where('id', '=', r.id).execute()
        await trx
          .updateTable('relationship')
          .set({
            ...combinedStrength(existing, r, now),
            confidence: (CONFIDENCE_RANK[existing.confidence] ?? 0) >= (CONFIDENCE_RANK[r.confidence] ?? 0) ? existing.confidence : r.confidence,
            kind: existing.kind === 'other' ? r.kind : existing.kind,
            contexts: JSON.stringify(unionCaseless(parseJsonList(existing.contexts), parseJsonList(r.contexts))),
            since: existing.since === null ? r.since : r.since === null ? existing.since : existing.since < r.since ? existing.since : r.since,
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
    // Everything else that names the duplicate: deleting it would blank or drop these.
    const introductions = await moveIntroductions(trx, keepId, mergeId)
    await trx.updateTable('task').set({ person_id: keepId }).where('person_id', '=', mergeId).execute()
    await movePairs(trx, keepId, mergeId)
    await moveLearned(trx, keepId, mergeId)
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
        introductions,
      },
    }
  })
  return { person: await personDetail(backend.db, keepId), backup, moved: result.moved }
}

type RelationshipRow = { strength: number; strength_estimate: string | null; source: string; created_at: string; updated_at: string }

/** Whether a relationship's strength is Kith's estimate from archives, open to the next one (see ESTIMABLE_SQL). */
const estimable = (r: RelationshipRow): boolean => r.strength_estimate !== null || (r.source === 'imported' && r.updated_at === r.created_at)

/**
 * The strength of two relationships that are now one: the user's word over
 * an estimate; two estimates, an archive's over an import's default, else
 * the stronger, still an estimate (the next archive may correct it); two of
 * the user's, the stronger.
 */
function combinedStrength(kept: RelationshipRow, moved: RelationshipRow, now: string): { strength: number; strength_estimate?: string | null; updated_at?: string } {
  const [k, m] = [estimable(kept), estimable(moved)]
  if (k && m) {
    // An estimate from an archive (with its reason in words) says more than an import's untouched default.
    const [ke, me] = [kept.strength_estimate !== null, moved.strength_estimate !== null]
    const takeMoved = ke === me ? moved.strength > kept.strength : me
    return takeMoved ? { strength: moved.strength, strength_estimate: moved.strength_estimate } : { strength: kept.strength }
  }
  if (k !== m) return { strength: k ? moved.strength : kept.strength, strength_estimate: null, updated_at: now }
  return { strength: Math.max(kept.strength, moved.strength), updated_at: now }
}

/** Introductions naming the duplicate (in any part, and along an ask's path) name the kept person; how many. */
async function moveIntroductions(trx: Db, keepId: number, mergeId: number): Promise<number> {
  const rows = await trx
    .selectFrom('introduction')
    .select(['id', 'path'])
    .where((eb) =>
      eb.or([eb('connector_id', '=', mergeId), eb('target_id', '=', mergeId), eb('goal_id', '=', mergeId), eb('person_a_id', '=', mergeId), eb('person_b_id', '=', mergeId)]),
    )
    .execute()
  for (const column of ['connector_id', 'target_id', 'goal_id', 'person_a_id', 'person_b_id'] as const) {
    await trx.updateTable('introduction').set({ [column]: keepId }).where(column, '=', mergeId).execute()
  }
  for (const r of rows) {
    const path = parseIdList(r.path)
    if (path.includes(mergeId)) await trx.updateTable('introduction').set({ path: JSON.stringify(path.map((p) => (p === mergeId ? keepId : p))) }).where('id', '=', r.id).execute()
  }
  return rows.length
}

/** The pair tables (suggestions, colleagues said not to know each other): moved, ordered, a pair of the two dropped, one already there kept. */
async function movePairs(trx: Db, keepId: number, mergeId: number): Promise<void> {
  const suggestions = await trx.selectFrom('suggestion').select(['id', 'week', 'person_a', 'person_b']).where((eb) => eb.or([eb('person_a', '=', mergeId), eb('person_b', '=', mergeId)])).execute()
  for (const s of suggestions) {
    const other = s.person_a === mergeId ? s.person_b : s.person_a
    const [a, b] = keepId < other ? [keepId, other] : [other, keepId]
    const clash = other === keepId || (await trx.selectFrom('suggestion').select('id').where('week', '=', s.week).where('person_a', '=', a).where('person_b', '=', b).executeTakeFirst()) !== undefined
    if (clash) await trx.deleteFrom('suggestion').where('id', '=', s.id).execute()
    else await trx.updateTable('suggestion').set({ person_a: a, person_b: b }).where('id', '=', s.id).execute()
  }
  const rejections = await trx.selectFrom('colleague_rejection').selectAll().where((eb) => eb.or([eb('person_a', '=', mergeId), eb('person_b', '=', mergeId)])).execute()
  await trx.deleteFrom('colleague_rejection').where((eb) => eb.or([eb('person_a', '=', mergeId), eb('person_b', '=', mergeId)])).execute()
  for (const r of rejections) {
    const other = r.person_a === mergeId ? r.person_b : r.person_a
    if (other === keepId) continue
    const [a, b] = keepId < other ? [keepId, other] : [other, keepId]
    await trx.insertInto('colleague_rejection').values({ person_a: a, person_b: b, created_at: r.created_at }).onConflict((oc) => oc.doNothing()).execute()
  }
}

/**
 * What imports learned about the duplicate: its tallies added to the kept
 * person's (they count the same archive), proposed ties and strengths moved
 * (one already proposed for the kept person stays), and "new person" items
 * dropped: the person is someone Kith knew (rejecting one would remove the
 * kept person).
 */
async function moveLearned(trx: Db, keepId: number, mergeId: number): Promise<void> {
  for (const t of await trx.selectFrom('archive_tally').selectAll().where('person_id', '=', mergeId).execute()) {
    const mine = await trx.selectFrom('archive_tally').selectAll().where('batch_id', '=', t.batch_id).where('person_id', '=', keepId).executeTakeFirst()
    if (mine === undefined) {
      await trx.updateTable('archive_tally').set({ person_id: keepId }).where('batch_id', '=', t.batch_id).where('person_id', '=', mergeId).execute()
      continue
    }
    await trx
      .updateTable('archive_tally')
      .set({
        sent: mine.sent + t.sent,
        received: mine.received + t.received,
        meetings: mine.meetings + t.meetings,
        first_at: mine.first_at < t.first_at ? mine.first_at : t.first_at,
        last_at: mine.last_at > t.last_at ? mine.last_at : t.last_at,
      })
      .where('batch_id', '=', t.batch_id)
      .where('person_id', '=', keepId)
      .execute()
    await trx.deleteFrom('archive_tally').where('batch_id', '=', t.batch_id).where('person_id', '=', mergeId).execute()
  }
  const items = await trx.selectFrom('review_item').selectAll().where((eb) => eb.or([eb('person_id', '=', mergeId), eb('other_id', '=', mergeId)])).execute()
  for (const item of items) {
    const drop = async (): Promise<void> => {
      await trx.deleteFrom('review_item').where('id', '=', item.id).execute()
    }
    if (item.kind === 'person') {
      await drop()
      continue
    }
    const [x, y] = [item.person_id === mergeId ? keepId : item.person_id, item.other_id === mergeId ? keepId : item.other_id]
    if (y === null) {
      const already = await trx.selectFrom('review_item').select('id').where('kind', '=', item.kind).where('person_id', '=', x).where('other_id', 'is', null).where('id', '<>', item.id).executeTakeFirst()
      if (already !== undefined) await drop()
      else await trx.updateTable('review_item').set({ person_id: x }).where('id', '=', item.id).execute()
      continue
    }
    if (x === y) {
      await drop()
      continue
    }
    const [a, b] = x < y ? [x, y] : [y, x]
    const already = await trx.selectFrom('review_item').select('id').where('kind', '=', item.kind).where('person_id', '=', a).where('other_id', '=', b).where('id', '<>', item.id).executeTakeFirst()
    if (already !== undefined) await drop()
    else await trx.updateTable('review_item').set({ person_id: a, other_id: b }).where('id', '=', item.id).execute()
  }
}
