import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Backend } from './backend'
import { fails, ok } from './testing/call'
import { openTempBackend } from './testing/temp'

/** Another process (the CLI importing, say): a second connection holding the write lock. */
function holdWriteLock(backend: Backend): Database.Database {
  const other = new Database(backend.dbPath)
  other.exec('BEGIN IMMEDIATE')
  other
    .prepare("INSERT INTO person (name, company, title, created_at, updated_at) VALUES ('From the CLI', NULL, NULL, '2026-01-01', '2026-01-01')")
    .run()
  return other
}

/**
 * The pauses of a 5 ms ticker while `work` runs: how long the event loop was
 * blocked. A synchronous wait for the other writer shows as one pause as long
 * as the wait itself (a second here); an event loop left free shows only the
 * machine's own scheduling, which on a busy two-core machine can reach a
 * hundred milliseconds now and then. So the test holds the longest pause under
 * a quarter of the wait, and almost every pause under 100 ms; `npm run bench`
 * reports the figure itself.
 */
async function pauses<T>(work: () => Promise<T>): Promise<{ result: T; longestMs: number; over100: number }> {
  let last = performance.now()
  const gaps: number[] = []
  const ticker = setInterval(() => {
    const now = performance.now()
    gaps.push(now - last)
    last = now
  }, 5)
  try {
    const result = await work()
    return { result, longestMs: Math.max(0, ...gaps), over100: gaps.filter((g) => g >= 100).length }
  } finally {
    clearInterval(ticker)
  }
}

function names(backend: Backend): string[] {
  return (backend.sqlite.prepare('SELECT name FROM person ORDER BY name').all() as { name: string }[]).map((r) => r.name)
}

describe('two writers', () => {
  it('waits for another process’s write without freezing, then saves', async () => {
    const backend = await openTempBackend()
    const other = holdWriteLock(backend)
    const release = setTimeout(() => {
      other.exec('COMMIT')
      other.close()
    }, 1000)
    try {
      const { result, longestMs, over100 } = await pauses(() => backend.dispatch('people.create', { name: 'From the app' }))
      expect(result.ok ? 'ok' : result.error.code).toBe('ok')
      expect(longestMs).toBeLessThan(250)
      expect(over100).toBeLessThanOrEqual(1)
    } finally {
      clearTimeout(release)
      if (other.open) other.close()
    }
    expect(names(backend)).toEqual(['From the CLI', 'From the app'])
  })

  it('says "busy" when the other write outlasts the wait, and changes nothing', async () => {
    const backend = await openTempBackend({ busyBudgetMs: 300 })
    await ok(backend, 'people.create', { name: 'Already here' })
    const other = holdWriteLock(backend)
    try {
      const { result, longestMs, over100 } = await pauses(() => fails(backend, 'people.create', { name: 'From the app' }))
      expect(result.code).toBe('busy')
      expect(result.message).toContain('Try again')
      expect(result.message).toContain('nothing was changed')
      // The wait is 300 ms here: a blocked loop would pause that long at once.
      expect(longestMs).toBeLessThan(150)
      expect(over100).toBeLessThanOrEqual(1)
      // Settings are written outside a transaction: the same holds.
      expect((await fails(backend, 'settings.weekly.set', { enabled: false, day: 1, time: '09:00' })).code).toBe('busy')
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    expect(names(backend)).toEqual(['Already here'])
    expect((await ok(backend, 'settings.weekly.get', {})).enabled).toBe(true)
  })
})

describe('a full disk', () => {
  it('is reported as disk_full, with nothing changed', async () => {
    const backend = await openTempBackend()
    await ok(backend, 'people.create', { name: 'Already here' })
    // Migrations that rebuild tables leave free pages behind, which a write would reuse: none may be left.
    backend.sqlite.exec('VACUUM')
    const pages = backend.sqlite.pragma('page_count', { simple: true }) as number
    // The file may not grow: as if the disk were full.
    backend.sqlite.pragma(`max_page_count = ${pages}`)
    const err = await fails(backend, 'people.create', { name: 'Too much', notes: 'x'.repeat(9_000) })
    expect(err.code).toBe('disk_full')
    expect(err.message).toContain('nothing was changed')
    expect(names(backend)).toEqual(['Already here'])
  })
})
