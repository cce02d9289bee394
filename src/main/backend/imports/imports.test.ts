import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
import { importFile, previewImport } from '../testing/imports'
import { openTempBackend } from '../testing/temp'

const fixture = (name: string): Buffer => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name))
const NOW = new Date('2026-11-22T10:00:00Z')

/** Everything a user could see, as text: every user table, in a fixed order. */
function snapshot(backend: Backend): string {
  const tables = ['person', 'person_email', 'person_label', 'employment', 'relationship', 'interaction', 'interaction_person', 'favor', 'introduction', 'task', 'import_batch', 'import_item']
  return JSON.stringify(
    tables.map((t) => {
      const width = backend.sqlite.prepare(`PRAGMA table_info(${t})`).all().length
      return backend.sqlite.prepare(`SELECT * FROM ${t} ORDER BY ${Array.from({ length: width }, (_, i) => i + 1).join(', ')}`).all()
    }),
  )
}

async function withMe(): Promise<Backend> {
  const backend = await openTempBackend({ now: () => NOW })
  await ok(backend, 'me.set', { name: 'Maya Lindqvist' })
  return backend
}

describe('importing contacts', () => {
  it('previews, then imports LinkedIn connections linked to me and tagged; importing again changes nothing', async () => {
    const backend = await withMe()
    const { preview, result } = await importFile(backend, 'Connections.csv', fixture('linkedin-connections.csv'))
    expect(preview).toMatchObject({
      format: 'linkedin',
      records: 4,
      counts: { new: 3, matches: 0, errors: 1 },
      defaultStrength: 2,
      meSet: true,
      tag: 'import LinkedIn 2026-11-22',
      errors: [{ line: 8, message: 'no name, company or email to file this contact under' }],
    })
    expect(result).toMatchObject({ format: 'linkedin', created: 3, updated: 0, errors: [{ line: 8 }] })

    const ana = (await ok(backend, 'search', { query: 'Ana Silva' }))[0]
    expect(ana?.name).toBe('Ana Silva')
    const detail = await ok(backend, 'people.get', { id: ana?.id ?? 0 })
    expect(detail.tags).toEqual(['import LinkedIn 2026-11-22'])
    expect(detail.relationships).toEqual([expect.objectContaining({ strength: 2, source: 'imported', since: '2024-03-12', contexts: ['LinkedIn'] })])

    const again = await importFile(backend, 'Connections.csv', fixture('linkedin-connections.csv'))
    expect(again.preview.counts).toMatchObject({ new: 0, matches: 3, unchanged: 3 })
    expect(again.result).toMatchObject({ created: 0, updated: 0, skipped: 3 })
    expect((await ok(backend, 'people.list', { limit: 50 })).total).toBe(4)
  })

  it('finds duplicates by email, LinkedIn profile, and name with company, and merges them as decided', async () => {
    const backend = await withMe()
    const byEmail = await ok(backend, 'people.create', { name: 'Benjamin Okafor', emails: ['BEN@okafor.dev'], title: 'Founder' })
    const byProfile = await ok(backend, 'people.create', { name: 'Ana S.', linkedinUrl: 'http://linkedin.com/in/Ana-Silva-42/' })
    const byName = await ok(backend, 'people.create', { name: 'zoe muller', company: 'Cafe Lumiere' })
    const before = snapshot(backend)

    const { preview } = await previewImport(backend, 'Connections.csv', fixture('linkedin-connections.csv'))
    if (preview === null) throw new Error('no preview')
    const matches = Object.fromEntries(preview.matches.map((m) => [m.name, m]))
    expect(matches['Ben Okafor']).toMatchObject({ by: 'email', existing: { id: byEmail.id }, conflicts: [{ field: 'Title', mine: 'Founder', file: 'CTO, co-founder' }] })
    expect(matches['Ana Silva']).toMatchObject({ by: 'linkedin', existing: { id: byProfile.id }, adds: ['Company', 'Title', 'Other name'] })
    expect(matches['Zoë Müller']).toMatchObject({ by: 'name and company', existing: { id: byName.id } })
    expect(snapshot(backend)).toBe(before) // a preview writes nothing

    const result = await ok(backend, 'imports.apply', {
      jobId: preview.jobId,
      strength: 3,
      decisions: [
        { index: matches['Ben Okafor']?.index ?? -1, action: 'merge', prefer: 'file' },
        { index: matches['Ana Silva']?.index ?? -1, action: 'merge' },
        { index: matches['Zoë Müller']?.index ?? -1, action: 'new' },
      ],
    })
    expect(result).toMatchObject({ created: 1, updated: 2 })
    const ben = await ok(backend, 'people.get', { id: byEmail.id })
    expect(ben).toMatchObject({ name: 'Benjamin Okafor', title: 'CTO, co-founder', company: 'Northwind', aliases: ['Ben Okafor'] })
    const ana = await ok(backend, 'people.get', { id: byProfile.id })
    expect(ana).toMatchObject({ company: 'Acme, Inc.', title: 'Head of Growth', linkedinUrl: 'http://linkedin.com/in/Ana-Silva-42/' })
    expect(ana.tags).toContain('import LinkedIn 2026-11-22')
    expect(ana.relationships).toEqual([expect.objectContaining({ strength: 3 })])
    expect((await ok(backend, 'people.list', { limit: 50 })).total).toBe(5)

    // Undo: the new person goes, the merged two are as they were.
    const [batch] = await ok(backend, 'imports.list', {})
    expect(batch).toMatchObject({ fileName: 'Connections.csv', created: 1, updated: 2, undoneAt: null })
    const undone = await ok(backend, 'imports.undo', { id: batch?.id ?? 0 })
    expect(undone).toMatchObject({ peopleDeleted: 1, peopleRestored: 2, relationshipsDeleted: 3 })
    expect(undone.backup).toMatch(/^kith-.*-pre-undo\.sqlite$/)
    expect(fs.existsSync(path.join(backend.backupDir, undone.backup))).toBe(true)
    const after = await ok(backend, 'people.get', { id: byEmail.id })
    expect(after).toMatchObject({ title: 'Founder', company: null, aliases: [], tags: [] })
    expect(await ok(backend, 'people.get', { id: byProfile.id })).toMatchObject({ company: null, title: null, tags: [], relationships: [] })
    expect((await ok(backend, 'people.list', { limit: 50 })).total).toBe(4)
    expect((await fails(backend, 'imports.undo', { id: batch?.id ?? 0 })).message).toMatch(/already undone/)
  })

  it('undo keeps later edits by hand', async () => {
    const backend = await withMe()
    const carla = await ok(backend, 'people.create', { name: 'Carla Reyes', emails: ['carla@reyes.io'] })
    await importFile(backend, 'old.csv', fixture('linkedin-old.csv'))
    await ok(backend, 'people.update', { id: carla.id, patch: { title: 'Managing Partner' } })
    const [batch] = await ok(backend, 'imports.list', {})
    await ok(backend, 'imports.undo', { id: batch?.id ?? 0 })
    // The import set company (still its value: taken back) and title (edited since: kept).
    expect(await ok(backend, 'people.get', { id: carla.id })).toMatchObject({ company: null, title: 'Managing Partner' })
  })

  it('undo keeps the people it added who have more since (an introduction, an interaction logged by hand), without its tag', async () => {
    const backend = await withMe()
    const me = await ok(backend, 'me.get', {})
    const vera = await ok(backend, 'people.create', { name: 'Vera Walsh' })
    await importFile(backend, 'Connections.csv', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZara,Lindqvist,,zara@example.com,Acme,CTO,12 Mar 2024\nTom,Becker,,tom@example.com,Beta,CEO,1 Feb 2024\nIda,Noor,,ida@example.com,Gamma,CFO,3 Jan 2024\n')
    const find = async (name: string) => (await ok(backend, 'search', { query: name }))[0]?.id ?? 0
    const [zara, tom, ida] = [await find('Zara Lindqvist'), await find('Tom Becker'), await find('Ida Noor')]
    // Zara is asked for an introduction; Tom had coffee with the user; Ida is as the import left her.
    await ok(backend, 'relationships.set', { a: zara, b: vera.id, strength: 4 })
    const ask = await ok(backend, 'introductions.request', { path: [me?.id ?? 0, zara, vera.id] })
    await ok(backend, 'interactions.log', { date: '2026-11-20', kind: 'meeting', people: [tom] })
    const [batch] = await ok(backend, 'imports.list', {})
    const undone = await ok(backend, 'imports.undo', { id: batch?.id ?? 0 })
    expect(undone.peopleDeleted).toBe(1)
    expect(undone.peopleKept.map((k) => [k.name, k.why]).sort()).toEqual([
      ['Tom Becker', 'an interaction logged since'],
      ['Zara Lindqvist', 'a relationship entered by hand'],
    ])
    expect((await fails(backend, 'people.get', { id: ida })).code).toBe('not_found')
    const kept = await ok(backend, 'people.get', { id: zara })
    expect(kept.tags).toEqual([])
    // She is kept whole: the ask goes through her tie to me.
    expect(kept.relationships.map((r) => r.other.name).sort()).toEqual(['Maya Lindqvist', 'Vera Walsh'])
    expect((await ok(backend, 'introductions.get', { id: ask.id })).title).toBe('Ask Zara Lindqvist to introduce you to Vera Walsh')
  })

  it('undo leaves someone added by hand under the id of a person the import created and the user deleted since', async () => {
    const backend = await withMe()
    const me = await ok(backend, 'me.get', {})
    await importFile(backend, 'Connections.csv', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZara,Lindqvist,,zara@example.com,Acme,CTO,12 Mar 2024\n')
    const zara = (await ok(backend, 'search', { query: 'Zara Lindqvist' }))[0]
    if (zara === undefined) throw new Error('the import created no one')
    await ok(backend, 'people.archive', { id: zara.id })
    await ok(backend, 'people.delete', { id: zara.id })
    const wanda = await ok(backend, 'people.create', { name: 'Wanda New' })
    await ok(backend, 'relationships.set', { a: me?.id ?? 0, b: wanda.id, strength: 5 })
    // SQLite gave her the id just freed: the case that used to delete her.
    expect(wanda.id).toBe(zara.id)

    const [batch] = await ok(backend, 'imports.list', {})
    expect(await ok(backend, 'imports.undo', { id: batch?.id ?? 0 })).toMatchObject({ peopleDeleted: 0, relationshipsDeleted: 0 })
    expect(await ok(backend, 'people.get', { id: wanda.id })).toMatchObject({ name: 'Wanda New', relationships: [expect.objectContaining({ strength: 5 })] })
  })

  it('imports a relationship sheet: people found by email or name, missing ones created, a known pair updated', async () => {
    const backend = await withMe()
    const ana = await ok(backend, 'people.create', { name: 'Ana Silva' })
    const ben = await ok(backend, 'people.create', { name: 'Ben Okafor', emails: ['ben@okafor.dev'] })
    await ok(backend, 'relationships.set', { a: ana.id, b: ben.id, strength: 2, contexts: ['Acme'] })
    const { preview, result } = await importFile(backend, 'who-knows-whom.csv', fixture('relationships.csv'))
    expect(preview.counts).toMatchObject({ relationshipsNew: 2, relationshipsUpdated: 1, peopleCreatedForRelationships: 2, errors: 4 })
    expect(preview.errors.map((e) => e.line)).toEqual([5, 6, 7, 8])
    expect(result).toMatchObject({ relationshipsCreated: 2, relationshipsUpdated: 1 })
    const detail = await ok(backend, 'people.get', { id: ana.id })
    expect(detail.relationships).toEqual([expect.objectContaining({ strength: 4, kind: 'colleague', contexts: ['Acme', 'Worked together at Acme'] })])
    const hana = (await ok(backend, 'search', { query: 'Hana Sato' }))[0]
    const hanaDetail = await ok(backend, 'people.get', { id: hana?.id ?? 0 })
    expect(hanaDetail.tags).toEqual(['import sheet 2026-11-22'])
    expect(hanaDetail.relationships.map((r) => [r.other.name, r.strength]).sort()).toEqual([['Ben Okafor', 3], ['ivan', 2]])

    const [batch] = await ok(backend, 'imports.list', {})
    await ok(backend, 'imports.undo', { id: batch?.id ?? 0 })
    expect((await ok(backend, 'people.get', { id: ana.id })).relationships).toEqual([expect.objectContaining({ strength: 2, kind: 'other', contexts: ['Acme'] })])
    expect((await ok(backend, 'people.list', { limit: 50 })).total).toBe(3)
  })

  it('changes nothing when a file is malformed, in every format', async () => {
    const backend = await withMe()
    await importFile(backend, 'Connections.csv', fixture('linkedin-connections.csv'))
    const before = snapshot(backend)
    const bad: [string, string][] = [
      ['linkedin.csv', 'First Name,Last Name,Email Address,Company,Position,Connected On\nAna,"Silva,,,,\n'],
      ['google.csv', 'First Name,Last Name,Labels,E-mail 1 - Value\nAna,"Si"lva,,\n'],
      ['contacts.vcf', 'BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n'],
      ['sheet.csv', 'person_a,person_b\nA,B\n'],
      ['kith.json', '{"format": "kith", "version": 1,\n "schemaVersion": 6, "tables": {\n'],
    ]
    for (const [name, content] of bad) {
      const { preview, error } = await previewImport(backend, name, content)
      expect(preview, name).toBeNull()
      expect(error, name).toMatch(/line|column/i)
    }
    expect(snapshot(backend)).toBe(before)
  })
})

describe('a large import', () => {
  it('reports progress while it writes, and other calls wait for it rather than see half of it', async () => {
    const backend = await withMe()
    const rows = ['First Name,Last Name,Email Address,Company,Position,Connected On']
    for (let i = 0; i < 12_000; i++) rows.push(`Person,Number ${i},p${i}@example.com,Co,Role,1 Jan 2020`)
    const { preview } = await previewImport(backend, 'big.csv', rows.join('\n'))
    if (preview === null) throw new Error('no preview')
    const applying = ok(backend, 'imports.apply', { jobId: preview.jobId, strength: 2, decisions: [] })
    const state = { settled: false }
    const isSettled = (): boolean => state.settled
    void applying.then(() => (state.settled = true))
    // Progress is readable mid-way...
    let seen = 0
    for (let i = 0; i < 100 && !isSettled(); i++) {
      await new Promise((resolve) => setImmediate(resolve))
      const job = await ok(backend, 'imports.job', { jobId: preview.jobId })
      if (job.phase === 'applying' && job.progress > 0 && job.progress < 1) seen = job.progress
    }
    expect(seen).toBeGreaterThan(0)
    // ...while a read issued now waits for the whole import.
    const list = await ok(backend, 'people.list', { limit: 1 })
    expect(isSettled()).toBe(true)
    expect(list.total).toBe(12_001)
    expect((await applying).created).toBe(12_000)
  })
})

describe('Kith JSON', () => {
  it('round-trips: export, import into an empty data folder, export again gives the same file', async () => {
    const source = await openTempBackend({ now: () => NOW })
    await ok(source, 'demo.load', {})
    const first = await ok(source, 'export.create', { format: 'json' })
    expect(first.people).toBe(200)
    const target = await openTempBackend({ now: () => NOW })
    const { result } = await importFile(target, first.fileName, first.content)
    expect(result).toMatchObject({ format: 'json', created: 200 })
    const second = await ok(target, 'export.create', { format: 'json' })
    expect(second.content).toBe(first.content)
    // And the app reads it: paths and introductions are all there.
    expect((await ok(target, 'introductions.list', {})).length).toBe((await ok(source, 'introductions.list', {})).length)
    // Undone, it is all taken back (its relationships and favors are its own, not "added since"), but for "me".
    const [batch] = await ok(target, 'imports.list', {})
    const undone = await ok(target, 'imports.undo', { id: batch?.id ?? 0 })
    expect(undone).toMatchObject({ peopleDeleted: 199, peopleKept: [] })
    expect((await ok(target, 'people.list', { limit: 50 })).people.map((p) => p.isMe)).toEqual([true])
  })

  it('refuses an export into a data folder that has people, and bad rows by table and position, writing nothing', async () => {
    const source = await openTempBackend({ now: () => NOW })
    await ok(source, 'demo.load', {})
    const { content } = await ok(source, 'export.create', { format: 'json' })
    expect((await previewImport(source, 'kith.json', content)).error).toMatch(/already has people/)

    const target = await openTempBackend({ now: () => NOW })
    const doc = JSON.parse(content) as { tables: Record<string, Record<string, unknown>[]> }
    const rows = doc.tables.relationship ?? []
    const bent = { ...doc, tables: { ...doc.tables, relationship: [...rows, { ...rows[0], id: 99_999, strength: 9 }] } }
    const { preview } = await previewImport(target, 'kith.json', JSON.stringify(bent))
    const applied = await target.dispatch('imports.apply', { jobId: preview?.jobId, strength: null, decisions: [] })
    expect(applied).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^tables\.relationship\[\d+\]: CHECK constraint failed/) } })
    // The refused file stays open at its preview until it is cancelled: one import at a time.
    await ok(target, 'imports.cancel', { jobId: preview?.jobId ?? '' })
    const unknown = { ...doc, tables: { person: [{ id: 1, name: 'A', created_at: 'x', updated_at: 'x', shoe_size: 44 }] } }
    const second = await previewImport(target, 'kith.json', JSON.stringify(unknown))
    expect((await target.dispatch('imports.apply', { jobId: second.preview?.jobId, strength: null, decisions: [] })).ok).toBe(false)
    expect(target.sqlite.prepare('SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM import_batch) AS n').get()).toEqual({ n: 0 })
  })
})

