import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { ok } from '../testing/call'
import { importFile, previewImport } from '../testing/imports'
import { editOutsideKith, openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-22T10:00:00Z')

/** Every character that can end a line somewhere, by name. */
const BREAKS: [string, string][] = [
  ['CR', '\r'],
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['NEL', '\u0085'],
  ['LINE SEPARATOR', '\u2028'],
  ['PARAGRAPH SEPARATOR', '\u2029'],
]

/** A small Kith JSON export with one person, changed by `edit`. */
async function kithJson(edit: (tables: Record<string, Record<string, unknown>[]>) => void): Promise<string> {
  const source = await openTempBackend({ now: () => NOW })
  await ok(source, 'people.create', { name: 'Ana Silva', aliases: ['Annie'], emails: ['ana@acme.example'], company: 'Acme' })
  await ok(source, 'people.create', { name: 'Ben Okafor', emails: ['ben@beta.example'] })
  const doc = JSON.parse((await ok(source, 'export.create', { format: 'json' })).content) as { tables: Record<string, Record<string, unknown>[]> }
  edit(doc.tables)
  return JSON.stringify(doc)
}

const personRow = (tables: Record<string, Record<string, unknown>[]>, name: string): Record<string, unknown> => {
  const row = tables.person?.find((p) => p.name === name)
  if (row === undefined) throw new Error(`no ${name} in the export`)
  return row
}

async function searchNames(backend: Backend, query: string): Promise<string[]> {
  return (await ok(backend, 'search', { query })).map((h) => h.name)
}

describe('exports escape every line break', () => {
  it('vCard: a name holding any line break stays on its own line, as \\n', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    for (const [what, br] of BREAKS) await ok(backend, 'people.create', { name: `Ana${br}EMAIL:spy@evil.example ${what}`, company: `Acme${br}X-INJECTED:1` })
    const { content } = await ok(backend, 'export.create', { format: 'vcard' })
    const lines = content.split('\r\n')
    // Every line is a property (or a folded continuation), and none was started by a value.
    for (const line of lines) expect(/[\r\n\u0085\u2028\u2029]/.test(line), JSON.stringify(line)).toBe(false)
    expect(lines.filter((l) => l.startsWith('EMAIL') || l.startsWith('X-INJECTED'))).toEqual([])
    for (const [what] of BREAKS) expect(content).toContain(`FN:Ana\\nEMAIL:spy@evil.example ${what}`)
    // And Kith reads it back as six people, none with an email.
    const target = await openTempBackend({ now: () => NOW })
    const { preview } = await importFile(target, 'kith.vcf', content)
    expect(preview.counts.new).toBe(BREAKS.length)
    expect(target.sqlite.prepare('SELECT count(*) AS n FROM person_email').get()).toEqual({ n: 0 })
  })

  it('CSV: each person stays one row, whatever line breaks their name holds', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    for (const [what, br] of BREAKS) await ok(backend, 'people.create', { name: `Ana${br}${what}` })
    const { content } = await ok(backend, 'export.create', { format: 'csv' })
    expect(/[\u0085\u2028\u2029]/.test(content)).toBe(false)
    expect(/\r(?!\n)/.test(content)).toBe(false)
    const rows = parse<Record<string, string>>(content, { bom: true, columns: true })
    expect(rows.map((r) => r.Name).sort()).toEqual(BREAKS.map(([what]) => `Ana\n${what}`).sort())
  })
})

