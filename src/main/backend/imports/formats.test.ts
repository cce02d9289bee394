/**
 * Every quirk docs/imports.md lists, read from fixture files written
 * from the formats' descriptions, and malformed files of each format.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFile, type Parsed } from './parse'
import type { ImportedPerson } from './person-record'

const fixture = (name: string): Uint8Array => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name))

async function people(bytes: Uint8Array | string): Promise<{ parsed: Parsed & { kind: 'contacts' }; byName: (name: string) => ImportedPerson }> {
  const parsed = await parseFile(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, null)
  if (parsed.kind !== 'contacts') throw new Error('expected contacts')
  return {
    parsed,
    byName: (name) => {
      const found = parsed.read.people.find((p) => p.name === name)
      if (found === undefined) throw new Error(`${name} not read; read ${parsed.read.people.map((p) => p.name).join(', ')}`)
      return found
    },
  }
}

/** The same text as UTF-16LE with a byte order mark (FF FE), as some Google exports are. */
const utf16le = (text: string): Uint8Array => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])

async function refusal(bytes: Uint8Array | string, format: Parameters<typeof parseFile>[1] = null): Promise<string> {
  try {
    await parseFile(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, format)
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
  throw new Error('the file was accepted')
}

describe('LinkedIn Connections.csv', () => {
  it('skips the preamble, reads BOM, CRLF, quoted commas, accents and the Connected On date', async () => {
    const { parsed, byName } = await people(fixture('linkedin-connections.csv'))
    expect(parsed.read.format).toBe('linkedin')
    expect(parsed.read.records).toBe(4)
    expect(byName('Ana Silva')).toMatchObject({ company: 'Acme, Inc.', title: 'Head of Growth', emails: [], linkedinUrl: 'https://www.linkedin.com/in/ana-silva-42', since: '2024-03-12', line: 5 })
    expect(byName('Ben Okafor')).toMatchObject({ title: 'CTO, co-founder', emails: ['ben@okafor.dev'], since: '2021-02-01' })
    expect(byName('Zoë Müller')).toMatchObject({ company: 'Café Lumière', since: '2019-01-07' })
    // A row with no name at all is reported with its line, not imported.
    expect(parsed.read.problems).toEqual([{ line: 8, message: 'no name, company or email to file this contact under' }])
  })

  it('reads older exports without the preamble or the URL column', async () => {
    const { parsed, byName } = await people(fixture('linkedin-old.csv'))
    expect(parsed.read.format).toBe('linkedin')
    expect(byName('Carla Reyes')).toMatchObject({ emails: ['carla@reyes.io'], company: 'Globex', linkedinUrl: null, since: '2018-06-03', line: 2 })
    expect(byName('Dev Patel').emails).toEqual([])
  })

  it('refuses a broken quote naming the line, and a wrong header', async () => {
    const broken = 'First Name,Last Name,Email Address,Company,Position,Connected On\nAna,Silva,,"Acme,Lead,12 Mar 2024\nBen,Okafor,,Northwind,CTO,01 Feb 2021\n'
    expect(await refusal(broken)).toMatch(/^Line 2: a quoted field starts here and is never closed/)
    expect(await refusal('Name,Phone\nAna,123\n', 'linkedin')).toMatch(/not a LinkedIn connections file/)
  })
})

describe('Google Contacts CSV', () => {
  it('reads the current format: " ::: " multi-values, "* " primary marks, labels, birthday without a year, multi-line address', async () => {
    const { parsed, byName } = await people(fixture('google-current.csv'))
    expect(parsed.read.format).toBe('google')
    const elena = byName('Elena Vasquez')
    expect(elena).toMatchObject({
      emails: ['elena@umbrella.example', 'elena.v@gmail.com', 'lena@home.example'],
      phones: ['+1 415 555 0101', '+1 415 555 0102'],
      aliases: ['Lena'],
      company: 'Umbrella Labs',
      title: 'VP Engineering',
      birthday: '--03-14',
      notes: 'Met at the climate summit, 2023',
      tags: ['Friends', 'Climate'],
      location: 'Lisbon, Portugal',
      linkedinUrl: 'https://www.linkedin.com/in/elena-vasquez',
      line: 2,
    })
    // The quoted address spans three lines; the next row starts after it.
    expect(byName('Dr. Farid Haddad')).toMatchObject({ birthday: '1984-11-02', emails: ['farid@haddad.example'], tags: [], line: 5 })
  })

  it('reads the legacy format, also as UTF-16LE with a byte order mark', async () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'google-legacy.csv'), 'utf8')
    for (const bytes of [Buffer.from(text), utf16le(text)]) {
      const { parsed, byName } = await people(bytes)
      expect(parsed.read.format).toBe('google')
      expect(byName('Grace Hopper')).toMatchObject({
        emails: ['grace@navy.example', 'grace@home.example'],
        phones: ['+1 202 555 0199'],
        company: 'US Navy',
        title: 'Rear Admiral',
        birthday: '1906-12-09',
        tags: ['Navy'],
        notes: 'Rear admiral',
      })
    }
    expect((await parseFile(utf16le(text), null)).notes).toEqual(['The file is UTF-16 text; it was read as such.', 'The address book\'s own groups ("My Contacts") are not made tags.'])
  })

  it('refuses a field with text after its closing quote, naming the line', async () => {
    const text = 'First Name,Last Name,Labels,E-mail 1 - Value\nAna,Silva,,ana@x.example\nBen,"Oka"for,,ben@x.example\n'
    expect(await refusal(text)).toMatch(/^Line 3: a quoted field has text straight after its closing quote/)
  })
})

