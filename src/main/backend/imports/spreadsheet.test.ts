/**
 * Contact spreadsheets: a CRM's or a shared sheet's own columns, read into
 * people, and the same through dispatch (preview, import, history, undo).
 */
import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { ok } from '../testing/call'
import { importFile, previewImport } from '../testing/imports'
import { openTempBackend } from '../testing/temp'
import { parseFile } from './parse'
import type { ImportedPerson } from './person-record'

const NOW = new Date('2026-11-30T10:00:00Z')

async function read(text: string | Uint8Array, format: 'csv' | null = null): Promise<{ people: ImportedPerson[]; warnings: string[]; format: string; notes: string[] }> {
  const parsed = await parseFile(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, format)
  if (parsed.kind !== 'contacts') throw new Error('not contacts')
  return { people: parsed.read.people, warnings: parsed.read.warnings.map((w) => `${w.line}: ${w.message}`), format: parsed.read.format, notes: parsed.notes }
}

async function refusal(text: string, format: 'csv' | null = null): Promise<string> {
  try {
    await parseFile(Buffer.from(text, 'utf8'), format)
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
  return 'read without complaint'
}

describe('a contacts spreadsheet', () => {
  it('reads the plainest sheet, Name, Company and Email, without being told what it is', async () => {
    const { people, format, warnings } = await read('Name,Company,Email\nAna Silva,Acme,ana@acme.example\nBen Okafor,Northwind,ben@northwind.example\n')
    expect(format).toBe('csv')
    expect(warnings).toEqual([])
    expect(people.map((p) => [p.name, p.company, p.emails])).toEqual([
      ['Ana Silva', 'Acme', ['ana@acme.example']],
      ['Ben Okafor', 'Northwind', ['ben@northwind.example']],
    ])
  })

  it('reads a CRM export: first and last name, every email and phone column, LinkedIn, place, tags and notes', async () => {
    const sheet = [
      'First Name,Last Name,Job Title,Organization,Work Email,Email (personal),Email Opt Out,Mobile Phone,Phone Type,LinkedIn URL,City,Country,Tags,Notes',
      'Grace,Kim,Partner,Seedling Ventures,grace@seedling.example,"grace.kim@mail.example; gk@mail.example",false,+1 415 555 0101,mobile,https://www.linkedin.com/in/grace-kim,San Francisco,USA,"investor, fintech",Met at demo day',
    ].join('\n')
    const { people, warnings } = await read(sheet)
    expect(warnings).toEqual([])
    expect(people[0]).toMatchObject({
      name: 'Grace Kim',
      title: 'Partner',
      company: 'Seedling Ventures',
      emails: ['grace@seedling.example', 'grace.kim@mail.example', 'gk@mail.example'],
      phones: ['+1 415 555 0101'],
      linkedinUrl: 'https://www.linkedin.com/in/grace-kim',
      location: 'San Francisco, USA',
      tags: ['investor', 'fintech'],
      notes: 'Met at demo day',
    })
  })

  it('reads a German Excel sheet: semicolons, Windows-1252, its own column names, a name last name first', async () => {
    const sheet = Buffer.from('Name;E-Mail;Firma;Telefon;Ort\r\n"M\xfcller, J\xfcrgen";jm@beispiel.example;Gr\xfcn GmbH;+49 30 1234567;Berlin\r\n', 'latin1')
    const { people, warnings } = await read(sheet)
    expect(people[0]).toMatchObject({ name: 'Jürgen Müller', emails: ['jm@beispiel.example'], company: 'Grün GmbH', phones: ['+49 30 1234567'], location: 'Berlin' })
    expect(warnings).toEqual(['2: the name "Müller, Jürgen" is last name first; read as "Jürgen Müller"'])
  })

  it('reads a tab-separated sheet', async () => {
    const { people } = await read('Full Name\tCompany\tTitle\nCarmen Diaz\tJuniper Robotics\tFounder\n')
    expect(people[0]).toMatchObject({ name: 'Carmen Diaz', company: 'Juniper Robotics', title: 'Founder' })
  })

  it('takes a sheet with a Name column alone for contacts only when told, and says what a sheet without a name lacks', async () => {
    expect(await refusal('Name\nAna Silva\n')).toMatch(/^Kith cannot tell what kind of file this is\. Its first line is "Name"\. .*contact spreadsheets \(a Name column/)
    expect((await read('Name\nAna Silva\n', 'csv')).people.map((p) => p.name)).toEqual(['Ana Silva'])
    expect(await refusal('Product,Price\nWidget,3\n', 'csv')).toBe('This spreadsheet has no column for the name: its first line is "Product, Price". Kith needs a column called Name or Full Name, or First Name and Last Name.')
    // A sheet of anything else that has a Name column and nothing Kith reads is not taken for contacts.
    expect(await refusal('Name,Price,Stock\nWidget,3,10\n')).toMatch(/^Kith cannot tell what kind of file this is/)
  })

  it('is not taken for a LinkedIn or Google file when it only looks like one, and theirs are still theirs', async () => {
    const crm = await read('First Name,Last Name,Email,Position,Phone,Email Opt Out,Lead Status\nAna,Silva,ana@acme.example,CEO,+1 555 0100,false,New\n')
    expect(crm.notes).toEqual(['Columns Kith does not read, left out: Email Opt Out, Lead Status.'])
    expect(crm.format).toBe('csv')
    expect(crm.people[0]).toMatchObject({ name: 'Ana Silva', emails: ['ana@acme.example'], phones: ['+1 555 0100'], title: 'CEO' })
    const labelled = await read('First Name,Last Name,Email,Labels\nAna,Silva,ana@acme.example,investor\n')
    expect(labelled.format).toBe('csv')
    expect(labelled.people[0]).toMatchObject({ emails: ['ana@acme.example'], tags: ['investor'] })
    expect((await read('First Name,Last Name,Email Address,Company,Position,Connected On\nAna,Silva,,Acme,CEO,12 Mar 2024\n')).format).toBe('linkedin')
    // Google's own export, even split by semicolons, is Google's.
    const google = await read('First Name;Last Name;File As;E-mail 1 - Label;E-mail 1 - Value\nAna;Silva;;* Work;ana@acme.example\n')
    expect(google.format).toBe('google')
    expect(google.people[0]?.emails).toEqual(['ana@acme.example'])
  })

  it('takes the job title over a form of address, a whole name over a first name, and addresses as mail programs write them', async () => {
    const { people } = await read('Full Name,First Name,Title,Job Title,Emails\nAna Silva,Ana,Ms.,CEO,"Ana Silva <ana@acme.example>, ana.silva@mail.example"\nBen Okafor,Ben,Dr.,,\n')
    expect(people[0]).toMatchObject({ name: 'Ana Silva', title: 'CEO', emails: ['ana@acme.example', 'ana.silva@mail.example'] })
    expect(people[1]).toMatchObject({ name: 'Ben Okafor', title: null })
  })

  it('finds its header under a line of its own, whatever separates the columns', async () => {
    expect((await read('Kontakte\nName;E-Mail\nAna Silva;ana@acme.example\n')).people[0]).toMatchObject({ name: 'Ana Silva', emails: ['ana@acme.example'] })
    expect((await read('Export; 2024-01-01\nName,Email\nAna Silva,ana@acme.example\n')).people[0]).toMatchObject({ name: 'Ana Silva', emails: ['ana@acme.example'] })
  })

  it('does not take a sheet of anything else with a Name and a Category for contacts', async () => {
    expect(await refusal('Name,Category,Price\nWidget,tools,3\n')).toMatch(/^Kith cannot tell what kind of file this is/)
  })

  it('says so when a row with no name is filed under its company or address', async () => {
    const { people, warnings } = await read('Name,Company,Email\n,Acme,a1@acme.example\n,,b2@x.example\n,,\n')
    expect(people.map((p) => p.name)).toEqual(['Acme', 'b2@x.example'])
    expect(warnings).toEqual(['2: no name; filed under "Acme"', '3: no name; filed under "b2@x.example"'])
  })

  it('says which values on which line are left out', async () => {
    const { people, warnings } = await read('Name,Email,Website\nAna Silva,not-an-address,ftp://x\n,,\nDev Varga,dev@varga.example,https://varga.example,extra\n')
    expect(people.map((p) => p.name)).toEqual(['Ana Silva', 'Dev Varga'])
    expect(warnings).toEqual([
      '2: "not-an-address" is not an email address; left out',
      '2: "ftp://x" is not a web address; left out',
      '4: the row has 4 fields where the header has 3; the 1 past the last column are left out',
    ])
  })
})

describe('a contacts spreadsheet through the app', () => {
  async function withMe(): Promise<Backend> {
    const backend = await openTempBackend({ now: () => NOW })
    await ok(backend, 'me.set', { name: 'Me' })
    return backend
  }

  it('previews, imports, is listed as a spreadsheet and is undone whole', async () => {
    const backend = await withMe()
    const file = 'Name,Company,Email\nAna Silva,Acme,ana@acme.example\nBen Okafor,Northwind,ben@northwind.example\n'
    const { preview, result } = await importFile(backend, 'crm-export.csv', file)
    expect(preview).toMatchObject({ format: 'csv', records: 2, tag: 'import spreadsheet 2026-11-30', defaultStrength: 2 })
    expect(preview.counts).toMatchObject({ new: 2, matches: 0, errors: 0 })
    expect(result).toMatchObject({ format: 'csv', created: 2 })
    const people = (await ok(backend, 'people.list', {})).people
    const ana = await ok(backend, 'people.get', { id: people.find((p) => p.name === 'Ana Silva')?.id ?? 0 })
    expect(ana).toMatchObject({ company: 'Acme', emails: ['ana@acme.example'], tags: ['import spreadsheet 2026-11-30'] })
    expect(ana.relationships).toEqual([expect.objectContaining({ strength: 2 })])

    const [batch] = await ok(backend, 'imports.list', {})
    expect(batch).toMatchObject({ format: 'csv', fileName: 'crm-export.csv', created: 2 })
    await ok(backend, 'imports.undo', { id: batch?.id ?? 0 })
    expect((await ok(backend, 'people.list', {})).people.map((p) => p.name)).toEqual(['Me'])
    await backend.close()
  })

  it('tags each import of the day apart, so the people of each are found by its tag alone', async () => {
    const backend = await withMe()
    await importFile(backend, 'a.csv', 'Name,Email\nAna Silva,ana@acme.example\n')
    const second = await importFile(backend, 'b.csv', 'Name,Email\nBen Okafor,ben@beta.example\n')
    expect(second.preview.tag).toBe('import spreadsheet 2026-11-30 (2)')
    const tagged = await ok(backend, 'people.list', { tag: 'import spreadsheet 2026-11-30 (2)' })
    expect(tagged.people.map((p) => p.name)).toEqual(['Ben Okafor'])
    await backend.close()
  })

  it('matches a row to the person already in Kith by email', async () => {
    const backend = await withMe()
    await importFile(backend, 'first.csv', 'Name,Email\nAna Silva,ana@acme.example\n', { format: 'csv' })
    const { preview } = await previewImport(backend, 'second.csv', 'Name;Email;Title\nAna S.;ANA@acme.example;CEO\n')
    expect(preview?.counts).toMatchObject({ new: 0, matches: 1 })
    await backend.close()
  })
})
