import type {
  FavorBalance,
  FavorView,
  InteractionView,
  PersonDetail,
  PersonRef,
  RelationshipView,
} from '../../../shared/types'
import { FAVOR_POINTS, type FavorSize } from '../../../shared/vocab'
import { KithError } from '../errors'
import { meId, parseJsonList, type Db } from './records'

function favorPoints(size: FavorSize): number {
  return FAVOR_POINTS[size]
}

/** Interactions with the people present, newest first. */
export async function interactionViews(db: Db, interactionIds: readonly number[]): Promise<InteractionView[]> {
  if (interactionIds.length === 0) return []
  const rows = await db
    .selectFrom('interaction')
    .selectAll()
    .where('id', 'in', interactionIds)
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const present = await db
    .selectFrom('interaction_person as ip')
    .innerJoin('person as p', 'p.id', 'ip.person_id')
    .select(['ip.interaction_id', 'p.id', 'p.name'])
    .where('ip.interaction_id', 'in', interactionIds)
    .orderBy('p.name')
    .execute()
  const people = new Map<number, PersonRef[]>()
  for (const r of present) {
    const list = people.get(r.interaction_id) ?? []
    list.push({ id: r.id, name: r.name })
    people.set(r.interaction_id, list)
  }
  return rows.map((r) => ({
    id: r.id,
    date: r.occurred_on,
    kind: r.kind,
    note: r.note,
    withMe: r.with_me === 1,
    people: people.get(r.id) ?? [],
  }))
}

export async function favorViews(db: Db, favorIds: readonly number[], me: number | null): Promise<FavorView[]> {
  if (favorIds.length === 0) return []
  const rows = await db
    .selectFrom('favor as f')
    .innerJoin('person as g', 'g.id', 'f.giver_id')
    .innerJoin('person as r', 'r.id', 'f.receiver_id')
    .select([
      'f.id',
      'f.giver_id',
      'g.name as giver_name',
      'f.receiver_id',
      'r.name as receiver_name',
      'f.occurred_on',
      'f.kind',
      'f.size',
      'f.note',
      'f.introduction_id',
    ])
    .where('f.id', 'in', favorIds)
    .orderBy('f.occurred_on')
    .orderBy('f.id')
    .execute()
  const settled = new Map<number, string[]>()
  for (const t of await db
    .selectFrom('task')
    .select(['settled_by_favor_id', 'title'])
    .where('settled_by_favor_id', 'in', favorIds)
    .orderBy('id')
    .execute()) {
    if (t.settled_by_favor_id !== null) settled.set(t.settled_by_favor_id, [...(settled.get(t.settled_by_favor_id) ?? []), t.title])
  }
  // Running balance per counterpart of me, oldest first.
  const running = new Map<number, number>()
  return rows.map((f) => {
    let runningBalance: number | null = null
    if (me !== null && (f.giver_id === me || f.receiver_id === me)) {
      const other = f.giver_id === me ? f.receiver_id : f.giver_id
      const next = (running.get(other) ?? 0) + (f.giver_id === me ? 1 : -1) * favorPoints(f.size)
      running.set(other, next)
      runningBalance = next
    }
    return {
      id: f.id,
      giver: { id: f.giver_id, name: f.giver_name },
      receiver: { id: f.receiver_id, name: f.receiver_name },
      date: f.occurred_on,
      kind: f.kind,
      size: f.size,
      note: f.note,
      introductionId: f.introduction_id,
      runningBalance,
      settled: settled.get(f.id) ?? [],
    }
  })
}

export function balanceWith(favors: readonly FavorView[], me: number, other: number): FavorBalance {
  const balance: FavorBalance = { givenByMe: 0, receivedByMe: 0, pointsGivenByMe: 0, pointsReceivedByMe: 0, balance: 0 }
  for (const f of favors) {
    if (f.giver.id === me && f.receiver.id === other) {
      balance.givenByMe++
      balance.pointsGivenByMe += favorPoints(f.size)
    } else if (f.giver.id === other && f.receiver.id === me) {
      balance.receivedByMe++
      balance.pointsReceivedByMe += favorPoints(f.size)
    }
  }
  balance.balance = balance.pointsGivenByMe - balance.pointsReceivedByMe
  return balance
}

