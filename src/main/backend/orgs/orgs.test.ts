import type Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { domainFitsName, normalizeOrgName, workDomainOf } from '../../../shared/organisations'
import { fails, ok } from '../testing/call'
import { editOutsideKith, openTempBackend, reopenTempBackend } from '../testing/temp'
import type { Backend } from '../backend'

const NOW = new Date('2026-11-28T12:00:00Z')

/** Me; Grace, close, at Harbor Capital; two of her colleagues I don't know; Yara, whom I know, also there. */
async function harbor(backend: Backend) {
  const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
  const add = (name: string, extra: Record<string, unknown> = {}) => ok(backend, 'people.create', { name, ...extra })
  const grace = await add('Grace Ferreira', { company: 'Harbor Capital', emails: ['grace@harborcap.vc'] })
  const vera = await add('Vera Walsh', { company: 'Harbor Capital, Inc.' })
  const omar = await add('Omar Haddad', { emails: ['omar@harborcap.vc'] })
  const yara = await add('Yara Schmidt', { company: 'harbor capital' })
  const tom = await add('Tom Berg', { company: 'Northwind' })
  await ok(backend, 'relationships.set', { a: me.id, b: grace.id, strength: 4 })
  await ok(backend, 'relationships.set', { a: me.id, b: yara.id, strength: 3 })
  await ok(backend, 'relationships.set', { a: me.id, b: tom.id, strength: 3 })
  await ok(backend, 'relationships.set', { a: tom.id, b: vera.id, strength: 2 })
  return { me, grace, vera, omar, yara, tom }
}

