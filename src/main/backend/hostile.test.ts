/**
 * Hostile input at the API: thousands of generated malformed calls to every
 * method through dispatch (wrong types, missing fields, huge strings,
 * prototype-pollution keys), well-formed calls naming ids that do not
 * exist, and thousands of calls the contract ACCEPTS but that are built to
 * hurt (bounds, ids of other kinds, NULs, bidi marks, lone surrogates,
 * SQL- and HTML-looking text, dates at the edges). None may end in an
 * `internal` error, and a refused call must leave every row as it was.
 */
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, type ApiResponse } from '../../shared/api'
import { contract, type MethodName } from '../../shared/contract'
import type { Backend } from './backend'
import { validArbitrary } from './testing/arbitraries'
import { ok } from './testing/call'
import { openTempBackend } from './testing/temp'

const METHODS = Object.keys(contract) as MethodName[]

/** The argument keys a schema knows, found through zod's definitions. */
function knownKeys(schema: unknown): string[] {
  const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; options?: unknown[]; innerType?: unknown; in?: unknown } }).def
  if (def === undefined) return []
  if (def.type === 'object' && def.shape !== undefined) return Object.keys(def.shape)
  if (def.type === 'union' && def.options !== undefined) return def.options.flatMap(knownKeys)
  if (def.innerType !== undefined) return knownKeys(def.innerType)
  if (def.in !== undefined) return knownKeys(def.in)
  return []
}

/** Every row of every table, so that any change shows. */
function snapshot(backend: Backend): string {
  const tables = backend.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  return JSON.stringify(
    tables.map((t) => {
      const width = backend.sqlite.prepare(`PRAGMA table_info("${t}")`).all().length
      return [t, backend.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY ${Array.from({ length: width }, (_, i) => i + 1).join(', ')}`).all()]
    }),
  )
}

/** Every row of every table, as SQLite itself writes them out (quicker than `snapshot` on a grown database). */
function fingerprint(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  return tables
    .map((t) => {
      const columns = (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => `quote("${c.name.replaceAll('"', '""')}")`)
      const order = columns.map((_, i) => i + 1).join(', ')
      const rows = db.prepare(`SELECT count(*) || '#' || coalesce(group_concat(${columns.join(" || ',' || ")}, '|'), '') FROM (SELECT * FROM "${t}" ORDER BY ${order})`).pluck().get() as string
      return `${t}:${rows}`
    })
    .join('\n')
}

const pollution = (): unknown => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')
const huge = fc.constantFrom('x'.repeat(1_000_000), '\u0000'.repeat(10_000), '🙂'.repeat(100_000), `${'a'.repeat(5_000)}@example.com`)
const nasty = fc.constantFrom(
  -1,
  0,
  1.5,
  2 ** 53,
  -(2 ** 63),
  Number.NaN,
  Infinity,
  '',
  ' ',
  "'; DROP TABLE person; --",
  '../../../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  '2026-02-30',
  '--99-99',
  [],
  {},
  [null],
  true,
)
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: false }) },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.constant(null).map(pollution) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000_000, max: 2 ** 31 }) },
)
const strangeKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''), fc.string({ maxLength: 20 }))

function hostileArgs(method: MethodName): fc.Arbitrary<unknown> {
  const keys = knownKeys(contract[method].args)
  const fields = keys.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: keys.length })
  return fc.oneof(
    // Not an object at all.
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(hostileValue, { maxLength: 3 }), huge),
    // Known fields with hostile values, some missing.
    fields,
    // Known fields plus keys the method does not have.
    fc.tuple(fields, fc.dictionary(strangeKey, hostileValue, { minKeys: 1, maxKeys: 3 })).map(([a, b]) => ({ ...a, ...b })),
    // A JSON body with prototype-pollution keys, as the HTTP door would parse it.
    fields.map((f) => Object.assign(pollution() as object, f)),
  )
}

/** JSON.stringify gives undefined for some values, whatever its type says. */
function shown(args: unknown): string {
  const json = JSON.stringify(args) as string | undefined
  return (json ?? typeof args).slice(0, 200)
}