export async function relationshipViews(db: Db, personId: number): Promise<RelationshipView[]> {
  const rows = await db
    .selectFrom('relationship as r')
    .innerJoin('person as o', (join) =>
      join.on((eb) =>
        eb(
          'o.id',
          '=',
          eb.case().when('r.person_a', '=', personId).then(eb.ref('r.person_b')).else(eb.ref('r.person_a')).end(),
        ),
      ),
    )
    .where((eb) => eb.or([eb('r.person_a', '=', personId), eb('r.person_b', '=', personId)]))
    .select([
      'r.id',
      'r.strength',
      'r.kind',
      'r.confidence',
      'r.source',
      'r.contexts',
      'r.since',
      'r.updated_at',
      'r.strength_estimate',
      'o.id as other_id',
      'o.name as other_name',
      'o.company as other_company',
      'o.archived_at as other_archived',
    ])
    .orderBy('r.strength', 'desc')
    .orderBy('o.name')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    other: { id: r.other_id, name: r.other_name, company: r.other_company, archived: r.other_archived !== null },
    strength: r.strength,
    kind: r.kind,
    confidence: r.confidence,
    source: r.source,
    contexts: parseJsonList(r.contexts),
    since: r.since,
    updatedAt: r.updated_at,
    strengthEstimate: r.strength_estimate,
  }))
}

export async function personDetail(db: Db, id: number): Promise<PersonDetail> {
  const p = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst()
  if (p === undefined) throw new KithError('not_found', `There is no person with id ${id}.`)
  const me = await meId(db)
  const [emails, labels, employment, introducedBy, relationships, interactionIds, favorIds] = await Promise.all([
    db.selectFrom('person_email').select('email').where('person_id', '=', id).orderBy('position').execute(),
    db.selectFrom('person_label').select(['kind', 'label']).where('person_id', '=', id).orderBy('position').execute(),
    db
      .selectFrom('employment')
      .selectAll()
      .where('person_id', '=', id)
      .orderBy((eb) => eb.fn.coalesce('start_date', eb.val('')), 'desc')
      .orderBy('id', 'desc')
      .execute(),
    p.introduced_by_id === null
      ? Promise.resolve(undefined)
      : db.selectFrom('person').select(['id', 'name']).where('id', '=', p.introduced_by_id).executeTakeFirst(),
    relationshipViews(db, id),
    // My own page lists the interactions I attended; others', those they attended.
    p.is_me === 1
      ? db.selectFrom('interaction').select('id as interaction_id').where('with_me', '=', 1).execute()
      : db.selectFrom('interaction_person').select('interaction_id').where('person_id', '=', id).execute(),
    db
      .selectFrom('favor')
      .select('id')
      .where((eb) => eb.or([eb('giver_id', '=', id), eb('receiver_id', '=', id)]))
      .execute(),
  ])
  const interactions = await interactionViews(db, interactionIds.map((r) => r.interaction_id))
  const favors = await favorViews(db, favorIds.map((r) => r.id), me)
  const labelsOf = (kind: string): string[] => labels.filter((l) => l.kind === kind).map((l) => l.label)
  return {
    id: p.id,
    name: p.name,
    aliases: parseJsonList(p.aliases),
    emails: emails.map((e) => e.email),
    phones: parseJsonList(p.phones),
    company: p.company,
    title: p.title,
    location: p.location,
    tags: labelsOf('tag'),
    needs: labelsOf('need'),
    offers: labelsOf('offer'),
    notes: p.notes,
    howWeMet: p.how_we_met,
    introducedBy: introducedBy ?? null,
    linkedinUrl: p.linkedin_url,
    website: p.website,
    cadenceDays: p.cadence_days,
    birthday: p.birthday,
    employment: employment.map((e) => ({
      id: e.id,
      company: e.company,
      title: e.title,
      startDate: e.start_date,
      endDate: e.end_date,
    })),
    isMe: p.is_me === 1,
    archivedAt: p.archived_at,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    lastInteraction: interactions.find((i) => i.withMe) ?? null,
    relationships,
    interactions,
    favors,
    balance: me === null || me === id ? null : balanceWith(favors, me, id),
  }
}