describe('organisations', () => {
  it('are one thing whatever the spelling: case and legal suffixes do not count', () => {
    expect(normalizeOrgName('Stripe, Inc.')).toBe('stripe')
    expect(normalizeOrgName('STRIPE')).toBe('stripe')
    expect(normalizeOrgName('The Stripe Company')).toBe('stripe')
    expect(normalizeOrgName('Société Générale S.A.')).toBe('societe generale')
    expect(normalizeOrgName('Harbor Capital GmbH')).toBe('harbor capital')
    expect(normalizeOrgName('Morgan Stanley & Co.')).toBe('morgan stanley')
    expect(normalizeOrgName('Goldman Sachs & Co. LLC')).toBe('goldman sachs')
    expect(normalizeOrgName('Procter & Gamble')).toBe('procter and gamble')
    expect(normalizeOrgName('Sequoia Capital')).not.toBe(normalizeOrgName('Sequoia'))
    expect(domainFitsName('monzo.co.uk', 'monzo')).toBe(true)
    expect(domainFitsName('harborcap.vc', 'harbor capital')).toBe(true)
    expect(domainFitsName('gmail.com', 'gmail')).toBe(true)
    expect(workDomainOf('ana@gmail.com')).toBeNull()
  })

  it('gathers spellings and work email domains into one organisation, and merges others with undo', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await harbor(backend)
    await ok(backend, 'people.create', { name: 'Sam Lee', company: 'Sequoia' })
    await ok(backend, 'people.create', { name: 'Ada Kim', company: 'Sequoia Capital' })
    const list = await ok(backend, 'orgs.list', {})
    const harborOrg = list.find((o) => o.name === 'Harbor Capital')
    // Grace, Vera and Yara by name; Omar, who has no company, by his work address.
    expect(harborOrg).toMatchObject({ current: 4, people: 4, domains: ['harborcap.vc'] })
    // Spellings that differ only in case and suffix are the same name, not aliases.
    expect(harborOrg?.aliases).toEqual([])
    const sequoia = list.find((o) => o.name === 'Sequoia')
    const sequoiaCapital = list.find((o) => o.name === 'Sequoia Capital')
    if (sequoia === undefined || sequoiaCapital === undefined) throw new Error('both Sequoias are listed')

    const merge = await ok(backend, 'orgs.merge', { keepId: sequoiaCapital.id, mergeId: sequoia.id })
    expect(merge).toMatchObject({ kept: { name: 'Sequoia Capital' }, mergedName: 'Sequoia' })
    const merged = await ok(backend, 'orgs.list', { query: 'sequoia' })
    expect(merged).toEqual([expect.objectContaining({ name: 'Sequoia Capital', aliases: ['Sequoia'], people: 2 })])
    const anyone = await ok(backend, 'paths.find', { company: 'Sequoia' })
    expect(anyone.target).toEqual({ kind: 'company', name: 'Sequoia Capital', people: 2 })

    await ok(backend, 'orgs.undoMerge', { id: merge.id })
    expect((await ok(backend, 'orgs.list', { query: 'sequoia' })).map((o) => [o.name, o.people])).toEqual([
      ['Sequoia', 1],
      ['Sequoia Capital', 1],
    ])
    expect((await fails(backend, 'orgs.undoMerge', { id: merge.id })).message).toMatch(/already undone/)
  })

  it('learns a work domain from addresses another program wrote, however they are spelt', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { tom, vera, yara } = await harbor(backend)
    await ok(backend, 'paths.find', { company: 'Northwind' })
    const add = (db: Database.Database, person: number, email: string) =>
      db.prepare('INSERT INTO person_email (person_id, email, email_norm, position) VALUES (?, ?, ?, 9)').run(person, email, email.toLowerCase())
    // The CLI in another process, or a sync tool: Kith learns of these rows only when it next reads.
    editOutsideKith(backend, (db) => {
      const lena = Number(db.prepare("INSERT INTO person (name, created_at, updated_at) VALUES ('Lena Ortiz', ?, ?)").run(NOW.toISOString(), NOW.toISOString()).lastInsertRowid)
      add(db, tom.id, ' Tom.Berg@NorthWind.IO. ')
      add(db, vera.id, '"vera@home"@harborcap.vc')
      add(db, yara.id, 'yara-at-no-domain')
      add(db, yara.id, 'yara@gmail.com')
      add(db, lena, 'lena@northwind.io')
    })
    await ok(backend, 'paths.find', { company: 'Northwind' })
    const list = await ok(backend, 'orgs.list', {})
    // Tom's address fits Northwind's name: its domain is Northwind's, and Lena, with no company, is counted there by hers.
    expect(list.find((o) => o.name === 'Northwind')).toMatchObject({ domains: ['northwind.io'], people: 2 })
    expect(list.find((o) => o.name === 'Harbor Capital')?.domains).toEqual(['harborcap.vc'])
    expect(list.flatMap((o) => o.domains)).not.toContain('gmail.com')
  })

  it('learns a work domain whose addresses are not valid UTF-8 (written by another program in Latin-1)', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { vera, yara } = await harbor(backend)
    await ok(backend, 'paths.find', { company: 'Harbor Capital' })
    const domain = Buffer.from('@m\xfcller-harbor.de', 'latin1')
    editOutsideKith(backend, (db) => {
      const insert = db.prepare('INSERT INTO person_email (person_id, email, email_norm, position) VALUES (?, CAST(? AS TEXT), ?, 9)')
      insert.run(vera.id, Buffer.concat([Buffer.from('vera'), domain]), 'vera-latin1')
      insert.run(yara.id, Buffer.concat([Buffer.from('yara'), domain]), 'yara-latin1')
    })
    await ok(backend, 'paths.find', { company: 'Harbor Capital' })
    // Two of Harbor Capital's people use it and nobody else does: it is Harbor Capital's, as the text reads.
    const harborOrg = (await ok(backend, 'orgs.list', { query: 'harbor' }))[0]
    expect(harborOrg?.domains).toEqual(['harborcap.vc', 'm\ufffdller-harbor.de'])
  })

  it('is named by the spelling most of its people use', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await ok(backend, 'me.set', { name: 'Jordan Avery' })
    await ok(backend, 'people.create', { name: 'Ann', company: 'ACME GMBH' })
    await ok(backend, 'people.create', { name: 'Bo', company: 'Acme' })
    await ok(backend, 'people.create', { name: 'Cy', company: 'Acme' })
    await ok(backend, 'paths.find', { company: 'acme' })
    expect((await ok(backend, 'orgs.list', { query: 'acme' })).map((o) => [o.name, o.people])).toEqual([['Acme', 3]])
    expect((await ok(backend, 'people.list', { company: 'Acme GmbH' })).total).toBe(3)
  })

  it('keeps names and domains the user set, and refuses a name that means another organisation', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    await harbor(backend)
    await ok(backend, 'people.create', { name: 'Lin Wu', company: 'Northwind Traders' })
    const [harborOrg] = await ok(backend, 'orgs.list', { query: 'harbor' })
    if (harborOrg === undefined) throw new Error('Harbor Capital is listed')
    const refused = await fails(backend, 'orgs.update', { id: harborOrg.id, patch: { aliases: ['Northwind'] } })
    expect(refused).toMatchObject({ code: 'conflict', message: 'aliases: "Northwind" already means Northwind; merge the two organisations instead.' })
    // Taking the domain away: Omar is no longer counted there, and the domain is not learned again.
    const updated = await ok(backend, 'orgs.update', { id: harborOrg.id, patch: { domains: [], aliases: ['HC'] } })
    expect(updated).toMatchObject({ domains: [], people: 3, aliases: expect.arrayContaining(['HC']) })
    await ok(backend, 'people.create', { name: 'Ivy Chen', company: 'Harbor Capital', emails: ['ivy@harborcap.vc'] })
    expect((await ok(backend, 'orgs.list', { query: 'HC' }))[0]?.domains).toEqual([])
  })
})

