import type { Kysely, Transaction } from 'kysely'
import type { PersonRef } from '../../../shared/types'
import type { LabelKind } from '../../../shared/vocab'
import type { Database } from '../db/schema'
import { KithError } from '../errors'
import { idList, parseJsonColumn, stringList } from '../db/json-column'

export type Db = Kysely<Database> | Transaction<Database>

export const normalizeEmail = (email: string): string => email.trim().toLowerCase()
export const normalizeLabel = (label: string): string => label.trim().toLowerCase().replace(/\s+/g, ' ')

/** A stored list of text (aliases, phones); a damaged one reads as empty (doctor lists it). */
export function parseJsonList(text: string): string[] {
  return parseJsonColumn(stringList, text, [])
}

/** A stored list of ids (an introduction's path); a damaged one reads as empty (doctor lists it). */
export function parseIdList(text: string): number[] {
  return parseJsonColumn(idList, text, [])
}

export interface PersonBasics extends PersonRef {
  archived: boolean
  isMe: boolean
}

/** Looks the people up, or fails naming the first id that is not there. */
export async function requirePeople(db: Db, ids: readonly number[]): Promise<Map<number, PersonBasics>> {
  const unique = [...new Set(ids)]
  const rows =
    unique.length === 0
      ? []
      : await db.selectFrom('person').select(['id', 'name', 'archived_at', 'is_me']).where('id', 'in', unique).execute()
  const found = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, archived: r.archived_at !== null, isMe: r.is_me === 1 }]))
  const missing = unique.find((i) => !found.has(i))
  if (missing !== undefined) throw new KithError('not_found', `There is no person with id ${missing}.`)
  return found
}

export async function requirePerson(db: Db, id: number): Promise<PersonBasics> {
  const found = (await requirePeople(db, [id])).get(id)
  if (found === undefined) throw new KithError('not_found', `There is no person with id ${id}.`)
  return found
}

export async function meId(db: Db): Promise<number | null> {
  const row = await db.selectFrom('person').select('id').where('is_me', '=', 1).executeTakeFirst()
  return row?.id ?? null
}

export async function writeEmails(db: Db, personId: number, emails: readonly string[]): Promise<void> {
  await db.deleteFrom('person_email').where('person_id', '=', personId).execute()
  const rows = emails.map((email, position) => ({ person_id: personId, email, email_norm: normalizeEmail(email), position }))
  if (rows.length > 0) await db.insertInto('person_email').values(rows).onConflict((oc) => oc.doNothing()).execute()
}

export async function writeLabels(db: Db, personId: number, kind: LabelKind, labels: readonly string[]): Promise<void> {
  await db.deleteFrom('person_label').where('person_id', '=', personId).where('kind', '=', kind).execute()
  const rows = labels.map((label, position) => ({ person_id: personId, kind, label, label_norm: normalizeLabel(label), position }))
  if (rows.length > 0) await db.insertInto('person_label').values(rows).onConflict((oc) => oc.doNothing()).execute()
}

/** The names of these people, by id (the deleted are left out). */
export async function names(db: Db, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  return new Map((await db.selectFrom('person').select(['id', 'name']).where('id', 'in', unique).execute()).map((p) => [p.id, p.name]))
}