describe('vCard', () => {
  it('reads Android 2.1: quoted-printable with CHARSET, soft line breaks, raw newlines in NOTE, bare parameters, vendor lines', async () => {
    const { parsed, byName } = await people(fixture('android-2.1.vcf'))
    expect(parsed.read.format).toBe('vcard')
    expect(byName('Jürgen Müller')).toMatchObject({
      phones: ['+49 30 555 0100', '030 555 0101'],
      emails: ['juergen@example.de'],
      company: 'Gründerhaus',
      notes: 'Kennt alle in der Berliner Startup-Szene – fragt nach Investoren',
      line: 1,
    })
    expect(byName('Kenji Nakamura')).toMatchObject({ notes: 'First line of a note\nsecond line, written raw', phones: ['+81 3 5555 0100'], line: 14 })
  })

  it('reads quoted-printable in Windows-1252, and in ISO-8859-1 as the encoding standard reads it (with Windows-1252\'s marks)', async () => {
    const card = (charset: string, name: string): string =>
      `BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=${charset};ENCODING=QUOTED-PRINTABLE:${name}\r\nFN;CHARSET=${charset};ENCODING=QUOTED-PRINTABLE:${name.split(';').reverse().join(' ').trim()}\r\nEND:VCARD\r\n`
    const { byName } = await people(card('WINDOWS-1252', 'O=92Brien;Se=E1n') + card('ISO-8859-1', 'D=9Cuf;Fran=E7ois'))
    expect(byName('Seán O’Brien').name).toBe('Seán O’Brien')
    expect(byName('François Dœuf').name).toBe('François Dœuf')
  })

  it('reads Apple 3.0: grouped itemN. properties, labels, omitted-year birthday; skips group cards', async () => {
    const { parsed, byName } = await people(fixture('apple-3.0.vcf'))
    const ifeoma = byName('Ifeoma Okonkwo')
    expect(ifeoma).toMatchObject({
      emails: ['ifeoma@sahel.example', 'ifeoma.okonkwo@gmail.com'],
      phones: ['+234 1 555 0100'],
      company: 'Sahel Ventures',
      title: 'General Partner',
      linkedinUrl: 'https://www.linkedin.com/in/ifeoma-okonkwo',
      location: 'Lagos, Lagos State, Nigeria',
      birthday: '--07-21',
      notes: 'Invests in climate and fintech, pre-seed to A.\nPrefers warm intros.',
      tags: ['Investors', 'Africa'],
    })
    expect(parsed.read.people).toHaveLength(1)
    expect(parsed.read.ignored).toEqual([{ line: 21, message: 'an address book group, not a person; skipped' }])
  })

  it('reads Google 3.0 folded lines, unfolding bytes even where a fold splits a UTF-8 character', async () => {
    const note = 'Conheceu a equipa em São Paulo — ótima conversa sobre crédito rural e cooperativas'
    const line = Buffer.from(`NOTE:${note}`)
    // Fold inside the two bytes of "ã" (C3 A3), as a byte-counting writer may.
    const at = line.indexOf(0xa3)
    const folded = Buffer.concat([
      Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jo'),
      Buffer.from('\r\n ão Pereira\r\n'),
      line.subarray(0, at),
      Buffer.from('\r\n '),
      line.subarray(at),
      Buffer.from('\r\nEMAIL;TYPE=INTERNET:joao@pereira.example\r\nEND:VCARD\r\n'),
    ])
    const { byName } = await people(folded)
    expect(byName('João Pereira')).toMatchObject({ notes: note, emails: ['joao@pereira.example'] })
  })

  it('reads 4.0: BDAY:--MMDD, tel: URIs, empty lines between cards, KIND:group skipped; VERSION need not be second', async () => {
    const { parsed, byName } = await people(fixture('v4.0.vcf'))
    expect(byName('Priya Raman')).toMatchObject({ birthday: '--03-14', phones: ['+91-80-5555-0100'], emails: ['priya@raman.example'] })
    expect(parsed.read.ignored).toHaveLength(1)
  })

  it('reads many cards, and reports a card without END:VCARD by its line', async () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:One\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Two\nBEGIN:VCARD\nVERSION:3.0\nFN:Three\nEND:VCARD\n'
    const { parsed } = await people(text)
    expect(parsed.read.people.map((p) => p.name)).toEqual(['One', 'Three'])
    expect(parsed.read.problems).toEqual([{ line: 5, message: 'the card has no END:VCARD before the next card begins on line 8; not imported' }])
  })

  it('refuses an END without a BEGIN naming the line, and a file with no card; skips text outside cards with a warning', async () => {
    expect(await refusal('BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n')).toMatch(/^Line 4: END:VCARD without a BEGIN:VCARD/)
    expect(await refusal('FN:A\n', 'vcard')).toMatch(/there is no BEGIN:VCARD in it/)
    const { parsed } = await people('BEGIN:VCARD\nFN:A\nEND:VCARD\nhello there\n')
    expect(parsed.read.people.map((p) => p.name)).toEqual(['A'])
    expect(parsed.read.warnings).toEqual([{ line: 4, message: 'text outside any card ("hello there"); skipped' }])
  })
})

