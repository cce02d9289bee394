/**
 * Kysely's view of the database. Columns that are nullable are typed
 * `T | null`, never optional; database-generated columns are `Generated<>`.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface SettingTable {
  key: string
  /** JSON text */
  value: string
}

export interface PersonTable {
  id: Generated<number>
  name: string
  company: string | null
  title: string | null
  /** 1 for the one person who is the user, else 0 */
  is_me: Generated<number>
  created_at: string
  updated_at: string
}

export interface RelationshipTable {
  id: Generated<number>
  /** the lower person id of the pair: relationships are undirected */
  person_a: number
  person_b: number
  strength: number
  created_at: string
  updated_at: string
}

export interface Database {
  setting: SettingTable
  person: PersonTable
  relationship: RelationshipTable
}

export type Person = Selectable<PersonTable>
export type NewPerson = Insertable<PersonTable>
export type PersonUpdate = Updateable<PersonTable>
export type Relationship = Selectable<RelationshipTable>
export type NewRelationship = Insertable<RelationshipTable>
