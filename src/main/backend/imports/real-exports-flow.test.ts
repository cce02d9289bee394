/**
 * Real exports from other programs, through the same calls the app makes:
 * what the preview says and who is in Kith afterwards.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { PersonDetail } from '../../../shared/types/people'
import type { Backend } from '../backend'
import { ok } from '../testing/call'
import { importFile } from '../testing/imports'
import { openTempBackend } from '../testing/temp'

const fixture = (name: string): Buffer => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name))
const NOW = new Date('2026-11-22T10:00:00Z')

async function withMe(): Promise<Backend> {
  const backend = await openTempBackend({ now: () => NOW })
  await ok(backend, 'me.set', { name: 'Maya Lindqvist' })
  return backend
}

async function person(backend: Backend, name: string): Promise<PersonDetail> {
  const hit = (await ok(backend, 'search', { query: name })).find((h) => h.name === name)
  if (hit === undefined) throw new Error(`${name} is not in Kith`)
  return ok(backend, 'people.get', { id: hit.id })
}

describe('importing exports written by other programs', () => {
  it('a vCard file with a stray first line: every card is imported, the skipped lines are in the preview, birthdays without a year, no system tags', async () => {
    const backend = await withMe()
    const { preview, result } = await importFile(backend, 'contacts.vcf', fixture('stray-lines.vcf'))
    expect(preview.format).toBe('vcard')
    expect(preview.counts.new).toBe(3)
    expect(preview.notes).toEqual(['The address book\'s own groups ("My Contacts", "starred") are not made tags.'])
    expect(preview.warnings).toEqual([
      { line: 1, message: 'text outside any card ("ENCODING:UTF-8"); skipped' },
      { line: 10, message: 'text outside any card ("X-EXPORTED-BY:Contacts Backup 2.3"); skipped' },
      { line: 11, message: 'the name "Silva, Ana" is last name first; read as "Ana Silva"' },
    ])
    expect(result.created).toBe(3)
    const marta = await person(backend, 'Marta Costa')
    expect(marta.birthday).toBe('--03-15')
    expect(marta.tags).toEqual(['Climate', 'import vCard 2026-11-22'])
    expect((await person(backend, 'Ana Silva')).tags).toEqual(['Investors', 'import vCard 2026-11-22'])
  })

  it('an Outlook export in German: read, imported, listed in the history as Outlook, and undone', async () => {
    const backend = await withMe()
    const { preview, result } = await importFile(backend, 'Kontakte.CSV', fixture('outlook-de.csv'))
    expect(preview).toMatchObject({ format: 'outlook', records: 2, counts: { new: 2, errors: 0 }, defaultStrength: 2, tag: 'import Outlook 2026-11-22' })
    expect(preview.notes[0]).toMatch(/Windows-1252/)
    expect(result).toMatchObject({ format: 'outlook', created: 2 })
    const juergen = await person(backend, 'Jürgen Müller')
    expect(juergen).toMatchObject({ company: 'Bäckerei Groß GmbH', title: 'Geschäftsführer', birthday: '1970-12-24', location: 'München, Deutschland' })
    expect(juergen.emails).toEqual(['juergen@baeckerei-gross.example', 'j.mueller@web.example'])
    expect(juergen.tags).toEqual(['Geschäftlich', 'Lieferanten', 'import Outlook 2026-11-22'])
    expect(juergen.relationships).toEqual([expect.objectContaining({ strength: 2, source: 'imported' })])

    const history = await ok(backend, 'imports.list', {})
    expect(history).toEqual([expect.objectContaining({ format: 'outlook', fileName: 'Kontakte.CSV', created: 2 })])
    await ok(backend, 'imports.undo', { id: history[0]?.id ?? 0 })
    expect((await ok(backend, 'search', { query: 'Müller' })).map((h) => h.name)).toEqual([])
  })
})
