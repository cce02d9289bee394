import type Database from 'better-sqlite3'

/**
 * Reads a query's rows as whole columns. SQLite folds each column into one
 * JSON array and JavaScript parses each at once: for tens of thousands of
 * rows, several times faster than taking rows one by one from the driver
 * (the cost there is per row, not per value).
 *
 * `select` is a complete SELECT whose columns are named `c0`, `c1`, ...
 * (`SELECT id AS c0, name AS c1 FROM person ORDER BY id`); the columns come
 * back in its row order (SQLite aggregates a subquery with ORDER BY in that
 * order: it never flattens one into an aggregate).
 */
export function readColumns(sqlite: Database.Database, select: string, count: number, ...args: unknown[]): unknown[][] {
  const folds = Array.from({ length: count }, (_, k) => `json_group_array(c${k})`).join(', ')
  const texts: unknown = sqlite.prepare(`SELECT ${folds} FROM (${select})`).raw().get(...args)
  if (!Array.isArray(texts)) return Array.from({ length: count }, () => [])
  return texts.map((text: unknown) => {
    const column: unknown = typeof text === 'string' ? JSON.parse(text) : []
    const values: unknown[] = Array.isArray(column) ? column : []
    return values
  })
}

/** A column's values as numbers (SQLite integers and reals; anything else reads as 0). */
export function numbers(column: readonly unknown[]): number[] {
  return column.map((v) => (typeof v === 'number' ? v : 0))
}

/** A column's values as numbers or null (SQL NULL). */
export function numbersOrNull(column: readonly unknown[]): (number | null)[] {
  return column.map((v) => (typeof v === 'number' ? v : null))
}

/** A column's values as text or null (a number stored in a text column reads as its digits). */
export function texts(column: readonly unknown[]): (string | null)[] {
  return column.map((v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null))
}
