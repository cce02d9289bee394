import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORING } from '../../../shared/scoring'
import type { Backend } from '../backend'
import { PathGraph } from '../paths/graph'
import { graphSnapshot } from '../testing/graph-snapshot'
import { ok } from '../testing/call'
import { editOutsideKith, openTempBackend, reopenTempBackend } from '../testing/temp'
import { OrganisationSyncSteps, syncOrganisations } from './model'

const NOW = new Date('2026-11-28T12:00:00Z')
const AT = NOW.toISOString()

/**
 * People, jobs and addresses written straight into the file, as a database
 * from before organisations holds them: names spelt several ways (one
 * spelling used by more people than the others), one already an
 * organisation Kith named from the data, a domain two people of one
 * company share, one that fits its company's name, one two companies share,
 * and free mail.
 */
function writeOutsideKith(db: Database.Database): void {
  const person = db.prepare('INSERT INTO person (name, company, created_at, updated_at) VALUES (?, ?, ?, ?)')
  const email = db.prepare('INSERT INTO person_email (person_id, email, email_norm, position) VALUES (?, ?, ?, 0)')
  const job = db.prepare('INSERT INTO employment (person_id, company, start_date, end_date) VALUES (?, ?, ?, ?)')
  const make = (name: string, company: string | null, address?: string): number => {
    const id = Number(person.run(name, company, AT, AT).lastInsertRowid)
    if (address !== undefined) email.run(id, address, address)
    return id
  }
  // Kith named Harbor Capital from the data once; most people now spell it another way.
  const org = Number(db.prepare('INSERT INTO organisation (name, created_at, updated_at) VALUES (?, ?, ?)').run('HARBOR CAPITAL', AT, AT).lastInsertRowid)
  db.prepare("INSERT INTO organisation_name (name_norm, organisation_id, name, source) VALUES ('harbor capital', ?, 'HARBOR CAPITAL', 'data')").run(org)
  db.prepare("INSERT INTO organisation_spelling (spelling, name_norm) VALUES ('HARBOR CAPITAL', 'harbor capital')").run()
  make('Yara Schmidt', 'HARBOR CAPITAL', 'yara@harborcap.vc')
  make('Grace Ferreira', 'Harbor Capital, Inc.', 'grace@harborcap.vc')
  make('Vera Walsh', 'Harbor Capital, Inc.')
  for (const [k, spelling] of ['Acme Corp', 'ACME', 'Acme Corp', 'acme corp.', 'Acme Corp'].entries()) make(`Acme ${k}`, spelling, k === 0 ? 'a0@acme.io' : undefined)
  make('Ana Ruiz', 'Stripe, Inc.', 'ana@stripe.com')
  make('Kai Moreno', 'Northwind Traders', 'kai@shared-mail.net')
  make('Eli Novak', 'Sequoia', 'eli@shared-mail.net')
  make('Omar Haddad', 'Initech', 'omar@gmail.com')
  const sol = make('Sol Vance', null)
  job.run(sol, 'The Globex Company', '2010-01-01', '2012-01-01')
  job.run(sol, 'Globex', null, null)
  make('Dee Park', '---')
  for (let k = 0; k < 12; k++) make(`Small ${k}`, `Small Firm ${k}${k % 3 === 0 ? ' GmbH' : ''}`, `s${k}@smallfirm${k}.example`)
}

/** The organisation tables, organisations by id (the steps number them in the order one sync does). */
function tables(db: Database.Database): unknown {
  const all = (sql: string): unknown[] => db.prepare(sql).raw().all()
  return {
    organisations: all('SELECT id, name, updated_at FROM organisation ORDER BY id'),
    names: all('SELECT name_norm, organisation_id, name, source FROM organisation_name ORDER BY name_norm'),
    spellings: all('SELECT spelling, name_norm FROM organisation_spelling ORDER BY spelling'),
    domains: all('SELECT domain, organisation_id, source FROM organisation_domain ORDER BY domain'),
  }
}

/** Steps until done; how many it took. */
function stepAll(steps: OrganisationSyncSteps): number {
  let count = 0
  while (!steps.done) {
    steps.step(AT)
    count++
    if (count > 10_000) throw new Error('the steps never end')
  }
  return count
}

async function writtenOutsideKith(): Promise<Backend> {
  const backend = await openTempBackend({ now: () => NOW })
  editOutsideKith(backend, writeOutsideKith)
  return backend
}

function tablesOf(backend: Backend, work: (db: Database.Database) => void): unknown {
  let result: unknown
  editOutsideKith(backend, (db) => {
    work(db)
    result = tables(db)
  })
  return result
}

