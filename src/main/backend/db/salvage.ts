/**
 * Reading what can still be read from a damaged database, row by row.
 */
import type Database from 'better-sqlite3'
import { isCorruptionError } from './busy'

export type SalvagedRow = Record<string, unknown>

export interface Salvaged<T> {
  rows: T[]
  /** What could not be read, in words; empty when everything came out. */
  skipped: string[]
}

const ROWID = '__kith_rowid'

/**
 * Runs `query` and returns its rows; when the table turns out to be damaged,
 * walks it again in rowid order, one row at a time, stepping over what cannot
 * be read (further and further while it keeps failing) and saying which ids
 * were skipped. The caller filters and orders salvaged rows itself.
 */
export function readOrSalvage<T>(sqlite: Database.Database, table: string, query: string): Salvaged<T> {
  try {
    return { rows: sqlite.prepare<[], T>(query).all(), skipped: [] }
  } catch (err) {
    if (!isCorruptionError(err)) throw err
  }
  let next: Database.Statement<[number], SalvagedRow>
  try {
    next = sqlite.prepare<[number], SalvagedRow>(`SELECT rowid AS ${ROWID}, * FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT 1`)
  } catch (err) {
    if (!isCorruptionError(err)) throw err
    return { rows: [], skipped: [`${table}: none of it could be read`] }
  }
  const rows: T[] = []
  const skipped: string[] = []
  let after = 0
  let step = 1
  let failedFrom: number | null = null
  while (after < Number.MAX_SAFE_INTEGER) {
    let row: SalvagedRow | undefined
    try {
      row = next.get(after)
    } catch (err) {
      if (!isCorruptionError(err)) throw err
      failedFrom ??= after + 1
      after = Math.min(after + step, Number.MAX_SAFE_INTEGER)
      step *= 2
      continue
    }
    if (row === undefined) break
    const rowid = Number(row[ROWID])
    if (failedFrom !== null) {
      skipped.push(`${table}: rows ${failedFrom} to ${rowid - 1} could not be read`)
      failedFrom = null
    }
    rows.push(Object.fromEntries(Object.entries(row).filter(([key]) => key !== ROWID)) as T)
    after = rowid
    step = 1
  }
  if (failedFrom !== null) skipped.push(`${table}: rows from ${failedFrom} on could not be read`)
  return { rows, skipped }
}