describe('exports', () => {
  it('neutralises formulas in CSV: every cell quoted, a leading = + - @ tab CR or LF gets an apostrophe', async () => {
    const backend = await withMe()
    const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|calc', '-2+3', '@SUM(A1)', '\tTab', '\rCR', '\nLF']
    const ids: number[] = []
    for (const i of hostile.keys()) ids.push((await ok(backend, 'people.create', { name: `Person ${i}`, company: i === 0 ? '=1+1' : null })).id)
    // Set as stored (the form trims a leading tab or newline, an older file might not have).
    hostile.forEach((text, i) => backend.sqlite.prepare('UPDATE person SET notes = ? WHERE id = ?').run(text, ids[i]))
    const { content, mimeType } = await ok(backend, 'export.create', { format: 'csv' })
    expect(mimeType).toBe('text/csv')
    const rows = parse<Record<string, string>>(content, { bom: true, columns: true })
    // A lone CR inside a cell is written as LF (one kind of line break in cells).
    expect(rows.filter((r) => r.Name?.startsWith('Person')).map((r) => r.Notes)).toEqual(hostile.map((h) => `'${h.replace('\r', '\n')}`))
    expect(rows.find((r) => r.Name === 'Person 0')?.Company).toBe("'=1+1")
    expect(rows.find((r) => r.Name === 'Maya Lindqvist')?.Notes).toBe('')
    // Every cell is quoted, so no line starts with a bare formula character.
    for (const line of content.replace(/^\uFEFF/, '').split(/\r\n(?=")/)) expect(line === '' || line.startsWith('"')).toBe(true)
  })

  it('writes vCard 3.0 that Kith reads back the same', async () => {
    const backend = await withMe()
    await importFile(backend, 'google.csv', fixture('google-current.csv'))
    const { content } = await ok(backend, 'export.create', { format: 'vcard' })
    expect(content).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/)
    for (const line of content.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    const target = await openTempBackend({ now: () => NOW })
    await importFile(target, 'kith.vcf', content)
    const elena = (await ok(target, 'search', { query: 'Elena Vasquez' }))[0]
    expect(await ok(target, 'people.get', { id: elena?.id ?? 0 })).toMatchObject({
      emails: ['elena@umbrella.example', 'elena.v@gmail.com', 'lena@home.example'],
      phones: ['+1 415 555 0101', '+1 415 555 0102'],
      aliases: ['Lena'],
      company: 'Umbrella Labs',
      title: 'VP Engineering',
      birthday: '--03-14',
      location: 'Lisbon, Portugal',
      notes: 'Met at the climate summit, 2023',
      linkedinUrl: 'https://www.linkedin.com/in/elena-vasquez',
    })
  })
})