describe('giving organisations to companies a step at a time', () => {
  it('leaves the same organisations, names, spellings and learned domains as one sync at once', async () => {
    const atOnce = tablesOf(await writtenOutsideKith(), (db) => syncOrganisations(db, AT))
    let count = 0
    const stepped = tablesOf(await writtenOutsideKith(), (db) => {
      const steps = new OrganisationSyncSteps(db, 1)
      count = stepAll(steps)
      expect(steps.changed).toBe(true)
    })
    expect(stepped).toEqual(atOnce)
    // The sync did something worth comparing: the most used spelling names each, domains learned.
    expect(atOnce).toMatchObject({
      organisations: expect.arrayContaining([[1, 'Harbor Capital, Inc.', AT], expect.arrayContaining(['Acme Corp'])]) as unknown,
      domains: expect.arrayContaining([['harborcap.vc', 1, 'learned'], expect.arrayContaining(['stripe.com', 'learned'])]) as unknown,
    })
    // One name a step: find, group each spelling, write each name, tally, learn.
    expect(count).toBeGreaterThan(30)
  })

  it('finds nothing left to change after a sync at once in the middle of its steps', async () => {
    const atOnce = tablesOf(await writtenOutsideKith(), (db) => syncOrganisations(db, AT))
    for (const after of [1, 10, 25, 40]) {
      const interrupted = tablesOf(await writtenOutsideKith(), (db) => {
        const steps = new OrganisationSyncSteps(db, 1)
        for (let k = 0; k < after && !steps.done; k++) steps.step(AT)
        syncOrganisations(db, AT)
        stepAll(steps)
      })
      expect(interrupted).toEqual(atOnce)
    }
  })

  it('writes nothing when every company already has its organisation', async () => {
    const backend = await writtenOutsideKith()
    const before = tablesOf(backend, (db) => syncOrganisations(db, AT))
    const after = tablesOf(backend, (db) => {
      const steps = new OrganisationSyncSteps(db, 1)
      stepAll(steps)
      expect(steps.changed).toBe(false)
    })
    expect(after).toEqual(before)
  })

  it('in the warm-up: calls are answered between its steps, and a write made meanwhile is kept', async () => {
    const backend = await writtenOutsideKith()
    const warm = await reopenTempBackend(backend, { now: () => NOW, quickCheckBudgetMs: 0, warmStepPeople: 1 })
    const reader = new Database(warm.dbPath, { readonly: true })
    const organisations = (): number => reader.prepare<[], number>('SELECT count(*) FROM organisation').pluck().get() ?? 0
    let warmed = false
    const warming = warm.warmUp().then(() => {
      warmed = true
    })
    const seen = new Set<number>()
    let wroteAt = -1
    try {
      while (!warmed) {
        // A call between two turns of the event loop, as calls from the window come.
        await new Promise<void>((resolve) => setImmediate(resolve))
        await ok(warm, 'status', {})
        const count = organisations()
        seen.add(count)
        // Part way through, someone joins a company spelt a new way through Kith's own write path.
        if (wroteAt < 0 && count > 3) {
          await ok(warm, 'people.create', { name: 'Lin Zhou', company: 'Umbrella Corp', emails: ['lin@umbrella.example'] })
          wroteAt = count
        }
      }
      await warming
    } finally {
      reader.close()
    }
    // The organisations came a few at a time, calls answered in between, and the write landed in the middle.
    expect(seen.size).toBeGreaterThan(10)
    expect(wroteAt).toBeGreaterThan(3)
    expect(wroteAt).toBeLessThan(Math.max(...seen))
    const orgs = await ok(warm, 'orgs.list', {})
    expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['Harbor Capital, Inc.', 'Acme Corp', 'Stripe, Inc.', 'Umbrella Corp', 'Globex', 'Small Firm 11']))
    // Acme's five people, in four spellings, are one organisation; Harbor Capital learned its domain from two people.
    expect(orgs.find((o) => o.name === 'Acme Corp')?.people).toBe(5)
    expect(orgs.find((o) => o.name === 'Harbor Capital, Inc.')?.domains).toEqual(['harborcap.vc'])
  })

  it('syncs the companies of a restored file, though its data version reads as the one before', async () => {
    const backend = await openTempBackend({ now: () => NOW, quickCheckBudgetMs: 0, warmStepPeople: 1 })
    const me = (await ok(backend, 'me.set', { name: 'Jordan Avery' })).id
    await ok(backend, 'people.create', { name: 'Zed', company: 'Zeta' })
    const copy = await ok(backend, 'backup.create', {})
    // People written into the copy outside Kith, as in a backup from before organisations.
    const db = new Database(path.join(backend.backupDir, copy.name))
    for (const name of ['Ann', 'Bob', 'Cid']) {
      const id = Number(db.prepare('INSERT INTO person (name, company, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, 'Outside Corp', AT, AT).lastInsertRowid)
      db.prepare("INSERT INTO relationship (person_a, person_b, strength, confidence, created_at, updated_at) VALUES (?, ?, 4, 'firsthand', ?, ?)").run(Math.min(me, id), Math.max(me, id), AT, AT)
    }
    db.close()
    await backend.warmUp()
    await ok(backend, 'backup.restore', { id: copy.name })
    await backend.warmUp()
    expect(backend.sqlite.prepare('SELECT name FROM organisation ORDER BY name').pluck().all()).toEqual(['Outside Corp', 'Zeta'])
    expect(graphSnapshot(backend.paths())).toEqual(graphSnapshot(new PathGraph(backend.sqlite, DEFAULT_SCORING, backend.today())))
  })

  it('ends while people are saved at every turn, and counts their domains as they are at the end', async () => {
    const backend = await writtenOutsideKith()
    const warm = await reopenTempBackend(backend, { now: () => NOW, quickCheckBudgetMs: 0, warmStepPeople: 1 })
    const kai = warm.sqlite.prepare<[], number>("SELECT id FROM person WHERE name = 'Kai Moreno'").pluck().get() ?? -1
    let warmed = false
    const warming = warm.warmUp().then(() => {
      warmed = true
    })
    let saves = 0
    while (!warmed) {
      await new Promise<void>((resolve) => setImmediate(resolve))
      // A save at every turn; halfway, Kai leaves Northwind: shared-mail.net is then only Sequoia's (Eli's).
      saves++
      await ok(warm, 'people.update', { id: kai, patch: { notes: `save ${saves}`, ...(saves === 30 ? { company: 'Sequoia' } : {}) } })
      if (saves > 2_000) throw new Error('the warm-up never ended')
    }
    await warming
    expect(saves).toBeGreaterThan(30)
    const domains = warm.sqlite.prepare('SELECT domain, o.name FROM organisation_domain d JOIN organisation o ON o.id = d.organisation_id ORDER BY domain').raw().all()
    expect(domains).toContainEqual(['shared-mail.net', 'Sequoia'])
  })

  it('counts again the domains of people written while it tallied, so a stale count claims nothing', async () => {
    // Two people of one company on a domain that does not fit its name: two are enough to learn it.
    const withVandelay = async (): Promise<Backend> => {
      const backend = await writtenOutsideKith()
      editOutsideKith(backend, (db) => {
        const person = db.prepare("INSERT INTO person (name, company, created_at, updated_at) VALUES (?, 'Vandelay Industries', ?, ?)")
        const email = db.prepare('INSERT INTO person_email (person_id, email, email_norm, position) VALUES (?, ?, ?, 0)')
        for (const k of [1, 2]) email.run(Number(person.run(`Vandelay ${k}`, AT, AT).lastInsertRowid), `v${k}@vx-mail.net`, `v${k}@vx-mail.net`)
      })
      return backend
    }
    let total = 0
    tablesOf(await withVandelay(), (db) => {
      total = stepAll(new OrganisationSyncSteps(db, 1))
      expect(db.prepare("SELECT domain FROM organisation_domain WHERE domain = 'vx-mail.net'").pluck().all()).toEqual(['vx-mail.net'])
    })
    // All but the last step (the tally has counted both), then one of them leaves the company, then the last step.
    const stepped = tablesOf(await withVandelay(), (db) => {
      const sync = new OrganisationSyncSteps(db, 1)
      for (let k = 0; k < total - 1; k++) sync.step(AT)
      expect(sync.done).toBe(false)
      const id = db.prepare<[], number>("SELECT id FROM person WHERE name = 'Vandelay 1'").pluck().get() ?? -1
      db.prepare('UPDATE person SET company = NULL WHERE id = ?').run(id)
      sync.wrote([id], ['vx-mail.net'])
      sync.step(AT)
      expect(sync.done).toBe(true)
    })
    const atOnce = tablesOf(await withVandelay(), (db) => {
      db.prepare("UPDATE person SET company = NULL WHERE name = 'Vandelay 1'").run()
      syncOrganisations(db, AT)
    })
    expect(stepped).toEqual(atOnce)
    expect(JSON.stringify(stepped)).not.toContain('vx-mail.net')
  })
})
