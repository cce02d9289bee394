/**
 * Run by the startup bench in a fresh process: one plain pass over the rows
 * the caches are built from, then a start as a user meets it (open, and at
 * once a search, or a path search, while the warm-up runs), with the longest
 * stall of this thread's event loop meanwhile. Or, with `calls`, a start
 * where a call that needs no cache (`me.get`, as a page's first calls are)
 * is sent every 25 ms while the caches warm: how long each waited for the
 * warm-up's step under way. Prints one JSON line.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import { Backend } from '../src/main/backend/backend'
import { DB_FILE_NAME } from '../src/main/backend/db/constants'
import { openForStartup } from './startup-host'

const [dataDir, first] = process.argv.slice(2)
if (dataDir === undefined || (first !== 'search' && first !== 'path' && first !== 'calls')) throw new Error('usage: startup-probe DATA_DIR search|path|calls')

/** How long the `calls` start sends its calls: longer than the warm-up takes at 50,000 people. */
const CALLS_FOR_MS = 8_000
const CALL_EVERY_MS = 25

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

if (first === 'calls') {
  const opening = performance.now()
  const kith = await openForStartup(dataDir)
  const openMs = performance.now() - opening
  const waits: number[] = []
  while (performance.now() - opening < CALLS_FOR_MS) {
    const sent = performance.now()
    await kith.call('me.get', {})
    waits.push(performance.now() - sent)
    await new Promise((resolve) => setTimeout(resolve, CALL_EVERY_MS))
  }
  // Warm by now: both of these find their cache built (were it not, they would build it, and take long).
  let asked = performance.now()
  await kith.call('search', { query, limit: 10 })
  const searchAfterMs = performance.now() - asked
  asked = performance.now()
  await kith.call('paths.find', { to: target, limit: 10 })
  const pathAfterMs = performance.now() - asked
  await kith.close()
  console.log(JSON.stringify({ relationships, plainPassMs, openMs, callWaits: waits, searchAfterMs, pathAfterMs }))
  process.exit(0)
}

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