function expectTypedError(res: ApiResponse<unknown>, what: string): void {
  expect(res.ok, what).toBe(false)
  if (!res.ok) {
    expect(ERROR_CODES, what).toContain(res.error.code)
    expect(res.error.code, what).not.toBe('internal')
    expect(res.error.message.length, what).toBeGreaterThan(0)
  }
}

describe('hostile input at the API', () => {
  it('answers thousands of malformed calls to every method with a typed error, and changes nothing', async () => {
    const backend = await openTempBackend({ now: () => new Date('2026-11-22T10:00:00Z') })
    await ok(backend, 'demo.load', {})
    const before = snapshot(backend)
    let calls = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS).chain((method) => fc.tuple(fc.constant(method), hostileArgs(method))),
        async ([method, args]) => {
          // Only malformed calls here: a generated call the contract accepts is not hostile.
          fc.pre(!contract[method].args.safeParse(args).success)
          calls++
          const res = await backend.dispatch(method, args)
          expectTypedError(res, `${method} ${shown(args)}`)
          if (!res.ok) expect(res.error.code).toBe('bad_request')
        },
      ),
      { numRuns: 4_000, seed: 20261122 },
    )
    expect(calls).toBeGreaterThan(3_000)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(backend.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(snapshot(backend)).toBe(before)
    // Still answering.
    expect((await ok(backend, 'doctor', {})).ok).toBe(true)
  }, 120_000)

  it('answers well-formed calls about ids that do not exist with a typed error, and changes nothing', async () => {
    const backend = await openTempBackend({ now: () => new Date('2026-11-22T10:00:00Z') })
    await ok(backend, 'demo.load', {})
    const me = await ok(backend, 'me.get', {})
    const before = snapshot(backend)
    const missing = fc.integer({ min: 1_000_000, max: Number.MAX_SAFE_INTEGER })
    const calls: [MethodName, (x: number, y: number) => unknown][] = [
      ['people.get', (x) => ({ id: x })],
      ['people.update', (x) => ({ id: x, patch: { title: 'Spy' } })],
      ['people.archive', (x) => ({ id: x })],
      ['people.unarchive', (x) => ({ id: x })],
      ['people.delete', (x) => ({ id: x })],
      ['people.merge', (x, y) => ({ keepId: x, mergeId: y + 1 })],
      ['people.neighbourhood', (x) => ({ id: x })],
      ['people.resolve', (x) => ({ ref: `#${x}` })],
      ['people.create', (x) => ({ name: 'Nobody', introducedById: x })],
      ['relationships.set', (x) => ({ a: me?.id ?? 1, b: x, strength: 3 })],
      ['relationships.delete', (x) => ({ id: x })],
      ['interactions.log', (x) => ({ date: '2026-11-01', kind: 'call', people: [x] })],
      ['interactions.update', (x) => ({ id: x, interaction: { date: '2026-11-01', kind: 'call', people: [me?.id ?? 1] } })],
      ['interactions.delete', (x) => ({ id: x })],
      ['favors.log', (x) => ({ giverId: x, receiverId: me?.id ?? 1, date: '2026-11-01', kind: 'advice', size: 'small' })],
      ['favors.update', (x) => ({ id: x, favor: { giverId: 1, receiverId: 2, date: '2026-11-01', kind: 'advice', size: 'small' } })],
      ['favors.delete', (x) => ({ id: x })],
      ['paths.find', (x) => ({ to: x })],
      ['introductions.request', (x) => ({ path: [me?.id ?? 1, x, x + 1] })],
      ['introductions.get', (x) => ({ id: x })],
      ['introductions.connect', (x, y) => ({ a: x, b: y + 1 })],
      ['introductions.update', (x) => ({ id: x, details: {} })],
      ['introductions.answer', (x) => ({ id: x, side: 'a', answer: 'yes' })],
      ['introductions.move', (x) => ({ id: x, to: 'asked' })],
      ['suggestions.act', (x) => ({ id: x, action: 'dismiss' })],
      ['suggestions.reopen', (x) => ({ id: x })],
      ['suggestions.confirmKnown', (x, y) => ({ a: x, b: y + 1 })],
      ['suggestions.unconfirmKnown', (x, y) => ({ relationshipId: y, a: x, b: x + 1 })],
      ['tasks.done', (x) => ({ id: x })],
      ['tasks.snooze', (x) => ({ id: x, until: '2026-12-01' })],
      ['imports.undo', (x) => ({ id: x })],
      ['imports.job', (x) => ({ jobId: `job-${x}` })],
      ['imports.apply', (x) => ({ jobId: `job-${x}`, strength: 2 })],
      ['imports.cancel', (x) => ({ jobId: `job-${x}` })],
      ['backup.restore', (x) => ({ id: `kith-${x}.sqlite` })],
    ]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...calls), missing, missing, async ([method, make], x, y) => {
        const args = make(x, y === x ? y + 1 : y)
        expect(contract[method].args.safeParse(args).success, `${method} args should be well-formed`).toBe(true)
        expectTypedError(await backend.dispatch(method, args), `${method} ${JSON.stringify(args)}`)
      }),
      { numRuns: 1_000, seed: 20261123 },
    )
    expect(backend.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(snapshot(backend)).toBe(before)
  }, 120_000)

  it('answers thousands of schema-valid hostile calls to every method without an internal error; a refused call changes no row', async () => {
    const backend = await openTempBackend({ now: () => new Date('2026-11-22T10:00:00Z') })
    await ok(backend, 'demo.load', {})
    // Real ids of every table, handed to every id field: a person id may name an introduction.
    const tables = backend.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
    const ids = new Set<number>()
    for (const t of tables) {
      const columns = backend.sqlite.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]
      if (!columns.some((c) => c.name === 'id')) continue
      for (const id of backend.sqlite.prepare(`SELECT id FROM "${t}" ORDER BY id LIMIT 40`).pluck().all()) if (typeof id === 'number') ids.add(id)
    }
    const context = { ids: [...ids] }
    // Every method, backups included: they take a backup's id, never a path, so a hostile call stays in backups/.
    const methods = METHODS
    const arbitraries = new Map(methods.map((m) => [m, validArbitrary(contract[m].args, context)]))
    const changes = (): number => (backend.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n
    // An image of the database as of a number of changes, taken again only after something was written;
    // compared row by row only when a refused call ran a statement.
    let known: { changes: number; image: Buffer } = { changes: -1, image: Buffer.alloc(0) }
    const calls = new Map<string, number>()
    const refusals = new Map<string, number>()
    let checkedRollbacks = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods).chain((method) => fc.tuple(fc.constant(method), arbitraries.get(method) as fc.Arbitrary<unknown>)),
        async ([method, args]) => {
          expect(contract[method].args.safeParse(args).success, `${method} ${shown(args)} should be well-formed`).toBe(true)
          const before = changes()
          if (known.changes !== before) known = { changes: before, image: backend.sqlite.serialize() }
          const res = await backend.dispatch(method, args)
          calls.set(method, (calls.get(method) ?? 0) + 1)
          if (res.ok) {
            // A restore swaps the connection, whose change counter starts again: take a new image.
            if (method === 'backup.restore') known = { changes: -1, image: Buffer.alloc(0) }
            return
          }
          refusals.set(res.error.code, (refusals.get(res.error.code) ?? 0) + 1)
          expectTypedError(res, `${method} ${shown(args)}`)
          // Refused: nothing written, or whatever was written rolled back.
          if (changes() !== before) {
            // The image says WAL (header bytes 18 and 19), which an in-memory copy cannot open; it is read as a rollback-journal file.
            known.image[18] = 1
            known.image[19] = 1
            const earlier = new Database(known.image)
            try {
              expect(fingerprint(backend.sqlite), `${method} ${shown(args)} was refused but changed rows`).toBe(fingerprint(earlier))
            } finally {
              earlier.close()
            }
            checkedRollbacks++
          }
        },
      ),
      // Seeded, so a failure reproduces; not shrunk, so a failure ends inside the time limit (the counterexample is printed whole).
      { numRuns: 3_000, seed: 20261124, endOnFailure: true },
    )
    // Every method was called, and enough of them were refused and accepted for both checks to mean something.
    for (const m of methods) expect(calls.get(m) ?? 0, m).toBeGreaterThan(10)
    expect([...refusals.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(300)
    // Some refused calls did run statements (and rolled them back), so the row comparison was exercised.
    expect(checkedRollbacks).toBeGreaterThan(0)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(backend.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect((await ok(backend, 'doctor', {})).ok).toBe(true)
  }, 120_000)
})
