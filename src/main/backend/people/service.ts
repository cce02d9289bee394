import type { MergeField, PersonCreate, PersonPatch } from '../../../shared/schemas'
import type { Facets, MergeResult, Neighbourhood, PeopleList, PersonDetail, PersonRef } from '../../../shared/types'
import type { Args } from '../../../shared/contract'
import type { BackendState } from '../state'
import type { DirectoryEntry } from './directory'
import { createBackup } from '../backup/backups'
import { requireNotFuture } from '../dates'
import { KithError, fieldError } from '../errors'
import { personDetail } from './detail'
import { normalizeOrgName } from '../../../shared/organisations'
import { LABEL_KINDS } from '../../../shared/vocab'
import { refuseDuplicates } from './duplicates'
import {
  normalizeEmail,
  normalizeLabel,
  parseJsonList,
  requirePeople,
  requirePerson,
  writeEmails,
  writeLabels,
  type Db,
} from './records'

async function writeEmployment(db: Db, personId: number, jobs: PersonCreate['employment']): Promise<void> {
  await db.deleteFrom('employment').where('person_id', '=', personId).execute()
  if (jobs.length === 0) return
  await db
    .insertInto('employment')
    .values(
      jobs.map((j) => ({ person_id: personId, company: j.company, title: j.title, start_date: j.startDate, end_date: j.endDate })),
    )
    .execute()
}

/** Writes the list-valued fields that are present in `fields`. */
async function writeLists(db: Db, personId: number, fields: PersonPatch): Promise<void> {
  if (fields.emails !== undefined) await writeEmails(db, personId, fields.emails)
  if (fields.tags !== undefined) await writeLabels(db, personId, 'tag', fields.tags)
  if (fields.needs !== undefined) await writeLabels(db, personId, 'need', fields.needs)
  if (fields.offers !== undefined) await writeLabels(db, personId, 'offer', fields.offers)
  if (fields.employment !== undefined) await writeEmployment(db, personId, fields.employment)
}

/** Column values for the scalar fields present in `fields`. */
function columns(fields: PersonPatch): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {}
  if (fields.name !== undefined) out.name = fields.name
  if (fields.aliases !== undefined) out.aliases = JSON.stringify(fields.aliases)
  if (fields.phones !== undefined) out.phones = JSON.stringify(fields.phones)
  if (fields.company !== undefined) out.company = fields.company
  if (fields.title !== undefined) out.title = fields.title
  if (fields.location !== undefined) out.location = fields.location
  if (fields.notes !== undefined) out.notes = fields.notes
  if (fields.howWeMet !== undefined) out.how_we_met = fields.howWeMet
  if (fields.introducedById !== undefined) out.introduced_by_id = fields.introducedById
  if (fields.linkedinUrl !== undefined) out.linkedin_url = fields.linkedinUrl
  if (fields.website !== undefined) out.website = fields.website
  if (fields.cadenceDays !== undefined) out.cadence_days = fields.cadenceDays
  if (fields.birthday !== undefined) out.birthday = fields.birthday
  return out
}

/** A full birthday is a day that has been; one without a year ('--MM-DD') can be any day. */
function requireBornBy(birthday: string | null | undefined, today: string): void {
  if (birthday === null || birthday === undefined || birthday.startsWith('--')) return
  requireNotFuture('birthday', birthday, today, 'a birthday is the day someone was born')
}

