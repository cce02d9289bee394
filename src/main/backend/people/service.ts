// Writing people: creating, editing, archiving and deleting them, and who "me" is.
import type { PersonCreate, PersonPatch } from '../../../shared/schemas'
import type { PersonDetail, PersonRef } from '../../../shared/types'
import type { Args } from '../../../shared/contract'
import type { BackendState } from '../state'
import { requireNotFuture } from '../dates'
import { KithError, fieldError } from '../errors'
import { personDetail } from './detail'
import { refuseDuplicates } from './duplicates'
import { requirePeople, requirePerson, writeEmails, writeLabels, type Db } from './records'

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
  const id = await backend.write((created: number) => ({ people: [created, ...input.knownBy.map((k) => k.id)] }), async (trx) => {
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
  return personDetail(backend.db, id)
}

export async function updatePerson(backend: BackendState, id: number, patch: PersonPatch): Promise<PersonDetail> {
  requireBornBy(patch.birthday, backend.today())
  await backend.write({ people: [id] }, async (trx) => {
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
  return personDetail(backend.db, id)
}

export async function setArchived(backend: BackendState, id: number, archived: boolean): Promise<PersonRef> {
  const person = await requirePerson(backend.db, id)
  if (archived && person.isMe) throw new KithError('bad_request', 'You cannot archive yourself.')
  const now = backend.now().toISOString()
  await backend.write({ people: [id] }, (trx) =>
    trx
      .updateTable('person')
      .set({ archived_at: archived ? now : null, updated_at: now })
      .where('id', '=', id)
      .execute(),
  )
  return { id, name: person.name }
}

/** Deletes an archived person for good, with their relationships, favors and now-empty interactions. */
export async function deletePerson(backend: BackendState, id: number): Promise<PersonRef> {
  const affected = await backend.write((gone: { neighbours: number[] }) => ({ people: [id, ...gone.neighbours] }), async (trx) => {
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
  return { id, name: affected.name }
}

export async function setMe(backend: BackendState, args: Args<'me.set'>): Promise<PersonRef> {
  const now = backend.now().toISOString()
  // Everyone's "my strength" and "last interaction with me" change with "me".
  return backend.write('everything', async (trx) => {
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
}
