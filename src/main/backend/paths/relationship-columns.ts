import type Database from 'better-sqlite3'
import { readColumns } from '../db/columns'

/**
 * Every relationship as two columns of numbers, in one order: person_a
 * times 32 plus the relationship's code (strength in bits 0-2, confidence
 * in bits 3-4), and person_b. NaN marks a row whose values were not numbers
 * (a damaged or hand-edited file); it is skipped.
 */
export interface RelationshipColumns {
  lefts: Float64Array
  rights: Float64Array
}

/** Whether the relationship table may hold `count` rows or more (its largest rowid: deletes leave it above the count). */
export function mayHoldRelationships(sqlite: Database.Database, count: number): boolean {
  return count <= 0 || (sqlite.prepare<[], number | null>('SELECT max(rowid) FROM relationship').pluck().get() ?? 0) >= count
}

/** A relationship's strength and confidence as one small number (see `RelationshipColumns`). */
export const RELATIONSHIP_CODE = "strength + 8 * (CASE confidence WHEN 'believed' THEN 1 WHEN 'inferred' THEN 2 ELSE 0 END)"

/**
 * The relationships as whole columns (`readColumns`): SQLite builds them
 * faster than it hands over half a million rows one by one, and the numbers
 * stay small enough to need no object each (one number for the whole pair
 * took a tenth more time to build and parse, and as long again to take
 * apart). Null when an id cannot be folded exactly (negative, or too large):
 * the caller then reads rows. A strength or confidence outside the columns'
 * checks is kept to its five bits: it may read as another strength, never
 * as another person. Plain SQLite and JavaScript: the path graph's build
 * reads them here, or on a thread of their own (`relationship-reader.ts`).
 */
export function readRelationshipColumns(sqlite: Database.Database): RelationshipColumns | null {
  // Each end's smallest and largest, each through an index. In a damaged file an id may be text (which sorts above every
  // number) or person_a may not be below person_b: anything but small enough whole numbers is read as rows.
  const bound = (query: string): unknown => sqlite.prepare<[]>(query).pluck().get() ?? 0
  const ends = [bound('SELECT min(person_a) FROM relationship'), bound('SELECT min(person_b) FROM relationship')]
  ends.push(bound('SELECT max(person_a) FROM relationship'), bound('SELECT max(person_b) FROM relationship'))
  if (!ends.every((id) => typeof id === 'number' && id >= 0 && id * 32 + 31 <= Number.MAX_SAFE_INTEGER)) return null
  const [lefts = [], rights = []] = readColumns(sqlite, `SELECT person_a * 32 + ((${RELATIONSHIP_CODE}) & 31) AS c0, person_b AS c1 FROM relationship`, 2)
  const m = Math.min(lefts.length, rights.length)
  const out = { lefts: new Float64Array(m), rights: new Float64Array(m) }
  for (let k = 0; k < m; k++) {
    const left = lefts[k]
    const right = rights[k]
    out.lefts[k] = typeof left === 'number' ? left : Number.NaN
    out.rights[k] = typeof right === 'number' ? right : Number.NaN
  }
  return out
}