describe('colleagues', () => {
  it('route a company search through the person I know there, never to people I know', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { grace, yara } = await harbor(backend)
    const result = await ok(backend, 'paths.find', { company: 'Harbor Capital, Inc.' })
    expect(result.target).toEqual({ kind: 'company', name: 'Harbor Capital', people: 4 })
    expect(result.direct.map((d) => [d.name, d.hint])).toEqual([
      ['Grace Ferreira', 'Ask Grace about their 2 colleagues at Harbor Capital'],
      ['Yara Schmidt', 'Ask Yara about their 2 colleagues at Harbor Capital'],
    ])
    const ends = result.paths.map((p) => p.people.at(-1)?.id)
    expect(ends).not.toContain(grace.id)
    expect(ends).not.toContain(yara.id)
    const viaGrace = result.paths.find((p) => p.people.map((x) => x.name).join(' > ') === 'Jordan Avery > Grace Ferreira > Omar Haddad')
    expect(viaGrace?.steps).toEqual([{ kind: 'relationship' }, { kind: 'colleague', organisation: { id: expect.any(Number), name: 'Harbor Capital' }, since: null }])
    expect(viaGrace?.factors.at(-1)?.label).toBe(
      'Grace Ferreira and Omar Haddad: both at Harbor Capital, inferred colleagues: acquaintance (2) x0.40, recency not known (an inferred tie) x0.75, inferred x0.50, 4 people there x1.00',
    )
    for (const p of result.paths) expect(p.score).toBeCloseTo(p.factors.reduce((a, f) => a * f.value, 1), 12)
    // Before asking Grace for Omar: that she knows him is only assumed, and said so; the same on the request.
    const guessed = {
      question: 'Does Grace Ferreira know Omar Haddad?',
      verdict: 'caution',
      reason: 'Kith only assumes Grace Ferreira knows Omar Haddad: both work at Harbor Capital. Ask Grace whether they know Omar before asking for the introduction.',
    }
    expect(viaGrace?.beforeYouAsk).toContainEqual(guessed)
    const request = await ok(backend, 'introductions.request', { path: viaGrace?.people.map((p) => p.id) ?? [] })
    expect((await ok(backend, 'introductions.get', { id: request.id })).checks).toContainEqual(guessed)
    // Confirmed, it is no longer a guess.
    await ok(backend, 'colleagues.confirm', { a: grace.id, b: viaGrace?.people[2]?.id ?? 0, strength: 3 })
    expect((await ok(backend, 'introductions.get', { id: request.id })).checks.map((c) => c.question)).not.toContain('Does Grace Ferreira know Omar Haddad?')
  })

  it('are asked about before being introduced to each other: they may know each other already', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { grace, yara, tom } = await harbor(backend)
    expect((await fails(backend, 'introductions.connect', { a: grace.id, b: yara.id })).message).toBe(
      'Confirm before starting: Grace Ferreira and Yara Schmidt both work at Harbor Capital: they may know each other already. Ask one of them before asking both to opt in.',
    )
    // Not colleagues: started at once.
    expect((await ok(backend, 'introductions.connect', { a: grace.id, b: tom.id })).state).toBe('draft')
  })

    it('are never made of working for oneself: two freelancers are not colleagues', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const add = (name: string, company: string) => ok(backend, 'people.create', { name, company })
    const anna = await add('Anna Berg', 'Self-employed')
    const carla = await add('Carla Diaz', 'self employed')
    const ben = await add('Ben Ode', 'Freelance')
    await add('Dina Roe', 'Freelancer')
    await add('Eli Park', 'Stealth Startup')
    await add('Fay Lund', 'Stealth Startup')
    await ok(backend, 'relationships.set', { a: me.id, b: anna.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: me.id, b: ben.id, strength: 4 })
    expect((await ok(backend, 'orgs.list', {})).map((o) => o.name)).toEqual([])
    const toCarla = await ok(backend, 'paths.find', { to: carla.id })
    expect(toCarla.paths).toEqual([])
    // The word in a real name is no stop: "Independent Bank" is an organisation.
    await add('Gus Hale', 'Independent Bank')
    expect((await ok(backend, 'orgs.list', {})).map((o) => o.name)).toEqual(['Independent Bank'])
  })

  it('count less in a large organisation and for a short overlap, and never for me', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    await ok(backend, 'people.update', { id: me.id, patch: { company: 'Bigco' } })
    const ana = await ok(backend, 'people.create', { name: 'Ana', employment: [{ company: 'Bigco', startDate: '2020-01-01', endDate: null }] })
    const ben = await ok(backend, 'people.create', { name: 'Ben', employment: [{ company: 'Bigco', startDate: '2026-10-01', endDate: null }] })
    for (let k = 0; k < 13; k++) await ok(backend, 'people.create', { name: `Staff ${k}`, company: 'Bigco' })
    await ok(backend, 'relationships.set', { a: me.id, b: ana.id, strength: 4 })
    const result = await ok(backend, 'paths.find', { to: ben.id })
    expect(result.direct).toEqual([])
    const [best] = result.paths
    expect(best?.people.map((p) => p.name)).toEqual(['Jordan Avery', 'Ana', 'Ben'])
    expect(best?.steps[1]).toEqual({ kind: 'colleague', organisation: { id: expect.any(Number), name: 'Bigco' }, since: '2026-10-01' })
    // 16 people there (me too): x0.50; together since October: under 3 months x0.50.
    expect(best?.factors.at(-1)?.label).toMatch(/both at Bigco since 2026, inferred colleagues: .*, 16 people there x0\.50, together under 3 months x0\.50$/)
    expect(best?.factors.at(-1)?.value).toBeCloseTo(0.4 * 0.75 * 0.5 * 0.5 * 0.5, 12)
  })

  it('need time there together: someone only known to be there now did not overlap with those who left', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    const eli = await ok(backend, 'people.create', { name: 'Eli', company: 'Harbor Capital' })
    const ben = await ok(backend, 'people.create', { name: 'Ben', employment: [{ company: 'Harbor Capital', startDate: '2020-01-01', endDate: '2023-06-30' }] })
    const cat = await ok(backend, 'people.create', { name: 'Cat', employment: [{ company: 'Harbor Capital', startDate: '2019-01-01', endDate: '2022-12-31' }] })
    await ok(backend, 'relationships.set', { a: me.id, b: eli.id, strength: 4 })
    await ok(backend, 'relationships.set', { a: me.id, b: cat.id, strength: 4 })
    expect((await ok(backend, 'paths.find', { to: ben.id })).paths.map((p) => p.people.map((x) => x.name))).toEqual([['Jordan Avery', 'Cat', 'Ben']])
    const [viaCat] = (await ok(backend, 'paths.find', { to: ben.id })).paths
    expect(viaCat?.factors.at(-1)?.label).toMatch(/^Cat and Ben: at Harbor Capital together 2020–2022, inferred colleagues/)
  })

  it('become a relationship when confirmed, and never come back when rejected', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { grace, vera, omar } = await harbor(backend)
    const confirmed = await ok(backend, 'colleagues.confirm', { a: grace.id, b: vera.id, strength: 3 })
    expect(confirmed).toMatchObject({ strength: 3, kind: 'colleague', confidence: 'firsthand', contexts: ['both at Harbor Capital'] })
    const toVera = await ok(backend, 'paths.find', { to: vera.id })
    expect(toVera.paths[0]?.steps[1]).toEqual({ kind: 'relationship' })

    expect((await fails(backend, 'colleagues.confirm', { a: grace.id, b: vera.id })).message).toMatch(/^Kith does not take Grace Ferreira and Vera Walsh for colleagues/)
    await ok(backend, 'colleagues.reject', { a: omar.id, b: grace.id })
    const toOmar = await ok(backend, 'paths.find', { to: omar.id })
    expect(toOmar.paths.some((p) => p.people[1]?.id === grace.id && p.people.length === 3)).toBe(false)
    // Still rejected after a restart (the graph is rebuilt from the file).
    const restarted = await reopenTempBackend(backend, { now: () => NOW })
    const again = await ok(restarted, 'paths.find', { to: omar.id })
    expect(again.paths.some((p) => p.people[1]?.id === grace.id && p.people.length === 3)).toBe(false)
  })

  it('can be turned off in the scoring settings', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const { omar } = await harbor(backend)
    expect((await ok(backend, 'paths.find', { to: omar.id })).paths.length).toBeGreaterThan(0)
    const settings = await ok(backend, 'settings.scoring.get', {})
    await ok(backend, 'settings.scoring.set', { ...settings, colleagues: { ...settings.colleagues, enabled: false } })
    expect((await ok(backend, 'paths.find', { to: omar.id })).paths).toEqual([])
  })

  it('refuses scoring settings whose floor is above the ceiling', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const settings = await ok(backend, 'settings.scoring.get', {})
    const refused = await fails(backend, 'settings.scoring.set', { ...settings, floor: 0.9, ceiling: 0.5 })
    expect(refused.message).toMatch(/floor: The floor must not be above the ceiling/)
  })
})
