/**
 * Run by the startup bench in a fresh process: one plain pass over the rows
 * the caches are built from, then a start as a user meets it (open, and at
 * once a search, or a path search, while the warm-up runs), with the longest
 * stall of this thread's event loop meanwhile. Prints one JSON line.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import { Backend } from '../src/main/backend/backend'
import { DB_FILE_NAME } from '../src/main/backend/db/constants'
import { openForStartup } from './startup-host'

const [dataDir, first] = process.argv.slice(2)
if (dataDir === undefined || (first !== 'search' && first !== 'path')) throw new Error('usage: startup-probe DATA_DIR search|path')

/** What the directory reads, table by table. */
const DIRECTORY_ROWS = [
  'SELECT id, name, aliases, company, title, is_me, archived_at FROM person',
  'SELECT person_id, email, position FROM person_email',
  "SELECT person_id, label, position FROM person_label WHERE kind = 'tag'",
  'SELECT interaction_id, person_id FROM interaction_person',
  'SELECT id, occurred_on, with_me FROM interaction',
]
/** What the path graph reads besides. */
const GRAPH_ROWS = [
  'SELECT person_a, person_b, strength, confidence FROM relationship',
  'SELECT person_id, company, start_date, end_date FROM employment',
  'SELECT name_norm, organisation_id FROM organisation_name',
  'SELECT spelling, name_norm FROM organisation_spelling',
]

/** Every row of each query, each value touched, nothing built: what reading them costs at the least. */
function plainPass(db: Database.Database, queries: readonly string[]): number {
  const start = performance.now()
  let values = 0
  for (const query of queries) for (const row of db.prepare<[], unknown[]>(query).raw().iterate()) values += row.length
  if (values < 0) throw new Error('unreachable')
  return performance.now() - start
}

const reader = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true })
// The first pass brings the file into the OS's cache, where the start below finds it too.
plainPass(reader, [...DIRECTORY_ROWS, ...GRAPH_ROWS])
const plainPassMs = Math.min(plainPass(reader, [...DIRECTORY_ROWS, ...GRAPH_ROWS]), plainPass(reader, [...DIRECTORY_ROWS, ...GRAPH_ROWS]))
const directoryPlainPassMs = Math.min(plainPass(reader, DIRECTORY_ROWS), plainPass(reader, DIRECTORY_ROWS))
const relationships = reader.prepare<[], number>('SELECT count(*) FROM relationship').pluck().get() ?? 0
const target = 777
const query = reader.prepare<[number], string>('SELECT name FROM person WHERE id = ?').pluck().get(target) ?? ''
reader.close()

// The longest stall: the largest gap between ticks of a 1 ms timer, less its millisecond.
let last = performance.now()
let maxStallMs = 0
const ticker = setInterval(() => {
  const now = performance.now()
  maxStallMs = Math.max(maxStallMs, now - last - 1)
  last = now
}, 1)
const opening = performance.now()
last = opening
const kith = await openForStartup(dataDir)
const answer = first === 'search' ? kith.call('search', { query, limit: 10 }) : kith.call('paths.find', { to: target, limit: 10 })
await answer
const firstAnswerMs = performance.now() - opening
// The stall the answer arrived at the end of: no tick has measured it yet.
maxStallMs = Math.max(maxStallMs, performance.now() - last - 1)
clearInterval(ticker)
await kith.close()

// The directory alone, built at once in a fresh open: what it costs beside the plain pass over its rows.
const backend = await Backend.open({ dataDir })
const directoryStart = performance.now()
backend.directory()
const directoryMs = performance.now() - directoryStart
await backend.close()

console.log(JSON.stringify({ relationships, plainPassMs, directoryPlainPassMs, firstAnswerMs, maxStallMs, directoryMs }))