describe('relationship sheets', () => {
  it('reads rows with kind and confidence, and reports bad rows by line', async () => {
    const { parsed } = await people(fixture('relationships.csv'))
    expect(parsed.read.format).toBe('relationships')
    expect(parsed.read.relationships.map((r) => [r.line, r.a.text, r.b.text, r.strength, r.kind, r.confidence])).toEqual([
      [2, 'Ana Silva', 'Ben Okafor', 4, 'colleague', 'firsthand'],
      [3, 'ben@okafor.dev', 'Hana Sato', 3, 'friend', 'believed'],
      [4, 'Hana Sato', 'ivan@example.org', 2, null, null],
      [6, 'Ana Silva', 'Ben Okafor', 5, null, null],
    ])
    expect(parsed.read.relationships[1]?.a.email).toBe('ben@okafor.dev')
    expect(parsed.read.problems).toEqual([
      { line: 5, message: '"Ana Silva" is on both sides; a relationship needs two people' },
      { line: 7, message: 'strength must be a whole number from 1 to 5, not "seven"' },
      { line: 8, message: 'kind "rival" is not one of colleague, friend, family, classmate, investor, client, other' },
    ])
  })

  it('refuses a sheet without a strength column', async () => {
    expect(await refusal('person_a,person_b,context\nA,B,x\n')).toMatch(/no strength column/)
  })
})