export async function createPerson(backend: BackendState, input: PersonCreate): Promise<PersonDetail> {
  requireBornBy(input.birthday, backend.today())
  if (!input.allowDuplicate) await refuseDuplicates(backend, input)
  const now = backend.now().toISOString()
  const id = await backend.db.transaction().execute(async (trx) => {
    if (input.introducedById !== null) await requirePerson(trx, input.introducedById)
    const row = await trx
      .insertInto('person')
      .values({
        name: input.name,
        company: input.company,
        title: input.title,
        aliases: JSON.stringify(input.aliases),
        phones: JSON.stringify(input.phones),
        location: input.location,
        notes: input.notes,
        how_we_met: input.howWeMet,
        introduced_by_id: input.introducedById,
        linkedin_url: input.linkedinUrl,
        website: input.website,
        cadence_days: input.cadenceDays,
        birthday: input.birthday,
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeLists(trx, row.id, input)
    if (input.knownBy.length > 0) {
      await requirePeople(trx, input.knownBy.map((k) => k.id))
      await trx
        .insertInto('relationship')
        .values(
          input.knownBy.map((k) => ({
            person_a: Math.min(k.id, row.id),
            person_b: Math.max(k.id, row.id),
            strength: k.strength,
            confidence: k.confidence,
            source: 'entered',
            created_at: now,
            updated_at: now,
            since: null,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute()
    }
    return row.id
  })
  backend.touched([id, ...input.knownBy.map((k) => k.id)])
  return personDetail(backend.db, id)
}

export async function updatePerson(backend: BackendState, id: number, patch: PersonPatch): Promise<PersonDetail> {
  requireBornBy(patch.birthday, backend.today())
  await backend.db.transaction().execute(async (trx) => {
    await requirePerson(trx, id)
    if (patch.introducedById !== undefined && patch.introducedById !== null) {
      if (patch.introducedById === id) {
        throw fieldError('introducedById', 'a person cannot have introduced themself')
      }
      await requirePerson(trx, patch.introducedById)
    }
    await trx
      .updateTable('person')
      .set({ ...columns(patch), updated_at: backend.now().toISOString() })
      .where('id', '=', id)
      .execute()
    await writeLists(trx, id, patch)
  })
  backend.touched([id])
  return personDetail(backend.db, id)
}

export async function setArchived(backend: BackendState, id: number, archived: boolean): Promise<PersonRef> {
  const person = await requirePerson(backend.db, id)
  if (archived && person.isMe) throw new KithError('bad_request', 'You cannot archive yourself.')
  const now = backend.now().toISOString()
  await backend.db
    .updateTable('person')
    .set({ archived_at: archived ? now : null, updated_at: now })
    .where('id', '=', id)
    .execute()
  backend.touched([id])
  return { id, name: person.name }
}

/** Deletes an archived person for good, with their relationships, favors and now-empty interactions. */
export async function deletePerson(backend: BackendState, id: number): Promise<PersonRef> {
  const affected = await backend.db.transaction().execute(async (trx) => {
    const person = await requirePerson(trx, id)
    if (!person.archived) {
      throw new KithError('conflict', `${person.name} is not archived: archive them first; only archived people can be deleted.`)
    }
    const neighbours = await trx
      .selectFrom('relationship')
      .select(['person_a', 'person_b'])
      .where((eb) => eb.or([eb('person_a', '=', id), eb('person_b', '=', id)]))
      .execute()
    const interactions = await trx.selectFrom('interaction_person').select('interaction_id').where('person_id', '=', id).execute()
    await trx.updateTable('person').set({ introduced_by_id: null }).where('introduced_by_id', '=', id).execute()
    await trx.deleteFrom('person').where('id', '=', id).execute()
    const ids = interactions.map((i) => i.interaction_id)
    if (ids.length > 0) {
      await trx
        .deleteFrom('interaction')
        .where('id', 'in', ids)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('interaction_person').select('person_id').whereRef('interaction_id', '=', 'interaction.id'))))
        .execute()
    }
    return { name: person.name, neighbours: neighbours.flatMap((n) => [n.person_a, n.person_b]) }
  })
  backend.touched([id, ...affected.neighbours])
  return { id, name: affected.name }
}

export async function setMe(backend: BackendState, args: Args<'me.set'>): Promise<PersonRef> {
  const now = backend.now().toISOString()
  const me = await backend.db.transaction().execute(async (trx) => {
    let target: PersonRef
    if ('id' in args) {
      const person = await requirePerson(trx, args.id)
      if (person.archived) throw new KithError('conflict', `${person.name} is archived; restore them first.`)
      target = { id: person.id, name: person.name }
    } else {
      const named = await trx
        .selectFrom('person')
        .select(['id', 'name', 'company'])
        .where((eb) => eb(eb.fn('lower', ['name']), '=', args.name.toLowerCase()))
        .where('archived_at', 'is', null)
        .execute()
      if (named.length > 1) {
        throw new KithError('conflict', `${args.name} is ambiguous: ${named.map((p) => `#${p.id} ${p.name}${p.company === null ? '' : ` (${p.company})`}`).join(', ')}. Use the id.`)
      }
      const found = named[0]
      if (found !== undefined) target = { id: found.id, name: found.name }
      else {
        const row = await trx
          .insertInto('person')
          .values({ name: args.name, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
        target = { id: row.id, name: args.name }
      }
    }
    await trx.updateTable('person').set({ is_me: 0, updated_at: now }).where('is_me', '=', 1).where('id', '!=', target.id).execute()
    await trx.updateTable('person').set({ is_me: 1, updated_at: now }).where('id', '=', target.id).execute()
    return target
  })
  // Everyone's "my strength" and "last interaction with me" change with "me".
  backend.invalidate()
  return me
}

function byName(a: DirectoryEntry, b: DirectoryEntry): number {
  return a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id - b.id
}

/** Nulls last whichever the direction, then by name. */
function byValue(get: (e: DirectoryEntry) => string | number | null, direction: number) {
  return (a: DirectoryEntry, b: DirectoryEntry): number => {
    const x = get(a)
    const y = get(b)
    if (x !== y) {
      if (x === null) return 1
      if (y === null) return -1
      return direction * (x < y ? -1 : 1)
    }
    return byName(a, b)
  }
}

/**
 * One window of the people list, in the order asked for. The whole ordering
 * is computed once and kept until something changes, so scrolling through
 * 50,000 people fetches slices of it.
 */
export function listPeople(backend: BackendState, args: Args<'people.list'>): PeopleList {
  const directory = backend.directory()
  const key = JSON.stringify([args.sort, args.descending, args.tag, args.company, args.archived])
  let ordered = directory.orderings.get(key)
  if (ordered === undefined) {
    const tag = args.tag === null ? null : normalizeLabel(args.tag)
    // A company matches whatever its spelling ("Stripe" finds "Stripe, Inc."), as organisations do.
    const company = args.company === null ? null : normalizeOrgName(args.company)
    const norms = new Map<string, string>()
    const companyNorm = (name: string): string => {
      let n = norms.get(name)
      if (n === undefined) {
        n = normalizeOrgName(name)
        norms.set(name, n)
      }
      return n
    }
    ordered = [...directory.entries.values()].filter(
      (e) =>
        e.archived === args.archived &&
        (tag === null || e.tags.some((t) => normalizeLabel(t) === tag)) &&
        (company === null || (e.company !== null && companyNorm(e.company) === company)),
    )
    const direction = args.descending ? -1 : 1
    ordered.sort(
      args.sort === 'lastInteraction'
        ? byValue((e) => e.lastInteractionOn, direction)
        : args.sort === 'strength'
          ? byValue((e) => e.myStrength, direction)
          : (a, b) => direction * byName(a, b),
    )
    directory.orderings.set(key, ordered)
  }
  return {
    total: ordered.length,
    offset: args.offset,
    people: ordered.slice(args.offset, args.offset + args.limit).map((e) => ({
      id: e.id,
      name: e.name,
      company: e.company,
      title: e.title,
      tags: e.tags,
      isMe: e.isMe,
      archived: e.archived,
      lastInteractionOn: e.lastInteractionOn,
      myStrength: e.myStrength,
    })),
  }
}

/** How many tags and companies the filters offer: the most common ones. */
export const FACET_LIMIT = 500

export function facets(backend: BackendState): Facets {
  const directory = backend.directory()
  directory.facets ??= countFacets(directory.entries.values())
  return directory.facets
}

function countFacets(entries: Iterable<DirectoryEntry>): Facets {
  const tags = new Map<string, { label: string; count: number }>()
  const companies = new Map<string, { name: string; count: number }>()
  // In id order, so a label spelled two ways shows as the first person to have it, whatever was edited since.
  for (const e of [...entries].sort((a, b) => a.id - b.id)) {
    if (e.archived) continue
    for (const t of e.tags) {
      const key = normalizeLabel(t)
      const seen = tags.get(key)
      if (seen === undefined) tags.set(key, { label: t, count: 1 })
      else seen.count++
    }
    if (e.company !== null) {
      const key = e.company.toLowerCase()
      const seen = companies.get(key)
      if (seen === undefined) companies.set(key, { name: e.company, count: 1 })
      else seen.count++
    }
  }
  const byCount = <T extends { count: number }>(items: Iterable<T>, name: (t: T) => string): T[] =>
    [...items].sort((a, b) => b.count - a.count || (name(a) < name(b) ? -1 : 1)).slice(0, FACET_LIMIT)
  return { tags: byCount(tags.values(), (t) => t.label), companies: byCount(companies.values(), (c) => c.name) }
}

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
  const live = [...directory.entries.values()].filter((e) => !e.archived)
  let matches = trimmed.includes('@')
    ? live.filter((e) => e.emails.some((m) => normalizeEmail(m) === normalizeEmail(trimmed)))
    : live.filter((e) => e.name.toLowerCase() === trimmed.toLowerCase())
  if (matches.length === 0 && !trimmed.includes('@')) {
    matches = live.filter((e) => e.aliases.some((a) => a.toLowerCase() === trimmed.toLowerCase()))
  }
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

const FIELD_COLUMN: Record<MergeField, string> = {
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
  const result = await backend.db.transaction().execute(async (trx) => {
    const keep = await trx.selectFrom('person').selectAll().where('id', '=', keepId).executeTakeFirstOrThrow()
    const merge = await trx.selectFrom('person').selectAll().where('id', '=', mergeId).executeTakeFirstOrThrow()

    const set: Record<string, string | number | null> = {}
    for (const [field, from] of Object.entries(take) as [MergeField, 'keep' | 'merge'][]) {
      if (from === 'merge') {
        const column = FIELD_COLUMN[field] as keyof typeof merge
        set[FIELD_COLUMN[field]] = merge[column]
      }
    }
    // Fill what the kept person lacks from the other.
    for (const column of Object.values(FIELD_COLUMN)) {
      const k = column as keyof typeof keep
      if (!(column in set) && keep[k] === null && merge[k] !== null) set[column] = merge[k]
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
  if (result.neighbours.length > 50) backend.invalidate()
  else backend.touched([keepId, mergeId, ...result.neighbours])
  return { person: await personDetail(backend.db, keepId), backup, moved: result.moved }
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