describe('JSON columns read through their schemas', () => {
  it('refuses a Kith JSON whose aliases are not a list of names, before anything is written', async () => {
    const content = await kithJson((tables) => {
      personRow(tables, 'Ana Silva').aliases = '{"a":1}'
    })
    const target = await openTempBackend({ now: () => NOW })
    const { preview, error } = await previewImport(target, 'kith.json', content)
    expect(preview).toBeNull()
    expect(error).toMatch(/^tables\.person\[\d\]\.aliases does not have the expected shape.*Nothing was imported\.$/)
    expect(target.sqlite.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 0 })
    // Search works in the empty folder, and after a good import.
    expect(await searchNames(target, 'Ana')).toEqual([])
    await importFile(target, 'kith.json', await kithJson(() => undefined))
    expect(await searchNames(target, 'Annie')).toEqual(['Ana Silva'])
  })

  it('works out the normal forms of labels and emails again instead of trusting the file', async () => {
    const content = await kithJson((tables) => {
      const ana = personRow(tables, 'Ana Silva').id
      tables.person_label = [
        { person_id: ana, kind: 'need', label: 'Seed  Investors', label_norm: 'zzz', position: 0 },
        { person_id: ana, kind: 'need', label: 'seed investors ', label_norm: 'other', position: 1 },
        { person_id: ana, kind: 'tag', label: 'Climate', label_norm: 'weather', position: 0 },
      ]
      for (const row of tables.person_email ?? []) row.email_norm = 'nobody@nowhere.example'
    })
    const target = await openTempBackend({ now: () => NOW })
    const { preview, error } = await previewImport(target, 'kith.json', content)
    expect(error).toBeNull()
    expect(preview?.warnings.map((p) => p.message)).toEqual(['tables.person_label[1]: "seed investors " is the same as one before it for this person; left out'])
    if (preview === null) throw new Error('no preview')
    await ok(target, 'imports.apply', { jobId: preview.jobId, strength: preview.defaultStrength, decisions: [] })
    expect(target.sqlite.prepare('SELECT kind, label, label_norm FROM person_label ORDER BY kind').all()).toEqual([
      { kind: 'need', label: 'Seed  Investors', label_norm: 'seed investors' },
      { kind: 'tag', label: 'Climate', label_norm: 'climate' },
    ])
    expect(target.sqlite.prepare('SELECT email_norm FROM person_email ORDER BY email_norm').pluck().all()).toEqual(['ana@acme.example', 'ben@beta.example'])
    // Tags are found by their normal form.
    expect((await ok(target, 'people.list', { tag: 'CLIMATE' })).people.map((p) => p.name)).toEqual(['Ana Silva'])
  })

  it('refuses a Kith JSON whose settings do not fit, and doctor names a stored setting that does not', async () => {
    const content = await kithJson((tables) => {
      tables.setting = [{ key: 'weekly', value: '"x"' }]
    })
    const target = await openTempBackend({ now: () => NOW })
    const { preview, error } = await previewImport(target, 'kith.json', content)
    expect(preview).toBeNull()
    expect(error).toMatch(/^tables\.setting\[0\]\.value does not have the expected shape.*Nothing was imported\.$/)

    expect((await ok(target, 'doctor', {})).storedValueProblems).toEqual([])
    target.sqlite.prepare("INSERT INTO setting (key, value) VALUES ('suggestions', ?)").run('{"interests":5}')
    expect((await ok(target, 'doctor', {})).storedValueProblems).toEqual([
      { table: 'setting', column: 'value', rowid: expect.any(Number), problem: expect.stringMatching(/^does not have the expected shape/) },
    ])
  })

  it('a damaged aliases row in the database does not break search, lists or the person page, and doctor names it', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const ana = await ok(backend, 'people.create', { name: 'Ana Silva', aliases: ['Annie'] })
    const ben = await ok(backend, 'people.create', { name: 'Ben Okafor' })
    expect((await ok(backend, 'doctor', {})).storedValueProblems).toEqual([])
    editOutsideKith(backend, (db) => {
      db.prepare('UPDATE person SET aliases = ? WHERE id = ?').run('{"a":1}', ana.id)
      // Not even JSON: written past the column's check, as a damaged file could hold it.
      db.pragma('ignore_check_constraints = ON')
      db.prepare('UPDATE person SET aliases = ? WHERE id = ?').run('[not json', ben.id)
    })

    expect(await searchNames(backend, 'Ana')).toEqual(['Ana Silva'])
    expect(await searchNames(backend, 'Ben')).toEqual(['Ben Okafor'])
    expect((await ok(backend, 'people.list', { limit: 10 })).total).toBe(2)
    expect((await ok(backend, 'people.get', { id: ana.id })).aliases).toEqual([])

    const report = await ok(backend, 'doctor', {})
    expect(report.ok).toBe(false)
    expect(report.storedValueProblems).toEqual([
      { table: 'person', column: 'aliases', rowid: ana.id, problem: expect.stringMatching(/^does not have the expected shape/) },
      { table: 'person', column: 'aliases', rowid: ben.id, problem: 'is not valid JSON' },
    ])
  })

  it('doctor lists a stored email that is not an address, and the person page still opens', async () => {
    const backend = await openTempBackend({ now: () => NOW })
    const ana = await ok(backend, 'people.create', { name: 'Ana Silva', emails: ['ana@acme.example'] })
    backend.sqlite.prepare('UPDATE person_email SET email = ? WHERE person_id = ?').run('a@b.co?bcc=spy%40evil.example&subject=Hi', ana.id)
    expect((await ok(backend, 'people.get', { id: ana.id })).emails).toEqual(['a@b.co?bcc=spy%40evil.example&subject=Hi'])
    const report = await ok(backend, 'doctor', {})
    expect(report.ok).toBe(false)
    expect(report.storedValueProblems).toEqual([
      { table: 'person_email', column: 'email', rowid: ana.id, problem: expect.stringContaining(`person ${ana.id} has "a@b.co?bcc=spy%40evil.example&subject=Hi", which is not an email address`) },
    ])
  })
})

describe('Kith JSON values', () => {
  it('leaves out an email that is not an address, says so in the preview, and keeps the person', async () => {
    const content = await kithJson((tables) => {
      const ana = personRow(tables, 'Ana Silva')
      const email = tables.person_email?.find((e) => e.person_id === ana.id)
      if (email !== undefined) email.email = 'a@b.co?bcc=spy%40evil.example&subject=Hi'
    })
    const target = await openTempBackend({ now: () => NOW })
    const { preview } = await importFile(target, 'kith.json', content)
    expect(preview.warnings).toEqual([{ line: 1, message: 'tables.person_email[0]: "a@b.co?bcc=spy%40evil.example&subject=Hi" is not an email address; left out' }])
    const hit = (await ok(target, 'search', { query: 'Ana Silva' }))[0]
    expect(await ok(target, 'people.get', { id: hit?.id ?? 0 })).toMatchObject({ name: 'Ana Silva', company: 'Acme', aliases: ['Annie'], emails: [] })
    expect((await ok(target, 'doctor', {})).storedValueProblems).toEqual([])
  })

  it('stores a lone surrogate in a name as U+FFFD', async () => {
    const content = (await kithJson(() => undefined)).replace('"Ana Silva"', '"Ana \\ud800Silva"')
    const target = await openTempBackend({ now: () => NOW })
    await importFile(target, 'kith.json', content)
    expect(target.sqlite.prepare("SELECT name FROM person WHERE name LIKE 'Ana%'").pluck().get()).toBe('Ana \uFFFDSilva')
  })
})
