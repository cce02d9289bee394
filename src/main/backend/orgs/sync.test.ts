import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ok } from '../testing/call'
import { editOutsideKith, openTempBackend } from '../testing/temp'
import { OrgDirectory, readMemberships, syncOrganisations } from './model'

const NOW = new Date('2026-11-28T12:00:00Z')

/** What the organisation tables and everyone's memberships say, in a stable order, for comparing whole results. */
function orgTables(db: Database.Database): unknown {
  const all = (sql: string): unknown[] => db.prepare(sql).raw().all()
  const members = readMemberships(db, new OrgDirectory(db), null)
  const orgName = new Map(db.prepare<[], [number, string]>('SELECT id, name FROM organisation').raw().all())
  const personName = new Map(db.prepare<[], [number, string]>('SELECT id, name FROM person').raw().all())
  return {
    organisations: all('SELECT id, name FROM organisation ORDER BY id'),
    names: all('SELECT name_norm, organisation_id, name, source FROM organisation_name ORDER BY name_norm'),
    spellings: all('SELECT spelling, name_norm FROM organisation_spelling ORDER BY spelling'),
    domains: all('SELECT domain, organisation_id, source FROM organisation_domain ORDER BY domain'),
    memberships: members.person
      .map((p, r) => `${personName.get(p) ?? p} @ ${orgName.get(members.org[r] ?? 0) ?? '?'} ${members.start[r]}..${members.end[r]}`)
      .sort(),
  }
}

/** Reads the tables through a connection of its own. */
function readTables(dbPath: string): unknown {
  const db = new Database(dbPath, { readonly: true })
  try {
    return orgTables(db)
  } finally {
    db.close()
  }
}

describe('organisation sync', () => {
  it('gives the same organisations, names, spellings, domains and memberships for a varied network, write by write and in one pass', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const add = (name: string, extra: Record<string, unknown> = {}) => ok(backend, 'people.create', { name, ...extra })
    await ok(backend, 'me.set', { name: 'Jordan Avery' })
    // One company, four spellings: the one most people use names it.
    await add('Grace Ferreira', { company: 'Harbor Capital', emails: ['grace@harborcap.vc'] })
    await add('Vera Walsh', { company: 'Harbor Capital, Inc.', emails: ['vera@harborcap.vc'] })
    await add('Yara Schmidt', { company: 'HARBOR CAPITAL' })
    await add('Ivo Brandt', { company: 'Harbor Capital, Inc.' })
    // No company: placed by a work address on a learned domain.
    await add('Omar Haddad', { emails: ['omar@harborcap.vc'] })
    // A domain that fits its company's name is learned from one person; a free mail domain never is.
    await add('Ana Ruiz', { company: 'Stripe, Inc.', emails: ['ana@stripe.com', 'ana.ruiz@gmail.com'] })
    // Ended and ongoing jobs, one at a company nobody has as current company.
    await add('Tom Berg', {
      company: 'ACME',
      employment: [
        { company: 'Acme Corp', title: 'Engineer', startDate: '2019-01-01', endDate: '2022-06-30' },
        { company: 'Globex GmbH', startDate: '2015-03-01', endDate: '2018-12-31' },
      ],
    })
    await add('Lin Zhou', { company: 'Globex', employment: [{ company: 'Globex', startDate: '2020-01-01' }] })
    // A domain two organisations share that fits neither stays unowned.
    await add('Kai Moreno', { company: 'Northwind Traders', emails: ['kai@shared-mail.net'] })
    await add('Eli Novak', { company: 'Sequoia', emails: ['eli@shared-mail.net'] })
    // A later write spells Northwind a new way (as many people use it as the first, so the shorter stays).
    const rui = await add('Rui Costa')
    await ok(backend, 'people.update', { id: rui.id, patch: { company: 'Northwind Traders Ltd' } })
    await add('Mia Holt', { company: 'Northwind Traders Ltd' })
    await ok(backend, 'orgs.list', {})
    expect(readTables(backend.dbPath)).toMatchSnapshot()

    // Many rows written outside Kith's write path (as a bulk import lands), then one whole sync.
    editOutsideKith(backend, (db) => {
      const person = db.prepare("INSERT INTO person (name, company, created_at, updated_at) VALUES (?, ?, '2026-11-28', '2026-11-28')")
      const job = db.prepare('INSERT INTO employment (person_id, company, start_date, end_date) VALUES (?, ?, ?, ?)')
      const email = db.prepare('INSERT INTO person_email (person_id, email, email_norm, position) VALUES (?, ?, ?, 0)')
      const make = (name: string, company: string | null): number => Number(person.run(name, company).lastInsertRowid)
      for (const n of [1, 2, 3]) make(`Acme ${n}`, 'Acme Corp')
      const paz = make('Paz Gil', 'Initech LLC')
      email.run(paz, 'paz@initech.io', 'paz@initech.io')
      const rob = make('Rob Hale', 'Initech')
      email.run(rob, 'rob@initech.io', 'rob@initech.io')
      const sol = make('Sol Vance', null)
      job.run(sol, 'The Globex Company', '2010-01-01', '2012-01-01')
      job.run(sol, 'Umbrella', null, null)
      job.run(make('Dee Park', 'umbrella'), 'UMBRELLA', '2021-05-01', null)
      // New spellings of names Kith already has: each organisation takes the spelling most of its people now use.
      make('Ned Shaw', 'NORTHWIND TRADERS LTD')
      make('Uma Roy', 'harbor capital')
      syncOrganisations(db, NOW.toISOString())
    })
    expect(readTables(backend.dbPath)).toMatchSnapshot()
  })
})