describe('any file', () => {
  it('refuses what it cannot recognise, binary files, empty files and files over 50 MB', async () => {
    expect(await refusal('Vorname,Nachname\nAna,Silva\n')).toMatch(/cannot tell what kind of file this is. Its first line is "Vorname,Nachname"/)
    expect(await refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]))).toMatch(/not a text file/)
    expect(await refusal('')).toMatch(/empty/)
    expect(await refusal(Buffer.alloc(50 * 1024 * 1024 + 1, 0x41))).toMatch(/The file is 50\.0 MB; Kith imports files up to 50 MB/)
  })

  it('says a mailbox, a calendar, an email or a zip is not a contacts file, and where it goes', async () => {
    const where = /not a contacts file: use "Learn from mail and calendars" on this page/
    for (const [text, what] of [
      ['From ana@acme.example Wed Nov  1 06:04:52 2026\nFrom: Ana <ana@acme.example>\n\nHi\n', 'a mailbox \\(mbox\\)'],
      ['BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', 'a calendar \\(\\.ics\\)'],
      ['Received: from x\nFrom: Ana <ana@acme.example>\nSubject: Hi\n\nHi\n', 'an email message \\(\\.eml\\)'],
    ] as const) {
      const message = await refusal(text)
      expect(message).toMatch(new RegExp(`^This is ${what}, `))
      expect(message).toMatch(where)
    }
    expect(await refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]))).toMatch(/^This is a zip archive, not a contacts file\. LinkedIn's data export is one: .* take out the contacts file \(\.csv or \.vcf\)/)
    // An mbox whose first line carries a date with a comma is still a mailbox.
    expect(await refusal('From ana@acme.example Wed, 1 Nov 2026 06:04:52 +0000\nFrom: Ana <ana@acme.example>\n\nHi\n')).toMatch(/^This is a mailbox \(mbox\), /)
    // A spreadsheet whose first column starts with "From" is still read as one.
    expect(await refusal('From date,To date\n2026-01-01,2026-02-01\n')).toMatch(/cannot tell what kind of file this is/)
  })

  it('refuses more than 200,000 records', async () => {
    const rows = ['First Name,Last Name,Email Address,Company,Position,Connected On']
    for (let i = 0; i <= 200_000; i++) rows.push(`A${i},B,,,,`)
    expect(await refusal(rows.join('\n'))).toMatch(/more than 200,000 records/)
  })

  it('reads Windows-1252 text and says so', async () => {
    const bytes = Buffer.from('First Name,Last Name,Email Address,Company,Position,Connected On\nJos\xe9,Garc\xeda,,,,\n', 'latin1')
    const parsed = await parseFile(bytes, null)
    expect(parsed.kind === 'contacts' && parsed.read.people[0]?.name).toBe('José García')
    expect(parsed.notes[0]).toMatch(/Windows-1252/)
  })

  it('reads the marks only Windows-1252 has (bytes 0x80 to 0x9F: curly quotes, dashes, œ, €, Š) as those marks', async () => {
    // An Outlook contacts export (its English headers), in the code page Outlook writes.
    const header = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'outlook-en.csv'), 'utf8').split(/\r?\n/)[0] ?? ''
    const columns = header.split(',').map((c) => c.replace(/"/g, ''))
    const row = (fields: Record<string, string>): string => columns.map((c) => `"${fields[c] ?? ''}"`).join(',')
    const text = [
      header,
      row({ 'First Name': 'Se\xe1n', 'Last Name': 'O\x92Brien', Company: '\x80uro Caf\xe9', 'Job Title': 'CEO \x96 Founder', Notes: '\x93Ask about \x8aibenik\x94' }),
      row({ 'First Name': 'Fran\xe7ois', 'Last Name': 'D\x9cuf' }),
    ].join('\r\n')
    const { parsed, byName } = await people(Buffer.from(text, 'latin1'))
    expect(parsed.notes[0]).toMatch(/Windows-1252/)
    expect(byName('Seán O’Brien')).toMatchObject({ company: '€uro Café', title: 'CEO – Founder', notes: '“Ask about Šibenik”' })
    expect(byName('François Dœuf').name).toBe('François Dœuf')
  })
})
