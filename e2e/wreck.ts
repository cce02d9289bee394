import Database from 'better-sqlite3'
import fs from 'node:fs'

/** Overwrites the first page of `table` in a closed database file with bytes no page holds. */
export function wreckTable(file: string, table: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  let page: number | undefined
  let pageSize: number
  try {
    page = db.prepare<[string], number>('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno LIMIT 1').pluck().get(table)
    pageSize = Number(db.pragma('page_size', { simple: true }))
  } finally {
    db.close()
  }
  if (page === undefined) throw new Error(`The test database has no table ${table} to damage.`)
  const fd = fs.openSync(file, 'r+')
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize)
  } finally {
    fs.closeSync(fd)
  }
}
