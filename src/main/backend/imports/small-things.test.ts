/**
 * What a new user trips over in an import: namesakes with their own LinkedIn
 * profiles, profile addresses without https://, and a file that is not a
 * contacts file at all.
 */
import { describe, expect, it } from 'vitest'
import type { Backend } from '../backend'
import { fails, ok } from '../testing/call'
import { importFile, previewImport } from '../testing/imports'
import { openTempBackend } from '../testing/temp'

const NOW = new Date('2026-11-22T10:00:00Z')
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'

async function withMe(): Promise<Backend> {
  const backend = await openTempBackend({ now: () => NOW })
  await ok(backend, 'me.set', { name: 'Maya Lindqvist' })
  return backend
}

/** Random printable text with quotes, commas and line breaks, the same on every run. */
function randomText(length: number): string {
  let seed = 7
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,;.:"\'!?-_()[]{}\n\t'
  const out: string[] = []
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    out.push(chars[Math.floor((seed / 2147483648) * chars.length)] ?? 'a')
  }
  return out.join('')
}

describe('namesakes in a LinkedIn file', () => {
  it('imports two rows with the same name and different profiles as two people', async () => {
    const backend = await withMe()
    const file = [
      HEADER,
      'Grace,Kim,https://www.linkedin.com/in/grace-kim-1,,,,12 Mar 2024',
      'Grace,Kim,https://www.linkedin.com/in/grace-kim-2,,,,01 Feb 2021',
      'Grace,Kim,https://www.linkedin.com/in/grace-kim-1,,,Designer,01 Feb 2021',
    ].join('\n')
    const { preview, result } = await importFile(backend, 'Connections.csv', file)
    expect(preview.counts).toMatchObject({ new: 2, duplicates: 1 })
    expect(result.created).toBe(2)
    const graces = (await ok(backend, 'people.list', {})).people.filter((p) => p.name === 'Grace Kim')
    expect(graces).toHaveLength(2)
  })

  it('does not take a namesake already in Kith with another profile for the same person', async () => {
    const backend = await withMe()
    await ok(backend, 'people.create', { name: 'Grace Kim', linkedinUrl: 'https://www.linkedin.com/in/grace-kim-1' })
    const { preview } = await importFile(backend, 'Connections.csv', [HEADER, 'Grace,Kim,https://www.linkedin.com/in/grace-kim-2,,,,12 Mar 2024'].join('\n'))
    expect(preview.counts).toMatchObject({ new: 1, matches: 0 })
    expect((await ok(backend, 'people.list', {})).people.filter((p) => p.name === 'Grace Kim')).toHaveLength(2)
  })
})

describe('my own address in a contacts file', () => {
  it('is me, matched by that address: never a second me, never linked to me', async () => {
    const backend = await withMe()
    await ok(backend, 'settings.archive.set', { myAddresses: ['me@mine.com'], keepSubjects: false })
    const file = ['Name,E-mail Address,Company', 'Maya L,ME@mine.com,Mine Inc', 'Ana Silva,ana@acme.example,Acme'].join('\n')
    const { preview, result } = await importFile(backend, 'contacts.csv', file)
    expect(preview.counts).toMatchObject({ new: 1, matches: 1 })
    expect(preview.matches.map((m) => [m.existing.name, m.by])).toEqual([['Maya Lindqvist', 'email']])
    expect(result.created).toBe(1)
    const people = (await ok(backend, 'people.list', {})).people
    expect(people.map((p) => p.name).sort()).toEqual(['Ana Silva', 'Maya Lindqvist'])
    expect(people.filter((p) => p.isMe)).toHaveLength(1)
  })
})

describe('a match that only adds a phone', () => {
  it('says so in the preview ("adds Phone"), not "nothing new", and the merge keeps it', async () => {
    const backend = await withMe()
    const carol = await ok(backend, 'people.create', { name: 'Carol Nguyen', emails: ['carol@initech.com'] })
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Carol Nguyen', 'EMAIL:carol@initech.com', 'TEL;type=CELL:+1 555 000 1111', 'END:VCARD', ''].join('\r\n')
    const { preview, result } = await importFile(backend, 'carol.vcf', card)
    expect(preview.counts).toMatchObject({ matches: 1, unchanged: 0 })
    expect(preview.matches.map((m) => m.adds)).toEqual([['Phone']])
    expect(result.updated).toBe(1)
    expect((await ok(backend, 'people.get', { id: carol.id })).phones).toEqual(['+1 555 000 1111'])
    // The same card again: now there is nothing new.
    const again = await previewImport(backend, 'carol.vcf', card)
    expect(again.preview?.counts).toMatchObject({ matches: 1, unchanged: 1 })
  })
})

