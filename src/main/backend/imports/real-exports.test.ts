/**
 * Contact files as other programs really write them: a stray line before the
 * first vCard, Apple's year 1604, Android's and Google's system groups,
 * Outlook's CSV in English, German, French and the DOS layout, and names
 * written last name first. What the user would see in the preview.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFile } from './parse'
import type { ImportedPerson } from './person-record'
import type { ReadResult } from './read-result'

const fixture = (name: string): Uint8Array => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name))

async function readContacts(bytes: Uint8Array | string, format: Parameters<typeof parseFile>[1] = null): Promise<{ read: ReadResult; notes: string[]; byName: (name: string) => ImportedPerson }> {
  const parsed = await parseFile(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, format)
  if (parsed.kind !== 'contacts') throw new Error('expected contacts')
  return {
    read: parsed.read,
    notes: parsed.notes,
    byName: (name) => {
      const found = parsed.read.people.find((p) => p.name === name)
      if (found === undefined) throw new Error(`${name} not read; read ${parsed.read.people.map((p) => p.name).join(', ')}`)
      return found
    },
  }
}

describe('vCard from other programs', () => {
  it('keeps every card when a stray line comes before the first one or between cards, naming each skipped line', async () => {
    const { read, byName } = await readContacts(fixture('stray-lines.vcf'))
    expect(read.format).toBe('vcard')
    expect(read.people.map((p) => p.name)).toEqual(['Marta Costa', 'Ana Silva', 'Acme, Inc.'])
    expect(read.warnings).toContainEqual({ line: 1, message: 'text outside any card ("ENCODING:UTF-8"); skipped' })
    expect(read.warnings).toContainEqual({ line: 10, message: 'text outside any card ("X-EXPORTED-BY:Contacts Backup 2.3"); skipped' })
    expect(byName('Marta Costa').emails).toEqual(['marta@costa.example'])
  })

  it("stores Apple's year 1604 and --MMDD as a birthday without a year", async () => {
    const { byName } = await readContacts(fixture('stray-lines.vcf'))
    expect(byName('Marta Costa').birthday).toBe('--03-15')
    expect(byName('Ana Silva').birthday).toBe('--03-15')
    const { byName: fromApple } = await readContacts('BEGIN:VCARD\nVERSION:3.0\nFN:Ifeoma Okonkwo\nBDAY:16040721\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Grace Hopper\nBDAY:1906-12-09\nEND:VCARD\n')
    expect(fromApple('Ifeoma Okonkwo').birthday).toBe('--07-21')
    expect(fromApple('Grace Hopper').birthday).toBe('1906-12-09')
  })

  it('leaves out system groups (My Contacts, starred) and keeps real categories as tags, saying so once', async () => {
    const { byName, notes } = await readContacts(fixture('stray-lines.vcf'))
    expect(byName('Marta Costa').tags).toEqual(['Climate'])
    expect(byName('Ana Silva').tags).toEqual(['Investors'])
    expect(notes).toEqual(['The address book\'s own groups ("My Contacts", "starred") are not made tags.'])
    const { byName: android } = await readContacts('BEGIN:VCARD\nVERSION:2.1\nN:Sato;Hana;;;\nCATEGORIES:My Contacts,Starred in Android,Family\nEND:VCARD\n')
    expect(android('Hana Sato').tags).toEqual(['Family'])
  })

  it('puts a full name written last name first in order, but not a company or a suffix', async () => {
    const { read: r, byName } = await readContacts(fixture('stray-lines.vcf'))
    expect(byName('Ana Silva').phones).toEqual(['+351 21 555 0100'])
    expect(r.warnings).toContainEqual({ line: 11, message: 'the name "Silva, Ana" is last name first; read as "Ana Silva"' })
    expect(byName('Acme, Inc.').emails).toEqual(['hello@acme.example'])
  })

  it('still refuses an END:VCARD without a BEGIN:VCARD, and a file with no card at all', async () => {
    await expect(parseFile(Buffer.from('BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n'), null)).rejects.toThrow(/^Line 4: END:VCARD without a BEGIN:VCARD/)
    await expect(parseFile(Buffer.from('FN:A\n'), 'vcard')).rejects.toThrow(/there is no BEGIN:VCARD in it/)
  })
})

describe('Google system labels', () => {
  it('leaves out * myContacts, * starred and the legacy * My Contacts, keeping the other labels', async () => {
    const header = 'First Name,Last Name,Labels,E-mail 1 - Value'
    const { byName, notes } = await readContacts(`${header}\nElena,Vasquez,* myContacts ::: * starred ::: Friends,elena@example.org\nFarid,Haddad,* myContacts,farid@example.org\n`)
    expect(byName('Elena Vasquez').tags).toEqual(['Friends'])
    expect(notes).toEqual(['The address book\'s own groups ("myContacts", "starred") are not made tags.'])
    const { byName: legacy } = await readContacts(fixture('google-legacy.csv'))
    expect(legacy('Grace Hopper').tags).toEqual(['Navy'])
  })
})

describe('Outlook contacts CSV', () => {
  it('reads the English export: names, three emails, phones (not faxes), company, job, birthday, notes, categories, place', async () => {
    const { read: r, byName } = await readContacts(fixture('outlook-en.csv'))
    expect(r.format).toBe('outlook')
    expect(r.records).toBe(3)
    expect(byName('Dr. Ana Silva')).toMatchObject({
      line: 2,
      emails: ['ana@acme.example', 'ana.silva@gmail.com', 'ana@home.example'],
      phones: ['+351 91 555 0101', '+351 21 555 0100'],
      company: 'Acme Ventures',
      title: 'Partner',
      birthday: '1985-03-15',
      notes: 'Met at Web Summit.\r\nIntro via Ben.',
      tags: ['Investors', 'Climate'],
      location: 'Lisbon, Portugal',
      linkedinUrl: 'https://www.linkedin.com/in/ana-silva',
    })
    // 0/0/00 is Outlook's "no date": no birthday and no warning.
    expect(byName('Ben Okafor')).toMatchObject({ birthday: null, location: 'Lagos, Nigeria', phones: ['+234 1 555 0100'], tags: ['Holiday Cards'] })
    // A day past 12 cannot be a month: read day first.
    expect(byName('Chen Wei').birthday).toBe('1990-12-25')
    expect(r.warnings).toEqual([])
    expect(r.problems).toEqual([])
  })

  it('reads the German export in Windows-1252, with its own headers and dates', async () => {
    const { read: r, notes, byName } = await readContacts(fixture('outlook-de.csv'))
    expect(r.format).toBe('outlook')
    expect(notes[0]).toMatch(/Windows-1252/)
    expect(byName('Jürgen Müller')).toMatchObject({
      emails: ['juergen@baeckerei-gross.example', 'j.mueller@web.example'],
      phones: ['+49 170 5550101', '+49 89 5550100'],
      company: 'Bäckerei Groß GmbH',
      title: 'Geschäftsführer',
      birthday: '1970-12-24',
      notes: 'Liefert Brötchen.',
      tags: ['Geschäftlich', 'Lieferanten'],
      location: 'München, Deutschland',
    })
    expect(byName('Zoë Weiß')).toMatchObject({ birthday: null, location: 'Zürich, Schweiz', phones: ['+41 44 555 0100'] })
    expect(r.warnings).toEqual([])
  })

  it('reads the French export: Titre twice (form of address, left out of the name, then job), Anniversaire as the birthday', async () => {
    const { read: r, byName } = await readContacts(fixture('outlook-fr.csv'))
    expect(r.format).toBe('outlook')
    expect(byName('Hélène Lefèvre')).toMatchObject({
      emails: ['helene@lefevre.example', 'helene.perso@example.org'],
      phones: ['+33 6 55 55 01 00'],
      company: 'Société Générale',
      title: 'Directrice financière',
      birthday: '1982-07-14',
      tags: ['Clients'],
      location: 'Paris, France',
      website: 'https://www.lefevre.example',
    })
  })

  it('reads the DOS layout, and rows wider or narrower than the header with a warning on their line', async () => {
    const { read: r, byName } = await readContacts(fixture('outlook-dos.csv'))
    expect(r.format).toBe('outlook')
    expect(byName('Dev Patel')).toMatchObject({ emails: ['dev@globex.example', 'dev.patel@example.org'], phones: ['+1 415 555 0188'], company: 'Globex', title: 'CTO', birthday: null, tags: [] })
    expect(byName('Lena Long').line).toBe(3)
    expect(byName('Sam Short')).toMatchObject({ company: 'Initech', line: 4 })
    expect(r.warnings).toEqual([
      { line: 3, message: 'the row has 94 fields where the header has 92; the 2 past the last column are left out' },
      { line: 4, message: 'the row has 6 fields where the header has 92; the missing ones are read as empty' },
    ])
  })

  it('puts "Last, First" names in order only when nothing else is possible', async () => {
    const { read: r } = await readContacts(fixture('exchange-names.csv'))
    expect(r.format).toBe('outlook')
    expect(r.people.map((p) => p.name)).toEqual(['Ana Silva', 'Acme, Inc.', 'King, Martin, Jr.', "Mary Ann O'Neil-Hart", 'Okafor, Jr.'])
    expect(r.warnings).toEqual([
      { line: 2, message: 'the name "Silva, Ana" is last name first; read as "Ana Silva"' },
      { line: 5, message: `the name "O'Neil-Hart, Mary Ann" is last name first; read as "Mary Ann O'Neil-Hart"` },
    ])
  })

  it('reads a birthday with a time of day after it, and takes 0/0/00 with a time as no date', async () => {
    const { read: r, byName } = await readContacts('First Name,Last Name,E-mail Address,Birthday\nAna,Silva,,3/15/1985 0:00:00\nBen,Okafor,,0/0/00 12:00:00 AM\n')
    expect(byName('Ana Silva').birthday).toBe('1985-03-15')
    expect(byName('Ben Okafor').birthday).toBeNull()
    expect(r.warnings).toEqual([])
  })

  it('warns about a birthday it cannot read and an Exchange internal address, by line, and imports the rest of the row', async () => {
    const file = 'First Name,Last Name,E-mail Address,E-mail Type,E-mail 2 Address,Birthday\nAna,Silva,/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=ana,EX,ana@acme.example,sometime in May\n'
    const { read: r, byName } = await readContacts(file)
    expect(byName('Ana Silva').emails).toEqual(['ana@acme.example'])
    expect(r.warnings).toEqual([
      { line: 2, message: 'the birthday "sometime in May" is not a date; left out' },
      { line: 2, message: 'an Exchange internal address (/o=…), not an email address; left out' },
    ])
  })
})
