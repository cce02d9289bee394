import { describe, expect, it } from 'vitest'
import { openTempBackend } from '../testing/temp'
import { fails, ok } from '../testing/call'
import type { Backend } from '../backend'

async function snapshot(backend: Backend): Promise<unknown> {
  const tables = ['person', 'person_email', 'person_label', 'employment', 'relationship', 'interaction', 'interaction_person', 'favor'] as const
  const out: Record<string, unknown> = {}
  for (const t of tables) out[t] = await backend.db.selectFrom(t).selectAll().execute()
  return out
}

describe('people', () => {
  it('creates a person with every field and reads it back', async () => {
    const backend = await openTempBackend()
    const intro = await ok(backend, 'people.create', { name: 'Ben Okafor' })
    const ana = await ok(backend, 'people.create', {
      name: '  Ana Silva ',
      aliases: ['Annie', 'annie', ''],
      emails: ['ana@acme.example', 'ANA@acme.example'],
      phones: ['+1 555 0100'],
      company: 'Acme',
      title: 'CTO',
      location: 'Lisbon',
      tags: ['design', 'Design', 'climate'],
      needs: ['seed investor'],
      offers: ['hiring advice'],
      notes: 'Met at the summit',
      howWeMet: 'Web Summit 2024',
      introducedById: intro.id,
      linkedinUrl: 'https://www.linkedin.com/in/ana',
      website: 'https://ana.example',
      employment: [{ company: 'Acme', title: 'CTO', startDate: '2021-01-01', endDate: null }, { company: 'Beta', startDate: '2017-05-01', endDate: '2020-12-31' }],
    })
    expect(ana).toMatchObject({
      name: 'Ana Silva',
      aliases: ['Annie'],
      emails: ['ana@acme.example'],
      tags: ['design', 'climate'],
      needs: ['seed investor'],
      offers: ['hiring advice'],
      introducedBy: { id: intro.id, name: 'Ben Okafor' },
      employment: [{ company: 'Acme', title: 'CTO' }, { company: 'Beta', title: null, endDate: '2020-12-31' }],
      isMe: false,
      archivedAt: null,
    })
    const updated = await ok(backend, 'people.update', { id: ana.id, patch: { title: 'CEO', tags: ['climate'], notes: '' } })
    expect(updated).toMatchObject({ title: 'CEO', tags: ['climate'], notes: null, company: 'Acme', emails: ['ana@acme.example'] })
  })

  it('refuses bad input with a typed error that names the field, and writes nothing', async () => {
    const backend = await openTempBackend()
    const ana = await ok(backend, 'people.create', { name: 'Ana' })
    const before = await snapshot(backend)
    const cases: [string, unknown, string, RegExp][] = [
      ['people.create', { name: '' }, 'bad_request', /name: Enter a name/],
      ['people.create', { name: '   ' }, 'bad_request', /name: Enter a name/],
      ['people.create', { name: 'X', notes: 'x'.repeat(1024 * 1024) }, 'bad_request', /notes: A note is limited to 20,000 characters/],
      ['people.create', { name: 'X', emails: ['not-an-email'] }, 'bad_request', /emails\.0: Enter an email address/],
      ['people.create', { name: 'X', website: 'javascript:alert(1)' }, 'bad_request', /website/],
      ['people.create', { name: 'X', introducedById: 999 }, 'not_found', /no person with id 999/],
      ['people.create', { name: 'X', employment: [{ company: 'A', startDate: '2020-01-01', endDate: '2019-01-01' }] }, 'bad_request', /employment\.0\.endDate: The end comes before the start/],
      ['people.create', { name: 'X', employment: [{ company: 'A', startDate: '2021-02-30' }] }, 'bad_request', /That date does not exist/],
      ['people.update', { id: 999, patch: { name: 'Y' } }, 'not_found', /999/],
      ['people.update', { id: ana.id, patch: { introducedById: ana.id } }, 'bad_request', /introduced themself/],
      ['people.get', { id: 12345 }, 'not_found', /12345/],
      ['people.get', { id: -1 }, 'bad_request', /id/],
      ['people.delete', { id: ana.id }, 'conflict', /not archived/],
    ]
    for (const [method, args, code, message] of cases) {
      const error = await fails(backend, method, args)
      expect(error.code, JSON.stringify(args).slice(0, 80)).toBe(code)
      expect(error.message, JSON.stringify(args).slice(0, 80)).toMatch(message)
    }
    expect(await snapshot(backend)).toEqual(before)
  })

  it('archives with undo, and deletes for good only from the archive', async () => {
    const backend = await openTempBackend()
    const ana = await ok(backend, 'people.create', { name: 'Ana' })
    const ben = await ok(backend, 'people.create', { name: 'Ben' })
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 3 })
    await ok(backend, 'interactions.log', { date: '2026-01-01', kind: 'call', people: [ana.id] })
    await ok(backend, 'people.archive', { id: ana.id })
    expect((await ok(backend, 'people.list', {})).people.map((p) => p.name)).toEqual(['Ben'])
    expect((await ok(backend, 'people.list', { archived: true })).people.map((p) => p.name)).toEqual(['Ana'])
    expect(await ok(backend, 'search', { query: 'Ana' })).toEqual([])
    await ok(backend, 'people.unarchive', { id: ana.id })
    expect((await ok(backend, 'people.list', {})).people.map((p) => p.name)).toEqual(['Ana', 'Ben'])
    await ok(backend, 'people.archive', { id: ana.id })
    await ok(backend, 'people.delete', { id: ana.id })
    expect((await fails(backend, 'people.get', { id: ana.id })).code).toBe('not_found')
    expect(await backend.db.selectFrom('relationship').selectAll().execute()).toEqual([])
    expect(await backend.db.selectFrom('interaction').selectAll().execute()).toEqual([])
  })

  it('sets me by name (creating the person) or by id, one me at a time', async () => {
    const backend = await openTempBackend()
    expect(await ok(backend, 'me.get', {})).toBeNull()
    const me = await ok(backend, 'me.set', { name: 'Jordan Avery' })
    expect(await ok(backend, 'me.get', {})).toEqual(me)
    const other = await ok(backend, 'people.create', { name: 'Sam' })
    await ok(backend, 'me.set', { id: other.id })
    expect(await ok(backend, 'me.get', {})).toEqual({ id: other.id, name: 'Sam' })
    const again = await ok(backend, 'me.set', { name: 'jordan avery' })
    expect(again.id).toBe(me.id)
    expect((await fails(backend, 'people.archive', { id: me.id })).message).toMatch(/cannot archive yourself/)
  })

  it('resolves people by id, exact name, alias or email, and lists candidates when a name is ambiguous', async () => {
    const backend = await openTempBackend()
    const ana = await ok(backend, 'people.create', { name: 'Ana Silva', emails: ['ana@acme.example'], aliases: ['Annie'] })
    await ok(backend, 'people.create', { name: 'Ben Okafor', company: 'Acme' })
    await ok(backend, 'people.create', { name: 'Ben Okafor', company: 'Beta', allowDuplicate: true })
    expect(await ok(backend, 'people.resolve', { ref: String(ana.id) })).toEqual({ id: ana.id, name: 'Ana Silva' })
    expect(await ok(backend, 'people.resolve', { ref: 'ana silva' })).toEqual({ id: ana.id, name: 'Ana Silva' })
    expect(await ok(backend, 'people.resolve', { ref: 'ANA@acme.example' })).toEqual({ id: ana.id, name: 'Ana Silva' })
    expect(await ok(backend, 'people.resolve', { ref: 'Annie' })).toEqual({ id: ana.id, name: 'Ana Silva' })
    const ambiguous = await fails(backend, 'people.resolve', { ref: 'Ben Okafor' })
    expect(ambiguous.code).toBe('conflict')
    expect(ambiguous.message).toMatch(/Ben Okafor \(Acme\).*Ben Okafor \(Beta\)/)
    const missing = await fails(backend, 'people.resolve', { ref: 'Ana Slva' })
    expect(missing).toEqual({ code: 'not_found', message: expect.stringMatching(/Did you mean #\d+ Ana Silva/) })
  })

  it('lists people sorted by name, last interaction and strength, filtered by tag and company', async () => {
    const backend = await openTempBackend()
    const me = await ok(backend, 'me.set', { name: 'Me' })
    const ana = await ok(backend, 'people.create', { name: 'Ana', company: 'Acme', tags: ['Design'] })
    const ben = await ok(backend, 'people.create', { name: 'Ben', company: 'acme', tags: ['climate'] })
    const cy = await ok(backend, 'people.create', { name: 'Cy', company: 'Beta', tags: ['design'] })
    await ok(backend, 'relationships.set', { a: me.id, b: ana.id, strength: 2 })
    await ok(backend, 'relationships.set', { a: ben.id, b: me.id, strength: 5 })
    await ok(backend, 'interactions.log', { date: '2026-03-01', kind: 'call', people: [cy.id] })
    await ok(backend, 'interactions.log', { date: '2025-01-01', kind: 'email', people: [ana.id, ben.id] })
    await ok(backend, 'interactions.log', { date: '2026-05-01', kind: 'event', people: [ana.id, ben.id], withMe: false })
    const names = async (args: Parameters<typeof ok<'people.list'>>[2]) => (await ok(backend, 'people.list', args)).people.map((p) => p.name)
    expect(await names({})).toEqual(['Me', 'Ana', 'Ben', 'Cy'].sort())
    expect(await names({ sort: 'lastInteraction', descending: true })).toEqual(['Cy', 'Ana', 'Ben', 'Me'])
    expect(await names({ sort: 'strength', descending: true })).toEqual(['Ben', 'Ana', 'Cy', 'Me'])
    expect(await names({ tag: 'design' })).toEqual(['Ana', 'Cy'])
    expect(await names({ company: 'ACME' })).toEqual(['Ana', 'Ben'])
    const page = await ok(backend, 'people.list', { offset: 1, limit: 2 })
    expect(page).toMatchObject({ total: 4, offset: 1 })
    expect(page.people.map((p) => p.name)).toEqual(['Ben', 'Cy'])
    const facets = await ok(backend, 'people.facets', {})
    expect(facets.tags).toEqual([{ label: 'Design', count: 2 }, { label: 'climate', count: 1 }])
    expect(facets.companies[0]).toEqual({ name: 'Acme', count: 2 })
  })
})