describe('someone who changed jobs', () => {
  it('is new in the preview, but named beside the person of the same name already in Kith', async () => {
    const backend = await withMe()
    const vera = await ok(backend, 'people.create', { name: 'Vera Walsh', company: 'Northwind Labs' })
    await ok(backend, 'people.create', { name: 'Ben Okafor', company: 'Beta', linkedinUrl: 'https://www.linkedin.com/in/ben-okafor-1' })
    const archived = await ok(backend, 'people.create', { name: 'Cy Park' })
    await ok(backend, 'people.archive', { id: archived.id })
    const file = [
      HEADER,
      'vera,WALSH,https://www.linkedin.com/in/vera-walsh,,Lumen Energy,CTO,12 Mar 2024',
      // Another profile: another Ben, whatever the name.
      'Ben,Okafor,https://www.linkedin.com/in/ben-okafor-2,,Gamma,,12 Mar 2024',
      'Cy,Park,,,Delta,,12 Mar 2024',
    ].join('\n')
    const { preview } = await previewImport(backend, 'Connections.csv', file)
    expect(preview?.counts).toMatchObject({ new: 3, matches: 0 })
    expect(preview?.newPeople.map((p) => [p.name, p.namesakes])).toEqual([
      ['vera WALSH', [{ id: vera.id, name: 'Vera Walsh', company: 'Northwind Labs' }]],
      ['Ben Okafor', []],
      ['Cy Park', []],
    ])
  })
})

describe('a LinkedIn address without https://', () => {
  it('is accepted on a person and saved with https://', async () => {
    const backend = await withMe()
    const ana = await ok(backend, 'people.create', { name: 'Ana Silva', linkedinUrl: 'linkedin.com/in/ana-silva-42' })
    expect(ana.linkedinUrl).toBe('https://linkedin.com/in/ana-silva-42')
    const updated = await ok(backend, 'people.update', { id: ana.id, patch: { linkedinUrl: ' www.linkedin.com/in/ana-s ' } })
    expect(updated.linkedinUrl).toBe('https://www.linkedin.com/in/ana-s')
    expect((await fails(backend, 'people.update', { id: ana.id, patch: { linkedinUrl: 'ana at linkedin' } })).message).toMatch(/starting with https:\/\//)
  })

  it('is stored with https:// when a file gives it bare', async () => {
    const backend = await withMe()
    await importFile(backend, 'Connections.csv', [HEADER, 'Ana,Silva,linkedin.com/in/ana-silva-42,,,,12 Mar 2024', 'Ben,Okafor,www.linkedin.com/in/benokafor,,,,12 Mar 2024'].join('\n'))
    const people = (await ok(backend, 'people.list', {})).people
    const url = async (name: string) => (await ok(backend, 'people.get', { id: people.find((p) => p.name === name)?.id ?? 0 })).linkedinUrl
    expect(await url('Ana Silva')).toMatch(/^https:\/\/(www\.)?linkedin\.com\/in\/ana-silva-42$/)
    expect(await url('Ben Okafor')).toMatch(/^https:\/\/(www\.)?linkedin\.com\/in\/benokafor$/)
  })
})

describe('a file that is not a contacts file', () => {
  it('gets a plain message for 5 MB of random text, never the parser’s own words', async () => {
    const backend = await withMe()
    const text = randomText(5_000_000)
    const { preview, error } = await previewImport(backend, 'notes.txt', text)
    expect(preview).toBeNull()
    expect(error).toMatch(/^Kith cannot tell what kind of file this is\. Its first line is ".*"\. Kith reads LinkedIn Connections\.csv, Google Contacts CSV, Outlook contacts CSV, contact spreadsheets .*, vCard/)
    const chosen = await previewImport(backend, 'notes.txt', text, 'linkedin')
    expect(chosen.preview).toBeNull()
    expect(chosen.error).not.toMatch(/quote is found|value is|Invalid/)
    expect(chosen.error).toMatch(/Nothing was imported|LinkedIn/)
    expect((await ok(backend, 'status', {})).counts.people).toBe(1)
  })
})
